namespace GbAtomistics.Core.Neighbors;

/// <summary>
/// A cell list over the fractional coordinates of a periodic (or partly periodic) cell, orthogonal or triclinic,
/// that visits every pair of atoms closer than the cut-off exactly once, including pairs between an atom and
/// periodic images of another atom or of itself.
/// </summary>
/// <remarks>
/// The cell is divided into n_a × n_b × n_c bins with n_a = max(1, ⌊w_a / r_c⌋) for the perpendicular width w_a.
/// Two atoms closer than r_c differ in fractional coordinate a by at most r_c / w_a, so their bins differ by at most
/// k_a = ⌈r_c n_a / w_a⌉. Bin offsets run over −k_a … k_a as unwrapped indices: a neighbouring bin beyond the edge
/// is the wrapped bin plus a lattice shift. Distinct offsets therefore give distinct (bin, image) pairs, so every
/// image within the cut-off is found once however large the cut-off is compared with the cell (no minimum-image
/// assumption). Half of the offsets (lexicographically positive, plus the zero offset with j &gt; i) visit each
/// unordered pair once.
/// </remarks>
public sealed class CellList
{
    private readonly double _cutoffSquared;
    private readonly int _na, _nb, _nc;
    private readonly int[] _cellStart;
    private readonly int[] _atoms;      // atom indices sorted by bin
    private readonly Vec3[] _sorted;    // wrapped Cartesian positions in bin order
    private readonly Offset[] _offsets;

