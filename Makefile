# Ayah ASI — every entry point. `make run` and `make test` install what is missing
# (Debian packages, npm packages, tauri-driver) and reuse what is already there.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Pinned so a fresh machine gets what the tests were written against.
TAURI_DRIVER_VERSION := 2.1.0
CARGO_FUZZ_VERSION := 0.13.2
APT_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev webkit2gtk-driver xvfb xauth dbus dunst \
  libspeechd-dev libclang-dev speech-dispatcher speech-dispatcher-espeak-ng espeak-ng \
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross postgresql chromium chromium-driver
# The Android check: the Rust target, and Debian's cross C compiler for the bundled
# SQLite (nothing is linked by a check, so no Android NDK is needed).
ANDROID_TARGET := aarch64-linux-android
ANDROID_ENV := CC_aarch64_linux_android=aarch64-linux-gnu-gcc AR_aarch64_linux_android=aarch64-linux-gnu-ar
NODE_MIN := 20.19
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
XVFB := xvfb-run -a -s '-screen 0 1280x800x24'
APP := target/debug/ayah-asi
# A hung end-to-end test fails the run after this long instead of using up CI's time
# (they take about 8 minutes on 2 cores).
E2E_LIMIT := 30m

.PHONY: help package test-package run server test deps system-deps node-deps driver-deps fuzz-deps android-deps ui app lint lint-android test-rust test-ui test-e2e types fuzz release bench bench-summary bench-report bench-transfer bench-district bench-startup empty-app bench-timer clean

help:
	@echo "make run    build and start the app (installs what is missing)"
	@echo "make test   lint, then every test: Rust, UI unit tests, end-to-end in the real webview"
	@echo "make app    build the debug app;  make release   build the size-tuned release binary"
	@echo "make server start the puskesmas server with its own PostgreSQL (tools/server-local.sh)"

## Set-up ---------------------------------------------------------------------

deps: system-deps node-deps driver-deps

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing="$$missing nodejs npm"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust 1.90 or newer (rustup)"; exit 1; }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number),[x,y]="$(NODE_MIN)".split(".").map(Number);process.exit(a>x||(a===x&&b>=y)?0:1)' \
	  || { echo "Node.js $(NODE_MIN) or newer is needed for Vite (found $$(node --version))"; exit 1; }

node-deps: system-deps node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

driver-deps: system-deps
	@cargo install --list | grep -q "^tauri-driver v$(TAURI_DRIVER_VERSION):" \
	  || cargo install tauri-driver --version $(TAURI_DRIVER_VERSION) --locked

## Build ----------------------------------------------------------------------

ui: node-deps
	npm run --silent build

app: ui
	cargo build -p ayah-asi

release: ui
	cargo build -p ayah-asi --release
	@ls -l target/release/ayah-asi

# Installable packages (.deb and .rpm) with the Tauri CLI pinned in package-lock.json.
package: deps ui
	npx tauri build --bundles deb,rpm --config '{"build":{"beforeBuildCommand":""}}'
	@ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm

