"""Loading the project's JSON schemas and validating against them."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema ``awesome/schema/<name>.schema.json`` as a dict."""
    text = resources.files("awesome").joinpath("schema", f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _compiled(name: str) -> Callable[[Any], bool] | None:
    from awesome.fastschema import compile_schema

    return compile_schema(load_schema(name))


def quick_valid(name: str, data: Any) -> bool:
    """True when ``data`` surely validates against schema ``name``, decided without importing
    jsonschema (a tenth of a second of start-up); False means: ask :func:`validator`."""
    check = _compiled(name)
    return check is not None and check(data)


SCHEMA_NAMES = ("config", "document", "entry", "metadata", "lint-report", "links-report")


@cache
def validator(name: str) -> Any:
    """A cached Draft 2020-12 validator for a schema of ours; ``$ref`` between them resolves locally."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    resources = []
    for other in SCHEMA_NAMES:
        try:
            schema = load_schema(other)
        except FileNotFoundError:
            continue
        resource = Resource.from_contents(schema)
        resources += [(schema["$id"], resource), (f"{other}.schema.json", resource)]
    registry: Registry = Registry().with_resources(resources)
    return Draft202012Validator(load_schema(name), registry=registry)
