# shellcheck shell=bash
# Throwaway PostgreSQL 15 + PostGIS cluster for Truce's tests and benchmarks.
#
#   source scripts/pg-throwaway.sh
#   pg_throwaway_start    # initdb into a temp dir, start on 127.0.0.1:<free port>,
#                         # create role truce/truce, database truce_test, extension postgis
#   ...                   # run tests / benchmarks / psql
#   pg_throwaway_stop     # stop the server and delete the temp dir
#
# pg_throwaway_start exports:
#   TRUCE_TEST_PG_URL=jdbc:postgresql://127.0.0.1:<port>/truce_test
#   TRUCE_TEST_PG_USER=truce  TRUCE_TEST_PG_PASSWORD=truce
#   PGHOST=127.0.0.1 PGPORT=<port> PGUSER=truce PGPASSWORD=truce PGDATABASE=truce_test  (plain `psql` works)
#   PG_THROWAWAY_DIR (the temp dir; data/ and the unix socket live there), PG_THROWAWAY_PORT
#
# Running this file directly (bash scripts/pg-throwaway.sh) is a self-check:
# start, print postgis_full_version() over TCP as truce, stop.
#
# Needs Debian's postgresql-15 and postgresql-15-postgis-3 (scripts/test.sh installs them).
# As root the server runs as the `postgres` system user (initdb refuses root);
# as any other user it runs as that user. A system cluster on 5432 does not matter.
# Optional settings: PG_THROWAWAY_BINDIR (default /usr/lib/postgresql/15/bin),
#                    PG_THROWAWAY_LOG_PREFIX (default "[pg-throwaway]").
# Sourcing changes no shell options; the functions return non-zero on failure.

_pgtw_log() { printf '%s %s\n' "${PG_THROWAWAY_LOG_PREFIX:-[pg-throwaway]}" "$*" >&2; }

_pgtw_bindir() { printf '%s' "${PG_THROWAWAY_BINDIR:-/usr/lib/postgresql/15/bin}"; }

# Run a command as the cluster's owner, from inside the cluster dir (postgres
# tools dislike a current directory they cannot read, such as /root).
_pgtw_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd "$PG_THROWAWAY_DIR" && runuser -u postgres -- "$@")
    else
      (cd "$PG_THROWAWAY_DIR" && su -s /bin/sh -c 'exec "$0" "$@"' -- postgres "$@")
    fi
  else
    (cd "$PG_THROWAWAY_DIR" && "$@")
  fi
}

# True when something already listens on TCP port $1.
_pgtw_port_busy() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

_pgtw_show_log() {
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    _pgtw_log "---- $(basename "$f") (last 30 lines) ----"
    tail -n 30 "$f" >&2
  done
}

