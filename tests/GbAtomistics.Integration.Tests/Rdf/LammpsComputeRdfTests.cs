using GbAtomistics.Analysis;
using GbAtomistics.Analysis.Rdf;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;
using Xunit.Abstractions;

namespace GbAtomistics.Integration.Tests.Rdf;

/// <summary>
/// gbat's partial RDFs against LAMMPS <c>compute rdf</c> averaged by <c>fix ave/time</c> on a trajectory that
/// LAMMPS generates in the test (skipped when <c>lmp</c> is absent).
/// </summary>
/// <remarks>
/// What LAMMPS computes (docs of compute rdf; src/compute_rdf.cpp of the 29 Sep 2021 Debian build): bins of width
/// delr = r_max/N_bin from 0, a pair at distance r in bin ⌊r/delr⌋, the bin reported at its centre (k + ½) delr;
/// per frame g_IJ = hist / (N_I (N_J − D/N_I) ΔV/V) with exact shell volumes ΔV = 4π/3 (r₂³ − r₁³), D the atoms in
/// both type sets (so N_J − 1 for I = J), V the current volume; the coordination column is the running sum of
/// g ΔV (N_J − D/N_I)/V. These are gbat's definitions, so the curves must agree bin by bin.
/// fix ave/time with N_every·N_repeat = N_freq averages the samples at steps 10…50, not the frame dumped at step 0
/// (checked below), so gbat reads frames 1…5 of the dump.
/// </remarks>
public sealed class LammpsComputeRdfTests : IClassFixture<LammpsLi2oRuns>
{
    private static readonly string[] Pairs = ["Li-Li", "Li-O", "O-O"]; // compute rdf 1 1 1 2 2 2

    private readonly LammpsLi2oRuns _runs;
    private readonly ITestOutputHelper _output;

    public LammpsComputeRdfTests(LammpsLi2oRuns runs, ITestOutputHelper output)
    {
        _runs = runs;
        _output = output;
    }

    /// <summary>
    /// With positions dumped at 17 significant digits gbat sees LAMMPS's own coordinates, so the only difference
    /// is LAMMPS printing g and n with 6 significant digits: |Δ| ≤ 1e-5 max(1, |value|) (twice the rounding).
    /// </summary>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void FullPrecisionDumpAgreesToTheDigitsLammpsPrints(bool triclinic)
    {
        string folder = _runs.Folder(triclinic);
        var lammps = LammpsRdfTable.Read(Path.Combine(folder, "rdf.out"));
        RdfResult gbat = Gbat(Path.Combine(folder, "traj-precise.lammpstrj"), firstFrame: 1, threads: triclinic ? 2 : 1);
        Assert.Equal(lammps.R.Length, gbat.R.Count);
        Assert.Equal(LammpsLi2oRuns.AveragedFrames, gbat.Frames);
        for (int k = 0; k < gbat.R.Count; k++)
        {
            Assert.Equal(lammps.R[k], gbat.R[k], 9);
        }

        for (int p = 0; p < Pairs.Length; p++)
        {
            int q = gbat.IndexOf(new SpeciesPair(Pairs[p].Split('-')[0], Pairs[p].Split('-')[1]));
            Assert.True(q >= 0, $"gbat has no pair {Pairs[p]}");
            Assert.Contains(lammps.G[p], v => v > 2); // the crystal's first shell is in range
            double worstG = 0, worstN = 0;
            for (int k = 0; k < gbat.R.Count; k++)
            {
                double g = gbat.G(q)[k];
                double n = gbat.Cumulative(q)[k];
                worstG = Math.Max(worstG, Math.Abs(g - lammps.G[p][k]));
                worstN = Math.Max(worstN, Math.Abs(n - lammps.N[p][k]));
                Assert.True(
                    Math.Abs(g - lammps.G[p][k]) <= 1e-5 * Math.Max(1, Math.Abs(lammps.G[p][k])),
                    $"{Geometry(triclinic)} g_{Pairs[p]}({gbat.R[k]:F3}): gbat {g:G9}, LAMMPS {lammps.G[p][k]:G9}");
                Assert.True(
                    Math.Abs(n - lammps.N[p][k]) <= 1e-5 * Math.Max(1, Math.Abs(lammps.N[p][k])),
                    $"{Geometry(triclinic)} n_{Pairs[p]}({gbat.R[k]:F3}): gbat {n:G9}, LAMMPS {lammps.N[p][k]:G9}");
            }

            _output.WriteLine($"{Geometry(triclinic)} {Pairs[p]}: max |Δg| {worstG:G3}, max |Δn| {worstN:G3}");
        }
    }

