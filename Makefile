# Hadir — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libusb-1.0-0-dev libcurl4-openssl-dev libsqlite3-dev pkg-config umockdev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export HADIRTEST_BIN_DIR ?= $(CURDIR)/.build/debug
# Real protocol peers (Tests/peers) live in their own venv; the system tests find them through this.
PYTHON ?= python3
PEERS_VENV := $(CURDIR)/.venv-peers
PEERS_STAMP := $(PEERS_VENV)/.installed
PEERS_REQUIREMENTS := Tests/peers/requirements.txt
export HADIRTEST_PEER_PYTHON ?= $(PEERS_VENV)/bin/python

.PHONY: fuzz fuzz-build fuzz-short deps build release test pull-peer-tests unit-check udev-check install deb unit-tests system-tests lint format demo bench crash-test clean peers

## deps: install the Debian packages the build needs (sudo only when not root).
deps:
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 toolchain not found: install it from swift.org and put it on PATH" >&2; exit 1; }
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@# udevadm checks the scanner rules.
	@if ! command -v udevadm >/dev/null; then \
	  echo "installing: udev (for udevadm)"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq udev; \
	fi
	@# systemd-analyze checks the unit (a container may lack the systemd package; it is not started).
	@if ! command -v systemd-analyze >/dev/null; then \
	  echo "installing: systemd (for systemd-analyze)"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd; \
	fi
	@# The peers' venv: Debian splits venv/ensurepip out of python3 into python3-venv.
	@if ! command -v $(PYTHON) >/dev/null || ! $(PYTHON) -c 'import venv, ensurepip' >/dev/null 2>&1; then \
	  echo "installing: python3 python3-venv"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## peers: the real ADMS server (django-fingerprint-attendance) in .venv-peers, reinstalled only when
## Tests/peers/requirements.txt is newer than the last install.
peers: $(PEERS_STAMP)

$(PEERS_STAMP): $(PEERS_REQUIREMENTS) | deps
	@# A venv whose interpreter is gone (another machine, a removed Python) is made again.
	@$(PEERS_VENV)/bin/python -c 'import sys' >/dev/null 2>&1 || { rm -rf $(PEERS_VENV) && $(PYTHON) -m venv $(PEERS_VENV); } || { rm -rf $(PEERS_VENV); exit 1; }
	$(PEERS_VENV)/bin/python -m pip install --disable-pip-version-check -q --no-input -r $(PEERS_REQUIREMENTS)
	@$(PEERS_VENV)/bin/python -c 'import django, fingerprint_attendance'
	@touch $@

## test: every test — unit, simulator-over-pty, multi-process system and crash tests, the
## uplink against the real ADMS peer, and the pull server against real pyzk 0.9 (pytest).
test: deps lint peers
	$(SWIFT) build
	$(SWIFT) test --no-parallel
	$(MAKE) pull-peer-tests
	$(MAKE) unit-check
	$(MAKE) udev-check

## udev-check: udevadm parses udev/70-hadir-scanners.rules without errors (private mount namespace).
udev-check: deps
	./scripts/check-udev-rules.sh

## unit-check: systemd/hadird.service verifies without a word and stays hardened (exposure <= 1.5).
unit-check: build
	./scripts/check-systemd-unit.sh "$$($(SWIFT) build --show-bin-path)"

## pull-peer-tests: pyzk 0.9 against hadird over TCP and UDP, with and without a comm key.
pull-peer-tests: peers
	$(PEERS_VENV)/bin/python -m pytest -q -p no:cacheprovider Tests/peers/zk

## fuzz: libFuzzer over the protocol cores and the config parser, SECONDS each (default 60), in
## .build-fuzz; the committed corpus is read, not written. Fails on a crash and prints the reproducer.
## FUZZ_TARGETS picks targets (ef01 efaa zk-frame zk-session adms config). See docs/fuzzing.md.
SECONDS ?= 60
FUZZ_TARGETS ?= ef01 efaa zk-frame zk-session adms config
FUZZ_SHORT_SECONDS ?= 5
fuzz-build: deps
	SWIFT=$(SWIFT) ./scripts/fuzz.sh build $(FUZZ_TARGETS)

fuzz: fuzz-build
	SWIFT=$(SWIFT) ./scripts/fuzz.sh run $(SECONDS) $(FUZZ_TARGETS)

## fuzz-short: each target replays its committed corpus (seeds and fixed crashes' reproducers),
## then fuzzes for FUZZ_SHORT_SECONDS: the smoke run `make test` can afford.
fuzz-short: fuzz-build
	SWIFT=$(SWIFT) ./scripts/fuzz.sh run $(FUZZ_SHORT_SECONDS) $(FUZZ_TARGETS)

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

