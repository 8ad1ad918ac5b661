"""Where the checker may connect: only http(s), and only to public addresses.

A pull request must not make CI probe internal services, so every host is resolved
first and refused when any of its addresses is private, loopback, link-local, reserved
or multicast; the same check runs at every redirect hop and again on the connected
socket's peer address (see :mod:`awesome.links.transport`), which closes the gap of a
name that resolves differently the second time.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

DEFAULT_DNS_PROBES = ("example.com", "iana.org", "wikipedia.org")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeTarget(Exception):
    """The checker refuses to connect to this URL or address."""


class ResolutionFailed(Exception):
    """A host name did not resolve; ``missing`` is True when DNS said the name does not exist."""

    def __init__(self, host: str, missing: bool, detail: str) -> None:
        super().__init__(f"{host}: {detail}")
        self.host = host
        self.missing = missing
        self.detail = detail


def address_kind(address: Address) -> str | None:
    """Why an address is not public ("loopback", "private" ...), or None if it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address_kind(address.ipv4_mapped)
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    for name, matched in checks:
        if matched:
            return name
    return None if address.is_global else "non-public"


def endpoint(url: str) -> tuple[str, int] | None:
    """``(host, port)`` of an http(s) URL, the port filled in; None if it has none."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    return ((parts.hostname or "").lower(), port) if parts.hostname else None


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be contacted. ``exempt`` lists addresses treated as public;
    ``trusted`` lists ``(host, port)`` endpoints contacted wherever they are: API endpoints
    the operator named in the environment (a local mirror, a test server)."""

    allow_private: bool = False
    exempt: frozenset[str] = field(default_factory=frozenset)
    trusted: frozenset[tuple[str, int]] = field(default_factory=frozenset)

    def trusts(self, host: str, port: int) -> bool:
        return (host.lower(), port) in self.trusted

    def refusal(self, ip: str) -> str | None:
        """A reason to refuse ``ip``, or None when it may be contacted."""
        if self.allow_private or ip in self.exempt:
            return None
        return _refusal(ip)


@functools.lru_cache(maxsize=4096)
def _refusal(ip: str) -> str | None:
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return f"unparsable address {ip}"
    kind = address_kind(address)
    if kind is None:
        return None
    return f"refused: {ip} is a {kind} address (use --allow-private to check it)"


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


_MISSING_ERRNOS = {
    getattr(socket, name) for name in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, name)
}


class Resolver:
    """Resolves each host once per run and tells a missing name from a broken resolver.

    Up to ``--host-concurrency`` workers start on a new host at once; one of them asks
    the DNS and the others wait for its answer instead of asking the same question.
    """

    def __init__(
        self,
        probes: Iterable[str] = DEFAULT_DNS_PROBES,
        resolve: Callable[[str, int], list[str]] = _resolve,
    ) -> None:
        self._probes = tuple(probes)
        self._resolve = resolve
        self._memo: dict[tuple[str, int], list[str] | ResolutionFailed] = {}
        self._pending: dict[tuple[str, int], threading.Event] = {}
        self._pending_lock = threading.Lock()
        self._probe_lock = threading.Lock()
        self._resolver_works: bool | None = None
        self.resolved_any = False  # some name resolved in this run: the resolver works

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses of ``host``; raises :class:`ResolutionFailed`."""
        key = (host, port)
        cached = self._memo.get(key)
        if cached is None:
            cached = self._shared_lookup(key)
        if isinstance(cached, ResolutionFailed):
            raise cached
        return cached

    def _shared_lookup(self, key: tuple[str, int]) -> list[str] | ResolutionFailed:
        """The answer for ``key``, asked once however many threads want it at the same time."""
        with self._pending_lock:
            cached = self._memo.get(key)
            if cached is not None:
                return cached
            asked = self._pending.get(key)
            if asked is None:
                asked = self._pending[key] = threading.Event()
                asking = True
            else:
                asking = False
        if not asking:
            # no lock is held while waiting; the asker sets the event whatever happens
            asked.wait()
            found = self._memo.get(key)
            return found if found is not None else self._lookup(*key)
        try:
            found = self._memo[key] = self._lookup(*key)
        finally:
            with self._pending_lock:
                del self._pending[key]
            asked.set()
        return found

    def _lookup(self, host: str, port: int) -> list[str] | ResolutionFailed:
        try:
            found = self._resolve(host, port)
        except socket.gaierror as error:
            missing = error.errno in _MISSING_ERRNOS
            return ResolutionFailed(host, missing, error.strerror or str(error))
        except (OSError, UnicodeError) as error:
            return ResolutionFailed(host, False, str(error))
        self.resolved_any = True
        return found

    def works(self) -> bool:
        """Whether the resolver answers for other names: one of this run's hosts resolved,
        or a probe name does (asked lazily, once, after a name fails)."""
        if self.resolved_any:
            return True
        with self._probe_lock:
            # DNS lookups under this lock are deliberate: every caller needs the one answer.
            if self._resolver_works is None:
                self._resolver_works = any(self._probe(name) for name in self._probes)
            return self._resolver_works

    def _probe(self, name: str) -> bool:
        try:
            return bool(self._resolve(name, 443))
        except (OSError, UnicodeError):
            return False


def check_scheme(url_scheme: str) -> None:
    if url_scheme not in ("http", "https"):
        raise UnsafeTarget(f"refused: only http and https are checked, not {url_scheme}")
