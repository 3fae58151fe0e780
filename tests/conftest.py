"""Shared fixtures: paths to the shared evaluation kit (tests that need it skip when it is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "corpus" / "xinhua-2021-08-14-afghanistan.zh.txt"


@pytest.fixture
def shared_dir() -> Path:
    """The ../shared folder; skip the test when the evaluation kit is not beside the checkout."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared (the evaluation kit) is not present beside this checkout")
    return SHARED
