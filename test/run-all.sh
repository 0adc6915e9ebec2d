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
# A machine without a locale (LANG unset, as under `env -i` or some CI runners) makes Chromium
# write downloads' Chinese names as "download": every process here works in UTF-8.
export LANG="${LANG:-C.UTF-8}"
export JWT_SECRET="${JWT_SECRET:-test-secret-that-is-long-enough-0123456789}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-luoshi-demo}"
export PG_FSYNC=off

started=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(($(date +%s) - started))"; }

# Lint, type checks, the API types and the build need neither the services nor one another, and
# each keeps about one core busy: they run as two lanes at once while the services start, each
# lane's output printed whole when it ends.
lanes_dir="$(mktemp -d)"
lane_pids=()
lane_names=()
lane() {
  local name="$1"
  shift
  (
    set -euo pipefail
    for command in "$@"; do
      printf -- '--> %s\n' "$command"
      eval "$command"
    done
  ) >"$lanes_dir/${#lane_names[@]}.log" 2>&1 &
  lane_pids+=("$!")
  lane_names+=("$name")
}
trap 'kill "${lane_pids[@]}" 2>/dev/null || true; rm -rf "$lanes_dir"' EXIT

step "Lint (ESLint, Prettier), type checks, the console's API types and the build, in two lanes"
lane "Lint (ESLint, Prettier); the console's type check and its API types" \
  'npx eslint .' \
  'npx prettier --check . >/dev/null || { npx prettier --check . || true; exit 1; }' \
  'npx tsc --noEmit -p apps/web/tsconfig.json' \
  'npm run --silent api:types:check'
lane "Type check (tsc); build (api, worker, cli in one compile, console)" \
  'npx tsc --noEmit -p tsconfig.json' \
  'npm run --silent build'

step "Services (PostgreSQL, Redis, mail catcher) under $LUOSHI_VAR_DIR"
bash docker/services.sh reset >/dev/null 2>&1 || rm -rf "$LUOSHI_VAR_DIR"
bash docker/services.sh start
trap 'kill "${lane_pids[@]}" 2>/dev/null || true; rm -rf "$lanes_dir"; bash docker/services.sh stop >/dev/null 2>&1 || true' EXIT

failed=0
for i in "${!lane_pids[@]}"; do
  status=0
  wait "${lane_pids[$i]}" || status=$?
  step "${lane_names[$i]}: $([ "$status" -eq 0 ] && echo passed || echo "FAILED ($status)")"
  cat "$lanes_dir/$i.log"
  [ "$status" -eq 0 ] || failed=1
done
[ "$failed" -eq 0 ] || exit 1

# The suites run in two Jest workers, each on a database and Redis database of its own (README,
# "Parallel Jest workers"): on two cores that took the run from 866 s of Jest to 488 s.
# JEST_WORKERS=1 runs them one after another (--runInBand), as when hunting an order effect.
workers="${JEST_WORKERS:-2}"
step "Unit and end-to-end tests ($workers worker(s))"
if [ "$workers" -gt 1 ]; then
  npx jest --ci --maxWorkers="$workers" "$@"
else
  npx jest --ci --runInBand "$@"
fi
