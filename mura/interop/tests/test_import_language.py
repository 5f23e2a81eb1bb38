import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from mura.catalog.models import Resource, Subject
from mura.search.models import SearchDocument

CSV = (
    "id,title,author,subjects\n"
    'b1,Абай жолы,"Әуезов, Мұхтар",Тарих\n'
    'b2,Қан мен тер,"Нұрпейісов, Әбдіжәміл",Тарих\n'
)


def stored_index() -> list[tuple[str, str, str]]:
    return sorted(SearchDocument.objects.values_list("kind", "title", "url"))


def test_import_report_language_changes_nothing_in_the_search_index(
    institution, tmp_path
):
    """`--language en` is the report's language: the stored links stay the Kazakh
    (unprefixed) ones a `mura reindex` writes, and the report is in English."""
    path = tmp_path / "books.csv"
    path.write_text(CSV, encoding="utf-8")
    out = io.StringIO()
    call_command(
        "import",
        str(path),
        format="csv",
        institution=institution.slug,
        language="en",
        stdout=out,
    )
    assert "2 records created" in out.getvalue()
    imported = stored_index()
    book = Resource.objects.get(source_id="b1")
    with translation.override("kk"):
        kazakh_url = reverse("catalog:item", kwargs={"public_id": book.public_id})
    assert ("book", "Абай жолы", kazakh_url) in imported
    assert not any(url.startswith("/en/") for _kind, _title, url in imported)

    call_command("reindex", stdout=io.StringIO())
    assert stored_index() == imported


def test_an_object_saved_under_another_language_is_indexed_as_reindex_would(
    institution,
):
    """A task or request running in Russian (a reader's e-mail, a Russian admin) must
    not store Russian names or /ru/ links for everyone."""
    with translation.override("ru"):
        Subject.objects.create(name_kk="Тарих", name_ru="История", name_en="History")
    saved = stored_index()
    assert saved
    assert not any(url.startswith("/ru/") for _kind, _title, url in saved)
    call_command("reindex", stdout=io.StringIO())
    assert stored_index() == saved


@pytest.mark.parametrize("command", ["import", "export"])
def test_the_commands_language_ends_with_the_command(institution, tmp_path, command):
    """A caller (a test, a script running several commands) stays in its language:
    an activated report language once leaked into everything that ran after."""
    path = tmp_path / "books.csv"
    path.write_text(CSV, encoding="utf-8")
    arguments = (
        [str(path), "--format", "csv", "--institution", institution.slug]
        if command == "import"
        else ["--format", "csv", "--output", str(tmp_path / "out.csv")]
    )
    with translation.override("kk"):
        call_command(command, *arguments, language="ru", stdout=io.StringIO())
        assert translation.get_language() == "kk"
