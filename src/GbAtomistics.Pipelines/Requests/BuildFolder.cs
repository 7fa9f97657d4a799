using System.Text.Json;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Requests;

/// <summary>
/// The output folder of <c>gbat build csl</c> as <c>build.json</c> describes it: the lattice constant the members were
/// built with (Å), the species in type order, the conventional unit cell (<c>unit-cell.data</c>) and the members.
/// </summary>
public sealed class BuildFolder
{
    private BuildFolder(string path, double latticeConstant, string[] species, string unitCell, IReadOnlyList<BuildFolderMember> members)
    {
        Path = path;
        LatticeConstant = latticeConstant;
        Species = species;
        UnitCell = unitCell;
        Members = members;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Full path of build.json.</summary>
    public string BuildJson => System.IO.Path.Combine(Path, "build.json");

    /// <summary>Lattice constant of the build in Å.</summary>
    public double LatticeConstant { get; }

    /// <summary>Element of each type, in type order.</summary>
    public IReadOnlyList<string> Species { get; }

    /// <summary>Full path of the unit-cell data file.</summary>
    public string UnitCell { get; }

    /// <summary>The lattice system of the unit cell (<c>lattice.system</c>: cubic, tetragonal, orthorhombic, hexagonal); cubic when build.json has none.</summary>
    public string LatticeSystem { get; private init; } = "cubic";

    /// <summary>Whether the unit cell is not cubic.</summary>
    public bool NonCubic => LatticeSystem != "cubic";

    /// <summary>Cell vectors a, b, c as built (columns, Å, in the cell's Cartesian frame); null for an older build.json.</summary>
    public Mat3? CellVectors { get; private init; }

    /// <summary>Cell vectors a, b, c of grain 1 and grain 2 in the box frame as built (columns, Å); written for non-cubic cells only.</summary>
    public (Mat3 Lower, Mat3 Upper)? GrainCellVectors { get; private init; }

    /// <summary>Every member, built or not, in the order of build.json.</summary>
    public IReadOnlyList<BuildFolderMember> Members { get; }

    /// <summary>Full path of a file named in build.json.</summary>
    public string FileOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Reads <c>build.json</c> of <paramref name="folder"/>; a missing or malformed file is an <see cref="InputException"/> naming it.</summary>
    public static BuildFolder Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException($"{folder}: no such folder; expected the output folder of 'gbat build csl'");
        }

        string file = System.IO.Path.Combine(folder, "build.json");
        if (!File.Exists(file))
        {
            throw new InputException($"{file}: not found; expected the output folder of 'gbat build csl' (it writes build.json)");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InputException($"{file}:{(e.LineNumber ?? 0) + 1}: expected the JSON of 'gbat build csl', found a syntax error");
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("step", out JsonElement step) || step.GetString() != "build-csl")
            {
                throw new InputException($"{file}: expected the build.json of 'gbat build csl' (\"step\": \"build-csl\")");
            }

            double a = Number(root, "lattice_constant_angstrom", file);
            if (!(a > 0))
            {
                throw new InputException($"{file}: lattice_constant_angstrom: expected a positive number of Å, found {a}");
            }

            string[] species = Require(root, "species", JsonValueKind.Array, file).EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();
            if (!root.TryGetProperty("unit_cell", out JsonElement cell) || cell.ValueKind != JsonValueKind.String)
            {
                throw new InputException($"{file}: expected \"unit_cell\" (the file name of the unit cell); the folder was built by an older gbat: build it again with 'gbat build csl'");
            }

            string unitCell = System.IO.Path.Combine(folder, cell.GetString()!);
            var members = new List<BuildFolderMember>();
            foreach (JsonElement m in Require(root, "members", JsonValueKind.Array, file).EnumerateArray())
            {
                string name = Require(m, "name", JsonValueKind.String, file).GetString()!;
                bool built = m.TryGetProperty("built", out JsonElement b) && b.ValueKind == JsonValueKind.True;
                double[]? translation = m.TryGetProperty("translation_fraction", out JsonElement t) && t.ValueKind == JsonValueKind.Array
                    ? t.EnumerateArray().Select(x => x.GetDouble()).ToArray() : null;
                string? termination = null;
                if (m.TryGetProperty("termination", out JsonElement term) && term.ValueKind == JsonValueKind.Object)
                {
                    termination = $"{(term.TryGetProperty("index", out JsonElement i) ? i.GetRawText() : "?")} ({(term.TryGetProperty("description", out JsonElement d) ? d.GetString() : string.Empty)})";
                }

                members.Add(new BuildFolderMember(
                    name,
                    built,
                    built ? Require(m, "structure", JsonValueKind.String, file).GetString() : null,
                    built ? Require(m, "metadata", JsonValueKind.String, file).GetString() : null,
                    translation,
                    termination,
                    m.TryGetProperty("reason", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null));
            }

            if (members.Count == 0)
            {
                throw new InputException($"{file}: members: expected at least one member, found none");
            }

            var result = new BuildFolder(folder, a, species, unitCell, members);
            if (root.TryGetProperty("lattice", out JsonElement lattice) && lattice.ValueKind == JsonValueKind.Object)
            {
                string system = lattice.TryGetProperty("system", out JsonElement sys) && sys.ValueKind == JsonValueKind.String ? sys.GetString()! : "cubic";
                Mat3? vectors = lattice.TryGetProperty("cell_vectors_angstrom", out JsonElement cv) ? Matrix(cv, file, "lattice.cell_vectors_angstrom") : null;
                (Mat3, Mat3)? grains = null;
                if (lattice.TryGetProperty("grain_cell_vectors_box_angstrom", out JsonElement g) && g.ValueKind == JsonValueKind.Array && g.GetArrayLength() == 2)
                {
                    grains = (Matrix(g[0], file, "lattice.grain_cell_vectors_box_angstrom")!.Value, Matrix(g[1], file, "lattice.grain_cell_vectors_box_angstrom")!.Value);
                }

                result = new BuildFolder(folder, a, species, unitCell, members) { LatticeSystem = system, CellVectors = vectors, GrainCellVectors = grains };
            }

            return result;
        }
    }

    private static JsonElement Require(JsonElement obj, string key, JsonValueKind kind, string file)
    {
        if (!obj.TryGetProperty(key, out JsonElement e) || e.ValueKind != kind)
        {
            throw new InputException($"{file}: expected \"{key}\" ({kind.ToString().ToLowerInvariant()}), found {(e.ValueKind == JsonValueKind.Undefined ? "none" : e.ValueKind.ToString().ToLowerInvariant())}");
        }

        return e;
    }

    // Three vectors of three numbers, as columns.
    private static Mat3? Matrix(JsonElement e, string file, string key)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 3 || e.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 3 || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number)))
        {
            throw new InputException($"{file}: {key}: expected three vectors of three numbers (Å)");
        }

        Vec3 V(int k) => new(e[k][0].GetDouble(), e[k][1].GetDouble(), e[k][2].GetDouble());
        return new Mat3(V(0), V(1), V(2));
    }

    private static double Number(JsonElement obj, string key, string file) => Require(obj, key, JsonValueKind.Number, file).GetDouble();
}
