#!/usr/bin/env bash
# Starts, stops, reports and validates the telemetry pipeline of the local demo, without Docker:
# the OpenTelemetry Collector (every sender's OTLP goes to it; the same configuration as compose's, built
# from the Go module proxy, see deploy/otel-collector/), Jaeger v2 behind it (traces; built from the Go
# module proxy at a pinned version, see infra/jaeger/), Zipkin beside it (the same traces in a web UI; its
# server's exec jar from Maven Central), VictoriaLogs (logs; built from the Go module proxy at a pinned version,
# see infra/victorialogs/) and Prometheus (metrics; Debian's package, run by this script rather than by the
# package's service).
#
#   infra/observability.sh start [jaeger|zipkin|victorialogs|otelcol|prometheus|all] [--tail-sampling]   (default all)
#   infra/observability.sh stop  [jaeger|zipkin|victorialogs|otelcol|prometheus|all]                     (default all)
#   infra/observability.sh status
#   infra/observability.sh check   (promtool check config/rules, promtool test rules, jaeger validate)
#
# --tail-sampling runs the collector with deploy/otel-collector/tail-sampling.yaml on top, as compose
# does: Jaeger then keeps every failed or slow trace and a tenth of the rest. Without it (the default)
# every trace reaches Jaeger, which the tests need. Starting the running collector with the other
# choice restarts it (a second; the SDKs retry what they could not send meanwhile).
#
# Ports (loopback only, fixed by the configs in deploy/):
#   collector   OTLP gRPC 127.0.0.1:4317, OTLP HTTP 127.0.0.1:4318 (where the services send),
#               the services' metrics and span metrics 127.0.0.1:8889, its own metrics 127.0.0.1:8888
#   Jaeger      OTLP gRPC 127.0.0.1:14317 (from the collector),
#               query HTTP 127.0.0.1:16686 (API only: a Go-built Jaeger has no UI), query gRPC 127.0.0.1:16685
#   Zipkin      UI and API 127.0.0.1:9411 (http://127.0.0.1:9411/zipkin/; spans from the collector)
#   VictoriaLogs UI and LogsQL API 127.0.0.1:9428 (http://127.0.0.1:9428/select/vmui/; logs from the collector)
#   Prometheus  127.0.0.1:9090
#
# Environment:
#   OTELREF_START_TIMEOUT  seconds to wait for each server to become ready (120)
#   OTELREF_STOP_TIMEOUT   seconds to wait after SIGTERM before SIGKILL (15)
#   XDG_CACHE_HOME         the binaries are cached in ${XDG_CACHE_HOME:-~/.cache}/otel-reference/{jaeger,otelcol,zipkin,victorialogs}/
#
# State lives in <repo>/.demo/{jaeger,zipkin,victorialogs,otelcol,prometheus}/ (logs, pid files, Prometheus's TSDB,
# VictoriaLogs's data). Only processes whose PIDs this script recorded (and whose command line still names our
# config or data directory) are stopped.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=infra/lib.sh
. "$SCRIPT_DIR/lib.sh"

REPO_ROOT=$(otelref_repo_root)
DEMO_DIR=$REPO_ROOT/.demo
START_TIMEOUT=${OTELREF_START_TIMEOUT:-120}
STOP_TIMEOUT=${OTELREF_STOP_TIMEOUT:-15}
CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/otel-reference

# --- Jaeger -----------------------------------------------------------------------------------
# Jaeger tags every release twice on one commit: v1.x for Go's module path (which has no /v2) and
# v2.y for the product. The module proxy only knows the v1.x tag, the binary reports the v2.y one.
JAEGER_MODULE=github.com/jaegertracing/jaeger
JAEGER_MODULE_VERSION=v1.76.0
JAEGER_VERSION=v2.13.0
JAEGER_GO_MODULE_DIR=$SCRIPT_DIR/jaeger
JAEGER_CONFIG=$REPO_ROOT/deploy/jaeger/config.yaml
JAEGER_BIN_DIR=$CACHE_DIR/jaeger/$JAEGER_MODULE_VERSION
JAEGER_BIN=$JAEGER_BIN_DIR/jaeger
# Hash of infra/jaeger/go.mod and go.sum the cached binary was built from: a changed dependency
# (a security bump, say) rebuilds it even though Jaeger's version stayed the same.
JAEGER_BUILD_KEY_FILE=$JAEGER_BIN_DIR/jaeger.build-key
JAEGER_HOST=127.0.0.1
JAEGER_QUERY_PORT=16686
JAEGER_QUERY_GRPC_PORT=16685
JAEGER_OTLP_GRPC_PORT=14317
JAEGER_DIR=$DEMO_DIR/jaeger
JAEGER_LOG=$JAEGER_DIR/jaeger.log
JAEGER_BUILD_LOG=$JAEGER_DIR/build.log
JAEGER_PID_FILE=$JAEGER_DIR/jaeger.pid

