"""The technician page (/admin) in headless Chromium against hadird + hadir-sim, driven the way a
technician would: log in with the PIN, add employees, enroll a finger through the live stages, see a
duplicate finger refused with its owner, and get locked out after too many wrong PINs."""
import json
import subprocess
import time

import pytest

from chromium import Chromium
from harness import Kiosk, binary, free_port

PIN = "482913"
WRONG_PIN = "000000"
TOKEN = "t0k3n-for-the-admin-page-browser-test"
MAX_FAILED = 3
LOCKOUT_S = 3
FINGER = 11


def pin_hash(pin):
    """`hadirctl admin-pin-hash` reads the PIN on stdin and prints the config line."""
    line = subprocess.run([binary("hadirctl"), "admin-pin-hash"], input=pin + "\n", capture_output=True, text=True,
                          check=True, timeout=60).stdout.strip()
    assert line.startswith('pin_hash = "'), line
    return line


def admin_kiosk(directory):
    port = free_port()
    kiosk = Kiosk(directory, scanner=True, extra=f"""
[control]
listen = "127.0.0.1:{port}"
token = "{TOKEN}"
[admin]
{pin_hash(PIN)}
max_failed_attempts = {MAX_FAILED}
lockout_s = {LOCKOUT_S}
""")
    kiosk.admin = f"http://127.0.0.1:{port}/admin"
    return kiosk


def js(value):
    return json.dumps(value)


def text(browser, element_id):
    return browser.evaluate(f"document.getElementById({js(element_id)}).innerText")


def visible(element_id):
    """Rendered, not just without the hidden attribute: a CSS display rule can override `hidden`."""
    return f"document.getElementById({js(element_id)}).checkVisibility()"


def not_visible(element_id):
    return f"!document.getElementById({js(element_id)}).checkVisibility()"


def submit_pin(browser, pin):
    """Types the PIN and presses the login button; returns the login form's message once the
    daemon's answer has been handled (the page clears the field when the answer arrives)."""
    browser.evaluate("document.getElementById('login-error').textContent = ''")
    browser.fill("#pin", pin)
    browser.click("#login button[type=submit]")
    return browser.wait_for(
        "(document.getElementById('pin').value === '' && "
        " (document.getElementById('app').checkVisibility() || document.getElementById('login-error').innerText)) "
        "? (document.getElementById('login-error').innerText || 'logged in') : ''",
        what=f"the answer to PIN {'right' if pin == PIN else 'wrong'}")


def add_employee(browser, pin, name):
    if browser.evaluate("document.getElementById('add').hidden"):
        browser.click("#show-add")
    browser.fill("#add-pin", pin)
    browser.fill("#add-name", name)
    browser.click("#add button[type=submit]")
    browser.wait_for(f"[...document.querySelectorAll('#users tr')].some(r => r.cells[0].innerText === {js(pin)} "
                     f"&& r.cells[1].innerText === {js(name)})", what=f"{name} in the employee table")
    assert "Tersimpan." in text(browser, "notice")


def enroll_finger(browser, kiosk, pin, finger, screenshot_at_stage=None):
    """Presses the employee's "Daftarkan jari" button, then presents the simulator finger each time
    the page shows a press prompt; returns (stage codes, stage texts, result text)."""
    browser.evaluate(f"""(() => {{
        const row = [...document.querySelectorAll('#users tr')].find(r => r.cells[0].innerText === {js(pin)});
        [...row.querySelectorAll('button')].find(b => b.innerText === 'Daftarkan jari').click();
    }})()""")
    browser.wait_for(visible("enroll") + " && " + not_visible("employees"), what="the enrollment panel")
    handled = 0
    deadline = time.time() + 20
    while time.time() < deadline:
        stages = browser.evaluate("[...document.querySelectorAll('#stages li')].map(li => [li.dataset.code, li.innerText])")
        for code, _ in stages[handled:]:
            if code.startswith("place_finger") or code.startswith("retry_press"):
                if screenshot_at_stage and code == "place_finger_1_of_2":
                    screenshot_at_stage()
                kiosk.sim.send(f"tap {finger}")
        handled = len(stages)
        result = text(browser, "enroll-result")
        if result:
            # The stream is over once the page reloaded the table after the result.
            return [c for c, _ in stages], [s for _, s in stages], result
        time.sleep(0.02)
    raise AssertionError(f"enrollment of {pin} did not finish; stages so far: {stages}")


@pytest.fixture
def browser(needs_chromium):
    started = Chromium(800, 480)
    yield started
    started.close()


