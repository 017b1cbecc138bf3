#!/usr/bin/env bash
# EPCIS benchmark: capture throughput (documents of 1,000 events, end to end over HTTP, with the anchoring worker
# at work as in production) side by side with a raw COPY of the same rows, then query latency on a table of
# 1,000,000 events. Starts the packaged app with its own PostgreSQL, anvil and Keycloak on free ports (or uses the
# stack BENCH_STACK_DIR names, see scripts/lib.sh); writes benchmarks/epcis.md.
# Usage: scripts/benchmark-epcis.sh [--smoke] [documents (100)] [concurrent clients (4)] [events for queries (1000000)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bench_init epcis "$@"
set -- "${BENCH_ARGS[@]}"
(( SMOKE && $# == 0 )) && set -- 2 2 10000

run_app_benchmark "EPCIS capture and query benchmark" \
  "command \`scripts/benchmark-epcis.sh${*:+ $*}\`; PostgreSQL 17 (embedded, as \`./run.sh\` starts it) and anvil (a block every 2 s) on the same machine; the app runs with the JVM options of \`./run.sh\`, its anchoring worker on: while capture is measured it cuts the captured events into Merkle batches (at most 10,000 events, every 2 s), stores their proofs and sends the roots. Capture also writes each event's outbox entry and stock movements. Client, app, database and chain node share the cores." \
  city.trace.bench.EpcisBenchmark "$@"
