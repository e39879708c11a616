#!/usr/bin/env bash
# Compile-checks the ESP32 app and the device tests without Visual Studio: builds reference assemblies from the
# nanoFramework class libraries' own sources (at the release tag of each version in packages.config), then compiles
# Ws52x.Core (as its two device assemblies), this app, and tests/Ws52x.Device.Tests against them and nanoFramework's mscorlib, in C# 9. It proves every
# API the adapters and the tests call exists with that signature in those versions (nanoFramework.TestFramework at the
# version of the test project's packages.config); it does not produce a deployable image (that needs the nanoFramework
# MSBuild tools). It ends with the size of each assembly it compiled (IL, before nanoFramework's own PE conversion).
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
tests="$(dirname "$firmware")/tests/Ws52x.Device.Tests"
# version_of <package id> [packages.config]: the version that packages.config (the app's by default) names.
version_of() { sed -n "s/.*id=\"$1\" version=\"\([^\"]*\)\".*/\1/p" "${2:-$here/packages.config}"; }
mscorlib="${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/$(version_of nanoFramework.CoreLibrary)/lib/mscorlib.dll"
[ -f "$mscorlib" ] || { echo "missing $mscorlib: run 'dotnet test Ws52x.Host.slnf' once to restore it" >&2; exit 1; }

# package id | repository | source folders in it (the first holds key.snk) | assembly | references (built before it)
# | packages.config that names its version
packages="
nanoFramework.Runtime.Events|nanoFramework.Runtime.Events|nanoFramework.Runtime.Events|nanoFramework.Runtime.Events|
nanoFramework.System.Text|System.Text|nanoFramework.System.Text|nanoFramework.System.Text|
nanoFramework.System.IO.Streams|System.IO.Streams|System.IO.Streams|System.IO.Streams|nanoFramework.System.Text
nanoFramework.System.Device.Gpio|System.Device.Gpio|System.Device.Gpio|System.Device.Gpio|nanoFramework.Runtime.Events
nanoFramework.System.Device.Spi|System.Device.Spi|System.Device.Spi|System.Device.Spi|nanoFramework.Runtime.Events System.Device.Gpio
nanoFramework.Hardware.Esp32|nanoFramework.Hardware.Esp32|nanoFramework.Hardware.Esp32|nanoFramework.Hardware.Esp32|nanoFramework.Runtime.Events
nanoFramework.System.IO.FileSystem|System.IO.FileSystem|System.IO.FileSystem|System.IO.FileSystem|nanoFramework.Runtime.Events System.IO.Streams nanoFramework.System.Text
nanoFramework.System.IO.Ports|System.IO.Ports|System.IO.Ports|System.IO.Ports|nanoFramework.Runtime.Events System.IO.Streams nanoFramework.System.Text
nanoFramework.TestFramework|nanoFramework.TestFramework|source/TestFramework source/TestFrameworkShared|nanoFramework.TestFramework||$tests/packages.config
nanoFramework.System.Threading|System.Threading|nanoFramework.System.Threading|System.Threading|
nanoFramework.System.Net|System.Net|nanoFramework.System.Net|System.Net|nanoFramework.Runtime.Events System.IO.Streams nanoFramework.System.Text System.Threading
nanoFramework.Runtime.Native|nanoFramework.Runtime.Native|nanoFramework.Runtime.Native|nanoFramework.Runtime.Native|
"

compile() { # output kind rsp
  dotnet "$csc" -nologo -nostdlib -noconfig -langversion:9 -optimize+ -nowarn:CS0626,CS1591,CS0169,CS0414,CS0649,CS0067,CS8632 \
    -r:"$mscorlib" -t:"$2" -out:"$1" @"$3"
}