    /// <summary>
    /// The default dump prints coordinates with %g (6 significant digits), so each coordinate is off by up to
    /// ε = 5e-6 max|x| and a distance by up to δ = 2√3 ε (about 1.7e-4 Å here). A pair can then only move to the
    /// neighbouring bin, and only if it lies within δ of the edge between them, so the cumulative count at an
    /// edge r differs by at most the number of B within δ of r around an A: ρ_B g(r) 4π r² 2δ on average (g the
    /// larger LAMMPS value of the two bins). The bound allows three times that (the realised count in so thin a
    /// shell fluctuates), plus one pair seen from both ends, 2/(N_A frames), plus LAMMPS's rounding; g_k, the
    /// difference of the cumulative counts at its two edges over ρ_B ΔV_k, gets the sum of the two edge bounds.
    /// Missing a frame or using N_B instead of N_B − 1 breaks this by tens of times.
    /// </summary>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void SixDigitDumpAgreesWithinTheBinEdgeBound(bool triclinic)
    {
        string folder = _runs.Folder(triclinic);
        var lammps = LammpsRdfTable.Read(Path.Combine(folder, "rdf.out"));
        string dump = Path.Combine(folder, "traj.lammpstrj");
        RdfResult gbat = Gbat(dump, firstFrame: 1, threads: 2);
        (double maxAbs, double volume, int li, int o) = Describe(dump);
        double delta = 2 * Math.Sqrt(3) * 5e-6 * maxAbs;
        double dr = LammpsLi2oRuns.RMax / LammpsLi2oRuns.Bins;
        for (int p = 0; p < Pairs.Length; p++)
        {
            string[] ab = Pairs[p].Split('-');
            int q = gbat.IndexOf(new SpeciesPair(ab[0], ab[1]));
            int nA = ab[0] == "Li" ? li : o;
            double rhoB = ((ab[1] == "Li" ? li : o) - (ab[0] == ab[1] ? 1 : 0)) / volume;
            double[] edge = new double[gbat.R.Count]; // bound on |Δn| at the outer edge of each bin
            for (int k = 0; k < edge.Length; k++)
            {
                double r = (k + 1) * dr;
                double gLocal = Math.Max(lammps.G[p][k], k + 1 < edge.Length ? lammps.G[p][k + 1] : 0);
                edge[k] = (3 * rhoB * gLocal * 4 * Math.PI * r * r * 2 * delta) + (2.0 / (nA * LammpsLi2oRuns.AveragedFrames))
                    + (1e-5 * Math.Max(1, lammps.N[p][k]));
            }

            double worstG = 0, worstN = 0, worstRatio = 0;
            for (int k = 0; k < edge.Length; k++)
            {
                double r1 = k * dr, r2 = r1 + dr;
                double shell = 4.0 / 3.0 * Math.PI * ((r2 * r2 * r2) - (r1 * r1 * r1));
                double gBound = ((edge[k] + (k > 0 ? edge[k - 1] : 0)) / (rhoB * shell)) + (1e-5 * Math.Max(1, lammps.G[p][k]));
                double dn = Math.Abs(gbat.Cumulative(q)[k] - lammps.N[p][k]);
                double dg = Math.Abs(gbat.G(q)[k] - lammps.G[p][k]);
                (worstG, worstN) = (Math.Max(worstG, dg), Math.Max(worstN, dn));
                worstRatio = Math.Max(worstRatio, Math.Max(dg / gBound, dn / edge[k]));
                Assert.True(dn <= edge[k], $"{Geometry(triclinic)} n_{Pairs[p]} at {r2:F3} Å: gbat {gbat.Cumulative(q)[k]:G9}, LAMMPS {lammps.N[p][k]:G9}, bound {edge[k]:G3}");
                Assert.True(dg <= gBound, $"{Geometry(triclinic)} g_{Pairs[p]}({gbat.R[k]:F3}): gbat {gbat.G(q)[k]:G9}, LAMMPS {lammps.G[p][k]:G9}, bound {gBound:G3}");
            }

            _output.WriteLine(
                $"{Geometry(triclinic)} {Pairs[p]} (6 digits, δ = {delta:G2} Å): max |Δg| {worstG:G3}, max |Δn| {worstN:G3}, at most {worstRatio:P0} of the bound");
        }
    }

    /// <summary>The step-0 frame is not in LAMMPS's average: including it makes g differ by far more than rounding.</summary>
    [SkippableFact]
    public void FixAveTimeLeavesOutTheFrameAtStepZero()
    {
        string folder = _runs.Folder(triclinic: false);
        var lammps = LammpsRdfTable.Read(Path.Combine(folder, "rdf.out"));
        RdfResult all = Gbat(Path.Combine(folder, "traj-precise.lammpstrj"), firstFrame: 0, threads: 1);
        Assert.Equal(LammpsLi2oRuns.AveragedFrames + 1, all.Frames);
        int q = all.IndexOf(new SpeciesPair("O", "O"));
        double worst = Enumerable.Range(0, all.R.Count).Max(k => Math.Abs(all.G(q)[k] - lammps.G[2][k]));
        Assert.True(worst > 0.1, $"with the step-0 frame g_O-O still agrees to {worst}");
    }

    private static RdfResult Gbat(string dump, int firstFrame, int threads)
    {
        var input = new TrajectoryInput(
            dump, new ReadOptions { TypeMap = SpeciesMap.Parse("1=Li,2=O") }, null, new FrameSelection(firstFrame));
        return RdfStep.Compute(input, new RdfOptions(LammpsLi2oRuns.RMax, LammpsLi2oRuns.Bins), threads);
    }

    /// <summary>Largest |coordinate| over all frames, the volume (constant in NVT) and the Li and O counts.</summary>
    private static (double MaxAbs, double Volume, int Li, int O) Describe(string dump)
    {
        using ITrajectoryReader reader = FormatRegistry.OpenReader(dump);
        var frame = new Frame();
        double maxAbs = 0, volume = 0;
        int li = 0, o = 0;
        while (reader.Read(frame))
        {
            volume = frame.Box.Volume;
            li = frame.Types.Take(frame.Count).Count(t => t == 1);
            o = frame.Types.Take(frame.Count).Count(t => t == 2);
            for (int i = 0; i < frame.Count; i++)
            {
                Vec3 r = frame.Positions[i];
                maxAbs = Math.Max(maxAbs, Math.Max(Math.Abs(r.X), Math.Max(Math.Abs(r.Y), Math.Abs(r.Z))));
            }
        }

        return (maxAbs, volume, li, o);
    }

    private static string Geometry(bool triclinic) => triclinic ? "triclinic (newton off)" : "orthogonal";
}
