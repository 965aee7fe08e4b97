from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared next to the checkout (CI has it); tests that need it skip with a reason where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present next to this checkout (CI provides it)")
    return SHARED
