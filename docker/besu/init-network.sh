#!/bin/sh
# Generates CityTrace's 4-validator Besu QBFT network on the shared volume, once, and (re)writes the peer files
# derived from it at every start. Run by the besu-init service of docker/compose.yaml: Besu image, as root,
# no network. Nothing secret is committed: the validator keys are made here, in the volume.
#
# The volume ($NETWORK_DIR) holds:
#   genesis.json                     from `besu operator generate-blockchain-config` (QBFT extraData = the 4 validators
#                                    until the transition block, then the registry's getValidators(), see
#                                    deploy-registry.sh);
#                                    present only once everything below was written, so it marks a complete network
#   node-N/data/key, key.pub         validator N's node key pair; node N's chain database goes to node-N/data too
#   node-N/address                   validator N's address
#   node-N/enode                     validator N's enode URL (its public key @ its fixed IP:30303)
#   node-N/permissions_config.toml   node allowlist: the 4 validators' enode URLs        } rewritten at every start,
#   node-N/config.toml               bootnodes: the other 3 validators                   } from the keys and the
#   node-N/static-nodes.json         the other 3 validators, kept connected (retried)    } subnet prefix
#
# Environment: CITYTRACE_BESU_SUBNET_PREFIX (first three octets of the fixed IPs; node N is PREFIX.(10+N)),
# NETWORK_DIR, CONFIG_FILE, BESU (the besu launcher).
set -eu

NETWORK_DIR=${NETWORK_DIR:-/besu}
CONFIG_FILE=${CONFIG_FILE:-/besu-scripts/qbft-config.json}
SUBNET_PREFIX=${CITYTRACE_BESU_SUBNET_PREFIX:-172.29.41}
BESU=${BESU:-/opt/besu/bin/besu}
NODES=4            # must match blockchain.nodes.count in $CONFIG_FILE
P2P_PORT=30303
BESU_UID=1000      # the image's besu user, which the nodes run as

log() { printf 'besu-init: %s\n' "$*"; }
die() { printf 'besu-init: error: %s\n' "$*" >&2; exit 1; }

node_ip() { printf '%s.%d' "$SUBNET_PREFIX" $((10 + $1)); }

# Writes stdin to $1 through a temporary file, and replaces $1 only when the content changed.
write_file() {
    cat >"$1.tmp"
    if [ -f "$1" ] && cmp -s "$1.tmp" "$1"; then
        rm -f "$1.tmp"
    else
        mv "$1.tmp" "$1"
    fi
}

check_subnet_prefix() {
    case $SUBNET_PREFIX in
        '' | *[!0-9.]* | .* | *. | *..*) die "CITYTRACE_BESU_SUBNET_PREFIX must be three octets like 172.29.41, not '$SUBNET_PREFIX'" ;;
    esac
    dots=$(printf '%s' "$SUBNET_PREFIX" | tr -cd '.')
    [ "$dots" = ".." ] || die "CITYTRACE_BESU_SUBNET_PREFIX must be three octets like 172.29.41, not '$SUBNET_PREFIX'"
}

generate() {
    i=1
    while [ "$i" -le "$NODES" ]; do
        # a database without a genesis means a volume in an unknown state: do not give its node a new key
        [ ! -e "$NETWORK_DIR/node-$i/data/database" ] \
            || die "$NETWORK_DIR/node-$i/data holds a chain database but there is no genesis.json; remove the volume (docker compose down -v) to start a new network"
        i=$((i + 1))
    done

    work="$NETWORK_DIR/.generate"
    rm -rf "$work"
    log "generating the genesis and $NODES validator keys"
    "$BESU" operator generate-blockchain-config --config-file="$CONFIG_FILE" --to="$work" --private-key-file-name=key \
        || die "besu operator generate-blockchain-config failed"
    # the generator logs some I/O errors without failing: check what it wrote
    [ -s "$work/genesis.json" ] || die "no genesis.json was generated"
    grep -q '"extraData"' "$work/genesis.json" || die "the generated genesis.json has no extraData"
    grep -q '"validatorcontractaddress"' "$work/genesis.json" \
        || die "the generated genesis.json lost the QBFT transition to the registry's validators"

    i=0
    for keys in "$work"/keys/0x*; do
        [ -d "$keys" ] || continue
        i=$((i + 1))
        if [ ! -s "$keys/key" ] || [ ! -s "$keys/key.pub" ]; then
            die "incomplete key pair in $keys"
        fi
        node="$NETWORK_DIR/node-$i"
        mkdir -p "$node/data"
        cp "$keys/key" "$keys/key.pub" "$node/data/"
        basename "$keys" >"$node/address"
    done
    [ "$i" -eq "$NODES" ] || die "expected $NODES validator keys, got $i"

    mv "$work/genesis.json" "$NETWORK_DIR/genesis.json"
    rm -rf "$work"
}

check_subnet_prefix
mkdir -p "$NETWORK_DIR"

if [ -f "$NETWORK_DIR/genesis.json" ]; then
    log "reusing the network in $NETWORK_DIR"
else
    generate
fi

# enode URLs: enode://<public key without 0x>@<fixed IP>:<port>
i=1
while [ "$i" -le "$NODES" ]; do
    node="$NETWORK_DIR/node-$i"
    if [ ! -s "$node/data/key" ] || [ ! -s "$node/data/key.pub" ]; then
        die "$node/data has no key pair; remove the volume (docker compose down -v) to start a new network"
    fi
    public_key=$(tr -d ' \r\n' <"$node/data/key.pub")
    public_key=${public_key#0x}
    printf '%s' "$public_key" | grep -Eq '^[0-9a-fA-F]{128}$' || die "$node/data/key.pub is not a secp256k1 public key"
    printf 'enode://%s@%s:%d\n' "$public_key" "$(node_ip "$i")" "$P2P_PORT" | write_file "$node/enode"
    i=$((i + 1))
done

# a JSON/TOML array of the nodes' enode URLs, skipping node $1 (0: none)
enode_array() {
    list=""
    n=1
    while [ "$n" -le "$NODES" ]; do
        if [ "$n" -ne "$1" ]; then
            list="$list${list:+,}\"$(cat "$NETWORK_DIR/node-$n/enode")\""
        fi
        n=$((n + 1))
    done
    printf '[%s]' "$list"
}

allowlist=$(enode_array 0)
i=1
while [ "$i" -le "$NODES" ]; do
    node="$NETWORK_DIR/node-$i"
    others=$(enode_array "$i")
    {
        echo "# Written by docker/besu/init-network.sh at every start: only the consortium's validators may connect."
        echo "nodes-allowlist=$allowlist"
    } | write_file "$node/permissions_config.toml"
    {
        echo "# Written by docker/besu/init-network.sh at every start: the other validators, for peer discovery."
        echo "bootnodes=$others"
    } | write_file "$node/config.toml"
    echo "$others" | write_file "$node/static-nodes.json"
    i=$((i + 1))
done

# the nodes run as the image's besu user; only it may read the validator keys
chown -R "$BESU_UID:$BESU_UID" "$NETWORK_DIR"
chmod 600 "$NETWORK_DIR"/node-*/data/key

i=1
while [ "$i" -le "$NODES" ]; do
    log "besu-$i: validator $(cat "$NETWORK_DIR/node-$i/address"), $(cat "$NETWORK_DIR/node-$i/enode")"
    i=$((i + 1))
done
log "network ready"
