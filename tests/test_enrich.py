"""Tests for awesome.enrich and ``awesome enrich``, against the fake arXiv API."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from awesome.arxiv_client import FetchResult
from awesome.cli import cli
from awesome.enrich import Change, arxiv_ids_of, enrich_lock, merge_paper
from awesome.metadata import MetadataLock, Paper, load_lock, lock_from_snapshot, save_lock
from awesome.parser import parse_document
from tests.conftest import ROOT
from tests.fake_arxiv import FakeArxiv, serve

DATA = Path(__file__).parent / "data" / "arxiv"
SAMPLE = (DATA / "sample-list.md").read_text("utf-8")
SNAPSHOT = json.loads((DATA / "snapshot.json").read_text("utf-8"))
SAMPLE_IDS = ["1907.11692", "1909.11942", "2001.08361", "2005.14165", "1910.02054", "2203.02155"]


@pytest.fixture
def fake() -> Iterator[FakeArxiv]:
    yield from serve(DATA / "snapshot.json")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample list with a lock that knows only its first two papers."""
    path = tmp_path / "README.md"
    path.write_text(SAMPLE, "utf-8")
    lock = lock_from_snapshot(SNAPSHOT, "snapshot:test")
    lock.papers = {k: v for k, v in lock.papers.items() if k in SAMPLE_IDS[:2]}
    save_lock(lock, tmp_path / "metadata.json")
    return path


def enrich(fake: FakeArxiv, *args: str) -> Result:
    env = {
        "AWESOME_ARXIV_API": fake.url,
        "AWESOME_ARXIV_INTERVAL": "0",
        "AWESOME_ARXIV_BACKOFF": "0.01",
        "AWESOME_ARXIV_RETRIES": "1",
        "AWESOME_ARXIV_TIMEOUT": "0.3",
    }
    return CliRunner().invoke(cli, ["enrich", *args], env=env)


def lock_of(sample: Path) -> dict[str, dict[str, object]]:
    papers: dict[str, dict[str, object]] = json.loads(
        (sample.parent / "metadata.json").read_text("utf-8")
    )["papers"]
    return papers


# The library


def paper(**facts: object) -> Paper:
    base: dict[str, object] = {"id": "2304.13712", "title": "Old", "version": 1}
    return Paper(**{**base, **facts})  # type: ignore[arg-type]


def test_merge_new_paper() -> None:
    new = paper()
    merged, changes = merge_paper(None, new)
    assert merged is new
    assert changes == [Change("2304.13712", "new", None, "Old")]


def test_merge_unchanged_keeps_the_old_record() -> None:
    old = paper(fetched_at="2020-01-01")
    merged, changes = merge_paper(old, paper(fetched_at="2026-11-28", fetched_from="elsewhere"))
    assert merged is old
    assert changes == []


def test_merge_new_title_keeps_the_old_one() -> None:
    old = paper(former_titles=["Older"])
    merged, changes = merge_paper(old, paper(title="New", version=3, journal_ref="ACL 2023"))
    assert merged.title == "New"
    assert merged.former_titles == ["Older", "Old"]
    assert [c.describe() for c in changes] == [
        "2304.13712: title: 'Old' -> 'New' (old title kept)",
        "2304.13712: version: v1 -> v3",
        "2304.13712: journal ref: (none) -> ACL 2023",
    ]


def test_merge_reports_a_withdrawal_once() -> None:
    withdrawn = paper(version=2, comment="This paper has been withdrawn by the authors")
    merged, changes = merge_paper(paper(comment="12 pages"), withdrawn)
    assert [c.describe() for c in changes] == [
        "2304.13712: version: v1 -> v2",
        "2304.13712: withdrawn: This paper has been withdrawn by the authors",
    ]
    assert merge_paper(merged, withdrawn)[1] == []


def test_merge_back_to_a_former_title() -> None:
    merged, _ = merge_paper(paper(title="B", former_titles=["A"]), paper(title="A"))
    assert (merged.title, merged.former_titles) == ("A", ["B"])


def test_enrich_lock_asks_only_for_what_is_missing() -> None:
    doc = parse_document(SAMPLE)
    asked: list[list[str]] = []

    def fetch(ids: Sequence[str]) -> FetchResult:
        asked.append(list(ids))
        return FetchResult({}, list(ids))

    lock = MetadataLock({pid: paper(id=pid) for pid in SAMPLE_IDS[:4]})
    report = enrich_lock(doc, lock, fetch)
    assert asked == [SAMPLE_IDS[4:]]
    assert report.missing == SAMPLE_IDS[4:]
    enrich_lock(doc, lock, fetch, refresh=True)
    assert asked[-1] == SAMPLE_IDS
    assert list(arxiv_ids_of(doc)) == SAMPLE_IDS


