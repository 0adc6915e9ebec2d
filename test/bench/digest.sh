#!/usr/bin/env bash
# Digest benchmark: the weekly digest of every unit that owes work in the province-scale data set
# (luoshi_bench, prepared once by prepare.sh), sent by real worker processes to the local mail
# catcher, next to a plain nodemailer loop sending the same messages to the same server.
set -euo pipefail
# shellcheck source=test/bench/prepare.sh
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
node -r @swc-node/register test/bench/digest.bench.ts
