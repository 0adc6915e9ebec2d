#!/usr/bin/env bash
# Supervision benchmark on the province-scale data set and on one five times larger, each in a
# database of its own (luoshi_bench, luoshi_bench_x5) on the local dev services: prepares each
# once (see prepare.sh), measures both, and prints how each figure grew.
# BENCH_SCALES=1 measures the province scale alone.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
for scale in ${BENCH_SCALES:-1 5}; do
  (
    export BENCH_SCALE="$scale"
    # shellcheck source=test/bench/prepare.sh
    source "$here/prepare.sh"
    BENCH_JSON="$results/$scale.json" node -r @swc-node/register test/bench/supervision.bench.ts
  )
done
node -r @swc-node/register "$here/supervision-growth.ts" "$results"
