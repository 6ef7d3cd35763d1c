# Hadir — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libusb-1.0-0-dev libcurl4-openssl-dev libsqlite3-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export HADIRTEST_BIN_DIR ?= $(CURDIR)/.build/debug

.PHONY: deps build release test unit-tests system-tests lint format demo bench crash-test clean

## deps: install the Debian packages the build needs (sudo only when not root).
deps:
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 toolchain not found: install it from swift.org and put it on PATH" >&2; exit 1; }
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## test: every test — unit, simulator-over-pty, multi-process system and crash tests.
test: deps lint
	$(SWIFT) build
	$(SWIFT) test --no-parallel

lint:
	@if $(SWIFT) format --version >/dev/null 2>&1; then \
	  $(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift; \
	else echo "swift format not available; skipping lint"; fi

format:
	$(SWIFT) format --in-place --recursive --parallel Sources Tests Package.swift

## demo: the real daemon against the simulated scanner, on a scripted morning.
demo: deps
	$(SWIFT) build
	./scripts/demo.sh "$$($(SWIFT) build --show-bin-path)"

## bench: scan-to-durable latency and journal throughput against an SQLite fsync baseline.
bench: deps
	$(SWIFT) run -c release hadir-bench

clean:
	rm -rf .build .build-*
