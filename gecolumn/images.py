"""Photos as a column publishes them: upright, without metadata, at most 1600 px wide, in phone sizes too.

Phone photos are 4–12 MB, often stored sideways with an EXIF orientation, and carry EXIF
that can hold the GPS position of a school and photos of children. A published copy is
rotated by its orientation, then re-encoded without EXIF, XMP or IPTC (Pillow writes none
unless asked), at most :data:`MAX_WIDTH` wide, plus narrower copies (:data:`WIDTHS`) that
``srcset`` offers a phone. The original in ``posts/`` is never touched.

Work is cached by content hash in a folder outside ``site/``: a rebuild with unchanged
photos re-encodes nothing.

    >>> processed = process_image(Path("posts/2024/anh.jpg"), Path(".cache/anh"))  # doctest: +SKIP
    >>> [(v.width, v.height) for v in processed.variants]                           # doctest: +SKIP
    [(480, 320), (960, 640), (1600, 1067)]
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from PIL import Image, ImageOps, UnidentifiedImageError

try:  # HEIC from iPhones, where the well-kept decoder is installed (it is pinned in requirements.lock)
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIC = True
except ImportError:  # pragma: no cover - the pinned install has it
    HEIC = False

MAX_WIDTH = 1600
WIDTHS = (480, 960)
"""Narrower copies for phones, below :data:`MAX_WIDTH`."""
MAX_PIXELS = 40_000_000
"""More than any phone photo a column needs (40 megapixels): surely a mistake, refused."""
PROCESSED_TYPES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".heic": "JPEG", ".heif": "JPEG"}
"""Photos that are re-encoded; other images (GIF, AVIF) are published as they are."""
_VERSION = "1"  # bump when the processing changes: the cache key includes it
_EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


class ImageRefused(Exception):
    """A file named like a photo that cannot be published: not an image, truncated, or too large."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Variant:
    """One published copy of a photo."""

    path: str
    """The processed file, in the cache."""
    width: int
    height: int
    size: int


@dataclass(frozen=True)
class ProcessedImage:
    """A photo ready to publish: its copies, narrowest first; the last is the main one."""

    variants: tuple[Variant, ...]
    extension: str
    """The published file type (``.jpg`` for a HEIC photo)."""

    @property
    def main(self) -> Variant:
        return self.variants[-1]


def is_processed(name: str) -> bool:
    """Whether a file of this name is re-encoded before it is published."""
    return os.path.splitext(name)[1].lower() in PROCESSED_TYPES


def process_image(source: Path, cache_dir: Path) -> ProcessedImage:
    """The published copies of ``source``, made now or taken from ``cache_dir``; raises :class:`ImageRefused`."""
    key = _content_key(source, cache_dir)
    meta_path = cache_dir / f"{key}.json"
    if meta_path.is_file():
        try:
            return _from_meta(json.loads(meta_path.read_text(encoding="utf-8")), cache_dir)
        except (OSError, ValueError, KeyError):
            pass  # a damaged cache entry is made again
    kind = PROCESSED_TYPES[source.suffix.lower()]
    image = _open(source)
    variants = []
    for width in (*[w for w in WIDTHS if w < min(image.width, MAX_WIDTH)], min(image.width, MAX_WIDTH)):
        copy = image if width == image.width else image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
        target = cache_dir / f"{key}-{width}{_EXTENSION[kind]}"
        _save(copy, kind, target)
        variants.append({"path": target.name, "width": copy.width, "height": copy.height, "size": target.stat().st_size})
    meta = {"variants": variants, "extension": _EXTENSION[kind]}
    _write_atomically(meta_path, json.dumps(meta).encode())
    return _from_meta(meta, cache_dir)


def _content_key(source: Path, cache_dir: Path) -> str:
    """The cache key: a hash of the photo's bytes (and of the processing version).

    Hashing 300 camera files costs seconds on every build, so the key of a file is remembered
    under its path, size and modification time, as git's index does: an edited photo gets a
    new key, an untouched one is not read again.
    """
    status = source.stat()
    seen = (
        cache_dir / "seen" / hashlib.sha256(f"{source.resolve()}|{status.st_size}|{status.st_mtime_ns}".encode()).hexdigest()[:32]
    )
    try:
        return seen.read_text(encoding="ascii").strip()
    except OSError:
        pass
    key = hashlib.sha256(source.read_bytes() + _VERSION.encode()).hexdigest()[:32]
    seen.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(seen, key.encode("ascii"))
    return key


