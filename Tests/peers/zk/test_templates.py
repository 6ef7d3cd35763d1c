"""Templates: read with get_templates, written with save_user_template through the single-finger rule."""
import time

import pytest
from zk.exception import ZKErrorResponse
from zk.user import User


def test_templates_follow_the_single_finger_rule(kiosk_factory, variant):
    kiosk = kiosk_factory(scanner=True)
    kiosk.enroll("1001", "Siti", finger=11)
    kiosk.enroll("1002", "Budi", finger=12)
    conn = kiosk.zk(variant[0]).connect()
    try:
        users = {u.user_id: u for u in conn.get_users()}
        templates = conn.get_templates()
        assert sorted(t.uid for t in templates) == sorted(u.uid for u in users.values())
        siti = next(t for t in templates if t.uid == users["1001"].uid)
        one = conn.get_user_template(uid=users["1001"].uid, temp_id=0)
        assert one is not None and one.template == siti.template

        # Deleting the user deletes the finger from the module too.
        conn.delete_user(uid=users["1001"].uid)
        assert [t.uid for t in conn.get_templates()] == [users["1002"].uid]

        # Siti's finger under Budi's colleague Wati: the same physical finger, refused.
        conn.set_user(uid=30, name="Wati", user_id="1003")
        wati = next(u for u in conn.get_users() if u.user_id == "1003")
        budi_template = next(t for t in conn.get_templates() if t.uid == users["1002"].uid)
        budi_template.uid = wati.uid
        with pytest.raises(ZKErrorResponse):
            conn.save_user_template(wati, [budi_template])

        # Siti back with her own template: stored in the module and she can punch again.
        siti_user = User(uid=31, name="Siti", privilege=0, password="", group_id="", user_id="1001", card=0)
        siti.uid = 31
        conn.save_user_template(siti_user, [siti])
        assert 31 in [t.uid for t in conn.get_templates()]

        # A second finger for Siti: refused (one finger per employee).
        with pytest.raises(ZKErrorResponse):
            conn.save_user_template(siti_user, [siti, budi_template])
    finally:
        conn.disconnect()
    kiosk.sim.send("tap 11")
    kiosk.wait_for_output('"pin":"1001"')
