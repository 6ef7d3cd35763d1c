#!/usr/bin/env python3
"""Writes the seed corpora under Tests/fuzz/corpus/<target>/: small, valid messages taken from the
reference documents (shared/reference) and the unit tests' vectors, each behind the settings bytes
its fuzz target reads first (see the target's Fuzzer.swift). Run it after changing a target's input
layout; commit its output. Reproducers of fixed crashes live beside the seeds as regression-*."""
import os
import struct
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(ROOT))


def hexbytes(text):
    return bytes.fromhex(text.replace(" ", ""))


# EF01: EF 01 | address u32 | type | length u16 (content + 2) | content | sum u16, big-endian.
def ef01(ptype, content, address=0xFFFFFFFF):
    length = len(content) + 2
    checksum = (ptype + (length >> 8) + (length & 0xFF) + sum(content)) & 0xFFFF
    return b"\xEF\x01" + struct.pack(">IBH", address, ptype, length) + bytes(content) + struct.pack(">H", checksum)


def ef01_seeds():
    # Settings: packet size code 3 (256), chunk seed, assembler limit byte (x8 bytes).
    prefix = bytes([3, 7, 200])
    reference = [  # EF01ReferenceVectorTests, scanner-modules.md
        "EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B",  # VfyPwd(0)
        "EF 01 FF FF FF FF 07 00 03 00 00 0A",  # ACK ok
        "EF 01 FF FF FF FF 01 00 03 01 00 05",  # GenImg
        "EF 01 FF FF FF FF 07 00 03 02 00 0C",  # ACK no finger
        "EF 01 FF FF FF FF 01 00 08 04 01 00 00 00 C8 00 D6",  # Search(1, 0, 200)
        "EF 01 FF FF FF FF 07 00 07 00 00 05 00 96 00 A9",  # ACK found id 5 score 150
        "EF 01 FF FF FF FF 07 00 07 09 00 00 00 00 00 17",  # ACK not found
        "EF 01 FF FF FF FF 01 00 06 06 01 00 05 00 13",  # Store(1, 5)
        "EF 01 FF FF FF FF 01 00 07 35 01 80 02 00 00 C0",  # AuraLed
    ]
    seeds = {"reference-exchange": b"".join(hexbytes(h) for h in reference)}
    # R503 power-on 0x55 before a handshake reply.
    seeds["stray-55-then-ack"] = b"\x55" + ef01(0x07, [0x00])
    # ReadSysPara reply: status, system id 9, capacity 200, level 3, address, size code 2, baud x6.
    sys_para = struct.pack(">HHHHIHH", 0, 9, 200, 3, 0xFFFFFFFF, 2, 6)
    seeds["read-sys-para"] = ef01(0x01, [0x0F]) + ef01(0x07, [0x00] + list(sys_para))
    # ReadIndexTable page 0 with slots 0, 1, 9 used; TemplateNum = 3.
    bitmap = [0x03, 0x02] + [0] * 30
    seeds["index-table"] = ef01(0x01, [0x1F, 0x00]) + ef01(0x07, [0x00] + bitmap) + ef01(0x07, [0x00, 0x00, 0x03])
    # UpChar(1): ACK, then a 512-byte template in 128-byte data packets, the last one 0x08.
    template = [(i * 37) & 0xFF for i in range(512)]
    transfer = ef01(0x01, [0x08, 0x01]) + ef01(0x07, [0x00])
    for offset in range(0, 512, 128):
        transfer += ef01(0x08 if offset + 128 >= 512 else 0x02, template[offset:offset + 128])
    seeds["upchar-transfer"] = bytes([2, 3, 80]) + transfer
    return {name: (data if name == "upchar-transfer" else prefix + data) for name, data in seeds.items()}


# EFAA: EF AA | msg id | size u16 BE | data | XOR of everything after the sync word.
def efaa(message_id, data):
    body = bytes([message_id]) + struct.pack(">H", len(data)) + bytes(data)
    parity = 0
    for byte in body:
        parity ^= byte
    return b"\xEF\xAA" + body + bytes([parity])


