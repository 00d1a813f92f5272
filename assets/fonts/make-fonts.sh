#!/usr/bin/env bash
# Rebuilds the two embedded font subsets from Debian's Noto Sans CJK.
#   apt-get install fonts-noto-cjk python3-fonttools
# Regular: every CJK Unified Ideograph (U+4E00–U+9FFF, 20,992 characters: all
# of GB2312 and GBK's common block, so names such as 镕 喆 堃 昇 and
# Traditional text render without a system font) plus punctuation, symbols and
# full-width forms. Bold is only used for headings and titles, so GB2312 keeps
# it at 3 MB. Debian ships Noto CJK as .ttc collections, which Fyne cannot
# load, so the SC face (index 2) is extracted first.
set -euo pipefail
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3
$py - "$work" <<'PY'
import sys
from fontTools.ttLib import TTCollection
work = sys.argv[1]
for w in ("Regular", "Bold"):
    c = TTCollection(f"/usr/share/fonts/opentype/noto/NotoSansCJK-{w}.ttc")
    assert "SC" in c.fonts[2]["name"].getDebugName(4)
    c.fonts[2].save(f"{work}/sc-{w}.otf")
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
open(f"{work}/gb2312.txt", "w").write("".join(sorted(chars)))
PY
common="U+0020-007E,U+00A0-00FF,U+2000-206F,U+3000-303F,U+FF00-FFEF"
$py -m fontTools.subset "$work/sc-Regular.otf" \
  --unicodes="$common,U+20AC,U+2100-214F,U+2160-217F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2605-2606,U+3200-32FF,U+4E00-9FFF,U+FE30-FE4F" \
  --layout-features='*' --no-hinting --output-file="$out/NotoSansSC-Regular-subset.otf"
$py -m fontTools.subset "$work/sc-Bold.otf" --text-file="$work/gb2312.txt" --unicodes="$common" \
  --layout-features='*' --no-hinting --output-file="$out/NotoSansSC-Bold-subset.otf"
ls -l "$out"/*.otf
