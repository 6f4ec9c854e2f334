"""Fetching a school's documents politely: bounded in time and size, retried when worth it, cached between runs.

One :class:`Fetcher` serves a whole run from many threads (httpx's client is thread-safe):
a connect and a read timeout plus a deadline for the whole response (a server that drips
a byte every few seconds never times out a read), at most ``max_bytes`` read from a
streamed body, a bounded number of redirects, retries with exponential backoff on 5xx,
429 and timeouts, a few connections per host (many schools share one portal), and a
``User-Agent`` that names the tool. Responses carrying an ``ETag`` or ``Last-Modified``
are kept in a small folder so the next weekly run asks "changed since?" and usually
receives a 304 with no body. Every failure is an :class:`Unreadable` with a message code.

    >>> with Fetcher(cache=None) as fetcher:
    ...     fetched = fetcher.get(column_url + "theo-doi.json")  # column_url: "https://thcs-baokhe.edu.vn/binh-dang-gioi/"
    >>> fetched.content_type, json.loads(fetched.body)["schema"]
    ('application/json', 1)
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from gecolumn.files import read_regular, write_atomically
from gecolumn.problems import Refusal, megabytes

MAX_BYTES = 5_000_000
"""The largest document read: a column's theo-doi.json with thousands of posts is well under it."""
CACHE_DAYS = 60
"""A cached response not used for this long is removed (the school left the roster)."""

ACCEPT = "application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"


def user_agent() -> str:
    """``gecolumn-district/<version> (…)``: a server's log says who asked, and why."""
    try:
        version = metadata.version("gecolumn")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"gecolumn-district/{version} (theo doi chuyen muc binh dang gioi cua cac truong; weekly district monitor)"


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
    """A document as received: where it finally came from (after redirects), its type and bytes."""

    url: str
    content_type: str
    body: bytes
    from_cache: bool = False


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
        max_redirects: int = 5,
        per_host: int = 6,
        connections: int = 64,
    ):
        self.cache = cache
        self.retries, self.backoff, self.max_bytes = retries, backoff, max_bytes
        self.deadline = 3 * timeout  # the whole of one response, however slowly it trickles
        self.per_host = per_host
        self._hosts: dict[tuple[str, str, int | None], threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent(), "Accept": ACCEPT},
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        )
        if cache is not None:
            _prune(cache)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str) -> Fetched:
        """The document at ``url``; raises :class:`Unreadable` saying why not, in a few tries at most."""
        cached = self._cached(url)
        attempt = 0
        while True:
            try:
                with self._host(url):
                    return self._once(url, cached)
            except _KeptCopyGone:
                cached = None  # "not modified" but the kept copy is gone: ask again, unconditionally
            except _Retryable as retry:
                if attempt >= self.retries:
                    raise retry.unreadable from None
                pause = retry.after if retry.after is not None else self.backoff * 2**attempt
                time.sleep(min(pause, 10.0) * random.uniform(1.0, 1.25))  # a little jitter: not all at once
                attempt += 1

    def _host(self, url: str) -> threading.Semaphore:
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname or "", parts.port)
        with self._hosts_lock:
            return self._hosts.setdefault(key, threading.Semaphore(self.per_host))

    def _once(self, url: str, cached: _Cached | None) -> Fetched:
        headers = {}
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304 and cached is not None:
                    body = cached.body()
                    if body is not None:
                        return Fetched(cached.url, cached.content_type, body, from_cache=True)
                    raise _KeptCopyGone()
                if response.status_code >= 500 or response.status_code == 429:
                    raise _Retryable(Unreadable("source_http", status=response.status_code), after=_retry_after(response))
                if response.status_code != 200:
                    raise Unreadable("source_http", status=response.status_code)
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise Unreadable("source_too_large", limit=megabytes(self.max_bytes))
                body = b"".join(self._limited(response.iter_raw() if _identity(response) else response.iter_bytes()))
                fetched = Fetched(str(response.url), response.headers.get("Content-Type", ""), body)
                self._keep(url, response, fetched)
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

    def _limited(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        received, started = 0, time.monotonic()
        for chunk in chunks:
            received += len(chunk)
            if received > self.max_bytes:
                raise Unreadable("source_too_large", limit=megabytes(self.max_bytes))
            if time.monotonic() - started > self.deadline:
                raise _Retryable(Unreadable("source_timeout"))
            yield chunk

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


def _identity(response: httpx.Response) -> bool:
    # Count the bytes as received when they are not compressed; a compressed body is
    # counted decompressed, so a small gzip bomb stops at the same limit.
    return response.headers.get("Content-Encoding", "identity").strip().lower() in ("", "identity")


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
