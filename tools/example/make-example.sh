#!/usr/bin/env bash
# Regenerates testdata/example/: LAMMPS trajectories of Li2O (antifluorite) for the worked example.
#
#   li2o-bulk-<T>K/     perfect crystal, 4x4x4 conventional cells, 768 atoms
#   li2o-s5-310-<T>K/   Sigma5(310)[001] symmetric tilt bicrystal from `gbat build csl` (its default: the translation
#                       and termination of lowest model energy with every species pair at >= 0.75 of its bulk
#                       distance; repeat 3x2), two boundaries (recorded in structure.gb.json)
#   T = 800, 900, 1000 K
#
# Each folder holds structure.data (the starting structure, LAMMPS data, charge style), log.lammps and
# dump.lammpstrj.gz (custom dump `id type x y z ix iy iz`, every 0.4 ps); the bicrystal folders also hold
# structure.gb.json (the builder's metadata, its `structure` field renamed to structure.data).
#
# Potential: A. Pedone, G. Malavasi, M. C. Menziani, A. N. Cormack, U. Segre, "A New Self-Consistent Empirical
# Interatomic Potential Model for Oxides, Silicates, and Silica-Based Glasses", J. Phys. Chem. B 110, 11780 (2006),
# doi:10.1021/jp0611018. Rigid ions with partial charges (Li +0.6 e, O -1.2 e), Coulomb by PPPM (coul/long, 10 A
# real-space cut-off, accuracy 1e-5) plus a Morse term and a C/r^12 repulsion for Li-O and O-O, tabulated by
# ../testdata/pedone_li2o_table.py (the 2022 Debian LAMMPS has no pair style of that exact form).
#
# Protocol (li2o-md.in): conjugate-gradient minimisation in the starting box, 4 ps NPT at zero pressure (0.5 ps
# barostat damping, each box length free), box set to its mean over the last 2 ps, then NVT production (Nose-Hoover,
# 0.1 ps damping) from step 0, timestep 1 fs: 36 ps at 800 K, 28 ps at 900 K, 20 ps at 1000 K. Fixed velocity
# seed; one MPI rank per run. With the same LAMMPS build the structures and dumps are reproduced byte for byte
# (gzip -n); the logs differ only in their timings. Runs go JOBS at a time (default 2); RUNS="NAME ..." limits the
# runs to the named folders (default: all six).
#
# Usage: tools/example/make-example.sh [OUTPUT_DIR]   (default testdata/example; needs lmp, python3, dotnet)
# QUICK=1 runs 1/100 of every step count (a smoke test of the script; the output is not the example).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/testdata/example}"
jobs="${JOBS:-2}"
seed=4928459
every=400
neq=4000
declare -A nprod=([800]=36000 [900]=28000 [1000]=20000)
if [[ "${QUICK:-0}" == 1 ]]; then
  every=4; neq=2000; nprod=([800]=360 [900]=280 [1000]=200)
fi

for tool in lmp python3 dotnet gzip; do
  command -v "$tool" >/dev/null || { echo "$tool not found (lmp: apt-get install -y lammps)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/../testdata/pedone_li2o_table.py" "$work/pedone_li2o.table"

# Starting structures.
mkdir -p "$work/bulk" "$work/s5"
(cd "$work/bulk" && OMP_NUM_THREADS=1 lmp -in "$here/li2o-bulk-data.in" -log none -screen none)
dotnet run --project "$root/src/GbAtomistics.Cli" -c Release -- build csl --structure antifluorite --a 4.61 \
  --species Li,O --charges Li=0.6,O=-1.2 --axis 001 --sigma 5 --plane 310 --repeat 3x2 \
  --to lammps --name structure --output "$work/s5/build"
cp "$work/s5/build/structure.data" "$work/s5/structure.data"
sed 's/"structure": *"[^"]*"/"structure": "structure.data"/' "$work/s5/build/structure.gb.json" > "$work/s5/structure.gb.json"

run_one() { # system (bulk|s5) name T
  local system="$1" name="$2" t="$3" dir="$work/$2"
  mkdir -p "$dir"
  cp "$work/$system/structure.data" "$work/pedone_li2o.table" "$dir/"
  [[ -f "$work/$system/structure.gb.json" ]] && cp "$work/$system/structure.gb.json" "$dir/"
  (cd "$dir" && OMP_NUM_THREADS=1 lmp -in "$here/li2o-md.in" -log log.lammps -screen none \
    -var data structure.data -var T "$t" -var seed "$seed" -var neq "$neq" -var nprod "${nprod[$t]}" -var every "$every")
  gzip -n -9 "$dir/dump.lammpstrj"
  rm "$dir/pedone_li2o.table"
  mkdir -p "$out/$name"
  cp "$dir"/* "$out/$name/"
  echo "$(date -u +%T) wrote $out/$name"
}

# Longest runs first; JOBS runs at a time.
pids=()
for t in 800 900 1000; do
  for system in s5 bulk; do
    if [[ "$system" == s5 ]]; then name="li2o-s5-310-${t}K"; else name="li2o-bulk-${t}K"; fi
    [[ -z "${RUNS:-}" || " $RUNS " == *" $name "* ]] || continue
    while (( $(jobs -rp | wc -l) >= jobs )); do wait -n; done
    run_one "$system" "$name" "$t" &
    pids+=($!)
  done
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
(( status == 0 )) || { echo "a run failed; see the logs above" >&2; exit 1; }
echo "done: $out"
