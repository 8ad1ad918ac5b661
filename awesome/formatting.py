"""``awesome format`` as a library: canonical text, with guarantees checked before any write.

Guarantees: nothing is lost (every entry, every link target byte for byte, every
word except the labels of primary links and a replaced hand-kept contents list)
and the result is a fixed point (formatting it again changes nothing).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from awesome.config import Config, load_config
from awesome.enrichment import fill_document
from awesome.errors import ListError
from awesome.metadata import MetadataLock, load_lock, lock_path_for
from awesome.model import Document
from awesome.parser import parse_document
from awesome.render import render_document

if TYPE_CHECKING:
    import mistune

_WORD = re.compile(r"[^\W\d_]+|\d+")
_TAG = re.compile(r"<[^>]*>")
# "1." and "2)" that number list items are layout: the canonical form writes bullets
_ORDERED_MARKER = re.compile(r"^([ \t]*)\d{1,9}[.)](?=[ \t]|$)", re.MULTILINE)
_HTML_URL = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


class NothingLostError(ListError):
    """Formatting would drop something; nothing is written."""


@dataclass
class FormatResult:
    """The outcome of formatting one text."""

    original: str
    formatted: str
    document: Document
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.original != self.formatted


def words(text: str) -> Counter[str]:
    """The words of a text (letters and digits), HTML tags left out."""
    return Counter(_WORD.findall(_TAG.sub(" ", _ORDERED_MARKER.sub(r"\1", text))))


@cache
def _markdown() -> mistune.Markdown:
    # made once: mistune keeps each parse's state apart, and making the parser is a quarter
    # of the cost of reading a short text (lint reads the old text of every fix)
    import mistune

    return mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])


def link_targets(text: str) -> Counter[str]:
    """Every link and image target in Markdown and raw HTML, as an independent parser sees them."""
    targets: Counter[str] = Counter()
    _collect_targets(_markdown()(text), targets)
    targets.update(_HTML_URL.findall(text))
    return targets


# Texts of this many lines or more have their link targets read by two processes at once
# (mistune takes about 20 s for the 11 MB of a 100,000-entry list).
_PARALLEL_MIN_LINES = 20_000


def link_targets_of_both(first: str, second: str) -> tuple[Counter[str], Counter[str]]:
    """``(link_targets(first), link_targets(second))``, side by side on two cores when the
    texts are large and the system can fork (see :mod:`awesome.parallel`)."""
    from awesome import parallel

    large = max(first.count("\n"), second.count("\n")) >= _PARALLEL_MIN_LINES
    if large and parallel.available():
        return parallel.both(lambda: link_targets(first), lambda: link_targets(second))
    return link_targets(first), link_targets(second)


def _collect_targets(tokens: object, targets: Counter[str]) -> None:
    if isinstance(tokens, list):
        for token in tokens:
            _collect_targets(token, targets)
    elif isinstance(tokens, dict):
        url = tokens.get("attrs", {}).get("url") if isinstance(tokens.get("attrs"), dict) else None
        if tokens.get("type") in ("link", "image") and url is not None:
            targets[url] += 1
        _collect_targets(tokens.get("children"), targets)


def _allowed_losses(doc: Document) -> Counter[str]:
    """Words that may disappear: labels of primary links and the replaced contents list."""
    allowed = words(doc.toc_text)
    for _, entry in doc.entries():
        stack = [entry]
        while stack:
            current = stack.pop()
            if current.parsed and current.label:
                allowed.update(words(current.label))
            stack.extend(current.children)
    return allowed


def lost_between(
    original: str,
    changed: str,
    may_lose_links: Counter[str],
    may_lose_words: Counter[str],
    rewritten: Callable[[str, Counter[str]], bool] = lambda url, targets: False,
) -> list[str]:
    """The link targets and words of ``original`` that ``changed`` lacks, beyond those it may
    lose; ``rewritten(url, targets_of_changed)`` excuses a target a fix turned into another."""
    problems: list[str] = []
    targets_before, targets_after = link_targets_of_both(original, changed)
    missing_links = targets_before - may_lose_links - targets_after
    problems.extend(
        f"link target would be lost: {url}"
        for url in sorted(missing_links)
        if not rewritten(url, targets_after)
    )
    missing_words = words(original) - may_lose_words - words(changed)
    if missing_words:
        sample = ", ".join(sorted(missing_words)[:8])
        problems.append(f"{sum(missing_words.values())} word(s) would be lost: {sample}")
    return problems


def lost_content(original: str, formatted: str, doc: Document) -> list[str]:
    """What ``formatted`` lacks of ``original``; empty when nothing is lost."""
    toc_targets = link_targets(doc.toc_text) if doc.toc_text else Counter()
    problems = lost_between(original, formatted, toc_targets, _allowed_losses(doc))
    before = doc.entry_count()
    after = parse_document(formatted).entry_count()
    if after != before:
        problems.append(f"entry count would change from {before} to {after}")
    return problems


def format_text(
    text: str,
    config: Config | None = None,
    lock: MetadataLock | None = None,
    path: str | None = None,
) -> FormatResult:
    """Format a list's text canonically and check the guarantees (never raises on them)."""
    config = config or Config()
    lock = lock or MetadataLock()
    doc = parse_document(text, path)
    fill_document(doc, lock)
    formatted = render_document(doc, lock, config)
    if formatted == text:
        # a canonical list: nothing can be lost, and a second pass is this same pass (the
        # checks below cost ten times the formatting on a large list, mostly in mistune)
        return FormatResult(text, formatted, doc, [])
    problems = lost_content(text, formatted, doc)
    again = render_document(_refilled(formatted, lock), lock, config)
    if again != formatted:
        problems.append("formatting is not stable: a second pass would change the result")
    return FormatResult(text, formatted, doc, problems)


def _refilled(text: str, lock: MetadataLock) -> Document:
    doc = parse_document(text)
    fill_document(doc, lock)
    return doc


def lock_for(list_path: Path, config: Config) -> MetadataLock:
    """The metadata lock that belongs to a list (empty when there is none)."""
    return load_lock(lock_path_for(list_path, config.metadata))


def settings_for(list_path: Path, config_path: Path | None = None) -> tuple[Config, MetadataLock]:
    config = load_config(list_path, config_path)
    return config, lock_for(list_path, config)
