"""What the PostgreSQL tests share: the server's URL and their marks (the `pg` fixture, a fresh
schema per test, is in conftest.py)."""

import os

import pytest

URL = os.environ.get("CRM_TEST_PG_URL")
MARKS = [
    pytest.mark.postgres,
    pytest.mark.skipif(not URL and not os.environ.get("CI"), reason="no PostgreSQL server (CRM_TEST_PG_URL)"),
]

