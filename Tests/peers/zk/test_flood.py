"""pyzk is served while a flood holds connections to 4370 (DESIGN §7.7): silent and garbage sockets
from another address, or from pyzk's own address, never lock the real client out."""
import socket

import pytest

from harness import Kiosk


def hold_flood(port, count, source):
    """Opens `count` connections from `source`: every other one sends garbage, the rest stay silent."""
    held = []
    for index in range(count):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((source, 0))
        sock.connect(("127.0.0.1", port))
        if index % 2:
            sock.sendall(b"\xee" * 32)
        held.append(sock)
    return held


@pytest.mark.parametrize("source", ["127.0.0.2", "127.0.0.1"], ids=["other-address", "same-address"])
def test_pyzk_gets_attendance_while_a_flood_holds_connections(tmp_path, source):
    kiosk = Kiosk(tmp_path, users=3, punches=5, extra="max_connections = 16\nmax_connections_per_address = 8\n")
    held = []
    try:
        held = hold_flood(kiosk.port, 200, source)
        conn = kiosk.zk("tcp").connect()
        try:
            assert len(conn.get_attendance()) == 5
        finally:
            conn.disconnect()
        connections = kiosk.status()["pull"]["connections"]
        assert connections["peak_open"] <= 16
        assert connections["evicted"] + connections["refused_per_address"] + connections["refused_over_limit"] > 0
    finally:
        for sock in held:
            sock.close()
        kiosk.stop()
