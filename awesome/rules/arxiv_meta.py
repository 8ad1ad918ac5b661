"""Entries checked against the arXiv metadata lock: titles and years.

An entry "links" a paper when its primary URL is an arXiv paper URL; the
paper's facts come from ``context.lock`` (never the network). Entries whose
arXiv link is secondary (a repository with a ``[Paper]`` link) are named after
the project, not the paper, so their titles are not compared.

Title similarity
    Both titles become sets of word tokens: casefolded runs of letters and
    digits (``Pre-training`` gives ``pre`` and ``training``), a final ``s``
    dropped from words longer than three letters, stop words removed. The
    overlap is the share of the smaller set found in the other
    (Szymkiewicz-Simpson coefficient, |A and B| / min(|A|, |B|)), so an
    abbreviated title that keeps its words scores 1.0.

    * titles equal once casefolded and stripped of non-alphanumerics: fine;
    * overlap below ``WRONG_LINK_OVERLAP`` (0.5, fewer than half the words of
      the shorter title shared): error ``arxiv-title``, probably a wrong link;
    * otherwise: warning ``arxiv-title-variant``, probably abbreviated or renamed.

    Titles listed in ``former_titles`` of the paper are accepted as they are.

Paper tables
    A Markdown table row's arXiv link whose label has four words or more is a
    title too (milestone tables: ``| 2022-01 | LaMDA | [Title](url) |``) and is
    compared the same way. Years in tables are not checked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from awesome.inline import unescape
from awesome.metadata import Paper
from awesome.model import Document, Entry
from awesome.rules._source import walk_entries
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.duplicates import title_key
from awesome.rules.names import canonical_venue
from awesome.rules.urls import any_arxiv_id, own_arxiv_id, source_urls

WRONG_LINK_OVERLAP = 0.5
TABLE_TITLE_WORDS = 4

_STOP_TEXT = """a an and are as at be by can do does for from how in is it its of on or
the their this to via vs we what when which who why with without"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_TOKEN = re.compile(r"[^\W_]+")
_ARXIV_VENUES = frozenset({"arxiv", "arxiv preprint", "corr", "preprint", "arxiv.org"})


@functools.lru_cache(maxsize=4096)
def title_tokens(title: str) -> frozenset[str]:
    """The comparable words of a title (see the module docstring); cached for arXiv titles."""
    tokens = set()
    for word in _TOKEN.findall(title.casefold()):
        if word in STOP_WORDS:
            continue
        tokens.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return frozenset(tokens)


def title_overlap(left: str, right: str) -> float:
    """Share of the smaller token set found in the other, 0.0 to 1.0."""
    a, b = title_tokens(left), title_tokens(right)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def linked_paper(entry: Entry, context: LintContext) -> Paper | None:
    """The lock's record of the paper the entry's own link shows (arXiv or a mirror page)."""
    return context.lock.get(own_arxiv_id(entry)) if entry.parsed else None


def _papers(document: Document, context: LintContext) -> list[tuple[Entry, Paper]]:
    """Entries with the paper they link, computed once per lint run for all five rules."""
    found = context.cache.get("arxiv_meta.papers")
    if isinstance(found, list):
        return found
    pairs: list[tuple[Entry, Paper]] = []
    if len(context.lock):
        for _, entry in walk_entries(document):
            paper = linked_paper(entry, context)
            if paper is not None:
                pairs.append((entry, paper))
    context.cache["arxiv_meta.papers"] = pairs
    return pairs


@dataclass(frozen=True)
class TitleVerdict:
    """A title that differs from the arXiv title of the paper it links, and where it stands."""

    line: int
    column: int
    title: str
    paper: Paper
    overlap: float


def _table_titles(context: LintContext) -> Iterator[tuple[int, int, str, Paper]]:
    """(line, column, label, paper) of arXiv links in Markdown table rows whose label is a title.

    Paper lists often keep a table of milestone papers, ``| 2022-01 | LaMDA | [Title](url) |``;
    its rows are not entries, but a label of four words or more that links arXiv is the
    paper's title as surely as an entry's is. Shorter labels name a model or a data set.
    """
    if not any(line.lstrip().startswith("|") for line in context.lines):
        return  # no table: no need for every URL of the file
    for found in source_urls(context):
        text = context.lines[found.line - 1]
        if not text.lstrip().startswith("|") or text[found.outer_start] != "[":
            continue
        paper_id = any_arxiv_id(found.url)
        paper = context.lock.get(paper_id) if paper_id else None
        if paper is None:
            continue
        label = unescape(text[found.outer_start + 1 : found.start - 2]).strip(" *_")
        if len(label.split()) >= TABLE_TITLE_WORDS:
            yield found.line, found.outer_start + 1, label, paper


