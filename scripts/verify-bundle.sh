#!/usr/bin/env bash
# Checks a CityTrace proof bundle (the JSON a product's verification page offers) against any node of the
# chain, without the app running and without trusting CityTrace. For each event:
#   a. the pre-hash recomputed from the event (CBV Event Hash ID canonicalisation) equals the bundle's;
#   b. SHA-256 of the pre-hash is the digest in the event's hash, of the stated version;
#   c. the Merkle audit path leads from the hash to the anchor round's root (RFC 9162);
#   d. the node is on the bundle's chain, and the ProvenanceRegistry contract anchored the root, for a tree
#      of the proof's size, in the stated block.
# And for each event made from readings a device signed (one with a "device" block):
#   e. the device's signature (the JWS as it was sent, ES256 or EdDSA) verifies with the bundle's public key,
#      and the event's sensor reports are exactly the signed readings (same device, count, order and values);
#   f. that key's thumbprint is the one the device's registration event anchored (dev:keyThumbprint in its
#      ILMD), and the registration event itself passes a to d (not anchored yet: the readings stay PENDING).
# It prints a line per event (VERIFIED, PENDING, TAMPERED, NOT_ON_CHAIN or UNREACHABLE) and per check.
#
# Usage: scripts/verify-bundle.sh BUNDLE.json [--rpc URL]     URL defaults to http://127.0.0.1:8545
#        scripts/verify-bundle.sh --help
#
# Exit codes:
#   0  every event VERIFIED
#   1  the verifier could not run (no JDK 21+, or the application is not built)
#   2  usage error, or the file is no readable proof bundle
#   3  some events PENDING (not anchored yet), none worse
#   4  some events TAMPERED or NOT_ON_CHAIN: do not trust them
#   5  the chain node could not be asked (and nothing TAMPERED or NOT_ON_CHAIN)
#
# It runs the application's own classes (city.trace.proof.cli.VerifyBundleCommand) and libraries as
# ./mvnw package lays them out in target/quarkus-app (Quarkus fast-jar: app/ holds the application's jar,
# lib/main/ and lib/boot/ its dependencies), on a JDK 21 or newer.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MAIN_CLASS=city.trace.proof.cli.VerifyBundleCommand
APP_DIR="$ROOT/target/quarkus-app"

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi

app_jar=$(ls "$APP_DIR"/app/*.jar 2>/dev/null | head -1 || true)
[[ -n "$app_jar" && -d "$APP_DIR/lib/main" ]] \
  || die "CityTrace is not built: run (cd $ROOT && ./mvnw package -DskipTests) first"
# a jar lists its entries' names uncompressed: no unzip needed to see whether it has the verifier
grep -qa "${MAIN_CLASS//.//}.class" "$app_jar" \
  || die "$app_jar predates the bundle verifier: rebuild with (cd $ROOT && ./mvnw package -DskipTests)"
find_jdk

exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$APP_DIR/app/*:$APP_DIR/lib/main/*:$APP_DIR/lib/boot/*" "$MAIN_CLASS" "$@"
