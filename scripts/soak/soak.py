#!/usr/bin/env python3
"""Uplink chaos soak: hadird + hadir-sim + a fault-injecting proxy in front of the real ADMS peer.

Runs for --hours (fractional), tapping fingers at a steady rate while, at seeded random moments, it
cuts the network (proxy), restarts the server with data loss (an older copy of its database put
back), SIGKILLs and restarts hadird, and jumps hadird's wall clock (LD_PRELOAD shim walljump.so,
nothing else's). Then it stops the faults, lets the uplink drain and checks that the server holds
every journal seq (by PIN and UTC second), that `hadirctl verify-journal` passes, and how hadird's
RSS behaved. See docs/soak.md. Exit 0 only when nothing is missing and nothing failed.

Standard library only; the peer runs under --peer-python (the peers venv).
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PEERS = REPO / "Tests" / "peers"
SERIAL = "HDRSOAK0001"
EMPLOYEES = 8
FIRST_FINGER = 61

T0 = time.monotonic()
LOG_LOCK = threading.Lock()
LOG_FILE = None


def log(message: str) -> None:
    line = f"[soak {time.monotonic() - T0:8.1f}s] {message}"
    with LOG_LOCK:
        print(line, flush=True)
        if LOG_FILE is not None:
            LOG_FILE.write(line + "\n")
            LOG_FILE.flush()


class SoakFailure(Exception):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


# ----------------------------------------------------------------------------------------------
# Processes this run started: killed by pid on exit (also on Ctrl-C).

STARTED: list[subprocess.Popen] = []


def spawn(args, **kwargs) -> subprocess.Popen:
    process = subprocess.Popen(args, **kwargs)
    STARTED.append(process)
    return process


def stop_process(process: subprocess.Popen | None, sig=signal.SIGTERM, timeout=15.0) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        process.send_signal(sig)
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    except ProcessLookupError:
        pass


def kill_everything() -> None:
    for process in reversed(STARTED):
        if process.poll() is None:
            try:
                process.kill()
                process.wait(timeout=10)
            except Exception:
                pass


# ----------------------------------------------------------------------------------------------
# The fault-injecting proxy (asyncio, in its own thread).


class Proxy:
    MODES = ("refuse", "reset", "hang", "cut_request", "cut_response")

    def __init__(self, listen_port: int, upstream_port: int, rng: random.Random):
        self.listen_port = listen_port
        self.upstream_port = upstream_port
        self.rng = rng  # only used from the proxy thread
        self.mode = "pass"
        self.connections: dict[str, int] = {}
        self.loop = asyncio.new_event_loop()
        self.server = None
        self.hang_release: asyncio.Event | None = None
        self.thread = threading.Thread(target=self._run, name="proxy", daemon=True)
        self.ready = threading.Event()

    def start(self) -> None:
        self.thread.start()
        if not self.ready.wait(10):
            raise SoakFailure("proxy did not start")

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.hang_release = asyncio.Event()
        self.loop.run_until_complete(self._listen())
        self.ready.set()
        self.loop.run_forever()

    async def _listen(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.listen_port, reuse_address=True)

    async def _unlisten(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    def set_mode(self, mode: str) -> None:
        def apply():
            previous = self.mode
            self.mode = mode
            if mode == "refuse" and self.server is not None:
                asyncio.ensure_future(self._unlisten())
            if mode != "refuse" and self.server is None:
                asyncio.ensure_future(self._listen())
            if previous == "hang" and mode != "hang":
                self.hang_release.set()
                self.hang_release = asyncio.Event()

        done = threading.Event()
        self.loop.call_soon_threadsafe(lambda: (apply(), done.set()))
        done.wait(5)

    @staticmethod
    def _abort(writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        try:
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        except OSError:
            pass
        writer.transport.abort()

    async def _read_request(self, reader: asyncio.StreamReader) -> bytes:
        """One HTTP request (headers + Content-Length body) as bytes."""
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1].strip() or 0)
        body = await asyncio.wait_for(reader.readexactly(length), 30) if length else b""
        return head + body

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        mode = self.mode
        self.connections[mode] = self.connections.get(mode, 0) + 1
        upstream_writer = None
        try:
            if mode in ("refuse", "reset"):
                self._abort(writer)
                return
            if mode == "hang":
                release = self.hang_release
                try:
                    await asyncio.wait_for(release.wait(), 600)
                except asyncio.TimeoutError:
                    pass
                self._abort(writer)
                return
            request = await self._read_request(reader)
            up_reader, upstream_writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", self.upstream_port), 10)
            if mode == "cut_request":
                upstream_writer.write(request[: self.rng.randrange(1, max(2, len(request)))])
                await upstream_writer.drain()
                self._abort(upstream_writer)
                upstream_writer = None
                self._abort(writer)
                return
            upstream_writer.write(request)
            await upstream_writer.drain()
            response = await asyncio.wait_for(up_reader.read(-1), 60)
            if mode == "cut_response":
                # The server processed the request (its rows are committed); the client never
                # gets the whole answer.
                writer.write(response[: self.rng.randrange(0, max(1, len(response)))])
                await writer.drain()
                self._abort(writer)
                return
            writer.write(response)
            await writer.drain()
            writer.close()
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, asyncio.LimitOverrunError):
            self._abort(writer)
        finally:
            if upstream_writer is not None:
                upstream_writer.close()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)


# ----------------------------------------------------------------------------------------------
# The ADMS peer (django-fingerprint-attendance).


class Peer:
    def __init__(self, python: str, directory: Path, logs: Path):
        self.python = python
        self.directory = directory
        self.logs = logs
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.generation = 0
        self.env = dict(os.environ, ADMS_PEER_DIR=str(directory), PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1")
        self.db = directory / "peer.sqlite3"

    def migrate(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        run = subprocess.run([self.python, str(PEERS / "adms_peer" / "manage.py"), "migrate", "--no-input", "-v", "0"],
                             env=self.env, capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            raise SoakFailure(f"peer migrate failed: {run.stderr[-2000:]}")

    def start(self) -> None:
        self.generation += 1
        log_file = open(self.logs / f"peer-{self.generation}.log", "w")
        for attempt in range(40):
            self.process = spawn([self.python, str(PEERS / "adms_peer" / "manage.py"), "runserver",
                                  f"127.0.0.1:{self.port}", "--noreload", "--skip-checks"],
                                 env=self.env, stdout=log_file, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    break
                if port_accepts(self.port):
                    return
                time.sleep(0.1)
            if self.process.poll() is None:
                stop_process(self.process)
                raise SoakFailure(f"peer did not listen on {self.port} within 120 s")
            time.sleep(0.5)  # port in TIME_WAIT / still held: try again
        raise SoakFailure("peer would not start")

    def stop(self) -> None:
        stop_process(self.process, signal.SIGTERM, 10)
        self.process = None

    def query(self, sql: str, args=()):
        connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30)
        try:
            return connection.execute(sql, args).fetchall()
        finally:
            connection.close()

    def device_stamp(self) -> str | None:
        try:
            rows = self.query("SELECT attlog_stamp FROM fingerprint_attendance_device WHERE serial_number = ?", (SERIAL,))
        except sqlite3.Error:
            return None
        return rows[0][0] if rows else None

    def punch_count(self) -> int:
        try:
            return self.query("SELECT COUNT(*) FROM fingerprint_attendance_punch")[0][0]
        except sqlite3.Error:
            return -1

    def snapshot(self, path: Path) -> None:
        source = sqlite3.connect(str(self.db), timeout=30)
        target = sqlite3.connect(str(path))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()

    def restore(self, path: Path) -> None:
        """Server down, database replaced by an older copy, server up: it forgets recent punches."""
        self.stop()
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.db) + suffix).unlink(missing_ok=True)
        shutil.copyfile(path, self.db)
        self.start()

    def peerctl(self, *args) -> dict:
        run = subprocess.run([self.python, str(PEERS / "peerctl.py"), *args], env=self.env,
                             capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            raise SoakFailure(f"peerctl {' '.join(args)}: {run.stdout[-500:]} {run.stderr[-2000:]}")
        return json.loads(run.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------------------------
# hadir-sim and hadird.


class Simulator:
    def __init__(self, bin_dir: Path, directory: Path, logs: Path):
        self.link = directory / "scanner"
        self.control = directory / "sim.sock"
        self.log_file = open(logs / "sim.log", "w")
        self.process = spawn([str(bin_dir / "hadir-sim"), "--state", str(directory / "sim-state"), "--link", str(self.link),
                              "--control", str(self.control)], stdout=subprocess.PIPE, stderr=self.log_file, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise SoakFailure("hadir-sim exited during start")
            if line.strip() == "ready":
                break
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.process.stdout:
            self.log_file.write(line)

    def send(self, command: str) -> str:
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(30)
            s.connect(str(self.control))
            s.sendall(command.encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        reply = data.decode().strip()
        if not reply.startswith("ok"):
            raise SoakFailure(f"sim refused {command!r}: {reply}")
        return reply

    def commands_served(self) -> int:
        reply = self.send("status")
        return int(json.loads(reply[2:].strip())["commandsServed"])


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float = 60):
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


class Daemon:
    """hadird incarnations over one state directory, under the wall-clock shim."""

    def __init__(self, bin_dir: Path, directory: Path, logs: Path, config: str, env: dict):
        self.bin_dir = bin_dir
        self.state = directory / "state"
        self.config_path = directory / "hadird.toml"
        self.config_path.write_text(config)
        self.logs = logs
        self.env = env
        self.process: subprocess.Popen | None = None
        self.incarnation = 0
        self.events: list[dict] = []  # every feedback event of every incarnation
        self.events_lock = threading.Condition()
        self.up = threading.Event()

    @property
    def socket_path(self) -> str:
        return str(self.state / "control.sock")

    def start(self) -> None:
        self.incarnation += 1
        incarnation = self.incarnation
        stderr = open(self.logs / f"hadird-{incarnation}.stderr.log", "w")
        stdout_log = open(self.logs / f"hadird-{incarnation}.stdout.log", "w")
        self.process = spawn([str(self.bin_dir / "hadird"), "--config", str(self.config_path)], env=self.env,
                             stdout=subprocess.PIPE, stderr=stderr, text=True)
        ready = threading.Event()
        connected = threading.Event()

        def read(process=self.process):
            for line in process.stdout:
                stdout_log.write(line)
                stdout_log.flush()
                if not line.startswith("{"):
                    continue
                try:
                    event = json.loads(line)
                except ValueError:
                    continue
                event["_incarnation"] = incarnation
                event["_at"] = time.time()
                kind = event.get("event")
                if kind == "ready":
                    ready.set()
                elif kind == "scanner_connected":
                    connected.set()
                with self.events_lock:
                    self.events.append(event)
                    self.events_lock.notify_all()

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + 180
        while not (ready.is_set() and connected.is_set()):
            if self.process.poll() is not None:
                raise SoakFailure(f"hadird exited during start ({self.process.returncode}); see hadird-{incarnation}.stderr.log")
            if time.monotonic() > deadline:
                raise SoakFailure(f"hadird not ready within 180 s; see hadird-{incarnation}.stderr.log")
            time.sleep(0.05)
        self.up.set()

    def kill9(self) -> None:
        self.up.clear()
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def terminate(self) -> int | None:
        self.up.clear()
        if self.process is None:
            return None
        stop_process(self.process, signal.SIGTERM, 30)
        return self.process.returncode

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None and self.process.poll() is None else None

    def request(self, method: str, path: str, body: dict | None = None, timeout: float = 60):
        connection = UnixHTTPConnection(self.socket_path, timeout)
        payload = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if payload else {}
        connection.request(method, path, body=payload, headers=headers)
        return connection, connection.getresponse()

    def enroll(self, pin: str, name: str, finger: int, sim: Simulator) -> None:
        connection, response = self.request("POST", "/v1/users", {"pin": pin, "name": name})
        response.read()
        connection.close()
        if response.status >= 300:
            raise SoakFailure(f"adding user {pin}: HTTP {response.status}")
        connection, response = self.request("POST", "/v1/enroll",
                                             {"pin": pin, "replace": False, "modality": "fingerprint"}, timeout=120)
        if response.status >= 300:
            raise SoakFailure(f"enroll {pin}: HTTP {response.status} {response.read()[:300]!r}")
        event_name = None
        try:
            while True:
                line = response.readline()
                if not line:
                    raise SoakFailure(f"enroll {pin}: stream ended without a result")
                line = line.decode().rstrip("\r\n")
                if line.startswith("event:"):
                    event_name = line[6:].strip()
                elif line.startswith("data:"):
                    data = json.loads(line[5:].strip())
                    if event_name == "stage":
                        stage = data.get("detail") or ""
                        if stage.startswith("place_finger") or stage.startswith("retry_press"):
                            sim.send(f"tap {finger}")
                    elif event_name == "result":
                        if data.get("status") != "enrolled":
                            raise SoakFailure(f"enroll {pin}: {data}")
                        return
                    elif event_name == "error":
                        raise SoakFailure(f"enroll {pin}: {data}")
        finally:
            connection.close()

    def hadirctl(self, *args, check=True, timeout=120) -> subprocess.CompletedProcess:
        run = subprocess.run([str(self.bin_dir / "hadirctl"), "--state", str(self.state), *args],
                             capture_output=True, text=True, timeout=timeout)
        if check and run.returncode != 0:
            raise SoakFailure(f"hadirctl {' '.join(args)} exited {run.returncode}: {run.stdout[-500:]} {run.stderr[-1000:]}")
        return run


# ----------------------------------------------------------------------------------------------
# The run.


class Soak:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 2**31)
        self.rng = random.Random(self.seed)
        self.duration = args.hours * 3600
        self.out = Path(args.out).resolve()
        self.out.mkdir(parents=True, exist_ok=True)
        self.logs = self.out / "logs"
        self.logs.mkdir(exist_ok=True)
        self.work = Path(tempfile.mkdtemp(prefix="hadir-soak-"))
        self.bin_dir = Path(args.bin_dir).resolve()
        self.stop_taps = threading.Event()
        self.stop_rss = threading.Event()
        self.faults: dict[str, int] = {}
        self.fault_log: list[str] = []
        self.taps = 0
        self.tap_punches = 0
        self.tap_misses = 0
        self.rss: dict[int, list[tuple[float, int]]] = {}
        self.wall_offset_ms = 0
        self.segments: list[list[float]] = []  # [start, end] of faked wall time used, seconds
        self.snapshots: list[tuple[Path, str, int]] = []
        self.lost_at_server = 0
        self.failures: list[str] = []
        self.failures_soft: list[str] = []  # reported, not failing: e.g. needed sync --now to drain
        self.max_backlog = 0
        self.drain_mode = None
        self.backlog_at_end = None
        self.daemon_lock = threading.Lock()  # held while the daemon is being killed / restarted

    # -- clock --------------------------------------------------------------------------------

    def write_offset(self, offset_ms: int) -> None:
        tmp = self.work / "wall-offset.tmp"
        tmp.write_text(f"{offset_ms}\n")
        os.replace(tmp, self.work / "wall-offset")
        self.wall_offset_ms = offset_ms

    def write_sync(self, text: str) -> None:
        tmp = self.work / "sync-state.tmp"
        tmp.write_text(text + "\n")
        os.replace(tmp, self.work / "sync-state")

    def faked_now(self) -> float:
        return time.time() + self.wall_offset_ms / 1000

    def close_segment(self) -> None:
        if self.segments:
            self.segments[-1][1] = self.faked_now()

    def pick_jump(self) -> int:
        """A new wall offset (ms) whose faked time does not revisit a stretch punches already used,
        so (PIN, second) stays a per-row key at the server, which dedupes on it."""
        self.close_segment()
        horizon = 900.0  # the new stretch is kept clear for this long
        for _ in range(200):
            magnitude = self.rng.choice([self.rng.uniform(3, 120), self.rng.uniform(120, 3600),
                                         self.rng.uniform(3600, 3 * 86400)])
            direction = self.rng.choice([-1, 1])
            offset = int((self.wall_offset_ms / 1000 + direction * magnitude) * 1000)
            start = time.time() + offset / 1000
            if all(start + horizon + 5 < a - 5 or start - 5 > b + 5 for a, b in self.segments):
                return offset
        return self.wall_offset_ms + int(10 * 86400 * 1000)  # far ahead: always fresh

    def apply_jump(self, offset: int) -> None:
        self.write_offset(offset)
        now = self.faked_now()
        self.segments.append([now, now])

    # -- helpers ------------------------------------------------------------------------------

    def count(self, kind: str, detail: str) -> None:
        self.faults[kind] = self.faults.get(kind, 0) + 1
        entry = f"t={time.monotonic() - T0:.1f}s {kind}: {detail}"
        self.fault_log.append(entry)
        log("FAULT " + entry)

    def restart_daemon(self, down_for: float) -> None:
        with self.daemon_lock:
            self.daemon.kill9()
            time.sleep(down_for)
            self.daemon.start()

    # -- threads ------------------------------------------------------------------------------

    def tapper(self) -> None:
        index = 0
        interval = self.args.tap_interval
        while not self.stop_taps.is_set():
            if not self.daemon.up.wait(1):
                continue
            finger = FIRST_FINGER + index % EMPLOYEES
            index += 1
            started = time.monotonic()
            with self.daemon.events_lock:
                seen = len(self.daemon.events)
            try:
                served = self.sim.commands_served()
                self.sim.send(f"tap {finger}")
                self.taps += 1
            except (OSError, SoakFailure) as error:
                log(f"tap {finger} not sent: {error}")
                time.sleep(1)
                continue
            got = None
            deadline = time.monotonic() + 20
            with self.daemon.events_lock:
                while got is None and time.monotonic() < deadline and not self.stop_taps.is_set():
                    for event in self.daemon.events[seen:]:
                        if event.get("event") in ("punch", "duplicate", "unknown_finger", "unreadable", "record_failed"):
                            got = event
                            break
                    seen = len(self.daemon.events)
                    if got is None:
                        self.daemon.events_lock.wait(0.5)
            if got is not None and got.get("event") == "punch":
                self.tap_punches += 1
            else:
                self.tap_misses += 1
                if got is not None:
                    log(f"tap {finger}: {got.get('event')} {got.get('message')}")
            # The daemon polls once more to see the finger lifted; tapping inside that poll is lost.
            lift_deadline = time.monotonic() + 10
            while time.monotonic() < lift_deadline and not self.stop_taps.is_set():
                try:
                    if self.sim.commands_served() > served + 1:
                        break
                except (OSError, SoakFailure):
                    break
                time.sleep(0.05)
            rest = interval - (time.monotonic() - started)
            if rest > 0:
                self.stop_taps.wait(rest)

    def rss_sampler(self) -> None:
        while not self.stop_rss.wait(self.args.rss_interval):
            pid = self.daemon.pid
            if pid is None:
                continue
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        kb = int(line.split()[1])
                        self.rss.setdefault(self.daemon.incarnation, []).append((time.monotonic() - T0, kb))
            except OSError:
                pass

    # -- faults -------------------------------------------------------------------------------

    def fault_network(self) -> None:
        mode = self.rng.choice(Proxy.MODES)
        period = self.rng.uniform(3, 45)
        self.count("network_cut", f"{mode} for {period:.0f}s")
        self.proxy.set_mode(mode)
        self.net_until = time.monotonic() + period

    def fault_server_data_loss(self) -> None:
        usable = [s for s in self.snapshots if s[1] not in (None, "", "None")]
        if not usable:
            self.fault_server_restart("no snapshot yet")
            return
        path, stamp, punches = self.rng.choice(usable)
        before_stamp, before = self.peer.device_stamp(), self.peer.punch_count()
        self.peer.restore(path)
        lost = before - punches
        self.lost_at_server += max(0, lost)
        self.count("server_data_loss", f"restored {path.name} (ATTLOGStamp {before_stamp} -> {stamp}, punches {before} -> {punches})")

    def fault_server_restart(self, why: str = "") -> None:
        down = self.rng.uniform(0, 10)
        self.peer.stop()
        time.sleep(down)
        self.peer.start()
        self.count("server_restart", f"down {down:.1f}s {why}".strip())

    def fault_daemon_kill(self) -> None:
        down = self.rng.uniform(0, 5)
        self.count("daemon_sigkill", f"pid {self.daemon.pid}, restart after {down:.1f}s")
        self.restart_daemon(down)

    def fault_clock_jump(self) -> None:
        old = self.wall_offset_ms
        new = self.pick_jump()
        self.apply_jump(new)
        self.count("clock_jump", f"wall offset {old / 1000:+.1f}s -> {new / 1000:+.1f}s ({(new - old) / 1000:+.1f}s)")

    def fault_clock_unsynced_step(self) -> None:
        """Sync lost; punches flagged unsynced; then an NTP-like step of the wall clock with sync
        regained, so each unsynced punch gets a correction row (decision 0010)."""
        period = self.rng.uniform(8, 30)
        self.write_sync("unsynced")
        self.count("clock_unsynced_step", f"unsynced for {period:.0f}s, then step + synced")
        self.stop_faults.wait(period)
        old = self.wall_offset_ms
        new = self.pick_jump()
        self.apply_jump(new)
        self.write_sync("synced")
        log(f"  step {(new - old) / 1000:+.1f}s, synced")

    def fault_loop(self) -> None:
        kinds = [(self.fault_network, 4), (self.fault_server_data_loss, 2), (self.fault_server_restart, 1),
                 (self.fault_daemon_kill, 2), (self.fault_clock_jump, 2), (self.fault_clock_unsynced_step, 1)]
        next_snapshot = time.monotonic() + self.rng.uniform(10, 30)
        next_fault = time.monotonic() + self.rng.uniform(15, 30)
        while not self.stop_faults.is_set():
            now = time.monotonic()
            if self.net_until is not None and now >= self.net_until:
                self.proxy.set_mode("pass")
                self.net_until = None
                log("network back")
            if now >= next_snapshot:
                stamp = self.peer.device_stamp()
                if stamp not in (None, "", "None"):
                    path = self.work / "snapshots" / f"snap-{len(self.snapshots) + 1}.sqlite3"
                    path.parent.mkdir(exist_ok=True)
                    try:
                        self.peer.snapshot(path)
                        self.snapshots.append((path, stamp, sqlite3.connect(str(path)).execute(
                            "SELECT COUNT(*) FROM fingerprint_attendance_punch").fetchone()[0]))
                    except sqlite3.Error as error:
                        log(f"snapshot failed: {error}")
                next_snapshot = now + self.rng.uniform(20, 60)
            if now >= next_fault:
                fault = self.rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
                if fault == self.fault_network and self.net_until is not None:
                    fault = self.fault_daemon_kill
                if fault == self.fault_daemon_kill and now - self.chaos_started > (1 - self.args.no_kill_tail) * self.duration:
                    # The tail of the run keeps one incarnation alive under the other faults, so
                    # its RSS trend can be judged.
                    fault = self.fault_clock_jump
                try:
                    fault()
                except SoakFailure as error:
                    self.failures.append(f"fault {fault.__name__}: {error}")
                    log(f"fault {fault.__name__} failed: {error}")
                    self.stop_faults.set()
                    break
                next_fault = time.monotonic() + self.rng.uniform(self.args.fault_min, self.args.fault_max)
            self.stop_faults.wait(0.5)

    # -- main ---------------------------------------------------------------------------------

    def config(self, proxy_port: int) -> str:
        return f"""[device]
