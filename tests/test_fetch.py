"""Tests for awesome.fetch and ``awesome fetch``, against the fake arXiv API."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome.cli import cli, run
from awesome.config import Config
from awesome.errors import ListError
from awesome.fetch import (
    entry_for,
    find_section,
    insert_entry,
    normalize_heading,
    section_paths,
    write_together,
)
from awesome.metadata import MetadataLock, Paper, lock_from_snapshot, save_lock
from awesome.parser import parse_document
from tests.conftest import ROOT
from tests.fake_arxiv import FakeArxiv, serve

DATA = Path(__file__).parent / "data" / "arxiv"
SAMPLE = (DATA / "sample-list.md").read_text("utf-8")
SNAPSHOT = json.loads((DATA / "snapshot.json").read_text("utf-8"))
QLORA = {
    "title": "QLoRA: Efficient Finetuning of Quantized LLMs",
    "authors": ["Tim Dettmers", "Artidoro Pagnoni", "Ari Holtzman", "Luke Zettlemoyer"],
    "published": "2023-05-23",
    "primary_category": "cs.LG",
}


@pytest.fixture
def fake() -> Iterator[FakeArxiv]:
    for server in serve(DATA / "snapshot.json"):
        server.papers["2305.14314"] = dict(QLORA)
        yield server


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample list with a lock holding the snapshot's facts for its papers."""
    path = tmp_path / "README.md"
    path.write_text(SAMPLE, "utf-8")
    lock = lock_from_snapshot(SNAPSHOT, "snapshot:test")
    linked = {e.arxiv_id for _, e in parse_document(SAMPLE).entries()}
    lock.papers = {k: v for k, v in lock.papers.items() if k in linked}
    save_lock(lock, tmp_path / "metadata.json")
    return path


def fetch(fake: FakeArxiv, *args: str, timeout: str = "2") -> Result:
    env = {
        "AWESOME_ARXIV_API": fake.url,
        "AWESOME_ARXIV_INTERVAL": "0",
        "AWESOME_ARXIV_BACKOFF": "0.01",
        "AWESOME_ARXIV_RETRIES": "1",
        "AWESOME_ARXIV_TIMEOUT": timeout,
    }
    return CliRunner().invoke(cli, ["fetch", *args], env=env)


def snapshot_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def new_lines(before: str, after: str) -> list[tuple[int, str]]:
    old = before.split("\n")
    return [(i, line) for i, line in enumerate(after.split("\n"), 1) if line not in old]


# Section matching


@pytest.mark.parametrize(
    ("heading", "normal"),
    [
        ("3. Parameter-Efficient Fine-Tuning", "parameter-efficient fine-tuning"),
        ("🚀 Efficiency", "efficiency"),
        ("**Bold** [Linked](https://x.example) 🧑‍💻", "bold linked"),
        ("2) Latency", "latency"),
        ("1.2 Sub-section", "sub-section"),
        ("2023 Papers", "2023 papers"),
        ("Safety ✔️ issues", "safety issues"),
    ],
)
def test_normalize_heading(heading: str, normal: str) -> None:
    assert normalize_heading(heading) == normal


@pytest.mark.parametrize(
    ("query", "heading"),
    [
        ("encoders", "Encoders"),
        ("EFFICIENCY", "🚀 Efficiency"),
        ("cost", "1. Cost"),
        ("1. Cost", "1. Cost"),
        ("Safety/Alignment", "Alignment"),
        ("efficiency/alignment", "2. Alignment"),
        ("Models / Decoders", "Decoders"),
    ],
)
def test_find_section(query: str, heading: str) -> None:
    assert find_section(parse_document(SAMPLE), query).section.heading == heading


def test_find_section_in_the_shipped_list() -> None:
    doc = parse_document((ROOT / "list" / "README.md").read_text("utf-8"))
    found = find_section(doc, "parameter-efficient fine-tuning")
    assert str(found).endswith("Efficiency/3. Parameter-Efficient Fine-Tuning")
    assert find_section(doc, "Test data/user data").section.heading == "Test data/user data"


