"""The checker against a local fault server: every URL gets the right verdict in time."""

from __future__ import annotations

import base64
import email.utils
import itertools
import math
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import quote

import pytest

from awesome.errors import LinkCheckError
from awesome.links.checker import check_urls
from awesome.links.jobs import CheckSettings
from awesome.links.safety import AddressPolicy, Resolver
from awesome.links.verdict import LinkResult, Verdict
from tests.fault_server import HUGE, FaultServer

FAST = CheckSettings(
    timeout=0.5,
    deadline=1.5,
    backoff=0.05,
    backoff_cap=0.2,
    retry_after_cap=2.0,
    host_interval=0.0,
    special_hosts=False,
)
OPEN = AddressPolicy(allow_private=True)
WORKING_DNS = ("localhost",)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    running = FaultServer("127.0.0.1").start()
    yield running
    running.stop()


@pytest.fixture
def other() -> Iterator[FaultServer]:
    running = FaultServer("127.0.0.2").start()
    yield running
    running.stop()


def check(
    urls: list[str],
    settings: CheckSettings = FAST,
    policy: AddressPolicy = OPEN,
    probes: tuple[str, ...] = WORKING_DNS,
) -> dict[str, LinkResult]:
    results = check_urls(urls, settings, policy, Resolver(probes))
    return {result.url: result for result in results}


def check_one(url: str, **changes: object) -> LinkResult:
    settings = replace(FAST, **changes)  # type: ignore[arg-type]
    return check([url], settings)[url]


@pytest.mark.parametrize(
    ("path", "verdict", "status", "reason"),
    [
        ("/ok", Verdict.OK, 200, "200 OK"),
        ("/status/404", Verdict.DEAD, 404, "404 Not Found"),
        ("/status/410", Verdict.DEAD, 410, "410 Gone"),
        ("/status/401", Verdict.UNKNOWN, 401, "login"),
        ("/status/403?cloudflare=1", Verdict.UNKNOWN, 403, "Cloudflare"),
        ("/status/403", Verdict.UNKNOWN, 403, "refuses robots"),
        ("/status/999", Verdict.UNKNOWN, 999, "bot wall"),
        ("/status/400", Verdict.UNKNOWN, 400, "400 Bad Request"),
        ("/no-head", Verdict.OK, 200, "200 OK"),
        ("/loop/a", Verdict.DEAD, 302, "redirect loop"),
        ("/redirect/302/12", Verdict.UNKNOWN, 302, "more than 10 redirects"),
        ("/redirect-to?url=ftp://127.0.0.1/x", Verdict.UNKNOWN, 302, "non-http"),
    ],
)
def test_each_answer_gets_its_verdict(
    server: FaultServer, path: str, verdict: Verdict, status: int, reason: str
) -> None:
    result = check_one(server.url(path))
    assert (result.verdict, result.status) == (verdict, status)
    assert reason in result.reason


@pytest.mark.parametrize("code", [301, 302, 307, 308])
def test_redirect_chains_report_the_final_url(server: FaultServer, code: int) -> None:
    result = check_one(server.url(f"/redirect/{code}/3"))
    assert result.verdict is Verdict.OK
    assert result.final_url == server.url("/ok")
    assert [status for status, _ in result.redirects] == [code] * 3


def test_redirect_to_a_dead_page_is_dead(server: FaultServer) -> None:
    result = check_one(server.url("/redirect-to?url=/status/404&code=301"))
    assert result.verdict is Verdict.DEAD
    assert result.reason.startswith("redirect to a dead page: 404")
    assert result.final_url == server.url("/status/404")


def test_accepted_status_codes_count_as_ok(server: FaultServer) -> None:
    result = check_one(server.url("/status/403"), accept=frozenset({403}))
    assert result.verdict is Verdict.OK


def test_429_without_retry_after_is_retried_then_unknown(server: FaultServer) -> None:
    result = check_one(server.url("/status/429"), retries=2)
    assert result.verdict is Verdict.UNKNOWN
    assert "after 3 attempts" in result.reason
    assert server.hits["/status/429"] == 3


def test_retry_after_is_honoured_before_the_retry(server: FaultServer) -> None:
    result = check_one(server.url("/flaky/a/1/429?retry_after=1"))
    assert result.verdict is Verdict.OK
    first, second = server.starts("/flaky/a/1/429")
    assert second - first >= 0.95


