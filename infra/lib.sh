# shellcheck shell=bash
# Shared helpers for the infra/ scripts. Source it; it defines functions and sets nothing else:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Function names start with otelref_ so they do not clash with the sourcing script's own.

# The checkout's root: the parent of the directory holding this file, symlinks resolved.
otelref_repo_root() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
}

# otelref_log PREFIX MESSAGE... -> "[PREFIX] MESSAGE" on stdout.
otelref_log() {
  local prefix=$1
  shift
  printf '[%s] %s\n' "$prefix" "$*"
}

# otelref_die PREFIX MESSAGE... -> "[PREFIX] ERROR: MESSAGE" on stderr, exit 1.
otelref_die() {
  local prefix=$1
  shift
  printf '[%s] ERROR: %s\n' "$prefix" "$*" >&2
  exit 1
}

# The major version of the JDK at $1 (a JAVA_HOME), or nothing if it is not a JDK.
otelref_jdk_major() {
  local home=$1 version
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 0
  if [[ -r $home/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z ${version:-} ]]; then
    version=$("$home/bin/java" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }') || true
  fi
  version=${version#1.}
  printf '%s\n' "${version%%[.+-]*}"
}

# Prints the JAVA_HOME to use: $JAVA_HOME if it is a JDK >= 21, else the newest
# /usr/lib/jvm/temurin-25*. Returns 1 (printing nothing) if neither exists.
otelref_find_java_home() {
  local major candidate
  if [[ -n ${JAVA_HOME:-} ]]; then
    major=$(otelref_jdk_major "$JAVA_HOME")
    if [[ -n $major && $major -ge 21 ]]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in $(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' 2>/dev/null | sort -rV); do
    major=$(otelref_jdk_major "$candidate")
    if [[ -n $major && $major -ge 21 ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# otelref_use_jdk PREFIX: exports JAVA_HOME (and puts its bin/ first on PATH) as otelref_find_java_home
# finds it, so that java, javac and Maven all run on a JDK >= 21 whatever `java` on PATH is (a fresh
# Debian machine has 17 there). Fails, saying what to install, if there is none.
otelref_use_jdk() {
  local home
  home=$(otelref_find_java_home) ||
    otelref_die "$1" "no JDK 21 or newer found: set JAVA_HOME to one, or install Temurin 25 under /usr/lib/jvm"
  export JAVA_HOME=$home
  [[ :$PATH: == *":$home/bin:"* ]] || export PATH=$home/bin:$PATH
}

# otelref_ensure_installed PREFIX PACKAGE COMMAND...: installs Debian's PACKAGE (without recommends) when
# any COMMAND is missing; root may install, anyone else is told the apt-get line. The package lists are
# refreshed only if the first attempt fails, as it does on a machine whose lists are missing or stale.
otelref_ensure_installed() {
  local prefix=$1 package=$2 missing=() command log t0
  shift 2
  for command in "$@"; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
  done
  ((${#missing[@]} == 0)) && return 0
  command -v apt-get >/dev/null 2>&1 ||
    otelref_die "$prefix" "${missing[*]} not installed, and there is no apt-get to install Debian's $package with"
  ((EUID == 0)) ||
    otelref_die "$prefix" "${missing[*]} not installed; as root: apt-get install --no-install-recommends $package"
  log=${TMPDIR:-/tmp}/otelref-apt-$package.log
  t0=$(otelref_now_ms)
  otelref_log "$prefix" "installing Debian's $package for ${missing[*]} (first time only; log $log)"
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -y -q --no-install-recommends install "$package")
  if ! DEBIAN_FRONTEND=noninteractive "${apt[@]}" >"$log" 2>&1 </dev/null 9>&-; then
    if ! { apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive "${apt[@]}"; } \
      >>"$log" 2>&1 </dev/null 9>&-; then
      otelref_log_tail "$prefix" "$log"
      otelref_die "$prefix" "apt-get could not install $package (log: $log)"
    fi
  fi
  for command in "${missing[@]}"; do
    command -v "$command" >/dev/null 2>&1 || otelref_die "$prefix" "$package is installed but $command is still missing"
  done
  otelref_log "$prefix" "installed $package in $(otelref_since "$t0")"
}

# otelref_port_in_use PORT [HOST]: true if something accepts TCP connections there.
otelref_port_in_use() {
  local port=$1 host=${2:-127.0.0.1}
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# otelref_port_owner PORT: who listens on PORT (any address), from `ss -ltnp`, as
# "NAME (pid N: COMMAND LINE...)" per process, or the raw ss line if it names no process.
otelref_port_owner() {
  local line name pid cmdline
  while IFS= read -r line; do
    if [[ $line =~ users:\(\(\"([^\"]*)\",pid=([0-9]+) ]]; then
      name=${BASH_REMATCH[1]}
      pid=${BASH_REMATCH[2]}
      cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
      printf '%s (pid %s: %s)\n' "$name" "$pid" "${cmdline:0:160}"
    else
      printf '%s\n' "$line" | sed 's/[[:space:]]\{1,\}/ /g'
    fi
  done < <(ss -Hltnp "sport = :$1" 2>/dev/null)
}

# otelref_fail_port_taken PREFIX PORT WHAT HOW_TO_FREE: fails naming the process that listens on PORT,
# which the calling script did not start. WHAT says what the port is for, HOW_TO_FREE what to do.
otelref_fail_port_taken() {
  local prefix=$1 port=$2 what=$3 how_to_free=$4 owner
  owner=$(otelref_port_owner "$port")
  otelref_die "$prefix" "port $port ($what) is already in use by a process this script did not start:" \
    "${owner:-unknown owner (ss -ltnp shows nothing; try as root)}." "$how_to_free"
}

# otelref_take_lock PREFIX LOCK_FILE TIMEOUT_SECONDS: serialises the start/stop steps of one checkout
# on fd 9. Servers must be started with 9>&- so that they do not hold the lock for as long as they run.
otelref_take_lock() {
  local prefix=$1 file=$2 timeout=$3
  mkdir -p "$(dirname "$file")"
  exec 9>"$file"
  if ! flock -w "$timeout" 9; then
    otelref_die "$prefix" "another run holds $file for more than $timeout s"
  fi
}

# otelref_stale ARTIFACT SOURCE...: true when ARTIFACT is missing or any file under the SOURCE paths
# is newer than it, i.e. when it must be built again.
otelref_stale() {
  local artifact=$1
  shift
  [[ -f $artifact ]] || return 0
  [[ -n $(find "$@" -newer "$artifact" -type f -print -quit 2>/dev/null) ]]
}

# otelref_wait_for_port HOST PORT TIMEOUT_SECONDS [PID]: waits until HOST:PORT accepts a
# connection. Returns 1 on timeout, 2 as soon as PID (if given) is no longer alive.
otelref_wait_for_port() {
  local host=$1 port=$2 pid=${4:-} deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    if otelref_port_in_use "$port" "$host"; then
      return 0
    fi
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 2
    fi
    sleep 0.3
  done
  return 1
}

# otelref_pid_alive PID: true if a process with that PID exists (zombies count as gone).
otelref_pid_alive() {
  local pid=$1 state
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
  [[ $state != Z ]]
}

# otelref_read_pid FILE: prints the PID recorded on the first line of FILE, if any.
otelref_read_pid() {
  local file=$1 pid=
  if [[ -r $file ]]; then
    read -r pid <"$file" || true
  fi
  [[ $pid =~ ^[0-9]+$ ]] && printf '%s\n' "$pid"
  return 0
}

# otelref_pid_cmdline_has PID STRING: true if the process's command line contains STRING,
# which guards against a recorded PID that the kernel has since given to another process.
otelref_pid_cmdline_has() {
  local pid=$1 needle=$2 cmdline
  [[ -r /proc/$pid/cmdline ]] || return 1
  # No `| grep -q`: under pipefail an early grep exit can fail the pipeline with SIGPIPE.
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$needle"* ]]
}

# otelref_live_pid FILE STRING: prints the PID recorded in FILE if that process is alive and its
# command line contains STRING; otherwise prints nothing.
otelref_live_pid() {
  local pid
  pid=$(otelref_read_pid "$1")
  if [[ -n $pid ]] && otelref_pid_alive "$pid" && otelref_pid_cmdline_has "$pid" "$2"; then
    printf '%s\n' "$pid"
  fi
  return 0
}

# otelref_wait_for_exit PID TIMEOUT_SECONDS: true once PID is gone, false on timeout. A zombie
# counts as gone, but is given up to 2 s to be reaped, so that pgrep right after a stop is clean.
otelref_wait_for_exit() {
  local pid=$1 deadline=$((SECONDS + $2)) reap_deadline
  while otelref_pid_alive "$pid"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  reap_deadline=$((SECONDS + 2))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < reap_deadline)); do
    sleep 0.1
  done
  return 0
}

# otelref_launch PREFIX PID_FILE LOG DIR COMMAND...: starts COMMAND in DIR, detached in a session of its own (no
# Ctrl-C or hang-up from this terminal reaches it), output appended to LOG. The child writes its own PID to PID_FILE
# before it execs, so the PID is the server's, not a wrapper's. Prints that PID. The one way every script here starts
# a long-running process.
otelref_launch() {
  local prefix=$1 pid_file=$2 log=$3 dir=$4 pid deadline
  shift 4
  rm -f "$pid_file"
  # The server is the only command sent to the background, so that nothing else waits for it and
  # holds the caller's stdout (a `cd && server &` list would be one background shell doing both).
  (
    cd "$dir" || exit 1
    # shellcheck disable=SC2016 # $$ and $0 belong to the inner shell
    setsid sh -c 'echo $$ >"$0"; exec "$@"' "$pid_file" "$@" >>"$log" 2>&1 </dev/null 9>&- &
  )
  deadline=$((SECONDS + 10))
  until pid=$(otelref_read_pid "$pid_file") && [[ -n $pid ]]; do
    ((SECONDS < deadline)) || otelref_die "$prefix" "the launcher wrote no pid file ($pid_file)"
    sleep 0.1
  done
  printf '%s\n' "$pid"
}

# otelref_stop_pid PREFIX PID TIMEOUT [PID_FILE] [WHAT_FINISHES]: SIGTERM, then SIGKILL if PID is still there after
# TIMEOUT seconds; removes PID_FILE. WHAT_FINISHES says what the graceful stop lets finish, for the log line. The
# one way every script here stops a process.
otelref_stop_pid() {
  local prefix=$1 pid=$2 timeout=$3 pid_file=${4:-} finishes=${5:-} t0
  t0=$(otelref_now_ms)
  otelref_log "$prefix" "stopping pid $pid (SIGTERM${finishes:+: $finishes}; SIGKILL after ${timeout}s)"
  kill -TERM "$pid" 2>/dev/null || true
  if ! otelref_wait_for_exit "$pid" "$timeout"; then
    otelref_log "$prefix" "still running after ${timeout}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    otelref_wait_for_exit "$pid" 10 || otelref_die "$prefix" "pid $pid survived SIGKILL"
  fi
  [[ -z $pid_file ]] || rm -f "$pid_file"
  otelref_log "$prefix" "stopped in $(otelref_since "$t0")"
}

# otelref_log_tail PREFIX FILE [LINES]: the last lines of a server log on stderr, for failures.
otelref_log_tail() {
  local prefix=$1 file=$2 lines=${3:-30}
  if [[ -r $file ]]; then
    printf '[%s] last %s lines of %s:\n' "$prefix" "$lines" "$file" >&2
    tail -n "$lines" "$file" | sed 's/^/    /' >&2
  else
    printf '[%s] (no log at %s)\n' "$prefix" "$file" >&2
  fi
}

# Milliseconds since the epoch (bash 5's EPOCHREALTIME; date on older shells).
otelref_now_ms() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local us=${EPOCHREALTIME/[.,]/}
    printf '%s\n' $((us / 1000))
  else
    date +%s%3N
  fi
}

# otelref_since START_MS -> "1.234s" elapsed since START_MS.
otelref_since() {
  local ms=$(($(otelref_now_ms) - $1))
  printf '%d.%03ds\n' $((ms / 1000)) $((ms % 1000))
}

# The admin API token of the services run from state root $1 (made on first use, readable only by its owner):
# infra/services.sh starts them with it, ./demo scenario and the end-to-end tests switch faults with it.
otelref_admin_token() {
  local file=$1/admin-token
  if [[ ! -s $file ]]; then
    mkdir -p "$1"
    (umask 077 && od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$file")
  fi
  cat "$file"
}

# otelref_instrumentation_phase [PHASE]: prints PHASE, which defaults to 6 (everything), if it is one of the
# runbook's phases 0..6 (docs/operations/demo.md#instrumentation-phases); otherwise explains and exits 2.
otelref_instrumentation_phase() {
  local phase=${1:-6}
  if [[ ! $phase =~ ^[0-6]$ ]]; then
    printf 'the instrumentation phase must be one of 0 1 2 3 4 5 6, not "%s"\n' "$phase" >&2
    exit 2
  fi
  printf '%s\n' "$phase"
}

# --- OpenTelemetry Collector ----------------------------------------------------------------------
# One collector build serves both the local pipeline (infra/observability.sh runs it) and the compose
# checks (deploy/validate.sh validates the config with it): the components deploy/otel-collector/
# builder-config.yaml lists, at the version it names, which docker-compose.yml's image must match.

# Prints the path of the collector binary built from the manifest (which may not exist yet).
otelref_collector_bin() {
  local repo manifest version
  repo=$(otelref_repo_root)
  manifest=$repo/deploy/otel-collector/builder-config.yaml
  version=$(awk '$1 == "version:" { print $2; exit }' "$manifest")
  printf '%s/otel-reference/otelcol/%s/otelcol\n' "${XDG_CACHE_HOME:-$HOME/.cache}" "$version"
}

# Builds the collector into the cache with the OpenTelemetry Collector Builder, unless the cached binary
# was built from the current manifest (a changed component list rebuilds it).
otelref_ensure_collector() {
  local repo manifest bin dir key key_file version t0 build_dir
  repo=$(otelref_repo_root)
  manifest=$repo/deploy/otel-collector/builder-config.yaml
  bin=$(otelref_collector_bin)
  dir=$(dirname "$bin")
  key_file=$dir/otelcol.build-key
  key=$(sha256sum <"$manifest" | cut -c1-16)
  [[ -x $bin && $(cat "$key_file" 2>/dev/null) == "$key" ]] && return 0
  command -v go >/dev/null 2>&1 ||
    otelref_die otelcol "Go is needed to build the OpenTelemetry Collector once (go.dev/doc/install; Debian: apt-get install golang)"
  version=$(basename "$dir")
  t0=$(otelref_now_ms)
  otelref_log otelcol "building OpenTelemetry Collector $version with the components of" \
    "deploy/otel-collector/builder-config.yaml (first time or after a manifest change: ~3 min of a 2-core machine" \
    "with a warm Go module cache, up to ~16 min cold; log: $dir/build.log)"
  mkdir -p "$dir"
  GOBIN=$dir go install "go.opentelemetry.io/collector/cmd/builder@v$version"
  build_dir=$(mktemp -d "$dir/build.XXXXXX")
  "$dir/builder" --config "$manifest" --output-path "$build_dir" >"$dir/build.log" 2>&1 ||
    { otelref_log_tail otelcol "$dir/build.log"; rm -rf "$build_dir"; otelref_die otelcol "the collector build failed"; }
  mv "$build_dir/otelcol" "$bin"
  rm -rf "$build_dir"
  printf '%s\n' "$key" >"$key_file"
  otelref_log otelcol "built $bin in $(otelref_since "$t0")"
}
