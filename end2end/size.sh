#!/usr/bin/env bash
# What a phone downloads: the built assets (raw, gzip, brotli as served by
# the server) and the home page's total. Needs a built site (make build).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PARTICIPE_BIN:-${CARGO_TARGET_DIR:-target}/release/participe}"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATABASE_URL="sqlite://$work/size.db" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$PWD/target/site" \
  RUST_LOG=warn "$BIN" serve --with-demo >"$work/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done
served() { curl -s -o /dev/null -H "Accept-Encoding: $2" -H 'Accept: text/html' -w '%{size_download}' "http://127.0.0.1:$port$1"; }
printf '%-28s %10s %10s %10s\n' "resource" "raw" "gzip" "brotli"
for path in / /login /pkg/participe.css /pkg/participe.js /pkg/participe.wasm; do
  printf '%-28s %10s %10s %10s\n' "$path" "$(served "$path" identity)" "$(served "$path" gzip)" "$(served "$path" br)"
done
home=$(( $(served / br) + $(served /pkg/participe.css br) ))
login=$(( $(served /login br) + $(served /pkg/participe.css br) + $(served /pkg/participe.js br) + $(served /pkg/participe.wasm br) ))
echo "home page, everything a phone downloads (brotli): $home bytes (no WASM: the page has no island)"
echo "login page, everything including WASM (brotli): $login bytes"
