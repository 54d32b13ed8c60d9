#!/usr/bin/env bash
# make uninstall: removes exactly what make install wrote under PREFIX
# (default ~/.local), from its list PREFIX/share/campaignsim/installed: the
# files, then the folders it created when they are empty (never a folder
# that holds anything else). The file-type and menu caches that
# update-mime-database and update-desktop-database keep are brought up to
# date; those in a folder make install created go with it.
set -euo pipefail
prefix=${PREFIX:-$HOME/.local}
manifest="$prefix/share/campaignsim/installed"
if [ ! -f "$manifest" ]; then
  echo "uninstall: CampaignSim is not installed in $prefix (no $manifest)"
  exit 0
fi
dirs=() caches=()
while read -r kind path; do
  case $kind in
    file) rm -f -- "$path" ;;
    dir) dirs=("$path" "${dirs[@]}") ;;   # deepest first
    cache) caches+=("$path") ;;
  esac
done <"$manifest"
rm -f -- "$manifest"
mimedir="$prefix/share/mime" apps="$prefix/share/applications"
created() { local d; for d in "${dirs[@]}"; do [ "$d" = "$1" ] && return 0; done; return 1; }
created_mime=false created_apps=false
created "$mimedir" && created_mime=true
created "$apps" && created_apps=true
if [ -d "$mimedir" ]; then
  if $created_mime && [ -z "$(ls -A "$mimedir/packages" 2>/dev/null)" ]; then
    # only the caches update-mime-database made from our one package
    rm -rf -- "$mimedir"
  elif command -v update-mime-database >/dev/null; then
    update-mime-database "$mimedir" >/dev/null 2>&1 || true
  fi
fi
if [ -d "$apps" ]; then
  if $created_apps && [ "$(ls -A "$apps")" = "mimeinfo.cache" ]; then
    rm -f -- "$apps/mimeinfo.cache"   # the cache of our one entry
  elif command -v update-desktop-database >/dev/null; then
    update-desktop-database "$apps" >/dev/null 2>&1 || true
  fi
fi
# A cache make install brought about goes when it lists nothing any more.
for c in "${caches[@]}"; do
  if [ -f "$c" ] && ! grep -q '=' "$c"; then rm -f -- "$c"; fi
done
for d in "${dirs[@]}"; do
  rmdir -- "$d" 2>/dev/null || true
done
echo "uninstall: CampaignSim removed from $prefix"
