import pytest

from mura.search import analysis, highlight
from mura.search.query import parse

TEXTS = [
    (
        "Облыстық кітапхананың оқырмандары 2019 жылы кітапханаға 1500 кітап сыйлады.",
        "kk",
    ),
    ("Сборник материалов конференции: история библиотеки, 1995 г.", "ru"),
    ("Qazaq kitaphanalary men mұражайлары, Abai Qunanbaiuly.", ""),
    ("Павлодар облысы. Областная библиотека им. С. Торайгырова!", ""),
    ("оpen (о — кириллица) Сесияның 08.04.2019 16:32", "kk"),
]
QUERIES = ["кітапхана", "библиотека", "Абай 2019", "облыс кітап", "сессия open"]


def analysed(original: str, query: str, language: str) -> list[tuple[int, int, bool]]:
    return highlight._spans(original, language, parse(query).terms)


def engine_keys(query: str) -> frozenset[str]:
    direct = [analysis.engine_alternatives(term.keys)[0] for term in parse(query).terms]
    return frozenset().union(*direct)


@pytest.mark.parametrize(("original", "language"), TEXTS)
@pytest.mark.parametrize("query", QUERIES)
def test_marks_from_the_index_are_the_marks_of_analysing_the_text_again(
    original, language, query
):
    stored = analysis.field_keys(original, language)
    from_index = highlight.indexed_spans(original, stored, engine_keys(query))
    assert from_index == analysed(original, query, language)


def test_keys_of_another_text_are_not_used():
    stored = analysis.field_keys("Кітапхана жаңалықтары", "kk")
    changed = "Кітапхананың бүгінгі жаңалықтары"
    assert highlight.indexed_spans(changed, stored, engine_keys("кітапхана")) is None
    assert "<mark>Кітапхананың</mark>" in highlight.snippet(
        changed, parse("кітапхана").terms, "kk"
    )