# --- Zipkin -------------------------------------------------------------------------------------
ZIPKIN_VERSION=3.6.1
ZIPKIN_ARTIFACT=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec
ZIPKIN_JAR_DIR=$CACHE_DIR/zipkin/$ZIPKIN_VERSION
ZIPKIN_JAR=$ZIPKIN_JAR_DIR/zipkin-server-$ZIPKIN_VERSION-exec.jar
ZIPKIN_HOST=127.0.0.1
ZIPKIN_PORT=9411
# In memory, oldest first out: about 400 checkouts (their spans carry full SQL text), a few minutes of baseline
# traffic. 50,000 spans outgrew a 160 MiB heap under scenario load (OutOfMemoryError); 20,000 stay in 256 MiB.
ZIPKIN_MAX_SPANS=20000
ZIPKIN_DIR=$DEMO_DIR/zipkin
ZIPKIN_LOG=$ZIPKIN_DIR/zipkin.log
ZIPKIN_PID_FILE=$ZIPKIN_DIR/zipkin.pid

# --- VictoriaLogs ------------------------------------------------------------------------------
VLOGS_MODULE=github.com/VictoriaMetrics/VictoriaLogs
VLOGS_VERSION=v1.52.1
VLOGS_GO_MODULE_DIR=$SCRIPT_DIR/victorialogs
VLOGS_BIN_DIR=$CACHE_DIR/victorialogs/$VLOGS_VERSION
VLOGS_BIN=$VLOGS_BIN_DIR/victoria-logs
VLOGS_BUILD_KEY_FILE=$VLOGS_BIN_DIR/victoria-logs.build-key
VLOGS_HOST=127.0.0.1
VLOGS_PORT=9428
VLOGS_DIR=$DEMO_DIR/victorialogs
VLOGS_DATA=$VLOGS_DIR/data
VLOGS_LOG=$VLOGS_DIR/victorialogs.log
VLOGS_BUILD_LOG=$VLOGS_BIN_DIR/build.log
VLOGS_PID_FILE=$VLOGS_DIR/victorialogs.pid
# A demo's logs, bounded like Prometheus's history: a day (its shortest retention), at most 512 MiB on disk,
# and caches of at most 48 MiB (by default it would take 60 % of the machine's memory), as in compose.
VLOGS_RETENTION_PERIOD=1d
VLOGS_MAX_DISK=512MiB
VLOGS_MEMORY=48MiB

# --- OpenTelemetry Collector ----------------------------------------------------------------------
OTELCOL_CONFIG=$REPO_ROOT/deploy/otel-collector/config.yaml
OTELCOL_TAIL_SAMPLING_CONFIG=$REPO_ROOT/deploy/otel-collector/tail-sampling.yaml
OTELCOL_ZIPKIN_CONFIG=$REPO_ROOT/deploy/otel-collector/zipkin.yaml
OTELCOL_HOST=127.0.0.1
OTELCOL_OTLP_GRPC_PORT=4317
OTELCOL_OTLP_HTTP_PORT=4318
OTELCOL_PROMETHEUS_PORT=8889
OTELCOL_METRICS_PORT=8888
OTELCOL_DIR=$DEMO_DIR/otelcol
OTELCOL_LOG=$OTELCOL_DIR/otelcol.log
OTELCOL_PID_FILE=$OTELCOL_DIR/otelcol.pid
# "every-trace" or "tail-sampling": how the running collector was started.
OTELCOL_MODE_FILE=$OTELCOL_DIR/mode

# --- Prometheus -------------------------------------------------------------------------------
PROM_HOST=127.0.0.1
PROM_PORT=9090
PROM_CONFIG=$REPO_ROOT/deploy/prometheus/prometheus.yml
PROM_RULES_DIR=$REPO_ROOT/deploy/prometheus/rules
PROM_TESTS_DIR=$REPO_ROOT/deploy/prometheus/tests
PROM_DIR=$DEMO_DIR/prometheus
PROM_DATA=$PROM_DIR/data
PROM_LOG=$PROM_DIR/prometheus.log
PROM_PID_FILE=$PROM_DIR/prometheus.pid
# A demo's history: long enough to look back over a session, short enough to stay small.
PROM_RETENTION_TIME=6h
PROM_RETENTION_SIZE=512MB
# Where Debian's init script records the PID of the package's own service.
PROM_PACKAGE_PID_FILE=/run/prometheus/prometheus.pid

usage() {
  cat <<EOF
usage: infra/observability.sh start [jaeger|zipkin|victorialogs|otelcol|prometheus|all] [--tail-sampling]   (default all)
       infra/observability.sh stop  [jaeger|zipkin|victorialogs|otelcol|prometheus|all]                     (default all)
       infra/observability.sh status
       infra/observability.sh check

Collector: OTLP $OTELCOL_HOST:$OTELCOL_OTLP_GRPC_PORT (gRPC) and :$OTELCOL_OTLP_HTTP_PORT (HTTP), where every sender sends
Jaeger $JAEGER_VERSION: behind the collector (OTLP/gRPC :$JAEGER_OTLP_GRPC_PORT), query API http://$JAEGER_HOST:$JAEGER_QUERY_PORT
Zipkin $ZIPKIN_VERSION: behind the collector, UI http://$ZIPKIN_HOST:$ZIPKIN_PORT/zipkin/
Prometheus: http://$PROM_HOST:$PROM_PORT
EOF
}

require_curl() {
  command -v curl >/dev/null 2>&1 || otelref_die "$1" "curl is needed to probe readiness (apt-get install curl)"
}

# http_ok URL: true if URL answers 2xx within 2 s.
http_ok() {
  curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
}

