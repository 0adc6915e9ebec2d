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

# A second start skips the build when no source, config or lock file changed since the last one.
build_stamp() {
  find apps libs -type f \( -name '*.ts' -o -name '*.json' -o -name '*.sql' \) -print0 |
    sort -z | xargs -0 sha1sum | cat - package-lock.json tsconfig.json nest-cli.json | sha1sum | cut -d' ' -f1
}
stamp="$(build_stamp)"
if [ -f dist/.build-stamp ] && [ "$(cat dist/.build-stamp)" = "$stamp" ] &&
  [ -f dist/apps/api/src/main.js ] && [ -f dist/apps/worker/src/main.js ] && [ -f dist/apps/cli/src/main.js ]; then
  echo "==> Build is up to date (nothing changed since the last one)"
else
  echo "==> Building"
  npm run --silent build >/dev/null
  echo "$stamp" >dist/.build-stamp
fi
echo "==> Starting services"
bash docker/services.sh start
echo "==> Migrating and loading the demo data"
node dist/apps/cli/src/main.js db:migrate
node dist/apps/cli/src/main.js seed:demo
node dist/apps/cli/src/main.js seed:live

# Each process runs under docker/supervise.js: one that exits unexpectedly is started again
# (and the supervisor says so on the console).
pids=()
cleanup() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  echo
  echo "API and worker stopped. The services keep running: npm run services:stop stops them."
}
trap cleanup INT TERM EXIT

# 64 MB of V8 young generation for the worker: a digest is thousands of short-lived 30 KB emails.
node docker/supervise.js worker -- node --max-semi-space-size=64 dist/apps/worker/src/main.js &
pids+=($!)
node docker/supervise.js API -- node dist/apps/api/src/main.js &
pids+=($!)

healthy=no
for _ in $(seq 100); do
  if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$PORT/api/health"; then
    healthy=yes
    break
  fi
  sleep 0.3
done
if [ "$healthy" = no ]; then
  echo "The API is not answering at http://127.0.0.1:$PORT/api/health yet (see the lines above); it keeps being restarted. Ctrl-C stops it." >&2
fi

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
