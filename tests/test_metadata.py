"""Tests for awesome.metadata: the lock's schema, formatting, round trip and errors."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome.errors import MetadataError
from awesome.metadata import (
    PAPER_FIELDS,
    MetadataLock,
    Paper,
    load_lock,
    lock_from_json,
    lock_from_snapshot,
    lock_path_for,
    save_lock,
)

DATA = Path(__file__).parent / "data" / "arxiv"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def snapshot() -> dict[str, object]:
    data: dict[str, object] = json.loads((DATA / "snapshot.json").read_text("utf-8"))
    return data


def test_snapshot_lock_validates_and_keeps_only_known_facts(snapshot: dict[str, object]) -> None:
    lock = lock_from_snapshot(snapshot, "snapshot:test")
    lock_from_json(lock.to_json(), "<memory>")  # raises when the schema is broken
    records = {r["id"]: r for r in snapshot["papers"]}  # type: ignore[attr-defined]
    assert set(lock.papers) == set(records)
    for pid, paper in lock.papers.items():
        record = records[pid]
        written = paper.to_json()
        assert set(written) <= set(PAPER_FIELDS)
        for name in ("categories", "journal_ref", "doi", "version", "updated", "primary_category"):
            assert (name in written) == (name in record), (pid, name)
        assert paper.authors_complete == record["authors_complete"]
        assert paper.published_precision == record["published_precision"]


def test_month_precision_is_kept(snapshot: dict[str, object]) -> None:
    lock = lock_from_snapshot(snapshot, "snapshot:test")
    month = [p for p in lock.papers.values() if p.published_precision == "month"]
    assert month, "the snapshot has papers whose v1 day is unknown"
    assert all(len(p.published or "") == 7 for p in month)
    assert all(p.year is not None for p in month)


def test_shipped_lock_agrees_with_the_snapshot(snapshot: dict[str, object]) -> None:
    """Every snapshot fact is in the shipped lock unchanged; additions name their sources."""
    shipped = load_lock(ROOT / "list" / "metadata.json")
    seeded = lock_from_snapshot(
        snapshot, "snapshot: ../shared/arxiv/snapshot.json (arXiv-derived public records)"
    )
    for paper_id, paper in seeded.papers.items():
        kept = shipped.papers[paper_id]
        # a title the list used before arXiv's current one is recorded, not a changed fact
        assert dataclasses.replace(kept, former_titles=[]) == paper
    for paper_id in set(shipped.papers) - set(seeded.papers):
        assert shipped.papers[paper_id].fetched_from.startswith("https://")  # type: ignore[union-attr]


def test_output_is_deterministic_whatever_the_insertion_order(
    snapshot: dict[str, object],
) -> None:
    lock = lock_from_snapshot(snapshot, "snapshot:test")
    reversed_lock = MetadataLock(dict(reversed(list(lock.papers.items()))))
    assert lock.dumps() == reversed_lock.dumps()
    ids = list(json.loads(lock.dumps())["papers"])
    assert ids == sorted(ids)
    for record in json.loads(lock.dumps())["papers"].values():
        order = [PAPER_FIELDS.index(key) for key in record]
        assert order == sorted(order)
    assert lock.dumps().endswith("}\n")


def test_save_reports_change_and_is_idempotent(tmp_path: Path, snapshot: dict[str, object]) -> None:
    path = tmp_path / "metadata.json"
    lock = lock_from_snapshot(snapshot, "snapshot:test")
    assert save_lock(lock, path) is True
    assert save_lock(lock, path) is False
    assert load_lock(path).papers == lock.papers


def test_save_refuses_an_invalid_record(tmp_path: Path) -> None:
    path = tmp_path / "metadata.json"
    lock = MetadataLock({"2304.13712": Paper(id="2304.13712", title="")})
    with pytest.raises(MetadataError, match=r"papers/2304\.13712/title"):
        save_lock(lock, path)
    assert not path.exists()


titles = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30)
papers = st.builds(
    Paper,
    id=st.just("2304.13712"),
    title=titles,
    authors=st.lists(titles, max_size=4),
    authors_complete=st.booleans(),
    published=st.sampled_from([None, "2023-04", "2023-04-27"]),
    former_titles=st.lists(titles, max_size=2),
    version=st.one_of(st.none(), st.integers(1, 20)),
    categories=st.lists(st.sampled_from(["cs.CL", "cs.LG", "stat.ML"]), max_size=3),
    journal_ref=st.one_of(st.none(), titles),
    doi=st.one_of(st.none(), st.just("10.1000/xyz")),
    comment=st.one_of(st.none(), titles),
)


@given(papers)
def test_round_trip(paper: Paper) -> None:
    lock = MetadataLock({paper.id: paper})
    again = lock_from_json(json.loads(lock.dumps()), "<memory>")
    assert again.papers == lock.papers
    assert again.dumps() == lock.dumps()


def test_missing_file_is_an_empty_lock(tmp_path: Path) -> None:
    lock = load_lock(tmp_path / "metadata.json")
    assert len(lock) == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"version": 1,\n "papers": {', "not valid JSON"),
        ("[]", "invalid metadata lock at (top level)"),
        ('{"version": 2, "papers": {}}', "invalid metadata lock at version"),
        ('{"version": 1, "papers": {"abc": {"title": "x"}}}', "invalid metadata lock at papers"),
        (
            '{"version": 1, "papers": {"2304.13712": {"title": "x", "colour": "red"}}}',
            "papers/2304.13712",
        ),
        (
            '{"version": 1, "papers": {"2304.13712": {"title": "x", "published": "April"}}}',
            "papers/2304.13712/published",
        ),
    ],
)
def test_bad_lock_file_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "metadata.json"
    path.write_text(text, "utf-8")
    with pytest.raises(MetadataError) as caught:
        load_lock(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_json_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "metadata.json"
    path.write_text('{"version": 1,\n "papers": {\n', "utf-8")
    with pytest.raises(MetadataError) as caught:
        load_lock(path)
    assert caught.value.line == 3


def test_lock_path_is_beside_the_list(tmp_path: Path) -> None:
    assert lock_path_for(tmp_path / "README.md") == tmp_path / "metadata.json"
    assert lock_path_for(tmp_path / "README.md", "papers.json") == tmp_path / "papers.json"


def test_schema_error_names_the_line_of_the_record(tmp_path: Path) -> None:
    path = tmp_path / "metadata.json"
    good = Paper("2304.13712", "Harnessing", published="2023-04-26")
    bad = Paper("2305.14314", "QLoRA", published="2023-05-23")
    text = MetadataLock({p.id: p for p in (good, bad)}).dumps()
    path.write_text(text.replace('"2023-05-23"', '"May 2023"'), "utf-8")
    with pytest.raises(MetadataError) as caught:
        load_lock(path)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "2023-05-23" in t)
    assert str(caught.value).startswith(
        f"{path}:{line}: invalid metadata lock at papers/2305.14314/published: "
    )


def test_a_lock_that_is_a_folder_or_not_utf8_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "metadata.json"
    folder.mkdir()
    with pytest.raises(MetadataError) as caught:
        load_lock(folder)
    assert str(caught.value) == f"{folder}: cannot read metadata lock: Is a directory"
    broken = tmp_path / "lock.json"
    broken.write_bytes(b'{"version": 1, "papers": {"\xff": {}}}')
    with pytest.raises(MetadataError) as caught:
        load_lock(broken)
    assert str(caught.value) == f"{broken}: not valid UTF-8 (byte 28)"
