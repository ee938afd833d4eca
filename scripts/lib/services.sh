# shellcheck shell=bash
# PostgreSQL and Redis: use the ones already answering on 127.0.0.1, otherwise
# start private instances with their data under storage/ and stop them on exit.
# Sourced by scripts/lib/setup.sh.

SHOAL_PG_PORT=${SHOAL_PG_PORT:-5432}
SHOAL_REDIS_PORT=${SHOAL_REDIS_PORT:-6379}
[[ $SHOAL_PG_PORT =~ ^[0-9]+$ ]] || die "SHOAL_PG_PORT=\"$SHOAL_PG_PORT\" is not a port number"
[[ $SHOAL_REDIS_PORT =~ ^[0-9]+$ ]] || die "SHOAL_REDIS_PORT=\"$SHOAL_REDIS_PORT\" is not a port number"

SHOAL_PG_DATA=$SHOAL_STORAGE/postgres
SHOAL_REDIS_DIR=$SHOAL_STORAGE/redis
SHOAL_PG_BIN=
SHOAL_REDIS_PID=

# PostgreSQL refuses to run as root: as root it runs as the `postgres` OS user.
as_postgres() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

# 0 = accepting connections, 1 = starting up or shutting down, 2 = no answer.
pg_state() {
  local status=0
  pg_isready -q -h 127.0.0.1 -p "$SHOAL_PG_PORT" -t 3 || status=$?
  return "$status"
}

ensure_postgres() {
  local state=0 i error
  pg_state || state=$?
  if ((state == 1)); then
    for ((i = 0; i < 60 && state == 1; i++)); do
      sleep 0.5
      state=0
      pg_state || state=$?
    done
  fi
  case $state in
    0) ;;
    2) start_private_postgres ;;
    *) die "PostgreSQL on 127.0.0.1:$SHOAL_PG_PORT is not accepting connections (pg_isready exit $state)." ;;
  esac
  if ! error=$(PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -p "$SHOAL_PG_PORT" -U postgres -d postgres -w -XAtqc 'SELECT 1' 2>&1); then
    die "PostgreSQL answers on 127.0.0.1:$SHOAL_PG_PORT but user postgres cannot log in without a password:
    $error
  Shoal's local set-up expects trust authentication for 127.0.0.1 (a line
  'host all postgres 127.0.0.1/32 trust' in pg_hba.conf), or run with another
  SHOAL_PG_PORT (e.g. SHOAL_PG_PORT=5433) to get a private instance under storage/postgres."
  fi
}

# The postgres user must be able to reach storage/postgres: a checkout under a
# private home (/root is mode 700) is not reachable.
check_postgres_can_reach() {
  ((EUID == 0)) || return 0
  as_postgres test -w "$SHOAL_PG_DATA" && return 0
  # Walk down from / to name the first folder that blocks it.
  local dir='' part
  local -a parts
  IFS=/ read -ra parts <<<"${SHOAL_PG_DATA#/}"
  for part in "${parts[@]}"; do
    dir+=/$part
    if ! as_postgres test -x "$dir"; then
      die "the postgres user cannot reach $SHOAL_PG_DATA because $dir is closed to other users.
  Either clone Shoal somewhere else (e.g. /srv/shoal), open that folder with 'chmod o+x $dir',
  or provide a PostgreSQL server yourself on 127.0.0.1:$SHOAL_PG_PORT."
    fi
  done
  die "the postgres user cannot write to $SHOAL_PG_DATA."
}

