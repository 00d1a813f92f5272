#!/usr/bin/env bash
# Takes a screenshot of the program in a real window under Xvfb.
#
#   scripts/screenshot.sh [VIEW] [OUT.png]
#
# VIEW is overview, tasks, stats, report, depts or settings (default depts);
# OUT defaults to docs/screenshot-VIEW.png. The program runs on a fresh
# temporary database. With SEED=1 the script first types a few departments and
# the profile in through the command line, so the picture shows Chinese text.
# With SEED=tasks it also imports the implementation plan of seed 004 as the
# 任务分解表 of YEAR (default this year), its years moved so that the plan's
# 2018 is YEAR, and marks a few tasks under way and done. The window opens on
# YEAR, with preferences of its own.
# CLICK="X Y" clicks there before the picture is taken (to select a row).
# STEPS="click X Y; paste FILE; key ctrl+v; type TEXT; sleep N" runs those
# steps in order after CLICK (paste puts FILE's text on the clipboard, so
# Chinese reaches a field without xdotool typing it).
# SCROLL="X Y N" scrolls down N notches with the mouse at X Y (after CLICK),
# to show the lower part of a long page such as 设置's 备份.
# With ROOT=/path the program and Xvfb run inside that root (see
# scripts/cleanroot.sh), which has no Chinese font: the proof that the
# embedded font renders on its own.
#
# Needs: xvfb xauth xdotool xclip imagemagick libgl1-mesa-dri (apt-get install).
set -euo pipefail
cd "$(dirname "$0")/.."
view=${1:-depts}
out=${2:-docs/screenshot-$view.png}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true # the program may still be saving its preferences
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

if [ "${SEED:-0}" != 0 ]; then
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
year=${YEAR:-$(date +%Y)}
if [ "${SEED:-0}" = tasks ]; then
  seed=$work/plan.txt
  sed -e "s/2018/$year/g" -e "s/2017/$((year - 1))/g" ../shared/seeds/004_2fa00343c3f7394e.txt >"$seed"
  if [ -n "${ROOT:-}" ]; then cp "$seed" "$ROOT/tmp/fazhi-shot/plan.txt"; seed=/tmp/fazhi-shot/plan.txt; fi
  run plan import "$seed" --year "$year"
  run tasks status --year "$year" --no 1 --set 已完成
  run tasks status --year "$year" --no 2 --set 推进中
  run tasks progress --year "$year" --no 2 --dept 政务服务中心 --text 已梳理行政审批事项清单，正在征求各部门意见。 --date "$year-03-15"
  run tasks progress --year "$year" --no 3 --dept 组织办 --text 已制定领导干部学法计划，一季度组织集中学法两次。 --date "$year-04-02"
  run tasks status --year "$year" --no 3 --set 推进中
  # Statistics for this year and last, with one 核实 (信访 up by more than
  # half) and one 错误 (more 审核 than 制发) for the 统计报表 page to show.
  run stats set --year "$((year - 1))" 信访受理数=200 信访办结数=200 人民调解案件数=2500 人民调解成功数=2400 规范性文件制发数=6 规范性文件合法性审核数=6
  # Last year's figures as a plain table: a workbook with the indicators'
  # names in a 本年 column, which 导入报表 maps by label (put in HOME, where
  # the file dialog opens).
  mkdir -p "$work/home"
  run stats export --year "$((year - 1))" -o "$work/home/统计报表.xlsx"
  # And the year's table as a workbook, for 导入 Excel.
  run tasks export --year "$year" -o "$work/home/任务分解表.xlsx"
  run stats set --year "$year" 信访受理数=331 信访办结数=331 人民调解案件数=2707 人民调解成功数=2633 规范性文件制发数=8 规范性文件合法性审核数=9 法律顾问出具法律意见数=124 新申领执法证数=64
fi

# Fresh window preferences (theme, year) so the picture does not depend on
# whoever ran the script before.
cfg=$work/config
[ -n "${ROOT:-}" ] && cfg=$ROOT/tmp/fazhi-shot/config
mkdir -p "$cfg/fyne/cn.gov.fazhi.taizhang"
echo "{\"year\":$year}" >"$cfg/fyne/cn.gov.fazhi.taizhang/preferences.json"
[ -n "${ROOT:-}" ] && cfg=/tmp/fazhi-shot/config

display=":$((90 + RANDOM % 100))"
"${prefix[@]}" Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
mkdir -p "$work/home"
"${prefix[@]}" env DISPLAY="$display" HOME="$work/home" XDG_CONFIG_HOME="$cfg" LIBGL_ALWAYS_SOFTWARE=1 LANG=zh_CN.UTF-8 "$bin" --db "$db" --view "$view" >"$work/run.log" 2>&1 &
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
if [ -n "${STEPS:-}" ]; then
  IFS=';' read -ra steps <<<"$STEPS"
  for step in "${steps[@]}"; do
    read -r verb rest <<<"$step"
    case $verb in
      click) DISPLAY=$display xdotool mousemove $rest click 1 ;;
      paste) DISPLAY=$display xclip -selection clipboard -i "$rest" 2>/dev/null & pids+=($!) ;;
      key) DISPLAY=$display xdotool key $rest ;;
      type) DISPLAY=$display xdotool type -- "$rest" ;;
      sleep) sleep "$rest" ;;
      *) echo "unknown step: $step" >&2; exit 2 ;;
    esac
    sleep 0.7
  done
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
