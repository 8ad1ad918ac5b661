"""Fetching paper metadata from the arXiv API, built on the ``arxiv`` package.

The package (4.0.x) builds the query URLs, keeps one request every
``delay_seconds``, follows ``opensearch:totalResults`` across pages and turns Atom
entries into ``arxiv.Result`` objects. What it does not do, this module adds
around it:

* a timeout on every request (the package passes none to ``requests``), both on
  each socket read and on the whole answer, so a server that accepts and never
  answers, or sends a byte now and then, cannot hang the tool;
* retries with exponential backoff that honour ``Retry-After`` (seconds or an
  HTTP date) on 429 and 503 (the package retries at once and never sees the
  headers);
* a 200 answer that is not an Atom feed, a body cut short (plain or gzip), an
  entry without its dates, or an API error entry is an error (the package parses
  with lxml's ``recover=True`` and would report an empty or partial page as a
  success, skip a broken entry silently, or raise a bare ``ValueError``);
* batches of at most 100 ids matched back by id (arXiv promises no order, adds
  the version to ``<id>`` and drops an old-style id's subject class), and ids
  arXiv does not know reported by id.

Why it replaces ``arxiv.Client._session``, a private attribute: the package's
public interface is the ``Client`` constructor (page size, delay, retries), the
documented ``query_url_format`` and ``results()``; none of them takes a session,
a timeout or a response hook, and its parser is the private ``arxiv._feed``, so
"fetch the pages ourselves and hand them to the package's parser" would reach
into a private module instead. Fetching and parsing without the package would
drop the pacing and pagination it does for us. So the one private thing used is
the session the client sends through: a ``requests.Session`` subclass that sets
the timeout and checks every answer before the package sees it. The version is
pinned (``arxiv>=4.0.2,<4.1`` in pyproject.toml), and :func:`_package_client` fails
loudly, with what to do, if a package version keeps its session elsewhere,
bypasses it, or stops using ``query_url_format``: never silently, and never by
asking the real arXiv from a test. The tests prove each behaviour over HTTP.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
import urllib3

from awesome.arxiv_id import parse_bare, parse_url
from awesome.config import DEFAULT_ARXIV_API, Config
from awesome.errors import ArxivError, ConfigError
from awesome.metadata import Paper
from awesome.retry_after import retry_after_seconds

if TYPE_CHECKING:
    # imported where a client is made: `awesome links` on a list without arXiv links
    # (it reads ClientSettings from here) never needs the package and its lxml parser
    import arxiv

MAX_BATCH = 100
# A server that cannot be reached or does not answer is asked once more, not ``retries``
# times: each try can take the whole timeout, and the tool must fail within a minute.
UNREACHABLE_RETRIES = 1
ATOM = "{http://www.w3.org/2005/Atom}"
_RETRY_STATUSES = {408, 429, 500, 502, 503, 504}
SUPPORTED = "arxiv>=4.0.2,<4.1"
_ERROR_ENTRY = re.compile(r"^https?://(?:[a-z0-9-]+\.)*arxiv\.org/api/errors")


@dataclass
class ClientSettings:
    """How to talk to the API; every delay in seconds."""

    api: str = DEFAULT_ARXIV_API
    interval: float = 3.0
    timeout: float = 20.0
    retries: int = 4
    backoff: float = 3.0
    max_wait: float = 120.0
    batch_size: int = MAX_BATCH

    def __post_init__(self) -> None:
        if not 1 <= self.batch_size <= MAX_BATCH:
            raise ConfigError(f"batch size must be between 1 and {MAX_BATCH}")


_ENV_NUMBERS = {
    "AWESOME_ARXIV_INTERVAL": "interval",
    "AWESOME_ARXIV_TIMEOUT": "timeout",
    "AWESOME_ARXIV_BACKOFF": "backoff",
    "AWESOME_ARXIV_MAX_WAIT": "max_wait",
}


def _env_number(name: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    # a timeout of 0 would fail every request; NaN and infinity are not durations
    least = "more than 0" if name == "AWESOME_ARXIV_TIMEOUT" else "0 or more"
    if not 0 <= value < float("inf") or (value == 0 and name == "AWESOME_ARXIV_TIMEOUT"):
        raise ConfigError(f"{name} must be a number of seconds ({least}), got {text!r}")
    return value


def _check_endpoint(url: str, source: str) -> str:
    """An http(s) URL with a host, or a :class:`ConfigError` naming where it came from."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{source} must be an http:// or https:// URL, got {url!r}")
    return url.strip()


