"""Rule-based Kazakh stemmer: strips noun inflection, never derivation.

A Kazakh noun is STEM + (plural) + (possessive) + (case), e.g. кітапхана·лар·ы·ның.
The stemmer removes these three layers from the right and nothing else, so кітапханашы
(librarian) stays apart from кітапхана (library): stripping derivational suffixes too
was measured to merge half of the derivation pairs in the gold sample.

Every ending is removed only after the sounds it can follow (-дар after л м н ң з ж,
-тар after voiceless consonants, -ның after vowels and nasals, -на/-нда/-н only after a
3rd-person possessive) and only when its vowel agrees with the stem's last vowel. Both
checks stop most false cuts such as көрмеді → көрме. Names and words that only look
inflected (Қызылорда = Қызылор + -да) are protected by a lemma list that callers extend
with their own gazetteer (``add_protected_words`` in the package API).

The same rules run on three alphabets: Cyrillic (exact, harmony-aware), the lossy Latin
skeleton of ``latin.py`` and keyboard-folded Cyrillic (қ → к, ә → а...: harmony is
invisible in both), the last two generated mechanically from the Cyrillic table so that
all stay in step.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .latin import cyrillic_skeleton, latin_skeletons
from .normalize import TOKEN_RE, fold_word, keyboard_fold, script

_VOWELS = frozenset("аәеёиоөұүыіэюя")
_SYLLABIC = _VOWELS | {"у"}  # у is a vowel in форум, кездесу
_BACK = frozenset("аоұыяё")
_FRONT = frozenset("әеөүіэ")
# р у й и behave like vowels before -лар/-мен, like voiced consonants elsewhere.
_GLIDES = frozenset("руйи")
_NASALS = frozenset("мнң")
_L = frozenset("л")
_ZH = frozenset("зж")
# Voiceless consonants and voiced stops, followed by -тар, -қа, -пен.
_HARD = frozenset("кқпстфхһцчшщбвгғд")
_CONSONANTS = _GLIDES | _NASALS | _L | _ZH | _HARD
_SOFT = _L | _GLIDES | _ZH  # voiced non-nasal consonants

#: Words that look inflected but are lemmas (places, a few common nouns). A protected
#: word is never cut, and cutting stops as soon as a protected word is reached. The
#: common nouns were found by stemming frequent words of KazNERD news text, not of the
#: gold sample or the UD treebank that measure the stemmer.
PROTECTED_WORDS = frozenset(
    """
    қазақстан өзбекстан қырғызстан түрікменстан тәжікстан ауғанстан пәкістан үндістан
    дағыстан татарстан башқұртстан түркістан жамбыл қызылорда алматы өскемен қарағанды
    ақорда елорда сырдария әмудария аудан ақын алтын теңге ақы отын ойын жақын тегін
    сауда пайда оқиға қысқа басқа бүгін шеңбер ақпан наурыз тамыз қазан желтоқсан
    """.split()
)

#: Two-letter nouns that start with a consonant (су·да, ми·ы): no other consonant +
#: vowel stem is cut to.
SHORT_NOUNS = frozenset("су ми ту шу бу қу ру".split())

#: Nouns that drop their second high vowel before a vowel (орын → орны). They end in н
#: or л, which would also match a possessive + accusative reading, so they are listed;
#: those ending in an obstruent (халық → халқы) follow a general rule in ``_normalise``.
ELISIONS = ("орын", "мұрын", "ерін", "қарын", "мойын", "қойын", "көңіл")


@dataclass(frozen=True)
class _Ending:
    """One allomorph: its text, the stem sounds it may follow, and its vowel harmony."""

    text: str
    after: frozenset[str]  # empty: only after a 3rd-person possessive
    harmony: str  # "back", "front" or "" (-мен/-н carry no harmonic vowel)


def _pair(back: str, front: str, after: frozenset[str]) -> tuple[_Ending, ...]:
    if back == front:
        return (_Ending(back, after, ""),)
    return (_Ending(back, after, "back"), _Ending(front, after, "front"))


_AFTER_POSS3: frozenset[str] = frozenset()

_PLURAL = (
    *_pair("лар", "лер", _VOWELS | _GLIDES),
    *_pair("дар", "дер", _L | _NASALS | _ZH),
    *_pair("тар", "тер", _HARD),
)
_POSSESSIVE = (
    *_pair("ымыз", "іміз", _CONSONANTS),  # 1st person plural
    *_pair("мыз", "міз", _VOWELS),
    *_pair("ыңыз", "іңіз", _CONSONANTS),  # 2nd person polite
    *_pair("ңыз", "ңіз", _VOWELS),
    *_pair("сы", "сі", _VOWELS),  # 3rd person
    *_pair("ы", "і", _CONSONANTS),
)
_POSS3 = frozenset(("сы", "сі", "ы", "і"))
_ACCUSATIVES = frozenset(("ны", "ні", "ды", "ді", "ты", "ті"))
_CASE = (
    *_pair("ның", "нің", _VOWELS | _NASALS),  # genitive
    *_pair("дың", "дің", _SOFT),
    *_pair("тың", "тің", _HARD),
    *_pair("ны", "ні", _VOWELS),  # accusative
    *_pair("ды", "ді", _SOFT | _NASALS),
    *_pair("ты", "ті", _HARD),
    _Ending("н", _AFTER_POSS3, ""),
    *_pair("ға", "ге", _VOWELS | _SOFT | _NASALS),  # dative
    *_pair("қа", "ке", _HARD),
    *_pair("на", "не", _AFTER_POSS3),
    *_pair("да", "де", _VOWELS | _SOFT | _NASALS),  # locative
    *_pair("та", "те", _HARD),
    *_pair("нда", "нде", _AFTER_POSS3),
    *_pair("дағы", "дегі", _VOWELS | _SOFT | _NASALS),  # locative + attributive -ғы
    *_pair("тағы", "тегі", _HARD),
    *_pair("ндағы", "ндегі", _AFTER_POSS3),
    *_pair("дан", "ден", _VOWELS | _SOFT),  # ablative
    *_pair("тан", "тен", _HARD),
    *_pair("нан", "нен", _NASALS),
    *_pair("нан", "нен", _AFTER_POSS3),
    _Ending("мен", _VOWELS | _GLIDES | _L | _NASALS, ""),  # instrumental
    _Ending("бен", _ZH, ""),
    _Ending("пен", _HARD, ""),
    _Ending("менен", _VOWELS | _GLIDES | _L | _NASALS, ""),  # its literary long form
    _Ending("бенен", _ZH, ""),
    _Ending("пенен", _HARD, ""),
)

# Stem-final voiced stops come from devoicing before a vowel (кітап → кітабы, жинақ →
# жинағы, сөздік → сөздігі); the key always uses the voiceless letter.
_DEVOICE = {"б": "п", "ғ": "қ", "г": "к"}
_ELISION_SONORANTS = frozenset("лрйу")
_ELISION_FINALS = frozenset("қкпзс")
_HIGH = frozenset("ыі")
# A stem may end in two consonants only in these combinations (native words, Russian
# loans such as театр or матч, and elided stems such as халқ); Қазақс·тан is not a cut.
_FINAL_CLUSTERS = frozenset(
    """
    рт лт йт нт ст кт пт шт рқ лқ йқ уқ нқ ңқ рк лк йк нк ск рп лп мп йп рс нс кс лс
    йс мс пс рд нд лд зд рг нг рм лм зм рн йн нр рл рз йз рш нш лш рх рц нц рф фт рб
    мб рв лв рж нж тр др бр гр вр тч
    """.split()
)


_Endings = dict[str, tuple[_Ending, ...]]


@dataclass(frozen=True)
class _Alphabet:
    """The stemmer's rules written in one alphabet (Cyrillic, or the Latin skeleton)."""

    plural: _Endings
    possessive: _Endings
    case: _Endings
    poss3: frozenset[str]
    accusatives: frozenset[str]
    vowels: frozenset[str]
    syllabic: frozenset[str]
    short_nouns: frozenset[str]
    harmony: bool
    sh: str
    devoice: dict[str, str]
    elision_sonorants: frozenset[str]
    high: frozenset[str]
    elision_finals: frozenset[str]
    clusters: frozenset[str] | None  # None: cluster check impossible in this alphabet