def _open(source: Path) -> Image.Image:
    try:
        with Image.open(source) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ImageRefused("image_too_large", pixels=f"{image.width}×{image.height}", limit="40")
            # A JPEG can be decoded at 1/2, 1/4, 1/8 scale: a 12 MP photo then costs a fraction.
            if image.format == "JPEG":
                image.draft("RGB", (MAX_WIDTH, MAX_WIDTH))
            upright = ImageOps.exif_transpose(image)
            upright.load()
    except ImageRefused:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise ImageRefused("image_unreadable", problem="không phải ảnh / not an image") from None
    except (OSError, SyntaxError, ValueError) as exc:  # truncated or corrupt data
        raise ImageRefused("image_unreadable", problem=str(exc)[:120]) from None
    if upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        upright = upright.convert("RGB")
    return upright


def _save(image: Image.Image, kind: str, target: Path) -> None:
    # No exif=, xmp= or pnginfo= is passed: Pillow then writes no metadata at all. The ICC
    # profile stays (colours, not personal data).
    options: dict = {"icc_profile": image.info.get("icc_profile")} if image.info.get("icc_profile") else {}
    if kind == "JPEG":
        image = image.convert("RGB") if image.mode != "RGB" else image
        options.update(quality=82, optimize=True, progressive=True)
    elif kind == "WEBP":
        options.update(quality=80, method=4)
    else:
        options.update(optimize=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=target.suffix) as handle:
        image.save(handle, kind, **options)
    os.replace(handle.name, target)


def _write_atomically(path: Path, data: bytes) -> None:
    # Two builds may share a cache (serve and build): a half-written entry must never be read.
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)


def _from_meta(meta: dict, cache_dir: Path) -> ProcessedImage:
    variants = tuple(Variant(str(cache_dir / v["path"]), v["width"], v["height"], v["size"]) for v in meta["variants"])
    if not all(os.path.isfile(v.path) for v in variants):
        raise KeyError("missing variant")
    return ProcessedImage(variants, meta["extension"])


def published_name(path: str, processed: ProcessedImage, width: int | None = None) -> str:
    """Where a copy is published, beside the original's name: ``anh.jpg``, ``anh-480w.jpg``; HEIC becomes ``.jpg``.

    >>> published_name("2024/anh.heic", ProcessedImage((Variant("x", 480, 320, 1),), ".jpg"), 480)
    '2024/anh-480w.jpg'
    """
    stem, extension = os.path.splitext(path)
    extension = extension if extension.lower() not in (".heic", ".heif") else processed.extension
    return f"{stem}-{width}w{extension}" if width else f"{stem}{extension}"


# --- pages --------------------------------------------------------------------------------

_IMG = re.compile(r"<img\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
SIZES = "(max-width: 60em) 100vw, 800px"
"""The width a photo takes in a post: the whole screen on a phone, the text column on a computer."""


@dataclass(frozen=True)
class Published:
    """A processed photo as the site serves it: the main copy's URL and each copy's file name and width."""

    processed: ProcessedImage
    names: tuple[tuple[str, int], ...]
    """(published file name, width) of each copy, narrowest first."""


def responsive(html: str, page_url: str, published: dict[str, Published]) -> tuple[str, tuple[str, ...]]:
    """``html`` (already sanitized) with each known photo given ``srcset``, ``sizes``, its size and lazy loading.

    ``published`` maps the site URL of a main copy (``bai-viet/tep/2024/anh.jpg``) to its copies.
    Returns the new HTML and the ``src`` of every image without alt text (screen readers read nothing).
    """
    folder = posixpath.dirname(page_url)
    no_alt: list[str] = []
    count = 0

    def rewrite(match: re.Match) -> str:
        nonlocal count
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        src = attributes.get("src", "")
        if not attributes.get("alt", "").strip():
            no_alt.append(src)
        count += 1
        if count > 1:
            attributes.setdefault("loading", "lazy")
        entry = published.get(posixpath.normpath(posixpath.join(folder, src))) if src and "://" not in src else None
        if entry is not None:
            base = src.rsplit("/", 1)[0] + "/" if "/" in src else ""
            main = entry.processed.main
            attributes.update(width=str(main.width), height=str(main.height), decoding="async")
            if len(entry.names) > 1:
                attributes["srcset"] = ", ".join(f"{base}{quote(name)} {width}w" for name, width in entry.names)
                attributes["sizes"] = SIZES
        return "<img " + " ".join(f'{name}="{value}"' for name, value in attributes.items()) + ">"

    return _IMG.sub(rewrite, html), tuple(no_alt)
