namespace GbAtomistics.Analysis.Roles;

/// <summary>
/// Sums over the atoms of one species and region in one frame: atoms, Σ CN, Σ CN², atoms with at least one bond, Σ and
/// Σ² of their mean bond length (Å), and Σ and Σ² of the bond-valence sum of every atom (valence units, signed as the formal valence).
/// </summary>
internal struct RoleFrameSums
{
    public long Atoms;
    public double Cn;
    public double Cn2;
    public long Bonded;
    public double Length;
    public double Length2;
    public double Bvs;
    public double Bvs2;

    public void Add(in RoleFrameSums o)
    {
        Atoms += o.Atoms;
        Cn += o.Cn;
        Cn2 += o.Cn2;
        Bonded += o.Bonded;
        Length += o.Length;
        Length2 += o.Length2;
        Bvs += o.Bvs;
        Bvs2 += o.Bvs2;
    }
}
