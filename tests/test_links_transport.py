"""The adapter's shortcuts give what requests itself computes, URL by URL."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from requests import PreparedRequest

from awesome.links.safety import AddressPolicy
from awesome.links.transport import InflightSockets, guarded_adapter, url_origin

URLS = [
    "http://a.example",
    "http://a.example?x=1",
    "http://a.example/p?q#f",
    "https://A.example:8443/x/../y?",
    "http://a.example/p;par?q=1",
    "http://u:p@a.example/x",
    "http://a.example/\u00fc?\u00e4=1#frag",
    "http://a.example/%7Euser",
    "http://a.example#only",
    "http://[::1]:8080/x",
    "http://a.example/a b",
    "http://b\u00fccher.example/x",
    "http://a.example/./x/?y",
]


def prepared(url: str) -> PreparedRequest:
    request = PreparedRequest()
    request.prepare_url(url, None)
    return request


@pytest.mark.parametrize("url", URLS)
def test_the_request_path_is_requests_own(url: str) -> None:
    adapter = guarded_adapter(AddressPolicy(), InflightSockets(), 4, 1)
    request = prepared(url)
    assert adapter.request_url(request, {}) == request.path_url


@pytest.mark.parametrize("url", URLS)
def test_the_origin_is_what_urlsplit_reads(url: str) -> None:
    origin = url_origin(url)
    parts = urlsplit(url)
    assert origin == f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("url", ["ftp://a.example/x", "http://a.\texample/", "mailto:x@y.z"])
def test_unusual_urls_have_no_origin_and_take_the_long_way(url: str) -> None:
    assert url_origin(url) is None


def test_the_pool_is_the_one_requests_would_pick() -> None:
    adapter = guarded_adapter(AddressPolicy(), InflightSockets(), 4, 1)
    for url in ("https://a.example/x", "https://a.example/y?z", "http://a.example:8080/"):
        request = prepared(url)
        fast = adapter.get_connection_with_tls_context(request, True)
        slow = adapter.get_connection_with_tls_context(request, True, {"no": "proxy"})
        assert fast is slow
