namespace GbAtomistics.Core;

/// <summary>
/// One configuration of a trajectory in LAMMPS <c>metal</c> units: positions in Å, time in ps,
/// velocities in Å/ps, forces in eV/Å, charges in e, energies in eV.
/// </summary>
/// <remarks>
/// Readers fill a frame they are handed and reuse its arrays; callers <see cref="Clone"/> what they keep.
/// Atoms are ordered by id, so index i is the same atom in every frame of a trajectory.
/// Optional per-atom arrays are null when the file does not provide them.
/// </remarks>
public sealed class Frame
{
    private long[] _ids = [];
    private int[] _types = [];
    private Vec3[] _positions = [];
    private readonly List<string> _extraNames = [];
    private readonly List<double[]> _extraValues = [];

    /// <summary>The MD step number (LAMMPS timestep, VASP ionic step counted from 1).</summary>
    public long Step { get; set; }

    /// <summary>Simulation time in ps when known (step × timestep), else null.</summary>
    public double? Time { get; set; }

    public Box Box { get; set; } = Box.Orthogonal(1, 1, 1);

    /// <summary>Number of atoms.</summary>
    public int Count { get; private set; }

    /// <summary>Atom ids (LAMMPS ids; 1-based positions in the file for VASP), ascending.</summary>
    public long[] Ids => _ids;

    /// <summary>Type numbers from 1; <see cref="Species"/> names them.</summary>
    public int[] Types => _types;

    /// <summary>Cartesian positions in Å, in the frame of the file (a LAMMPS box may start away from 0).</summary>
    public Vec3[] Positions => _positions;

    public CoordinateKind Coordinates { get; set; }

    /// <summary>Image flags (number of cell vectors crossed), or null when unknown.</summary>
    public Int3[]? Images { get; set; }

    /// <summary>Velocities in Å/ps, or null.</summary>
    public Vec3[]? Velocities { get; set; }

    /// <summary>Forces in eV/Å, or null.</summary>
    public Vec3[]? Forces { get; set; }

    /// <summary>Charges in e, or null.</summary>
    public double[]? Charges { get; set; }

    /// <summary>Names for the type numbers, or null when the file and the user named none.</summary>
    public SpeciesMap? Species { get; set; }

    /// <summary>Potential energy of the configuration in eV, when the file gives it (VASP).</summary>
    public double? PotentialEnergy { get; set; }

    /// <summary>
    /// Atoms of the file's configuration that the reader left out of this frame because the caller asked for one species
    /// only (<c>ReadOptions.OnlySpecies</c>); 0 when every atom is here.
    /// </summary>
    public int AtomsLeftOut { get; set; }

    /// <summary>Names of extra per-atom columns kept from the file (for example <c>c_pe</c>, <c>f_ave[1]</c>).</summary>
    public IReadOnlyList<string> ExtraNames => _extraNames;

    /// <summary>Sets the atom count, reusing arrays when the count is unchanged.</summary>
    public void Resize(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count != _positions.Length)
        {
            _ids = new long[count];
            _types = new int[count];
            _positions = new Vec3[count];
            Images = Images is null ? null : new Int3[count];
            Velocities = Velocities is null ? null : new Vec3[count];
            Forces = Forces is null ? null : new Vec3[count];
            Charges = Charges is null ? null : new double[count];
            for (int i = 0; i < _extraValues.Count; i++)
            {
                _extraValues[i] = new double[count];
            }
        }

