#!/usr/bin/env bash
# Starts (or stops) PostgreSQL, Redis and a mail catcher natively on loopback, for machines
# without a Docker engine. Data lives under $LUOSHI_VAR_DIR (git-ignored). Ports come from
# DATABASE_URL, REDIS_URL and SMTP_URL, so the app and this script always agree.
#
#   bash docker/services.sh start|stop|status|reset
#
# PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user, which must
# be able to reach its data folder. When the checkout lies where that user cannot enter (under
# /root, or any folder of mode 700), its data goes to a folder of its own in the postgres user's
# home instead (/var/lib/postgresql/luoshi-<hash of the data path>), and this script says so. The
# user's own folders keep their permissions. `reset` stops everything and deletes the data,
# wherever it is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=docker/env-defaults.sh
source "$here/env-defaults.sh"

mkdir -p "$LUOSHI_VAR_DIR"
var_dir="$(cd "$LUOSHI_VAR_DIR" && pwd)"
redis_dir="$var_dir/redis"
mail_dir="$var_dir/mail"
log_dir="$var_dir/log"

# Where PostgreSQL keeps its data and writes its logs (both must be the postgres user's).
pg_dir="$var_dir"
pg_elsewhere=""
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$var_dir" 2>/dev/null; then
  pg_home="$(getent passwd postgres | cut -d: -f6)"
  [ -n "$pg_home" ] && runuser -u postgres -- test -w "$pg_home" 2>/dev/null || pg_home=/var/tmp
  pg_dir="$pg_home/luoshi-$(printf %s "$(cd "$var_dir" && pwd -P)" | sha1sum | cut -c1-12)"
  pg_elsewhere="the postgres user cannot enter $var_dir"
fi
pg_data="$pg_dir/postgres"
pg_log_dir="$pg_dir/log"
[ "$pg_dir" = "$var_dir" ] && pg_log_dir="$log_dir"

# A service that did not start says why: the last lines of its log.
show_log() { # file what
  echo "$2 failed to start. Last lines of $1:" >&2
  if [ -f "$1" ]; then tail -n 25 "$1" | sed 's/^/    /' >&2; else echo "    (no log was written)" >&2; fi
}

# postgres://user:pass@host:port/db → fields
url_field() { # url field
  node -e 'const u=new URL(process.argv[1]);const f=process.argv[2];
    const v={user:decodeURIComponent(u.username),password:decodeURIComponent(u.password),host:u.hostname,
      port:u.port,db:u.pathname.replace(/^\//,"")}[f];process.stdout.write(String(v??""))' "$1" "$2"
}

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return; }
  echo "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian: apt-get install postgresql) or set PG_BIN." >&2
  exit 1
}

# PostgreSQL refuses to run as root: as root we run it as the 'postgres' system user.
# From / so that a working directory the postgres user cannot enter does not trouble it.
as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

ensure_redis() {
  command -v redis-server >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "redis-server is missing: installing it with apt-get…"
    (apt-get install -y -q redis-server >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q redis-server >/dev/null; })
    # Debian's package starts a system-wide instance on 6379; we run our own and leave it alone.
  else
    echo "redis-server is not installed. As root run: apt-get install -y redis-server (or set REDIS_URL to a Redis you run)." >&2
    exit 1
  fi
}

wait_port() { # host port name seconds log
  local i
  for ((i = 0; i < $4 * 10; i++)); do
    if port_open "$1" "$2"; then return 0; fi
    sleep 0.1
  done
  echo "$3 did not come up on $1:$2." >&2
  show_log "$5" "$3"
  exit 1
}

port_open() { # host port
  node -e 'const s=require("net").connect(+process.argv[2],process.argv[1]);s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1))' "$1" "$2"
}

# A port held by something else (another checkout's services, a system PostgreSQL) would make
# our server fail with a message buried in its log: say it plainly instead.
require_free_port() { # port name
  if port_open 127.0.0.1 "$1"; then
    echo "Port $1 for $2 is already in use by another process. Stop it (another checkout's 'bash docker/services.sh stop'?) or choose other ports through DATABASE_URL, REDIS_URL and SMTP_URL." >&2
    exit 1
  fi
}

# PostgreSQL's default of 128 MB holds a county's data but not a province's supervision working
# set (assignments, items, the filed-reports index): its statistics then re-read pages from the
# OS cache on every run and grow faster than the data. A quarter of the memory, as PostgreSQL's
# guide suggests for a dedicated server, at most 2 GB here (the API and workers share the host).
shared_buffers() {
  if [ -n "${PG_SHARED_BUFFERS:-}" ]; then
    echo "$PG_SHARED_BUFFERS"
    return
  fi
  local kb
  kb="$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo 2>/dev/null || true)"
  [ -n "$kb" ] || kb=$((512 * 1024))
  local mb=$((kb / 4 / 1024))
  [ "$mb" -gt 2048 ] && mb=2048
  [ "$mb" -lt 128 ] && mb=128
  echo "${mb}MB"
}

# PostgreSQL gives each parallel query two workers besides the process that leads it. On two
# cores those three take turns, and each of them builds its own copy of the hash tables the
# statistics join (the plans, the reports filed): at province scale the statistics took 198 ms
# (p95) with two workers and 140 ms with one. Half the cores, at least one, at most four.
parallel_workers() {
  if [ -n "${PG_PARALLEL_WORKERS:-}" ]; then
    echo "$PG_PARALLEL_WORKERS"
    return
  fi
  local cores
  cores="$(nproc 2>/dev/null || echo 2)"
  local n=$((cores / 2))
  [ "$n" -lt 1 ] && n=1
  [ "$n" -gt 4 ] && n=4
  echo "$n"
}

