#!/usr/bin/env bash
# Coverage of the diffusion error bars and of the "no measurable diffusion" verdict on synthetic solids (atoms hopping
# on a cubic lattice with vibration about their sites, D known exactly), with more realisations than the test suite
# runs: the same seeded tests (tests/GbAtomistics.Analysis.Tests/Transport/DiffusionCoverageTests.cs) with
# GBAT_COVERAGE_TRIALS realisations each (default 2000; about a minute per 1000 on two cores).
# Usage: tools/bench/diffusion-coverage.sh [TRIALS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
GBAT_COVERAGE_TRIALS="${1:-2000}" dotnet test "$root/tests/GbAtomistics.Analysis.Tests" -c Release \
  --filter "FullyQualifiedName~DiffusionCoverageTests" --logger "console;verbosity=detailed" \
  | grep -E "covers D in|not diffusive in|flagged in|Passed!|Failed!"
