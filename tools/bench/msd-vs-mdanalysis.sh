#!/usr/bin/env bash
# End-to-end MSD timing: `gbat msd` (read the dump once, unwrapped columns, FFT over all origins, fits, CSV/JSON/PNG)
# against MDAnalysis 2.4.2 EinsteinMSD(fft=True) on the same dump (Debian: apt-get install -y python3-mdanalysis),
# and the largest relative difference of the two MSD curves (MDAnalysis works in float32).
# EinsteinMSD(fft=True) needs the `tidynamics` package; when it is not importable, tools/bench/tidynamics-standin
# (the same FFT algorithm in numpy) is put on PYTHONPATH and the output says so.
# Usage: tools/bench/msd-vs-mdanalysis.sh [ATOMS] [FRAMES]   (defaults 2000 2000; half the atoms are type 1)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
atoms="${1:-2000}"
frames="${2:-2000}"
work="${TMPDIR:-/tmp}/gbat-bench"
mkdir -p "$work"
dump="$work/msd_${atoms}x${frames}.lammpstrj"
cd "$root"
dotnet build -c Release -v quiet src/GbAtomistics.Cli >/dev/null
[ -f "$dump" ] || /usr/bin/python3 "$root/tools/bench/make_msd_dump.py" "$dump" "$atoms" "$frames"
echo "--- $dump ($(du -h "$dump" | cut -f1)), $(nproc) cores; each tool runs ${RUNS:-3} times after the file is cached"
cat "$dump" >/dev/null
for run in $(seq "${RUNS:-3}"); do
  rm -rf "$work/gbat-msd-out"
  /usr/bin/time -f "gbat msd: %e s wall, %M KiB max RSS" dotnet src/GbAtomistics.Cli/bin/Release/net10.0/gbat.dll msd "$dump" \
    --type-map 1=Li,2=O --timestep 0.001ps --output "$work/gbat-msd-out" --quiet
done
if ! /usr/bin/python3 -c "import tidynamics" 2>/dev/null; then
  export PYTHONPATH="$root/tools/bench/tidynamics-standin${PYTHONPATH:+:$PYTHONPATH}"
  echo "(tidynamics not installed: using tools/bench/tidynamics-standin)"
fi
for run in $(seq "${RUNS:-3}"); do
  /usr/bin/time -f "mdanalysis: %e s wall, %M KiB max RSS" /usr/bin/python3 -W ignore "$root/tools/bench/mdanalysis_msd.py" "$dump" "$work/mda-msd.csv"
done
/usr/bin/python3 - "$work/gbat-msd-out/msd.csv" "$work/mda-msd.csv" <<'PY'
import csv, sys
g = [float(r["msd_all_total_A2"]) for r in csv.DictReader(open(sys.argv[1]))]
m = [float(r["msd_A2"]) for r in csv.DictReader(open(sys.argv[2]))]
worst = max(abs(a - b) / b for a, b in zip(g[1:], m[1:]))
print(f"largest relative MSD difference gbat vs MDAnalysis (lags >= 1): {worst:.2e}")
PY