def efaa_seeds():
    prefix = bytes([0, 5])  # decoder limit 4096, chunk seed
    name = b"Budi".ljust(32, b"\0")
    commands = [  # EFAAFrameTests vectors, scanner-modules.md section 2
        efaa(0x10, []), efaa(0x11, []), efaa(0x12, [0, 10]), efaa(0x20, [1, 2]), efaa(0x21, []), efaa(0x22, [0, 0xFF]),
        efaa(0x24, []), efaa(0x30, []), efaa(0x93, []),
        efaa(0x26, [0] + list(name) + [0x00, 0, 0, 10, 0, 0, 0]),  # ENROLL_ITG middle, no duplicates
        efaa(0x13, [0] + list(name) + [0x00, 10]),  # ENROLL
    ]
    face_state = struct.pack("<8h", 0, 10, 20, 200, 220, 1, -2, 3)
    replies = [
        efaa(0x01, [0x00]),  # NOTE READY
        efaa(0x01, [0x01] + list(face_state)),  # NOTE FACE_STATE
        efaa(0x00, [0x11, 0x00, 0x00]),  # GET_STATUS standby
        efaa(0x00, [0x12, 0x00, 0x00, 0x07] + list(name) + [0, 1]),  # VERIFY matched user 7
        efaa(0x00, [0x26, 0x00, 0xFF, 0xFF, 0x01]),  # ENROLL_ITG progress, middle done
        efaa(0x00, [0x26, 0x00, 0x00, 0x07, 0x1F]),  # ENROLL_ITG done, user 7
        efaa(0x00, [0x24, 0x00, 0x02, 0x00, 0x07, 0x00, 0x09]),  # GET_ALL_USERID: 7, 9
        efaa(0x00, [0x30, 0x00] + list(b"FM225-V1.2.3\0")),  # GET_VERSION
        efaa(0x00, [0x12, 0x0A]),  # VERIFY: face already enrolled / failed
    ]
    return {
        "host-commands": prefix + b"".join(commands),
        "module-replies": prefix + b"".join(replies),
        "one-frame": prefix + efaa(0x00, [0x11, 0x00, 0x00]),
    }


# ZK: command, checksum, session id, reply id (uint16 LE) + payload; TCP adds 50 50 82 7D + uint32 LE length.
def zk_checksum(command, session, reply, payload):
    total = command + session + reply
    for index in range(0, len(payload) - 1, 2):
        total += payload[index] | payload[index + 1] << 8
    if len(payload) % 2:
        total += payload[-1]
    folded = 0 if total == 0 else (total - 1) % 0xFFFF + 1
    return 0xFFFF - folded


def zk(command, session, reply, payload=b""):
    payload = bytes(payload)
    return struct.pack("<HHHH", command, zk_checksum(command, session, reply, payload), session, reply) + payload


def zk_tcp(packet):
    return b"\x50\x50\x82\x7D" + struct.pack("<I", len(packet)) + packet


def zk_user72(uid, pin, name):
    return (struct.pack("<HB", uid, 0) + b"".ljust(8, b"\0") + name.ljust(24, b"\0") + struct.pack("<IB", 0, 1)
            + b"\0" * 8 + pin.ljust(24, b"\0"))


def zk_frame_seeds():
    # pyzk's connect and the reference AUTH vector (zk-pull-protocol.md section 7, ZKPacketTests).
    session = 0x04D2
    requests = [
        zk(1000, 0, 0), zk(1102, session, 1, hexbytes("26 7F 32 FD")), zk(11, session, 2, b"~SerialNumber\0"),
        zk(50, session, 3), zk(1503, session, 4, hexbytes("01 0D 00 00 00 00 00 00 00 00 00")),
        zk(1504, session, 5, struct.pack("<ii", 0, 65472)), zk(1502, session, 6), zk(8, session, 7, zk_user72(7, b"19007", b"Budi")),
        zk(202, session, 8, struct.pack("<I", 0x2F6D_9E80)), zk(500, session, 9, struct.pack("<I", 1)), zk(1001, session, 10),
    ]
    template = bytes((i * 13) & 0xFF for i in range(64))
    entries = struct.pack("<HHBB", len(template) + 6, 7, 6, 1) + template
    attendance = struct.pack("<H", 7) + b"19007".ljust(24, b"\0") + bytes([1]) + struct.pack("<I", 0x2F6D_9E80) + bytes([0]) + b"\0" * 8
    return {
        "pyzk-session-tcp": bytes([1, 9]) + b"".join(zk_tcp(p) for p in requests),
        "connect-udp": bytes([1, 0]) + zk(1000, 0, 0),
        "template-buffer": bytes([1, 3]) + zk_tcp(zk(1501, session, 11, entries)),
        "attendance-record": bytes([1, 3]) + zk_tcp(zk(1501, session, 12, attendance)),
        "oversized-length": bytes([0, 1]) + b"\x50\x50\x82\x7D\xFF\xFF\xFF\x7F",
    }


def zk_session_seeds():
    # Settings byte, session id, then events (see ZKSessionScript.event): request = op 0, command
    # index, reply id, payload kind and its bytes, checksum byte; answer = op 9, matching, kind...
    def request(command_index, reply, payload=b"\x00", checksum=0):
        return bytes([0, command_index]) + struct.pack(">H", reply) + payload + bytes([checksum])

    connect, auth, get_free_sizes, prepare_buffer, read_buffer, free_data = 0, 1, 5, 17, 18, 19
    register_event, clear_attlog, exit_ = 22, 26, 2
    inventory = bytes([9, 0, 0, 2, 0, 0]) + struct.pack(">HH", 3, 100) + bytes([1])
    attendance_buffer = bytes([9, 0, 0]) + struct.pack(">H", 120) + bytes([1]) + struct.pack(">H", 103)
    download = (
        request(connect, 0) + request(get_free_sizes, 1) + inventory
        + request(prepare_buffer, 2, bytes([2, 1])) + attendance_buffer
        + request(read_buffer, 3, bytes([3, 0]) + struct.pack(">HH", 0, 0) + bytes([1]))
        + request(free_data, 4) + request(clear_attlog, 5) + bytes([9, 0, 0, 1])
        + request(register_event, 6, bytes([4]) + struct.pack(">I", 1)) + bytes([12, 0, 1, 5]) + bytes([14, 1])
        + request(exit_, 7)
    )
    with_key = request(connect, 0) + request(auth, 1, bytes([1, 1, 50])) + request(get_free_sizes, 2)
    return {
        "download-and-clear-tcp": bytes([0]) + struct.pack(">H", 0x04D1) + download,
        "download-udp-read-only": bytes([6]) + struct.pack(">H", 0x04D1) + download,
        "comm-key-handshake": bytes([1]) + struct.pack(">H", 0x04D1) + with_key,
    }


