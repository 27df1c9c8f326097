"""Package the worksheet insight code as a pure-Python wheel (PEP 427), in-process.

Pyodide loads a plain ``py3-none-any`` wheel as it is. Writing the few files a
wheel needs here keeps every build fast and reproducible: same sources, same
bytes (fixed timestamps, sorted entries), so browsers can cache it safely.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

DIST_NAME = "onward_insights"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def wheel_name(version: str) -> str:
    return f"{DIST_NAME}-{version}-py3-none-any.whl"


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"sha256={digest}"


# What the package folder contributes: its code and its data files (the facts it reads).
PACKAGE_PATTERNS = ("*.py", "*.json")


def package_files(package_dir: Path, extra: Mapping[str, bytes] | None = None) -> dict[str, bytes]:
    """Path inside the package -> bytes: the folder's code and data, then ``extra`` added or replacing.

    The build passes the site's own facts and the compiled catalogues as ``extra``.
    """
    found = {
        path.relative_to(package_dir).as_posix(): path.read_bytes()
        for pattern in PACKAGE_PATTERNS
        for path in package_dir.rglob(pattern)
        if "__pycache__" not in path.parts
    }
    found.update(extra or {})
    return dict(sorted(found.items()))


def build_wheel(package_dir: Path, version: str, extra: Mapping[str, bytes] | None = None) -> bytes:
    """The wheel's bytes for the package in ``package_dir``, with ``extra`` files inside the package."""
    files: list[tuple[str, bytes]] = [
        (f"{package_dir.name}/{name}", data) for name, data in package_files(package_dir, extra).items()
    ]
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    files.append((f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {DIST_NAME}\nVersion: {version}\n".encode()))
    files.append(
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: onward\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
    )
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in files)
    files.append((f"{dist_info}/RECORD", (record + f"{dist_info}/RECORD,,\n").encode()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