# For the status of a stopped server: " (port N is held by OWNER)" if something else listens there.
foreign_port_note() {
  local port=$1 owner
  otelref_port_in_use "$port" || return 0
  owner=$(otelref_port_owner "$port" | head -n 1)
  printf ' (port %s is held by %s)' "$port" "${owner:-an unknown process}"
}

# Removes PID_FILE if it names no live process of ours; says so.
forget_stale_pid_file() {
  local prefix=$1 pid_file=$2
  if [[ -f $pid_file ]]; then
    otelref_log "$prefix" "removing stale pid file (pid $(otelref_read_pid "$pid_file") is not ours any more)"
    rm -f "$pid_file"
  fi
}

# component_stop NAME PID_FUNCTION PID_FILE: stops the component if it runs (otelref_stop_pid), or says it does not.
component_stop() {
  local name=$1 pid_function=$2 pid_file=$3 pid
  pid=$("$pid_function")
  if [[ -z $pid ]]; then
    forget_stale_pid_file "$name" "$pid_file"
    otelref_log "$name" "not running"
    return 0
  fi
  otelref_stop_pid "$name" "$pid" "$STOP_TIMEOUT" "$pid_file"
}

# component_status NAME WHERE PORT PID_FUNCTION READY_FUNCTION [NOTE]: the component's line of `status`. PORT is
# the one whose owner is named when the component is stopped; NOTE is added to a running one's state.
component_status() {
  local name=$1 where=$2 port=$3 pid_function=$4 ready_function=$5 note=${6:-} pid state
  pid=$("$pid_function")
  if [[ -z $pid ]]; then
    printf '%-11s %-26s stopped%s\n' "$name" "$where" "$(foreign_port_note "$port")"
    return 0
  fi
  state=ready
  "$ready_function" || state="not ready"
  printf '%-11s %-26s running pid %s (%s%s)\n' "$name" "$where" "$pid" "$state" "${note:+, $note}"
}

# wait_ready PREFIX PID LOG READY_FUNCTION WHAT: polls READY_FUNCTION until it succeeds, failing
# with the log's tail if the server exits or START_TIMEOUT passes.
wait_ready() {
  local prefix=$1 pid=$2 log=$3 ready=$4 what=$5 deadline=$((SECONDS + START_TIMEOUT))
  until "$ready"; do
    if ! otelref_pid_alive "$pid"; then
      otelref_log_tail "$prefix" "$log"
      otelref_die "$prefix" "the server (pid $pid) exited while starting (log: $log)"
    fi
    if ((SECONDS >= deadline)); then
      otelref_log_tail "$prefix" "$log"
      otelref_die "$prefix" "$what not ready after ${START_TIMEOUT}s (pid $pid still runs; log: $log);" \
        "stop it with 'infra/observability.sh stop $prefix'"
    fi
    sleep 0.3
  done
}

# ============================================================================================
# Jaeger
# ============================================================================================

jaeger_pid() {
  otelref_live_pid "$JAEGER_PID_FILE" "$JAEGER_CONFIG"
}

# Ready once the query API answers and the OTLP receiver accepts connections.
jaeger_ready() {
  http_ok "http://$JAEGER_HOST:$JAEGER_QUERY_PORT/api/services" &&
    otelref_port_in_use "$JAEGER_OTLP_GRPC_PORT" "$JAEGER_HOST"
}

jaeger_build_key() {
  cat "$JAEGER_GO_MODULE_DIR/go.mod" "$JAEGER_GO_MODULE_DIR/go.sum" | sha256sum | cut -c1-16
}

# The pinned version must be the one infra/jaeger/go.mod resolved, or the cache would be mislabelled.
jaeger_check_pin() {
  local required
  required=$(awk -v m="$JAEGER_MODULE" '$1 == m { print $2; exit }' "$JAEGER_GO_MODULE_DIR/go.mod")
  [[ $required == "$JAEGER_MODULE_VERSION" ]] ||
    otelref_die jaeger "infra/jaeger/go.mod requires $JAEGER_MODULE ${required:-(nothing)}, but this script pins" \
      "$JAEGER_MODULE_VERSION: change both together (see docs/operations/observability-stack.md)"
}

