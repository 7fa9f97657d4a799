#!/usr/bin/env bash
# End-to-end timing of reading a LAMMPS dump: `gbat info` (reads and validates every frame) against
# MDAnalysis 2.4.2 iterating the same file (Debian: apt-get install -y python3-mdanalysis).
# Usage: tools/bench/read-dump-vs-mdanalysis.sh [ATOMS] [FRAMES]   (defaults 100000 20)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
atoms="${1:-100000}"
frames="${2:-20}"
cd "$root"
dotnet build -c Release -v quiet tools/GbAtomistics.Benchmarks >/dev/null
dotnet build -c Release -v quiet src/GbAtomistics.Cli >/dev/null
# The benchmark project writes the synthetic dump (6 significant digits, shuffled ids) and times the reader alone.
dotnet tools/GbAtomistics.Benchmarks/bin/Release/net10.0/GbAtomistics.Benchmarks.dll --quick "$atoms" "$frames"
dump="${TMPDIR:-/tmp}/gbat-bench/bench_${atoms}x${frames}.lammpstrj"
echo "--- end to end on $dump ($(du -h "$dump" | cut -f1))"
/usr/bin/time -f "gbat info: %e s wall, %M KiB max RSS" dotnet src/GbAtomistics.Cli/bin/Release/net10.0/gbat.dll info "$dump" >/dev/null 2>/tmp/gbat-time.txt || true
cat /tmp/gbat-time.txt
/usr/bin/time -f "mdanalysis: %e s wall, %M KiB max RSS" /usr/bin/python3 "$root/tools/bench/mdanalysis_read_dump.py" "$dump"
