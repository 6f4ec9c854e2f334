"""The built site behind a real web server: Apache's ``.htaccess`` the build writes, nginx with the snippet the package ships.

Behind a server's defaults the feeds go out as ``text/xml`` with no charset and feed readers
take the Vietnamese for ASCII (feedparser's ``bozo``); the sub-folder's 404 page needs a rule.
nginx is Debian's, run on 127.0.0.1 by the test itself (skipped where absent, failed under CI).
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import feedparser
import pytest
from conftest import DEMO_FOLDER, ROOT, free_port, require_tool


def files_of(folder: Path) -> list[str]:
    return [path.relative_to(folder).as_posix() for path in sorted(folder.rglob("*")) if path.is_file()]


def test_the_build_writes_an_htaccess_for_apache_with_the_column_folder(demo_site):
    htaccess = (demo_site / ".htaccess").read_text(encoding="utf-8")
    assert "ErrorDocument 404 /binh-dang-gioi/404.html" in htaccess.splitlines()
    assert re.search(r"(?m)^\s*AddCharset utf-8 .*\.xml .*\.json", htaccess)
    # Long caching for the files whose name changes with their content, and only those.
    [pattern] = re.findall(r'<FilesMatch "(.+)">', htaccess)
    hashed = [name for name in files_of(demo_site) if re.search(pattern, name.rsplit("/", 1)[-1])]
    assert any(name.startswith("pagefind/fragment/") for name in hashed) and any(name.endswith(".min.js") for name in hashed)
    assert not [name for name in hashed if name.endswith((".html", ".xml", ".json", "/pagefind.js", "/column.js"))]


@contextlib.contextmanager
def nginx(root: Path, work: Path):
    """Debian's nginx on 127.0.0.1 serving ``root`` with the package's snippet; yields its address."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    require_tool("nginx", binary is not None, "Install Debian's package: apt-get install nginx-light", "web-server tests")
    port = free_port()
    temp = {name: work / name for name in ("client", "proxy", "fastcgi", "uwsgi", "scgi")}
    for folder in temp.values():
        folder.mkdir(parents=True)
    mime = "/etc/nginx/mime.types"
    snippet = work / "gecolumn.conf"
    snippet.write_text((ROOT / "gecolumn/templates/web/nginx.conf").read_text(encoding="utf-8"), encoding="utf-8")
    (work / "nginx.conf").write_text(
        f"""daemon off; master_process off; worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
  include {mime}; default_type application/octet-stream; access_log off;
  client_body_temp_path {temp["client"]}; proxy_temp_path {temp["proxy"]}; fastcgi_temp_path {temp["fastcgi"]};
  uwsgi_temp_path {temp["uwsgi"]}; scgi_temp_path {temp["scgi"]};
  server {{ listen 127.0.0.1:{port}; root {root}; include {snippet}; }}
}}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen([binary, "-c", str(work / "nginx.conf"), "-p", str(work)], stderr=subprocess.PIPE)
    try:
        for _ in range(100):  # up to 5 s for it to listen
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            if process.poll() is not None:
                pytest.fail(f"nginx stopped: {process.stderr.read().decode(errors='replace')}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_nginx_with_the_shipped_snippet_serves_feeds_in_utf8_the_404_page_and_the_search_index(demo_site, tmp_path):
    with nginx(demo_site.parent, tmp_path / "nginx") as server:
        base = f"{server}/{DEMO_FOLDER}"
        for feed in ("rss.xml", "atom.xml"):
            status, headers, body = _get(base + feed)
            assert status == 200 and headers["Content-Type"].endswith("charset=utf-8"), headers
            parsed = feedparser.parse(body, response_headers={"content-type": headers["Content-Type"]})
            assert not parsed.bozo, parsed.get("bozo_exception")
            assert parsed.entries and any(re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặ]", entry.title) for entry in parsed.entries)
        status, headers, body = _get(base + "theo-doi.json")
        assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8" and json.loads(body)

        status, _, body = _get(base + "khong-co-trang-nay/")
        assert status == 404 and "Không tìm thấy trang" in body.decode("utf-8")

        status, headers, body = _get(base + "pagefind/pagefind-entry.json")
        assert status == 200 and "immutable" not in headers.get("Cache-Control", "") and json.loads(body)["languages"]
        fragment = next((demo_site / "pagefind/fragment").iterdir()).name
        status, headers, _ = _get(base + f"pagefind/fragment/{fragment}")
        assert status == 200 and "immutable" in headers["Cache-Control"]
        assert _get(base + ".htaccess")[0] == 404


def test_the_staff_guide_shows_the_nginx_snippet_the_package_ships():
    guide = (ROOT / "docs/huong-dan.md").read_text(encoding="utf-8")
    shipped = (ROOT / "gecolumn/templates/web/nginx.conf").read_text(encoding="utf-8")
    directives = [line.split("#")[0].strip() for line in shipped.splitlines() if line.split("#")[0].strip()]
    assert directives and all(directive in guide for directive in directives)
