using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GbAtomistics.Builders.Bicrystals;
using GbAtomistics.Builders.Crystals;
using GbAtomistics.Builders.Csl;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Tests;
using Xunit.Abstractions;

namespace GbAtomistics.Builders.Tests;

/// <summary>
/// Built fcc and rock-salt bicrystals relax stably in LAMMPS (inputs in tools/csl-relax: Lennard-Jones Cu, Tosi–Fumi
/// NaCl with Ewald sums) and give a positive, finite boundary energy γ = (E − N·e_bulk) / (2A). Skips without <c>lmp</c>.
/// </summary>
public partial class LammpsRelaxTests(ITestOutputHelper output)
{
    private const double EvPerA2ToJPerM2 = 16.0217663;

    [SkippableTheory]
    [InlineData("fcc", "fcc", 3.615, "atomic", "lj-cu.mod", "110", 3, "111", 3, 2)]
    [InlineData("fcc", "fcc", 3.615, "atomic", "lj-cu.mod", "110", 11, "113", 3, 2)]
    [InlineData("rock-salt", "rocksalt", 5.64, "charge", "born-nacl.mod", "001", 5, "310", 2, 1)]
    public void BicrystalRelaxesWithPositiveFiniteBoundaryEnergy(
        string structure, string lattice, double a, string style, string potential, string axis, int sigma, string plane, int rx, int ry)
    {
        string? lmp = FindLmp();
        Skip.If(lmp is null, "lmp (LAMMPS) is not on PATH; relaxation tests skipped");
        string tools = Path.Combine(TestPaths.RepositoryRoot, "tools", "csl-relax");
        string pot = Path.Combine(tools, potential);
        string dir = TestPaths.NewTempDir();

        string bulk = Run(lmp!, Path.Combine(tools, "bulk.in"), dir, ("pot", pot), ("style", style), ("lattice", lattice), ("a", Invariant(a)));
        Match b = BulkLine().Match(bulk);
        Assert.True(b.Success, "bulk run printed no BULK_PE line:\n" + Tail(bulk));
        double eBulk = Parse(b.Groups[1].Value) / Parse(b.Groups[2].Value);
        double a0 = Parse(b.Groups[3].Value);

        UnitCell cell = Prototypes.Create(structure, a0);
        var options = new CslBuildOptions(cell, Miller.Parse(axis, "axis"))
        {
            Sigma = sigma,
            Plane = Miller.Parse(plane, "plane"),
            RepeatAxis = rx,
            RepeatPlane = ry,
            Thickness = 20,
        };
        CslBicrystal gb = CslBuilder.Build(options);
        string data = Path.Combine(dir, "gb.data");
        using (var writer = new LammpsDataWriter(data, new WriteOptions { AtomStyle = style }))
        {
            writer.Write(gb.Frame);
            writer.Complete();
        }

        string log = Run(lmp!, Path.Combine(tools, "gb.in"), dir, ("pot", pot), ("style", style), ("data", data));
        Match start = StartLine().Match(log);
        Match end = GbLine().Match(log);
        Assert.True(start.Success && end.Success, "bicrystal run printed no energies:\n" + Tail(log));
        double e0 = Parse(start.Groups[1].Value);
        double e = Parse(end.Groups[1].Value);
        int atoms = int.Parse(end.Groups[2].Value, CultureInfo.InvariantCulture);
        double area = Parse(end.Groups[3].Value) * Parse(end.Groups[4].Value);
        double lz = Parse(end.Groups[5].Value);
        double maxDisplacement = Parse(end.Groups[6].Value);
        double gamma = (e - (atoms * eBulk)) / (2 * area);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{structure} Σ{sigma}({plane}) a0 = {a0:F5} Å: {atoms} atoms, e_bulk = {eBulk:F6} eV/atom, E = {e:F4} eV (start {e0:F4}), A = {area:F3} Å², " +
            $"Lz {gb.Frame.Box.C.Z:F3} → {lz:F3} Å, max displacement {maxDisplacement:F3} Å, γ = {gamma:F6} eV/Å² = {gamma * EvPerA2ToJPerM2:F4} J/m²"));

        Assert.Equal(gb.Frame.Count, atoms);
        Assert.True(e <= e0 + 1e-6, "minimisation raised the energy");
        Assert.True(double.IsFinite(gamma) && gamma > 0, $"γ = {gamma} eV/Å² is not positive and finite");
        Assert.True(gamma * EvPerA2ToJPerM2 < 3, $"γ = {gamma * EvPerA2ToJPerM2} J/m² is implausibly large");
        Assert.True(maxDisplacement < 2.0, $"an atom moved {maxDisplacement} Å: the structure did not relax stably");
        Assert.True(Math.Abs(lz - gb.Frame.Box.C.Z) < 0.05 * gb.Frame.Box.C.Z, "the box length along the normal changed by more than 5 %");
    }

    internal static string? FindLmp()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "lmp");
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Run(string lmp, string input, string workDir, params (string Name, string Value)[] variables)
    {
        var info = new ProcessStartInfo(lmp) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "-in", input, "-log", "none" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in variables)
        {
            info.ArgumentList.Add("-var");
            info.ArgumentList.Add(name);
            info.ArgumentList.Add(value);
        }

        using Process process = Process.Start(info)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(300_000), "lmp did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, $"lmp failed ({process.ExitCode}):\n{Tail(stdout)}\n{stderr.Result}");
        return stdout;
    }

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^BULK_PE (\S+) ATOMS (\d+) A (\S+)", RegexOptions.Multiline)]
    private static partial Regex BulkLine();

    [GeneratedRegex(@"^START_PE (\S+)", RegexOptions.Multiline)]
    private static partial Regex StartLine();

    [GeneratedRegex(@"^GB_PE (\S+) ATOMS (\d+) LX (\S+) LY (\S+) LZ (\S+) MAXDISP (\S+)", RegexOptions.Multiline)]
    private static partial Regex GbLine();
}