def _by_length(endings: Iterable[_Ending]) -> _Endings:
    """Endings grouped by their last letter, longest first, so a word is only compared
    with the endings it could have."""
    groups: dict[str, list[_Ending]] = {}
    for ending in sorted(endings, key=lambda e: -len(e.text)):
        groups.setdefault(ending.text[-1], []).append(ending)
    return {last: tuple(group) for last, group in groups.items()}


_CYRILLIC = _Alphabet(
    plural=_by_length(_PLURAL),
    possessive=_by_length(_POSSESSIVE),
    case=_by_length(_CASE),
    poss3=_POSS3,
    accusatives=_ACCUSATIVES,
    vowels=_VOWELS,
    syllabic=_SYLLABIC,
    short_nouns=SHORT_NOUNS,
    harmony=True,
    sh="ш",
    devoice=_DEVOICE,
    elision_sonorants=_ELISION_SONORANTS,
    high=_HIGH,
    elision_finals=_ELISION_FINALS,
    clusters=_FINAL_CLUSTERS,
)


def _skeleton_letters(letters: Iterable[str]) -> frozenset[str]:
    """The last skeleton letter of each Cyrillic letter (ш → "sh" → "h")."""
    return frozenset(cyrillic_skeleton(ch)[-1:] for ch in letters) - {""}


