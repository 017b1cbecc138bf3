#!/usr/bin/env bash
# Signed device readings: batches of readings signed by registered devices (ES256 JWS, each checked against the
# device's key, counter and clock, the lots on board looked up, recorded as an anchored event, the readings
# stored and the cold chain evaluated) ingested per second from several clients, beside the capture API's rate for
# as many unsigned events in the same run, and whether anchoring keeps pace; then a profiled pass of the signed
# ingest (its SQL from pg_stat_statements, the app's hottest methods from a JFR recording). Starts the packaged app
# with its own PostgreSQL, anvil and Keycloak on free ports (or uses the stack BENCH_STACK_DIR names, see
# scripts/lib.sh); writes benchmarks/devices.md.
# Usage: scripts/benchmark-devices.sh [--smoke] [devices (100)] [batches per device (60)] [readings per batch (60)]
#        [concurrent clients (4)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bench_init devices "$@"
set -- "${BENCH_ARGS[@]}"
(( SMOKE && $# == 0 )) && set -- 4 2 60 2
DEVICES=${1:-100}
BATCHES=${2:-60}
READINGS=${3:-60}
CLIENTS=${4:-4}

run_app_benchmark "Signed device readings" \
  "command \`scripts/benchmark-devices.sh${*:+ $*}\`; PostgreSQL 17 (embedded, as \`./run.sh\` starts it) and anvil (a block every 2 s) on the same machine; the app with the JVM options of \`./run.sh\`, its anchoring worker on (rounds cut every 2 s). Client, app, database and chain node share the cores." \
  city.trace.bench.DeviceBenchmark "$DEVICES" "$BATCHES" "$READINGS" "$CLIENTS"

# The profiled pass: a third of the batches (a warm-up first), on the app restarted with pg_stat_statements preloaded
say "Where a batch's time goes: its SQL and the app's hottest methods"
CLASSPATH=$(bench_classpath)
bench_java() { "$JAVA_HOME/bin/java" -Xmx1g -cp "$CLASSPATH" "$@"; }
app_java_pid() { pgrep -g "$APP_PID" -x java | head -1; }
JDBC_URL=$(stack_jdbc_url)
PROFILE_BATCHES=$(( BATCHES / 3 > 0 ? BATCHES / 3 : 1 ))
bench_java city.trace.bench.StatementStats enable "$JDBC_URL"
stop_service app
start_app "$STACK_DIR"
profile="$LOG_DIR/devices.jfr"
bench_java -Dbench.signedOnly=true -Dbench.profilePid="$(app_java_pid)" -Dbench.profileFile="$profile" \
  city.trace.bench.DeviceBenchmark "$APP_URL" "$JDBC_URL" "$KEYCLOAK_URL" "$LOG_DIR/devices-profiled.md" \
  "$DEVICES" "$PROFILE_BATCHES" "$READINGS" "$CLIENTS"
bench_java city.trace.bench.StatementStats report "$JDBC_URL" "$(( DEVICES * PROFILE_BATCHES ))" "$LOG_DIR/statements.md"
bench_java city.trace.bench.HotCode "$profile" "$LOG_DIR/hot-code.md"
{
  printf '\n## Where a batch'"'"'s time goes\n\n'
  cat "$LOG_DIR/devices-profiled.md"
  printf '\nIts SQL, per batch (pg_stat_statements over the pass; the anchoring worker'"'"'s statements and the '
  printf 'benchmark'"'"'s backlog samples included; a statement'"'"'s time includes waiting for the row locks it takes):\n\n'
  cat "$LOG_DIR/statements.md"
  printf '\nThe app'"'"'s CPU time (`city.trace.bench.HotCode` over the JFR recording of the pass):\n\n'
  cat "$LOG_DIR/hot-code.md"
} >> "$RESULT"
say "Results written to ${RESULT#$ROOT/}"
