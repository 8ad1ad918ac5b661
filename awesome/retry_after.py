"""The ``Retry-After`` header, read the same way by the arXiv client and the link checker."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time

_SECONDS = re.compile(r"^\d+(?:\.\d+)?$")


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date; None if absent
    or unreadable (a negative number is unreadable, not "now")."""
    if not value:
        return None
    value = value.strip()
    if _SECONDS.match(value):  # the standard says whole seconds; some servers send "1.5"
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000": UTC with no claim about local time
        when = when.replace(tzinfo=dt.UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)
