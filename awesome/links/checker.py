"""The scheduler: a global worker pool with per-host limits, and the library entry point.

One thread (the caller's) owns every decision: which step starts when, per-host
concurrency and the minimum interval between request starts, ``Retry-After`` pauses,
backoff delays and per-link deadlines. Worker threads only run single requests, so
nobody sleeps while holding a lock and a slow host never stalls the others.
"""

from __future__ import annotations

import heapq
import itertools
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from awesome.arxiv_client import batches
from awesome.errors import LinkCheckError
from awesome.links import hosts
from awesome.links.arxiv_api import ArxivLink, ArxivLookup
from awesome.links.fetch import Fetcher, Outcome, host_key
from awesome.links.jobs import (
    ArxivBatchJob,
    CheckSettings,
    DoiJob,
    GithubJob,
    Job,
    RunState,
    Step,
    UrlJob,
)
from awesome.links.safety import AddressPolicy, Resolver
from awesome.links.verdict import LinkResult
from awesome.retry_after import retry_after_seconds

Progress = Callable[[int, int], None]
_IDLE_WAKE = 0.5


@dataclass
class HostState:
    """Per-host bookkeeping, touched only by the scheduling thread."""

    concurrency: int
    interval: float
    active: int = 0
    next_start: float = 0.0
    pause_until: float = 0.0
    pauses: int = 0
    waiting: deque[tuple[Job, Step]] = field(default_factory=deque)

    def ready_at(self) -> float:
        return max(self.next_start, self.pause_until)


@dataclass
class Inflight:
    job: Job
    step: Step
    host: str


