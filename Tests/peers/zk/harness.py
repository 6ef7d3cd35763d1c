"""Starts real Hadir processes for the pyzk tests: hadird (optionally with hadir-sim) or the
hadir-fixtures pull host, on state directories seeded through the store's own append path."""
import http.client
import json
import os
import select
import socket
import subprocess
import threading
import time
from pathlib import Path

from zk import ZK

REPO = Path(__file__).resolve().parents[3]
BIN = Path(os.environ.get("HADIRTEST_BIN_DIR") or REPO / ".build" / "debug")
SERIAL = "HDRTEST0001"


def binary(name):
    path = BIN / name
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run `swift build` first (or set HADIRTEST_BIN_DIR)")
    return str(path)


def free_port():
    """A port free for both TCP and UDP on 127.0.0.1 (the server binds both to one port)."""
    for _ in range(50):
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.bind(("127.0.0.1", 0))
        port = tcp.getsockname()[1]
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            udp.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            tcp.close()
            udp.close()
    raise RuntimeError("no free port")


def seed(state, users=0, punches=0, times=None, start=None, step=60):
    args = [binary("hadir-fixtures"), "seed", "--state", str(state), "--users", str(users), "--punches", str(punches),
            "--step-seconds", str(step)]
    if times:
        args += ["--times", ",".join(times)]
    if start:
        args += ["--start", start]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, timeout=600)


class UnixHTTPConnection(http.client.HTTPConnection):
    """HTTP over the daemon's control socket (what hadirctl does through libcurl)."""

    def __init__(self, path, timeout=60):
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.socket_path)


