"""Share cards: the 1200×630 picture a link to the column shows on Zalo and Facebook when a post has no cover.

A card carries the post's title in Vietnamese, the school's name and, when the column has a
raster logo, its emblem. It is drawn with Pillow and the font the package ships
(``fonts/NotoSans-Bold.ttf``, Noto Sans under the OFL, every Vietnamese letter drawn), so a
build downloads nothing. A character the font has no glyph for (an emoji) is left out of the
picture rather than drawn as a box; the page's ``og:title`` still carries it. Cards are kept in
the photo cache (:class:`gecolumn.images.PhotoCache`), keyed by what they show: a rebuild
draws only the cards whose title, school or emblem changed.

    >>> cache = PhotoCache(Path(".cache/gecolumn-images"))
    >>> made = share_card("Bình đẳng giới trong trường học", "Trường THCS Bảo Khê", None, cache)
    >>> (made.main.width, made.main.height)
    (1200, 630)
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import unicodedata
from pathlib import Path

import resvg_py
from lxml import etree
from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from gecolumn.images import PhotoCache, ProcessedImage

SIZE = (1200, 630)
"""What Facebook and Zalo show at full width (1.91:1)."""
FONT = Path(__file__).resolve().parent / "fonts" / "NotoSans-Bold.ttf"
"""Noto Sans Bold, cut to Latin and Vietnamese (``fonts/README.md`` says how); its licence is ``fonts/OFL.txt``."""
EMBLEM_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
"""What a raster emblem may be opened as; an SVG logo is drawn by resvg first (:func:`svg_emblem`)."""
_EMBLEM_SIDE = 120
MAX_EMBLEM_BYTES = 5_000_000
_VERSION = "2"  # bump when the drawing changes: the cache key includes it
_BACKGROUND = (26, 35, 126)  # Material's indigo 900: white text on it is 14:1
_BAND = (255, 193, 7)  # amber, the column's accent
_WHITE = 239
"""The palette index of white: indices 0 to 239 blend the background into white, as the text's edges do."""
_MUTED = 200
"""The index the school's name is drawn in: a light blue-grey between the two."""
_EMBLEM = 240
"""The first of the 14 palette indices the emblem's colours take."""
_BAND_INDEX = 255
_MARGIN = 72
_TITLE_SIZES = (72, 64, 56, 48, 42)
_TITLE_LINES = 4


@functools.cache
def font(size: int) -> ImageFont.FreeTypeFont:
    """The card font at ``size`` pixels."""
    return ImageFont.truetype(str(FONT), size)


@functools.cache
def _missing_glyph() -> bytes:
    # What the font draws for a character it lacks (.notdef): a private-use character has none.
    return bytes(font(48).getmask("\ue000"))


@functools.lru_cache(maxsize=4096)
def has_glyph(character: str) -> bool:
    """Whether the card font draws ``character`` as itself: a space, or a glyph other than the missing-glyph box.

    >>> has_glyph("ự"), has_glyph("Đ"), has_glyph("😀")
    (True, True, False)
    """
    if character.isspace():
        return True
    mask = font(48).getmask(character)
    return mask.getbbox() is not None and bytes(mask) != _missing_glyph()


def drawable(text: str) -> str:
    """``text`` composed (NFC: one glyph per letter with its marks), without the characters the font cannot draw.

    >>> drawable("Ngày hội 😀 Đoàn")
    'Ngày hội Đoàn'
    """
    kept = "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c)[0] != "C" and has_glyph(c))
    return " ".join(kept.split())


