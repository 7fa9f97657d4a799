#!/usr/bin/env python3
"""Peer timing: MSD of type-1 atoms with MDAnalysis 2.4.2 EinsteinMSD (fft=True, all origins) on a LAMMPS dump.

Usage: mdanalysis_msd.py DUMP [CSV]
Prints the wall time of loading and of the MSD; writes lag index and MSD (A^2) to CSV when given.
"""
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import MDAnalysis as mda  # noqa: E402
from MDAnalysis.analysis.msd import EinsteinMSD  # noqa: E402

start = time.perf_counter()
u = mda.Universe(sys.argv[1], format="LAMMPSDUMP", topology_format="LAMMPSDUMP", lammps_coordinate_convention="unwrapped")
loaded = time.perf_counter()
msd = EinsteinMSD(u, select="type 1", msd_type="xyz", fft=True)
msd.run()
end = time.perf_counter()
print(f"mdanalysis {mda.__version__}: {u.trajectory.n_frames} frames, {u.atoms.n_atoms} atoms; "
      f"load {loaded - start:.2f} s, EinsteinMSD {end - loaded:.2f} s, total {end - start:.2f} s")
if len(sys.argv) > 2:
    with open(sys.argv[2], "w") as f:
        f.write("lag,msd_A2\n")
        for k, v in enumerate(msd.results.timeseries):
            f.write(f"{k},{v:.9g}\n")
