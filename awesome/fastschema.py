"""A fast yes/no check for the small subset of JSON Schema our schemas use.

jsonschema spends about 100 microseconds on one entry, 10 s on a 100,000-entry
list, and importing it costs about 0.1 s of every command that reads a config or
a metadata lock. This module compiles a schema once into plain Python functions,
one per schema node, written as source text and run through ``exec``: straight-line
``if ...: return False`` statements cost a few microseconds per entry, where
nested closures and ``all()`` generators cost fifteen. Data that passes them is
valid, and only data that fails goes to jsonschema for the message. It reads the
schema itself (nothing is copied by hand), and returns None for a schema with a
keyword it does not know, so callers fall back to jsonschema.

The check must never pass what jsonschema rejects; it may reject what jsonschema
accepts (``1.0`` as an integer), which only costs the slow path.

Only our own schema files are compiled. Every value taken from the schema enters
the generated source either as ``repr`` of a plain ``str``, ``int`` or finite
``float``, or as a named constant of the functions' namespace, never as code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# The test for each JSON type, as an expression over the variable ``{v}``.
_TYPES: dict[str, str] = {
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
    "string": "isinstance({v}, str)",
    "integer": "(isinstance({v}, int) and not isinstance({v}, bool))",
    "number": "(isinstance({v}, (int, float)) and not isinstance({v}, bool))",
    "boolean": "isinstance({v}, bool)",
    "null": "{v} is None",
}
# The JSON types a keyword applies to; it holds for values of any other type.
_APPLIES_TO = {
    "minLength": "string",
    "pattern": "string",
    "minimum": "number",
    "maximum": "number",
    "exclusiveMinimum": "number",
    "minItems": "array",
    "items": "array",
}
_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties", "propertyNames")
_IGNORED = {"$schema", "$id", "title", "description", "$comment", "examples", "default", "$defs"}
_DEFS = re.compile(r"^#/\$defs/(?P<name>[^/~]+)$")


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not handle."""


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A predicate equivalent to validating against ``schema``, or None if unsupported."""
    compiler = _Compiler(schema)
    try:
        root = compiler.ref("#")
        compiler.drain()
    except Unsupported:
        return None
    namespace = dict(compiler.constants)
    # our own generated source, from our own schema files (see the module's docstring)
    exec("\n".join(compiler.source), namespace)
    check: Check = namespace[root]
    return check


class _Compiler:
    """Writes one function per schema node; ``#`` and ``#/$defs/NAME`` resolve against
    the root schema, each once, so a schema may refer to itself (an entry's children)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.refs: dict[str, str] = {}
        self.pending: list[tuple[str, Any]] = []
        self.constants: dict[str, Any] = {}
        self.source: list[str] = []

    def ref(self, target: str) -> str:
        """The name of the function checking ``target``; it is written by :meth:`drain`."""
        if target not in self.refs:
            self.refs[target] = self.node(self._resolve(target))
        return self.refs[target]

    def node(self, node: Any) -> str:
        name = f"_check{len(self.pending)}"
        self.pending.append((name, node))
        return name

    def drain(self) -> None:
        done = 0
        while done < len(self.pending):  # writing a function may queue more
            name, node = self.pending[done]
            self.source += [f"def {name}(v):", *_indent(self._body(node)), "    return True"]
            done += 1

    def constant(self, value: Any) -> str:
        """A name for ``value`` in the generated functions' namespace."""
        name = f"_k{len(self.constants)}"
        self.constants[name] = value
        return name

    def literal(self, value: Any) -> str:
        plain = type(value) in (str, int) or (type(value) is float and math.isfinite(value))
        return repr(value) if plain else self.constant(value)

    def _resolve(self, target: str) -> Any:
        if target == "#":
            return self.schema
        match = _DEFS.match(target)
        defs: dict[str, Any] = self.schema.get("$defs", {})
        if match is None or match["name"] not in defs:
            raise Unsupported(f"$ref {target}")
        return defs[match["name"]]

    def _body(self, node: Any) -> list[str]:
        """Statements that return False when ``v`` breaks ``node``."""
        if not isinstance(node, dict):
            raise Unsupported("a boolean schema")
        known = node.get("type")
        if known is not None and (not isinstance(known, str) or known not in _TYPES):
            raise Unsupported("type")
        lines = [f"if not {_TYPES[known].format(v='v')}: return False"] if known else []
        if any(key in node for key in _OBJECT_KEYWORDS):
            lines += self._object(node, guarded=known != "object")
        for key, value in node.items():
            if key in _IGNORED or key in _OBJECT_KEYWORDS or key == "type":
                continue
            applies = _APPLIES_TO.get(key)
            statements = self._keyword(key, value)
            if applies is None or applies == known or (applies == "number" and known == "integer"):
                lines += statements
            else:
                lines += [f"if {_TYPES[applies].format(v='v')}:", *_indent(statements)]
        return lines

    def _keyword(self, key: str, value: Any) -> list[str]:
        if key == "const":
            return [f"if not ({self._const_test(value, 'v')}): return False"]
        if key == "enum":
            items = self.constant(list(value))
            return [
                f"if not any(v == item and type(v) is type(item) for item in {items}):",
                "    return False",
            ]
        if key == "$ref":
            if not isinstance(value, str):
                raise Unsupported(key)
            return [f"if not {self.ref(value)}(v): return False"]
        if key == "oneOf":
            branches = " + ".join(f"{self.node(sub)}(v)" for sub in value)
            return [f"if {branches} != 1: return False"]  # bools add up to the count passed
        return self._scalar(key, value)

    def _scalar(self, key: str, value: Any) -> list[str]:
        if key == "minLength":
            return [f"if len(v) < {self.literal(value)}: return False"]
        if key == "pattern":
            pattern = self.constant(re.compile(value))
            return [f"if {pattern}.search(v) is None: return False"]
        if key == "minimum":
            return [f"if not v >= {self.literal(value)}: return False"]
        if key == "maximum":
            return [f"if not v <= {self.literal(value)}: return False"]
        if key == "exclusiveMinimum":
            return [f"if not v > {self.literal(value)}: return False"]
        if key == "minItems":
            return [f"if len(v) < {self.literal(value)}: return False"]
        if key == "items":
            if not isinstance(value, dict):
                raise Unsupported(key)
            return ["for x in v:", f"    if not {self.node(value)}(x): return False"]
        raise Unsupported(key)

    def _object(self, node: dict[str, Any], guarded: bool) -> list[str]:
        """``required``, ``properties``, ``additionalProperties`` and ``propertyNames``,
        in one pass over the object's items."""
        lines: list[str] = []
        required = node.get("required", [])
        if required:
            if all(type(name) is str for name in required):
                missing = " or ".join(f"{name!r} not in v" for name in required)
                lines.append(f"if {missing}: return False")
            else:
                names = self.constant(list(required))
                lines += [f"for name in {names}:", "    if name not in v: return False"]
        if "propertyNames" in node:
            check = self.node(node["propertyNames"])
            lines += ["for name in v:", f"    if not {check}(name): return False"]
        lines += self._properties(node)
        return ["if isinstance(v, dict):", *_indent(lines)] if guarded and lines else lines

    def _properties(self, node: dict[str, Any]) -> list[str]:
        properties: dict[str, Any] = node.get("properties", {})
        other = node.get("additionalProperties")
        if other is not None and "patternProperties" in node:
            raise Unsupported("additionalProperties")
        if properties:
            if other is not False:
                # every object of ours with properties is closed: an open one is left to jsonschema
                raise Unsupported("properties without additionalProperties: false")
            return self._closed_properties(properties)
        if other is None:
            return []
        if other is False:
            return ["if v: return False"]  # no property is allowed: only {} passes
        if isinstance(other, dict):
            return ["for x in v.values():", f"    if not {self.node(other)}(x): return False"]
        raise Unsupported("additionalProperties")

    def _closed_properties(self, properties: dict[str, Any]) -> list[str]:
        """``properties`` with ``additionalProperties: false`` (every object of ours): one
        look-up per property, simple ones tested in place, instead of a function call per
        key. An entry passes in a third of the time; the schema rule checks 100,000."""
        names = self.constant(frozenset(properties))
        absent = self.constant(_ABSENT)
        lines = [f"if not {names}.issuperset(v): return False"]
        for key, sub in properties.items():
            test = self._leaf(sub) or f"{self.node(sub)}(x)"
            lines += [f"x = v.get({key!r}, {absent})", f"if x is not {absent} and not ({test}):"]
            lines.append("    return False")
        return lines

    def _leaf(self, node: Any) -> str | None:
        """An expression over ``x`` equivalent to a schema of one scalar type and its
        keywords (``{"type": "string", "minLength": 1}``) or of a ``const`` alone; None
        for any other schema."""
        if not isinstance(node, dict):
            return None
        keys = [key for key in node if key not in _IGNORED]
        if keys == ["const"]:
            return self._const_test(node["const"], "x")
        known = node.get("type")
        if not isinstance(known, str) or known not in _SCALAR_TYPES:
            return None
        tests = [_TYPES[known].format(v="x")]
        for key in keys:
            if key == "type":
                continue
            if key not in _LEAF_TESTS or _APPLIES_TO[key] not in (known, _NUMBER_OF.get(known)):
                return None
            value = node[key]
            operand = self.constant(re.compile(value)) if key == "pattern" else self.literal(value)
            tests.append(_LEAF_TESTS[key].format(operand))
        return " and ".join(tests)

    def _const_test(self, value: Any, variable: str) -> str:
        return f"{variable} == {self.constant(value)} and type({variable}) is {self.constant(type(value))}"


# Scalar keywords tested in place by _Compiler._leaf, as expressions over ``x``.
_LEAF_TESTS = {
    "minLength": "len(x) >= {}",
    "pattern": "{}.search(x) is not None",
    "minimum": "x >= {}",
    "maximum": "x <= {}",
    "exclusiveMinimum": "x > {}",
}
_SCALAR_TYPES = ("string", "integer", "number", "boolean")
_NUMBER_OF = {"integer": "number"}  # number keywords hold for integers too
_ABSENT = object()  # what a missing property reads as: no JSON value is this


def _indent(lines: list[str], depth: int = 1) -> list[str]:
    return ["    " * depth + line for line in lines]
