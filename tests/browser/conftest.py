"""Fixtures for the browser tests live in browser_support, importable by the tests too."""

from browser_support import browser, open_page, pytest_collection_modifyitems  # noqa: F401
from keyboard_walk import pytest_terminal_summary  # noqa: F401
