"""The door screen's listener serves the door screen and nothing else, shows no PINs, and a
taken port costs the screen, not the daemon."""
import http.client
import json
import socket
import time

from harness import Kiosk, free_port

PIN = "198501012010011001"


def get(port, method, path, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


def test_only_the_door_screen_is_served_and_without_pins(tmp_path):
    port = free_port()
    kiosk = Kiosk(tmp_path, scanner=True, extra=f'[kiosk]\nlisten = "127.0.0.1:{port}"\n')
    try:
        kiosk.enroll(PIN, "Siti Rahma", finger=17)
        status, kind, page = get(port, "GET", "/kiosk")
        assert status == 200 and kind.startswith("text/html") and b"/kiosk/kiosk.js" in page
        for asset, expected in (("/kiosk/kiosk.js", "text/javascript"), ("/kiosk/kiosk.css", "text/css")):
            status, kind, _ = get(port, "GET", asset)
            assert status == 200 and kind.startswith(expected), asset
        for method, path in (("GET", "/v1/status"), ("GET", "/v1/users"), ("POST", "/v1/users"), ("GET", "/v1/events"),
                             ("POST", "/kiosk/state"), ("DELETE", "/kiosk"), ("GET", "/metrics")):
            status, _, _ = get(port, method, path, body=b"{}" if method == "POST" else None)
            assert status in (404, 405), f"{method} {path} answered {status}"

        status, _, body = get(port, "GET", "/kiosk/state?lang=en")
        state = json.loads(body)
        assert status == 200 and state["language"] == "en" and state["zone"] == "WIB"
        assert state["texts"]["prompt"] == "Please place your finger"

        stream = socket.create_connection(("127.0.0.1", port), timeout=10)
        stream.sendall(b"GET /kiosk/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        received = stream.recv(4096)
        assert b"text/event-stream" in received
        kiosk.sim.send("tap 17")
        while b"event: card" not in received:
            chunk = stream.recv(4096)
            assert chunk, "the stream closed before a card"
            received += chunk
        assert b"Siti Rahma" in received and PIN.encode() not in received

        # The page is always connected: its stream must not hold a stop for the 3 s drain budget.
        started = time.monotonic()
        kiosk.process.terminate()
        kiosk.process.wait(15)
        stream.close()
        assert time.monotonic() - started < 2, "an open door screen stream delayed the stop"
    finally:
        kiosk.stop()


def test_a_taken_port_costs_the_screen_not_the_daemon(tmp_path):
    taken = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        kiosk = Kiosk(tmp_path, scanner=True, extra=f'[kiosk]\nlisten = "127.0.0.1:{port}"\n')
        try:
            kiosk.enroll(PIN, "Siti Rahma", finger=17)
            kiosk.sim.send("tap 17")
            kiosk.wait_for_output('"event":"punch"')
            assert kiosk.process.poll() is None
            kiosk.log.flush()
            assert "door screen not served" in (tmp_path / "hadird.log").read_text()
        finally:
            kiosk.stop()
    finally:
        taken.close()


def test_an_open_events_stream_does_not_delay_a_stop(tmp_path):
    """`hadirctl events` (GET /v1/events) shares the door screen's stream: a stop closes it too."""
    port = free_port()
    token = "events-token-0123456789"
    kiosk = Kiosk(tmp_path, scanner=True, extra=f'[control]\nlisten = "127.0.0.1:{port}"\ntoken = "{token}"\n')
    try:
        stream = socket.create_connection(("127.0.0.1", port), timeout=10)
        stream.sendall(f"GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\r\n".encode())
        assert b"text/event-stream" in stream.recv(4096)
        started = time.monotonic()
        kiosk.process.terminate()
        kiosk.process.wait(15)
        stream.close()
        assert time.monotonic() - started < 2, "an open /v1/events stream delayed the stop"
    finally:
        kiosk.stop()
