#!/usr/bin/env bash
# Regenerates testdata/li2o-bulk/ with LAMMPS (Debian package `lammps`): a 324-atom Li2O antifluorite crystal
# (3x3x3 conventional cells, a = 4.61 A), 2 ps of NVT at 1000 K, 21 frames with image flags.
# Potential: Pedone et al., J. Phys. Chem. B 110, 11780 (2006), tabulated by pedone_li2o_table.py.
# The run uses a fixed velocity seed; on one MPI rank with the same LAMMPS build the output is identical.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../testdata/li2o-bulk"
command -v lmp >/dev/null || { echo "lmp not found: apt-get install -y lammps" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/pedone_li2o_table.py" "$work/pedone_li2o.table"
cp "$here/li2o-bulk.in" "$work/"
(cd "$work" && OMP_NUM_THREADS=1 lmp -in li2o-bulk.in -log log.lammps -screen none)
mkdir -p "$out"
cp "$work/li2o-bulk.data" "$work/li2o-bulk-1000K.lammpstrj" "$work/log.lammps" "$out/"
echo "wrote $out"
