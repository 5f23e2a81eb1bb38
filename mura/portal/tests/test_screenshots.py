"""Screenshots go into the repository: each is kept small, yet legible."""

import pytest
from PIL import Image

from mura.conftest import ROOT, SCREENSHOT_MAX_WIDTH, keep_screenshot

SCREENSHOTS = sorted((ROOT / "docs" / "screenshots").glob("*.png"))


@pytest.mark.parametrize("path", SCREENSHOTS, ids=lambda path: path.name)
def test_kept_screenshots_are_narrow_palette_pngs(path):
    with Image.open(path) as image:
        assert image.width <= SCREENSHOT_MAX_WIDTH
        assert image.mode == "P", "a full-colour PNG is three times the size"


@pytest.mark.browser
def test_a_desktop_page_is_kept_at_the_narrower_width(chromium, tmp_path):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.set_content("<h1>Мұра</h1><p>Кітапханалар, мұрағаттар мен музейлер</p>")
    keep_screenshot(page, tmp_path / "wide.png")
    page.set_viewport_size({"width": 390, "height": 844})
    keep_screenshot(page, tmp_path / "phone.png")
    page.close()
    with Image.open(tmp_path / "wide.png") as wide:
        assert (wide.size, wide.mode) == ((SCREENSHOT_MAX_WIDTH, 720), "P")
    with Image.open(tmp_path / "phone.png") as phone:
        assert phone.size == (390, 844)
