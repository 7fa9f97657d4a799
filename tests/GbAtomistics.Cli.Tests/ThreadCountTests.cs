using GbAtomistics.Tests;

namespace GbAtomistics.Cli.Tests;

/// <summary>Every output file, JSON and plots included, is byte for byte the same for --threads 1 and --threads 2.</summary>
public sealed class ThreadCountTests
{
    [Theory]
    [InlineData("rdf")]
    [InlineData("coordination")]
    [InlineData("profile")]
    [InlineData("msd")]
    [InlineData("conductivity")]
    public void OutputsDoNotDependOnTheThreadCount(string command)
    {
        string dump = Path.Combine(TestPaths.TestData, "example", "li2o-s5-310-800K", "dump.lammpstrj.gz");
        string one = Path.Combine(TestPaths.NewTempDir(), "t1"), two = Path.Combine(TestPaths.NewTempDir(), "t2");
        string[] extra = command == "conductivity" ? ["--charges", "Li=0.6,O=-1.2"] : [];
        foreach (var (folder, threads) in new[] { (one, "1"), (two, "2") })
        {
            var (code, _, stderr) = Gbat.Run([command, dump, "--type-map", "1=Li,2=O", "--threads", threads, "--output", folder, "--quiet", .. extra]);
            Assert.True(code == 0, stderr);
        }

        string[] files = Directory.GetFiles(one).Select(Path.GetFileName).Order().ToArray()!;
        Assert.Equal(files, Directory.GetFiles(two).Select(Path.GetFileName).Order().ToArray());
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(two, file))),
                $"{command}: {file} differs between --threads 1 and --threads 2");
        }
    }
}
