"""Jobs: what to ask next and what the answers mean, one job per link (or arXiv batch).

A job is a small state machine. The scheduler runs its steps (one HTTP request each) and
hands back each :class:`Outcome`; the job answers with its next step (a redirect hop, a
retry after a delay) or with its final results. Jobs never sleep and never touch sockets,
except the arXiv batch, whose one step is a lookup by the shared arXiv client.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from awesome.arxiv_client import ClientSettings, FetchResult
from awesome.links import hosts
from awesome.links.arxiv_api import ArxivLink, ArxivLookup, link_verdict
from awesome.links.fetch import Fetcher, Outcome, Request
from awesome.links.verdict import LinkResult, Verdict
from awesome.retry_after import retry_after_seconds

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_ERRORS = {"timeout", "reset", "connection", "dns-failed"}


def is_retryable(status: int | None) -> bool:
    """408, 429 and 5xx may pass; 501 (not implemented) will not."""
    if status is None:
        return False
    return status in (408, 429) or (500 <= status <= 599 and status != 501)


MAX_REDIRECTS = 10


@dataclass
class CheckSettings:
    """Knobs of one run. Times are in seconds."""

    max_concurrency: int = 64
    host_concurrency: int = 8
    host_interval: float = 0.05
    timeout: float = 10.0
    deadline: float = 30.0
    retries: int = 2
    backoff: float = 0.5
    backoff_cap: float = 8.0
    retry_after_cap: float = 30.0
    max_host_pauses: int = 3
    accept: frozenset[int] = frozenset()
    user_agent: str = "awesome-links/0.1 (+https://github.com/awesome-papers/awesome)"
    arxiv: ClientSettings = field(default_factory=ClientSettings)
    doi_api: str = "https://doi.org/api/handles"
    github_api: str = "https://api.github.com"
    github_token: str | None = None
    special_hosts: bool = True


@dataclass
class Step:
    """A request to run once ``delay`` seconds have passed (backoff, Retry-After)."""

    request: Request
    delay: float = 0.0
    # Instead of fetching ``request``, a worker calls ``run`` (an API client's lookup);
    # ``request`` still names the host whose limits apply.
    run: Callable[[Fetcher], Outcome] | None = None


@dataclass
class RunState:
    """What jobs share during a run."""

    settings: CheckSettings
    rng: random.Random = field(default_factory=random.Random)
    github_exhausted: bool = False


def _is_cloudflare(outcome: Outcome) -> bool:
    headers = outcome.headers
    return (
        "cf-ray" in headers
        or "cf-mitigated" in headers
        or headers.get("server", "").lower().startswith("cloudflare")
    )


def _is_bot_wall(outcome: Outcome) -> bool:
    """A Cloudflare challenge: a 403, or the 503 of "under attack" mode. Retrying a
    challenge only meets it again, and it says nothing about the page behind it."""
    return outcome.status in (403, 503) and _is_cloudflare(outcome)


def _header_text(value: str) -> str:
    """A header as its sender meant it: UTF-8 sent raw arrives decoded as Latin-1."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


class Job:
    """Base: the retry policy every job shares."""

    urls: list[str]

    def __init__(self, state: RunState) -> None:
        self.state = state
        self.settings = state.settings
        self.attempt = 0
        self.deadline_at: float | None = None
        self.finished = False

    def first_step(self) -> Step:
        raise NotImplementedError

    def advance(self, outcome: Outcome, now: float) -> Step | list[LinkResult]:
        raise NotImplementedError

    def before_start(self, step: Step) -> Step:
        """A last look at a step about to start; a job may swap it for another."""
        return step

    def give_up(self, reason: str) -> list[LinkResult]:
        return [LinkResult(url, Verdict.UNKNOWN, reason) for url in self.urls]

    def remaining(self, now: float) -> float:
        return float("inf") if self.deadline_at is None else self.deadline_at - now

    def request(
        self, url: str, headers: dict[str, str] | None = None, read_body: int = 0
    ) -> Request:
        return Request(url, headers or {}, read_body, self.settings.timeout)

    def retry_step(self, request: Request, outcome: Outcome, now: float) -> Step | str:
        """The same request again after backoff, or why not (retries spent, past deadline)."""
        if self.attempt >= self.settings.retries:
            return f"{outcome.status_text} after {self.attempt + 1} attempts"
        self.attempt += 1
        base = min(self.settings.backoff * 2 ** (self.attempt - 1), self.settings.backoff_cap)
        delay = base * (0.5 + self.state.rng.random())  # jitter spreads retries out
        asked = retry_after_seconds(outcome.headers.get("retry-after"))
        if asked is not None:
            if asked > min(self.settings.retry_after_cap, self.remaining(now)):
                return f"{outcome.status_text}, Retry-After {asked:.0f} s is too long to wait"
            delay = max(delay, asked)
        if delay >= self.remaining(now):
            return f"{outcome.status_text}; no time left to retry"
        return Step(request, delay)


