"""awesome.fastschema: the compiled predicates agree with jsonschema on our schemas."""

from __future__ import annotations

from typing import Any

import pytest

from awesome.fastschema import compile_schema
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


PAPER = {"title": "T", "authors": ["A B"], "published": "2023-04-26", "version": 2}
LOCKS: list[Any] = [
    {"version": 1, "papers": {}},
    {"version": 1, "papers": {"2304.13712": PAPER, "hep-th/9901001": {"title": "Old"}}},
    {"version": 1, "papers": {"2304.13712": {**PAPER, "authors_complete": False}}},
    [],
    {"version": 2, "papers": {}},
    {"version": True, "papers": {}},
    {"version": 1.0, "papers": {}},
    {"version": 1},
    {"version": 1, "papers": {}, "extra": 1},
    {"version": 1, "papers": {"2304.1371": PAPER}},
    {"version": 1, "papers": {"2304.13712": {**PAPER, "title": ""}}},
    {"version": 1, "papers": {"2304.13712": {**PAPER, "published": "April 2023"}}},
    {"version": 1, "papers": {"2304.13712": {**PAPER, "published_precision": "week"}}},
    {"version": 1, "papers": {"2304.13712": {**PAPER, "version": 0}}},
    {"version": 1, "papers": {"2304.13712": {**PAPER, "authors": [""]}}},
    {"version": 1, "papers": {"2304.13712": {**PAPER, "colour": "red"}}},
    {"version": 1, "papers": {"2304.13712": "QLoRA"}},
]
STRICTER: list[Any] = [{"version": 1.0, "papers": {}}]
CONFIGS: list[Any] = [
    {},
    {"sort": "title", "lint": {"ignore": ["x"], "severity": {"typo": "off"}}},
    {"links": {"timeout": 2.5, "accept": [200, 403]}},
    {"sortt": "x"},
    {"sort": "random"},
    {"lint": {"severity": {"typo": "loud"}}},
    {"lint": {"spelling": {"Arxiv": 3}}},
    {"links": {"timeout": 0}},
    {"links": {"accept": [99]}},
    {"arxiv_interval": -1},
    {"lint": []},
]


@pytest.mark.parametrize(
    ("name", "data"), [("metadata", d) for d in LOCKS] + [("config", d) for d in CONFIGS]
)
def test_lock_and_config_checks_agree_with_jsonschema(name: str, data: Any) -> None:
    fast = compile_schema(load_schema(name))
    assert fast is not None
    fast_ok, slow_ok = fast(data), validator(name).is_valid(data)
    # it never passes what jsonschema rejects; it may reject 1.0 as the integer 1
    assert fast_ok == slow_ok or (slow_ok and data in STRICTER)


def test_the_shipped_lock_passes_the_fast_check(shipped_lock: Any) -> None:
    fast = compile_schema(load_schema("metadata"))
    assert fast is not None and fast(shipped_lock.to_json())


def test_reading_a_lock_and_config_does_not_import_jsonschema(tmp_path: Any) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT, SHIPPED_LOCK

    (tmp_path / "awesome.toml").write_text('sort = "title"\n[lint]\nignore = ["typo"]\n', "utf-8")
    code = (
        "import sys; from pathlib import Path; from awesome.formatting import settings_for; "
        f"settings_for(Path({str(tmp_path / 'README.md')!r})); "
        f"from awesome.metadata import load_lock; load_lock(Path({str(SHIPPED_LOCK)!r})); "
        "print('jsonschema' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


def test_unknown_keywords_mean_no_fast_path() -> None:
    assert compile_schema({"type": "object", "patternProperties": {"^x": {}}}) is None
    assert compile_schema({"type": ["string", "null"]}) is None
    assert compile_schema({"anyOf": [{"type": "string"}]}) is None
    assert compile_schema({"$ref": "#/$defs/missing"}) is None
    assert compile_schema({"$ref": "other.schema.json"}) is None
    # properties beside open additional ones: none of our schemas has them
    assert compile_schema({"properties": {"a": {"type": "string"}}}) is None


# Each keyword with and without a "type" beside it: a keyword holds for values of
# the types it does not apply to ({"minLength": 2} accepts 5).
KEYWORD_CASES: list[tuple[dict[str, Any], list[Any]]] = [
    ({"minLength": 2}, ["ab", "a", 5, None]),
    ({"type": "string", "minLength": 2, "pattern": "^a"}, ["ab", "ba", "a", 5]),
    ({"minimum": 1, "maximum": 3}, [1, 3, 0, 4, 2.5, "x", True]),
    ({"type": "integer", "exclusiveMinimum": 0}, [1, 0, -1, 1.5, False]),
    ({"type": "number", "minimum": 0.5}, [0.5, 0.4, 1, None]),
    ({"minItems": 1, "items": {"type": "boolean"}}, [[True], [], [1], "x", {}]),
    ({"const": 1}, [1, True, "1"]),  # 1.0 may be rejected: see STRICTER
    ({"enum": ["a", 2, None]}, ["a", 2, None, False, "b"]),
    ({"type": "null"}, [None, 0, ""]),
    ({"oneOf": [{"type": "integer"}, {"minimum": 5}]}, [3, 7, 7.5, 2.5, "x"]),
    (
        {"required": ["a"], "properties": {"a": {"type": "string"}}, "additionalProperties": False},
        [{"a": "x"}, {}, {"a": 1}, {"a": "x", "b": 1}, []],
    ),
    ({"type": "object", "additionalProperties": False}, [{}, {"a": 1}, []]),
    ({"type": "object", "additionalProperties": {"type": "integer"}}, [{"a": 1}, {"a": "x"}, {}]),
    (
        {"properties": {"a": {}}, "additionalProperties": False},
        [{"a": 1}, {"b": 1}, {}, "not an object"],
    ),
    ({"type": "object", "propertyNames": {"pattern": "^x"}}, [{"xa": 1}, {"ya": 1}, {}]),
    (
        {"$defs": {"leaf": {"type": "string"}}, "items": {"$ref": "#/$defs/leaf"}},
        [["a"], [1], "x"],
    ),
    ({"type": "array", "items": {"$ref": "#"}}, [[], [[]], [[[1]]], [[], 1]]),
]


@pytest.mark.parametrize(
    ("schema", "data"), [(schema, data) for schema, values in KEYWORD_CASES for data in values]
)
def test_each_keyword_agrees_with_jsonschema(schema: dict[str, Any], data: Any) -> None:
    from jsonschema import Draft202012Validator

    fast = compile_schema(schema)
    assert fast is not None
    assert fast(data) == Draft202012Validator(schema).is_valid(data)
