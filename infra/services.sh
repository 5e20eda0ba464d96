#!/usr/bin/env bash
# Builds (when stale), starts, stops and reports the three Quarkus services as local processes.
#   infra/services.sh build
#   infra/services.sh start  [checkout-service|billing-service|invoice-worker|all]
#   infra/services.sh stop   [checkout-service|billing-service|invoice-worker|all]
#   infra/services.sh status
# They expect PostgreSQL, Kafka and an OTLP endpoint (Jaeger) to be up: see ./demo up.
# OTELREF_INSTRUMENTATION_PHASE=0..6 (default 6) runs them instrumented as at the end of that runbook phase;
# start restarts a service that runs with another phase. OTELREF_BIND_ADDRESS (default 127.0.0.1) is the
# address they listen on; 0.0.0.0 makes them reachable from other machines.
set -euo pipefail

# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(otelref_repo_root)
STATE_ROOT=${OTELREF_STATE_ROOT:-$REPO/.demo}
START_TIMEOUT=${OTELREF_START_TIMEOUT:-120}
# A graceful stop may take quarkus.shutdown.timeout (10 s) for HTTP requests, platform.shutdown.drain-timeout
# (10 s) for Kafka records and outbox passes, and a few seconds for the Kafka clients' last commits.
STOP_TIMEOUT=${OTELREF_SERVICE_STOP_TIMEOUT:-30}
PHASE=$(otelref_instrumentation_phase "${OTELREF_INSTRUMENTATION_PHASE:-}")
SERVICES=(billing-service invoice-worker checkout-service)
# Loopback by default: billing's payment API and the simulated gateway answer this machine only.
BIND_ADDRESS=${OTELREF_BIND_ADDRESS:-127.0.0.1}
# The current semantic conventions for database and code attributes instead of the deprecated ones the
# instrumentation libraries write by default; they read this variable themselves, Quarkus's configuration
# cannot set it. The Dockerfile and the build's tests set the same (docs/telemetry/conventions.md).
SEMCONV_STABILITY_OPT_IN=database,code
# Where this script itself reaches them: loopback, unless they listen on one other address only.
case $BIND_ADDRESS in
  0.0.0.0 | 127.0.0.1 | localhost) PROBE_HOST=127.0.0.1 ;;
  *) PROBE_HOST=$BIND_ADDRESS ;;
esac

port_of() {
  case $1 in
    checkout-service) printf '8080\n' ;;
    billing-service) printf '8081\n' ;;
    invoice-worker) printf '8082\n' ;;
  esac
}

runner_of() {
  printf '%s\n' "$REPO/$1/target/quarkus-app/quarkus-run.jar"
}

pid_file_of() {
  printf '%s\n' "$STATE_ROOT/$1/service.pid"
}

log_file_of() {
  printf '%s\n' "$STATE_ROOT/$1/service.log"
}

# The instrumentation phase a service was started with (written at start, beside its pid file).
phase_file_of() {
  printf '%s\n' "$STATE_ROOT/$1/instrumentation-phase"
}

running_phase_of() {
  local phase=
  if [[ -r $(phase_file_of "$1") ]]; then
    read -r phase <"$(phase_file_of "$1")" || true
  fi
  printf '%s\n' "${phase:-6}"
}

# Phases 0 and 1 come before any tracing: the OpenTelemetry SDK is off (a runtime setting), so no span is
# made or exported, no metric either, and the log lines' traceId/spanId stay empty.
sdk_disabled_in() {
  if (($1 < 2)); then printf 'true\n'; else printf 'false\n'; fi
}

# Exemplars (a trace id beside a histogram bucket) come with phase 4: before it, the SDK keeps none.
exemplar_filter_in() {
  if (($1 < 4)); then printf 'always_off\n'; else printf 'trace_based\n'; fi
}

live_pid_of() {
  otelref_live_pid "$(pid_file_of "$1")" "$(runner_of "$1")"
}

# A service is stale when any source of it, or of the shared modules, is newer than its runner jar.
is_stale() {
  otelref_stale "$(runner_of "$1")" "$REPO/$1/src/main" "$REPO/$1/pom.xml" "$REPO/service-platform/src/main" \
    "$REPO/service-messaging/src/main" \
    "$REPO/telemetry-attributes/src/main" "$REPO/pom.xml"
}

