#!/usr/bin/env python3
"""Check a Hadir journal proof offline, as a central server would.

    verify-journal-proof.py PROOF.json PUBKEY.pem

PROOF.json comes from the kiosk's `GET /journal/proof?from=&to=` (or `hadirctl journal-proof`);
PUBKEY.pem is the key the server pinned from `hadirctl export-pubkey` when the kiosk was installed.
Every row's SHA-256 is recomputed from its fields, every link to the previous row is checked,
and every checkpoint's Ed25519 signature over (serial, seq, chain hash) is checked with the pinned
key. The proof must end on a checkpoint. Exit 0 when all holds, 1 at the first bad seq, 2 on
unusable input. Needs the `cryptography` package (pip install cryptography).
"""
import hashlib
import json
import struct
import sys

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key
except ImportError:  # pragma: no cover - reported, not hidden
    sys.exit("verify-journal-proof: the 'cryptography' package is needed (pip install cryptography)")


def u64(value):
    return struct.pack(">Q", value & 0xFFFFFFFFFFFFFFFF)


def text(value):
    data = value.encode("utf-8")
    return u64(len(data)) + data


def row_hash(row, prev_hash):
    """PunchChain.canonicalBytes (HADIR-PUNCH-V1), hashed with SHA-256."""
    data = b"HADIR-PUNCH-V1" + prev_hash + u64(row["seq"]) + text(row["device_serial"]) + text(row["pin"])
    data += u64(row["utc_ms"]) + u64(row["zone_offset_s"]) + u64(row["monotonic_ns"]) + text(row["boot_id"])
    data += text(row["clock_quality"]) + bytes([row["verify"], row["state"]]) + text(row["classification"])
    corrects = row.get("corrects_seq")
    data += u64(-1 if corrects is None else corrects)
    return hashlib.sha256(data).digest()


def checkpoint_bytes(checkpoint):
    chain_hash = bytes.fromhex(checkpoint["chain_hash"])
    return (b"HADIR-CHECKPOINT-V1" + text(checkpoint["device_serial"]) + u64(checkpoint["seq"])
            + u64(len(chain_hash)) + chain_hash)


def verify(proof, key):
    """Returns (ok, message)."""
    if proof.get("format") != "hadir-journal-proof-1":
        return False, "unknown proof format %r" % proof.get("format")
    rows = proof["rows"]
    if not rows:
        return False, "the proof has no rows"
    checkpoints = {c["seq"]: c for c in proof["checkpoints"]}
    prev = bytes.fromhex(rows[0]["prev_hash"])
    expected_seq = rows[0]["seq"]
    signed_through = None
    for row in rows:
        seq = row["seq"]
        if seq != expected_seq:
            return False, "seq %d: sequence gap (expected seq %d)" % (seq, expected_seq)
        if bytes.fromhex(row["prev_hash"]) != prev:
            return False, "seq %d: prev_hash does not match the previous row's hash" % seq
        computed = row_hash(row, prev)
        if computed.hex() != row["hash"]:
            return False, "seq %d: hash does not match the row's contents" % seq
        checkpoint = checkpoints.get(seq)
        if checkpoint is not None:
            try:
                key.verify(bytes.fromhex(checkpoint["signature"]), checkpoint_bytes(checkpoint))
            except InvalidSignature:
                return False, "seq %d: the checkpoint is not signed by the pinned key" % seq
            if checkpoint["chain_hash"] != row["hash"] or checkpoint["device_serial"] != row["device_serial"]:
                return False, "seq %d: the row is not the one the kiosk signed" % seq
            signed_through = seq
        prev = computed
        expected_seq += 1
    if signed_through != rows[-1]["seq"]:
        return False, "the proof does not end on a signed checkpoint (last row seq %d)" % rows[-1]["seq"]
    return True, "proof OK: seq %d-%d of %s, %d checkpoint(s) signed by the pinned key" % (
        rows[0]["seq"], rows[-1]["seq"], proof["device_serial"], len(checkpoints))


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as handle:
            proof = json.load(handle)
        with open(argv[2], "rb") as handle:
            key = load_pem_public_key(handle.read())
    except (OSError, ValueError) as error:
        print("verify-journal-proof: %s" % error, file=sys.stderr)
        return 2
    if not isinstance(key, Ed25519PublicKey):
        print("verify-journal-proof: %s is not an Ed25519 public key" % argv[2], file=sys.stderr)
        return 2
    try:
        ok, message = verify(proof, key)
    except (KeyError, TypeError, ValueError) as error:
        print("verify-journal-proof: malformed proof: %r" % error, file=sys.stderr)
        return 2
    print(message if ok else "proof BROKEN at " + message)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