start_private_postgres() {
  local version=''
  [[ -f $SHOAL_PG_DATA/PG_VERSION ]] && version=$(<"$SHOAL_PG_DATA/PG_VERSION")
  SHOAL_PG_BIN=$(pg_bindir "$version") || die "PostgreSQL server binaries (initdb) not found."
  if [[ -n $version && $SHOAL_PG_BIN == /usr/lib/postgresql/* && $SHOAL_PG_BIN != "/usr/lib/postgresql/$version/bin" ]]; then
    die "storage/postgres was made by PostgreSQL $version, which is not installed here.
  Install it (apt-get install postgresql-$version), or move storage/postgres away to start afresh."
  fi
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || die "there is no 'postgres' OS user to run PostgreSQL (is the postgresql package installed?)."
    mkdir -p "$SHOAL_PG_DATA"
    chown postgres:postgres "$SHOAL_PG_DATA"
  else
    mkdir -p "$SHOAL_PG_DATA"
  fi
  chmod 700 "$SHOAL_PG_DATA"
  check_postgres_can_reach
  if [[ -n $version ]] && as_postgres "$SHOAL_PG_BIN/pg_ctl" -D "$SHOAL_PG_DATA" status >/dev/null 2>&1; then
    die "storage/postgres is in use by a PostgreSQL server that does not answer on port $SHOAL_PG_PORT
  (started with another SHOAL_PG_PORT?). Stop it first: $SHOAL_PG_BIN/pg_ctl -D $SHOAL_PG_DATA stop"
  fi

  if [[ -z $version ]]; then
    say "Creating a PostgreSQL database cluster in storage/postgres"
    run_logged "initdb" as_postgres "$SHOAL_PG_BIN/initdb" -D "$SHOAL_PG_DATA" -U postgres \
      --auth=trust --encoding=UTF8 --locale=C.UTF-8
  fi

  say "Starting PostgreSQL on 127.0.0.1:$SHOAL_PG_PORT (data in storage/postgres)"
  # Registered before starting: an interruption during start-up still stops it.
  at_exit stop_private_postgres
  # No Unix socket: its default folder may not exist, and only TCP is used.
  run_logged "starting PostgreSQL (log: storage/postgres/server.log)" \
    as_postgres "$SHOAL_PG_BIN/pg_ctl" -D "$SHOAL_PG_DATA" -l "$SHOAL_PG_DATA/server.log" -w -t 60 \
    -o "-p $SHOAL_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start
}

stop_private_postgres() {
  [[ -f $SHOAL_PG_DATA/postmaster.pid ]] || return 0
  say "Stopping PostgreSQL (127.0.0.1:$SHOAL_PG_PORT)"
  as_postgres "$SHOAL_PG_BIN/pg_ctl" -D "$SHOAL_PG_DATA" -m fast -w -t 60 stop >/dev/null ||
    warn "PostgreSQL did not stop; see storage/postgres/server.log"
}

redis_ping() {
  # `timeout`: something else listening on the port may never answer.
  timeout 10 redis-cli -h 127.0.0.1 -p "$SHOAL_REDIS_PORT" ping 2>&1 || true
}

ensure_redis() {
  local reply i=0
  reply=$(redis_ping)
  # LOADING: a Redis that just started is still reading its data.
  while [[ $reply == *LOADING* ]] && ((i++ < 60)); do
    sleep 0.5
    reply=$(redis_ping)
  done
  case $reply in
    PONG) ;;
    *NOAUTH* | *WRONGPASS*)
      die "Redis on 127.0.0.1:$SHOAL_REDIS_PORT wants a password; run with another SHOAL_REDIS_PORT (e.g. 6380) to get a private instance." ;;
    *'Could not connect'* | *'Connection refused'*) start_private_redis ;;
    *) die "Redis on 127.0.0.1:$SHOAL_REDIS_PORT answered PING with: ${reply:-nothing (is it Redis?)}" ;;
  esac
}

start_private_redis() {
  local pidfile=$SHOAL_REDIS_DIR/redis.pid i
  mkdir -p "$SHOAL_REDIS_DIR"
  if [[ -s $pidfile && $(cat "/proc/$(<"$pidfile")/comm" 2>/dev/null) == redis-server* ]]; then
    die "storage/redis is in use by a Redis server (pid $(<"$pidfile")) that does not answer on port $SHOAL_REDIS_PORT
  (started with another SHOAL_REDIS_PORT?). Stop it first: kill $(<"$pidfile")"
  fi
  rm -f "$pidfile"
  say "Starting Redis on 127.0.0.1:$SHOAL_REDIS_PORT (data in storage/redis)"
  at_exit stop_private_redis
  run_logged "starting Redis" redis-server --bind 127.0.0.1 --port "$SHOAL_REDIS_PORT" \
    --dir "$SHOAL_REDIS_DIR" --daemonize yes --pidfile "$pidfile" --logfile "$SHOAL_REDIS_DIR/redis.log"
  for ((i = 0; i < 100; i++)); do
    [[ -z $SHOAL_REDIS_PID && -s $pidfile ]] && SHOAL_REDIS_PID=$(<"$pidfile")
    [[ -n $SHOAL_REDIS_PID && $(redis_ping) == PONG ]] && return 0
    sleep 0.2
  done
  tail -n 20 "$SHOAL_REDIS_DIR/redis.log" | sed 's/^/    /' >&2 || true
  die "Redis did not start on 127.0.0.1:$SHOAL_REDIS_PORT (log: storage/redis/redis.log)."
}

stop_private_redis() {
  local pid=$SHOAL_REDIS_PID i
  # Interrupted before the pid was read: the pid file has it.
  if [[ -z $pid && -s $SHOAL_REDIS_DIR/redis.pid ]]; then pid=$(<"$SHOAL_REDIS_DIR/redis.pid"); fi
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  say "Stopping Redis (127.0.0.1:$SHOAL_REDIS_PORT)"
  # SIGTERM: Redis saves its data (storage/redis/dump.rdb), then exits.
  kill -TERM "$pid"
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  warn "Redis (pid $pid) did not stop; see storage/redis/redis.log"
}

# URLs of the PostgreSQL server and Redis checked above, for scripts/up and scripts/test.
# shellcheck disable=SC2034
{
  SHOAL_PG_URL=postgres://postgres@127.0.0.1:$SHOAL_PG_PORT
  SHOAL_REDIS_URL=redis://127.0.0.1:$SHOAL_REDIS_PORT
}
