using System.Globalization;
using GbAtomistics.Core;
using GbAtomistics.Pipelines.Steps;

namespace GbAtomistics.Pipelines.Lammps;

/// <summary>
/// The LAMMPS inputs of <see cref="GbEnergyStep"/> (metal units). Each ends by printing one tagged line of results
/// (<c>GBAT_BULK</c>, <c>GBAT_START</c>, <c>GBAT_END</c>) with full precision, which <see cref="LammpsRunResult.Tagged"/> reads.
/// </summary>
public static class LammpsScripts
{
    /// <summary>Tag of the bulk result line: potential energy (eV), atoms, box length (Å), pressure (bar).</summary>
    public const string BulkTag = "GBAT_BULK";

    /// <summary>Tag of the non-cubic bulk result line: potential energy (eV), atoms, lx, ly, lz, xy, xz, yz (Å), pressure (bar).</summary>
    public const string BulkCellTag = "GBAT_BULK_CELL";

    /// <summary>Tag of the bicrystal line before relaxation: potential energy (eV), Lz (Å).</summary>
    public const string StartTag = "GBAT_START";

    /// <summary>Tag of the bicrystal result line: energy (eV), atoms, Lx, Ly, Lz (Å), largest displacement (Å), Pzz (bar), cycles.</summary>
    public const string EndTag = "GBAT_END";

    /// <summary>Most relaxation cycles (box free along z, then fixed) of one bicrystal.</summary>
    public const int MaxCycles = 20;

    // Energy and force tolerances of every minimisation; the iteration limits are never the binding ones for small cells.
    private const string Minimize = "minimize 1.0e-14 1.0e-8 10000 100000";

    /// <summary>
    /// Bulk reference: the unit cell replicated <paramref name="cells"/> times each way, relaxed at zero pressure with
    /// the box scaled isotropically (<c>fix box/relax iso 0.0</c>, conjugate gradient), then minimised at fixed box.
    /// </summary>
    public static string Bulk(string atomStyle, string unitCellData, string potential, int cells) => Invariant($"""
        # Bulk reference of gbat gb-energy: zero-pressure lattice constant and energy per atom.
        units metal
        atom_style {atomStyle}
        boundary p p p
        read_data {Quote(unitCellData)}
        replicate {cells} {cells} {cells}
        include {Quote(potential)}
        thermo_style custom step pe press lx
        thermo 100
        fix relax all box/relax iso 0.0
        min_style cg
        {Minimize}
        unfix relax
        {Minimize}
        print "{BulkTag} $(pe:%.12f) $(atoms) $(lx:%.12f) $(press:%.6f)"
        """);

    /// <summary>
    /// Bulk reference of a non-cubic cell: the unit cell replicated <paramref name="cells"/> times (along a, b, c),
    /// relaxed at zero stress with each box length free (<c>fix box/relax aniso 0.0</c>; with <paramref name="coupleXy"/>
    /// a and b scale together, which keeps a = b of tetragonal and hexagonal cells; tilt factors scale with the box, so
    /// the cell angles are kept), conjugate gradient, then minimised at fixed box.
    /// </summary>
    public static string BulkCell(string atomStyle, string unitCellData, string potential, Int3 cells, bool coupleXy) => Invariant($$"""
        # Bulk reference of gbat gb-energy (non-cubic cell): zero-stress lattice parameters and energy per atom.
        units metal
        atom_style {{atomStyle}}
        boundary p p p
        read_data {{Quote(unitCellData)}}
        replicate {{cells.X}} {{cells.Y}} {{cells.Z}}
        include {{Quote(potential)}}
        thermo_style custom step pe press lx ly lz
        thermo 100
        fix relax all box/relax aniso 0.0{{(coupleXy ? " couple xy" : string.Empty)}}
        min_style cg
        {{Minimize}}
        unfix relax
        {{Minimize}}
        print "{{BulkCellTag}} $(pe:%.12f) $(atoms) $(lx:%.12f) $(ly:%.12f) $(lz:%.12f) $(xy:%.12f) $(xz:%.12f) $(yz:%.12f) $(press:%.6f)"
        """);

    /// <summary>
    /// One bicrystal: scaled affinely by <paramref name="scale"/> (the relaxed over the built lattice constant) and
    /// minimised at fixed box (close contacts of the as-built structure); then cycles of a relaxation with the in-plane
    /// box fixed and z free (<c>fix box/relax z 0.0</c>) followed by one at fixed box, until a cycle changes Lz by less
    /// than 10⁻⁴ Å and E by less than 10⁻⁶ eV (at most <see cref="MaxCycles"/>). A minimisation that stops on "linesearch
    /// alpha is zero" (common with Ewald sums while the box changes) resumes in the next cycle. The largest
    /// displacement is measured from the scaled structure. Writes the relaxed structure to <paramref name="relaxedData"/>.
    /// </summary>
    public static string Bicrystal(string atomStyle, string data, string potential, double scale, string relaxedData) => Invariant($"""
        # Bicrystal of gbat gb-energy: scale to the relaxed lattice constant, relax with z free, then at fixed box (in cycles).
        units metal
        atom_style {atomStyle}
        boundary p p p
        read_data {Quote(data)}
        include {Quote(potential)}
        change_box all x scale {scale:R} y scale {scale:R} z scale {scale:R} remap
        compute disp all displace/atom
        compute maxdisp all reduce max c_disp[4]
        thermo_style custom step pe press pzz lz c_maxdisp
        thermo 100
        run 0
        print "{StartTag} $(pe:%.12f) $(lz:%.12f)"
        min_style cg
        {Minimize}
        variable cycle loop {MaxCycles}
        label cycle
        variable lzold equal $(lz:%.12f)
        variable peold equal $(pe:%.12f)
        variable cycles equal $(v_cycle)
        fix relax all box/relax z 0.0 vmax 0.001
        {Minimize}
        unfix relax
        {Minimize}
        if "$(abs(lz-v_lzold)) < 1.0e-4 && $(abs(pe-v_peold)) < 1.0e-6" then "jump SELF done"
        next cycle
        jump SELF cycle
        label done
        print "{EndTag} $(pe:%.12f) $(atoms) $(lx:%.12f) $(ly:%.12f) $(lz:%.12f) $(c_maxdisp:%.8f) $(pzz:%.6f) $(v_cycles)"
        write_data {Quote(relaxedData)} nocoeff
        """);

    // LAMMPS splits words at white space; a path with spaces is quoted.
    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? "\"" + path + "\"" : path;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture) + "\n";
}