class Scheduler:
    """Runs jobs to completion on ``fetcher`` within the limits of ``settings``.

    The scheduling state sits behind one lock, held only for bookkeeping (never while a
    request runs or anyone sleeps). A worker that finishes a request records the outcome
    and starts whatever the limits now allow itself, so a freed slot is refilled without a
    round trip through another thread; the caller's thread wakes for timed events only:
    delayed retries, per-host intervals and pauses, and deadlines.
    """

    def __init__(
        self,
        fetcher: Fetcher,
        settings: CheckSettings,
        host_limits: dict[str, tuple[int, float]] | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.settings = settings
        self.host_limits = host_limits or {}
        self.progress = progress
        self.lock = threading.Lock()
        self.wake = threading.Event()
        # When the timekeeper means to wake next: a worker wakes it only for an earlier
        # event, not after every completion on a host that waits for its interval.
        self.wake_at = 0.0
        self.hosts: dict[str, HostState] = {}
        self.delayed: list[tuple[float, int, Job, Step]] = []
        self.inflight: dict[int, Inflight] = {}
        self.ids = itertools.count(1)
        self.work: queue.SimpleQueue[tuple[int, Step] | None] = queue.SimpleQueue()
        # While a worker records its outcome: the first step that starts, which that
        # worker runs next itself instead of waking another one through the queue.
        self.claim: list[tuple[int, Step]] | None = None
        self.workers: list[threading.Thread] = []
        self.workers_started = False
        self.results: list[LinkResult] = []
        self.fatal: BaseException | None = None
        # Jobs whose host name failed while no name had resolved yet: the run is offline
        # unless another name resolves before every other job is done.
        self.parked: list[tuple[Job, Outcome]] = []
        self.open_jobs = 0
        self.total = 0

    # --- public -----------------------------------------------------------------------

    def run(self, jobs: Iterable[Job]) -> list[LinkResult]:
        with self.lock:
            for job in jobs:
                self.open_jobs += 1
                self.total += len(job.urls)
                self._enqueue(job, job.first_step(), time.monotonic())
            self._dispatch(time.monotonic())
            first_round = len(self.inflight)
        # Started outside the lock once the first round is queued, so each worker begins
        # its first request as soon as it runs instead of waiting for all of them to start.
        self._start_workers(first_round)
        with self.lock:
            self.workers_started = True
            self._start_workers(len(self.inflight) - len(self.workers))
        try:
            while self._tick():
                pass
        finally:
            self._stop_workers()
        if self.fatal is not None:
            raise self.fatal
        return self.results

    # --- the timekeeper (the caller's thread) -------------------------------------------

    def _tick(self) -> bool:
        """One round of timed work; False when the run is over."""
        with self.lock:
            now = time.monotonic()
            self._enforce_deadlines(now)
            self._settle_parked(now)
            self._release_delayed(now)
            self._dispatch(now)
            if self.fatal is not None or not self.open_jobs:
                return False
            # Cleared under the lock: a worker's later wake-up call is never lost.
            self.wake.clear()
            now = time.monotonic()
            wait = self._next_wake(now)
            self.wake_at = now + wait
            done = len(self.results)
        if self.progress is not None:
            self.progress(done, self.total)
        self.wake.wait(wait)
        return True

    def _next_wake(self, now: float) -> float:
        times = [now + _IDLE_WAKE]
        if self.delayed:
            times.append(self.delayed[0][0])
        if len(self.inflight) < self.settings.max_concurrency:
            times.extend(
                host.ready_at()
                for host in self.hosts.values()
                if host.waiting and host.active < host.concurrency
            )
        times.extend(
            entry.job.deadline_at
            for entry in self.inflight.values()
            if entry.job.deadline_at is not None and not entry.job.finished
        )
        return max(0.0, min(times) - now)

    # --- bookkeeping (always under self.lock) -----------------------------------------

    def _host(self, key: str) -> HostState:
        state = self.hosts.get(key)
        if state is None:
            concurrency, interval = self.host_limits.get(
                key, (self.settings.host_concurrency, self.settings.host_interval)
            )
            state = self.hosts[key] = HostState(concurrency, interval)
        return state

    def _enqueue(self, job: Job, step: Step, now: float) -> None:
        if step.delay > 0:
            heapq.heappush(self.delayed, (now + step.delay, next(self.ids), job, step))
            self._wake_by(now + step.delay)
        else:
            self._host(step.request.host_key).waiting.append((job, step))

    def _release_delayed(self, now: float) -> None:
        while self.delayed and self.delayed[0][0] <= now:
            _, _, job, step = heapq.heappop(self.delayed)
            if not job.finished:
                self._host(step.request.host_key).waiting.append((job, step))

    def _dispatch(self, now: float) -> None:
        """Start what the limits allow, one step per host per pass so hosts share the pool.

        Hosts with the most waiting work go first: a host held to its own concurrency
        limit is the run's critical path, and starting it late leaves a long tail.
        """
        if len(self.inflight) >= self.settings.max_concurrency:
            return  # nothing can start: no need to rank the hosts
        candidates = [key for key, host in self.hosts.items() if host.waiting]
        candidates.sort(key=lambda key: len(self.hosts[key].waiting), reverse=True)
        while candidates and len(self.inflight) < self.settings.max_concurrency:
            still: list[str] = []
            for key in candidates:
                if len(self.inflight) >= self.settings.max_concurrency:
                    break
                host = self.hosts[key]
                if self._start_one(key, host, now) and host.waiting:
                    still.append(key)
            candidates = still

    def _start_one(self, key: str, host: HostState, now: float) -> bool:
        """Start the host's next waiting step if its limits allow; True if one was taken."""
        if host.active >= host.concurrency:
            return False
        if host.ready_at() > now:
            self._wake_by(host.ready_at())  # the timekeeper starts it then
            return False
        job, step = host.waiting.popleft()
        if job.finished:
            return True
        if host.pauses > self.settings.max_host_pauses:
            self._finish(job, job.give_up("the host kept asking us to slow down (Retry-After)"))
            return True
        changed = job.before_start(step)
        if changed is not step:
            self._enqueue(job, changed, now)  # it now goes to another host
            return True
        if job.deadline_at is None:
            job.deadline_at = now + self.settings.deadline
        elif now >= job.deadline_at:
            self._finish(job, job.give_up(self._deadline_reason()))
            return True
        step_id = next(self.ids)
        self.inflight[step_id] = Inflight(job, step, key)
        host.active += 1
        host.next_start = now + host.interval
        if self.claim is not None and not self.claim:
            self.claim.append((step_id, step))
        else:
            self._ensure_worker()
            self.work.put((step_id, step))
        return True

    def _complete(self, step_id: int, outcome: Outcome) -> tuple[int, Step] | None:
        """Record a worker's outcome; the step it should run next, if one could start."""
        claim: list[tuple[int, Step]] = []
        self.claim = claim
        try:
            self._record(step_id, outcome)
        finally:
            self.claim = None
        return claim[0] if claim else None

    def _record(self, step_id: int, outcome: Outcome) -> None:
        entry = self.inflight.pop(step_id)
        host = self.hosts[entry.host]
        host.active -= 1
        now = time.monotonic()
        self._note_pause(host, outcome, now)
        if not entry.job.finished:
            if outcome.error == "offline":
                self.parked.append((entry.job, outcome))
            else:
                self._advance(entry.job, outcome, now)
        self._settle_parked(now)
        self._dispatch(now)

    def _advance(self, job: Job, outcome: Outcome, now: float) -> None:
        answer = job.advance(outcome, now)
        if isinstance(answer, Step):
            self._enqueue(job, answer, now)
        else:
            self._finish(job, answer, outcome.elapsed)

    def _settle_parked(self, now: float) -> None:
        """Judge the parked jobs once a name resolves; end the run if none can any more."""
        if not self.parked:
            return
        if self.fetcher.resolver.resolved_any:
            parked, self.parked = self.parked, []
            for job, outcome in parked:
                self._advance(job, replace(outcome, error=outcome.if_online), now)
        elif len(self.parked) >= self.open_jobs:
            self._fail(
                LinkCheckError(
                    "the network is unreachable: no host name resolves, so no link is declared dead"
                )
            )

    def _wake_by(self, when: float) -> None:
        """Have the timekeeper wake by ``when`` (it needs telling only if it planned later)."""
        if when < self.wake_at:
            self.wake.set()

    def _fail(self, error: BaseException) -> None:
        if self.fatal is None:
            self.fatal = error
        self.wake.set()

    def _note_pause(self, host: HostState, outcome: Outcome, now: float) -> None:
        """A ``Retry-After`` pauses the whole host, up to the cap."""
        if outcome.status not in (429, 503):
            return
        seconds = retry_after_seconds(outcome.headers.get("retry-after"))
        if seconds is None:
            return
        host.pauses += 1
        host.pause_until = max(host.pause_until, now + min(seconds, self.settings.retry_after_cap))
        self._wake_by(host.pause_until)

    def _finish(self, job: Job, results: list[LinkResult], elapsed: float = 0.0) -> None:
        job.finished = True
        self.open_jobs -= 1
        now = time.monotonic()
        started = job.deadline_at - self.settings.deadline if job.deadline_at else now
        for result in results:
            result.elapsed = round(max(now - started, elapsed), 3)
        self.results.extend(results)
        if not self.open_jobs:
            self.wake.set()

    def _deadline_reason(self) -> str:
        return f"no answer within the {self.settings.deadline:g} s deadline"

    def _enforce_deadlines(self, now: float) -> None:
        for step_id, entry in list(self.inflight.items()):
            job = entry.job
            if job.finished or job.deadline_at is None or now < job.deadline_at:
                continue
            self.fetcher.inflight.abort(step_id)
            self._finish(job, job.give_up(self._deadline_reason()))

    # --- workers ----------------------------------------------------------------------

    def _start_workers(self, count: int) -> None:
        for _ in range(count):
            worker = threading.Thread(target=self._work, name="links-worker", daemon=True)
            worker.start()
            self.workers.append(worker)

    def _ensure_worker(self) -> None:
        """One more worker when every one is busy (a step outlived its deadline, say)."""
        if self.workers_started and len(self.workers) < len(self.inflight):
            self._start_workers(1)

    def _work(self) -> None:
        from awesome.links.transport import set_current_step

        item = self.work.get()
        while item is not None:
            step_id, step = item
            set_current_step(step_id)
            try:
                if step.run is not None:
                    outcome = step.run(self.fetcher)
                else:
                    outcome = self.fetcher.fetch(step.request)
            except Exception as error:  # a bug here must end the run, not hang it
                with self.lock:
                    self._fail(error)
                return
            finally:
                set_current_step(None)
            with self.lock:
                item = self._complete(step_id, outcome)
            if item is None:
                item = self.work.get()

    def _stop_workers(self) -> None:
        for _ in self.workers:
            self.work.put(None)


def make_jobs(urls: Iterable[str], state: RunState) -> list[Job]:
    """One job per URL, arXiv links in batches, DOI and GitHub links through their APIs."""
    jobs: list[Job] = []
    arxiv: dict[str, list[ArxivLink]] = {}
    for url in urls:
        if not state.settings.special_hosts or not hosts.maybe_special(url):
            jobs.append(UrlJob(url, state))
            continue
        arxiv_id = hosts.arxiv_id(url)
        doi = hosts.doi_of_url(url)
        repo = hosts.github_repo(url)
        if arxiv_id is not None:
            arxiv.setdefault(arxiv_id.base, []).append(ArxivLink(url, arxiv_id.version))
        elif doi is not None:
            jobs.append(DoiJob(url, doi, state))
        elif repo is not None:
            jobs.append(GithubJob(url, *repo, state))
        else:
            jobs.append(UrlJob(url, state))
    if arxiv:
        settings = state.settings.arxiv
        # An arXiv request waits no longer than any other (--timeout) unless told less.
        lookup = ArxivLookup(
            replace(settings, timeout=min(settings.timeout, state.settings.timeout))
        )
        for batch in batches(list(arxiv), settings.batch_size):
            jobs.append(
                ArxivBatchJob({arxiv_id: arxiv[arxiv_id] for arxiv_id in batch}, lookup, state)
            )
    return jobs


def check_urls(
    urls: Iterable[str],
    settings: CheckSettings | None = None,
    policy: AddressPolicy | None = None,
    resolver: Resolver | None = None,
    progress: Progress | None = None,
) -> list[LinkResult]:
    """Check remote URLs; raises :class:`LinkCheckError` when the network is unreachable."""
    settings = settings or CheckSettings()
    fetcher = Fetcher(
        policy or AddressPolicy(),
        resolver or Resolver(),
        settings.user_agent,
        settings.host_concurrency,
    )
    # arXiv asks for one request at a time; the client keeps the interval between them.
    limits = {host_key(settings.arxiv.api): (1, 0.0)}
    scheduler = Scheduler(fetcher, settings, limits, progress)
    try:
        return scheduler.run(make_jobs(urls, RunState(settings)))
    finally:
        fetcher.close()
