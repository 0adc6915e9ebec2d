#!/usr/bin/env bash
# bench:profile: one API process under bench:load's status updates, with V8's CPU profiler, on
# the province-scale data set (luoshi_bench, prepared once by prepare.sh), or on the database
# BENCH_DATABASE_URL names.
set -euo pipefail
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  cd "$(dirname "${BASH_SOURCE[0]}")/../.."
  export DATABASE_URL="$BENCH_DATABASE_URL"
  export JWT_SECRET="${JWT_SECRET:-bench-secret-bench-secret-bench-secret-00}"
else
  # shellcheck source=test/bench/prepare.sh
  source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
fi
node -r @swc-node/register test/bench/profile.bench.ts
