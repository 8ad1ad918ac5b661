"""A fake arXiv API for tests and the benchmark: 127.0.0.1 only, threaded, counting requests.

It answers ``/api/query?id_list=...&start=...&max_results=...`` in the current Atom
format from a dict of facts (the snapshot's), as the real API does: entries in no
promised order, ``<id>`` with the latest version, old-style ids without their subject
class, ``max_results`` 10 when not given, opensearch counts, an HTTP 400 error entry
for a malformed id, and gzip when asked. Facts may carry affiliations, a withdrawal
comment, and titles or names with line breaks. It replays recorded responses, and
injects faults: 429/503/500 with Retry-After (seconds or an HTTP date), a hang, a
connection reset, a non-Atom 200, a truncated body (plain or gzip), and ids it
pretends not to know. ``page_cap`` makes it serve fewer entries a page than asked,
as a server with a lower limit would.
"""

from __future__ import annotations

import gzip
import json
import random
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

from awesome.arxiv_client import ClientSettings
from awesome.arxiv_id import parse_bare

HEAD = (
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
    'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n'
)
HANG_LIMIT = 30.0  # a hanging answer gives up by itself after this many seconds


@dataclass
class Fault:
    """One scripted answer: ``kind`` is ok, status, body, hang, reset, cut, stall or drip."""

    kind: str
    status: int = 200
    body: bytes = b""
    content_type: str = "application/atom+xml; charset=utf-8"
    retry_after: str | None = None
    encoding: str | None = None


def _date(value: str) -> str:
    """A snapshot date (day or month precision) as an Atom timestamp."""
    day = value if len(value) == 10 else f"{value[:7]}-01"
    return f"{day}T00:00:00Z"


def entry_xml(pid: str, facts: dict[str, Any]) -> str:
    """One Atom ``<entry>`` as arXiv writes it today."""
    version = facts.get("version", 1)
    published = _date(facts.get("published", "2020-01-01"))
    updated = _date(facts.get("updated", facts.get("published", "2020-01-01")))
    url = f"https://arxiv.org/abs/{pid}v{version}"
    parts = [
        f"  <entry>\n    <id>http://arxiv.org/abs/{pid}v{version}</id>",
        f"    <title>{escape(facts['title'])}</title>",
        f"    <updated>{updated}</updated>",
        f'    <link href="{url}" rel="alternate" type="text/html"/>',
        f'    <link href="https://arxiv.org/pdf/{pid}v{version}" rel="related" '
        'type="application/pdf" title="pdf"/>',
        "    <summary>An abstract.</summary>",
    ]
    categories = facts.get("categories") or [facts.get("primary_category", "cs.CL")]
    parts += [
        f'    <category term={quoteattr(c)} scheme="http://arxiv.org/schemas/atom"/>'
        for c in categories
    ]
    parts.append(f"    <published>{published}</published>")
    for tag in ("comment", "journal_ref", "doi"):
        if facts.get(tag):
            parts.append(f"    <arxiv:{tag}>{escape(facts[tag])}</arxiv:{tag}>")
    primary = facts.get("primary_category", categories[0])
    parts.append(f"    <arxiv:primary_category term={quoteattr(primary)}/>")
    affiliations: dict[str, list[str]] = facts.get("affiliations", {})
    for author in facts["authors"]:
        places = "".join(
            f"\n      <arxiv:affiliation>{escape(place)}</arxiv:affiliation>"
            for place in affiliations.get(author, [])
        )
        parts.append(f"    <author>\n      <name>{escape(author)}</name>{places}\n    </author>")
    parts.append("  </entry>")
    return "\n".join(parts)


def feed_xml(entries: list[str], total: int, start: int, per_page: int) -> bytes:
    header = (
        "  <id>https://arxiv.org/api/fake</id>\n"
        "  <title>arXiv Query: fake</title>\n"
        "  <updated>2026-11-28T00:00:00Z</updated>\n"
        f"  <opensearch:itemsPerPage>{per_page}</opensearch:itemsPerPage>\n"
        f"  <opensearch:totalResults>{total}</opensearch:totalResults>\n"
        f"  <opensearch:startIndex>{start}</opensearch:startIndex>\n"
    )
    body = "\n".join(entries)
    return (HEAD + header + body + ("\n" if body else "") + "</feed>\n").encode()


