#!/usr/bin/env bash
# Anchoring under load: capture → ANCHORED latency (p50/p99) with anvil mining a block every 2 s, and whether
# anchoring keeps pace with capture at full speed (the backlog does not grow). Starts the packaged app with its
# own PostgreSQL, anvil and Keycloak on free ports (or uses the stack BENCH_STACK_DIR names, see scripts/lib.sh);
# writes benchmarks/anchor-latency.md.
# Usage: scripts/benchmark-anchor-latency.sh [--smoke] [seconds per phase (60)] [concurrent clients (4)]
#        [documents of 1,000 events captured at full speed (15 a second of the phase)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bench_init anchor-latency "$@"
set -- "${BENCH_ARGS[@]}"
(( SMOKE && $# == 0 )) && set -- 2 1 2

run_app_benchmark "Anchoring latency and pace" \
  "command \`scripts/benchmark-anchor-latency.sh${*:+ $*}\`; anvil 1.7.1 mining a block every 2 s (free gas, london) and PostgreSQL 17 (embedded) on the same machine; the app with the JVM options of \`./run.sh\` (anchor rounds of at most 10,000 events cut every 2 s, 2 confirmations for FINAL). Client, app, database and chain node share the cores." \
  city.trace.bench.AnchoringBenchmark "$@"
