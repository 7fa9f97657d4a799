using GbAtomistics.Builders.Crystals;
using GbAtomistics.Core;

namespace GbAtomistics.Pipelines.Steps;

/// <summary>
/// The conventional unit cell of a crystal as a <see cref="Frame"/>, laid out like the builder's bicrystals:
/// an orthogonal box a × a × a (Å) from the origin for a cube, else the cell vectors (a along x, b in the xy plane), types 1…n in the cell's species order, ids 1…N in site order, and
/// the formal charges (e) of an ionic crystal.
/// </summary>
public static class UnitCellFrame
{
    /// <summary>The frame of <paramref name="cell"/>; charges only when the crystal is ionic.</summary>
    public static Frame Create(UnitCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        Box box = cell.Shape == Mat3.Identity
            ? Box.Orthogonal(cell.A, cell.A, cell.A)
            : Box.FromVectors(cell.A * cell.Shape.C0, cell.A * cell.Shape.C1, cell.A * cell.Shape.C2);
        var frame = new Frame { Box = box, Species = SpeciesMap.FromOrderedNames(cell.Species.ToArray()) };
        frame.Resize(cell.Sites.Count);
        double[]? charges = cell.IsIonic ? frame.EnsureCharges() : null;
        for (int i = 0; i < cell.Sites.Count; i++)
        {
            UnitCellSite site = cell.Sites[i];
            frame.Ids[i] = i + 1;
            frame.Types[i] = site.Species + 1;
            frame.Positions[i] = frame.Box.ToCartesian(site.Position);
            if (charges is not null)
            {
                charges[i] = cell.Charges[site.Species];
            }
        }

        return frame;
    }
}
