"""A fast yes/no check for the small subset of JSON Schema our entry schema uses.

jsonschema spends about 100 microseconds on one entry, 10 s on a 100,000-entry
list. This module compiles a schema into nested closures once; an entry that
passes them is valid, and only an entry that fails goes to jsonschema for the
message. It reads the schema itself (nothing is copied by hand), and returns None
for a schema with a keyword it does not know, so callers fall back to jsonschema.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
_IGNORED = {"$schema", "$id", "title", "description", "$comment", "examples", "default"}


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not handle."""


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A predicate equivalent to validating against ``schema``, or None if unsupported."""
    root: list[Check] = []
    try:
        check = _compile(schema, root)
    except Unsupported:
        return None
    root.append(check)
    return check


def _compile(node: dict[str, Any], root: list[Check]) -> Check:
    checks = [
        _keyword(key, value, node, root) for key, value in node.items() if key not in _IGNORED
    ]
    parts = [check for check in checks if check is not None]
    return lambda value: all(part(value) for part in parts)


def _keyword(key: str, value: Any, node: dict[str, Any], root: list[Check]) -> Check | None:
    if key == "type":
        if not isinstance(value, str) or value not in _TYPES:
            raise Unsupported(key)
        return _TYPES[value]
    if key == "const":
        return lambda v: v == value and type(v) is type(value)
    if key == "enum":
        return lambda v: v in value
    if key == "$ref" and value == "#":
        return lambda v: root[0](v)
    if key == "oneOf":
        branches = [_compile(sub, root) for sub in value]
        return lambda v: sum(1 for branch in branches if branch(v)) == 1
    if key in ("properties", "required", "additionalProperties"):
        return _object_keyword(key, value, node, root)
    return _scalar_keyword(key, value, root)


def _object_keyword(key: str, value: Any, node: dict[str, Any], root: list[Check]) -> Check | None:
    if key == "required":
        return lambda v: not isinstance(v, dict) or all(name in v for name in value)
    if key == "additionalProperties":
        if value is not False:
            raise Unsupported(key)
        known = set(node.get("properties", {}))
        return lambda v: not isinstance(v, dict) or set(v) <= known
    props = {name: _compile(sub, root) for name, sub in value.items()}
    return lambda v: (
        not isinstance(v, dict)
        or all(props[name](item) for name, item in v.items() if name in props)
    )


def _scalar_keyword(key: str, value: Any, root: list[Check]) -> Check:
    if key == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= value
    if key == "pattern":
        pattern = re.compile(value)
        return lambda v: not isinstance(v, str) or pattern.search(v) is not None
    if key == "minimum":
        return lambda v: not _is_number(v) or v >= value
    if key == "maximum":
        return lambda v: not _is_number(v) or v <= value
    if key == "minItems":
        return lambda v: not isinstance(v, list) or len(v) >= value
    if key == "items":
        item = _compile(value, root)
        return lambda v: not isinstance(v, list) or all(item(x) for x in v)
    raise Unsupported(key)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
