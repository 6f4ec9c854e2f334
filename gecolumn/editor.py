"""The web editor: Decap CMS published at ``quan-tri/``, its configuration made from the field table and the column's settings.

Staff write a post in the browser with the column's own fields, in Vietnamese; what Decap
saves is a post the check accepts as it is. Nothing here is written by hand per column:
:func:`decap_config` turns :data:`gecolumn.fields.FIELDS` and ``extra.column`` into Decap's
``config.yml``; :func:`bundle` finds Decap's files, pinned in ``package-lock.json`` and
installed by ``npm ci`` (no CDN when the page runs). Two things Decap cannot do itself are
done by ``gecolumn-editor.js`` in the page: the quarter is written from the date on save
(Decap has no computed fields), and a photo is turned upright and re-encoded without its
EXIF, GPS or camera data before it is uploaded.

    >>> from gecolumn.config import read_column_config
    >>> column, _ = read_column_config({"column": {"start": "2024-Q1", "units": {"thcs-bao-khe": "Trường THCS Bảo Khê"}, "editor": True}})
    >>> [field["name"] for field in decap_config(column, "https://truong.edu.vn/cm/")["collections"][0]["fields"]]
    ['title', 'date', 'quarter', 'unit', 'tags', 'summary', 'author', 'image', 'draft', 'body']
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gecolumn import routes
from gecolumn.config import ColumnConfig, EditorSettings
from gecolumn.fields import FIELDS, MAX_TAGS

DECAP_VERSION = "3.16.3"
"""The Decap CMS the editor runs: the version ``package.json`` pins (a test holds the two together)."""
DECAP_SERVER_VERSION = "3.11.3"
"""Decap's local server for the web master's PC (``npx decap-server``), as ``package.json`` pins it."""
PAGE_FILES = ("index.html", "gecolumn-editor.js")
"""The editor's own files, in ``gecolumn/templates/editor/``, published beside Decap's."""
DATE_FORMAT = "DD/MM/YYYY HH:mm"
"""How the editor writes ``date:``: day first, local time, as staff write it (dayjs' tokens)."""


@dataclass(frozen=True)
class Widget:
    """How one header field is edited: Decap's widget and its options, the Vietnamese label and hint."""

    label: str
    widget: str
    hint: str = ""
    options: tuple[tuple[str, Any], ...] = ()


WIDGETS: dict[str, Widget] = {
    "title": Widget("Tiêu đề", "string", "Ví dụ: Ngày Quốc tế Phụ nữ 8/3: Giỏi việc trường – Đảm việc nhà"),
    "date": Widget(
        "Ngày đăng",
        "datetime",
        "Ngày, giờ đăng (giờ Việt Nam); quý của bài được tính từ ngày này khi lưu. Ô ngày hiện theo ngôn ngữ "
        "của máy (có máy hiện tháng trước ngày): chọn ngày bằng nút lịch rồi đọc lại.",
        (("format", DATE_FORMAT), ("date_format", "DD/MM/YYYY"), ("time_format", "HH:mm"), ("picker_utc", False)),
    ),
    "quarter": Widget("Quý", "hidden"),
    "unit": Widget("Đơn vị", "select", "Đơn vị đăng bài."),
    "tags": Widget("Chủ đề", "list", f"Cách nhau bằng dấu phẩy, tối đa {MAX_TAGS} chủ đề. Ví dụ: Gia đình, Luật Bình đẳng giới"),
    "summary": Widget("Tóm tắt", "text", "Một hai câu hiện trên thẻ bài, khi chia sẻ qua Zalo, Facebook và trong RSS."),
    "author": Widget("Tác giả", "string", "Ví dụ: Ban Vì sự tiến bộ phụ nữ"),
    "image": Widget("Ảnh bìa", "image", "Ảnh được xoay đúng chiều và xoá vị trí GPS, thông tin máy chụp trước khi tải lên."),
    "draft": Widget("Bản nháp (chưa đăng)", "boolean", "Bật khi bài chưa xong: bài nháp không được đăng, không tính cho quý."),
}
"""Each header field the editor shows, by name; a field of :data:`~gecolumn.fields.FIELDS` not here (``slug``,
``welcome``) is never written by the editor, and keeps its value when a post is edited."""
BODY = {
    "name": "body",
    "label": "Nội dung",
    "widget": "markdown",
    "hint": "Dùng Tiêu đề 2, 3 cho các mục; chèn ảnh bằng nút Ảnh.",
}


def decap_config(column: ColumnConfig, site_url: str = "") -> dict:
    """Decap's settings for this column: the posts folder by year, the header fields of :data:`WIDGETS`, Vietnamese."""
    settings = column.editor or EditorSettings()
    fields = [_field(spec.name, spec.required, column) for spec in FIELDS if spec.name in WIDGETS]
    config: dict[str, Any] = {
        "locale": "vi",
        "backend": _backend(settings),
        "local_backend": {
            "url": f"http://127.0.0.1:{settings.local_port}/api/v1",
            "allowed_hosts": ["127.0.0.1", "localhost"],
        },
        "media_folder": routes.SOURCES,
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "posts",
                "label": "Bài viết",
                "label_singular": "bài viết",
                "folder": routes.SOURCES,
                # {{year}} is the post's: the page's script makes Decap read the day-first date day first.
                "path": "{{year}}/{{slug}}",
                "slug": "{{slug}}",
                "extension": "md",
                "format": "frontmatter",
                "create": True,
                "media_folder": "",  # photos beside the post, as the column publishes them
                "public_folder": "",
                "summary": "{{title}} ({{fields.date}})",
                "editor": {"preview": False},
                "fields": [*fields, BODY],
            }
        ],
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def _backend(settings: EditorSettings) -> dict:
    if settings.backend == "github":
        backend = {"name": "github", "repo": settings.repo, "branch": settings.branch}
        if settings.base_url:
            backend["base_url"] = settings.base_url
        return backend
    if settings.backend == "gitlab":
        backend = {"name": "gitlab", "repo": settings.repo, "branch": settings.branch, "auth_type": "pkce"}
        if settings.app_id:
            backend["app_id"] = settings.app_id
        if settings.base_url:
            backend["base_url"] = backend["api_root"] = settings.base_url.rstrip("/")
            backend["api_root"] += "/api/v4"
        return backend
    # Local only: Decap talks to decap-server on the web master's PC; this backend is never reached.
    return {"name": "git-gateway", "branch": settings.branch}


