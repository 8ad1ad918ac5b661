"""A fault-injecting HTTP server for the link checker's tests (127.0.0.x only).

Threaded, every slow or hanging answer bounded in time and stopped by :meth:`stop`.
Routes:
  /ok, /status/<code>[?cloudflare=1][&retry_after=N]   plain answers
  /redirect/<code>/<n>      a chain of n redirects with <code>, then /ok
  /redirect-to?url=U        one redirect to U (as given)  /loop/a <-> /loop/b, /loop/self
  /flaky/<key>/<n>/<code>   <code> n times per key (Retry-After from ?retry_after), then 200
  /hang  never answers      /trickle  headers a byte at a time     /reset  RST
  /huge  a 1 GB body        /no-head  HEAD is 405, GET works    /sleep?ms=N  slow 200
  /stall[?chunked=1]        200 headers and a few body bytes, then silence
  /chunked?chunks=N         a chunked 200 (N chunks; 0: endless, until the client leaves)
  /garbage                  an answer that is not HTTP
  /cookie                   302 to itself setting a cookie; 200 once the cookie comes back
  /handles/<doi>            DOI handle API (DOIs in ``dois``)
  /repos/<owner>/<repo>     GitHub API (``repos``; ``renamed``; ``github_rate_limited``)
"""

from __future__ import annotations

import json
import socket
import ssl
import struct
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

