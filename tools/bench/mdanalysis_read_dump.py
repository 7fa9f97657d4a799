#!/usr/bin/env python3
"""Peer timing: read every frame of a LAMMPS custom dump with MDAnalysis (the work `gbat info` does).

Usage: mdanalysis_read_dump.py DUMP
Prints frames, atoms and the wall time of opening and iterating the trajectory.
"""
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import MDAnalysis as mda  # noqa: E402

start = time.perf_counter()
u = mda.Universe(sys.argv[1], format="LAMMPSDUMP", topology_format="LAMMPSDUMP")
frames = 0
for ts in u.trajectory:
    frames += 1
elapsed = time.perf_counter() - start
print(f"mdanalysis {mda.__version__}: {frames} frames, {u.atoms.n_atoms} atoms, {elapsed:.2f} s")
