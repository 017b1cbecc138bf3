#!/usr/bin/env bash
# Runs every test: ./mvnw verify (unit and @QuarkusTest suites against real PostgreSQL, anvil and
# Keycloak), then the browser tests in e2e-tests/ (Playwright in the system's Chromium) against the
# packaged application with real Keycloak, then every benchmark in smoke mode on the same services (so that
# none rots). Installs what it needs (npm packages, Keycloak, Chromium and wrk via apt).
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"

RUN_DIR="$ROOT/target/e2e/run"
LOG_DIR="$ROOT/target/e2e/logs"
CHROMIUM=${CHROMIUM:-/usr/lib/chromium/chromium}
started=$SECONDS

find_jdk
ensure_npm_tools
ensure_keycloak

# (or set CHROMIUM to a Chromium binary)
[[ -x "$CHROMIUM" ]] || apt_install chromium "for the browser tests"
# npm writes node_modules/.package-lock.json on install: older than the lock file means the lock changed since
if [[ ! "$ROOT/e2e-tests/node_modules/.package-lock.json" -nt "$ROOT/e2e-tests/package-lock.json" ]]; then
  say "Installing Playwright (without its browser download) and the test's QR decoder"
  (cd "$ROOT/e2e-tests" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

say "Unit and integration tests (./mvnw verify)"
(cd "$ROOT" && ./mvnw -B verify)

say "Browser tests against the packaged application"
mkdir -p "$RUN_DIR" "$LOG_DIR"
stop_leftovers
trap stop_local_stack EXIT
# the app as run behind TLS: every cookie Secure (Chromium keeps Secure cookies on http://localhost too)
export CITYTRACE_WEB_SECURE_COOKIES=true
start_local_stack "$ROOT/target/e2e"
(cd "$ROOT/e2e-tests" && CITYTRACE_URL="$APP_URL" CITYTRACE_KEYCLOAK_URL="$KEYCLOAK_URL" CHROMIUM="$CHROMIUM" \
  npx playwright test)

say "Every benchmark in smoke mode (tiny sizes, seconds of load, no figures asserted) on the same services"
smoke_benchmarks "$ROOT/target/e2e"

say "All tests passed in $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
