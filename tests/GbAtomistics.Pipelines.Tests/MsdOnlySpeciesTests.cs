using System.Globalization;
using System.Text;
using GbAtomistics.Analysis.Transport.Dynamics;
using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.Pipelines.Running;
using GbAtomistics.Pipelines.Steps;
using GbAtomistics.Tests;

namespace GbAtomistics.Pipelines.Tests;

/// <summary>
/// The MSD and the ion dynamics with several threads read only the species' atoms where they can
/// (<see cref="ReadOptions.OnlySpecies"/>) and give exactly what they give with one thread, which reads every atom; where the species' atoms alone could give
/// another result (types that change, unwrapping by displacements, a species not in the file) it reads every atom.
/// </summary>
public sealed class MsdOnlySpeciesTests
{
    private const int Atoms = 45;
    private const int Frames = 12;
    private const double Length = 9;

    /// <summary>
    /// Random walks of <see cref="Atoms"/> atoms of types 1-3 (ids shuffled on each frame), written unwrapped
    /// (<c>xu yu zu</c>) or wrapped without image flags; <paramref name="swapAt"/> swaps the types of atoms 1 and 2 from
    /// that frame on; <paramref name="dropAt"/> leaves atom 3 (type 3) out from that frame on.
    /// </summary>
    private static string Dump(bool unwrapped, int? swapAt = null, double step = 0.4, int? dropAt = null, int types = 3)
    {
        var random = new Random(11);
        var positions = Enumerable.Range(0, Atoms).Select(_ => new Vec3(Length * random.NextDouble(), Length * random.NextDouble(), Length * random.NextDouble())).ToArray();
        var sb = new StringBuilder();
        for (int f = 0; f < Frames; f++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP\n{f * 100}\nITEM: NUMBER OF ATOMS\n{(dropAt <= f ? Atoms - 1 : Atoms)}\nITEM: BOX BOUNDS pp pp pp\n0 {Length}\n0 {Length}\n0 {Length}\n");
            sb.Append(unwrapped ? "ITEM: ATOMS id type xu yu zu\n" : "ITEM: ATOMS id type x y z\n");
            foreach (int i in Enumerable.Range(0, Atoms).OrderBy(_ => random.Next()))
            {
                int type = 1 + (i % types);
                if (swapAt <= f && i is 0 or 1)
                {
                    type = i == 0 ? 2 : 1;
                }

                if (dropAt <= f && i == 2)
                {
                    continue;
                }

                Vec3 r = positions[i];
                Vec3 written = unwrapped ? r : new Vec3(Wrap(r.X), Wrap(r.Y), Wrap(r.Z));
                sb.Append(FormattableString.Invariant($"{i + 1} {type} {written.X:F6} {written.Y:F6} {written.Z:F6}\n"));
                positions[i] = r + new Vec3(step * (random.NextDouble() - 0.5), step * (random.NextDouble() - 0.5), step * (random.NextDouble() - 0.5));
            }
        }

        string path = Path.Combine(TestPaths.NewTempDir(), "walk.lammpstrj");
        File.WriteAllText(path, sb.ToString());
        return path;

        static double Wrap(double x) => x - (Length * Math.Floor(x / Length));
    }

    private static TrajectoryInput Input(string path) => new(path, new ReadOptions { TimestepPs = 0.001 });

    private static string Outcome(MsdResult r) =>
        r.ToCsv() + "\n" + r.UnwrapWarning + "\n" + string.Join("\n", r.Curves.Select(c => c.Fit.Summary())) + $"\n{r.Atoms} atoms, {r.Frames} frames";

