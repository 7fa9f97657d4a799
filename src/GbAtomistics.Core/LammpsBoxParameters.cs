namespace GbAtomistics.Core;

/// <summary>
/// A cell in the LAMMPS convention: a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz) with lx = xhi − xlo etc.,
/// and the origin (xlo, ylo, zlo). Lengths in the units of the file (Å inside GbAtomistics).
/// </summary>
public readonly record struct LammpsBoxParameters(
    double Xlo, double Xhi, double Ylo, double Yhi, double Zlo, double Zhi, double Xy, double Xz, double Yz)
{
    public bool IsTriclinic => Xy != 0 || Xz != 0 || Yz != 0;

    /// <summary>
    /// The bounding box LAMMPS writes in dump headers (xlo_bound …): xlo_bound = xlo + min(0, xy, xz, xy + xz),
    /// xhi_bound = xhi + max(0, xy, xz, xy + xz), ylo_bound = ylo + min(0, yz), yhi_bound = yhi + max(0, yz).
    /// </summary>
    public (double XloBound, double XhiBound, double YloBound, double YhiBound) BoundingBox()
    {
        double minX = Math.Min(Math.Min(0, Xy), Math.Min(Xz, Xy + Xz));
        double maxX = Math.Max(Math.Max(0, Xy), Math.Max(Xz, Xy + Xz));
        return (Xlo + minX, Xhi + maxX, Ylo + Math.Min(0, Yz), Yhi + Math.Max(0, Yz));
    }

    /// <summary>
    /// The inverse of <see cref="BoundingBox"/>, as in the LAMMPS documentation of <c>dump</c>:
    /// xlo = xlo_bound − min(0, xy, xz, xy + xz), xhi = xhi_bound − max(0, xy, xz, xy + xz),
    /// ylo = ylo_bound − min(0, yz), yhi = yhi_bound − max(0, yz).
    /// </summary>
    public static LammpsBoxParameters FromBoundingBox(
        double xloBound, double xhiBound, double yloBound, double yhiBound, double zlo, double zhi,
        double xy, double xz, double yz)
    {
        double minX = Math.Min(Math.Min(0, xy), Math.Min(xz, xy + xz));
        double maxX = Math.Max(Math.Max(0, xy), Math.Max(xz, xy + xz));
        return new LammpsBoxParameters(
            xloBound - minX, xhiBound - maxX, yloBound - Math.Min(0, yz), yhiBound - Math.Max(0, yz), zlo, zhi, xy, xz, yz);
    }
}
