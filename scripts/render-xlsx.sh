#!/bin/sh
# Render an .xlsx to one PNG per printed page, to check an export by eye:
# title, borders, wrapping, landscape, the header repeated on every page.
#   scripts/render-xlsx.sh IN.xlsx OUTDIR
# Needs LibreOffice Calc and poppler:
#   apt-get install -y libreoffice-calc poppler-utils
# A sample: FAZHI_XLSX_SAMPLE=/tmp/xlsx go test ./export/tasksheet -run TestSampleExport
# Without the Office fonts (宋体, 黑体) LibreOffice falls back to whatever CJK
# font is installed; page breaks may move a row or two.
set -eu
if [ $# -ne 2 ]; then
	echo "usage: $0 IN.xlsx OUTDIR" >&2
	exit 2
fi
in=$1
out=$2
mkdir -p "$out"
name=$(basename "$in" .xlsx)
# A private profile: a desktop LibreOffice that is running, or an old broken
# profile, would otherwise swallow the conversion silently.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$in" >/dev/null
pdf="$out/$name.pdf"
pdftoppm -png -r 60 "$pdf" "$out/$name"
pdfinfo "$pdf" | grep -E '^(Pages|Page size)'
# The header must open every page: print each page's first table line.
pages=$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')
p=1
while [ "$p" -le "$pages" ]; do
	first=$(pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -m1 '[^[:space:]]' | tr -s ' ')
	echo "page $p starts: $first"
	p=$((p + 1))
done
ls "$out"/"$name"*.png