def _lines(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` pixels, between words (a word too long is cut)."""
    lines: list[str] = []
    for word in text.split():
        while face.getlength(word) > width:  # a word wider than the card: cut where it fits
            cut = len(word) - 1
            while cut > 1 and face.getlength(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _title_lines(title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose lines fit in :data:`_TITLE_LINES`; at the smallest, the rest ends in "…"."""
    for size in _TITLE_SIZES:
        face = font(size)
        lines = _lines(title, face, width)
        if len(lines) <= _TITLE_LINES:
            return face, lines
    lines = lines[:_TITLE_LINES]
    last = lines[-1]
    while last and face.getlength(last + " …") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last + " …"
    return face, lines


def _svg_parser() -> etree.XMLParser:
    # encoding: the text is read as UTF-8 whatever it declares, as resvg reads it (a UTF-7
    # declaration once made lxml see a comment where resvg saw an <image>).
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, encoding="utf-8")


_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(?:px)?\s*")
_MAX_ASPECT = 4
"""An emblem is about square: one side at most four times the other (resvg draws 120 px wide)."""


def _aspect(root) -> float | None:
    """Width over height of an SVG (its viewBox, else width and height in px), or ``None`` when unreadable or flat."""
    box = root.get("viewBox")
    if box is not None:
        parts = box.replace(",", " ").split()
        sides = parts[2:4] if len(parts) == 4 else []
    else:
        sides = [root.get("width", "100"), root.get("height", "100")]
    try:
        width, height = (float(_LENGTH.fullmatch(side)[1]) for side in sides)
    except (TypeError, ValueError):  # no match (a unit, a percentage), or not two sides
        return None
    return width / height if width > 0 and height > 0 else None


def svg_emblem(data: bytes) -> bytes | None:
    """An SVG logo drawn as a PNG by resvg, or ``None`` when it is no SVG or reaches outside itself.

    resvg reads an ``<image href="…">`` from the disk (an absolute path, or one relative to the
    working folder): a logo naming ``/etc/…`` or a CI secret's file would put it on every card.
    So the logo is read as UTF-8 (as resvg reads it) and parsed first (no DTD, no entities), and
    refused if any ``href`` is more than a reference inside the file (``#id``) or inline data
    (``data:``), or if it is far from square (a 1 × 1,000,000 logo drawn 120 px wide is 57 GB).
    resvg never sees system fonts, only the card's own, so a card is the same on every computer.

    >>> svg_emblem(b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')[:4]
    b'\\x89PNG'
    >>> svg_emblem(b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/hostname" width="9" height="9"/></svg>') is None
    True
    >>> svg_emblem(b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1000000"/>') is None
    True
    """
    try:
        text = data.decode("utf-8")
        root = etree.fromstring(text.encode("utf-8"), _svg_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None or etree.QName(root).localname != "svg" or root.getroottree().docinfo.doctype:
        return None
    aspect = _aspect(root)
    if aspect is None or not 1 / _MAX_ASPECT <= aspect <= _MAX_ASPECT:
        return None
    for element in root.iter():
        for name, value in element.attrib.items():
            if etree.QName(name).localname == "href" and not value.strip().startswith(("#", "data:")):
                return None
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=text, width=_EMBLEM_SIDE, skip_system_fonts=True, font_files=[str(FONT)]))
    except ValueError:
        return None


def open_emblem(data: bytes | None) -> Image.Image | None:
    """The column's logo as a picture to draw, or ``None`` (no logo, an SVG that reaches outside itself, or no image)."""
    if not data or len(data) > MAX_EMBLEM_BYTES:
        return None
    if data.lstrip()[:1] == b"<":  # SVG (an XML declaration, a comment or <svg>): drawn as PNG first
        data = svg_emblem(data)
        if data is None:
            return None
    try:
        with Image.open(io.BytesIO(data), formats=EMBLEM_FORMATS) as opened:
            if opened.width * opened.height > 25_000_000:
                return None
            emblem = opened.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
        return None
    emblem.thumbnail((_EMBLEM_SIDE, _EMBLEM_SIDE), Image.LANCZOS)
    return emblem


def draw(title: str, school: str, emblem: Image.Image | None = None) -> Image.Image:
    """The card, as a palette image: the school (with its emblem) on top, the title below, a band of the column's colour at the bottom.

    Text is drawn as coverage (0 to :data:`_WHITE`) on a grey image that the palette then
    colours, so the card is a palette PNG without a costly colour reduction of a full picture.
    """
    card = Image.new("L", SIZE, 0)
    pen = ImageDraw.Draw(card)
    width = SIZE[0] - 2 * _MARGIN
    top = _MARGIN
    school_face = font(34)
    school_left = _MARGIN
    palette = [
        round(b + (w - b) * i / _WHITE) for i in range(_WHITE + 1) for b, w in zip(_BACKGROUND, (255, 255, 255), strict=True)
    ]
    if emblem is not None:
        flat = Image.new("RGB", emblem.size, _BACKGROUND)
        flat.paste(emblem, mask=emblem)
        few = flat.quantize(colors=_BAND_INDEX - _EMBLEM - 1, method=Image.Quantize.FASTOCTREE)
        colours = few.getpalette()[: 3 * (_BAND_INDEX - _EMBLEM - 1)]
        card.paste(Image.frombytes("L", few.size, few.tobytes()).point(lambda index: index + _EMBLEM), (_MARGIN, top))
        palette += colours
        school_left += emblem.width + 28
        school_top = top + (emblem.height - 34) // 2 - 6
        top += max(emblem.height, 48) + 36
    else:
        school_top = top
        top += 48 + 36
    school_lines = _lines(drawable(school), school_face, SIZE[0] - _MARGIN - school_left) or [""]
    pen.text((school_left, school_top), school_lines[0], font=school_face, fill=_MUTED)
    face, lines = _title_lines(drawable(title), width)
    step = round(face.size * 1.3)
    for number, line in enumerate(lines):
        pen.text((_MARGIN, top + number * step), line, font=face, fill=_WHITE)
    pen.rectangle((0, SIZE[1] - 24, SIZE[0], SIZE[1]), fill=_BAND_INDEX)
    palette += [0] * (3 * _BAND_INDEX - len(palette)) + list(_BAND)
    card.putpalette(palette)
    return card


def card_key(title: str, school: str, emblem: bytes | None) -> str:
    """The cache key of a card: a hash of everything it shows and of how it is drawn."""
    digest = hashlib.sha256(_VERSION.encode())
    for part in (title, school):
        digest.update(b"\x00" + unicodedata.normalize("NFC", part).encode("utf-8"))
    digest.update(b"\x00" + hashlib.sha256(emblem or b"").digest())
    return digest.hexdigest()[:32]


def share_card(title: str, school: str, emblem: bytes | None, cache: PhotoCache) -> ProcessedImage:
    """The card for ``title``, drawn now or taken from ``cache`` (a palette PNG: text stays sharp, the file small)."""
    key = card_key(title, school, emblem)
    found = cache.load(key)
    if found is not None:
        return found
    card = draw(title, school, open_emblem(emblem))
    buffer = io.BytesIO()
    card.save(buffer, "PNG", compress_level=3)  # 6 takes twice the time for a file a sixth smaller
    return cache.store(key, "PNG", [(card, buffer.getvalue())])
