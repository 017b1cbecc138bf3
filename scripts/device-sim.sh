#!/usr/bin/env bash
# Plays an IoT device (a truck's thermometer) against a running CityTrace: makes its key pair, registers it
# for its organisation, then streams batches of temperature readings signed as a JWS (ES256 or EdDSA).
#
# Usage: scripts/device-sim.sh keygen   --key FILE [--alg ES256|EdDSA]
#        scripts/device-sim.sh register --url URL --token TOKEN --identifier URI --kind K --model M
#                                       (--site GLN | --vehicle ID) --key FILE
#        scripts/device-sim.sh stream   --url URL --device ID --identifier URI --key FILE [--batches N] ...
#        scripts/device-sim.sh [COMMAND] --help
#
# keygen writes the private key to FILE (owner-only) and the public key to FILE.pub; register prints the
# device id; stream keeps the next counter in FILE.counter and prints a line per batch. --forge sends a batch
# signed by another key (expects 401), --replay the last accepted batch again (expects 409).
#
# Exit codes:
#   0  done, every answer as expected
#   1  CityTrace refused something unexpectedly or could not be reached, or the simulator could not run
#      (no JDK 21+, or the application is not built)
#   2  usage error
#
# It runs city.trace.device.sim.DeviceSimulator from the application as ./mvnw package lays it out in
# target/quarkus-app (the Quarkus fast-jar's app/ jar and its lib/ dependencies), on a JDK 21 or newer.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MAIN_CLASS=city.trace.device.sim.DeviceSimulator
APP_DIR="$ROOT/target/quarkus-app"

if [[ $# -eq 0 || "$1" == "-h" || "$1" == "--help" ]]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi

# the app's jar lists its classes' names uncompressed, so grep tells whether it holds the simulator
jar=$(compgen -G "$APP_DIR/app/*.jar" | head -1 || true)
if [[ -z "$jar" || ! -d "$APP_DIR/lib/main" ]] || ! grep -qa "${MAIN_CLASS//.//}.class" "$jar"; then
  die "the device simulator is not built: run (cd $ROOT && ./mvnw package -DskipTests) first"
fi
find_jdk

exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$APP_DIR/app/*:$APP_DIR/lib/main/*:$APP_DIR/lib/boot/*" "$MAIN_CLASS" "$@"
