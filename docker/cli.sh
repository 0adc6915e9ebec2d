#!/usr/bin/env bash
# Runs one CLI command with the local defaults (docker/env-defaults.sh) filled in: from source
# in a checkout with its dev dependencies (never a stale build), else the built CLI (a server
# or an image with dist/ only).
#   bash docker/cli.sh backup
#   bash docker/cli.sh restore var/dev/backups/luoshi-backup-20261202-030000.tar.gz [--force]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=docker/env-defaults.sh
source "$root/docker/env-defaults.sh"
# Relative paths given on the command line are the caller's; the CLI runs from the checkout.
args=()
for arg in "$@"; do
  if [[ "$arg" != -* && -e "$arg" ]]; then args+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")"); else args+=("$arg"); fi
done
cd "$root"
if [ -f apps/cli/src/main.ts ] && [ -d node_modules/@swc-node/register ]; then
  exec node -r @swc-node/register apps/cli/src/main.ts "${args[@]}"
fi
exec node dist/apps/cli/src/main.js "${args[@]}"