# Builds the Jaeger binary into the cache unless it is there and built from the current go.mod/go.sum.
jaeger_ensure_binary() {
  local key t0 tmp builder compiled next_report
  jaeger_check_pin
  key=$(jaeger_build_key)
  if [[ -x $JAEGER_BIN && $(cat "$JAEGER_BUILD_KEY_FILE" 2>/dev/null) == "$key" ]]; then
    return 0
  fi
  command -v go >/dev/null 2>&1 ||
    otelref_die jaeger "Go is needed to build Jaeger once (the go directive in infra/jaeger/go.mod says which version)"
  mkdir -p "$JAEGER_BIN_DIR" "$JAEGER_DIR"
  if [[ -x $JAEGER_BIN ]]; then
    otelref_log jaeger "infra/jaeger/go.mod or go.sum changed since the cached binary was built: rebuilding"
  fi
  otelref_log jaeger "building Jaeger $JAEGER_VERSION ($JAEGER_MODULE@$JAEGER_MODULE_VERSION) from the Go module proxy," \
    "first time only: ~15 min on a new machine of 2 cores (it downloads ~1.7 GB of Go modules and compiles" \
    "~2300 packages); later starts take a second. Log: $JAEGER_BUILD_LOG"
  t0=$(otelref_now_ms)
  tmp=$(mktemp "$JAEGER_BIN_DIR/.jaeger.XXXXXX")
  # Inside infra/jaeger, so that its go.mod/go.sum (the tool's pinned module graph) apply.
  # -v lists each package as it is compiled, which the progress line below counts.
  (cd "$JAEGER_GO_MODULE_DIR" &&
    exec go build -v -trimpath -ldflags "-s -w -X $JAEGER_MODULE/internal/version.latestVersion=$JAEGER_VERSION" \
      -o "$tmp" "$JAEGER_MODULE/cmd/jaeger") >"$JAEGER_BUILD_LOG" 2>&1 </dev/null 9>&- &
  builder=$!
  next_report=$((SECONDS + 30))
  while otelref_pid_alive "$builder"; do
    sleep 1
    if ((SECONDS >= next_report)); then
      compiled=$(grep -c '' "$JAEGER_BUILD_LOG" || true)
      otelref_log jaeger "still building after $(otelref_since "$t0") ($compiled packages so far)"
      next_report=$((SECONDS + 30))
    fi
  done
  if ! wait "$builder"; then
    rm -f "$tmp"
    otelref_log_tail jaeger "$JAEGER_BUILD_LOG"
    otelref_die jaeger "go build failed (log: $JAEGER_BUILD_LOG)"
  fi
  mv "$tmp" "$JAEGER_BIN"
  printf '%s\n' "$key" >"$JAEGER_BUILD_KEY_FILE"
  otelref_log jaeger "built $JAEGER_BIN in $(otelref_since "$t0")"
}

jaeger_start() {
  local pid t0 port
  t0=$(otelref_now_ms)
  require_curl jaeger
  pid=$(jaeger_pid)
  if [[ -n $pid ]]; then
    if jaeger_ready; then
      otelref_log jaeger "already running (pid $pid): nothing to do"
      return 0
    fi
    otelref_log jaeger "running (pid $pid) but not ready yet; waiting up to ${START_TIMEOUT}s"
    wait_ready jaeger "$pid" "$JAEGER_LOG" jaeger_ready "the query API or OTLP receivers"
    otelref_log jaeger "ready (pid $pid) in $(otelref_since "$t0")"
    return 0
  fi
  forget_stale_pid_file jaeger "$JAEGER_PID_FILE"
  for port in "$JAEGER_OTLP_GRPC_PORT:OTLP gRPC" \
    "$JAEGER_QUERY_PORT:Jaeger query HTTP" "$JAEGER_QUERY_GRPC_PORT:Jaeger query gRPC"; do
    if otelref_port_in_use "${port%%:*}"; then
      otelref_fail_port_taken jaeger "${port%%:*}" "${port#*:}" "Stop it; the port is fixed by the config in deploy/."
    fi
  done
  jaeger_ensure_binary
  mkdir -p "$JAEGER_DIR"
  printf '\n=== %s start (infra/observability.sh)\n' "$(date -Is)" >>"$JAEGER_LOG"
  otelref_log jaeger "starting Jaeger $JAEGER_VERSION (in-memory storage): OTLP/gRPC $JAEGER_HOST:$JAEGER_OTLP_GRPC_PORT," \
    "query API http://$JAEGER_HOST:$JAEGER_QUERY_PORT (log $JAEGER_LOG)"
  pid=$(otelref_launch jaeger "$JAEGER_PID_FILE" "$JAEGER_LOG" "$JAEGER_DIR" "$JAEGER_BIN" --config="$JAEGER_CONFIG")
  wait_ready jaeger "$pid" "$JAEGER_LOG" jaeger_ready "the query API or OTLP receivers"
  otelref_log jaeger "ready (pid $pid) in $(otelref_since "$t0")"
}

jaeger_stop() {
  component_stop jaeger jaeger_pid "$JAEGER_PID_FILE"
}

jaeger_status() {
  component_status jaeger "$JAEGER_HOST:$JAEGER_OTLP_GRPC_PORT,$JAEGER_QUERY_PORT" "$JAEGER_QUERY_PORT" jaeger_pid jaeger_ready
}

jaeger_check() {
  local out
  jaeger_ensure_binary
  if ! out=$("$JAEGER_BIN" validate --config="$JAEGER_CONFIG" 2>&1); then
    printf '%s\n' "$out" | sed 's/^/    /' >&2
    otelref_die jaeger "jaeger validate rejects $JAEGER_CONFIG"
  fi
  otelref_log jaeger "jaeger validate: $JAEGER_CONFIG is valid"
}

# ============================================================================================
# Zipkin
# ============================================================================================

zipkin_pid() {
  otelref_live_pid "$ZIPKIN_PID_FILE" "$ZIPKIN_JAR"
}

zipkin_ready() {
  http_ok "http://$ZIPKIN_HOST:$ZIPKIN_PORT/health"
}

