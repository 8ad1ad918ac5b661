"""arXiv links through the shared arXiv client, against the fake arXiv API on 127.0.0.1."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from awesome.arxiv_client import ClientSettings
from awesome.errors import LinkCheckError
from awesome.links.checker import check_urls
from awesome.links.jobs import CheckSettings
from awesome.links.safety import AddressPolicy, Resolver
from awesome.links.verdict import LinkResult, Verdict
from tests.fake_arxiv import FakeArxiv, quick_settings, serve
from tests.fault_server import FaultServer

SNAPSHOT = Path(__file__).parent / "data" / "arxiv" / "snapshot.json"
KNOWN, OTHER = "1706.03741", "1905.00537"  # both in the snapshot, at version 1 in the fake
# 127.0.0.1 (the fake API) and 127.0.0.2 (ordinary pages) play public hosts; anything else
# resolves to 127.0.0.9, which is refused, so a direct fetch of arxiv.org would show.
POLICY = AddressPolicy(exempt=frozenset({"127.0.0.1", "127.0.0.2"}))


@pytest.fixture
def fake() -> Iterator[FakeArxiv]:
    yield from serve(SNAPSHOT)


@pytest.fixture
def pages() -> Iterator[FaultServer]:
    running = FaultServer("127.0.0.2").start()
    yield running
    running.stop()


def settings_for(fake: FakeArxiv, **arxiv: float) -> CheckSettings:
    deadline = arxiv.pop("deadline", 2.0)
    client = quick_settings(fake, **{"timeout": 0.5, "retries": 2, "backoff": 0.05, **arxiv})
    return CheckSettings(timeout=0.5, deadline=deadline, host_interval=0.0,
                         arxiv=client)  # fmt: skip


def public_resolver(answer: list[str] | None = None) -> Resolver:
    def resolve(host: str, port: int) -> list[str]:
        return answer or ["127.0.0.9"]

    return Resolver(("localhost",), resolve)


def check(
    urls: list[str], settings: CheckSettings, policy: AddressPolicy = POLICY
) -> dict[str, LinkResult]:
    results = check_urls(urls, settings, policy, public_resolver())
    return {r.url: r for r in results}


def test_known_ids_are_ok_and_unknown_ids_dead_in_one_request(fake: FakeArxiv) -> None:
    fake.unknown.add(OTHER)
    urls = [
        f"https://arxiv.org/abs/{KNOWN}",
        f"https://arxiv.org/pdf/{KNOWN}v1.pdf",
        f"http://export.arxiv.org/abs/{KNOWN}",
        f"https://arxiv.org/abs/{OTHER}",
        "https://arxiv.org/abs/2101.00001",
    ]
    results = check(urls, settings_for(fake))
    assert [results[u].verdict for u in urls] == [Verdict.OK] * 3 + [Verdict.DEAD] * 2
    assert results[urls[3]].reason == "arXiv does not know this id (arXiv API)"
    assert fake.count == 1
    # asked once per paper, without versions
    assert sorted(fake.requests[0]["id_list"].split(",")) == sorted([KNOWN, OTHER, "2101.00001"])


def test_a_version_arxiv_never_had_is_dead(fake: FakeArxiv) -> None:
    url = f"https://arxiv.org/abs/{KNOWN}v7"
    result = check([url], settings_for(fake))[url]
    assert result.verdict is Verdict.DEAD
    assert result.reason == f"arXiv has no version v7 of {KNOWN} (latest v1)"


def test_5xx_after_the_retries_is_unknown(fake: FakeArxiv) -> None:
    fake.fail(503, times=3)
    url = f"https://arxiv.org/abs/{KNOWN}"
    result = check([url], settings_for(fake, retries=2))[url]
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason.startswith("arXiv API: giving up after 3 tries: HTTP 503")
    assert fake.count == 3


def test_a_passing_429_is_retried_then_ok(fake: FakeArxiv) -> None:
    fake.fail(429, retry_after="1")
    url = f"https://arxiv.org/abs/{KNOWN}"
    result = check([url], settings_for(fake, deadline=3.0))[url]
    assert result.verdict is Verdict.OK
    assert fake.times[1] - fake.times[0] >= 0.95


def test_a_retry_after_beyond_the_deadline_is_unknown_at_once(fake: FakeArxiv) -> None:
    fake.fail(429, retry_after="20")
    url = f"https://arxiv.org/abs/{KNOWN}"
    started = time.monotonic()
    result = check([url], settings_for(fake))[url]
    assert time.monotonic() - started < 1.0
    assert result.verdict is Verdict.UNKNOWN
    assert "HTTP 429" in result.reason and "would pass the deadline" in result.reason
    assert fake.count == 1


def test_an_api_that_never_answers_is_unknown_within_the_deadline(fake: FakeArxiv) -> None:
    fake.hang(times=5)
    url = f"https://arxiv.org/abs/{KNOWN}"
    started = time.monotonic()
    result = check([url], settings_for(fake, timeout=0.4, deadline=1.5))[url]
    assert time.monotonic() - started < 1.5 + 0.5
    assert result.verdict is Verdict.UNKNOWN
    assert "no answer within 0.4 s" in result.reason


def test_an_answer_that_is_not_atom_is_unknown(fake: FakeArxiv) -> None:
    fake.answer(b"<html><body>Proxy login</body></html>", content_type="text/html")
    url = f"https://arxiv.org/abs/{KNOWN}"
    result = check([url], settings_for(fake))[url]
    assert result.verdict is Verdict.UNKNOWN
    assert "not an Atom feed" in result.reason


def test_after_a_failed_batch_the_others_are_not_asked(fake: FakeArxiv) -> None:
    fake.fail(500, times=2)
    urls = [f"https://arxiv.org/abs/{KNOWN}", f"https://arxiv.org/abs/{OTHER}"]
    results = check(urls, settings_for(fake, retries=1, batch_size=1))
    assert all(r.verdict is Verdict.UNKNOWN for r in results.values())
    assert fake.count == 2  # the first batch and its one retry
    reasons = sorted(r.reason for r in results.values())
    assert reasons[1].startswith("arXiv API: not asked after an earlier batch failed")


def test_batches_run_alongside_the_other_links(fake: FakeArxiv, pages: FaultServer) -> None:
    ids = [KNOWN, OTHER]
    urls = [f"https://arxiv.org/abs/{i}" for i in ids]
    urls += [pages.url(f"/sleep?ms=50&n={i}") for i in range(6)]
    settings = settings_for(fake, interval=0.6, batch_size=1)
    results = check(urls, replace(settings, host_concurrency=2))
    assert all(r.verdict is Verdict.OK for r in results.values())
    first, second = fake.times
    assert second - first >= 0.55  # the client's interval between batches
    # every ordinary page was asked while arXiv was still waiting for its second batch
    assert max(pages.starts("/sleep")) < second


def test_the_api_host_passes_the_address_policy(fake: FakeArxiv) -> None:
    url = f"https://arxiv.org/abs/{KNOWN}"
    result = check([url], settings_for(fake), AddressPolicy())[url]
    assert result.verdict is Verdict.UNKNOWN
    assert "refused: 127.0.0.1 is a loopback address" in result.reason
    assert fake.count == 0


def test_an_unresolvable_api_host_on_an_offline_machine_ends_the_run() -> None:
    def nothing_resolves(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    settings = CheckSettings(arxiv=ClientSettings(api="http://arxiv-api.invalid/api/query"))
    with pytest.raises(LinkCheckError, match="network is unreachable"):
        check_urls(
            ["https://arxiv.org/abs/1706.03741"],
            settings,
            POLICY,
            Resolver(("also.invalid",), nothing_resolves),
        )


def test_without_special_hosts_arxiv_pages_are_fetched(fake: FakeArxiv) -> None:
    url = f"https://arxiv.org/abs/{KNOWN}"
    result = check([url], replace(settings_for(fake), special_hosts=False))[url]
    assert "refused: 127.0.0.9" in result.reason
    assert fake.count == 0
