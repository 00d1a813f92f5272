#!/usr/bin/env bash
# Checks the Windows program without running it (Debian's Wine cannot run
# Go 1.26 programs):
#
#   scripts/check-exe.sh [dist/fazhi-windows-amd64.exe] [VERSION]
#
#   - a PE32+ (64-bit) executable for the Windows GUI subsystem (2), so no
#     console window opens beside the program;
#   - every DLL in its import table is one Windows itself ships; a MinGW
#     runtime DLL (libgcc_s, libwinpthread, libssp, libstdc++) would be
#     missing on the township's PCs and the program would not start;
#   - the icon (RT_ICON and RT_GROUP_ICON), version information (RT_VERSION)
#     and manifest (RT_MANIFEST) resources are present, and the version
#     information carries VERSION when one is given.
#
# Reads `x86_64-w64-mingw32-objdump -p` (Debian's binutils-mingw-w64-x86-64).
# Exits 1 on the first report of any failure, after printing every check.
set -euo pipefail
exe=${1:-dist/fazhi-windows-amd64.exe}
version=${2:-}
objdump=x86_64-w64-mingw32-objdump
command -v $objdump >/dev/null || { echo "$objdump missing: apt-get install binutils-mingw-w64-x86-64" >&2; exit 2; }
[ -f "$exe" ] || { echo "no such file: $exe" >&2; exit 2; }

fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*" >&2; fail=1; }

dump=$($objdump -p "$exe")

if grep -Eq '^Magic[[:space:]]+020b[[:space:]]+\(PE32\+\)' <<<"$dump"; then ok "PE32+ (64-bit)"; else bad "not a PE32+ executable"; fi

subsystem=$(awk '$1 == "Subsystem" { print $2; exit }' <<<"$dump")
if [ "$subsystem" = 00000002 ]; then
  ok "subsystem 2 (Windows GUI)"
else
  bad "subsystem ${subsystem:-none}; want 00000002 (Windows GUI): build with -ldflags -H=windowsgui"
fi

# DLLs every Windows 10 has in System32, as seen in this program's imports
# (Go runtime, GLFW, go-gl, the MinGW C runtime's msvcrt).
allowed=" advapi32 bcrypt comdlg32 dwmapi gdi32 imm32 kernel32 msvcrt ntdll ole32 oleaut32 opengl32 shell32 shlwapi user32 uxtheme version winmm ws2_32 "
dlls=$(sed -n 's/^[[:space:]]*DLL Name: //p' <<<"$dump" | tr 'A-Z' 'a-z' | sort -u)
[ -n "$dlls" ] || bad "no import table found"
for dll in $dlls; do
  if [[ $allowed == *" ${dll%.dll} "* ]]; then
    ok "imports $dll"
  else
    bad "imports $dll, which is not a Windows system DLL: the program would not start on a PC without it"
  fi
done

# Resource types at the top of the .rsrc directory (the lines indented by
# exactly three spaces after the offset).
types=$(awk '/^The \.rsrc Resource Directory section/ { on = 1; next }
  on && /^[^0-9a-f ]/ { on = 0 }
  on && /^[0-9a-f]+   Entry: ID: 0x/ { sub(/.*ID: 0x/, ""); sub(/,.*/, ""); print }' <<<"$dump" |
  while read -r hex; do echo $((16#$hex)); done)
has() { grep -qx "$1" <<<"$types"; }
for t in "3 RT_ICON" "14 RT_GROUP_ICON" "16 RT_VERSION" "24 RT_MANIFEST"; do
  if has "${t%% *}"; then ok "resource ${t#* }"; else bad "resource ${t#* } missing"; fi
done

# The version block stores its strings in UTF-16.
if [ -n "$version" ]; then
  if strings -el "$exe" | grep -Eq "^${version//./\\.}(\.[0-9]+)*\$"; then
    ok "version information says $version"
  else
    bad "version information does not carry $version"
  fi
fi

exit $fail
