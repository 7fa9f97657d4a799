using GbAtomistics.Core;

namespace GbAtomistics.Analysis.Profiles;

/// <summary>Options of the profiles along the boundary normal: the cell vector they run along and the number of slabs.</summary>
public sealed record ProfileOptions
{
    public ProfileOptions(int normalAxis = 2, int bins = 50)
    {
        if (normalAxis is < 0 or > 2)
        {
            throw new InputException($"--normal axis {normalAxis}: expected x, y or z (0, 1 or 2)");
        }

        if (bins is < 1 or > 100_000)
        {
            throw new InputException($"--profile-bins {bins}: expected a number of slabs between 1 and 100000");
        }

        NormalAxis = normalAxis;
        Bins = bins;
    }

    /// <summary>The cell vector (0 = a, 1 = b, 2 = c) the slabs cut.</summary>
    public int NormalAxis { get; }

    /// <summary>Number of slabs of equal fractional width (each holds V/bins of the cell).</summary>
    public int Bins { get; }
}