# The command


def test_enrich_fills_what_the_lock_lacks(fake: FakeArxiv, sample: Path) -> None:
    result = enrich(fake, str(sample))
    assert result.exit_code == 0, result.output
    assert fake.count == 1
    assert fake.requests[0]["id_list"].split(",") == SAMPLE_IDS[2:]
    papers = lock_of(sample)
    assert sorted(papers) == sorted(SAMPLE_IDS)
    assert papers["2005.14165"]["title"] == "Language Models are Few-Shot Learners"
    assert papers["2005.14165"]["fetched_from"] == fake.url
    assert papers["1907.11692"]["fetched_from"] == "snapshot:test"  # not asked again
    assert "2005.14165: new: Language Models are Few-Shot Learners" in result.output
    assert "4 asked, 4 updated, 0 unknown in 1 requests" in result.output
    load_lock(sample.parent / "metadata.json")  # the written lock validates


def test_the_endpoint_and_interval_can_come_from_the_config(fake: FakeArxiv, sample: Path) -> None:
    config = f'arxiv_api = "{fake.url}"\narxiv_interval = 0.2\n'
    (sample.parent / "awesome.toml").write_text(config, "utf-8")
    env = {"AWESOME_ARXIV_API": None, "AWESOME_ARXIV_INTERVAL": None}
    result = CliRunner().invoke(cli, ["enrich", "--refresh", str(sample)], env=env)
    assert result.exit_code == 0, result.output
    assert fake.count == 1
    assert lock_of(sample)["2005.14165"]["fetched_from"] == fake.url


def test_a_second_run_asks_nothing(fake: FakeArxiv, sample: Path) -> None:
    enrich(fake, str(sample))
    written = (sample.parent / "metadata.json").read_bytes()
    result = enrich(fake, str(sample))
    assert result.exit_code == 0
    assert fake.count == 1
    assert (sample.parent / "metadata.json").read_bytes() == written


def test_refresh_reports_new_titles_versions_and_journal_refs(
    fake: FakeArxiv, sample: Path
) -> None:
    enrich(fake, str(sample))
    fake.papers["2005.14165"] |= {"title": "Language Models are Few-Shot Learners (v4)"}
    fake.papers["2005.14165"] |= {"version": 4, "journal_ref": "NeurIPS 2020"}
    result = enrich(fake, "--refresh", str(sample))
    assert result.exit_code == 0, result.output
    assert fake.requests[-1]["id_list"].split(",") == SAMPLE_IDS
    record = lock_of(sample)["2005.14165"]
    assert record["title"] == "Language Models are Few-Shot Learners (v4)"
    assert record["former_titles"] == ["Language Models are Few-Shot Learners"]
    assert (record["version"], record["journal_ref"]) == (4, "NeurIPS 2020")
    assert "2005.14165: title: 'Language Models are Few-Shot Learners' ->" in result.output
    assert "2005.14165: version: v1 -> v4" in result.output
    assert "2005.14165: journal ref: (none) -> NeurIPS 2020" in result.output


def test_refresh_reports_a_withdrawn_paper(fake: FakeArxiv, sample: Path) -> None:
    enrich(fake, str(sample))
    fake.papers["2001.08361"] |= {"version": 2, "comment": "This paper has been withdrawn"}
    result = enrich(fake, "--refresh", str(sample))
    assert result.exit_code == 0, result.output
    assert "2001.08361: withdrawn: This paper has been withdrawn" in result.output
    assert lock_of(sample)["2001.08361"]["comment"] == "This paper has been withdrawn"


def test_unknown_ids_are_warnings_with_their_line(fake: FakeArxiv, sample: Path) -> None:
    fake.unknown.add("2203.02155")
    result = enrich(fake, str(sample))
    assert result.exit_code == 1
    assert f"warning: {sample}:43: arXiv does not know 2203.02155" in result.output
    assert "2005.14165" in lock_of(sample)


def test_offline_asks_no_one(fake: FakeArxiv, sample: Path) -> None:
    result = enrich(fake, "--offline", str(sample))
    assert result.exit_code == 1
    assert f"{sample}:23: no metadata for 2001.08361 in the lock" in result.output
    assert "2 of 6 arXiv papers have metadata" in result.output
    assert fake.count == 0


