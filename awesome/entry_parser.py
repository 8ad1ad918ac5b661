"""Reading one list item's text into an :class:`Entry`.

Two families of shapes are understood:

* link first, the canonical and common awesome-list shape:
  ``[Title](url) - **NAME**. AUTHORS, VENUE YEAR. Description [Label](url) · [Label](url)``
  (every part after the link optional, ``[Name](url) - Description.`` included);
* bold title first, the shapes paper lists grow by hand:
  ``NAME **Title**, VENUE YEAR, [Paper](url)``,
  ``NAME: **"Title"**. *Authors et al.* VENUE YEAR. [Paper](url)``,
  ``**Name**. [Repo](url)/[Blog](url)``.

An item that fits neither comes back as None; the caller keeps it verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from awesome.arxiv_id import arxiv_id_of_url
from awesome.inline import InlineLink, find_links, link_at, links_in, unescape
from awesome.model import Entry, Link

_YEAR = r"(?:19|20)\d\d"
_SEPARATOR = re.compile(r"^\s*(?:[-–—:]|,)\s*")
_NAME = re.compile(r"^\*\*(?P<name>(?:[^*\\]|\\.)+)\*\*\.(?:\s+|$)")
# A period inside AUTHORS only closes an initial ("G. Hinton", "Matthew E. Peters").
_AUTHOR_CHAR = r"(?:[^.]|(?<=\b[A-Z])\.)"
# AUTHORS, VENUE YEAR.  /  VENUE YEAR.  /  YEAR.   (the venue is short, with no sentence
# and no comma in it, so "A, B and C, NeurIPS 2020." keeps all three authors)
_META_YEAR = re.compile(
    rf"^(?:(?P<authors>{_AUTHOR_CHAR}*?(?:et al\.)?), )?"
    rf"(?:(?P<venue>[^.!?,]{{1,80}}?) )?(?P<year>{_YEAR})\.(?:\s+|$)"
)
# A year and its full stop, which every _META_YEAR match holds: a quick search for it spares
# most descriptions ("A tool for X.") the lazy pattern's many attempts (2.5-16 us each).
_YEAR_STOP = re.compile(rf"{_YEAR}\.")
_META_AUTHORS_ONLY = re.compile(r"^(?P<authors>(?:[^.,]|(?<=\b[A-Z])\.){1,80}? et al\.)(?:\s+|$)")
# The runs of plain characters are possessive: the lazy loop then tries the closing "**"
# once per run instead of once per character (four times faster), and a failed search
# cannot backtrack into the runs. It finds what the one-character-a-step pattern finds.
_BOLD = re.compile(r"\*\*(?P<text>(?:[^*\\]++|\\.|\*(?!\*))+?)\*\*")
_PREFIX_AUTHORS = re.compile(r"^[A-Z][\w'-]+(?: et al)?\.$")
_ITALIC = re.compile(r"^\*(?P<text>[^*]+)\*|^_(?P<text2>[^_]+)_")
_TRAILING_YEAR = re.compile(rf"^(?P<venue>.*?)[\s,]*\(?(?P<year>{_YEAR})\)?[.,;]?$")
# What may stand between trailing links: separators, and the brackets of "[[pdf](url)]"
_LINK_GLUE = re.compile(r"^[\s/|,·•;\[\]-]*$")
_GLUE_CHARS = " /|,·•;-["
# "(**ELMo**)" closing a bold-title entry names the model
_TRAILING_NAME = re.compile(r"\(\s*\*\*(?P<name>[^*]+?)\s*\*\*\s*\)\s*$")
# "<u>GLaM</u>:" before a bold title: the underline is decoration of the name
_WRAPPED_NAME = re.compile(r"^<(?P<tag>u|b|i|em|strong)>(?P<name>[^<>]+)</(?P=tag)>$")
# "(2015), G. Hinton et al." between a bold title and its link: year, then authors
_PAREN_YEAR_AUTHORS = re.compile(
    rf"^\((?P<year>{_YEAR})\)[,.]?\s+(?P<authors>[^\d()\[\]*:;]{{2,200}}?)[.,]?$"
)
_MAX_AUTHOR_WORDS = 5
_MAX_VENUE_WORDS = 8
_MAX_LOWERCASE_VENUE_WORDS = 2
_LOWER_CAMEL = re.compile(r"[a-z]+[A-Z]")  # arXiv, bioRxiv
_SENTENCE_ENDS = frozenset(
    [
        "a",
        "an",
        "and",
        "around",
        "at",
        "after",
        "before",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "since",
        "the",
        "to",
        "until",
        "with",
    ]
)
_CANONICAL_AUTHOR = re.compile(r"(?:[^.,*_\[\]`|]|(?<=\b[A-Z])\.)+")
_CANONICAL_VENUE = re.compile(r"[^.!?,*_\[\]`|]{1,80}")
# opening quote -> closing quote
_QUOTES = {'"': '"', "“": "”", "'": "'"}
_ET_AL = re.compile(r",?\s+et\.? al\.?$")
_AUTHOR_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_MAX_NAME = 60


@dataclass(slots=True)
class _Tail:
    """The parts that can follow the title of an entry."""

    name: str | None = None
    authors: list[str] | None = None
    first_only: bool = False
    venue: str | None = None
    year: int | None = None
    description: str = ""
    links: list[Link] | None = None


def split_authors(text: str) -> tuple[list[str], bool]:
    """``A, B and C`` -> ([A, B, C], False); ``A et al.`` -> ([A], True)."""
    text = unescape(text.strip().rstrip(","))
    # the substring tests are what each pattern needs to match, and cheaper than a failed
    # search: _ET_AL ends with "al" or "al." at the end, or before a final newline
    et_al = _ET_AL.search(text) if "al" in text[-4:] else None  # at most one
    if et_al is not None:
        text = text[: et_al.start()]
    if "," in text or "&" in text or "and" in text:
        parts = _AUTHOR_SEPARATOR.split(text)
        return [part.strip() for part in parts if part.strip()], et_al is not None
    name = text.strip()  # one author ("Smith et al.")
    return [name] if name else [], et_al is not None


def _strip_quotes(title: str) -> str:
    title = title.strip()
    closing = _QUOTES.get(title[:1])
    if closing is not None and len(title) > 1 and title.endswith(closing):
        return title[1:-1].strip()
    return title


def _bold_title(text: str) -> str:
    """A bold title without quotes or the full stop that ends it (GNNPapers, RSPapers:
    ``**Deep Sets.**``): the canonical link label has none, so the entry reads back the same."""
    title = _strip_quotes(text)
    if len(title) > 1 and title.endswith(".") and not title.endswith(".."):
        return title[:-1].rstrip()
    return title


def _trailing_links(text: str) -> tuple[str, list[Link]]:
    """Split off the links at the end of ``text`` that are separated only by glue."""
    if "[" not in text:
        return text.strip(), []
    return _split_trailing_links(text, 0, links_in(text))


def _split_trailing_links(text: str, start: int, found: list[InlineLink]) -> tuple[str, list[Link]]:
    """:func:`_trailing_links` of ``text[start:]``, whose links ``found`` (positions in
    ``text``) the caller has already: the entry's link scan need not run twice."""
    links: list[Link] = []
    end = len(text.rstrip())
    for link in reversed(found):
        if link.image or not _LINK_GLUE.match(text[link.end : end]):
            break
        links.insert(0, Link(unescape(link.label), link.url, source=link.label))
        end = link.start
    if not links:
        return text[start:].strip(), []
    return text[start:end].rstrip(_GLUE_CHARS).strip(), links