def test_login_enroll_refusal_and_lockout(tmp_path, browser, artifacts):
    artifacts = artifacts.parent / "admin"
    artifacts.mkdir(parents=True, exist_ok=True)
    kiosk = admin_kiosk(tmp_path)
    shots = []

    def shot(name):
        shots.append(browser.screenshot(artifacts / name))

    try:
        browser.open(kiosk.admin)
        browser.wait_for(visible("login"), what="the login form")
        assert browser.evaluate(not_visible("app") + " && " + not_visible("logout"))
        assert "PIN admin" in text(browser, "login")
        shot("01-login-800x480.png")

        assert submit_pin(browser, PIN) == "logged in"
        # (The login form should disappear here too: see test_hidden_forms_are_not_rendered.)
        browser.wait_for(visible("app") + " && " + visible("logout") + " && document.getElementById('login').hidden",
                         what="the logged-in view")
        assert "Sinkronkan sekarang" in text(browser, "app")
        shot("02-logged-in-800x480.png")

        add_employee(browser, "1001", "Siti Rahma")
        codes, stages, result = enroll_finger(browser, kiosk, "1001", FINGER,
                                              screenshot_at_stage=lambda: shot("03-enroll-stage-800x480.png"))
        assert "place_finger_1_of_2" in codes and "place_finger_2_of_2" in codes, codes
        assert all(stages), stages  # every stage shows a human prompt, not just its code
        assert result == "Berhasil didaftarkan.", result
        assert browser.evaluate("document.getElementById('enroll-result').className") == "ok"
        assert "Pendaftaran jari — Siti Rahma (1001)" in text(browser, "enroll-title")
        print(f"enrollment stages shown: {list(zip(codes, stages))}")
        shot("04-enrolled-800x480.png")

        browser.click("#enroll-close")
        browser.wait_for(visible("employees") + " && " + not_visible("enroll"), what="the employee list")
        browser.wait_for("[...document.querySelectorAll('#users tr')].some(r => r.cells[0].innerText === '1001' "
                         "&& r.innerText.includes('Daftar ulang jari'))", what="1001 shown with a finger")

        browser.resize(1280, 800)
        add_employee(browser, "1002", "Budi")
        codes, stages, result = enroll_finger(browser, kiosk, "1002", FINGER)
        assert browser.evaluate("document.getElementById('enroll-result').className") == "refused", result
        assert result.startswith("Ditolak: "), result
        assert "jari ini sudah terdaftar atas nama Siti Rahma (1001)" in result, result  # the reason, from the daemon
        assert "Pemilik jari: Siti Rahma (PIN 1001)" in text(browser, "refusal-owner"), result
        print(f"refusal shown: {result!r}")
        shot("05-refused-1280x800.png")
        browser.click("#enroll-close")
        browser.wait_for("[...document.querySelectorAll('#users tr')].some(r => r.cells[0].innerText === '1002' "
                         "&& r.innerText.includes('Daftarkan jari'))", what="1002 still without a finger")

        browser.resize(800, 480)
        browser.click("#logout")
        browser.wait_for(visible("login") + " && " + not_visible("app"), what="the login form again")
        # The session cookie is gone from the daemon too: a reload lands on the login form.
        browser.open(kiosk.admin)
        browser.wait_for(visible("login"), what="the login form after a reload")

        for remaining in range(MAX_FAILED - 1, 0, -1):
            message = submit_pin(browser, WRONG_PIN)
            assert message == f"PIN salah. Sisa percobaan: {remaining}.", message
            if remaining == 1:
                shot("06-wrong-pin-800x480.png")
        message = submit_pin(browser, WRONG_PIN)
        locked_at = time.time()
        assert message.startswith("Terlalu banyak PIN salah. Coba lagi dalam ") and message.endswith(" detik."), message
        shot("07-locked-out-800x480.png")

        message = submit_pin(browser, PIN)
        assert message.startswith("Terlalu banyak PIN salah."), f"the right PIN opened a locked door: {message}"
        assert browser.evaluate(not_visible("app"))
        shot("08-right-pin-refused-while-locked-800x480.png")

        time.sleep(max(0.0, locked_at + LOCKOUT_S + 0.5 - time.time()))  # the one fixed wait: the lockout itself
        assert submit_pin(browser, PIN) == "logged in"
        browser.wait_for(visible("app") + " && document.getElementById('login').hidden",
                         what="the logged-in view after the lockout")
        browser.wait_for("document.querySelectorAll('#users tr').length === 2", what="both employees listed")
        shot("09-logged-in-after-lockout-800x480.png")
    finally:
        kiosk.stop()
    for path in shots:
        print(f"screenshot: {path}")


def test_hidden_forms_are_not_rendered(tmp_path, browser):
    kiosk = admin_kiosk(tmp_path)
    try:
        browser.open(kiosk.admin)
        browser.wait_for(visible("login"), what="the login form")
        assert submit_pin(browser, PIN) == "logged in"
        browser.wait_for(visible("app"), what="the logged-in view")
        assert browser.evaluate(not_visible("add")), "the add-employee form shows before 'Tambah pegawai' is pressed"
        assert browser.evaluate(not_visible("login")), "the PIN form is still on screen after logging in"
    finally:
        kiosk.stop()
