#!/usr/bin/python3
"""Reference Σ tables for non-cubic lattices from pymatgen's GrainBoundaryGenerator.

Run once with Debian's pymatgen (python3-pymatgen):

    /usr/bin/python3 tools/reference/pymatgen-sigma.py \
        > tests/GbAtomistics.Builders.Tests/Csl/Reference/pymatgen-sigma.csv

Every row is one (Σ, angle) pair that pymatgen lists: enum_sigma_tet/ort/hex/rho(cutoff, r_axis, ratio) return
{Σ: [angles in degrees]} with the angles in (0°, 180°]. The ratio column is pymatgen's argument as written:
tetragonal and hexagonal c²/a² = μ:ν; orthorhombic c²:b²:a² = μ:λ:ν; rhombohedral μ:ν = (1+2cos α)/cos α.
The axis column is pymatgen's r_axis (three or four indices).
"""
import datetime
from importlib.metadata import version

from pymatgen.analysis.gb.grain import GrainBoundaryGenerator as G

CUTOFF = 50
CASES = [
    ("tetragonal", G.enum_sigma_tet, [2, 1], [[0, 0, 1], [1, 0, 0], [1, 1, 0], [1, 1, 1]]),
    ("tetragonal", G.enum_sigma_tet, [9, 4], [[0, 0, 1], [1, 0, 0], [1, 1, 0], [1, 1, 1]]),
    ("orthorhombic", G.enum_sigma_ort, [3, 2, 1], [[0, 0, 1], [1, 0, 0], [1, 1, 0]]),
    ("orthorhombic", G.enum_sigma_ort, [5, 3, 2], [[0, 0, 1], [1, 0, 0], [0, 1, 0], [1, 1, 0]]),
    ("hexagonal", G.enum_sigma_hex, [8, 3], [[0, 0, 0, 1], [2, -1, -1, 0], [1, 0, -1, 0], [1, 0, 0], [2, 1, 0]]),
    ("hexagonal", G.enum_sigma_hex, [5, 2], [[0, 0, 0, 1], [2, -1, -1, 0], [1, 0, -1, 0], [1, 0, 0], [2, 1, 0]]),
    ("rhombohedral", G.enum_sigma_rho, [15, -4], [[1, 1, 1], [1, 1, 0], [1, -1, 0]]),
    ("rhombohedral", G.enum_sigma_rho, [11, 2], [[1, 1, 1], [1, 1, 0], [1, -1, 0]]),
]

print(f"# pymatgen {version('pymatgen')} GrainBoundaryGenerator.enum_sigma_tet/ort/hex/rho, cutoff Σ <= {CUTOFF}")
print(f"# generated {datetime.date.today().isoformat()} by tools/reference/pymatgen-sigma.py (committed with this file)")
print("# ratio: pymatgen's argument (tetragonal, hexagonal c2:a2; orthorhombic c2:b2:a2; rhombohedral (1+2cos a):cos a)")
print("lattice,ratio,axis,sigma,angle_deg")
for lattice, fn, ratio, axes in CASES:
    for axis in axes:
        table = fn(CUTOFF, list(axis), list(ratio))
        for sigma in sorted(table):
            for angle in sorted(table[sigma]):
                print(f"{lattice},{':'.join(map(str, ratio))},{' '.join(map(str, axis))},{sigma},{float(angle):.6f}")
