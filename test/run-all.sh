#!/usr/bin/env bash
# The whole test suite, on real PostgreSQL, Redis and SMTP that it starts itself (on ports and
# in a data folder of its own, so a running dev stack is left alone). Exits non-zero on any
# failure. `npm test` and `.ci/run` run exactly this.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash docker/install.sh
bash test/browser/install-browser.sh

export LUOSHI_PROFILE=test
# shellcheck source=docker/env-defaults.sh
source docker/env-defaults.sh
export NODE_ENV=test
export JWT_SECRET="${JWT_SECRET:-test-secret-that-is-long-enough-0123456789}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-luoshi-demo}"
export PG_FSYNC=off

started=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(($(date +%s) - started))"; }

step "Services (PostgreSQL, Redis, mail catcher) under $LUOSHI_VAR_DIR"
bash docker/services.sh reset >/dev/null 2>&1 || rm -rf "$LUOSHI_VAR_DIR"
bash docker/services.sh start
trap 'bash docker/services.sh stop >/dev/null 2>&1 || true' EXIT

step "Lint (ESLint, Prettier) and type check"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check . || true; exit 1; }
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p apps/web/tsconfig.json

step "The console's API types match the API's OpenAPI document"
npm run --silent api:types:check

step "Build (api, worker, cli, console)"
npm run --silent build

step "Unit and end-to-end tests"
npx jest --ci --runInBand "$@"

step "Done"
