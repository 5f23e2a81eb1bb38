"""The client's address behind proxies, and limits per address."""

from django.test import RequestFactory, override_settings

from mura.portal.ratelimit import address_hash, client_address, client_ip, rate_limited


def request(remote="10.0.0.1", forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_proxies_the_forwarded_header_is_ignored():
    assert client_address(request(forwarded="203.0.113.9")) == "10.0.0.1"


@override_settings(MURA_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_saw_counts_not_what_the_client_claims():
    assert client_address(request(forwarded="203.0.113.9")) == "203.0.113.9"
    spoofed = request(forwarded="1.2.3.4, 203.0.113.9")
    assert client_address(spoofed) == "203.0.113.9"
    assert client_address(request()) == "10.0.0.1"


def test_the_hash_tells_addresses_apart_and_holds_no_address():
    one, other = address_hash(request("10.0.0.1")), address_hash(request("10.0.0.2"))
    assert one != other and "10.0.0.1" not in one


@override_settings(MURA_RATELIMITS=True)
def test_a_limit_counts_per_address_and_scope():
    limits = ((3, 60),)
    assert [rate_limited(request(), "test-a", limits) for _ in range(4)] == [
        False,
        False,
        False,
        True,
    ]
    assert not rate_limited(request("10.0.0.9"), "test-a", limits)
    assert not rate_limited(request(), "test-b", limits)


def test_an_address_that_is_not_one_is_given_to_axes_as_none():
    assert client_ip(request("203.0.113.9")) == "203.0.113.9"
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="")) is None
