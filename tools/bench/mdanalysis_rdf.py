#!/usr/bin/env python3
"""Peer timing: partial RDFs of a LAMMPS custom dump with MDAnalysis InterRDF (the work `gbat rdf` does).

Usage: mdanalysis_rdf.py DUMP RMAX BINS OUT_CSV [GBAT_CSV]

Computes g for every pair of types A <= B (1-1, 1-2, 2-2, ...) with one InterRDF per pair, each reading the
trajectory, with exclusion_block=(1, 1) for A = B so an atom is not its own neighbour (MDAnalysis then normalises
by N_A (N_A - 1), as gbat and LAMMPS do). InterRDF divides by the mean volume over frames; gbat divides each frame
by its own volume: the same numbers at constant volume (NVT). Prints the wall time of the whole computation
(opening the universe included) and writes r and g per pair to OUT_CSV.

With GBAT_CSV (gbat's rdf.csv of the same dump, r_max and bins), it then reports, per pair, the largest |g
difference| and the same difference as a number of pair counts, count = g N_A rho_B dV frames: differences come
only from pairs that float32 positions (MDAnalysis) put in the neighbouring bin.
"""
import csv
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
import MDAnalysis as mda  # noqa: E402
from MDAnalysis.analysis.rdf import InterRDF  # noqa: E402


def main():
    dump, rmax, bins, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    start = time.perf_counter()
    u = mda.Universe(dump, format="LAMMPSDUMP", topology_format="LAMMPSDUMP")
    types = sorted(set(u.atoms.types), key=int)
    groups = {t: u.select_atoms(f"type {t}") for t in types}
    results = {}
    for ia, a in enumerate(types):
        for b in types[ia:]:
            rdf = InterRDF(groups[a], groups[b], nbins=bins, range=(0.0, rmax),
                           exclusion_block=(1, 1) if a == b else None)
            rdf.run()
            results[(a, b)] = rdf
    elapsed = time.perf_counter() - start
    frames = u.trajectory.n_frames
    print(f"mdanalysis {mda.__version__}: {len(results)} pairs, {frames} frames, {u.atoms.n_atoms} atoms, {elapsed:.2f} s")

    r = next(iter(results.values())).results.bins
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["r_angstrom"] + [f"g_{a}-{b}" for a, b in results])
        for k in range(bins):
            w.writerow([repr(float(r[k]))] + [repr(float(x.results.rdf[k])) for x in results.values()])

    if len(sys.argv) > 5:
        compare(sys.argv[5], u, groups, results, rmax, bins, frames)


def compare(gbat_csv, u, groups, results, rmax, bins, frames):
    with open(gbat_csv) as f:
        rows = list(csv.DictReader(f))
    # gbat names pairs by species when a type map is given; map type numbers to its column order.
    gbat_pairs = [c[2:] for c in rows[0] if c.startswith("g_") and c != "g_total"]
    volume = np.mean([ts.volume for ts in u.trajectory])
    edges = np.linspace(0.0, rmax, bins + 1)
    shell = 4.0 / 3.0 * np.pi * (edges[1:] ** 3 - edges[:-1] ** 3)
    for (a, b), gb_name in zip(results, gbat_pairs):
        g_mda = results[(a, b)].results.rdf
        g_gbat = np.array([float(row[f"g_{gb_name}"]) for row in rows])
        n_a, n_b = len(groups[a]), len(groups[b]) - (1 if a == b else 0)
        per_count = 1.0 / (n_a * (n_b / volume) * shell * frames)  # g of one pair count per bin
        diff = np.abs(g_mda - g_gbat)
        counts = diff / per_count
        total = np.sum(g_gbat / per_count)
        print(f"  {a}-{b} (gbat {gb_name}): max |g_mda - g_gbat| = {diff.max():.2e}, "
              f"at most {counts.max():.0f} pair counts in one bin, summed over bins {np.sum(counts):.0f} of {total:.0f} counts")


if __name__ == "__main__":
    main()
