using System.Globalization;
using GbAtomistics.Core;

namespace GbAtomistics.Builders.Bicrystals;

/// <summary>
/// The search for the physical bicrystal: every in-plane rigid-body translation of the upper grain on a grid over one
/// CSL period, plus the translations that put the two lattices in registry (sums of in-plane projections of a lattice
/// vector of each grain, where clean boundaries are found), and at each translation every termination; candidates that break the distance criterion are dropped
/// (or repaired by removing whole formula units), and the rest are ranked by their model energy
/// (<see cref="CslBicrystal.ModelEnergy"/>), lowest first.
/// </summary>
public static class TranslationSearch
{
    /// <summary>Target spacing (Å) of the automatic translation grid.</summary>
    public const double GridStep = 0.5;

    /// <summary>Most grid points along one direction of the automatic grid.</summary>
    public const int MaxGridPoints = 16;

    /// <summary>
    /// Builds the best bicrystal at every translation of an <paramref name="nx"/> × <paramref name="ny"/> grid and
    /// returns them ranked: built candidates by model energy, then those that failed, with the reason.
    /// </summary>
    public static IReadOnlyList<CslCandidate> Rank(CslBuildOptions options, int nx, int ny)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (nx < 1 || ny < 1 || nx * ny > 1024)
        {
            throw new InputException($"--translations {nx}x{ny}: expected at least one step each way and at most 1024 translations");
        }

        return Rank(options, CslBuilder.Prepare(options), Grid(nx, ny));
    }

    private static List<CslCandidate> Rank(CslBuildOptions options, CslBuilder.Geometry g, IReadOnlyList<(int I, int J, double X, double Y)> translations)
    {
        var candidates = new CslCandidate[translations.Count];
        Parallel.For(0, translations.Count, k =>
        {
            var (i, j, tx, ty) = translations[k];
            try
            {
                CslBicrystal gb = CslBuilder.Best(options with { Translation = (tx, ty) }, g);
                candidates[k] = new CslCandidate(i, j, tx, ty, gb, null);
            }
            catch (InputException e)
            {
                candidates[k] = new CslCandidate(i, j, tx, ty, null, e.Message);
            }
        });

        return candidates
            .OrderBy(c => c.Bicrystal is null)
            .ThenBy(c => c.Bicrystal?.ModelEnergy ?? 0)
            .ThenBy(c => c.I)
            .ThenBy(c => c.J)
            .ToList();
    }

    /// <summary>
    /// The physical default: searches the automatic grid on one CSL period in the plane (the repeat does not change
    /// which translation is best), then builds the winner at the requested repeat. Throws, with the reasons of the
    /// nearest misses, when no candidate meets the distance criterion.
    /// </summary>
    public static CslBicrystal Best(CslBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // One geometry (and one bulk reference energy) for the whole search: the repeat does not change it.
        CslBuildOptions column = options with { RepeatAxis = 1, RepeatPlane = 1 };
        CslBuilder.Geometry g = CslBuilder.Prepare(column);
        var (nx, ny) = (Points(g.Periods.X), Points(g.Periods.Y));
        List<(int I, int J, double X, double Y)> translations = Grid(nx, ny);

        IReadOnlyList<(double X, double Y)> special = CslBuilder.SpecialTranslations(options.Cell, g);
        foreach (var (x, y) in special)
        {
            if (!translations.Any(t => Math.Abs(t.X - x) < 1e-6 && Math.Abs(t.Y - y) < 1e-6))
            {
                translations.Add((-1, -1, x, y));
            }
        }

        IReadOnlyList<CslCandidate> ranked = Rank(column, g, translations);
        int built = ranked.Count(c => c.Bicrystal is not null);
        if (built == 0)
        {
            throw new InputException(
                $"no translation (the {nx}x{ny} grid and {special.Count} lattice registries) and no termination meets the distance criterion ({options.Distances}); " +
                $"for example {ranked[0].Failure} (try --overlap formula-units, a smaller --min-ratio or --expansion)");
        }

        CslCandidate winner = ranked[0];
        CslBicrystal seed = winner.Bicrystal!;
        CslBicrystal gb = options.RepeatAxis == 1 && options.RepeatPlane == 1
            ? seed
            : CslBuilder.Build(options with { Translation = (winner.TranslationX, winner.TranslationY), Termination = seed.Termination.Index });
        gb.Selection = string.Create(CultureInfo.InvariantCulture,
            $"translation ({winner.TranslationX:0.###}, {winner.TranslationY:0.###}) among the {nx}x{ny} grid " +
            $"(steps {seed.Periods.X / nx:F2} x {seed.Periods.Y / ny:F2} Å) and {special.Count} lattice registries, termination {seed.Termination.Index} ({seed.Termination.Description}): " +
            $"the lowest model energy ({seed.ModelEnergy:F3} J/m²) of the {built} of {ranked.Count} translations with a build that meets the distance criterion");
        return gb;
    }

    private static List<(int I, int J, double X, double Y)> Grid(int nx, int ny)
    {
        var grid = new List<(int, int, double, double)>(nx * ny);
        for (int i = 0; i < nx; i++)
        {
            for (int j = 0; j < ny; j++)
            {
                grid.Add((i, j, i / (double)nx, j / (double)ny));
            }
        }

        return grid;
    }

    private static int Points(double period) => Math.Clamp((int)Math.Ceiling((period / GridStep) - 1e-9), 1, MaxGridPoints);
}