    /// <summary>Whether the ordered read of <paramref name="path"/> could take the species' atoms alone.</summary>
    private static bool ReadsSpeciesAlone(string path, string species)
    {
        var input = Input(path) with { ReadOptions = new ReadOptions { TimestepPs = 0.001, OnlySpecies = species } };
        var analyzer = new MsdAnalyzer(new MsdOptions(species));
        return SpeciesInOrder.TryRead(input, threads: 2, onlySpecies: true, "the MSD needs", analyzer.Begin, (a, f) => a.Accumulate(f), a => a) is not null;
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    public void TheSpeciesAloneGivesWhatEveryAtomGives(string species)
    {
        string path = Dump(unwrapped: true);
        Assert.True(ReadsSpeciesAlone(path, species));
        var options = new MsdOptions(species);
        MsdResult all = MsdStep.Compute(Input(path), options, threads: 1);
        MsdResult alone = MsdStep.Compute(Input(path), options, threads: 2);
        Assert.Equal(Atoms / 3, alone.Atoms);
        Assert.Equal(Outcome(all), Outcome(alone));
    }

    [Fact]
    public void TheIonDynamicsOfTheSpeciesAloneAreThoseOfEveryAtom()
    {
        string path = Dump(unwrapped: true);
        var options = new DynamicsOptions(new MsdOptions("2"), lagCount: 4, bins: 40);
        DynamicsResult all = DynamicsStep.Compute(Input(path), options, threads: 1);
        DynamicsResult alone = DynamicsStep.Compute(Input(path), options, threads: 2);
        Assert.Equal(
            string.Join("\n", all.SelfCsv(), all.DistinctCsv(), all.Alpha2Csv(), all.HopsCsv(), all.HopSummaryCsv(), all.HopLengthsCsv()),
            string.Join("\n", alone.SelfCsv(), alone.DistinctCsv(), alone.Alpha2Csv(), alone.HopsCsv(), alone.HopSummaryCsv(), alone.HopLengthsCsv()));
    }

    [Fact]
    public void AtomsThatChangeTypeAreFollowedFromTheFirstFrame()
    {
        string path = Dump(unwrapped: true, swapAt: 5);
        Assert.False(ReadsSpeciesAlone(path, "1"));
        var options = new MsdOptions("1");
        Assert.Equal(Outcome(MsdStep.Compute(Input(path), options, threads: 1)), Outcome(MsdStep.Compute(Input(path), options, threads: 2)));
    }

    [Fact]
    public void AFileWhoseAtomCountChangesIsReportedWhicheverSpeciesIsAsked()
    {
        string path = Dump(unwrapped: true, dropAt: 6);
        Assert.False(ReadsSpeciesAlone(path, "1"));
        var e = Assert.Throws<InputException>(() => MsdStep.Compute(Input(path), new MsdOptions("1"), threads: 2));
        Assert.Contains($"has {Atoms - 1} atoms but the first has {Atoms}", e.Message);
    }

    /// <summary>
    /// Steps of up to half a box: some exceed the warning's fraction, and the warning counts them over every atom, so
    /// a species among others is read again with every atom; a species that is every atom leaves nothing out and is read
    /// once, warning included.
    /// </summary>
    [Theory]
    [InlineData(3, "2", false)]
    [InlineData(1, "1", true)]
    public void UnwrappingByDisplacementsCountsEveryAtomsLargeSteps(int types, string species, bool readAlone)
    {
        string path = Dump(unwrapped: false, step: 9, types: types);
        Assert.Equal(readAlone, ReadsSpeciesAlone(path, species));
        var options = new MsdOptions(species);
        MsdResult all = MsdStep.Compute(Input(path), options, threads: 1);
        Assert.NotNull(all.UnwrapWarning);
        Assert.Equal(Outcome(all), Outcome(MsdStep.Compute(Input(path), options, threads: 2)));
    }

    [Fact]
    public void ASpeciesNotInTheFileIsReportedWithTheSpeciesPresent()
    {
        string path = Dump(unwrapped: true);
        Assert.False(ReadsSpeciesAlone(path, "4"));
        var one = Assert.Throws<InputException>(() => MsdStep.Compute(Input(path), new MsdOptions("4"), threads: 1));
        var two = Assert.Throws<InputException>(() => MsdStep.Compute(Input(path), new MsdOptions("4"), threads: 2));
        Assert.Equal(one.Message, two.Message);
        Assert.Contains("present: 1, 2, 3", two.Message);
    }
}
