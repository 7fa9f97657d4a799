using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GbAtomistics.Core;
using GbAtomistics.IO;
using GbAtomistics.IO.Lammps;
using GbAtomistics.Pipelines.Running;

namespace GbAtomistics.Pipelines.Definition;

/// <summary>
/// Writes a commented starting pipeline (<c>gbat init</c>) for the trajectories found in a folder and its
/// subfolders: an input per trajectory (named after its subfolder, or its file), the species and charges of a LAMMPS
/// data file beside it, the timestep of a <c>log.lammps</c> beside it, boundaries from a <c>*.gb.json</c> beside it; then
/// RDF, coordination, profile, MSD and conductivity, a bulk-vs-GB comparison, Arrhenius sets over runs whose names differ
/// only by a temperature (<c>-800K</c>), and the polycrystal curve when there are bulk and GB sets.
/// </summary>
public static partial class PipelineTemplate
{
    /// <summary>The YAML text of a starting pipeline placed at <paramref name="pipelinePath"/> for the trajectories under <paramref name="folder"/>.</summary>
    public static string Create(string folder, string pipelinePath)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException($"{folder}: no such folder");
        }

        string anchor = Path.GetDirectoryName(Path.GetFullPath(pipelinePath))!;
        var found = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3 })
            .Where(f => IsTrajectory(f) && !IsGbatOutput(Path.GetDirectoryName(Path.GetFullPath(f))!, Path.GetFullPath(folder)))
            .OrderBy(f => NumberPattern().Replace(f, m => m.Value.PadLeft(12, '0')), StringComparer.Ordinal)
            .ToArray();
        if (found.Length == 0)
        {
            throw new InputException($"{folder}: no trajectory found (LAMMPS dumps, XDATCAR, OUTCAR, vasprun.xml, extended XYZ)");
        }

        var inputs = new List<Candidate>();
        foreach (string file in found)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
            string name = Path.GetFullPath(dir) == Path.GetFullPath(folder) ? Stem(file) : Path.GetFileName(dir);
            name = Regex.Replace(name, "[^A-Za-z0-9._-]", "-");
            while (inputs.Any(i => i.Name == name))
            {
                name += "-2";
            }

            string[] metadata = Directory.GetFiles(dir, "*.gb.json");
            inputs.Add(new Candidate(
                name,
                Path.GetRelativePath(anchor, Path.GetFullPath(file)).Replace('\\', '/'),
                metadata.Length == 1 ? Path.GetRelativePath(anchor, metadata[0]).Replace('\\', '/') : null,
                metadata.Length == 1 ? SuggestedHalfWidth(metadata[0]) : null,
                Structure(dir),
                Timestep(dir),
                File.Exists(Path.Combine(dir, "log.lammps"))));
        }

        return Render(inputs);
    }

    private static string Render(List<Candidate> inputs)
    {
        var sb = new StringBuilder();
        void L(string text = "") => sb.Append(text).Append('\n');
        L("# GbAtomistics pipeline, written by 'gbat init'. Run it with: gbat run pipeline.yaml");
        L("# Paths are relative to this file. Keys are the command-line options without their dashes (see 'gbat <command> --help');");
        L("# an unknown key is an error that lists the valid ones.");
        L("version: 1");
        L("output: results            # folder for tables, JSON, plots and report.md");
        L("# threads: 8               # default: all cores");
        L();
        var species = inputs.Select(i => i.Structure).FirstOrDefault(s => s is not null);
        L("defaults:                  # applied to every input unless it says otherwise");
        if (species?.TypeMap is { } tm)
        {
            L($"  type-map: {{{tm}}}      # from {species.Source}");
        }
        else
        {
            L("  # type-map: {1: Li, 2: O}  # names of LAMMPS types (needed when the file does not name them)");
        }

        string? timestep = inputs.Select(i => i.Timestep).FirstOrDefault(t => t is not null);
        L(timestep is null ? "  # timestep: 1fs           # MD timestep with its unit (LAMMPS dumps hold steps)" : $"  timestep: {timestep}            # from log.lammps");
        if (species?.Charges is { } q)
        {
            L($"  charges: {{{q}}}   # e, from {species.Source}: check them against your potential (conductivity uses them)");
        }
        else
        {
            L("  # charges: {Li: 1, O: -2}  # e per species, for the conductivity");
        }

        L("  # first-frame: 0, last-frame: 1000, every: 1   # frame selection (0-based, inclusive)");
        L();
        L("inputs:");
        foreach (Candidate c in inputs)
        {
            L($"  {c.Name}:");
            L($"    file: {c.File}");
            if (c.Metadata is not null)
            {
                L($"    boundaries: {c.Metadata}   # GB planes from the CSL build (or: auto, none, or normal/planes/half-width)");
                L(c.HalfWidth is { } hw
                    ? string.Create(CultureInfo.InvariantCulture, $"    half-width: {hw:G4}            # Å either side of each plane: the builder's suggestion")
                    : "    half-width: 4            # Å either side of each plane: CHECK");
            }

            L(c.HasLog ? "    # temperature: 800       # K; default: mean Temp of log.lammps beside the file" : "    temperature: 300          # K: CHECK (no log.lammps beside the file)");
        }

        var all = inputs.Select(i => i.Name).ToArray();
        var gb = inputs.Where(i => i.Metadata is not null).Select(i => i.Name).ToArray();
        var bulk = inputs.Where(i => i.Metadata is null).Select(i => i.Name).ToArray();
        L();
        L("analyses:");
        L("  rdf:                      # partial g(r); inputs with boundaries also get bulk and gb curves");
        L($"    inputs: [{string.Join(", ", all)}]");
        L("    r-max: 8                 # Å");
        L("    bins: 400");
        L("  coordination:             # CN distributions per region; cut-offs at the first minimum of g(r) unless given");
        L($"    inputs: [{string.Join(", ", all)}]");
        L("    # species: [Li-O, O-Li]  # default: every ordered pair of different species");
        L("    # cutoff: {Li-O: 2.6}     # Å; auto (first minimum) where not given");
        L("    atoms: none              # per-atom files for OVITO: dump, extxyz or none");
        if (gb.Length > 0)
        {
            L("  profile:                  # density, composition and coordination along the boundary normal");
            L($"    inputs: [{string.Join(", ", gb)}]");
            L("    profile-bins: 100");
        }

        L("  msd:                      # MSD over all time origins, D with GLS errors (all, gb, bulk; total, ∥, ⊥)");
        L($"    inputs: [{string.Join(", ", all)}]");
        L("    species: Li");
        L("    # fit-start: 2            # ps; default 10 % of the run");
        L("    # fit-end: 20             # ps; default 50 % of the run");
        L("  conductivity:             # Nernst–Einstein σ from the MSD (needs charges and a temperature)");
        L($"    inputs: [{string.Join(", ", all)}]");
        if (gb.Length > 0 && bulk.Length > 0)
        {
            L("  compare:                  # RDF peaks and mean CN, bulk vs GB");
            L($"    - name: bulk-vs-gb");
            L($"      inputs: [{bulk[0]}, {gb[0]}]");
        }

        var sets = inputs.GroupBy(i => TemperaturePattern().Replace(i.Name, "")).Where(g => g.Count() >= 2).ToArray();
        string? bulkSet = null, parallelSet = null, perpendicularSet = null;
        if (sets.Length > 0)
        {
            L("  arrhenius:                # Ea from runs at several temperatures");
            foreach (var set in sets)
            {
                string members = string.Join(", ", set.Select(i => i.Name));
                if (set.First().Metadata is null)
                {
                    bulkSet ??= set.Key;
                    L($"    - name: {set.Key}");
                    L($"      inputs: [{members}]");
                    L("      region: all");
                    L("      direction: total");
                }
                else
                {
                    parallelSet ??= set.Key + "-gb-parallel";
                    perpendicularSet ??= set.Key + "-gb-perpendicular";
                    foreach (string direction in new[] { "parallel", "perpendicular" })
                    {
                        L($"    - name: {set.Key}-gb-{direction}");
                        L($"      inputs: [{members}]");
                        L("      region: gb");
                        L($"      direction: {direction}");
                    }
                }
            }
        }

        if (bulkSet is not null && parallelSet is not null)
        {
            L("  polycrystal:              # brick-layer σ_poly(d) from the fitted values at 'temperature'");
            L($"    sigma-bulk: {{arrhenius: {bulkSet}}}");
            L($"    sigma-gb-parallel: {{arrhenius: {parallelSet}}}");
            L($"    sigma-gb-perpendicular: {{arrhenius: {perpendicularSet}}}");
            L("    temperature: 300         # K");
            L("    width: 1                 # nm, the boundary width δ");
        }

        return sb.ToString();
    }

    private static bool IsTrajectory(string path)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal) || name.EndsWith(".bz2", StringComparison.Ordinal))
        {
            name = Path.GetFileNameWithoutExtension(name);
        }

        return name.EndsWith(".lammpstrj", StringComparison.Ordinal) || name.EndsWith(".dump", StringComparison.Ordinal) ||
            name.StartsWith("dump.", StringComparison.Ordinal) || name.Contains("xdatcar", StringComparison.Ordinal) ||
            name == "outcar" || name.StartsWith("vasprun", StringComparison.Ordinal) || name.EndsWith(".extxyz", StringComparison.Ordinal);
    }

    private static string Stem(string file)
    {
        string name = Path.GetFileName(file);
        foreach (string ext in new[] { ".gz", ".bz2", ".lammpstrj", ".dump", ".extxyz", ".xyz" })
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^ext.Length];
            }
        }

        return name;
    }

    /// <summary>Species names and mean charges per species from a LAMMPS data file in <paramref name="dir"/>.</summary>
    private static StructureInfo? Structure(string dir)
    {
        foreach (string data in Directory.GetFiles(dir, "*.data").Order(StringComparer.Ordinal))
        {
            try
            {
                using ITrajectoryReader reader = FormatRegistry.OpenReader(data);
                var frame = new Frame();
                if (!reader.Read(frame))
                {
                    continue;
                }

                var types = Enumerable.Range(0, frame.Count).GroupBy(i => frame.Types[i]).OrderBy(g => g.Key).ToArray();
                bool named = types.All(g => !int.TryParse(frame.SpeciesName(g.First()), out _));
                string? map = named ? string.Join(", ", types.Select(g => $"{g.Key}: {frame.SpeciesName(g.First())}")) : null;
                string? charges = frame.Charges is { } q && named
                    ? string.Join(", ", types.Select(g => string.Create(CultureInfo.InvariantCulture, $"{frame.SpeciesName(g.First())}: {g.Average(i => q[i]):G6}")))
                    : null;
                return new StructureInfo(map, charges, Path.GetFileName(data));
            }
            catch (InputException)
            {
            }
        }

        return null;
    }

    private static string? Timestep(string dir)
    {
        string log = Path.Combine(dir, "log.lammps");
        if (!File.Exists(log))
        {
            return null;
        }

        try
        {
            LammpsLog parsed = LammpsLogReader.Read(log);
            if (parsed.Timesteps.LastOrDefault() is { Values.Count: > 0 } t)
            {
                double ps = t.Values[0] * (parsed.Units is null or "metal" ? 1.0 : parsed.Units == "real" ? 1e-3 : double.NaN);
                return double.IsFinite(ps) ? string.Create(CultureInfo.InvariantCulture, $"{ps * 1000:G6}fs") : null;
            }
        }
        catch (InputException)
        {
        }

        return null;
    }

    [GeneratedRegex("-?[0-9]+(\\.[0-9]+)?K$")]
    private static partial Regex TemperaturePattern();

    /// <summary>True inside a folder gbat wrote results into (it holds report.md, pipeline.json or an analysis JSON).</summary>
    private static bool IsGbatOutput(string dir, string top)
    {
        for (string? d = dir; d is not null && d.Length >= top.Length; d = Path.GetDirectoryName(d))
        {
            if (File.Exists(Path.Combine(d, "report.md")) || File.Exists(Path.Combine(d, "pipeline.json")))
            {
                return true;
            }
        }

        return new[] { "rdf.json", "coordination.json", "msd.json", "profile.json" }.Any(f => File.Exists(Path.Combine(dir, f)));
    }

    /// <summary>The suggested half-width (Å) of a <c>.gb.json</c>, whatever the spelling of the key, or null.</summary>
    private static double? SuggestedHalfWidth(string path)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                string key = p.Name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
                if (key.StartsWith("suggestedhalfwidth", StringComparison.Ordinal) && p.Value.ValueKind == System.Text.Json.JsonValueKind.Number)
                {
                    return p.Value.GetDouble();
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return null;
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex NumberPattern();

    private sealed record Candidate(string Name, string File, string? Metadata, double? HalfWidth, StructureInfo? Structure, string? Timestep, bool HasLog);

    private sealed record StructureInfo(string? TypeMap, string? Charges, string Source);
}
