#!/usr/bin/env bash
# The public verification page under load: latency (p50/p99) and throughput of the demo bread lot's page
# (/01/{gtin}/10/{lot}: the journey through flour and wheat, every step verified) at 50 and 200 concurrent
# clients, with /q/health/live measured in the same run as the floor of what this machine serves. Twice:
# as deployed (rendered pages kept for 5 s, then verified anew) and with that cache off (every request
# recomputes every hash and proof). Starts the packaged app with its own PostgreSQL, anvil and Keycloak on
# free ports (or uses the stack BENCH_STACK_DIR names, see scripts/lib.sh); measures with wrk (installed with apt
# when missing); writes benchmarks/public-page.md.
# Usage: scripts/benchmark-public-page.sh [--smoke] [seconds per measurement (20)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bench_init public-page "$@"
set -- "${BENCH_ARGS[@]}"
(( SMOKE && $# == 0 )) && set -- 1
SECONDS_EACH=${1:-20}
BREAD_GTIN=08712347000026 # the demo bakery's bread (company prefix 8712347, item 00002)

find_jdk
ensure_npm_tools
ensure_keycloak
ensure_app_built
command -v wrk >/dev/null || apt_install wrk "the HTTP load generator of this benchmark"
bench_stack

# The bread lot's path, from its product page; then wait until the demo's events are anchored and final.
# Pages are read whole before they are searched: a reader that stops at the first match (grep -q, head)
# makes curl fail on the rest, and pipefail would take that for a missing match.
product_page=$(curl -fsS "$APP_URL/01/$BREAD_GTIN")
[[ $product_page =~ /01/$BREAD_GTIN/10/[A-Za-z0-9]+ ]] || die "the demo bread lot is not on $APP_URL/01/$BREAD_GTIN"
page_path=${BASH_REMATCH[0]}
page_is_verified() {
  local page
  page=$(curl -fsS "$APP_URL$page_path") && [[ $page == *verdict-VERIFIED* ]]
}
say "Waiting until $page_path is verified"
for _ in $(seq 1 120); do
  page_is_verified && break
  sleep 1
done
page_is_verified || die "the page did not become VERIFIED in 2 minutes"

# measure NAME CONNECTIONS URL [ENCODING]: one wrk run, asking for ENCODING (identity unless given) as
# Accept-Encoding; appends a table row "| NAME | connections | req/s | p50 | p99 | errors |"
measure() {
  local name=$1 connections=$2 url=$3 encoding=${4:-identity}
  wrk_run "$name" "$connections" "$SECONDS_EACH" "$url" -H 'Accept: text/html' -H "Accept-Encoding: $encoding"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$connections" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERRORS" \
    >> "$RESULT.part"
}

# run_all LABEL [uncompressed-too]: the floor and the page (gzip, as browsers ask) at 50 and 200 clients
run_all() {
  local label=$1 uncompressed=${2:-}
  wrk -t2 -c50 -d"$(( SMOKE ? 1 : 5 ))s" -H 'Accept: text/html' "$APP_URL$page_path" > /dev/null # warm-up: JIT, pools
  for connections in 50 200; do
    measure "/q/health/live" "$connections" "$APP_URL/q/health/live"
    measure "verification page, $label, gzip" "$connections" "$APP_URL$page_path" "gzip, deflate, br"
    [[ -z "$uncompressed" ]] || measure "verification page, $label, uncompressed" "$connections" "$APP_URL$page_path"
  done
}

: > "$RESULT.part"
say "Measuring the app as deployed ($SECONDS_EACH s a run)"
run_all "pages kept 5 s" uncompressed-too
say "Restarting the app with the page cache off"
stop_service app
CITYTRACE_VERIFY_PAGE_CACHE_TTL=0s start_app "$STACK_DIR"
run_all "every request verified"

page_bytes=$(curl -fsS "$APP_URL$page_path" | wc -c)
gzip_bytes=$(curl -fsS -H 'Accept-Encoding: gzip' "$APP_URL$page_path" | wc -c)
steps=$(curl -fsS "$APP_URL$page_path" | grep -c 'class="step ')
{
  printf '# Public verification page under load\n\n'
  printf 'Measured on %s. Machine: %s; command `scripts/benchmark-public-page.sh%s`; wrk 2 threads, %s s a run, ' \
    "$(date -u +%Y-%m-%d)" "$(machine_description)" "${1:+ $1}" "$SECONDS_EACH"
  printf 'after a 5 s warm-up. The page is the demo bread lot'"'"'s (`%s`, %s steps back to the wheat farm, ' \
    "$page_path" "$steps"
  printf '%s bytes with its proof bundle for the browser check; %s bytes gzipped, as browsers ask for it). ' \
    "$page_bytes" "$gzip_bytes"
  printf 'The app with the JVM options of `./run.sh` (scripts/lib.sh, `app_jvm_options`), PostgreSQL 17 (embedded) and anvil on the same '
  printf 'machine; wrk shares the 2 cores with them. Latencies as wrk reports them; errors are non-2xx answers and socket errors.\n\n'
  printf '| Endpoint | Clients | Requests/s | p50 | p99 | Errors |\n|---|---:|---:|---:|---:|---:|\n'
  cat "$RESULT.part"
} > "$RESULT"
rm "$RESULT.part"
say "Results written to ${RESULT#$ROOT/}"
