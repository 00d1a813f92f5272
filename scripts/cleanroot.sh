#!/usr/bin/env bash
# Builds a bare Debian root with an X server and no Chinese font at all, for
# scripts/screenshot.sh (ROOT=...). This machine has fonts-noto-cjk, which
# would hide a font that fails to load; that root cannot.
#
#   scripts/cleanroot.sh [DIR]      (default /opt/cleanroot; needs root and debootstrap)
set -euo pipefail
dir=${1:-/opt/cleanroot}
if [ ! -x "$dir/usr/bin/Xvfb" ]; then
  debootstrap --variant=minbase \
    --include=libgl1,libgl1-mesa-dri,libx11-6,libxcursor1,libxrandr2,libxinerama1,libxi6,libxxf86vm1,xvfb,xauth,fontconfig \
    bookworm "$dir" http://deb.debian.org/debian
fi
n=$(chroot "$dir" fc-list :lang=zh | wc -l)
echo "$dir: $n fonts with Chinese (must be 0)"
[ "$n" -eq 0 ]
