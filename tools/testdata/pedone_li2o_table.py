#!/usr/bin/env python3
"""Writes the short-range part of the Pedone et al. (2006) Li2O potential as a LAMMPS pair table.

U_sr(r) = D [ (1 - exp(-a (r - r0)))^2 - 1 ] + C / r^12, parameters from
A. Pedone et al., J. Phys. Chem. B 110, 11780 (2006), doi:10.1021/jp0611018 (as listed in
shared/potentials.md). Energies in eV, distances in Angstrom, forces in eV/Angstrom (LAMMPS metal units).
Li-Li interact by Coulomb only, so only the Li-O and O-O tables are written.

Usage: pedone_li2o_table.py OUTPUT
"""
import math
import sys

PAIRS = {
    # name: (D eV, a 1/A, r0 A, C eV A^12)
    "LI_O": (0.001114, 3.429506, 2.681360, 1.0),
    "O_O": (0.042395, 1.379316, 3.618701, 22.0),
}
R_MIN, R_MAX, N = 0.5, 12.0, 12000


def energy_force(r, d, a, r0, c):
    e = math.exp(-a * (r - r0))
    u = d * ((1.0 - e) ** 2 - 1.0) + c / r**12
    du = 2.0 * d * (1.0 - e) * a * e - 12.0 * c / r**13
    return u, -du


def main():
    out = sys.argv[1]
    with open(out, "w") as f:
        f.write("# Pedone et al. 2006 short-range Li2O terms (eV, Angstrom); Coulomb is added by coul/long\n\n")
        for name, params in PAIRS.items():
            f.write(f"{name}\nN {N} R {R_MIN} {R_MAX}\n\n")
            for i in range(N):
                r = R_MIN + (R_MAX - R_MIN) * i / (N - 1)
                u, force = energy_force(r, *params)
                f.write(f"{i + 1} {r:.10f} {u:.12e} {force:.12e}\n")
            f.write("\n")


if __name__ == "__main__":
    main()
