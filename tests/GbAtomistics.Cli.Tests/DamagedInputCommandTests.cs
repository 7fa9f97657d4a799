using System.Text;
using GbAtomistics.Tests;
using ICSharpCode.SharpZipLib.BZip2;

namespace GbAtomistics.Cli.Tests;

/// <summary>
/// Damaged input through the commands: one located line on stderr and exit 1, never the internal-error exit 70.
/// </summary>
public sealed class DamagedInputCommandTests
{
    private static string Frame(int step, double box) => FormattableString.Invariant(
        $"ITEM: TIMESTEP\n{step}\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 {box}\n0 {box}\n0 {box}\nITEM: ATOMS id type x y z\n1 1 0 0 0\n2 2 {box / 2} {box / 2} {box / 2}\n");

    [Theory]
    [InlineData("info")]
    [InlineData("rdf")]
    [InlineData("msd")]
    [InlineData("convert")]
    public void CutBzip2DumpIsOneLocatedLine(string command)
    {
        string dir = TestPaths.NewTempDir();
        string text = string.Concat(Enumerable.Range(0, 3000).Select(i => Frame(i, 10)));
        using var output = new MemoryStream();
        using (var bz = new BZip2OutputStream(output) { IsStreamOwner = false })
        {
            bz.Write(Encoding.ASCII.GetBytes(text));
        }

        byte[] bytes = output.ToArray();
        string path = Path.Combine(dir, "cut.lammpstrj.bz2");
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        string[] args = command switch
        {
            "info" => ["info", path],
            "convert" => ["convert", path, Path.Combine(dir, "out.extxyz")],
            "msd" => ["msd", path, "--timestep", "1fs", "-o", Path.Combine(dir, "msd"), "-q"],
            _ => [command, path, "-o", Path.Combine(dir, command), "-q"],
        };

        (int code, _, string err) = Gbat.Run(args);
        Assert.Equal(1, code);
        string[] lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"gbat: {path}:", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out.extxyz", 0)]
    [InlineData("out.data", 1)]
    public void DumpWithAHugeTypeNumberConverts(string target, int expectedCode)
    {
        // Used to size arrays by the largest type number: an overflow (exit 70) for type 2147483647.
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, "huge-type.lammpstrj");
        File.WriteAllText(path, Frame(0, 10).Replace("\n2 2 5", "\n2 2147483647 5", StringComparison.Ordinal));
        (int code, _, string err) = Gbat.Run("convert", path, Path.Combine(dir, target));
        Assert.True(expectedCode == code, err);
        if (expectedCode == 1)
        {
            Assert.Contains("atom type 1 has no species", err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EmptyFileIsAnErrorNotZeroFrames()
    {
        string path = Path.Combine(TestPaths.NewTempDir(), "empty.lammpstrj");
        File.WriteAllText(path, string.Empty);
        (int code, _, string err) = Gbat.Run("info", path);
        Assert.Equal(1, code);
        Assert.Equal($"gbat: {path}: expected at least one frame, found none (an empty file)", err.Trim());
    }

    [Fact]
    public void RdfOnATinyBoxIsRefusedWithTheNumbers()
    {
        string dir = TestPaths.NewTempDir();
        string path = Path.Combine(dir, "tiny.lammpstrj");
        File.WriteAllText(path, Frame(0, 0.05));
        (int code, _, string err) = Gbat.Run("rdf", path, "-o", Path.Combine(dir, "rdf"), "-q");
        Assert.Equal(1, code);
        Assert.Contains("cut-off 8 Å is 160 times the narrowest width of the cell (0.05 Å)", err, StringComparison.Ordinal);
    }
}
