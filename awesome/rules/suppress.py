"""Inline suppression comments.

Two spellings are understood, each with ``disable``, ``enable`` and ``ignore``::

    <!-- awesome-lint disable trailing-whitespace -->
    <!--lint disable awesome-list-item double-link-->

``disable`` lasts until a matching ``enable`` (or the end of the file);
``ignore`` covers the next block only (the next run of non-blank lines). A
comment without rule ids applies to every rule. Ids may be ours or the peer ids
of awesome-lint / remark-lint that our rules list in ``Rule.peers``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from awesome.rules._source import _CODE_SPAN, outside_fences
from awesome.rules.base import Finding

_DIRECTIVE = re.compile(r"<!--\s*(awesome-lint|lint)\s+(disable|enable|ignore)\b(.*?)-->")
ALL = "*"


@dataclass(frozen=True)
class Directive:
    line: int
    column: int
    form: str
    """``awesome-lint`` (ours) or ``lint`` (awesome-lint / remark)."""
    action: str
    ids: tuple[str, ...]


def _peer_form(rule_id: str) -> str:
    """``remark-lint:awesome/list-item`` and ``awesome/list-item`` both mean ``awesome-list-item``."""
    rule_id = rule_id.removeprefix("remark-lint:").removeprefix("remark-lint-")
    return rule_id.replace("/", "-")


def directives(lines: list[str]) -> Iterator[Directive]:
    """Every suppression comment, in source order; one shown as code (a fenced block, a
    code span) is an example for the reader, not a comment."""
    candidates = [n for n, line in enumerate(lines, 1) if "<!--" in line and "lint" in line]
    if not candidates:
        return  # most lists: no need to find their code blocks
    outside = {number for number, _ in outside_fences(lines)}
    for number in candidates:
        if number not in outside:
            continue
        line = lines[number - 1]
        code = [span.span() for span in _CODE_SPAN.finditer(line)] if "`" in line else []
        for match in _DIRECTIVE.finditer(line):
            if any(start < match.start() < end for start, end in code):
                continue
            ids = tuple(part for part in re.split(r"[\s,]+", match.group(3).strip()) if part)
            yield Directive(number, match.start() + 1, match.group(1), match.group(2), ids)


def resolve(rule_id: str, aliases: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Our rule ids for an id written in a comment (empty when unknown)."""
    return aliases.get(rule_id) or aliases.get(_peer_form(rule_id)) or ()


def _block_end(lines: list[str], after: int) -> int:
    """Last line (1-based) of the block that follows line ``after``."""
    index = after  # 0-based index of the line after ``after``
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and lines[index].strip():
        index += 1
    return index


@dataclass
class Suppressions:
    """Disabled line ranges per rule id (``*`` = every rule)."""

    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_lines(cls, lines: list[str], aliases: Mapping[str, tuple[str, ...]]) -> Suppressions:
        open_since: dict[str, int] = {}
        ranges: dict[str, list[tuple[int, int]]] = {}
        for directive in directives(lines):
            targets = _targets(directive, aliases)
            for target in targets:
                if directive.action == "ignore":
                    end = _block_end(lines, directive.line)
                    ranges.setdefault(target, []).append((directive.line, end))
                elif directive.action == "disable":
                    open_since.setdefault(target, directive.line)
                elif target in open_since:
                    ranges.setdefault(target, []).append((open_since.pop(target), directive.line))
        for target, start in open_since.items():
            ranges.setdefault(target, []).append((start, len(lines) + 1))
        suppressions = cls(ranges)
        suppressions._index()
        return suppressions

    def _index(self) -> None:
        for target, spans in self.ranges.items():
            self.ranges[target] = spans = _merged(spans)
            self._starts[target] = [start for start, _ in spans]

    def _covers(self, target: str, line: int) -> bool:
        spans = self.ranges.get(target)
        if not spans:
            return False
        position = bisect.bisect_right(self._starts[target], line)
        return position > 0 and line <= spans[position - 1][1]

    def suppressed(self, finding: Finding) -> bool:
        return self._covers(finding.rule, finding.line) or self._covers(ALL, finding.line)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans, so that one bisection finds the only candidate."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _targets(directive: Directive, aliases: Mapping[str, tuple[str, ...]]) -> list[str]:
    if not directive.ids:
        return [ALL]
    targets: list[str] = []
    for rule_id in directive.ids:
        if directive.form == "awesome-lint" and rule_id in aliases.get(rule_id, ()):
            # our own id in our own comment is that rule alone, even where a peer id of the
            # same name covers more (awesome-lint's double-link is also our duplicate-entry)
            targets.append(rule_id)
        else:
            targets.extend(resolve(rule_id, aliases))
    return targets


def unknown_ids(directive: Directive, aliases: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The ids of a comment that name no rule of ours and no known peer."""
    return [rule_id for rule_id in directive.ids if not resolve(rule_id, aliases)]
