#!/usr/bin/env python3
"""make flood: punch latency at idle and under a hostile-client flood, against the real hadird and
hadir-sim, all on loopback (DESIGN §7.7).

Phases: idle taps; then, for the same number of taps, 1,000 connections held and reopened against
4370 and the control API's LAN listener (silent, garbage, slowloris, oversized frames, huge headers
and bodies) from 127.0.0.2-9, garbage datagrams on 4370, and wrk against the control listener.
During the flood a pyzk get_attendance() and hadirctl status (unix socket and LAN) must succeed.
Prints p50/p99 idle vs flood and the ratio (target <= 2x), hadird's RSS, and what the limits refused.

Usage: scripts/flood.py [BIN_DIR]   (make flood runs it with .venv-peers' python: pyzk)
Knobs: HADIR_FLOOD_TAPS (per phase, default 40), HADIR_FLOOD_CONNECTIONS (default 1000).
"""
import asyncio
import json
import logging
import multiprocessing
import os
import queue
import random
import resource
import signal
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if len(sys.argv) > 1:
    os.environ["HADIRTEST_BIN_DIR"] = sys.argv[1]
sys.path.insert(0, str(REPO / "Tests" / "peers" / "zk"))
from harness import Kiosk, binary  # noqa: E402

TAPS = int(os.environ.get("HADIR_FLOOD_TAPS", "40"))
CONNECTIONS = int(os.environ.get("HADIR_FLOOD_CONNECTIONS", "1000"))
TOKEN = "flood-token-0123456789abcdef"
SOURCES = [f"127.0.0.{n}" for n in range(2, 10)]
FLOOD_SECONDS_MAX = 120


def free_tcp_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


# ---- the flood, in its own process so its CPU use never skews the latency measurement's clock ----

HTTP_GARBAGE = b"\x16\x03\x01\x02\x00GARBAGE / HTTP/9.9\r\n\x00\xff\r\n\r\n"


async def hostile_client(port, source, mode, deadline, stats):
    """One flood slot: connect, misbehave per `mode`, wait for the server to close, reconnect."""
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0)), timeout=2)
        except (OSError, asyncio.TimeoutError):
            stats["connect_errors"] += 1
            await asyncio.sleep(0.2)
            continue
        stats["connects"] += 1
        try:
            if mode == "zk-garbage":
                writer.write(os.urandom(random.randint(1, 256)))
            elif mode == "zk-oversized":
                writer.write(b"\x50\x50\x82\x7d" + (0x7FFFFFFF).to_bytes(4, "little") + os.urandom(64))
            elif mode == "zk-slowloris":
                # A valid prefix announcing a CONNECT-sized packet, then a byte every 3 s.
                writer.write(b"\x50\x50\x82\x7d" + (8).to_bytes(4, "little"))
            elif mode == "http-garbage":
                writer.write(HTTP_GARBAGE)
            elif mode == "http-huge-header":
                writer.write(b"GET /v1/status HTTP/1.1\r\nHost: kiosk\r\nX-Pad: " + b"a" * 200_000 + b"\r\n\r\n")
            elif mode == "http-huge-body":
                writer.write(b"POST /v1/users HTTP/1.1\r\nHost: kiosk\r\nAuthorization: Bearer wrong-token-000000\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n")
                for _ in range(64):
                    writer.write(b"10000\r\n" + b"x" * 65536 + b"\r\n")
            elif mode == "http-slowloris":
                writer.write(b"GET /v1/status HTTP/1.1\r\n")
            await writer.drain()
            while time.monotonic() < deadline:
                try:
                    data = await asyncio.wait_for(reader.read(65536), timeout=3)
                except asyncio.TimeoutError:
                    if mode.endswith("slowloris"):
                        writer.write(b"X")
                        await writer.drain()
                    continue
                if not data:
                    stats["closed_by_server"] += 1
                    break
        except (OSError, ConnectionError):
            stats["closed_by_server"] += 1
        finally:
            writer.close()
        await asyncio.sleep(0.2 + random.random() * 0.2)


