"""get_time/set_time, live capture of a burst, end_live_capture."""
import threading
import time
from datetime import datetime

import pytest
from zk.exception import ZKErrorResponse


def test_get_time_and_refused_set_time(kiosk_factory, variant):
    kiosk = kiosk_factory()
    conn = kiosk.zk(variant[0]).connect()
    try:
        before = conn.get_time()
        # [pull] set_time = "refuse": a LAN client may not move the kiosk's clock.
        with pytest.raises(ZKErrorResponse):
            conn.set_time(datetime(2020, 1, 1, 8, 0, 0))
        after = conn.get_time()
        assert abs((after - before).total_seconds()) < 5
        assert after.year >= 2024
    finally:
        conn.disconnect()


def test_live_capture_of_five_punches_in_100_ms(pull_host_factory, variant):
    host = pull_host_factory(users=5)
    conn = host.zk(variant[0]).connect()
    events, failures = [], []

    def capture():
        try:
            for attendance in conn.live_capture(new_timeout=1):
                if attendance is None:
                    continue
                events.append(attendance)
        except Exception as error:  # noqa: BLE001 - any exception fails the test below
            failures.append(error)

    reader = threading.Thread(target=capture)
    reader.start()
    time.sleep(1.5)  # live_capture loads users and registers first
    elapsed = host.punch(5, 100)
    deadline = time.time() + 15
    while len(events) < 5 and time.time() < deadline and not failures:
        time.sleep(0.05)
    conn.end_live_capture = True
    reader.join(10)
    assert not failures
    # The stimulus, not the kiosk: the host spreads 5 punches over 100 ms, and on a loaded 2-core
    # machine that took 154-176 ms. What is checked is that every one of them is captured; the
    # bound only says the punches still came as one burst.
    print(f"burst of 5 punches took {elapsed} ms")
    assert elapsed <= 1000, f"the burst took {elapsed} ms: not a burst"
    assert sorted(e.user_id for e in events) == ["1", "2", "3", "4", "5"]
    # After end_live_capture (REG_EVENT 0) no more events arrive.
    host.punch(2, 0)
    time.sleep(1)
    assert len(events) == 5
    conn.disconnect()
