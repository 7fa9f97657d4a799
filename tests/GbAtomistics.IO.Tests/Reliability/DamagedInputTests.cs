using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using GbAtomistics.Core;
using GbAtomistics.IO.Xyz;
using GbAtomistics.Tests;
using ICSharpCode.SharpZipLib.BZip2;

namespace GbAtomistics.IO.Tests.Reliability;

/// <summary>
/// Damaged inputs found by mutating real files (and by tools/GbAtomistics.Fuzz): each must end in one located
/// <see cref="InputFormatException"/> (path and line) from the registry's reader, quickly and without allocating for
/// counts the file cannot hold.
/// </summary>
public sealed class DamagedInputTests
{
    private const string DumpFrame =
        "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n" +
        "ITEM: ATOMS id type x y z\n1 1 1 1 1\n2 2 5 5 5\n";

    private const string Poscar = "Li2O\n1.0\n4 0 0\n0 4 0\n0 0 4\nLi O\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n";

    private const string Xdatcar = "Li2O\n   1\n 4 0 0\n 0 4 0\n 0 0 4\n Li O\n 2 1\nDirect configuration=     1\n 0 0 0\n 0.5 0.5 0\n 0.5 0 0.5\n";

    private const string Data =
        "title\n\n2 atoms\n2 atom types\n\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\nMasses\n\n1 6.94\n2 15.999\n\n" +
        "Atoms # atomic\n\n1 1 1 1 1\n2 2 5 5 5\n";

    private const string Extxyz = "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nLi 0 0 0\nO 2 2 2\n";

