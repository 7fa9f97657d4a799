using GbAtomistics.Analysis.Transport.Msd;
using GbAtomistics.Core;
using GbAtomistics.Core.Unwrapping;

namespace GbAtomistics.Analysis.Tests.Transport;

/// <summary>
/// The block path of the MSD accumulator (what each MPI rank runs on its byte range of a trajectory) gives, on one
/// rank, exactly the serial result: the same curves, fits and volumes bit for bit, for every unwrapping source, with
/// drift correction, charges and a region. Several ranks are tested by the MPI integration tests.
/// </summary>
public class MsdBlockTests
{
    [Theory]
    [InlineData(UnwrapMode.Images)]
    [InlineData(UnwrapMode.Displacements)]
    [InlineData(UnwrapMode.Columns)]
    public void OneBlockGivesTheSerialResultBitForBit(UnwrapMode mode)
    {
        const int frames = 80;
        Vec3[][] u = Walks.Gaussian(new Random(5), 30, frames, 0.05, new Vec3(1.5, 1.5, 1.5));
        int[] types = [.. Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? 2 : 1)];
        var kind = mode == UnwrapMode.Columns ? CoordinateKind.Unwrapped : CoordinateKind.Wrapped;
        List<Frame> list = Walks.Frames(u, 0.05, _ => Box.Orthogonal(6, 7, 8), kind, types);
        var options = new MsdOptions(
            unwrap: mode,
            driftReference: "all",
            region: new SlabRegion(2, [0.5], 1.5),
            charges: new Dictionary<string, double> { ["Li"] = 1, ["O"] = -2 });

        MsdResult serial = Walks.Run(list, options);
        var analyzer = new MsdAnalyzer(options);
        MsdAccumulator block = analyzer.Begin(list[0]);
        block.HoldFrameBlock();
        foreach (Frame f in list)
        {
            block.Accumulate(f);
        }

        block.ExchangeOverRanks();
        MsdResult joined = analyzer.Finish(block);

        Assert.Equal(serial.ToCsv(), joined.ToCsv());
        Assert.Equal(serial.MeanVolume, joined.MeanVolume);
        Assert.Equal(serial.MeanRegionVolume, joined.MeanRegionVolume);
        Assert.Equal(serial.Unwrap, joined.Unwrap);
        Assert.Equal(serial.UnwrapWarning, joined.UnwrapWarning);
        foreach (var (a, b) in serial.Curves.Concat(serial.Collective).Zip(joined.Curves.Concat(joined.Collective)))
        {
            Assert.Equal(a.Values.ToArray(), b.Values.ToArray());
        }
    }
}
