#!/usr/bin/env python3
"""Peer timing: the partial RDF of types 1 and 2 of a LAMMPS custom dump with MDAnalysis InterRDF.

Usage: mdanalysis_pair_rdf.py DUMP RMAX BINS
Prints the wall time of opening the universe and computing g_12(r) over every frame (the work of
`gbat rdf DUMP --species 1-2 --r-max RMAX --bins BINS`).
"""
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import MDAnalysis as mda  # noqa: E402
from MDAnalysis.analysis.rdf import InterRDF  # noqa: E402

dump, rmax, bins = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
start = time.perf_counter()
u = mda.Universe(dump, format="LAMMPSDUMP", topology_format="LAMMPSDUMP", lammps_coordinate_convention="unwrapped")
rdf = InterRDF(u.select_atoms("type 1"), u.select_atoms("type 2"), nbins=bins, range=(0.0, rmax))
rdf.run()
print(f"mdanalysis {mda.__version__}: g_12 over {u.trajectory.n_frames} frames in {time.perf_counter() - start:.2f} s")
