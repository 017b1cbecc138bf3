#!/usr/bin/env bash
# EPCIS benchmark: capture throughput (documents of 1,000 events, end to end over HTTP) side by side with a
# raw COPY of the same rows, then query latency on a table of 1,000,000 events. Starts the packaged app with
# its own PostgreSQL, anvil and Keycloak on free ports; writes benchmarks/epcis.md.
# Usage: scripts/benchmark-epcis.sh [documents (100)] [concurrent clients (4)] [events for queries (1000000)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUN_DIR="$ROOT/target/bench/run"
LOG_DIR="$ROOT/target/bench/logs"
RESULT="$ROOT/benchmarks/epcis.md"
mkdir -p "$RUN_DIR" "$LOG_DIR" "$ROOT/benchmarks"

find_jdk
ensure_npm_tools
ensure_keycloak
ensure_app_built
(cd "$ROOT" && ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/target/bench/classpath.txt") || die "could not build the benchmark"

stop_leftovers
trap 'stop_service app; stop_service keycloak; stop_service anvil' EXIT
APP_PORT=$(free_port); KEYCLOAK_PORT=$(free_port); ANVIL_PORT=$(free_port); DB_PORT=$(free_port)
APP_URL="http://localhost:$APP_PORT"
start_keycloak "$KEYCLOAK_PORT" "$APP_URL" "$LOG_DIR/keycloak.log"
start_anvil "$ANVIL_PORT" 31337 "" "$LOG_DIR/anvil.log"
await_keycloak "http://localhost:$KEYCLOAK_PORT" "$LOG_DIR/keycloak.log"
rm -rf "$ROOT/target/bench/data"
APP_PID=$(PORT=$APP_PORT CITYTRACE_DATA_DIR="$ROOT/target/bench/data" CITYTRACE_DB_PORT=$DB_PORT \
  CITYTRACE_DEMO_ENABLED=true CITYTRACE_KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" \
  CITYTRACE_CHAIN_RPC_URL="http://127.0.0.1:$ANVIL_PORT" \
  start_service app "$LOG_DIR/app.log" "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m -XX:MaxMetaspaceSize=192m \
    -jar "$APP_JAR")
wait_http "CityTrace" "$APP_URL/q/health/ready" 120 "$APP_PID" || die "see $LOG_DIR/app.log"

say "Running the EPCIS benchmark (a few minutes)"
{
  echo "# EPCIS capture and query benchmark"
  echo
  echo "Measured by \`scripts/benchmark-epcis.sh${*:+ $*}\` on $(date -u +%Y-%m-%d). Machine: $(nproc) cores"\
    "($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM;"\
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); PostgreSQL 17 (embedded, default settings) on the same machine;"\
    "the app runs with \`-Xmx256m\` and serial GC as \`./run.sh\` starts it. Client, app and database share the cores."
  echo
} > "$RESULT"
"$JAVA_HOME/bin/java" -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench/classpath.txt")" \
  city.trace.bench.EpcisBenchmark "$APP_URL" "jdbc:postgresql://localhost:$DB_PORT/citytrace?user=postgres" \
  "http://localhost:$KEYCLOAK_PORT" noorderlicht-bakery "$RESULT.part" "$@"
cat "$RESULT.part" >> "$RESULT" && rm "$RESULT.part"
say "Results written to ${RESULT#$ROOT/}"
