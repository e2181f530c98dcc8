# Participe: `make run` starts the app with the demo process, `make test` runs
# every test. Both install the tools they need on a fresh machine.

SHELL := /bin/bash
TOOLS ?= $(HOME)/.cache/participe-tools
export PATH := $(TOOLS)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
BIN := $(TARGET_DIR)/release/participe

.PHONY: run test build tools tools-browser test-rust test-e2e lint size bench live-load ideas-bench

## run: build in release, create/migrate data/participe.db, load the demo on first start, serve on :3000
run: build
	LEPTOS_SITE_ROOT=target/site $(BIN) serve --with-demo

## test: unit and HTTP tests (SQLite, and PostgreSQL when PARTICIPE_TEST_POSTGRES_URL is set), then browser tests
test: tools-browser test-rust build test-e2e

tools:
	bash .ci/ensure-tools.sh

tools-browser:
	bash .ci/ensure-tools.sh --browser

build: tools
	cargo leptos build --release --precompress --split

test-rust:
	cargo test -p app --features ssr
	cargo test -p server

test-e2e:
	PARTICIPE_BIN=$(BIN) bash end2end/run.sh

## lint: formatting, import cycles between the app's files, and clippy on both feature sets
lint:
	cargo fmt --all --check
	python3 .ci/import-cycles.py app/src
	cargo clippy -p app --features ssr --all-targets -- -D warnings
	cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p server --all-targets -- -D warnings

## bench: replay the Polis conversations through the real vote endpoint (figures, not a test)
bench:
	cargo build --release -p server --bin participe-bench
	RUST_LOG=error $(TARGET_DIR)/release/participe-bench ../shared/data/polis --clients 32 --max-votes 20000

## size: what a phone downloads per page, brotli as served, and the vote page's budget (needs make build)
size: build
	cargo build --release -p server --bin participe-budget
	RUST_LOG=warn LEPTOS_SITE_ROOT=target/site $(TARGET_DIR)/release/participe-budget

## live-load: 500 viewers on a Rendez-vous citoyen's live stream, 200 answers at once: delay until all see the result (figures, not a test)
live-load:
	cargo build --release -p server --bin participe-live-load
	ulimit -n 8192; RUST_LOG=error $(TARGET_DIR)/release/participe-live-load --viewers $(or $(VIEWERS),500) --answerers $(or $(ANSWERERS),200)

## ideas-bench: "Toutes les idées" with 600 then 10,000 ideas: list page bytes (brotli) and search time p50/p99 (figures, not a test)
ideas-bench:
	cargo build --release -p server --bin participe-ideas-bench
	RUST_LOG=error $(TARGET_DIR)/release/participe-ideas-bench
