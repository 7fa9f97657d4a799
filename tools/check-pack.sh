#!/usr/bin/env bash
# Checks that `dotnet pack` makes the gbat tool package and that it installs and runs:
#
#   tools/check-pack.sh
#
# Packs src/GbAtomistics.Cli into a temporary folder, checks the .nupkg holds the tool (DotnetToolSettings.xml
# naming the command gbat, and gbat.dll), installs it with `dotnet tool install --tool-path` (not --global, so
# nothing outside the temporary folder changes) from that folder as the package source, and runs `gbat --version`
# and `gbat formats`. Exits non-zero with a message on the first failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet pack "$root/src/GbAtomistics.Cli/GbAtomistics.Cli.csproj" -c Release -o "$work/feed" --nologo -v quiet
package="$(ls "$work"/feed/GbAtomistics.Cli.*.nupkg 2>/dev/null | head -n 1 || true)"
if [[ -z "$package" ]]; then
    echo "check-pack.sh: dotnet pack wrote no GbAtomistics.Cli.*.nupkg into $work/feed" >&2
    exit 1
fi

listing="$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$package")"
for expected in "tools/net10.0/any/DotnetToolSettings.xml" "tools/net10.0/any/gbat.dll"; do
    if ! grep -qx "$expected" <<<"$listing"; then
        echo "check-pack.sh: $package has no $expected" >&2
        exit 1
    fi
done

python3 - "$package" <<'PY'
import sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("tools/net10.0/any/DotnetToolSettings.xml").decode()
if 'Name="gbat"' not in xml:
    sys.exit(f"check-pack.sh: DotnetToolSettings.xml does not name the command gbat:\n{xml}")
PY

dotnet tool install --tool-path "$work/tools" --add-source "$work/feed" GbAtomistics.Cli >/dev/null
"$work/tools/gbat" --version
"$work/tools/gbat" formats >/dev/null
echo "check-pack.sh: $(basename "$package") packs, installs and runs (command gbat)"