def _translated_endings(
    endings: tuple[_Ending, ...],
    text_of: Callable[[str], str],
    letters_of: Callable[[Iterable[str]], frozenset[str]],
) -> _Endings:
    """Translate endings to another alphabet (the Latin skeleton, the keyboard-folded
    letters), merging allomorphs that become identical there (-ға and -га)."""
    merged: dict[str, frozenset[str]] = {}
    poss3_only: set[str] = set()
    for ending in endings:
        text = text_of(ending.text)
        if not ending.after:
            poss3_only.add(text)
        else:
            after = letters_of(ending.after)
            merged[text] = merged.get(text, frozenset()) | after
    result = [_Ending(text, after, "") for text, after in merged.items()]
    result += [_Ending(text, _AFTER_POSS3, "") for text in poss3_only]
    return _by_length(result)


def _skeleton_endings(endings: tuple[_Ending, ...]) -> _Endings:
    return _translated_endings(endings, cyrillic_skeleton, _skeleton_letters)


_SKELETON = _Alphabet(
    plural=_skeleton_endings(_PLURAL),
    possessive=_skeleton_endings(_POSSESSIVE),
    case=_skeleton_endings(_CASE),
    poss3=frozenset(cyrillic_skeleton(e) for e in _POSS3),
    accusatives=frozenset(cyrillic_skeleton(e) for e in _ACCUSATIVES),
    vowels=_skeleton_letters(_VOWELS),
    syllabic=_skeleton_letters(_SYLLABIC),
    short_nouns=frozenset(cyrillic_skeleton(w) for w in SHORT_NOUNS),
    harmony=False,
    sh="sh",
    devoice={"b": "p", "g": "k"},
    elision_sonorants=_skeleton_letters(_ELISION_SONORANTS),
    high=_skeleton_letters(_HIGH),
    elision_finals=_skeleton_letters(_ELISION_FINALS),
    clusters=None,
)


def _folded_letters(letters: Iterable[str]) -> frozenset[str]:
    return frozenset(keyboard_fold("".join(letters)))