async def udp_garbage(port, source, deadline, stats, per_second=2000):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((source, 0))
    sock.setblocking(False)
    while time.monotonic() < deadline:
        for _ in range(per_second // 20):
            try:
                sock.sendto(os.urandom(random.randint(0, 1400)), ("127.0.0.1", port))
                stats["datagrams"] += 1
            except BlockingIOError:
                pass
        await asyncio.sleep(0.05)
    sock.close()


async def flood_main(pull_port, control_port, seconds, connections, stop, report):
    deadline = time.monotonic() + seconds
    stats = {"connects": 0, "closed_by_server": 0, "connect_errors": 0, "datagrams": 0}
    pull_modes = ["zk-garbage", "zk-oversized", "zk-slowloris", "silent"]
    control_modes = ["http-garbage", "http-huge-header", "http-huge-body", "http-slowloris", "silent"]
    clients = []
    for index in range(connections):
        source = SOURCES[index % len(SOURCES)]
        if index % 10 < 7:
            clients.append(hostile_client(pull_port, source, pull_modes[index % len(pull_modes)], deadline, stats))
        else:
            clients.append(hostile_client(control_port, source, control_modes[index % len(control_modes)], deadline, stats))
    clients.append(udp_garbage(pull_port, SOURCES[0], deadline, stats))
    tasks = [asyncio.create_task(client) for client in clients]
    last_report = time.monotonic()
    while not stop.is_set() and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        if time.monotonic() - last_report >= 1:
            report.put(dict(stats))  # the latest figures, should the end be cut short
            last_report = time.monotonic()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    report.put(stats)


def flood_process(pull_port, control_port, seconds, connections, stop, report):
    raise_fd_limit()
    # Writes to sockets hadird has already closed are the point here, not news.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    asyncio.run(flood_main(pull_port, control_port, seconds, connections, stop, report))


# ---- measurement ----

class FeedbackTail:
    """Follows hadird's feedback lines (stdout file) with a 1 ms poll."""

    def __init__(self, path):
        self.file = open(path)
        self.file.seek(0, os.SEEK_END)
        self.pending = ""

    def wait_for(self, needle, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            chunk = self.file.read()
            if chunk:
                self.pending += chunk
                lines = self.pending.split("\n")
                self.pending = lines.pop()
                for line in lines:
                    if needle in line:
                        return line
            else:
                time.sleep(0.001)
        raise RuntimeError(f"no {needle!r} within {timeout} s")


def commands_served(sim):
    reply = sim.send("status")
    return json.loads(reply[2:].strip())["commandsServed"] if reply.startswith("ok {") else None


def tap_latencies(kiosk, tail, taps, label):
    samples = []
    for _ in range(taps):
        before = commands_served(kiosk.sim)
        start = time.monotonic()
        kiosk.sim.send("tap 11")
        tail.wait_for('"event":"punch"')
        samples.append((time.monotonic() - start) * 1000)
        # The kiosk polls once more to see the finger lifted; a tap inside that window is ignored.
        deadline = time.monotonic() + 10
        while commands_served(kiosk.sim) <= before + 1 and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.1 + random.random() * 0.1)
    print(f"  {label}: {len(samples)} punches")
    return samples


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def rss_kib(pid):
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def find_wrk():
    path = shutil.which("wrk")
    if not path:
        print("  wrk not found (make flood installs it with apt-get): the HTTP load is skipped")
    return path


def hadirctl(kiosk, *arguments):
    started = time.monotonic()
    result = subprocess.run([binary("hadirctl"), "--state", str(kiosk.state), *arguments], capture_output=True, text=True,
                            timeout=30)
    return result.returncode, (time.monotonic() - started) * 1000, result.stdout + result.stderr


def legitimate_calls_during_flood(kiosk, control_port, results):
    """pyzk and hadirctl, as the attendance server and a technician would, while the flood runs."""
    time.sleep(3)
    try:
        started = time.monotonic()
        conn = kiosk.zk("tcp", timeout=20).connect()
        try:
            records = conn.get_attendance()
        finally:
            conn.disconnect()
        results["pyzk"] = f"ok: {len(records)} records in {(time.monotonic() - started) * 1000:.0f} ms"
    except Exception as error:  # noqa: BLE001 - reported, not hidden
        results["pyzk"] = f"FAILED: {error!r}"
    code, ms, output = hadirctl(kiosk, "status", "--json")
    results["hadirctl_unix"] = f"ok in {ms:.0f} ms" if code == 0 else f"FAILED ({code}): {output.strip()[:200]}"
    code, ms, output = hadirctl(kiosk, "--url", f"http://127.0.0.1:{control_port}", "--token", TOKEN, "status", "--json")
    results["hadirctl_lan"] = f"ok in {ms:.0f} ms" if code == 0 else f"FAILED ({code}): {output.strip()[:200]}"


def main():
    hard = raise_fd_limit()
    work = Path(tempfile.mkdtemp(prefix="hadir-flood-"))
    control_port = free_tcp_port()
    extra = f"""
[control]
listen = "127.0.0.1:{control_port}"
token = "{TOKEN}"
[policy]
duplicate_window_s = 0
[output]
log_level = "notice"
"""
    print(f"== hadird + hadir-sim in {work} (binaries: {os.environ.get('HADIRTEST_BIN_DIR', '.build/debug')}, fd limit {hard})")
    kiosk = Kiosk(work, scanner=True, extra=extra)
    flood = None
    try:
        kiosk.enroll("1001", "Siti Rahma", finger=11)
        time.sleep(1)
        tail = FeedbackTail(work / "hadird.out")
        pid = kiosk.process.pid

        print("== idle")
        rss_idle, _ = rss_kib(pid)
        idle = tap_latencies(kiosk, tail, TAPS, "idle")

        print(f"== flood: {CONNECTIONS} connections (70% on 4370, 30% on the control listener) from "
              f"{SOURCES[0]}-{SOURCES[-1]}, UDP garbage, wrk on the control listener")
        report = multiprocessing.Queue()
        stop = multiprocessing.Event()
        flood_seconds = FLOOD_SECONDS_MAX
        flood = multiprocessing.Process(
            target=flood_process, args=(kiosk.port, control_port, flood_seconds, CONNECTIONS, stop, report))
        flood.start()
        wrk_path = find_wrk()
        wrk = None
        if wrk_path:
            wrk = subprocess.Popen([wrk_path, "-t1", "-c8", f"-d{flood_seconds}s", "--latency",
                                    f"http://127.0.0.1:{control_port}/v1/status"], stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        time.sleep(3)  # let the flood reach full strength
        calls = {}
        legit = threading.Thread(target=legitimate_calls_during_flood, args=(kiosk, control_port, calls))
        legit.start()
        rss_samples = []
        sampler_stop = threading.Event()

        def sample_rss():
            while not sampler_stop.is_set():
                rss_samples.append(rss_kib(pid)[0])
                sampler_stop.wait(0.5)

        sampler = threading.Thread(target=sample_rss)
        sampler.start()
        under_flood = tap_latencies(kiosk, tail, TAPS, "flood")
        legit.join(120)
        status_during = kiosk.status()
        sampler_stop.set()
        sampler.join()
        stop.set()
        wrk_output = ""
        if wrk:
            wrk.send_signal(signal.SIGINT)  # wrk prints its figures when interrupted
            wrk_output = wrk.communicate(timeout=10)[0]
        stats = {}
        while True:  # drained before the join: a child with queued items cannot exit
            try:
                stats = report.get(timeout=2)
            except queue.Empty:
                break
        flood.join(20)
        if flood.is_alive():
            flood.terminate()  # our own child; its sockets must be gone before "after" is read
            flood.join(5)
        time.sleep(12)  # first-request (10 s) and idle timeouts close what the flood left
        rss_after, rss_peak = rss_kib(pid)
        status = kiosk.status()
        metrics = kiosk.control("metrics")[1]

        def line(name, samples):
            return f"{name:6} p50 {percentile(samples, 0.5):7.1f} ms   p99 {percentile(samples, 0.99):7.1f} ms   " \
                   f"mean {statistics.mean(samples):7.1f} ms   max {max(samples):7.1f} ms"

        print("\n== punch latency (sim tap -> committed punch feedback line)")
        print(line("idle", idle))
        print(line("flood", under_flood))
        p50 = percentile(under_flood, 0.5) / percentile(idle, 0.5)
        p99 = percentile(under_flood, 0.99) / percentile(idle, 0.99)
        verdict = "OK" if max(p50, p99) <= 2 else "OVER TARGET"
        print(f"ratio  p50 {p50:.2f}x   p99 {p99:.2f}x   (target <= 2x: {verdict})")
        print("\n== hadird memory (VmRSS)")
        print(f"idle {rss_idle / 1024:.1f} MiB   flood max sampled {max(rss_samples) / 1024:.1f} MiB   "
              f"after {rss_after / 1024:.1f} MiB   peak (VmHWM) {rss_peak / 1024:.1f} MiB")
        print("\n== legitimate clients during the flood")
        for name in ("pyzk", "hadirctl_unix", "hadirctl_lan"):
            print(f"{name:14} {calls.get(name, 'did not run')}")
        print("\n== what the flood did")
        print(f"connections opened {stats.get('connects', '?')}, closed by hadird {stats.get('closed_by_server', '?')}, "
              f"connect errors {stats.get('connect_errors', '?')}, garbage datagrams {stats.get('datagrams', '?')}")
        if wrk_output:
            wanted = ("Requests/sec", "Latency ", "Non-2xx", "Socket errors", "requests in")
            print("wrk (8 connections, no token -> 401):")
            for text in wrk_output.splitlines():
                if any(word in text for word in wanted):
                    print("  " + text.strip())
        print("\n== what the limits refused (hadirctl status, after the flood)")
        pull = status["pull"]
        print(f"pull TCP:  open {pull['connections']['open']}, peak {pull['connections']['peak_open']}/"
              f"{pull['connections']['maximum']}; {json.dumps({k: v for k, v in pull['connections'].items() if k not in ('open', 'peak_open', 'maximum')})}")
        print(f"pull:      bad frames {pull['bad_frames']}, rate-limited {pull['rate_limited']}, "
              f"sessions refused {pull['refused_over_session_limit'] + pull['refused_over_address_limit']}, "
              f"sessions served {pull['sessions_served']}")
        lan = status["control"]["lan"]
        print(f"control LAN: open {lan['open']}, peak {lan['peak_open']}/{lan['maximum']}; "
              f"{json.dumps({k: v for k, v in lan.items() if k not in ('open', 'peak_open', 'maximum')})}")
        print(f"open during the flood: pull {status_during['pull']['connections']['open']}, "
              f"control LAN {status_during['control']['lan']['open']}")
        print("metrics:")
        for text in metrics.splitlines():
            if "connections_refused_total" in text and not text.startswith("#"):
                print("  " + text)
        failed = [name for name in ("pyzk", "hadirctl_unix", "hadirctl_lan") if not calls.get(name, "").startswith("ok")]
        if failed:
            print(f"\nFAILED: {', '.join(failed)}")
            return 1
        return 0
    finally:
        if flood and flood.is_alive():
            flood.terminate()
        kiosk.stop()
        if os.environ.get("HADIR_FLOOD_KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