def test_retry_after_pauses_the_whole_host(server: FaultServer) -> None:
    urls = [server.url("/flaky/p/1/429?retry_after=1"), server.url("/sleep?ms=300")]
    settings = replace(FAST, host_concurrency=1, deadline=3.0)
    results = check(urls, settings)
    assert all(r.verdict is Verdict.OK for r in results.values())
    paused_at = server.starts("/flaky/p/1/429")[0]
    # the other link waited for the pause although it was never told to slow down itself
    assert server.starts("/sleep")[0] - paused_at >= 0.95


def test_too_long_retry_after_gives_up_at_once(server: FaultServer) -> None:
    started = time.monotonic()
    result = check_one(server.url("/status/429?retry_after=600"))
    assert result.verdict is Verdict.UNKNOWN
    assert "Retry-After 600 s" in result.reason
    assert time.monotonic() - started < 1.0
    assert server.hits["/status/429"] == 1


def test_503_then_200_is_ok_after_a_retry(server: FaultServer) -> None:
    result = check_one(server.url("/flaky/b/1/503"))
    assert result.verdict is Verdict.OK
    assert server.hits["/flaky/b/1/503"] == 2


def test_a_hanging_server_is_unknown_within_the_deadline(server: FaultServer) -> None:
    started = time.monotonic()
    result = check_one(server.url("/hang"), deadline=1.2)
    assert result.verdict is Verdict.UNKNOWN
    assert time.monotonic() - started < 1.2 + 0.5


def test_a_byte_a_tick_server_is_cut_off_at_the_deadline(server: FaultServer) -> None:
    # every byte arrives well within the read timeout, so only the deadline can stop it
    started = time.monotonic()
    result = check_one(server.url("/trickle?every=0.1"), timeout=2.0, deadline=1.0)
    assert result.verdict is Verdict.UNKNOWN
    assert "deadline" in result.reason
    assert time.monotonic() - started < 1.0 + 0.5


def test_a_reset_connection_is_retried_then_unknown(server: FaultServer) -> None:
    result = check_one(server.url("/reset"))
    assert result.verdict is Verdict.UNKNOWN
    assert "reset" in result.reason
    assert server.hits["/reset"] == 3


def test_a_huge_body_is_not_downloaded(server: FaultServer) -> None:
    result = check_one(server.url("/huge"))
    assert result.verdict is Verdict.OK
    time.sleep(0.2)  # let the server notice the closed connection
    assert server.huge_sent < HUGE // 100


def test_a_refused_connection_is_dead(server: FaultServer) -> None:
    port = server.server_address[1]
    server.stop()  # nothing listens on this port any more
    result = check_one(f"http://127.0.0.1:{port}/ok")
    assert result.verdict is Verdict.DEAD
    assert result.reason == "connection refused"


def test_slow_hosts_do_not_hold_up_the_others(server: FaultServer, other: FaultServer) -> None:
    settings = replace(FAST, max_concurrency=4, host_concurrency=2, deadline=1.0)
    urls = [server.url(f"/hang?n={i}") for i in range(2)]
    urls += [other.url(f"/sleep?ms=50&n={i}") for i in range(10)]
    started = time.monotonic()
    results = check(urls, settings)
    assert all(results[u].verdict is Verdict.OK for u in urls[2:])
    assert time.monotonic() - started < 1.0 + 0.5


def test_per_host_concurrency_is_respected(server: FaultServer) -> None:
    settings = replace(FAST, host_concurrency=3)
    check([server.url(f"/sleep?ms=100&n={i}") for i in range(12)], settings)
    assert server.max_active == 3


def test_per_host_interval_spaces_request_starts(server: FaultServer) -> None:
    settings = replace(FAST, host_interval=0.1)
    check([server.url(f"/ok?n={i}") for i in range(5)], settings)
    starts = server.starts("/ok")
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    assert len(starts) == 5
    assert min(gaps) >= 0.09


def test_global_concurrency_is_respected(server: FaultServer, other: FaultServer) -> None:
    settings = replace(FAST, max_concurrency=2, host_concurrency=8)
    urls = [s.url(f"/sleep?ms=100&n={i}") for s in (server, other) for i in range(4)]
    started = time.monotonic()
    check(urls, settings)
    # 8 requests of 100 ms two at a time take 400 ms at least; eight at a time would take 100
    assert time.monotonic() - started >= 0.38
    assert max(server.max_active, other.max_active) <= 2


