#!/usr/bin/env bash
# The console's end-to-end tests drive Debian's Chromium (no browser download) and need CJK
# fonts, without which every Chinese character renders as a box. Installs both when missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need: ${missing[*]}. Install them first:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "==> Installing ${missing[*]} for the browser tests"
DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null ||
  { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null; }