def _folded_endings(endings: tuple[_Ending, ...]) -> _Endings:
    """Harmony aside: ә, ө, ұ, ү, і are gone in the folded alphabet."""
    return _translated_endings(endings, keyboard_fold, _folded_letters)


_FOLDED = _Alphabet(
    plural=_folded_endings(_PLURAL),
    possessive=_folded_endings(_POSSESSIVE),
    case=_folded_endings(_CASE),
    poss3=frozenset(keyboard_fold(e) for e in _POSS3),
    accusatives=frozenset(keyboard_fold(e) for e in _ACCUSATIVES),
    vowels=_folded_letters(_VOWELS),
    syllabic=_folded_letters(_SYLLABIC),
    short_nouns=frozenset(keyboard_fold(w) for w in SHORT_NOUNS),
    harmony=False,
    sh="ш",
    devoice={"б": "п", "г": "к"},
    elision_sonorants=_folded_letters(_ELISION_SONORANTS),
    high=_folded_letters(_HIGH),
    elision_finals=_folded_letters(_ELISION_FINALS),
    clusters=frozenset(keyboard_fold(c) for c in _FINAL_CLUSTERS),
)

_protected: set[str] = set(PROTECTED_WORDS)
_protected_skeletons: set[str] = {cyrillic_skeleton(w) for w in PROTECTED_WORDS}
_protected_folded: set[str] = {keyboard_fold(w) for w in PROTECTED_WORDS}
_elided: dict[str, str] = {}
_elided_skeletons: dict[str, str] = {}
_elided_folded: dict[str, str] = {}


def _name_words(name: str) -> list[str]:
    """The words of a name worth protecting: all of a one-word name, else the
    capitalised ones (Қызылорда in "Қызылорда облысы", where облысы is inflected)."""
    words = TOKEN_RE.findall(name)
    if len(words) > 1:
        words = [w for w in words if w[0].isupper() and not w.isupper()]
    return [fold_word(word) for word in words]


def protect_words(names: Iterable[str]) -> None:
    """Protect more lemmas from cutting, in every alphabet."""
    for name in names:
        for word in _name_words(name):
            if script(word) == "latn":
                _protected_skeletons.update(latin_skeletons(word))
            else:
                _protected.add(word)
                _protected_skeletons.add(cyrillic_skeleton(word))
                _protected_folded.add(keyboard_fold(word))
    stems_kk.cache_clear()
    stems_kk_skeleton.cache_clear()
    stems_kk_folded.cache_clear()


def _register_elisions() -> None:
    for full in ELISIONS:
        elided = full[:-2] + full[-1]
        _elided[elided] = full
        _elided_skeletons[cyrillic_skeleton(elided)] = cyrillic_skeleton(full)
        _elided_folded[keyboard_fold(elided)] = keyboard_fold(full)
        protect_words([full])


def _harmony(stem: str) -> str:
    """The harmony an ending after ``stem`` must have: "back", "front" or "" (either).

    It follows the last vowel, except that a final к or г, front consonants in Kazakh,
    also allow front endings after a back vowel (факт·ісі, Гонконг·те), and surnames in
    -ев go either way (Медведев·тің, Назарбаев·тың).
    """
    if stem.endswith("ев"):
        return ""
    harmony = _vowel_harmony(stem)
    if harmony == "back" and ("к" in stem[-2:] or "г" in stem[-2:]):
        return ""
    return harmony


def _vowel_harmony(stem: str) -> str:
    """ "back", "front" or "" from the last vowel of ``stem``.

    у after a vowel is a glide and is skipped (кездесу·ге looks at е); after a consonant
    it is the vowel itself, ұ or ү, which Russian loans do not tell apart (ресурс·тар).
    и and ю are ambiguous in loans (тарих·ы but архив·і).
    """
    for i in range(len(stem) - 1, -1, -1):
        ch = stem[i]
        if ch in _BACK:
            return "back"
        if ch in _FRONT:
            return "front"
        if ch in "ию" or (ch == "у" and (i == 0 or stem[i - 1] not in _VOWELS)):
            return ""
    return ""