build() {
  local stale=() service start
  for service in "${SERVICES[@]}"; do
    if is_stale "$service"; then
      stale+=("$service")
    fi
  done
  if ((${#stale[@]} == 0)); then
    otelref_log services "builds are up to date"
    return 0
  fi
  otelref_use_jdk services
  start=$(otelref_now_ms)
  otelref_log services "building ${stale[*]} (sources changed since the last build; the first build downloads dependencies)"
  (cd "$REPO" && mvn -B -q -ntp package -DskipTests -pl "$(IFS=,; printf '%s' "${stale[*]}")" -am) ||
    otelref_die services "the build failed"
  otelref_log services "built in $(otelref_since "$start")"
}

start_one() {
  local service=$1 port pid runner log start
  port=$(port_of "$service")
  runner=$(runner_of "$service")
  log=$(log_file_of "$service")
  pid=$(live_pid_of "$service")
  if [[ -n $pid && $(running_phase_of "$service") != "$PHASE" ]]; then
    otelref_log "$service" "runs at instrumentation phase $(running_phase_of "$service"); restarting it at phase $PHASE"
    stop_one "$service"
    pid=
  fi
  # A build since the start (the pid file is written at start) replaced the jars under the running JVM
  # (mvn package rewrites quarkus-app/): classes it has not loaded yet would now fail to load, so it
  # runs the new build instead.
  if [[ -n $pid && $runner -nt $(pid_file_of "$service") ]]; then
    otelref_log "$service" "was built again since it started (pid $pid); restarting it on the new build"
    stop_one "$service"
    pid=
  fi
  if [[ -n $pid ]]; then
    otelref_log "$service" "already running (pid $pid) on 127.0.0.1:$port, instrumentation phase $PHASE"
    return 0
  fi
  if otelref_port_in_use "$port"; then
    otelref_fail_port_taken "$service" "$port" "$service HTTP" "Stop it, or free the port."
  fi
  [[ -f $runner ]] || otelref_die "$service" "no build at $runner: run infra/services.sh build"
  otelref_use_jdk "$service"
  mkdir -p "$(dirname "$log")"
  start=$(otelref_now_ms)
  otelref_log "$service" "starting on $BIND_ADDRESS:$port at instrumentation phase $PHASE (log $log)"
  : >"$log"   # one log per run of the service
  # A small heap per service keeps the whole stack within its memory budget (the budget in docs/operations/demo.md).
  pid=$(PLATFORM_ADMIN_TOKEN=${PLATFORM_ADMIN_TOKEN:-$(otelref_admin_token "$STATE_ROOT")} \
    QUARKUS_HTTP_HOST=$BIND_ADDRESS OTEL_SEMCONV_STABILITY_OPT_IN=$SEMCONV_STABILITY_OPT_IN \
    OTELREF_INSTRUMENTATION_PHASE=$PHASE QUARKUS_OTEL_SDK_DISABLED=$(sdk_disabled_in "$PHASE") \
    QUARKUS_OTEL_METRICS_EXEMPLAR_FILTER=$(exemplar_filter_in "$PHASE") OTELREF_INSTANCE_ID=$HOSTNAME \
    otelref_launch "$service" "$(pid_file_of "$service")" "$log" "$PWD" \
    "$JAVA_HOME/bin/java" -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$runner")
  printf '%s\n' "$PHASE" >"$(phase_file_of "$service")"
  if ! wait_until_ready "$port" "$pid"; then
    otelref_log_tail "$service" "$log"
    otelref_die "$service" "did not become ready within ${START_TIMEOUT}s"
  fi
  otelref_log "$service" "ready (pid $pid) in $(otelref_since "$start")"
}

wait_until_ready() {
  local port=$1 pid=$2 deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    otelref_pid_alive "$pid" || return 1
    if curl -fsS -o /dev/null "http://$PROBE_HOST:$port/q/health/ready" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

stop_one() {
  local service=$1 pid
  pid=$(live_pid_of "$service")
  if [[ -z $pid ]]; then
    otelref_log "$service" "not running"
    rm -f "$(pid_file_of "$service")" "$(phase_file_of "$service")"
    return 0
  fi
  otelref_stop_pid "$service" "$pid" "$STOP_TIMEOUT" "$(pid_file_of "$service")" "requests, then records in flight finish"
  rm -f "$(phase_file_of "$service")"
}

status() {
  local service pid
  for service in "${SERVICES[@]}"; do
    pid=$(live_pid_of "$service")
    if [[ -n $pid ]]; then
      printf '%-17s 127.0.0.1:%-6s running pid %s phase %s\n' "$service" "$(port_of "$service")" "$pid" \
        "$(running_phase_of "$service")"
    else
      printf '%-17s 127.0.0.1:%-6s stopped\n' "$service" "$(port_of "$service")"
    fi
  done
}

selected() {
  local choice=${1:-all} service
  if [[ $choice == all ]]; then
    printf '%s\n' "${SERVICES[@]}"
    return 0
  fi
  for service in "${SERVICES[@]}"; do
    if [[ $service == "$choice" ]]; then
      printf '%s\n' "$service"
      return 0
    fi
  done
  printf 'services.sh: unknown service "%s"; choose one of: %s all\n' "$choice" "${SERVICES[*]}" >&2
  exit 2
}

main() {
  local command=${1:-} service services
  case $command in
    build) build ;;
    start)
      services=$(selected "${2:-all}")
      for service in $services; do start_one "$service"; done
      ;;
    stop)
      services=$(selected "${2:-all}")
      # Stop the entry point first, so nothing new arrives while the rest goes down.
      for service in $(printf '%s\n' "$services" | tac); do stop_one "$service"; done
      ;;
    status) status ;;
    *)
      sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}

main "$@"