def test_loopback_is_refused_without_any_request(server: FaultServer) -> None:
    results = check([server.url("/ok"), server.url("/status/404")], policy=AddressPolicy())
    assert all(r.verdict is Verdict.UNKNOWN for r in results.values())
    assert "loopback" in results[server.url("/ok")].reason
    assert server.total == 0


def test_a_name_resolving_to_loopback_is_refused(server: FaultServer) -> None:
    url = f"http://localhost:{server.server_address[1]}/ok"
    result = check([url], policy=AddressPolicy())[url]
    assert result.verdict is Verdict.UNKNOWN
    assert "refused" in result.reason
    assert server.total == 0


def test_a_redirect_to_a_private_address_is_refused(
    server: FaultServer, other: FaultServer
) -> None:
    # 127.0.0.1 plays a public host; its redirect to 127.0.0.2 must not be followed
    policy = AddressPolicy(exempt=frozenset({"127.0.0.1"}))
    url = server.url(f"/redirect-to?url={other.url('/ok')}")
    result = check([url], policy=policy)[url]
    assert result.verdict is Verdict.UNKNOWN
    assert "refused: 127.0.0.2 is a loopback address" in result.reason
    assert server.total == 1
    assert other.total == 0


def test_the_same_redirect_is_followed_with_allow_private(
    server: FaultServer, other: FaultServer
) -> None:
    url = server.url(f"/redirect-to?url={other.url('/ok')}")
    assert check([url])[url].verdict is Verdict.OK
    assert other.total == 1


def test_a_missing_name_is_dead_when_dns_works() -> None:
    url = "http://no-such-host.invalid/page"
    result = check([url], probes=("localhost",))[url]
    assert result.verdict is Verdict.DEAD
    assert "does not exist" in result.reason


def test_nothing_resolving_means_the_network_is_unreachable(server: FaultServer) -> None:
    with pytest.raises(LinkCheckError, match="network is unreachable"):
        check([server.url("/ok"), "http://no-such-host.invalid/"], probes=("also-missing.invalid",))


def test_many_links_finish_and_keep_their_identity(server: FaultServer, other: FaultServer) -> None:
    urls = [s.url(f"/ok?n={i}") for s in (server, other) for i in range(100)]
    results = check(urls)
    assert sorted(results) == sorted(urls)
    assert all(r.verdict is Verdict.OK for r in results.values())


def test_a_tls_failure_is_unknown(server: FaultServer) -> None:
    # https:// to a plain-HTTP server: the handshake fails, which proves nothing about the page
    url = f"https://127.0.0.1:{server.server_address[1]}/ok"
    result = check([url])[url]
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason.startswith("TLS error")


def test_every_fault_at_once_gets_its_verdict_within_the_deadline(server: FaultServer) -> None:
    expected = {
        "/ok": Verdict.OK,
        "/status/404": Verdict.DEAD,
        "/status/410": Verdict.DEAD,
        "/redirect/307/3": Verdict.OK,
        "/loop/a": Verdict.DEAD,
        "/status/429": Verdict.UNKNOWN,
        "/flaky/c/1/503": Verdict.OK,
        "/status/403?cloudflare=1": Verdict.UNKNOWN,
        "/status/999": Verdict.UNKNOWN,
        "/hang": Verdict.UNKNOWN,
        "/trickle?every=0.1": Verdict.UNKNOWN,
        "/reset": Verdict.UNKNOWN,
        "/huge": Verdict.OK,
        "/no-head": Verdict.OK,
    }
    settings = replace(FAST, timeout=2.0, deadline=1.5)
    started = time.monotonic()
    results = check([server.url(path) for path in expected], settings)
    assert time.monotonic() - started < 1.5 + 0.5
    assert {path: results[server.url(path)].verdict for path in expected} == expected
    assert all(r.elapsed <= 1.5 + 0.3 for r in results.values())


# --- what an independent fault server may do ------------------------------------------


def http_date(offset: float) -> str:
    return quote(email.utils.formatdate(time.time() + offset, usegmt=True))


def test_retry_after_as_an_http_date_is_honoured(server: FaultServer) -> None:
    when = math.floor(time.time()) + 1  # an HTTP date has whole seconds: the next one
    date = quote(email.utils.formatdate(when, usegmt=True))
    result = check_one(server.url(f"/flaky/d/1/503?retry_after={date}"), deadline=3.0)
    assert result.verdict is Verdict.OK
    _, second = server.starts("/flaky/d/1/503")
    assert second + (time.time() - time.monotonic()) >= when - 0.02  # not before that date