start_postgres() {
  local bin port user pass db
  bin="$(pg_bin)"
  port="$(url_field "$DATABASE_URL" port)"; port="${port:-5432}"
  user="$(url_field "$DATABASE_URL" user)"; pass="$(url_field "$DATABASE_URL" password)"
  db="$(url_field "$DATABASE_URL" db)"
  mkdir -p "$pg_dir" "$pg_data" "$log_dir" "$pg_log_dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$pg_data" "$pg_log_dir"
    chmod 700 "$pg_data"
    if [ -n "$pg_elsewhere" ]; then chown postgres "$pg_dir"; chmod 700 "$pg_dir"; fi
  fi
  [ -n "$pg_elsewhere" ] && echo "PostgreSQL data in $pg_dir ($pg_elsewhere)"
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    if ! as_pg "$bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_log_dir/initdb.log" 2>&1 &&
      ! as_pg "$bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C >"$pg_log_dir/initdb.log" 2>&1; then
      show_log "$pg_log_dir/initdb.log" "PostgreSQL's initdb"
      exit 1
    fi
  fi
  if ! as_pg "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    require_free_port "$port" PostgreSQL
    if ! as_pg "$bin/pg_ctl" -D "$pg_data" -l "$pg_log_dir/postgres.log" -w -t 60 \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c timezone=UTC -c shared_buffers=$(shared_buffers) -c max_parallel_workers_per_gather=$(parallel_workers)" start >/dev/null; then
      show_log "$pg_log_dir/postgres.log" PostgreSQL
      exit 1
    fi
  fi
  wait_port 127.0.0.1 "$port" PostgreSQL 30 "$pg_log_dir/postgres.log"
  local psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname='$user'")" != 1 ]; then
    "${psql[@]}" -c "create role \"$user\" login password '$pass' createdb"
  fi
  if [ "$("${psql[@]}" -c "select 1 from pg_database where datname='$db'")" != 1 ]; then
    "${psql[@]}" -c "create database \"$db\" owner \"$user\" encoding 'UTF8' template template0"
  fi
  echo "PostgreSQL  127.0.0.1:$port  database $db (data in $pg_data)"
}

start_redis() {
  ensure_redis
  local port
  port="$(url_field "$REDIS_URL" port)"; port="${port:-6379}"
  mkdir -p "$redis_dir" "$log_dir"
  if [ ! -f "$redis_dir/redis.pid" ] || ! kill -0 "$(cat "$redis_dir/redis.pid")" 2>/dev/null; then
    require_free_port "$port" Redis
    redis-server --bind 127.0.0.1 --port "$port" --dir "$redis_dir" --daemonize yes \
      --pidfile "$redis_dir/redis.pid" --logfile "$log_dir/redis.log" --appendonly yes --save "" ||
      { show_log "$log_dir/redis.log" Redis; exit 1; }
  fi
  wait_port 127.0.0.1 "$port" Redis 20 "$log_dir/redis.log"
  echo "Redis       127.0.0.1:$port (data in $redis_dir)"
}

start_mail() {
  local port
  port="$(url_field "$SMTP_URL" port)"; port="${port:-25}"
  mkdir -p "$mail_dir" "$log_dir"
  if [ ! -f "$mail_dir/catcher.pid" ] || ! kill -0 "$(cat "$mail_dir/catcher.pid")" 2>/dev/null; then
    require_free_port "$port" "the mail catcher"
    nohup node "$here/mail-catcher.js" --smtp-port "$port" --http-port "$MAIL_UI_PORT" --dir "$mail_dir" \
      >"$log_dir/mail-catcher.log" 2>&1 &
    echo $! >"$mail_dir/catcher.pid"
  fi
  wait_port 127.0.0.1 "$port" "Mail catcher" 20 "$log_dir/mail-catcher.log"
  echo "Mail        smtp://127.0.0.1:$port, read the mail at http://127.0.0.1:$MAIL_UI_PORT/"
}

stop_pidfile() { # file
  if [ -f "$1" ]; then
    local pid; pid="$(cat "$1")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$1"
  fi
}

stop_all() {
  stop_pidfile "$mail_dir/catcher.pid"
  stop_pidfile "$redis_dir/redis.pid"
  if [ -f "$pg_data/PG_VERSION" ]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  echo "Services under $var_dir stopped."
}

case "${1:-}" in
  start) start_postgres; start_redis; start_mail ;;
  stop) stop_all ;;
  reset)
    stop_all >/dev/null
    rm -rf "$var_dir"
    [ -n "$pg_elsewhere" ] && rm -rf "$pg_dir"
    echo "Services stopped and their data deleted ($var_dir${pg_elsewhere:+ and $pg_dir})."
    ;;
  status)
    as_pg "$(pg_bin)/pg_ctl" -D "$pg_data" status || true
    [ -f "$redis_dir/redis.pid" ] && kill -0 "$(cat "$redis_dir/redis.pid")" 2>/dev/null && echo "redis running" || echo "redis stopped"
    [ -f "$mail_dir/catcher.pid" ] && kill -0 "$(cat "$mail_dir/catcher.pid")" 2>/dev/null && echo "mail catcher running" || echo "mail catcher stopped"
    ;;
  *) echo "usage: bash docker/services.sh start|stop|status|reset" >&2; exit 2 ;;
esac
