"""Device info calls and sizes (issue 4, test 1)."""


def test_device_info_and_sizes(kiosk_factory, variant):
    transport, _ = variant
    kiosk = kiosk_factory(users=3, punches=7)
    conn = kiosk.zk(transport).connect()
    try:
        assert conn.get_serialnumber() == "HDRTEST0001"
        assert conn.get_platform().endswith("_TFT")
        assert len(conn.get_mac()) == 17
        assert conn.get_firmware_version().startswith("Ver ")
        assert conn.get_device_name() == "Hadir"
        assert int(conn.get_fp_version()) == 10
        assert conn.get_extend_fmt() is not None
        assert conn.get_user_extend_fmt() is not None
        assert conn.get_face_fun_on() is not None
        assert conn.get_compat_old_firmware() is not None
        params = conn.get_network_params()
        assert set(params) >= {"ip", "mask", "gateway"}
        assert 0 < conn.get_pin_width() <= 24
        conn.read_sizes()
        assert (conn.users, conn.records, conn.fingers) == (3, 7, 0)
        assert conn.users_cap >= 5000 and conn.rec_cap >= 100000
        # The counts match the following bulk reads exactly.
        assert len(conn.get_users()) == conn.users
        assert len(conn.get_attendance()) == conn.records
        conn.disable_device()
        conn.enable_device()
        conn.refresh_data()
    finally:
        conn.disconnect()


def test_serial_is_generated_once_and_stays(tmp_path_factory, variant):
    from harness import Kiosk

    directory = tmp_path_factory.mktemp("serial")
    first = Kiosk(directory, comm_key=variant[1], serial=None)
    try:
        conn = first.zk(variant[0]).connect()
        serial = conn.get_serialnumber()
        conn.disconnect()
    finally:
        first.stop()
    again = Kiosk(directory, comm_key=variant[1], serial=None)
    try:
        conn = again.zk(variant[0]).connect()
        assert conn.get_serialnumber() == serial
        assert len(serial) >= 8
        conn.disconnect()
    finally:
        again.stop()


def test_pull_sessions_show_in_status_and_metrics(kiosk_factory, variant):
    transport, _ = variant
    kiosk = kiosk_factory()
    conn = kiosk.zk(transport).connect()
    try:
        conn.disable_device()
        status = kiosk.status()["pull"]
        assert status[f"{transport}_sessions"] == 1
        assert status["disabled_sessions"] == 1
        metrics = kiosk.control("metrics")[1]
        assert f'hadir_pull_sessions{{transport="{transport}"}} 1' in metrics
    finally:
        conn.disconnect()


def test_doctor_reports_the_pull_port_and_the_missing_scanner(kiosk_factory, variant):
    import json
    import subprocess

    from harness import binary

    kiosk = kiosk_factory()
    run = subprocess.run([binary("hadirctl"), "--state", str(kiosk.state), "doctor", "--json"], capture_output=True, text=True,
                         timeout=60)
    checks = {check["subject"]: check for check in json.loads(run.stdout)}
    assert run.returncode == 1  # the scanner is missing: a FAIL makes the exit status non-zero
    assert checks["scanner"]["level"] == "FAIL" and checks["scanner"]["fix"]
    assert checks["daemon"]["level"] == "OK"
    assert checks["database"]["level"] == "OK"
    assert checks["port 4370"]["level"] == "OK"


def test_taken_port_leaves_the_kiosk_running_without_pulls(tmp_path_factory, variant):
    """Another program on 4370 must not stop attendance: the daemon logs it and runs on."""
    import socket

    from harness import Kiosk, free_port

    port = free_port()
    squatter = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if variant[0] == "udp" else socket.SOCK_STREAM)
    squatter.bind(("127.0.0.1", port))
    directory = tmp_path_factory.mktemp("taken")
    try:
        kiosk = Kiosk(directory, users=1, punches=1, comm_key=variant[1], port=port)
        try:
            status = kiosk.status()
            assert status["pull"]["listening"] is False
            assert "pull server not started" in (directory / "hadird.log").read_text()
            assert kiosk.process.poll() is None
        finally:
            kiosk.stop()
    finally:
        squatter.close()
