using System.Globalization;
using System.Text.Json;
using GbAtomistics.Tests;
using Xunit.Abstractions;

namespace GbAtomistics.Cli.Tests;

/// <summary>
/// <c>gbat gb-energy</c> on non-cubic builds, with Debian's LAMMPS and the EAM copper of Mishin et al., Phys. Rev. B 63,
/// 224106 (2001). Fcc copper written in non-cubic cells with deliberately wrong lengths must relax back to the cubic
/// lattice (a0 = 3.61493 Å, e_bulk = −3.540218 eV/atom with this potential) and give the γ of the same Σ5 (310) [001]
/// boundary built from the cubic cell: a body-centred tetragonal cell (a′ = a/√2, c′ = a) about [001], where the
/// in-plane net scales isotropically, and an orthorhombic cell (a′ = [110]/2, b′ = [1-10], c′ = [001]) with b/a
/// strained to the rational approximation of the builder, where each grain needs its own shear. Skip without lmp.
/// </summary>
public class GbEnergyNonCubicTests(ITestOutputHelper output)
{
    private const string Mishin = "/usr/share/lammps/potentials/Cu_mishin1.eam.alloy";

    [SkippableFact]
    public void BodyCentredTetragonalCopperGivesTheCubicSigma5Energy()
    {
        string root = Prepare(out string potential);
        string cubic = Build(root, "cubic", "--structure", "fcc", "--a", "3.615", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8");

        // fcc as body-centred tetragonal with c/a′ = 1.48 instead of √2 = 1.414; its (210) is the cubic (310).
        string cell = Path.Combine(root, "bct.vasp");
        File.WriteAllText(cell, "Cu fcc as body-centred tetragonal, c/a wrong\n1.0\n2.50 0 0\n0 2.50 0\n0 0 3.70\nCu\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        string tetragonal = Build(root, "bct", "--structure", cell, "--axis", "001", "--plane", "210", "--thickness", "8");

        JsonElement c = GbEnergy(cubic, potential), t = GbEnergy(tetragonal, potential);
        double a0 = c.GetProperty("bulk").GetProperty("a0_angstrom").GetDouble();
        JsonElement bulk = t.GetProperty("bulk");
        double[] abc = Doubles(bulk.GetProperty("relaxed_abc_angstrom"));
        double gammaCubic = Gamma(c), gammaTetragonal = Gamma(t);
        output.WriteLine(Invariant($"cubic: a0 = {a0:F6} Å, γ = {gammaCubic:F5} J/m²; tetragonal: a0′ = {abc[0]:F6}, b0′ = {abc[1]:F6}, c0′ = {abc[2]:F6} Å, cells {bulk.GetProperty("cells_abc")}, γ = {gammaTetragonal:F5} J/m²"));

        Assert.Equal("tetragonal", bulk.GetProperty("lattice_system").GetString());
        Assert.Equal("fix box/relax aniso 0.0 couple xy", bulk.GetProperty("relaxation").GetString());
        Assert.Contains("aniso", t.GetProperty("procedure").GetString(), StringComparison.Ordinal);

        // The relaxed cell is fcc again: c0′ = a0, a0′ = b0′ = a0/√2, the same energy per atom (minimiser tolerances 1e-14 relative).
        Assert.Equal(a0, abc[2], 5);
        Assert.Equal(a0 / Math.Sqrt(2), abc[0], 5);
        Assert.Equal(abc[0], abc[1], 12);
        Assert.Equal(c.GetProperty("bulk").GetProperty("e_bulk_eV_per_atom").GetDouble(), bulk.GetProperty("e_bulk_eV_per_atom").GetDouble(), 6);

        // The same 36 atoms in the same boundary after the map: γ equal to the minimiser's convergence (0.1 mJ/m²),
        // where keeping the built c/a (iso scaling) would have strained both the bulk and the grains by 4.6 %.
        Assert.Equal(c.GetProperty("members")[0].GetProperty("atoms").GetInt32(), t.GetProperty("members")[0].GetProperty("atoms").GetInt32());
        Assert.True(Math.Abs(gammaTetragonal - gammaCubic) < 1e-4, $"γ tetragonal {gammaTetragonal} J/m², cubic {gammaCubic} J/m²");
    }

    [SkippableFact]
    public void StrainedOrthorhombicCopperShearsEachGrainOntoTheCubicSigma5()
    {
        string root = Prepare(out string potential);
        string cubic = Build(root, "cubic", "--structure", "fcc", "--a", "3.615", "--axis", "001", "--sigma", "5", "--plane", "310", "--thickness", "8");

        // fcc in the orthorhombic cell a′ = [110]/2, b′ = [1-10], c′ = [001] (b′/a′ = 2), written with b′/a′ = 2.05 and
        // c′ too long. The builder approximates (b/a)² = 4.2025 by 17/4 (b strained by +0.56 %) and labels (110) Σ21;
        // in the relaxed (cubic) lattice (110) is the cubic (310), Σ5.
        string cell = Path.Combine(root, "ort.vasp");
        File.WriteAllText(cell, "Cu fcc as orthorhombic, strained\n1.0\n2.50 0 0\n0 5.125 0\n0 0 3.70\nCu\n4\nDirect\n0 0 0\n0 0.5 0\n0.5 0.25 0.5\n0.5 0.75 0.5\n");
        string orthorhombic = Build(root, "ort", "--structure", cell, "--axis", "001", "--plane", "110", "--thickness", "8");

        JsonElement c = GbEnergy(cubic, potential), o = GbEnergy(orthorhombic, potential);
        double a0 = c.GetProperty("bulk").GetProperty("a0_angstrom").GetDouble();
        JsonElement bulk = o.GetProperty("bulk");
        double[] abc = Doubles(bulk.GetProperty("relaxed_abc_angstrom"));
        int[] cells = bulk.GetProperty("cells_abc").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        double[] widths = Doubles(bulk.GetProperty("box_widths_angstrom"));
        double cutoff = bulk.GetProperty("neighbour_cutoff_angstrom").GetDouble();
        JsonElement map = bulk.GetProperty("member_map");
        double[][] f1 = map.GetProperty("grain_1").EnumerateArray().Select(Doubles).ToArray();
        double[][] f2 = map.GetProperty("grain_2").EnumerateArray().Select(Doubles).ToArray();
        double gammaCubic = Gamma(c), gammaOrthorhombic = Gamma(o);
        output.WriteLine(Invariant($"orthorhombic: a0′ = {abc[0]:F6}, b0′ = {abc[1]:F6}, c0′ = {abc[2]:F6} Å, cells {string.Join('×', cells)}, widths {string.Join(", ", widths.Select(w => w.ToString("F3", CultureInfo.InvariantCulture)))} Å (2 r_c = {2 * cutoff:F3} Å), F_yz = {f1[1][2]:F6} / {f2[1][2]:F6}, γ = {gammaOrthorhombic:F5} J/m²; cubic γ = {gammaCubic:F5} J/m²"));

        Assert.Equal("orthorhombic", bulk.GetProperty("lattice_system").GetString());
        Assert.Equal("fix box/relax aniso 0.0", bulk.GetProperty("relaxation").GetString());
        Assert.False(map.GetProperty("builder_strain_in_gamma").GetBoolean());

        // Back to fcc: b0′/a0′ = 2, a0′ = a0/√2, c0′ = a0.
        Assert.Equal(a0 / Math.Sqrt(2), abc[0], 5);
        Assert.Equal(2 * abc[0], abc[1], 5);
        Assert.Equal(a0, abc[2], 5);

        // Replication per axis: a′ = 2.56 Å needs 6 cells and c′ = 3.61 Å 5 for the 15.0 Å that twice the cut-off
        // (5.507 Å + 2 Å skin) asks, b′ = 5.11 Å only the minimum 4.
        Assert.All(cells, n => Assert.True(n >= 4));
        Assert.All(widths, w => Assert.True(w > 2 * cutoff, $"box width {w} Å not above 2 × {cutoff} Å"));
        Assert.Equal(new[] { 6, 4, 5 }, cells);

        // Mirror-related grains: opposite shears in the boundary plane, the same stretch of the axis and the plane.
        Assert.True(Math.Abs(f1[1][2]) > 0.01, $"F_yz = {f1[1][2]}: expected a shear for the strained (b/a)²");
        Assert.Equal(-f1[1][2], f2[1][2], 12);
        Assert.Equal(f1[0][0], f2[0][0], 12);
        Assert.Equal(f1[1][1], f2[1][1], 12);
        Assert.Equal(a0 / 3.70, f1[0][0], 5);

        // The same boundary as the cubic build, four times thicker grains: γ within 1 mJ/m² (measured 0.1 mJ/m²).
        Assert.True(Math.Abs(gammaOrthorhombic - gammaCubic) < 1e-3, $"γ orthorhombic {gammaOrthorhombic} J/m², cubic {gammaCubic} J/m²");
        Assert.Equal(c.GetProperty("members")[0].GetProperty("area_angstrom2").GetDouble(), o.GetProperty("members")[0].GetProperty("area_angstrom2").GetDouble(), 6);

        // The table carries the relaxed lattice and the procedure; the JSON its units.
        string[] csv = File.ReadAllLines(Path.Combine(orthorhombic, "gb-energy", "gb-energy.csv"));
        string header = csv.First(l => l.StartsWith("rank,", StringComparison.Ordinal));
        Assert.EndsWith(",status,a0_A,b0_A,c0_A,bulk_relaxation,member_map", header, StringComparison.Ordinal);
        Assert.Equal("Å", o.GetProperty("units").GetProperty("length").GetString());
    }

    private static string Prepare(out string potential)
    {
        Skip.If((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).All(d => d.Length == 0 || !File.Exists(Path.Combine(d, "lmp"))),
            "lmp (LAMMPS) is not on PATH; gb-energy tests skipped");
        Skip.IfNot(File.Exists(Mishin), $"{Mishin} is not installed");
        string root = TestPaths.NewTempDir();
        potential = Path.Combine(root, "cu.mod");
        File.WriteAllText(potential, $"# Mishin et al. EAM copper\npair_style eam/alloy\npair_coeff * * {Mishin} Cu\n");
        return root;
    }

    private static double Gamma(JsonElement json) => json.GetProperty("members")[0].GetProperty("gamma_J_per_m2").GetDouble();

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static JsonElement GbEnergy(string build, string potential)
    {
        var (code, stdout, stderr) = Gbat.Run(["gb-energy", build, "--potential", potential, "--json"]);
        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    private static string Build(string root, string name, params string[] options)
    {
        string dir = Path.Combine(root, name);
        var (code, _, stderr) = Gbat.Run(["build", "csl", .. options, "--to", "lammps", "--no-preview", "--quiet", "--output", dir]);
        Assert.True(code == 0, stderr);
        return dir;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
