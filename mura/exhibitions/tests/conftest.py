import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Photos of the test records go to a temporary folder, not the data folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