## bench: scan-to-durable latency and journal throughput against an SQLite fsync baseline, backlog
## drain, pull, and idle CPU/RSS of hadird with hadir-sim attached (HADIR_BENCH_IDLE_SECONDS, default 60).
## The idle figures are taken from the binaries `make install` ships.
bench: deps peers
	$(SWIFT) build $(RELEASE_FLAGS) --product hadird
	$(SWIFT) build $(RELEASE_FLAGS) --product hadir-sim
	HADIR_BENCH_BIN_DIR="$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)" $(SWIFT) run -c release hadir-bench

## install: release binaries (Swift runtime linked in), unit, udev rules, example config and the
## sysusers.d/tmpfiles.d entries under DESTDIR (default PREFIX=/usr).
PREFIX ?= /usr
# Shipped binaries carry the Swift runtime (a kiosk has no toolchain) and export no symbols. With the
# toolchain's lld and glibc >= 2.36 the relative relocations are packed (DT_RELR) too. Both keep
# loader tables out of hadird's resident set (decision 0009); backtraces read .symtab, not these.
SWIFT_BIN_DIR := $(shell dirname "$$(readlink -f "$$(command -v $(SWIFT))")" 2>/dev/null)
SHIP_LINK_FLAGS := -Xlinker --no-export-dynamic
ifneq ($(wildcard $(SWIFT_BIN_DIR)/ld.lld),)
SHIP_LINK_FLAGS += -Xswiftc -use-ld=lld
ifeq ($(shell printf '2.36\n%s\n' "$$(getconf GNU_LIBC_VERSION 2>/dev/null | cut -d' ' -f2)" | sort -V -C && echo yes),yes)
SHIP_LINK_FLAGS += -Xlinker -z -Xlinker pack-relative-relocs
endif
endif
RELEASE_FLAGS := -c release --static-swift-stdlib --scratch-path .build-static $(SHIP_LINK_FLAGS)
VERSION := $(shell sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/HadirDaemon/Identity/HadirVersion.swift)
install: deps
	for product in hadird hadirctl hadir-sim; do $(SWIFT) build $(RELEASE_FLAGS) --product $$product || exit 1; done
	@# Debug info off (most of the size); symbols stay, so crash backtraces still name functions.
	bin="$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)"; \
	for product in hadird hadirctl hadir-sim; do \
	  install -D -m 0755 "$$bin/$$product" "$(DESTDIR)$(PREFIX)/bin/$$product" && strip --strip-debug "$(DESTDIR)$(PREFIX)/bin/$$product" || exit 1; \
	done
	install -D -m 0644 systemd/hadird.service "$(DESTDIR)$(PREFIX)/lib/systemd/system/hadird.service"
	install -D -m 0644 systemd/hadird.service.d/set-clock.conf "$(DESTDIR)$(PREFIX)/share/doc/hadir/examples/set-clock.conf"
	install -D -m 0644 udev/70-hadir-scanners.rules "$(DESTDIR)$(PREFIX)/lib/udev/rules.d/70-hadir-scanners.rules"
	install -D -m 0644 config/hadird.toml "$(DESTDIR)/etc/hadir/hadird.toml"
	install -D -m 0644 packaging/sysusers.d-hadir.conf "$(DESTDIR)$(PREFIX)/lib/sysusers.d/hadir.conf"
	install -D -m 0644 packaging/tmpfiles.d-hadir.conf "$(DESTDIR)$(PREFIX)/lib/tmpfiles.d/hadir.conf"

## deb: a .deb of `make install` for this machine's architecture (dpkg-deb), in .build-deb/.
deb:
	@test -n "$(VERSION)" || { echo "make deb: no version in Sources/HadirDaemon/Identity/HadirVersion.swift" >&2; exit 1; }
	rm -rf .build-deb/root
	$(MAKE) install DESTDIR="$(CURDIR)/.build-deb/root" PREFIX=/usr
	mkdir -p .build-deb/root/DEBIAN
	@# The newest glibc symbol version the binaries use; packed relocations need 2.36.
	arch="$$(dpkg --print-architecture)"; \
	glibc="$$(for b in .build-deb/root/usr/bin/*; do objdump -p "$$b"; done | sed -n 's/.*GLIBC_\([0-9][0-9.]*\)$$/\1/p' | sort -V | tail -1)"; \
	if objdump -p .build-deb/root/usr/bin/hadird | grep -q GLIBC_ABI_DT_RELR; then glibc="$$(printf '%s\n2.36\n' "$$glibc" | sort -V | tail -1)"; fi; \
	sed -e "s/@VERSION@/$(VERSION)/" -e "s/@ARCH@/$$arch/" -e "s/@GLIBC@/$$glibc/" packaging/debian/control.in > .build-deb/root/DEBIAN/control; \
	install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm .build-deb/root/DEBIAN/; \
	install -m 0644 packaging/debian/conffiles .build-deb/root/DEBIAN/; \
	dpkg-deb --root-owner-group --build .build-deb/root ".build-deb/hadir_$(VERSION)_$$arch.deb"

clean:
	rm -rf .build .build-*
