"""A post file as bytes → its header (safe YAML, bounded) and where its body starts; the body on demand.

Files are read the way staff save them on Windows: UTF-8 with or without a BOM, Notepad's
UTF-16, CRLF or LF line ends, NFC or NFD, with invisible characters pasted from Word. The
header is found between the first two ``---`` lines (python-frontmatter's boundary) and
parsed by libyaml with every scalar kept as text; anchors, aliases, explicit tags and deep
nesting are refused before libyaml builds anything. The check needs only the header, so
the body is never decoded here: :func:`read_body` reads it when a page is rendered.

    >>> header = split_post("---\\ntitle: Bình đẳng\\n---\\n\\nNội dung.\\n".encode())
    >>> header.body_line, load_header(header.front)
    (5, {'title': 'Bình đẳng'})
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

from gecolumn.problems import Refusal

MAX_FRONT_MATTER = 16_384
"""Characters between the two ``---`` lines; a real header is a few hundred."""
MAX_NESTING = 8
"""Lists inside lists: a post header needs two levels at most."""

# python-frontmatter's YAML boundary (YAMLHandler.FM_BOUNDARY), on bytes and on text.
_BOUNDARY = re.compile(rb"^-{3,}\s*$", re.MULTILINE)
_TEXT_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)
# Invisible characters that text pasted from Word, Zalo or the web carries: C0 and C1
# controls (YAML and XML reject them), zero-width spaces and word joiners, and the bidi
# overrides that can make a title read differently from what it is.
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_TOP_LEVEL_KEY = re.compile(r"^([^\s#:'\"-][^:\n]*?)\s*:", re.MULTILINE)
# Only a header with one of these can hold an alias, an explicit tag or compact nesting;
# only such a header (or one with many brackets) pays for the event scan that bounds them.
_NEEDS_SCAN = re.compile(r"[&*!?]|-[ \t]+-")


class Refused(Refusal):
    """A header the column cannot take: no header, unclosed, not text, too large, or YAML it does not allow."""


@dataclass(frozen=True)
class Split:
    """Where a post's header is and where its body starts."""

    front: str
    """The header text from the end of the opening ``---`` (so it starts with a line end), cleaned."""
    first_line: int
    """File line of the opening ``---``: line 0 of ``front``."""
    body_line: int
    """File line where the body starts (blank lines after the header skipped)."""
    body_start: int
    """Byte offset of the body in the file as read (after BOM and line-end normalisation)."""


def split_post(raw: bytes) -> Split:
    """Find and clean a post's header; raises :class:`Refused` or ``UnicodeDecodeError``."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Notepad's "Unicode"
        raw = raw.decode("utf-16").encode("utf-8")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    leading = len(raw) - len(raw.lstrip(b"\n"))
    opening = _BOUNDARY.search(raw, leading)
    if opening is None or opening.start() != leading:
        raise Refused("no_front_matter", 1)
    closing = _BOUNDARY.search(raw, opening.end())
    if closing is None:
        raise Refused("unclosed_front_matter", leading + 1)
    if closing.start() - opening.end() > MAX_FRONT_MATTER * 4:
        raise Refused("front_matter_too_large", leading + 1, size=closing.start() - opening.end(), limit=MAX_FRONT_MATTER)
    front = clean(raw[opening.end() : closing.start()].decode("utf-8"))
    if len(front) > MAX_FRONT_MATTER:
        raise Refused("front_matter_too_large", leading + 1, size=len(front), limit=MAX_FRONT_MATTER)
    rest = raw[closing.end() : closing.end() + 4096]
    body_start = closing.end() + len(rest) - len(rest.lstrip(b"\n"))
    raw[body_start:].decode("utf-8")  # a body a page could not show is found now, not at build time
    return Split(front, leading + 1, raw.count(b"\n", 0, body_start) + 1, body_start)


def clean(text: str) -> str:
    """``text`` without invisible characters, NFC."""
    text = INVISIBLE.sub("", text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def read_body(path: str | os.PathLike) -> str:
    """The body of the post file at ``path``, cleaned like its header: what a page renders."""
    with open(path, "rb") as handle:
        raw = handle.read()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16")
    else:
        text = raw.decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    leading = len(text) - len(text.lstrip("\n"))
    boundaries = _TEXT_BOUNDARY.finditer(text, leading)
    next(boundaries, None)
    closing = next(boundaries, None)
    return clean(text[closing.end() :].lstrip("\n")) if closing else ""


_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class _HeaderLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """libyaml's parser and composer; the nodes are turned into values by :func:`_value`."""

    def resolve(self, kind, value, implicit):
        # Only null keeps its YAML meaning: booleans, numbers and timestamps stay the text
        # staff typed (``no``, ``010``, ``1:30``), and each field's own reader reads them.
        if kind is yaml.ScalarNode:
            return _NULL if implicit[0] and value in _NULLS else _STR
        return super().resolve(kind, value, implicit)


def load_header(front: str) -> Any:
    """The header's YAML, every scalar as text; raises :class:`Refused` (line relative to the header) or ``yaml.YAMLError``."""
    if _NEEDS_SCAN.search(front) or front.count("[") + front.count("{") > 3:
        _bound_structure(front)
    loader = _HeaderLoader(front)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    return _value(node) if node is not None else None


def _value(node: yaml.Node) -> Any:
    """A composed node as plain values. PyYAML's generic constructor costs more than the parse; a
    header has no tags, anchors or merge keys to honour (refused above), so this is all it needs.
    A repeated key is an error at its line, not a silent overwrite."""
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL else node.value
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise Refused("front_matter_not_mapping", key_node.start_mark.line)
        key = key_node.value
        if key in mapping:
            raise Refused("duplicate_field", key_node.start_mark.line, key=key)
        mapping[key] = _value(value_node)
    return mapping


def _bound_structure(front: str) -> None:
    """Refuse anchors, aliases, explicit tags and deep nesting before libyaml builds anything.

    A few hundred bytes of nested aliases expand to gigabytes, and libyaml composes nested
    lists recursively (25,000 ``[`` crash the interpreter). Events are read flat, so this
    pass costs neither.
    """
    depth = 0
    try:
        for event in yaml.parse(front, Loader=_HeaderLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise Refused("yaml_alias", event.start_mark.line)
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag and not _implicit(event):
                raise Refused("yaml_tag", event.start_mark.line, tag=event.tag)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    raise Refused("too_deep_nesting", event.start_mark.line, limit=MAX_NESTING)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the syntax error is reported by the real load, with its line


def _implicit(event) -> bool:
    implicit = event.implicit
    return any(implicit) if isinstance(implicit, tuple) else bool(implicit)


def key_lines(front: str, first_line: int) -> dict[str, int]:
    """Top-level key → file line, the first time each appears; one pass over the header."""
    lines: dict[str, int] = {}
    line, counted_to = first_line, 0
    for match in _TOP_LEVEL_KEY.finditer(front):
        line += front.count("\n", counted_to, match.start())
        counted_to = match.start()
        lines.setdefault(match.group(1), line)
    return lines
