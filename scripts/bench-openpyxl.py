#!/usr/bin/python3
"""The yardstick for `fazhi tasks export`: a plain openpyxl script writing
the same 任务分解表 with the same styles.

    bench-openpyxl.py TASKS.json OUT.xlsx TITLE FOOTER

TASKS.json is `fazhi tasks list --year Y --json`. The layout follows
export/tasksheet/write.go: merged bold title, grey header row, merged
chapter rows, thin borders, wrapped text stored as text, Chinese column
widths, estimated row heights, frozen header, A4 landscape fitted to the
width, header repeated on every page, page numbers and the 填报单位 line.
Run by scripts/bench-export.sh; needs Debian's python3-openpyxl.
"""
import json
import math
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter


def lines(text, width):
    avail = width * 7 + 5 - 8
    n = 0
    for para in text.split("\n"):
        px = sum(8 if (ord(r) < 0x2E80 or 0xFF61 <= ord(r) <= 0xFFDC) else 15.5 for r in para)
        n += max(1, math.ceil(px / avail))
    return n


def main():
    src, out, title, footer = sys.argv[1:5]
    with open(src, encoding="utf-8") as f:
        plan = json.load(f)

    cols = [("序号", 6), ("工作任务", 46), ("牵头单位", 14), ("配合单位", 16), ("完成时限", 15),
            ("进展情况", 40), ("状态", 9), ("备注", 12)]
    n = len(cols)
    last = get_column_letter(n)

    side = Side(style="thin", color="000000")
    border = Border(left=side, right=side, top=side, bottom=side)
    body = Font(name="宋体", size=11)
    wrap_left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    wrap_center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    for i, (_, w) in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(i)].width = w

    ws.cell(1, 1, title).font = Font(name="宋体", size=18, bold=True)
    ws.cell(1, 1).alignment = wrap_center
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 36
    grey = PatternFill("solid", fgColor="D9D9D9")
    for i, (name, _) in enumerate(cols, 1):
        c = ws.cell(2, i, name)
        c.font = Font(name="黑体", size=11, bold=True)
        c.fill, c.border, c.alignment, c.number_format = grey, border, wrap_center, "@"
    ws.row_dimensions[2].height = 30

    row = 3
    for ch in plan["chapters"]:
        text = ch["no"] + "、" + ch["title"]
        for i in range(1, n + 1):
            c = ws.cell(row, i, text if i == 1 else None)
            c.font = Font(name="黑体", size=11, bold=True)
            c.border, c.alignment, c.number_format = border, wrap_left, "@"
        ws.merge_cells(f"A{row}:{last}{row}")
        row += 1
        for t in ch["tasks"]:
            deadline = ""
            if t["deadline"]:
                y, m, d = (int(x) for x in t["deadline"].split("-"))
                deadline = f"{y}年{m}月{d}日"
                if t["deadline_text"]:
                    deadline += "（" + t["deadline_text"] + "）"
            progress = "\n".join(
                "{}年{}月{}日（{}）：{}".format(*[int(x) for x in p["date"].split("-")], p["dept"], p["text"])
                for p in t["progress"])
            values = [t["no"], t["text"] or t["title"], "、".join(t["lead"]), "、".join(t["cooperate"]),
                      deadline, progress, t["status"], ""]
            most = 1
            for i, v in enumerate(values, 1):
                c = ws.cell(row, i, v)
                c.font, c.border = body, border
                if i == 1:
                    c.alignment = Alignment(horizontal="center", vertical="center")
                else:
                    c.number_format = "@"
                    c.alignment = wrap_left if i in (2, 6, 8) else wrap_center
                    if len(v) >= 3:
                        most = max(most, lines(v, cols[i - 1][1]))
            ws.row_dimensions[row].height = min(409, most * 15 + 5)
            row += 1
    row += 1
    ws.cell(row, 1, footer).font = body
    ws.merge_cells(f"A{row}:{last}{row}")
    ws.row_dimensions[row].height = 24

    ws.freeze_panes = "A3"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = "2:2"
    ws.print_area = f"A1:{last}{row}"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    wb.save(out)


if __name__ == "__main__":
    main()
