#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those missing.
# Used by `make run` and `make test`; safe to run again (it does nothing then).
#   gcc                         cgo: the race detector and Fyne's OpenGL driver
#   libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev pkg-config
#                               Fyne's Linux build (ARCHITECTURE.md)
#   xvfb xdotool imagemagick    the desktop app's end-to-end smoke test (imagemagick's
#                               `import` takes its screenshot)
#   poppler-utils               pdftotext/pdffonts/pdfimages for the PDF checks
set -euo pipefail
pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev xvfb xdotool imagemagick poppler-utils)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "deps: missing ${missing[*]} and no apt-get here; install them with your package manager" >&2
  exit 1
fi
sudo_=""
[ "$(id -u)" = 0 ] || sudo_=sudo
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo_ apt-get update -qq
$sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
