#!/bin/sh
# Render an exported .docx or .xlsx to one PNG per printed page, to check it
# by eye, and print a per-page check:
#   scripts/render.sh IN.docx|IN.xlsx OUTDIR
# .docx (a 公文 report): text lines per page, for the 22-lines rule.
# .xlsx (a 任务分解表): each page's first line, which must be the header.
# Needs LibreOffice and poppler:
#   apt-get install -y libreoffice-writer-nogui libreoffice-calc poppler-utils
# Samples: go run ./internal/tools/samplereport -o /tmp/docx/sample-report.docx
#          go run ./internal/tools/sampleexport -o /tmp/xlsx/sample-tasks.xlsx
# Without the Office fonts (仿宋_GB2312, 方正小标宋简体, 宋体 …) LibreOffice falls
# back to whatever CJK font is installed; positions stay right, page breaks
# may move a line or two.
set -eu
if [ $# -ne 2 ]; then
	echo "usage: $0 IN.docx|IN.xlsx OUTDIR" >&2
	exit 2
fi
in=$1
out=$2
case $in in
*.docx) kind=docx ;;
*.xlsx) kind=xlsx ;;
*) echo "$in: only .docx and .xlsx are rendered" >&2; exit 2 ;;
esac
mkdir -p "$out"
name=$(basename "$in" ".$kind")
# A private profile: a desktop LibreOffice that is running, or an old broken
# profile, would otherwise swallow the conversion silently.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$in" >/dev/null
pdf="$out/$name.pdf"
pdftoppm -png -r 60 "$pdf" "$out/$name"
pdfinfo "$pdf" | grep -E '^(Pages|Page size)'
pages=$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')
p=1
while [ "$p" -le "$pages" ]; do
	if [ "$kind" = docx ]; then
		n=$(pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -c '[^[:space:]]' || true)
		echo "page $p: $n text lines (page number included)"
	else
		first=$(pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -m1 '[^[:space:]]' | tr -s ' ')
		echo "page $p starts: $first"
	fi
	p=$((p + 1))
done
ls "$out"/"$name"*.png
