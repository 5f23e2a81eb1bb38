"""The image CAPTCHA (django-simple-captcha) and its accessible alternative.

django-simple-captcha can read its code aloud only through flite, which is not installed
here and speaks English letter names only, so a Kazakh or Russian reader would hear a
foreign alphabet. Readers who cannot see the picture ask for a small sum written in
words in their own language instead. Any text a screen reader can read, a script can
read too, so the question is made to cost a script what the picture does: it is given
only on request, a few per address (mura.comments.views), an answer sent sooner than a
person could listen to the question is refused, and wrong answers are counted. Its
answer is kept in the same CaptchaStore table as the image codes, so it expires and
can be tried only once, exactly like them."""

import random
import re
from datetime import timedelta

from captcha.conf import settings as captcha_settings
from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mura.portal.captcha_keys import captcha_key

NUMBER_WORDS = {
    1: _("one"),
    2: _("two"),
    3: _("three"),
    4: _("four"),
    5: _("five"),
    6: _("six"),
    7: _("seven"),
    8: _("eight"),
    9: _("nine"),
}
SUM = re.compile(r"^(\d)\+(\d)$")
# Seconds a person needs at least to hear the question and type two digits.
QUESTION_DELAY = 5
_random = random.SystemRandom()


class ImageCaptchaInput(CaptchaTextInput):
    """The picture, a button for a new code (shown by comments.js) and the answer box."""

    template_name = "comments/widgets/captcha.html"

    def fetch_captcha_store(self, name, value, attrs=None, generator=None):
        """django-simple-captcha's, with the key taken from a batch written at once."""
        self._key = captcha_key()
        self._value = [self._key, ""]
        self.id_ = self.build_attrs(attrs).get("id", None)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["image_2x"] = reverse("captcha-image-2x", kwargs={"key": self._key})
        context["refresh_url"] = self.refresh_url()
        return context


class ImageCaptchaField(CaptchaField):
    def __init__(self, **kwargs):
        super().__init__(
            widget=ImageCaptchaInput(),
            error_messages={
                "invalid": _(
                    "The code is wrong or has expired. Type the new code from the picture."
                )
            },
            **kwargs,
        )


def question_create() -> tuple[str, str]:
    """A new question: its CaptchaStore key and its text in the current language."""
    a, b = _random.randint(1, 9), _random.randint(1, 9)
    store = CaptchaStore.objects.create(challenge=f"{a}+{b}", response=str(a + b))
    return store.hashkey, question_text(a, b)


def question_text(a: int, b: int) -> str:
    # The sentence may begin with a number word ("төрт қосу үш…").
    return capfirst(
        gettext("How much is %(a)s plus %(b)s? Answer in digits.")
        % {"a": NUMBER_WORDS[a], "b": NUMBER_WORDS[b]}
    )


class QuestionInput(forms.MultiWidget):
    """Hidden key and the answer box for the question the view gave this reader
    (``question``: key and text); rendering never makes a question by itself."""

    template_name = "comments/widgets/question.html"
    question: tuple[str, str] = ("", "")

    def __init__(self, attrs=None):
        super().__init__(
            [
                forms.HiddenInput(),
                forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            ],
            attrs,
        )

    def decompress(self, value):
        return value or [None, None]

    def get_context(self, name, value, attrs):
        key, text = self.question
        context = super().get_context(name, [key, ""], attrs)
        context["question"] = text
        answer = context["widget"]["subwidgets"][1]["attrs"]
        answer["aria-describedby"] = f"{answer.get('id', name)}_text"
        return context

    def id_for_label(self, id_):
        return f"{id_}_1" if id_ else id_


class QuestionField(forms.MultiValueField):
    widget = QuestionInput

    def __init__(self, **kwargs):
        super().__init__(
            fields=[forms.CharField(), forms.CharField()],
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list):
        return data_list

    def clean(self, value):
        key, answer = (value or [None, None])[:2]
        answer = (answer or "").strip()
        if not answer:
            return None
        CaptchaStore.remove_expired()
        store = CaptchaStore.objects.filter(
            hashkey=key or "", expiration__gt=timezone.now()
        ).first()
        if store is not None:
            store.delete()
        if store is not None and timezone.now() < question_issued(store) + timedelta(
            seconds=QUESTION_DELAY
        ):
            raise ValidationError(
                gettext(
                    "The answer came sooner than a person can listen to the question. Answer the new question."
                ),
                code="too_soon",
            )
        if store is None or not SUM.match(store.challenge) or store.response != answer:
            raise ValidationError(
                gettext(
                    "The answer is wrong or the question has expired. Answer the new question."
                ),
                code="wrong",
            )
        return answer


def question_issued(store: CaptchaStore):
    """When the question was given: CaptchaStore keeps only when it expires."""
    return store.expiration - timedelta(minutes=captcha_settings.CAPTCHA_TIMEOUT)
