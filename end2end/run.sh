#!/usr/bin/env bash
# Starts the release server on a free port with a fresh SQLite database and
# the demo process, runs the browser tests against it, then stops it.
# tests/proxy.test.mjs builds its own production-shaped stack (see proxy.mjs).
set -euo pipefail
cd "$(dirname "$0")"
BIN="${PARTICIPE_BIN:-../target/release/participe}"
[ -x "$BIN" ] || BIN="../$BIN"
# The proxy test (tests/proxy.test.mjs) starts its own instances of it, behind
# nginx, on a fresh PostgreSQL database when PARTICIPE_TEST_POSTGRES_URL is set.
PARTICIPE_BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
export PARTICIPE_BIN
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DATABASE_URL="sqlite://$work/e2e.db" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$(cd .. && pwd)/target/site"
export PARTICIPE_MAIL_DIR="$work/mail" RUST_LOG=warn
"$BIN" serve --with-demo > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { cat "$work/server.log"; exit 1; }
BASE_URL="http://127.0.0.1:$port" npm test || { echo "--- server log"; tail -n 50 "$work/server.log"; exit 1; }
