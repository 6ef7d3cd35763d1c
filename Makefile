# Hadir — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libusb-1.0-0-dev libcurl4-openssl-dev libsqlite3-dev pkg-config umockdev chromium poppler-utils dosfstools
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export HADIRTEST_BIN_DIR ?= $(CURDIR)/.build/debug
# Real protocol peers (Tests/peers) live in their own venv; the system tests find them through this.
PYTHON ?= python3
PEERS_VENV := $(CURDIR)/.venv-peers
PEERS_STAMP := $(PEERS_VENV)/.installed
PEERS_REQUIREMENTS := Tests/peers/requirements.txt
export HADIRTEST_PEER_PYTHON ?= $(PEERS_VENV)/bin/python

.PHONY: deps build release test pull-peer-tests door-screen-tests unit-check udev-check install deb unit-tests system-tests lint format demo bench crash-test clean peers powercut usb-export-vm soak flood fuzz fuzz-build fuzz-short

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
## uplink against the real ADMS peer, the pull server against real pyzk 0.9 (pytest), and a short
## libFuzzer run of every fuzz target (fuzz-short).
test: deps lint peers
	$(SWIFT) build
	$(SWIFT) test --no-parallel
	@# The fuzz targets' sanitizer build (about 6 minutes from scratch) runs beside the pyzk suite,
	@# which mostly waits on sockets, at nice 19 so it only takes CPU the suite leaves idle (a burst
	@# of punches timed by a test must not queue behind the compiler). Each output is printed whole.
	$(MAKE) -j2 --output-sync=target pull-peer-tests fuzz-build FUZZ_BUILD_NICE="nice -n 19"
	$(MAKE) unit-check
	$(MAKE) udev-check
	$(MAKE) door-screen-tests
	@# libFuzzer smoke: each target replays its committed corpus, then fuzzes a few seconds.
	$(MAKE) fuzz-short

## udev-check: udevadm parses udev/*.rules without errors (private mount namespace).
udev-check: deps
	./scripts/check-udev-rules.sh

## unit-check: systemd/hadird.service (exposure <= 1.5) and hadir-usb-export@.service (<= 2.5, it mounts)
## verify cleanly; the door screen example (hadir-kiosk.service) verifies too.
unit-check: build
	./scripts/check-systemd-unit.sh "$$($(SWIFT) build --show-bin-path)"

## pull-peer-tests: pyzk 0.9 against hadird over TCP and UDP, with and without a comm key.
## Two pytest-xdist workers: each test starts its own kiosk on free ports, and most of the time is
## spent waiting on sockets, so two halve the run.
pull-peer-tests: peers
	$(PEERS_VENV)/bin/python -m pytest -q -p no:cacheprovider -n 2 Tests/peers/zk

## door-screen-tests: /kiosk in headless Chromium (cards, screenshots in .test-artifacts/kiosk,
## commit-to-card latency p50/p95). Skipped without chromium unless CI=true.
door-screen-tests: peers
	$(PEERS_VENV)/bin/python -m pytest -q -s -p no:cacheprovider Tests/peers/kiosk

## fuzz: libFuzzer over the protocol cores and the config parser, SECONDS each (default 60), in
## .build-fuzz; the committed corpus is read, not written. Fails on a crash and prints the reproducer.
## FUZZ_TARGETS picks targets (ef01 efaa zk-frame zk-session adms config). See docs/fuzzing.md.
SECONDS ?= 60
FUZZ_TARGETS ?= ef01 efaa zk-frame zk-session adms config
FUZZ_SHORT_SECONDS ?= 5
FUZZ_BUILD_NICE ?=
fuzz-build: deps
	SWIFT=$(SWIFT) $(FUZZ_BUILD_NICE) ./scripts/fuzz.sh build $(FUZZ_TARGETS)

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

## soak: uplink chaos (docs/soak.md): kiosk, simulator and a fault-injecting proxy in front of the real
## ADMS peer for HOURS (default 0.1 = 6 min, fractional ok; SEED=n replays), cutting the network,
## restoring an older server database, SIGKILLing hadird and jumping its wall clock; then checks
## every journal seq is at the server and hadird's RSS stayed flat. Not part of `make test`.
## HADIR_SOAK_BIN_DIR (prebuilt binaries) and HADIR_SOAK_PEER_PYTHON (an interpreter with
## django-fingerprint-attendance) skip the build and the venv. Outputs in .soak/<time>/.
HOURS ?= 0.1
SEED ?=
SOAK_ARGS ?=
HADIR_SOAK_BIN_DIR ?=
HADIR_SOAK_PEER_PYTHON ?=
soak: deps $(if $(HADIR_SOAK_PEER_PYTHON),,peers)
	@# The wall-clock shim (scripts/soak/walljump.c) is compiled at the start of each run.
	@if ! command -v cc >/dev/null; then \
	  echo "installing: gcc (for the soak's wall-clock shim)"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev; \
	fi
	@if [ -z "$(HADIR_SOAK_BIN_DIR)" ]; then $(SWIFT) build; fi
	bin="$(HADIR_SOAK_BIN_DIR)"; [ -n "$$bin" ] || bin="$$($(SWIFT) build --show-bin-path)"; \
	$(PYTHON) scripts/soak/soak.py --hours $(HOURS) $(if $(SEED),--seed $(SEED)) --bin-dir "$$bin" \
	  --peer-python "$(or $(HADIR_SOAK_PEER_PYTHON),$(PEERS_VENV)/bin/python)" $(SOAK_ARGS)
