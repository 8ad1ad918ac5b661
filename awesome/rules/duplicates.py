"""duplicate-entry: the same paper listed twice, found in linear time.

Each entry yields a few keys: the arXiv ids of its own link and of its trailing
labelled links (any form: abs, pdf, versioned, DOI, and mirror pages such as
ar5iv, alphaXiv and Hugging Face papers), the paper-page key of its own link
when that link is not an arXiv one, and its normalised title. A dict maps every
key to the first entry that had it, so each entry costs a few lookups and
nothing is compared pairwise.

Links inside an entry's description are not keys: an entry that mentions a
paper ("data made the [Self-Instruct](...) way") is not that paper.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from awesome.model import Document, Entry
from awesome.rules._source import walk_entries
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.urls import any_arxiv_id, own_arxiv_id
from awesome.urlkeys import paper_url_key

_NOT_ALNUM = re.compile(r"[\W_]+")

# Titles that name a kind of link, not a paper: two entries called "Code" are not one.
_GENERIC = """paper papers code repo repository github blog post link pdf project website
homepage page demo slides video talk dataset data model models arxiv openreview"""
GENERIC_TITLES = frozenset(_GENERIC.split())


_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_MIN_WORDS = 4

# A title alone makes a duplicate only when it reads like a paper's title. Short names
# ("Education", "jwt", "Python") recur in lists as different things: a sub-list per
# language, two libraries of one name. Three words and twelve letters or digits keep
# "Generative Adversarial Nets" and "A Survey of Widgets" and drop those.
_PAPER_TITLE_WORDS = 3
_PAPER_TITLE_CHARS = 12


# ``_NOT_ALNUM`` on ASCII text: deleting by table is several times cheaper than the regex
_ASCII_NOT_ALNUM = str.maketrans(
    "", "", "".join(c for c in map(chr, range(128)) if not c.isalnum())
)


def title_key(title: str) -> str:
    """Casefolded letters and digits only: punctuation and spacing do not count."""
    if title.isascii():
        return title.lower().translate(_ASCII_NOT_ALNUM)
    return _NOT_ALNUM.sub("", title.casefold())


def _is_paper_title(title: str, key: str) -> bool:
    """Is ``title`` (whose :func:`title_key` is ``key``) long enough that two entries
    sharing it are probably one paper?"""
    return len(key) >= _PAPER_TITLE_CHARS and len(title.split()) >= _PAPER_TITLE_WORDS


def is_in_page_anchor(url: str) -> bool:
    """A link to a heading of the same page (``#actor-model``): a contents line, not a paper."""
    return url.lstrip().startswith("#")


def title_keys(title: str, key: str) -> list[str]:
    """``key`` (the title's :func:`title_key`), and the keys of the title without a name
    prefix or a closing note.

    Lists write one paper as "GPT-3: Language Models are Few-Shot Learners" in one
    place and "Language Models are Few-Shot Learners (GPT-3)" in another. What is
    left must keep at least four words, so "X: A Survey" and "Y: A Survey" stay apart.
    """
    keys = [key]
    noted = title.rstrip().endswith((")", "]"))
    variants = [_NOTE.sub("", title)] if noted else []
    head, colon, tail = title.partition(": ")
    if colon and head.strip():
        variants += [tail, _NOTE.sub("", tail)] if noted else [tail]
    for variant in variants:
        key = title_key(variant)
        if len(variant.split()) >= _MIN_WORDS and key and key not in keys:
            keys.append(key)
    return keys


def _arxiv_ids(entry: Entry) -> list[str]:
    """The arXiv ids of the entry's own link and its trailing labelled links, in order."""
    return _ids_with(entry, own_arxiv_id(entry))


def _ids_with(entry: Entry, primary: str | None) -> list[str]:
    """:func:`_arxiv_ids` given ``primary``, the id of the entry's own link (or None)."""
    ids = [primary] if primary else []
    for link in entry.links:
        found = any_arxiv_id(link.url)
        if found and found not in ids:
            ids.append(found)
    return ids


def _closing_note(title: str) -> str:
    """The bracketed note that ends a title ("(2021 edition)"), as a key, or ''."""
    found = _NOTE.search(title)
    return title_key(found.group(0)) if found else ""


def _distinct_notes(entry: Entry, other: Entry) -> bool:
    """Two titles that differ only in their closing notes name two editions, not one paper.

    "A Course on Widgets (2019 edition)" and "(2021 edition)": each note tells them apart,
    while a note on one side only ("... (GPT-3)") is still the same title.
    """
    mine, theirs = _closing_note(entry.title), _closing_note(other.title)
    return bool(mine and theirs and mine != theirs)


def _keys(entry: Entry) -> list[str]:
    """The keys under which an entry may collide with another (``arxiv:``, ``url:``,
    ``title:``); :func:`_reason` says what a shared key means, when one is shared."""
    if entry.url and is_in_page_anchor(entry.url):
        return []  # contents lines: '#c' and '#cpp' are headings, and "C" is no paper's title
    primary = own_arxiv_id(entry)  # once per entry: _arxiv_ids and the URL key both need it
    keys = ["arxiv:" + paper_id for paper_id in _ids_with(entry, primary)]
    # an arXiv own link is keyed by its id above; any other own link by its paper-page URL
    if entry.url and not primary:
        keys.append("url:" + paper_url_key(entry.url))
    if not entry.parsed:
        return keys
    own = title_key(entry.title)  # once: the length test and the first key both need it
    if _is_paper_title(entry.title, own):
        for key in title_keys(entry.title, own):
            if key and key not in GENERIC_TITLES:
                keys.append("title:" + key)
    return keys


def _reason(key: str, entry: Entry) -> str:
    kind, _, value = key.partition(":")
    if kind == "arxiv":
        return f"same arXiv id {value}"
    return f"same URL {entry.url}" if kind == "url" else "same title"


def _allowed(context: LintContext) -> set[str]:
    return {f"url:{paper_url_key(url)}" for url in context.config.lint.allowed_duplicate_urls}


def check_duplicates(document: Document, context: LintContext) -> Iterable[Finding]:
    first: dict[str, Entry] = {}
    allowed = _allowed(context)
    # cross-listing on purpose: the same paper may stand once in each section
    per_section = context.config.lint.allow_duplicates
    for section, entry in walk_entries(document):
        scope = f"{id(section)}|" if per_section else ""
        finding = _report(entry, scope, first, allowed)
        if finding is not None:
            yield finding


def _report(entry: Entry, scope: str, first: dict[str, Entry], allowed: set[str]) -> Finding | None:
    reasons: dict[int, list[str]] = {}
    ids: list[str] | None = None
    for key in _keys(entry):
        seen = first.setdefault(scope + key, entry)
        if seen is entry or key in allowed:
            continue
        if key.startswith("title:"):
            # two different arXiv papers may share a title ("A Survey of ..."): the ids decide
            ids = _arxiv_ids(entry) if ids is None else ids
            other = _arxiv_ids(seen)
            if ids and other and not set(ids) & set(other):
                continue
            if _distinct_notes(entry, seen):
                continue
        why = reasons.setdefault(seen.line, [])
        reason = _reason(key, entry)
        if reason not in why:
            why.append(reason)
    if not reasons:
        return None
    # one finding per entry, naming the earliest entry it repeats (and any other)
    lines = sorted(reasons)
    parts = [f"line {line} ({', '.join(reasons[line])})" for line in lines]
    message = f"duplicate of the entry on {parts[0]}"
    if len(parts) > 1:
        message += "; also of " + "; ".join(parts[1:])
    return DUPLICATE_ENTRY.finding(message, entry.line)


DUPLICATE_ENTRY = Rule(
    id="duplicate-entry",
    kind="duplicate",
    severity="error",
    summary="The same paper is listed more than once.",
    doc="""\
Two entries are the same paper when they link the same arXiv id (abs, pdf,
versioned, DOI and mirror pages such as ar5iv, alphaXiv or Hugging Face papers
count as one; the entry's own link and its trailing ``[Paper](...)`` links
count, links inside the description do not), link the same URL (scheme,
``www.``, host case, a trailing slash, a fragment and tracking parameters
ignored; the landing page and pdf of one paper on OpenReview, the ACL
Anthology, PMLR and NeurIPS proceedings count as one) or carry the same title
(case, punctuation and spacing ignored, and a name before a colon or a note in
brackets at the end, "GPT-3: ..." or "... (GPT-3)", when four words remain;
generic titles such as "Code", titles shorter than three words and twelve
letters, and two entries with different arXiv ids do not count). Links to a
heading of the same page (``#actor-model``, a contents list) are not papers
and count neither by URL nor by title. Every later occurrence is
reported and names the line of the first. A paper belongs in one place.

``lint.allow_duplicates = true`` permits the same paper in different sections
(cross-listing on purpose; duplicates inside one section are still reported);
``lint.allowed_duplicate_urls`` lists URLs that may repeat.

Wrong:

    - [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - arXiv 2020.
    - [Scaling laws for neural language models](https://arxiv.org/pdf/2001.08361v1.pdf) - 2020.

Right:

    - [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - arXiv 2020.
""",
    check=check_duplicates,
    peers=("double-link",),
)

RULES = [DUPLICATE_ENTRY]