def _papers_by_title(context: LintContext) -> dict[str, Paper]:
    """The lock's papers by the key of every title they have had, built once per run."""
    found = context.cache.get("arxiv_meta.by_title")
    if isinstance(found, dict):
        return found
    index: dict[str, Paper] = {}
    for paper in context.lock.papers.values():
        for title in (paper.title, *paper.former_titles):
            index.setdefault(title_key(title), paper)
    context.cache["arxiv_meta.by_title"] = index
    return index


def _dated_papers(document: Document, context: LintContext) -> list[tuple[Entry, Paper]]:
    """What the year rules check: entries with the paper they link, and entries without
    any arXiv link that carry an arXiv paper's exact title (a proceedings page, a repository
    named like its paper): the title is the evidence there, and the v1 date still holds."""
    found = context.cache.get("arxiv_meta.dated")
    if isinstance(found, list):
        return found
    pairs = list(_papers(document, context))
    if len(context.lock):
        linked = {id(entry) for entry, _ in pairs}
        by_title = _papers_by_title(context)
        for _, entry in walk_entries(document):
            if not entry.parsed or entry.arxiv_id or id(entry) in linked or entry.year is None:
                continue
            paper = by_title.get(title_key(entry.title))
            if paper is not None:
                pairs.append((entry, paper))
    context.cache["arxiv_meta.dated"] = pairs
    return pairs


def _title_verdicts(document: Document, context: LintContext) -> list[TitleVerdict]:
    """Every title not accepted, in entries and paper tables, shared by the two title rules."""
    found = context.cache.get("arxiv_meta.titles")
    if isinstance(found, list):
        return found
    candidates = [
        (entry.line, 1, entry.title, paper) for entry, paper in _papers(document, context)
    ]
    if len(context.lock):
        candidates.extend(_table_titles(context))
    verdicts = []
    for line, column, title, paper in candidates:
        overlap = _title_verdict(title, paper)
        if overlap is not None:
            verdicts.append(TitleVerdict(line, column, title, paper, overlap))
    context.cache["arxiv_meta.titles"] = verdicts
    return verdicts


def _title_verdict(title: str, paper: Paper) -> float | None:
    """None when the title is accepted, else its best overlap with a known title."""
    known = [paper.title, *paper.former_titles]
    key = title_key(title)
    if any(title_key(name) == key for name in known):
        return None
    return max(title_overlap(title, name) for name in known)


def check_title(document: Document, context: LintContext) -> Iterable[Finding]:
    for verdict in _title_verdicts(document, context):
        if verdict.overlap < WRONG_LINK_OVERLAP:
            paper = verdict.paper
            owner = _papers_by_title(context).get(title_key(verdict.title))
            hint = f"; the lock has this title as arXiv {owner.id}" if owner else ""
            yield ARXIV_TITLE.finding(
                f"title shares few words ({verdict.overlap:.0%}) with arXiv {paper.id} "
                f"'{paper.title}': probably a wrong link{hint}",
                verdict.line,
                verdict.column,
            )


def check_title_variant(document: Document, context: LintContext) -> Iterable[Finding]:
    for verdict in _title_verdicts(document, context):
        if verdict.overlap >= WRONG_LINK_OVERLAP:
            paper = verdict.paper
            yield ARXIV_TITLE_VARIANT.finding(
                f"title differs from arXiv {paper.id} '{paper.title}'"
                f" ({verdict.overlap:.0%} of words shared);"
                " use the arXiv title or record this one in former_titles",
                verdict.line,
                verdict.column,
            )


ARXIV_TITLE = Rule(
    id="arxiv-title",
    kind="metadata",
    severity="error",
    summary="Entry title shares few words with the arXiv title of the paper it links.",
    doc="""\
The title of an entry is compared with the title arXiv gives for the paper its
primary link points at (from the metadata lock). When fewer than half of the
words of the shorter title are shared, the link most likely points at another
paper. Titles listed in the lock's ``former_titles`` are accepted. An arXiv
link in a Markdown table row whose label has four words or more is compared
as a title too.

Wrong:

    - [Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism](https://arxiv.org/abs/1910.02054)

Right:

    - [Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism](https://arxiv.org/abs/1909.08053)
""",
    check=check_title,
)

