using System.IO.Compression;
using System.Text;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Pipelines.Definition;
using ICSharpCode.SharpZipLib.BZip2;

namespace GbAtomistics.Fuzz;

/// <summary>
/// The reader families and their seeds: files from the repository's testdata/ and tools/GbAtomistics.Fuzz/seeds/,
/// plus the shared corpus when one is given. Seeds larger than <see cref="MaxSeedBytes"/> are left out so that an
/// execution stays in the milliseconds.
/// </summary>
internal static class FuzzFamilies
{
    /// <summary>The largest seed file used, in bytes.</summary>
    public const int MaxSeedBytes = 400_000;

    /// <summary>Every family, in report order.</summary>
    public static IReadOnlyList<FuzzFamily> Build(string repositoryRoot, string? corpus)
    {
        string testdata = Path.Combine(repositoryRoot, "testdata");
        string seeds = Path.Combine(repositoryRoot, "tools", "GbAtomistics.Fuzz", "seeds");
        byte[] dump = FirstFrames(System.IO.File.ReadAllBytes(Path.Combine(testdata, "li2o-bulk", "li2o-bulk-1000K.lammpstrj")), 3);
        List<(string, byte[])> dumpSeeds = [("li2o-bulk-1000K.lammpstrj (3 frames)", dump), .. Corpus(corpus, "lammps/dump")];
        string pipeline = Path.Combine(testdata, "example", "pipeline.yaml");

        return
        [
            Reader("dump", "lammps-dump", "fuzz.lammpstrj", dumpSeeds),
            Reader("data", "lammps-data", "fuzz.data", [File(testdata, "li2o-bulk/li2o-bulk.data"), .. Corpus(corpus, "lammps/data")]),
            new FuzzFamily("log", [File(testdata, "li2o-bulk/log.lammps"), .. Corpus(corpus, "lammps/log")], "log.lammps",
                path => LammpsLogReader.Read(path), e => e is InputFormatException),
            Reader("poscar", "vasp-poscar", "POSCAR", [File(seeds, "POSCAR"), .. Corpus(corpus, "vasp/poscar")]),
            Reader("xdatcar", "vasp-xdatcar", "XDATCAR", [File(seeds, "XDATCAR"), .. Corpus(corpus, "vasp/xdatcar")]),
            Reader("outcar", "vasp-outcar", "OUTCAR", [File(seeds, "OUTCAR"), .. Corpus(corpus, "vasp/outcar")]),
            Reader("vasprun", "vasp-vasprun", "vasprun.xml", [File(seeds, "vasprun.xml"), .. Corpus(corpus, "vasp/vasprun")]),
            Reader("extxyz", "extxyz", "fuzz.extxyz", [File(seeds, "frames.extxyz")]),
            Reader("gz", "lammps-dump", "fuzz.lammpstrj.gz", [("li2o-bulk dump", FirstFrames(dump, 2))]) with { Compress = Gzip },
            Reader("bz2", "lammps-dump", "fuzz.lammpstrj.bz2", [("li2o-bulk dump", FirstFrames(dump, 2))]) with { Compress = Bzip2 },
            new FuzzFamily("yaml", [File(testdata, "example/pipeline.yaml")], "pipeline.yaml",
                path => PipelineParser.Parse(System.IO.File.ReadAllText(path), pipeline), e => e is InputException),
        ];
    }

    /// <summary>Reads every frame (reading two, skipping one) and builds a 6 Å neighbour list of the first.</summary>
    public static void ReadAll(string path, string format)
    {
        using ITrajectoryReader reader = FormatRegistry.OpenReader(path, null, format);
        var frame = new Frame();
        for (int k = 0; k < 100_000; k++)
        {
            bool more = k % 3 == 1 ? reader.Skip() : reader.Read(frame);
            if (!more)
            {
                return;
            }

            if (k == 0 && frame.Count > 0)
            {
                try
                {
                    _ = new CellList(frame.Box, frame.Positions.AsSpan(0, frame.Count), 6.0);
                }
                catch (InputException)
                {
                    // A refused geometry (a cut-off far beyond the cell) is a clean refusal, not a reader failure.
                }
            }
        }
    }

    private static FuzzFamily Reader(string name, string format, string fileName, IReadOnlyList<(string, byte[])> seeds) =>
        new(name, seeds, fileName, path => ReadAll(path, format), e => e is InputFormatException);

    private static (string, byte[]) File(string folder, string relative) =>
        (relative, System.IO.File.ReadAllBytes(Path.Combine(folder, relative)));

    private static IEnumerable<(string, byte[])> Corpus(string? corpus, string relative)
    {
        string dir = corpus is null ? string.Empty : Path.Combine(corpus, relative);
        if (corpus is null || !Directory.Exists(dir))
        {
            yield break;
        }

        foreach (string file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            if (info.Length <= MaxSeedBytes && !file.EndsWith(".gz", StringComparison.Ordinal) && !file.EndsWith(".bz2", StringComparison.Ordinal))
            {
                yield return (Path.GetRelativePath(corpus, file), System.IO.File.ReadAllBytes(file));
            }
        }
    }

    /// <summary>The first <paramref name="frames"/> frames of a LAMMPS dump.</summary>
    private static byte[] FirstFrames(byte[] dump, int frames)
    {
        byte[] marker = Encoding.ASCII.GetBytes("ITEM: TIMESTEP");
        int at = 0;
        for (int f = 0; f <= frames; f++)
        {
            int next = dump.AsSpan(at + (f == 0 ? 0 : 1)).IndexOf(marker);
            if (next < 0)
            {
                return dump;
            }

            at += next + (f == 0 ? 0 : 1);
        }

        return dump[..at];
    }

    private static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(plain);
        }

        return output.ToArray();
    }

    private static byte[] Bzip2(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var bz = new BZip2OutputStream(output) { IsStreamOwner = false })
        {
            bz.Write(plain);
        }

        return output.ToArray();
    }
}
