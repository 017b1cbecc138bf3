#!/usr/bin/env bash
# Runs the whole CityTrace system on this machine, without Docker: PostgreSQL (embedded, started by the
# app), an anvil chain node, Keycloak and the app, with demo data. Ctrl-C stops everything.
#
# Use external services instead by setting (see README, "Configuration"):
#   DB_URL, DB_USER, DB_PASSWORD          an external PostgreSQL
#   CITYTRACE_CHAIN_RPC_URL               an external EVM JSON-RPC node (e.g. Besu QBFT), with CITYTRACE_CHAIN_CHAIN_ID
#                                         and the anchoring key CITYTRACE_ANCHOR_PRIVATE_KEY (or a keystore file)
#   CITYTRACE_KEYCLOAK_URL                an external Keycloak holding the citytrace realm
#   CITYTRACE_WEB_CSRF_SECRET             the forms' signing secret (default: made once into .citytrace/csrf-secret)
# Ports: PORT (app, 8080), CITYTRACE_ANVIL_PORT (8545), CITYTRACE_KEYCLOAK_PORT (8180), CITYTRACE_DB_PORT (5433).
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"

STATE_DIR="$ROOT/.citytrace"
RUN_DIR="$STATE_DIR/run"
LOG_DIR="$STATE_DIR/logs"
APP_PORT=${PORT:-8080}
APP_URL="http://localhost:$APP_PORT"
CHAIN_ID=${CITYTRACE_CHAIN_CHAIN_ID:-31337}
mkdir -p "$STATE_DIR" "$RUN_DIR" "$LOG_DIR"

find_jdk
stop_leftovers
port_in_use "$APP_PORT" && die "port $APP_PORT is in use by another program; stop it or set PORT"

shutdown() {
  # Stopping must finish even when the terminal (or a pipe like `| tee`) is already gone.
  trap - INT TERM EXIT
  trap '' PIPE HUP
  set +e
  { echo; say "Stopping CityTrace"; } 2>/dev/null
  stop_service app
  stop_service keycloak
  stop_service anvil
  say "Stopped. Data is kept in .citytrace/ (delete it to start from scratch)." 2>/dev/null
  exit 0
}
trap shutdown INT TERM HUP EXIT

ensure_npm_tools
[[ -n "${CITYTRACE_KEYCLOAK_URL:-}" ]] || ensure_keycloak
ensure_app_built

if [[ -z "${CITYTRACE_KEYCLOAK_URL:-}" ]]; then
  KEYCLOAK_PORT=${CITYTRACE_KEYCLOAK_PORT:-8180}
  export CITYTRACE_KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
  say "Starting Keycloak on $CITYTRACE_KEYCLOAK_URL"
  start_keycloak "$KEYCLOAK_PORT" "$APP_URL" "$LOG_DIR/keycloak.log"
fi

if [[ -z "${CITYTRACE_CHAIN_RPC_URL:-}" ]]; then
  ANVIL_PORT=${CITYTRACE_ANVIL_PORT:-8545}
  export CITYTRACE_CHAIN_RPC_URL="http://127.0.0.1:$ANVIL_PORT"
  say "Starting anvil on $CITYTRACE_CHAIN_RPC_URL (chain id $CHAIN_ID, state in .citytrace/anvil-state.json)"
  start_anvil "$ANVIL_PORT" "$CHAIN_ID" "$STATE_DIR/anvil-state.json" "$LOG_DIR/anvil.log"
  export CITYTRACE_ANCHOR_PRIVATE_KEY=${CITYTRACE_ANCHOR_PRIVATE_KEY:-$ANVIL_DEV_KEY}
  if [[ -z "${CITYTRACE_ANCHOR_KEYS_FOLDER:-}" ]]; then
    export CITYTRACE_ANCHOR_KEYS_DEV_MNEMONIC=$ANVIL_DEV_MNEMONIC CITYTRACE_ANCHOR_KEYS_ADMIT_NEW_ACCOUNTS=true
  fi
fi
export CITYTRACE_CHAIN_CHAIN_ID=$CHAIN_ID

[[ -n "${KEYCLOAK_PID:-}" ]] && { say "Waiting for Keycloak"; await_keycloak "$CITYTRACE_KEYCLOAK_URL" "$LOG_DIR/keycloak.log"; }

say "Starting CityTrace on $APP_URL"
APP_PID=$(PORT=$APP_PORT CITYTRACE_DATA_DIR="$STATE_DIR" CITYTRACE_DEMO_ENABLED=true MALLOC_ARENA_MAX=$APP_MALLOC_ARENA_MAX \
  CITYTRACE_WEB_CSRF_SECRET=$(csrf_secret "$STATE_DIR") \
  start_service app "$LOG_DIR/app.log" "$JAVA_HOME/bin/java" $(app_jvm_options) -jar "$APP_JAR")
wait_http "CityTrace" "$APP_URL/q/health/ready" 180 "$APP_PID" || die "see $LOG_DIR/app.log"

cat <<EOF

  CityTrace is running at  $APP_URL

  Demo logins (password = user name):
    alice   manufacturer   De Korenaar Farm (wheat farm, Groningen)
    bob     manufacturer   Noorderlicht Mill & Bakery (factory, Groningen)
    carol   manufacturer   ColdLink Logistics (carrier, Rotterdam)
    dave    manufacturer   Stadsmarkt Rotterdam (retailer)
    rita    regulator      City Food Safety Office (Rotterdam)
    adam    consortium-admin   the consortium's members, proposals and votes (/consortium)

  Shoppers     $APP_URL/01/08712347000026  (the demo bread's lots, each with its verified journey;
               QR codes on bob's batch pages)
  Keycloak     $CITYTRACE_KEYCLOAK_URL  (admin console: admin / admin when started here)
  Chain node   $CITYTRACE_CHAIN_RPC_URL  (chain id $CHAIN_ID)
  Health       $APP_URL/q/health   API docs  $APP_URL/q/openapi
  Logs         .citytrace/logs/

  Press Ctrl-C to stop everything.
EOF

# Wait for the app; if it stops by itself, stop the rest too (the EXIT trap).
while kill -0 "$APP_PID" 2>/dev/null; do sleep 1; done
warn "CityTrace stopped by itself; see $LOG_DIR/app.log"
exit 1
