#!/bin/sh
# Deploys the consortium's ProvenanceRegistry once, with the founding members of founding-members.txt and each one's
# validator node, at the address the genesis's QBFT transition names: from that block on, the validators are what the
# registry's getValidators() returns. Run by the registry-init service of docker/compose.yaml (Foundry image: cast)
# once besu-1 answers; a second run finds the registry and checks it.
#
# The address is deterministic: the deployer's first contract (nonce 0). If the network reaches the transition block
# without the registry, QBFT finds no validators and stops: this script refuses to deploy that late, or from a
# deployer that already sent a transaction, and says so.
#
# Environment: RPC_URL, NETWORK_DIR (the besu-network volume: genesis.json, node-N/address), FOUNDERS_FILE,
# ARTIFACT (the registry's ABI + bytecode from ./mvnw package), CITYTRACE_REGISTRY_DEPLOYER_KEY,
# CITYTRACE_FOUNDING_THRESHOLD, CAST.
set -eu

RPC_URL=${RPC_URL:-http://besu-1:8545}
NETWORK_DIR=${NETWORK_DIR:-/besu}
FOUNDERS_FILE=${FOUNDERS_FILE:-/besu-scripts/founding-members.txt}
ARTIFACT=${ARTIFACT:-/contracts/ProvenanceRegistry.json}
THRESHOLD=${CITYTRACE_FOUNDING_THRESHOLD:-1}
CAST=${CAST:-cast}
# blocks to spare before the transition: the deployment must be mined before it
MARGIN=10
ZERO_HASH=0x0000000000000000000000000000000000000000000000000000000000000000

log() { printf 'registry-init: %s\n' "$*"; }
die() { printf 'registry-init: error: %s\n' "$*" >&2; exit 1; }
lower() { tr 'A-F' 'a-f'; }

[ -n "${CITYTRACE_REGISTRY_DEPLOYER_KEY:-}" ] || die "CITYTRACE_REGISTRY_DEPLOYER_KEY is not set"
[ -s "$NETWORK_DIR/genesis.json" ] || die "no $NETWORK_DIR/genesis.json: besu-init has not generated the network"
[ -s "$ARTIFACT" ] || die "no $ARTIFACT: build the app first (./mvnw package -DskipTests)"

# the one QBFT transition of qbft-config.json, as the generated genesis.json holds it (whitespace removed)
genesis=$(tr -d ' \n\r\t' <"$NETWORK_DIR/genesis.json")
registry=$(printf '%s' "$genesis" | sed -n 's/.*"validatorcontractaddress":"\(0x[0-9a-fA-F]\{40\}\)".*/\1/p' | lower)
transition=$(printf '%s' "$genesis" | sed -n 's/.*"block":\([0-9]*\).*/\1/p')
printf '%s' "$genesis" | grep -q '"validatorselectionmode":"contract"' && [ -n "$registry" ] && [ -n "$transition" ] \
    || die "genesis.json has no QBFT transition to contract validator selection (see docker/besu/qbft-config.json)"

deployer=$("$CAST" wallet address --private-key "$CITYTRACE_REGISTRY_DEPLOYER_KEY")
first_contract=$("$CAST" compute-address --nonce 0 "$deployer" | sed 's/.*\(0x[0-9a-fA-F]\{40\}\).*/\1/' | lower)
[ "$first_contract" = "$registry" ] \
    || die "the genesis names the registry $registry, but deployer $deployer's first contract is $first_contract"

validators() { "$CAST" call --rpc-url "$RPC_URL" "$registry" 'getValidators()(address[])'; }

if [ "$("$CAST" code --rpc-url "$RPC_URL" "$registry")" != "0x" ]; then
    log "the registry is at $registry already; its validators: $(validators)"
    exit 0
fi

nonce=$("$CAST" nonce --rpc-url "$RPC_URL" "$deployer")
[ "$nonce" -eq 0 ] || die "deployer $deployer has sent $nonce transaction(s) already, none of them the registry: it can no longer deploy at $registry; start a new network (docker compose down -v)"
block=$("$CAST" block-number --rpc-url "$RPC_URL")
[ "$block" -lt $((transition - MARGIN)) ] \
    || die "block $block is too close to the transition block $transition: the network switches to the registry's validators before it exists and stops; start a new network (docker compose down -v), or move the transition later in qbft-config.json"

# constructor(address[] genesis, string[] names, bytes32[] companyPrefixHashes, uint32 threshold, address[] validators)
accounts="" names="" hashes="" nodes=""
while read -r node account prefix name; do
    case $node in '' | '#'*) continue ;; esac
    [ -s "$NETWORK_DIR/node-$node/address" ] || die "$FOUNDERS_FILE names node $node, which the network does not have"
    if [ "$prefix" = "-" ]; then
        hash=$ZERO_HASH
    else
        hash=0x$(printf '%s' "$prefix" | sha256sum | cut -c1-64)
    fi
    accounts="$accounts${accounts:+,}$account"
    names="$names${names:+,}\"$name\""
    hashes="$hashes${hashes:+,}$hash"
    nodes="$nodes${nodes:+,}$(tr -d ' \r\n' <"$NETWORK_DIR/node-$node/address")"
done <"$FOUNDERS_FILE"
[ -n "$accounts" ] || die "$FOUNDERS_FILE lists no member"

bytecode=$(sed -n 's/^ *"bytecode": *"\(0x[0-9a-f]*\)".*/\1/p' "$ARTIFACT")
[ -n "$bytecode" ] || die "no bytecode in $ARTIFACT"
arguments=$("$CAST" abi-encode 'constructor(address[],string[],bytes32[],uint32,address[])' \
    "[$accounts]" "[$names]" "[$hashes]" "$THRESHOLD" "[$nodes]")

log "deploying the registry at $registry (block $block, transition at $transition), threshold $THRESHOLD"
# free gas (zeroBaseFee, --min-gas-price=0): the deployer needs no ether
"$CAST" send --rpc-url "$RPC_URL" --private-key "$CITYTRACE_REGISTRY_DEPLOYER_KEY" --gas-limit 6000000 \
    --gas-price 0 --priority-gas-price 0 --create "$bytecode${arguments#0x}" >/dev/null \
    || die "deploying the registry failed"
[ "$("$CAST" code --rpc-url "$RPC_URL" "$registry")" != "0x" ] || die "no registry at $registry after the deployment"
log "members: $("$CAST" call --rpc-url "$RPC_URL" "$registry" 'members()(address[])')"
log "validators from block $transition: $(validators)"
