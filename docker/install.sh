#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than package-lock.json, so the
# start and test commands work on a machine that has never seen the project.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
marker=node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
  echo "Installing npm dependencies…"
  # Not `npm ci`: npm 11 leaves other platforms' optional packages (@swc/core-darwin-*, …) out
  # of the lock file and then refuses it as out of sync. `npm install` keeps the locked versions.
  npm install --no-audit --no-fund --loglevel=error
fi