def _meta_year(rest: str) -> re.Match[str] | None:
    """``AUTHORS, VENUE YEAR.`` at the start of ``rest``, unless what stands before the year
    is a sentence ("course on Coursera that was only done in 2013.")."""
    match = _META_YEAR.match(rest) if _YEAR_STOP.search(rest) else None
    if match is None:
        return None
    venue = match.group("venue")
    return None if venue and not plausible_venue(venue) else match


def _parse_meta_tail(rest: str) -> _Tail:
    """Parse what follows ``[Title](url) - `` in the link-first shape."""
    tail = _Tail()
    match = _NAME.match(rest) if rest.startswith("**") else None
    if match:
        tail.name = unescape(match.group("name")).strip()
        rest = rest[match.end() :]
    match = _meta_year(rest)
    if match:
        authors, venue, year = match.groups()  # all three groups, in order
        if authors:
            tail.authors, tail.first_only = split_authors(authors)
        tail.venue = unescape(venue).strip() if venue else None
        tail.year = int(year)
        rest = rest[match.end() :]
    elif " et al." in rest:  # which _META_AUTHORS_ONLY needs
        match = _META_AUTHORS_ONLY.match(rest)
        if match:
            tail.authors, tail.first_only = split_authors(match.group("authors"))
            rest = rest[match.end() :]
    tail.description, tail.links = _trailing_links(rest)
    return tail


