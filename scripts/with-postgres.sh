#!/usr/bin/env bash
# scripts/with-postgres.sh CMD [ARGS...]
#
# Runs CMD against a throwaway PostgreSQL 15: a fresh cluster in a temp directory, listening on a
# free port on 127.0.0.1 only (and a unix socket inside the temp directory), trust auth, durability
# switched off for speed, with a database `carevoice_test`. CMD sees
#   CAREVOICE_TEST_DB_URL=postgresql://postgres@127.0.0.1:PORT/carevoice_test
# The server is stopped and the directory deleted on every exit path; the script exits with CMD's
# status. Safe to run repeatedly and in parallel (ctest -j).
set -euo pipefail

readonly PG_BIN="${CAREVOICE_PG_BIN:-/usr/lib/postgresql/15/bin}"
readonly DB_NAME="carevoice_test"
readonly START_ATTEMPTS=5

log() { echo "with-postgres.sh: $*" >&2; }

if [[ $# -eq 0 ]]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi
for tool in initdb pg_ctl createdb; do
    if [[ ! -x "$PG_BIN/$tool" ]]; then
        log "PostgreSQL 15 server not found ($PG_BIN/$tool is missing); run 'make deps' (or scripts/install-deps.sh) first"
        exit 1
    fi
done

# PostgreSQL refuses to run as root, so under root (CI containers) the server runs as the `postgres`
# system user that the Debian package created.
if [[ $(id -u) -eq 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
        log "running as root but there is no 'postgres' user to run the server; run 'make deps' (or scripts/install-deps.sh)"
        exit 1
    fi
    as_server_user() { runuser -u postgres -- "$@"; }
else
    as_server_user() { "$@"; }
fi

# The server user must be able to reach the temp directory; root's TMPDIR may be private to root.
tmp_base="${TMPDIR:-/tmp}"
if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$tmp_base" 2>/dev/null; then
    tmp_base=/tmp
fi
workdir="$(mktemp -d "$tmp_base/carevoice-pg.XXXXXX")"
datadir="$workdir/data"
logfile="$workdir/server.log"
server_started=0

cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    if [[ $server_started -eq 1 ]]; then
        as_server_user "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf -- "$workdir"
    exit "$status"
}
cmd_pid=""
# A signal stops CMD (TERM: a background job ignores INT) and waits for it, then cleans up.
on_signal() {
    if [[ -n "$cmd_pid" ]]; then
        kill -TERM "$cmd_pid" 2>/dev/null || true
        wait "$cmd_pid" 2>/dev/null || true
    fi
    exit "$1"
}
trap cleanup EXIT
trap 'on_signal 129' HUP
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$workdir"
fi
chmod 0700 "$workdir"

if ! as_server_user "$PG_BIN/initdb" -D "$datadir" -U postgres -A trust -E UTF8 --no-locale --no-sync \
    --no-instructions >"$workdir/initdb.log" 2>&1; then
    log "initdb failed:"
    cat "$workdir/initdb.log" >&2
    exit 1
fi
cat >>"$datadir/postgresql.conf" <<EOF
# with-postgres.sh: a throwaway cluster for tests; nothing here needs to survive a crash.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$workdir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
EOF

# A free port: ask the kernel for one. Another process may take it before the server binds, so a
# failed start is retried on a new port.
free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
            2>/dev/null && return
    fi
    echo $((20000 + RANDOM % 40000))
}

port=""
for attempt in $(seq 1 "$START_ATTEMPTS"); do
    candidate="$(free_port)"
    if as_server_user "$PG_BIN/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 -o "-p $candidate" start \
        >/dev/null 2>&1; then
        port="$candidate"
        server_started=1
        break
    fi
    # pg_ctl may give up while the postmaster is still starting; make sure nothing is left running.
    as_server_user "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null 2>&1 || true
    log "server did not start on port $candidate (attempt $attempt of $START_ATTEMPTS)"
done
if [[ -z "$port" ]]; then
    log "could not start PostgreSQL; server log:"
    cat "$logfile" >&2 || true
    exit 1
fi

# If this script is killed outright (SIGKILL on a ctest timeout), no trap runs: a detached watchdog
# stops the server and removes the directory once this shell is gone. Its output goes nowhere so
# that it does not hold the caller's pipes open.
watchdog_script='
    while kill -0 "$1" 2>/dev/null; do sleep 2; done
    if [ -d "$3" ]; then
        if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$2/pg_ctl" -D "$3/data" -m immediate stop
        else "$2/pg_ctl" -D "$3/data" -m immediate stop; fi
        rm -rf -- "$3"
    fi'
setsid bash -c "$watchdog_script" watchdog "$$" "$PG_BIN" "$workdir" </dev/null >/dev/null 2>&1 &

if ! as_server_user "$PG_BIN/createdb" -h "$workdir" -p "$port" -U postgres "$DB_NAME" 2>"$workdir/createdb.log"; then
    log "createdb failed:"
    cat "$workdir/createdb.log" >&2
    exit 1
fi

export CAREVOICE_TEST_DB_URL="postgresql://postgres@127.0.0.1:$port/$DB_NAME"
# CMD runs in the background so that a signal to this script is handled at once (bash defers traps
# until a foreground command ends); its stdin stays the terminal's.
set +e
"$@" <&0 &
cmd_pid=$!
wait "$cmd_pid"
cmd_status=$?
cmd_pid=""
set -e
exit "$cmd_status"
