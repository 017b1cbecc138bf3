#!/bin/bash
# Docker health check of a Besu node: GET /readiness on its JSON-RPC HTTP port answers 200 once the node has at
# least one peer and is within 2 blocks of the best block it knows of, 503 before. The Besu image has no curl or
# wget, hence bash's /dev/tcp (bash, not POSIX sh). Argument: the port, 8545 unless given.
set -eu
exec 3<>"/dev/tcp/127.0.0.1/${1:-8545}"
printf 'GET /readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r status <&3
case $status in
    "HTTP/1.1 200 "*) exit 0 ;;
    *) exit 1 ;;
esac