# The server's exec jar (it embeds the UI), fetched once from Maven Central into the cache.
zipkin_ensure_jar() {
  local t0
  [[ -s $ZIPKIN_JAR ]] && return 0
  command -v mvn >/dev/null 2>&1 || otelref_die zipkin "Maven is needed to fetch $ZIPKIN_ARTIFACT once (Debian: apt-get install maven)"
  t0=$(otelref_now_ms)
  otelref_log zipkin "fetching $ZIPKIN_ARTIFACT from Maven Central (first time only, ~130 MB)"
  mkdir -p "$ZIPKIN_JAR_DIR"
  mvn -B -q -ntp dependency:copy -Dartifact="$ZIPKIN_ARTIFACT" -DoutputDirectory="$ZIPKIN_JAR_DIR" \
    -Dmdep.overWriteReleases=true >"$ZIPKIN_JAR_DIR/fetch.log" 2>&1 ||
    { otelref_log_tail zipkin "$ZIPKIN_JAR_DIR/fetch.log"; otelref_die zipkin "fetching $ZIPKIN_ARTIFACT failed"; }
  [[ -s $ZIPKIN_JAR ]] || otelref_die zipkin "Maven put no $ZIPKIN_JAR"
  otelref_log zipkin "fetched $ZIPKIN_JAR in $(otelref_since "$t0")"
}

