#!/usr/bin/env bash
# Supervision benchmark on a province-scale data set, in a database of its own (luoshi_bench) on
# the local dev services: prepares it once (see prepare.sh), then measures.
set -euo pipefail
# shellcheck source=test/bench/prepare.sh
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
node -r @swc-node/register test/bench/supervision.bench.ts
