"""What changed in a list between two versions, entry by entry.

A reviewer of a pull request wants to see "this paper was added to that
section, that one moved, this year was corrected", not a text diff of long
Markdown lines. :func:`diff_documents` matches the entries of two
:class:`~awesome.model.Document` objects and reports each entry that was added,
removed, moved to another section, or edited, with the fields that differ.

Entries are matched first by arXiv id, then by URL (compared as duplicate-entry
compares them: :func:`awesome.urlkeys.paper_url_key`), then by
normalised title, so that an entry whose title was corrected is still matched
through its link, and one whose link was fixed is still matched through its title.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from awesome.errors import AwesomeError
from awesome.fsio import decode_list_bytes
from awesome.model import Document, Entry, Section
from awesome.parser import no_cyclic_gc
from awesome.slug import heading_text
from awesome.urlkeys import paper_url_key

KINDS = ("added", "removed", "moved", "edited")
SECTION_SEPARATOR = " / "

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class FieldChange:
    """One field of an entry that differs: its name and both values as shown to a reviewer."""

    field: str
    old: Any
    new: Any


class Located(NamedTuple):
    """An entry with the section path it stands in (``Parent / Child``).

    A named tuple rather than a frozen dataclass: a 100k-entry list makes 200k of them.
    """

    entry: Entry
    section: str


@dataclass
class EntryChange:
    """One changed entry. ``old``/``new`` are None for added/removed entries."""

    kind: str
    old: Located | None = None
    new: Located | None = None
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def current(self) -> Located:
        """The entry as it stands now, or as it stood for a removed one."""
        located = self.new or self.old
        assert located is not None, "a change has an old or a new entry"
        return located

    @property
    def title(self) -> str:
        return display_title(self.current.entry)


@dataclass
class ListDiff:
    """Every entry change between two documents, in the order of the newer document."""

    changes: list[EntryChange] = field(default_factory=list)
    old_count: int = 0
    new_count: int = 0

    def of_kind(self, kind: str) -> list[EntryChange]:
        return [change for change in self.changes if change.kind == kind]

    def counts(self) -> dict[str, int]:
        return {kind: len(self.of_kind(kind)) for kind in KINDS}

    @property
    def empty(self) -> bool:
        return not self.changes


class GitError(AwesomeError):
    """A file cannot be read at a git revision."""


# ---------------------------------------------------------------- reading a revision


def text_at_revision(path: Path, ref: str) -> str | None:
    """The text of ``path`` as committed at ``ref``, or None when the file did not exist there.

    ``git show REF:./NAME`` run in the file's folder resolves the path relative to
    that folder, so the caller need not know where the repository's root is.
    """
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed; awesome diff needs it", str(path))
    folder = path.resolve().parent
    if not _is_revision(git, folder, ref):
        raise GitError(f"unknown git revision {ref!r}", str(path))
    shown = subprocess.run(
        [git, "-C", str(folder), "show", f"{ref}:./{path.name}"],
        capture_output=True,
        check=False,
    )
    if shown.returncode != 0:
        if _exists_at(git, folder, ref, path.name):
            message = shown.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(
                f"git show failed: {message[-1] if message else 'no message'}", str(path)
            )
        return None
    return decode_list_bytes(shown.stdout, f"{path} at {ref}")


def _is_revision(git: str, folder: Path, ref: str) -> bool:
    inside = subprocess.run(
        [git, "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
        capture_output=True,
        check=False,
    )
    if inside.returncode != 0:
        raise GitError("not inside a git repository", str(folder))
    # ``--`` would make a ref that starts with a dash an option; refuse it outright
    if ref.startswith("-"):
        return False
    verified = subprocess.run(
        [git, "-C", str(folder), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    return verified.returncode == 0


def _exists_at(git: str, folder: Path, ref: str, name: str) -> bool:
    listed = subprocess.run(
        [git, "-C", str(folder), "ls-tree", "--name-only", ref, "--", name],
        capture_output=True,
        check=False,
    )
    return listed.returncode == 0 and bool(listed.stdout.strip())


# ---------------------------------------------------------------- normalising keys


# Most URLs stand in both versions of a list: each is reduced once.
url_key = functools.lru_cache(maxsize=1 << 16)(paper_url_key)


def normalize_title(title: str) -> str:
    """A title reduced to its words: case, accents' forms, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def display_title(entry: Entry) -> str:
    """What a reviewer recognises an entry by: its title, or its source for an unparsed item."""
    if entry.parsed and entry.title:
        return entry.title
    return " ".join(_LIST_MARKER.sub("", entry.raw or entry.title).split())


def _arxiv_key(entry: Entry) -> str | None:
    return entry.arxiv_id


