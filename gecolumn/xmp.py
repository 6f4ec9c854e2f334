"""XMP packets read as XML, the way every viewer reads them, never matched with a pattern.

An XMP packet is RDF/XML: the same GPS position can be written as an attribute
(``exif:GPSLatitude="21,1.5N"``), as an element, in CDATA, split by a comment, in UTF-16, or
under another vendor's name (DJI's ``drone-dji:GpsLatitude``). :func:`xmp_facts` parses the
packet with lxml, refusing a DTD and never resolving an entity or reaching the network, and
looks at the local name of every element and attribute, whatever its namespace and case.

A packet that cannot be parsed is not taken as clean: it says :data:`UNREADABLE`, since a
viewer more lenient than this parser may still find a position in it.

    >>> sorted(xmp_facts(b'<x:xmpmeta xmlns:x="adobe:ns:meta/" xmlns:d="http://www.dji.com/drone-dji/1.0/" '
    ...                  b'd:GpsLatitude="21.02"/>'))
    ['location']
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

LOCATION = "location"
SERIAL = "serial"
UNREADABLE = "xmp"
"""The packet could not be read as XML (or declares a DTD): what it holds is unknown."""

_PREFIXES = (b"http://ns.adobe.com/xap/1.0/\0",)
_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*\?>")
_LOCATION_WORDS = ("latitude", "longitude", "longtitude", "position", "coordinate", "areainformation")
"""Words that make a ``GPS…`` name a position (DJI writes ``GpsLongtitude``)."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True, remove_pis=True
    )


def xmp_facts(data: bytes) -> set[str]:
    """What an XMP packet carries: ``location``, ``serial``, or :data:`UNREADABLE` when it is not well-formed XML."""
    text = _decoded(data)
    if text is None:
        return {UNREADABLE}
    try:
        root = etree.fromstring(text.encode("utf-8"), _parser())
    except (etree.XMLSyntaxError, ValueError):
        return {UNREADABLE}
    if root.getroottree().docinfo.internalDTD is not None or root.getroottree().docinfo.doctype:
        return {UNREADABLE}  # an entity could spell a position this reader would not expand
    found: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        _judge_name(element.tag, "".join(element.itertext()), found)
        for name, value in element.attrib.items():
            _judge_name(name, value, found)
    return found


def text_facts(data: bytes) -> set[str]:
    """What free text (a PNG comment, a JPEG ``COM``) carries: read as XMP when it is XML, else word by word."""
    text = _decoded(data)
    if text is not None and text.startswith("<"):
        found = xmp_facts(data)
        if UNREADABLE not in found:
            return found
    flat = re.sub(rb"[^a-z0-9]", b"", data.lower().replace(b"\0", b""))
    found = set()
    if any(b"gps" + word.encode() in flat for word in _LOCATION_WORDS[:3]):
        found.add(LOCATION)
    if b"serialnumber" in flat:
        found.add(SERIAL)
    return found


def _judge_name(name: str, value: str, found: set[str]) -> None:
    local = name.rpartition("}")[2].rpartition(":")[2].casefold()
    if not value.strip():
        return
    if local.startswith("gps") and any(word in local for word in _LOCATION_WORDS):
        found.add(LOCATION)
    elif local.endswith("serialnumber"):
        found.add(SERIAL)


def _decoded(data: bytes) -> str | None:
    """The packet as text, its encoding taken from its BOM or first bytes; ``None`` when it is not text in it."""
    for prefix in _PREFIXES:
        if data.startswith(prefix):
            data = data[len(prefix) :]
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data[:2] == b"<\0":
        encoding = "utf-16-le"
    elif data[:2] == b"\0<":
        encoding = "utf-16-be"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    # Padding (spaces, NULs) after the packet is usual; the declaration names an encoding already applied.
    text = text.lstrip("\ufeff \t\r\n\0").rstrip(" \t\r\n\0")
    return _DECLARATION.sub("", text, count=1).lstrip() if text.startswith("<?xml") else text
