#!/usr/bin/env python3
"""Peer timing: a CSL tilt bicrystal with pymatgen's GrainBoundaryGenerator (the work of `gbat build csl` for one
translation): fcc Cu (a = 3.615 Å), Σ5 about [001] with the (310) plane, 36.87°.

Usage: pymatgen_csl.py
Prints pymatgen's version, the atoms of the bicrystal and the wall time of building it (structure set-up included).
"""
import time
import warnings

warnings.filterwarnings("ignore")
start = time.perf_counter()
import pymatgen  # noqa: E402
from pymatgen.core import Lattice, Structure  # noqa: E402
from pymatgen.analysis.gb.grain import GrainBoundaryGenerator  # noqa: E402

imported = time.perf_counter()
cu = Structure.from_spacegroup("Fm-3m", Lattice.cubic(3.615), ["Cu"], [[0, 0, 0]])
gb = GrainBoundaryGenerator(cu).gb_from_parameters([0, 0, 1], 36.8698976, expand_times=4, plane=[3, 1, 0])
end = time.perf_counter()
version = getattr(pymatgen, "__version__", None) or __import__("importlib.metadata").metadata.version("pymatgen")
print(f"pymatgen {version}: {len(gb)} atoms, import {imported - start:.2f} s, build {end - imported:.2f} s")
