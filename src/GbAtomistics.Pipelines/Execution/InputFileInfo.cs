namespace GbAtomistics.Pipelines.Execution;

/// <summary>
/// Provenance of one input read by a run: path, size in bytes and SHA-256 (hex); for a trajectory of several files,
/// their total size and the SHA-256 of their contents one after the other.
/// </summary>
public sealed record InputFileInfo(string Path, long Bytes, string Sha256)
{
    public static InputFileInfo Of(string path)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        long bytes = 0;
        byte[] buffer = new byte[1 << 20];
        foreach (string file in IO.TrajectoryFiles.Expand(path))
        {
            using FileStream stream = File.OpenRead(file);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                bytes += read;
            }
        }

        return new InputFileInfo(path, bytes, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }
}