def adms_seeds():
    handshake = (
        "GET OPTION FROM: 0316144680030\r\nATTLOGStamp=None\r\nOPERLOGStamp=9999\r\nATTPHOTOStamp=None\r\nErrorDelay=30\r\n"
        "Delay=10\r\nTransTimes=00:00;14:05\r\nTransInterval=1\r\n"
        "TransFlag=TransData AttLog OpLog AttPhoto EnrollUser ChgUser EnrollFP ChgFP UserPic\r\nTimeZone=8\r\nRealtime=1\r\n"
        "Encrypt=None\r\nServerVer=2.4.1\r\nPushProtVer=2.4.1\r\nPushOptionsFlag=1\r\nPushOptions=FingerFunOn,FaceFunOn\r\n"
    )
    commands = (
        "C:1:DATA UPDATE USERINFO PIN=1001\tName=Budi\tPri=14\tPasswd=\tCard=\tGrp=1\tTZ=0000000000000000\tVerify=-1\n"
        "C:2:DATA UPDATE FINGERTMP PIN=7\tFID=6\tSize=8\tValid=1\tTMP=AQIDBAU=\r\n"
        "C:3:DATA DELETE USERINFO PIN=7\n"
        "C:4:DATA QUERY ATTLOG StartTime=2015-07-29 00:00:00\tEndTime=2015-07-29 23:59:59\n"
        "C:5:VERIFY SUM ATTLOG StartTime=2015-07-29 00:00:00\tEndTime=2015-07-30 00:00:00\n"
        "C:6:SET OPTION DateTime=583512660\nC:7:ENROLL_FP PIN=7\tFID=1\tRETRY=3\tOVERWRITE=0\nC:8:CLEAR LOG\nC:9:INFO\n"
        "C:10:DATA UPDATE BIODATA Pin=7\tNo=6\tIndex=0\tValid=1\tDuress=0\tType=1\tMajorVer=12\tMinorVer=0\tFormat=0\tTmp=AQID\n"
        "C:11:DATA QUERY USERINFO PIN=7\nC:12:CHECK\nC:13:REBOOT\nC:14:SHELL ls\nC:15:DATA DELETE FINGERTMP PIN=7\tFID=6\n"
    )
    return {
        "handshake-reference": b"\x00" + handshake.encode(),
        "handshake-ok": b"\x00OK",
        "handshake-unknown-device": b"\x00UNKNOWN DEVICE",
        "getrequest-commands": b"\x00" + commands.encode(),
        "getrequest-ok": b"\x00OK\n",
        "upload-ok-count": b"\x00OK: 12\n",
        "upload-fail-503": b"\x07ERROR: database busy\n",
        "values": b"\x00+07:00",
    }


def config_seeds():
    with open(os.path.join(REPO, "config", "hadird.toml"), "rb") as f:
        shipped = f.read()
    mixed = (
        b'[device]\nserial = "HDR1"\nstate_dir = "/var/lib/hadir"\n\n[scanner]\nkind = "ef01"\npath = "/dev/ttyUSB0"\n'
        b'\n[scanner.face]\nkind = "fm225"\npath = "/dev/ttyUSB1"\nidentify_timeout_ms = 5000\n\n'
        b'[uplink.bkpsdm]\nurl = "http://adms.example/iclock/"\n\n[control]\nlisten = "0.0.0.0:8080"\ntoken = "0123456789abcdef"\n'
    )
    return {"shipped-hadird-toml": shipped, "mixed-kiosk": mixed, "syntax-error": b"[scanner\nbaud = 57600\n"}


def main():
    corpora = {"ef01": ef01_seeds(), "efaa": efaa_seeds(), "zk-frame": zk_frame_seeds(), "zk-session": zk_session_seeds(),
               "adms": adms_seeds(), "config": config_seeds()}
    for target, seeds in corpora.items():
        directory = os.path.join(ROOT, "corpus", target)
        os.makedirs(directory, exist_ok=True)
        for name, data in seeds.items():
            with open(os.path.join(directory, "seed-" + name), "wb") as f:
                f.write(data)
        print(f"{target}: {len(seeds)} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
