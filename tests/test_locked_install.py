"""The virtual environment that `make test` made holds exactly the lock: every package that
applies to this machine at the locked version, and nothing else."""

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
# Installed with Python itself and left alone by pip freeze and uv pip sync.
SEEDED = {"pip", "setuptools", "wheel"}


def locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+)(?:\s*;\s*([^\\]+?))?\s*\\?$", line)
        if not match:
            continue
        name, version, marker = match.groups()
        if marker and not Marker(marker).evaluate():
            continue
        pins[canonicalize_name(name.split("[")[0])] = version
    return pins


def test_every_pin_in_the_lock_carries_a_hash():
    text = (ROOT / "requirements.lock").read_text()
    pins = [line for line in text.splitlines() if "==" in line and not line.startswith("#")]
    assert len(pins) > 50
    blocks = re.split(r"\n(?=\S)", text)
    unhashed = [
        block.split()[0] for block in blocks if "==" in block and "--hash=sha256:" not in block
    ]
    assert unhashed == []


def test_the_suite_runs_in_the_projects_venv():
    assert Path(sys.prefix).resolve() == (ROOT / ".venv").resolve()


def test_the_venv_equals_the_lock_version_for_version():
    installed = {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
        if canonicalize_name(dist.metadata["Name"]) not in SEEDED
    }
    assert installed == locked()
