#!/usr/bin/env bash
# End-to-end timing of partial RDFs: `gbat rdf` (all pairs and the total in one pass, --threads 2) against
# MDAnalysis 2.4.2 InterRDF (one run per pair; Debian: apt-get install -y python3-mdanalysis) on the same LAMMPS
# dump, then a check that the two agree (tools/bench/mdanalysis_rdf.py explains how).
#
# The dump is Li2O at 1000 K made by LAMMPS (Debian: apt-get install -y lammps) from tools/reference/li2o-rdf.in:
# CELLS^3 conventional cells (12 atoms each), FRAMES+1 frames 20 fs apart, 6 significant digits. It is made once
# and kept in ${TMPDIR:-/tmp}/gbat-bench/.
# Usage: tools/bench/rdf-vs-mdanalysis.sh [CELLS] [FRAMES] [RMAX] [BINS]   (defaults 7 200 10 200: 4116 atoms)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cells="${1:-7}"
frames="${2:-200}"
rmax="${3:-10}"
bins="${4:-200}"
python=/usr/bin/python3
work="${TMPDIR:-/tmp}/gbat-bench/li2o-rdf-${cells}c-${frames}f"
dump="$work/traj.lammpstrj"
if [ ! -f "$dump" ]; then
  command -v lmp >/dev/null || { echo "lmp not found: apt-get install -y lammps" >&2; exit 1; }
  mkdir -p "$work"
  "$python" "$root/tools/testdata/pedone_li2o_table.py" "$work/pedone_li2o.table"
  cp "$root/tools/reference/li2o-rdf.in" "$work/"
  run=(lmp)
  if command -v mpirun >/dev/null; then run=(mpirun --allow-run-as-root -np 2 lmp); fi
  echo "--- making $dump with LAMMPS (${cells}^3 cells, $frames+1 frames)"
  (cd "$work" && OMP_NUM_THREADS=1 "${run[@]}" -in li2o-rdf.in -log log.lammps -screen none \
    -var cells "$cells" -var every 20 -var frames "$frames" -var rdf 0)
  rm -f "$work/traj-precise.lammpstrj"
fi
cd "$root"
dotnet build -c Release -v quiet src/GbAtomistics.Cli >/dev/null
gbat=(dotnet src/GbAtomistics.Cli/bin/Release/net10.0/gbat.dll)
out="$work/out"
rm -rf "$out"
mkdir -p "$out"
echo "--- $dump ($(du -h "$dump" | cut -f1)), r_max $rmax Å, $bins bins"
args=(rdf "$dump" --type-map 1=Li,2=O --r-max "$rmax" --bins "$bins" --quiet)
"${gbat[@]}" "${args[@]}" --threads 2 --output "$out/warm" >/dev/null # first run warms the disk cache
for threads in 2 1; do
  /usr/bin/time -f "gbat rdf --threads $threads: %e s wall, %U s user, %M KiB max RSS" \
    "${gbat[@]}" "${args[@]}" --threads "$threads" --output "$out/gbat-t$threads" >/dev/null
done
# Memory must not grow with the number of frames: a quarter of the frames, and the dump four times over.
/usr/bin/time -f "gbat rdf --threads 2, first $((frames / 4)) frames only: %e s wall, %M KiB max RSS" \
  "${gbat[@]}" "${args[@]}" --threads 2 --last-frame $((frames / 4 - 1)) --output "$out/gbat-quarter" >/dev/null
cat "$dump" "$dump" "$dump" "$dump" >"$work/traj-x4.lammpstrj"
/usr/bin/time -f "gbat rdf --threads 2, the dump four times over ($((4 * frames + 4)) frames): %e s wall, %M KiB max RSS" \
  "${gbat[@]}" rdf "$work/traj-x4.lammpstrj" "${args[@]:2}" --threads 2 --output "$out/gbat-x4" >/dev/null
rm -f "$work/traj-x4.lammpstrj"
/usr/bin/time -f "mdanalysis InterRDF: %e s wall, %U s user, %M KiB max RSS" \
  "$python" "$root/tools/bench/mdanalysis_rdf.py" "$dump" "$rmax" "$bins" "$out/mdanalysis.csv" "$out/gbat-t2/rdf.csv"
