#!/usr/bin/env bash
# Compile-checks the ESP32 app without Visual Studio: builds reference assemblies from the nanoFramework class
# libraries' own sources (at the release tag of each version in packages.config), then compiles Ws52x.Core and this
# app against them and nanoFramework's mscorlib, in C# 9. It proves every API the adapters call exists with that
# signature in those versions; it does not produce a deployable image (that needs the nanoFramework MSBuild tools).
#
#   firmware/Ws52x.Esp32/compile-check.sh            # clones from github.com/nanoframework (network needed)
#   NF_SOURCE=/path/%s ./compile-check.sh             # %s = repository name, e.g. local clones
#
# Needs: git, the .NET SDK (for csc), and nanoFramework.CoreLibrary in the NuGet cache (`dotnet test Ws52x.Host.slnf`
# restores it).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
firmware="$(dirname "$here")"
source_pattern="${NF_SOURCE:-https://github.com/nanoframework/%s}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sdk="$(dotnet --list-sdks | tail -1 | sed -E 's/^([^ ]+) \[(.*)\]$/\2\/\1/')"
csc="$sdk/Roslyn/bincore/csc.dll"
version_of() { sed -n "s/.*id=\"$1\" version=\"\([^\"]*\)\".*/\1/p" "$here/packages.config"; }
mscorlib="${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/$(version_of nanoFramework.CoreLibrary)/lib/mscorlib.dll"
[ -f "$mscorlib" ] || { echo "missing $mscorlib: run 'dotnet test Ws52x.Host.slnf' once to restore it" >&2; exit 1; }

# package id | repository | source folder in it | assembly | references (assemblies built before it)
packages="
nanoFramework.Runtime.Events|nanoFramework.Runtime.Events|nanoFramework.Runtime.Events|nanoFramework.Runtime.Events|
nanoFramework.System.Text|System.Text|nanoFramework.System.Text|nanoFramework.System.Text|
nanoFramework.System.IO.Streams|System.IO.Streams|System.IO.Streams|System.IO.Streams|nanoFramework.System.Text
nanoFramework.System.Device.Gpio|System.Device.Gpio|System.Device.Gpio|System.Device.Gpio|nanoFramework.Runtime.Events
nanoFramework.System.Device.Spi|System.Device.Spi|System.Device.Spi|System.Device.Spi|nanoFramework.Runtime.Events System.Device.Gpio
nanoFramework.Hardware.Esp32|nanoFramework.Hardware.Esp32|nanoFramework.Hardware.Esp32|nanoFramework.Hardware.Esp32|nanoFramework.Runtime.Events
nanoFramework.System.IO.FileSystem|System.IO.FileSystem|System.IO.FileSystem|System.IO.FileSystem|nanoFramework.Runtime.Events System.IO.Streams nanoFramework.System.Text
nanoFramework.System.IO.Ports|System.IO.Ports|System.IO.Ports|System.IO.Ports|nanoFramework.Runtime.Events System.IO.Streams nanoFramework.System.Text
nanoFramework.System.Threading|System.Threading|nanoFramework.System.Threading|System.Threading|
nanoFramework.System.Net|System.Net|nanoFramework.System.Net|System.Net|nanoFramework.Runtime.Events System.IO.Streams nanoFramework.System.Text System.Threading
"

compile() { # output kind rsp
  dotnet "$csc" -nologo -nostdlib -noconfig -langversion:9 -nowarn:CS0626,CS1591,CS0169,CS0414,CS0649,CS0067,CS8632 \
    -r:"$mscorlib" -t:"$2" -out:"$1" @"$3"
}

mkdir -p "$work/ref"
echo "$packages" | while IFS='|' read -r id repo folder assembly refs; do
  [ -n "$id" ] || continue
  version="$(version_of "$id")"
  [ -n "$version" ] || { echo "$id is not in packages.config" >&2; exit 1; }
  url="$(printf "$source_pattern" "$repo")"
  if ! git clone -q --depth 1 --branch "v$version" "$url" "$work/$repo" 2>/dev/null; then
    # A release without its own tag in the clone (a dependency-update build): use the default branch and say so.
    echo "note: no tag v$version in $url; checking against its default branch" >&2
    git clone -q --depth 1 "$url" "$work/$repo"
  fi
  rsp="$work/$assembly.rsp"
  : > "$rsp"
  for r in $refs; do echo "-r:$work/ref/$r.dll" >> "$rsp"; done
  echo "-keyfile:$work/$repo/$folder/key.snk" >> "$rsp"   # the libraries grant each other friend access by key
  find "$work/$repo/$folder" -name '*.cs' | sed 's/.*/"&"/' >> "$rsp"
  # The libraries themselves may use newer C# than 9; only our code is held to C# 9.
  dotnet "$csc" -nologo -nostdlib -noconfig -langversion:latest -unsafe -nowarn:CS0626,CS1591,CS0169,CS0414,CS0649,CS0067,CS8632 \
    -r:"$mscorlib" -t:library -out:"$work/ref/$assembly.dll" @"$rsp" > "$work/$assembly.log" || { cat "$work/$assembly.log"; exit 1; }
  echo "built $assembly $version from $repo"
done

find "$firmware/Ws52x.Core" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sed 's/.*/"&"/' > "$work/core.rsp"
compile "$work/ref/Ws52x.Core.dll" library "$work/core.rsp"
: > "$work/app.rsp"
for dll in "$work"/ref/*.dll; do echo "-r:$dll" >> "$work/app.rsp"; done
find "$here" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sed 's/.*/"&"/' >> "$work/app.rsp"
compile "$work/Ws52x.Esp32.exe" exe "$work/app.rsp"
echo "Ws52x.Esp32 compiles against the nanoFramework libraries in packages.config"