MAX_WAIT = 20.0  # no handler lives longer than this, whatever the test does
HUGE = 1024**3


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, host: str = "127.0.0.1", latency: float = 0.0, tls: ssl.SSLContext | None = None
    ) -> None:
        super().__init__((host, 0), FaultHandler)
        self.tls = tls
        self.latency = latency
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self.started: list[tuple[float, str]] = []
        self.active = 0
        self.connections = 0
        self.max_active = 0
        self.huge_sent = 0
        self.dois: set[str] = set()
        self.repos: dict[str, dict[str, Any]] = {}
        self.renamed: dict[str, str] = {}
        self.github_rate_limited = False
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05})

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # a client leaving early is no error
            super().handle_error(request, client_address)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = super().get_request()
        with self.lock:
            self.connections += 1
        if self.tls is not None:
            # the handshake runs in the handler's thread, not in the accept loop
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"{'https' if self.tls else 'http'}://{host!s}:{port}"

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.hits.values())

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def start(self) -> FaultServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self.thread.join(timeout=5)

    def record(self, method: str, path: str, headers: dict[str, str]) -> int:
        with self.lock:
            self.hits[path] += 1
            self.log.append((method, path, headers))
            self.started.append((time.monotonic(), path))
            return self.hits[path]

    def gauge(self, delta: int) -> None:
        with self.lock:
            self.active += delta
            self.max_active = max(self.max_active, self.active)

    def starts(self, path: str) -> list[float]:
        with self.lock:
            return [when for when, seen in self.started if seen == path]


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet tests

    def do_HEAD(self) -> None:
        if self.path.startswith("/no-head"):
            self.server.record("HEAD", self.path, dict(self.headers.items()))
            self._send(405, b"", {"Allow": "GET"})
            return
        self.do_GET()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        count = self.server.record(self.command, parts.path, dict(self.headers.items()))
        if self.server.latency:
            time.sleep(self.server.latency)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        segments = [unquote(s) for s in parts.path.split("/") if s]
        route = ROUTES.get(segments[0] if segments else "", FaultHandler._not_found)
        self.server.gauge(1)
        try:
            route(self, segments[1:], query, count)
        finally:
            self.server.gauge(-1)

    # --- helpers ------------------------------------------------------------------

    def _send(
        self, status: int, body: bytes = b"ok\n", headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        extra = {"Content-Type": "application/json", **(headers or {})}
        self._send(status, json.dumps(data).encode(), extra)

    def _wait(self, seconds: float) -> bool:
        """Sleep unless the server stops; True if it stopped."""
        return self.server.stopping.wait(min(seconds, MAX_WAIT))

    # --- routes -------------------------------------------------------------------

    def _not_found(self, args: list[str], query: dict[str, str], count: int) -> None:
        self._send(404, b"not found\n")

    def _ok(self, args: list[str], query: dict[str, str], count: int) -> None:
        self._send(200, b"<html>ok</html>\n", {"Content-Type": "text/html"})

    def _status(self, args: list[str], query: dict[str, str], count: int) -> None:
        headers = {}
        if query.get("cloudflare"):
            headers = {"Server": "cloudflare", "CF-RAY": "8a1b2c3d4e5f-AMS"}
        if "retry_after" in query:
            headers["Retry-After"] = query["retry_after"]
        self._send(int(args[0]), b"status\n", headers)

    def _redirect(self, args: list[str], query: dict[str, str], count: int) -> None:
        code, left = int(args[0]), int(args[1])
        target = "/ok" if left <= 1 else f"/redirect/{code}/{left - 1}"
        self._send(code, b"", {"Location": target})

    def _redirect_to(self, args: list[str], query: dict[str, str], count: int) -> None:
        self._send(int(query.get("code", "302")), b"", {"Location": query["url"]})

    def _loop(self, args: list[str], query: dict[str, str], count: int) -> None:
        target = {"a": "/loop/b", "b": "/loop/a"}.get(args[0], self.path)  # else: itself
        self._send(302, b"", {"Location": target})

    def _flaky(self, args: list[str], query: dict[str, str], count: int) -> None:
        failures, code = int(args[1]), int(args[2])
        if count <= failures:
            headers = {"Retry-After": query["retry_after"]} if "retry_after" in query else {}
            self._send(code, b"busy\n", headers)
        else:
            self._ok(args, query, count)

    def _hang(self, args: list[str], query: dict[str, str], count: int) -> None:
        self._wait(MAX_WAIT)
        self.close_connection = True

    def _trickle(self, args: list[str], query: dict[str, str], count: int) -> None:
        pause = float(query.get("every", "0.2"))
        head = b"HTTP/1.1 200 OK\r\nX-Padding: " + b"x" * 200 + b"\r\n\r\n"
        try:
            for byte in head:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                if self._wait(pause):
                    break
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True

    def _reset(self, args: list[str], query: dict[str, str], count: int) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _garbage(self, args: list[str], query: dict[str, str], count: int) -> None:
        self.wfile.write(b"HELLO THERE\r\n\r\n")
        self.close_connection = True

    def _huge(self, args: list[str], query: dict[str, str], count: int) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(HUGE))
        self.end_headers()
        chunk = b"\0" * 65536
        deadline = time.monotonic() + MAX_WAIT
        try:
            sent = 0
            while sent < HUGE and time.monotonic() < deadline and not self.server.stopping.is_set():
                self.wfile.write(chunk)
                sent += len(chunk)
                with self.server.lock:
                    self.server.huge_sent = sent
        except OSError:
            pass  # the client closed without reading: what we want to see
        self.close_connection = True

    def _no_head(self, args: list[str], query: dict[str, str], count: int) -> None:
        self._ok(args, query, count)

    def _sleep(self, args: list[str], query: dict[str, str], count: int) -> None:
        self._wait(float(query.get("ms", "100")) / 1000)
        self._ok(args, query, count)

    def _stall(self, args: list[str], query: dict[str, str], count: int) -> None:
        self.send_response(200)
        if query.get("chunked"):
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"5\r\nstart\r\n")
        else:
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"start")
        self.wfile.flush()
        self._wait(MAX_WAIT)
        self.close_connection = True

    def _chunked(self, args: list[str], query: dict[str, str], count: int) -> None:
        chunks = int(query.get("chunks", "3"))
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        sent = 0
        deadline = time.monotonic() + MAX_WAIT
        try:
            while (chunks == 0 or sent < chunks) and time.monotonic() < deadline:
                self.wfile.write(b"4000\r\n" + b"x" * 0x4000 + b"\r\n")
                sent += 1
                with self.server.lock:
                    self.server.huge_sent = sent * 0x4000
                if self.server.stopping.is_set():
                    break
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            self.close_connection = True  # the client left without reading it all

    def _cookie(self, args: list[str], query: dict[str, str], count: int) -> None:
        if "visited=1" in self.headers.get("Cookie", ""):
            self._ok(args, query, count)
        else:
            self._send(302, b"", {"Location": self.path, "Set-Cookie": "visited=1; Path=/"})

    def _handles(self, args: list[str], query: dict[str, str], count: int) -> None:
        doi = "/".join(args)
        if doi in self.server.dois:
            self._json(200, {"responseCode": 1, "handle": doi, "values": []})
        else:
            self._json(404, {"responseCode": 100, "handle": doi})

    def _repos(self, args: list[str], query: dict[str, str], count: int) -> None:
        name = "/".join(args[:2])
        if self.server.github_rate_limited:
            headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "9999999999"}
            self._json(403, {"message": "API rate limit exceeded"}, headers)
        elif name in self.server.renamed:
            self._json(301, {"message": "Moved Permanently"}, {
                "Location": f"/repos/{self.server.renamed[name]}"
            })  # fmt: skip
        elif name in self.server.repos:
            self._json(200, {"full_name": name, **self.server.repos[name]})
        else:
            self._json(404, {"message": "Not Found"})

    def _repo_page(self, args: list[str], query: dict[str, str], count: int) -> None:
        self._ok(args, query, count)


ROUTES = {
    "ok": FaultHandler._ok,
    "status": FaultHandler._status,
    "redirect": FaultHandler._redirect,
    "redirect-to": FaultHandler._redirect_to,
    "loop": FaultHandler._loop,
    "flaky": FaultHandler._flaky,
    "hang": FaultHandler._hang,
    "trickle": FaultHandler._trickle,
    "reset": FaultHandler._reset,
    "huge": FaultHandler._huge,
    "garbage": FaultHandler._garbage,
    "no-head": FaultHandler._no_head,
    "sleep": FaultHandler._sleep,
    "stall": FaultHandler._stall,
    "chunked": FaultHandler._chunked,
    "cookie": FaultHandler._cookie,
    "handles": FaultHandler._handles,
    "repos": FaultHandler._repos,
}