zipkin_start() {
  local pid t0
  t0=$(otelref_now_ms)
  require_curl zipkin
  pid=$(zipkin_pid)
  if [[ -n $pid ]]; then
    zipkin_ready || wait_ready zipkin "$pid" "$ZIPKIN_LOG" zipkin_ready "/health"
    otelref_log zipkin "already running (pid $pid): nothing to do"
    return 0
  fi
  forget_stale_pid_file zipkin "$ZIPKIN_PID_FILE"
  if otelref_port_in_use "$ZIPKIN_PORT"; then
    otelref_fail_port_taken zipkin "$ZIPKIN_PORT" "Zipkin" "Stop it; the port is fixed by deploy/otel-collector/zipkin.yaml."
  fi
  zipkin_ensure_jar
  otelref_use_jdk zipkin
  mkdir -p "$ZIPKIN_DIR"
  printf '\n=== %s start (infra/observability.sh)\n' "$(date -Is)" >>"$ZIPKIN_LOG"
  otelref_log zipkin "starting Zipkin $ZIPKIN_VERSION (in memory, at most $ZIPKIN_MAX_SPANS spans): UI http://$ZIPKIN_HOST:$ZIPKIN_PORT/zipkin/ (log $ZIPKIN_LOG)"
  # Loopback only: Armeria's port list replaces the server's default list as a whole. Only its HTTP
  # collector is needed (the OpenTelemetry Collector posts to it); self-tracing stays off.
  pid=$(STORAGE_TYPE=mem MEM_MAX_SPANS=$ZIPKIN_MAX_SPANS COLLECTOR_GRPC_ENABLED=false \
    otelref_launch zipkin "$ZIPKIN_PID_FILE" "$ZIPKIN_LOG" "$ZIPKIN_DIR" "$JAVA_HOME/bin/java" \
    -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$ZIPKIN_JAR" \
    "--armeria.ports[0].ip=$ZIPKIN_HOST" "--armeria.ports[0].port=$ZIPKIN_PORT" "--armeria.ports[0].protocols[0]=http")
  wait_ready zipkin "$pid" "$ZIPKIN_LOG" zipkin_ready "/health"
  otelref_log zipkin "ready (pid $pid) in $(otelref_since "$t0")"
}

zipkin_stop() {
  component_stop zipkin zipkin_pid "$ZIPKIN_PID_FILE"
}

zipkin_status() {
  component_status zipkin "$ZIPKIN_HOST:$ZIPKIN_PORT" "$ZIPKIN_PORT" zipkin_pid zipkin_ready
}

# ============================================================================================
# VictoriaLogs
# ============================================================================================

vlogs_pid() {
  otelref_live_pid "$VLOGS_PID_FILE" "$VLOGS_DATA"
}

vlogs_ready() {
  http_ok "http://$VLOGS_HOST:$VLOGS_PORT/health"
}

vlogs_build_key() {
  cat "$VLOGS_GO_MODULE_DIR/go.mod" "$VLOGS_GO_MODULE_DIR/go.sum" | sha256sum | cut -c1-16
}

# Builds VictoriaLogs into the cache (~30 s of a 2-core machine) unless it is there and built from the
# current infra/victorialogs/go.mod and go.sum, whose pinned version must be the one this script names.
vlogs_ensure_binary() {
  local key required t0 tmp
  required=$(awk -v m="$VLOGS_MODULE" '$1 == m { print $2; exit }' "$VLOGS_GO_MODULE_DIR/go.mod")
  [[ $required == "$VLOGS_VERSION" ]] ||
    otelref_die victorialogs "infra/victorialogs/go.mod requires $VLOGS_MODULE ${required:-(nothing)}, but this script" \
      "pins $VLOGS_VERSION: change both together"
  key=$(vlogs_build_key)
  if [[ -x $VLOGS_BIN && $(cat "$VLOGS_BUILD_KEY_FILE" 2>/dev/null) == "$key" ]]; then
    return 0
  fi
  command -v go >/dev/null 2>&1 ||
    otelref_die victorialogs "Go is needed to build VictoriaLogs once (the go directive in infra/victorialogs/go.mod says which version)"
  mkdir -p "$VLOGS_BIN_DIR" "$VLOGS_DIR"
  t0=$(otelref_now_ms)
  otelref_log victorialogs "building VictoriaLogs $VLOGS_VERSION from the Go module proxy (first time only, ~30 s;" \
    "log: $VLOGS_BUILD_LOG)"
  tmp=$(mktemp "$VLOGS_BIN_DIR/.victoria-logs.XXXXXX")
  if ! (cd "$VLOGS_GO_MODULE_DIR" &&
    go build -trimpath -ldflags "-s -w" -o "$tmp" "$VLOGS_MODULE/app/victoria-logs") >"$VLOGS_BUILD_LOG" 2>&1 </dev/null; then
    rm -f "$tmp"
    otelref_log_tail victorialogs "$VLOGS_BUILD_LOG"
    otelref_die victorialogs "go build failed (log: $VLOGS_BUILD_LOG)"
  fi
  mv "$tmp" "$VLOGS_BIN"
  printf '%s\n' "$key" >"$VLOGS_BUILD_KEY_FILE"
  otelref_log victorialogs "built $VLOGS_BIN in $(otelref_since "$t0")"
}

vlogs_start() {
  local pid t0
  t0=$(otelref_now_ms)
  require_curl victorialogs
  pid=$(vlogs_pid)
  if [[ -n $pid ]]; then
    vlogs_ready || wait_ready victorialogs "$pid" "$VLOGS_LOG" vlogs_ready "/health"
    otelref_log victorialogs "already running (pid $pid): nothing to do"
    return 0
  fi
  forget_stale_pid_file victorialogs "$VLOGS_PID_FILE"
  if otelref_port_in_use "$VLOGS_PORT"; then
    otelref_fail_port_taken victorialogs "$VLOGS_PORT" "VictoriaLogs" "Stop it; the port is fixed by deploy/otel-collector/config.yaml."
  fi
  vlogs_ensure_binary
  mkdir -p "$VLOGS_DATA"
  printf '\n=== %s start (infra/observability.sh)\n' "$(date -Is)" >>"$VLOGS_LOG"
  otelref_log victorialogs "starting VictoriaLogs $VLOGS_VERSION (retention $VLOGS_RETENTION_PERIOD, at most $VLOGS_MAX_DISK):" \
    "UI http://$VLOGS_HOST:$VLOGS_PORT/select/vmui/ (log $VLOGS_LOG)"
  pid=$(otelref_launch victorialogs "$VLOGS_PID_FILE" "$VLOGS_LOG" "$VLOGS_DIR" "$VLOGS_BIN" \
    "-httpListenAddr=$VLOGS_HOST:$VLOGS_PORT" "-storageDataPath=$VLOGS_DATA" \
    "-retentionPeriod=$VLOGS_RETENTION_PERIOD" "-retention.maxDiskSpaceUsageBytes=$VLOGS_MAX_DISK" \
    "-memory.allowedBytes=$VLOGS_MEMORY")
  wait_ready victorialogs "$pid" "$VLOGS_LOG" vlogs_ready "/health"
  otelref_log victorialogs "ready (pid $pid) in $(otelref_since "$t0")"
}

vlogs_stop() {
  component_stop victorialogs vlogs_pid "$VLOGS_PID_FILE"
}

vlogs_status() {
  component_status victorialogs "$VLOGS_HOST:$VLOGS_PORT" "$VLOGS_PORT" vlogs_pid vlogs_ready
}

# ============================================================================================
# OpenTelemetry Collector
# ============================================================================================

otelcol_pid() {
  otelref_live_pid "$OTELCOL_PID_FILE" "$OTELCOL_CONFIG"
}

# Ready once its own metrics answer (the last thing it starts) and the OTLP receivers accept connections.
otelcol_ready() {
  http_ok "http://$OTELCOL_HOST:$OTELCOL_METRICS_PORT/metrics" &&
    otelref_port_in_use "$OTELCOL_OTLP_GRPC_PORT" "$OTELCOL_HOST" &&
    otelref_port_in_use "$OTELCOL_OTLP_HTTP_PORT" "$OTELCOL_HOST"
}

otelcol_mode() {
  cat "$OTELCOL_MODE_FILE" 2>/dev/null || printf 'every-trace\n'
}

# otelcol_start MODE: MODE is every-trace or tail-sampling.
otelcol_start() {
  local mode=$1 pid t0 port configs=(--config="$OTELCOL_CONFIG" --config="$OTELCOL_ZIPKIN_CONFIG")
  t0=$(otelref_now_ms)
  require_curl otelcol
  pid=$(otelcol_pid)
  if [[ -n $pid ]]; then
    if [[ $(otelcol_mode) == "$mode" ]]; then
      if ! otelcol_ready; then
        otelref_log otelcol "running (pid $pid) but not ready yet; waiting up to ${START_TIMEOUT}s"
        wait_ready otelcol "$pid" "$OTELCOL_LOG" otelcol_ready "the OTLP receivers or the metrics endpoint"
      fi
      otelref_log otelcol "already running (pid $pid, $mode): nothing to do"
      return 0
    fi
    otelref_log otelcol "running with $(otelcol_mode), asked for $mode: restarting"
    otelref_stop_pid otelcol "$pid" "$STOP_TIMEOUT" "$OTELCOL_PID_FILE"
  fi
  forget_stale_pid_file otelcol "$OTELCOL_PID_FILE"
  for port in "$OTELCOL_OTLP_GRPC_PORT:OTLP gRPC" "$OTELCOL_OTLP_HTTP_PORT:OTLP HTTP" \
    "$OTELCOL_PROMETHEUS_PORT:metrics for Prometheus" "$OTELCOL_METRICS_PORT:collector metrics"; do
    if otelref_port_in_use "${port%%:*}"; then
      otelref_fail_port_taken otelcol "${port%%:*}" "${port#*:}" "Stop it; the port is fixed by the config in deploy/."
    fi
  done
  otelref_ensure_collector
  [[ $mode == tail-sampling ]] && configs+=(--config="$OTELCOL_TAIL_SAMPLING_CONFIG")
  mkdir -p "$OTELCOL_DIR"
  printf '\n=== %s start (infra/observability.sh, %s)\n' "$(date -Is)" "$mode" >>"$OTELCOL_LOG"
  otelref_log otelcol "starting the OpenTelemetry Collector ($mode): OTLP $OTELCOL_HOST:$OTELCOL_OTLP_GRPC_PORT/:$OTELCOL_OTLP_HTTP_PORT" \
    "-> Jaeger $JAEGER_HOST:$JAEGER_OTLP_GRPC_PORT and Zipkin :$ZIPKIN_PORT, logs -> VictoriaLogs :$VLOGS_PORT," \
    "metrics for Prometheus :$OTELCOL_PROMETHEUS_PORT (log $OTELCOL_LOG)"
  pid=$(OTELCOL_LISTEN_HOST=$OTELCOL_HOST JAEGER_OTLP_ENDPOINT=$JAEGER_HOST:$JAEGER_OTLP_GRPC_PORT \
    VICTORIALOGS_URL=http://$VLOGS_HOST:$VLOGS_PORT \
    otelref_launch otelcol "$OTELCOL_PID_FILE" "$OTELCOL_LOG" "$OTELCOL_DIR" "$(otelref_collector_bin)" "${configs[@]}")
  printf '%s\n' "$mode" >"$OTELCOL_MODE_FILE"
  wait_ready otelcol "$pid" "$OTELCOL_LOG" otelcol_ready "the OTLP receivers or the metrics endpoint"
  otelref_log otelcol "ready (pid $pid) in $(otelref_since "$t0")"
}

otelcol_stop() {
  component_stop otelcol otelcol_pid "$OTELCOL_PID_FILE"
}

otelcol_status() {
  component_status otelcol "$OTELCOL_HOST:$OTELCOL_OTLP_GRPC_PORT,$OTELCOL_OTLP_HTTP_PORT" "$OTELCOL_OTLP_HTTP_PORT" \
    otelcol_pid otelcol_ready "$(otelcol_mode)"
}

# ============================================================================================
# Prometheus
# ============================================================================================

prom_pid() {
  otelref_live_pid "$PROM_PID_FILE" "$PROM_CONFIG"
}

prom_ready() {
  http_ok "http://$PROM_HOST:$PROM_PORT/-/ready"
}

# Installs Debian's prometheus package (which brings promtool) if either binary is missing. Its own service
# is not used: this script runs Prometheus with our config.
prom_ensure_installed() {
  command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 && return 0
  otelref_ensure_installed prometheus prometheus prometheus promtool
  prom_disable_package_service
}

# The package enables a service that would listen on 0.0.0.0:9090 with its own config. On a machine
# whose init system started it (a policy-rc.d usually prevents that in containers), stop and disable
# it, so that port 9090 is ours.
prom_disable_package_service() {
  local pid
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
    if systemctl is-active --quiet prometheus.service 2>/dev/null ||
      systemctl is-enabled --quiet prometheus.service 2>/dev/null; then
      otelref_log prometheus "stopping and disabling the package's systemd service prometheus.service" \
        "(it would hold port $PROM_PORT with Debian's config)"
      systemctl disable --now prometheus.service >/dev/null 2>&1 ||
        otelref_die prometheus "systemctl disable --now prometheus.service failed"
    fi
    return 0
  fi
  pid=$(otelref_live_pid "$PROM_PACKAGE_PID_FILE" /usr/bin/prometheus)
  [[ -n $pid ]] || return 0
  otelref_log prometheus "the package's init script runs prometheus (pid $pid, Debian's config): stopping and disabling it"
  /etc/init.d/prometheus stop >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  otelref_wait_for_exit "$pid" "$STOP_TIMEOUT" || otelref_die prometheus "the package's prometheus (pid $pid) did not stop"
  update-rc.d prometheus disable >/dev/null 2>&1 || true
}

# Validates the config (including the rule files it names) before a start, where promtool's message
# is clearer than the server's log.
prom_check_config() {
  local out
  if ! out=$(promtool check config "$PROM_CONFIG" 2>&1); then
    printf '%s\n' "$out" | sed 's/^/    /' >&2
    otelref_die prometheus "promtool check config rejects $PROM_CONFIG"
  fi
}

prom_start() {
  local pid t0
  t0=$(otelref_now_ms)
  require_curl prometheus
  pid=$(prom_pid)
  if [[ -n $pid ]]; then
    if prom_ready; then
      otelref_log prometheus "already running (pid $pid) on $PROM_HOST:$PROM_PORT: nothing to do"
      return 0
    fi
    otelref_log prometheus "running (pid $pid) but not ready yet; waiting up to ${START_TIMEOUT}s"
    wait_ready prometheus "$pid" "$PROM_LOG" prom_ready "/-/ready"
    otelref_log prometheus "ready (pid $pid) in $(otelref_since "$t0")"
    return 0
  fi
  forget_stale_pid_file prometheus "$PROM_PID_FILE"
  prom_ensure_installed
  if otelref_port_in_use "$PROM_PORT"; then
    prom_disable_package_service
    if otelref_port_in_use "$PROM_PORT"; then
      otelref_fail_port_taken prometheus "$PROM_PORT" "Prometheus" "Stop it; the port is fixed by the config in deploy/."
    fi
  fi
  prom_check_config
  mkdir -p "$PROM_DATA"
  printf '\n=== %s start (infra/observability.sh)\n' "$(date -Is)" >>"$PROM_LOG"
  otelref_log prometheus "starting Prometheus $(prometheus --version 2>&1 | awk 'NR == 1 { print $3 }') on" \
    "http://$PROM_HOST:$PROM_PORT (config $PROM_CONFIG, data $PROM_DATA, log $PROM_LOG)"
  pid=$(otelref_launch prometheus "$PROM_PID_FILE" "$PROM_LOG" "$PROM_DIR" prometheus \
    --config.file="$PROM_CONFIG" \
    --storage.tsdb.path="$PROM_DATA" \
    --storage.tsdb.retention.time="$PROM_RETENTION_TIME" \
    --storage.tsdb.retention.size="$PROM_RETENTION_SIZE" \
    --web.listen-address="$PROM_HOST:$PROM_PORT" \
    --enable-feature=exemplar-storage)
  wait_ready prometheus "$pid" "$PROM_LOG" prom_ready "/-/ready"
  otelref_log prometheus "ready (pid $pid) on $PROM_HOST:$PROM_PORT in $(otelref_since "$t0")"
}

prom_stop() {
  component_stop prometheus prom_pid "$PROM_PID_FILE"
}

prom_status() {
  component_status prometheus "$PROM_HOST:$PROM_PORT" "$PROM_PORT" prom_pid prom_ready
}

prom_check() {
  local file out
  prom_ensure_installed
  prom_check_config
  otelref_log prometheus "promtool check config: $PROM_CONFIG is valid"
  if ! out=$(promtool check rules "$PROM_RULES_DIR"/*.yml 2>&1); then
    printf '%s\n' "$out" | sed 's/^/    /' >&2
    otelref_die prometheus "promtool check rules rejects a file in $PROM_RULES_DIR"
  fi
  otelref_log prometheus "promtool check rules: $(grep -c '^Checking' <<<"$out") rule files are valid"
  for file in "$PROM_TESTS_DIR"/*.test.yml; do
    if ! out=$(promtool test rules "$file" 2>&1); then
      printf '%s\n' "$out" | sed 's/^/    /' >&2
      otelref_die prometheus "promtool test rules fails: $file"
    fi
    otelref_log prometheus "promtool test rules: $file passes"
  done
}

# ============================================================================================

# Which servers a start/stop argument names, in start order.
servers_of() {
  case ${1:-all} in
    all) printf 'jaeger zipkin victorialogs otelcol prometheus\n' ;;
    jaeger) printf 'jaeger\n' ;;
    zipkin) printf 'zipkin\n' ;;
    victorialogs | vlogs) printf 'victorialogs\n' ;;
    otelcol | collector) printf 'otelcol\n' ;;
    prometheus | prom) printf 'prometheus\n' ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main() {
  local cmd=${1:-} which=all mode=every-trace server servers=() list arg
  shift || true
  for arg in "$@"; do
    case $arg in
      --tail-sampling) mode=tail-sampling ;;
      -*)
        usage >&2
        exit 2
        ;;
      *) which=$arg ;;
    esac
  done
  case $cmd in
    start | stop)
      list=$(servers_of "$which")
      read -r -a servers <<<"$list"
      # Stopped in reverse: the collector hands Jaeger what it still holds before Jaeger goes.
      [[ $cmd == stop ]] && read -r -a servers <<<"$(printf '%s\n' "${servers[@]}" | tac | tr '\n' ' ')"
      otelref_take_lock observability "$DEMO_DIR/.observability.lock" 900
      for server in "${servers[@]}"; do
        case $cmd:$server in
          start:jaeger) jaeger_start ;;
          start:zipkin) zipkin_start ;;
          start:victorialogs) vlogs_start ;;
          start:otelcol) otelcol_start "$mode" ;;
          start:prometheus) prom_start ;;
          stop:jaeger) jaeger_stop ;;
          stop:zipkin) zipkin_stop ;;
          stop:victorialogs) vlogs_stop ;;
          stop:otelcol) otelcol_stop ;;
          stop:prometheus) prom_stop ;;
        esac
      done
      ;;
    status)
      jaeger_status
      zipkin_status
      vlogs_status
      otelcol_status
      prom_status
      ;;
    check)
      otelref_take_lock observability "$DEMO_DIR/.observability.lock" 900
      prom_check
      jaeger_check
      ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
