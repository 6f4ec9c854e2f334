"""Fetching a school's documents politely: one deadline per school, bounded decoded bytes, no local addresses, cached between runs.

One :class:`Fetcher` serves a whole run from many threads (each thread with its own httpx
client and few connections); each school is read through its own :class:`SchoolFetcher`
(:meth:`Fetcher.for_school`):

- **one deadline** (``timeout`` seconds) covers the school's whole exchange: connecting,
  headers, bodies, redirects, further pages and retries. Every socket wait is cut to what is
  left of it, so a server that drips a byte a second holds the school no longer than that;
  waiting for a free connection to a shared portal does not count;
- **bounded bytes**: a body is decoded here, layer by layer and a few kilobytes at a time,
  and reading stops at ``max_bytes`` decoded per response and ``school_bytes`` per school, so
  a small response announcing ``Content-Encoding: gzip, gzip`` never becomes gigabytes;
- **no local addresses**: every host is resolved first (the lookup counts against the
  school's deadline) and each of its addresses checked before anything connects to it (and
  only the checked addresses are connected to); loopback, link-local (cloud metadata),
  unspecified and multicast addresses are refused, unless the roster names that address
  itself or ``allow_local`` is set (an intranet portal);
- **proxies** as httpx reads them from the environment (``HTTP_PROXY``, ``HTTPS_PROXY``,
  ``ALL_PROXY``, ``NO_PROXY``): a school's address is still resolved and checked here before
  its request goes to the proxy; the proxy itself, which the district set up, is not checked;
- retries with exponential backoff on 5xx, 429 and dropped connections while the deadline
  allows, a few connections per host (many schools share one portal), and a ``User-Agent``
  that names the tool. Responses carrying an ``ETag`` or ``Last-Modified`` are kept in a
  small folder so the next weekly run asks "changed since?" and usually receives a 304;
- **notes on each school** kept in the same folder (:data:`NOTES_FILE`): where its source was
  found (so the next run reads it with one conditional request instead of finding it again)
  and whether it was slow (so the next run starts it first and its deadline runs beside the
  others' work).

Every failure is an :class:`Unreadable` with a message code.

    >>> with Fetcher(cache=None) as fetcher:
    ...     fetched = fetcher.get(column_url + "theo-doi.json")  # column_url: "https://thcs-baokhe.edu.vn/binh-dang-gioi/"
    >>> fetched.content_type, json.loads(fetched.body)["schema"]
    ('application/json', 1)
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import random
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as LookupTimeout
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx
from httpx._utils import get_environment_proxies  # what httpx itself honours with trust_env (tested)

from gecolumn.files import read_regular, write_atomically
from gecolumn.problems import Refusal, megabytes

MAX_BYTES = 5_000_000
"""The largest document read, decoded: a column's theo-doi.json with thousands of posts is well under it."""
SCHOOL_BYTES = 20_000_000
"""The most decoded bytes read for one school in a run, over all its pages and probes."""
MAX_ENCODINGS = 2
"""Content-Encoding layers accepted on one response (``gzip`` is one; nobody needs three)."""
CACHE_DAYS = 60
"""A cached response not used for this long is removed (the school left the roster)."""
_CHUNK = 64 * 1024
SCHOOL_CONNECTIONS = 4
"""Connections one worker thread keeps open (its requests follow each other; a redirect or a feed elsewhere adds a host)."""
NOTES_FILE = "truong.json"
"""In the cache folder: per school (by its roster address), the source found and whether it was slow."""
NOTES_BYTES = 32 * 1024 * 1024
REDISCOVER_DAYS = 28
"""A feed found from a school's page is read directly for this long, then the page is looked at again
(the school may have published a ``theo-doi.json`` since). A ``theo-doi.json`` proves every quarter:
nothing better can be found, so it is read directly until it fails."""

