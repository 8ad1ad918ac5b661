"""The SQLite result cache: only ok results, a max age, and two runs at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from awesome.errors import LinkCheckError
from awesome.links.cache import LinkCache, parse_max_age
from awesome.links.verdict import LinkResult, Verdict


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30m", 1800),
        ("12h", 43200),
        ("1d", 86400),
        ("2w", 1209600),
        ("45", 45),
        ("1.5h", 5400),
        ("0", 0),
        ("90s", 90),
        ("1D", 86400),
        (" 2 h ", 7200),
    ],
)
def test_max_age_units(text: str, seconds: float) -> None:
    assert parse_max_age(text) == seconds


@pytest.mark.parametrize("text", ["", "1y", "abc", "-1d", "1 day"])
def test_bad_max_age_is_a_clear_error(text: str) -> None:
    with pytest.raises(LinkCheckError, match="invalid max age"):
        parse_max_age(text)


def results() -> list[LinkResult]:
    return [
        LinkResult("https://a.example/", Verdict.OK, "200 OK", 200),
        LinkResult("https://b.example/", Verdict.OK, "200 OK", 200, "https://b.example/new"),
        LinkResult("https://c.example/", Verdict.DEAD, "404 Not Found", 404),
        LinkResult("https://d.example/", Verdict.UNKNOWN, "429", 429),
    ]


def test_only_ok_results_are_cached(tmp_path: Path) -> None:
    with LinkCache(tmp_path / "c" / "links.sqlite", max_age=60) as cache:
        assert cache.store(results(), now=1000.0) == 2
        found = cache.lookup([r.url for r in results()], now=1001.0)
    assert sorted(found) == ["https://a.example/", "https://b.example/"]
    assert found["https://b.example/"].final_url == "https://b.example/new"
    assert all(r.cached and r.verdict is Verdict.OK for r in found.values())


def test_entries_older_than_max_age_are_ignored(tmp_path: Path) -> None:
    with LinkCache(tmp_path / "links.sqlite", max_age=60) as cache:
        cache.store(results(), now=1000.0)
        assert cache.lookup(["https://a.example/"], now=1059.0)
        assert not cache.lookup(["https://a.example/"], now=1061.0)


def test_two_runs_can_write_the_same_cache(tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite"
    errors: list[BaseException] = []

    def run(prefix: str) -> None:
        try:
            with LinkCache(path, max_age=60) as cache:
                for round_ in range(20):
                    batch = [
                        LinkResult(f"https://{prefix}{round_}-{i}.example/", Verdict.OK, "ok")
                        for i in range(10)
                    ]
                    cache.store(batch)
        except LinkCheckError as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(name,)) for name in "xy"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with LinkCache(path, max_age=60) as cache:
        urls = [f"https://{p}{r}-{i}.example/" for p in "xy" for r in range(20) for i in range(10)]
        assert len(cache.lookup(urls)) == 400


def test_an_unusable_cache_path_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    with pytest.raises(LinkCheckError, match="cannot open the link cache"):
        LinkCache(blocker / "links.sqlite", max_age=60)
