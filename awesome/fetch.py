"""Adding papers to a list by arXiv id: the library half of ``awesome fetch``.

The new entry is inserted as one line into the source text, before the entry
that follows it in canonical order, so the rest of the file is untouched and
the diff is one line. Text between entries (a label, a note, a ``<details>``
tag) splits a section into runs that ``awesome format`` sorts each on its own;
the entry goes into the first run whose last entry sorts after it, or else at
the end of the last run, and never across such text. The result is parsed
again and checked: the new entry must read back as built, in the section asked
for, with every other entry unchanged; otherwise nothing is written.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from awesome.arxiv_id import arxiv_id_of_url
from awesome.config import Config
from awesome.enrichment import authors_from_paper
from awesome.errors import ListError
from awesome.fsio import atomic_write_text
from awesome.metadata import MetadataLock, Paper
from awesome.model import Document, Entry, Section
from awesome.parser import parse_document
from awesome.render import render_entry
from awesome.sorting import entry_runs, key_for, sort_entries

_URL = re.compile(r"https?://[^\s)\"'<>\]]+")
# "3. Name", "3) Name", "1.2 Name"; a bare year such as "2023 Papers" stays
_LEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?|\d+[.)])\s+")
_INVISIBLE = {"\ufe0e", "\ufe0f", "\u200d"}
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]|<[^>]+>")
_BULLET = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,9}[.)])\s+")


@dataclass
class SectionPath:
    """A section with the sections above it, outermost first."""

    sections: list[Section]

    @property
    def section(self) -> Section:
        return self.sections[-1]

    def __str__(self) -> str:
        return "/".join(s.heading for s in self.sections)


def normalize_heading(text: str) -> str:
    """Heading text for matching: no markup, emoji or leading number; case-folded."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", text)
    kept = "".join(
        ch for ch in text if unicodedata.category(ch)[0] not in "SC" and ch not in _INVISIBLE
    )
    kept = _LEADING_NUMBER.sub("", kept.strip())
    return " ".join(kept.split()).casefold()


def section_paths(doc: Document) -> list[SectionPath]:
    """Every section of the document with its ancestors, in document order."""

    def walk(sections: list[Section], above: list[Section]) -> Iterator[SectionPath]:
        for section in sections:
            yield SectionPath([*above, section])
            yield from walk(section.subsections, [*above, section])

    return list(walk(doc.sections, []))


def _matches_parts(path: SectionPath, parts: list[str]) -> bool:
    """The last part names the section, the others name sections above it, in order."""
    names = [normalize_heading(s.heading) for s in path.sections]
    if names[-1] != parts[-1]:
        return False
    position = 0
    for part in parts[:-1]:
        while position < len(names) - 1 and names[position] != part:
            position += 1
        if position >= len(names) - 1:
            return False
        position += 1
    return True


def find_section(doc: Document, query: str) -> SectionPath:
    """The one section ``query`` names; ``Parent/Child`` where a name is not unique."""
    paths = section_paths(doc)
    wanted = normalize_heading(query)
    found = [p for p in paths if normalize_heading(p.section.heading) == wanted]
    if not found and "/" in query:
        parts = [normalize_heading(part) for part in query.split("/")]
        found = [p for p in paths if _matches_parts(p, parts)]
    if len(found) == 1:
        return found[0]
    if found:
        options = "; ".join(f"{p} (line {p.section.line})" for p in found)
        raise ListError(f"section {query!r} is not unique, say which: {options}", doc.path)
    raise ListError(f"no section {query!r}; {_close_matches(paths, wanted)}", doc.path)


def _close_matches(paths: list[SectionPath], wanted: str) -> str:
    by_name = {normalize_heading(p.section.heading): p for p in paths}
    close = difflib.get_close_matches(wanted, list(by_name), n=5, cutoff=0.5)
    if close:
        return "close matches: " + "; ".join(str(by_name[name]) for name in close)
    return "sections: " + "; ".join(str(p) for p in paths)


def arxiv_lines(text: str) -> dict[str, int]:
    """Every arXiv id linked anywhere in the text (entries, tables, prose), with its first line."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        for url in _URL.findall(line):
            arxiv_id = arxiv_id_of_url(url)
            if arxiv_id is not None:
                found.setdefault(arxiv_id, number)
    return found


def entry_for(paper: Paper, name: str | None = None) -> Entry:
    """The canonical entry for a paper: title, name, authors, arXiv year."""
    authors, first_only = authors_from_paper(paper)
    return Entry(
        title=paper.title,
        url=f"https://arxiv.org/abs/{paper.id}",
        name=name,
        authors=authors,
        authors_first_only=first_only,
        year=paper.year,
        arxiv_id=paper.id,
    )


@dataclass
class Insertion:
    """The text after inserting one entry, and where the entry went."""

    text: str
    line: int
    rendered: str
    section: str
    document: Document | None = None
    """``text`` parsed (by the read-back check), for the next insertion to start from."""


def _last_line(entry: Entry) -> int:
    return entry.line + len(entry.raw.rstrip("\n").split("\n")) - 1


def _section_end(section: Section) -> int:
    """The last line of a section's heading and blocks (1-based)."""
    ends = [section.line] + [b.line + b.text.rstrip("\n").count("\n") for b in section.blocks]
    return max(ends)


def _in_style_of(line: str, neighbour: Entry | None) -> str:
    """Use the neighbouring entry's bullet and indent, so the list stays one list.

    Only a parsed neighbour's: an item kept verbatim keeps its ``*`` through
    ``awesome format`` while a parsed entry is written with ``-``, so copying the
    verbatim item's bullet would make a canonical file non-canonical.
    """
    if neighbour is None or not neighbour.parsed:
        return line
    match = _BULLET.match(neighbour.raw)
    if match is None or match.group("marker") not in "-*+":
        return line
    return f"{match.group('indent')}{match.group('marker')} {line[2:]}"


