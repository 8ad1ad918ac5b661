"""What a lint rule is, what it reports, and what it sees.

A rule is a small pure function ``check(document, context) -> Iterable[Finding]``
wrapped in a :class:`Rule` that carries its id, kind, severity and docs.
The registry in :mod:`awesome.rules` lists every rule explicitly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from awesome.config import Config
from awesome.metadata import MetadataLock
from awesome.model import Document

if TYPE_CHECKING:
    from awesome.rules.outline import Outline

KINDS = (
    "structure",
    "format",
    "metadata",
    "duplicate",
    "url",
    "link",
    "spelling",
    "order",
    "toc",
    "whitespace",
    "html",
    "awesome",
)
SEVERITIES = ("error", "warning")


class Fix(NamedTuple):
    """Replace ``old`` with ``new`` on ``line`` (1-based) of the source text.

    When ``old`` is empty the whole line is replaced by ``new``. When ``column``
    (1-based) is given, ``old`` must stand exactly there; otherwise its first
    occurrence on the line is replaced.
    """

    line: int
    old: str
    new: str
    column: int | None = None


@dataclass
class Finding:
    rule: str
    kind: str
    severity: str
    message: str
    line: int
    column: int = 1
    fix: Fix | None = None
    path: str | None = None


@dataclass
class LintContext:
    """Everything a rule may read besides the document: source lines, config, lock."""

    lines: list[str]
    config: Config = field(default_factory=Config)
    lock: MetadataLock = field(default_factory=MetadataLock)
    path: str | None = None
    siblings: dict[str, str] = field(default_factory=dict)
    """Other files beside the list that some rules read (contributing.md, license...), by name."""
    cache: dict[str, object] = field(default_factory=dict, repr=False)
    """Per-run memo for derived views that several rules share (see :meth:`outline`)."""

    def outline(self) -> Outline:
        """The Markdown outline of :attr:`lines`, computed once per lint run."""
        from awesome.rules.outline import Outline, build_outline

        found = self.cache.get("outline")
        if not isinstance(found, Outline):
            found = build_outline(self.lines)
            self.cache["outline"] = found
        return found


Check = Callable[[Document, LintContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: str
    summary: str
    doc: str
    check: Check
    fixable: bool = False
    peers: tuple[str, ...] = ()

    def finding(
        self,
        message: str,
        line: int,
        column: int = 1,
        fix: Fix | None = None,
        path: str | None = None,
    ) -> Finding:
        """A finding of this rule at its default severity."""
        return Finding(self.id, self.kind, self.severity, message, line, column, fix, path)
