"""The result cache: an SQLite file of URL -> verdict, status, final URL and time.

Only ``ok`` results are stored: a dead or unknown link is asked again next run, so a
fixed server or a passing rate limit shows at once. WAL mode and a busy timeout let two
runs share one file; each run writes its results in one short transaction at the end.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from awesome.errors import LinkCheckError
from awesome.links.verdict import LinkResult, Verdict

DEFAULT_CACHE = Path(".awesome-cache") / "links.sqlite"
DEFAULT_MAX_AGE = "1d"
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY,
    verdict TEXT NOT NULL,
    status INTEGER,
    final_url TEXT,
    reason TEXT NOT NULL,
    note TEXT,
    checked_at REAL NOT NULL
)
"""


def parse_max_age(text: str) -> float:
    """``30m``, ``12h``, ``1d``, ``2w`` (any case) or plain seconds, as seconds."""
    match = _AGE.match(text)
    if match is None:
        raise LinkCheckError(f"invalid max age '{text}' (expected e.g. 30m, 12h, 1d)")
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]


class LinkCache:
    """One cache file; use as a context manager."""

    def __init__(self, path: Path, max_age: float) -> None:
        self.path = path
        self.max_age = max_age
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30.0)
            self._prepare()
        except (OSError, sqlite3.Error) as error:
            raise LinkCheckError(f"cannot open the link cache: {error}", str(path)) from None

    def _prepare(self, attempts: int = 50) -> None:
        """Switch to WAL and create the table. Switching the journal mode ignores the busy
        timeout, so when another run opens the same new file at once, try again shortly."""
        for attempt in range(attempts):
            try:
                if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute(_SCHEMA)
                self._db.commit()
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or attempt == attempts - 1:
                    raise
                time.sleep(0.05)

    def __enter__(self) -> LinkCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def lookup(self, urls: Iterable[str], now: float | None = None) -> dict[str, LinkResult]:
        """Fresh cached results for those of ``urls`` that have one."""
        oldest = (time.time() if now is None else now) - self.max_age
        found: dict[str, LinkResult] = {}
        with self._errors():
            for chunk in _chunks(list(urls), 500):
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    "SELECT url, verdict, status, final_url, reason, note FROM links "
                    f"WHERE checked_at >= ? AND url IN ({marks})",
                    [oldest, *chunk],
                )
                for url, verdict, status, final_url, reason, note in rows:
                    found[url] = LinkResult(
                        url, Verdict(verdict), reason, status, final_url, note=note, cached=True
                    )
        return found

    def store(self, results: Iterable[LinkResult], now: float | None = None) -> int:
        """Remember the ``ok`` results; returns how many were written."""
        stamp = time.time() if now is None else now
        rows = [
            (r.url, r.verdict.value, r.status, r.final_url, r.reason, r.note, stamp)
            for r in results
            if r.verdict is Verdict.OK and not r.cached and not r.local
        ]
        with self._errors(), self._db:
            self._db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise LinkCheckError(f"link cache error: {error}", str(self.path)) from None


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
