# Shared by run.sh, test.sh and the benchmarks: find a JDK, fetch pinned tools once, start and stop local
# services (anvil, Keycloak, the app) as process groups tracked by pid files, so that a run killed with
# SIGKILL is cleaned up by the next one.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_HOME="$ROOT/.cache/keycloak-$KEYCLOAK_VERSION"
ANVIL="$ROOT/tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
APP_JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
# anvil's funded dev account 0: public knowledge, for local chains only
ANVIL_DEV_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
# anvil's public dev mnemonic: organisation i anchors from its account i (0 is ANVIL_DEV_KEY's)
ANVIL_DEV_MNEMONIC="test test test test test test test test test test test junk"

say() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# A JDK 21 or newer: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
find_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    if [[ "${version%%.*}" =~ ^[0-9]+$ ]] && (( ${version%%.*} >= 21 )); then
      export JAVA_HOME="$candidate"
      JAVA_MAJOR=${version%%.*}
      return 0
    fi
  done
  die "CityTrace needs a JDK 21 or newer (web3j 6 is Java 21 bytecode). Install one (e.g. apt-get install openjdk-21-jdk or Temurin 21+) or set JAVA_HOME."
}

require_node() {
  command -v node >/dev/null && command -v npm >/dev/null || die "Node.js 20+ and npm are needed (for anvil, solc and the browser tests)."
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  (( major >= 20 )) || die "Node.js 20+ is needed, found $(node --version)."
}

# npm packages pinned in tools/package-lock.json (anvil, solc); a no-op when already installed.
ensure_npm_tools() {
  require_node
  if [[ ! -x "$ANVIL" || "$ROOT/tools/package-lock.json" -nt "$ROOT/tools/node_modules/.package-lock.json" ]]; then
    say "Installing pinned npm tools (anvil, solc) into tools/node_modules"
    (cd "$ROOT/tools" && npm ci --no-audit --no-fund --loglevel=error) || die "npm could not install tools/"
  fi
}