def test_an_http_date_in_the_past_means_retry_now(server: FaultServer) -> None:
    result = check_one(server.url(f"/flaky/e/1/429?retry_after={http_date(-60)}"))
    assert result.verdict is Verdict.OK
    assert server.hits["/flaky/e/1/429"] == 2


def test_an_http_date_far_ahead_is_capped_not_awaited(server: FaultServer) -> None:
    started = time.monotonic()
    result = check_one(server.url(f"/status/429?retry_after={http_date(3600)}"))
    assert time.monotonic() - started < 1.0
    assert result.verdict is Verdict.UNKNOWN
    assert "is too long to wait" in result.reason
    assert server.hits["/status/429"] == 1


@pytest.mark.parametrize("code", [408, 500, 502, 504, 505])
def test_transient_statuses_are_retried(server: FaultServer, code: int) -> None:
    result = check_one(server.url(f"/flaky/t{code}/1/{code}"))
    assert result.verdict is Verdict.OK
    assert server.hits[f"/flaky/t{code}/1/{code}"] == 2


@pytest.mark.parametrize("code", [405, 501])
def test_a_get_the_server_refuses_is_unknown_at_once(server: FaultServer, code: int) -> None:
    result = check_one(server.url(f"/status/{code}"))
    assert (result.verdict, result.status) == (Verdict.UNKNOWN, code)
    assert server.hits[f"/status/{code}"] == 1


def test_only_get_is_sent(server: FaultServer) -> None:
    check([server.url("/no-head"), server.url("/redirect/302/2")])
    assert {method for method, _, _ in server.log} == {"GET"}


@pytest.mark.parametrize("location", ["ok", "./ok", "../ok", "/ok", "//{host}/ok", "{base}/ok"])
def test_relative_locations_are_resolved_against_the_hop(
    server: FaultServer, location: str
) -> None:
    host = f"127.0.0.1:{server.server_address[1]}"
    target = quote(location.format(host=host, base=server.base), safe="")
    result = check_one(server.url(f"/redirect-to?url={target}"))
    assert result.verdict is Verdict.OK
    assert result.final_url == server.url("/ok")


@pytest.mark.parametrize(("hops", "verdict"), [(10, Verdict.OK), (11, Verdict.UNKNOWN)])
def test_ten_redirects_are_followed_and_no_more(
    server: FaultServer, hops: int, verdict: Verdict
) -> None:
    result = check_one(server.url(f"/redirect/308/{hops}"))
    assert result.verdict is verdict
    assert server.total == min(hops, 11) + (hops <= 10)


def test_a_page_redirecting_to_itself_is_a_loop(server: FaultServer) -> None:
    result = check_one(server.url("/loop/self"))
    assert result.verdict is Verdict.DEAD
    assert result.reason == f"redirect loop back to {server.url('/loop/self')}"


def test_a_redirect_to_itself_that_sets_a_cookie_is_followed(server: FaultServer) -> None:
    result = check_one(server.url("/cookie"))
    assert result.verdict is Verdict.OK
    assert server.hits["/cookie"] == 2


@pytest.mark.parametrize("query", ["", "?chunked=1"])
def test_headers_then_a_stalled_body_is_ok_at_once(server: FaultServer, query: str) -> None:
    started = time.monotonic()
    result = check_one(server.url(f"/stall{query}"), timeout=2.0, deadline=3.0)
    assert (result.verdict, result.status) == (Verdict.OK, 200)
    assert time.monotonic() - started < 1.0


def test_a_chunked_answer_is_ok_and_its_connection_kept(server: FaultServer) -> None:
    urls = [server.url(f"/chunked?chunks=2&n={i}") for i in range(4)]
    results = check(urls, replace(FAST, host_concurrency=1))
    assert all(r.verdict is Verdict.OK for r in results.values())
    assert server.connections == 1  # each body read to its end, the connection reused


def test_an_endless_chunked_body_is_not_downloaded(server: FaultServer) -> None:
    result = check_one(server.url("/chunked?chunks=0"))
    assert result.verdict is Verdict.OK
    time.sleep(0.2)
    assert server.huge_sent < 64 * 1024 * 1024


def test_a_cloudflare_503_challenge_is_unknown_without_retries(server: FaultServer) -> None:
    result = check_one(server.url("/status/503?cloudflare=1"))
    assert (result.verdict, result.status) == (Verdict.UNKNOWN, 503)
    assert "Cloudflare" in result.reason
    assert server.hits["/status/503"] == 1


