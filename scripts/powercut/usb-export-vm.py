#!/usr/bin/env python3
"""make usb-export-vm: `hadirctl export-usb --device` onto a real vfat file system, in the power-cut
guest (DESIGN §7; issue 8). A container's kernel may have no vfat; the guest's Debian kernel has.

The guest (scripts/powercut/guest-init, pc.mode=usb) takes a few punches, exports the month into a
plain directory (the bytes the stick must hold, hashed) and then onto /dev/vdb: a fresh vfat image
the host made with mkfs.vfat. After the guest powers off, the host reads the image with mtools
(never mounting it) and checks, byte for byte, that it holds exactly those files; and that the
export said so, left nothing mounted, and the kiosk showed `usb_exported`.

Usage: usb-export-vm.py --work .build-powercut [--accel tcg|kvm]   (the image from build-image.sh)
"""
import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from powercut import Console  # noqa: E402

STICK_MB = 64
BOOT_AND_EXPORT_TIMEOUT = 900  # TCG boots and a debug hadird are slow


def qemu_command(work, stick, accel, console, serial):
    return [
        "qemu-system-x86_64", "-accel", accel, "-cpu", "host" if accel == "kvm" else "max",
        "-m", "768", "-smp", "2", "-nodefaults", "-no-reboot", "-display", "none",
        "-kernel", str(work / "vmlinuz"), "-initrd", str(work / "initrd.img"),
        "-append", "console=ttyS0 quiet panic=-1 pc.mode=usb pc.round=0 pc.seed=1",
        "-drive", f"file={work / 'usb-disk.img'},format=raw,if=virtio",
        "-drive", f"file={stick},format=raw,if=virtio",
        "-serial", f"file:{serial}",
        "-device", "virtio-serial-pci", "-chardev", f"file,id=pc,path={console}",
        "-device", "virtconsole,chardev=pc",
    ]


def stick_files(stick, into):
    """Every file on the vfat image, read with mtools: {relative path: sha256}."""
    subprocess.run(["mcopy", "-s", "-n", "-i", str(stick), "::HADIR", str(into)], check=True,
                   env={"MTOOLS_SKIP_CHECK": "1", "PATH": "/usr/bin:/bin"})
    return {str(path.relative_to(into.parent)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(into.rglob("*")) if path.is_file()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", required=True)
    parser.add_argument("--accel", choices=["tcg", "kvm"], default="tcg")
    args = parser.parse_args()
    work = Path(args.work).resolve()
    for name in ("vmlinuz", "initrd.img", "disk.img"):
        if not (work / name).exists():
            raise SystemExit(f"{work / name} missing: build the image first (scripts/powercut/build-image.sh)")
    logs = work / "runs" / ("usb-" + time.strftime("%Y%m%d-%H%M%S"))
    logs.mkdir(parents=True)
    # A copy of the root disk: the power-cut image stays as built.
    shutil.copyfile(work / "disk.img", work / "usb-disk.img")
    stick = logs / "stick.img"
    with open(stick, "wb") as image:
        image.truncate(STICK_MB * 1024 * 1024)
    subprocess.run(["mkfs.vfat", "-n", "HADIRUSB", str(stick)], check=True, stdout=subprocess.DEVNULL)

    console_path, serial_path = logs / "console", logs / "serial"
    started = time.monotonic()
    qemu = subprocess.Popen(qemu_command(work, stick, args.accel, console_path, serial_path),
                            stdin=subprocess.DEVNULL, stdout=open(logs / "qemu", "wb"), stderr=subprocess.STDOUT)
    console = Console(console_path)
    done = False
    while time.monotonic() - started < BOOT_AND_EXPORT_TIMEOUT:
        for line in console.poll():
            print(f"  guest: {line[:200]}", flush=True)
            done = done or line.startswith("PC USB-DONE")
        if qemu.poll() is not None:
            break
        time.sleep(0.2)
    if qemu.poll() is None:
        qemu.kill()
    qemu.wait()
    console.poll()
    lines = console.lines
    problems = []
    if not done:
        problems.append(f"the guest did not finish (see {logs}/serial)")

    def field(prefix):
        return next((line[len(prefix):].strip() for line in lines if line.startswith(prefix)), None)

    if not (field("PC USB-DIR-EXPORT") or "").startswith("rc=0"):
        problems.append(f"export into a directory: {field('PC USB-DIR-EXPORT')}")
    if not (field("PC USB-EXPORT") or "").startswith("rc=0"):
        problems.append(f"export-usb --device /dev/vdb: {field('PC USB-EXPORT')}")
    if field("PC USB-MOUNTS-AFTER") != "0":
        problems.append(f"/dev/vdb still mounted after the export: {field('PC USB-MOUNTS-AFTER')}")
    expected = {}
    for line in lines:
        if line.startswith("PC USB-EXPECTED "):
            digest, path = line[len("PC USB-EXPECTED "):].split(maxsplit=1)
            expected[path.removeprefix("./")] = digest
    if not expected:
        problems.append("the directory export wrote no files")
    events = []
    for line in lines:
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    exported = [event for event in events if event.get("event") == "usb_exported"]
    if len(exported) < 2:  # one for the directory, one for the stick
        problems.append(f"kiosk events usb_exported: {len(exported)}, expected 2")
    punches = sum(1 for event in events if event.get("event") == "punch")

    scratch = Path(tempfile.mkdtemp(prefix="hadir-usb-vm-"))
    try:
        found = stick_files(stick, scratch / "HADIR") if done else {}
    except subprocess.CalledProcessError as error:
        found = {}
        problems.append(f"mcopy could not read the stick: {error}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if done and found != expected:
        for path in sorted(set(found) | set(expected)):
            if found.get(path) != expected.get(path):
                problems.append(f"{path}: stick {found.get(path, 'missing')[:16]}, expected {expected.get(path, 'none')[:16]}")

    print(f"\n== USB export in the VM ({args.accel}, {time.monotonic() - started:.0f} s, logs {logs})")
    print(f"punches in the guest: {punches}; kiosk: {exported[-1]['message'] if exported else 'no usb_exported event'}")
    for path, digest in sorted(found.items()):
        print(f"  on the stick: {path}  sha256 {digest[:16]}…  {'= expected' if expected.get(path) == digest else 'DIFFERS'}")
    for problem in problems:
        print(f"FAIL: {problem}")
    print("usb-export-vm: " + ("PASS" if not problems else "FAIL"))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
