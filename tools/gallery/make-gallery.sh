#!/usr/bin/env bash
# Regenerates the README gallery: runs the worked example (testdata/example/pipeline.yaml), copies its main plots
# here and rewrites MANIFEST, the fingerprints that the test GalleryTests.TheReadmeGalleryIsCurrent checks in CI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
GBAT_UPDATE_GALLERY=1 dotnet test tests/GbAtomistics.Pipelines.Tests -c Release --filter "FullyQualifiedName~GalleryTests" -v q -nologo
ls -l tools/gallery
