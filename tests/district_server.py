"""A real HTTP server on 127.0.0.1 for the district monitor's tests and benchmark: routes, static folders, failures.

Every school the tests read is served here (or named under ``.invalid``): nothing leaves this
machine. Each route is a function of the request; the server records what was asked, with
which headers, so a test can check what the monitor sent (its User-Agent, its conditional
requests) and what it never asked for.
"""

from __future__ import annotations

import hashlib
import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Route = Callable[["Request"], None]


class Request(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    disable_nagle_algorithm = True  # headers and body go out at once, as real servers send them
    server: LocalServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        self.server.record(path, dict(self.headers.items()))
        if self.server.latency:
            low, high = self.server.latency if isinstance(self.server.latency, tuple) else (self.server.latency,) * 2
            time.sleep(random.uniform(low, high))
        route = self.server.routes.get(path)
        if route is None:
            for prefix, folder in self.server.folders.items():
                if path.startswith(prefix):
                    return self.static(folder, path[len(prefix) :])
            return self.send(404, b"<!doctype html><html><body><h1>404 Not Found</h1></body></html>", "text/html")
        route(self)

    def send(self, status: int, body: bytes, content_type: str = "application/octet-stream", headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def static(self, folder: Path, rest: str) -> None:
        """A built site as a web server serves it: folders by their index.html, with an ETag."""
        target = (folder / rest).resolve()
        if folder.resolve() not in (target, *target.parents):
            return self.send(403, b"forbidden", "text/plain")
        if target.is_dir():
            if not rest.endswith("/") and rest:
                return self.send(301, b"", "text/plain", {"Location": self.path + "/"})
            target = target / "index.html"
        if not target.is_file():
            return self.send(404, b"<!doctype html><html><body>Not found</body></html>", "text/html")
        body = target.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            with self.server._lock:
                self.server.not_modified += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        kinds = {".html": "text/html; charset=utf-8", ".json": "application/json", ".xml": "application/xml"}
        self.send(200, body, kinds.get(target.suffix, "application/octet-stream"), {"ETag": etag})

    def log_message(self, *args) -> None:  # quiet: the test output is the monitor's
        pass


class LocalServer(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` on 127.0.0.1 with a table of routes; use as a context manager."""

    daemon_threads = True  # a slow route never holds the test run at exit
    request_queue_size = 256

    def __init__(self, latency: float | tuple[float, float] = 0.0):
        """``latency``: seconds every answer waits first, or ``(low, high)`` for a random wait between them."""
        super().__init__(("127.0.0.1", 0), Request)
        self.routes: dict[str, Route] = {}
        self.folders: dict[str, Path] = {}
        self.latency = latency
        self.hits: Counter[str] = Counter()
        self.headers: dict[str, list[dict]] = {}
        self.not_modified = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def record(self, path: str, headers: dict) -> None:
        with self._lock:
            self.hits[path] += 1
            self.headers.setdefault(path, []).append(headers)

    def serve(self, path: str, body: bytes, content_type: str, status: int = 200, headers: dict | None = None) -> None:
        """Serve ``body`` at ``path``; with an ``ETag`` among ``headers``, a matching ``If-None-Match`` gets a 304."""
        etag = (headers or {}).get("ETag")

        def route(request: Request) -> None:
            if etag and request.headers.get("If-None-Match") == etag:
                with self._lock:
                    self.not_modified += 1
                return request.send(304, b"", content_type, {"ETag": etag})
            request.send(status, body, content_type, headers)

        self.routes[path] = route

    def handle_error(self, request, client_address) -> None:
        # A client that closes a kept-alive connection is not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


# --- documents shaped like the real ones ------------------------------------------------------


def wordpress_rss(site: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed as WordPress writes it by default: its namespaces, ``sy:``, ``dc:creator``, CDATA."""
    entries = "".join(
        f"""
	<item>
		<title>{title}</title>
		<link>{site}?p={number}</link>
		<comments>{site}?p={number}#respond</comments>
		<dc:creator><![CDATA[admin]]></dc:creator>
		<pubDate>{date}</pubDate>
		<category><![CDATA[Bình đẳng giới]]></category>
		<guid isPermaLink="false">{site}?p={number}</guid>
		<description><![CDATA[Tóm tắt bài {number} [&#8230;]]]></description>
		<content:encoded><![CDATA[<p>Nội dung <strong>bài</strong> {number}.</p>]]></content:encoded>
		<wfw:commentRss>{site}?p={number}/feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>"""
        for number, (title, date) in enumerate(items, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>Trường TH Hoà Bình &#8211; Bình đẳng giới</title>
	<atom:link href="{site}feed/" rel="self" type="application/rss+xml" />
	<link>{site}</link>
	<description>Chuyên mục tuyên truyền</description>
	<lastBuildDate>Mon, 11 Nov 2024 02:00:00 +0000</lastBuildDate>
	<language>vi</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.6.2</generator>{entries}
	</channel>
</rss>
""".encode()


def wordpress_page(site: str, feed: str, comments: str) -> bytes:
    """A WordPress home page's head: the posts feed, the comments feed and its REST API's JSON, all announced."""
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<title>Trường TH Hoà Bình</title>
<link rel="alternate" type="application/rss+xml" title="Trường TH Hoà Bình &raquo; Dòng thông tin" href="{feed}" />
<link rel="alternate" type="application/rss+xml" title="Trường TH Hoà Bình &raquo; Dòng phản hồi" href="{comments}" />
<link rel="https://api.w.org/" href="{site}wp-json/" />
<link rel="alternate" title="JSON" type="application/json" href="{site}wp-json/wp/v2/pages/2" />
</head>
<body class="home blog"><h1>Trường TH Hoà Bình</h1></body>
</html>
""".encode()


def atom_feed(entries: list[tuple[str, str]]) -> bytes:
    """An Atom 1.0 feed with local (+07:00) timestamps."""
    items = "".join(
        f"""
  <entry>
    <title>{title}</title>
    <id>tag:mn-hoa-sen.edu.vn,2024:{number}</id>
    <link rel="alternate" href="https://mn-hoa-sen.edu.vn/bai/{number}"/>
    <published>{stamp}</published>
    <updated>{stamp}</updated>
  </entry>"""
        for number, (title, stamp) in enumerate(entries, start=1)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <title>Trường MN Hoa Sen</title>
  <id>tag:mn-hoa-sen.edu.vn,2024:feed</id>
  <updated>2024-11-01T08:00:00+07:00</updated>{items}
</feed>
""".encode()
