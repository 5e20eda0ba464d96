#!/usr/bin/env bash
# Starts, stops and reports the real servers that the services' tests and the local demo need,
# without Docker: a PostgreSQL cluster from the installed server binaries and an Apache Kafka
# broker (KRaft, broker+controller in one JVM) from the broker's own jars on Maven Central.
#
#   infra/local-servers.sh start [postgres|kafka|all]   (default all)
#   infra/local-servers.sh stop  [postgres|kafka|all]   (default all)
#   infra/local-servers.sh status
#   infra/local-servers.sh env                           (connection settings as `export` lines)
#
# Environment:
#   OTELREF_PG_PORT            PostgreSQL port on 127.0.0.1 (15432)
#   OTELREF_KAFKA_PORT         Kafka broker port on 127.0.0.1 (19092)
#   OTELREF_KAFKA_CONTROLLER_PORT  KRaft controller port (broker port + 1)
#   OTELREF_START_TIMEOUT      seconds to wait for each server to become ready (120)
#   OTELREF_KAFKA_STOP_TIMEOUT seconds to wait after SIGTERM before SIGKILL (15)
#   OTELREF_PG_BIN             directory of pg_ctl/initdb (newest /usr/lib/postgresql/*/bin)
#   OTELREF_STATE_ROOT         parent of the PostgreSQL state (/var/tmp/otel-reference)
#   JAVA_HOME                  used for Kafka if it is a JDK >= 21 (else /usr/lib/jvm/temurin-25*)
#
# State lives in <repo>/.demo/ (Kafka's config, data, logs and pid file). PostgreSQL refuses to run
# as root, so under root it runs as the `postgres` OS user, and its data directory, log and socket
# live in a postgres-owned directory outside the checkout, which that user may not be able to
# traverse: $OTELREF_STATE_ROOT/<hash of the repo path>/postgres, linked as .demo/postgres.
# Only processes whose PIDs this script recorded (and whose command line still matches) are stopped.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=infra/lib.sh
. "$SCRIPT_DIR/lib.sh"

REPO_ROOT=$(otelref_repo_root)
DEMO_DIR=$REPO_ROOT/.demo
START_TIMEOUT=${OTELREF_START_TIMEOUT:-120}

# --- PostgreSQL -------------------------------------------------------------------------------
PG_HOST=127.0.0.1
PG_PORT=${OTELREF_PG_PORT:-15432}
REPO_HASH=$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)
PG_STATE_ROOT=${OTELREF_STATE_ROOT:-/var/tmp/otel-reference}
PG_HASH_DIR=$PG_STATE_ROOT/$REPO_HASH
PG_HOME=$PG_HASH_DIR/postgres # also the unix socket directory
PG_DATA=$PG_HOME/data
PG_LOG=$PG_HOME/postgres.log
PG_LINK=$DEMO_DIR/postgres
# role:database pairs; each role's password is its name.
PG_DATABASES=(checkout:checkout checkout:checkout_test billing:billing billing:billing_test)

