#!/usr/bin/env bash
# make package: the desktop bundle of CampaignSim, built by `fyne package`
# (fyne.io/tools v1.7.4) from the app binary and FyneApp.toml, then given
# the French lines of its desktop entry (packaging/campaignsim.desktop.fr:
# fyne writes one language) and the plan's file type
# (packaging/campaignsim-mime.xml).
#
#   scripts/package.sh FYNE APP OUTDIR
#
# FYNE is the fyne tool, APP the built desktop app; OUTDIR receives
# CampaignSim.tar.xz: usr/[local/]bin/campaignsim, share/applications/
# org.campaignsim.app.desktop, share/pixmaps/org.campaignsim.app.png,
# share/mime/packages/campaignsim.xml and fyne's Makefile. fyne package
# rewrites the FyneApp.toml it reads (it counts builds), so it reads a copy
# in OUTDIR, never the repository's.
set -euo pipefail
fyne=$(realpath "$1") app=$(realpath "$2") out=$3
root=$(pwd)
rm -rf "$out"
mkdir -p "$out/src/assets" "$out/bundle"
cp FyneApp.toml "$out/src/"
cp assets/icon.png "$out/src/assets/icon.png"
# fyne package wants Go code in its source folder, though it builds nothing
# when given --executable.
printf '// Package stage is the copy fyne package reads FyneApp.toml from.\npackage stage\n' >"$out/src/stage.go"
(cd "$out" && "$fyne" package -os linux -executable "$app" -src src >fyne.log 2>&1) || {
  cat "$out/fyne.log" >&2
  echo "package: fyne package failed" >&2
  exit 1
}
tarball="$out/CampaignSim.tar.xz"
[ -f "$tarball" ] || { echo "package: fyne package wrote no $tarball" >&2; exit 1; }
tar -xJf "$tarball" -C "$out/bundle"
desktop=$(find "$out/bundle" -name 'org.campaignsim.app.desktop' -print -quit)
[ -n "$desktop" ] || { echo "package: no desktop entry in the bundle" >&2; exit 1; }
share=$(dirname "$(dirname "$desktop")")
# The French lines go after the English Comment= line.
awk -v fr="$root/packaging/campaignsim.desktop.fr" '
  { print }
  /^Comment=/ { while ((getline line < fr) > 0) print line }
' "$desktop" >"$desktop.new"
mv "$desktop.new" "$desktop"
grep -q '^Comment\[fr\]=' "$desktop" || { echo "package: the desktop entry has no Comment= line to follow" >&2; exit 1; }
install -Dm644 packaging/campaignsim-mime.xml "$share/mime/packages/campaignsim.xml"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop"
fi
top=$(ls "$out/bundle")
rm "$tarball"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cJf "$tarball" -C "$out/bundle" $top
rm -rf "$out/src"
echo "package: $tarball ($(du -h "$tarball" | cut -f1)) — make install puts it in ~/.local"
