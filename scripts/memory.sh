#!/usr/bin/env bash
# Prints the resident memory (RSS) of each component of a CityTrace started by ./run.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUN_DIR="$ROOT/.citytrace/run"

report() {
  local name=$1; shift
  if (( $# == 0 )); then printf '  %-12s not running (or external)\n' "$name"; return; fi
  printf '  %-12s %5d MiB  (%d process%s)\n' "$name" "$(rss_mib "$@")" "$#" "$( (( $# == 1 )) || echo es)"
}
pid_of() { [[ -f "$RUN_DIR/$1.pid" ]] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null && cat "$RUN_DIR/$1.pid"; }

app=$(pid_of app || true)
keycloak=$(pid_of keycloak || true)
anvil=$(pid_of anvil || true)
echo "Resident memory of CityTrace's components:"
# the app's java process (its embedded PostgreSQL is reported on its own)
report "app" $( [[ -n "$app" ]] && pgrep -g "$app" -x java || true)
postmaster=$(head -1 "$ROOT/.citytrace/postgres/postmaster.pid" 2>/dev/null || true)
report "PostgreSQL" $( [[ -n "$postmaster" ]] && kill -0 "$postmaster" 2>/dev/null && { echo "$postmaster"; pgrep -P "$postmaster"; } || true)
report "Keycloak" $( [[ -n "$keycloak" ]] && pgrep -g "$keycloak" -x java || true)
report "anvil" ${anvil:+$anvil}
