#!/usr/bin/env bash
# The console's first-load size per route and the time until a unit's 我的待办 is usable in
# Chromium, beside the API's own time for /api/me/todo. Runs against the database DATABASE_URL
# points at (by default the local dev database that `npm start` fills with the demo data).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=docker/env-defaults.sh
source docker/env-defaults.sh
export JWT_SECRET="${JWT_SECRET:-bench-secret-that-is-long-enough-0123456789}"
[ -f dist/apps/api/src/main.js ] && [ -f dist/web/index.html ] || npm run --silent build
bash test/browser/install-browser.sh
node -r @swc-node/register test/bench/console.bench.ts
