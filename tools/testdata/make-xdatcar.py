#!/usr/bin/env python3
"""Writes testdata/li2o-bulk/XDATCAR: the first three frames of li2o-bulk-1000K.lammpstrj (type 1 = Li, 2 = O) as a
VASP 5 XDATCAR (constant cell, Direct coordinates), so that the VASP trajectory reader has a shipped file to run on.
Usage: python3 tools/testdata/make-xdatcar.py   (from the repository root)"""
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
dump = (root / "testdata/li2o-bulk/li2o-bulk-1000K.lammpstrj").read_text().split("ITEM: TIMESTEP\n")[1:4]
out = []
for k, frame in enumerate(dump):
    lines = frame.splitlines()
    lo_hi = [tuple(map(float, lines[4 + d].split()[:2])) for d in range(3)]
    lengths = [hi - lo for lo, hi in lo_hi]
    atoms = sorted((int(t), int(i), [float(v) for v in rest[:3]])
                   for i, t, *rest in (l.split() for l in lines[8:]))
    if k == 0:
        li = sum(1 for a in atoms if a[0] == 1)
        out += ["Li2O bulk 1000 K (from li2o-bulk-1000K.lammpstrj)", "1.0"]
        out += [" ".join(f"{lengths[d] if d == e else 0.0:.10f}" for e in range(3)) for d in range(3)]
        out += ["Li O", f"{li} {len(atoms) - li}"]
    out.append(f"Direct configuration= {k + 1:5d}")
    for _, _, (x, y, z) in atoms:
        f = [((v - lo_hi[d][0]) / lengths[d]) % 1.0 for d, v in enumerate((x, y, z))]
        out.append(" ".join(f"{c:.8f}" for c in f))
(root / "testdata/li2o-bulk/XDATCAR").write_text("\n".join(out) + "\n")
