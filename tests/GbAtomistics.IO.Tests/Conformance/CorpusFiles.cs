namespace GbAtomistics.IO.Tests.Conformance;

/// <summary>Every corpus file with the format it must be detected as, and whether it reads cleanly.</summary>
internal static class CorpusFiles
{
    /// <summary>(relative path, format name, reads without error with default options).</summary>
    public static readonly (string Path, string Format, bool Readable)[] All =
    [
        ("lammps/data/dpdata_conf.waterion.lmp", "lammps-data", true),
        ("lammps/data/kinisi_example_LAMMPS.data", "lammps-data", true),
        ("lammps/data/mda_additional_columns.data", "lammps-data", true),
        ("lammps/data/mda_albite_triclinic.data", "lammps-data", true),
        ("lammps/data/mda_deletedatoms.data", "lammps-data", true),
        ("lammps/data/mda_hydrogen-class1.data", "lammps-data", true),
        ("lammps/data/mda_image_vf.data", "lammps-data", true),
        ("lammps/data/mda_mini.data", "lammps-data", true),
        ("lammps/data/mdanse_lammps_test_towhee.data", "lammps-data", true),
        ("lammps/data/pmg_li_minimal.data", "lammps-data", true),
        ("lammps/dump/dpdata_shift_origin.dump", "lammps-dump", true),
        ("lammps/dump/dpdata_traj_spin.dump", "lammps-dump", true),
        ("lammps/dump/dpdata_traj_with_random_type_id.dump", "lammps-dump", true),
        ("lammps/dump/mda_WIN_wat_crlf.lammpstrj", "lammps-dump", true),
        ("lammps/dump/mda_additional_columns.lammpstrj", "lammps-dump", false),
        ("lammps/dump/mda_albite_triclinic.dump", "lammps-dump", true),
        ("lammps/dump/mda_chain_dump_1.lammpstrj", "lammps-dump", true),
        ("lammps/dump/mda_image_vf.lammpstrj", "lammps-dump", true),
        ("lammps/dump/mda_spce_all_coords.lammpstrj.bz2", "lammps-dump", true),
        ("lammps/dump/mda_spce_no_coords.lammpstrj", "lammps-dump", false),
        ("lammps/dump/mdanse_lammps_moly_custom.lammpstrj", "lammps-dump", true),
        ("lammps/dump/mdanse_lammps_test_oldbox.lammpstrj", "lammps-dump", true),
        ("lammps/dump/pmg_dump.rdx_wc.50", "lammps-dump", true),
        ("lammps/dump/pyiron_dump.out", "lammps-dump", true),
        ("lammps/dump/pyiron_dump_average.out", "lammps-dump", true),
        ("lammps/log/lammps_log.8Apr21.melt.g++.1", "lammps-log", true),
        ("lammps/log/pyiron_log.lammps", "lammps-log", true),
        ("lammps/log/pyiron_multi_log_step_test.lammps", "lammps-log", true),
        ("vasp/outcar/dpdata_OUTCAR.h2o.md", "vasp-outcar", true),
        ("vasp/outcar/dpdata_OUTCAR_Ti-O-Ti-v6", "vasp-outcar", true),
        ("vasp/outcar/dpdata_OUTCAR_Ti-aimd-nwrite0", "vasp-outcar", false),
        ("vasp/outcar/pyiron_OUTCAR_aborted_relax", "vasp-outcar", false),
        ("vasp/poscar/dpdata_CONTCAR.h2o.md", "vasp-poscar", true),
        ("vasp/poscar/dpdata_POSCAR.P42nmc", "vasp-poscar", true),
        ("vasp/poscar/dpdata_POSCAR.h2o.md", "vasp-poscar", true),
        ("vasp/poscar/dpdata_POSCAR.oh.c", "vasp-poscar", true),
        ("vasp/poscar/gvasp_CONTCAR", "vasp-poscar", true),
        ("vasp/poscar/gvasp_CONTCAR_fix", "vasp-poscar", true),
        ("vasp/poscar/gvasp_POSCAR_IS_tabs", "vasp-poscar", true),
        ("vasp/poscar/pmgdiff_CONTCAR-0_LiFePO4_vac", "vasp-poscar", true),
        ("vasp/poscar/pmgdiff_Li4Sr3Fe2O7_uc.vasp", "vasp-poscar", true),
        ("vasp/poscar/pmgdiff_POSCAR_NaZr2P3O12", "vasp-poscar", true),
        ("vasp/poscar/pyiron_POSCAR_diff_species_ovito", "vasp-poscar", true),
        ("vasp/poscar/pyiron_POSCAR_metadyn", "vasp-poscar", true),
        ("vasp/poscar/pyiron_POSCAR_no_species", "vasp-poscar", true),
        ("vasp/poscar/pyiron_POSCAR_velocity", "vasp-poscar", true),
        ("vasp/poscar/pyiron_POSCAR_volume_scaled", "vasp-poscar", true),
        ("vasp/vasprun/dpdata_vasprun.h2o.md.tribox.xml", "vasp-vasprun", true),
        ("vasp/vasprun/dpdata_vasprun.h2o.md.xml", "vasp-vasprun", true),
        ("vasp/vasprun/dpdata_vasprun_Ti-aimd-nwrite0.xml", "vasp-vasprun", true),
        ("vasp/vasprun/pyiron_vasprun_9_md.xml", "vasp-vasprun", true),
        ("vasp/vasprun/pyiron_vasprun_aborted_relax.xml", "vasp-vasprun", false),
        ("vasp/xdatcar/gvasp_XDATCAR_CeO2", "vasp-xdatcar", true),
        ("vasp/xdatcar/kinisi_example_XDATCAR_Li6PS5Cl.gz", "vasp-xdatcar", true),
        ("vasp/xdatcar/mdanse_XDATCAR_version5", "vasp-xdatcar", true),
        ("vasp/xdatcar/pyiron_XDATCAR_Fe_1frame", "vasp-xdatcar", true),
        ("vasp/xdatcar/quach_XDATCAR_Pt_water", "vasp-xdatcar", true),
    ];

    public static IEnumerable<object[]> Readable() =>
        All.Where(f => f.Readable && f.Format != "lammps-log").Select(f => new object[] { f.Path });

    public static IEnumerable<object[]> Everything() => All.Select(f => new object[] { f.Path, f.Format });

    /// <summary>Small readable frame files, for the byte-level truncation and corruption sweeps.</summary>
    public static IEnumerable<object[]> SmallReadable() =>
        All.Where(f => f.Readable && f.Format != "lammps-log" && !f.Path.EndsWith(".gz", StringComparison.Ordinal) && !f.Path.EndsWith(".bz2", StringComparison.Ordinal))
            .Select(f => new object[] { f.Path });
}