## flood: punch latency at idle and under 1,000 hostile connections and garbage on 4370 and the
## control LAN listener, plus wrk on it (loopback only; bounded, stops by itself). Prints p50/p99 idle
## vs flood and their ratio, hadird's RSS, what the limits refused, and whether pyzk and hadirctl
## calls made during the flood succeeded. Release binaries, as a kiosk runs them; FLOOD_CONFIG=debug
## measures the test build. HADIR_FLOOD_TAPS sets the taps per phase (default 40).
FLOOD_CONFIG ?= release
flood: deps peers
	$(SWIFT) build -c $(FLOOD_CONFIG) --product hadird
	$(SWIFT) build -c $(FLOOD_CONFIG) --product hadir-sim
	$(SWIFT) build -c $(FLOOD_CONFIG) --product hadirctl
	@command -v wrk >/dev/null || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk || echo "wrk not installed: the HTTP load is skipped"
	$(PEERS_VENV)/bin/python scripts/flood.py "$$($(SWIFT) build -c $(FLOOD_CONFIG) --show-bin-path)"

## install: release binaries (Swift runtime linked in), unit, udev rules, example config, the
## sysusers.d/tmpfiles.d entries and the voice prompts (PREFIX/share/hadir/voice) under DESTDIR
## (default PREFIX=/usr).
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
	install -D -m 0644 systemd/hadir-kiosk.service "$(DESTDIR)$(PREFIX)/share/doc/hadir/examples/hadir-kiosk.service"
	install -D -m 0644 udev/70-hadir-scanners.rules "$(DESTDIR)$(PREFIX)/lib/udev/rules.d/70-hadir-scanners.rules"
	install -D -m 0644 udev/71-hadir-usb-export.rules "$(DESTDIR)$(PREFIX)/lib/udev/rules.d/71-hadir-usb-export.rules"
	install -D -m 0644 systemd/hadir-usb-export@.service "$(DESTDIR)$(PREFIX)/lib/systemd/system/hadir-usb-export@.service"
	install -D -m 0644 config/hadird.toml "$(DESTDIR)/etc/hadir/hadird.toml"
	install -D -m 0644 packaging/sysusers.d-hadir.conf "$(DESTDIR)$(PREFIX)/lib/sysusers.d/hadir.conf"
	install -D -m 0644 packaging/tmpfiles.d-hadir.conf "$(DESTDIR)$(PREFIX)/lib/tmpfiles.d/hadir.conf"
	@# Voice prompts ([voice] directory); recorded replacements go in /etc/hadir/voice/<language>/.
	for wav in share/voice/*/*.wav; do install -D -m 0644 "$$wav" "$(DESTDIR)$(PREFIX)/share/hadir/$${wav#share/}" || exit 1; done
	install -d -m 0755 "$(DESTDIR)/etc/hadir/voice/id" "$(DESTDIR)/etc/hadir/voice/en"

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

## powercut: hadird and hadir-sim in a QEMU VM (Debian kernel, ext4 disk image) scanning nonstop while
## the VM's power is cut (`quit` on the monitor) CUTS times (default 20, at least 20 for the record);
## every punch whose feedback reached the host must be in the journal, verify-journal must pass and the
## database must open (docs/powercut.md). SEED=n replays a run. Release binaries are built with the
## `make install` flags unless HADIR_POWERCUT_BIN_DIR names a directory holding them. Not in `make test`.
## POWERCUT_NO_FSYNC=1 is the harness's self-test: hadird runs with fsync disabled and the run passes
## only if lost punches are reported.
POWERCUT_APT_PACKAGES := qemu-system-x86 e2fsprogs cpio gzip sqlite3 binutils python3
CUTS ?= 20
SEED ?=
HADIR_POWERCUT_BIN_DIR ?=
POWERCUT_NO_FSYNC ?= 0
powercut:
	@missing=$$(for p in $(POWERCUT_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@if [ -n "$(HADIR_POWERCUT_BIN_DIR)" ]; then \
	  echo "powercut: using the binaries in $(HADIR_POWERCUT_BIN_DIR)"; \
	else \
	  $(MAKE) deps && \
	  for product in hadird hadirctl hadir-sim; do $(SWIFT) build $(RELEASE_FLAGS) --product $$product || exit 1; done; \
	fi
	bin="$(HADIR_POWERCUT_BIN_DIR)"; [ -n "$$bin" ] || bin="$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)"; \
	HADIR_POWERCUT_NO_FSYNC=$(POWERCUT_NO_FSYNC) ./scripts/powercut/build-image.sh "$$bin" .build-powercut
	$(PYTHON) scripts/powercut/powercut.py run --work .build-powercut --cuts $(CUTS) $(if $(SEED),--seed $(SEED)) \
	  $(if $(filter 1,$(POWERCUT_NO_FSYNC)),--expect-loss)

## usb-export-vm: `hadirctl export-usb --device` onto a vfat stick image attached to the power-cut
## guest (its Debian kernel mounts vfat; a container's kernel may not), read back on the host with
## mtools and byte-checked against the same export into a directory; also checks the stick is
## unmounted and the kiosk said "Data tersalin ke USB". Binaries: HADIR_POWERCUT_BIN_DIR, else the
## debug build. Not in `make test` (a TCG boot takes minutes).
USB_VM_APT_PACKAGES := $(POWERCUT_APT_PACKAGES) dosfstools mtools
usb-export-vm:
	@missing=$$(for p in $(USB_VM_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@if [ -z "$(HADIR_POWERCUT_BIN_DIR)" ]; then $(MAKE) deps && $(SWIFT) build; fi
	bin="$(HADIR_POWERCUT_BIN_DIR)"; [ -n "$$bin" ] || bin="$$($(SWIFT) build --show-bin-path)"; \
	./scripts/powercut/build-image.sh "$$bin" .build-powercut
	$(PYTHON) scripts/powercut/usb-export-vm.py --work .build-powercut

clean:
	rm -rf .build .build-*
