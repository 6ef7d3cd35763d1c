"""Attendance across the UDP (409/410) and TCP (1,636/1,637) chunk boundaries, 100,000 records,
calendar edges, punches during a download and CLEAR_ATTLOG that loses nothing."""
import sqlite3
import threading
from datetime import datetime, timedelta, timezone

import pytest

START = datetime(2026, 11, 2, 7, 0, 0)


@pytest.mark.parametrize("count", [0, 1, 409, 410, 1636, 1637, 100_000])
def test_attendance_counts_order_and_times(kiosk_factory, variant, count):
    kiosk = kiosk_factory(users=5 if count else 0, punches=count)
    conn = kiosk.zk(variant[0], timeout=120).connect()
    try:
        records = conn.get_attendance()
    finally:
        conn.disconnect()
    assert len(records) == count
    if count:
        # Journal order; the seeded punches are one minute apart, in WIB.
        assert records[0].timestamp == START
        assert records[-1].timestamp == START + timedelta(minutes=count - 1)
        assert all(a.timestamp < b.timestamp for a, b in zip(records[:200], records[1:201]))
        assert [r.user_id for r in records[:6]] == ["1", "2", "3", "4", "5", "1"][:count]
        assert [r.punch for r in records[:2]] == [0, 1][:count]  # state: check-in, check-out
        assert records[0].status == 1  # verify: fingerprint


def test_calendar_edges(kiosk_factory, variant):
    times = ["2024-02-29 07:15:00", "2024-12-31 23:59:59", "2025-01-01 00:00:00", "2099-12-31 23:59:59", "2000-01-01 00:00:00"]
    kiosk = kiosk_factory(users=1, punches=len(times), times=times)
    conn = kiosk.zk(variant[0]).connect()
    try:
        got = [r.timestamp.strftime("%Y-%m-%d %H:%M:%S") for r in conn.get_attendance()]
    finally:
        conn.disconnect()
    assert got == times


def journal_local_times(state):
    """(pin, local time) of every punch in the journal, read straight from the SQLite file."""
    db = sqlite3.connect(f"file:{state}/hadir.sqlite?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT pin, utc_ms, zone_offset_s FROM journal ORDER BY seq").fetchall()
    finally:
        db.close()
    return sorted(
        (pin, (datetime.fromtimestamp(ms / 1000, timezone.utc) + timedelta(seconds=offset)).replace(tzinfo=None, microsecond=0))
        for pin, ms, offset in rows)


def test_punch_during_download_appears_in_the_next_pull(pull_host_factory, variant):
    host = pull_host_factory(users=5, punches=20_000)
    conn = host.zk(variant[0], timeout=120).connect()
    try:
        result = {}
        download = threading.Thread(target=lambda: result.setdefault("first", conn.get_attendance()))
        download.start()
        host.punch(1, 0)
        download.join()
        second = conn.get_attendance()
    finally:
        conn.disconnect()
    assert len(result["first"]) in (20_000, 20_001)
    assert len(second) == 20_001


def test_clear_while_punches_arrive_loses_nothing(pull_host_factory, variant):
    host = pull_host_factory(users=5, punches=5_000)
    conn = host.zk(variant[0], timeout=120).connect()
    punching = threading.Thread(target=lambda: host.punch(30, 3_000))
    try:
        punching.start()
        downloaded = conn.get_attendance()
        conn.clear_attendance()
        punching.join()
        remaining = conn.get_attendance()
    finally:
        conn.disconnect()
    pulled = sorted((r.user_id, r.timestamp) for r in downloaded + remaining)
    assert len(downloaded) >= 5_000
    assert pulled == journal_local_times(host.state)
