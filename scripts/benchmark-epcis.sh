#!/usr/bin/env bash
# EPCIS benchmark: capture throughput (documents of 1,000 events, end to end over HTTP) side by side with a
# raw COPY of the same rows, then query latency on a table of 1,000,000 events. Starts the packaged app with
# its own PostgreSQL, anvil and Keycloak on free ports; writes benchmarks/epcis.md.
# Usage: scripts/benchmark-epcis.sh [documents (100)] [concurrent clients (4)] [events for queries (1000000)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# Capture alone: the anchoring worker stays off (scripts/benchmark-anchor-latency.sh measures capture while
# anchoring); every event still gets its anchoring entry in the outbox, as always.
export CITYTRACE_ANCHOR_ENABLED=false

run_app_benchmark "$ROOT/benchmarks/epcis.md" "EPCIS capture and query benchmark" \
  "command \`scripts/benchmark-epcis.sh${*:+ $*}\`; PostgreSQL 17 (embedded, default settings) on the same machine; the app runs with \`-Xmx256m\` and serial GC as \`./run.sh\` starts it, its anchoring worker off (capture still writes each event's outbox entry and stock movements). Client, app and database share the cores." \
  city.trace.bench.EpcisBenchmark "$@"
