"""The insight wheel: a valid, reproducible py3-none-any wheel of worksheets/onward_insights."""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile

from onward.paths import bundled
from onward.wheel import build_wheel, wheel_name

PACKAGE = bundled("worksheets") / "onward_insights"


def test_same_sources_give_the_same_bytes():
    assert build_wheel(PACKAGE, "1.2.3") == build_wheel(PACKAGE, "1.2.3")


def test_the_wheel_is_pure_python_with_a_record_that_checks_out():
    archive = zipfile.ZipFile(io.BytesIO(build_wheel(PACKAGE, "1.2.3")))
    names = archive.namelist()
    assert "onward_insights/__init__.py" in names and "onward_insights/rejection_log.py" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert "Tag: py3-none-any" in archive.read("onward_insights-1.2.3.dist-info/WHEEL").decode()
    assert "Version: 1.2.3" in archive.read("onward_insights-1.2.3.dist-info/METADATA").decode()
    record = archive.read("onward_insights-1.2.3.dist-info/RECORD").decode().splitlines()
    listed = {}
    for line in record:
        name, digest, size = line.rsplit(",", 2)
        listed[name] = (digest, size)
    assert set(listed) == set(names)
    for name, (digest, size) in listed.items():
        if name.endswith("RECORD"):
            continue
        data = archive.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert digest == f"sha256={expected}" and int(size) == len(data), name


def test_the_file_name_follows_the_wheel_convention():
    assert wheel_name("0.1.0") == "onward_insights-0.1.0-py3-none-any.whl"
