"""Whatever a reader (or a script) posts to the registration form on the event page:
never a 5xx, nothing stored half-way, the form comes back with the input and an error
in the reader's language."""

import re
from html import unescape

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mura.events.models import ExtraQuestion, Registration
from mura.events.tests.factories import SectionFactory, make_event

FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ERROR = re.compile(r'<p class="form__error"[^>]*>(.*?)</p>', re.S)
NOTICE = re.compile(
    r'<div class="message message--error" role="alert">(.*?)</div>', re.S
)
CYRILLIC = re.compile(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]")


@pytest.fixture
def forum(site_tree):
    event = make_event(site_tree["home"], title="Оқу форумы", capacity=2)
    section = SectionFactory(event=event, title_kk="Шеберлік сабағы", capacity=1)
    choice = ExtraQuestion.objects.create(
        event=event,
        label_kk="Түскі ас",
        kind=ExtraQuestion.Kind.CHOICE,
        options="Ет\nБалық",
        required=True,
    )
    yes_no = ExtraQuestion.objects.create(
        event=event, label_kk="Қонақүй керек пе?", kind=ExtraQuestion.Kind.YES_NO
    )
    text = ExtraQuestion.objects.create(event=event, label_kk="Баяндама тақырыбы")
    return {
        "event": event,
        "url": event.url + "register/",
        "section": section,
        "questions": {"choice": choice, "yes_no": yes_no, "text": text},
    }


# Any text a browser can send (no lone surrogates: they cannot be encoded), NUL and
# control characters included, sometimes far longer than any field allows.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
TEXT = st.one_of(
    ANY_TEXT,
    ANY_TEXT.map(lambda value: value + "\x00"),
    st.builds(
        lambda value, times: (value or "ж") * times, ANY_TEXT, st.integers(50, 3000)
    ),
)


def _wrong(valid):
    """Missing, wrong, or several values where one is expected."""
    return st.one_of(
        st.none(), TEXT, st.lists(st.one_of(st.just(valid), TEXT), max_size=3)
    )


def _submission(forum):
    """A right submission with a few of its fields spoilt, so that both the form's and
    the service's checks (duplicates, full sections, places) are reached."""
    q = forum["questions"]
    valid = {
        "name": "Айгүл Серікқызы",
        "organisation": "Облыстық кітапхана",
        "position": "кітапханашы",
        "country": "KZ",
        "region": "Павлодар",
        "email": "aigul@example.kz",
        "phone": "+7 701 000 00 00",
        "participation": "in-person",
        "accessibility": "пандус",
        "consent": "on",
        "sections": str(forum["section"].pk),
        f"question_{q['choice'].pk}": "Балық",
        f"question_{q['yes_no'].pk}": "yes",
        f"question_{q['text'].pk}": "Цифрлық қор",
    }

    @st.composite
    def spoilt(draw):
        data = dict(valid)
        data["email"] = draw(
            st.sampled_from(["a@example.kz", "b@example.kz", "c@example.kz"])
        )
        for key in draw(st.lists(st.sampled_from(sorted(valid)), max_size=4)):
            data[key] = draw(_wrong(valid[key]))
        return {key: value for key, value in data.items() if value is not None}

    return spoilt()


def _assert_stored_whole(forum):
    """Every registration has its required answer, valid choices and at most the places."""
    q = forum["questions"]
    for registration in Registration.objects.filter(event=forum["event"]):
        registration.full_clean()
        assert registration.answers[str(q["choice"].pk)] in ("Ет", "Балық")
        assert registration.answers.get(str(q["yes_no"].pk), "yes") in ("yes", "no")
        assert "\x00" not in "".join(
            [registration.name, registration.organisation, registration.accessibility]
        )
    confirmed = Registration.objects.filter(event=forum["event"]).confirmed()
    assert confirmed.count() <= 2
    assert forum["section"].registrations.confirmed().count() <= 1


def _assert_explained(body: str, data: dict) -> None:
    """An error shown in Kazakh, and the typed name shown back to the reader."""
    messages = ERROR.findall(body) + NOTICE.findall(body)
    assert messages, "the form came back without saying what is wrong"
    for message in messages:
        assert CYRILLIC.search(unescape(message)), f"untranslated error: {message}"
    name = data.get("name")
    if isinstance(name, str) and "\x00" not in name and name.strip():
        assert f'value="{name.strip()}"' in unescape(body) or name in unescape(body)


def test_fuzzed_registration_form_never_fails_or_stores_half(client, forum):
    @FUZZ
    @given(data=_submission(forum))
    def post(data):
        caches["default"].clear()
        caches["limits"].clear()
        before = Registration.objects.count()
        response = client.post(forum["url"], data)
        assert response.status_code in (200, 302), response.status_code
        after = Registration.objects.count()
        if response.status_code == 302:
            assert after == before + 1
            outcomes.add("registered")
        else:
            assert after == before
            _assert_explained(response.content.decode(), data)
            outcomes.add("refused")
        _assert_stored_whole(forum)

    outcomes = set()
    post()
    assert outcomes == {"registered", "refused"}


def test_repeated_submissions_register_once(client, forum):
    q = forum["questions"]
    data = {
        "name": "Айгүл Серікқызы",
        "organisation": "Облыстық кітапхана",
        "country": "KZ",
        "email": "aigul@example.kz",
        "participation": "in-person",
        "consent": "on",
        f"question_{q['choice'].pk}": "Ет",
    }
    statuses = [client.post(forum["url"], data).status_code for _ in range(5)]
    assert statuses[0] == 302 and set(statuses[1:]) == {200}
    repeated = client.post(forum["url"], data).content.decode()
    assert "тіркелген" in repeated and 'value="Айгүл Серікқызы"' in repeated
    assert Registration.objects.count() == 1


def test_undecodable_bytes_and_nul_in_the_body_are_refused_in_kazakh(client, forum):
    body = b"name=%FF%FE%00&email=a%00b%40example.kz&country=%C0&consent=on"
    response = client.post(
        forum["url"], body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    _assert_explained(response.content.decode(), {})
    assert Registration.objects.count() == 0