class UrlJob(Job):
    """An ordinary link: follow redirects hop by hop and judge the final answer."""

    def __init__(self, url: str, state: RunState) -> None:
        super().__init__(state)
        self.url = url
        self.urls = [url]
        self.current = url
        self.redirects: list[tuple[int, str]] = []
        self.visited = {url}

    def first_step(self) -> Step:
        return Step(self.request(self.url))

    def _result(
        self, verdict: Verdict, reason: str, status: int | None, hop_failed: bool = True
    ) -> list[LinkResult]:
        """The result; ``hop_failed`` when the verdict is about the page the chain reached."""
        final = self.current if self.redirects and hop_failed else None
        if self.redirects and hop_failed and verdict is Verdict.DEAD:
            reason = f"redirect to a dead page: {reason}"
        result = LinkResult(self.url, verdict, reason, status, final, redirects=self.redirects)
        return [result]

    def advance(self, outcome: Outcome, now: float) -> Step | list[LinkResult]:
        if outcome.error is not None:
            return self._after_error(outcome, now)
        status = outcome.status or 0
        if status in self.settings.accept or 200 <= status < 300:
            return self._result(Verdict.OK, outcome.status_text, status)
        if status in REDIRECTS:
            return self._follow(outcome)
        if status in (404, 410):
            return self._result(Verdict.DEAD, outcome.status_text, status)
        if _is_bot_wall(outcome):
            return self._result(Verdict.UNKNOWN, self._unclear_reason(outcome), status)
        if is_retryable(status):
            retry = self.retry_step(self.request(self.current), outcome, now)
            if isinstance(retry, Step):
                return retry
            return self._result(Verdict.UNKNOWN, retry, status)
        return self._result(Verdict.UNKNOWN, self._unclear_reason(outcome), status)

    def _unclear_reason(self, outcome: Outcome) -> str:
        if _is_bot_wall(outcome):
            return f"{outcome.status_text}: a Cloudflare bot wall, not checkable by a robot"
        if outcome.status == 999:
            return "999: a bot wall (LinkedIn-style), not checkable by a robot"
        if outcome.status in (401, 403):
            return f"{outcome.status_text}: the server refuses robots or wants a login"
        return outcome.status_text

    def _follow(self, outcome: Outcome) -> Step | list[LinkResult]:
        status = outcome.status or 0
        location = outcome.headers.get("location")
        if not location:
            return self._result(Verdict.UNKNOWN, f"{outcome.status_text} without Location", status)
        target = urljoin(self.current, _header_text(location).strip())
        self.redirects.append((status, target))
        # A redirect back to a page already seen is a loop, unless it sets a cookie: some
        # sites send a visitor to the same page again once it carries their cookie (the
        # session sends it back). Such chains end at the redirect limit, unknown, not dead.
        if target in self.visited and "set-cookie" not in outcome.headers:
            return self._result(Verdict.DEAD, f"redirect loop back to {target}", status, False)
        if len(self.redirects) > MAX_REDIRECTS:
            reason = f"more than {MAX_REDIRECTS} redirects"
            return self._result(Verdict.UNKNOWN, reason, status, False)
        if urlsplit(target).scheme not in ("http", "https"):
            reason = f"redirects to a non-http URL {target}"
            return self._result(Verdict.UNKNOWN, reason, status, False)
        self.visited.add(target)
        self.current = target
        self.attempt = 0
        return Step(self.request(target))

    def _after_error(self, outcome: Outcome, now: float) -> Step | list[LinkResult]:
        kind = outcome.error
        if kind in ("refused", "dns-missing", "invalid"):
            return self._result(Verdict.DEAD, outcome.detail, None)
        if kind in RETRY_ERRORS:
            retry = self.retry_step(self.request(self.current), outcome, now)
            if isinstance(retry, Step):
                return retry
            return self._result(Verdict.UNKNOWN, retry, None)
        if kind == "forbidden" and self.redirects:
            reason = f"redirect to {self.current} {outcome.detail}"
            return self._result(Verdict.UNKNOWN, reason, None, False)
        return self._result(Verdict.UNKNOWN, outcome.detail, None)


