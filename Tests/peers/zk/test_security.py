"""Comm key, read-only mode, two clients at once, a client killed mid-download."""
import subprocess
import sys
import threading
import time

import pytest
from zk.exception import ZKErrorResponse


def test_wrong_comm_key_is_unauthenticated(tmp_path_factory, variant):
    from harness import Kiosk

    transport, key = variant
    # The kiosk always has a key here; the client sends a wrong one, or (the no-key variant) none.
    kiosk = Kiosk(tmp_path_factory.mktemp("key"), comm_key=key or 777)
    try:
        with pytest.raises(ZKErrorResponse, match="Unauthenticated"):
            kiosk.zk(transport, key=key + 1 if key else 0).connect()
        assert kiosk.status()["pull"]["authentication_failures"] == 1
        conn = kiosk.zk(transport).connect()
        conn.disconnect()
    finally:
        kiosk.stop()


def test_read_only_refuses_writes(kiosk_factory, variant):
    kiosk = kiosk_factory(users=2, punches=3, read_only=True)
    conn = kiosk.zk(variant[0]).connect()
    try:
        conn.get_users()
        with pytest.raises(ZKErrorResponse):
            conn.set_user(uid=9, name="X", user_id="9")
        with pytest.raises(ZKErrorResponse):
            conn.delete_user(uid=1)
        with pytest.raises(ZKErrorResponse):
            conn.clear_attendance()
        assert len(conn.get_users()) == 2
        assert len(conn.get_attendance()) == 3
    finally:
        conn.disconnect()


def test_two_simultaneous_clients(kiosk_factory, variant):
    kiosk = kiosk_factory(users=50, punches=10_000)
    results, failures = [], []

    def pull():
        try:
            conn = kiosk.zk(variant[0], timeout=120).connect()
            results.append((len(conn.get_users()), len(conn.get_attendance())))
            conn.disconnect()
        except Exception as error:  # noqa: BLE001
            failures.append(error)

    threads = [threading.Thread(target=pull) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert results == [(50, 10_000), (50, 10_000)]


KILLED_CLIENT = """
import sys
from zk import ZK
conn = ZK('127.0.0.1', port=int(sys.argv[1]), timeout=120, password=int(sys.argv[2]), force_udp=sys.argv[3] == 'udp',
          ommit_ping=True).connect()
conn.disable_device()
print('connected', flush=True)
conn.get_attendance()
"""


def test_client_killed_mid_download_is_cleaned_up(kiosk_factory, variant):
    transport, key = variant
    kiosk = kiosk_factory(users=5, punches=30_000, extra="idle_timeout_s = 5")
    client = subprocess.Popen([sys.executable, "-c", KILLED_CLIENT, str(kiosk.port), str(key), transport],
                              stdout=subprocess.PIPE, text=True)
    assert client.stdout.readline().strip() == "connected"
    time.sleep(0.5)
    client.kill()
    client.wait()
    # TCP: the connection closes. UDP has none: the session is forgotten after [pull] idle_timeout_s.
    sessions = f"{transport}_sessions"
    deadline = time.time() + 20
    while time.time() < deadline and kiosk.status()["pull"][sessions]:
        time.sleep(0.2)
    status = kiosk.status()["pull"]
    assert status[sessions] == 0
    assert status["disabled_sessions"] == 0
    # The next client is served (a short exchange: this kiosk drops sessions idle for 5 s).
    conn = kiosk.zk(transport).connect()
    try:
        conn.read_sizes()
        assert conn.records == 30_000
        assert len(conn.get_users()) == 5
    finally:
        conn.disconnect()


def test_allow_list_and_session_limit(kiosk_factory, variant):
    from zk.exception import ZKNetworkError

    transport, _ = variant
    outsider = kiosk_factory(extra='allow = ["10.0.0.0/8"]')
    with pytest.raises((ZKNetworkError, ZKErrorResponse)):
        outsider.zk(transport, timeout=3).connect()
    assert outsider.status()["pull"]["refused_by_allow_list"] >= 1

    kiosk = kiosk_factory(extra='allow = ["127.0.0.0/8"]\nmax_sessions = 1')
    first = connect_when_free(kiosk, transport)
    try:
        with pytest.raises((ZKNetworkError, ZKErrorResponse)):
            kiosk.zk(transport, timeout=3).connect()
        assert kiosk.status()["pull"]["refused_over_session_limit"] >= 1
    finally:
        first.disconnect()
    connect_when_free(kiosk, transport).disconnect()


def connect_when_free(kiosk, transport):
    """The one session slot frees a moment after the previous client (or the harness's port probe) left."""
    deadline = time.time() + 5
    while True:
        try:
            return kiosk.zk(transport, timeout=3).connect()
        except Exception:  # noqa: BLE001 - retried until the deadline
            if time.time() > deadline:
                raise
            time.sleep(0.1)
