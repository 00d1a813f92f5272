#!/bin/sh
# Render a .docx to one PNG per page, to check a 公文 export by eye.
#   scripts/render-docx.sh IN.docx OUTDIR
# Needs LibreOffice Writer and poppler:
#   apt-get install -y libreoffice-writer-nogui poppler-utils
# A sample: FAZHI_DOCX_SAMPLE=/tmp/docx go test ./export/docx -run TestSampleReport
# Without the 公文 fonts (仿宋_GB2312, 方正小标宋简体 …) LibreOffice falls back to
# whatever CJK font is installed; positions and line counts stay right.
set -eu
if [ $# -ne 2 ]; then
	echo "usage: $0 IN.docx OUTDIR" >&2
	exit 2
fi
in=$1
out=$2
mkdir -p "$out"
name=$(basename "$in" .docx)
# A private profile: a desktop LibreOffice that is running, or an old broken
# profile, would otherwise swallow the conversion silently.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$in" >/dev/null
pdf="$out/$name.pdf"
pdftoppm -png -r 60 "$pdf" "$out/$name"
pdfinfo "$pdf" | grep -E '^(Pages|Page size)'
# Text lines per page, a quick check of the 22-lines rule (the last page is short).
pages=$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')
p=1
while [ "$p" -le "$pages" ]; do
	n=$(pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -c '[^[:space:]]' || true)
	echo "page $p: $n text lines (page number included)"
	p=$((p + 1))
done
ls "$out"/"$name"*.png