def _plausible(stem: str, abc: _Alphabet) -> bool:
    """Could ``stem`` be a Kazakh noun: a vowel, a possible final cluster, and if it has
    only two letters, vowel + consonant (ел, ат, үй) or one of the few others (су)?

    Without the last check, баға would be ба·ға, саны са·ны and маңызды ма·ңыз·ды.
    """
    if len(stem) < 2 or not any(ch in abc.syllabic for ch in stem):
        return False
    if len(stem) == 2 and stem[0] not in abc.syllabic and stem not in abc.short_nouns:
        return False
    if abc.clusters is None:
        return True
    last, before = stem[-1], stem[-2]
    if last in _SYLLABIC or before in _SYLLABIC or "ь" in (last, before):
        return True
    return stem[-2:] in abc.clusters


def _cuts(word: str, endings: _Endings, abc: _Alphabet) -> list[tuple[str, _Ending]]:
    """(stem, ending) for each ending allowed after what precedes it, longest first."""
    cuts = []
    for ending in endings.get(word[-1:], ()):
        if not word.endswith(ending.text):
            continue
        stem = word[: -len(ending.text)]
        if not _plausible(stem, abc):
            continue
        before = stem[-2] if stem[-1] == "ь" else stem[-1]  # модель·дер: ь is silent
        if ending.after:
            if before not in ending.after:
                continue
        elif before not in abc.high:  # -н, -на, -нда... need a possessive -(с)ы/-(с)і
            continue
        harmony = ending.harmony
        if abc.harmony and harmony and _harmony(stem) not in ("", harmony):
            continue
        if ending.text in abc.poss3 and not _possessive_fits(stem, ending.text, abc):
            continue
        cuts.append((stem, ending))
    return cuts


def _possessive_fits(stem: str, ending: str, abc: _Alphabet) -> bool:
    """-шы/-ші is the agentive suffix (хатшы, оқушы), so its ы is no possessive, except
    on the few short nouns ending in ш (іш·і, күш·і)."""
    return len(ending) > 1 or not stem.endswith(abc.sh) or len(stem) <= len(abc.sh) + 2


def _third_person(word: str, abc: _Alphabet) -> list[str]:
    """Stems left by a 3rd-person possessive; both when -(с)ы/-(с)і parses two ways
    (кітапхана·сы but облыс·ы; бизнесі is бизне·сі or бизнес·і)."""
    cuts = _cuts(word, abc.possessive, abc)
    return [stem for stem, ending in cuts if ending.text in abc.poss3]


def _possessives(word: str, abc: _Alphabet) -> list[str]:
    """Stems left by the longest possessive, in every reading of a 3rd-person one."""
    cuts = _cuts(word, abc.possessive, abc)
    if cuts and cuts[0][1].text in abc.poss3:
        return _third_person(word, abc)
    return [cuts[0][0]] if cuts else []


def _after_case(
    word: str, abc: _Alphabet, protected: set[str]
) -> list[tuple[str, bool]]:
    """Readings left by a case ending: (stem, whether a possessive went with it)."""
    cuts = _cuts(word, abc.case, abc)
    # A cut that leaves a protected lemma wins: мойын·дағы, not мой·ы·ндағы.
    for stem, ending in [cut for cut in cuts if cut[0] in protected] or cuts:
        if ending.after:
            readings = [(stem, False)]
            if ending.text in abc.accusatives:  # кеше·ні, or кешен·і and no case at all
                possessives = _third_person(word, abc)
                readings += [(s, True) for s in possessives if len(s) == len(stem) + 1]
            return [r for r in readings if r[0] in protected] or readings
        if stem in protected:
            return [(stem, True)]
        possessives = _third_person(stem, abc)  # -н, -на, -нда... follow a possessive
        if possessives:
            return [(s, True) for s in possessives]
    return [(word, False)]


