"""Tests for awesome.arxiv_client against the fake arXiv API on 127.0.0.1."""

from __future__ import annotations

import email.utils
import gzip
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome.arxiv_client import ArxivClient, ClientSettings, settings_from
from awesome.config import Config
from awesome.errors import ArxivError, ConfigError
from tests.fake_arxiv import FakeArxiv, quick_settings, serve

DATA = Path(__file__).parent / "data" / "arxiv"
ROOT = Path(__file__).parent.parent


@pytest.fixture
def fake() -> Iterator[FakeArxiv]:
    yield from serve(DATA / "snapshot.json")


@pytest.fixture
def synthetic() -> Iterator[FakeArxiv]:
    yield from serve(DATA / "snapshot.json", synthesize=True)


class Sleeps:
    """Records the waits between retries instead of sleeping through them."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def client_for(fake: FakeArxiv, sleeps: Sleeps | None = None, **options: float) -> ArxivClient:
    settings = quick_settings(fake, **options)
    return ArxivClient(settings, sleep=sleeps or Sleeps())


def test_snapshot_papers_in_one_request(fake: FakeArxiv) -> None:
    ids = sorted(fake.papers)
    result = client_for(fake).fetch(ids)
    assert fake.count == 1
    assert fake.requests[0]["id_list"].split(",") == ids
    assert int(fake.requests[0]["max_results"]) >= len(ids)
    assert result.missing == []
    assert set(result.papers) == set(ids)
    for pid, paper in result.papers.items():  # the fake answers in reverse: matched by id
        assert paper.title == fake.papers[pid]["title"]
        assert paper.authors == fake.papers[pid]["authors"]
        assert paper.year == fake.papers[pid]["year"]
        assert paper.fetched_from == fake.url
        assert paper.version == 1


def test_batches_of_at_most_100(synthetic: FakeArxiv) -> None:
    ids = [f"2401.{n:05d}" for n in range(1, 251)]
    client = client_for(synthetic)
    result = client.fetch(ids)
    assert synthetic.count == client.requests_made == 3
    sizes = [len(r["id_list"].split(",")) for r in synthetic.requests]
    assert sizes == [100, 100, 50]
    assert all(int(r["max_results"]) >= n for r, n in zip(synthetic.requests, sizes, strict=True))
    assert len(result.papers) == 250


def test_unknown_ids_are_reported_by_id(fake: FakeArxiv) -> None:
    fake.unknown.add("2106.09685")
    result = client_for(fake).fetch(["2106.09685", "2305.14314", "2304.13712"])
    assert result.missing == ["2106.09685", "2305.14314"]
    assert list(result.papers) == ["2304.13712"]


def test_duplicates_are_asked_once(fake: FakeArxiv) -> None:
    client_for(fake).fetch(["2304.13712", "2304.13712"])
    assert fake.requests[0]["id_list"] == "2304.13712"


def test_429_honours_retry_after(fake: FakeArxiv) -> None:
    fake.fail(429, retry_after="7")
    sleeps = Sleeps()
    result = client_for(fake, sleeps).fetch(["2304.13712"])
    assert "2304.13712" in result.papers
    assert fake.count == 2
    assert sleeps.waits == [7.0]


def test_503_then_success_backs_off_exponentially(fake: FakeArxiv) -> None:
    fake.fail(503, times=3)
    sleeps = Sleeps()
    result = client_for(fake, sleeps, backoff=0.5).fetch(["2304.13712"])
    assert "2304.13712" in result.papers
    assert fake.count == 4
    assert sleeps.waits == [0.5, 1.0, 2.0]


def test_the_interval_floors_the_backoff(fake: FakeArxiv) -> None:
    fake.fail(503)
    sleeps = Sleeps()
    client_for(fake, sleeps, interval=0.05, backoff=0.01).fetch(["2304.13712"])
    assert sleeps.waits == [0.05]


def test_retries_run_out(fake: FakeArxiv) -> None:
    fake.fail(503, times=5)
    with pytest.raises(ArxivError, match="giving up after 3 tries: HTTP 503"):
        client_for(fake, retries=2).fetch(["2304.13712"])
    assert fake.count == 3


def test_a_retry_after_too_long_is_an_error(fake: FakeArxiv) -> None:
    fake.fail(429, retry_after="3600")
    with pytest.raises(ArxivError, match="asked to wait 3600 s"):
        client_for(fake, max_wait=60).fetch(["2304.13712"])
    assert fake.count == 1


# A test whose server answers after a hang needs a timeout that a busy machine meets for
# the answers that follow: at 0.2 s a 503 once came late under load and counted as a
# second silence, so the client gave up (a flaky failure, not a bug).
ANSWERING = 1.0


def test_a_hang_times_out_then_retries(fake: FakeArxiv) -> None:
    fake.hang()
    result = client_for(fake, timeout=ANSWERING).fetch(["2304.13712"])
    assert "2304.13712" in result.papers
    assert fake.count == 2


def test_a_server_that_never_answers_is_an_error(fake: FakeArxiv) -> None:
    fake.hang(times=2)
    with pytest.raises(ArxivError, match=r"no answer within 0\.2 s"):
        client_for(fake, timeout=0.2, retries=1).fetch(["2304.13712"])


def test_a_silent_server_is_asked_twice_whatever_the_retries(fake: FakeArxiv) -> None:
    fake.hang(times=3)
    sleeps = Sleeps()
    with pytest.raises(ArxivError, match=r"^giving up after 2 tries: no answer within 0\.2 s$"):
        client_for(fake, sleeps, timeout=0.2, retries=4).fetch(["2304.13712"])
    assert fake.count == 2 and len(sleeps.waits) == 1


def test_busy_answers_use_every_retry(fake: FakeArxiv) -> None:
    fake.hang()
    fake.fail(503, times=2)
    fake.reset()
    result = client_for(fake, timeout=ANSWERING, retries=4).fetch(["2304.13712"])
    assert "2304.13712" in result.papers
    assert fake.count == 5


def test_a_200_that_is_not_atom_is_an_error(fake: FakeArxiv) -> None:
    fake.answer(b"<!doctype html><html><body>Proxy login</body></html>", content_type="text/html")
    with pytest.raises(ArxivError, match=r"not an Atom feed \(text/html\)"):
        client_for(fake).fetch(["2304.13712"])
    assert fake.count == 1


def test_an_empty_200_is_retried(fake: FakeArxiv) -> None:
    fake.answer(b"")
    assert "2304.13712" in client_for(fake).fetch(["2304.13712"]).papers
    assert fake.count == 2


def test_a_200_with_other_xml_is_an_error(fake: FakeArxiv) -> None:
    fake.answer(b"<?xml version='1.0'?><rss><channel/></rss>")
    with pytest.raises(ArxivError, match="<rss>, not an Atom feed"):
        client_for(fake).fetch(["2304.13712"])


def test_a_truncated_body_is_retried(fake: FakeArxiv) -> None:
    fake.cut(0.6)
    result = client_for(fake).fetch(["2304.13712", "2106.09685"])
    assert set(result.papers) == {"2304.13712", "2106.09685"}
    assert fake.count == 2


def test_a_body_cut_short_every_time_is_an_error(fake: FakeArxiv) -> None:
    fake.cut(0.6, times=3)
    with pytest.raises(ArxivError, match="cut short"):
        client_for(fake, retries=2).fetch(["2304.13712", "2106.09685"])


def test_a_truncated_feed_with_a_matching_length_is_an_error(fake: FakeArxiv) -> None:
    body = (DATA / "new-format_id_list_2ids_one-missing_http200.xml").read_bytes()
    for _ in range(2):
        fake.answer(body[: len(body) * 2 // 3])
    with pytest.raises(ArxivError, match="cut short or malformed"):
        client_for(fake, retries=1).fetch(["1707.08567"])


def test_the_interval_is_honoured_between_requests(synthetic: FakeArxiv) -> None:
    client_for(synthetic, interval=0.25, batch_size=1).fetch(["2401.00001", "2401.00002"])
    assert synthetic.count == 2
    assert synthetic.times[1] - synthetic.times[0] >= 0.25


def test_entries_in_any_order_are_matched_by_id(synthetic: FakeArxiv) -> None:
    synthetic.shuffle = True
    ids = [f"2402.{n:05d}" for n in range(1, 41)]
    result = client_for(synthetic).fetch(ids)
    assert result.missing == []
    assert all(result.papers[pid].title.endswith(pid) for pid in ids)


def test_old_style_ids_with_and_without_subject_class(fake: FakeArxiv) -> None:
    fake.papers["math/0309136"] = {
        "title": "A Knot Paper",
        "authors": ["Ann Topologist"],
        "published": "2003-09-08",
        "version": 2,
        "primary_category": "math.GT",
    }
    fake.papers["hep-th/9901001"] = {"title": "A String Paper", "authors": ["Bo String"]}
    result = client_for(fake).fetch(["math.GT/0309136", "hep-th/9901001v1"])
    assert fake.requests[0]["id_list"] == "math/0309136,hep-th/9901001"
    assert result.missing == []
    assert result.papers["math/0309136"].version == 2
    assert result.papers["math/0309136"].primary_category == "math.GT"
    assert result.papers["hep-th/9901001"].title == "A String Paper"


def test_a_server_with_smaller_pages_is_followed_page_by_page(synthetic: FakeArxiv) -> None:
    synthetic.page_cap = 3
    ids = [f"2403.{n:05d}" for n in range(1, 9)]
    result = client_for(synthetic, interval=0.05).fetch(ids)
    assert set(result.papers) == set(ids)
    assert [r["start"] for r in synthetic.requests] == ["0", "3", "6"]
    assert all(r["id_list"] == ",".join(ids) for r in synthetic.requests)
    gaps = [b - a for a, b in zip(synthetic.times, synthetic.times[1:], strict=False)]
    assert min(gaps) >= 0.05


def test_500_then_success(fake: FakeArxiv) -> None:
    fake.fail(500, body=b"<html><body>Internal Server Error</body></html>")
    sleeps = Sleeps()
    result = client_for(fake, sleeps, backoff=0.5).fetch(["2304.13712"])
    assert "2304.13712" in result.papers
    assert (fake.count, sleeps.waits) == (2, [0.5])


def test_503_with_retry_after_as_an_http_date(fake: FakeArxiv) -> None:
    fake.fail(503, retry_after=email.utils.formatdate(time.time() + 30, usegmt=True))
    sleeps = Sleeps()
    result = client_for(fake, sleeps).fetch(["2304.13712"])
    assert "2304.13712" in result.papers
    assert len(sleeps.waits) == 1 and 27 <= sleeps.waits[0] <= 30


def test_503_with_retry_after_in_seconds(fake: FakeArxiv) -> None:
    fake.fail(503, retry_after="11")
    sleeps = Sleeps()
    client_for(fake, sleeps).fetch(["2304.13712"])
    assert sleeps.waits == [11.0]


def test_a_connection_reset_is_retried(fake: FakeArxiv) -> None:
    fake.reset()
    assert "2304.13712" in client_for(fake).fetch(["2304.13712"]).papers
    assert fake.count == 2


def test_connections_reset_every_time_is_an_error(fake: FakeArxiv) -> None:
    fake.reset(times=2)
    with pytest.raises(ArxivError, match=r"giving up after 2 tries: cannot connect to 127\.0"):
        client_for(fake, retries=1).fetch(["2304.13712"])


def test_a_body_that_stops_coming_times_out(fake: FakeArxiv) -> None:
    fake.stall(0.5, times=2)
    with pytest.raises(ArxivError, match=r"giving up after 2 tries: no answer within 0\.3 s"):
        client_for(fake, timeout=0.3, retries=1).fetch(["2304.13712"])


def test_an_answer_that_drips_in_is_bounded(fake: FakeArxiv) -> None:
    # a read never waits long, yet the whole feed would take seconds to come
    fake.drip(0.02, times=2)
    with pytest.raises(ArxivError, match=r"^giving up after 2 tries: the answer took more than"):
        client_for(fake, timeout=0.3, retries=1).fetch(["2304.13712"])


def test_a_slow_but_steady_answer_within_the_timeout_is_read(fake: FakeArxiv) -> None:
    fake.drip(0.001)
    assert "2304.13712" in client_for(fake, timeout=10).fetch(["2304.13712"]).papers


def test_chunked_answers_are_read_and_a_missing_last_chunk_is_noticed(fake: FakeArxiv) -> None:
    fake.chunked = True
    ids = ["2304.13712", "2106.09685"]
    assert set(client_for(fake).fetch(ids).papers) == set(ids)
    fake.cut(1.0, times=2)  # every byte of the feed, but not the chunk that ends it
    with pytest.raises(ArxivError, match="giving up after 2 tries: the answer was cut short"):
        client_for(fake, retries=1).fetch(ids)


def test_gzip_answers_are_read(fake: FakeArxiv) -> None:
    fake.gzip = True
    result = client_for(fake).fetch(["2304.13712", "2106.09685"])
    assert set(result.papers) == {"2304.13712", "2106.09685"}


def test_a_gzip_body_cut_short_is_retried_then_an_error(fake: FakeArxiv) -> None:
    fake.gzip = True
    fake.cut(0.5)
    assert "2304.13712" in client_for(fake).fetch(["2304.13712"]).papers
    fake.cut(0.5, times=2)
    with pytest.raises(ArxivError, match="cut short"):
        client_for(fake, retries=1).fetch(["2304.13712"])


def test_a_gzip_feed_missing_its_end_is_an_error(fake: FakeArxiv) -> None:
    feed = (DATA / "01_new-format_id_1605.08386_single-entry_http200.xml").read_bytes()
    packed = gzip.compress(feed)[:-12]  # no gzip trailer, and no </feed>
    for _ in range(2):
        fake.answer(packed, encoding="gzip")
    with pytest.raises(ArxivError, match="cut short"):
        client_for(fake, retries=1).fetch(["1605.08386"])


def test_a_corrupt_gzip_body_is_an_error(fake: FakeArxiv) -> None:
    for _ in range(2):
        fake.answer(b"this is not gzip at all", encoding="gzip")
    with pytest.raises(ArxivError, match="the compressed answer was cut short or corrupt"):
        client_for(fake, retries=1).fetch(["2304.13712"])
    assert fake.count == 2


def test_titles_and_names_are_one_line(fake: FakeArxiv) -> None:
    fake.papers["2304.13712"] |= {
        "title": "Harnessing the Power of LLMs in Practice:\n  A Survey on  ChatGPT and Beyond ",
        "authors": ["Jingfeng\n Yang", " Hongye  Jin"],
    }
    paper = client_for(fake).fetch(["2304.13712"]).papers["2304.13712"]
    assert paper.title == "Harnessing the Power of LLMs in Practice: A Survey on ChatGPT and Beyond"
    assert paper.authors == ["Jingfeng Yang", "Hongye Jin"]


def test_affiliations_stay_out_of_author_names(fake: FakeArxiv) -> None:
    authors = fake.papers["2304.13712"]["authors"]
    fake.papers["2304.13712"]["affiliations"] = {authors[0]: ["Amazon", "Rice University"]}
    paper = client_for(fake).fetch(["2304.13712"]).papers["2304.13712"]
    assert paper.authors == authors


def test_a_withdrawn_paper_keeps_its_facts(fake: FakeArxiv) -> None:
    fake.papers["2304.13712"] |= {"version": 3, "comment": "This paper has been withdrawn"}
    paper = client_for(fake).fetch(["2304.13712"]).papers["2304.13712"]
    assert (paper.version, paper.comment) == (3, "This paper has been withdrawn")
    assert paper.title == fake.papers["2304.13712"]["title"]


def test_journal_ref_doi_and_comment_when_given(fake: FakeArxiv) -> None:
    facts = {"journal_ref": "ACM TKDD 18(6) 2024", "doi": "10.1145/3649506", "comment": "v2"}
    fake.papers["2304.13712"] |= facts
    paper = client_for(fake).fetch(["2304.13712", "2106.09685"]).papers
    assert (paper["2304.13712"].journal_ref, paper["2304.13712"].doi) == (
        facts["journal_ref"],
        facts["doi"],
    )
    assert paper["2304.13712"].comment == "v2"
    assert fake.papers["2106.09685"].get("doi") is None
    assert (paper["2106.09685"].journal_ref, paper["2106.09685"].doi) == (None, None)


def entry_feed(entry: str) -> bytes:
    head = (DATA / "01_new-format_id_1605.08386_single-entry_http200.xml").read_text("utf-8")
    return (head[: head.index("<entry>")] + entry + "\n</feed>\n").encode()


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            "<entry><id>http://arxiv.org/abs/1605.08386v1</id><title>T</title>"
            "<updated>2016-05-26T17:59:46Z</updated></entry>",
            "the entry for 1605.08386 has no valid <published> date",
        ),
        (
            "<entry><id>http://arxiv.org/abs/1605.08386v1</id><title>T</title>"
            "<published>yesterday</published><updated>2016-05-26T17:59:46Z</updated></entry>",
            "the entry for 1605.08386 has no valid <published> date",
        ),
        (
            "<entry><id>http://arxiv.org/abs/1605.08386v1</id><title> </title>"
            "<published>2016-05-26T17:59:46Z</published>"
            "<updated>2016-05-26T17:59:46Z</updated></entry>",
            "the entry for 1605.08386 has no <title>",
        ),
    ],
)
def test_an_entry_without_title_or_dates_is_an_error(
    fake: FakeArxiv, entry: str, problem: str
) -> None:
    fake.answer(entry_feed(entry))
    with pytest.raises(ArxivError) as caught:
        client_for(fake).fetch(["1605.08386"])
    assert str(caught.value) == f"arXiv answered a feed that cannot be used: {problem}"
    assert fake.count == 1


def test_an_error_entry_in_a_200_is_an_error(fake: FakeArxiv) -> None:
    body = (DATA / "03_new-format_id_abc_error-entry_http400.xml").read_bytes()
    fake.answer(body)
    with pytest.raises(ArxivError, match="arXiv rejected the query: incorrect id format for abc"):
        client_for(fake).fetch(["2304.13712"])


def test_an_unexpected_status_is_an_error_at_once(fake: FakeArxiv) -> None:
    fake.fail(403, body=b"<html>Forbidden</html>")
    with pytest.raises(ArxivError, match=r"^arXiv answered HTTP 403$"):
        client_for(fake).fetch(["2304.13712"])
    assert fake.count == 1


# Recorded answers of the real API


def test_replay_single_entry(fake: FakeArxiv) -> None:
    fake.replay(DATA / "01_new-format_id_1605.08386_single-entry_http200.xml")
    paper = client_for(fake).fetch(["1605.08386"]).papers["1605.08386"]
    assert paper.title == "Heat-bath random walks with Markov bases"
    assert paper.authors == ["Caprice Stanley", "Tobias Windisch"]
    assert (paper.published, paper.published_precision) == ("2016-05-26", "day")
    assert paper.updated == "2016-05-26"
    assert paper.version == 1
    assert (paper.primary_category, paper.categories) == ("math.CO", ["math.CO", "math.ST"])
    assert paper.comment == "20 pages, 3 figures"
    assert paper.journal_ref is None and paper.doi is None


def test_replay_ten_entries_with_dois_and_journal_refs(fake: FakeArxiv) -> None:
    fake.replay(DATA / "02_new-format_search-testing_10-entries_doi-journalref_http200.xml")
    ids = ["2202.12139", "2405.13786", "2005.14124", "2204.08348", "2302.03287"]
    ids += ["1202.4527", "2503.05378", "1205.1866", "2502.07719", "1812.11470"]
    result = client_for(fake).fetch(ids)
    assert result.missing == []
    assert result.papers["2202.12139"].doi == "10.1109/ICSTW55395.2022.00035"
    assert result.papers["2005.14124"].version == 2
    journal = result.papers["1202.4527"].journal_ref or ""
    assert journal.startswith("International Journal of Software Engineering & Applications")
    assert result.papers["2503.05378"].journal_ref is None


def test_replay_http_400_error_entry(fake: FakeArxiv) -> None:
    fake.replay(DATA / "03_new-format_id_abc_error-entry_http400.xml", status=400)
    with pytest.raises(ArxivError, match="HTTP 400: incorrect id format for abc"):
        client_for(fake).fetch(["abc"])
    assert fake.count == 1


def test_the_fake_rejects_malformed_ids_like_arxiv(fake: FakeArxiv) -> None:
    with pytest.raises(ArxivError, match=r"incorrect id format for 2304\.1371"):
        client_for(fake).fetch(["2304.1371"])


def test_replay_empty_feed(fake: FakeArxiv) -> None:
    fake.replay(DATA / "04_new-format_id_0000.0000_empty-feed_http200.xml")
    result = client_for(fake).fetch(["0000.0000"])
    assert result.papers == {}
    assert result.missing == ["0000.0000"]


def test_replay_old_style_id_with_affiliations(fake: FakeArxiv) -> None:
    fake.replay(DATA / "05_new-format_old-style-id_astro-ph-0601001_affiliations_http200.xml")
    paper = client_for(fake).fetch(["astro-ph/0601001"]).papers["astro-ph/0601001"]
    assert paper.journal_ref == "ActaAstron.56:1-50,2006"
    assert paper.authors and all(", " not in a for a in paper.authors)


def test_replay_legacy_feed_with_ghost_entries(fake: FakeArxiv) -> None:
    fake.replay(DATA / "06_legacy-format-2025-08_id_list_4ids_3-missing_ghost-entries_http200.xml")
    ids = ["2201.13455", "2201.13452", "2201.13453", "2201.13454"]
    result = client_for(fake).fetch(ids)
    assert list(result.papers) == ["2201.13452"]
    assert result.missing == ["2201.13455", "2201.13453", "2201.13454"]
    title = result.papers["2201.13452"].title
    assert title.endswith("Modeling an Infectious Disease") and "  " not in title


def test_replay_transitional_feed(fake: FakeArxiv) -> None:
    name = "transitional-format-2025-11-11_id_list_4ids_links-without-rel-title_http200.xml"
    fake.replay(DATA / name)
    ids = ["2201.13455", "2201.13452", "2201.13453", "2201.13454"]
    result = client_for(fake).fetch(ids)
    assert list(result.papers) == ["2201.13452"]
    assert result.missing == ["2201.13455", "2201.13453", "2201.13454"]
    assert fake.count == 1


def test_replay_two_ids_one_missing(fake: FakeArxiv) -> None:
    fake.replay(DATA / "new-format_id_list_2ids_one-missing_http200.xml")
    result = client_for(fake).fetch(["0808.05394", "1707.08567"])
    assert list(result.papers) == ["1707.08567"]
    assert result.missing == ["0808.05394"]


# Settings


def test_settings_from_config_and_environment() -> None:
    config = Config(arxiv_api="http://mirror.example/api", arxiv_interval=5.0)
    assert settings_from(config, env={}).api == "http://mirror.example/api"
    assert settings_from(config, env={}).interval == 5.0
    env = {"AWESOME_ARXIV_API": "http://127.0.0.1:9/q", "AWESOME_ARXIV_INTERVAL": "0.5"}
    settings = settings_from(config, env=env)
    assert (settings.api, settings.interval) == ("http://127.0.0.1:9/q", 0.5)
    assert settings_from(None, env={}).interval == 3.0


@pytest.mark.parametrize("value", ["fast", "-1", "nan", "inf"])
def test_a_bad_interval_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError, match="AWESOME_ARXIV_INTERVAL must be a number of seconds"):
        settings_from(None, env={"AWESOME_ARXIV_INTERVAL": value})


@pytest.mark.parametrize("value", ["-1", "2.5", "many"])
def test_retries_must_be_a_count(value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from(None, env={"AWESOME_ARXIV_RETRIES": value})
    assert str(caught.value) == (
        f"AWESOME_ARXIV_RETRIES must be a whole number (0 or more), got {value!r}"
    )
    assert settings_from(None, env={"AWESOME_ARXIV_RETRIES": "0"}).retries == 0


def test_a_zero_timeout_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"AWESOME_ARXIV_TIMEOUT .* \(more than 0\), got '0'"):
        settings_from(None, env={"AWESOME_ARXIV_TIMEOUT": "0"})
    assert settings_from(None, env={"AWESOME_ARXIV_INTERVAL": "0"}).interval == 0


@pytest.mark.parametrize("url", ["localhost:8000/api/query", "ftp://127.0.0.1/q", "http://"])
def test_an_endpoint_that_is_not_an_http_url_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from(None, env={"AWESOME_ARXIV_API": url})
    assert str(caught.value) == f"AWESOME_ARXIV_API must be an http:// or https:// URL, got {url!r}"
    with pytest.raises(ConfigError, match="the arxiv_api setting must be an http"):
        settings_from(Config(arxiv_api=url), env={})


def test_an_endpoint_with_a_query_and_braces(fake: FakeArxiv) -> None:
    settings = ClientSettings(api=fake.url + "?{key}=x", interval=0, backoff=0.01)
    ArxivClient(settings, sleep=Sleeps()).fetch(["2304.13712"])
    assert fake.requests[0]["{key}"] == "x"
    assert fake.requests[0]["id_list"] == "2304.13712"


def test_nothing_listening_is_an_error() -> None:
    settings = ClientSettings(api="http://127.0.0.1:9/api/query", retries=1, backoff=0.01)
    with pytest.raises(ArxivError) as caught:
        ArxivClient(settings, sleep=Sleeps()).fetch(["2304.13712"])
    assert str(caught.value) == (
        "giving up after 2 tries: cannot connect to 127.0.0.1:9 (Connection refused)"
    )


def test_the_cli_does_not_import_network_libraries() -> None:
    modules = "awesome.cli, awesome.commands.enrich_cmd, awesome.commands.fetch_cmd, awesome.bibtex"
    code = f"import sys, {modules}; print(sorted({{'requests', 'arxiv'}} & set(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
