using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Analysis.Tests.Transport;

/// <summary>
/// A walk that crosses the periodic boundaries many times gives the same MSD from unwrapped columns, from image flags
/// and from accumulated minimum-image displacements, in orthogonal, triclinic and changing cells.
/// </summary>
public class UnwrappingMsdTests
{
    public static TheoryData<string> Cells => new() { "orthogonal", "triclinic", "changing" };

    private static Box CellAt(string kind, int t) => kind switch
    {
        "orthogonal" => Box.Orthogonal(6, 7, 8),
        "triclinic" => Box.FromVectors(new Vec3(6, 0, 0), new Vec3(2, 6.5, 0), new Vec3(-1.5, 1.2, 7), new Vec3(-3, 1, 0.5)),
        _ => Changing(t, 0.002),
    };

    /// <summary>A triclinic cell whose edges and tilt fluctuate by about <paramref name="amplitude"/> (NPT-like).</summary>
    private static Box Changing(int t, double amplitude) => Box.FromVectors(
        new Vec3(6 * (1 + (amplitude * Math.Sin(t / 15.0))), 0, 0),
        new Vec3(1 + (amplitude * 5 * Math.Cos(t / 20.0)), 6.5 * (1 - (amplitude * Math.Sin(t / 11.0))), 0),
        new Vec3(-1, 0.5, 7 * (1 + (amplitude * Math.Cos(t / 9.0)))),
        new Vec3(amplitude * Math.Sin(t / 7.0), 0, 0));

    [Theory]
    [MemberData(nameof(Cells))]
    public void WrappedImagesAndColumnsGiveTheSameMsd(string cell)
    {
        const int frames = 600;
        Vec3[][] u = Walks.Gaussian(new Random(cell.Length), 12, frames, 0.05, new Vec3(2, 2, 2));
        double travelled = u[^1].Zip(u[0], (a, b) => (a - b).Length).Average();
        Assert.True(travelled > 12, "the walk must cross the cell several times");

        List<Frame> wrapped = Walks.Frames(u, 0.05, t => CellAt(cell, t), CoordinateKind.Wrapped);
        MsdResult fromColumns = Walks.Run(Walks.Frames(u, 0.05, t => CellAt(cell, t)), new MsdOptions());
        MsdResult fromImages = Walks.Run(wrapped, new MsdOptions(unwrap: UnwrapMode.Images));
        MsdResult fromSteps = Walks.Run(wrapped, new MsdOptions(unwrap: UnwrapMode.Displacements));
        Assert.Equal(UnwrapMode.Columns, fromColumns.Unwrap);
        Assert.Equal(UnwrapMode.Images, fromImages.Unwrap);
        Assert.Equal(UnwrapMode.Displacements, fromSteps.Unwrap);
        Assert.Null(fromSteps.UnwrapWarning);
        // In a fixed cell the three agree to rounding. In a changing cell the image-flag and column trajectories
        // scale the image offsets with the cell (r + n·H(t)), which the toroidal scheme does not: with 0.2 %
        // fluctuations the MSDs agree to 1 % over the fit window.
        double tolerance = cell == "changing" ? 1e-2 : 1e-8;
        foreach (MsdComponent c in Enum.GetValues<MsdComponent>())
        {
            for (int k = 0; k < frames; k++)
            {
                double expected = fromColumns.Curve("all", c)!.Values[k];
                Assert.Equal(expected, fromImages.Curve("all", c)!.Values[k], 1e-8 * (1 + expected));
                if (k >= fromColumns.FitLags[0] && k <= fromColumns.FitLags[^1])
                {
                    Assert.Equal(expected, fromSteps.Curve("all", c)!.Values[k], tolerance * (1 + expected));
                }
            }
        }
    }

    [Fact]
    public void ToroidalSchemeRecoversTheStepsInAStronglyChangingCell()
    {
        // Steps applied on the torus of each frame's cell: r(t+1) = wrap_{H(t+1)}(r(t) + δ(t)); the toroidal
        // scheme must give back Σ δ exactly, even with 5 % cell fluctuations.
        const int frames = 400;
        var random = new Random(9);
        var truth = new Vec3[frames][];
        var frameList = new List<Frame>();
        truth[0] = Enumerable.Range(0, 8).Select(_ => new Vec3(6 * random.NextDouble(), 6 * random.NextDouble(), 6 * random.NextDouble())).ToArray();
        var wrapped = truth[0].Select(r => Changing(0, 0.05).Wrap(r)).ToArray();
        for (int t = 0; t < frames; t++)
        {
            Box box = Changing(t, 0.05);
            if (t > 0)
            {
                truth[t] = new Vec3[8];
                for (int i = 0; i < 8; i++)
                {
                    var step = new Vec3(0.4 * Walks.Normal(random), 0.4 * Walks.Normal(random), 0.4 * Walks.Normal(random));
                    truth[t][i] = truth[t - 1][i] + step;
                    wrapped[i] = box.Wrap(wrapped[i] + step);
                }
            }

            var f = new Frame { Box = box, Species = SpeciesMap.FromOrderedNames(["Li"]), Time = t * 0.1, Step = t };
            f.Resize(8);
            for (int i = 0; i < 8; i++)
            {
                f.Ids[i] = i + 1;
                f.Types[i] = 1;
                f.Positions[i] = wrapped[i];
            }

            frameList.Add(f);
        }

        MsdResult fromSteps = Walks.Run(frameList, new MsdOptions());
        MsdResult expected = Walks.Run(Walks.Frames(truth, 0.1), new MsdOptions());
        Assert.Equal(UnwrapMode.Displacements, fromSteps.Unwrap);
        for (int k = 0; k < frames; k++)
        {
            double e = expected.Curve("all", MsdComponent.Total)!.Values[k];
            Assert.Equal(e, fromSteps.Curve("all", MsdComponent.Total)!.Values[k], 1e-8 * (1 + e));
        }
    }

    [Fact]
    public void StepsNearHalfACellAreReported()
    {
        var u = new Vec3[4][];
        for (int t = 0; t < 4; t++)
        {
            u[t] = [new Vec3(t * 2.7, 0, 0), new Vec3(1, 1, 1)];
        }

        MsdResult result = Walks.Run(Walks.Frames(u, 1, _ => Box.Orthogonal(6, 6, 6), CoordinateKind.Wrapped), new MsdOptions(unwrap: UnwrapMode.Displacements, fit: new GbAtomistics.Analysis.Transport.Fitting.FitWindow(1, 3)));
        Assert.NotNull(result.UnwrapWarning);
        Assert.Contains("0.45", result.UnwrapWarning);
    }
}
