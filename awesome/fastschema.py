"""A fast yes/no check for the small subset of JSON Schema our schemas use.

jsonschema spends about 100 microseconds on one entry, 10 s on a 100,000-entry
list, and importing it costs about 0.1 s of every command that reads a config or
a metadata lock. This module compiles a schema into nested closures once; data
that passes them is valid, and only data that fails goes to jsonschema for the
message. It reads the schema itself (nothing is copied by hand), and returns None
for a schema with a keyword it does not know, so callers fall back to jsonschema.

The check must never pass what jsonschema rejects; it may reject what jsonschema
accepts (``1.0`` as an integer), which only costs the slow path.
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
_IGNORED = {"$schema", "$id", "title", "description", "$comment", "examples", "default", "$defs"}
_DEFS = re.compile(r"^#/\$defs/(?P<name>[^/~]+)$")


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not handle."""


class _Root:
    """The schema being compiled: ``#`` and ``#/$defs/NAME`` resolve against it."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.compiled: dict[str, Check] = {}

    def ref(self, target: str) -> Check:
        """A check for ``target``, compiled once and looked up at call time (so a schema
        may refer to itself, as the entry schema's children do)."""
        if target not in self.compiled:
            node = self._resolve(target)
            self.compiled[target] = lambda v: False  # stands in while a cycle compiles
            self.compiled[target] = _compile(node, self)
        return lambda v: self.compiled[target](v)

    def _resolve(self, target: str) -> dict[str, Any]:
        if target == "#":
            return self.schema
        match = _DEFS.match(target)
        defs: dict[str, Any] = self.schema.get("$defs", {})
        if match is None or match["name"] not in defs:
            raise Unsupported(f"$ref {target}")
        node: dict[str, Any] = defs[match["name"]]
        return node


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A predicate equivalent to validating against ``schema``, or None if unsupported."""
    root = _Root(schema)
    try:
        return root.ref("#")
    except Unsupported:
        return None


def _compile(node: dict[str, Any], root: _Root) -> Check:
    checks = [
        _keyword(key, value, node, root) for key, value in node.items() if key not in _IGNORED
    ]
    parts = [check for check in checks if check is not None]
    return lambda value: all(part(value) for part in parts)


def _keyword(key: str, value: Any, node: dict[str, Any], root: _Root) -> Check | None:
    if key == "type":
        if not isinstance(value, str) or value not in _TYPES:
            raise Unsupported(key)
        return _TYPES[value]
    if key == "const":
        return lambda v: v == value and type(v) is type(value)
    if key == "enum":
        return lambda v: any(v == item and type(v) is type(item) for item in value)
    if key == "$ref":
        return root.ref(value)
    if key == "oneOf":
        branches = [_compile(sub, root) for sub in value]
        return lambda v: sum(1 for branch in branches if branch(v)) == 1
    if key in ("properties", "required", "additionalProperties", "propertyNames"):
        return _object_keyword(key, value, node, root)
    return _scalar_keyword(key, value, root)


def _object_keyword(key: str, value: Any, node: dict[str, Any], root: _Root) -> Check | None:
    if key == "required":
        return lambda v: not isinstance(v, dict) or all(name in v for name in value)
    if key == "additionalProperties":
        if "patternProperties" in node:
            raise Unsupported(key)
        known = set(node.get("properties", {}))
        if value is False:
            return lambda v: not isinstance(v, dict) or set(v) <= known
        if not isinstance(value, dict):
            raise Unsupported(key)
        other = _compile(value, root)
        return lambda v: (
            not isinstance(v, dict)
            or all(other(item) for name, item in v.items() if name not in known)
        )
    if key == "propertyNames":
        name_check = _compile(value, root)
        return lambda v: not isinstance(v, dict) or all(name_check(name) for name in v)
    props = {name: _compile(sub, root) for name, sub in value.items()}
    return lambda v: (
        not isinstance(v, dict)
        or all(props[name](item) for name, item in v.items() if name in props)
    )


def _scalar_keyword(key: str, value: Any, root: _Root) -> Check:
    if key == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= value
    if key == "pattern":
        pattern = re.compile(value)
        return lambda v: not isinstance(v, str) or pattern.search(v) is not None
    if key == "minimum":
        return lambda v: not _is_number(v) or v >= value
    if key == "maximum":
        return lambda v: not _is_number(v) or v <= value
    if key == "exclusiveMinimum":
        return lambda v: not _is_number(v) or v > value
    if key == "minItems":
        return lambda v: not isinstance(v, list) or len(v) >= value
    if key == "items":
        item = _compile(value, root)
        return lambda v: not isinstance(v, list) or all(item(x) for x in v)
    raise Unsupported(key)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
