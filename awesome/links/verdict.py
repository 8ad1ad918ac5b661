"""What a check concludes about one link: three verdicts, each with its reason."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Verdict(enum.StrEnum):
    """``ok`` and ``dead`` are certain; ``unknown`` is a warning that never fails a run."""

    OK = "ok"
    DEAD = "dead"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Occurrence:
    """Where a link was written: the file and the 1-based line."""

    file: str
    line: int


@dataclass
class LinkResult:
    """The verdict on one URL (or local target) and everything a report needs."""

    url: str
    verdict: Verdict
    reason: str
    status: int | None = None
    final_url: str | None = None
    elapsed: float = 0.0
    note: str | None = None
    cached: bool = False
    local: bool = False
    redirects: list[tuple[int, str]] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        """True when the link works but lives at another URL now (a fix can update it)."""
        return self.final_url is not None and self.final_url != self.url
