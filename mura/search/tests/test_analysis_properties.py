"""Properties of the text analysis over arbitrary Unicode.

"Returns keys" means: every word of a text (a token of ``normalize.TOKEN_RE`` over the
normalised text: a run of letters, or of digits) gets at least one key, and its first
key is its exact form; every key is a non-empty run of letters and digits, so that
both engines keep it as one token; a query word's exact key is among the keys stored
for the same word in any text, so a word always finds the text it came from. A text
without a word (punctuation, emoji, control characters, combining marks alone) gets
no key, and that is the only way to get none.
"""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mura.search import analysis
from mura.search.analysis import (
    analyze,
    analyze_query,
    detect_language,
    engine_keys,
    index_keys,
    query_keys,
)
from mura.search.analysis.normalize import TOKEN_RE, normalize_text

FAST = settings(max_examples=300, deadline=None, derandomize=True)

# Characters that broke or bent the analysis at some point, given extra weight.
AWKWARD = (
    "\x00",
    "\ud800",
    "\udfff",
    "\u0301",  # combining acute
    "\u0483",  # combining Cyrillic titlo
    "\u093f",  # Devanagari vowel sign: a mark inside a word
    "\u200d",  # zero-width joiner
    "\u200f",  # right-to-left mark
    "\ufeff",
    "İ",  # lower() is two characters
    "ß",  # casefold() is two characters
    "ﬁ",
    "ﬀ",
    "Ｆ",
    "ǅ",
    "ʼ",  # an apostrophe that Unicode calls a letter
    "'",
    "’",
    "ø",
    "æ",
    "ł",
    "þ",
    "ь",
    "ъ",
    "ё",
    "ә",
    "қ",
    "ı",
    "ש",
    "ع",
    "١",
    "中",
    "😀",
    "Ⅻ",
    "²",
    "½",
)
LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl"])
ANY_CHARACTER = st.one_of(
    st.characters(codec=None, categories=None),  # surrogates included
    st.sampled_from(AWKWARD),
)
TEXT = st.text(ANY_CHARACTER, max_size=40)
LONG_WORD = st.builds(lambda letter, n: letter * n, LETTERS, st.integers(300, 5000))
LANGUAGE = st.sampled_from([None, "kk", "ru", "en", ""])


def words_of(value: str) -> list[str]:
    return TOKEN_RE.findall(normalize_text(value))


def assert_keys(keys) -> None:
    for key in keys:
        assert key and key.isalnum(), repr(key)


@FAST
@given(value=st.one_of(TEXT, LONG_WORD), language=LANGUAGE)
@example(value="ø", language=None)
@example(value="ь", language="kk")
@example(value="ʼ", language="ru")
def test_indexed_text_gives_every_word_keys(value, language):
    tokens = analyze(value, language)
    stored, spellings = engine_keys(value, language)

    assert [token.surface for token in tokens] == words_of(value)
    for token in tokens:
        assert token.keys and token.keys[0] == token.exact
        assert_keys(token.keys)
    assert_keys(stored)
    assert_keys(key for pair in spellings for key in pair)
    assert bool(index_keys(value, language)) == bool(tokens)
    assert detect_language(value) in ("kk", "ru", "en")


@FAST
@given(value=st.one_of(TEXT, LONG_WORD))
@example(value="ß")
@example(value="Ｆ ﬁ İ")
def test_every_query_word_gets_keys_including_its_exact_form(value):
    terms = analyze_query(value)

    assert [term.text for term in terms] == words_of(value)
    for term in terms:
        assert term.exact in term.keys
        assert_keys(term.keys)
    for alternatives in query_keys(value):
        assert alternatives
        assert_keys(alternatives)


@FAST
@given(word=st.text(LETTERS, min_size=1, max_size=3), language=LANGUAGE)
@example(word="þ", language="kk")
def test_a_short_word_of_any_script_finds_the_text_it_came_from(word, language):
    """Stored keys are the engine's (``engine_keys``): the exact form is always one."""
    stored, _ = engine_keys(f"Кітап {word} туралы", language)

    for term in analyze_query(word):
        assert term.exact in stored, (word, term)


@FAST
@given(fragment=st.one_of(TEXT, LONG_WORD))
def test_suggestion_prefixes_are_keys(fragment):
    for word in analysis.words(fragment):
        prefixes = analysis.prefix_keys(word)
        assert prefixes
        assert_keys(prefixes)


@settings(FAST, max_examples=100)
@given(value=st.one_of(TEXT, st.text(ANY_CHARACTER, min_size=300, max_size=400)))
def test_reader_text_holds_nothing_an_engine_refuses(value):
    cleaned = analysis.reader_text(value, 300)

    assert len(cleaned) <= 300
    assert analysis.typable(cleaned)
    assert cleaned == cleaned.strip()
    cleaned.encode("utf-8")  # no lone surrogate left