def test_offline_on_the_shipped_list_finds_every_paper(fake: FakeArxiv) -> None:
    result = enrich(fake, "--offline", str(ROOT / "list" / "README.md"))
    assert result.exit_code == 0, result.output
    assert fake.count == 0


@pytest.mark.parametrize("fault", ["503", "hang", "html", "cut", "reset", "400", "gzip"])
def test_network_failure_keeps_the_lock(fake: FakeArxiv, sample: Path, fault: str) -> None:
    for _ in range(2):
        if fault == "503":
            fake.fail(503)
        elif fault == "hang":
            fake.hang()
        elif fault == "cut":
            fake.cut(0.5)
        elif fault == "reset":
            fake.reset()
        elif fault == "400":
            fake.replay(DATA / "03_new-format_id_abc_error-entry_http400.xml", status=400)
        elif fault == "gzip":
            fake.answer(b"\x1f\x8b not really gzip", encoding="gzip")
        else:
            fake.answer(b"<html>maintenance</html>", content_type="text/html")
    before = (sample.parent / "metadata.json").read_bytes()
    result = enrich(fake, str(sample))
    assert result.exit_code == 2
    assert result.output.startswith("error: ")
    assert result.output.endswith("; metadata.json left unchanged\n")
    assert result.output.count("\n") == 1
    assert (sample.parent / "metadata.json").read_bytes() == before


def test_a_lock_that_cannot_be_written_is_one_line(fake: FakeArxiv, sample: Path) -> None:
    (sample.parent / "awesome.toml").write_text('metadata = "gone/metadata.json"\n', "utf-8")
    result = enrich(fake, str(sample))
    assert result.exit_code == 2
    lock = sample.parent.resolve() / "gone" / "metadata.json"
    assert result.output == (f"error: {lock}: cannot write: No such file or directory\n")
    assert "Traceback" not in result.output


def test_a_failing_later_batch_keeps_the_lock(fake: FakeArxiv, tmp_path: Path) -> None:
    ids = [f"2401.{n:05d}" for n in range(1, 151)]
    fake.synthesize = True
    lines = "\n".join(f"- [Paper {i}](https://arxiv.org/abs/{i}) - 2024." for i in ids)
    path = tmp_path / "README.md"
    path.write_text(f"# T\n\n## S\n\n{lines}\n", "utf-8")
    fake.ok()
    fake.fail(503, times=2)
    result = enrich(fake, str(path))
    assert result.exit_code == 2
    assert fake.count == 3  # a good first batch, then the second fails on both tries
    assert not (tmp_path / "metadata.json").exists()


def test_an_endpoint_without_scheme_is_one_line(sample: Path) -> None:
    before = (sample.parent / "metadata.json").read_bytes()
    env = {"AWESOME_ARXIV_API": "127.0.0.1:8000/api/query"}
    result = CliRunner().invoke(cli, ["enrich", str(sample)], env=env)
    assert result.exit_code == 2
    assert result.output == (
        "error: AWESOME_ARXIV_API must be an http:// or https:// URL, "
        "got '127.0.0.1:8000/api/query'\n"
    )
    assert (sample.parent / "metadata.json").read_bytes() == before


def test_a_broken_lock_is_an_error(fake: FakeArxiv, sample: Path) -> None:
    (sample.parent / "metadata.json").write_text("{", "utf-8")
    result = enrich(fake, str(sample))
    assert result.exit_code == 2
    assert "metadata.json:1: not valid JSON" in result.output


def test_nested_entries_count() -> None:
    text = (
        "# T\n\n## S\n\n"
        "- [Parent](https://arxiv.org/abs/2305.14314) - 2023.\n"
        "  - [Child](https://arxiv.org/abs/2106.09685) - 2021.\n"
    )
    assert arxiv_ids_of(parse_document(text)) == {"2305.14314": 5, "2106.09685": 6}


def test_an_interrupted_enrich_keeps_the_lock(fake: FakeArxiv, sample: Path) -> None:
    fake.hang()
    before = (sample.parent / "metadata.json").read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AWESOME_ARXIV_API": fake.url}
    env |= {"AWESOME_ARXIV_INTERVAL": "0", "AWESOME_ARXIV_TIMEOUT": "20"}
    process = subprocess.Popen(
        [sys.executable, "-m", "awesome", "enrich", "README.md"],
        cwd=sample.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while fake.count == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=10)
    assert process.returncode != 0
    assert b"Traceback" not in err
    assert (sample.parent / "metadata.json").read_bytes() == before
