#!/usr/bin/env bash
# Steady, light checkout traffic from the load generator, so that a running demo always has fresh
# traces and metrics to look at. The reference every scenario is compared against.
#   infra/baseline-traffic.sh start | stop | status
# Rate: OTELREF_BASELINE_RATE requests/s (default 2). Spans go to Jaeger's OTLP/HTTP port.
set -euo pipefail

# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(otelref_repo_root)
STATE_DIR=${OTELREF_STATE_ROOT:-$REPO/.demo}/baseline-traffic
PID_FILE=$STATE_DIR/baseline.pid
LOG_FILE=$STATE_DIR/baseline.log
JAR=$REPO/load-generator/target/load-generator.jar
RATE=${OTELREF_BASELINE_RATE:-2}

live_pid() {
  otelref_live_pid "$PID_FILE" "baseline-traffic"
}

start() {
  local pid
  pid=$(live_pid)
  if [[ -n $pid ]]; then
    otelref_log baseline "already running (pid $pid) at $RATE orders/s"
    return 0
  fi
  otelref_use_jdk baseline
  if otelref_stale "$JAR" "$REPO/load-generator/src/main" "$REPO/load-generator/pom.xml"; then
    otelref_log baseline "building the load generator"
    (cd "$REPO" && mvn -B -q -ntp package -DskipTests -pl load-generator -am) || otelref_die baseline "the build failed"
  fi
  mkdir -p "$STATE_DIR"
  # Ten-minute runs in a loop: each run keeps per-second statistics for its report, so one endless
  # run would grow without bound. The loop's own command line names it, for the PID check.
  : >"$LOG_FILE"
  # shellcheck disable=SC2016 # the loop's arguments are expanded by the inner shell, on purpose
  pid=$(otelref_launch baseline "$PID_FILE" "$LOG_FILE" "$STATE_DIR" \
    bash -c 'while true; do "$0" -jar "$1" --rate "$2" --ramp-up 5s --duration 10m \
      --otlp http://127.0.0.1:4318 || sleep 5; done # baseline-traffic' \
    "$JAVA_HOME/bin/java" "$JAR" "$RATE")
  otelref_log baseline "started (pid $pid): $RATE orders/s against checkout-service, log $LOG_FILE"
}

stop() {
  local pid
  pid=$(live_pid)
  if [[ -z $pid ]]; then
    otelref_log baseline "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  otelref_log baseline "stopping pid $pid"
  # The loop leads its own session (otelref_launch): signal the whole group, the load generator included, since a
  # bash killed while it waits for its child leaves the child running (otelref_stop_pid signals one process).
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  otelref_wait_for_exit "$pid" 10 || kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

status() {
  local pid
  pid=$(live_pid)
  if [[ -n $pid ]]; then
    printf '%-17s %-22s running pid %s\n' baseline-traffic "$RATE/s" "$pid"
  else
    printf '%-17s %-22s stopped\n' baseline-traffic "$RATE/s"
  fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
