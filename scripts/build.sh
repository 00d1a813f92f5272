#!/usr/bin/env bash
# Builds the release programs into dist/:
#
#   dist/fazhi-windows-amd64.exe  Windows 10 and later, 64-bit: cross-compiled
#                                 with mingw-w64; GUI subsystem (no console
#                                 window); icon, version information and
#                                 manifest embedded by `fyne package`
#   dist/fazhi-linux-amd64        Linux x86-64
#   dist/fazhi-linux-arm64        Linux arm64 (domestic machines: 鲲鹏, 飞腾)
#
#   scripts/build.sh [windows] [linux-amd64] [linux-arm64]   (default: all)
#
# The version is FyneApp.toml's (VERSION=1.2.3 overrides it); it is stamped
# into main.Version, so `fazhi version` and the .exe's properties agree.
# Debian packages the builds need are installed with apt-get when missing
# (as root, or through sudo), and the script says which. After the Windows
# build scripts/check-exe.sh checks the .exe statically, since Debian's Wine
# cannot run Go 1.26 programs; the Linux programs are checked with `file`.
#
# A cold build compiles Fyne's C code (GLFW) once per target: minutes each on a
# small machine; later builds take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

fyne_tools=fyne.io/tools/cmd/fyne@v1.7.4
tags=no_emoji,migrated_fynedo,release

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(windows linux-amd64 linux-arm64)
for t in "${targets[@]}"; do
  case $t in windows | linux-amd64 | linux-arm64) ;; *) echo "unknown target: $t (windows, linux-amd64, linux-arm64)" >&2; exit 2 ;; esac
done

version=${VERSION:-$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)}
if ! [[ $version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]]; then
  echo "version \"$version\" is not x, x.y or x.y.z (Windows' version resource needs numbers)" >&2
  exit 2
fi
echo "== 法治政府建设台账 $version"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

# need PKG... installs the Debian packages not yet installed.
need() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing Debian packages: ${missing[*]}"
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Fyne's X11/OpenGL build needs these headers, for every Linux target.
x11dev=(libgl-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev)

mkdir -p dist
ldflags="-s -w -X main.Version=$version"

# check_elf FILE PATTERN fails unless `file` describes FILE as PATTERN.
check_elf() {
  local desc
  desc=$(file -b "$1")
  if ! grep -Eq "$2" <<<"$desc"; then
    echo "FAIL $1: $desc (expected $2)" >&2
    exit 1
  fi
  echo "ok   $1: ${desc%%, BuildID*}"
}

build_linux_amd64() {
  need gcc libc6-dev pkg-config file "${x11dev[@]}"
  echo "== building dist/fazhi-linux-amd64"
  CGO_ENABLED=1 GOOS=linux GOARCH=amd64 \
    go build -trimpath -tags "$tags" -ldflags "$ldflags" -o dist/fazhi-linux-amd64 .
  check_elf dist/fazhi-linux-amd64 'ELF 64-bit LSB .*x86-64.*dynamically linked'
}

build_linux_arm64() {
  # arm64 headers and libraries come from Debian's multiarch packages; the
  # cross compiler finds them under /usr/lib/aarch64-linux-gnu.
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "== adding the arm64 architecture to dpkg (for the arm64 -dev packages)"
    $sudo dpkg --add-architecture arm64
    $sudo apt-get update -qq
  fi
  need gcc-aarch64-linux-gnu libc6-dev-arm64-cross pkg-config file "${x11dev[@]/%/:arm64}"
  echo "== building dist/fazhi-linux-arm64"
  CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc \
    PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig \
    go build -trimpath -tags "$tags" -ldflags "$ldflags" -o dist/fazhi-linux-arm64 .
  check_elf dist/fazhi-linux-arm64 'ELF 64-bit LSB .*ARM aarch64.*dynamically linked'
}

build_windows() {
  need gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
  # The fyne tool runs here, so it is built for this machine, not for Windows.
  local bin=${XDG_CACHE_HOME:-$HOME/.cache}/fazhi-build
  if [ ! -x "$bin/fyne" ]; then
    echo "== fetching the fyne tool ($fyne_tools) through the Go module proxy"
    GOBIN="$bin" go install "$fyne_tools"
  fi
  echo "== building dist/fazhi-windows-amd64.exe (fyne package)"
  local name
  name=$(sed -n 's/^Name *= *"\(.*\)"/\1/p' FyneApp.toml)
  rm -f "$name.exe"
  # fyne package builds with -H=windowsgui, -s -w and -trimpath for a release;
  # it takes extra linker flags from GOFLAGS's -ldflags= (no spaces allowed).
  # It writes fyne.syso and fyne_metadata_init.go here for the build and
  # removes them after, then leaves NAME.exe in this folder.
  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
    GOFLAGS="${GOFLAGS:-} -ldflags=-X=main.Version=$version" \
    "$bin/fyne" package --os windows --release --tags "${tags%,release}" --app-version "$version"
  mv -f "$name.exe" dist/fazhi-windows-amd64.exe
  scripts/check-exe.sh dist/fazhi-windows-amd64.exe "$version"
}

for t in "${targets[@]}"; do
  start=$SECONDS
  "build_${t//-/_}"
  echo "   ($((SECONDS - start)) s)"
done

echo "== dist/"
for t in "${targets[@]}"; do
  case $t in windows) f=dist/fazhi-windows-amd64.exe ;; *) f=dist/fazhi-$t ;; esac
  awk -v s="$(stat -c %s "$f")" -v f="$f" 'BEGIN { printf "%6.1f MB  %s\n", s / 1e6, f }'
done
