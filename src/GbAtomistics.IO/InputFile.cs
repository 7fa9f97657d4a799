using System.IO.Compression;
using GbAtomistics.Core;
using ICSharpCode.SharpZipLib.BZip2;

namespace GbAtomistics.IO;

/// <summary>Opens input files for reading, decompressing <c>.gz</c> and <c>.bz2</c> transparently.</summary>
public static class InputFile
{
    /// <summary>
    /// Opens <paramref name="path"/> for sequential reading. Compression is recognised by its magic bytes, so a
    /// compressed file without the usual extension is read too. A missing file is an <see cref="InputException"/>.
    /// </summary>
    public static Stream OpenRead(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            throw new InputException($"{path}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputException($"{path}: no such file (its folder does not exist)");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(Directory.Exists(path) ? $"{path}: is a folder, expected a file" : $"{path}: permission denied");
        }

        Span<byte> magic = stackalloc byte[3];
        int n = file.ReadAtLeast(magic, 3, throwOnEndOfStream: false);
        file.Position = 0;
        if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            // Deflate expands at most 1032-fold; 1 MB of slack covers headers and multi-member files.
            long max = file.Length > long.MaxValue / 2048 ? long.MaxValue : (file.Length * 1032) + (1 << 20);
            return new DecompressionStream(new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16), path, max);
        }

        if (n >= 3 && magic[0] == (byte)'B' && magic[1] == (byte)'Z' && magic[2] == (byte)'h')
        {
            BZip2InputStream bzip2;
            try
            {
                bzip2 = new BZip2InputStream(file); // reads the first block already
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                file.Dispose();
                throw new InputFormatException(path, 0, null, $"expected a readable bzip2 stream, found corrupt or cut compressed data at its start ({e.Message})");
            }

            return new DecompressionStream(new BufferedStream(bzip2, 1 << 16), path);
        }

        return file;
    }

    /// <summary>The first <paramref name="count"/> bytes of the (decompressed) file, for format sniffing.</summary>
    public static byte[] ReadHead(string path, int count = 4096)
    {
        using Stream s = OpenRead(path);
        byte[] buffer = new byte[count];
        int n;
        try
        {
            n = s.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new InputFormatException(path, 0, null, $"expected a readable file, found a damaged or unreadable stream ({e.Message})");
        }

        return buffer[..n];
    }

    /// <summary>The name without a compression extension: <c>dump.lammpstrj.gz</c> → <c>dump.lammpstrj</c>.</summary>
    public static string StripCompression(string fileName)
    {
        foreach (string ext in new[] { ".gz", ".bz2" })
        {
            if (fileName.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return fileName[..^ext.Length];
            }
        }

        return fileName;
    }
}
