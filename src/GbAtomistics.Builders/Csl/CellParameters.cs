using GbAtomistics.Core;

namespace GbAtomistics.Builders.Csl;

/// <summary>The lengths (Å) and angles (degrees) of a cell: α between b and c, β between a and c, γ between a and b.</summary>
public sealed record CellParameters(double A, double B, double C, double Alpha, double Beta, double Gamma)
{
    /// <summary>The parameters of the cell vectors a, b, c of <paramref name="box"/>.</summary>
    public static CellParameters FromBox(Box box)
    {
        ArgumentNullException.ThrowIfNull(box);
        static double Angle(Vec3 x, Vec3 y) => Math.Acos(Math.Clamp(Vec3.Dot(x, y) / (x.Length * y.Length), -1, 1)) * 180 / Math.PI;
        return new CellParameters(box.A.Length, box.B.Length, box.C.Length, Angle(box.B, box.C), Angle(box.A, box.C), Angle(box.A, box.B));
    }

    /// <summary>The parameters as text, e.g. <c>a = 3.2090, b = 3.2090, c = 5.2103 Å, α = 90.00°, β = 90.00°, γ = 120.00°</c>.</summary>
    public override string ToString() => FormattableString.Invariant(
        $"a = {A:F4}, b = {B:F4}, c = {C:F4} Å, α = {Alpha:F2}°, β = {Beta:F2}°, γ = {Gamma:F2}°");
}
