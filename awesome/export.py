"""The document as JSON data that validates against schema/document.schema.json."""

from __future__ import annotations

from typing import Any

from awesome.errors import SchemaError
from awesome.model import Block, Document, Entry, Section
from awesome.schemas import validator


def entry_to_json(entry: Entry) -> dict[str, Any]:
    """One entry as JSON; absent parts are left out."""
    if not entry.parsed:
        verbatim: dict[str, Any] = {"parsed": False, "line": entry.line, "raw": entry.raw}
        if entry.children:  # a group label ("* General") over entries of its own
            verbatim["children"] = [entry_to_json(child) for child in entry.children]
        return verbatim
    data: dict[str, Any] = {
        "parsed": True,
        "line": entry.line,
        "title": entry.title,
        "url": entry.url,
    }
    # one test per part rather than a dict of them filtered: the schema rule exports
    # every entry of the list, 100,000 on the benchmark list
    if entry.name is not None:
        data["name"] = entry.name
    if entry.authors:
        data["authors"] = entry.authors
    if entry.authors_first_only:
        data["authors_first_only"] = entry.authors_first_only
    if entry.venue is not None:
        data["venue"] = entry.venue
    if entry.year is not None:
        data["year"] = entry.year
    if entry.description:
        data["description"] = entry.description
    if entry.links:
        data["links"] = [{"label": link.label, "url": link.url} for link in entry.links]
    if entry.arxiv_id is not None:
        data["arxiv_id"] = entry.arxiv_id
    if entry.children:
        data["children"] = [entry_to_json(child) for child in entry.children]
    return data


def _block_to_json(block: Block) -> dict[str, Any]:
    return {"kind": block.kind, "line": block.line, "text": block.text}


def _section_to_json(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "level": section.level,
        "slug": section.slug,
        "line": section.line,
        "blocks": [_block_to_json(block) for block in section.blocks],
        "entries": [entry_to_json(entry) for entry in section.entries],
        "subsections": [_section_to_json(sub) for sub in section.subsections],
    }


def document_to_json(doc: Document) -> dict[str, Any]:
    """The whole document as JSON data."""
    data: dict[str, Any] = {
        "title": doc.title,
        "intro": [_block_to_json(block) for block in doc.intro],
        "sections": [_section_to_json(section) for section in doc.sections],
    }
    if doc.path is not None:
        data["path"] = doc.path
    return data


def validate_document_json(data: dict[str, Any], path: str | None = None) -> None:
    """Raise :class:`SchemaError` naming the entry's line and the field that is wrong."""
    for error in validator("document").iter_errors(data):
        line = _line_of(data, list(error.absolute_path))
        field = error.absolute_path[-1] if error.absolute_path else "(document)"
        raise SchemaError(f"schema violation in field '{field}': {error.message}", path, line)


def _line_of(data: Any, location: list[str | int]) -> int | None:
    """The ``line`` of the innermost object on the path to an error."""
    line = None
    node = data
    for step in location:
        if isinstance(node, dict) and isinstance(node.get("line"), int):
            line = node["line"]
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, dict) and isinstance(node.get("line"), int):
        line = node["line"]
    return line
