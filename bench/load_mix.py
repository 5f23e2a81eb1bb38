"""A realistic mix of readers for locust (headless, 127.0.0.1 only; run by
bench/page_speed.py, or alone:
``locust -f bench/load_mix.py --headless -u 16 -r 8 -t 30s --host http://127.0.0.1:8106``).

Each simulated reader has a browser of their own (their own User-Agent and address, so
their visits are counted once a day like a person's), reads the home page, the news,
articles in Kazakh and Russian, searches in Kazakh, informal Latin and Russian, opens
catalogue records and events and calls the API; a few post a comment (with a CAPTCHA answer a
script cannot know, so the form comes back refused, as for a mistyped code) or register
for an event. Requests are named by kind, so the report gives errors and latency per kind."""

import random
import re
import uuid
from html.parser import HTMLParser

from locust import HttpUser, between, events, task

ARTICLES = (
    "/news/elbasy-library-information-resources-session/",
    "/news/international-forum-toraighyrov-library-125/",
)
SEARCHES = {
    "kk": ("кітап", "Абай", "қолжазба", "мұрағат", "өлеңдер"),
    "latin": ("kitap", "Abai", "qoljazba", "Kazakhstan"),
    "ru": ("книга", "история", "рукопись", "Абай"),
}
LINK = re.compile(r'href="(/(?:ru/)?(?:catalog/items|events)/[\w-]+/)"')
ALLOWED_HOST = re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?$")


class FormFields(HTMLParser):
    """The fields of the page's POST forms as a browser would send them untouched."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in {"checkbox", "radio"}:
                self.fields.setdefault(name, attributes.get("value", "on"))
            elif kind != "submit":
                self.fields.setdefault(name, attributes.get("value", ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            if "selected" in attributes or self._select not in self.fields:
                self.fields[self._select] = attributes.get("value", "")
        elif tag == "textarea" and name:
            self.fields.setdefault(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_fields(html: str) -> dict[str, str]:
    parser = FormFields()
    parser.feed(html)
    return parser.fields


@events.test_start.add_listener
def only_this_machine(environment, **kwargs):
    if not ALLOWED_HOST.match(environment.host or ""):
        raise SystemExit("The load test runs against 127.0.0.1 only.")


class Reader(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        self.client.headers["User-Agent"] = (
            f"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 reader/{uuid.uuid4().hex[:8]}"
        )
        # The reader's own address, as a reverse proxy in front reports it: a server
        # told of one proxy (MURA_PROXY_COUNT=1, as bench/load_run.py starts it) limits
        # and counts each reader apart instead of all at 127.0.0.1.
        self.client.headers["X-Forwarded-For"] = (
            f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}"
        )
        self.items: list[str] = []
        self.events: list[str] = []
        page = self.client.get("/catalog/?kind=book", name="catalogue browse")
        self.items = [url for url in LINK.findall(page.text) if "/items/" in url]
        page = self.client.get("/events/", name="events list")
        self.events = [
            url
            for url in LINK.findall(page.text)
            if "/events/" in url and not url.endswith("/calendar/")
        ]

    @task(8)
    def home(self):
        self.client.get(random.choice(("/", "/ru/")), name="home")

    @task(4)
    def news_list(self):
        self.client.get(random.choice(("/news/", "/ru/news/")), name="news list")

    @task(16)
    def article(self):
        prefix = random.choice(("", "/ru"))
        self.client.get(prefix + random.choice(ARTICLES), name="article")

    @task(6)
    def search(self):
        kind = random.choice(tuple(SEARCHES))
        prefix = "/ru" if kind == "ru" else ""
        self.client.get(
            f"{prefix}/search/",
            params={"q": random.choice(SEARCHES[kind])},
            name=f"search ({kind})",
        )

    @task(8)
    def item(self):
        if self.items:
            self.client.get(random.choice(self.items), name="catalogue item")

    @task(4)
    def event(self):
        if self.events:
            self.client.get(random.choice(self.events), name="event")

    @task(4)
    def api(self):
        path = random.choice(
            ("/api/v1/news", "/api/v1/resources?limit=20", "/api/v1/events")
        )
        self.client.get(path, name="api")

    @task(1)
    def comment(self):
        page = self.client.get(ARTICLES[0], name="article")
        data = form_fields(page.text)
        data.update(
            name="Оқырман",
            email="reader@example.org",
            body="Жақсы мақала, рахмет!",
            captcha_1="WRONG",
        )
        with self.client.post(
            "/comments/post/",
            data=data,
            headers={"Referer": self.host + ARTICLES[0]},
            name="comment (CAPTCHA refused)",
            catch_response=True,
        ) as response:
            if response.status_code in {200, 400}:
                response.success()

    @task(1)
    def register(self):
        if not self.events:
            return
        address = random.choice(self.events) + "register/"
        page = self.client.get(address, name="registration form")
        if page.status_code != 200:
            return
        data = form_fields(page.text)
        if "csrfmiddlewaretoken" not in data:  # registration closed: no form to send
            return
        data.update(
            name="Айгүл Серікқызы",
            organisation="Облыстық кітапхана",
            email=f"reader-{uuid.uuid4().hex[:10]}@example.org",
            consent="on",
        )
        with self.client.post(
            address,
            data=data,
            headers={"Referer": self.host + address},
            name="registration",
            catch_response=True,
        ) as response:
            # Registered, on the waiting list, or refused with the form: all proper answers.
            if response.status_code in {200, 302, 400, 409}:
                response.success()