def test_a_server_that_never_answers_is_cut_off_by_the_timeout(server: FaultServer) -> None:
    started = time.monotonic()
    result = check_one(server.url("/hang"), timeout=0.3, deadline=5.0, retries=0)
    assert time.monotonic() - started < 0.8
    assert result.verdict is Verdict.UNKNOWN
    assert "read timeout" in result.reason


@pytest.fixture(scope="module")
def tls_context(tmp_path_factory: pytest.TempPathFactory) -> ssl.SSLContext:
    """A server context with a fresh self-signed certificate (which no client trusts)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def test_an_untrusted_certificate_is_unknown(tls_context: ssl.SSLContext) -> None:
    running = FaultServer("127.0.0.1", tls=tls_context).start()
    try:
        url = running.url("/ok")
        result = check([url])[url]
    finally:
        running.stop()
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason.startswith("TLS error")
    assert "CERTIFICATE_VERIFY_FAILED" in result.reason


def failing_resolver(errno: int, works: set[str]) -> Resolver:
    """Names in ``works`` resolve to 127.0.0.1 (as the system resolver does: requests
    connects through it); any other fails with ``errno``."""

    def resolve(host: str, port: int) -> list[str]:
        if host in works:
            return ["127.0.0.1"]
        raise socket.gaierror(errno, "lookup failed")

    return Resolver(("probe.invalid",), resolve)


def test_a_missing_name_is_dead_when_another_link_resolves(server: FaultServer) -> None:
    # the probes fail (as on a machine without outside DNS), but this run's other host resolves
    port = server.server_address[1]
    urls = ["http://no-such-host.invalid/", f"http://localhost:{port}/ok"]
    settings = replace(FAST, max_concurrency=1)  # the missing name is looked up first
    resolver = failing_resolver(socket.EAI_NONAME, {"localhost"})
    results = {r.url: r for r in check_urls(urls, settings, OPEN, resolver)}
    assert results[urls[0]].verdict is Verdict.DEAD
    assert results[urls[0]].reason == "host name does not exist (DNS)"
    assert results[urls[1]].verdict is Verdict.OK


@pytest.mark.parametrize("errno", [socket.EAI_NONAME, socket.EAI_AGAIN])
def test_when_no_name_resolves_the_run_is_offline(server: FaultServer, errno: int) -> None:
    urls = ["http://one.invalid/", "http://two.invalid/", server.url("/ok")]
    with pytest.raises(LinkCheckError, match="network is unreachable"):
        check_urls(urls, FAST, OPEN, failing_resolver(errno, set()))


def test_a_failing_lookup_is_unknown_when_other_names_resolve(server: FaultServer) -> None:
    port = server.server_address[1]
    urls = ["http://flaky-dns.test/", f"http://localhost:{port}/ok"]
    resolver = failing_resolver(socket.EAI_AGAIN, {"localhost"})
    results = {r.url: r for r in check_urls(urls, FAST, OPEN, resolver)}
    assert results[urls[0]].verdict is Verdict.UNKNOWN
    assert "name resolution failed" in results[urls[0]].reason


def test_an_answer_that_is_not_http_is_unknown_at_once(server: FaultServer) -> None:
    result = check_one(server.url("/garbage"))
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason == "not a valid HTTP answer (BadStatusLine)"
    assert server.hits["/garbage"] == 1


def test_workers_starting_on_one_host_share_a_single_dns_lookup(server: FaultServer) -> None:
    port = server.server_address[1]
    urls = [f"http://localhost:{port}/ok?n={n}" for n in range(8)]
    asked: list[str] = []

    def slow_resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        time.sleep(0.1)  # long enough for all eight workers to want the answer meanwhile
        return ["127.0.0.1"]

    settings = replace(FAST, host_concurrency=8)
    results = check_urls(urls, settings, OPEN, Resolver(WORKING_DNS, slow_resolve))
    assert all(result.verdict is Verdict.OK for result in results)
    assert asked == ["localhost"]


def test_requests_carry_the_session_headers_and_the_credentials_of_the_url(
    server: FaultServer,
) -> None:
    port = server.server_address[1]
    result = check_one(f"http://reader:s3cret@127.0.0.1:{port}/ok")
    assert result.verdict is Verdict.OK
    method, path, headers = server.log[-1]
    assert (method, path) == ("GET", "/ok")
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"reader:s3cret").decode()
    assert headers["User-Agent"] == FAST.user_agent
    assert headers["Accept"] == "*/*"
    assert "Cookie" not in headers
