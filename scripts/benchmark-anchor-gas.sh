#!/usr/bin/env bash
# Anchoring gas benchmark: gas per anchored event for RFC 6962 anchor rounds of 1, 100, 1,000 and 10,000 events, side
# by side with one transaction per event, on a real anvil node the benchmark starts itself (london, free gas,
# automine); then the time to build a 10,000-leaf tree with all its proofs. Writes benchmarks/anchor-gas.md.
# Usage: scripts/benchmark-anchor-gas.sh [--smoke] [rounds per size (5)] [one-event transactions (200)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bench_init anchor-gas "$@"
set -- "${BENCH_ARGS[@]}"
(( SMOKE && $# == 0 )) && set -- 1 3
mkdir -p "$ROOT/target/bench"

find_jdk
ensure_npm_tools
CLASSPATH=$(bench_classpath)

say "Running the anchoring gas benchmark (under a minute)"
{
  echo "# Anchoring gas benchmark"
  echo
  echo "Measured by \`scripts/benchmark-anchor-gas.sh${*:+ $*}\` on $(date -u +%Y-%m-%d). Machine: $(machine_description);"\
    "$("$ANVIL" --version | head -1 | sed "s/ Version://") (london, free gas as on"\
    "Besu QBFT, automine) on the same machine. Each \`anchor(root, leafCount, batchRef)\` transaction goes to a"\
    "freshly deployed \`ProvenanceRegistry\`; its gas is \`gasUsed\` of the receipt. Leaves are random 32-byte"\
    "digests, new for every round; \`batchRef\` is the sequential round id as a left-padded uint64, as the app"\
    "writes it. Gas used does not depend on the gas price, nor on the machine."
  echo
} > "$RESULT"
(cd "$ROOT" && "$JAVA_HOME/bin/java" -Xmx1g -cp "$CLASSPATH" city.trace.bench.AnchorGasBenchmark "$RESULT.part" "$@")
cat "$RESULT.part" >> "$RESULT" && rm "$RESULT.part"
say "Results written to ${RESULT#$ROOT/}"