class Simulator:
    """hadir-sim on a pty, driven through its control socket: the EF01 fingerprint module, or the
    EFAA face module with kind="face"."""

    def __init__(self, directory, kind="fingerprint"):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.link = str(self.directory / "scanner")
        self.control = str(self.directory / "sim.sock")
        self.process = subprocess.Popen(
            [binary("hadir-sim"), "--kind", kind, "--state", str(self.directory / "sim-state"), "--link", self.link,
             "--control", self.control],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        seen = []
        while (line := self.process.stdout.readline()) and line.strip() != "ready":
            seen.append(line.strip())
        if not line:
            raise RuntimeError(f"hadir-sim did not start: {seen!r}")
        # Keep draining its output so a full pipe never stalls the emulator.
        threading.Thread(target=lambda: self.process.stdout.read(), daemon=True).start()

    def send(self, command):
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(self.control)
            sock.sendall((command + "\n").encode())
            reply = sock.makefile().readline().strip()
        if not reply.startswith("ok"):
            raise RuntimeError(f"sim refused {command!r}: {reply}")
        return reply

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Kiosk:
    """hadird with a generated config; `[pull]` on a free port; the scanner is hadir-sim when asked."""

    def __init__(self, directory, users=0, punches=0, times=None, comm_key=0, read_only=False, scanner=False,
                 serial=SERIAL, extra="", port=None, face=False):
        self.directory = Path(directory)
        self.state = self.directory / "state"
        self.comm_key = comm_key
        if users or punches:
            seed(self.state, users=users, punches=punches, times=times)
        self.sim = Simulator(self.directory) if scanner else None
        self.face_sim = Simulator(self.directory / "face", kind="face") if face else None
        if self.face_sim:
            extra += f"""
[scanner.face]
kind = "fm225"
path = "{self.face_sim.link}"
identify_timeout_ms = 2000
reconnect_min_ms = 100
reconnect_max_ms = 400
"""
        self.port = port or free_port()
        serial_line = f'serial = "{serial}"' if serial else ""
        config = f"""
[device]
state_dir = "{self.state}"
{serial_line}
[scanner]
path = "{self.sim.link if self.sim else self.directory / 'no-scanner'}"
identify_timeout_ms = 400
response_timeout_ms = 500
reconnect_min_ms = 100
reconnect_max_ms = 400
[pull]
host = "127.0.0.1"
port = {self.port}
comm_key = {comm_key}
read_only = {"true" if read_only else "false"}
set_time = "refuse"
{extra}
"""
        if "[voice]" not in extra:
            config += "[voice]\nenabled = false\n"  # tests make no sound
        if "[kiosk]" not in extra:
            config += "[kiosk]\nenabled = false\n"  # the door screen's port is fixed; daemons run side by side
        self.config = self.directory / "hadird.toml"
        self.config.write_text(config)
        self.log = open(self.directory / "hadird.log", "w")
        self.output = open(self.directory / "hadird.out", "w")
        self.process = subprocess.Popen([binary("hadird"), "--config", str(self.config)], stdin=subprocess.DEVNULL,
                                        stdout=self.output, stderr=self.log)
        try:
            # READY comes after every socket is bound: a UDP datagram sent earlier would be lost.
            self.wait_for_output('"event":"ready"')
            connected = (1 if self.sim else 0) + (1 if self.face_sim else 0)
            if connected:
                self.wait_for_output('"event":"scanner_connected"', count=connected)
        except BaseException:
            self.stop()  # a daemon that never became ready must not leave its simulators behind
            raise

    def zk(self, transport="tcp", key=None, timeout=30):
        return ZK("127.0.0.1", port=self.port, timeout=timeout, password=self.comm_key if key is None else key,
                  force_udp=transport == "udp", ommit_ping=True)

    def api(self, method, path, body=None):
        """One control API request over the daemon's unix socket; returns the decoded answer."""
        conn = UnixHTTPConnection(str(self.state / "control.sock"))
        try:
            conn.request(method, path, body=json.dumps(body) if body is not None else None,
                         headers={"Content-Type": "application/json"} if body is not None else {})
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        if response.status >= 400:
            raise RuntimeError(f"{method} {path} failed: {response.status} {data!r}")
        return data.decode() if response.getheader("Content-Type", "").startswith("text/plain") else json.loads(data)

    def control(self, op, **fields):
        """The few control calls the pyzk tests need, by name: (events, result) as before HTTP."""
        routes = {"status": ("GET", "/v1/status"), "users": ("GET", "/v1/users"), "metrics": ("GET", "/v1/metrics"),
                  "user-add": ("POST", "/v1/users")}
        method, path = routes[op]
        return [], self.api(method, path, fields or None)

    def enroll(self, pin, name, finger=None, face=None):
        """Adds the employee and enrolls a simulator finger (or face), presenting it whenever the kiosk asks."""
        self.control("user-add", pin=pin, name=name)
        body = {"pin": pin, "modality": "face" if face is not None else "fingerprint"}
        conn = UnixHTTPConnection(str(self.state / "control.sock"))
        try:
            conn.request("POST", "/v1/enroll", body=json.dumps(body), headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            if response.status >= 400:
                raise RuntimeError(f"enroll failed: {response.status} {response.read()!r}")
            kind = None
            for raw in response:
                line = raw.decode().rstrip("\r\n")
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    data = json.loads(line[6:])
                    if kind == "stage":
                        stage = data.get("detail") or ""
                        if stage.startswith("place_finger") or stage.startswith("retry_press"):
                            self.sim.send(f"tap {finger}")
                        elif stage.startswith("face_") or stage.startswith("retry_face"):
                            self.face_sim.send(f"look {face}")
                    elif kind == "result":
                        return data
                    elif kind == "error":
                        raise RuntimeError(f"enroll failed: {data.get('error')}")
        finally:
            conn.close()
        raise RuntimeError("control API closed the enrollment stream without a result")

    def status(self):
        return self.control("status")[1]

    def wait_for_output(self, needle, count=1, timeout=30):
        deadline = time.time() + timeout
        path = self.directory / "hadird.out"
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"hadird exited with {self.process.returncode} while waiting for {needle!r}")
            self.output.flush()
            if path.read_text().count(needle) >= count:
                return
            time.sleep(0.05)
        raise RuntimeError(f"no {needle!r} x{count} in hadird output")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        for sim in (self.sim, self.face_sim):
            if sim:
                sim.stop()
        self.log.close()
        self.output.close()


class PullHost:
    """hadir-fixtures pull-host: the real pull server and punch recorder, punches from stdin."""

    def __init__(self, directory, users=5, punches=0, comm_key=0):
        self.state = Path(directory) / "state"
        seed(self.state, users=users, punches=punches)
        self.comm_key = comm_key
        self.process = subprocess.Popen(
            [binary("hadir-fixtures"), "pull-host", "--state", str(self.state), "--comm-key", str(comm_key)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        line = self.process.stdout.readline().strip()
        if not line.startswith("listening"):
            raise RuntimeError(f"pull-host did not start: {line!r} {self.process.stderr.read()}")
        ports = dict(part.split("=") for part in line.split()[1:])
        self.tcp_port, self.udp_port = int(ports["tcp"]), int(ports["udp"])

    def zk(self, transport="tcp", key=None, timeout=30):
        port = self.udp_port if transport == "udp" else self.tcp_port
        return ZK("127.0.0.1", port=port, timeout=timeout, password=self.comm_key if key is None else key,
                  force_udp=transport == "udp", ommit_ping=True)

    def punch(self, count, within_ms):
        """Records `count` punches through the real recorder, spread over `within_ms`."""
        self.process.stdin.write(f"punch {count} {within_ms}\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], 60)
        if not ready:
            raise RuntimeError("pull-host did not record the punches")
        line = self.process.stdout.readline().strip()
        if not line.startswith("recorded"):
            raise RuntimeError(f"pull-host: {line!r}")
        return int(line.split()[3])

    def stop(self):
        try:
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            self.process.wait(10)
        except (BrokenPipeError, subprocess.TimeoutExpired):
            self.process.kill()
