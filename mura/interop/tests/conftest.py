import os
from pathlib import Path

import pytest

from mura.conftest import require

SHARED_DATA = Path(
    os.environ.get(
        "MURA_SHARED_DATA",
        Path(__file__).resolve().parents[3] / ".." / "shared" / "data",
    )
)
REALDATA = SHARED_DATA / "realdata"


@pytest.fixture(scope="session")
def realdata() -> Path:
    """The real third-party MARC and OAI-PMH files in shared/data/realdata."""
    require(
        (REALDATA / "marc").is_dir(),
        f"real test data not found at {REALDATA}; set MURA_SHARED_DATA",
    )
    return REALDATA
