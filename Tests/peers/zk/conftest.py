"""pyzk 0.9 against the Hadir pull server. Every case runs over TCP and UDP, with a comm key and without."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import Kiosk, PullHost  # noqa: E402

VARIANTS = [("tcp", 0), ("tcp", 123456), ("udp", 0), ("udp", 123456)]


@pytest.fixture(params=VARIANTS, ids=[f"{t}-{'key' if k else 'nokey'}" for t, k in VARIANTS])
def variant(request):
    """(transport, comm key)."""
    return request.param


@pytest.fixture
def kiosk_factory(tmp_path_factory, variant):
    """Starts hadird kiosks with the variant's comm key; stops them after the test."""
    started = []

    def start(**kwargs):
        kiosk = Kiosk(tmp_path_factory.mktemp("kiosk"), comm_key=variant[1], **kwargs)
        started.append(kiosk)
        return kiosk

    yield start
    for kiosk in started:
        kiosk.stop()


@pytest.fixture
def pull_host_factory(tmp_path_factory, variant):
    started = []

    def start(**kwargs):
        host = PullHost(tmp_path_factory.mktemp("host"), comm_key=variant[1], **kwargs)
        started.append(host)
        return host

    yield start
    for host in started:
        host.stop()