def error_feed(message: str) -> bytes:
    anchor = message.replace(" ", "_")
    entry = (
        f"  <entry>\n    <id>https://arxiv.org/api/errors#{escape(anchor)}</id>\n"
        f"    <title>Error</title>\n    <updated>2026-11-28T00:00:00Z</updated>\n"
        f"    <summary>{escape(message)}</summary>\n"
        "    <author>\n      <name>arXiv api core</name>\n    </author>\n  </entry>"
    )
    return feed_xml([entry], 1, 0, 1)


def synthetic_facts(pid: str) -> dict[str, Any]:
    """Made-up facts for any valid id, for the benchmark's hundreds of new papers."""
    year = 2000 + int(pid[:2]) if "/" not in pid else 2000
    return {
        "title": f"A Synthetic Study Number {pid}",
        "authors": ["Ada Example", "Alan Sample"],
        "published": f"{year}-{pid[2:4]}-01" if "/" not in pid else "2000-01-01",
        "primary_category": "cs.CL",
        "categories": ["cs.CL"],
    }


class FakeArxiv:
    """The server; use as a context manager. ``requests`` lists each query's parameters."""

    def __init__(self, papers: dict[str, dict[str, Any]], synthesize: bool = False) -> None:
        self.papers = papers
        self.synthesize = synthesize
        self.unknown: set[str] = set()
        self.page_cap: int | None = None  # serve at most this many entries a page
        self.shuffle = False  # entries in random order instead of reversed
        self.gzip = False  # compress answers for clients that accept gzip
        self.chunked = False  # Transfer-Encoding: chunked instead of Content-Length
        self.faults: deque[Fault] = deque()
        self.requests: list[dict[str, str]] = []
        self.times: list[float] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @classmethod
    def from_snapshot(cls, path: Path, synthesize: bool = False) -> FakeArxiv:
        records = json.loads(path.read_text("utf-8"))["papers"]
        return cls({r["id"]: dict(r) for r in records}, synthesize)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/api/query"

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.requests)

    def __enter__(self) -> FakeArxiv:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # scripted answers, used in order, one per request
    def fail(
        self, status: int, retry_after: str | None = None, times: int = 1, body: bytes = b"busy"
    ) -> None:
        for _ in range(times):
            self.faults.append(
                Fault("status", status, body, "text/html; charset=utf-8", retry_after)
            )

    def reset(self, times: int = 1) -> None:
        """Close the connection with a TCP reset instead of answering."""
        self.faults.extend(Fault("reset") for _ in range(times))

    def ok(self, times: int = 1) -> None:
        """Answer normally (to script a fault for a later request)."""
        self.faults.extend(Fault("ok") for _ in range(times))

    def hang(self, times: int = 1) -> None:
        self.faults.extend(Fault("hang") for _ in range(times))

    def answer(
        self, body: bytes, status: int = 200, content_type: str = "", encoding: str | None = None
    ) -> None:
        """Send ``body`` as it is; ``encoding`` only names it in Content-Encoding."""
        kind = content_type or Fault.content_type
        self.faults.append(Fault("body", status, body, kind, encoding=encoding))

    def replay(self, path: Path, status: int = 200) -> None:
        self.answer(path.read_bytes(), status)

    def stall(self, keep: float = 0.5, times: int = 1) -> None:
        """Send the headers and ``keep`` of the feed, then nothing until the server stops."""
        self.faults.extend(Fault("stall", body=str(keep).encode()) for _ in range(times))

    def drip(self, pause: float = 0.05, times: int = 1) -> None:
        """Send the feed a few bytes at a time, ``pause`` seconds apart, never quite stalling."""
        self.faults.extend(Fault("drip", body=str(pause).encode()) for _ in range(times))

    def cut(self, keep: float = 0.5, times: int = 1) -> None:
        """Announce the whole feed in Content-Length but close after ``keep`` of it."""
        self.faults.extend(Fault("cut", body=str(keep).encode()) for _ in range(times))

    def facts(self, pid: str) -> dict[str, Any] | None:
        if pid in self.unknown:
            return None
        if pid in self.papers:
            return self.papers[pid]
        return synthetic_facts(pid) if self.synthesize else None

    def query(self, params: dict[str, str]) -> tuple[int, bytes]:
        """The status and body arXiv would send for these parameters."""
        ids: list[str] = []
        for written in (i for i in params.get("id_list", "").split(",") if i):
            found = parse_bare(written)
            if found is None or written.strip() != written or written.lower().startswith("arxiv"):
                return 400, error_feed(f"incorrect id format for {written}")
            ids.append(found.base)  # math.GT/0309136 is math/0309136, as on arXiv
        for name in ("start", "max_results"):
            if not params.get(name, "0").isdigit():
                return 400, error_feed(f"{name} must be an integer")
        start = int(params.get("start", "0"))
        per_page = int(params.get("max_results", "10"))
        known = [(pid, f) for pid in dict.fromkeys(ids) if (f := self.facts(pid)) is not None]
        # arXiv does not promise the order of id_list answers; callers must match by id
        if self.shuffle:
            random.shuffle(known)
        else:
            known.reverse()
        served = per_page if self.page_cap is None else min(per_page, self.page_cap)
        page = known[start : start + served]
        return 200, feed_xml([entry_xml(p, f) for p, f in page], len(known), start, served)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: tests read ``fake.requests`` instead."""

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                with fake._lock:
                    fake.requests.append(params)
                    fake.times.append(time.monotonic())
                    fault = fake.faults.popleft() if fake.faults else None
                if parts.path != "/api/query":
                    self._send(404, b"not found", "text/plain")
                elif fault is None or fault.kind == "ok":
                    self._send(*fake.query(params), Fault.content_type)
                else:
                    self._play(fault, params)

            def _play(self, fault: Fault, params: dict[str, str]) -> None:
                if fault.kind == "hang":
                    fake._release.wait(HANG_LIMIT)
                    self.close_connection = True
                elif fault.kind == "reset":
                    # SO_LINGER 0: close() sends RST, as a dropped connection looks to a client
                    linger = struct.pack("ii", 1, 0)
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    self.close_connection = True
                elif fault.kind in ("cut", "stall"):
                    status, body = fake.query(params)
                    self._send(status, body, Fault.content_type, cut_at=float(fault.body))
                    if fault.kind == "stall":
                        self.wfile.flush()
                        fake._release.wait(HANG_LIMIT)
                elif fault.kind == "drip":
                    self._drip(*fake.query(params), float(fault.body))
                elif fault.kind == "status":
                    self._send(fault.status, fault.body, fault.content_type, fault.retry_after)
                else:
                    self._send(
                        fault.status, fault.body, fault.content_type, encoding=fault.encoding
                    )

            def _drip(self, status: int, body: bytes, pause: float) -> None:
                self.send_response(status)
                self.send_header("Content-Type", Fault.content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for start in range(0, len(body), 16):
                    if fake._release.wait(pause):
                        break
                    try:
                        self.wfile.write(body[start : start + 16])
                        self.wfile.flush()
                    except OSError:  # the client gave up
                        break
                self.close_connection = True

            def _send(
                self,
                status: int,
                body: bytes,
                content_type: str,
                retry_after: str | None = None,
                cut_at: float | None = None,
                encoding: str | None = None,
            ) -> None:
                accepted = self.headers.get("Accept-Encoding", "")
                if encoding is None and fake.gzip and "gzip" in accepted:
                    body, encoding = gzip.compress(body), "gzip"
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                if fake.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    self.send_header("Content-Length", str(len(body)))
                if encoding is not None:
                    self.send_header("Content-Encoding", encoding)
                if retry_after is not None:
                    self.send_header("Retry-After", retry_after)
                if cut_at is not None:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                sent = body if cut_at is None else body[: int(len(body) * cut_at)]
                if not fake.chunked:
                    self.wfile.write(sent)
                    return
                for start in range(0, len(sent), 512):
                    piece = sent[start : start + 512]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                if cut_at is None:
                    self.wfile.write(b"0\r\n\r\n")  # a cut answer never gets its last chunk

        return Handler


def serve(path: Path, synthesize: bool = False) -> Iterator[FakeArxiv]:
    """A generator for pytest fixtures: the started server, stopped afterwards."""
    with FakeArxiv.from_snapshot(path, synthesize) as fake:
        yield fake


def quick_settings(fake: FakeArxiv, **options: Any) -> ClientSettings:
    """Client settings aimed at ``fake`` with no interval and short waits, for tests;
    ``options`` override any field (timeout, retries, backoff, batch_size ...)."""
    fields: dict[str, Any] = {"interval": 0.0, "timeout": 2.0, "retries": 3, "backoff": 0.01}
    return ClientSettings(api=fake.url, **{**fields, **options})
