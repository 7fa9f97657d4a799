using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GbAtomistics.Core;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Pipelines.Regions;
using GbAtomistics.Tests;
using Xunit.Abstractions;

namespace GbAtomistics.Cli.Tests;

/// <summary>
/// <c>gbat gb-energy</c> with Debian's LAMMPS: the Cu coherent twin against half the intrinsic stacking-fault energy that
/// the test computes itself with the same potential (Mishin et al. EAM), higher-energy Cu tilt boundaries, a
/// charged rock-salt family with Ewald sums, and the error paths. The LAMMPS tests skip when <c>lmp</c> is absent.
/// </summary>
public class GbEnergyCommandTests(ITestOutputHelper output)
{
    private const string Mishin = "/usr/share/lammps/potentials/Cu_mishin1.eam.alloy";
    private const double JPerM2 = 16.0217663;

    [SkippableFact]
    public void CopperTwinEnergyIsHalfTheIntrinsicStackingFaultEnergy()
    {
        string lmp = RequireLmp();
        Skip.IfNot(File.Exists(Mishin), $"{Mishin} is not installed");
        string root = TestPaths.NewTempDir();
        string build = Build(root, "twin", "--structure", "fcc", "--a", "3.615", "--axis", "110", "--sigma", "3", "--plane", "111", "--repeat", "3x2");
        JsonElement json = GbEnergy(build, "--pair-style", "eam/alloy", "--pair-coeff", $"* * {Mishin} Cu");
        double a0 = json.GetProperty("bulk").GetProperty("a0_angstrom").GetDouble();
        double eBulk = json.GetProperty("bulk").GetProperty("e_bulk_eV_per_atom").GetDouble();
        JsonElement twin = json.GetProperty("members")[0];
        double gammaTwin = twin.GetProperty("gamma_mJ_per_m2").GetDouble();

        // Mishin et al. fitted a0 = 3.615 Å and E_coh = 3.54 eV.
        Assert.True(Math.Abs(a0 - 3.615) < 0.002, $"a0 = {a0} Å, expected 3.615 ± 0.002 Å for this potential");
        Assert.True(Math.Abs(eBulk + 3.54) < 0.005, $"e_bulk = {eBulk} eV/atom, expected −3.540 ± 0.005 eV/atom");

        double gammaIsf = StackingFaultEnergy(lmp, a0, root) * JPerM2 * 1000;
        output.WriteLine(Invariant($"Cu (Mishin EAM): a0 = {a0:F5} Å, e_bulk = {eBulk:F6} eV/atom, γ_twin = {gammaTwin:F2} mJ/m², γ_ISF = {gammaIsf:F2} mJ/m², γ_ISF/2 = {gammaIsf / 2:F2} mJ/m², Lz {twin.GetProperty("lz_before_angstrom").GetDouble():F4} → {twin.GetProperty("lz_after_angstrom").GetDouble():F4} Å"));

        // Only second-nearest and farther stacking neighbours differ: an EAM twin costs half an ISF, to about 10 %.
        Assert.True(Math.Abs(gammaTwin - (gammaIsf / 2)) < 0.10 * gammaIsf / 2, $"γ_twin = {gammaTwin} mJ/m², γ_ISF/2 = {gammaIsf / 2} mJ/m²: not within 10 %");

        // The values published with the potential: γ_ISF = 44.4 mJ/m², γ_twin = 22.2 mJ/m² (to 5 %).
        Assert.True(Math.Abs(gammaIsf - 44.4) < 0.05 * 44.4, $"γ_ISF = {gammaIsf} mJ/m², published 44.4 mJ/m²");
        Assert.True(Math.Abs(gammaTwin - 22.2) < 0.05 * 22.2, $"γ_twin = {gammaTwin} mJ/m², published 22.2 mJ/m²");

        // A coherent twin barely relaxes: the atoms stay on their sites and the box length along the normal is kept.
        Assert.True(twin.GetProperty("max_displacement_angstrom").GetDouble() < 0.05, "atoms of the coherent twin moved more than 0.05 Å");

        // The relaxed structure is written in id order with the same atoms, and its metadata points at it.
        string folder = Path.Combine(build, "gb-energy");
        BicrystalMetadata meta = BicrystalMetadataFile.Read(Path.Combine(folder, "Cu-S3-111-relaxed.gb.json"));
        Assert.Equal("Cu-S3-111-relaxed.data", meta.Structure);
        var relaxed = new Frame();
        using (var reader = new LammpsDataReader(Path.Combine(folder, meta.Structure)))
        {
            Assert.True(reader.Read(relaxed));
        }

        Assert.Equal(meta.GrainOfAtom.Length, relaxed.Count);
        Assert.Equal(Enumerable.Range(1, relaxed.Count).Select(i => (long)i), relaxed.Ids.Take(relaxed.Count));
        string[] lines = File.ReadAllLines(Path.Combine(folder, meta.Structure));
        int atoms = Array.FindIndex(lines, l => l.StartsWith("Atoms", StringComparison.Ordinal));
        long[] fileIds = lines.Skip(atoms + 2).Take(relaxed.Count).Select(l => long.Parse(l.Split(' ')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(1, relaxed.Count).Select(i => (long)i), fileIds);
    }

    [SkippableFact]
    public void CopperHighAngleBoundariesCostMoreThanTheTwin()
    {
        RequireLmp();
        Skip.IfNot(File.Exists(Mishin), $"{Mishin} is not installed");
        string root = TestPaths.NewTempDir();
        string potential = Path.Combine(root, "cu.mod");
        File.WriteAllText(potential, $"# Mishin et al. EAM copper\npair_style eam/alloy\npair_coeff * * {Mishin} Cu\n");
        double Gamma(string name, params string[] build) =>
            GbEnergy(Build(root, name, build), "--potential", potential).GetProperty("members")[0].GetProperty("gamma_J_per_m2").GetDouble();

        double twin = Gamma("twin", "--structure", "fcc", "--a", "3.615", "--axis", "110", "--sigma", "3", "--plane", "111", "--repeat", "3x2");
        double s5 = Gamma("s5", "--structure", "fcc", "--a", "3.615", "--axis", "001", "--sigma", "5", "--plane", "310", "--repeat", "2x1");
        double s11 = Gamma("s11", "--structure", "fcc", "--a", "3.615", "--axis", "110", "--sigma", "11", "--plane", "113", "--repeat", "3x1");
        output.WriteLine(Invariant($"Cu (Mishin EAM): γ Σ3(111) = {twin:F4}, Σ11(113) = {s11:F4}, Σ5(310) = {s5:F4} J/m²"));

        Assert.True(double.IsFinite(s5) && double.IsFinite(s11), "γ is not finite");
        Assert.True(s11 > 2 * twin && s5 > 2 * twin, $"Σ5(310) {s5} and Σ11(113) {s11} J/m² should well exceed the coherent twin {twin} J/m²");

        // Σ11(113) is the deep cusp of the [110] tilt series, below the general Σ5(310) [001] boundary; both below 1.5 J/m².
        Assert.True(s11 < s5, $"Σ11(113) {s11} J/m² should lie below Σ5(310) {s5} J/m²");
        Assert.True(s5 < 1.5, $"Σ5(310) {s5} J/m² is implausibly large for Cu");
    }

    [SkippableFact]
    public void RockSaltFamilyWithEwaldIsRankedLowestFirst()
    {
        RequireLmp();
        string root = TestPaths.NewTempDir();
        string build = Build(root, "nacl", "--structure", "rock-salt", "--a", "5.64", "--axis", "001", "--sigma", "5", "--plane", "310",
            "--translations", "2x2", "--thickness", "15");
        string potential = Path.Combine(TestPaths.RepositoryRoot, "tools", "csl-relax", "born-nacl.mod");
        string outDir = Path.Combine(root, "energies");
        var (code, stdout, stderr) = Gbat.Run("gb-energy", build, "--potential", potential, "--threads", "2", "--output", outDir);
        Assert.True(code == 0, stderr);
        output.WriteLine(stdout);

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "gb-energy.json")));
        JsonElement members = doc.RootElement.GetProperty("members");
        double a0 = doc.RootElement.GetProperty("bulk").GetProperty("a0_angstrom").GetDouble();
        Assert.True(Math.Abs(a0 - 5.64) < 0.01 * 5.64, $"Tosi–Fumi NaCl a0 = {a0} Å, expected within 1 % of 5.64 Å");
        Assert.Equal(4, members.GetArrayLength());
        double previous = double.NegativeInfinity;
        foreach (JsonElement m in members.EnumerateArray())
        {
            Assert.Equal("ok", m.GetProperty("status").GetString());
            double gamma = m.GetProperty("gamma_J_per_m2").GetDouble();
            Assert.True(gamma > 0 && gamma < 3, $"{m.GetProperty("name").GetString()}: γ = {gamma} J/m² is not in (0, 3) J/m²");
            Assert.True(gamma >= previous, "members are not ranked lowest γ first");
            previous = gamma;

            // The rewritten structure keeps the formal charges (charge style, neutral).
            var relaxed = new Frame();
            using (var reader = new LammpsDataReader(Path.Combine(outDir, m.GetProperty("relaxed").GetString()!)))
            {
                Assert.True(reader.Read(relaxed));
            }

            Assert.NotNull(relaxed.Charges);
            Assert.Equal(0, relaxed.Charges!.Take(relaxed.Count).Sum(), 9);
        }

        // The CSV holds the same ranking with units in the header.
        string[] csv = File.ReadAllLines(Path.Combine(outDir, "gb-energy.csv"));
        Assert.Contains("gamma_J_m2", csv[0]);
        Assert.Contains("termination", csv[0]);
        Assert.Equal(members[0].GetProperty("name").GetString(), csv[1].Split(',')[1]);
        Assert.Contains("NaCl-S5-310-t", stdout);
    }

    [SkippableFact]
    public void FailedMemberIsReportedWithTheLammpsErrorAndTheOthersGoOn()
    {
        RequireLmp();
        string root = TestPaths.NewTempDir();
        string build = Build(root, "cu", "--structure", "fcc", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8", "--translations", "2x1");
        string broken = Path.Combine(build, "Cu-S5-310-t001.data");
        File.WriteAllLines(broken, File.ReadAllLines(broken).SkipLast(5)); // fewer atom lines than the header declares
        string potential = Path.Combine(TestPaths.RepositoryRoot, "tools", "csl-relax", "lj-cu.mod");
        var (code, stdout, stderr) = Gbat.Run("gb-energy", build, "--potential", potential);
        Assert.True(code == 0, stderr);
        output.WriteLine(stdout);
        string[] csv = File.ReadAllLines(Path.Combine(build, "gb-energy", "gb-energy.csv"));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("1,Cu-S5-310-t000,", csv[1]);
        Assert.EndsWith(",ok", csv[1]);
        Assert.StartsWith("2,Cu-S5-310-t001,", csv[2]);
        Assert.Contains("failed: ERROR", csv[2]);
        Assert.Contains("failed: ERROR", stdout);
        Assert.True(File.Exists(Path.Combine(build, "gb-energy", "Cu-S5-310-t001-lammps.log")));
        Assert.False(File.Exists(Path.Combine(build, "gb-energy", "Cu-S5-310-t001-relaxed.data")));
    }

    [SkippableFact]
    public void ExitWithoutAnErrorLineIsRetried()
    {
        // An lmp that fails the first time it is given each input, exit code 1 and no ERROR line, as an MPI singleton
        // whose start-up lost a race does; the second try runs LAMMPS.
        string lmp = RequireLmp();
        string root = TestPaths.NewTempDir();
        string fake = FakeLmp(root, $"""
            input=$2
            if [ ! -e "$input.failed" ]; then
              touch "$input.failed"
              echo "$input" >> "$(dirname "$0")/failures"
              echo "It looks like orte_init failed for some reason" >&2
              exit 1
            fi
            exec {lmp} "$@"
            """);
        string build = Build(root, "cu", "--structure", "fcc", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8", "--translations", "2x1");
        string potential = Path.Combine(TestPaths.RepositoryRoot, "tools", "csl-relax", "lj-cu.mod");
        var (code, stdout, stderr) = Gbat.Run("gb-energy", build, "--potential", potential, "--lmp", fake);
        Assert.True(code == 0, stderr);
        string[] csv = File.ReadAllLines(Path.Combine(build, "gb-energy", "gb-energy.csv"));
        Assert.Equal(3, csv.Length);
        Assert.All(csv.Skip(1), line => Assert.EndsWith(",ok", line));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(root, "failures")).Length); // the bulk and both members failed once each
        Assert.DoesNotContain("failed", stdout);
    }

    [SkippableFact]
    public void ExitWithoutAnErrorLineEveryTimeNamesTheExitCodeAndTheLastOutput()
    {
        string root = TestPaths.NewTempDir();
        string fake = FakeLmp(root, """
            echo "$2" >> "$(dirname "$0")/calls"
            echo "It looks like orte_init failed for some reason" >&2
            exit 1
            """);
        string build = Build(root, "cu", "--structure", "fcc", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8");
        string potential = Path.Combine(TestPaths.RepositoryRoot, "tools", "csl-relax", "lj-cu.mod");
        var (code, _, stderr) = Gbat.Run("gb-energy", build, "--potential", potential, "--lmp", fake);
        Assert.Equal(1, code);
        Assert.Contains("the bulk relaxation in LAMMPS failed: lmp exited with code 1 without an ERROR line", stderr);
        Assert.Contains("orte_init failed", stderr);
        Assert.Contains("tried 3 times", stderr);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(root, "calls")).Length);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void MissingLmpIsOneLineNamingTheDebianPackage()
    {
        string build = Build(TestPaths.NewTempDir(), "cu", "--structure", "fcc", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8");
        string? saved = Environment.GetEnvironmentVariable("GBAT_LMP");
        try
        {
            Environment.SetEnvironmentVariable("GBAT_LMP", "/nonexistent/lmp");
            var (code, _, stderr) = Gbat.Run("gb-energy", build, "--pair-style", "lj/cut 5.8", "--pair-coeff", "1 1 0.4093 2.338");
            Assert.Equal(1, code);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("apt-get install lammps", stderr);
            Assert.Contains("GBAT_LMP", stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GBAT_LMP", saved);
        }

        Assert.False(Directory.Exists(Path.Combine(build, "gb-energy")), "an output folder was created although nothing ran");
    }

    [Fact]
    public void FolderWithoutBuildJsonIsAClearError()
    {
        string dir = TestPaths.NewTempDir();
        var (code, _, stderr) = Gbat.Run("gb-energy", dir, "--potential", "cu.mod");
        Assert.Equal(1, code);
        Assert.Contains("build.json: not found", stderr);
        Assert.Contains("gbat build csl", stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "gb-energy")));
    }

    [Fact]
    public void VacuumBuildIsRefused()
    {
        string build = Build(TestPaths.NewTempDir(), "slab", "--structure", "fcc", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8", "--vacuum", "10");
        var (code, _, stderr) = Gbat.Run("gb-energy", build, "--pair-style", "lj/cut 5.8", "--pair-coeff", "1 1 0.4093 2.338", "--lmp", "/nonexistent/lmp");
        Assert.Equal(1, code);
        Assert.Contains("vacuum build", stderr);
        Assert.Contains("free surfaces", stderr);
    }

    [Fact]
    public void PotentialMustBeGivenOnce()
    {
        string build = Build(TestPaths.NewTempDir(), "cu", "--structure", "fcc", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8");
        var (code, _, stderr) = Gbat.Run("gb-energy", build);
        Assert.Equal(1, code);
        Assert.Contains("expected --potential FILE", stderr);
    }

    [Fact]
    public void BuildWritesTheUnitCellWithTheBicrystalTypesAndCharges()
    {
        string build = Build(TestPaths.NewTempDir(), "nacl", "--structure", "rock-salt", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(build, "build.json")));
        Assert.Equal("unit-cell.data", doc.RootElement.GetProperty("unit_cell").GetString());
        var cell = new Frame();
        using (var reader = new LammpsDataReader(Path.Combine(build, "unit-cell.data")))
        {
            Assert.True(reader.Read(cell));
        }

        var gb = new Frame();
        using (var reader = new LammpsDataReader(Path.Combine(build, "NaCl-S5-310.data")))
        {
            Assert.True(reader.Read(gb));
        }

        Assert.Equal(8, cell.Count);
        Assert.Equal(5.64, cell.Box.A.X, 9);
        Assert.Equal(5.64, cell.Box.C.Z, 9);
        for (int i = 0; i < cell.Count; i++)
        {
            Assert.Equal(cell.Types[i] == 1 ? "Na" : "Cl", cell.SpeciesName(i));
            Assert.Equal(cell.Types[i] == 1 ? 1.0 : -1.0, cell.Charges![i]);
        }

        Assert.Equal(gb.Species!.NameOf(1), cell.Species!.NameOf(1));
        Assert.Equal(gb.Species!.NameOf(2), cell.Species!.NameOf(2));
        Assert.Equal(4, cell.Types.Take(8).Count(t => t == 2));
    }

    private JsonElement GbEnergy(string build, params string[] options)
    {
        var (code, stdout, stderr) = Gbat.Run(["gb-energy", build, .. options, "--json"]);
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement root = doc.RootElement.Clone();
        foreach (JsonElement m in root.GetProperty("members").EnumerateArray())
        {
            output.WriteLine(Invariant($"{m.GetProperty("name").GetString()}: {m.GetProperty("atoms").GetInt32()} atoms, γ = {m.GetProperty("gamma_mJ_per_m2")} mJ/m², max displacement {m.GetProperty("max_displacement_angstrom")} Å, Pzz {m.GetProperty("pzz_bar")} bar, {m.GetProperty("status").GetString()}"));
        }

        return root;
    }

    private static string Build(string root, string name, params string[] options)
    {
        string dir = Path.Combine(root, name);
        var (code, _, stderr) = Gbat.Run(["build", "csl", .. options, "--to", "lammps", "--no-preview", "--quiet", "--output", dir]);
        Assert.True(code == 0, stderr);
        return dir;
    }

    /// <summary>Writes an executable shell script standing in for <c>lmp</c> (arguments: -in INPUT -log LOG ...).</summary>
    private static string FakeLmp(string dir, string body)
    {
        Skip.If(OperatingSystem.IsWindows(), "the stand-in lmp is a shell script");
        string path = Path.Combine(dir, "lmp");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static string RequireLmp()
    {
        string? lmp = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(d => d.Length > 0).Select(d => Path.Combine(d, "lmp")).FirstOrDefault(File.Exists);
        Skip.If(lmp is null, "lmp (LAMMPS) is not on PATH; gb-energy tests skipped");
        return lmp!;
    }

    /// <summary>
    /// γ_ISF (eV/Å²) of the same potential: fcc with x = [1-10], y = [11-2], z = [111] (15 (111) layers), one intrinsic
    /// stacking fault made by tilting the periodic box by the Shockley partial a/√6 along y (yz tilt, atoms not remapped),
    /// atoms relaxed along z only. Of the two senses of the tilt, one gives the ISF and the other the unstable (on-top)
    /// stacking; the lower is the ISF.
    /// </summary>
    private double StackingFaultEnergy(string lmp, double a0, string root)
    {
        double[] energies = new double[2];
        for (int sign = 0; sign < 2; sign++)
        {
            string input = Invariant($"""
                units metal
                atom_style atomic
                boundary p p p
                variable a equal {a0:R}
                lattice fcc {a0:R} orient x 1 -1 0 orient y 1 1 -2 orient z 1 1 1
                region box prism 0 $(2*v_a/sqrt(2)) 0 $(v_a*sqrt(6)/2) 0 $(5*v_a*sqrt(3)) 0 0 0 units box
                create_box 1 box
                create_atoms 1 box
                mass 1 63.546
                pair_style eam/alloy
                pair_coeff * * {Mishin} Cu
                fix z all setforce 0.0 0.0 NULL
                min_style cg
                minimize 1e-14 1e-10 10000 100000
                print "PERFECT $(pe:%.12f) $(atoms) $(lx*ly:%.12f)"
                change_box all yz delta {(sign == 0 ? 1 : -1) * a0 / Math.Sqrt(6):R} units box
                minimize 1e-14 1e-10 10000 100000
                print "FAULT $(pe:%.12f) $(atoms) $(lx*ly:%.12f)"
                """);
            string dir = Path.Combine(root, $"isf{sign}");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "isf.in"), input);
            string log = RunLmp(lmp, dir, "isf.in");
            string[] perfect = Tagged(log, "PERFECT");
            string[] fault = Tagged(log, "FAULT");
            Assert.Equal(perfect[1], fault[1]);
            Assert.Equal(60, int.Parse(perfect[1], CultureInfo.InvariantCulture));
            energies[sign] = (Parse(fault[0]) - Parse(perfect[0])) / Parse(fault[2]);
            output.WriteLine(Invariant($"stacking fault, tilt sense {(sign == 0 ? '+' : '-')}: ΔE/A = {energies[sign] * JPerM2 * 1000:F2} mJ/m²"));
        }

        Assert.True(energies.Max() > 5 * energies.Min(), "the two tilt senses should give the ISF and the much higher unstable stacking");
        return energies.Min();
    }

    private static string RunLmp(string lmp, string dir, string input)
    {
        var info = new ProcessStartInfo(lmp) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "-in", input, "-log", "none" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["OMP_NUM_THREADS"] = "1";
        using Process process = Process.Start(info)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "lmp did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"lmp failed ({process.ExitCode}):\n{stdout[Math.Max(0, stdout.Length - 3000)..]}\n{stderr.Result}");
        return stdout;
    }

    private static string[] Tagged(string log, string tag)
    {
        string? line = log.Split('\n').LastOrDefault(l => l.StartsWith(tag + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"lmp printed no {tag} line:\n{log[Math.Max(0, log.Length - 3000)..]}");
        return line![(tag.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
