"""Where a site keeps answers in the browser: one namespace per site."""

from __future__ import annotations

import hashlib
import re


def storage_namespace(site_name: str, site_url: str | None) -> str:
    """A stable, readable namespace: the site's name plus a short hash of its address.

    Two copies on one domain (say /careers/onward/ and /onward/) differ in
    address, so they never see or overwrite each other's answers.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-")[:40] or "onward"
    digest = hashlib.sha256((site_url or "").encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"
