"""The canonical README, built as strings from the model.

The renderer changes layout, never content: it adds the badge and a generated
contents list, moves blocks above entries, and writes each entry on one line:

    - [TITLE](URL) - **NAME**. AUTHORS, VENUE YEAR. DESCRIPTION [Label](url) · [Label](url)
"""

from __future__ import annotations

from awesome.config import Config
from awesome.inline import escape, find_links, link_at, unescape
from awesome.metadata import MetadataLock
from awesome.model import Block, Document, Entry, Section
from awesome.parser import is_awesome_badge, is_contents_heading
from awesome.slug import SlugCounter, github_slug, heading_text
from awesome.sorting import section_parts, sort_entries

BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
CONTENTS = "Contents"
LINK_SEPARATOR = " · "


def format_authors(authors: list[str], first_only: bool) -> str:
    """``A``, ``A and B``, ``A et al.``; a list of three or more keeps every name shown."""
    names = [escape(name) for name in authors]
    if not names:
        return ""
    if first_only:
        return f"{', '.join(names)} et al."
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _meta(entry: Entry) -> str:
    authors = format_authors(entry.authors, entry.authors_first_only)
    when = " ".join(part for part in (escape(entry.venue or ""), str(entry.year or "")) if part)
    if authors and when:
        return f"{authors}, {when}."
    if when:
        return f"{when}."
    if authors:
        return authors if authors.endswith(".") else f"{authors}."
    return ""


def link_label(text: str, source: str | None) -> str:
    """A link label that reads back as ``text``: the source's own markup while it still says
    ``text`` (a bold title, a badge image), else ``text`` escaped."""
    if source is None or (source != text and unescape(source) != text):
        return escape(text)
    if "[" not in source and "]" not in source:
        return source  # nothing in it can end the label early
    found = link_at(f"[{source}](x)", 0)
    return source if found is not None and found.label == source else escape(text)


def render_entry(entry: Entry, indent: str = "") -> str:
    """One entry (and its nested items) in canonical form; unparsed entries verbatim."""
    if not entry.parsed:
        # verbatim; a group label's entries are written under it like any nested entries
        nested = [render_entry(child, indent + "  ") for child in entry.children]
        return "\n".join([entry.raw, *nested])
    tail = []
    if entry.name:
        tail.append(f"**{escape(entry.name)}**.")
    meta = _meta(entry)
    if meta:
        tail.append(meta)
    if entry.description:
        tail.append(entry.description)
    if entry.links:
        tail.append(
            LINK_SEPARATOR.join(
                f"[{link_label(link.label, link.source)}]({link.url})" for link in entry.links
            )
        )
    line = f"{indent}- [{link_label(entry.title, entry.title_source)}]({entry.url})"
    if tail:
        line += " - " + " ".join(tail)
    children = [render_entry(child, indent + "  ") for child in entry.children]
    return "\n".join([line, *children])


def render_title(title: str | None, badges: str = BADGE) -> str | None:
    """``# Title`` followed by its badges (the Awesome badge unless told otherwise)."""
    if not title:
        return None
    return f"# {title} {badges}".rstrip()


def _title_badges(doc: Document) -> str:
    """The title's own badges, plus the Awesome badge unless the list shows one already.

    Nor when the list links to its title: a badge changes the title's anchor on GitHub
    (``# Papers`` is ``#papers``, ``# Papers [![Awesome](...)](...)`` is ``#papers-``), and
    RSPapers' "update weekly" badge links to ``#must-read-papers-on-recommender-system``.
    """
    if is_awesome_badge(doc.title_badges) or any(is_awesome_badge(b.text) for b in doc.intro):
        return doc.title_badges
    badges = " ".join(part for part in (doc.title_badges, BADGE) if part)
    own = github_slug(f"{doc.title or ''} {doc.title_badges}".rstrip())
    if own != github_slug(f"{doc.title or ''} {badges}") and _links_to(doc, own):
        return doc.title_badges
    return badges