pg_throwaway_start() {
  local bindir t0 dir data port attempt started=0
  bindir=$(_pgtw_bindir)
  t0=$SECONDS
  if [ -n "${PG_THROWAWAY_DIR:-}" ] && [ -f "$PG_THROWAWAY_DIR/data/postmaster.pid" ]; then
    _pgtw_log "throwaway cluster already running on 127.0.0.1:${PG_THROWAWAY_PORT:-?} ($PG_THROWAWAY_DIR)"
    return 0
  fi
  local tool
  for tool in initdb pg_ctl psql; do
    if [ ! -x "$bindir/$tool" ]; then
      _pgtw_log "ERROR: $bindir/$tool not found: install Debian packages postgresql-15 and postgresql-15-postgis-3"
      return 1
    fi
  done
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    _pgtw_log "ERROR: running as root but there is no 'postgres' system user (the postgresql-15 package creates it)"
    return 1
  fi

  dir=$(mktemp -d /tmp/truce-pg.XXXXXX) || { _pgtw_log "ERROR: mktemp failed"; return 1; }
  export PG_THROWAWAY_DIR=$dir
  data=$dir/data
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir" || { pg_throwaway_stop; return 1; }
  fi
  chmod 700 "$dir"

  _pgtw_log "initdb into $data"
  if ! _pgtw_as_owner "$bindir/initdb" -D "$data" -U postgres \
        --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1; then
    _pgtw_log "ERROR: initdb failed"
    _pgtw_show_log "$dir/initdb.log"
    pg_throwaway_stop
    return 1
  fi
  cat >>"$data/postgresql.conf" <<EOF

# --- throwaway test cluster (scripts/pg-throwaway.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
log_min_messages = warning
EOF

  # Pick a free port from a random start; if another process grabs it between
  # the check and the bind, try the next one.
  port=$((15000 + RANDOM % 17000))
  for attempt in $(seq 1 30); do
    port=$((port + 1))
    [ "$port" -gt 32000 ] && port=15000
    _pgtw_port_busy "$port" && continue
    rm -f "$dir/server.log"   # let the owner create it (pg_ctl -l appends)
    if _pgtw_as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
          -o "-p $port" start >"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    if grep -q 'Address already in use' "$dir/server.log" 2>/dev/null; then
      _pgtw_log "port $port taken meanwhile, trying another"
      continue
    fi
    _pgtw_log "ERROR: pg_ctl start failed"
    _pgtw_show_log "$dir/pg_ctl.log" "$dir/server.log"
    pg_throwaway_stop
    return 1
  done
  if [ "$started" -ne 1 ]; then
    _pgtw_log "ERROR: found no free port to start PostgreSQL on"
    pg_throwaway_stop
    return 1
  fi
  export PG_THROWAWAY_PORT=$port

  # Superuser work over the unix socket in the temp dir (trust auth).
  local -a su_psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres)
  if ! { "${su_psql[@]}" -d postgres \
           -c "CREATE ROLE truce LOGIN CREATEDB PASSWORD 'truce'" \
           -c "CREATE DATABASE truce_test OWNER truce" &&
         "${su_psql[@]}" -d truce_test -c "CREATE EXTENSION postgis"; } >"$dir/setup.log" 2>&1; then
    _pgtw_log "ERROR: creating role/database/PostGIS failed (is postgresql-15-postgis-3 installed?)"
    _pgtw_show_log "$dir/setup.log" "$dir/server.log"
    pg_throwaway_stop
    return 1
  fi

  export TRUCE_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/truce_test"
  export TRUCE_TEST_PG_USER=truce
  export TRUCE_TEST_PG_PASSWORD=truce
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=truce PGPASSWORD=truce PGDATABASE=truce_test

  # Prove what the tests will do: password login over TCP.
  if ! "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U truce -d truce_test \
         -c 'SELECT 1' >"$dir/check.log" 2>&1; then
    _pgtw_log "ERROR: cannot log in as truce over TCP to 127.0.0.1:$port"
    _pgtw_show_log "$dir/check.log" "$dir/server.log"
    pg_throwaway_stop
    return 1
  fi
  _pgtw_log "PostgreSQL 15 + PostGIS ready on 127.0.0.1:$port (db truce_test, user truce) in $((SECONDS - t0))s"
}

pg_throwaway_stop() {
  local dir=${PG_THROWAWAY_DIR:-} bindir pid
  bindir=$(_pgtw_bindir)
  if [ -n "$dir" ] && [ -d "$dir" ]; then
    if [ -f "$dir/data/postmaster.pid" ]; then
      if ! _pgtw_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 &&
         ! _pgtw_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
        pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || pid=
        case "$pid" in ''|*[!0-9]*) ;; *) kill -9 "$pid" 2>/dev/null || true; sleep 1 ;; esac
      fi
    fi
    case "$dir" in
      /tmp/truce-pg.*) rm -rf -- "$dir" ;;
      *) _pgtw_log "not deleting unexpected dir $dir" ;;
    esac
    _pgtw_log "throwaway PostgreSQL stopped and $dir removed"
  fi
  unset PG_THROWAWAY_DIR PG_THROWAWAY_PORT
  unset TRUCE_TEST_PG_URL TRUCE_TEST_PG_USER TRUCE_TEST_PG_PASSWORD
  unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
  return 0
}

# Executed rather than sourced: self-check.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  trap pg_throwaway_stop EXIT
  pg_throwaway_start
  "$(_pgtw_bindir)/psql" -X -At -v ON_ERROR_STOP=1 -c 'SELECT postgis_full_version()'
fi