def _url_key(entry: Entry) -> str | None:
    return url_key(entry.url) if entry.url else None


def _title_key(entry: Entry) -> str | None:
    if not entry.parsed:
        # an unparsed item has no fields; its whole text is what identifies it
        raw = display_title(entry)
        return f"raw:{raw}" if raw else None
    key = normalize_title(entry.title)
    return key or None


def _verbatim_key(entry: Entry) -> str | None:
    # last resort for titles that normalise to nothing, such as "/" or an emoji
    return display_title(entry) or None


KEYS: tuple[Callable[[Entry], str | None], ...] = (_arxiv_key, _url_key, _title_key, _verbatim_key)


# ---------------------------------------------------------------- locating entries


def _section_paths(document: Document) -> Iterator[tuple[Section, str]]:
    def walk(section: Section, parents: tuple[str, ...]) -> Iterator[tuple[Section, str]]:
        # the heading as shown: "[Applications](#content)" (GNNPapers) reads "Applications"
        path = (*parents, heading_text(section.heading).strip() or section.heading)
        yield section, SECTION_SEPARATOR.join(path)
        for sub in section.subsections:
            yield from walk(sub, path)

    for top in document.sections:
        yield from walk(top, ())


def located_entries(document: Document) -> list[Located]:
    """Every top-level entry of the document with its section path, in document order."""
    return [
        Located(entry, path)
        for section, path in _section_paths(document)
        for entry in section.entries
    ]


# ---------------------------------------------------------------- matching


def match_entries(old: list[Located], new: list[Located]) -> dict[int, int]:
    """Pair new entries with old ones: index in ``new`` -> index in ``old``.

    Each key (arXiv id, URL, title) is tried in turn on the entries not yet paired.
    Where several old entries share a key (a paper listed twice), the one in the
    same section is preferred, then the earliest, so duplicates do not look moved.
    """
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for key in KEYS:
        candidates: dict[str, list[int]] = {}
        for index, located in enumerate(old):
            value = key(located.entry)
            if index not in taken and value is not None:
                candidates.setdefault(value, []).append(index)
        for new_index, located in enumerate(new):
            if new_index in pairs:
                continue
            value = key(located.entry)
            pool = candidates.get(value) if value is not None else None
            if not pool:
                continue
            chosen = _prefer_same_section(pool, old, located.section)
            pool.remove(chosen)
            pairs[new_index] = chosen
            taken.add(chosen)
    return pairs


def _prefer_same_section(pool: list[int], old: list[Located], section: str) -> int:
    for index in pool:
        if old[index].section == section:
            return index
    return pool[0]


# ---------------------------------------------------------------- comparing fields


def _links_value(entry: Entry) -> list[str]:
    return [f"{link.label}: {link.url}" for link in entry.links]


def _children_value(entry: Entry) -> list[str]:
    return [display_title(child) for child in entry.children]


# Field name -> how to read it for comparison and display. Order is the order of the report.
FIELDS: dict[str, Callable[[Entry], Any]] = {
    "title": lambda e: e.title,
    "url": lambda e: e.url,
    "name": lambda e: e.name,
    "authors": lambda e: list(e.authors),
    "authors_first_only": lambda e: e.authors_first_only,
    "venue": lambda e: e.venue,
    "year": lambda e: e.year,
    "description": lambda e: e.description,
    "links": _links_value,
    "children": _children_value,
    "arxiv_id": lambda e: e.arxiv_id,
}


def field_changes(old: Entry, new: Entry) -> list[FieldChange]:
    """The fields whose values differ, in a fixed order; raw text for unparsed items."""
    if old == new and old.parsed:
        # equality ignores line and raw text: the common case, checked in one go
        return []
    if not (old.parsed and new.parsed):
        old_raw, new_raw = display_title(old), display_title(new)
        if old.parsed != new.parsed or old_raw != new_raw:
            return [FieldChange("raw", old_raw, new_raw)]
        return []
    changes = [FieldChange(name, read(old), read(new)) for name, read in FIELDS.items()]
    changes = [change for change in changes if change.old != change.new]
    if not changes and old.children != new.children:
        # children with the same titles can still differ in their other fields
        changes.append(FieldChange("children", "(changed)", "(changed)"))
    return changes


# ---------------------------------------------------------------- the diff


def diff_documents(old_document: Document, new_document: Document) -> ListDiff:
    """Every entry added, removed, moved between sections, or edited, old to new."""
    # diffing allocates many small objects and frees none early (10k -> 100k went 15x, not 10x)
    with no_cyclic_gc():
        return _diff(old_document, new_document)