mkdir -p "$work/ref"
echo "$packages" | while IFS='|' read -r id repo folders assembly refs config; do
  [ -n "$id" ] || continue
  version="$(version_of "$id" "$config")"
  [ -n "$version" ] || { echo "$id is not in ${config:-$here/packages.config}" >&2; exit 1; }
  url="$(printf "$source_pattern" "$repo")"
  if ! git clone -q --depth 1 --branch "v$version" "$url" "$work/$repo" 2>/dev/null; then
    # A release without its own tag in the clone (a dependency-update build): use the default branch and say so.
    echo "note: no tag v$version in $url; checking against its default branch" >&2
    git clone -q --depth 1 "$url" "$work/$repo"
  fi
  rsp="$work/$assembly.rsp"
  : > "$rsp"
  for r in $refs; do echo "-r:$work/ref/$r.dll" >> "$rsp"; done
  set -- $folders
  echo "-keyfile:$work/$repo/$1/key.snk" >> "$rsp"   # the libraries grant each other friend access by key
  for folder in $folders; do find "$work/$repo/$folder" -name '*.cs' | sed 's/.*/"&"/' >> "$rsp"; done
  # The libraries themselves may use newer C# than 9; only our code is held to C# 9.
  dotnet "$csc" -nologo -nostdlib -noconfig -langversion:latest -unsafe -nowarn:CS0626,CS1591,CS0169,CS0414,CS0649,CS0067,CS8632 \
    -r:"$mscorlib" -t:library -out:"$work/ref/$assembly.dll" @"$rsp" > "$work/$assembly.log" || { cat "$work/$assembly.log"; exit 1; }
  echo "built $assembly $version from $repo"
done

# The core is two device assemblies (nanoFramework addresses 64 KB of byte code per assembly, docs/budget.md):
# Ws52x.Core is what Ws52x.Core.nfproj's Compile list names (folders "X\**\*.cs" and single files), Ws52x.Application the rest.
parts="$(sed -n 's/.*<Compile Include="\([^"]*\)".*/\1/p' "$firmware/Ws52x.Core/Ws52x.Core.nfproj" | tr ';' '\n' | sed 's|\\|/|g; s|\*\*/\*\.cs$||')"
: > "$work/core.rsp"
: > "$work/application.rsp"
echo "-r:$work/ref/Ws52x.Core.dll" >> "$work/application.rsp"
(cd "$firmware/Ws52x.Core" && find . -name '*.cs' -not -path './obj/*' -not -path './bin/*' | sed 's|^\./||') | while read -r rel; do
  target=application
  for p in $parts; do
    case "$p" in
      */) case "$rel" in "$p"*) target=core ;; esac ;;
      *) [ "$rel" = "$p" ] && target=core ;;
    esac
  done
  echo "\"$firmware/Ws52x.Core/$rel\"" >> "$work/$target.rsp"
done
compile "$work/ref/Ws52x.Core.dll" library "$work/core.rsp"
compile "$work/ref/Ws52x.Application.dll" library "$work/application.rsp"
: > "$work/app.rsp"
for dll in "$work"/ref/*.dll; do echo "-r:$dll" >> "$work/app.rsp"; done
find "$here" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sed 's/.*/"&"/' >> "$work/app.rsp"
compile "$work/Ws52x.Esp32.exe" exe "$work/app.rsp"
echo "Ws52x.Esp32 compiles against the nanoFramework libraries in packages.config"

# The device tests share the app's library versions (DeviceTestProjectTests checks the props); say so if they drift.
for id in $(sed -n 's/.*id="\([^"]*\)".*/\1/p' "$tests/packages.config"); do
  [ "$id" = nanoFramework.TestFramework ] && continue
  [ "$(version_of "$id" "$tests/packages.config")" = "$(version_of "$id")" ] \
    || { echo "$id: tests/Ws52x.Device.Tests has $(version_of "$id" "$tests/packages.config"), the app $(version_of "$id")" >&2; exit 1; }
done
: > "$work/tests.rsp"
for r in Ws52x.Core Ws52x.Application nanoFramework.TestFramework nanoFramework.Runtime.Events nanoFramework.System.Text System.IO.Streams System.IO.FileSystem; do
  echo "-r:$work/ref/$r.dll" >> "$work/tests.rsp"
done
find "$tests" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sed 's/.*/"&"/' >> "$work/tests.rsp"
echo "\"$here/Adapters/FlashStorage.cs\"" >> "$work/tests.rsp"   # linked into the test project
compile "$work/NFUnitTest.dll" library "$work/tests.rsp"
echo "tests/Ws52x.Device.Tests compiles against nanoFramework.TestFramework $(version_of nanoFramework.TestFramework "$tests/packages.config")"

for f in "$work/ref/Ws52x.Core.dll" "$work/ref/Ws52x.Application.dll" "$work/Ws52x.Esp32.exe" "$work/NFUnitTest.dll"; do
  echo "size: $(basename "$f") $(wc -c < "$f") bytes (IL)"
done
