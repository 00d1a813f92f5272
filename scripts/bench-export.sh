#!/bin/sh
# Whole-process comparison for the 任务分解表 export: `fazhi tasks export` on
# a data file holding 5,000 tasks against a plain openpyxl script writing the
# same rows with the same styles (scripts/bench-openpyxl.py), both measured
# here in one run, three times each; prints wall time, peak memory and the
# ratio of the medians.
#   scripts/bench-export.sh [TASKS]        (default 5000)
# Needs /usr/bin/time and Debian's python3-openpyxl:
#   apt-get install -y time python3-openpyxl
set -eu
n=${1:-5000}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3 # Debian's python, where python3-openpyxl lives

echo "building fazhi…"
(cd "$repo" && go build -o "$work/fazhi" .)

# A plan of n tasks in 8 chapters, numbered per chapter, each naming a lead
# and two cooperating departments and a deadline; imported as a clerk would.
"$py" - "$n" >"$work/plan.txt" <<'EOF'
import sys
n = int(sys.argv[1])
cn = "一二三四五六七八"
print("黄江镇2024年法治政府建设工作要点\n")
for c in range(8):
    print(f"{cn[c]}、推进严格规范公正文明执法第{c+1}部分\n")
    for k, i in enumerate(range(c * n // 8, (c + 1) * n // 8)):
        print(f"{k+1}.深入推进行政执法三项制度第{i+1}项。健全行政裁量权基准制度，完善行政执法程序，"
              f"全面落实行政执法责任制，2024年12月底前完成。（牵头单位：司法所；配合单位：党政办、综合执法办）\n")
EOF
db="$work/fazhi.db"
"$work/fazhi" --db "$db" profile set --name 黄江镇人民政府 --contact 张三 --phone 0769-83632011 >/dev/null
"$work/fazhi" --db "$db" plan import "$work/plan.txt" --year 2024 | tail -1
"$work/fazhi" --db "$db" tasks list --year 2024 --json >"$work/tasks.json"
title="黄江镇2024年法治政府建设任务分解表（截至2024年6月30日）"
footer="填报单位：黄江镇人民政府　　联系人：张三　　联系电话：0769-83632011　　填报日期：2024年6月30日"

# measure NAME CMD...: three runs, "seconds KB" per line into $work/NAME.
measure() {
	name=$1
	shift
	: >"$work/$name"
	for i in 1 2 3; do
		rm -f "$work/out.xlsx"
		/usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null
		cat "$work/t" >>"$work/$name"
	done
}
measure ours "$work/fazhi" --db "$db" tasks export --year 2024 --as-of 2024-06-30 -o "$work/out.xlsx"
ours_size=$(stat -c %s "$work/out.xlsx" 2>/dev/null || echo 0)
measure openpyxl "$py" "$repo/scripts/bench-openpyxl.py" "$work/tasks.json" "$work/out.xlsx" "$title" "$footer"
py_size=$(stat -c %s "$work/out.xlsx")

# The same export into the real WPS ledger as a template, for its peak
# memory (not part of the ratio: openpyxl has no template fill to compare).
fixture=""
for d in "$repo/.." "$repo/../.."; do
	f="$d/shared/fixtures/real/soe_procurement_ledger_3sheets_WPS_redacted.xlsx"
	[ -f "$f" ] && fixture=$f && break
done
if [ -n "$fixture" ]; then
	measure template "$work/fazhi" --db "$db" tasks export --year 2024 --template "$fixture" --sheet 招采台账 -o "$work/out.xlsx"
fi
measure perdept sh -c "rm -rf '$work/dist'; '$work/fazhi' --db '$db' tasks export --year 2024 --per-dept '$work/dist'"

median() { sort -n | sed -n 2p; }
t_ours=$(cut -d' ' -f1 "$work/ours" | median)
t_py=$(cut -d' ' -f1 "$work/openpyxl" | median)
m_ours=$(cut -d' ' -f2 "$work/ours" | sort -n | tail -1)
m_py=$(cut -d' ' -f2 "$work/openpyxl" | sort -n | tail -1)
echo "tasks: $n"
echo "fazhi tasks export: $(tr '\n' ' ' <"$work/ours" | sed 's/ \([0-9]*\) / s \1 KB; /g')→ median ${t_ours} s, peak $((m_ours / 1024)) MB, file $((ours_size / 1024)) KB"
echo "openpyxl script:    $(tr '\n' ' ' <"$work/openpyxl" | sed 's/ \([0-9]*\) / s \1 KB; /g')→ median ${t_py} s, peak $((m_py / 1024)) MB, file $((py_size / 1024)) KB"
for extra in template perdept; do
	[ -f "$work/$extra" ] || continue
	echo "$extra: $(tr '\n' ' ' <"$work/$extra" | sed 's/ \([0-9]*\) / s \1 KB; /g')→ median $(cut -d' ' -f1 "$work/$extra" | median) s, peak $(($(cut -d' ' -f2 "$work/$extra" | sort -n | tail -1) / 1024)) MB"
done
awk -v a="$t_py" -v b="$t_ours" 'BEGIN { if (b > 0) printf "ratio (openpyxl / fazhi): %.1f×\n", a / b; else print "ratio: fazhi too fast to time" }'
