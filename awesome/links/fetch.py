"""One HTTP request, one hop, turned into an :class:`Outcome` a job can judge.

The worker threads call :meth:`Fetcher.fetch`; nothing here sleeps or retries: the
scheduler owns timing (intervals, backoff, pauses) and the jobs own the verdicts.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import ipaddress
import os
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
import urllib3
from requests.cookies import extract_cookies_to_jar
from requests.structures import CaseInsensitiveDict
from requests.utils import check_header_validity

from awesome.links.safety import AddressPolicy, ResolutionFailed, Resolver, UnsafeTarget
from awesome.links.transport import (
    ForbiddenPeer,
    InflightSockets,
    current_step,
    guarded_adapter,
    url_origin,
)

# A body at most this big, there within this time, is read so the connection can be
# reused; a bigger or slower one is dropped with its connection.
DRAIN_LIMIT = 64 * 1024
DRAIN_SECONDS = 0.2


@dataclass
class Request:
    """A GET for one hop. ``read_body`` is how many bytes of the body a job needs (APIs)."""

    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    read_body: int = 0
    timeout: float = 10.0

    @functools.cached_property
    def host_key(self) -> str:
        return host_key(self.url)


@dataclass
class Outcome:
    """What one request gave: a status and headers, or an error kind with its detail."""

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=CaseInsensitiveDict)
    body: bytes = b""
    error: str | None = None
    detail: str = ""
    elapsed: float = 0.0
    # On an "offline" outcome (a name failed and no other resolved so far): the error kind
    # it means if some other name resolves later in the run.
    if_online: str | None = None

    @property
    def status_text(self) -> str:
        if self.status is None:
            return self.detail
        phrase = http.client.responses.get(self.status, "")
        return f"{self.status} {phrase}".strip()


def host_key(url: str) -> str:
    """The unit of per-host limits: scheme, host and port."""
    origin = url_origin(url)
    return _host_key(url) if origin is None else _origin_key(origin)


@functools.lru_cache(maxsize=4096)
def _origin_key(origin: str) -> str:
    return _host_key(origin)


def _host_key(url: str) -> str:
    try:
        parts = urlsplit(url)
        return f"{parts.scheme}://{(parts.hostname or '').lower()}:{parts.port or ''}"
    except ValueError:
        return url


def _chain(error: BaseException) -> Iterator[BaseException]:
    """An exception and everything it wraps (causes, contexts, urllib3 reasons, args)."""
    seen: set[int] = set()
    todo: list[BaseException] = [error]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        linked.extend(arg for arg in current.args if isinstance(arg, BaseException))
        todo.extend(item for item in linked if isinstance(item, BaseException))


def classify_connection_error(error: BaseException) -> tuple[str, str]:
    """The error kind of a failed connection and a short human detail."""
    for inner in _chain(error):
        if isinstance(inner, ForbiddenPeer):
            return "forbidden", str(inner).split(": ", 1)[-1]
        if isinstance(inner, ConnectionRefusedError):
            return "refused", "connection refused"
    for inner in _chain(error):
        if isinstance(inner, ConnectionResetError | http.client.RemoteDisconnected):
            return "reset", "connection reset"
    for inner in _chain(error):
        # something answered, but not in HTTP: asking again gets the same
        if isinstance(inner, http.client.HTTPException):
            return "protocol", f"not a valid HTTP answer ({type(inner).__name__})"
    return "connection", f"connection failed: {type(error).__name__}"


class Fetcher:
    """Runs single requests on one keep-alive session shared by the worker threads."""

    def __init__(
        self,
        policy: AddressPolicy,
        resolver: Resolver,
        user_agent: str,
        host_concurrency: int,
    ) -> None:
        self.policy = policy
        self.resolver = resolver
        self.inflight = InflightSockets()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        # Reading proxy settings and .netrc for every request costs more CPU than the rest
        # of a request; skip it unless the environment names a proxy.
        self.session.trust_env = _proxies_configured()
        self.adapter = guarded_adapter(policy, self.inflight, 256, max(host_concurrency, 1))
        self.session.mount("http://", self.adapter)
        self.session.mount("https://", self.adapter)
        # The session's headers (requests' defaults and ours), checked once, not per request.
        self._headers: CaseInsensitiveDict[str] = CaseInsensitiveDict()
        for name, value in self.session.headers.items():
            text = value if isinstance(value, str) else value.decode("latin-1")
            check_header_validity((name, text))
            self._headers[name] = text
        # Set once a response sets a cookie: until then no request needs the jar.
        self._has_cookies = False
        # Origins (``scheme://netloc``) whose addresses passed the policy: the check
        # depends on nothing else, so each origin is checked once per run.
        self._allowed: set[str] = set()

    def close(self) -> None:
        self.session.close()

    def fetch(self, request: Request) -> Outcome:
        started = time.monotonic()
        outcome = self._fetch(request)
        outcome.elapsed = time.monotonic() - started
        return outcome

    def _fetch(self, request: Request) -> Outcome:
        refusal = self.precheck(request.url)
        if refusal is not None:
            return refusal
        try:
            response = self._send(request)
        except requests.exceptions.ConnectTimeout:
            return Outcome(error="timeout", detail="connect timeout")
        except requests.exceptions.ReadTimeout:
            return Outcome(error="timeout", detail="read timeout")
        except requests.exceptions.SSLError as error:
            return Outcome(error="tls", detail=f"TLS error: {_first_line(error)}")
        except requests.exceptions.ConnectionError as error:
            kind, detail = classify_connection_error(error)
            return Outcome(error=kind, detail=detail)
        except (requests.exceptions.RequestException, UnicodeError, ValueError) as error:
            return Outcome(error="invalid", detail=f"invalid URL: {_first_line(error)}")
        with response:
            if not request.read_body:
                drain(response)
                return Outcome(status=response.status_code, headers=response.headers)
            with self._abortable(response):
                body = self._body(response, request.read_body)
        return Outcome(status=response.status_code, headers=response.headers, body=body)

    def _send(self, request: Request) -> requests.Response:
        """One GET on the shared pools, streamed, redirects left to the job.

        ``Session.get`` costs more CPU than the request itself: it merges settings and
        cookie jars and checks types for every call. Without proxies from the environment
        none of that changes anything, so the request is prepared and sent by requests'
        own ``PreparedRequest`` and adapter, keeping the session's cookie jar in use.
        """
        timeout = (request.timeout, request.timeout)
        if self.session.trust_env:  # proxies from the environment: requests' full path
            return self.session.get(
                request.url,
                headers=dict(request.headers),
                stream=True,
                allow_redirects=False,
                timeout=timeout,
            )
        prepared = self._prepare(request)
        response = self.adapter.send(
            prepared, stream=True, timeout=timeout, verify=True, cert=None, proxies={}
        )
        if "set-cookie" in response.headers or "set-cookie2" in response.headers:
            extract_cookies_to_jar(self.session.cookies, prepared, response.raw)
            self._has_cookies = True
        return response

    def _prepare(self, request: Request) -> requests.PreparedRequest:
        """What ``Session.prepare_request`` makes of a GET without body, params or proxies."""
        prepared = requests.PreparedRequest()
        prepared.prepare_method("GET")
        prepared.prepare_url(request.url, None)
        prepared.headers = headers = self._headers.copy()
        for name, value in request.headers.items():
            check_header_validity((name, value))
            headers[name] = value
        url = prepared.url or ""
        if "@" in url:  # credentials in the URL become a Basic Authorization header
            prepared.prepare_auth(None, url)
        if self._has_cookies:
            prepared.prepare_cookies(self.session.cookies)
        return prepared

    @contextlib.contextmanager
    def _abortable(self, response: requests.Response) -> Iterator[None]:
        """Keep the socket abortable while the body is read: it may trickle too."""
        step = current_step()
        sock = getattr(getattr(response.raw, "connection", None), "sock", None)
        if step is not None and sock is not None:
            self.inflight.register(step, sock)
        try:
            yield
        finally:
            if step is not None:
                self.inflight.unregister(step)

    def precheck(self, url: str) -> Outcome | None:
        """Refuse other schemes and non-public addresses before any connection is made."""
        origin = url_origin(url)
        if origin is not None and origin in self._allowed:
            return None
        refusal = self._precheck(url)
        if refusal is None and origin is not None:
            self._allowed.add(origin)
        return refusal

    def _precheck(self, url: str) -> Outcome | None:
        try:
            parts = urlsplit(url)
            host = parts.hostname
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            return Outcome(error="invalid", detail=f"invalid URL: {error}")
        if parts.scheme not in ("http", "https"):
            return Outcome(error="scheme", detail=f"not an http(s) URL: {parts.scheme}")
        if not host:
            return Outcome(error="invalid", detail="invalid URL: no host")
        trusted = self.policy.trusts(host, port)
        try:
            for address in self._addresses(host, port):
                reason = None if trusted else self.policy.refusal(address)
                if reason is not None:
                    return Outcome(error="forbidden", detail=reason)
        except ResolutionFailed as failure:
            return self._resolution_outcome(failure)
        except UnsafeTarget as error:
            return Outcome(error="forbidden", detail=str(error))
        return None

    def _addresses(self, host: str, port: int) -> list[str]:
        literal = host.strip("[]")
        if _is_ip(literal):
            return [literal]
        return self.resolver.addresses(host, port)

    def _resolution_outcome(self, failure: ResolutionFailed) -> Outcome:
        """A missing name is dead and a failed lookup worth a retry, but only if the resolver
        works for other names: on an offline machine every name fails."""
        if failure.missing:
            kind, detail = "dns-missing", "host name does not exist (DNS)"
        else:
            kind, detail = "dns-failed", f"name resolution failed: {failure.detail}"
        if self.resolver.works():
            return Outcome(error=kind, detail=detail)
        return Outcome(error="offline", detail=detail, if_online=kind)

    @staticmethod
    def _body(response: requests.Response, wanted: int) -> bytes:
        """Read the ``wanted`` bytes of the body a job needs (an API answer)."""
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(16384):
                chunks.append(chunk)
                size += len(chunk)
                if size >= wanted:
                    break
        except requests.exceptions.RequestException:
            pass  # a body cut short still leaves the status, which is what counts
        return b"".join(chunks)[:wanted]


def drain(response: requests.Response) -> None:
    """Read the rest of a small body so its keep-alive connection serves the next request.

    Only the status counts, so this never waits long: a body over :data:`DRAIN_LIMIT`, or
    one that has not arrived within :data:`DRAIN_SECONDS` (a server that sends its headers
    and stalls), is dropped with its connection when the response closes.
    """
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > DRAIN_LIMIT:
        return
    sock = getattr(getattr(response.raw, "connection", None), "sock", None)
    if sock is None:
        return
    # The next request on this connection sets its own timeout again.
    sock.settimeout(DRAIN_SECONDS)
    until = time.monotonic() + DRAIN_SECONDS
    size = 0
    with contextlib.suppress(OSError, urllib3.exceptions.HTTPError, http.client.HTTPException):
        # read1: one read at a time, so a body that trickles cannot outlast the budget
        while size <= DRAIN_LIMIT and time.monotonic() < until:
            chunk = response.raw.read1(16384, decode_content=False)
            if not chunk or response.raw.closed:
                return  # all read: urllib3 has put the connection back in its pool
            size += len(chunk)


@functools.lru_cache(maxsize=4096)
def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _proxies_configured() -> bool:
    return any(name.lower().endswith("_proxy") and value for name, value in os.environ.items())


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__
