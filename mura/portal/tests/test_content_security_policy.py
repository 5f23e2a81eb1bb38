"""The Content-Security-Policy header, built once per process from the settings
(``ContentSecurityPolicyMiddleware``), is the one django-csp builds: for every page, a
page a view's decorator changes, a page that takes a nonce, and after a settings change."""

from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE, SELF
from csp.decorators import csp_exempt, csp_update
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory

from mura.portal.middleware import ContentSecurityPolicyMiddleware

requests = RequestFactory()


def page(request):
    return HttpResponse("page")


def served(view, path: str = "/news/"):
    middleware = ContentSecurityPolicyMiddleware(view)
    return middleware(requests.get(path))


def test_a_page_gets_the_policy_of_the_settings():
    response = served(page)
    assert response[HEADER] == build_policy()
    assert "script-src 'self';" in response[HEADER]
    assert "unsafe-inline" not in response[HEADER]
    assert HEADER_REPORT_ONLY not in response


def test_a_views_decorator_still_changes_its_own_pages_policy():
    updated = served(csp_update({"img-src": ["https://tiles.example"]})(page))
    assert "img-src 'self' data: https://tiles.example" in updated[HEADER]
    assert HEADER not in served(csp_exempt()(page))
    # ... and the next page has the settings' policy again.
    assert served(page)[HEADER] == build_policy()


def test_a_page_that_takes_a_nonce_has_it_in_its_policy(settings):
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {"script-src": [SELF, NONCE]},
    }

    def with_nonce(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')

    response = served(with_nonce)
    nonce = response.content.decode().split('"')[1]
    assert f"script-src 'self' 'nonce-{nonce}'" in response[HEADER]
    assert "nonce" not in served(page)[HEADER]


def test_the_admin_is_left_without_it():
    assert HEADER not in served(page, "/admin/pages/")


def test_a_settings_change_changes_the_policy(settings):
    served(page)
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {"default-src": ["'none'"]},
    }
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": {"default-src": ["'self'"]}
    }
    response = served(page)
    assert response[HEADER] == "default-src 'none'"
    assert response[HEADER_REPORT_ONLY] == "default-src 'self'"
