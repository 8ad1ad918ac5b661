"""Tests for awesome.bibtex: keys, fields, escaping, and the export command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome.bibtex import base_key, bibtex_entry, bibtex_for_document, citation_keys, escape
from awesome.cli import run
from awesome.metadata import MetadataLock, Paper, lock_path_for, save_lock
from awesome.parser import parse_document
from tests.conftest import SHIPPED_LIST

QLORA = Paper(
    id="2305.14314",
    title="QLoRA: Efficient Finetuning of Quantized LLMs",
    authors=["Tim Dettmers", "Artidoro Pagnoni", "Ari Holtzman", "Luke Zettlemoyer"],
    published="2023-05-23",
    primary_category="cs.LG",
)


def test_entry_fields() -> None:
    assert bibtex_entry(QLORA, "dettmers2023qlora") == (
        "@misc{dettmers2023qlora,\n"
        "  title = {{QLoRA: Efficient Finetuning of Quantized LLMs}},\n"
        "  author = {Tim Dettmers and Artidoro Pagnoni and Ari Holtzman and Luke Zettlemoyer},\n"
        "  year = {2023},\n"
        "  eprint = {2305.14314},\n"
        "  archivePrefix = {arXiv},\n"
        "  primaryClass = {cs.LG},\n"
        "  url = {https://arxiv.org/abs/2305.14314}\n"
        "}\n"
    )


def test_journal_ref_and_doi_make_an_article() -> None:
    paper = Paper(
        id="astro-ph/0601001",
        title="A & B: 100% of $x_1$ #1",
        authors=["Andrzej Udalski"],
        authors_complete=False,
        published="2006-01-01",
        journal_ref="ActaAstron.56:1-50,2006",
        doi="10.1000/x_y",
    )
    text = bibtex_entry(paper, base_key(paper))
    assert text.startswith("@article{udalski2006b,\n")
    assert r"title = {{A \& B: 100\% of \$x\_1\$ \#1}}" in text
    assert "author = {Andrzej Udalski and others}" in text
    assert "journal = {ActaAstron.56:1-50,2006}" in text
    assert r"doi = {10.1000/x\_y}" in text
    assert "eprint = {astro-ph/0601001}" in text


def test_keys_are_ascii_and_skip_stopwords() -> None:
    paper = Paper(id="2211.05100", title="The BLOOM Model", authors=["Teven Le Scao"])
    paper.published = "2022-11-09"
    assert base_key(paper) == "lescao2022bloom"
    accented = Paper(id="2001.00001", title="Über alles", authors=["José Núñez"])
    assert base_key(accented) == "nunezuber"
    assert base_key(Paper(id="2001.00002", title="?")) == "anon"


def test_colliding_keys_get_letters_in_list_order() -> None:
    twin = Paper(id="2305.99999", title="QLoRA again", authors=["Tim Dettmers"])
    twin.published = "2023-06-01"
    assert citation_keys([QLORA, QLORA, twin]) == [
        "dettmers2023qloraa",
        "dettmers2023qlorab",
        "dettmers2023qlorac",
    ]
    assert citation_keys([QLORA]) == ["dettmers2023qlora"]


def _balanced(text: str) -> bool:
    depth = 0
    for token in re.findall(r"\\.|[{}]", text):
        if token in "{}":
            depth += 1 if token == "{" else -1
            if depth < 0:
                return False
    return depth == 0


@given(st.text(min_size=1, max_size=60))
def test_escaped_titles_keep_braces_balanced(title: str) -> None:
    paper = Paper(id="2305.14314", title=title, authors=[title])
    text = bibtex_entry(paper, "k")
    assert _balanced(text)
    assert "%" not in escape(title).replace(r"\%", "")


def test_document_lists_each_arxiv_paper_once_in_list_order() -> None:
    text = (
        "# T\n\n## S\n\n"
        "- [QLoRA](https://arxiv.org/abs/2305.14314) - 2023.\n"
        "- [Other](https://example.org) - 2023.\n"
        "- [Again](https://arxiv.org/pdf/2305.14314v2) - 2023.\n"
        "- [Unknown](https://arxiv.org/abs/2401.00001) - 2024.\n"
    )
    lock = MetadataLock({QLORA.id: QLORA})
    out = bibtex_for_document(parse_document(text), lock)
    assert out.count("@misc{") == 1 and "dettmers2023qlora" in out


def test_export_bibtex_of_the_shipped_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", "--format", "bibtex", str(SHIPPED_LIST)]) == 0
    out = capsys.readouterr().out
    keys = re.findall(r"^@(?:misc|article)\{([^,]+),$", out, re.MULTILINE)
    assert len(keys) > 80
    assert len(set(keys)) == len(keys)
    assert "eprint = {2106.09685}" in out
    assert "hu2021lora" in keys


LISTED = "# T\n\n## S\n\n- [QLoRA](https://arxiv.org/abs/2305.14314) - 2023.\n"


def test_export_bibtex_without_a_lock_says_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path
    (folder / "README.md").write_text(LISTED, "utf-8")
    assert run(["export", "--format", "bibtex", str(folder / "README.md")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    [note] = captured.err.splitlines()
    assert f"no metadata lock at {lock_path_for(folder / 'README.md')}" in note
    assert f"awesome enrich {folder / 'README.md'}" in note


def test_export_bibtex_names_papers_the_lock_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path
    (folder / "README.md").write_text(
        LISTED + "- [Other](https://arxiv.org/abs/2401.00001) - 2024.\n", "utf-8"
    )
    save_lock(MetadataLock({QLORA.id: QLORA}), folder / "metadata.json")
    assert run(["export", "--format", "bibtex", str(folder / "README.md")]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("@misc{") == 1
    assert captured.err.startswith("note: 1 arXiv paper(s) of the list are not in ")


def test_export_bibtex_with_a_complete_lock_is_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path
    (folder / "README.md").write_text(LISTED, "utf-8")
    save_lock(MetadataLock({QLORA.id: QLORA}), folder / "metadata.json")
    assert run(["export", "--format", "bibtex", str(folder / "README.md")]) == 0
    assert capsys.readouterr().err == ""