class ArxivBatchJob(Job):
    """One batch of arXiv ids, looked up by the shared arXiv client on a worker thread.

    Its single step runs the client instead of a plain request; the scheduler still
    applies the API host's limit (one batch at a time) and the batch's deadline.
    """

    def __init__(
        self, links: dict[str, list[ArxivLink]], lookup: ArxivLookup, state: RunState
    ) -> None:
        super().__init__(state)
        self.links = links
        self.lookup = lookup
        self.urls = [link.url for found in links.values() for link in found]
        self.found: FetchResult | None = None

    def first_step(self) -> Step:
        return Step(self.request(self.lookup.api), run=self._run)

    def _run(self, fetcher: Fetcher) -> Outcome:
        # The API host passes the address policy like any link, and a name that does not
        # resolve on an offline machine ends the run like any other.
        refusal = fetcher.precheck(self.lookup.api)
        if refusal is not None:
            return refusal
        deadline = self.deadline_at if self.deadline_at is not None else math.inf
        answer = self.lookup.fetch(list(self.links), deadline)
        if isinstance(answer, str):
            return Outcome(error="arxiv", detail=answer)
        self.found = answer
        return Outcome(status=200)

    def advance(self, outcome: Outcome, now: float) -> Step | list[LinkResult]:
        if self.found is None:
            return self.give_up(f"arXiv API: {outcome.detail}")
        results = []
        for arxiv_id, links in self.links.items():
            paper = self.found.papers.get(arxiv_id)
            for link in links:
                verdict, reason = link_verdict(link, paper)
                results.append(LinkResult(link.url, verdict, reason))
        return results


class DoiJob(Job):
    """A doi.org link, asked of the handle API without following to the publisher."""

    def __init__(self, url: str, doi: str, state: RunState) -> None:
        super().__init__(state)
        self.urls = [url]
        self.query = self.request(hosts.doi_query_url(self.settings.doi_api, doi), read_body=65536)

    def first_step(self) -> Step:
        return Step(self.query)

    def advance(self, outcome: Outcome, now: float) -> Step | list[LinkResult]:
        if outcome.error in RETRY_ERRORS or is_retryable(outcome.status):
            retry = self.retry_step(self.query, outcome, now)
            if isinstance(retry, Step):
                return retry
            return self.give_up(f"DOI API: {retry}")
        answer = hosts.doi_verdict(outcome.status, outcome.body) if outcome.error is None else None
        if answer is None:
            return self.give_up(f"DOI API: {outcome.status_text or outcome.detail}")
        return [LinkResult(self.urls[0], answer.verdict, answer.reason, outcome.status)]


class GithubJob(Job):
    """A repository front page, asked of the GitHub REST API; falls back to the page itself
    when the API's rate limit is spent (for this run: later repositories skip the API)."""

    def __init__(self, url: str, owner: str, repo: str, state: RunState) -> None:
        super().__init__(state)
        self.url = url
        self.urls = [url]
        self.owner, self.repo = owner, repo
        self.query = self._api(hosts.github_query_url(self.settings.github_api, owner, repo))
        self.fallback: UrlJob | None = None
        self.api_hops = 0

    def _api(self, url: str) -> Request:
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        token = self.settings.github_token
        if token and hosts.host_key_matches(url, self.settings.github_api):
            headers["Authorization"] = f"Bearer {token}"  # never sent anywhere else
        return self.request(url, headers=headers, read_body=1024 * 1024)

    def first_step(self) -> Step:
        if self.state.github_exhausted:
            return self._fall_back()
        return Step(self.query)

    def before_start(self, step: Step) -> Step:
        if self.fallback is None and self.state.github_exhausted:
            return self._fall_back()  # the limit ran out while this one was waiting
        return step

    def _fall_back(self) -> Step:
        self.fallback = UrlJob(self.url, self.state)
        self.fallback.deadline_at = self.deadline_at
        return self.fallback.first_step()

    def advance(self, outcome: Outcome, now: float) -> Step | list[LinkResult]:
        if self.fallback is not None:
            self.fallback.deadline_at = self.deadline_at
            return self.fallback.advance(outcome, now)
        if hosts.github_rate_limited(outcome.status, outcome.headers):
            self.state.github_exhausted = True
            return self._fall_back()
        if outcome.status in REDIRECTS and self.api_hops < 3:
            self.api_hops += 1
            location = outcome.headers.get("location", "")
            target = urljoin(self.query.url, location)
            if hosts.host_key_matches(target, self.settings.github_api):
                return Step(self._api(target))
        if outcome.error in RETRY_ERRORS or is_retryable(outcome.status):
            retry = self.retry_step(self.query, outcome, now)
            if isinstance(retry, Step):
                return retry
            return self.give_up(f"GitHub API: {retry}")
        answer = hosts.github_verdict(self.owner, self.repo, outcome.status, outcome.body)
        if answer is None:
            return self.give_up(f"GitHub API: {outcome.status_text or outcome.detail}")
        result = LinkResult(self.url, answer.verdict, answer.reason, outcome.status)
        result.final_url, result.note = answer.final_url, answer.note
        return [result]