def settings_from(
    config: Config | None = None, env: Mapping[str, str] | None = None
) -> ClientSettings:
    """Settings from the config (``arxiv_api``, ``arxiv_interval``), overridden by the environment.

    ``AWESOME_ARXIV_API`` and ``AWESOME_ARXIV_INTERVAL`` point the tool at a mirror, a proxy
    or a test server; ``AWESOME_ARXIV_TIMEOUT``, ``_BACKOFF``, ``_MAX_WAIT`` and ``_RETRIES``
    tune the rest.
    """
    env = os.environ if env is None else env
    config = config or Config()
    settings = ClientSettings(api=config.arxiv_api, interval=config.arxiv_interval)
    if env.get("AWESOME_ARXIV_API"):
        settings.api = _check_endpoint(env["AWESOME_ARXIV_API"], "AWESOME_ARXIV_API")
    else:
        settings.api = _check_endpoint(settings.api, "the arxiv_api setting")
    for name, attribute in _ENV_NUMBERS.items():
        if env.get(name):
            setattr(settings, attribute, _env_number(name, env[name]))
    retries = env.get("AWESOME_ARXIV_RETRIES", "").strip()
    if retries:
        if not retries.isdigit():
            raise ConfigError(
                f"AWESOME_ARXIV_RETRIES must be a whole number (0 or more), got {retries!r}"
            )
        settings.retries = int(retries)
    return settings