def _diff(old_document: Document, new_document: Document) -> ListDiff:
    old = located_entries(old_document)
    new = located_entries(new_document)
    pairs = match_entries(old, new)
    changes: list[EntryChange] = []
    for new_index, now in enumerate(new):
        old_index = pairs.get(new_index)
        if old_index is None:
            changes.append(EntryChange("added", new=now))
            continue
        before = old[old_index]
        fields = field_changes(before.entry, now.entry)
        if before.section != now.section:
            changes.append(EntryChange("moved", old=before, new=now, fields=fields))
        elif fields:
            changes.append(EntryChange("edited", old=before, new=now, fields=fields))
    matched = set(pairs.values())
    changes.extend(
        EntryChange("removed", old=located)
        for index, located in enumerate(old)
        if index not in matched
    )
    return ListDiff(changes, old_count=len(old), new_count=len(new))


# ---------------------------------------------------------------- reports


def summary_line(diff: ListDiff) -> str:
    """``2 added, 1 removed, 0 moved, 3 edited`` or ``no entry changed``."""
    if diff.empty:
        return "no entry changed"
    counts = diff.counts()
    return ", ".join(f"{counts[kind]} {kind}" for kind in KINDS)


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value) if value else "(none)"
    if value == "":
        return "(empty)"
    return str(value)


def _line_of(located: Located | None) -> int:
    return located.entry.line if located is not None else 0


def render_text(diff: ListDiff, path: str, ref: str) -> str:
    """A plain report: one line per change, edited fields indented below it."""
    lines = [f"{path}: {summary_line(diff)} (since {ref})"]
    marks = {"added": "+", "removed": "-", "moved": ">", "edited": "~"}
    for change in diff.changes:
        where = change.current
        line = _line_of(change.new) or _line_of(change.old)
        at = f"{path}:{line}: " if line else f"{path}: "
        if change.kind == "moved":
            assert change.old is not None
            place = f"{change.old.section} -> {where.section}"
        else:
            place = where.section
        lines.append(f"{at}{marks[change.kind]} {change.kind} [{place}] {change.title}")
        lines.extend(
            f"    {item.field}: {_show(item.old)} -> {_show(item.new)}" for item in change.fields
        )
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text made safe inside a Markdown list item or table cell."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", " ".join(str(text).split()))


def _md_entry(located: Located) -> str:
    title = _md(display_title(located.entry))
    url = located.entry.url
    return f"[{title}](<{url}>)" if url and located.entry.parsed else title


def render_markdown(diff: ListDiff, path: str, ref: str) -> str:
    """A report for a pull request's job summary: counts, then one list per kind."""
    out = [f"### Entries changed in `{path}` since `{ref}`", ""]
    if diff.empty:
        out.append(f"No entry changed ({diff.new_count} entries).")
        return "\n".join(out) + "\n"
    counts = diff.counts()
    out.append(" · ".join(f"**{counts[kind]}** {kind}" for kind in KINDS))
    for kind in KINDS:
        changes = diff.of_kind(kind)
        if not changes:
            continue
        out.extend(["", f"#### {kind.capitalize()}", ""])
        for change in changes:
            out.extend(_md_change(change))
    return "\n".join(out) + "\n"


def _md_change(change: EntryChange) -> list[str]:
    where = change.current
    if change.kind == "moved":
        assert change.old is not None
        head = f"- {_md_entry(where)}: {_md(change.old.section)} → {_md(where.section)}"
    else:
        line = _line_of(change.new) or _line_of(change.old)
        head = f"- {_md_entry(where)} in {_md(where.section)} (line {line})"
    rows = [
        f"  - `{item.field}`: {_md(_show(item.old))} → {_md(_show(item.new))}"
        for item in change.fields
    ]
    return [head, *rows]


def _json_located(located: Located | None) -> dict[str, Any] | None:
    if located is None:
        return None
    return {"section": located.section, "line": located.entry.line}


def to_json_data(diff: ListDiff, path: str, ref: str) -> dict[str, Any]:
    """The diff as plain data: summary counts and one object per change."""
    return {
        "path": path,
        "ref": ref,
        "entries": {"before": diff.old_count, "after": diff.new_count},
        "summary": diff.counts(),
        "changes": [
            {
                "kind": change.kind,
                "title": change.title,
                "arxiv_id": change.current.entry.arxiv_id,
                "url": change.current.entry.url,
                "old": _json_located(change.old),
                "new": _json_located(change.new),
                "fields": [
                    {"field": item.field, "old": item.old, "new": item.new}
                    for item in change.fields
                ],
            }
            for change in diff.changes
        ],
    }


def render_json(diff: ListDiff, path: str, ref: str) -> str:
    return json.dumps(to_json_data(diff, path, ref), indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[ListDiff, str, str], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}
