"""Users: counts across the chunk boundaries, every field, UTF-8 names; set_user and delete_user."""
import pytest
from zk import const


@pytest.mark.parametrize("count", [0, 1, 909, 910, 5000])
def test_user_counts(kiosk_factory, variant, count):
    kiosk = kiosk_factory(users=count)
    conn = kiosk.zk(variant[0]).connect()
    try:
        users = conn.get_users()
        assert len(users) == count
        assert [u.uid for u in users] == list(range(1, count + 1))
        assert [u.user_id for u in users] == [str(i) for i in range(1, count + 1)]
        if count:
            assert users[-1].name == f"Pegawai {count}"
    finally:
        conn.disconnect()


def test_every_field_round_trips(kiosk_factory, variant):
    # One user already there: pyzk writes the 72-byte format only once it has read 72-byte users
    # (before that, over UDP, the 28-byte one, whose numeric user_id cannot hold an 18-digit NIP).
    kiosk = kiosk_factory(users=1)
    conn = kiosk.zk(variant[0]).connect()
    try:
        conn.get_users()
        conn.set_user(uid=7, name="Siti Rahma", privilege=const.USER_ADMIN, password="1234", group_id="1",
                      user_id="198504122010012001", card=4242)
        user = next(u for u in conn.get_users() if u.uid == 7)
        assert (user.name, user.privilege, user.password, user.user_id, user.card) == (
            "Siti Rahma", const.USER_ADMIN, "1234", "198504122010012001", 4242)
    finally:
        conn.disconnect()


@pytest.mark.parametrize("name,expected", [
    ("Ahmad Fauzi Nasution é", None),  # 23 bytes: kept whole
    ("Dewi Sartika Kusumawa é", None),  # 24 bytes: kept whole
    ("Siti Nurhaliza Rahmawaté", "Siti Nurhaliza Rahmawat"),  # 25 bytes, é across the cut
    ("Cut Nyak Dhien Ñañá Pérez", "Cut Nyak Dhien Ñañá P"),  # 29 bytes
])
def test_utf8_names(kiosk_factory, variant, name, expected):
    kiosk = kiosk_factory(users=1)
    conn = kiosk.zk(variant[0]).connect()
    try:
        conn.get_users()
        conn.set_user(uid=2, name=name, user_id="1001")
        stored = conn.get_users()[1].name
        if expected is None:
            assert len(name.encode()) <= 24
            assert stored == name
        else:
            assert len(name.encode()) > 24
            assert stored == expected
            assert len(stored.encode()) <= 24
    finally:
        conn.disconnect()
    # What the kiosk stored has no broken character either (pyzk cuts the bytes blindly).
    assert [u["name"] for u in kiosk.control("users")[1]] == ["Pegawai 1", expected or name]


def test_set_and_delete_by_uid_and_by_user_id(kiosk_factory, variant):
    kiosk = kiosk_factory(users=3)
    conn = kiosk.zk(variant[0]).connect()
    try:
        conn.get_users()
        conn.set_user(uid=10, name="Budi", user_id="2001")
        conn.set_user(uid=11, name="Wati", user_id="2002")
        assert {u.user_id for u in conn.get_users()} == {"1", "2", "3", "2001", "2002"}
        conn.set_user(uid=10, name="Budi Santoso", user_id="2001")  # an update, not a second user
        assert [u.name for u in conn.get_users() if u.uid == 10] == ["Budi Santoso"]
        conn.delete_user(uid=10)
        conn.delete_user(user_id="2002")
        conn.delete_user(uid=2)
        assert {u.user_id for u in conn.get_users()} == {"1", "3"}
    finally:
        conn.disconnect()
    # The same users table the uplink uses, with audit rows.
    users = kiosk.control("users")[1]
    assert {u["pin"] for u in users} == {"1", "3"}
