#!/usr/bin/env bash
# Compares two builds of one command on a machine whose speed drifts: runs A and B back to back N times (which goes
# first alternates), and prints the median over the pairs of B's time divided by A's, wall and CPU (user + system),
# with the quartiles, and each build's median wall time. A ratio below 1 means B is faster.
# Usage: tools/bench/paired.sh N "A command" "B command" ARGS...
#   e.g. tools/bench/paired.sh 12 old/gbat new/gbat info dump.lammpstrj
set -euo pipefail
n="$1"; a="$2"; b="$3"; shift 3
times="$(mktemp)"
one="$(mktemp)"
trap 'rm -f "$times" "$one"' EXIT
run() { # label command args... -> "label wall cpu" (the command's output is discarded; a failure stops the script)
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$one" "$@" >/dev/null 2>&1
  awk -v label="$label" '{print label, $1, $2 + $3}' "$one"
}
for i in $(seq "$n"); do
  if [ $((i % 2)) = 0 ]; then
    ra="$(run a $a "$@")"; rb="$(run b $b "$@")"
  else
    rb="$(run b $b "$@")"; ra="$(run a $a "$@")"
  fi
  echo "$ra $rb" >> "$times"
done
median() { sort -n | awk '{x[NR]=$1} END {printf "median %.3f (quartiles %.3f, %.3f)", x[int((NR+1)/2)], x[int(NR/4)+1], x[int(3*NR/4)]}'; }
echo "wall B/A: $(awk '{print $5/$2}' "$times" | median)"
echo "CPU  B/A: $(awk '$3 > 0 {print $6/$3}' "$times" | median)"
echo "wall A: $(awk '{print $2}' "$times" | median) s; wall B: $(awk '{print $5}' "$times" | median) s"
