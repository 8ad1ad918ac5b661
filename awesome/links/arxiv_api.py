"""arXiv links, looked up in batches through the shared client (:mod:`awesome.arxiv_client`).

The client builds the queries, spaces its requests (``arxiv_interval``), retries with
backoff and honours ``Retry-After``. A link checker needs three things more, added here
without changing the client:

* every batch ends within its link deadline: the client's sleep hook refuses a retry
  that could not finish in time, so a hanging or throttling API costs one deadline, not
  the client's whole retry budget;
* once a batch has failed, later batches are not asked: arXiv is down or wants us to go
  away, and asking again would only hold the run up;
* the verdict of each link: an id arXiv does not know, or a version it never had, is
  dead; an API that does not answer leaves its links unknown, never dead.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

from awesome.arxiv_client import ArxivClient, ClientSettings, FetchResult
from awesome.errors import ArxivError
from awesome.links.verdict import Verdict
from awesome.metadata import Paper


@dataclass(frozen=True)
class ArxivLink:
    """A link to an arXiv paper: the URL as written and the version it names, if any."""

    url: str
    version: int | None = None


def link_verdict(link: ArxivLink, paper: Paper | None) -> tuple[Verdict, str]:
    """The verdict on one link from what the API said about its paper (None: not known)."""
    if paper is None:
        return Verdict.DEAD, "arXiv does not know this id (arXiv API)"
    latest = paper.version
    if link.version is not None and latest is not None and link.version > latest:
        return (
            Verdict.DEAD,
            f"arXiv has no version v{link.version} of {paper.id} (latest v{latest})",
        )
    return Verdict.OK, "known to the arXiv API"


class _NoTimeLeft(Exception):
    """Raised by the sleep hook when a retry could not end before the batch's deadline."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"retrying in {wait:.0f} s would pass the deadline")
        self.wait = wait


class ArxivLookup:
    """One client for the whole run; batches go through :meth:`fetch` one at a time."""

    def __init__(self, settings: ClientSettings) -> None:
        self.settings = settings
        self.client = ArxivClient(settings, sleep=self._sleep)
        self.failure: str | None = None
        self._deadline_at = math.inf
        # The scheduler runs one batch at a time; the lock makes that a guarantee.
        self._lock = threading.Lock()

    @property
    def api(self) -> str:
        return self.settings.api

    def _sleep(self, seconds: float) -> None:
        # A retry starts after the wait and may take a whole timeout; both must fit.
        if time.monotonic() + seconds + self.settings.timeout > self._deadline_at:
            raise _NoTimeLeft(seconds)
        time.sleep(seconds)

    def fetch(self, ids: list[str], deadline_at: float = math.inf) -> FetchResult | str:
        """What arXiv knows of ``ids`` (version-less), or why it could not tell."""
        with self._lock:
            if self.failure is not None:
                return f"not asked after an earlier batch failed ({self.failure})"
            self._deadline_at = deadline_at
            try:
                return self.client.fetch(ids)
            except ArxivError as error:
                self.failure = str(error)
            except _NoTimeLeft as error:
                # raised inside the client's ``except`` block: the context is the failure
                cause = error.__context__
                self.failure = f"{cause}; {error}" if cause is not None else str(error)
            except Exception as error:
                # The package parses whatever the server sends; an answer it chokes on
                # says nothing about the papers, so it must not end a run.
                self.failure = f"unusable answer ({type(error).__name__}: {error})"
            return self.failure
