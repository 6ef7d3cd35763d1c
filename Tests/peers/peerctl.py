#!/usr/bin/env python3
"""What the system tests ask the ADMS peer's database, one JSON document per call on stdout.

Runs against the same SQLite file as the running server (``$ADMS_PEER_DIR``), through the
package's own services, so a queued command is exactly what an administrator would queue:

    peerctl.py queue SERIAL TYPE [PAYLOAD_JSON] [--max-attempts N]   -> {"id": 7, "command_string": ...}
    peerctl.py command ID                                            -> the command's status, return code, ...
    peerctl.py punches SERIAL                                        -> every punch of the device
    peerctl.py device SERIAL                                         -> stamps, counts, parse errors

Exit 0 with the document; exit 2 with {"error": ...} when the device or command does not exist.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def setup() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent / "adms_peer"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "adms_peer.settings")
    import django

    django.setup()


def fail(message: str) -> None:
    print(json.dumps({"error": message}))
    sys.exit(2)


def device_or_fail(serial: str):
    from fingerprint_attendance.models import Device

    device = Device.objects.filter(serial_number=serial).first()
    if device is None:
        fail(f"no device {serial}")
    return device


def iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def command_document(command) -> dict:
    return {
        "id": command.pk,
        "type": command.command_type,
        "command_string": command.command_string,
        "status": command.status,
        "attempts": command.attempts,
        "return_code": command.return_code,
        "error": command.error,
        "response_body": command.response_body,
        "sent_at": iso(command.sent_at),
        "completed_at": iso(command.completed_at),
        "next_attempt_at": iso(command.next_attempt_at),
    }


def queue(args: argparse.Namespace) -> dict:
    from fingerprint_attendance.services.commands import queue_command

    device = device_or_fail(args.serial)
    payload = json.loads(args.payload) if args.payload else {}
    command = queue_command(device, args.type, payload, max_attempts=args.max_attempts)
    return command_document(command)


def command(args: argparse.Namespace) -> dict:
    from fingerprint_attendance.models import DeviceCommand

    found = DeviceCommand.objects.filter(pk=args.id).first()
    if found is None:
        fail(f"no command {args.id}")
    return command_document(found)


def punches(args: argparse.Namespace) -> dict:
    from fingerprint_attendance.models import Punch

    device = device_or_fail(args.serial)
    rows = Punch.objects.filter(device=device).order_by("punched_at", "id")
    return {
        "count": rows.count(),
        "punches": [
            {
                "pin": p.raw_pin,
                # whole seconds since the epoch, UTC: what the journal's utc_ms floors to
                "utc": int(p.punched_at.timestamp()),
                "local": p.device_local_time,
                "raw_state": p.raw_state,
                "verify": p.verify_mode,
                "flags": p.flags,
                "received_at": iso(p.received_at),
            }
            for p in rows
        ],
    }


def device(args: argparse.Namespace) -> dict:
    from fingerprint_attendance.models import DeviceEventLog

    found = device_or_fail(args.serial)
    events = DeviceEventLog.objects.filter(device=found).order_by("id")
    return {
        "serial": found.serial_number,
        "status": found.status,
        "attlog_stamp": found.attlog_stamp,
        "operlog_stamp": found.operlog_stamp,
        "push_version": found.push_version,
        "firmware_version": found.firmware_version,
        "reported_user_count": found.reported_user_count,
        "reported_punch_count": found.reported_punch_count,
        "clock_drift_seconds": found.clock_drift_seconds,
        "last_handshake_at": iso(found.last_handshake_at),
        "events": [
            {"type": e.event_type, "message": e.message} for e in events.reverse()[:50]
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="op", required=True)
    q = sub.add_parser("queue")
    q.add_argument("serial")
    q.add_argument("type")
    q.add_argument("payload", nargs="?")
    q.add_argument("--max-attempts", type=int, default=None)
    q.set_defaults(run=queue)
    c = sub.add_parser("command")
    c.add_argument("id", type=int)
    c.set_defaults(run=command)
    p = sub.add_parser("punches")
    p.add_argument("serial")
    p.set_defaults(run=punches)
    d = sub.add_parser("device")
    d.add_argument("serial")
    d.set_defaults(run=device)
    args = parser.parse_args()
    setup()
    print(json.dumps(args.run(args)))


if __name__ == "__main__":
    main()
