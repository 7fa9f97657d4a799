#!/bin/sh
# Builds fcc copper and rock-salt NaCl tilt bicrystals with 'gbat build csl' and gives their grain-boundary energies with
# 'gbat gb-energy' (LAMMPS: bulk relaxed at zero pressure, bicrystals scaled to a0 and relaxed with the box free along z,
# gamma = (E - N e_bulk) / (2 A)). Potentials: Lennard-Jones Cu (lj-cu.mod), the Mishin et al. EAM for Cu (Debian's
# /usr/share/lammps/potentials/Cu_mishin1.eam.alloy, skipped when absent) and Tosi-Fumi NaCl with Ewald sums (born-nacl.mod).
# Usage: tools/csl-relax/relax.sh [gbat command]   (default: dotnet run --project src/GbAtomistics.Cli -c Release --)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gbat=${1:-"dotnet run --project $root/src/GbAtomistics.Cli -c Release --"}
mishin=/usr/share/lammps/potentials/Cu_mishin1.eam.alloy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'pair_style eam/alloy\npair_coeff * * %s Cu\n' "$mishin" > cu-mishin.mod

run_case() { # name potential build-options...
  name=$1 pot=$2
  shift 2
  $gbat build csl "$@" --to lammps --no-preview --quiet --output "$name"
  echo "== $name ($(basename "$pot"))"
  $gbat gb-energy "$name" --potential "$pot" --threads 2
}

run_case cu-lj-s3 "$here/lj-cu.mod" --structure fcc --a 3.615 --axis 110 --sigma 3 --plane 111 --repeat 3x2
run_case cu-lj-s11 "$here/lj-cu.mod" --structure fcc --a 3.615 --axis 110 --sigma 11 --plane 113 --repeat 3x2
if [ -f "$mishin" ]; then
  run_case cu-eam-s3 cu-mishin.mod --structure fcc --a 3.615 --axis 110 --sigma 3 --plane 111 --repeat 3x2
  run_case cu-eam-s11 cu-mishin.mod --structure fcc --a 3.615 --axis 110 --sigma 11 --plane 113 --repeat 3x2
  run_case cu-eam-s5 cu-mishin.mod --structure fcc --a 3.615 --axis 001 --sigma 5 --plane 310 --repeat 2x1
fi
run_case nacl-s5 "$here/born-nacl.mod" --structure rock-salt --a 5.64 --axis 001 --sigma 5 --plane 310 --repeat 2x1
run_case nacl-s5-4x4 "$here/born-nacl.mod" --structure rock-salt --a 5.64 --axis 001 --sigma 5 --plane 310 --repeat 2x1 --translations 4x4