def _one_pass(word: str, abc: _Alphabet, protected: set[str]) -> list[str]:
    """Stems left by one pass of case → possessive → plural, the order in which a noun
    is built from the right; more than one when the word parses more than one way."""
    stems: list[str] = []
    for stem, possessive_done in _after_case(word, abc, protected):
        readings = [stem]
        if not possessive_done and stem not in protected:
            readings = _possessives(stem, abc) or readings
        for reading in readings:
            if reading not in protected:
                plural = _cuts(reading, abc.plural, abc)
                reading = plural[0][0] if plural else reading
            if reading not in stems:
                stems.append(reading)
    return stems


def _normalise(stem: str, abc: _Alphabet, elided: dict[str, str]) -> str:
    """Undo stem alternations so every form of a noun gets one key.

    Devoicing (кітабы → кітап), high-vowel elision (халық/халқы → халқ: the vowel is
    dropped from the key, so both spellings meet without a word list), a silent final ь
    and a doubled final consonant of loans (модель/моделі, процесс/процеске). A word
    that is nothing but ь stays as it is, so a key is never empty.
    """
    stem = elided.get(stem, stem)
    if len(stem) > 1 and stem.endswith("ь"):
        stem = stem[:-1]
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in abc.syllabic:
        stem = stem[:-1]
    if stem[-1] in abc.devoice:
        stem = stem[:-1] + abc.devoice[stem[-1]]
    if (
        len(stem) >= 4
        and stem[-1] in abc.elision_finals
        and stem[-2] in abc.high
        and stem[-3] in abc.elision_sonorants
        and stem[-4] in abc.vowels
    ):
        stem = stem[:-2] + stem[-1]
    return stem


_MAX_PASSES = 3
_MAX_STEMS = 3


def _stems(
    word: str, abc: _Alphabet, protected: set[str], elided: dict[str, str]
) -> tuple[str, ...]:
    """Cut pass after pass until nothing changes, following every reading.

    Re-cutting a result makes names that look inflected cut the same way in every form
    (Қызылорда·да → Қызылорда → Қызылор, like Қызылорда itself). Readings are followed
    depth first, so the first stem is the one the longest endings lead to.
    """
    stems: list[str] = []

    def follow(stem: str, passes: int) -> None:
        final = passes == _MAX_PASSES or stem in protected
        readings = [stem] if final else _one_pass(stem, abc, protected)
        for reading in readings:
            if reading != stem:
                follow(reading, passes + 1)
                continue
            key = _normalise(stem, abc, elided)
            if key not in stems:
                stems.append(key)

    follow(word, 0)
    return tuple(stems[:_MAX_STEMS])


@lru_cache(maxsize=200_000)
def stems_kk(word: str) -> tuple[str, ...]:
    """Stem keys of a lowercase Cyrillic Kazakh word, most likely first (one or two)."""
    return _stems(word, _CYRILLIC, _protected, _elided)


def stem_kk(word: str) -> str:
    """Stem key of a lowercase Cyrillic Kazakh word: кітапханасының → кітапхана."""
    return stems_kk(word)[0]


@lru_cache(maxsize=200_000)
def stems_kk_skeleton(skeleton: str) -> tuple[str, ...]:
    """Stems of a Latin skeleton by the same rules, harmony aside: kitaphanasinin →
    kitaphana."""
    return _stems(skeleton, _SKELETON, _protected_skeletons, _elided_skeletons)


@lru_cache(maxsize=200_000)
def stems_kk_folded(folded: str) -> tuple[str, ...]:
    """Stems of a keyboard-folded Kazakh word by the same rules, harmony aside:
    казак адебиетинин → казак адебиет (``normalize.keyboard_fold``)."""
    return _stems(folded, _FOLDED, _protected_folded, _elided_folded)


_register_elisions()
