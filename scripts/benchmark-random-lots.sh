#!/usr/bin/env bash
# Public verification pages of random lots: a generated city (city.trace.bench.RandomLotCity: 10,000 lots in
# chains farm → factory (2–3 inputs) → carrier → retailers, ~100,000 events, every one anchored and vouched for
# by the recording rules), and wrk clients each asking for the page of a lot drawn at random (scripts/random-lot.lua),
# so that the page cache (as deployed) rarely helps; /q/health/live in the same run is the floor. At 50 and 200
# clients, after every lot's page was visited once (city.trace.bench.EveryLot: the first visits, which build the
# pages and keep them). Then where a page's time goes (its SQL from pg_stat_statements, the app's hottest methods from a JFR
# recording), and the app's resident memory after the page load and after a capture load.
# Starts the packaged app with its own PostgreSQL, anvil and Keycloak on free ports (or uses the stack
# BENCH_STACK_DIR names, see scripts/lib.sh); writes benchmarks/random-lots.md.
# Usage: scripts/benchmark-random-lots.sh [--smoke] [seconds per measurement (20)] [lots (10000)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bench_init random-lots "$@"
set -- "${BENCH_ARGS[@]}"
(( SMOKE && $# == 0 )) && set -- 2 60
SECONDS_EACH=${1:-20}
LOTS=${2:-10000}
CAPTURE_DOCUMENTS=$(( SMOKE ? 1 : 56 )) # the capture load of the memory figure: 56,000 events, as README's
SAMPLE_PAGES=20
# memory is read at the capture load's end and again this long after it, once the app is idle: what it keeps
SETTLE_SECONDS=$(( SMOKE ? 1 : 30 ))

find_jdk
ensure_npm_tools
ensure_keycloak
ensure_app_built
command -v wrk >/dev/null || apt_install wrk "the HTTP load generator of this benchmark"
CLASSPATH=$(bench_classpath)
bench_stack
bench_java() { "$JAVA_HOME/bin/java" -Xmx1g -cp "$CLASSPATH" "$@"; }
app_java_pid() { pgrep -g "$APP_PID" -x java | head -1; }
export LOT_PATHS="$STACK_DIR/lot-paths.txt"
JDBC_URL=$(stack_jdbc_url)

say "Generating a city of $LOTS lots"
bench_java city.trace.bench.RandomLotCity generate "$JDBC_URL" "$LOT_PATHS" "$LOTS" | tee "$LOG_DIR/city.txt"
bench_java city.trace.bench.StatementStats enable "$JDBC_URL"
replay_city 900

say "Checking $SAMPLE_PAGES lots' pages: VERIFIED, and no claims by others"
total_lots=$(wc -l < "$LOT_PATHS")
steps=0
checked=0
for path in $(awk -v step=$(( total_lots / SAMPLE_PAGES + 1 )) '(NR - 1) % step == 0' "$LOT_PATHS"); do
  page=$(curl -fsS -H 'Accept: text/html' "$APP_URL$path") || die "$path did not answer"
  grep -q 'verdict-VERIFIED' <<< "$page" || die "$APP_URL$path does not say VERIFIED"
  ! grep -q 'id="claims"' <<< "$page" || die "$APP_URL$path shows claims by others"
  steps=$(( steps + $(grep -c 'class="step ' <<< "$page") ))
  checked=$(( checked + 1 ))
done

# random_pages CONNECTIONS [SECONDS]: wrk on random lots' pages, gzip as browsers ask
random_pages() {
  wrk_run "random lot pages" "$1" "${2:-$SECONDS_EACH}" "$APP_URL" -s "$ROOT/scripts/random-lot.lua" \
    -H 'Accept: text/html' -H 'Accept-Encoding: gzip, deflate, br'
}

# public_pages: how many public pages the app has served as kept, and built, since it started ("kept built")
public_pages() {
  local token
  token=$(curl -fsS -d 'grant_type=client_credentials&client_id=citytrace-metrics&client_secret=citytrace-metrics-dev-secret' \
    "$KEYCLOAK_URL/realms/citytrace/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -fsS -H "Authorization: Bearer $token" "$APP_URL/q/metrics" | awk -F'[ ]' '
    /^citytrace_public_pages_total\{source="kept"\}/ {kept = $2} /^citytrace_public_pages_total\{source="built"\}/ {built = $2}
    END {printf "%d %d\n", kept, built}'
}

say "First visits: every lot's page once, at 50 clients"
first_visits=$(bench_java city.trace.bench.EveryLot "$APP_URL" "$LOT_PATHS" 50)
read -r first_rate first_p50 first_p99 first_errors <<< "$first_visits"
say "First visits, 50 clients: $first_rate pages/s, p50 $first_p50, p99 $first_p99, errors $first_errors"
kept_pages=$(bench_java city.trace.bench.RandomLotCity kept-pages "$JDBC_URL")
rows=$(printf '| every lot'"'"'s page once (first visits) | 50 | **%s** | %s | %s | %s | |' "$first_rate" "$first_p50" \
  "$first_p99" "$first_errors")$'\n'

say "Measuring ($SECONDS_EACH s a run)"
WARM_UP_SECONDS=$(( SMOKE ? 1 : 30 ))
random_pages 200 "$WARM_UP_SECONDS" # warm-up: JIT, connection pools, PostgreSQL's buffers
read -r kept_before built_before <<< "$(public_pages)"
for connections in 50 200; do
  wrk_run "/q/health/live" "$connections" "$SECONDS_EACH" "$APP_URL/q/health/live"
  floor=$WRK_RPS
  rows+=$(printf '| `/q/health/live` (floor) | %s | %s | %s | %s | %s | 1 |' "$connections" "$WRK_RPS" "$WRK_P50" \
    "$WRK_P99" "$WRK_ERRORS")$'\n'
  random_pages "$connections"
  rows+=$(printf '| random lot page | %s | **%s** | %s | **%s** | %s | %s |' "$connections" "$WRK_RPS" "$WRK_P50" \
    "$WRK_P99" "$WRK_ERRORS" "$(awk -v p="$WRK_RPS" -v f="$floor" 'BEGIN {printf "%.3f", p / f}')")$'\n'
done
read -r kept_after built_after <<< "$(public_pages)"
kept_visits=$(( kept_after - kept_before ))
built_visits=$(( built_after - built_before ))
say "Pages the measured runs asked the database for: $kept_visits served as kept, $built_visits built"
# every lot's page was kept by the first visits: pages built now mean the visits' check fails (PageSnapshots)
(( built_visits * 10 <= kept_visits + built_visits )) \
  || die "$built_visits of $(( kept_visits + built_visits )) pages were built again, not served as kept"
pss_pages=$(rss_mib "$(app_java_pid)")
rss_pages=$(( $(awk '/^VmRSS:/ {print $2}' "/proc/$(app_java_pid)/status") / 1024 ))

say "Where a page's time goes: its SQL and the app's hottest methods, at 200 clients"
bench_java city.trace.bench.StatementStats reset "$JDBC_URL"
profile="$LOG_DIR/random-lots.jfr"
"$JAVA_HOME/bin/jcmd" "$(app_java_pid)" JFR.start name=pages settings=profile > /dev/null
random_pages 200 "$(( SMOKE ? 1 : 10 ))"
"$JAVA_HOME/bin/jcmd" "$(app_java_pid)" JFR.stop name=pages filename="$profile" > /dev/null
bench_java city.trace.bench.StatementStats report "$JDBC_URL" "$WRK_REQUESTS" "$LOG_DIR/statements.md"
bench_java city.trace.bench.HotCode "$profile" "$LOG_DIR/hot-code.md"

say "A capture load of $CAPTURE_DOCUMENTS,000 events"
bench_java city.trace.bench.CaptureLoad "$APP_URL" "$KEYCLOAK_URL" "M$(( $(date +%s) % 100000 ))" "$CAPTURE_DOCUMENTS"
pss_capture=$(rss_mib "$(app_java_pid)")
sleep "$SETTLE_SECONDS"
pss_settled=$(rss_mib "$(app_java_pid)")

# memory_run LABEL: the app restarted with the JVM options and malloc arenas of the environment, random lots'
# pages at 200 clients, then the capture load; appends a row to memory_rows
memory_rows=""
memory_run() {
  local label=$1 started pages captured
  stop_service app
  start_app "$STACK_DIR"
  started=$(rss_mib "$(app_java_pid)")
  random_pages 50 "$(( SMOKE ? 1 : 5 ))" > /dev/null
  random_pages 200
  pages=$(rss_mib "$(app_java_pid)")
  bench_java city.trace.bench.CaptureLoad "$APP_URL" "$KEYCLOAK_URL" "N$(( $(date +%s) % 100000 ))" "$CAPTURE_DOCUMENTS"
  captured=$(rss_mib "$(app_java_pid)")
  sleep "$SETTLE_SECONDS"
  memory_rows+=$(printf '| %s | %s MiB | %s pages/s, p99 %s, errors %s | %s MiB | %s MiB | **%s MiB** |' "$label" \
    "$started" "$WRK_RPS" "$WRK_P99" "$WRK_ERRORS" "$pages" "$captured" "$(rss_mib "$(app_java_pid)")")$'\n'
}
say "Memory: the JVM options before issue 10 and now, each on a fresh start under the same load"
if (( ! SMOKE )); then
  CITYTRACE_JVM_OPTIONS="-XX:+UseSerialGC -Xmx256m -XX:MaxMetaspaceSize=192m" APP_MALLOC_ARENA_MAX=16 \
    memory_run "before: \`-XX:+UseSerialGC -Xmx256m -XX:MaxMetaspaceSize=192m\`, glibc's default arenas (16 on 2 cores)"
fi
memory_run "now: \`$(app_jvm_options | tr '\n' ' ' | sed 's/ $//')\`, \`MALLOC_ARENA_MAX=$APP_MALLOC_ARENA_MAX\`"

events=$(awk '/^Generated/ {print $5}' "$LOG_DIR/city.txt")
{
  printf '# Public pages of random lots\n\n'
  printf 'Measured on %s. Machine: %s; command `scripts/benchmark-random-lots.sh%s`. ' "$(date -u +%Y-%m-%d)" \
    "$(machine_description)" "${*:+ $*}"
  printf 'The city: %s lots (farm lots, and the lots factories made of 2–3 of them) and %s events, generated by ' \
    "$total_lots" "$events"
  printf '`city.trace.bench.RandomLotCity` (seeded) and written with COPY; the app replayed them through the recording '
  printf 'rules at its start (%s s) and anchored them all (FINAL after %s s more). %s sample pages said VERIFIED with no ' \
    "$REPLAY_SECONDS" "$ANCHOR_SECONDS" "$checked"
  printf 'claims by others, %s steps a page on average. First every lot'"'"'s page was asked for once ' \
    "$(awk -v s="$steps" -v n="$checked" 'BEGIN {printf "%.1f", s / n}')"
  printf '(`city.trace.bench.EveryLot`, 50 clients): each built, verified and, its journey settled, kept in the database (%s pages ' \
    "$kept_pages"
  printf 'kept after it). Then, after %s s of the same at 200 clients to warm up, each wrk request (2 threads, %s s a ' \
    "$WARM_UP_SECONDS" "$SECONDS_EACH"
  printf 'run) asks for the page of a lot '
  printf 'drawn at random (`scripts/random-lot.lua`), gzip as browsers ask: served from the kept pages after the '
  printf 're-check at every visit (the events'"'"' rows, anchoring and recomputed hashes, the epoch, the batch, the MAC); '
  printf 'the page cache in memory is as deployed (pages kept 5 s), which random lots rarely hit. In the runs '
  printf 'measured below, %s pages were served as kept and %s built again (the app'"'"'s counters). ' \
    "$kept_visits" "$built_visits"
  printf 'The app with the JVM options of `./run.sh`, '
  printf 'PostgreSQL 17 (embedded, shared_buffers %s) and anvil on the same machine; wrk shares the cores with them. Errors are non-2xx ' \
    "${CITYTRACE_DB_SHARED_BUFFERS:-512MB}"
  printf 'answers and socket errors; the last column is the page rate as a share of the floor measured just before.\n\n'
  printf '| Endpoint | Clients | Requests/s | p50 | p99 | Errors | ratio to the floor |\n'
  printf '|---|---:|---:|---:|---:|---:|---:|\n%s\n' "$rows"
  printf 'Goal (issue 10): at 200 clients ≥ 1,500 pages/s and p99 ≤ 50 ms.\n\n'
  printf '## Memory\n\n'
  printf 'The app'"'"'s resident memory (PSS, as `scripts/memory.sh` counts it) after the page runs above: **%s MiB** ' "$pss_pages"
  printf '(RSS %s MiB); after a capture load of %s,000 events on top: %s MiB at its end, **%s MiB** %s s later, the ' \
    "$rss_pages" "$CAPTURE_DOCUMENTS" "$pss_capture" "$pss_settled" "$SETTLE_SECONDS"
  printf 'app idle (the heap it grew for the load given back). Limit (issue 10): 400 MB (381 MiB). '
  printf 'Then, with the JVM options before and now, each on a fresh start: %s s of random lots'"'"' pages at 200 ' \
    "$SECONDS_EACH"
  printf 'clients (after a warm-up), then the same capture load:\n\n'
  printf '| JVM | after start | pages | after the pages | at the capture load'"'"'s end | %s s later |\n' "$SETTLE_SECONDS"
  printf '|---|---:|---|---:|---:|---:|\n%s\n' "$memory_rows"
  printf '## Where a page'"'"'s time goes\n\n'
  printf 'A further run at 200 clients (%s s), with PostgreSQL'"'"'s pg_stat_statements and a JFR recording:\n\n' \
    "$(( SMOKE ? 1 : 10 ))"
  cat "$LOG_DIR/statements.md"
  printf '\nThe app'"'"'s CPU time (`city.trace.bench.HotCode` over the JFR recording):\n\n'
  cat "$LOG_DIR/hot-code.md"
} > "$RESULT"
say "Results written to ${RESULT#$ROOT/}"