ACCEPT = "application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
ACCEPT_ENCODING = "gzip, deflate"
"""The encodings :func:`_decoded` undoes, a bounded piece at a time."""
METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "192.0.0.192"))
"""Cloud metadata services (AWS, AWS IPv6, Alibaba, Oracle): never read, whatever the roster says."""

Resolver = Callable[[str, int], list[str]]
"""``resolve(host, port)``: the host's addresses, as text; raises :class:`socket.gaierror` when there is none."""


def user_agent() -> str:
    """``gecolumn-district/<version> (…)``: a server's log says who asked, and why."""
    try:
        version = metadata.version("gecolumn")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"gecolumn-district/{version} (theo doi chuyen muc binh dang gioi cua cac truong; weekly district monitor)"


def is_local(address: str) -> bool:
    """Whether ``address`` is one a school's page may not send the monitor to: loopback, link-local, unspecified, metadata.

    >>> [is_local(a) for a in ("127.0.0.1", "169.254.169.254", "::1", "fe80::1", "0.0.0.0", "::ffff:127.0.0.1", "203.113.1.5", "10.0.0.8")]
    [True, True, True, True, True, True, False, False]
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast or ip in METADATA


def resolve(host: str, port: int) -> list[str]:
    """The addresses of ``host`` as the system resolves them, in its order, each once."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in found))


class Unreadable(Refusal):
    """A school's source could not be read; ``code`` and ``params`` make its message.

    A ``line`` here is a place in the school's document (an XML error's), not in a file of
    the column: it stays a parameter of the message.
    """

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.params = params

    def __str__(self) -> str:
        return f"{self.code}: {self.params}"


@dataclass(frozen=True)
class Fetched:
    """A document as received: where it finally came from (after redirects), its type and decoded bytes."""

    url: str
    content_type: str
    body: bytes
    from_cache: bool = False


# What the thread reading a school is allowed: its deadline and the local addresses its roster
# line names. httpx's sync client does all of a request's socket work in the calling thread,
# so the connection layer below finds them here, whichever pooled connection it is given.
_school = threading.local()


