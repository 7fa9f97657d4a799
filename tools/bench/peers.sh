#!/usr/bin/env bash
# One benchmark against every peer on the same files, in one run: makes a 100 800-atom two-type Lennard-Jones dump
# with LAMMPS (tools/bench/lj-mixture.in; Debian: apt-get install -y lammps), then times, alternating the tools and
# reporting the median of REPEATS runs of each:
#   read every frame    gbat info                     vs MDAnalysis (Debian python3-mdanalysis) iterating the dump
#   partial RDF 1-2     gbat rdf --species 1-2 --no-total   vs MDAnalysis InterRDF, and LAMMPS rerun with compute rdf
#                       (and gbat's default, which adds g_total of all atoms and so visits every pair)
#   MSD of type 1       gbat msd --species 1          vs MDAnalysis EinsteinMSD (fft=True)
#   CSL bicrystal       gbat build csl (fcc Σ5(310))  vs pymatgen GrainBoundaryGenerator (Debian python3-pymatgen)
# gbat is published first as one self-contained composite ReadyToRun image (README "Speed"). The script prints a
# Markdown table with the machine's conditions, then every run's time. freud and OVITO's Python module are not in Debian
# and no package index is reachable from this machine, so they are not timed.
# Usage: tools/bench/peers.sh [FRAMES] [REPEATS] [THREADS]   (defaults 100 3 2)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
frames="${1:-100}"
repeats="${2:-3}"
threads="${3:-2}"
python=/usr/bin/python3
work="${TMPDIR:-/tmp}/gbat-bench/lj-${frames}f"
dump="$work/dump.lammpstrj"
mkdir -p "$work"
if [ ! -f "$dump" ]; then
  command -v lmp >/dev/null || { echo "lmp not found: apt-get install -y lammps" >&2; exit 1; }
  echo "--- making $dump with LAMMPS ($frames + 1 frames)" >&2
  (cd "$work" && OMP_NUM_THREADS=1 lmp -in "$root/tools/bench/lj-mixture.in" -log log.lammps -screen none \
    -var frames "$frames" -var every 20)
fi
if ! "$python" -c "import tidynamics" 2>/dev/null; then
  export PYTHONPATH="$root/tools/bench/tidynamics-standin${PYTHONPATH:+:$PYTHONPATH}"
fi
cd "$root"
# gbat as a user installs it for speed: the runtime, its libraries and gbat precompiled together into one composite
# ReadyToRun image, so a run does not wait for the JIT (README "Speed"). The publish needs the runtime pack and the
# Crossgen2 package from the NuGet feed.
publish="$work/gbat-composite"
dotnet publish src/GbAtomistics.Cli -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
  -p:PublishReadyToRunComposite=true -o "$publish" -v quiet -nologo >/dev/null
gbat=("$publish/gbat")
# Equal conditions for every tool: the compiler servers the publish left running are stopped, and the dump is read
# once untimed, so the first timed run of any tool does not pay for them or for a cold page cache.
dotnet build-server shutdown >/dev/null 2>&1 || true
cat "$dump" >/dev/null
out="$work/out"
rm -rf "$out"
mkdir -p "$out"
cat > "$work/rerun.in" <<LAMMPS
units lj
atom_style atomic
region b block 0 1 0 1 0 1
create_box 2 b
read_dump $dump 0 x y z box yes add yes label x xu label y yu label z zu
mass * 1.0
pair_style zero 3.3
pair_coeff * *
compute g all rdf 150 1 2 cutoff 3.0
fix f all ave/time 1 1 1 c_g[*] file $out/lammps-rdf.txt mode vector
rerun $dump dump x y z box yes label x xu label y yu label z zu
LAMMPS

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>"$out/last.err" || { cat "$out/last.err" >&2; exit 1; }; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A t
names=(gbat-info mda-read gbat-rdf gbat-rdf-total mda-rdf lammps-rdf gbat-msd mda-msd gbat-csl pymatgen-csl)
for ((k = 0; k < repeats; k++)); do
  t[gbat-info]+=" $(seconds "${gbat[@]}" info "$dump")"
  t[mda-read]+=" $(seconds "$python" tools/bench/mdanalysis_read_dump.py "$dump")"
  t[gbat-rdf]+=" $(seconds "${gbat[@]}" rdf "$dump" --species 1-2 --r-max 3 --bins 150 --no-total --threads "$threads" --output "$out/rdf" --quiet)"
  t[gbat-rdf-total]+=" $(seconds "${gbat[@]}" rdf "$dump" --species 1-2 --r-max 3 --bins 150 --threads "$threads" --output "$out/rdf-total" --quiet)"
  t[mda-rdf]+=" $(seconds "$python" tools/bench/mdanalysis_pair_rdf.py "$dump" 3 150)"
  t[lammps-rdf]+=" $(seconds env OMP_NUM_THREADS=1 lmp -in "$work/rerun.in" -log none -screen none)"
  t[gbat-msd]+=" $(seconds "${gbat[@]}" msd "$dump" --species 1 --timestep 1fs --threads "$threads" --output "$out/msd" --quiet)"
  t[mda-msd]+=" $(seconds "$python" tools/bench/mdanalysis_msd.py "$dump")"
  t[gbat-csl]+=" $(seconds "${gbat[@]}" build csl --structure fcc --a 3.615 --axis 001 --sigma 5 --plane 310 --translation 0,0 --output "$out/csl" --quiet)"
  t[pymatgen-csl]+=" $(seconds "$python" tools/bench/pymatgen_csl.py)"
done

m() { median ${t[$1]}; }
size=$(stat -c %s "$dump")
echo "dump: $dump ($(head -4 "$dump" | tail -1) atoms, $((frames + 1)) frames, $((size / 1000000)) MB); $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); gbat --threads $threads; medians of $repeats, tools alternated; $(date -u +%F)"
printf '| work | gbat (s) | peer | peer (s) | ratio |\n|---|---:|---|---:|---:|\n'
row() { printf '| %s | %.2f | %s | %.2f | %.1f× |\n' "$1" "$(m "$2")" "$3" "$(m "$4")" "$(echo "$(m "$4") / $(m "$2")" | bc -l)"; }
row "read every frame" gbat-info "MDAnalysis $("$python" -c 'import MDAnalysis; print(MDAnalysis.__version__)' 2>/dev/null)" mda-read
row "partial RDF 1-2, r < 3, 150 bins" gbat-rdf "MDAnalysis InterRDF" mda-rdf
row "partial RDF 1-2, r < 3, 150 bins" gbat-rdf "LAMMPS rerun, compute rdf" lammps-rdf
row "the same with g_total of all atoms (gbat's default)" gbat-rdf-total "MDAnalysis InterRDF (1-2 only)" mda-rdf
row "MSD of the type-1 atoms (FFT)" gbat-msd "MDAnalysis EinsteinMSD" mda-msd
row "CSL bicrystal fcc Σ5(310), one translation" gbat-csl "pymatgen $("$python" -c 'import importlib.metadata as m; print(m.version("pymatgen"))' 2>/dev/null)" pymatgen-csl
printf '\nReading every frame end to end (start-up included): %.0f MB/s.\n' "$(echo "$size / $(m gbat-info) / 1000000" | bc -l)"
printf '\nEvery run (s), in the order taken:\n'
for name in "${names[@]}"; do printf '  %-15s' "$name"; printf ' %.2f' ${t[$name]}; printf '\n'; done