class _Transient(Exception):
    """A failure worth retrying; ``retry_after`` is the server's wish in seconds, if given.

    ``unreachable`` marks a connection that failed or a server that did not answer.
    """

    def __init__(
        self, message: str, retry_after: float | None = None, unreachable: bool = False
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.unreachable = unreachable


def _error_summary(root: ET.Element) -> str | None:
    """The message of an arXiv error entry (``<id>https://arxiv.org/api/errors#...``)."""
    for entry in root.iter(f"{ATOM}entry"):
        entry_id = entry.findtext(f"{ATOM}id") or ""
        if _ERROR_ENTRY.match(entry_id.strip()):
            return (entry.findtext(f"{ATOM}summary") or entry_id).strip()
    return None


def _timestamp_ok(text: str | None) -> bool:
    """Whether an Atom date parses the way the package will parse it."""
    if not text or not text.strip():
        return False
    try:
        dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _entry_problem(entry: ET.Element) -> str | None:
    """What makes a paper's entry unusable, or None.

    Entries without an arXiv ``<id>`` are skipped later (the legacy API padded
    ``id_list`` answers with such empty entries for unknown ids); an entry that
    names a paper must carry its title and dates, or the paper would be reported
    unknown (the package skips it silently) or crash the parser.
    """
    found = parse_url((entry.findtext(f"{ATOM}id") or "").strip())
    if found is None:
        return None
    if not (entry.findtext(f"{ATOM}title") or "").strip():
        return f"the entry for {found.base} has no <title>"
    for tag in ("published", "updated"):
        if not _timestamp_ok(entry.findtext(f"{ATOM}{tag}")):
            return f"the entry for {found.base} has no valid <{tag}> date"
    return None


def check_feed(body: bytes, content_type: str) -> None:
    """Raise unless ``body`` is a complete Atom feed of usable entries without an error entry."""
    if not body.strip():
        raise _Transient("arXiv answered 200 with an empty body")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        if body.lstrip().startswith((b"<?xml", b"<feed")):
            raise _Transient(f"the Atom feed is cut short or malformed ({error})") from None
        kind = content_type or "no content type"
        message = f"arXiv answered 200 with something that is not an Atom feed ({kind})"
        raise ArxivError(message) from None
    if root.tag != f"{ATOM}feed":
        raise ArxivError(f"arXiv answered 200 with <{root.tag}>, not an Atom feed")
    problem = _error_summary(root)
    if problem is not None:
        raise ArxivError(f"arXiv rejected the query: {problem}")
    for entry in root.iter(f"{ATOM}entry"):
        problem = _entry_problem(entry)
        if problem is not None:
            raise ArxivError(f"arXiv answered a feed that cannot be used: {problem}")


def _check_status(response: requests.Response) -> None:
    status = response.status_code
    if status == 200:
        check_feed(response.content, response.headers.get("content-type", ""))
        return
    if status in _RETRY_STATUSES:
        wait = retry_after_seconds(response.headers.get("retry-after"))
        raise _Transient(f"HTTP {status} from {response.url}", wait)
    detail = ""
    with contextlib.suppress(ET.ParseError):
        detail = _error_summary(ET.fromstring(response.content)) or ""
    raise ArxivError(f"arXiv answered HTTP {status}" + (f": {detail}" if detail else ""))


def _host(url: str | bytes) -> str:
    text = url.decode() if isinstance(url, bytes) else url
    return urlsplit(text).netloc or text


def _reason(error: Exception) -> str:
    """The operating system's words for a failed connection, without urllib3's wrapping."""
    found = re.search(r"\[Errno -?\d+\] ([^'\")]+)", str(error))
    return found.group(1).strip() if found else type(error).__name__


def _read_body(response: requests.Response, deadline: float, timeout: float) -> None:
    """Read the whole body by ``deadline``, then hand it to ``response`` as a plain stream.

    ``requests`` bounds each read from the socket, not the answer: a server that
    sends a byte now and then would hold the tool for ever. Reading with ``read1``
    (at most one socket read at a time) lets the clock be checked between reads.
    """
    raw = response.raw
    chunks: list[bytes] = []
    try:
        while chunk := raw.read1(64 * 1024, decode_content=True):
            chunks.append(chunk)
            if time.monotonic() > deadline:
                response.close()
                raise _Transient(f"the answer took more than {timeout:g} s", unreachable=True)
    except urllib3.exceptions.ReadTimeoutError:
        response.close()
        raise _Transient(f"no answer within {timeout:g} s", unreachable=True) from None
    except urllib3.exceptions.DecodeError:
        response.close()
        raise _Transient("the compressed answer was cut short or corrupt") from None
    except (urllib3.exceptions.HTTPError, OSError):
        response.close()
        raise _Transient("the answer was cut short") from None
    raw.release_conn()
    # the body is decoded already: ``requests`` reads a raw stream without ``stream()`` as is
    response.raw = io.BytesIO(b"".join(chunks))


class _BoundedSession(requests.Session):
    """A session that bounds every request and checks every answer before the package sees it."""

    def __init__(self, timeout: float, endpoint: str) -> None:
        super().__init__()
        self.timeout = timeout
        self.endpoint = endpoint
        self.count = 0

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        text = url.decode() if isinstance(url, bytes) else url
        if not text.startswith(self.endpoint):
            # the package stopped using query_url_format: never send elsewhere (a test
            # must not reach the real arXiv, a mirror user must not bypass the mirror)
            raise ArxivError(
                f"the arxiv package {_package_version()} asked {_host(text)}, not the configured "
                f"endpoint; awesome supports {SUPPORTED}"
            )
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = (min(self.timeout, 10.0), self.timeout)
        kwargs["stream"] = True  # the body is read here, against a deadline
        deadline = time.monotonic() + self.timeout
        self.count += 1
        try:
            response = super().request(method, url, *args, **kwargs)
            _read_body(response, deadline, self.timeout)
        except requests.exceptions.Timeout:
            raise _Transient(f"no answer within {self.timeout:g} s", unreachable=True) from None
        except requests.exceptions.ConnectionError as error:
            # a read timeout while the body arrives comes wrapped as a ConnectionError
            if "timed out" in str(error):
                message = f"no answer within {self.timeout:g} s"
            else:
                message = f"cannot connect to {_host(url)} ({_reason(error)})"
            raise _Transient(message, unreachable=True) from None
        except requests.exceptions.ChunkedEncodingError:
            raise _Transient("the answer was cut short") from None
        except requests.exceptions.ContentDecodingError:
            raise _Transient("the compressed answer was cut short or corrupt") from None
        except requests.exceptions.RequestException as error:
            raise _Transient(f"the request failed ({type(error).__name__})") from None
        _check_status(response)
        return response


def _package_version() -> str:
    import arxiv

    return str(arxiv.__version__)


def _package_client(settings: ClientSettings, session: _BoundedSession) -> arxiv.Client:
    """An ``arxiv.Client`` whose requests go through ``session``."""
    import arxiv

    # The package retries nothing we raise; our own loop retries with backoff.
    client = arxiv.Client(
        page_size=settings.batch_size, delay_seconds=settings.interval, num_retries=0
    )
    if not isinstance(getattr(client, "_session", None), requests.Session):
        raise ArxivError(
            f"the arxiv package {arxiv.__version__} no longer keeps its HTTP session in "
            f"Client._session, so requests could not be bounded; install {SUPPORTED}"
        )
    client._session = session
    separator = "&" if "?" in settings.api else "?"
    client.query_url_format = settings.api.replace("{", "{{").replace("}", "}}") + separator + "{}"
    return client


@dataclass
class FetchResult:
    """Papers found, by version-less id, and the ids arXiv did not know."""

    papers: dict[str, Paper] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def _clean(text: str | None) -> str | None:
    cleaned = " ".join((text or "").split())
    return cleaned or None


def paper_from_result(result: arxiv.Result, fetched_from: str, today: str) -> Paper | None:
    """A lock record from one API entry; None when the entry has no arXiv id."""
    found = parse_url(result.entry_id)
    title = _clean(result.title)
    if found is None or title is None:
        return None
    return Paper(
        id=found.base,
        title=title,
        authors=[name for a in result.authors if (name := _clean(a.name))],
        published=result.published.date().isoformat(),
        published_precision="day",
        updated=result.updated.date().isoformat(),
        version=found.version,
        primary_category=_clean(result.primary_category),
        categories=[c for c in (_clean(c) for c in result.categories) if c],
        journal_ref=_clean(result.journal_ref),
        doi=_clean(result.doi),
        comment=_clean(result.comment),
        fetched_at=today,
        fetched_from=fetched_from,
    )


def _canonical(pid: str) -> str:
    found = parse_bare(pid)
    return found.base if found is not None else pid


def batches(ids: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


class ArxivClient:
    """Fetch many papers in few requests, politely, never hanging."""

    def __init__(
        self, settings: ClientSettings | None = None, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.settings = settings or ClientSettings()
        self._session = _BoundedSession(self.settings.timeout, self.settings.api)
        self._client = _package_client(self.settings, self._session)
        self._sleep = sleep

    @property
    def requests_made(self) -> int:
        """HTTP requests sent so far, retries included."""
        return self._session.count

    def fetch(self, ids: Sequence[str]) -> FetchResult:
        """Metadata for every id; raises :class:`ArxivError` when arXiv fails.

        Ids are asked and reported in arXiv's form, without version or subject class
        (``2305.14314v2`` and ``math.GT/0309136`` are asked as ``2305.14314`` and
        ``math/0309136``); an id that is not one is sent as given, for arXiv to reject.
        """
        wanted = list(dict.fromkeys(_canonical(pid) for pid in ids))
        result = FetchResult()
        today = dt.datetime.now(dt.UTC).date().isoformat()
        for batch in batches(wanted, self.settings.batch_size):
            for entry in self._query_with_retries(batch):
                paper = paper_from_result(entry, self.settings.api, today)
                if paper is not None and paper.id in batch:
                    result.papers[paper.id] = paper
            result.missing.extend(pid for pid in batch if pid not in result.papers)
        return result

    def _query_with_retries(self, batch: list[str]) -> list[arxiv.Result]:
        unreachable = 0
        for attempt in range(self.settings.retries + 1):
            try:
                return self._query(batch)
            except _Transient as error:
                unreachable = unreachable + 1 if error.unreachable else 0
                if attempt == self.settings.retries or unreachable > UNREACHABLE_RETRIES:
                    raise ArxivError(f"giving up after {attempt + 1} tries: {error}") from None
                self._sleep(self._delay(attempt, error))
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, attempt: int, error: _Transient) -> float:
        wanted = error.retry_after or 0.0
        if wanted > self.settings.max_wait:
            raise ArxivError(
                f"arXiv asked to wait {wanted:g} s before retrying ({error}); try again later"
            )
        return max(self.settings.interval, self.settings.backoff * 2**attempt, wanted)

    def _query(self, batch: list[str]) -> list[arxiv.Result]:
        import arxiv

        search = arxiv.Search(id_list=batch, max_results=len(batch))
        found: list[arxiv.Result] = []
        sent = self._session.count
        try:
            found.extend(self._client.results(search))
        except arxiv.UnexpectedEmptyPageError:
            # Older API versions padded id_list answers with empty entries for unknown ids
            # and counted them in totalResults; the package then asks for a page that is
            # empty. What came before is the complete answer.
            if not found:
                raise _Transient("arXiv answered with an empty page") from None
        except arxiv.HTTPError as error:
            raise _Transient(str(error)) from None
        if self._session.count == sent:
            # results without a request through our session: the package changed how it sends
            raise ArxivError(
                f"the arxiv package {arxiv.__version__} no longer sends through Client._session, "
                f"so requests are not bounded; install {SUPPORTED}"
            )
        return found
