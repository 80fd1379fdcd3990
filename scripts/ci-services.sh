#!/usr/bin/env bash
# Install and start what the service tests need: PostgreSQL (a throwaway cluster under /tmp)
# and Debian Chromium (+ chromedriver) for the Playwright browser tests.
#
# Idempotent: packages are installed only when missing, the cluster is created once and
# started only when it is not running. Progress goes to stderr; stdout is exactly one line,
#     export CROSSWIRE_TEST_POSTGRES=postgresql://…
# so CI can do:  eval "$(scripts/ci-services.sh)"
#
# Environment: CROSSWIRE_PG_DIR (default /tmp/crosswire-pg), CROSSWIRE_PG_PORT (default 54329).
set -euo pipefail

PG_DIR="${CROSSWIRE_PG_DIR:-/tmp/crosswire-pg}"
PG_PORT="${CROSSWIRE_PG_PORT:-54329}"
PG_DB="crosswire_test"
log() { echo "ci-services: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        log "need root (or sudo) to run: $*"; exit 1; fi
}

pg_bin() {
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
    echo "$d"
}

# -- packages ---------------------------------------------------------------------------
missing=()
[ -n "$(pg_bin)" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
BIN="$(pg_bin)"
[ -n "$BIN" ] || { log "PostgreSQL binaries not found under /usr/lib/postgresql"; exit 1; }

# -- the throwaway cluster ----------------------------------------------------------------
# PostgreSQL refuses to run as root: as root, run it as the 'postgres' user.
if [ "$(id -u)" -eq 0 ]; then
    run_pg() { runuser -u postgres -- "$@"; }
else
    run_pg() { "$@"; }
fi

mkdir -p "$PG_DIR"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    log "initdb $PG_DIR/data"
    run_pg "$BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi
if ! run_pg "$BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    run_pg "$BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c full_page_writes=off" start >&2
fi
if ! run_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
    run_pg "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB" >&2
fi
log "PostgreSQL ready; Chromium at $(command -v chromium || echo missing)"
echo "export CROSSWIRE_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$PG_PORT/$PG_DB"
