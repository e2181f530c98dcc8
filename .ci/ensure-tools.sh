#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) Participe needs, when
# it is missing: the wasm target, cargo-leptos, the wasm-bindgen CLI matching
# Cargo.lock, binaryen's wasm-opt (npm), and for tests Debian's Chromium, nginx
# and the end2end npm packages. Safe to run again: it skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="${PARTICIPE_TOOLS_DIR:-$HOME/.cache/participe-tools}"
export PATH="$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q '0.3.10'; then
  say "installing cargo-leptos 0.3.10 (about 15 minutes on 2 cores, once)"
  cargo install cargo-leptos@0.3.10 --locked --features no_downloads
fi

wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version"
  # Not --locked: its own lock file pins a yanked crate.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

if ! command -v wasm-opt >/dev/null; then
  say "installing binaryen (wasm-opt) from npm into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund binaryen@132 >/dev/null
fi

if [ "${1:-}" = "--browser" ]; then
  # Chromium for every browser test; nginx for the proxy test (started by the
  # test itself on a free port, never as the system service).
  missing=""
  [ -x /usr/bin/chromium ] || missing="chromium fonts-dejavu-core"
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing="$missing nginx"
  if [ -n "$missing" ]; then
    say "installing Debian's$missing"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
  if [ ! -d end2end/node_modules/playwright-core ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    say "installing the end2end npm packages"
    (cd end2end && npm ci --no-audit --no-fund >/dev/null)
  fi
fi
say "ready"
