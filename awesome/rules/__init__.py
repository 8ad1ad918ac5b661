"""The rule registry: every lint rule, listed explicitly.

One line per rule keeps additions from parallel branches easy to merge. The
engine in :mod:`awesome.lint` runs them in this order.
"""

from __future__ import annotations

import functools

from awesome.rules import (
    arxiv_meta,
    badges,
    companions,
    double_link,
    duplicates,
    entries,
    headings,
    html,
    list_items,
    markdown_style,
    names,
    order,
    spelling,
    suppression,
    toc,
    urls,
    whitespace,
)
from awesome.rules.base import Rule

RULES: list[Rule] = [
    # form and structure
    headings.MAIN_HEADING,
    headings.HEADING_INCREMENT,
    headings.EMPTY_SECTION,
    headings.LICENSE_SECTION,
    badges.BADGE,
    badges.NO_CI_BADGE,
    companions.CONTRIBUTING,
    companions.CODE_OF_CONDUCT,
    toc.TOC,
    toc.BROKEN_ANCHOR,
    list_items.LIST_ITEM,
    list_items.REPEAT_ITEM,
    list_items.BALANCED,
    double_link.DOUBLE_LINK,
    spelling.SPELL_CHECK,
    html.HTML_BALANCE,
    markdown_style.FINAL_NEWLINE,
    markdown_style.MARKER_STYLE,
    markdown_style.BULLET_INDENT,
    markdown_style.HEADING_STYLE,
    markdown_style.HEADING_PUNCTUATION,
    markdown_style.EMPHASIS_HEADING,
    markdown_style.UNDEFINED_REFERENCE,
    markdown_style.UNUSED_DEFINITION,
    whitespace.TRAILING_WHITESPACE,
    whitespace.TABS,
    whitespace.DOUBLE_SPACE,
    suppression.UNKNOWN_SUPPRESSION,
    # content
    entries.UNPARSED_ENTRY,
    entries.SCHEMA,
    duplicates.DUPLICATE_ENTRY,
    arxiv_meta.ARXIV_TITLE,
    arxiv_meta.ARXIV_TITLE_VARIANT,
    arxiv_meta.ARXIV_YEAR,
    arxiv_meta.YEAR_BEFORE_ARXIV,
    arxiv_meta.FUTURE_YEAR,
    names.VENUE_SPELLING,
    names.TYPO,
    urls.URL_HTTPS,
    urls.ARXIV_URL,
    urls.URL_TRACKING,
    urls.URL_WHITESPACE,
    order.ENTRY_ORDER,
]


@functools.cache
def peer_aliases() -> dict[str, tuple[str, ...]]:
    """Every id a suppression comment may use (ours and peers') -> our rule ids."""
    aliases: dict[str, list[str]] = {}
    for rule in RULES:
        aliases.setdefault(rule.id, []).append(rule.id)
        for peer in rule.peers:
            for name in {peer, peer.replace("/", "-")}:
                if rule.id not in aliases.setdefault(name, []):
                    aliases[name].append(rule.id)
    return {name: tuple(ids) for name, ids in aliases.items()}
