# Defaults for local runs, shared by the scripts in this folder. Anything already set in the
# environment wins. The test command sources this with LUOSHI_PROFILE=test so a running dev
# stack and a test run never share ports or data.
root="${root:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
LUOSHI_PROFILE="${LUOSHI_PROFILE:-dev}"
if [ "$LUOSHI_PROFILE" = test ]; then
  _pg=54321 _redis=63791 _smtp=10251 _ui=8026
else
  _pg=54320 _redis=63790 _smtp=10250 _ui=8025
fi
export LUOSHI_VAR_DIR="${LUOSHI_VAR_DIR:-$root/var/$LUOSHI_PROFILE}"
export DATABASE_URL="${DATABASE_URL:-postgres://luoshi:luoshi@127.0.0.1:$_pg/luoshi}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$_redis}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:$_smtp}"
export MAIL_UI_PORT="${MAIL_UI_PORT:-$_ui}"
export STORAGE_DIR="${STORAGE_DIR:-$LUOSHI_VAR_DIR/files}"
unset _pg _redis _smtp _ui
