"""The compiled entry-schema predicate agrees with jsonschema."""

from __future__ import annotations

from typing import Any

import pytest

from awesome.rules._fastschema import compile_schema
from awesome.schemas import load_schema, validator

GOOD = {"parsed": True, "line": 3, "title": "A Title", "url": "https://a.org/x"}
RECORDS: list[dict[str, Any]] = [
    GOOD,
    {**GOOD, "year": 2020, "venue": "ICML", "authors": ["A B"], "arxiv_id": "2301.00001"},
    {**GOOD, "links": [{"label": "Repo", "url": "https://github.com/a/b"}]},
    {**GOOD, "children": [GOOD, {"parsed": False, "line": 4, "raw": "- x"}]},
    {"parsed": False, "line": 4, "raw": "- some text"},
    {**GOOD, "year": 1066},
    {**GOOD, "year": True},
    {**GOOD, "title": "   "},
    {**GOOD, "url": "https://a.org/x y"},
    {**GOOD, "arxiv_id": "2301.1"},
    {**GOOD, "links": [{"label": "", "url": "https://a.org"}]},
    {**GOOD, "authors": []},
    {**GOOD, "surprise": 1},
    {**GOOD, "children": [{**GOOD, "year": 3000}]},
    {"parsed": True, "line": 0, "title": "T", "url": "u"},
    {"parsed": False, "line": 4},
]


@pytest.mark.parametrize("record", RECORDS)
def test_agrees_with_jsonschema(record: dict[str, Any]) -> None:
    fast = compile_schema(load_schema("entry"))
    assert fast is not None
    assert fast(record) == validator("entry").is_valid(record)


def test_unknown_keywords_mean_no_fast_path() -> None:
    assert compile_schema({"type": "object", "patternProperties": {"^x": {}}}) is None
    assert compile_schema({"type": ["string", "null"]}) is None
    assert compile_schema({"additionalProperties": {"type": "string"}}) is None