        Count = count;
    }

    public Int3[] EnsureImages() => Images is { } a && a.Length == Count ? a : (Images = new Int3[Count]);

    public Vec3[] EnsureVelocities() => Velocities is { } a && a.Length == Count ? a : (Velocities = new Vec3[Count]);

    public Vec3[] EnsureForces() => Forces is { } a && a.Length == Count ? a : (Forces = new Vec3[Count]);

    public double[] EnsureCharges() => Charges is { } a && a.Length == Count ? a : (Charges = new double[Count]);

    /// <summary>Declares the extra columns of this frame, reusing arrays whose names are unchanged.</summary>
    public void SetExtraNames(IReadOnlyList<string> names)
    {
        bool same = names.Count == _extraNames.Count;
        for (int i = 0; same && i < names.Count; i++)
        {
            same = names[i] == _extraNames[i] && _extraValues[i].Length == Count;
        }

        if (same)
        {
            return;
        }

        _extraNames.Clear();
        _extraValues.Clear();
        foreach (string name in names)
        {
            _extraNames.Add(name);
            _extraValues.Add(new double[Count]);
        }
    }

    /// <summary>The values of extra column <paramref name="index"/> (see <see cref="ExtraNames"/>).</summary>
    public double[] Extra(int index) => _extraValues[index];

    /// <summary>The values of the extra column named <paramref name="name"/>, or null.</summary>
    public double[]? Extra(string name)
    {
        int i = _extraNames.IndexOf(name);
        return i < 0 ? null : _extraValues[i];
    }

    /// <summary>Clears optional data so a reader can refill the frame from scratch.</summary>
    public void ClearOptional()
    {
        Images = null;
        Velocities = null;
        Forces = null;
        Charges = null;
        PotentialEnergy = null;
        Time = null;
        AtomsLeftOut = 0;
        _extraNames.Clear();
        _extraValues.Clear();
    }

    /// <summary>The species name of atom <paramref name="index"/>: the element, or the type number as text.</summary>
    public string SpeciesName(int index) => TypeName(_types[index]);

    /// <summary>The species name of type <paramref name="type"/>: its name in <see cref="Species"/>, or the type number as text.</summary>
    public string TypeName(int type) => SpeciesMap.NameOrNumber(Species, type);

    /// <summary>
    /// Orders the atoms by id. Returns the index of the first duplicate id found (in sorted order), or −1.
    /// Does nothing when the ids are already ascending.
    /// </summary>
    public int SortById()
    {
        int n = Count;
        bool sorted = true;
        for (int i = 1; i < n; i++)
        {
            if (_ids[i] <= _ids[i - 1])
            {
                sorted = false;
                break;
            }
        }

        if (sorted)
        {
            return -1;
        }

        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        long[] keys = (long[])_ids.Clone();
        Array.Sort(keys, order);
        for (int i = 1; i < n; i++)
        {
            if (keys[i] == keys[i - 1])
            {
                return i;
            }
        }

        Permute(_ids, order);
        Permute(_types, order);
        Permute(_positions, order);
        if (Images is not null) Permute(Images, order);
        if (Velocities is not null) Permute(Velocities, order);
        if (Forces is not null) Permute(Forces, order);
        if (Charges is not null) Permute(Charges, order);
        foreach (double[] values in _extraValues)
        {
            Permute(values, order);
        }

        return -1;
    }

    /// <summary>A deep copy that shares nothing mutable with this frame.</summary>
    public Frame Clone()
    {
        var copy = new Frame
        {
            Step = Step,
            Time = Time,
            Box = Box,
            Coordinates = Coordinates,
            Species = Species,
            PotentialEnergy = PotentialEnergy,
            AtomsLeftOut = AtomsLeftOut,
            Images = (Int3[]?)Images?.Clone(),
            Velocities = (Vec3[]?)Velocities?.Clone(),
            Forces = (Vec3[]?)Forces?.Clone(),
            Charges = (double[]?)Charges?.Clone(),
        };
        copy._ids = (long[])_ids.Clone();
        copy._types = (int[])_types.Clone();
        copy._positions = (Vec3[])_positions.Clone();
        copy.Count = Count;
        copy._extraNames.AddRange(_extraNames);
        foreach (double[] values in _extraValues)
        {
            copy._extraValues.Add((double[])values.Clone());
        }

        return copy;
    }

    private static void Permute<T>(T[] values, int[] order)
    {
        var source = (T[])values.Clone();
        for (int i = 0; i < order.Length; i++)
        {
            values[i] = source[order[i]];
        }
    }
}
