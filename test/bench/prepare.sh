#!/usr/bin/env bash
# Sourced by the benchmark scripts: starts the local dev services and prepares the province-scale
# data set in a database of its own (luoshi_bench) once: migrations, the demo users, then
# `npm run bench:generate` (units, plans, items, assignments, progress reports). A luoshi_bench made
# before the progress reports existed gets them added. Leaves DATABASE_URL pointing at it.
# BENCH_SCALE=5: the same data set five times larger, in luoshi_bench_x5.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash docker/install.sh
# shellcheck source=docker/env-defaults.sh
source docker/env-defaults.sh
bash docker/services.sh start >/dev/null
base="${DATABASE_URL%/*}"
export BENCH_SCALE="${BENCH_SCALE:-1}"
bench_db=luoshi_bench
[ "$BENCH_SCALE" = 1 ] || bench_db="luoshi_bench_x$BENCH_SCALE"
export DATABASE_URL="$base/$bench_db"
export JWT_SECRET="${JWT_SECRET:-bench-secret-bench-secret-bench-secret-00}"
export LOG_LEVEL=warn
cli() { node -r @swc-node/register apps/cli/src/main.ts "$@"; }
generate() { node -r @swc-node/register test/bench/generate.ts "$@"; }
node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: process.argv[1] });
  const name = process.argv[2];
  c.connect().then(() => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]))
    .then((r) => (r.rowCount ? null : c.query(`CREATE DATABASE "${name}"`)))
    .then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });
' "$base/luoshi" "$bench_db"
cli db:migrate
cli seed:demo >/dev/null
if [ "$(node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: process.env.DATABASE_URL });
  c.connect().then(() => c.query("SELECT count(*)::int AS n FROM assignments"))
    .then((r) => { console.log(r.rows[0].n); return c.end(); });
')" -lt $((300000 * BENCH_SCALE)) ]; then
  generate province
else
  generate reports
fi
