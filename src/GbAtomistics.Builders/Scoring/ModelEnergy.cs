using GbAtomistics.Builders.Crystals;
using GbAtomistics.Core;
using GbAtomistics.Core.Neighbors;

namespace GbAtomistics.Builders.Scoring;

/// <summary>
/// The energy model that ranks candidate bicrystals before any force field is involved: the Coulomb energy of the
/// formal charges (an Ewald sum, <see cref="EwaldSum"/>) plus a Born–Mayer repulsion between species in contact in the
/// crystal. Energies in eV; the excess per area in J/m².
/// </summary>
/// <remarks>
/// <para>
/// Repulsion: φ_AB(r) = B_AB exp((d_AB − r)/ρ) with ρ = <see cref="Hardness"/> (the common hardness of Born–Mayer
/// potentials of ionic crystals, Tosi–Fumi ρ ≈ 0.32 Å) and d_AB the shortest A–B distance of the perfect crystal.
/// B_AB = s |q_A q_B| / d_AB² (|q_A q_B| taken as 1 for uncharged species): the force at d_AB of each pair in
/// proportion to the Coulomb force of that pair. The one scale s is fixed by the Born condition of equilibrium: the
/// perfect crystal is stationary under a uniform dilation, dE/dλ = −E_Coulomb − Σ φ_AB(r)·r/ρ = 0, so the model
/// crystal is at zero pressure at its lattice constant (for an uncharged crystal, where there is no Coulomb energy,
/// s = ρ k_e). The repulsion is stiff below the bulk distance and negligible above it. As in the rigid-ion potentials
/// of oxides and halides (short-range terms between cations and anions and between anions, Coulomb alone between
/// cations), it acts between every pair of anions and between cation–anion pairs in contact in the crystal (B within
/// 1.2 times the nearest-neighbour distance of A, or A of B; for uncharged species, every pair in contact); the
/// Coulomb energy keeps cations apart. Cut at d_AB + 12ρ (φ below 10⁻⁵ B).
/// </para>
/// <para>
/// It is a ranking model, not a force field: it sees overlaps and charge imbalance at a boundary, not relaxation or
/// bonding. Energies that a study can quote come from relaxing the candidates with a real potential in LAMMPS. A
/// user's short-range potential (<see cref="PairPotential"/>, <c>--score-potential</c>) replaces the repulsion: the
/// ranking is then by that force field's unrelaxed energy (Ewald Coulomb of the cell's charges plus its pair terms).
/// </para>
/// </remarks>
internal sealed class ModelEnergy
{
    /// <summary>Born–Mayer hardness ρ in Å.</summary>
    public const double Hardness = 0.3;

    /// <summary>eV/Å² to J/m².</summary>
    public const double EvPerSquareAngstromToJoulePerSquareMetre = 16.0217663;

    private const double EwaldAccuracy = 1e-5;

    private readonly double[] _charges;
    private readonly double[,] _b;
    private readonly double[,] _d;
    private readonly double[,] _cut2;
    private readonly double _cutoff;

    private readonly PairPotential? _potential;

