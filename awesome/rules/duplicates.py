"""duplicate-entry: the same paper listed twice, found in linear time.

Each entry yields up to three keys: its arXiv id (any link form: abs, pdf,
versioned), its normalised primary URL, and its normalised title. A dict maps
every key to the first entry that had it, so each entry costs a few lookups and
nothing is compared pairwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from awesome.model import Document, Entry
from awesome.rules._source import walk_entries
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.urls import normalize_url

_NOT_ALNUM = re.compile(r"[\W_]+")


def title_key(title: str) -> str:
    """Casefolded letters and digits only: punctuation and spacing do not count."""
    return _NOT_ALNUM.sub("", title.casefold())


def _keys(entry: Entry) -> Iterator[tuple[str, str]]:
    """(key, reason) pairs under which an entry may collide with another."""
    if entry.arxiv_id:
        yield f"arxiv:{entry.arxiv_id}", f"same arXiv id {entry.arxiv_id}"
    if entry.url and not entry.arxiv_id:
        yield f"url:{normalize_url(entry.url)}", f"same URL {entry.url}"
    key = title_key(entry.title) if entry.parsed else ""
    if key:
        yield f"title:{key}", "same title"


def _allowed(context: LintContext) -> set[str]:
    return {f"url:{normalize_url(url)}" for url in context.config.lint.allowed_duplicate_urls}


def check_duplicates(document: Document, context: LintContext) -> Iterable[Finding]:
    first: dict[str, Entry] = {}
    allowed = _allowed(context)
    # cross-listing on purpose: the same paper may stand once in each section
    per_section = context.config.lint.allow_duplicates
    for section, entry in walk_entries(document):
        scope = f"{id(section)}|" if per_section else ""
        yield from _report(entry, scope, first, allowed)


def _report(
    entry: Entry, scope: str, first: dict[str, Entry], allowed: set[str]
) -> Iterator[Finding]:
    reasons: dict[int, list[str]] = {}
    for key, reason in _keys(entry):
        seen = first.setdefault(scope + key, entry)
        if seen is entry or key in allowed:
            continue
        reasons.setdefault(seen.line, []).append(reason)
    for line, why in reasons.items():
        yield DUPLICATE_ENTRY.finding(
            f"duplicate of the entry on line {line} ({', '.join(why)})", entry.line
        )


DUPLICATE_ENTRY = Rule(
    id="duplicate-entry",
    kind="duplicate",
    severity="error",
    summary="The same paper is listed more than once.",
    doc="""\
Two entries are the same paper when they link the same arXiv id (abs, pdf and
versioned links count as one), link the same URL (scheme, ``www.``, host case,
a trailing slash and tracking parameters ignored) or carry the same title
(case, punctuation and spacing ignored). Every later occurrence is reported and
names the line of the first. A paper belongs in one place.

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
