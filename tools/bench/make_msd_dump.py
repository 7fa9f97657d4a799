#!/usr/bin/env python3
"""Writes a LAMMPS custom dump of Gaussian random walkers with unwrapped columns (xu yu zu) for the MSD benchmark.

Usage: make_msd_dump.py OUT ATOMS FRAMES   (half the atoms are type 1, the rest type 2; D = 0.5 A^2/ps, 0.01 ps apart)
"""
import sys

import numpy as np

out, atoms, frames = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(1)
box = 40.0
pos = rng.random((atoms, 3)) * box
types = np.where(np.arange(atoms) < atoms // 2, 1, 2)
ids = np.arange(1, atoms + 1)
sigma = np.sqrt(2 * 0.5 * 0.01)
with open(out, "w") as f:
    for t in range(frames):
        f.write(f"ITEM: TIMESTEP\n{t * 10}\nITEM: NUMBER OF ATOMS\n{atoms}\n")
        f.write(f"ITEM: BOX BOUNDS pp pp pp\n0 {box}\n0 {box}\n0 {box}\nITEM: ATOMS id type xu yu zu\n")
        table = np.column_stack([ids, types, pos])
        np.savetxt(f, table, fmt=["%d", "%d", "%.6f", "%.6f", "%.6f"])
        pos += rng.normal(0, sigma, pos.shape)