state_dir = "{self.work / 'state'}"
serial = "{SERIAL}"

[scanner]
path = "{self.sim.link}"
identify_timeout_ms = 400
response_timeout_ms = 500
enroll_press_timeout_ms = 10000
reconnect_min_ms = 100
reconnect_max_ms = 400

[policy]
profile = "bandung-barat"
duplicate_window_s = 0

[clock]
authority = "ntp"
sync_state_file = "{self.work / 'sync-state'}"

[uplink.soak]
url = "http://127.0.0.1:{proxy_port}/iclock/"
max_batch = {self.args.max_batch}
connect_timeout_ms = 3000
total_timeout_ms = 15000

[pull]
enabled = false

[voice]
enabled = false

[output]
log_level = "info"
"""

    def run(self) -> int:
        log(f"seed {self.seed} (replay: make soak SEED={self.seed} HOURS={self.args.hours}); duration {self.duration:.0f}s; "
            f"work {self.work}; outputs {self.out}")
        shim = self.work / "walljump.so"
        subprocess.run(["cc", "-shared", "-fPIC", "-O2", "-o", str(shim), str(REPO / "scripts" / "soak" / "walljump.c")],
                       check=True)
        self.write_offset(0)
        self.segments.append([time.time(), time.time()])
        self.write_sync("synced")

        log("migrating the peer database")
        self.peer = Peer(self.args.peer_python, self.work / "peer", self.logs)
        self.peer.migrate()
        self.peer.start()
        proxy_port = free_port()
        self.proxy = Proxy(proxy_port, self.peer.port, random.Random(self.seed ^ 0x5A5A))
        self.proxy.start()
        self.net_until = None
        log(f"peer on 127.0.0.1:{self.peer.port}, proxy on 127.0.0.1:{proxy_port}")

        self.sim = Simulator(self.bin_dir, self.work, self.logs)
        # hadird refuses unknown HADIR_* variables; make exports HADIR_SOAK_* from its command line.
        env = {k: v for k, v in os.environ.items() if not k.startswith("HADIR_SOAK_")}
        env.update(LD_PRELOAD=str(shim), WALLJUMP_OFFSET_FILE=str(self.work / "wall-offset"))
        self.daemon = Daemon(self.bin_dir, self.work, self.logs, self.config(proxy_port), env)
        self.daemon.start()
        self.check_shim()
        for i in range(EMPLOYEES):
            self.daemon.enroll(str(7001 + i), f"Pegawai {i + 1}", FIRST_FINGER + i, self.sim)
        log(f"{EMPLOYEES} employees enrolled; tapping every {self.args.tap_interval}s, faults every "
            f"{self.args.fault_min:.0f}-{self.args.fault_max:.0f}s")

        self.stop_faults = threading.Event()
        self.chaos_started = time.monotonic()
        threads = [threading.Thread(target=self.tapper, name="tapper", daemon=True),
                   threading.Thread(target=self.rss_sampler, name="rss", daemon=True),
                   threading.Thread(target=self.uplink_monitor, name="uplink", daemon=True),
                   threading.Thread(target=self.fault_loop, name="faults", daemon=True)]
        for thread in threads:
            thread.start()
        started = self.chaos_started = time.monotonic()
        last_report = started
        while time.monotonic() - started < self.duration and not self.stop_faults.is_set():
            time.sleep(1)
            if time.monotonic() - last_report >= 60:
                last_report = time.monotonic()
                log(f"progress: {last_report - started:.0f}s, taps {self.taps}, punches {self.tap_punches}, "
                    f"faults {sum(self.faults.values())}, daemon #{self.daemon.incarnation}")
        chaos_seconds = time.monotonic() - started
        log("chaos over: stopping faults and taps")
        self.stop_faults.set()
        threads[3].join(120)
        self.stop_taps.set()
        threads[0].join(60)
        self.proxy.set_mode("pass")
        self.write_sync("synced")
        if self.peer.process is None or self.peer.process.poll() is not None:
            self.peer.start()
        with self.daemon_lock:
            if self.daemon.pid is None:
                self.daemon.start()

        drained, drain_seconds, uplink = self.drain()
        self.reconcile()
        self.stop_rss.set()
        threads[1].join(10)
        code = self.daemon.terminate()
        if code not in (0, None):
            self.failures.append(f"hadird exited {code} on SIGTERM")
        return self.verify(chaos_seconds, drained, drain_seconds, uplink)

    def check_shim(self) -> None:
        """hadird's CLOCK_REALTIME must follow the offset file: its status carries its local time (WIB)."""
        import datetime
        results = []
        for offset in (-7 * 86400 * 1000, 0):
            self.write_offset(offset)
            time.sleep(0.3)
            status = json.loads(self.daemon.hadirctl("status", "--json").stdout)
            local = datetime.datetime.strptime(status["local_time"].replace("T", " ")[:19], "%Y-%m-%d %H:%M:%S")
            expected = datetime.datetime.utcfromtimestamp(time.time() + 7 * 3600 + offset / 1000)
            error = abs((local - expected).total_seconds())
            results.append(f"offset {offset / 1000:+.0f}s -> daemon local time {status['local_time']} (off by {error:.1f}s)")
            if error > 15:
                raise SoakFailure(f"the wall-clock shim does not reach hadird: {results[-1]}")
        log("shim check: " + "; ".join(results))

    def status(self) -> dict:
        connection, response = self.daemon.request("GET", "/v1/status", timeout=20)
        try:
            return json.loads(response.read())
        finally:
            connection.close()

    def uplink_monitor(self) -> None:
        """Every 10 s: the uplink's cursor, backlog and last error (uplink.jsonl), to see a stuck uplink."""
        with open(self.out / "uplink.jsonl", "w") as out:
            while not self.stop_rss.wait(10):
                if not self.daemon.up.is_set():
                    continue
                try:
                    status = self.status()
                except (OSError, ValueError, http.client.HTTPException):
                    continue
                uplink = status["uplinks"][0]
                record = {"t": round(time.monotonic() - T0, 1), "incarnation": self.daemon.incarnation,
                          "last_seq": status.get("last_seq"), "acked_seq": uplink["acked_seq"], "backlog": uplink["backlog"],
                          "last_error": uplink.get("last_error"), "wall_offset_s": self.wall_offset_ms / 1000}
                self.max_backlog = max(self.max_backlog, uplink["backlog"])
                out.write(json.dumps(record) + "\n")
                out.flush()

    def drained(self):
        status = json.loads(self.daemon.hadirctl("status", "--json").stdout)
        self.final_clock = status.get("clock")
        uplink = status["uplinks"][0]
        last = status.get("last_seq") or 0
        return uplink["backlog"] == 0 and uplink["acked_seq"] == last, uplink, last

    def drain(self):
        """First wait for the uplink on its own (its retry timers, no help); then, if it has not
        caught up, `hadirctl sync --now` (skips backoff) until it does. Both bounded."""
        log("draining the uplink: on its own first")
        started = time.monotonic()
        uplink = None
        self.backlog_at_end = None
        phases = [("on its own", self.args.natural_drain, False), ("with sync --now", self.args.drain_timeout, True)]
        for name, limit, force in phases:
            deadline = time.monotonic() + limit
            while time.monotonic() < deadline:
                try:
                    if force:
                        self.daemon.hadirctl("sync", "--now", "--json", check=False, timeout=60)
                    done, uplink, last = self.drained()
                    if self.backlog_at_end is None:
                        self.backlog_at_end = uplink["backlog"]
                    if done:
                        self.drain_mode = name
                        log(f"drained {name} in {time.monotonic() - started:.0f}s: acked_seq {uplink['acked_seq']} = last seq {last}")
                        return True, time.monotonic() - started, uplink
                except (SoakFailure, ValueError, KeyError, subprocess.TimeoutExpired) as error:
                    log(f"drain: {error}")
                time.sleep(3)
            log(f"not drained {name} within {limit:.0f}s: {uplink}")
            if not force:
                self.failures_soft.append(f"uplink did not catch up on its own within {limit:.0f}s after the faults stopped: {uplink}")
        self.drain_mode = "not drained"
        self.failures.append(f"uplink did not drain within {self.args.drain_timeout:.0f}s even with sync --now: {uplink}")
        return False, time.monotonic() - started, uplink

    @staticmethod
    def missing_at_server(rows: list[dict], server: list[dict]) -> list[int]:
        keys = {(p["pin"], p["utc"]) for p in server}
        return [r["seq"] for r in rows if (r["pin"], r["utc_ms"] // 1000) not in keys]

    def server_command(self, kind: str, payload: dict | None = None) -> dict:
        """Queues a command at the peer and polls (with `sync --now`) until hadird answered it."""
        args = ["queue", SERIAL, kind] + ([json.dumps(payload)] if payload else [])
        command = self.peer.peerctl(*args)
        state = command
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            self.daemon.hadirctl("sync", "--now", "--json", check=False, timeout=60)
            state = self.peer.peerctl("command", str(command["id"]))
            if state["status"] not in ("pending", "sent"):
                log(f"{kind} command {command['id']} ({command['command_string']!r}): {state['status']} "
                    f"(return {state['return_code']})")
                return state
            time.sleep(3)
        self.failures.append(f"the {kind} command was not answered within 180 s: {state}")
        return state

    def server_view(self) -> tuple[list[dict], list[int]]:
        rows = self.journal_rows()
        return rows, self.missing_at_server(rows, self.peer.peerctl("punches", SERIAL)["punches"])

    def reconcile(self) -> None:
        """hadird learns that the server lost data only from a handshake's ATTLOGStamp lower than its
        cursor (handshakes come at start, after a failed request, every 12 h, or on CHECK). A restore
        that no request of hadird saw fail is not noticed, and once hadird uploads a newer batch the
        peer's echoed stamp is back at the cursor: the stamp can no longer tell. Counting is the
        protocol's remedy (reference §1.1.4): the server compares counts and asks for a range with
        DATA QUERY ATTLOG. So, as a server operator would: count what the server misses now; send
        CHECK (the stamp-based path); if rows are still missing, DATA QUERY ATTLOG over the whole
        journal; drain after each. Each figure is in the summary; the final check judges."""
        rows, missing = self.server_view()
        self.reconciliation = {"missing_after_drain": missing}
        log(f"after the drain: {len(missing)} of {len(rows)} journal rows not at the server {missing[:20]}")
        if not missing:
            return
        self.server_command("check")
        self.drain()
        rows, missing = self.server_view()
        self.reconciliation["missing_after_check"] = missing
        log(f"after CHECK: {len(missing)} journal rows not at the server {missing[:20]}")
        if not missing:
            return
        import datetime
        zone = datetime.timezone(datetime.timedelta(hours=7))
        lo = min(r["utc_ms"] for r in rows) / 1000 - 86400
        hi = max(r["utc_ms"] for r in rows) / 1000 + 86400
        fmt = lambda t: datetime.datetime.fromtimestamp(t, zone).strftime("%Y-%m-%d %H:%M:%S")
        self.server_command("query_attlog", {"start": fmt(lo), "end": fmt(hi)})
        self.drain()
        rows, missing = self.server_view()
        self.reconciliation["missing_after_query_attlog"] = missing
        log(f"after DATA QUERY ATTLOG: {len(missing)} journal rows not at the server {missing[:20]}")

    def journal_rows(self) -> list[dict]:
        run = self.daemon.hadirctl("punches", "--offline", "--json")
        rows = json.loads(run.stdout)
        # corrects_seq is not in the punches JSON: read it from the journal file.
        corrects = {}
        try:
            connection = sqlite3.connect(f"file:{self.work / 'state' / 'hadir.sqlite'}?mode=ro", uri=True)
            columns = [r[1] for r in connection.execute("PRAGMA table_info(journal)")]
            if "corrects_seq" in columns:
                corrects = dict(connection.execute("SELECT seq, corrects_seq FROM journal WHERE corrects_seq IS NOT NULL"))
            connection.close()
        except sqlite3.Error as error:
            log(f"reading corrects_seq: {error}")
        for row in rows:
            row["corrects_seq"] = corrects.get(row["seq"])
        return rows

    def verify(self, chaos_seconds, drained, drain_seconds, uplink) -> int:
        rows = self.journal_rows()
        verify_run = self.daemon.hadirctl("verify-journal", check=False)
        verify_ok = verify_run.returncode == 0
        if not verify_ok:
            self.failures.append(f"verify-journal exited {verify_run.returncode}: {verify_run.stdout[-500:]} {verify_run.stderr[-500:]}")
        server = self.peer.peerctl("punches", SERIAL)["punches"]

        seqs = sorted(r["seq"] for r in rows)
        gaps = [s for s in range(1, (seqs[-1] if seqs else 0) + 1) if s not in set(seqs)]
        by_key: dict[tuple, list[dict]] = {}
        for r in rows:
            by_key.setdefault((r["pin"], r["utc_ms"] // 1000), []).append(r)
        server_by_key: dict[tuple, list[dict]] = {}
        for p in server:
            server_by_key.setdefault((p["pin"], p["utc"]), []).append(p)
        missing = [r["seq"] for r in rows if (r["pin"], r["utc_ms"] // 1000) not in server_by_key]
        duplicates = {k: len(v) for k, v in server_by_key.items() if len(v) > 1}
        extra = [k for k in server_by_key if k not in by_key]
        collisions = {k: [r["seq"] for r in v] for k, v in by_key.items() if len(v) > 1}
        wrong = []
        for r in rows:
            found = server_by_key.get((r["pin"], r["utc_ms"] // 1000))
            if found and found[0]["local"].replace("T", " ") != r["local_time"].replace("T", " ")[:19]:
                wrong.append(f"seq {r['seq']}: server {found[0]['local']} journal {r['local_time']}")
        corrections = [r for r in rows if r.get("corrects_seq")]
        unsynced = [r for r in rows if r.get("clock_quality") == "unsynced"]
        acknowledged = {(e.get("seq"), e.get("pin")) for e in self.daemon.events if e.get("event") == "punch"}
        journal_pairs = {(r["seq"], r["pin"]) for r in rows}
        lost_locally = sorted(s for s, _ in acknowledged - journal_pairs)

        rss = self.rss_report()
        summary = {
            "seed": self.seed,
            "hours": self.args.hours,
            "chaos_seconds": round(chaos_seconds),
            "drain_seconds": round(drain_seconds),
            "drained": drained,
            "drain_mode": self.drain_mode,
            "backlog_when_faults_stopped": self.backlog_at_end,
            "max_backlog_seen": self.max_backlog,
            "notes": self.failures_soft,
            "taps": self.taps,
            "taps_with_punch_event": self.tap_punches,
            "taps_without_punch": self.tap_misses,
            "punch_events_acknowledged": len(acknowledged),
            "acknowledged_missing_from_journal": lost_locally,
            "journal_rows": len(rows),
            "journal_last_seq": seqs[-1] if seqs else 0,
            "journal_seq_gaps": gaps,
            "correction_rows": len(corrections),
            "unsynced_rows": len(unsynced),
            "faults": self.faults,
            "proxy_connections_by_mode": self.proxy.connections,
            "server_punches_lost_by_restores": self.lost_at_server,
            "daemon_incarnations": self.daemon.incarnation,
            "uplink_at_end": uplink,
            "server_punches": len(server),
            "reconciliation": {k: len(v) for k, v in getattr(self, "reconciliation", {}).items()},
            "reconciliation_seqs": {k: v[:50] for k, v in getattr(self, "reconciliation", {}).items()},
            "missing_seqs": missing,
            "server_duplicates": len(duplicates),
            "server_extra_keys": len(extra),
            "journal_key_collisions": collisions,
            "field_mismatches": wrong[:20],
            "verify_journal": "ok" if verify_ok else "FAILED",
            "verify_journal_output": verify_run.stdout.strip()[-300:],
            "daemon_clock_status_at_end": getattr(self, "final_clock", None),
            "rss": rss,
            "failures": self.failures,
        }
        if missing:
            self.failures.append(f"{len(missing)} journal seqs missing at the server: {missing[:30]}")
        if gaps:
            self.failures.append(f"journal seq gaps: {gaps[:30]}")
        if lost_locally:
            self.failures.append(f"acknowledged punches missing from the journal: {lost_locally[:30]}")
        if wrong:
            self.failures.append(f"{len(wrong)} rows with a different local time at the server")
        if not rss.get("flat", True):
            self.failures.append(f"RSS not flat: {rss.get('judgement')}")
        summary["failures"] = self.failures
        summary["result"] = "PASS" if not self.failures else "FAIL"
        (self.out / "summary.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
        (self.out / "faults.log").write_text("\n".join(self.fault_log) + "\n")
        (self.out / "rss.json").write_text(json.dumps(self.rss) + "\n")
        self.print_summary(summary)
        return 0 if not self.failures else 1

    def rss_report(self) -> dict:
        incarnations = {}
        for number, samples in sorted(self.rss.items()):
            values = [kb for _, kb in samples]
            incarnations[number] = {"samples": len(values), "seconds": round(samples[-1][0] - samples[0][0]) if samples else 0,
                                    "first_kb": values[0], "last_kb": values[-1], "max_kb": max(values)}
        report = {"per_incarnation": incarnations}
        if not self.rss:
            return report
        longest_number, longest = max(self.rss.items(), key=lambda item: item[1][-1][0] - item[1][0][0])
        # Warm-up: the first 60 s or the first quarter, whichever is longer; then compare the median
        # of the first and last thirds of the rest, and fit a line (KB per hour).
        t_start = longest[0][0]
        warm = max(60.0, (longest[-1][0] - t_start) / 4)
        steady = [(t, kb) for t, kb in longest if t - t_start >= warm]
        report["longest_incarnation"] = longest_number
        if len(steady) < 9:
            report["judgement"] = f"too few steady samples ({len(steady)}) in the longest incarnation to judge a trend"
            report["flat"] = True
            report["trend_judged"] = False
            return report
        third = len(steady) // 3
        early = statistics.median(kb for _, kb in steady[:third])
        late = statistics.median(kb for _, kb in steady[-third:])
        ts = [t for t, _ in steady]
        ks = [kb for _, kb in steady]
        mean_t, mean_k = statistics.fmean(ts), statistics.fmean(ks)
        slope = sum((t - mean_t) * (k - mean_k) for t, k in steady) / max(1e-9, sum((t - mean_t) ** 2 for t in ts))
        tolerance = max(2048.0, 0.05 * early)
        growth = late - early
        report.update({"steady_samples": len(steady), "steady_seconds": round(ts[-1] - ts[0]),
                       "early_median_kb": early, "late_median_kb": late, "growth_kb": growth,
                       "slope_kb_per_hour": round(slope * 3600), "tolerance_kb": round(tolerance),
                       "flat": growth <= tolerance, "trend_judged": True})
        report["judgement"] = (f"incarnation #{longest_number}: after {warm:.0f}s warm-up, median RSS {early:.0f} KB -> "
                               f"{late:.0f} KB over {ts[-1] - ts[0]:.0f}s (growth {growth:+.0f} KB, tolerance "
                               f"{tolerance:.0f} KB; fitted slope {slope * 3600:+.0f} KB/h)")
        return report

    def print_summary(self, s: dict) -> None:
        lines = [
            "",
            "==================== soak summary ====================",
            f"result:            {s['result']}",
            f"seed:              {s['seed']}   (replay: make soak SEED={s['seed']} HOURS={s['hours']})",
            f"duration:          {s['chaos_seconds']}s of chaos (HOURS={s['hours']}), then {s['drain_seconds']}s drain "
            f"({s['drain_mode']}; backlog {s['backlog_when_faults_stopped']} when the faults stopped, max seen {s['max_backlog_seen']})",
            f"taps:              {s['taps']} ({s['taps_with_punch_event']} answered with a punch, "
            f"{s['taps_without_punch']} not: daemon killed or busy)",
            f"punches recorded:  {s['journal_rows']} journal rows (last seq {s['journal_last_seq']}, gaps {len(s['journal_seq_gaps'])}), "
            f"{s['correction_rows']} correction rows, {s['unsynced_rows']} unsynced",
            f"acknowledged:      {s['punch_events_acknowledged']} punch events, missing from journal: "
            f"{len(s['acknowledged_missing_from_journal'])}",
            f"faults:            {', '.join(f'{k} {v}' for k, v in sorted(s['faults'].items())) or 'none'}",
            f"proxy connections: {', '.join(f'{k} {v}' for k, v in sorted(s['proxy_connections_by_mode'].items()))}",
            f"server forgot:     {s['server_punches_lost_by_restores']} punches across database restores",
            f"daemon:            {s['daemon_incarnations']} incarnations",
            f"punches at server: {s['server_punches']}",
            f"missing seqs:      {len(s['missing_seqs'])} {s['missing_seqs'][:20]}",
            f"reconciliation:    {', '.join(f'{k} {v}' for k, v in s['reconciliation'].items())} "
            f"(server-side steps: CHECK, then DATA QUERY ATTLOG, each only if rows were missing)",
            f"server duplicates: {s['server_duplicates']} (keys stored more than once); extra keys: {s['server_extra_keys']}; "
            f"journal (PIN, second) collisions: {len(s['journal_key_collisions'])}",
            f"daemon clock:      {json.dumps(s['daemon_clock_status_at_end'])}",
            f"verify-journal:    {s['verify_journal']} ({s['verify_journal_output'].splitlines()[-1] if s['verify_journal_output'] else ''})",
        ]
        rss = s["rss"]
        for number, figures in rss.get("per_incarnation", {}).items():
            lines.append(f"RSS #{number}:{'':<11}{figures['seconds']}s, first {figures['first_kb']} KB, last {figures['last_kb']} KB, "
                         f"max {figures['max_kb']} KB ({figures['samples']} samples)")
        verdict = "not judged" if not rss.get("trend_judged") else ("flat" if rss.get("flat") else "GROWING")
        lines.append(f"RSS trend:         {rss.get('judgement', 'no samples')} -> {verdict}")
        for note in s["notes"]:
            lines.append(f"NOTE: {note}")
        for failure in s["failures"]:
            lines.append(f"FAILURE: {failure}")
        lines.append(f"outputs:           {self.out}")
        lines.append("=======================================================")
        text = "\n".join(lines)
        log(text)
        (self.out / "summary.txt").write_text(text + "\n")


def main() -> int:
    global LOG_FILE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hours", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--bin-dir", required=True, help="directory with hadird, hadir-sim, hadirctl")
    parser.add_argument("--peer-python", required=True, help="interpreter with django-fingerprint-attendance")
    parser.add_argument("--out", default=str(REPO / ".soak" / time.strftime("%Y%m%d-%H%M%S")))
    parser.add_argument("--tap-interval", type=float, default=1.0, help="seconds between taps")
    parser.add_argument("--fault-min", type=float, default=15.0)
    parser.add_argument("--fault-max", type=float, default=45.0)
    parser.add_argument("--max-batch", type=int, default=25)
    parser.add_argument("--no-kill-tail", type=float, default=0.3,
                        help="fraction of the run at its end without daemon SIGKILLs (one long incarnation for RSS)")
    parser.add_argument("--rss-interval", type=float, default=3.0)
    parser.add_argument("--natural-drain", type=float, default=180.0, help="seconds to wait for the uplink on its own")
    parser.add_argument("--drain-timeout", type=float, default=300.0, help="then seconds of sync --now")
    parser.add_argument("--keep-work", action="store_true", help="keep the temporary state directory")
    args = parser.parse_args()
    if args.hours <= 0:
        parser.error("--hours must be > 0")
    for name in ("hadird", "hadir-sim", "hadirctl"):
        if not os.access(Path(args.bin_dir) / name, os.X_OK):
            parser.error(f"{args.bin_dir}/{name} is missing (build first, or set HADIR_SOAK_BIN_DIR)")
    soak = Soak(args)
    LOG_FILE = open(soak.out / "soak.log", "w")

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    code = 2
    try:
        code = soak.run()
    except KeyboardInterrupt:
        log("interrupted: stopping everything this run started")
        code = 130
    except (SoakFailure, subprocess.CalledProcessError, OSError) as error:
        log(f"SOAK ABORTED: {error}")
        code = 2
    finally:
        soak.stop_faults = getattr(soak, "stop_faults", threading.Event())
        soak.stop_faults.set()
        soak.stop_taps.set()
        soak.stop_rss.set()
        kill_everything()
        if hasattr(soak, "proxy"):
            soak.proxy.stop()
        if args.keep_work or code != 0:
            # Keep the state for a post-mortem next to the outputs.
            try:
                shutil.copytree(soak.work, soak.out / "work", ignore=shutil.ignore_patterns("*.sock", "scanner"),
                                dirs_exist_ok=True)
            except (OSError, shutil.Error) as error:
                log(f"copying the work directory: {error}")
        shutil.rmtree(soak.work, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
