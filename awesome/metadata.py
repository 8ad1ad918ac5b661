"""The metadata lock: arXiv facts about every listed paper, committed beside the list.

One JSON file keyed by version-less arXiv id. Keys are written in a fixed order
with fixed formatting so that diffs stay small. A fact arXiv did not give is
absent, never guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from awesome.errors import MetadataError
from awesome.fsio import atomic_write_text
from awesome.schemas import quick_valid, validator

LOCK_VERSION = 1
DEFAULT_LOCK_NAME = "metadata.json"

# The order of keys in a paper record, as written to disk.
PAPER_FIELDS = (
    "title",
    "former_titles",
    "authors",
    "authors_complete",
    "published",
    "published_precision",
    "updated",
    "version",
    "primary_category",
    "categories",
    "journal_ref",
    "doi",
    "comment",
    "fetched_at",
    "fetched_from",
)


@dataclass
class Paper:
    """What the lock knows about one arXiv paper."""

    id: str
    title: str
    authors: list[str] = field(default_factory=list)
    authors_complete: bool = True
    published: str | None = None
    published_precision: str | None = None
    former_titles: list[str] = field(default_factory=list)
    updated: str | None = None
    version: int | None = None
    primary_category: str | None = None
    categories: list[str] = field(default_factory=list)
    journal_ref: str | None = None
    doi: str | None = None
    comment: str | None = None
    fetched_at: str | None = None
    fetched_from: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published else None

    def to_json(self) -> dict[str, Any]:
        """The record as written to the lock: fixed key order, absent facts left out
        (``authors_complete`` only when False)."""
        record: dict[str, Any] = {}
        for name in PAPER_FIELDS:
            value = getattr(self, name)
            if value is None or value == [] or (name == "authors_complete" and value):
                continue
            record[name] = value
        return record

    @classmethod
    def from_json(cls, paper_id: str, record: dict[str, Any]) -> Paper:
        known = {name: record[name] for name in PAPER_FIELDS if name in record}
        return cls(id=paper_id, **known)


@dataclass
class MetadataLock:
    """All papers of one list, by version-less arXiv id (where it lives: :func:`lock_path_for`)."""

    papers: dict[str, Paper] = field(default_factory=dict)

    def get(self, arxiv_id: str | None) -> Paper | None:
        return self.papers.get(arxiv_id) if arxiv_id else None

    def __contains__(self, arxiv_id: object) -> bool:
        return arxiv_id in self.papers

    def __len__(self) -> int:
        return len(self.papers)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": LOCK_VERSION,
            "papers": {pid: self.papers[pid].to_json() for pid in sorted(self.papers)},
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"


def lock_path_for(list_path: Path, name: str = DEFAULT_LOCK_NAME) -> Path:
    """Where the lock of a list lives: ``name`` (config key ``metadata``) beside the list
    (beside the file a symbolic link points at: the lock belongs to the real list)."""
    return list_path.resolve().parent / name


def validate_lock_json(data: Any, source: str, text: str | None = None) -> None:
    """Raise :class:`MetadataError` naming the first place where ``data`` breaks the schema
    (and its line, when the ``text`` it was read from is given)."""
    if quick_valid("metadata", data):
        return
    errors = sorted(validator("metadata").iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        line = _line_of_key(text, list(error.absolute_path)) if text is not None else None
        raise MetadataError(f"invalid metadata lock at {where}: {error.message}", source, line)


def _line_of_key(text: str, keys: list[str | int]) -> int | None:
    """The line of the innermost of ``keys`` found in order in the JSON ``text``."""
    position = None
    for key in keys:
        if not isinstance(key, str):
            break
        found = re.compile(rf"{re.escape(json.dumps(key))}\s*:").search(text, position or 0)
        if found is None:
            break
        position = found.start()
    return None if position is None else text.count("\n", 0, position) + 1


def lock_from_json(data: Any, source: str, text: str | None = None) -> MetadataLock:
    """Validate and build a lock from parsed JSON (``text``: the JSON it came from)."""
    validate_lock_json(data, source, text)
    papers = {pid: Paper.from_json(pid, rec) for pid, rec in data["papers"].items()}
    return MetadataLock(papers)


def load_lock(path: Path) -> MetadataLock:
    """Read a lock; a missing file is an empty lock."""
    if not path.exists():
        return MetadataLock()
    try:
        text = path.read_text("utf-8")
        data = json.loads(text)
    except OSError as error:
        raise MetadataError(f"cannot read metadata lock: {error.strerror}", str(path)) from None
    except UnicodeDecodeError as error:
        raise MetadataError(f"not valid UTF-8 (byte {error.start + 1})", str(path)) from None
    except json.JSONDecodeError as error:
        raise MetadataError(f"not valid JSON: {error.msg}", str(path), error.lineno) from None
    return lock_from_json(data, str(path), text)


def lock_text(lock: MetadataLock, path: Path) -> str:
    """The lock as written to ``path``, validated first so an invalid record never reaches disk."""
    validate_lock_json(lock.to_json(), str(path))
    return lock.dumps()


def save_lock(lock: MetadataLock, path: Path) -> bool:
    """Write the lock atomically; return True when the file changed.

    A failed write is :func:`~awesome.fsio.atomic_write_text`'s one-line error.
    """
    text = lock_text(lock, path)
    if path.exists() and path.read_text("utf-8") == text:
        return False
    atomic_write_text(path, text)
    return True


def lock_from_snapshot(snapshot: dict[str, Any], fetched_from: str) -> MetadataLock:
    """Seed a lock from a snapshot file like ../shared/arxiv/snapshot.json.

    Only the facts the snapshot has are kept; a missing field stays missing.
    """
    defaults = {"fetched_at": snapshot.get("generated"), "fetched_from": fetched_from}
    papers = {r["id"]: Paper.from_json(r["id"], {**defaults, **r}) for r in snapshot["papers"]}
    return MetadataLock(papers)
