namespace GbAtomistics.Pipelines.Execution;

/// <summary>Provenance of one file read by a run: path, size in bytes and SHA-256 (hex).</summary>
public sealed record InputFileInfo(string Path, long Bytes, string Sha256)
{
    public static InputFileInfo Of(string path)
    {
        using FileStream stream = File.OpenRead(path);
        byte[] hash = System.Security.Cryptography.SHA256.HashData(stream);
        return new InputFileInfo(path, stream.Length, Convert.ToHexStringLower(hash));
    }
}
