"""The canonical shapes pass the reference linter, awesome-lint 2.3.0 (when node is available)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from awesome.model import Document, Entry, Link, Section
from awesome.render import render_document
from tests.conftest import ROOT
from tests.peers import awesome_lint_bin, run_awesome_lint


@pytest.fixture(scope="module")
def awesome_lint() -> Path:
    found = awesome_lint_bin()
    if isinstance(found, str):
        pytest.skip(f"awesome-lint {found}")
    return found


def _sample_document() -> Document:
    shapes = [
        Entry(title="A Bare Link", url="https://bare.example"),
        Entry(title="Only a Year", url="https://year.example", year=2019),
        Entry(title="Named", url="https://named.example/x", name="NAME", year=2020),
        Entry(
            title="One Author",
            url="https://one.example",
            authors=["Smith"],
            venue="ICML",
            year=2021,
        ),
        Entry(
            title="Two Authors", url="https://two.example", authors=["Smith", "Jones"], year=2021
        ),
        Entry(
            title="First Author Only [with brackets] | pipes",
            url="https://arxiv.org/abs/2304.13712",
            name="Model-X",
            authors=["Yang"],
            authors_first_only=True,
            venue="arXiv",
            year=2023,
            description="A survey of practice.",
            links=[
                Link("Code", "https://code.example/repo"),
                Link("Blog", "https://blog.example/post"),
            ],
        ),
        Entry(
            title="Description Only", url="https://desc.example", description="Explains the idea."
        ),
    ]
    section = Section("Papers", 2, "papers", 1, entries=shapes[:4])
    sub = Section("More Papers", 3, "more-papers", 1, entries=shapes[4:])
    section.subsections.append(sub)
    return Document(
        "Awesome Sample", sections=[section, Section("Tools", 2, "tools", 1, entries=[shapes[0]])]
    )


def _write_list(folder: Path, text: str) -> Path:
    readme = folder / "readme.md"
    readme.write_text(text, "utf-8")
    shutil.copy(ROOT / "list" / "contributing.md", folder / "contributing.md")
    return readme


def test_canonical_document_and_entry_shapes_pass_awesome_lint(
    awesome_lint: Path, tmp_path: Path
) -> None:
    text = render_document(_sample_document())
    # awesome-lint rejects a repeated link; the sample repeats one on purpose in two sections, so drop it
    text = text.replace(
        "## Tools\n\n- [A Bare Link](https://bare.example)\n",
        "## Tools\n\n- [A Tool](https://tool.example)\n",
    )
    result = run_awesome_lint(awesome_lint, _write_list(tmp_path, text))
    assert result.returncode == 0, result.output


def test_shipped_list_passes_awesome_lint(awesome_lint: Path, tmp_path: Path) -> None:
    readme = _write_list(tmp_path, (ROOT / "list" / "README.md").read_text("utf-8"))
    result = run_awesome_lint(awesome_lint, readme)
    assert result.returncode == 0, result.output
