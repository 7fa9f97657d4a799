#!/usr/bin/env bash
# Builds `gbat` as one self-contained executable for machines without the .NET SDK or runtime (clusters):
#
#   tools/publish.sh [RID] [OUTPUT_DIR]        default RID linux-x64, default OUTPUT_DIR publish/gbat-RID
#
# The result is the one file OUTPUT_DIR/gbat (117 MB for linux-x64: the .NET runtime, gbat and its libraries). The
# native plotting libraries (SkiaSharp) are inside it and are extracted on first run under
# $DOTNET_BUNDLE_EXTRACT_BASE_DIR (default ~/.net). Copy the file to the cluster and run ./gbat --help. Needs the .NET 10 SDK here and, on first use, nuget.org (or a local feed) to
# restore the runtime pack Microsoft.NETCore.App.Runtime.RID and Microsoft.NETCore.App.Crossgen2.RID (gbat's own code is
# precompiled with ReadyToRun, so a run does not wait for the JIT).
#
# GBAT_FRAMEWORK_DEPENDENT=1 makes a framework-dependent single file instead (18 MB; the target machine then
# needs the .NET 10 runtime, not the SDK).
set -euo pipefail

rid="${1:-linux-x64}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${2:-$root/publish/gbat-$rid}"
self_contained=true
if [[ "${GBAT_FRAMEWORK_DEPENDENT:-0}" == "1" ]]; then
    self_contained=false
fi

dotnet publish "$root/src/GbAtomistics.Cli/GbAtomistics.Cli.csproj" \
    -c Release \
    -r "$rid" \
    --self-contained "$self_contained" \
    -p:PublishSingleFile=true \
    -p:PublishReadyToRun=true \
    -p:IncludeNativeLibrariesForSelfExtract=true \
    -p:PackAsTool=false \
    -p:DebugType=none \
    -p:GenerateDocumentationFile=false \
    -o "$out"

exe="$out/gbat"
[[ "$rid" == win-* ]] && exe="$out/gbat.exe"
if [[ ! -f "$exe" ]]; then
    echo "publish.sh: expected $exe, found none" >&2
    exit 1
fi

echo "wrote $exe ($(du -h "$exe" | cut -f1), self-contained: $self_contained, $rid)"
