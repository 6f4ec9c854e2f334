"""Photos as a column publishes them: upright, without metadata, at most 1600 px wide, in phone sizes too.

Phone photos are 4–12 MB, often stored sideways with an EXIF orientation, and carry EXIF
that can hold the GPS position of a school and photos of children. Every image the site
publishes, wherever it sits (``posts/``, ``docs/``) and whatever its name, comes through
here: it is opened only as one of :data:`OPENED_FORMATS`, decided from its bytes (a
PostScript file named ``anh.jpg`` never reaches Ghostscript), rotated by its orientation,
converted to sRGB, then re-encoded without EXIF, XMP, IPTC, comments or ICC profile, at most
:data:`MAX_WIDTH` wide, plus narrower copies (:data:`WIDTHS`) that ``srcset`` offers a phone.
The original is never touched.

Work is cached by content hash in a folder outside ``site/`` (:class:`PhotoCache`): a
rebuild with unchanged photos re-encodes nothing. Every byte of that folder is untrusted,
since anyone can commit one: no path is ever read from it, and an entry is reused only when
its message authentication code, made with a key kept outside the repository, vouches for
the exact bytes of each copy.

    >>> cache = PhotoCache(Path(".cache/gecolumn-images"))
    >>> processed = process_image(Path("posts/2024/anh.jpg"), cache)
    >>> [(v.width, v.height) for v in processed.variants]
    [(480, 320), (960, 640), (1600, 1067)]
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import posixpath
import re
import secrets
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

from gecolumn.files import read_regular, write_atomically
from gecolumn.problems import Refusal

try:  # HEIC from iPhones, where the well-kept decoder is installed (it is pinned in requirements.lock)
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIC = True
except ImportError:  # pragma: no cover - the pinned install has it
    HEIC = False

MAX_WIDTH = 1600
WIDTHS = (480, 960)
"""Narrower copies for phones, below :data:`MAX_WIDTH`."""
EAGER_WITHIN = 1000
"""Characters of body HTML (about one paragraph) within which a post's first photo may be on a
phone's first screen, so loads at once. A photo further down loads lazily: fetched eagerly it
shares slow mobile data with the text a reader sees first (Lighthouse on a post whose photo
closes it: largest contentful paint 3.3 s eager, 1.5 s lazy)."""
MAX_PIXELS = 40_000_000
"""More than any phone photo a column needs (40 megapixels): surely a mistake, refused."""
MAX_FRAMES = 300
"""Frames of an animated GIF; past this it is a video, not a picture for a post."""
OPENED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "AVIF", "HEIF")
"""The only formats Pillow may open an author's file as (PostScript, for one, would run Ghostscript)."""
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".heic", ".heif"})
"""Names of files that must be an image of :data:`OPENED_FORMATS`, or are refused."""
_OUTPUT = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "GIF", "AVIF": "WEBP", "HEIF": "JPEG"}
"""What each opened format is published as: browsers' formats as they are, AVIF as WebP, HEIC as JPEG."""
_EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
_EXTENSIONS_OF = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",), "GIF": (".gif",)}
_VERSION = "3"  # bump when the processing changes: the cache key includes it
_MAGIC = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
    (b"%!PS", "PostScript"),
    (b"\xc5\xd0\xd3\xc6", "PostScript"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"8BPS", "PSD"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
SNIFF_BYTES = 32
"""How many first bytes :func:`sniff` reads (an ISO file lists its compatible brands there)."""


def sniff(head: bytes) -> str | None:
    """The image format the first bytes of a file say it is, whatever its name; ``None`` when not an image.

    >>> sniff(b"\\xff\\xd8\\xff\\xe0"), sniff(b"%!PS-Adobe-3.0"), sniff(b"%PDF-1.7")
    ('JPEG', 'PostScript', None)
    """
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":  # the major brand, then the compatible ones (a HEIC may say mif1 first)
        brands = [head[8:12]] + [head[i : i + 4] for i in range(16, min(len(head), 32), 4)]
        if any(brand in _AVIF_BRANDS for brand in brands):
            return "AVIF"
        if any(brand in _HEIF_BRANDS for brand in brands):
            return "HEIF"
        return None  # MP4, M4A, MOV: a recording
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def is_image(name: str, head: bytes) -> bool:
    """Whether a file goes through this pipeline: named like an image, or an image whatever its name."""
    return os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES or sniff(head) is not None


class ImageRefused(Refusal):
    """A file that cannot be published as an image: not one, another format, truncated, or too large."""


@dataclass(frozen=True)
class Variant:
    """One published copy of a photo."""

    path: str
    """The processed file, in the cache, verified when it was found there."""
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


class PhotoCache:
    """The folder of processed copies, whose every byte is untrusted.

    Entries are named by a hash of the photo's bytes, which anyone can compute, so a
    committed or restored entry could say anything. Here no name or path is ever read from
    an entry (copies are named ``<key>-<width><ext>`` by this code); an entry carries an
    HMAC over its key and the SHA-256 of each copy, made with :func:`machine_key`, and is
    reused only when the MAC and every copy's bytes match. Anything else is made again.
    """

    def __init__(self, folder: Path, key: bytes | None = None, temporary: bool = False):
        self.folder = folder
        self.temporary = temporary
        """Made for one build (the column's own could not be trusted): removed when it ends."""
        self._key = key if key is not None else machine_key()

    def discard(self) -> None:
        """Remove a temporary cache; the column's own stays for the next build."""
        if self.temporary:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _mac(self, *parts: str) -> str:
        return hmac.new(self._key, "\x00".join(parts).encode(), hashlib.sha256).hexdigest()

    def variant_path(self, key: str, width: int, kind: str) -> Path:
        return self.folder / f"{key}-{int(width)}{_EXTENSION[kind]}"

    def remembered_key(self, record: str) -> str | None:
        """The content key remembered for a file's identity ``record``, if its MAC holds."""
        text = read_regular(self.folder / "seen" / record, 200)
        if text is None:
            return None
        key, _, mac = text.decode("ascii", "replace").strip().partition(" ")
        return key if _is_key(key) and hmac.compare_digest(mac, self._mac("seen", record, key)) else None

    def remember_key(self, record: str, key: str) -> None:
        (self.folder / "seen").mkdir(parents=True, exist_ok=True)
        write_atomically(self.folder / "seen" / record, f"{key} {self._mac('seen', record, key)}".encode("ascii"))

    def load(self, key: str) -> ProcessedImage | None:
        """The entry for ``key`` if every byte of it is vouched for; else ``None`` (it is made again)."""
        raw = read_regular(self.folder / f"{key}.json", 64_000)
        try:
            meta = json.loads(raw) if raw is not None else None
            kind, rows, mac = meta["kind"], meta["variants"], meta["mac"]
            if kind not in _EXTENSION or not isinstance(rows, list) or not 0 < len(rows) <= len(WIDTHS) + 1:
                return None
            shapes = [(int(r["width"]), int(r["height"]), int(r["size"]), str(r["sha256"])) for r in rows]
        except (ValueError, TypeError, KeyError):
            return None
        if not isinstance(mac, str) or not hmac.compare_digest(mac, self._mac("entry", key, kind, json.dumps(shapes))):
            return None
        variants = []
        for width, height, size, digest in shapes:
            path = self.variant_path(key, width, kind)
            data = read_regular(path, size)
            if data is None or len(data) != size or hashlib.sha256(data).hexdigest() != digest:
                return None
            variants.append(Variant(str(path), width, height, size))
        return ProcessedImage(tuple(variants), _EXTENSION[kind])

    def store(self, key: str, kind: str, made: list[tuple[Image.Image, bytes]]) -> ProcessedImage:
        """Write the encoded copies of a photo and the entry vouching for them."""
        self.folder.mkdir(parents=True, exist_ok=True)
        variants, shapes = [], []
        for image, data in made:
            path = self.variant_path(key, image.width, kind)
            write_atomically(path, data)
            variants.append(Variant(str(path), image.width, image.height, len(data)))
            shapes.append((image.width, image.height, len(data), hashlib.sha256(data).hexdigest()))
        rows = [dict(zip(("width", "height", "size", "sha256"), shape, strict=True)) for shape in shapes]
        meta = {"kind": kind, "variants": rows, "mac": self._mac("entry", key, kind, json.dumps(shapes))}
        write_atomically(self.folder / f"{key}.json", json.dumps(meta).encode())
        return ProcessedImage(tuple(variants), _EXTENSION[kind])


CACHE_FOLDER = ".cache/gecolumn-images"
"""Where a column keeps its processed photos, beside ``mkdocs.yml`` (its ``.gitignore`` leaves it out)."""


def open_cache(root: Path) -> tuple[PhotoCache, str | None]:
    """The column's photo cache, or a temporary one and the code saying why the column's cannot be used.

    A cache folder that is, or passes through, a symlink would have the build write where
    the link points (``symlink_refused``); one that git tracks was committed, so anyone may
    have written it (``image_cache_tracked``). Either way the build still makes every photo.
    """
    folder = root / CACHE_FOLDER
    reason = None
    if any(path.is_symlink() or (path.exists() and not path.is_dir()) for path in (folder.parent, folder, folder / "seen")):
        reason = "symlink_refused"
    elif _tracked_by_git(root, CACHE_FOLDER):
        reason = "image_cache_tracked"
    if reason is None:
        return PhotoCache(folder), None
    return PhotoCache(Path(tempfile.mkdtemp(prefix="gecolumn-images-")), temporary=True), reason


def _tracked_by_git(root: Path, relative: str) -> bool:
    git = shutil.which("git")
    if git is None:  # no git, no repository to have committed it to
        return False
    try:
        listed = subprocess.run([git, "-C", str(root), "ls-files", "-z", "--", relative], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return listed.returncode == 0 and bool(listed.stdout)


def machine_key() -> bytes:
    """The key that vouches for cache entries: random, kept in the user's cache folder, never in a repository.

    A fresh CI machine has none, so there a committed or restored cache is never trusted.
    Where the folder cannot be written, a key for this process alone is used (nothing is reused).
    """
    base = os.environ.get("LOCALAPPDATA") if os.name == "nt" else os.environ.get("XDG_CACHE_HOME")
    path = Path(base or Path.home() / ".cache") / "gecolumn" / "photo-cache.key"
    key = read_regular(path, 64)
    if key is not None and len(key) == 32:
        return key
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key)
    except FileExistsError:  # another build made it a moment ago
        existing = read_regular(path, 64)
        return existing if existing is not None and len(existing) == 32 else key
    except OSError:
        pass
    return key


def _is_key(text: str) -> bool:
    return len(text) == 32 and all(c in "0123456789abcdef" for c in text)


def process_image(source: Path, cache: PhotoCache) -> ProcessedImage:
    """The published copies of ``source``, made now or taken from ``cache``; raises :class:`ImageRefused`."""
    status = source.stat()
    record = hashlib.sha256(
        f"{source.resolve()}|{status.st_size}|{status.st_mtime_ns}|{status.st_ctime_ns}|{status.st_ino}".encode()
    ).hexdigest()[:32]
    key = cache.remembered_key(record)
    if key is not None and (found := cache.load(key)) is not None:
        return found
    data = source.read_bytes()
    key = hashlib.sha256(data + _VERSION.encode()).hexdigest()[:32]
    found = cache.load(key)
    if found is None:
        kind, copies = _encode(data)
        found = cache.store(key, kind, copies)
    cache.remember_key(record, key)
    return found


def _encode(data: bytes) -> tuple[str, list[tuple[Image.Image, bytes]]]:
    """The photo's published format and its copies, narrowest first, each with its encoded bytes."""
    try:
        with Image.open(io.BytesIO(data), formats=OPENED_FORMATS) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise ImageRefused("image_too_large", pixels=f"{opened.width}×{opened.height}", limit="40")
            kind = _OUTPUT[opened.format]
            if kind == "GIF" and getattr(opened, "n_frames", 1) > 1:
                return kind, [_animation(opened)]
            # A JPEG can be decoded at 1/2, 1/4, 1/8 scale: a 12 MP photo then costs a fraction.
            if opened.format in ("JPEG", "MPO"):
                opened.draft("RGB", (MAX_WIDTH, MAX_WIDTH))
            profile = opened.info.get("icc_profile")
            image = ImageOps.exif_transpose(opened)
            image.load()
    except ImageRefused:
        raise
    except UnidentifiedImageError:
        found = sniff(data[:SNIFF_BYTES])
        raise ImageRefused("image_unreadable", problem="other_format" if found else "not_image", found=found or "?") from None
    except Image.DecompressionBombError:
        raise ImageRefused("image_unreadable", problem="bomb") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # truncated or corrupt data
        raise ImageRefused("image_unreadable", problem=str(exc)[:120]) from None
    if image.mode not in ("RGB", "RGBA", "L", "LA", "P", "CMYK"):
        image = image.convert("RGB")
    if image.width > MAX_WIDTH:  # first, so the colour conversion works on 2 megapixels, not 12
        image = image.resize((MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)), Image.LANCZOS)
    image = _in_srgb(image, profile)
    if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGB")
    widths = (*[w for w in WIDTHS if w < image.width], image.width)
    copies = []
    for width in widths:
        copy = image if width == image.width else image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
        copies.append((copy, _save(copy, kind)))
    return kind, copies


