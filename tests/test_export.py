from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome.cli import cli
from awesome.errors import SchemaError
from awesome.export import document_to_json, validate_document_json
from awesome.parser import parse_document
from awesome.schemas import validator


def test_upstream_export_validates(upstream_text: str) -> None:
    data = document_to_json(parse_document(upstream_text))
    assert list(validator("document").iter_errors(data)) == []


def test_export_command_prints_valid_json(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(
        "# T\n\n## S\n\n- [A](https://arxiv.org/abs/2304.13712) - **X**. Yang et al., 2023.\n",
        "utf-8",
    )
    result = runner.invoke(cli, ["export", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    entry = data["sections"][0]["entries"][0]
    assert entry == {
        "parsed": True,
        "line": 5,
        "title": "A",
        "url": "https://arxiv.org/abs/2304.13712",
        "name": "X",
        "authors": ["Yang"],
        "authors_first_only": True,
        "year": 2023,
        "arxiv_id": "2304.13712",
    }


def test_schema_error_names_line_and_field() -> None:
    data = document_to_json(parse_document("# T\n\n## S\n\n- [A](https://a.example) - 2020.\n"))
    data["sections"][0]["entries"][0]["year"] = 1200
    with pytest.raises(SchemaError) as caught:
        validate_document_json(data, "list.md")
    assert str(caught.value).startswith("list.md:5: ") and "'year'" in str(caught.value)


def test_schemas_forbid_unknown_fields() -> None:
    data = document_to_json(parse_document("# T\n\n## S\n\n- [A](https://a.example)\n"))
    data["sections"][0]["entries"][0]["colour"] = "red"
    assert list(validator("document").iter_errors(data))


def test_a_label_item_exports_its_entries_as_children() -> None:
    from awesome.export import document_to_json, validate_document_json
    from awesome.parser import parse_document

    doc = parse_document(
        "# X\n\n## Text\n\n* General\n  * [difflib](https://d.example) - Deltas.\n"
    )
    data = document_to_json(doc)
    validate_document_json(data)
    label = data["sections"][0]["entries"][0]
    assert label["parsed"] is False and label["children"][0]["title"] == "difflib"
