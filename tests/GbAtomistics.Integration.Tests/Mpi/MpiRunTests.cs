using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GbAtomistics.Tests;

namespace GbAtomistics.Integration.Tests.Mpi;

/// <summary>
/// gbat under <c>mpirun -n 2</c> (OpenMPI or MPICH from the system; skipped without <c>mpirun</c>) gives the serial
/// outputs: every CSV and JSON value equal to 1e-12 of its column's scale (counts and histograms exactly), the same files,
/// and an input error seen by one rank only ends both ranks with one located message instead of a hang.
/// </summary>
public sealed class MpiRunTests
{
    private static string Dump(string run) => Path.Combine(TestPaths.TestData, "example", run, "dump.lammpstrj.gz");

    [SkippableTheory]
    [InlineData("rdf", "li2o-s5-310-1000K")]
    [InlineData("coordination", "li2o-s5-310-1000K")]
    [InlineData("profile", "li2o-s5-310-1000K")]
    [InlineData("msd", "li2o-s5-310-800K")]
    [InlineData("conductivity", "li2o-s5-310-1000K")]
    public void CommandsGiveTheSerialOutputs(string command, string run)
    {
        SerialAndParallelAgree([command, Dump(run), "--type-map", "1=Li,2=O", "--quiet", .. command == "conductivity" ? new[] { "--charges", "Li=0.6,O=-1.2" } : []]);
    }

    [SkippableTheory]
    [InlineData("rdf")]
    [InlineData("coordination")]
    [InlineData("profile")]
    [InlineData("msd")]
    [InlineData("msd", "--unwrap", "displacements", "--drift", "all", "--planes", "0.25,0.75", "--half-width", "3")]
    [InlineData("conductivity", "--unwrap", "displacements", "--drift", "O", "--charges", "Li=0.6,O=-1.2")]
    [InlineData("dynamics", "--planes", "0.25,0.75", "--half-width", "3")]
    public void APlainDumpSplitByBytesGivesTheSerialOutputs(string command, params string[] options)
    {
        // A frame selection that does not align with the byte ranges: global frame indices must be exact. The MSD
        // reads its frames in blocks too (minimum-image unwrapping joined across the ranks' blocks).
        string dump = PlainDump("li2o-s5-310-1000K");
        SerialAndParallelAgree([command, dump, "--type-map", "1=Li,2=O", "--first-frame", "2", "--every", "3", "--quiet", .. options], identical: command is "msd" or "conductivity" or "dynamics");
    }

