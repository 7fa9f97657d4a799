#!/bin/sh
# Builds fcc (Lennard-Jones Cu) and rock-salt (Tosi-Fumi NaCl) tilt bicrystals with gbat, relaxes them with LAMMPS
# and prints the grain-boundary energy (E_bicrystal - N E_bulk per atom) / (2 A) in eV/Å^2 and J/m^2.
# Usage: tools/csl-relax/relax.sh [gbat command]   (default: dotnet run --project src/GbAtomistics.Cli -c Release --)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gbat=${1:-"dotnet run --project $root/src/GbAtomistics.Cli -c Release --"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

run_case() { # lattice a0 style pot structure axis sigma plane repeat
  lattice=$1 a=$2 style=$3 pot=$4 structure=$5 axis=$6 sigma=$7 plane=$8 repeat=$9
  bulk=$(lmp -in "$here/bulk.in" -log none -var pot "$here/$pot" -var style "$style" -var lattice "$lattice" -var a "$a" | grep BULK_PE)
  eb=$(echo "$bulk" | awk '{print $2 / $4}')
  a0=$(echo "$bulk" | awk '{print $6}')
  $gbat build csl --structure "$structure" --a "$a0" --axis "$axis" --sigma "$sigma" --plane "$plane" --repeat "$repeat" \
    --thickness 20 --to lammps --no-preview --quiet --output "case-$structure-$sigma"
  data=$(ls "case-$structure-$sigma"/*.data)
  gb=$(lmp -in "$here/gb.in" -log none -var pot "$here/$pot" -var style "$style" -var data "$data" | grep GB_PE)
  echo "$gb" | awk -v eb="$eb" -v name="$structure Σ$sigma($plane) a0=$a0" \
    '{ g = ($2 - $4 * eb) / (2 * $6 * $8); printf "%s: %d atoms, E_bulk %.6f eV/atom, gamma %.6f eV/Å^2 = %.4f J/m^2, max displacement %.3f Å\n", name, $4, eb, g, g * 16.0217663, $12 }'
}

run_case fcc 3.615 atomic lj-cu.mod fcc 110 3 111 3x2
run_case fcc 3.615 atomic lj-cu.mod fcc 110 11 113 3x2
run_case rocksalt 5.64 charge born-nacl.mod rock-salt 001 5 310 2x1