    public static TheoryData<string, string, string, string, long, string> Cases => new()
    {
        // name, file name, format, content, line, message fragment
        { "dump count of int.MaxValue", "a.lammpstrj", "lammps-dump", DumpFrame.Replace("ATOMS\n2\n", "ATOMS\n2147483647\n", StringComparison.Ordinal), 4, "room for at most" },
        { "dump count beyond int", "a.lammpstrj", "lammps-dump", DumpFrame.Replace("ATOMS\n2\n", "ATOMS\n99999999999\n", StringComparison.Ordinal), 4, "between 0 and 2147483647" },
        { "dump scaled coordinate of 1e308", "a.lammpstrj", "lammps-dump", DumpFrame.Replace("id type x y z\n1 1 1 1 1", "id type xs ys zs\n1 1 1e308 0 0", StringComparison.Ordinal), 10, "finite position" },
        { "dump box of 1e-300", "a.lammpstrj", "lammps-dump", DumpFrame.Replace("0 10\n0 10\n0 10\n", "0 1e-300\n0 10\n0 10\n", StringComparison.Ordinal), 5, "cell vectors between" },
        { "POSCAR count of 1e9", "POSCAR", "vasp-poscar", Poscar.Replace("Li O\n1 1\n", "Li O\n1000000000 1\n", StringComparison.Ordinal), 7, "room for at most" },
        { "POSCAR scale of 1e308", "POSCAR", "vasp-poscar", Poscar.Replace("Li2O\n1.0\n", "Li2O\n1e308\n", StringComparison.Ordinal), 5, "finite cell vectors" },
        { "POSCAR scale of 1e-300", "POSCAR", "vasp-poscar", Poscar.Replace("Li2O\n1.0\n", "Li2O\n1e-300\n", StringComparison.Ordinal), 5, "cell vectors between" },
        { "POSCAR Direct coordinate of 1e308", "POSCAR", "vasp-poscar", Poscar.Replace("0.5 0.5 0.5", "1e308 0.5 0.5", StringComparison.Ordinal), 10, "finite position" },
        { "XDATCAR species count of 1e9", "XDATCAR", "vasp-xdatcar", Xdatcar.Replace(" 2 1\n", " 1000000000 1\n", StringComparison.Ordinal), 7, "room for at most" },
        { "XDATCAR lattice component of 1e308", "XDATCAR", "vasp-xdatcar", Xdatcar.Replace(" 0 4 0\n", " 0 1e308 0\n", StringComparison.Ordinal), 5, "cell vectors between" },
        { "data atoms of 1e9", "a.data", "lammps-data", Data.Replace("2 atoms", "1000000000 atoms", StringComparison.Ordinal), 15, "room for at most" },
        { "data atom types beyond int", "a.data", "lammps-data", Data.Replace("2 atom types", "9999999999 atom types", StringComparison.Ordinal), 4, "at most 2147483647 atom types" },
        { "extxyz Lattice component of 1e308", "a.extxyz", "extxyz", Extxyz.Replace("\"4 0 0", "\"1e308 0 0", StringComparison.Ordinal), 2, "Lattice" },
        { "extxyz count of 1e9", "a.extxyz", "extxyz", Extxyz.Replace("2\nLattice", "1000000000\nLattice", StringComparison.Ordinal), 1, "room for at most" },
        { "OUTCAR ions per type overflowing int", "OUTCAR", "vasp-outcar", " vasp.5.4.4\n   ions per type =  2147483647  2147483647\n", 2, "at most" },
        { "vasprun with broken XML", "vasprun.xml", "vasp-vasprun", "<?xml version=\"1.0\"?>\n<modeling>\n <incar>\n  <i name=\"POTIM\">2</j>\n", 4, "well-formed XML" },
        { "empty dump", "a.lammpstrj", "lammps-dump", "", 0, "an empty file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RefusedWithLocatedLine(string name, string fileName, string format, string content, long line, string fragment)
    {
        string path = Write(fileName, Encoding.UTF8.GetBytes(content));
        var watch = Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InputFormatException>(() => ReadAll(path, format));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(line == e.Line, $"{name}: expected line {line}, got {e.Line}: {e.Message}");
        Assert.Equal(path, e.FilePath);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(line > 0 ? $"{path}:{line}: " : $"{path}: ", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64 << 20, $"{name}: allocated {allocated} bytes");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{name}: took {watch.Elapsed}");
    }

    [Fact]
    public void DumpStartingWithByteOrderMarkIsRead()
    {
        string path = Write("bom.lammpstrj", [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes(DumpFrame)]);
        Assert.Equal(1, ReadAll(path, "lammps-dump"));
    }

    [Fact]
    public void DataFileDeclaringBillionsOfTypesEndsQuickly()
    {
        // Used to walk every declared type when naming species: minutes for 2e9 types.
        string path = Write("types.data", Encoding.ASCII.GetBytes(Data.Replace("2 atom types", "2000000000 atom types", StringComparison.Ordinal).Replace("Masses\n\n1 6.94\n2 15.999\n\n", string.Empty, StringComparison.Ordinal)));
        var watch = Stopwatch.StartNew();
        Assert.Equal(1, ReadAll(path, "lammps-data"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void GzipCountBeyondWhatTheStreamCanExpandToIsRefused()
    {
        byte[] text = Encoding.ASCII.GetBytes(DumpFrame.Replace("ATOMS\n2\n", "ATOMS\n2147483647\n", StringComparison.Ordinal));
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(text);
        }

        string path = Write("a.lammpstrj.gz", output.ToArray());
        var e = Assert.Throws<InputFormatException>(() => ReadAll(path, "lammps-dump"));
        Assert.Equal(4, e.Line);
        Assert.StartsWith($"{path}:4: frame 0: expected 2147483647 atom lines", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bzip2CountBeyondTheStreamIsRefusedBeforeAllocating()
    {
        // bzip2 gives no useful bound on its expansion: the reader reads ahead, as data arrives, before allocating.
        // Found by tools/GbAtomistics.Fuzz (bz2, huge-count): an OutOfMemoryException.
        byte[] text = Encoding.ASCII.GetBytes(DumpFrame.Replace("ATOMS\n2\n", "ATOMS\n2147483647\n", StringComparison.Ordinal));
        using var output = new MemoryStream();
        using (var bz = new BZip2OutputStream(output) { IsStreamOwner = false })
        {
            bz.Write(text);
        }

        string path = Write("a.lammpstrj.bz2", output.ToArray());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InputFormatException>(() => ReadAll(path, "lammps-dump"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 << 20);
        Assert.Equal(4, e.Line);
        Assert.StartsWith($"{path}:4: frame 0: expected 2147483647 atom lines", e.Message, StringComparison.Ordinal);
        Assert.Contains("bytes left in the stream", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("flipped")]
    public void DamagedBzip2IsLocated(string damage)
    {
        var text = new StringBuilder();
        for (int f = 0; f < 400; f++)
        {
            text.Append(DumpFrame.Replace("TIMESTEP\n0\n", $"TIMESTEP\n{f}\n", StringComparison.Ordinal));
        }

        using var output = new MemoryStream();
        using (var bz = new BZip2OutputStream(output) { IsStreamOwner = false })
        {
            bz.Write(Encoding.ASCII.GetBytes(text.ToString()));
        }

        byte[] bytes = output.ToArray();
        if (damage == "cut")
        {
            bytes = bytes[..(bytes.Length / 2)];
        }
        else
        {
            for (int i = 40; i < bytes.Length; i += 97)
            {
                bytes[i] ^= 0x5A;
            }
        }

        string path = Write("a.lammpstrj.bz2", bytes);
        var e = Assert.Throws<InputFormatException>(() => ReadAll(path, "lammps-dump"));
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith($"{path}:", e.Message, StringComparison.Ordinal);
        if (damage == "cut")
        {
            Assert.Contains("compressed data", e.Message, StringComparison.Ordinal);
        }

        // Flipped bits either break the stream or yield damaged text that the reader refuses first.
    }

    [Fact]
    public void LogWithDamagedGzipIsLocated()
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("units metal\n", 2000))));
        }

        byte[] bytes = output.ToArray();
        for (int i = 20; i < bytes.Length; i += 7)
        {
            bytes[i] ^= 0xA5;
        }

        string path = Write("log.lammps.gz", bytes);
        var e = Assert.Throws<InputFormatException>(() => IO.Lammps.LammpsLogReader.Read(path));
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void ExtxyzWriterTakesAHugeTypeNumber()
    {
        var frame = new Frame();
        frame.Resize(1);
        frame.Types[0] = int.MaxValue;
        frame.Ids[0] = 1;
        frame.Box = Box.Orthogonal(10, 10, 10);
        string path = Path.Combine(TestPaths.NewTempDir(), "out.extxyz");
        using (var writer = new ExtxyzWriter(path))
        {
            writer.Write(frame);
            writer.Complete();
        }

        Assert.Contains($"{int.MaxValue} 0 0 0", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void DumpIdsSpanningTheWholeLongRangeAreOrdered()
    {
        // max − min overflows long: the counting placement must not be chosen.
        string text = DumpFrame.Replace("1 1 1 1 1\n2 2 5 5 5", "9223372036854775807 1 1 1 1\n-9223372036854775807 2 5 5 5", StringComparison.Ordinal);
        string path = Write("ids.lammpstrj", Encoding.ASCII.GetBytes(text));
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path, null, "lammps-dump");
        var frame = new Frame();
        Assert.True(reader.Read(frame));
        Assert.Equal(-9223372036854775807, frame.Ids[0]);
    }

    internal static int ReadAll(string path, string format)
    {
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path, null, format);
        var frame = new Frame();
        int frames = 0;
        while (reader.Read(frame))
        {
            frames++;
        }

        return frames;
    }

    private static string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(TestPaths.NewTempDir(), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
