"""The question instead of the picture: a blind reader can comment with it, a script
cannot use it to post more than a trickle."""

import re

from captcha.models import CaptchaStore

from mura.comments.models import Comment
from mura.comments.tests.helpers import (
    ARTICLE,
    KK_NUMBERS,
    RU_NUMBERS,
    ask_question,
    comment_data,
    hidden,
    let_question_age,
    page_html,
)

RU_QUESTION = re.compile(r"Сколько будет (\S+) плюс (\S+)\? Ответьте цифрами\.")


def answer_ru(html: str) -> str:
    first, second = RU_QUESTION.search(html).groups()
    return str(RU_NUMBERS.index(first) + RU_NUMBERS.index(second) + 2)


def answer_data(html: str, answer: str, **fields: str) -> dict:
    return comment_data(
        html,
        answer="",
        question_0=hidden(html, "question_0"),
        question_1=answer,
        **fields,
    )


def test_the_page_gives_no_question_until_the_reader_asks(client, article):
    html = page_html(client)
    assert "Суретті көре алмайсыз ба? Оның орнына сұрақ алыңыз" in html
    assert 'name="question_ask"' in html
    assert 'name="question_1"' not in html
    assert not CaptchaStore.objects.filter(challenge__contains="+").exists()


def test_a_blind_reader_asks_for_a_question_and_comments_with_it(client, article):
    html = page_html(client, "/ru" + ARTICLE)
    asked = client.post(
        "/ru/comments/post/",
        {**comment_data(html, answer="", body="Мой отзыв"), "question_ask": "1"},
    ).content.decode()
    assert "Мой отзыв</textarea>" in asked, "the text typed so far is kept"
    assert asked.count("вместо картинки") == 1, (
        "the question once, without a second heading"
    )
    label = re.search(r'<label for="([^"]+)">Вопрос вместо картинки</label>', asked)
    answer_box = re.search(rf'<input[^>]*id="{label.group(1)}"[^>]*>', asked).group(0)
    assert 'aria-describedby="id_question_1_text"' in answer_box
    assert 'id="id_question_1_text">Сколько будет' in asked
    assert "Прослушайте вопрос до конца" in asked
    let_question_age(asked)
    response = client.post(
        "/ru/comments/post/", answer_data(asked, answer_ru(asked), body="Мой отзыв")
    )
    assert response.status_code == 302
    assert Comment.objects.get().body == "Мой отзыв"


def test_the_question_is_asked_in_kazakh_on_kazakh_pages(client, article):
    asked = ask_question(client, page_html(client))
    first, second = re.search(
        r">(\S+) қосу (\S+) неше болады\? Жауабын цифрмен жазыңыз\.", asked
    ).groups()
    assert first[0].isupper(), "the sentence begins with a capital"
    assert first.lower() in KK_NUMBERS and second in KK_NUMBERS


def test_an_answer_sent_at_once_is_refused_and_a_new_question_given(client, article):
    asked = ask_question(
        client, page_html(client, "/ru" + ARTICLE), "/ru/comments/post/"
    )
    response = client.post("/ru/comments/post/", answer_data(asked, answer_ru(asked)))
    html = response.content.decode()
    assert "Ответ пришёл раньше, чем человек успел бы прослушать вопрос." in html
    assert hidden(html, "question_0") != hidden(asked, "question_0")
    assert Comment.objects.count() == 0


def test_a_wrong_answer_is_refused_with_the_text_kept(client, article):
    asked = ask_question(client, page_html(client))
    let_question_age(asked)
    response = client.post(
        "/comments/post/", answer_data(asked, "100", body="Менің пікірім")
    )
    html = response.content.decode()
    assert "Жауап қате немесе сұрақтың мерзімі өтіп кеткен." in html
    assert "Менің пікірім</textarea>" in html
    assert Comment.objects.count() == 0


def test_an_address_gets_three_questions_in_ten_minutes(client, article):
    html = page_html(client, "/ru" + ARTICLE)
    for _ in range(3):
        assert 'name="question_1"' in ask_question(client, html, "/ru/comments/post/")
    refused = client.post(
        "/ru/comments/post/",
        {**comment_data(html, answer="", body="Мой текст"), "question_ask": "1"},
    )
    text = refused.content.decode()
    assert refused.status_code == 429
    assert "Ваш адрес уже получил столько вопросов, сколько можно" in text
    assert "Мой текст</textarea>" in text
    other = ask_question(client, html, "/ru/comments/post/", REMOTE_ADDR="198.51.100.4")
    assert 'name="question_1"' in other, "another address is not affected"


def test_three_wrong_answers_stop_questions_for_the_address(client, article, settings):
    html = page_html(client)
    asked = ask_question(client, html)
    for _ in range(3):
        let_question_age(asked)
        asked = client.post(
            "/comments/post/", answer_data(asked, "100")
        ).content.decode()
    assert 'name="question_1"' not in asked
    assert ask_question(client, html).count('name="question_1"') == 0
    assert Comment.objects.count() == 0


def script_attack(client, *, listens_for: int) -> int:
    """The "ten lines of script" of issue 12: read the sum in words, answer in digits
    (after ``listens_for`` seconds), 30 times from one address; returns how many
    comments got through."""
    attacker = {"REMOTE_ADDR": "203.0.113.66"}
    for number in range(30):
        html = page_html(client, "/ru" + ARTICLE)
        asked = ask_question(client, html, "/ru/comments/post/", **attacker)
        if not RU_QUESTION.search(asked):
            continue
        if listens_for:
            let_question_age(asked, listens_for)
        data = answer_data(asked, answer_ru(asked), body=f"Спам №{number}")
        client.post("/ru/comments/post/", data, **attacker)
    return Comment.objects.count()


def test_a_script_answering_at_once_gets_no_comment_through(client, article):
    assert script_attack(client, listens_for=0) == 0


def test_a_script_that_waits_gets_two_of_thirty_comments_through(client, article):
    assert script_attack(client, listens_for=6) == 2
