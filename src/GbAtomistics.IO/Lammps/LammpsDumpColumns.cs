using System.Text;

namespace GbAtomistics.IO.Lammps;

/// <summary>
/// The meaning of the columns of one <c>ITEM: ATOMS</c> header, worked out once and reused while the header does
/// not change. Column names follow the LAMMPS <c>dump</c> command documentation (custom style keywords).
/// </summary>
internal sealed class LammpsDumpColumns
{
    /// <summary>Per-line value slots: positions 0–2, the unwrapped set used for image flags 3–5, velocities 6–8,
    /// forces 9–11, charge 12.</summary>
    public const int PositionSlot = 0;
    public const int UnwrappedSlot = 3;
    public const int VelocitySlot = 6;
    public const int ForceSlot = 9;
    public const int ChargeSlot = 12;
    public const int SlotCount = 13;

    // Coordinate sets in order of preference for positions: wrapped, scaled, unwrapped, scaled unwrapped.
    private static readonly string[][] CoordinateSets =
    [
        ["x", "y", "z"],
        ["xs", "ys", "zs"],
        ["xu", "yu", "zu"],
        ["xsu", "ysu", "zsu"],
    ];

    private LammpsDumpColumns(byte[] header, string[] names)
    {
        Header = header;
        Names = names;
        Kinds = new LammpsColumnKind[names.Length];
        Slots = new int[names.Length];
    }

    /// <summary>The text after <c>ITEM: ATOMS</c>, to recognise an unchanged header cheaply.</summary>
    public byte[] Header { get; }

    public string[] Names { get; }

    public LammpsColumnKind[] Kinds { get; }

    /// <summary>Per column: the value slot, the image axis or the extra index.</summary>
    public int[] Slots { get; }

    public int Count => Names.Length;

    /// <summary>The coordinate set that gives the positions: 0 x, 1 xs, 2 xu, 3 xsu.</summary>
    public int PositionSet { get; private set; }

    public bool PositionsScaled => PositionSet is 1 or 3;

    public bool PositionsUnwrapped => PositionSet >= 2;

    /// <summary>
    /// The unwrapped set (2 or 3) read beside wrapped positions to derive image flags when the dump has no ix iy iz
    /// columns; −1 when none.
    /// </summary>
    public int UnwrappedSet { get; private set; } = -1;

    public bool HasType { get; private set; }

    public bool HasElement { get; private set; }

    public bool HasImages { get; private set; }

    public bool HasVelocities { get; private set; }

    public bool HasForces { get; private set; }

    public bool HasCharges { get; private set; }

    public string[] ExtraNames { get; private set; } = [];

    /// <summary>A short list of the columns for messages: <c>id type x y z</c>.</summary>
    public string Describe() => string.Join(' ', Names);

    /// <summary>
    /// Works out the columns from the text after <c>ITEM: ATOMS</c>. Returns null and a reason when the header
    /// cannot be used.
    /// </summary>
    public static LammpsDumpColumns? Parse(ReadOnlySpan<byte> rest, out string? problem)
    {
        var names = new List<string>();
        var tokens = new Tokens(rest);
        while (tokens.Next(out ReadOnlySpan<byte> token))
        {
            names.Add(Encoding.UTF8.GetString(token));
        }

        problem = null;
        if (names.Count == 0)
        {
            problem = "expected column names after 'ITEM: ATOMS', found none";
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!seen.Add(name))
            {
                problem = $"expected distinct column names, found '{name}' twice";
                return null;
            }
        }

        var columns = new LammpsDumpColumns(rest.ToArray(), [.. names]);
        int Find(string name) => names.IndexOf(name);
        bool Complete(string[] set) => set.All(n => names.Contains(n));

        int id = Find("id");
        if (id < 0)
        {
            problem = $"expected an 'id' column, found columns '{columns.Describe()}' (add id to the dump command)";
            return null;
        }

        columns.Kinds[id] = LammpsColumnKind.Id;
        int type = Find("type");
        if (type >= 0)
        {
            columns.Kinds[type] = LammpsColumnKind.Type;
            columns.HasType = true;
        }

        int element = Find("element");
        if (element >= 0)
        {
            columns.Kinds[element] = LammpsColumnKind.Element;
            columns.HasElement = true;
        }

        var assigned = new bool[names.Count];
        assigned[id] = true;
        if (type >= 0) assigned[type] = true;
        if (element >= 0) assigned[element] = true;

        int positionSet = Array.FindIndex(CoordinateSets, Complete);
        if (positionSet < 0)
        {
            problem = $"expected coordinate columns (x y z, xs ys zs, xu yu zu or xsu ysu zsu), found columns '{columns.Describe()}'";
            return null;
        }

        columns.PositionSet = positionSet;
        columns.MapVector(CoordinateSets[positionSet], LammpsColumnKind.Value, PositionSlot, assigned);

        bool hasImageColumns = Complete(["ix", "iy", "iz"]);
        if (hasImageColumns)
        {
            columns.MapVector(["ix", "iy", "iz"], LammpsColumnKind.Image, 0, assigned);
            columns.HasImages = true;
        }

        // The other complete coordinate sets: one unwrapped set may serve to derive image flags; the rest is ignored.
        for (int set = 0; set < CoordinateSets.Length; set++)
        {
            if (set == positionSet || !Complete(CoordinateSets[set]))
            {
                continue;
            }

            if (set >= 2 && positionSet < 2 && !hasImageColumns && columns.UnwrappedSet < 0)
            {
                columns.UnwrappedSet = set;
                columns.HasImages = true;
                columns.MapVector(CoordinateSets[set], LammpsColumnKind.Value, UnwrappedSlot, assigned);
            }
            else
            {
                columns.MapVector(CoordinateSets[set], LammpsColumnKind.Ignore, 0, assigned);
            }
        }

        if (Complete(["vx", "vy", "vz"]))
        {
            columns.MapVector(["vx", "vy", "vz"], LammpsColumnKind.Value, VelocitySlot, assigned);
            columns.HasVelocities = true;
        }

        if (Complete(["fx", "fy", "fz"]))
        {
            columns.MapVector(["fx", "fy", "fz"], LammpsColumnKind.Value, ForceSlot, assigned);
            columns.HasForces = true;
        }

        int q = Find("q");
        if (q >= 0)
        {
            columns.Kinds[q] = LammpsColumnKind.Value;
            columns.Slots[q] = ChargeSlot;
            columns.HasCharges = true;
            assigned[q] = true;
        }

        var extras = new List<string>();
        for (int c = 0; c < names.Count; c++)
        {
            if (!assigned[c])
            {
                columns.Kinds[c] = LammpsColumnKind.Extra;
                columns.Slots[c] = extras.Count;
                extras.Add(names[c]);
            }
        }

        columns.ExtraNames = [.. extras];
        return columns;
    }

    private void MapVector(string[] set, LammpsColumnKind kind, int firstSlot, bool[] assigned)
    {
        for (int axis = 0; axis < 3; axis++)
        {
            int c = Array.IndexOf(Names, set[axis]);
            Kinds[c] = kind;
            Slots[c] = firstSlot + axis;
            assigned[c] = true;
        }
    }
}
