"""The HTTP transport: a requests adapter whose connections check their peer and can be aborted.

Two things requests cannot do on its own:
- refuse a connection whose peer address is private, after the TCP connect and before a
  single byte of the request is sent (the DNS check in :mod:`awesome.links.safety` runs
  first; this one catches a name that resolves differently the second time);
- give up on a request that trickles its headers a byte at a time: the read timeout
  restarts at every byte, so the scheduler shuts the socket down from outside when the
  link's total deadline passes. Each connection registers its socket under the id of the
  step the current worker thread runs while it waits for the response.

The adapter also skips the per-request URL parsing requests does to find the connection
pool and the request path when no proxy is in use: thousands of links on a few hosts
need the same answer every time.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Mapping
from typing import Any

from requests import PreparedRequest, Response
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from requests.utils import get_encoding_from_headers
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import ConnectionPool, HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError
from urllib3.response import BaseHTTPResponse

from awesome.links.safety import AddressPolicy

_current = threading.local()


def url_origin(url: str) -> str | None:
    """``scheme://netloc`` of a plain http(s) URL: the part its host, port and connection
    pool depend on. None when ``urlsplit`` might read the URL differently (other schemes,
    tabs or line breaks, which it removes): those take the long way."""
    if url.startswith("http://"):
        start = 7
    elif url.startswith("https://"):
        start = 8
    else:
        return None
    if "\t" in url or "\n" in url or "\r" in url:
        return None
    end = len(url)
    for delimiter in "/?#":  # where urlsplit ends the netloc
        found = url.find(delimiter, start, end)
        if found >= 0:
            end = found
    return url[:end]


def set_current_step(step_id: int | None) -> None:
    """Called by a worker before and after it runs a step."""
    _current.step_id = step_id


def current_step() -> int | None:
    step: int | None = getattr(_current, "step_id", None)
    return step


class ForbiddenPeer(NewConnectionError):
    """The connected socket's peer is an address the policy refuses."""


class InflightSockets:
    """Sockets waiting for a response, by step id, so a deadline can abort them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: dict[int, socket.socket] = {}

    def register(self, step_id: int, sock: socket.socket) -> None:
        with self._lock:
            self._sockets[step_id] = sock

    def unregister(self, step_id: int) -> None:
        with self._lock:
            self._sockets.pop(step_id, None)

    def abort(self, step_id: int) -> bool:
        """Shut the step's socket down so its blocked read returns at once."""
        with self._lock:
            sock = self._sockets.pop(step_id, None)
        if sock is None:
            return False
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            return False
        return True


def _check_peer(conn: HTTPConnection, sock: socket.socket, policy: AddressPolicy) -> None:
    if conn.proxy is not None:
        return  # the peer is the configured proxy, which may well be on a private network
    if policy.trusts(conn.host, conn.port or conn.default_port):
        return
    peer = sock.getpeername()[0]
    refusal = policy.refusal(str(peer))
    if refusal is not None:
        sock.close()
        raise ForbiddenPeer(conn, refusal)


def _wait_response(conn: HTTPConnection, registry: InflightSockets, wait: Any) -> Any:
    step = current_step()
    if step is not None and conn.sock is not None:
        registry.register(step, conn.sock)
    try:
        return wait()
    finally:
        if step is not None:
            registry.unregister(step)


def guarded_adapter(
    policy: AddressPolicy, registry: InflightSockets, pool_connections: int, pool_maxsize: int
) -> HTTPAdapter:
    """An adapter for a requests session: keep-alive pools, peer checks, abortable reads."""

    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            _check_peer(self, sock, policy)
            return sock

        def getresponse(self) -> BaseHTTPResponse:  # type: ignore[override]
            response: BaseHTTPResponse = _wait_response(self, registry, super().getresponse)
            return response

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            _check_peer(self, sock, policy)
            return sock

        def getresponse(self) -> BaseHTTPResponse:  # type: ignore[override]
            response: BaseHTTPResponse = _wait_response(self, registry, super().getresponse)
            return response

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {
                "http": GuardedHTTPPool,
                "https": GuardedHTTPSPool,
            }
            # origin -> (host_params, pool_kwargs) for the pool manager
            self.pool_keys: dict[str, Any] = {}

        def get_connection_with_tls_context(
            self,
            request: PreparedRequest,
            verify: bool | str | None,
            proxies: Mapping[str, str] | None = None,
            cert: Any = None,
        ) -> ConnectionPool:
            origin = url_origin(request.url or "")
            if proxies or verify is not True or cert is not None or origin is None:
                return super().get_connection_with_tls_context(request, verify, proxies, cert)
            # The pool key depends on the scheme, host and port only. The pool itself is
            # asked of the pool manager each time: it may have been evicted and closed.
            key = self.pool_keys.get(origin)
            if key is None:
                key = self.pool_keys[origin] = self.build_connection_pool_key_attributes(
                    request, verify, cert
                )
            host_params, pool_kwargs = key
            return self.poolmanager.connection_from_host(**host_params, pool_kwargs=pool_kwargs)

        def request_url(self, request: PreparedRequest, proxies: Mapping[str, str] | None) -> str:
            origin = url_origin(request.url or "")
            if proxies or origin is None:
                return super().request_url(request, proxies)
            # What path_url gives for a prepared URL (its path is never empty), without
            # splitting the URL once more: everything after the origin, fragment dropped.
            path = request.url[len(origin) :].split("#", 1)[0]  # type: ignore[index]
            return path if path.startswith("/") else "/" + path

        def build_response(self, req: PreparedRequest, resp: Any) -> Response:
            """requests' response, without running cookielib over every answer: only
            one that sets a cookie has any for the response's own jar."""
            headers = getattr(resp, "headers", {})
            if "set-cookie" in headers or "set-cookie2" in headers:
                return super().build_response(req, resp)
            response = Response()
            response.status_code = getattr(resp, "status", None)  # type: ignore[assignment]
            response.headers = CaseInsensitiveDict(headers)
            response.encoding = get_encoding_from_headers(response.headers)
            response.raw = resp
            response.reason = resp.reason
            url = req.url
            response.url = url.decode("utf-8") if isinstance(url, bytes) else (url or "")
            response.request = req
            response.connection = self
            return response

    return GuardedAdapter(
        pool_connections=pool_connections, pool_maxsize=pool_maxsize, max_retries=0
    )
