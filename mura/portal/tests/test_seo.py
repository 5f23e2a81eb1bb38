"""JSON-LD written into a page cannot close its <script> element."""

from mura.portal.seo import jsonld_script


def test_json_ld_escapes_what_could_end_the_script_element():
    script = jsonld_script({"name": "</script><script>alert(1)</script> & <!--"})
    body = script.removeprefix('<script type="application/ld+json">').removesuffix(
        "</script>"
    )
    assert "<" not in body and ">" not in body and "&" not in body
    assert "\\u003C/script\\u003E" in body


def test_json_ld_keeps_kazakh_letters_readable():
    assert "Қазақстан" in jsonld_script({"name": "Қазақстан"})