class Fetcher:
    """Fetch documents for many schools at once, politely; see the module's docstring."""

    def __init__(
        self,
        *,
        cache: Path | None,
        timeout: float = 20.0,
        retries: int = 2,
        backoff: float = 0.5,
        max_bytes: int = MAX_BYTES,
        school_bytes: int = SCHOOL_BYTES,
        max_redirects: int = 5,
        per_host: int = 6,
        allow_local: bool = False,
        resolver: Resolver = resolve,
        proxies: Mapping[str, str | None] | None = None,
    ):
        """``proxies``: httpx mount patterns (``"http://"``, ``"all://*.edu.vn"``) to a proxy's URL, or to ``None``
        for a direct connection; by default what the environment's ``*_PROXY`` variables say, as httpx reads them."""
        self.cache = cache
        self.timeout = timeout
        """Seconds one school's whole exchange may take."""
        self.retries, self.backoff, self.max_bytes, self.school_bytes = retries, backoff, max_bytes, school_bytes
        self.per_host, self.allow_local, self.resolver = per_host, allow_local, resolver
        self._hosts: dict[tuple[str, str, int | None], threading.Semaphore] = {}
        self._lookups: dict[str, Future[tuple[str, ...]]] = {}
        self._lock = threading.Lock()
        self._notes: dict[str, dict] | None = None
        self._notes_changed = False
        self.max_redirects = max_redirects
        # Given a transport, httpx no longer reads the *_PROXY variables: they are read here, and each
        # proxy gets a transport of its own, checked by the same guard.
        self._routes = get_environment_proxies() if proxies is None else dict(proxies)
        self._ssl = httpx.create_ssl_context()  # loading the CA bundle costs milliseconds: once, for every school
        self._threads = threading.local()
        self._clients: list[httpx.Client] = []
        if cache is not None:
            _prune(cache)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            clients, self._clients = self._clients, []
        for client in clients:
            client.close()
        self._save_notes()

    def _client(self) -> httpx.Client:
        """The calling thread's client: its connections serve the schools this thread reads, one after another.

        A school's requests follow each other (page, probes, feed, pages), and so do a thread's
        schools, so a few connections per thread serve them all. One pool shared by the whole
        run cost more than it saved: httpcore walks every pooled connection (and each idle one
        again) for every request, and in a province run that walk took half of the monitor's CPU.
        """
        client = getattr(self._threads, "client", None)
        if client is None:
            client = self._threads.client = self._new_client()
            with self._lock:
                self._clients.append(client)
        return client

    def _new_client(self) -> httpx.Client:
        limits = httpx.Limits(max_connections=SCHOOL_CONNECTIONS, max_keepalive_connections=SCHOOL_CONNECTIONS)
        mounts = {
            pattern: _Guard(self._transport(limits, proxy), self) if proxy else None for pattern, proxy in self._routes.items()
        }
        return httpx.Client(
            transport=_Guard(self._transport(limits, None), self),
            mounts=mounts,
            timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0)),
            follow_redirects=True,
            max_redirects=self.max_redirects,
            headers={"User-Agent": user_agent(), "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        )

    def _transport(self, limits: httpx.Limits, proxy: str | None) -> httpx.HTTPTransport:
        """httpx's transport (direct, or through ``proxy``) whose connections go through :class:`_Network`."""
        transport = httpx.HTTPTransport(verify=self._ssl, limits=limits, proxy=proxy)
        # httpx takes no network backend; its pool does (a direct pool and a proxy's alike), and
        # every connection must go through ours.
        pool = transport._pool
        if not isinstance(pool, httpcore.ConnectionPool) or not hasattr(pool, "_network_backend"):
            raise TypeError(f"httpcore's pool changed ({type(pool).__name__}): the district's network backend cannot be set")
        pool._network_backend = _Network(self, to_proxy=proxy is not None)
        return transport

    def for_school(self, url: str) -> SchoolFetcher:
        """A reader for the school whose roster line names ``url``: its deadline starts now; close it (``with``) when done."""
        return SchoolFetcher(self, url)

    def get(self, url: str) -> Fetched:
        """The document at ``url``, read as a school of its own; raises :class:`Unreadable` saying why not."""
        with self.for_school(url) as school:
            return school.get(url)

    # --- addresses: resolved once per run, checked, and only those connected to ----------------

    def addresses(self, host: str, check: bool = True) -> tuple[str, ...]:
        """The checked addresses of ``host`` for the school of this thread; :class:`Unreadable` when one is refused.

        ``check=False`` only for a proxy's own address: the district set the proxy up.
        """
        pinned = self._resolved(host)
        if check and not self.allow_local:
            allowed = getattr(_school, "allowed", frozenset())
            for address in pinned:
                if is_local(address) and address not in allowed:
                    raise Unreadable("source_local_address", host=host, address=address)
        return pinned

    def _resolved(self, host: str) -> tuple[str, ...]:
        """The addresses of ``host``, asked once per run (the first answer stays: no rebinding mid-run).

        The system's resolver cannot be interrupted, so it runs in a thread of its own and this
        one waits only for what is left of the school's deadline (``source_timeout`` then); schools
        sharing a host wait for the same lookup, and a failed one is asked again by the next school.
        """
        try:
            return (str(ipaddress.ip_address(host)),)
        except ValueError:
            pass
        with self._lock:
            lookup = self._lookups.get(host)
            if lookup is None:
                lookup = self._lookups[host] = Future()
                # A daemon thread: a lookup that never returns must not hold the process at its exit.
                threading.Thread(target=self._look_up, args=(host, lookup), name="district-dns", daemon=True).start()
        end = getattr(_school, "end", None)
        try:
            found = lookup.result(timeout=max(0.0, (end - time.monotonic()) if end is not None else self.timeout))
        except LookupTimeout:
            raise Unreadable("source_timeout") from None
        if not found:
            with self._lock:
                if self._lookups.get(host) is lookup:
                    del self._lookups[host]
            raise Unreadable("source_dns", host=host)
        return found

    def _look_up(self, host: str, lookup: Future[tuple[str, ...]]) -> None:
        try:
            found = tuple(self.resolver(host, 0))
        except (OSError, UnicodeError):
            found = ()
        except BaseException:  # a resolver's bug: no answer, said as one
            found = ()
        lookup.set_result(found)

    def _named(self, url: str) -> frozenset[str]:
        """The local addresses a roster line names itself (``http://127.0.0.1:8080/``, ``http://localhost/``)."""
        host = (urlsplit(url).hostname or "").lower()
        try:
            return frozenset({str(ipaddress.ip_address(host))})
        except ValueError:
            pass
        if host == "localhost" or host.endswith(".localhost"):
            try:
                return frozenset(a for a in self._resolved(host) if is_local(a))
            except Unreadable:
                return frozenset()
        return frozenset()

    def host(self, url: str) -> tuple[str, str, int | None]:
        """The server ``url`` is on, as connections to it are counted (at most ``per_host`` at once)."""
        parts = urlsplit(url)
        return (parts.scheme, (parts.hostname or "").lower(), parts.port)

    def _host(self, url: str) -> threading.Semaphore:
        key = self.host(url)
        with self._lock:
            return self._hosts.setdefault(key, threading.Semaphore(self.per_host))

    # --- notes on each school, kept between runs beside the cached responses -----------------------

    def source_of(self, school_url: str) -> tuple[str, str] | None:
        """``(kind, url)`` of the source an earlier run found from the school's page, while it is read without looking again.

        ``kind`` is ``coverage`` or ``feed``; a feed is trusted for :data:`REDISCOVER_DAYS`.
        """
        note = self._note(school_url)
        kind, url, found = note.get("kind"), note.get("source"), note.get("found")
        if kind not in ("coverage", "feed") or not isinstance(url, str) or not url.startswith(("http://", "https://")):
            return None
        if kind == "feed" and not (isinstance(found, (int, float)) and -86400 < time.time() - found < REDISCOVER_DAYS * 86400):
            return None
        return kind, url

    def found_source(self, school_url: str, kind: str, url: str) -> None:
        """Remember that the school's page led to the source at ``url`` (``coverage`` or ``feed``)."""
        self._change(school_url, kind=kind, source=url, found=int(time.time()))

    def was_slow(self, school_url: str) -> bool:
        """Whether the school's last reading took more than half its deadline, or all of it."""
        return self._note(school_url).get("slow") is True

    def took(self, school_url: str, seconds: float, timed_out: bool) -> None:
        """Remember how the school's reading went: a slow one is started first next time."""
        slow = timed_out or seconds > self.timeout / 2
        if self.was_slow(school_url) != slow:
            self._change(school_url, slow=slow)

    def _note(self, school_url: str) -> dict:
        with self._lock:
            if self._notes is None:
                self._notes = self._read_notes()
            return dict(self._notes.get(school_url) or {})

    def _change(self, school_url: str, **values: Any) -> None:
        note = self._note(school_url)
        if all(note.get(key) == value for key, value in values.items()):
            return
        with self._lock:
            self._notes[school_url] = note | values
            self._notes_changed = True

    def _read_notes(self) -> dict[str, dict]:
        if self.cache is None:
            return {}
        try:
            notes = json.loads(read_regular(self.cache / NOTES_FILE, NOTES_BYTES) or b"{}")  # a planted symlink reads as nothing
        except ValueError:
            return {}
        schools = notes.get("schools") if isinstance(notes, dict) and notes.get("schema") == 1 else None
        if not isinstance(schools, dict):
            return {}
        return {url: note for url, note in schools.items() if isinstance(note, dict)}

    def _save_notes(self) -> None:
        if self.cache is None or not self._notes_changed:
            return
        with self._lock:
            data = json.dumps({"schema": 1, "schools": self._notes}, ensure_ascii=False, sort_keys=True).encode("utf-8")
            self._notes_changed = False
        if len(data) > NOTES_BYTES:
            return  # a roster this large only loses its shortcuts
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            write_atomically(self.cache / NOTES_FILE, data)
        except OSError:
            pass  # notes that cannot be written only cost the next run the longer way

    # --- the cache: meta (JSON) and body side by side, keyed by the URL asked for -------

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.cache / f"{key}.json", self.cache / f"{key}.body"

    def _cached(self, url: str) -> _Cached | None:
        if self.cache is None:
            return None
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(read_regular(meta_path, 100_000) or b"null")  # a planted symlink reads as nothing
        except ValueError:
            return None
        if not isinstance(meta, dict) or meta.get("asked") != url:
            return None
        return _Cached(
            url=str(meta.get("url") or url),
            content_type=str(meta.get("content_type") or ""),
            etag=str(meta.get("etag") or ""),
            last_modified=str(meta.get("last_modified") or ""),
            body_path=body_path,
            meta_path=meta_path,
            limit=self.max_bytes,
        )

    def _keep(self, url: str, response: httpx.Response, fetched: Fetched) -> None:
        etag, modified = response.headers.get("ETag", ""), response.headers.get("Last-Modified", "")
        if self.cache is None or not (etag or modified):
            return
        meta_path, body_path = self._paths(url)
        meta = {"asked": url, "url": fetched.url, "content_type": fetched.content_type, "etag": etag, "last_modified": modified}
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            write_atomically(body_path, fetched.body)
            write_atomically(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written only costs the next run a full download


class SchoolFetcher:
    """One school's share of a :class:`Fetcher`: its deadline, its byte budget, the local addresses its roster line names."""

    def __init__(self, fetcher: Fetcher, url: str):
        self.fetcher = fetcher
        self.end = time.monotonic() + fetcher.timeout
        self.left = fetcher.school_bytes
        self.allowed = fetcher._named(url)
        self.client = fetcher._client()

    def __enter__(self) -> SchoolFetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Done with the school (its thread's connections stay for the thread's next school)."""

    @property
    def max_bytes(self) -> int:
        return self.fetcher.max_bytes

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def get(self, url: str) -> Fetched:
        """The document at ``url``; raises :class:`Unreadable` saying why not, within the school's deadline."""
        cached = self.fetcher._cached(url)
        attempt = 0
        while True:
            if self.remaining() <= 0:
                raise Unreadable("source_timeout")
            try:
                with self._slot(url), self._context():
                    return self._once(url, cached)
            except _KeptCopyGone:
                cached = None  # "not modified" but the kept copy is gone: ask again, unconditionally
            except _Retryable as retry:
                pause = retry.after if retry.after is not None else self.fetcher.backoff * 2**attempt
                pause = min(pause, 10.0) * random.uniform(1.0, 1.25)  # a little jitter: not all at once
                if attempt >= self.fetcher.retries or pause >= self.remaining():
                    raise retry.unreadable from None
                time.sleep(pause)
                attempt += 1

    @contextmanager
    def _slot(self, url: str) -> Iterator[None]:
        """A connection slot on the school's host; the time spent queueing for it is not the school's."""
        semaphore = self.fetcher._host(url)
        queued = time.monotonic()
        with semaphore:
            self.end += time.monotonic() - queued
            yield

    @contextmanager
    def _context(self) -> Iterator[None]:
        _school.end, _school.allowed = self.end, self.allowed
        try:
            yield
        finally:
            _school.end, _school.allowed = None, frozenset()

    def _once(self, url: str, cached: _Cached | None) -> Fetched:
        headers = {}
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        limit = min(self.fetcher.max_bytes, self.left)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code != 200:
                    _drain(response)  # a 304 (most of a warm run) or a short error: its connection serves the next request
                if response.status_code == 304 and cached is not None:
                    body = cached.body()
                    if body is not None:
                        self._spend(len(body), limit)
                        return Fetched(cached.url, cached.content_type, body, from_cache=True)
                    raise _KeptCopyGone()
                if response.status_code >= 500 or response.status_code == 429:
                    raise _Retryable(Unreadable("source_http", status=response.status_code), after=_retry_after(response))
                if response.status_code != 200:
                    raise Unreadable("source_http", status=response.status_code)
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limit and not _encodings(response):
                    raise Unreadable("source_too_large", limit=megabytes(limit))
                body = self._read(response, limit)
                fetched = Fetched(str(response.url), response.headers.get("Content-Type", ""), body)
                self.fetcher._keep(url, response, fetched)
                return fetched
        except httpx.TimeoutException:
            raise _Retryable(Unreadable("source_timeout")) from None
        except httpx.TooManyRedirects:
            raise Unreadable("source_redirects") from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _Retryable(Unreadable("source_network", detail=_reason(exc))) from None
        except httpx.HTTPError as exc:
            raise _classified(exc) from None
        except httpx.InvalidURL as exc:  # an address a page announced, or one httpx cannot send
            raise Unreadable("source_network", detail=_reason(exc)) from None

    def _read(self, response: httpx.Response, limit: int) -> bytes:
        body = bytearray()
        for piece in _decoded(response):
            body += piece
            if len(body) > limit:
                raise Unreadable("source_too_large", limit=megabytes(limit))
            if self.remaining() <= 0:
                raise _Retryable(Unreadable("source_timeout"))
        self._spend(len(body), limit)
        return bytes(body)

    def _spend(self, size: int, limit: int) -> None:
        if size > self.left:
            raise Unreadable("source_too_large", limit=megabytes(limit))
        self.left -= size


# --- the layers under httpx: which addresses, and how long each wait may be -------------------


class _Guard(httpx.BaseTransport):
    """Checks every request's host, redirects included, before the pool may reuse or open a connection to it."""

    def __init__(self, inner: httpx.BaseTransport, fetcher: Fetcher):
        self.inner, self.fetcher = inner, fetcher

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.fetcher.addresses(request.url.host)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class _Network(httpcore.NetworkBackend):
    """Connects only to the addresses :meth:`Fetcher.addresses` checked, with every wait cut to the school's deadline.

    A proxy's pool connects only to the proxy, whose address is not checked: the school's was,
    by :class:`_Guard`, before its request was handed to the proxy.
    """

    def __init__(self, fetcher: Fetcher, to_proxy: bool = False):
        self.fetcher, self.system, self.to_proxy = fetcher, httpcore.SyncBackend(), to_proxy

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in self.fetcher.addresses(host, check=not self.to_proxy):
            try:
                stream = self.system.connect_tcp(
                    address, port, _cut(timeout, httpcore.ConnectTimeout), local_address, socket_options
                )
                return _Bounded(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, path, timeout=None, socket_options=None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not read")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _Bounded(httpcore.NetworkStream):
    """A connection whose every read and write waits at most until the school's deadline."""

    def __init__(self, stream: httpcore.NetworkStream):
        self.stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, _cut(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, _cut(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        return _Bounded(self.stream.start_tls(ssl_context, server_hostname, _cut(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)


def _cut(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` no longer than what is left of this thread's school deadline; past it, ``expired`` at once."""
    end = getattr(_school, "end", None)
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise expired("the school's deadline has passed")
    return left if timeout is None else min(timeout, left)


# --- bodies: decoded here, a bounded piece at a time ---------------------------------------------


def _encodings(response: httpx.Response) -> list[str]:
    """The Content-Encoding layers of ``response``, as applied (the last one is undone first)."""
    named = response.headers.get("Content-Encoding", "")
    return [part.strip().lower() for part in named.split(",") if part.strip() and part.strip().lower() != "identity"]


def _decoded(response: httpx.Response) -> Iterator[bytes]:
    """The body of ``response`` decoded, in pieces of at most 64 KB: never all of a layer at once."""
    layers = _encodings(response)
    if len(layers) > MAX_ENCODINGS or any(layer not in ("gzip", "x-gzip", "deflate") for layer in layers):
        raise Unreadable("source_encoding", encoding=", ".join(layers)[:80])
    pieces: Iterable[bytes] = response.iter_raw()
    for layer in reversed(layers):
        pieces = _inflate(pieces, layer)
    yield from pieces


def _inflate(pieces: Iterable[bytes], layer: str) -> Iterator[bytes]:
    gzip = layer != "deflate"
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS if gzip else zlib.MAX_WBITS)
    started = False
    for piece in pieces:
        pending = piece
        while pending:
            try:
                out = decoder.decompress(pending, _CHUNK)
            except zlib.error:
                if not gzip and not started:  # raw deflate, without the zlib wrapper some servers forget
                    decoder, started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise Unreadable("source_encoding", encoding=layer) from None
            started = True
            if out:
                yield out
            if decoder.eof:
                pending = decoder.unused_data if gzip else b""  # gzip allows members one after another
                if pending:
                    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                pending = decoder.unconsumed_tail
    tail = decoder.flush()  # at most what the last few input bytes expand to
    if tail:
        yield tail


# --- the cache ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cached:
    url: str
    content_type: str
    etag: str
    last_modified: str
    body_path: Path
    meta_path: Path
    limit: int

    def body(self) -> bytes | None:
        try:
            data = read_regular(self.body_path, self.limit)  # the limit a download has; no symlink
            if data is None:
                return None
            for path in (self.body_path, self.meta_path):
                os.utime(path)  # still in use: not pruned
            return data
        except OSError:
            return None


class _KeptCopyGone(Exception):
    """A 304 for a response whose kept body has been removed since (by hand, or by pruning)."""


class _Retryable(Exception):
    """A failure worth another try (5xx, 429, timeout, a dropped connection)."""

    def __init__(self, unreadable: Unreadable, after: float | None = None):
        self.unreadable, self.after = unreadable, after


def _drain(response: httpx.Response, limit: int = _CHUNK) -> None:
    """Read the rest of a short answer that is not used: httpcore reuses a connection only once its answer is read.

    A longer one is left: its connection is closed instead of read for nothing.
    """
    read = 0
    try:
        for piece in response.iter_raw():
            read += len(piece)
            if read > limit:
                return
    except (httpx.HTTPError, httpx.StreamError):
        pass  # the connection is closed, as it would have been


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    return float(value) if value.isdigit() else None


def _classified(exc: httpx.HTTPError) -> Unreadable:
    """A connection failure as the person reading the report understands it: name, TLS, refused."""
    cause: BaseException | None = exc
    seen = 0
    while cause is not None and seen < 10:
        if isinstance(cause, socket.gaierror):
            return Unreadable("source_dns", host=urlsplit(str(exc.request.url)).hostname or "")
        if isinstance(cause, ssl.SSLError):
            return Unreadable("source_tls", detail=getattr(cause, "reason", None) or _reason(cause))
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    text = str(exc).lower()
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return Unreadable("source_dns", host=urlsplit(str(exc.request.url)).hostname or "")
    if "ssl" in text or "certificate" in text:
        return Unreadable("source_tls", detail=_reason(exc))
    return Unreadable("source_network", detail=_reason(exc))


def _reason(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__)[:200]


def _prune(cache: Path) -> None:
    cutoff = time.time() - CACHE_DAYS * 86400
    try:
        entries = list(cache.iterdir())
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink()
        except OSError:
            pass
