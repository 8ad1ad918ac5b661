"""``awesome diff GIT_REF [FILE]`` against lists committed in a temporary git repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from awesome.listdiff import FIELDS
from awesome.schemas import load_schema

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

LIST_V1 = """\
# Sample list [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

Papers we like.

## Models

- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - **Transformer**. Vaswani \
et al., NeurIPS 2017.
- [Some Tool](https://example.com/tool) - A tool.

## Data

- [The Pile](https://arxiv.org/abs/2101.00027) - **Pile**. Gao et al., arXiv 2020.
- [Old Corpus](https://example.com/corpus) - Gone soon.
"""

LIST_V2 = """\
# Sample list [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

Papers we like.

## Models

- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - **Transformer**. Vaswani \
et al., NeurIPS 2018.

## Data

- [The Pile](https://arxiv.org/abs/2101.00027) - **Pile**. Gao et al., arXiv 2020.
- [Some Tool](https://example.com/tool) - A tool.
- [LLaMA](https://arxiv.org/abs/2302.13971) - **LLaMA**. Touvron et al., arXiv 2023.
"""


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout


def awesome(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "awesome", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds LIST_V1 at list/README.md; the work tree has V2."""
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "list").mkdir()
    (tmp_path / "list" / "README.md").write_text(LIST_V1, encoding="utf-8")
    git(tmp_path, "add", "list/README.md")
    git(tmp_path, "commit", "-q", "-m", "first")
    (tmp_path / "list" / "README.md").write_text(LIST_V2, encoding="utf-8")
    return tmp_path


def test_json_report_lists_each_kind_of_change(repo: Path) -> None:
    done = awesome(repo, "diff", "HEAD", "list/README.md", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["summary"] == {"added": 1, "removed": 1, "moved": 1, "edited": 1}
    by_kind = {change["kind"]: change for change in data["changes"]}
    assert by_kind["added"]["title"] == "LLaMA"
    assert by_kind["added"]["new"] == {"section": "Data", "line": 13}
    assert by_kind["removed"]["title"] == "Old Corpus"
    assert by_kind["removed"]["old"] == {"section": "Data", "line": 13}
    assert (by_kind["moved"]["old"]["section"], by_kind["moved"]["new"]["section"]) == (
        "Models",
        "Data",
    )
    assert by_kind["edited"]["fields"] == [{"field": "year", "old": 2017, "new": 2018}]


def test_default_file_and_text_format(repo: Path) -> None:
    done = awesome(repo, "diff", "HEAD")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "list/README.md: 1 added, 1 removed, 1 moved, 1 edited (since HEAD)"
    assert "list/README.md:7: ~ edited [Models] Attention Is All You Need" in lines
    assert "    year: 2017 -> 2018" in lines


def test_markdown_report_for_a_job_summary(repo: Path) -> None:
    done = awesome(repo, "diff", "HEAD", "list/README.md", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("### Entries changed in `list/README.md` since `HEAD`")
    assert "- [LLaMA](<https://arxiv.org/abs/2302.13971>) in Data (line 13)" in done.stdout


def test_exit_code_flag_reports_changes_with_1(repo: Path) -> None:
    assert awesome(repo, "diff", "HEAD", "--exit-code").returncode == 1
    (repo / "list" / "README.md").write_text(LIST_V1, encoding="utf-8")
    unchanged = awesome(repo, "diff", "HEAD", "--exit-code")
    assert unchanged.returncode == 0
    assert "no entry changed" in unchanged.stdout


def test_a_path_from_a_subfolder_resolves_against_that_folder(repo: Path) -> None:
    done = awesome(repo / "list", "diff", "HEAD", "README.md", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["added"] == 1


def test_file_missing_at_the_revision_counts_every_entry_as_added(repo: Path) -> None:
    (repo / "other.md").write_text(LIST_V1, encoding="utf-8")
    done = awesome(repo, "diff", "HEAD", "other.md", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"] == {"added": 4, "removed": 0, "moved": 0, "edited": 0}


def test_unknown_revision_is_a_one_line_error(repo: Path) -> None:
    done = awesome(repo, "diff", "no-such-branch")
    assert done.returncode == 2
    assert done.stderr.strip() == "error: list/README.md: unknown git revision 'no-such-branch'"


def test_revision_that_looks_like_an_option_is_refused(repo: Path) -> None:
    done = awesome(repo, "diff", "--", "--output=/tmp/x")
    assert done.returncode == 2
    assert "unknown git revision '--output=/tmp/x'" in done.stderr


def test_outside_a_repository_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(LIST_V1, encoding="utf-8")
    done = awesome(tmp_path, "diff", "HEAD", "README.md")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "not inside a git repository" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_working_file_is_a_one_line_error(repo: Path) -> None:
    done = awesome(repo, "diff", "HEAD", "nope.md")
    assert done.returncode == 2
    assert done.stderr.strip() == "error: nope.md: no such file"


@pytest.mark.parametrize(
    ("committed", "message"),
    [
        (b"\x00\x01binary", "list/README.md at HEAD: looks like a binary file"),
        (b"# L\n\n- [A](https://a.example) caf\xe9\n", "list/README.md at HEAD:3: not valid UTF-8"),
    ],
)
def test_committed_file_that_is_no_text_is_an_error_naming_the_revision(
    repo: Path, committed: bytes, message: str
) -> None:
    (repo / "list" / "README.md").write_bytes(committed)
    git(repo, "commit", "-q", "-am", "not text")
    (repo / "list" / "README.md").write_text(LIST_V2, encoding="utf-8")
    done = awesome(repo, "diff", "HEAD")
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_json_report_validates_against_its_schema(repo: Path) -> None:
    done = awesome(repo, "diff", "HEAD", "--format", "json")
    assert done.returncode == 0, done.stderr
    schema = load_schema("diff-report")
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(json.loads(done.stdout)))
    assert errors == []


def test_schema_names_every_field_the_diff_compares() -> None:
    change = load_schema("diff-report")["$defs"]["change"]
    names = change["properties"]["fields"]["items"]["properties"]["field"]["enum"]
    assert set(names) == {*FIELDS, "raw"}
