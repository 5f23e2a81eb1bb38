import re
from datetime import timedelta

from captcha.models import CaptchaStore

ARTICLE = "/news/elbasy-library-information-resources-session/"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def page_html(client, url: str = ARTICLE) -> str:
    return client.get(url, HTTP_USER_AGENT=FIREFOX).content.decode()


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def captcha_answer(hashkey: str) -> str:
    """The real answer behind the picture the reader was shown (no mocking of the CAPTCHA)."""
    return CaptchaStore.objects.get(hashkey=hashkey).response


def comment_data(html: str, *, answer: str | None = None, **fields: str) -> dict:
    """The form as a reader fills it in on the page whose HTML is given."""
    key = hidden(html, "captcha_0")
    data = {
        "content_type": hidden(html, "content_type"),
        "object_id": hidden(html, "object_id"),
        "next": hidden(html, "next"),
        "name": "Айгүл Серікқызы",
        "email": "aigul.private@example.org",
        "body": "Көрме өте қызықты болды, рахмет!",
        "website": "",
        "captcha_0": key,
        "captcha_1": captcha_answer(key) if answer is None else answer,
        "question_0": "",
        "question_1": "",
    }
    data.update(fields)
    return data


RU_NUMBERS = [
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
]
KK_NUMBERS = ["бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]


def ask_question(client, html: str, url: str = "/comments/post/", **extra) -> str:
    """Press "Get a question instead" on the form in ``html``; the form page comes back."""
    data = comment_data(html, answer="")
    data["question_ask"] = "1"
    return client.post(url, data, **extra).content.decode()


def let_question_age(html: str, seconds: int = 6) -> None:
    """As if the reader listened to the question for ``seconds`` (its store row is
    moved back in time, the way an expired code is made in test_posting)."""
    key = hidden(html, "question_0")
    store = CaptchaStore.objects.get(hashkey=key)
    store.expiration -= timedelta(seconds=seconds)
    store.save()
