"""A mixed kiosk (fingerprint + face module): pyzk sees face punches as status 15, finger punches as 1."""


def test_face_punches_pull_as_status_15(kiosk_factory, variant):
    kiosk = kiosk_factory(scanner=True, face=True)
    assert kiosk.enroll("2001", "Dewi", face=3)["status"] == "enrolled"
    assert kiosk.enroll("2002", "Agus", finger=41)["status"] == "enrolled"
    kiosk.face_sim.send("look 3")
    kiosk.wait_for_output('"event":"punch"', count=1)
    kiosk.sim.send("tap 41")
    kiosk.wait_for_output('"event":"punch"', count=2)

    conn = kiosk.zk(variant[0]).connect()
    try:
        status = {a.user_id: a.status for a in conn.get_attendance()}
        assert status == {"2001": 15, "2002": 1}
        users = {u.user_id: u for u in conn.get_users()}
        # Faces cannot be exported: only Agus's finger is a template.
        templates = conn.get_templates()
        assert [t.uid for t in templates] == [users["2002"].uid]

        # A finger template for Dewi, who has only a face: stored as her one finger, her face untouched.
        agus_template = templates[0]
        conn.delete_user(uid=users["2002"].uid)
        agus_template.uid = users["2001"].uid
        conn.save_user_template(users["2001"], [agus_template])
    finally:
        conn.disconnect()
    modalities = {u["pin"]: u["modalities"] for u in kiosk.control("users")[1]}
    assert modalities == {"2001": ["fingerprint", "face"]}
    kiosk.face_sim.send("look 3")
    kiosk.wait_for_output('"event":"duplicate"', count=1)


def test_doctor_checks_every_scanner(kiosk_factory, variant):
    import json
    import subprocess

    from harness import binary

    kiosk = kiosk_factory(scanner=True, face=True)
    run = subprocess.run([binary("hadirctl"), "--state", str(kiosk.state), "doctor", "--json"], capture_output=True, text=True,
                         timeout=60)
    checks = {check["subject"]: check for check in json.loads(run.stdout)}
    assert checks["scanner"]["level"] == "OK"
    assert checks["scanner face"]["level"] == "OK" and "fm225" in checks["scanner face"]["detail"]