# Keycloak's distribution from Maven Central, unpacked once into .cache/.
ensure_keycloak() {
  [[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] && return 0
  say "Downloading Keycloak $KEYCLOAK_VERSION (once, ~190 MB) into .cache/"
  mkdir -p "$ROOT/.cache"
  (cd "$ROOT" && ./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$ROOT/.cache") \
    || die "Could not download Keycloak from Maven Central"
}

# Builds the application jar when it is missing or older than the sources.
ensure_app_built() {
  if [[ ! -f "$APP_JAR" ]] || [[ -n $(find "$ROOT/src/main" "$ROOT/db" "$ROOT/pom.xml" -newer "$APP_JAR" -print -quit) ]]; then
    say "Building CityTrace"
    (cd "$ROOT" && ./mvnw -q -B package -DskipTests) || die "The build failed"
  fi
}

# apt_install PACKAGE WHY: installs a distribution package (as root, or with sudo), or explains what to do.
apt_install() {
  local package=$1 why=$2 sudo=""
  say "Installing $package from the distribution's packages ($why)"
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null \
    || die "Could not install $package; install it yourself (apt-get install $package)"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    port_in_use "$port" || { echo "$port"; return; }
  done
}

# wait_http NAME URL SECONDS [PID]: waits until URL answers 2xx; fails early if PID dies.
wait_http() {
  local name=$1 url=$2 seconds=$3 pid=${4:-} started=$SECONDS
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      die "$name stopped while starting; see its log"
    fi
    (( SECONDS - started < seconds )) || die "$name did not become ready within ${seconds}s ($url)"
    sleep 0.5
  done
}

# start_service NAME LOGFILE COMMAND...: runs COMMAND in its own process group (so Ctrl-C reaches only
# this script, which then stops services in order) and records its pid in $RUN_DIR/NAME.pid.
start_service() {
  local name=$1 log=$2; shift 2
  mkdir -p "$RUN_DIR" "$(dirname "$log")"
  setsid "$@" >"$log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$name.pid"
  echo $!
}

# stop_service NAME: SIGTERM to the service (it stops its own children, e.g. the app its PostgreSQL),
# then to whatever is left of its process group; SIGKILL after 30 s.
stop_service() {
  local name=$1 pidfile="$RUN_DIR/$1.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { warn "$name did not stop in 30 s; killing it"; kill -KILL "$pid" 2>/dev/null; }
  fi
  if pgrep -g "$pid" >/dev/null 2>&1; then
    kill -TERM -- "-$pid" 2>/dev/null
    for _ in $(seq 1 20); do pgrep -g "$pid" >/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
}

# Stops services an earlier run left behind (that run was killed before it could clean up).
stop_leftovers() {
  local pidfile name
  for pidfile in "$RUN_DIR"/*.pid; do
    [[ -f "$pidfile" ]] || continue
    name=$(basename "$pidfile" .pid)
    if kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      warn "stopping $name (pid $(cat "$pidfile")) left running by an earlier run"
    fi
    stop_service "$name"
  done
}

# start_anvil PORT CHAIN_ID STATE_FILE LOG [extra anvil args]: a local chain like a Besu QBFT network:
# free gas, london, a block every 2 s; the state is saved to STATE_FILE every 10 s and on exit.
start_anvil() {
  local port=$1 chain_id=$2 state=$3 log=$4; shift 4
  port_in_use "$port" && die "port $port (anvil) is in use by another program; set CITYTRACE_ANVIL_PORT or stop it"
  local args=(--port "$port" --chain-id "$chain_id" --hardfork london --base-fee 0 --gas-price 0 --block-time 2)
  [[ -n "$state" ]] && args+=(--state "$state" --state-interval 10)
  ANVIL_PID=$(start_service anvil "$log" "$ANVIL" "${args[@]}" "$@")
  local started=$SECONDS
  until curl -fsS -o /dev/null --max-time 2 -X POST -H 'Content-Type: application/json' \
      --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$port" 2>/dev/null; do
    kill -0 "$ANVIL_PID" 2>/dev/null || die "anvil stopped while starting; see $log"
    (( SECONDS - started < 30 )) || die "anvil did not answer within 30 s; see $log"
    sleep 0.2
  done
}

# start_keycloak PORT APP_URL LOG: Keycloak in dev mode with an in-memory database; the realm file in
# docker/keycloak is imported at every start, so it stays the single source of truth, and the login pages'
# theme is read from docker/keycloak/themes.
start_keycloak() {
  local port=$1 app_url=$2 log=$3
  port_in_use "$port" && die "port $port (Keycloak) is in use by another program; set CITYTRACE_KEYCLOAK_PORT or stop it"
  mkdir -p "$KEYCLOAK_HOME/data/import"
  cp "$ROOT/docker/keycloak/citytrace-realm.json" "$KEYCLOAK_HOME/data/import/"
  KEYCLOAK_PID=$(JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin CITYTRACE_APP_URL="$app_url" \
    start_service keycloak "$log" "$KEYCLOAK_HOME/bin/kc.sh" start-dev --db=dev-mem \
      --http-host=127.0.0.1 --http-port="$port" --import-realm --spi-theme--folder--dir="$ROOT/docker/keycloak/themes")
}

await_keycloak() {
  local url=$1 log=$2
  wait_http "Keycloak" "$url/realms/citytrace/.well-known/openid-configuration" 180 "$KEYCLOAK_PID" \
    || die "see $log"
}

# start_local_stack DIR: Keycloak, anvil (a block every 2 s) and the packaged app with its own PostgreSQL and
# demo data in DIR/data, all on free ports, for tests and benchmarks. Sets APP_URL, KEYCLOAK_URL, ANVIL_URL,
# DB_PORT and APP_PID; RUN_DIR and LOG_DIR must be set. Call stop_local_stack when done.
start_local_stack() {
  local dir=$1 app_port keycloak_port anvil_port
  app_port=$(free_port); keycloak_port=$(free_port); anvil_port=$(free_port); DB_PORT=$(free_port)
  APP_URL="http://localhost:$app_port"
  KEYCLOAK_URL="http://localhost:$keycloak_port"
  ANVIL_URL="http://127.0.0.1:$anvil_port"
  start_keycloak "$keycloak_port" "$APP_URL" "$LOG_DIR/keycloak.log"
  start_anvil "$anvil_port" 31337 "" "$LOG_DIR/anvil.log"
  await_keycloak "$KEYCLOAK_URL" "$LOG_DIR/keycloak.log"
  rm -rf "$dir/data"
  APP_PORT=$app_port
  start_app "$dir"
}

# csrf_secret DIR: the secret that signs the forms' CSRF tokens of the app whose data is in DIR: CITYTRACE_WEB_CSRF_SECRET
# when set, else DIR/csrf-secret, made once with a random value (readable by its owner only), so that forms opened
# before a restart still work after it.
csrf_secret() {
  local file="$1/csrf-secret"
  if [[ -n "${CITYTRACE_WEB_CSRF_SECRET:-}" ]]; then
    echo "$CITYTRACE_WEB_CSRF_SECRET"
    return
  fi
  if [[ ! -s "$file" ]]; then
    mkdir -p "$1"
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 > "$file") || die "could not write $file"
  fi
  cat "$file"
}

# The app's JVM options (find_jdk first), sized so that it stays near 400 MB resident after the random-lot
# benchmark and a capture load (benchmarks/random-lots.md, "Memory"): G1, whose periodic collection when the app
# is idle (every 5 s) gives back the heap a capture load grew (serial GC gives it back only after a full
# collection, which may never come), and which served random lots' pages as fast; the heap starts small and may
# still grow to 256 MB for the largest capture documents; a fixed young generation; on JDK 25+ compact object
# headers (a smaller heap) and glibc's freed memory returned to the system every 5 s. CITYTRACE_JVM_OPTIONS
# replaces them.
app_jvm_options() {
  if [[ -n "${CITYTRACE_JVM_OPTIONS:-}" ]]; then echo "$CITYTRACE_JVM_OPTIONS"; return; fi
  echo -XX:+UseG1GC -XX:G1PeriodicGCInterval=5000 -Xms64m -Xmx256m -Xmn48m -XX:MinHeapFreeRatio=10 \
    -XX:MaxHeapFreeRatio=30 -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m
  (( ${JAVA_MAJOR:-21} < 25 )) || echo -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=5000
}

# glibc's malloc arenas: one per thread that allocates, up to 8 a core, each holding on to freed memory; two
# serve the app as well (MALLOC_ARENA_MAX overrides).
APP_MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# start_app DIR [SECONDS]: (re)starts the packaged app of the local stack on APP_PORT, with its data in DIR/data,
# and waits up to SECONDS (120) until it is ready; the app reads further settings from the environment
# (CITYTRACE_VERIFY_PAGE_CACHE_TTL=0s, for instance).
start_app() {
  local dir=$1 seconds=${2:-120}
  APP_PID=$(PORT=$APP_PORT CITYTRACE_DATA_DIR="$dir/data" CITYTRACE_DB_PORT=$DB_PORT CITYTRACE_DEMO_ENABLED=true \
    CITYTRACE_WEB_CSRF_SECRET=$(csrf_secret "$dir/data") \
    CITYTRACE_KEYCLOAK_URL="$KEYCLOAK_URL" CITYTRACE_CHAIN_RPC_URL="$ANVIL_URL" CITYTRACE_ANCHOR_PRIVATE_KEY="$ANVIL_DEV_KEY" \
    CITYTRACE_ANCHOR_KEYS_DEV_MNEMONIC="$ANVIL_DEV_MNEMONIC" CITYTRACE_ANCHOR_KEYS_ADMIT_NEW_ACCOUNTS=true \
    MALLOC_ARENA_MAX=$APP_MALLOC_ARENA_MAX start_service app "$LOG_DIR/app.log" "$JAVA_HOME/bin/java" \
      $(app_jvm_options) ${CITYTRACE_JAVA_OPTS:-} -jar "$APP_JAR")
  wait_http "CityTrace" "$APP_URL/q/health/ready" "$seconds" "$APP_PID" || die "see $LOG_DIR/app.log"
}

stop_local_stack() {
  stop_service app
  stop_service keycloak
  stop_service anvil
}

# Builds the test classes and writes their classpath, for benchmarks run as plain Java programs; nothing to do
# when no source changed since the last time.
bench_classpath() {
  local classpath="$ROOT/target/bench/classpath.txt"
  if [[ ! -f "$classpath" || -n $(find "$ROOT/src" "$ROOT/db" "$ROOT/pom.xml" -newer "$classpath" -print -quit) ]]; then
    (cd "$ROOT" && ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$classpath") >&2 || die "could not build the benchmark"
    touch "$classpath" # written only when the classpath changed
  fi
  echo "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$classpath")"
}

# smoke_benchmarks STACK_DIR: every benchmark in smoke mode (see bench_init) on the caller's running local stack
# (start_local_stack), which they may restart and whose data they change (the EPCIS benchmark, last, empties
# the event tables).
smoke_benchmarks() {
  export BENCH_SMOKE=1 BENCH_STACK_DIR=$1 APP_URL APP_PORT KEYCLOAK_URL ANVIL_URL DB_PORT RUN_DIR LOG_DIR
  local name started
  for name in anchor-gas public-page random-lots trace sweep anchor-latency devices epcis; do
    say "Benchmark in smoke mode: scripts/benchmark-$name.sh"
    started=$SECONDS
    "$ROOT/scripts/benchmark-$name.sh" || die "scripts/benchmark-$name.sh failed in smoke mode"
    say "scripts/benchmark-$name.sh: smoke run passed in $(( SECONDS - started )) s"
  done
}

# bench_init NAME ARGS...: a benchmark's mode and results file. Smoke mode (--smoke as the first argument, or
# BENCH_SMOKE=1) runs it at tiny sizes for seconds, asserts no figure, and writes target/bench/smoke/NAME.md
# instead of benchmarks/NAME.md: ./test.sh runs every benchmark so, that none rots. Sets SMOKE (0 or 1), RESULT
# and BENCH_ARGS (the arguments without --smoke).
bench_init() {
  local name=$1; shift
  SMOKE=${BENCH_SMOKE:-0}
  [[ "${1:-}" == "--smoke" ]] && { SMOKE=1; shift; }
  BENCH_ARGS=("$@")
  if (( SMOKE )); then RESULT="$ROOT/target/bench/smoke/$name.md"; else RESULT="$ROOT/benchmarks/$name.md"; fi
  mkdir -p "$(dirname "$RESULT")"
}

# bench_stack: the local stack a benchmark runs on. A stack someone else started when BENCH_STACK_DIR names its
# folder (./test.sh shares its browser tests' stack so: Keycloak alone takes ~20 s to start), with APP_URL,
# APP_PORT, KEYCLOAK_URL, ANVIL_URL, DB_PORT, RUN_DIR and LOG_DIR exported; benchmarks may restart its app
# (start_app "$STACK_DIR") and change its data. Otherwise a fresh one in target/bench, stopped on exit.
bench_stack() {
  if [[ -n "${BENCH_STACK_DIR:-}" ]]; then
    STACK_DIR=$BENCH_STACK_DIR
    APP_PID=$(cat "$RUN_DIR/app.pid")
    return
  fi
  STACK_DIR="$ROOT/target/bench"
  RUN_DIR="$STACK_DIR/run"
  LOG_DIR="$STACK_DIR/logs"
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  stop_leftovers
  trap stop_local_stack EXIT
  start_local_stack "$STACK_DIR"
}

# replay_city SECONDS: restarts the benchmark stack's app, which replays a generated city's events through the
# recording rules into stock (none may break them) and anchors them, then waits up to SECONDS until every event is
# in a FINAL batch; sets REPLAY_SECONDS and ANCHOR_SECONDS. bench_java must be defined.
replay_city() {
  local seconds=$1 started broken
  say "Restarting the app: it replays the events through the recording rules into stock, and anchors them"
  stop_service app
  started=$SECONDS
  start_app "$STACK_DIR" "$seconds"
  REPLAY_SECONDS=$(( SECONDS - started ))
  broken=$(grep -c 'shown as a third-party claim' "$LOG_DIR/app.log" || true)
  (( broken == 0 )) || die "$broken events broke the recording rules when replayed; see $LOG_DIR/app.log"
  started=$SECONDS
  bench_java city.trace.bench.RandomLotCity await-anchored "$(stack_jdbc_url)" "$seconds"
  ANCHOR_SECONDS=$(( SECONDS - started ))
}

# The JDBC URL of the stack's database.
stack_jdbc_url() {
  echo "jdbc:postgresql://localhost:$DB_PORT/citytrace?user=postgres"
}

# wrk_run NAME CONNECTIONS SECONDS URL [wrk options...]: one wrk run with 2 threads, its output kept in
# $LOG_DIR; sets WRK_RPS, WRK_P50, WRK_P99, WRK_ERRORS (non-2xx answers and socket errors) and WRK_REQUESTS.
wrk_run() {
  local name=$1 connections=$2 seconds=$3 url=$4 out
  shift 4
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" "$url")
  echo "$out" > "$LOG_DIR/wrk-$(tr -c 'a-z0-9\n' '-' <<< "$name")-$connections.txt"
  WRK_RPS=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<< "$out")
  WRK_P50=$(awk '$1 == "50%" {print $2}' <<< "$out")
  WRK_P99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  WRK_REQUESTS=$(awk '/requests in/ {print $1}' <<< "$out")
  WRK_ERRORS=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<< "$out")
  say "$name, $connections clients: $WRK_RPS req/s, p50 $WRK_P50, p99 $WRK_P99, errors $WRK_ERRORS"
}

# run_app_benchmark TITLE DESCRIPTION CLASS [ARGS...]: runs a benchmark class against the packaged app on the
# benchmark stack (bench_init first). The class gets: appUrl jdbcUrl keycloakUrl partFile ARGS...; RESULT gets a
# header (title, the machine, DESCRIPTION) and then what the class wrote.
run_app_benchmark() {
  local result=$RESULT title=$1 description=$2 class=$3 classpath
  shift 3
  find_jdk
  ensure_npm_tools
  ensure_keycloak
  ensure_app_built
  classpath=$(bench_classpath)
  bench_stack
  say "Running: $title$( (( SMOKE )) && echo ", smoke mode" || echo " (a few minutes)")"
  printf '# %s\n\nMeasured on %s. Machine: %s; %s\n\n' "$title" "$(date -u +%Y-%m-%d)" "$(machine_description)" \
    "$description" > "$result"
  "$JAVA_HOME/bin/java" -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$classpath" "$class" \
    "$APP_URL" "$(stack_jdbc_url)" "$KEYCLOAK_URL" "$result.part" "$@"
  cat "$result.part" >> "$result" && rm "$result.part"
  say "Results written to ${result#$ROOT/}"
}

# The machine a benchmark ran on, for its results file.
machine_description() {
  echo "$(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM;"\
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
}

# Resident memory (MiB) of the processes whose pids are given: the sum of their proportional set sizes
# (PSS), so memory they share (PostgreSQL's shared buffers) is counted once, not once per process.
rss_mib() {
  local total=0 p
  for p in "$@"; do
    total=$(( total + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0) ))
  done
  echo $(( total / 1024 ))
}
