#!/usr/bin/env bash
# Every check the project has, in the order a reviewer would run them:
# formatting, go vet, all tests (Fyne's test driver through -tags ci, so the
# GUI tests need no display), and a build of the real windowed program.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

files=$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')
unformatted=$(gofmt -l $files)
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./...
go build -o /dev/null .
go test -tags ci -count=1 ./...