def test_a_name_used_twice_needs_its_parent() -> None:
    with pytest.raises(ListError, match="not unique") as caught:
        find_section(parse_document(SAMPLE), "alignment")
    assert "🚀 Efficiency/2. Alignment (line 35)" in str(caught.value)
    assert "Safety/Alignment (line 41)" in str(caught.value)


def test_an_unknown_section_lists_close_matches() -> None:
    with pytest.raises(ListError, match="close matches: Models/Decoders") as caught:
        find_section(parse_document(SAMPLE), "Decoder")
    assert "Safety" not in str(caught.value)


# Fetching into each kind of section


def test_fetch_into_the_middle_in_canonical_order(fake: FakeArxiv, sample: Path) -> None:
    result = fetch(
        fake, "1910.10683", "--name", "T5", "--section", "encoders", "--file", str(sample)
    )
    assert result.exit_code == 0, result.output
    text = sample.read_text("utf-8")
    added = "- [Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer]"
    added += "(https://arxiv.org/abs/1910.10683) - **T5**. Raffel et al., 2019."
    assert new_lines(SAMPLE, text) == [(23, added)]  # after ALBERT (2019-09), before 2020
    assert f"added to Models/Encoders ({sample}:23):\n{added}\n" in result.output
    lock = json.loads((sample.parent / "metadata.json").read_text("utf-8"))
    assert lock["papers"]["1910.10683"]["fetched_from"] == fake.url
    assert fake.count == 1


@pytest.mark.parametrize(
    ("arxiv_id", "section", "line", "start"),
    [
        ("1706.03741", "encoders", 21, "- [Deep reinforcement learning"),  # first: 2017
        ("2302.13971", "encoders", 24, "- [LLaMA"),  # last: 2023
        ("2302.13971", "decoders", 28, "* [LLaMA"),  # keeps the list's bullet
        ("2302.13971", "Efficiency", 31, "- [LLaMA"),  # above the subsections
        ("2302.13971", "Models/Decoders", 28, "* [LLaMA"),
        ("2302.13971", "efficiency/alignment", 39, "- [LLaMA"),  # after the paragraph
        ("2302.13971", "data", 51, "- [LLaMA"),  # after a table, at the end of the file
    ],
)
def test_fetch_into_each_kind_of_section(
    fake: FakeArxiv, sample: Path, arxiv_id: str, section: str, line: int, start: str
) -> None:
    result = fetch(fake, arxiv_id, "--section", section, "--file", str(sample))
    assert result.exit_code == 0, result.output
    text = sample.read_text("utf-8")
    [(number, added)] = new_lines(SAMPLE, text)
    assert (number, added[: len(start)]) == (line, start)
    again = parse_document(text)
    assert again.entry_count() == parse_document(SAMPLE).entry_count() + 1
    target = find_section(again, section).section
    assert arxiv_id in [e.arxiv_id for e in target.entries]


def test_several_ids_in_one_request(fake: FakeArxiv, sample: Path) -> None:
    result = fetch(
        fake, "2302.13971", "arXiv:1706.03741v2", "--section", "encoders", "--file", str(sample)
    )
    assert result.exit_code == 0, result.output
    assert fake.count == 1
    assert fake.requests[0]["id_list"] == "2302.13971,1706.03741"
    added = new_lines(SAMPLE, sample.read_text("utf-8"))
    assert [(n, line[:12]) for n, line in added] == [(21, "- [Deep rein"), (25, "- [LLaMA: Op")]
    assert f"({sample}:21)" in result.output and f"({sample}:25)" in result.output


