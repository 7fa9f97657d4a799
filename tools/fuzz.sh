#!/usr/bin/env bash
# Mutation fuzzing of every gbat reader family (see README, "Reliability").
#   tools/fuzz.sh                      # 1000 mutated inputs per family, seed 1
#   tools/fuzz.sh --seconds 600        # round-robin over the families for ten minutes
#   tools/fuzz.sh --count 5000 --seed 7 --family dump --family bz2
# Failing inputs (crash, hang > 10 s, allocation > 2 GiB) are kept in fuzz-failures/ with a .txt description;
# the exit status is 1 when there is any. The GC heap is capped at 4 GiB so a runaway allocation fails fast
# instead of taking the machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build tools/GbAtomistics.Fuzz -c Release -v quiet -nologo >/dev/null
args=("$@")
if [[ ! " ${args[*]-} " =~ " --count " && ! " ${args[*]-} " =~ " --seconds " ]]; then
  args+=(--count 1000)
fi
export DOTNET_GCHeapHardLimit=0x100000000
exec /usr/bin/env time -f 'peak resident memory %M KiB, %e s' \
  dotnet tools/GbAtomistics.Fuzz/bin/Release/net10.0/GbAtomistics.Fuzz.dll --failures fuzz-failures "${args[@]}"