    /// <summary>
    /// The model for <paramref name="cell"/>; with <paramref name="potential"/> its short-range terms replace the
    /// Born–Mayer repulsion (the Coulomb part stays the Ewald sum of the cell's charges).
    /// </summary>
    public ModelEnergy(UnitCell cell, RigidUnits units, PairPotential? potential = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(units);
        _potential = potential;
        int n = cell.Species.Count;
        _charges = cell.Charges.ToArray();
        _b = new double[n, n];
        _d = new double[n, n];
        _cut2 = new double[n, n];
        double[] nearest = new double[n];
        for (int s = 0; s < n; s++)
        {
            nearest[s] = Enumerable.Range(0, n).Min(t => cell.PairDistance(s, t));
        }

        for (int s = 0; s < n; s++)
        {
            for (int t = 0; t < n; t++)
            {
                double d = cell.PairDistance(s, t);
                bool anions = _charges[s] < 0 && _charges[t] < 0;
                bool cations = _charges[s] > 0 && _charges[t] > 0;
                bool contact = !cations && (anions || d <= 1.2 * nearest[s] || d <= 1.2 * nearest[t]);
                double qq = Math.Abs(_charges[s] * _charges[t]);
                _d[s, t] = d;
                _b[s, t] = contact ? Hardness * EwaldSum.CoulombConstant * (qq > 0 ? qq : 1) / (d * d) : 0;
                double cut = contact ? d + (12 * Hardness) : 0;
                _cut2[s, t] = cut * cut;
                _cutoff = Math.Max(_cutoff, cut);
            }
        }

        // The bulk reference: the unit cell itself, per formula unit counted in unit kinds.
        double a = cell.A;
        Box box = cell.Shape == Mat3.Identity ? Box.Orthogonal(a, a, a) : Box.FromVectors(a * cell.Shape.C0, a * cell.Shape.C1, a * cell.Shape.C2);
        Vec3[] positions = cell.Sites.Select(site => cell.Shape == Mat3.Identity ? a * site.Position : cell.Cartesian(site.Position)).ToArray();
        int[] species = cell.Sites.Select(site => site.Species).ToArray();
        int perCell = units.Units.Count(u => u.Kind == 0) / units.FormulaInKinds[0];
        double coulomb = Coulomb(box, positions, species);
        if (potential is not null)
        {
            _cutoff = 0;
        }
        else if (coulomb < 0)
        {
            // Born equilibrium: Σ φ·r/ρ = −E_Coulomb for the crystal at its own lattice constant.
            var virial = new Repulsion(species, _b, _d, _cut2);
            new CellList(box, positions, _cutoff).VisitPairs(ref virial);
            double scale = -coulomb / virial.Virial;
            for (int s = 0; s < n; s++)
            {
                for (int t = 0; t < n; t++)
                {
                    _b[s, t] *= scale;
                }
            }
        }

        BulkPerFormulaUnit = Energy(box, positions, species) / perCell;
    }

    /// <summary>Model energy of the perfect crystal per formula unit (eV).</summary>
    public double BulkPerFormulaUnit { get; }

    /// <summary>Model energy (eV) of atoms of the given species (type indices 0…) in a periodic box.</summary>
    public double Energy(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> species)
    {
        ArgumentNullException.ThrowIfNull(box);
        double coulomb = Coulomb(box, positions, species);
        if (_potential is { } potential && positions.Length > 0)
        {
            var pairs = new UserPairs(species.ToArray(), potential);
            new CellList(box, positions, potential.Cutoff).VisitPairs(ref pairs);
            return coulomb + pairs.Sum;
        }

        if (_cutoff <= 0 || positions.Length == 0)
        {
            return coulomb;
        }

        var visitor = new Repulsion(species.ToArray(), _b, _d, _cut2);
        new CellList(box, positions, _cutoff).VisitPairs(ref visitor);
        return coulomb + visitor.Sum;
    }

    private double Coulomb(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> species)
    {
        if (_charges.All(q => q == 0))
        {
            return 0;
        }

        double[] q = new double[positions.Length];
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = _charges[species[i]];
        }

        return EwaldSum.Energy(box, positions, q, EwaldAccuracy);
    }

    /// <summary>
    /// (E − n·e_bulk) / (2A) in J/m²: the excess model energy of a periodic bicrystal of <paramref name="formulaUnits"/>
    /// formula units per area of its two boundaries (A = <paramref name="area"/> in Å²).
    /// </summary>
    public double ExcessPerArea(Box box, ReadOnlySpan<Vec3> positions, ReadOnlySpan<int> species, int formulaUnits, double area) =>
        (Energy(box, positions, species) - (formulaUnits * BulkPerFormulaUnit)) / (2 * area) * EvPerSquareAngstromToJoulePerSquareMetre;

    private struct UserPairs(int[] species, PairPotential potential) : IPairVisitor
    {
        /// <summary>Σ φ (eV).</summary>
        public double Sum { get; private set; }

        public void Visit(int i, int j, double distanceSquared) =>
            Sum += potential.Energy(species[i], species[j], Math.Sqrt(distanceSquared));
    }

    private struct Repulsion(int[] species, double[,] b, double[,] d, double[,] cut2) : IPairVisitor
    {
        /// <summary>Σ φ (eV).</summary>
        public double Sum { get; private set; }

        /// <summary>Σ φ·r/ρ (eV), minus the derivative of the repulsion under a uniform dilation.</summary>
        public double Virial { get; private set; }

        public void Visit(int i, int j, double distanceSquared)
        {
            int s = species[i], t = species[j];
            if (distanceSquared < cut2[s, t])
            {
                double r = Math.Sqrt(distanceSquared);
                double phi = b[s, t] * Math.Exp((d[s, t] - r) / Hardness);
                Sum += phi;
                Virial += phi * r / Hardness;
            }
        }
    }
}