def _place(lines: list[str], path: SectionPath, new: Entry, order: list[Entry]) -> int:
    """Insert the rendered entry into ``lines``; return its 1-based line number."""
    index = next(i for i, e in enumerate(order) if e is new)
    after = order[index + 1] if index + 1 < len(order) else None
    before = order[index - 1] if index > 0 else None
    rendered = _in_style_of(render_entry(new), after or before)
    if after is not None:
        lines.insert(after.line - 1, rendered)
        return after.line
    if before is not None:
        at = _last_line(before)
        lines.insert(at, rendered)
        return at + 1
    at = _section_end(path.section)
    block = ["", rendered]
    if at < len(lines) and lines[at].strip():
        block.append("")
    lines[at:at] = block
    return at + 2


def target_run(runs: list[list[Entry]], new: Entry, lock: MetadataLock, mode: str) -> list[Entry]:
    """The run of entries ``new`` joins: the first whose last entry sorts after it, else the last.

    A run is sorted on its own (see awesome.sorting.section_parts), so the entry
    lands inside a run's range where one holds it, which in a list grouped by
    period under labels is its period; a paper newer than every run closes the
    section, as one appended by hand would. ``sort = "none"``: the last run.
    """
    if mode == "none" or len(runs) < 2:
        return runs[-1] if runs else []
    key = key_for(mode)
    wanted = key(new, lock)
    return next((run for run in runs if key(run[-1], lock) > wanted), runs[-1])


def insert_entry(
    text: str, doc: Document, path: SectionPath, new: Entry, lock: MetadataLock, config: Config
) -> Insertion:
    """Insert ``new`` into its run of the section in canonical order and check the result."""
    run = target_run(entry_runs(path.section), new, lock, config.sort)
    order = sort_entries([*run, new], lock, config.sort)
    lines = text.split("\n")
    line = _place(lines, path, new, order)
    result = "\n".join(lines)
    after = _check(doc, result, path, new)
    return Insertion(result, line, lines[line - 1], str(path), after)


def _all_entries(doc: Document) -> list[tuple[str, Entry]]:
    return [(str(p), e) for p in section_paths(doc) for e in p.section.entries]


def _check(before: Document, text: str, path: SectionPath, new: Entry) -> Document:
    """Refuse an insertion that does not read back as exactly one more entry where asked;
    return the document it reads back as."""
    document = parse_document(text, before.path)
    after = _all_entries(document)
    expected = _all_entries(before)
    position = next((i for i, item in enumerate(after) if item == (str(path), new)), None)
    if position is None or after[:position] + after[position + 1 :] != expected:
        raise ListError(
            f"could not insert {new.arxiv_id} into {path} without changing other entries; "
            "nothing written (run awesome format first)",
            before.path,
        )
    return document


@dataclass
class FetchPlan:
    """What ``awesome fetch`` would write: the new list text, the lock, the insertions."""

    original: str
    text: str
    lock: MetadataLock
    added: list[Insertion]


def refuse_duplicates(text: str, ids: list[str], path: str | None) -> None:
    """Raise naming the line where an id is already linked, in whatever URL form."""
    present = arxiv_lines(text)
    lines = text.split("\n")
    for arxiv_id in ids:
        if arxiv_id in present:
            line = present[arxiv_id]
            shown = lines[line - 1].strip()
            shown = shown if len(shown) <= 100 else shown[:97] + "..."
            raise ListError(f"{arxiv_id} is already in the list: {shown}", path, line)


def plan_fetch(
    text: str,
    path: str | None,
    section_index: int,
    papers: list[Paper],
    lock: MetadataLock,
    config: Config,
    name: str | None = None,
    doc: Document | None = None,
) -> FetchPlan:
    """Insert each paper into the section ``section_paths(doc)[section_index]``, in memory
    (``doc``: ``text`` already parsed, if the caller has it)."""
    from awesome.enrich import merge_paper

    original = text
    added: list[Insertion] = []
    for paper in papers:
        merged, _ = merge_paper(lock.get(paper.id), paper)
        lock.papers[paper.id] = merged
        doc = doc or parse_document(text, path)
        target = section_paths(doc)[section_index]
        insertion = insert_entry(text, doc, target, entry_for(merged, name), lock, config)
        text, doc = insertion.text, insertion.document
        added.append(insertion)
    # later insertions can move earlier ones down: report where each line ended up
    final = text.split("\n")
    for insertion in added:
        insertion.line = final.index(insertion.rendered) + 1
    return FetchPlan(original, text, lock, added)


def write_together(files: Sequence[tuple[Path, str]]) -> None:
    """Write each file atomically, in order; if one fails, put back those already written.

    Two files cannot be replaced in one step, so the list and its lock are written one
    after the other, and a failure (a full disk, a folder that cannot be written, an
    interrupt) undoes the first, leaving both as they were. A failed write is
    :func:`~awesome.fsio.atomic_write_text`'s :class:`ListError` naming the file.
    """
    done: list[tuple[Path, str | None]] = []
    try:
        for path, text in files:
            old = path.read_bytes().decode("utf-8") if path.exists() else None
            atomic_write_text(path, text)
            done.append((path, old))
    except BaseException:
        for path, previous in reversed(done):
            with contextlib.suppress(OSError, ListError):
                if previous is None:
                    path.unlink()
                else:
                    atomic_write_text(path, previous)
        raise
