#!/usr/bin/env python3
"""Power-cut test of hadird in a QEMU VM (`make powercut`; docs/powercut.md). Standard library only.

  powercut.py modules MODULES_DIR OUT NAME...   decompress NAME and its dependencies, in load order
  powercut.py enroll ...                        enroll employees into the image's journal (host side)
  powercut.py run --work DIR [--cuts N] [--seed S]   the power cuts

Each round boots the image, whose init first checks the journal the last cut left (integrity_check,
verify-journal, every seq+hash) and then runs hadird on hadir-sim with continuous scans. hadird's
feedback lines reach the host over a virtio console. At a random moment the harness sends `quit` to
the QEMU monitor: the VM stops at once, its page cache and unsubmitted I/O are gone. Every punch
whose feedback line reached the host must be in the journal the next boot reads, with the same
hash, in this round and every later one.
"""

import argparse
import json
import lzma
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# modules


def module_name(path):
    return path.name.split(".ko")[0].replace("-", "_")


def cmd_modules(args):
    root = Path(args.modules_dir)
    index = {module_name(p): p for p in root.rglob("*.ko*")}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    order, seen = [], set()

    def visit(name):
        name = name.replace("-", "_")
        if name in seen:
            return
        seen.add(name)
        if name not in index:
            builtin = (root / "modules.builtin").read_text() if (root / "modules.builtin").exists() else ""
            if re.search(r"/%s\.ko$" % re.escape(name).replace("_", "[-_]"), builtin, re.M):
                return  # built into the kernel
            raise SystemExit(f"module {name} not found under {root}")
        path = index[name]
        data = path.read_bytes()
        if path.name.endswith(".xz"):
            data = lzma.decompress(data)
        elif path.name.endswith(".zst"):
            raise SystemExit(f"{path}: zstd modules are not supported (no zstd in the standard library)")
        match = re.search(rb"(?:^|\x00)depends=([^\x00]*)\x00", data)
        for dependency in (match.group(1).decode().split(",") if match else []):
            if dependency:
                visit(dependency)
        (out / f"{name}.ko").write_bytes(data)
        order.append(name)

    for name in args.names:
        visit(name)
    (out / "load-order").write_text("\n".join(order) + "\n")
    print("modules:", " ".join(order))


# ---------------------------------------------------------------------------------------------
# enroll (on the host, into the image's state directories)

EMPLOYEES = [("900101", "Pegawai Satu", 41), ("900102", "Pegawai Dua", 42), ("900103", "Pegawai Tiga", 43),
             ("900104", "Pegawai Empat", 44), ("900105", "Pegawai Lima", 45)]


