"""Garbage, oversized and truncated frames: the next pyzk client is served and punching goes on."""
import socket
import struct
import time


def raw_tcp(port, payload, read=True):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(payload)
        if read:
            sock.settimeout(2)
            try:
                while sock.recv(4096):
                    pass
            except (socket.timeout, ConnectionResetError):
                pass


def raw_udp(port, payload):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(payload, ("127.0.0.1", port))


HOSTILE_TCP = [
    b"\x00" * 64,                                           # no magic
    b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",                   # wrong protocol
    b"\x50\x50\x82\x7d" + struct.pack("<I", 0x7FFFFFFF),    # oversized length
    b"\x50\x50\x82\x7d" + struct.pack("<I", 4) + b"\xe8\x03\x00\x00",  # shorter than a header
    b"\x50\x50\x82\x7d" + struct.pack("<I", 16) + b"\xe8\x03",  # truncated, then closed
    b"\x50\x50\x82\x7d\x08\x00\x00\x00\xe8\x03\x00\x00\x00\x00\x00\x00",  # CONNECT with a bad checksum
]
HOSTILE_UDP = [b"", b"\x01", b"\xff" * 7, b"\x00" * 2000, b"\x0d\x00\x00\x00\x39\x30\x05\x00"]


def test_hostile_frames_do_not_stop_service_or_punching(kiosk_factory, variant):
    transport, _ = variant
    kiosk = kiosk_factory(scanner=True)
    kiosk.enroll("1001", "Siti", finger=11)
    for payload in HOSTILE_TCP:
        raw_tcp(kiosk.port, payload)
    for payload in HOSTILE_UDP:
        raw_udp(kiosk.port, payload)
    assert kiosk.status()["pull"]["bad_frames"] >= 3
    conn = kiosk.zk(transport).connect()
    try:
        assert [u.user_id for u in conn.get_users()] == ["1001"]
        kiosk.sim.send("tap 11")
        kiosk.wait_for_output('"event":"punch"')
        deadline = time.time() + 10
        while time.time() < deadline and not conn.get_attendance():
            time.sleep(0.2)
        assert [r.user_id for r in conn.get_attendance()] == ["1001"]
    finally:
        conn.disconnect()
