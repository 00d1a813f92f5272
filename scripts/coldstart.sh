#!/usr/bin/env bash
# Measures how long the window takes to come up, on software OpenGL (Mesa's
# llvmpipe) under Xvfb, as on a virtual machine or an office PC without a
# graphics driver:
#
#   scripts/coldstart.sh [RUNS] [BINARY]
#
# Each run starts the program on a fresh data file with FAZHI_TRACE_START=quit:
# the program prints "first frame after N ms" (from the start of its own
# initialisation) when the window is up and its event loop has drawn, then
# quits. The script also times the whole process from exec to exit. As root
# it drops the page cache before each run, so the binary and its libraries
# are read from disk (a true cold start); otherwise the runs are warm.
#
# Needs: xvfb libgl1-mesa-dri (apt-get install). BINARY defaults to a fresh
# build of this checkout (dist/fazhi-linux-amd64 from scripts/build.sh works too).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
bin=${2:-}
work=$(mktemp -d)
trap 'kill "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  go build -o "$work/fazhi" .
  bin=$work/fazhi
fi
display=":$((200 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
echo "binary: $bin ($(stat -c %s "$bin" | awk '{printf "%.1f MB", $1/1e6}'))"
for i in $(seq 1 "$runs"); do
  cold=warm
  if [ "$(id -u)" -eq 0 ]; then sync; echo 3 >/proc/sys/vm/drop_caches; cold=cold; fi
  mkdir -p "$work/run$i"
  start=$(date +%s%N)
  line=$(env DISPLAY="$display" LIBGL_ALWAYS_SOFTWARE=1 XDG_CONFIG_HOME="$work/run$i" FAZHI_TRACE_START=quit \
    "$bin" --db "$work/run$i/fazhi.db" 2>&1 >/dev/null | grep -m1 'first frame' || true)
  end=$(date +%s%N)
  echo "run $i ($cold): ${line:-no first frame reported}; process start to exit $(((end - start) / 1000000)) ms"
done
