"""The address of the request being served, for the log entries it causes."""

from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

from mura.portal.ratelimit import client_ip

_address: ContextVar[str | None] = ContextVar("mura_audit_address", default=None)


def current_address() -> str | None:
    """The client address of the request in progress; None in a command or a task."""
    return _address.get()


class AuditAddressMiddleware:
    """Remembers the client's address while a request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _address.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _address.reset(token)