def test_fetch_into_the_shipped_list_keeps_it_canonical(fake: FakeArxiv, tmp_path: Path) -> None:
    for name in ("README.md", "metadata.json"):
        (tmp_path / name).write_bytes((ROOT / "list" / name).read_bytes())
    readme = tmp_path / "README.md"
    result = fetch(
        fake, "https://arxiv.org/abs/2305.14314", "--name", "QLoRA",
        "--section", "parameter-efficient fine-tuning", "--file", str(readme),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "**QLoRA**. Dettmers et al., 2023." in result.output
    assert run(["format", "--check", str(readme)]) == 0


# Refusals: nothing written


DUPLICATE_FORMS = [
    "https://arxiv.org/abs/2305.14314",
    "http://arxiv.org/abs/2305.14314v2",
    "https://arxiv.org/pdf/2305.14314",
    "https://arxiv.org/pdf/2305.14314v1.pdf",
    "https://arxiv.org/html/2305.14314v2#S3",
    "https://export.arxiv.org/abs/2305.14314",
    "https://www.arxiv.org/abs/2305.14314?context=cs",
    "https://doi.org/10.48550/arXiv.2305.14314",
]


@pytest.mark.parametrize("url", DUPLICATE_FORMS)
@pytest.mark.parametrize("asked", ["2305.14314", "https://arxiv.org/abs/2305.14314v3"])
def test_duplicates_in_every_url_form_are_refused(
    fake: FakeArxiv, sample: Path, url: str, asked: str
) -> None:
    text = SAMPLE.replace("## Data\n", f"## Data\n\n- [QLoRA]({url}) - 2023.\n")
    sample.write_text(text, "utf-8")
    before = snapshot_of(sample.parent)
    result = fetch(fake, asked, "--section", "encoders", "--file", str(sample))
    assert result.exit_code == 2
    line = text.split("\n").index(f"- [QLoRA]({url}) - 2023.") + 1
    assert f"error: {sample}:{line}: 2305.14314 is already in the list: - [QLoRA]" in result.output
    assert snapshot_of(sample.parent) == before
    assert fake.count == 0


@pytest.mark.parametrize(
    "asked",
    [
        "arXiv:2305.14314v1",
        "10.48550/arXiv.2305.14314",
        "https://doi.org/10.48550/arXiv.2305.14314",
        "https://arxiv.org/pdf/2305.14314v2.pdf",
        "http://export.arxiv.org/abs/2305.14314?context=cs.LG",
        "arxiv.org/html/2305.14314v1",
    ],
)
def test_every_asked_form_of_a_listed_paper_is_refused(
    fake: FakeArxiv, sample: Path, asked: str
) -> None:
    text = SAMPLE.replace(
        "## Data\n", "## Data\n\n- [QLoRA](https://arxiv.org/abs/2305.14314) - 2023.\n"
    )
    sample.write_text(text, "utf-8")
    before = snapshot_of(sample.parent)
    result = fetch(fake, asked, "--section", "encoders", "--file", str(sample))
    assert result.exit_code == 2
    assert "2305.14314 is already in the list" in result.output
    assert snapshot_of(sample.parent) == before
    assert fake.count == 0


@pytest.mark.parametrize(
    ("listed", "asked"),
    [
        ("https://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001"),
        ("https://arxiv.org/abs/math.GT/0309136", "math/0309136"),
        ("https://arxiv.org/pdf/math/0309136v1", "arXiv:math.GT/0309136"),
        ("https://doi.org/10.48550/arXiv.cs/0112017", "https://arxiv.org/abs/cs/0112017v1"),
    ],
)
def test_old_style_duplicates_are_refused(
    fake: FakeArxiv, sample: Path, listed: str, asked: str
) -> None:
    text = SAMPLE.replace("## Data\n", f"## Data\n\n- [Old]({listed}) - 2003.\n")
    sample.write_text(text, "utf-8")
    result = fetch(fake, asked, "--section", "encoders", "--file", str(sample))
    assert result.exit_code == 2
    line = text.split("\n").index(f"- [Old]({listed}) - 2003.") + 1
    assert (
        f"{sample}:{line}: " in result.output and "is already in the list: - [Old]" in result.output
    )
    assert fake.count == 0


def test_an_old_style_paper_is_added_under_arxivs_id(fake: FakeArxiv, sample: Path) -> None:
    fake.papers["math/0309136"] = {
        "title": "A Knot Paper",
        "authors": ["Ann Topologist"],
        "published": "2003-09-08",
    }
    result = fetch(fake, "math.GT/0309136v1", "--section", "encoders", "--file", str(sample))
    assert result.exit_code == 0, result.output
    assert fake.requests[0]["id_list"] == "math/0309136"
    assert "- [A Knot Paper](https://arxiv.org/abs/math/0309136) - Topologist, 2003." in (
        sample.read_text("utf-8")
    )
    assert "math/0309136" in json.loads((sample.parent / "metadata.json").read_text())["papers"]


def test_a_duplicate_in_an_html_table_is_refused(fake: FakeArxiv, sample: Path) -> None:
    result = fetch(fake, "2211.15533", "--section", "data", "--file", str(sample))
    assert result.exit_code == 2
    assert f"{sample}:48: 2211.15533 is already in the list" in result.output


def test_without_section_and_no_terminal_lists_sections(fake: FakeArxiv, sample: Path) -> None:
    result = fetch(fake, "2302.13971", "--file", str(sample))
    assert result.exit_code == 2
    assert "say where the paper goes with --section" in result.output
    assert "  4. 🚀 Efficiency" in result.output
    assert "  8. Safety/Alignment" in result.output
    assert fake.count == 0


def test_unknown_section_writes_nothing(fake: FakeArxiv, sample: Path) -> None:
    before = snapshot_of(sample.parent)
    result = fetch(fake, "2302.13971", "--section", "Efficency", "--file", str(sample))
    assert result.exit_code == 2
    assert "no section 'Efficency'; close matches: 🚀 Efficiency" in result.output
    assert snapshot_of(sample.parent) == before


def test_invalid_id_says_what_was_expected(fake: FakeArxiv, sample: Path) -> None:
    result = fetch(fake, "2302.1397", "--section", "encoders", "--file", str(sample))
    assert result.exit_code == 2
    assert "5 digits" in result.output and "expected an arXiv id such as" in result.output
    assert fake.count == 0


def test_name_with_several_ids_is_a_usage_error(fake: FakeArxiv, sample: Path) -> None:
    result = fetch(fake, "2302.13971", "1706.03741", "--name", "X", "--file", str(sample))
    assert result.exit_code == 2
    assert "--name applies to one paper" in result.output


def test_unknown_id_writes_nothing(fake: FakeArxiv, sample: Path) -> None:
    before = snapshot_of(sample.parent)
    result = fetch(fake, "2302.13971", "2401.99999", "--section", "encoders", "--file", str(sample))
    assert result.exit_code == 2
    assert "arXiv does not know 2401.99999; nothing written" in result.output
    assert snapshot_of(sample.parent) == before


@pytest.mark.parametrize("fault", ["503", "hang", "html"])
def test_network_failure_writes_nothing(fake: FakeArxiv, sample: Path, fault: str) -> None:
    for _ in range(2):
        if fault == "503":
            fake.fail(503)
        elif fault == "hang":
            fake.hang()
        else:
            fake.answer(b"<html>maintenance</html>", content_type="text/html")
    before = snapshot_of(sample.parent)
    args = ("2302.13971", "--section", "encoders", "--file", str(sample))
    result = fetch(fake, *args, timeout="0.2")
    assert result.exit_code == 2
    assert result.output.startswith("error: ")
    assert result.output.endswith("; nothing written\n")
    assert snapshot_of(sample.parent) == before


def test_a_broken_lock_fails_before_any_request(fake: FakeArxiv, sample: Path) -> None:
    (sample.parent / "metadata.json").write_text('{"version": 1}', "utf-8")
    result = fetch(fake, "2302.13971", "--section", "encoders", "--file", str(sample))
    assert result.exit_code == 2
    assert "invalid metadata lock at (top level)" in result.output
    assert fake.count == 0
    assert sample.read_text("utf-8") == SAMPLE


def test_dry_run_prints_the_diff_and_writes_nothing(fake: FakeArxiv, sample: Path) -> None:
    before = snapshot_of(sample.parent)
    result = fetch(fake, "2302.13971", "--section", "encoders", "--dry-run", "--file", str(sample))
    assert result.exit_code == 0, result.output
    assert f"--- a/{sample}" in result.output
    assert "\n+- [LLaMA: Open and Efficient Foundation Language Models]" in result.output
    assert sum(line.startswith("+") for line in result.output.splitlines()) == 2  # +++ and entry
    assert snapshot_of(sample.parent) == before


def test_awesome_fetch_is_the_same_command(
    fake: FakeArxiv, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWESOME_ARXIV_API", fake.url)
    monkeypatch.setenv("AWESOME_ARXIV_INTERVAL", "0")
    args = ["fetch", "2302.13971", "--section", "cost", "--file", str(sample)]
    assert run(args, prog_name="awesome-fetch") == 0
    assert "LLaMA" in sample.read_text("utf-8")


# Interrupted runs and the terminal prompt: real processes


def _spawn(args: list[str], fake: FakeArxiv, cwd: Path) -> tuple[subprocess.Popen[bytes], int]:
    """``python -m awesome`` on a pseudo-terminal, so it believes a person is there."""
    parent, child = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AWESOME_ARXIV_API": fake.url}
    env |= {"AWESOME_ARXIV_INTERVAL": "0", "AWESOME_ARXIV_TIMEOUT": "20"}
    process = subprocess.Popen(
        [sys.executable, "-m", "awesome", *args],
        stdin=child, stdout=child, stderr=child, cwd=cwd, env=env,
    )  # fmt: skip
    os.close(child)
    return process, parent


def _read_until(fd: int, marker: bytes, limit: float = 10.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + limit
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
    return seen


def test_on_a_terminal_the_sections_are_offered(fake: FakeArxiv, sample: Path) -> None:
    process, terminal = _spawn(["fetch", "2302.13971", "--file", "README.md"], fake, sample.parent)
    try:
        shown = _read_until(terminal, b"Section number")
        assert b"3. Models/Decoders" in shown
        os.write(terminal, b"3\n")
        output = _read_until(terminal, b"LLaMA")
        assert process.wait(timeout=20) == 0, output
    finally:
        os.close(terminal)
    assert "* [LLaMA" in sample.read_text("utf-8")


def test_an_interrupted_fetch_writes_nothing(fake: FakeArxiv, sample: Path) -> None:
    fake.hang()
    before = snapshot_of(sample.parent)
    process, terminal = _spawn(
        ["fetch", "2302.13971", "--section", "encoders", "--file", "README.md"], fake, sample.parent
    )
    try:
        deadline = time.monotonic() + 10
        while fake.count == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(2)  # SIGINT while the request hangs
        assert process.wait(timeout=10) != 0
    finally:
        os.close(terminal)
    assert snapshot_of(sample.parent) == before


def test_a_lock_that_cannot_be_written_leaves_the_list(fake: FakeArxiv, sample: Path) -> None:
    (sample.parent / "awesome.toml").write_text('metadata = "missing/metadata.json"\n', "utf-8")
    before = snapshot_of(sample.parent)
    result = fetch(fake, "2302.13971", "--section", "cost", "--file", str(sample))
    assert result.exit_code == 2
    lock = sample.parent.resolve() / "missing" / "metadata.json"
    assert result.output == f"error: {lock}: cannot write: No such file or directory\n"
    assert snapshot_of(sample.parent) == before


def test_write_together_puts_back_what_it_wrote(tmp_path: Path) -> None:
    first, new, broken = tmp_path / "lock.json", tmp_path / "new.md", tmp_path / "no" / "x.md"
    first.write_bytes(b'{"old": true}\r\n')
    with pytest.raises(ListError) as caught:
        write_together([(first, "changed\n"), (new, "created\n"), (broken, "never\n")])
    assert str(caught.value) == f"{broken}: cannot write: No such file or directory"
    assert first.read_bytes() == b'{"old": true}\r\n'
    assert not new.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lock.json"]  # no temporary files
    write_together([(first, "one\n"), (new, "two\n")])
    assert (first.read_text(), new.read_text()) == ("one\n", "two\n")


def test_an_empty_lock_is_created(fake: FakeArxiv, tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(SAMPLE, "utf-8")
    assert fetch(fake, "2302.13971", "--section", "cost", "--file", str(path)).exit_code == 0
    lock = json.loads((tmp_path / "metadata.json").read_text("utf-8"))
    assert list(lock["papers"]) == ["2302.13971"]
    assert isinstance(MetadataLock(), MetadataLock)


def test_section_paths_cover_every_section() -> None:
    doc = parse_document(SAMPLE)
    assert [str(p) for p in section_paths(doc)] == [
        "Models",
        "Models/Encoders",
        "Models/Decoders",
        "🚀 Efficiency",
        "🚀 Efficiency/1. Cost",
        "🚀 Efficiency/2. Alignment",
        "Safety",
        "Safety/Alignment",
        "Data",
    ]


hostile_titles = st.text(
    st.sampled_from(list("aZ09 .,:;-—*_`[]()<>|\\#&$!?'\"~^{}/")), min_size=1, max_size=40
).filter(lambda t: t.strip() and t == " ".join(t.split()))


@settings(max_examples=150, deadline=None)
@given(title=hostile_titles, name=st.one_of(st.none(), hostile_titles))
def test_hostile_titles_insert_and_read_back(title: str, name: str | None) -> None:
    doc = parse_document(SAMPLE)
    paper = Paper(id="2302.13971", title=title, authors=["Hugo Touvron"], published="2023-02-27")
    new = entry_for(paper, name)
    inserted = insert_entry(
        SAMPLE, doc, find_section(doc, "encoders"), new, MetadataLock(), Config()
    )
    again = find_section(parse_document(inserted.text), "encoders").section
    assert new in again.entries


# Sections split into runs by labels between entries


def _labelled_list(tmp_path: Path, body: str) -> Path:
    """A canonical list whose one section holds ``body``, with a lock for its papers."""
    from awesome.formatting import format_text

    lock = lock_from_snapshot(SNAPSHOT, "snapshot:test")
    text = format_text(f"# Papers\n\n## Models\n\n{body}", Config(), lock).formatted
    linked = {e.arxiv_id for _, e in parse_document(text).entries()}
    lock.papers = {k: v for k, v in lock.papers.items() if k in linked}
    save_lock(lock, tmp_path / "metadata.json")
    path = tmp_path / "README.md"
    path.write_text(text, "utf-8")
    return path


LABELLED = (
    "_Encoders_\n\n"
    "- [Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer]"
    "(https://arxiv.org/abs/1910.10683) - Raffel et al., 2019.\n"
    "- [LLaMA: Open and Efficient Foundation Language Models](https://arxiv.org/abs/2302.13971)"
    " - Touvron et al., 2023.\n\n"
    "_Decoders_\n\n"
    "- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - Brown et al., 2020.\n"
    "- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685)"
    " - Hu et al., 2021.\n"
)


@pytest.mark.parametrize(
    ("arxiv_id", "after_line_starting"),
    [
        # newer than every run: the end of the last run, not above the _Decoders_ label
        ("2305.14314", "- [LoRA"),
        # inside the first run's range: there, in order
        ("2203.15556", "- [Exploring"),
        # older than everything: the top of the first run, under its label
        ("1706.03741", "_Encoders_"),
    ],
)
def test_fetch_into_a_section_with_labels_stays_in_one_run(
    fake: FakeArxiv, tmp_path: Path, arxiv_id: str, after_line_starting: str
) -> None:
    from awesome.formatting import format_text
    from awesome.lint import lint_text
    from awesome.metadata import load_lock

    path = _labelled_list(tmp_path, LABELLED)
    before = path.read_text("utf-8")
    result = fetch(fake, arxiv_id, "--section", "models", "--file", str(path))
    assert result.exit_code == 0, result.output
    text = path.read_text("utf-8")
    [(number, added)] = new_lines(before, text)
    above = [line for line in text.split("\n")[: number - 1] if line.strip()][-1]
    assert above.startswith(after_line_starting), (above, added)
    # format would not move it, and lint sees no order problem
    lock = load_lock(tmp_path / "metadata.json")
    assert format_text(text, Config(), lock).formatted == text
    assert [f for f in lint_text(text, str(path), None, lock) if f.rule == "entry-order"] == []


SNAPSHOT_LOCK = lock_from_snapshot(SNAPSHOT, "snapshot:test")
SNAPSHOT_IDS = sorted(SNAPSHOT_LOCK.papers)


@st.composite
def _labelled_section(draw: st.DrawFn) -> tuple[str, str]:
    """A section body of snapshot papers with labels between some of them, and an id to add."""
    ids = draw(st.lists(st.sampled_from(SNAPSHOT_IDS), min_size=2, max_size=8, unique=True))
    new = draw(st.sampled_from([i for i in SNAPSHOT_IDS if i not in ids]))
    lines: list[str] = []
    for arxiv_id in ids:
        if lines and draw(st.booleans()):
            lines += ["", draw(st.sampled_from(["_Group_", "**Older**", "A note."])), ""]
        paper = SNAPSHOT_LOCK.papers[arxiv_id]
        lines.append(f"- [{paper.title}](https://arxiv.org/abs/{arxiv_id}) - {paper.year}.")
    return "\n".join(lines) + "\n", new


@settings(max_examples=40, deadline=None)
@given(case=_labelled_section(), mode=st.sampled_from(["canonical", "title", "none"]))
def test_an_inserted_entry_is_where_format_keeps_it(case: tuple[str, str], mode: str) -> None:
    from awesome.formatting import format_text

    body, new_id = case
    config = Config(sort=mode)
    text = format_text(f"# Papers\n\n## Models\n\n{body}", config, SNAPSHOT_LOCK).formatted
    doc = parse_document(text)
    new = entry_for(SNAPSHOT_LOCK.papers[new_id])
    inserted = insert_entry(text, doc, find_section(doc, "models"), new, SNAPSHOT_LOCK, config)
    assert format_text(inserted.text, config, SNAPSHOT_LOCK).formatted == inserted.text


@pytest.mark.parametrize(
    ("items", "bullet"),
    [
        # verbatim items keep their '*' through format: the new entry takes format's '-'
        ("* a note without a link\n* another free item\n", "- "),
        # a parsed neighbour written with '*': the list stays one list
        ("* [Old paper](https://example.org/old) - 2019.\n", "* "),
    ],
)
def test_the_new_entrys_bullet(fake: FakeArxiv, tmp_path: Path, items: str, bullet: str) -> None:
    path = tmp_path / "README.md"
    path.write_text(
        "# Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "A list.\n\n## Contents\n\n- [Papers](#papers)\n\n## Papers\n\n" + items,
        "utf-8",
    )
    canonical_before = CliRunner().invoke(cli, ["format", "--check", str(path)]).exit_code == 0
    assert fetch(fake, "2302.13971", "--section", "Papers", "--file", str(path)).exit_code == 0
    added = next(line for line in path.read_text("utf-8").splitlines() if "2302.13971" in line)
    assert added.startswith(bullet + "[LLaMA")
    assert canonical_before == (bullet == "- ")  # the '*' entry is not canonical
    if canonical_before:  # a canonical list stays canonical
        assert CliRunner().invoke(cli, ["format", "--check", str(path)]).exit_code == 0