# Installs the .deb on this machine and runs the onboarding end-to-end tests against
# the installed binary (/usr/bin/ayah-asi). Needs root; changes the system.
test-package: package driver-deps
	apt-get install -y -qq --reinstall ./target/release/bundle/deb/*.deb
	AYAH_ASI_APP=/usr/bin/ayah-asi TAURI_DRIVER=$(CARGO_BIN)/tauri-driver $(XVFB) \
	  cargo test -p ayah-asi-e2e --test onboarding -- --test-threads=2

# The server on localhost with its own PostgreSQL cluster (see tools/server-local.sh).
server: system-deps
	cargo build -p ayah-asi-server
	tools/server-local.sh

run: deps app
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then ./$(APP); \
	else echo "No display: starting the app under Xvfb (invisible)"; $(XVFB) ./$(APP); fi

## Checks and tests -----------------------------------------------------------

test: deps lint test-rust test-ui test-e2e fuzz
	@tools/slowest-tests.sh target/test-rust.log target/test-e2e.log

lint: ui lint-android
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	npm run --silent typecheck
	npx vitest run --root ui src/imports.test.ts src/nav.test.ts
	# The Rust twin of imports.test.ts: names any import circle within a crate.
	cargo test -q -p ayah-asi-e2e --test import_circles

# The UI's TypeScript types (ui/src/api/types.gen.ts), written again from the Rust types
# the commands take and return; `make test` fails while the committed file differs.
types:
	UPDATE_TYPES=1 cargo test -p ayah-asi --test typescript
	npm run --silent typecheck

# Every #[cfg(mobile)] path compiled for Android, so a phone-only error fails CI too.
# (iOS cannot be checked here: its build scripts need Apple's SDK.)
lint-android: ui android-deps
	$(ANDROID_ENV) cargo clippy --target $(ANDROID_TARGET) -p ayah-asi -p ayah-asi-core -p tauri-plugin-ayah-share -- -D warnings

android-deps: system-deps
	@rustup target list --installed | grep -qx '$(ANDROID_TARGET)' || rustup target add $(ANDROID_TARGET)

# Each server test binary starts one throwaway PostgreSQL cluster (PostgreSQL is one
# of the Debian packages above), a database per test, and stops it when done, also
# when a test fails. The output is kept in target/ for the slowest-tests summary.
test-rust: ui system-deps
	mkdir -p target; cargo test -p ayah-asi-core -p ayah-asi -p ayah-asi-server 2>&1 | tee target/test-rust.log; \
	  exit $${PIPESTATUS[0]}

test-ui: node-deps
	npm test

# The end-to-end tests drive the built app through tauri-driver under Xvfb.
test-e2e: app driver-deps
	cargo build -p ayah-asi-server
	TAURI_DRIVER=$(CARGO_BIN)/tauri-driver $(XVFB) timeout -k 30 $(E2E_LIMIT) \
	  cargo test -p ayah-asi-e2e -- --test-threads=2 2>&1 | tee target/test-e2e.log; \
	  status=$${PIPESTATUS[0]}; [ $$status -eq 0 ] || { tools/stop-test-leftovers.sh; exit $$status; }

# The bundle parser and validator under libFuzzer for FUZZ_SECONDS (a minute in
# \`make test\`; longer by hand: make fuzz FUZZ_SECONDS=3600). New inputs go to
# target/fuzz-corpus, so the seeds in fuzz/corpus stay as committed; a crash is saved
# in fuzz/artifacts/bundle/ and fails the run.
FUZZ_SECONDS ?= 60
fuzz: fuzz-deps
	mkdir -p target/fuzz-corpus
	# Built first, in the open: the run below shows only libFuzzer's summary lines.
	cargo +nightly fuzz build bundle
	cargo +nightly fuzz run bundle target/fuzz-corpus fuzz/corpus/bundle -- \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 2>&1 | grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss)|ERROR|panicked|SUMMARY" ; \
	  exit $${PIPESTATUS[0]}

fuzz-deps: system-deps
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@cargo install --list | grep -q "^cargo-fuzz v$(CARGO_FUZZ_VERSION):" \
	  || cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked

## Benchmarks (figures, never pass/fail) -------------------------------------

# Every figure, then one table with its budget (target/bench/summary.json).
# BENCH_QUICK=1 shrinks the slow parts (1,000 families, 10,000 sessions, a 1-minute
# session) for a first look; the budgets are for the full run.
bench: bench-report bench-transfer bench-server bench-district bench-startup bench-timer
	cargo run -q -p ayah-asi-e2e --bin bench-summary

bench-summary:
	cargo run -q -p ayah-asi-e2e --bin bench-summary

# The posyandu report over seeded data: 30 families x 6 months, 10,000 x 1 year.
bench-report: ui
	cargo bench -p ayah-asi --bench report -- $(if $(BENCH_QUICK),--quick)

# Bundles of 1,000 and 100,000 sessions: export, parse, import.
bench-transfer: ui
	cargo bench -p ayah-asi --bench transfer -- $(if $(BENCH_QUICK),--quick)

# The server (release build) on a throwaway PostgreSQL: a cadre's day pushed, a pull with
# nothing new, 200 cadres syncing at once three times (40 with BENCH_QUICK), idle memory.
bench-server: system-deps
	cargo build -p ayah-asi-server --release
	cargo build -p ayah-asi-e2e --bin server-load
	AYAH_ASI_SERVER=$(CURDIR)/target/release/ayah-asi-server target/debug/server-load $(if $(BENCH_QUICK),--quick)
	AYAH_ASI_SERVER=$(CURDIR)/target/release/ayah-asi-server target/debug/server-load --cadres 500 --spread 60

# The dashboard at district size: 10,000 families x 1 year loaded with COPY (about 12 GB
# and 10 minutes), its pages timed, every query's plan in target/bench/server-district-plans.txt.
# DISTRICT_FAMILIES=500 for a quick look.
DISTRICT_FAMILIES ?= 10000
bench-district: system-deps
	cargo build --release -p ayah-asi-server -p ayah-asi-e2e --bin ayah-asi-server --bin server-district
	AYAH_ASI_SERVER=$(CURDIR)/target/release/ayah-asi-server target/release/server-district --families $(DISTRICT_FAMILIES)

# Cold start and idle memory of the release app beside an empty Tauri app built the
# same way (bench/empty-app), BENCH_RUNS runs each after a warm-up.
BENCH_RUNS ?= 10
bench-startup: release empty-app driver-deps
	cargo build -p ayah-asi-e2e --bin startup
	TAURI_DRIVER=$(CARGO_BIN)/tauri-driver $(XVFB) target/debug/startup --runs $(BENCH_RUNS)

empty-app:
	cargo build -p empty-tauri-app --release

# A whole guided session in the release app, window hidden, one core busy.
BENCH_MINUTES ?= $(if $(BENCH_QUICK),1,15)
bench-timer: release driver-deps
	cargo build -p ayah-asi-e2e --bin timer-drift
	AYAH_ASI_APP=$(CURDIR)/target/release/ayah-asi TAURI_DRIVER=$(CARGO_BIN)/tauri-driver \
	  $(XVFB) target/debug/timer-drift --minutes $(BENCH_MINUTES)

clean:
	cargo clean
	rm -rf node_modules ui/dist tests/artifacts