class LineReader(threading.Thread):
    """Collects a pipe's lines; calls on_line for each."""

    def __init__(self, stream, on_line=None):
        super().__init__(daemon=True)
        self.stream, self.on_line, self.lines = stream, on_line, []
        self.cond = threading.Condition()
        self.start()

    def run(self):
        for raw in self.stream:
            line = raw.decode(errors="replace").rstrip("\r\n")
            with self.cond:
                self.lines.append(line)
                self.cond.notify_all()
            if self.on_line:
                self.on_line(line)

    def wait_for(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for line in self.lines:
                    if predicate(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)


def cmd_enroll(args):
    bin_dir = Path(args.bin)
    state, sim_state = Path(args.state), Path(args.sim_state)
    state.mkdir(parents=True, exist_ok=True)
    sim_state.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="hadir-powercut-"))  # short paths for unix sockets
    sim = subprocess.Popen(
        [bin_dir / "hadir-sim", "--state", sim_state, "--link", scratch / "scanner", "--control", scratch / "sim.sock"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    sim_lines = LineReader(sim.stdout)
    daemon = None
    finger = {"current": None}

    def tap(number):
        sim.stdin.write(f"tap {number}\n".encode())
        sim.stdin.flush()

    def on_event(line):
        try:
            event = json.loads(line)
        except ValueError:
            return
        detail = event.get("detail") or ""
        if event.get("event") == "enroll_stage" and (detail.startswith("place_finger") or detail.startswith("retry_press")):
            tap(finger["current"])

    try:
        if not sim_lines.wait_for(lambda l: l == "ready", 30):
            raise SystemExit("enroll: hadir-sim did not become ready")
        # hadird refuses unknown HADIR_* variables (HADIR_POWERCUT_* from make among them).
        env = {key: value for key, value in os.environ.items() if not key.startswith("HADIR_")}
        env.update(HADIR_DEVICE_STATE_DIR=str(state), HADIR_SCANNER_PATH=str(scratch / "scanner"),
                   HADIR_CONTROL_SOCKET=str(scratch / "control.sock"))
        daemon = subprocess.Popen([bin_dir / "hadird", "--config", args.config], stdout=subprocess.PIPE,
                                  stderr=open(scratch / "hadird.log", "wb"), env=env)
        events = LineReader(daemon.stdout, on_event)
        if not events.wait_for(lambda l: '"event":"scanner_connected"' in l, 60):
            raise SystemExit("enroll: hadird did not connect to the scanner: "
                             + (scratch / "hadird.log").read_text(errors="replace")[-2000:])
        ctl = [bin_dir / "hadirctl", "--socket", scratch / "control.sock"]
        fingers = []
        for pin, name, number in EMPLOYEES:
            subprocess.run(ctl + ["user-add", pin, name], check=True, stdout=subprocess.DEVNULL)
            finger["current"] = number
            result = subprocess.run(ctl + ["--json", "enroll", pin], capture_output=True, text=True, timeout=120)
            status = json.loads(result.stdout).get("status") if result.stdout.strip().startswith("{") else None
            if result.returncode != 0 or status != "enrolled":
                raise SystemExit(f"enroll {pin}: rc {result.returncode} {result.stdout} {result.stderr}")
            fingers.append(number)
            tap_lift = sim.stdin
            tap_lift.write(b"lift\n")
            tap_lift.flush()
        daemon.send_signal(signal.SIGTERM)
        if daemon.wait(30) != 0:
            raise SystemExit(f"enroll: hadird exited {daemon.returncode}")
        daemon = None
        Path(args.fingers_file).write_text(" ".join(str(n) for n in fingers) + "\n")
        print(f"enrolled {len(fingers)} employees (fingers {' '.join(map(str, fingers))})")
    finally:
        if daemon is not None:
            daemon.kill()
            daemon.wait()
        try:
            sim.stdin.write(b"quit\n")
            sim.stdin.flush()
        except OSError:
            pass
        try:
            sim.wait(10)
        except subprocess.TimeoutExpired:
            sim.kill()
            sim.wait()
        shutil.rmtree(scratch, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# run


class Console:
    """Reads the guest's virtio console, which QEMU writes to a file, line by line."""

    def __init__(self, path):
        self.path, self.offset, self.partial, self.lines, self.cursor = Path(path), 0, b"", [], 0

    def poll(self):
        """Returns the complete lines that arrived since the last call."""
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read()
        except FileNotFoundError:
            return []
        self.offset += len(data)
        data = self.partial + data
        *complete, self.partial = data.split(b"\n")
        new = [line.decode(errors="replace").rstrip("\r") for line in complete]
        self.lines.extend(new)
        return new


class Monitor:
    """The QEMU human monitor on a unix socket."""

    def __init__(self, path, timeout):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(str(path))
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        self.sock.settimeout(10)
        self.read_until_prompt()

    def read_until_prompt(self):
        data = b""
        while not data.endswith(b"(qemu) "):
            chunk = self.sock.recv(65536)
            if not chunk:
                break
            data += chunk
        return data.decode(errors="replace")

    def cut(self):
        """Reads the disk counters and quits in one write: the power cut. Returns the counters."""
        self.sock.sendall(b"info blockstats\nquit\n")
        data = b""
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
        text = data.decode(errors="replace")
        stats = {}
        for key in ("wr_operations", "flush_operations", "wr_bytes"):
            match = re.search(key + r"=(\d+)", text)
            if match:
                stats[key] = int(match.group(1))
        return stats


def kvm_usable():
    try:
        fd = os.open("/dev/kvm", os.O_RDWR | os.O_CLOEXEC)
    except OSError:
        return False
    os.close(fd)
    return True


class Failure(Exception):
    pass


class Harness:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work).resolve()
        self.logs = self.work / "runs" / time.strftime("%Y%m%d-%H%M%S")
        self.logs.mkdir(parents=True, exist_ok=True)
        self.accel, self.accel_note = args.accel, "chosen with --accel / HADIR_POWERCUT_ACCEL"
        if args.accel == "auto":
            self.accel, self.accel_note = self.probe_kvm()
        self.scale = 1 if self.accel == "kvm" else 6  # TCG is several times slower
        self.acknowledged = {}  # seq -> hash, every punch whose feedback line reached the host
        self.ack_round = {}  # seq -> round it was acknowledged in
        self.ack_pairs = set()  # every (seq, hash) acknowledged: more than len(acknowledged) if a seq was reused
        self.lost = {}  # (seq, acknowledged hash) -> (found hash or None, boot that saw it, round it was acknowledged in)
        self.verify_failures = []
        self.open_failures = []
        self.flush_shortfalls = []
        self.rounds = []

    def probe_kvm(self):
        """KVM if /dev/kvm opens and a KVM guest reaches the kernel's first message within 30 s."""
        if not kvm_usable():
            return "tcg", "software emulation: /dev/kvm cannot be opened"
        serial = self.logs / "kvm-probe.serial"
        probe = subprocess.Popen(
            ["qemu-system-x86_64", "-accel", "kvm", "-cpu", "host", "-m", "256", "-nodefaults", "-no-reboot",
             "-display", "none", "-kernel", str(self.work / "vmlinuz"), "-initrd", str(self.work / "initrd.img"),
             "-append", "console=ttyS0 panic=-1", "-serial", f"file:{serial}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        booted = False
        while time.monotonic() < deadline and probe.poll() is None:
            if serial.exists() and b"Linux version" in serial.read_bytes():
                booted = True
                break
            time.sleep(0.1)
        if probe.poll() is None:
            probe.kill()
        probe.wait()
        if booted:
            return "kvm", "hardware virtualisation"
        return "tcg", ("software emulation: /dev/kvm opens, but a KVM guest did not reach the kernel's first"
                       " message within 30 s (see kvm-probe.serial)")

    def log(self, text):
        print(text, flush=True)

    # -- one boot --------------------------------------------------------------------------------

    def boot(self, round_index, mode, seed):
        tag = f"round-{round_index:03d}-{mode}"
        console_path = self.logs / f"{tag}.console"
        serial_path = self.logs / f"{tag}.serial"
        monitor_path = Path(tempfile.mkdtemp(prefix="hadir-pc-")) / "monitor.sock"
        command = [
            "qemu-system-x86_64", "-accel", self.accel, "-cpu", "host" if self.accel == "kvm" else "max",
            "-m", "768", "-smp", "2", "-nodefaults", "-no-reboot", "-display", "none",
            "-kernel", str(self.work / "vmlinuz"), "-initrd", str(self.work / "initrd.img"),
            "-append", f"console=ttyS0 quiet panic=-1 pc.mode={mode} pc.round={round_index} pc.seed={seed}",
            # The journal's disk. cache=writeback (QEMU's default, stated on purpose): the guest sees
            # a volatile write cache, so ext4 sends flushes/FUA and QEMU turns each into fdatasync
            # on the image. Why this mode and what it cannot show: docs/powercut.md.
            "-drive", f"file={self.work / 'disk.img'},format=raw,if=virtio,cache=writeback,aio=threads",
            "-serial", f"file:{serial_path}",
            "-device", "virtio-serial-pci", "-chardev", f"file,id=pc,path={console_path}",
            "-device", "virtconsole,chardev=pc",
            "-monitor", f"unix:{monitor_path},server=on,wait=off",
        ]
        qemu = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=open(self.logs / f"{tag}.qemu", "wb"),
                                stderr=subprocess.STDOUT)
        try:
            monitor = Monitor(monitor_path, 30)
        except OSError:
            qemu.kill()
            qemu.wait()
            raise Failure(f"{tag}: QEMU monitor did not come up; see {self.logs / (tag + '.qemu')}")
        return qemu, monitor, Console(console_path), monitor_path.parent

    def wait_lines(self, qemu, console, predicate, timeout, what):
        """Waits for the first line after the console's cursor that matches; moves the cursor past it."""
        deadline = time.monotonic() + timeout * self.scale
        while True:
            console.poll()
            while console.cursor < len(console.lines):
                line = console.lines[console.cursor]
                console.cursor += 1
                if predicate(line):
                    return line
            if qemu.poll() is not None:
                console.poll()
                raise Failure(f"the VM stopped while waiting for {what} (exit {qemu.returncode});"
                              f" last console lines: {console.lines[-5:]}")
            if time.monotonic() > deadline:
                raise Failure(f"timed out waiting for {what}; last console lines: {console.lines[-5:]}")
            time.sleep(0.005)

    # -- the check every boot starts with -------------------------------------------------------

    def check(self, round_index, qemu, console):
        """Reads the check block and compares it with every punch acknowledged so far."""
        self.wait_lines(qemu, console, lambda l: l.startswith("PC CHECK-DONE"), 120, "the journal check")
        lines = console.lines
        info = {l.split(" ", 2)[1]: l for l in lines if l.startswith("PC ")}
        integrity = info.get("INTEGRITY", "")
        verify = info.get("VERIFY", "")
        problems, opened = [], True
        if not re.match(r"PC INTEGRITY rc=0 ok\s*$", integrity):
            problems.append(f"integrity_check: {integrity}")
            opened = False
        match = re.match(r"PC VERIFY rc=(\d+) (\{.*\})", verify)
        try:
            verdict = json.loads(match.group(2)) if match else None
        except ValueError:
            verdict = None
        if verdict is None:
            problems.append(f"verify-journal could not open the journal: {verify}")
            opened = False
        elif match.group(1) != "0" or verdict.get("status") != "intact":
            problems.append(f"verify-journal: {verify}")
            self.verify_failures.append((round_index, verify))
        begin = next((i for i, l in enumerate(lines) if l.startswith("PC PUNCHES-BEGIN")), None)
        end = next((i for i, l in enumerate(lines) if l.startswith("PC PUNCHES-END")), None)
        journal = {}
        if begin is None or end is None or not lines[begin].startswith("PC PUNCHES-BEGIN rc=0"):
            problems.append(f"punches --offline: {lines[begin] if begin is not None else 'no output'}")
            opened = False
        else:
            for row in lines[begin + 1:end]:
                match = re.fullmatch(r"(\d+) ([0-9a-f]{64})", row.strip())
                if not match:
                    problems.append(f"punches --offline: unreadable row {row!r}")
                    opened = False
                    break
                if int(match.group(1)) in journal:
                    problems.append(f"punches --offline lists seq {match.group(1)} twice")
                    self.verify_failures.append((round_index, f"seq {match.group(1)} twice"))
                journal[int(match.group(1))] = match.group(2)
            if verdict is not None and verdict.get("punches") is not None and verdict["punches"] != len(journal):
                problems.append(f"verify-journal counted {verdict['punches']} punches, the listing has {len(journal)}")
                self.verify_failures.append((round_index, "count mismatch"))
        if not opened:
            self.open_failures.append((f"after round {round_index - 1}", "; ".join(problems)))
        seqs = sorted(journal)
        if seqs != list(range(1, len(seqs) + 1)):
            problems.append(f"journal seqs are not 1...{len(seqs)} without gaps")
            self.verify_failures.append((round_index, "seq gap"))
        lost_now = 0
        for seq, expected in sorted(self.acknowledged.items()):
            found = journal.get(seq)
            if found != expected:
                lost_now += 1
                self.lost.setdefault((seq, expected), (found, round_index, self.ack_round.get(seq)))
        ext4 = info.get("EXT4", "")
        stamps = {}
        for line in lines:
            match = re.match(r"PC (BOOT|TIME (\S+)|CHECK-DONE)\b.*uptime=([\d.]+)", line)
            if match:
                stamps[match.group(2) or match.group(1)] = float(match.group(3))
        steps = ["BOOT", "integrity-checked", "verified", "listed", "CHECK-DONE"]
        timing = {f"{b}": round(stamps[b] - stamps[a], 2) for a, b in zip(steps, steps[1:]) if a in stamps and b in stamps}
        return {"journal": len(journal), "lost": lost_now, "problems": problems, "guest_check_s": timing,
                "ext4_recovery": "recovery complete" in ext4 or "orphan" in ext4}

    # -- rounds ----------------------------------------------------------------------------------

    def round(self, index, rng):
        plan = rng.choice(["timed", "after-ack"])
        delay = rng.uniform(0.2, 12.0)
        jitter = rng.uniform(0.0, 0.03)
        seed = rng.randrange(1, 2**31)
        started = time.monotonic()
        qemu, monitor, console, scratch = self.boot(index, "run", seed)
        try:
            result = self.check(index, qemu, console)
            booted = time.monotonic() - started
            self.wait_lines(qemu, console, lambda l: l.startswith("PC DAEMON-STARTED"), 60, "hadird to start")
            daemon_started = time.monotonic()
            self.wait_lines(qemu, console, lambda l: '"event":"ready"' in l, 90, "hadird ready")
            ready_s = time.monotonic() - daemon_started
            self.wait_lines(qemu, console, lambda l: '"event":"punch"' in l, 60, "the first punch")
            first_punch = time.monotonic()
            if plan == "timed":
                # Any instant: in a burst, between bursts, inside a commit or the feedback write.
                cut_at = first_punch + delay
                while time.monotonic() < cut_at:
                    console.poll()
                    if qemu.poll() is not None:
                        raise Failure("the VM stopped before the cut")
                    time.sleep(0.002)
            else:
                # Right after a feedback line, when the next punch's commit is likely under way.
                earliest = first_punch + delay
                while True:
                    new = console.poll()
                    if time.monotonic() >= earliest and any('"event":"punch"' in l for l in new):
                        break
                    if qemu.poll() is not None:
                        raise Failure("the VM stopped before the cut")
                    time.sleep(0.001)
                time.sleep(jitter)
            stats = monitor.cut()
            cut_time = time.monotonic()
            try:
                qemu.wait(30)
            except subprocess.TimeoutExpired:
                qemu.kill()
                qemu.wait()
                raise Failure("QEMU did not quit on the monitor's quit")
            console.poll()  # every byte QEMU wrote before it quit counts as seen by the host
        finally:
            if qemu.poll() is None:
                qemu.kill()
                qemu.wait()
            shutil.rmtree(scratch, ignore_errors=True)
        acks = self.collect_acks(index, console)
        if any(l.startswith("PC DAEMON-EXITED") for l in console.lines):
            self.open_failures.append((f"round {index}", "hadird exited before the cut (see the .serial log)"))
        flushes = stats.get("flush_operations")
        if flushes is None or flushes < acks:
            self.flush_shortfalls.append((index, flushes, acks))
        summary = dict(result, round=index, plan=plan, run_s=round(cut_time - first_punch, 3), acks=acks,
                       boot_check_s=round(booted, 1), hadird_ready_s=round(ready_s, 2), **stats)
        self.rounds.append(summary)
        self.log(f"round {index:3d}: checked {result['journal']} punches, lost {result['lost']}"
                 f"{' (ext4 journal replayed)' if result['ext4_recovery'] else ''}"
                 f"{' PROBLEMS: ' + '; '.join(result['problems']) if result['problems'] else ''} | "
                 f"cut '{plan}' {summary['run_s']:.2f}s after the first punch: {acks} acknowledged, "
                 f"{stats.get('wr_operations', '?')} writes, {flushes if flushes is not None else '?'} flushes "
                 f"(boot+check {booted:.1f}s, hadird ready {ready_s:.1f}s)")

    def collect_acks(self, index, console):
        acks = 0
        for line in console.lines:
            if not line.startswith("{"):
                continue
            try:
                event = json.loads(line)
            except ValueError:
                continue  # a line cut short by the power cut was never fully seen
            if event.get("event") != "punch" or "seq" not in event or "hash" not in event:
                continue
            seq, digest = event["seq"], event["hash"]
            self.ack_pairs.add((seq, digest))
            previous = self.acknowledged.get(seq)
            if previous is not None and previous != digest:
                # hadird reused an acknowledged seq: the earlier punch is gone (also found by the check
                # that opened this boot). From now on the new punch is the one to keep.
                self.lost.setdefault((seq, previous), (digest, index, self.ack_round.get(seq)))
            if previous != digest:
                self.acknowledged[seq] = digest
                self.ack_round[seq] = index
            acks += 1
        return acks

    def final(self, index):
        qemu, monitor, console, scratch = self.boot(index, "final", 1)
        try:
            result = self.check(index, qemu, console)
            self.wait_lines(qemu, console, lambda l: '"event":"ready"' in l, 90, "hadird ready (final boot)")
            ready = next(l for l in console.lines if '"event":"ready"' in l)
            monitor.cut()
            qemu.wait(30)
        finally:
            if qemu.poll() is None:
                qemu.kill()
                qemu.wait()
            shutil.rmtree(scratch, ignore_errors=True)
        detail = json.loads(ready).get("detail", "")
        self.log(f"final check: {result['journal']} punches in the journal, lost {result['lost']}"
                 f"{' PROBLEMS: ' + '; '.join(result['problems']) if result['problems'] else ''}; hadird: {detail}")
        return result

    def serial_findings(self):
        """Counts hadird log lines at error level or worse, and quarantines, across every boot."""
        counts = {}
        for path in sorted(self.logs.glob("*.serial")):
            for line in path.read_text(errors="replace").splitlines():
                lowered = line.lower()
                if ("quarantin" in lowered and "database" in lowered) or "database is damaged" in lowered:
                    self.open_failures.append((path.name, line.strip()))
                # hadird's log lines: "<timestamp> <level> hadird: ..."; kernel panics and oopses too.
                if re.match(r"^\S+ (error|critical) ", line) or "Kernel panic" in line or "Oops" in line:
                    key = re.sub(r"^\S+\s+", "", line.strip())[:160]
                    counts[key] = counts.get(key, 0) + 1
        return counts

    def run(self):
        seed = self.args.seed if self.args.seed is not None else random.SystemRandom().randrange(1, 2**31)
        rng = random.Random(seed)
        self.log(f"powercut: {self.args.cuts} cuts, SEED={seed}, accel {self.accel}"
                 f" ({self.accel_note}), logs {self.logs}")
        started = time.monotonic()
        failure = None
        try:
            for index in range(1, self.args.cuts + 1):
                self.round(index, rng)
            self.final(self.args.cuts + 1)
        except Failure as error:
            failure = str(error)
            self.log(f"powercut: ABORTED: {failure}")
        wall = time.monotonic() - started
        findings = self.serial_findings()
        cuts_done = len(self.rounds)
        for (seq, expected), (found, boot, acked_in) in sorted(self.lost.items())[:20]:
            self.log(f"LOST seq {seq} (acknowledged in round {acked_in}, missing at boot {boot}):"
                     f" acknowledged hash {expected[:16]}…, journal has {found[:16] + '…' if found else 'nothing'}")
        if len(self.lost) > 20:
            self.log(f"… and {len(self.lost) - 20} more lost punches")
        for round_index, what in self.verify_failures:
            self.log(f"VERIFY FAILURE after round {round_index - 1}: {what}")
        for round_index, what in self.open_failures:
            self.log(f"OPEN FAILURE {round_index}: {what}")
        for round_index, flushes, acks in self.flush_shortfalls:
            self.log(f"FEWER FLUSHES THAN ACKNOWLEDGED PUNCHES in round {round_index}: {flushes} < {acks}")
        if findings:
            self.log("hadird/hadir-sim log lines at error level or worse (all boots):")
            for text, count in sorted(findings.items(), key=lambda kv: -kv[1])[:15]:
                self.log(f"  {count:4d}× {text}")
        (self.logs / "rounds.json").write_text(json.dumps(self.rounds, indent=1))
        ok = (failure is None and cuts_done >= self.args.cuts and not self.lost and not self.verify_failures
              and not self.open_failures and not self.flush_shortfalls)
        if self.args.expect_loss:
            # The self-test: hadird ran without fsync, so the harness must have seen punches lost.
            ok = failure is None and cuts_done >= self.args.cuts and bool(self.lost)
            self.log(f"SELF-TEST (hadird without fsync): {len(self.lost)} acknowledged punches lost -> "
                     + ("the harness caught it" if self.lost else "the harness did NOT catch it"))
        self.log(f"powercut summary: cuts {cuts_done}, acknowledged punches {len(self.ack_pairs)}, "
                 f"lost {len(self.lost)}, verify failures {len(self.verify_failures)}, "
                 f"open failures {len(self.open_failures)}, flush shortfalls {len(self.flush_shortfalls)}, "
                 f"accel {self.accel}, wall {wall / 60:.1f} min, SEED={seed} -> {'PASS' if ok else 'FAIL'}")
        return 0 if ok else 1


def cmd_run(args):
    if args.cuts < 1:
        raise SystemExit("--cuts must be at least 1")
    work = Path(args.work)
    for name in ("vmlinuz", "initrd.img", "disk.img"):
        if not (work / name).exists():
            raise SystemExit(f"{work / name} missing: build the image first (scripts/powercut/build-image.sh)")
    return Harness(args).run()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    modules = commands.add_parser("modules")
    modules.add_argument("modules_dir")
    modules.add_argument("out")
    modules.add_argument("names", nargs="+")
    enroll = commands.add_parser("enroll")
    enroll.add_argument("--bin", required=True)
    enroll.add_argument("--config", required=True)
    enroll.add_argument("--state", required=True)
    enroll.add_argument("--sim-state", required=True)
    enroll.add_argument("--fingers-file", required=True)
    run = commands.add_parser("run")
    run.add_argument("--work", required=True)
    run.add_argument("--cuts", type=int, default=int(os.environ.get("CUTS", "20")))
    seed = os.environ.get("SEED")
    run.add_argument("--seed", type=int, default=int(seed) if seed else None)
    run.add_argument("--expect-loss", action="store_true",
                     help="self-test with an image whose hadird runs without fsync: pass only if punches were lost")
    run.add_argument("--accel", choices=["auto", "kvm", "tcg"], default=os.environ.get("HADIR_POWERCUT_ACCEL", "auto"))
    args = parser.parse_args()
    if args.command == "modules":
        return cmd_modules(args)
    if args.command == "enroll":
        return cmd_enroll(args)
    return cmd_run(args)


if __name__ == "__main__":
    sys.exit(main() or 0)