def _first_link_entry(text: str) -> Entry | None:
    """The link-first shape, including ``**[Title](url)**``."""
    bold = text.startswith("**[")
    start = 2 if bold else 0
    link = link_at(text, start)
    if link is None or link.image or not link.label.strip():
        return None
    end = link.end
    if bold:
        if not text.startswith("**", end):
            return None
        end += 2
    rest = text[end:]
    separator = _SEPARATOR.match(rest)
    rest = rest[separator.end() :] if separator else rest.lstrip()
    tail = _parse_meta_tail(rest)
    entry = _make_entry(unescape(link.label).strip(), link.url, link.label, tail)
    entry.title_source = link.label.strip()
    return entry


def _bold_first_entry(text: str) -> Entry | None:
    """The bold-title shapes of hand-grown paper lists."""
    bold = _BOLD.search(text)
    if bold is None:
        return None
    bold_start, bold_end = bold.span()
    links = links_in(text)
    if not links or links[0].start < bold_end:
        return None
    prefix = text[:bold_start].strip().rstrip(":").strip()
    if len(prefix) > _MAX_NAME or "[" in prefix or "*" in prefix:
        return None
    wrapped = _WRAPPED_NAME.match(prefix) if prefix.startswith("<") else None
    if wrapped:
        prefix = wrapped.group("name").strip()
    # only a nameless entry takes its name from the end, and only from a closing parenthesis
    trailing_name = None if prefix or ")" not in text else _TRAILING_NAME.search(text)
    if trailing_name and trailing_name.start() >= links[-1].end:
        prefix = unescape(trailing_name.group("name"))
        text = text[: trailing_name.start()].rstrip()  # after every link: their places hold
    written = bold.group("text")
    title_source = _bold_title(written)
    title = _bold_title(unescape(written)) if "\\" in written else title_source
    primary = links[0]
    in_brackets = text[primary.start - 1 : primary.start] == "[" and text[primary.end :].startswith(
        "]"
    )
    meta = text[bold_end : primary.start - 1 if in_brackets else primary.start]
    tail = _parse_bold_meta(meta)
    if prefix.endswith(".") and _PREFIX_AUTHORS.match(prefix) and not tail.authors:
        # "Xue et al. **Title.** IJCAI, 2017." (RSPapers): the prefix is who wrote it
        tail.authors, tail.first_only = split_authors(prefix.rstrip("."))
        prefix = ""
    tail.name = prefix or None
    after_start = primary.end + 1 if in_brackets else primary.end
    # the links after the primary one are those of the text after it
    after, extra = _split_trailing_links(text, after_start, links[1:])
    if after:
        tail.description = f"{tail.description} {after}" if tail.description else after
    tail.links = extra
    if not tail.authors and tail.year is None and tail.description:
        # the canonical line puts the description where authors and year go, so read it
        # as that line will be read: "L. Chen et al." is an author there
        again = _parse_meta_tail(tail.description)
        if again.authors or again.year is not None:
            tail.authors, tail.first_only = again.authors, again.first_only
            tail.venue, tail.year = again.venue, again.year
            tail.description = again.description
            tail.links = [*(again.links or []), *extra]
    entry = _make_entry(title, primary.url, primary.label, tail)
    entry.title_source = title_source
    return entry


def _parse_bold_meta(meta: str) -> _Tail:
    """``, *Authors et al.* VENUE YEAR.`` between a bold title and its first link.

    Parts the canonical line could not give back (authors with "Co., Ltd.", a venue
    with a comma, several authors and no year) stay together as the description, so
    formatting twice gives the same entry.
    """
    tail = _read_bold_meta(meta)
    if _reads_back(tail):
        return tail
    return _Tail(description=meta.strip().lstrip(",.:;-–— ").strip())


