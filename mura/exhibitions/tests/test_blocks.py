import pytest

from mura.exhibitions.blocks import (
    ChapterBlock,
    ExhibitionStreamBlock,
    TimelineEntryBlock,
)
from mura.exhibitions.tests.factories import MuseumObjectFactory, make_image

BLOCKS = {
    **ExhibitionStreamBlock().child_blocks,
    "chapter": ChapterBlock(),
    "entry": TimelineEntryBlock(),
}


@pytest.mark.parametrize("name", BLOCKS)
def test_every_block_has_an_icon_a_template_and_a_preview_that_renders(
    name, institution
):
    """The admin's block picker shows each block's preview, rendered from its preview value."""
    MuseumObjectFactory(institution=institution, title="Домбыра")
    make_image("Көрме залы")
    block = BLOCKS[name]
    block.set_name(name)
    assert block.meta.icon and block.meta.template and block.meta.description
    html = block.render(block.normalize(block.get_preview_value()))
    assert html.strip()
    if name in ("catalogue_item", "items_grid"):
        assert "Домбыра" in html
    if name == "figure":
        assert 'alt="Көрме залы"' in html