ARXIV_TITLE_VARIANT = Rule(
    id="arxiv-title-variant",
    kind="metadata",
    severity="warning",
    summary="Entry title differs from, but mostly matches, the arXiv title.",
    doc="""\
A title that shares at least half of its words with the arXiv title but is not
the same (case, punctuation and spacing aside) is usually abbreviated, or the
paper was renamed in a later version. Use arXiv's title, or record the old one
in the lock's ``former_titles``.

Wrong:

    - [Shortcut learning of large language models in natural language understanding: A survey](https://arxiv.org/abs/2208.11857)

Right:

    - [Shortcut Learning of Large Language Models in Natural Language Understanding](https://arxiv.org/abs/2208.11857)
""",
    check=check_title_variant,
)


def is_arxiv_venue(venue: str | None) -> bool:
    """No venue, or a venue that only says the paper is on arXiv (in any spelling)."""
    if venue is None or not venue.strip():
        return True
    # a stray comma or full stop ("arXiv, 2023") does not make arXiv another venue
    cleaned = canonical_venue(venue.strip().strip(",.;:")).casefold()
    return cleaned in _ARXIV_VENUES


def check_arxiv_year(document: Document, context: LintContext) -> Iterable[Finding]:
    for entry, paper in _dated_papers(document, context):
        if entry.year is None or paper.year is None or not is_arxiv_venue(entry.venue):
            continue
        if entry.year != paper.year:
            yield ARXIV_YEAR.finding(
                f"year {entry.year} but arXiv {paper.id} v1 was published in {paper.year}"
                f" ({paper.published})",
                entry.line,
            )


def check_venue_year(document: Document, context: LintContext) -> Iterable[Finding]:
    for entry, paper in _dated_papers(document, context):
        if entry.year is None or paper.year is None or is_arxiv_venue(entry.venue):
            continue
        if entry.year < paper.year:
            yield YEAR_BEFORE_ARXIV.finding(
                f"{entry.venue} {entry.year} is earlier than arXiv {paper.id} v1"
                f" ({paper.published})",
                entry.line,
            )


def check_future_year(
    document: Document, context: LintContext, today: Callable[[], date] = date.today
) -> Iterable[Finding]:
    """``today`` is a parameter so tests can fix the date."""
    this_year = today().year
    for _, entry in walk_entries(document):
        if entry.year is not None and entry.year > this_year:
            yield FUTURE_YEAR.finding(
                f"year {entry.year} is in the future (now {this_year})", entry.line
            )


ARXIV_YEAR = Rule(
    id="arxiv-year",
    kind="metadata",
    severity="error",
    summary="An arXiv-only entry's year differs from the arXiv v1 year.",
    doc="""\
When an entry gives no venue, or only arXiv, its year is the year its first
arXiv version appeared (the lock's ``published``). An entry without an arXiv
link whose title is exactly an arXiv paper's in the lock is checked too.

Wrong:

    - [Shortcut Learning of Large Language Models in NLU](https://arxiv.org/abs/2208.11857) - 2023.

Right:

    - [Shortcut Learning of Large Language Models in NLU](https://arxiv.org/abs/2208.11857) - 2022.
""",
    check=check_arxiv_year,
)

YEAR_BEFORE_ARXIV = Rule(
    id="year-before-arxiv",
    kind="metadata",
    severity="warning",
    summary="A venue year earlier than the paper's arXiv v1 year.",
    doc="""\
A paper can appear at a venue after it was put on arXiv, rarely long before.
A venue year earlier than the arXiv v1 year usually means a wrong year or a
wrong link. An entry that links a proceedings page instead of arXiv is checked
when its title is exactly an arXiv paper's in the lock.

Wrong:

    - [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - NeurIPS 2019.

Right:

    - [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - NeurIPS 2020.
""",
    check=check_venue_year,
)

FUTURE_YEAR = Rule(
    id="future-year",
    kind="metadata",
    severity="error",
    summary="An entry's year is in the future.",
    doc="""\
No paper has appeared in a year that has not begun.

Wrong:

    - [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2093.

Right:

    - [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.
""",
    check=check_future_year,
)

RULES = [ARXIV_TITLE, ARXIV_TITLE_VARIANT, ARXIV_YEAR, YEAR_BEFORE_ARXIV, FUTURE_YEAR]
