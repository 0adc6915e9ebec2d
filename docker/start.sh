#!/usr/bin/env bash
# `npm start`: everything a newcomer needs, on a machine without Docker. Installs the npm
# dependencies, starts PostgreSQL, Redis and the mail catcher natively, migrates, loads the demo
# data (idempotent), then runs the API and one worker in the foreground until Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash docker/install.sh
# shellcheck source=docker/env-defaults.sh
source docker/env-defaults.sh
export PORT="${PORT:-3000}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$PORT}"
if [ -z "${JWT_SECRET:-}" ]; then
  # A local secret, made once and kept with the local data, so tokens survive a restart.
  mkdir -p "$LUOSHI_VAR_DIR"
  [ -s "$LUOSHI_VAR_DIR/jwt-secret" ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' >"$LUOSHI_VAR_DIR/jwt-secret"
  JWT_SECRET="$(cat "$LUOSHI_VAR_DIR/jwt-secret")"
  export JWT_SECRET
fi

echo "==> Building"
npm run --silent build >/dev/null
echo "==> Starting services"
bash docker/services.sh start
echo "==> Migrating and loading the demo data"
node dist/apps/cli/src/main.js db:migrate
node dist/apps/cli/src/main.js seed:demo
node dist/apps/cli/src/main.js seed:live

pids=()
cleanup() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  echo
  echo "API and worker stopped. The services keep running: npm run services:stop stops them."
}
trap cleanup INT TERM EXIT

node dist/apps/worker/src/main.js &
pids+=($!)
node dist/apps/api/src/main.js &
pids+=($!)

for _ in $(seq 100); do
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$PORT/api/health" && break
  kill -0 "${pids[1]}" 2>/dev/null || { echo "The API did not start (see the lines above)." >&2; exit 1; }
  sleep 0.3
done

cat <<INFO

  落实 Luoshi is running.
    Console  $PUBLIC_URL/   (工作台: sign in in the browser)
    API      $PUBLIC_URL/api
    OpenAPI  $PUBLIC_URL/api/docs
    Mail     http://127.0.0.1:$MAIL_UI_PORT/   (every email the system sends lands here)
    Sign in  admin / leader / supervisor / jingfaju … with the password ${DEMO_PASSWORD:-luoshi-demo}

  Ctrl-C stops the API and the worker.
INFO
wait -n "${pids[@]}"