def plausible_venue(venue: str) -> bool:
    """Does the text before a year name a venue ("NeurIPS", "Findings of EMNLP", "arXiv")?

    A capitalised, short name that does not end like a sentence leading up to a
    year ("released in", "done since").
    """
    venue = venue.strip()
    words = venue.split()
    return (
        0 < len(words) <= _MAX_VENUE_WORDS
        and (
            venue[0].isupper()
            or venue[0].isdigit()
            or bool(_LOWER_CAMEL.match(venue))
            or len(words) <= _MAX_LOWERCASE_VENUE_WORDS  # "arxiv", "neurips workshop"
        )
        and (len(words) == 1 or words[-1].casefold() not in _SENTENCE_ENDS)
    )


def _reads_back(tail: _Tail) -> bool:
    """Would ``AUTHORS, VENUE YEAR.`` as the renderer writes it parse into these parts?"""
    authors = tail.authors or []
    for name in authors:
        if not _CANONICAL_AUTHOR.fullmatch(name):
            return False
    if tail.venue is not None and not (
        _CANONICAL_VENUE.fullmatch(tail.venue) and plausible_venue(tail.venue)
    ):
        return False
    if authors and tail.year is None:
        # without a year only "Surname et al." is told apart from a description
        return tail.first_only and len(authors) == 1
    return True


def _read_bold_meta(meta: str) -> _Tail:
    tail = _Tail()
    meta = meta.strip().lstrip(",.:;-–— ").strip()
    # each pattern is anchored at the start: its first character is a cheaper test
    italic = _ITALIC.match(meta) if meta.startswith(("*", "_")) else None
    if italic:
        tail.authors, tail.first_only = split_authors(italic.group("text") or italic.group("text2"))
        meta = meta[italic.end() :].strip().lstrip(",.;:").strip()
    meta = meta.rstrip(",;: ").strip()
    dated = _PAREN_YEAR_AUTHORS.match(meta) if meta.startswith("(") else None
    if dated and not tail.authors:
        authors, first_only = split_authors(dated.group("authors"))
        if authors and all(len(name.split()) <= _MAX_AUTHOR_WORDS for name in authors):
            tail.authors, tail.first_only = authors, first_only
            tail.year = int(dated.group("year"))
            return tail
    match = _TRAILING_YEAR.match(meta)
    if match:
        venue, year = match.groups()  # both groups, in order
        tail.year = int(year)
        venue = venue.strip().rstrip(",.;:").strip()
        tail.venue = unescape(venue) or None
    elif meta:
        tail.description = meta
    return tail


def _make_entry(title: str, url: str, label: str, tail: _Tail) -> Entry:
    # positional, in the order of Entry's fields: a call with nine keywords costs twice as
    # much, and this runs once per entry
    entry = Entry(
        title,
        url.strip(),
        tail.name,
        tail.authors or [],
        tail.first_only,
        tail.venue,
        tail.year,
        tail.description,
        tail.links or [],
    )
    entry.label = unescape(label)
    entry.arxiv_id = first_arxiv_id(entry)
    return entry


def first_arxiv_id(entry: Entry) -> str | None:
    """The id of the entry's first arXiv link, in any form."""
    # in order, and no further than the first arXiv link: most entries' own link is one
    found = arxiv_id_of_url(entry.url) if entry.url else None
    if found:
        return found
    for link in entry.links:
        found = arxiv_id_of_url(link.url)
        if found:
            return found
    if "[" in entry.description:
        for inline in find_links(entry.description):
            found = arxiv_id_of_url(inline.url)
            if found:
                return found
    return None


# "[[Paper](url)]": a link wrapped in brackets, the habit of many paper lists (LLMSurvey)
_WRAPPED_LINK = re.compile(r"\[(\[(?:[^\[\]\\]|\\.)*\]\([^()\s]*\))\]")


def parse_entry_text(text: str) -> Entry | None:
    """Parse one list item's text (marker removed, lines joined); None if it fits no shape."""
    text = text.strip()
    if "[[" in text:  # the substitution costs as much as a search, and "[[" is rare
        text = _WRAPPED_LINK.sub(r"\1", text)
    if not text:
        return None
    # the link-first shape starts with its link; the test spares the bold-title shapes a call
    if text.startswith(("[", "**[")):
        return _first_link_entry(text) or _bold_first_entry(text)
    return _bold_first_entry(text)
