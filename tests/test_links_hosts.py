"""DOI and GitHub links are checked through their APIs (local stand-ins here).

arXiv links have their own tests (tests/test_links_arxiv_api.py) against the fake arXiv API.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from awesome.links import hosts
from awesome.links.checker import check_urls
from awesome.links.jobs import CheckSettings
from awesome.links.safety import AddressPolicy, Resolver
from awesome.links.verdict import LinkResult, Verdict
from tests.fault_server import FaultServer


@pytest.fixture
def api() -> Iterator[FaultServer]:
    running = FaultServer("127.0.0.3").start()
    running.dois = {"10.1000/exists"}
    running.repos = {"octo/live": {"archived": False}, "octo/old": {"archived": True}}
    running.renamed = {"octo/before": "octo/after"}
    running.repos["octo/after"] = {"archived": False}
    yield running
    running.stop()


def settings_for(api: FaultServer, **changes: object) -> CheckSettings:
    base = CheckSettings(
        timeout=0.5,
        deadline=2.0,
        backoff=0.05,
        host_interval=0.0,
        doi_api=api.url("/handles"),
        github_api=api.url(""),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def check(
    urls: list[str], settings: CheckSettings, resolve_map: dict[str, list[str]] | None = None
) -> dict[str, LinkResult]:
    # Only the API server's address counts as public: any request to the real arxiv.org,
    # doi.org or github.com would be refused (and answered from a map, never from DNS).
    policy = AddressPolicy(exempt=frozenset({"127.0.0.3"}))
    table = resolve_map or {}

    def resolve(host: str, port: int) -> list[str]:
        return table.get(host, ["127.0.0.9"])

    results = check_urls(urls, settings, policy, Resolver(("localhost",), resolve))
    return {r.url: r for r in results}


def test_dois_are_asked_of_the_handle_api(api: FaultServer) -> None:
    urls = ["https://doi.org/10.1000/exists", "https://dx.doi.org/10.1000/missing"]
    results = check(urls, settings_for(api))
    assert results[urls[0]].verdict is Verdict.OK
    assert results[urls[1]].verdict is Verdict.DEAD
    assert api.hits["/handles/10.1000/exists"] == 1


def test_github_repositories_through_the_api(api: FaultServer) -> None:
    live, old = "https://github.com/octo/live", "https://github.com/octo/old"
    moved, gone = "https://github.com/octo/before", "https://github.com/octo/gone"
    results = check([live, old, moved, gone], settings_for(api))
    assert results[live].verdict is Verdict.OK and results[live].note is None
    assert results[old].verdict is Verdict.OK and results[old].note == "archived repository"
    assert results[moved].verdict is Verdict.OK
    assert results[moved].final_url == "https://github.com/octo/after"
    assert results[gone].verdict is Verdict.DEAD


def test_the_github_token_goes_to_the_api_host_only(api: FaultServer) -> None:
    settings = settings_for(api, github_token="s3cret")
    check(["https://github.com/octo/live", api.url("/ok")], settings)
    sent = {path: headers.get("Authorization") for _, path, headers in api.log}
    assert sent["/repos/octo/live"] == "Bearer s3cret"
    assert sent["/ok"] is None


def test_spent_github_rate_limit_falls_back_to_the_page(api: FaultServer) -> None:
    api.github_rate_limited = True
    urls = ["https://github.com/octo/live", "https://github.com/octo/old"]
    # github.com "resolves" to a loopback address that is not exempt: the page check is
    # refused before any connection, which proves the fallback without leaving the machine
    settings = settings_for(api, host_concurrency=1)  # the second asks after the first's answer
    results = check(urls, settings, {"github.com": ["127.0.0.7"]})
    assert all("refused: 127.0.0.7" in r.reason for r in results.values())
    assert api.hits["/repos/octo/live"] + api.hits["/repos/octo/old"] == 1


@pytest.mark.parametrize(
    ("url", "repo"),
    [
        ("https://github.com/octo/live", ("octo", "live")),
        ("https://github.com/octo/live/", ("octo", "live")),
        ("https://www.github.com/octo/live.git", ("octo", "live")),
        ("https://github.com/octo/live/issues", None),
        ("https://github.com/topics/llm", None),
        ("https://github.com/octo", None),
        ("https://gitlab.com/octo/live", None),
    ],
)
def test_github_repository_links_are_recognised(url: str, repo: tuple[str, str] | None) -> None:
    assert hosts.github_repo(url) == repo


def test_doi_links_are_recognised() -> None:
    assert hosts.doi_of_url("https://doi.org/10.1145/3292500.3330701") == "10.1145/3292500.3330701"
    assert hosts.doi_of_url("https://dx.doi.org/10.1000%2Fx") == "10.1000/x"
    assert hosts.doi_of_url("https://doi.org/") is None
    assert hosts.doi_of_url("https://example.org/10.1000/x") is None


def test_special_hosts_are_never_fetched_directly(api: FaultServer) -> None:
    urls = ["https://doi.org/10.1000/exists", "https://github.com/octo/live"]
    results = check(urls, settings_for(api))
    # a direct fetch would have resolved to 127.0.0.9 and been refused
    assert all(r.verdict is Verdict.OK for r in results.values())


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://GitHub.COM/Octo/Live",
        "https://ARXIV.org/abs/2101.00001",
        "http://export.arxiv.org/pdf/2101.00001v2",
        "http://XXX.lanl.gov/abs/hep-th/9901001",
        "https://dx.DOI.org/10.1000/x",
        "https://doi.org/10.48550/arXiv.2101.00001",
        "https://git\thub.com/octo/live",  # urlsplit drops the tab: github.com
        "https://user@github.com:443/octo/live",
    ],
)
def test_the_cheap_prefilter_keeps_every_special_link(url: str) -> None:
    recognisers = (hosts.arxiv_id, hosts.doi_of_url, hosts.github_repo)
    assert any(recognise(url) is not None for recognise in recognisers)
    assert hosts.maybe_special(url)


def test_the_cheap_prefilter_lets_ordinary_links_skip_the_recognisers() -> None:
    assert not hosts.maybe_special("https://example.org/papers/attention.pdf")
    assert not hosts.maybe_special("http://127.0.0.2:8080/page/17")
