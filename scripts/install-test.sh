#!/usr/bin/env bash
# make install-test: make install and make uninstall for real, in a
# temporary HOME that already holds a menu entry of the user's own:
#   - the binary, the menu entry, the icon and the plan's file type land in
#     HOME/.local; the entry is valid (desktop-file-validate when present),
#     in French and English, Office;Finance;, for .toml plans, and starts
#     the installed binary by its full path;
#   - installing again replaces, and make uninstall leaves HOME exactly as
#     it was (every file and folder, the user's entry untouched).
#
#   scripts/install-test.sh BUNDLE     (make install-test builds BUNDLE first)
set -euo pipefail
bundle=$1
[ -f "$bundle" ] || { echo "install-test: no $bundle: run make package" >&2; exit 1; }
# make may call go; it must use the real caches, not the temporary HOME's.
export GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/.local/share/applications"
printf '[Desktop Entry]\nType=Application\nName=Mine\nExec=true\n' >"$tmp/.local/share/applications/mine.desktop"
snapshot() { (cd "$tmp" && find . -printf '%y %m %s %p\n' | sort); }
before=$(snapshot)
fail() { echo "install-test: $*" >&2; exit 1; }

HOME=$tmp make --no-print-directory install >/dev/null
local=$tmp/.local
bin=$local/bin/campaignsim
desktop=$local/share/applications/org.campaignsim.app.desktop
icon=$local/share/icons/hicolor/256x256/apps/org.campaignsim.app.png
mime=$local/share/mime/packages/campaignsim.xml
for f in "$bin" "$desktop" "$icon" "$mime"; do [ -f "$f" ] || fail "make install did not write $f"; done
[ -x "$bin" ] || fail "$bin is not executable"
head -c 4 "$bin" | grep -q 'ELF' || fail "$bin is not a program"
cmp -s "$icon" assets/icon.png || fail "the icon is not assets/icon.png"
for line in '^Name=CampaignSim$' '^Name\[fr\]=CampaignSim$' '^Comment=Plan a marketing campaign' \
  '^Comment\[fr\]=Planifier une campagne marketing' '^Categories=Office;Finance;$' \
  '^MimeType=application/x-campaignsim-plan;application/toml' "^Exec=$bin %F\$" '^Icon=org.campaignsim.app$'; do
  grep -q -- "$line" "$desktop" || fail "the menu entry lacks $line:
$(cat "$desktop")"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate refuses the menu entry"
fi
if command -v update-mime-database >/dev/null; then
  grep -q '^application/x-campaignsim-plan$' "$local/share/mime/types" || fail "the plan's file type is not registered"
fi
[ "$(cat "$tmp/.local/share/applications/mine.desktop" | grep -c Mine)" = 1 ] || fail "the user's own entry changed"

HOME=$tmp make --no-print-directory install >/dev/null   # again: replaces
[ "$(grep -c '^file ' "$local/share/campaignsim/installed")" = 4 ] || fail "a second install lists $(grep -c '^file ' "$local/share/campaignsim/installed") files, want 4"

HOME=$tmp make --no-print-directory uninstall >/dev/null
after=$(snapshot)
if [ "$before" != "$after" ]; then
  fail "make uninstall left HOME changed:
$(diff <(echo "$before") <(echo "$after"))"
fi
HOME=$tmp make --no-print-directory uninstall >/dev/null   # nothing installed: says so, succeeds
echo "install-test: make install wrote the binary, menu entry (fr, en), icon and file type; make uninstall removed exactly them"