# --- Kafka ------------------------------------------------------------------------------------
KAFKA_VERSION=4.1.1
KAFKA_HOST=127.0.0.1
KAFKA_PORT=${OTELREF_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${OTELREF_KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
KAFKA_STOP_TIMEOUT=${OTELREF_KAFKA_STOP_TIMEOUT:-15}
KAFKA_DIR=$DEMO_DIR/kafka
KAFKA_DATA=$KAFKA_DIR/data
KAFKA_PROPS=$KAFKA_DIR/server.properties
KAFKA_FORMAT_INFO=$KAFKA_DIR/format.properties
KAFKA_LOG=$KAFKA_DIR/server.log
KAFKA_CONSOLE=$KAFKA_DIR/console.log
KAFKA_PID_FILE=$KAFKA_DIR/kafka.pid
KAFKA_OFFSET_FILE=$KAFKA_DIR/server.log.offset
KAFKA_POM=$SCRIPT_DIR/kafka/pom.xml
KAFKA_LOG4J=$SCRIPT_DIR/kafka/log4j2.properties
CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/otel-reference
KAFKA_CP_FILE=
# name:partitions
KAFKA_TOPICS=(orders.placed:3 invoices.created:3 orders.placed.dlq:1 invoices.created.dlq:1)

usage() {
  cat <<EOF
usage: infra/local-servers.sh start [postgres|kafka|all]   (default all)
       infra/local-servers.sh stop  [postgres|kafka|all]   (default all)
       infra/local-servers.sh status
       infra/local-servers.sh env

PostgreSQL on $PG_HOST:$PG_PORT (OTELREF_PG_PORT), Kafka on $KAFKA_HOST:$KAFKA_PORT (OTELREF_KAFKA_PORT).
EOF
}

# ============================================================================================
# PostgreSQL
# ============================================================================================

pg_bin_dir() {
  local dir
  if [[ -n ${OTELREF_PG_BIN:-} ]]; then
    printf '%s\n' "$OTELREF_PG_BIN"
    return 0
  fi
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -n $dir ]]; then
    printf '%s\n' "$dir"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

PG_BIN=$(pg_bin_dir)

# The OS user that owns and runs the cluster: `postgres` under root (PostgreSQL refuses root),
# otherwise whoever runs this script.
pg_os_user() {
  if ((EUID == 0)); then printf 'postgres\n'; else id -un; fi
}

# Runs a command as the cluster's OS user, from / (the caller's cwd may be closed to that user).
pg_as() {
  if ((EUID == 0)); then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

pg_require_bin() {
  [[ -n $PG_BIN && -x $PG_BIN/pg_ctl && -x $PG_BIN/initdb ]] ||
    otelref_die postgres "no PostgreSQL server binaries (pg_ctl, initdb) found under /usr/lib/postgresql/*/bin;" \
      "install postgresql (apt-get install postgresql) or set OTELREF_PG_BIN"
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 ||
      otelref_die postgres "running as root but there is no 'postgres' OS user to run the server as"
    command -v runuser >/dev/null 2>&1 || otelref_die postgres "runuser (util-linux) is needed to run as postgres"
  fi
}

# PID of our postmaster if it runs (from postmaster.pid, checked against the process).
pg_pid() {
  otelref_live_pid "$PG_DATA/postmaster.pid" "$PG_DATA"
}

# The port our running postmaster listens on (line 4 of postmaster.pid).
pg_running_port() {
  sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true
}

pg_ready() {
  "$PG_BIN/pg_isready" -q -h "$PG_HOST" -p "$1" -t 2 >/dev/null 2>&1
}

# Writes stdin to FILE as the cluster's OS user.
pg_write_file() {
  pg_as tee "$1" >/dev/null
}

pg_prepare_dirs() {
  local user
  user=$(pg_os_user)
  if [[ ! -d $PG_STATE_ROOT ]]; then
    # Sticky and world-writable like /tmp, so other users' checkouts can have their own subdirectory.
    mkdir -p "$PG_STATE_ROOT"
    chmod 1777 "$PG_STATE_ROOT"
  fi
  if [[ ! -d $PG_HASH_DIR ]]; then
    mkdir -p "$PG_HASH_DIR"
  fi
  chown "$user:" "$PG_HASH_DIR"
  chmod 700 "$PG_HASH_DIR"
  printf '%s\n' "$REPO_ROOT" | pg_write_file "$PG_HASH_DIR/checkout-path"
  [[ -d $PG_HOME ]] || pg_as mkdir -m 700 "$PG_HOME"
  mkdir -p "$DEMO_DIR"
  ln -sfn "$PG_HOME" "$PG_LINK"
}

pg_initdb() {
  local user major
  user=$(pg_os_user)
  if [[ -f $PG_DATA/PG_VERSION ]]; then
    major=$("$PG_BIN/pg_ctl" --version | sed -n 's/.* \([0-9][0-9]*\)[.0-9]*.*/\1/p')
    if [[ $(cat "$PG_DATA/PG_VERSION") != "$major" ]]; then
      otelref_die postgres "the cluster in $PG_DATA is PostgreSQL $(cat "$PG_DATA/PG_VERSION") but the server" \
        "binaries in $PG_BIN are $major; remove $PG_HOME to start afresh"
    fi
    return 0
  fi
  if [[ -e $PG_DATA ]]; then
    otelref_log postgres "removing a half-initialised data directory from an earlier failed run"
    rm -rf "$PG_DATA"
  fi
  otelref_log postgres "first run: initdb of a new cluster in $PG_DATA (takes a few seconds)"
  if ! pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U "$user" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$PG_HOME/initdb.log" 2>&1; then
    otelref_log_tail postgres "$PG_HOME/initdb.log"
    rm -rf "$PG_DATA"
    otelref_die postgres "initdb failed"
  fi
  printf "\n# Settings of infra/local-servers.sh, rewritten on every start.\ninclude 'otelref.conf'\n" |
    pg_as tee -a "$PG_DATA/postgresql.conf" >/dev/null
  pg_write_file "$PG_DATA/pg_hba.conf" <<'EOF'
# infra/local-servers.sh: peer auth on the private unix socket (superuser, for setup only),
# passwords (SCRAM) over TCP on loopback for the services.
local   all   all                  peer
host    all   all   127.0.0.1/32   scram-sha-256
host    all   all   ::1/128        scram-sha-256
EOF
}

pg_write_conf() {
  pg_write_file "$PG_DATA/otelref.conf" <<EOF
# Written by infra/local-servers.sh on every start; edit the script, not this file.
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$PG_HOME'
max_connections = 200
password_encryption = 'scram-sha-256'
# A throw-away test/demo cluster: do not wait for the WAL flush at commit (crash-safe, may only
# lose the last few commits if the machine dies).
synchronous_commit = off
log_line_prefix = '%m [%p] %q%u@%d '
EOF
}

pg_ensure_roles_and_databases() {
  local pair role db roles=() sql=
  for pair in "${PG_DATABASES[@]}"; do
    role=${pair%%:*}
    [[ " ${roles[*]} " == *" $role "* ]] || roles+=("$role")
  done
  otelref_log postgres "ensuring roles ${roles[*]} and databases ${PG_DATABASES[*]#*:}"
  for role in "${roles[@]}"; do
    sql+="SELECT format('CREATE ROLE %I', '$role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role')"$'\n\\gexec\n'
    sql+="ALTER ROLE \"$role\" LOGIN PASSWORD '$role';"$'\n'
  done
  for pair in "${PG_DATABASES[@]}"; do
    role=${pair%%:*}
    db=${pair#*:}
    sql+="SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')"$'\n\\gexec\n'
    sql+="ALTER DATABASE \"$db\" OWNER TO \"$role\";"$'\n'
  done
  if ! printf '%s' "$sql" | pg_as "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOME" -p "$PG_PORT" \
    -U "$(pg_os_user)" -d postgres >/dev/null; then
    otelref_die postgres "could not create the roles and databases (see the psql error above)"
  fi
}

pg_start() {
  local pid t0 port
  t0=$(otelref_now_ms)
  pg_require_bin
  pid=$(pg_pid)
  if [[ -n $pid ]]; then
    port=$(pg_running_port)
    if [[ $port == "$PG_PORT" ]] && pg_ready "$PG_PORT"; then
      otelref_log postgres "already running (pid $pid) on $PG_HOST:$PG_PORT: nothing to do"
      return 0
    fi
    if [[ $port != "$PG_PORT" ]]; then
      otelref_die postgres "already running (pid $pid) but on port $port, not $PG_PORT;" \
        "run 'infra/local-servers.sh stop postgres' first to change the port"
    fi
    otelref_log postgres "running (pid $pid) but not accepting connections yet; waiting up to ${START_TIMEOUT}s"
    pg_wait_ready "$pid"
    return 0
  fi
  if otelref_port_in_use "$PG_PORT"; then
    otelref_fail_port_taken postgres "$PG_PORT" "PostgreSQL, OTELREF_PG_PORT" "Stop it, or choose another port with the env override."
  fi
  pg_prepare_dirs
  pg_initdb
  pg_write_conf
  otelref_log postgres "starting PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') on $PG_HOST:$PG_PORT (data $PG_DATA, log $PG_LOG)"
  if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start >/dev/null 9>&-; then
    otelref_log_tail postgres "$PG_LOG"
    otelref_die postgres "pg_ctl could not start the server (it exited or was not ready within ${START_TIMEOUT}s; log: $PG_LOG)"
  fi
  pid=$(pg_pid)
  pg_wait_ready "$pid"
  pg_ensure_roles_and_databases
  otelref_log postgres "ready (pid $pid) on $PG_HOST:$PG_PORT in $(otelref_since "$t0")"
}

pg_wait_ready() {
  local pid=$1 deadline=$((SECONDS + START_TIMEOUT))
  until pg_ready "$PG_PORT"; do
    if [[ -n $pid ]] && ! otelref_pid_alive "$pid"; then
      otelref_log_tail postgres "$PG_LOG"
      otelref_die postgres "the server (pid $pid) exited while starting (log: $PG_LOG)"
    fi
    if ((SECONDS >= deadline)); then
      otelref_log_tail postgres "$PG_LOG"
      otelref_die postgres "pg_isready still fails on $PG_HOST:$PG_PORT after ${START_TIMEOUT}s (log: $PG_LOG)"
    fi
    sleep 0.3
  done
}

pg_stop() {
  local pid t0
  t0=$(otelref_now_ms)
  pid=$(pg_pid)
  if [[ -z $pid ]]; then
    otelref_log postgres "not running"
    return 0
  fi
  pg_require_bin
  otelref_log postgres "stopping pid $pid (fast shutdown)"
  if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null; then
    otelref_log postgres "fast shutdown did not finish in 30 s: immediate shutdown"
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 15 stop >/dev/null || true
  fi
  if ! otelref_wait_for_exit "$pid" 5; then
    otelref_log postgres "pid $pid still alive: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    otelref_wait_for_exit "$pid" 5 || otelref_die postgres "pid $pid survived SIGKILL"
  fi
  otelref_log postgres "stopped in $(otelref_since "$t0")"
}

pg_status() {
  local pid port=$PG_PORT
  pid=$(pg_pid)
  if [[ -n $pid ]]; then
    port=$(pg_running_port)
    printf '%-9s %-22s running pid %s\n' postgres "$PG_HOST:$port" "$pid"
  else
    printf '%-9s %-22s stopped\n' postgres "$PG_HOST:$port"
  fi
}

# ============================================================================================
# Kafka
# ============================================================================================

kafka_pid() {
  otelref_live_pid "$KAFKA_PID_FILE" "$KAFKA_PROPS"
}

kafka_java() {
  local home
  home=$(otelref_find_java_home) ||
    otelref_die kafka "no JDK >= 21: set JAVA_HOME to one (or install Temurin 25 under /usr/lib/jvm)"
  printf '%s\n' "$home"
}

# Sets KAFKA_CP_FILE to a file holding the broker's classpath, resolving it with Maven when the
# cached one is missing, stale (pom changed) or names jars that are no longer in ~/.m2.
kafka_resolve_classpath() {
  local java_home=$1 key file tmp entry ok=1 t0
  key=$(sha256sum "$KAFKA_POM" | cut -c1-12)
  file=$CACHE_DIR/kafka-$KAFKA_VERSION-$key.classpath
  if [[ -s $file ]]; then
    while IFS= read -r -d: entry || [[ -n $entry ]]; do
      entry=${entry%$'\n'}
      if [[ ! -f $entry ]]; then
        ok=0
        break
      fi
    done <"$file"
    if ((ok)); then
      KAFKA_CP_FILE=$file
      return 0
    fi
    otelref_log kafka "the cached classpath names jars that are gone from the local Maven repository: resolving again"
  fi
  command -v mvn >/dev/null 2>&1 || otelref_die kafka "mvn is needed to resolve the Kafka jars (apt-get install maven)"
  mkdir -p "$CACHE_DIR" "$KAFKA_DIR"
  otelref_log kafka "resolving the broker's classpath with Maven (a first run downloads the Kafka $KAFKA_VERSION jars, ~90 jars / ~55 MB, into the local Maven repository: about a minute)"
  t0=$(otelref_now_ms)
  tmp=$(mktemp "$CACHE_DIR/.classpath.XXXXXX")
  if ! JAVA_HOME=$java_home mvn -B -q -f "$KAFKA_POM" dependency:build-classpath \
    -Dmdep.outputFile="$tmp" >"$KAFKA_DIR/mvn.log" 2>&1 </dev/null || [[ ! -s $tmp ]]; then
    rm -f "$tmp"
    otelref_log_tail kafka "$KAFKA_DIR/mvn.log"
    otelref_die kafka "Maven could not resolve the Kafka jars (log: $KAFKA_DIR/mvn.log)"
  fi
  mv "$tmp" "$file"
  otelref_log kafka "classpath resolved in $(otelref_since "$t0"), cached in $file"
  KAFKA_CP_FILE=$file
}

kafka_write_properties() {
  mkdir -p "$KAFKA_DIR"
  cat >"$KAFKA_PROPS" <<EOF
# Written by infra/local-servers.sh on every start; edit the script, not this file.
# A single node that is both broker and KRaft controller.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=24
log.segment.bytes=67108864
EOF
}

# Formats the KRaft storage once. The controller's endpoint is written into the storage at format
# time, so a changed controller port means formatting again (the demo's topics are lost).
kafka_format() {
  local java_home=$1 cp=$2 cluster_id formatted_port
  if [[ -f $KAFKA_DATA/meta.properties ]]; then
    formatted_port=$(sed -n 's/^controller.port=//p' "$KAFKA_FORMAT_INFO" 2>/dev/null || true)
    if [[ -z $formatted_port || $formatted_port == "$KAFKA_CONTROLLER_PORT" ]]; then
      return 0
    fi
    otelref_log kafka "controller port changed ($formatted_port -> $KAFKA_CONTROLLER_PORT): wiping $KAFKA_DATA and formatting again"
  elif [[ -e $KAFKA_DATA ]]; then
    otelref_log kafka "removing an unformatted data directory from an earlier failed run"
  fi
  rm -rf "$KAFKA_DATA"
  cluster_id=$("$java_home/bin/java" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$KAFKA_CONSOLE") ||
    otelref_die kafka "StorageTool random-uuid failed (log: $KAFKA_CONSOLE)"
  otelref_log kafka "first run: formatting KRaft storage in $KAFKA_DATA (cluster id $cluster_id)"
  if ! "$java_home/bin/java" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_PROPS" --standalone \
    >>"$KAFKA_CONSOLE" 2>&1 </dev/null; then
    otelref_log_tail kafka "$KAFKA_CONSOLE"
    rm -rf "$KAFKA_DATA"
    otelref_die kafka "formatting the storage failed (log: $KAFKA_CONSOLE)"
  fi
  printf 'cluster.id=%s\ncontroller.port=%s\n' "$cluster_id" "$KAFKA_CONTROLLER_PORT" >"$KAFKA_FORMAT_INFO"
}

# True if the broker answers on its port and server.log says it started since the launch (the
# size server.log had then is in KAFKA_OFFSET_FILE; older runs' lines must not count).
kafka_ready() {
  local offset size
  otelref_port_in_use "$KAFKA_PORT" "$KAFKA_HOST" || return 1
  [[ -f $KAFKA_LOG ]] || return 1
  offset=$(otelref_read_pid "$KAFKA_OFFSET_FILE")
  size=$(stat -c %s "$KAFKA_LOG")
  [[ -n $offset ]] || offset=0
  # Rolled over since the launch (20 MB): the line is gone, the open port has to do.
  ((size >= offset)) || return 0
  # Not `tail | grep -q`: grep's early exit would fail the pipeline (SIGPIPE) under pipefail.
  grep -q 'Kafka Server started' < <(tail -c +"$((offset + 1))" "$KAFKA_LOG")
}

# Waits until kafka_ready, failing with the log's tail on timeout or if the broker exits.
kafka_wait_ready() {
  local pid=$1 deadline=$((SECONDS + START_TIMEOUT))
  until kafka_ready; do
    if ! otelref_pid_alive "$pid"; then
      otelref_log_tail kafka "$KAFKA_LOG"
      otelref_log_tail kafka "$KAFKA_CONSOLE" 15
      rm -f "$KAFKA_PID_FILE"
      otelref_die kafka "the broker (pid $pid) exited while starting (logs: $KAFKA_LOG, $KAFKA_CONSOLE)"
    fi
    if ((SECONDS >= deadline)); then
      otelref_log_tail kafka "$KAFKA_LOG"
      otelref_die kafka "not ready on $KAFKA_HOST:$KAFKA_PORT after ${START_TIMEOUT}s (pid $pid still runs;" \
        "logs: $KAFKA_LOG, $KAFKA_CONSOLE); stop it with 'infra/local-servers.sh stop kafka'"
    fi
    sleep 0.3
  done
}

# Creates the topics the services use, if they do not exist yet (auto-creation would make them
# with num.partitions, which is wrong for the DLQ). A topic whose first partition has its
# directory in the broker's storage exists, which spares a JVM on most starts; otherwise one
# JVM lists the topics and one more creates each missing one.
kafka_ensure_topics() {
  local java_home=$1 cp=$2 existing spec name partitions missing=()
  local tool=("$java_home/bin/java" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
    -cp "$cp" org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT")
  for spec in "${KAFKA_TOPICS[@]}"; do
    [[ -d $KAFKA_DATA/${spec%%:*}-0 ]] || missing+=("$spec")
  done
  if ((${#missing[@]} > 0)); then
    existing=$("${tool[@]}" --list 2>>"$KAFKA_CONSOLE" </dev/null) ||
      otelref_die kafka "could not list topics (log: $KAFKA_CONSOLE)"
    missing=()
    for spec in "${KAFKA_TOPICS[@]}"; do
      grep -qxF -- "${spec%%:*}" <<<"$existing" || missing+=("$spec")
    done
  fi
  if ((${#missing[@]} == 0)); then
    otelref_log kafka "topics present: ${KAFKA_TOPICS[*]%%:*}"
    return 0
  fi
  for spec in "${missing[@]}"; do
    name=${spec%%:*}
    partitions=${spec#*:}
    otelref_log kafka "creating topic $name ($partitions partition(s))"
    "${tool[@]}" --create --if-not-exists --topic "$name" --partitions "$partitions" \
      --replication-factor 1 >>"$KAFKA_CONSOLE" 2>&1 </dev/null ||
      otelref_die kafka "could not create topic $name (log: $KAFKA_CONSOLE)"
  done
}

kafka_start() {
  local pid t0 java_home cp offset
  t0=$(otelref_now_ms)
  pid=$(kafka_pid)
  if [[ -n $pid ]]; then
    if kafka_ready; then
      otelref_log kafka "already running (pid $pid) on $KAFKA_HOST:$KAFKA_PORT: nothing to do"
      return 0
    fi
    otelref_log kafka "running (pid $pid) but not ready on $KAFKA_HOST:$KAFKA_PORT yet; waiting up to ${START_TIMEOUT}s"
    kafka_wait_ready "$pid"
    otelref_log kafka "ready (pid $pid) on $KAFKA_HOST:$KAFKA_PORT in $(otelref_since "$t0")"
    return 0
  fi
  if [[ -f $KAFKA_PID_FILE ]]; then
    otelref_log kafka "removing stale pid file (pid $(otelref_read_pid "$KAFKA_PID_FILE") is not our broker any more)"
    rm -f "$KAFKA_PID_FILE"
  fi
  if otelref_port_in_use "$KAFKA_PORT"; then
    otelref_fail_port_taken kafka "$KAFKA_PORT" "Kafka broker, OTELREF_KAFKA_PORT" "Stop it, or choose another port with the env override."
  fi
  if otelref_port_in_use "$KAFKA_CONTROLLER_PORT"; then
    otelref_fail_port_taken kafka "$KAFKA_CONTROLLER_PORT" "Kafka controller, OTELREF_KAFKA_CONTROLLER_PORT" "Stop it, or choose another port with the env override."
  fi
  java_home=$(kafka_java)
  kafka_resolve_classpath "$java_home"
  cp=$(<"$KAFKA_CP_FILE")
  kafka_write_properties
  kafka_format "$java_home" "$cp"
  offset=0
  [[ -f $KAFKA_LOG ]] && offset=$(stat -c %s "$KAFKA_LOG")
  printf '%s\n' "$offset" >"$KAFKA_OFFSET_FILE"
  printf '\n=== %s start (infra/local-servers.sh)\n' "$(date -Is)" >>"$KAFKA_CONSOLE"
  otelref_log kafka "starting Kafka $KAFKA_VERSION (KRaft broker+controller, Java $(otelref_jdk_major "$java_home")) on $KAFKA_HOST:$KAFKA_PORT, controller :$KAFKA_CONTROLLER_PORT (log $KAFKA_LOG)"
  # The class-data-sharing archive is written when the first broker exits and roughly halves the
  # CPU time of every later start (the JVM recreates it if the JDK or classpath changes).
  pid=$(otelref_launch kafka "$KAFKA_PID_FILE" "$KAFKA_CONSOLE" "$KAFKA_DIR" \
    "$java_home/bin/java" -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$KAFKA_DIR/broker-cds.jsa" -Xlog:cds*=off \
    -Djava.awt.headless=true -Dkafka.logs.dir="$KAFKA_DIR" -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -cp "$cp" kafka.Kafka "$KAFKA_PROPS")
  otelref_log kafka "started pid $pid; waiting for readiness (timeout ${START_TIMEOUT}s)"
  kafka_wait_ready "$pid"
  otelref_log kafka "broker up after $(otelref_since "$t0"); ensuring topics"
  kafka_ensure_topics "$java_home" "$cp"
  otelref_log kafka "ready (pid $pid) on $KAFKA_HOST:$KAFKA_PORT in $(otelref_since "$t0")"
}

kafka_stop() {
  local pid
  pid=$(kafka_pid)
  if [[ -z $pid ]]; then
    if [[ -f $KAFKA_PID_FILE ]]; then
      otelref_log kafka "not running (removing stale pid file)"
      rm -f "$KAFKA_PID_FILE"
    else
      otelref_log kafka "not running"
    fi
    return 0
  fi
  otelref_stop_pid kafka "$pid" "$KAFKA_STOP_TIMEOUT" "$KAFKA_PID_FILE"
}

kafka_status() {
  local pid
  pid=$(kafka_pid)
  if [[ -n $pid ]]; then
    printf '%-9s %-22s running pid %s\n' kafka "$KAFKA_HOST:$KAFKA_PORT" "$pid"
  else
    printf '%-9s %-22s stopped\n' kafka "$KAFKA_HOST:$KAFKA_PORT"
  fi
}

# ============================================================================================

print_env() {
  local line
  for line in \
    "OTELREF_PG_HOST=$PG_HOST" \
    "OTELREF_PG_PORT=$PG_PORT" \
    "CHECKOUT_DB_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/checkout" \
    "CHECKOUT_DB_USER=checkout" \
    "CHECKOUT_DB_PASSWORD=checkout" \
    "BILLING_DB_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/billing" \
    "BILLING_DB_USER=billing" \
    "BILLING_DB_PASSWORD=billing" \
    "OTELREF_KAFKA_PORT=$KAFKA_PORT" \
    "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_HOST:$KAFKA_PORT"; do
    printf 'export %s=%q\n' "${line%%=*}" "${line#*=}"
  done
}

# Which servers a start/stop argument names, in start order.
servers_of() {
  case ${1:-all} in
    all) printf 'postgres kafka\n' ;;
    postgres | pg) printf 'postgres\n' ;;
    kafka) printf 'kafka\n' ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

check_ports() {
  local name port
  for name in OTELREF_PG_PORT:$PG_PORT OTELREF_KAFKA_PORT:$KAFKA_PORT OTELREF_KAFKA_CONTROLLER_PORT:$KAFKA_CONTROLLER_PORT; do
    port=${name#*:}
    [[ $port =~ ^[0-9]+$ ]] || otelref_die servers "${name%%:*} must be a port number, not '$port'"
  done
}

main() {
  local cmd=${1:-} server servers=() list i
  check_ports
  case $cmd in
    start)
      list=$(servers_of "${2:-all}")
      read -r -a servers <<<"$list"
      otelref_take_lock servers "$DEMO_DIR/.lock" 300
      for server in "${servers[@]}"; do
        case $server in
          postgres) pg_start ;;
          kafka) kafka_start ;;
        esac
      done
      ;;
    stop)
      list=$(servers_of "${2:-all}")
      read -r -a servers <<<"$list"
      otelref_take_lock servers "$DEMO_DIR/.lock" 300
      # Reverse order: Kafka first, then PostgreSQL.
      for ((i = ${#servers[@]} - 1; i >= 0; i--)); do
        server=${servers[i]}
        case $server in
          postgres) pg_stop ;;
          kafka) kafka_stop ;;
        esac
      done
      ;;
    status)
      pg_status
      kafka_status
      ;;
    env) print_env ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