def _in_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """The pixels converted from their ICC profile to sRGB, the profile dropped: it can carry any text (its description).

    sRGB is what a browser assumes of an image without a profile, so the colours stay as the
    profile meant them. A profile littlecms cannot read, or one for another colour model than
    the pixels', is dropped alone: the pixels are then shown as they are.
    """
    image.info.pop("icc_profile", None)
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=output)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    converted.info.pop("icc_profile", None)
    return converted


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _animation(opened: Image.Image) -> tuple[Image.Image, bytes]:
    """An animated GIF re-encoded frame by frame (its comment and XMP left behind), at most :data:`MAX_WIDTH` wide."""
    frames, durations = [], []
    for number, frame in enumerate(ImageSequence.Iterator(opened)):
        if number >= MAX_FRAMES or (number + 1) * opened.width * opened.height > MAX_PIXELS * 4:
            raise ImageRefused("image_too_large", pixels=f"{opened.width}×{opened.height}×{number + 1}", limit="40")
        copy = frame.convert("RGBA")
        copy.info = {}  # Pillow writes a frame's comment and XMP back out from here
        if copy.width > MAX_WIDTH:
            copy = copy.resize((MAX_WIDTH, round(copy.height * MAX_WIDTH / copy.width)), Image.LANCZOS)
        frames.append(copy)
        durations.append(frame.info.get("duration", 100))
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=durations, loop=opened.info.get("loop", 0))
    return frames[0], buffer.getvalue()