def _field(name: str, required: bool, column: ColumnConfig) -> dict:
    widget = WIDGETS[name]
    field: dict[str, Any] = {"name": name, "label": widget.label, "widget": widget.widget, "required": required}
    if widget.hint:
        field["hint"] = widget.hint
    field.update(widget.options)
    if name == "quarter":
        field["required"] = False  # written by the page's script on save, never typed
    elif name == "unit":
        if column.default_unit is not None:  # one unit: every post is its own, nothing to choose
            field.update(widget="hidden", default=column.default_unit.id)
            field.pop("hint", None)
        else:  # several units: the check wants each post to name its own
            field.update(required=True, options=[{"label": unit.name, "value": unit.id} for unit in column.units])
    elif name == "draft":
        field["default"] = False
    elif name == "tags":
        field["max"] = MAX_TAGS
    return field


def config_yaml(column: ColumnConfig, site_url: str = "") -> str:
    """``config.yml`` as Decap reads it: JSON, which is YAML, so every value is quoted and escaped."""
    return json.dumps(decap_config(column, site_url), ensure_ascii=False, indent=1) + "\n"


class EditorMissing(LookupError):
    """Decap CMS is not installed where the build looks for it (or another version is)."""

    def __init__(self, looked: tuple[Path, ...], found: str | None):
        super().__init__(str(looked[0]))
        self.looked, self.found = looked, found


def bundle(column_root: Path) -> tuple[Path, tuple[str, ...]]:
    """Decap's folder of built files and the names to publish (its script and the chunks it loads), or :class:`EditorMissing`.

    Looked for in the column's ``node_modules`` (``npm ci`` there), then in the checkout
    this package runs from (the repository's own ``package-lock.json``).
    """
    looked = tuple(
        dict.fromkeys(root / "node_modules" / "decap-cms" for root in (column_root, Path(__file__).resolve().parent.parent))
    )
    for package in looked:
        try:
            found = json.loads((package / "package.json").read_text(encoding="utf-8")).get("version")
        except FileNotFoundError:
            continue
        except (OSError, ValueError):
            found = "?"
        # The first one installed decides: a column's own older Decap is not silently replaced by another.
        dist = package / "dist"
        names = sorted(p.name for p in dist.glob("*decap-cms.js") if p.is_file() and not p.is_symlink())
        if found == DECAP_VERSION and "decap-cms.js" in names:
            return dist, tuple(names)
        raise EditorMissing(looked, str(found or "?"))
    raise EditorMissing(looked, None)
