#!/usr/bin/env bash
# make install: CampaignSim for the current user, from the bundle of make
# package, under PREFIX (default ~/.local):
#   PREFIX/bin/campaignsim
#   PREFIX/share/applications/org.campaignsim.app.desktop   (the menu entry)
#   PREFIX/share/icons/hicolor/256x256/apps/org.campaignsim.app.png
#   PREFIX/share/mime/packages/campaignsim.xml               (the plan file type)
# and the list of what it wrote, PREFIX/share/campaignsim/installed, which
# make uninstall reads to remove exactly that (the folders it had to create
# included, if they are empty then). The desktop entry starts the binary by
# its full path, since ~/.local/bin is not always on the menu's PATH.
#
#   scripts/install.sh BUNDLE
set -euo pipefail
bundle=$1
prefix=${PREFIX:-$HOME/.local}
[ -f "$bundle" ] || { echo "install: no $bundle: run make package first" >&2; exit 1; }
manifest="$prefix/share/campaignsim/installed"
if [ -f "$manifest" ]; then
  # installed before: take the old files away first, so the list stays exact
  "$(dirname "$0")/uninstall.sh"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$bundle" -C "$work"
find_one() { find "$work" -path "*$1" -print -quit; }
bin=$(find_one /bin/campaignsim)
desktop=$(find_one /share/applications/org.campaignsim.app.desktop)
icon=$(find_one /share/pixmaps/org.campaignsim.app.png)
mime=$(find_one /share/mime/packages/campaignsim.xml)
for f in "$bin" "$desktop" "$icon" "$mime"; do
  [ -n "$f" ] || { echo "install: $bundle lacks a file (run make package again)" >&2; exit 1; }
done

created=()   # folders this install creates, deepest last
mkdirs() {
  local d=$1 missing=()
  while [ ! -d "$d" ]; do missing=("$d" "${missing[@]}"); d=$(dirname "$d"); done
  for d in "${missing[@]}"; do mkdir "$d"; created+=("$d"); done
}
files=()
put() { # put SRC DEST MODE
  mkdirs "$(dirname "$2")"
  install -m "$3" "$1" "$2"
  files+=("$2")
}
dest_bin="$prefix/bin/campaignsim"
put "$bin" "$dest_bin" 755
put "$icon" "$prefix/share/icons/hicolor/256x256/apps/org.campaignsim.app.png" 644
put "$mime" "$prefix/share/mime/packages/campaignsim.xml" 644
sed -e "s|^Exec=campaignsim|Exec=$dest_bin|" "$desktop" >"$work/entry.desktop"
put "$work/entry.desktop" "$prefix/share/applications/org.campaignsim.app.desktop" 644
mkdirs "$(dirname "$manifest")"
{
  for f in "${files[@]}"; do echo "file $f"; done
  for d in "${created[@]}"; do echo "dir $d"; done
  # the menu's file-type cache, when this install makes it
  cache="$prefix/share/applications/mimeinfo.cache"
  [ -e "$cache" ] || echo "cache $cache"
} >"$manifest"

if command -v update-mime-database >/dev/null; then
  update-mime-database "$prefix/share/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null; then
  update-desktop-database "$prefix/share/applications" >/dev/null 2>&1 || true
fi
echo "install: CampaignSim is in $prefix (menu: Bureautique / Office); make uninstall removes it"
