#!/usr/bin/env bash
# Takes a screenshot of the program in a real window under Xvfb.
#
#   scripts/screenshot.sh [VIEW] [OUT.png]
#
# VIEW is overview, tasks, stats, report, depts or settings (default depts);
# OUT defaults to docs/screenshot-VIEW.png. The program runs on a fresh
# temporary database. With SEED=1 the script first types a few departments and
# the profile in through the command line, so the picture shows Chinese text.
# CLICK="X Y" clicks there before the picture is taken (to select a row).
# SCROLL="X Y N" scrolls down N notches with the mouse at X Y (after CLICK),
# to show the lower part of a long page such as 设置's 备份.
# With ROOT=/path the program and Xvfb run inside that root (see
# scripts/cleanroot.sh), which has no Chinese font: the proof that the
# embedded font renders on its own.
#
# Needs: xvfb xauth xdotool imagemagick libgl1-mesa-dri (apt-get install).
set -euo pipefail
cd "$(dirname "$0")/.."
view=${1:-depts}
out=${2:-docs/screenshot-$view.png}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
  if [ -n "${ROOT:-}" ]; then umount "$ROOT/proc" 2>/dev/null || true; rm -rf "$ROOT/tmp/fazhi-shot"; fi
}
trap cleanup EXIT

go build -o "$work/fazhi" .

# Where the program runs: here, or inside ROOT with its files copied in.
prefix=()
bin="$work/fazhi"
db="$work/fazhi.db"
if [ -n "${ROOT:-}" ]; then
  mkdir -p "$ROOT/tmp/fazhi-shot"
  cp "$work/fazhi" "$ROOT/tmp/fazhi-shot/fazhi"
  mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
  prefix=(chroot "$ROOT")
  bin=/tmp/fazhi-shot/fazhi
  db=/tmp/fazhi-shot/fazhi.db
  echo "fonts with Chinese in $ROOT: $(chroot "$ROOT" fc-list :lang=zh 2>/dev/null | wc -l)"
fi

if [ "${SEED:-0}" = 1 ]; then
  run() { "${prefix[@]}" "$bin" --db "$db" "$@" >/dev/null; }
  run profile set --name 企石镇人民政府 --party 中共企石镇委员会 --level 乡镇 --superior 东莞市人民政府 --contact 王喆 --phone 0769-86762000
  run dept add 组织办
  run dept add 党政办
  run dept add 法制办
  run dept add 财政分局
  run dept add 政务服务中心
  run dept add 社会事务办
  run dept add 人力资源分局 --alias 人力资源局
  run dept add 人资分局
  run dept add 监察室
  run dept add 镇监察室
  run dept add 宣传办
  run dept add 司法所（公共法律服务站）
  run backup
fi

display=":$((90 + RANDOM % 100))"
"${prefix[@]}" Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
"${prefix[@]}" env DISPLAY="$display" LIBGL_ALWAYS_SOFTWARE=1 LANG=zh_CN.UTF-8 "$bin" --db "$db" --view "$view" >"$work/run.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do
  if DISPLAY=$display xdotool search --name '法治政府建设台账' >/dev/null 2>&1; then break; fi
  sleep 0.2
done
# The window is up; give the software renderer a moment to draw the first frame.
sleep 1.5
DISPLAY=$display xdotool search --name '法治政府建设台账' windowmove 0 0 >/dev/null 2>&1 || true
sleep 0.5
if [ -n "${CLICK:-}" ]; then
  DISPLAY=$display xdotool mousemove $CLICK click 1
  sleep 1
fi
if [ -n "${SCROLL:-}" ]; then
  read -r sx sy sn <<<"$SCROLL"
  DISPLAY=$display xdotool mousemove "$sx" "$sy" click --repeat "$sn" --delay 50 5
  sleep 1
fi
mkdir -p "$(dirname "$out")"
DISPLAY=$display import -window root "$out"
echo "saved $out"
if [ -s "$work/run.log" ]; then echo "program output:"; cat "$work/run.log"; fi