def _save(image: Image.Image, kind: str) -> bytes:
    # Pillow writes what image.info holds (a JPEG comment, an ICC profile) and what is passed as
    # exif=, xmp=, icc_profile= or pnginfo=: info is emptied and none is passed, so no metadata
    # is written. The pixels are already in sRGB (_in_srgb), which needs no profile.
    image.info = {}
    options: dict = {}
    if kind == "JPEG":
        image = image.convert("RGB") if image.mode != "RGB" else image
        options.update(quality=82, optimize=True, progressive=True)
    elif kind == "WEBP":
        options.update(quality=80, method=4)
    else:
        options.update(optimize=True)
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def published_name(path: str, processed: ProcessedImage, width: int | None = None) -> str:
    """Where a copy is published, beside the original's name, with the extension of what it now is.

    ``anh.jpg`` stays ``anh.jpg`` (``anh-480w.jpg`` for a phone copy); ``anh.heic`` and a
    JPEG named ``anh.gif`` become ``anh.jpg``.

    >>> published_name("2024/anh.heic", ProcessedImage((Variant("x", 480, 320, 1),), ".jpg"), 480)
    '2024/anh-480w.jpg'
    """
    stem, extension = os.path.splitext(path)
    kind = next(kind for kind, suffix in _EXTENSION.items() if suffix == processed.extension)
    extension = extension if extension.lower() in _EXTENSIONS_OF[kind] else processed.extension
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
        if count > 1 or match.start() > EAGER_WITHIN:
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
