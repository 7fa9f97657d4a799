#!/usr/bin/env bash
# Times gbat on 1 and 2 MPI ranks (one thread each) on a synthetic LAMMPS dump, alternating the runs and reporting
# medians, and checks that both give the same rdf.csv, msd.csv and msd.json. Needs mpirun (Debian: apt-get install -y openmpi-bin).
# Usage: tools/bench/mpi-scaling.sh [ATOMS] [FRAMES] [REPEATS]   (defaults 100000 40 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
atoms="${1:-100000}"
frames="${2:-40}"
repeats="${3:-3}"
cd "$root"
dotnet build -c Release -v quiet tools/GbAtomistics.Benchmarks >/dev/null
dotnet build -c Release -v quiet src/GbAtomistics.Cli >/dev/null
# The benchmark project writes the synthetic dump (two species, 6 significant digits, shuffled ids).
dotnet tools/GbAtomistics.Benchmarks/bin/Release/net10.0/GbAtomistics.Benchmarks.dll --quick "$atoms" "$frames" >/dev/null
dump="${TMPDIR:-/tmp}/gbat-bench/bench_${atoms}x${frames}.lammpstrj"
gbat="$root/src/GbAtomistics.Cli/bin/Release/net10.0/gbat.dll"
out="$(mktemp -d)"
mpi=(mpirun --allow-run-as-root --oversubscribe -n 2)

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>/tmp/gbat-mpi-scaling.err || { cat /tmp/gbat-mpi-scaling.err >&2; exit 1; }; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A times
for work in info rdf msd; do
  case $work in
    info) args=(info "$dump") ;;
    rdf) args=(rdf "$dump" --r-max 6 --bins 150 --species 1-2 --threads 1 --quiet) ;;
    msd) args=(msd "$dump" --species 1 --timestep 1fs --threads 1 --quiet) ;;
  esac
  one=() two=()
  for ((k = 0; k < repeats; k++)); do
    extra1=() extra2=()
    if [ "$work" != info ]; then extra1=(--output "$out/1-$work"); extra2=(--output "$out/2-$work"); fi
    one+=("$(seconds dotnet "$gbat" "${args[@]}" "${extra1[@]}")")
    two+=("$(seconds "${mpi[@]}" dotnet "$gbat" "${args[@]}" "${extra2[@]}")")
  done
  times[$work-1]=$(median "${one[@]}")
  times[$work-2]=$(median "${two[@]}")
done

size=$(stat -c %s "$dump")
echo "dump: $dump ($atoms atoms x $frames frames, $((size / 1000000)) MB); $(nproc) cores; $repeats repeats, medians"
printf '| work | 1 rank (s) | 2 ranks (s) | speed-up |\n|---|---:|---:|---:|\n'
for work in info rdf msd; do
  printf '| %s | %.2f | %.2f | %.2f |\n' "$work" "${times[$work-1]}" "${times[$work-2]}" "$(echo "${times[$work-1]} / ${times[$work-2]}" | bc -l)"
done
cmp "$out/1-rdf/rdf.csv" "$out/2-rdf/rdf.csv" && echo "rdf.csv identical on 1 and 2 ranks"
cmp "$out/1-msd/msd.json" "$out/2-msd/msd.json" && cmp "$out/1-msd/msd.csv" "$out/2-msd/msd.csv" && echo "msd.csv and msd.json identical on 1 and 2 ranks"