    /// <summary>Builds the list for <paramref name="positions"/> (Å) in <paramref name="box"/> with cut-off (Å).</summary>
    public CellList(Box box, ReadOnlySpan<Vec3> positions, double cutoff)
    {
        if (!(cutoff > 0) || !double.IsFinite(cutoff))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "cut-off must be a positive number of Å");
        }

        Box = box;
        Cutoff = cutoff;
        _cutoffSquared = cutoff * cutoff;
        int n = positions.Length;
        Vec3 widths = box.PerpendicularWidths;

        // Fractional coordinates, wrapped along periodic axes; the range of non-periodic axes is the atoms' extent.
        var frac = new Vec3[n];
        double[] lo = [0, 0, 0];
        double[] hi = [1, 1, 1];
        for (int axis = 0; axis < 3; axis++)
        {
            if (!box.Periodic[axis])
            {
                lo[axis] = double.MaxValue;
                hi[axis] = double.MinValue;
            }
        }

        for (int i = 0; i < n; i++)
        {
            Vec3 s = box.ToFractional(positions[i]);
            s = new Vec3(Wrap(s.X, box.Periodic.A), Wrap(s.Y, box.Periodic.B), Wrap(s.Z, box.Periodic.C));
            frac[i] = s;
            for (int axis = 0; axis < 3; axis++)
            {
                if (!box.Periodic[axis])
                {
                    lo[axis] = Math.Min(lo[axis], s[axis]);
                    hi[axis] = Math.Max(hi[axis], s[axis]);
                }
            }
        }

        int[] bins = new int[3];
        int[] reach = new int[3];
        double[] span = new double[3];
        for (int axis = 0; axis < 3; axis++)
        {
            if (n == 0 || hi[axis] < lo[axis])
            {
                lo[axis] = 0;
                hi[axis] = 1;
            }

            span[axis] = Math.Max(hi[axis] - lo[axis], 1e-12);
            double width = widths[axis] * span[axis];
            bins[axis] = Math.Clamp((int)Math.Floor(width / cutoff), 1, 1 << 10);
            reach[axis] = (int)Math.Ceiling(cutoff * bins[axis] / width);
            if (!box.Periodic[axis])
            {
                reach[axis] = Math.Min(reach[axis], bins[axis] - 1);
            }
        }

        // Keep the number of bins of the order of the number of atoms (a huge cell with a short cut-off would
        // otherwise allocate mostly empty bins); fewer bins only widen the reach.
        while ((long)bins[0] * bins[1] * bins[2] > Math.Max(27, 2L * n))
        {
            int widest = bins[0] >= bins[1] && bins[0] >= bins[2] ? 0 : bins[1] >= bins[2] ? 1 : 2;
            bins[widest] = Math.Max(1, bins[widest] / 2);
            double width = widths[widest] * span[widest];
            reach[widest] = (int)Math.Ceiling(cutoff * bins[widest] / width);
            if (!box.Periodic[widest])
            {
                reach[widest] = Math.Min(reach[widest], bins[widest] - 1);
            }
        }

        (_na, _nb, _nc) = (bins[0], bins[1], bins[2]);
        int cells = _na * _nb * _nc;
        int[] cellOf = new int[n];
        _cellStart = new int[cells + 1];
        for (int i = 0; i < n; i++)
        {
            Vec3 s = frac[i];
            int ia = Bin((s.X - lo[0]) / span[0], _na);
            int ib = Bin((s.Y - lo[1]) / span[1], _nb);
            int ic = Bin((s.Z - lo[2]) / span[2], _nc);
            cellOf[i] = (ia * _nb + ib) * _nc + ic;
            _cellStart[cellOf[i] + 1]++;
        }

        for (int c = 0; c < cells; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }

        _atoms = new int[n];
        _sorted = new Vec3[n];
        int[] fill = (int[])_cellStart.Clone();
        for (int i = 0; i < n; i++)
        {
            int slot = fill[cellOf[i]]++;
            _atoms[slot] = i;
            _sorted[slot] = box.H * frac[i];
        }

        var offsets = new List<Offset>();
        for (int da = -reach[0]; da <= reach[0]; da++)
        {
            for (int db = -reach[1]; db <= reach[1]; db++)
            {
                for (int dc = -reach[2]; dc <= reach[2]; dc++)
                {
                    if (da > 0 || (da == 0 && (db > 0 || (db == 0 && dc >= 0))))
                    {
                        offsets.Add(new Offset(da, db, dc));
                    }
                }
            }
        }

        _offsets = offsets.ToArray();
    }

    public Box Box { get; }

    /// <summary>The cut-off in Å.</summary>
    public double Cutoff { get; }

    /// <summary>Visits every unordered pair (with images) closer than the cut-off once.</summary>
    public void VisitPairs<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        Mat3 h = Box.H;
        PeriodicFlags periodic = Box.Periodic;
        foreach (Offset o in _offsets)
        {
            bool zero = o.A == 0 && o.B == 0 && o.C == 0;
            for (int ia = 0; ia < _na; ia++)
            {
                if (!Neighbour(ia, o.A, _na, periodic.A, out int ja, out int sa)) continue;
                for (int ib = 0; ib < _nb; ib++)
                {
                    if (!Neighbour(ib, o.B, _nb, periodic.B, out int jb, out int sb)) continue;
                    for (int ic = 0; ic < _nc; ic++)
                    {
                        if (!Neighbour(ic, o.C, _nc, periodic.C, out int jc, out int sc)) continue;
                        Vec3 shift = (sa * h.C0) + (sb * h.C1) + (sc * h.C2);
                        int c1 = (ia * _nb + ib) * _nc + ic;
                        int c2 = (ja * _nb + jb) * _nc + jc;
                        VisitCells(ref visitor, c1, c2, shift, zero);
                    }
                }
            }
        }
    }

    private void VisitCells<TVisitor>(ref TVisitor visitor, int c1, int c2, Vec3 shift, bool sameImage)
        where TVisitor : struct, IPairVisitor
    {
        int end1 = _cellStart[c1 + 1];
        int start2 = _cellStart[c2];
        int end2 = _cellStart[c2 + 1];
        for (int p = _cellStart[c1]; p < end1; p++)
        {
            Vec3 ri = _sorted[p] - shift;
            int i = _atoms[p];
            for (int q = sameImage ? p + 1 : start2; q < end2; q++)
            {
                Vec3 d = _sorted[q] - ri;
                double r2 = (d.X * d.X) + (d.Y * d.Y) + (d.Z * d.Z);
                if (r2 < _cutoffSquared)
                {
                    visitor.Visit(i, _atoms[q], r2);
                }
            }
        }
    }

    private static bool Neighbour(int index, int offset, int bins, bool periodic, out int neighbour, out int shift)
    {
        int u = index + offset;
        if (!periodic)
        {
            neighbour = u;
            shift = 0;
            return u >= 0 && u < bins;
        }

        shift = (int)Math.Floor((double)u / bins);
        neighbour = u - (shift * bins);
        return true;
    }

    private static int Bin(double t, int bins) => Math.Clamp((int)(t * bins), 0, bins - 1);

    private static double Wrap(double s, bool periodic)
    {
        if (!periodic)
        {
            return s;
        }

        double w = s - Math.Floor(s);
        return w >= 1 ? 0 : w;
    }

    private readonly record struct Offset(int A, int B, int C);
}