    /// <summary>The example run's dump decompressed into a new folder, with its log.lammps beside it.</summary>
    private static string PlainDump(string run)
    {
        string dir = TestPaths.NewTempDir();
        string dump = Path.Combine(dir, "dump.lammpstrj");
        using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(Dump(run)), System.IO.Compression.CompressionMode.Decompress))
        using (FileStream plain = File.Create(dump))
        {
            gz.CopyTo(plain);
        }

        File.Copy(Path.Combine(Path.GetDirectoryName(Dump(run))!, "log.lammps"), Path.Combine(dir, "log.lammps"));
        return dump;
    }

    [SkippableFact]
    public void AnExtendedXyzFileSplitByBytesGivesTheSerialOutputs()
    {
        string xyz = Path.Combine(TestPaths.NewTempDir(), "frames.extxyz");
        var (code, _, stderr) = Gbat(1, ["convert", Dump("li2o-s5-310-1000K"), xyz, "--type-map", "1=Li,2=O", "--quiet"]);
        Assert.True(code == 0, stderr);
        SerialAndParallelAgree(["rdf", xyz, "--first-frame", "1", "--every", "4", "--quiet"]);
    }

    [SkippableTheory]
    [InlineData("vasp/xdatcar/quach_XDATCAR_Pt_water", "--every", "3")]
    [InlineData("vasp/xdatcar/gvasp_XDATCAR_CeO2", "--first-frame", "5")]
    [InlineData("vasp/outcar/dpdata_OUTCAR.h2o.md", "--every", "1")]
    public void VaspFilesSplitByBytesGiveTheSerialOutputs(string corpus, string option, string value)
    {
        SerialAndParallelAgree(["rdf", TestPaths.Corpus(corpus), option, value, "--quiet"]);
    }

    [SkippableTheory]
    [InlineData("rdf")]
    [InlineData("coordination")]
    [InlineData("msd", "--unwrap", "displacements", "--drift", "all")]
    [InlineData("conductivity", "--charges", "Li=0.6,O=-1.2")]
    public void SeveralCompressedFilesSharedByFileGiveTheSerialOutputs(string command, params string[] options)
    {
        // Three gzip files as three restarts write them: each repeats the last frame of the one before.
        string[] frames = File.ReadAllText(PlainDump("li2o-s5-310-1000K")).Split("ITEM: TIMESTEP\n", StringSplitOptions.RemoveEmptyEntries);
        string dir = TestPaths.NewTempDir();
        int third = frames.Length / 3;
        (int From, int To)[] parts = [(0, third), (third - 1, 2 * third), ((2 * third) - 1, frames.Length)];
        for (int p = 0; p < parts.Length; p++)
        {
            using var gz = new System.IO.Compression.GZipStream(File.Create(Path.Combine(dir, $"dump.{p + 1}.lammpstrj.gz")), System.IO.Compression.CompressionLevel.Fastest);
            using var writer = new StreamWriter(gz);
            foreach (string frame in frames[parts[p].From..parts[p].To])
            {
                writer.Write("ITEM: TIMESTEP\n" + frame);
            }
        }

        File.Copy(Path.Combine(Path.GetDirectoryName(Dump("li2o-s5-310-1000K"))!, "log.lammps"), Path.Combine(dir, "log.lammps"));
        string pattern = Path.Combine(dir, "dump.*.lammpstrj.gz");
        string parallel = SerialAndParallelAgree([command, pattern, "--type-map", "1=Li,2=O", "--first-frame", "1", "--every", "2", "--quiet", .. options], identical: command is "msd" or "conductivity");
        Assert.True(Directory.GetFiles(parallel).Length > 0);
    }

    [SkippableFact]
    public void AGapBetweenFilesSharedByFileEndsBothRanksWithOneLocatedMessage()
    {
        string[] frames = File.ReadAllText(PlainDump("li2o-s5-310-1000K")).Split("ITEM: TIMESTEP\n", StringSplitOptions.RemoveEmptyEntries);
        string dir = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "dump.1.lammpstrj"), string.Concat(frames[..10].Select(f => "ITEM: TIMESTEP\n" + f)));
        File.WriteAllText(Path.Combine(dir, "dump.2.lammpstrj"), string.Concat(frames[12..].Select(f => "ITEM: TIMESTEP\n" + f)));
        var (code, _, stderr) = Gbat(2, ["rdf", Path.Combine(dir, "dump.*.lammpstrj"), "--type-map", "1=Li,2=O", "--quiet", "--output", Path.Combine(dir, "out")]);
        Assert.Equal(1, code);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("gbat: ", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1, stderr);
        Assert.Contains("dump.2.lammpstrj", lines[0], StringComparison.Ordinal);
        Assert.Contains("frames are missing between the files", lines[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ACompressedFileIsReadWholeByEveryRankWithOneNote()
    {
        var (code, _, stderr) = Gbat(2, ["rdf", Dump("li2o-bulk-1000K"), "--type-map", "1=Li,2=O", "--quiet", "--output", Path.Combine(TestPaths.NewTempDir(), "out")]);
        Assert.True(code == 0, stderr);
        string[] notes = stderr.Split('\n').Where(l => l.Contains("read whole by each of the 2 MPI ranks", StringComparison.Ordinal)).ToArray();
        Assert.Single(notes);
        Assert.Contains("decompress it", notes[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ACompareByRoleGivesTheSerialOutputs()
    {
        SerialAndParallelAgree(["compare", Dump("li2o-bulk-1000K"), Dump("li2o-s5-310-1000K"), "--type-map", "1=Li,2=O", "--roles", "Li=cation,O=anion", "--quiet"]);
    }

    [SkippableFact]
    public void ThePipelineGivesTheSerialOutputs()
    {
        string parallel = SerialAndParallelAgree(["run", Path.Combine(TestPaths.TestData, "example", "pipeline.yaml"), "--quiet"]);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(parallel, "li2o-bulk-1000K", "rdf.json")));
        Assert.Equal(2, doc.RootElement.GetProperty("provenance").GetProperty("mpi_ranks").GetInt32());
    }

    [SkippableFact]
    public void AnErrorOnOneRankEndsBothWithOneLocatedMessage()
    {
        // Frame 3 has a damaged coordinate: it lies in rank 1's byte range (this plain dump is split by bytes), and the
        // message gives its line and frame in the whole file.
        string dir = TestPaths.NewTempDir();
        string dump = Path.Combine(dir, "damaged.lammpstrj");
        var text = new System.Text.StringBuilder();
        for (int f = 0; f < 4; f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP\n{f * 100}\nITEM: NUMBER OF ATOMS\n4\nITEM: BOX BOUNDS pp pp pp\n0 6\n0 6\n0 6\nITEM: ATOMS id type x y z\n");
            for (int i = 0; i < 4; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i + 1} 1 {(f == 3 && i == 2 ? "1.5x" : (i * 1.4).ToString(CultureInfo.InvariantCulture))} {i * 1.1} 0.5\n");
            }
        }

        File.WriteAllText(dump, text.ToString());
        var (code, _, stderr) = Gbat(2, ["rdf", dump, "--r-max", "2.5", "--output", Path.Combine(dir, "out")]);
        Assert.Equal(1, code);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("gbat: ", StringComparison.Ordinal) && !l.Contains("MPI ranks", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1, stderr);
        Assert.Contains("damaged.lammpstrj:51: frame 3:", lines[0], StringComparison.Ordinal);
        Assert.Contains("1.5x", lines[0], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "out", "rdf.csv")));
    }

    /// <summary>
    /// Runs <paramref name="args"/> serially and on 2 ranks, each into its own --output folder, checks that both
    /// succeed and write the same outputs (<see cref="SameOutputs"/>; with <paramref name="identical"/>, CSV and JSON
    /// files byte for byte); returns the folder of the MPI run.
    /// </summary>
    private static string SerialAndParallelAgree(string[] args, bool identical = false)
    {
        string serial = Path.Combine(TestPaths.NewTempDir(), "serial"), parallel = Path.Combine(TestPaths.NewTempDir(), "mpi");
        var (code, _, stderr) = Gbat(1, [.. args, "--output", serial]);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = Gbat(2, [.. args, "--output", parallel]);
        Assert.True(code == 0, stderr);
        SameOutputs(serial, parallel);
        if (identical)
        {
            foreach (string file in Directory.GetFiles(serial).Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            {
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(parallel, Path.GetFileName(file)))), $"{Path.GetFileName(file)} differs from the serial run");
            }
        }

        return parallel;
    }

    /// <summary>Runs gbat on <paramref name="ranks"/> MPI ranks (1: without mpirun); fails the test after 5 minutes (a hang).</summary>
    private static (int Code, string Out, string Err) Gbat(int ranks, string[] args)
    {
        string gbat = Path.Combine(AppContext.BaseDirectory, "gbat.dll");
        ProcessStartInfo start;
        if (ranks == 1)
        {
            start = new ProcessStartInfo("dotnet");
        }
        else
        {
            string mpirun = ExternalTools.Require("mpirun", "openmpi-bin");
            start = new ProcessStartInfo(mpirun);
            foreach (string a in new[] { "--allow-run-as-root", "--oversubscribe", "-n", ranks.ToString(CultureInfo.InvariantCulture), "dotnet" })
            {
                start.ArgumentList.Add(a);
            }
        }

        start.ArgumentList.Add(gbat);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"gbat on {ranks} ranks did not finish in 5 minutes: {string.Join(' ', args)}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The same files (paths inside them relative to each output folder); CSV and JSON numbers equal to 1e-12 of the largest magnitude in their column (JSON: of the value).</summary>
    private static void SameOutputs(string serial, string parallel)
    {
        string[] Files(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files(serial), Files(parallel));
        foreach (string file in Files(serial))
        {
            string a = Path.Combine(serial, file), b = Path.Combine(parallel, file);
            if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                SameCsv(File.ReadAllLines(a), File.ReadAllLines(b), file);
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using JsonDocument x = JsonDocument.Parse(File.ReadAllText(a)), y = JsonDocument.Parse(File.ReadAllText(b));
                SameJson(x.RootElement, y.RootElement, file, serial, parallel);
            }
        }
    }

    private static void SameCsv(string[] a, string[] b, string file)
    {
        Assert.Equal(a.Length, b.Length);
        Assert.Equal(a[0], b[0]);
        string[][] x = a.Skip(1).Select(l => l.Split(',')).ToArray(), y = b.Skip(1).Select(l => l.Split(',')).ToArray();
        int columns = x.Length == 0 ? 0 : x[0].Length;
        for (int c = 0; c < columns; c++)
        {
            double scale = x.Max(r => c < r.Length && double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? Math.Abs(v) : 0);
            for (int r = 0; r < x.Length; r++)
            {
                bool numeric = double.TryParse(x[r][c], NumberStyles.Float, CultureInfo.InvariantCulture, out double u);
                if (numeric && double.TryParse(y[r][c], NumberStyles.Float, CultureInfo.InvariantCulture, out double w))
                {
                    Assert.True(Math.Abs(u - w) <= 1e-12 * scale, $"{file} row {r + 2} column {c + 1}: {u} vs {w}");
                }
                else
                {
                    Assert.True(x[r][c] == y[r][c], $"{file} row {r + 2} column {c + 1}: '{x[r][c]}' vs '{y[r][c]}'");
                }
            }
        }
    }

    private static void SameJson(JsonElement a, JsonElement b, string where, string serial, string parallel)
    {
        Assert.Equal(a.ValueKind, b.ValueKind);
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty p in a.EnumerateObject())
                {
                    if (p.Name is "created_utc" or "threads" or "mpi_ranks" or "wall_time_s")
                    {
                        continue;
                    }

                    Assert.True(b.TryGetProperty(p.Name, out JsonElement q), $"{where}: {p.Name} missing");
                    SameJson(p.Value, q, $"{where}.{p.Name}", serial, parallel);
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(a.GetArrayLength(), b.GetArrayLength());
                foreach (var (u, w) in a.EnumerateArray().Zip(b.EnumerateArray()))
                {
                    SameJson(u, w, where, serial, parallel);
                }

                break;
            case JsonValueKind.Number:
                double x = a.GetDouble(), y = b.GetDouble();
                Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(Math.Abs(x), 1e-6), $"{where}: {x} vs {y}");
                break;
            default:
                Assert.Equal(a.ToString().Replace(serial, parallel, StringComparison.Ordinal), b.ToString()); // output paths differ
                break;
        }
    }
}
