"""What a web server needs to serve the column right: an Apache ``.htaccess`` written into the site, and an nginx snippet.

Behind a server's defaults the feeds go out as ``text/xml`` without a charset (feed readers then
take the Vietnamese for ASCII), the column's 404 page is not used, and nothing is cached for long.
The build writes ``site/.htaccess`` (Apache reads it from the folder it is uploaded to); the
nginx snippet, which only the server's own configuration can hold, ships in the package and
the staff guide shows it.

>>> print(htaccess("https://thcs-baokhe.edu.vn/binh dang gioi/").splitlines()[9])
ErrorDocument 404 /binh%20dang%20gioi/404.html
"""

from __future__ import annotations

import string
from importlib import resources
from urllib.parse import quote, unquote, urlsplit

HTACCESS = ".htaccess"
_TEMPLATES = resources.files("gecolumn") / "templates" / "web"


def folder_of(site_url: str) -> str:
    """The path of ``site_url`` as a server configuration may hold it: percent-encoded, from ``/`` to ``/``."""
    path = urlsplit(site_url).path or "/"
    path = path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"
    # Nothing of the settings reaches the file as written: no space, quote or line end.
    return quote(unquote(path), safe="/-._~!$&'()*+,;=:@")


def htaccess(site_url: str) -> str:
    """The ``.htaccess`` of a column published at ``site_url``."""
    return string.Template((_TEMPLATES / "htaccess").read_text(encoding="utf-8")).substitute(folder=folder_of(site_url))


def nginx_snippet() -> str:
    """The nginx ``location`` block for the column, as the package ships it (for the folder ``/binh-dang-gioi/``)."""
    return (_TEMPLATES / "nginx.conf").read_text(encoding="utf-8")