def _links_to(doc: Document, anchor: str) -> bool:
    """Does any block or entry of the document link to ``#anchor``?"""
    target = f"#{anchor}"
    blocks = [*doc.intro, *(block for section in doc.walk() for block in section.blocks)]
    texts = [doc.title_badges, *(block.text for block in blocks)]
    if any(link.url == target for text in texts for link in find_links(text)):
        return True
    if any(f'href="{target}"' in text for text in texts):
        return True
    return any(link.url == target for _, entry in doc.entries() for link in entry.all_links())


def contents_lines(doc: Document, start: Section | None = None) -> list[str]:
    """The generated contents list: headings down to ``###``, two levels deep, GitHub slugs.

    Depth follows the heading tree, not the heading level, so a list whose first
    sections are ``##`` and later ones ``#`` still gets a contents list that starts flush.
    With ``start``, only that section and those after it are listed, as a contents
    list kept below the first sections lists what follows it.
    """
    slugs = SlugCounter()
    found: list[tuple[Section, int, str]] = []

    def visit(section: Section, depth: int) -> None:
        found.append((section, depth, slugs.unique(section.heading)))
        for sub in section.subsections:
            visit(sub, depth + 1)

    for section in doc.sections:
        visit(section, 0)
    first = next((i for i, (s, _, _) in enumerate(found) if s is start), 0)
    listed = found[first:]
    top = min((depth for _, depth, _ in listed), default=0)
    lines: list[str] = []
    for section, depth, anchor in listed:
        depth -= top
        if section.level <= 3 and depth <= 1:
            label = escape(_plain_heading(section.heading))
            lines.append(f"{'  ' * depth}- [{label}](#{anchor})")
    return lines


def _plain_heading(heading: str) -> str:
    """Heading text without link or emphasis markup, for use as a link label."""
    return heading_text(heading).strip()


def _contents_place(doc: Document) -> Section | None:
    """The section the generated contents list goes above.

    Where the source kept its own contents list, the new one takes its place (awesome-rl
    keeps it under "Contributing", awesome-datascience under "Sponsors"); else above the
    first section. Only above a ``##`` section: the contents list is one, and lists the
    sections of its level that follow it, as the ``toc`` rule reads it.
    """
    if doc.toc_line is not None:
        after = next((s for s in doc.walk() if s.line > doc.toc_line), None)
        if after is not None and after.level == 2:
            return after
    return doc.sections[0] if doc.sections else None


def _render_section(
    section: Section,
    lock: MetadataLock,
    config: Config,
    out: list[str],
    contents: tuple[Section | None, list[str]] = (None, []),
) -> None:
    place, lines = contents
    if section is place:
        out += lines
    level = section.level
    out.append(f"{'#' * level} {section.heading}")
    out.append("")
    for part in section_parts(section):
        if isinstance(part, Block):
            out += [part.text, ""]
        else:
            out += [render_entry(entry) for entry in sort_entries(part, lock, config.sort)]
            out.append("")
    for sub in section.subsections:
        _render_section(sub, lock, config, out, contents)


def has_contents(doc: Document) -> bool:
    """Should the document get a generated contents list?

    Not when it keeps a contents section of its own that the parser could not
    safely replace (one with prose in it): two contents lists would stand there.
    """
    sections = [section for section in doc.walk() if section.level <= 3]
    return bool(sections) and not any(is_contents_heading(s.heading) for s in sections)


def render_document(
    doc: Document, lock: MetadataLock | None = None, config: Config | None = None
) -> str:
    """The canonical Markdown text of a document, ending with one newline."""
    lock = lock or MetadataLock()
    config = config or Config()
    out: list[str] = [doc.front_matter, ""] if doc.front_matter else []
    title = render_title(doc.title, _title_badges(doc))
    above = doc.intro_above_title if title else 0
    for block in doc.intro[:above]:
        out += [block.text, ""]  # a logo or sponsor block stays above the title
    if title:
        out += [title, ""]
    for block in doc.intro[above:]:
        out += [block.text, ""]
    contents: tuple[Section | None, list[str]] = (None, [])
    if has_contents(doc):
        place = _contents_place(doc)
        contents = (place, [f"## {CONTENTS}", "", *contents_lines(doc, place), ""])
    for section in doc.sections:
        _render_section(section, lock, config, out, contents)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


__all__ = ["BADGE", "github_slug", "render_document", "render_entry"]
