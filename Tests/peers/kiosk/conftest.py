"""The door screen (/kiosk) in headless Chromium against hadird + hadir-sim."""
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "zk"))

from chromium import chromium_binary  # noqa: E402
from harness import REPO  # noqa: E402

ARTIFACTS = Path(os.environ.get("HADIRTEST_ARTIFACTS") or REPO / ".test-artifacts") / "kiosk"


@pytest.fixture
def needs_chromium():
    # CI must run these; a developer machine without chromium skips them, saying why.
    if not chromium_binary() and os.environ.get("CI") != "true":
        pytest.skip("chromium is not installed (apt-get install chromium); CI runs these tests")


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
