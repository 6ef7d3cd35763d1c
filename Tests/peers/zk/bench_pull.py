"""For `make bench`: pyzk get_attendance() over TCP on loopback, then pyzk parsing the very same
bytes from memory, so the bench can print how much the protocol itself costs. Prints one JSON line."""
import json
import sys
import time

from zk import ZK, const

port = int(sys.argv[1])
conn = ZK("127.0.0.1", port=port, timeout=120, ommit_ping=True)
started = time.perf_counter()
conn = conn.connect()
captured = {}
read_with_buffer = conn.read_with_buffer


def capture(command, *args, **kwargs):
    captured[command] = read_with_buffer(command, *args, **kwargs)
    return captured[command]


conn.read_with_buffer = capture
records = conn.get_attendance()
wall = time.perf_counter() - started

# The same call with the network parts answered from memory: what pyzk's parsing alone costs.
users = conn.get_users()
conn.read_sizes = lambda: True
conn.get_users = lambda: users
conn.read_with_buffer = lambda command, *args, **kwargs: captured[command]
started = time.perf_counter()
again = conn.get_attendance()
parse = time.perf_counter() - started
conn.disconnect()
assert len(again) == len(records)
print(json.dumps({"records": len(records), "wall_seconds": wall, "parse_seconds": parse}))
