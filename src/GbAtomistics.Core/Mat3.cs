using System.Runtime.CompilerServices;

namespace GbAtomistics.Core;

/// <summary>
/// A 3×3 matrix stored by columns. For a cell matrix H the columns are the cell vectors a, b, c,
/// so that a Cartesian offset is H·s for fractional coordinates s.
/// </summary>
public readonly record struct Mat3(Vec3 C0, Vec3 C1, Vec3 C2)
{
    public static readonly Mat3 Identity = new(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1));

    /// <summary>Element in row <paramref name="row"/> and column <paramref name="col"/>.</summary>
    public double this[int row, int col] => Column(col)[row];

    public Vec3 Column(int col) => col switch
    {
        0 => C0,
        1 => C1,
        2 => C2,
        _ => throw new ArgumentOutOfRangeException(nameof(col)),
    };

    public Vec3 Row(int row) => new(C0[row], C1[row], C2[row]);

    public double Determinant => Vec3.Dot(C0, Vec3.Cross(C1, C2));

    public static Mat3 FromRows(Vec3 r0, Vec3 r1, Vec3 r2) =>
        new(new Vec3(r0.X, r1.X, r2.X), new Vec3(r0.Y, r1.Y, r2.Y), new Vec3(r0.Z, r1.Z, r2.Z));

    public Mat3 Transpose() => FromRows(C0, C1, C2);

    /// <summary>H·v, summed column by column (v.X C0 + v.Y C1) + v.Z C2; written out so that it inlines into per-atom loops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator *(Mat3 m, Vec3 v) => new(
        (v.X * m.C0.X) + (v.Y * m.C1.X) + (v.Z * m.C2.X),
        (v.X * m.C0.Y) + (v.Y * m.C1.Y) + (v.Z * m.C2.Y),
        (v.X * m.C0.Z) + (v.Y * m.C1.Z) + (v.Z * m.C2.Z));

    public static Mat3 operator *(Mat3 a, Mat3 b) => new(a * b.C0, a * b.C1, a * b.C2);

    public static Mat3 operator *(double s, Mat3 m) => new(s * m.C0, s * m.C1, s * m.C2);

    /// <summary>The inverse; throws <see cref="InvalidOperationException"/> for a singular matrix.</summary>
    public Mat3 Inverse()
    {
        double det = Determinant;
        if (det == 0 || !double.IsFinite(det))
        {
            throw new InvalidOperationException("matrix is singular");
        }

        // Rows of the inverse are the cross products of the columns divided by the determinant.
        Vec3 r0 = Vec3.Cross(C1, C2) / det;
        Vec3 r1 = Vec3.Cross(C2, C0) / det;
        Vec3 r2 = Vec3.Cross(C0, C1) / det;
        return FromRows(r0, r1, r2);
    }
}
