"""``awesome lint`` tells the user, once, when arXiv checks were skipped for want of a metadata lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesome.cli import run
from awesome.metadata import MetadataLock, Paper, lock_path_for, save_lock
from tests.conftest import SHIPPED_LIST

PAPER_LIST = (
    "# Papers\n\n## Models\n\n"
    "- [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - 2020.\n"
)
TOOL_LIST = "# Tools\n\n## Editors\n\n- [Vim](https://www.vim.org) - An editor.\n"
KAPLAN = Paper(
    id="2001.08361",
    title="Scaling Laws for Neural Language Models",
    authors=["Jared Kaplan"],
    published="2020-01-23",
)


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "README.md"
    path.write_text(text, "utf-8")
    return path


def test_a_paper_list_without_a_lock_gets_one_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _write(tmp_path / "a", PAPER_LIST)
    second = _write(tmp_path / "b", PAPER_LIST)
    run(["lint", str(first), str(second)])
    captured = capsys.readouterr()
    [note] = captured.err.splitlines()
    assert note.startswith(
        f"note: 2 lists have no metadata lock (the first: {lock_path_for(first)})"
    )
    assert "arXiv title and year checks were skipped" in note
    assert f"run `awesome enrich {first}`" in note
    assert "note:" not in captured.out  # a note, not a finding


def test_one_list_without_a_lock_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, PAPER_LIST)
    run(["lint", str(path)])
    assert capsys.readouterr().err == (
        f"note: no metadata lock at {lock_path_for(path)}, so the arXiv title and year checks"
        f" were skipped; run `awesome enrich {path}` to create it\n"
    )


def test_no_note_when_the_lock_is_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, PAPER_LIST)
    save_lock(MetadataLock({KAPLAN.id: KAPLAN}), tmp_path / "metadata.json")
    run(["lint", str(path)])
    assert capsys.readouterr().err == ""


def test_no_note_for_a_list_without_arxiv_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["lint", str(_write(tmp_path, TOOL_LIST))])
    assert capsys.readouterr().err == ""


def test_machine_formats_get_no_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["lint", "--format", "json", str(_write(tmp_path, PAPER_LIST))])
    assert capsys.readouterr().err == ""


def test_jobs_one_and_two_print_the_same_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tools.genlist import generate_list

    # past the 20,000 lines that make two processes worth it: a comment fills the rest
    filler = "<!--\n" + "A note kept out of sight.\n" * 20_000 + "-->\n"
    path = _write(tmp_path, generate_list(2_000) + "\n" + filler)
    reports = []
    for jobs in ("1", "2"):
        code = run(["lint", "--format", "json", "--jobs", jobs, str(path)])
        reports.append((code, capsys.readouterr().out))
    assert reports[0] == reports[1]
    assert reports[0][0] == 1 and '"entry-order"' in reports[0][1]


def test_jobs_below_one_is_a_usage_error(tmp_path: Path) -> None:
    assert run(["lint", "--jobs", "0", str(_write(tmp_path, TOOL_LIST))]) == 2


def test_the_shipped_list_lints_without_a_finding(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 3: list/README.md passes every rule, with its metadata lock."""
    assert run(["lint", "--format", "json", str(SHIPPED_LIST)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["diagnostics"] == [] and report["summary"]["warnings"] == 0
    assert run(["lint", str(SHIPPED_LIST)]) == 0
    assert capsys.readouterr().out.startswith("0 errors, 0 warnings")
