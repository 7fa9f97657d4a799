"""Writes a two-species LAMMPS dump for timing species-filtered pair loops.

Usage: python3 make_two_species_dump.py FRAMES OUTPUT

An fcc lattice of 30 x 30 x 28 cells (100 800 atoms), lattice constant 1.6 Å (about 113 neighbours within 3 Å),
types 1 and 2 drawn at random (one half each), every frame the sites displaced by Gaussian noise of 0.05 Å.
"""
import random
import sys

nx, ny, nz, frames = 30, 30, 28, int(sys.argv[1])
a = 1.6
basis = [(0, 0, 0), (0.5, 0.5, 0), (0.5, 0, 0.5), (0, 0.5, 0.5)]
rng = random.Random(7)
sites = [((i + bx) * a, (j + by) * a, (k + bz) * a)
         for i in range(nx) for j in range(ny) for k in range(nz) for (bx, by, bz) in basis]
types = [1 if rng.random() < 0.5 else 2 for _ in sites]
n = len(sites)
with open(sys.argv[2], 'w') as f:
    for t in range(frames):
        f.write(f"ITEM: TIMESTEP\n{t * 100}\nITEM: NUMBER OF ATOMS\n{n}\nITEM: BOX BOUNDS pp pp pp\n"
                f"0 {nx * a}\n0 {ny * a}\n0 {nz * a}\nITEM: ATOMS id type x y z\n")
        f.write("".join(f"{i + 1} {types[i]} {x + rng.gauss(0, 0.05):.5f} {y + rng.gauss(0, 0.05):.5f} {z + rng.gauss(0, 0.05):.5f}\n"
                        for i, (x, y, z) in enumerate(sites)))
