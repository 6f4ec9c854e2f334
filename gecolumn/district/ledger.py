"""The district's ledger: every post the monitor has seen, and the span each reading proved, kept between runs.

A feed forgets: the post that proved Quý I has left it by Quý III. The ledger remembers, in
a JSON Lines file beside the roster (``so-theo-doi.jsonl``; ``--ledger FILE``), one record a
line, so a weekly commit of it reads as a short diff:

- ``{"kind": "post", "unit", "id", "url", "title", "date", "first_seen", "last_seen", "source"}``:
  one line per post of a school (its ``unit`` and ``id`` name it: the feed's own id, else
  its link and date, else its title and date, hashed when long; see
  :func:`~gecolumn.district.sources.post_identity`); seen again, only its ``last_seen`` (and
  a changed title or date) changes in place. A line written before ``id`` was kept is the
  post of its link (or title) and date, and gains its ``id`` when the post is seen again.
- ``{"kind": "span", "unit", "source", "from", "to", "read_at"}``: what one source proved
  for a school: every post from ``from`` (its oldest item, or further back where the source
  proves it; ``null``: from the beginning) up to the day it was read. ``to`` is its newest
  item. A reading that overlaps the school's last span of the same source extends it in
  place; one after a gap starts a new line (the gap proves nothing).

Lines are never removed (a hand-edited or corrupt one is kept as it is, and reported with
its line number each run, never stopping it), duplicates are merged, new lines go at the
end. A quarter is **proven** for a school when some span holds it whole (a quarter that
ended before the span's ``read_at``, from the quarter of its ``from`` on), and it counts
every post ever seen in it: a post still counts after it has left the feed, and a quarter
once proven empty stays missing unless a post dated in it turns up later.

    >>> ledger = Ledger.empty(Path("so-theo-doi.jsonl"))
    >>> post = SeenPost("https://x.edu.vn/?p=1", "Ngày 8/3", datetime.datetime(2024, 3, 8, 9, tzinfo=LOCAL_TZ))
    >>> ledger.record("th-a", Evidence(SourceKind.RSS, "https://x.edu.vn/feed/", {}, Quarter(2024, 1), (post,)), datetime.date(2024, 5, 2))
    >>> history = ledger.history("th-a")
    >>> dict(history.counts(datetime.date(2024, 9, 1))), history.proves(Quarter(2024, 1)), history.proves(Quarter(2024, 2))
    ({Quarter(year=2024, number=1): 1}, True, False)
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from gecolumn.dates import LOCAL_TZ
from gecolumn.district.sources import MAX_IDENTITY, Evidence, SeenPost, SourceKind, post_identity  # noqa: F401 (the doctest's names)
from gecolumn.files import open_regular, write_atomically
from gecolumn.problems import Problem, Severity, megabytes
from gecolumn.quarters import Quarter

LEDGER_FILE = "so-theo-doi.jsonl"
"""The ledger's name beside the roster when ``--ledger`` names none."""
MAX_BYTES = 64 * 1024 * 1024
"""About 200,000 posts (a post line is about 300 bytes with its id): a province's 3,000 schools posting monthly for five years."""
MAX_LINE = 8 * 1024
"""A record is a few hundred bytes; a longer line is not one the monitor wrote."""
MAX_TITLE = 300
MAX_URL = 2000
MAX_POSTS_PER_QUARTER = 10
"""Posts kept per school and quarter: one proves the quarter, the others only fill its count,
and a school whose feed is its whole site's news would otherwise fill the ledger each week."""


@dataclass(frozen=True, slots=True)
class LedgerPost:
    """One post of one school, as the ledger keeps it."""

    unit: str
    id: str
    """The post's identity (:func:`~gecolumn.district.sources.post_identity`); on a line written before it was kept, that of its link (or title) and date."""
    url: str
    title: str
    date: datetime.datetime
    """Aware; its quarter is that of its local (+07:00) date."""
    first_seen: datetime.date
    last_seen: datetime.date
    source: str

    @property
    def key(self) -> tuple:
        """What makes two lines the same post: the school and the post's identity."""
        return ("post", self.unit, self.id)

    @property
    def quarter(self) -> Quarter:
        return Quarter.of(self.date.astimezone(LOCAL_TZ).date())

    def record(self) -> dict:
        return {
            "kind": "post",
            "unit": self.unit,
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "date": self.date.isoformat(),
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """What one source proved for one school: every post from ``start`` (``None``: all) to the day it was read."""

    unit: str
    source: str
    start: datetime.date | None
    end: datetime.date | None
    """The newest item's date; ``None`` when the source showed none."""
    read_at: datetime.date

    @property
    def key(self) -> tuple:
        return ("span", self.unit, self.source, self.start, self.read_at)

    def proves(self, quarter: Quarter) -> bool:
        """Whether the span holds ``quarter`` whole: ended when it was read, and not before its start's quarter."""
        return quarter < Quarter.of(self.read_at) and (self.start is None or Quarter.of(self.start) <= quarter)

    def record(self) -> dict:
        return {
            "kind": "span",
            "unit": self.unit,
            "source": self.source,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "read_at": self.read_at.isoformat(),
        }


@dataclass(frozen=True)
class History:
    """Everything the ledger knows of one school."""

    posts: tuple[LedgerPost, ...] = ()
    spans: tuple[Span, ...] = ()

    def counts(self, today: datetime.date, seen: Iterable[SeenPost] = ()) -> Counter[Quarter]:
        """Posts ever seen per quarter, those dated on or before ``today``: the ledger's and ``seen`` (a source's today), each once.

        A post in both counts in the quarter of the date its source gives today.
        """
        days = {post.id: post.date.astimezone(LOCAL_TZ).date() for post in self.posts}
        for post in seen:
            if post.identity not in days:
                days.pop(_former_identity(post), None)  # its line, written before the source's id was kept
            days[post.identity] = post.published.astimezone(LOCAL_TZ).date()
        return Counter(Quarter.of(day) for day in days.values() if day <= today)

    def proves(self, quarter: Quarter) -> bool:
        """Whether some reading held ``quarter`` whole, so no post seen in it proves it had none."""
        return any(span.proves(quarter) for span in self.spans)


class Ledger:
    """The ledger file's lines, in order: records read or added, and lines kept as they are (not records)."""

    def __init__(self, path: Path, lines: list, problems: list[Problem], writable: bool = True, raw: dict | None = None):
        self.path = path
        self._lines = lines  # LedgerPost | Span | bytes (a line kept as written)
        self._raw: dict[int, bytes] = raw or {}  # a record's line as read, written back as it was while unchanged
        self.problems = problems
        self.writable = writable
        self._index: dict[tuple, int] = {}
        self._by_unit: dict[str, list[int]] = {}  # a province's ledger holds 100,000s of lines: never scan it per school
        self._last_span: dict[tuple, int] = {}
        self._per_quarter: Counter[tuple[str, Quarter]] = Counter()
        for number, line in enumerate(lines):
            if not isinstance(line, bytes):
                self._index[line.key] = number
                self._by_unit.setdefault(line.unit, []).append(number)
            if isinstance(line, Span):
                self._last_span[(line.unit, line.source)] = number
            elif isinstance(line, LedgerPost):
                self._per_quarter[(line.unit, line.quarter)] += 1

    @classmethod
    def empty(cls, path: Path) -> Ledger:
        return cls(path, [], [])

    @classmethod
    def read(cls, path: Path) -> Ledger:
        """The ledger at ``path`` (none yet: empty); never raises for what is in it."""
        shown_path = str(path)
        try:
            with open_regular(path) as handle:
                if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                    params = {"limit": megabytes(MAX_BYTES)}
                    return cls(path, [], [_warning(shown_path, "ledger_too_large", None, params)], writable=False)
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return cls.empty(path)
        except OSError as exc:
            params = {"problem": exc.strerror or str(exc)}
            return cls(path, [], [_warning(shown_path, "ledger_unreadable", None, params)], writable=False)
        lines: list = []
        raw_lines: dict[int, bytes] = {}
        problems: list[Problem] = []
        seen: dict[tuple, int] = {}
        # Split on newlines only: a title may hold U+2028 or a form feed, which str.splitlines breaks at.
        for number, raw in enumerate(data.split(b"\n"), start=1):
            if not raw.strip():
                continue
            try:
                entry = _parse(raw)
            except _BadLine as bad:
                problems.append(
                    _warning(shown_path, "ledger_bad_line", number, {"detail": bad.detail, "key": bad.key, "ledger": path.name})
                )
                lines.append(raw)  # its bytes as they are, whatever they are
                continue
            if entry.key in seen:  # a line copied twice (a merge, a hand edit): one record
                at = seen[entry.key]
                lines[at] = _merged(lines[at], entry)
                raw_lines.pop(at, None)
                continue
            seen[entry.key] = len(lines)
            raw_lines[len(lines)] = raw
            lines.append(entry)
        return cls(path, lines, problems, raw=raw_lines)

    def history(self, unit: str) -> History:
        """Every post and span of ``unit``."""
        lines = [self._lines[number] for number in self._by_unit.get(unit, ())]
        return History(
            tuple(line for line in lines if isinstance(line, LedgerPost)), tuple(line for line in lines if isinstance(line, Span))
        )

    def record(self, unit: str, evidence: Evidence, read_at: datetime.date) -> None:
        """Add what ``evidence`` showed of ``unit`` on ``read_at``: its posts, and the span it proves."""
        source = _fitted(evidence.location, MAX_URL)
        for seen in evidence.posts:
            title = _fitted(" ".join(seen.title.split()), MAX_TITLE)
            post = LedgerPost(unit, seen.identity, _fitted(seen.url, MAX_URL), title, seen.published, read_at, read_at, source)
            at = self._index.get(post.key)
            if at is None:  # a line written before the source's id was kept names it by its link (or title) and date
                at = self._index.get(("post", unit, _former_identity(seen)))
            if at is not None or self._per_quarter[(unit, post.quarter)] < MAX_POSTS_PER_QUARTER:
                self._put(post, at)
        days = sorted(post.published.astimezone(LOCAL_TZ).date() for post in evidence.posts)
        start = _start(evidence.known_from, days[0] if days else None)
        if start is not None and Quarter.of(start) >= Quarter.of(read_at) and not days:
            return  # proves no ended quarter and shows no post: nothing to remember
        span = Span(unit, _fitted(evidence.location, MAX_URL), start, days[-1] if days else None, read_at)
        last = self._last_span.get((span.unit, span.source))
        if last is not None:
            before = self._lines[last]
            # Readings that overlap (this one reaches back to the day the last was read) prove one unbroken span.
            if span.start is None or span.start <= before.read_at:
                self._replace(last, _merged(before, span))
                return
        if span.key not in self._index:
            self._last_span[(span.unit, span.source)] = len(self._lines)
        self._put(span)

    def _put(self, entry: LedgerPost | Span, at: int | None = None) -> None:
        """Add ``entry``, or merge it into the line ``at`` (by default the line of its key)."""
        at = self._index.get(entry.key) if at is None else at
        if at is None:
            self._index[entry.key] = len(self._lines)
            self._by_unit.setdefault(entry.unit, []).append(len(self._lines))
            self._lines.append(entry)
            if isinstance(entry, LedgerPost):
                self._per_quarter[(entry.unit, entry.quarter)] += 1
            return
        before = self._lines[at]
        merged = _merged(before, entry)
        if merged.key != before.key:  # an old line gains its id
            del self._index[before.key]
            self._index[merged.key] = at
        if isinstance(merged, LedgerPost):
            self._per_quarter[(merged.unit, before.quarter)] -= 1
            self._per_quarter[(merged.unit, merged.quarter)] += 1
        self._replace(at, merged)

    def _replace(self, at: int, entry: LedgerPost | Span) -> None:
        if entry != self._lines[at]:
            self._lines[at] = entry
            self._raw.pop(at, None)

    def data(self) -> bytes:
        """The file's bytes: one line per record, keys in a fixed order; unchanged and unreadable lines as they were read."""
        out = []
        for number, line in enumerate(self._lines):
            if isinstance(line, bytes):
                out.append(line)
            else:
                out.append(self._raw.get(number) or json.dumps(line.record(), ensure_ascii=False).encode("utf-8"))
        return b"".join(line + b"\n" for line in out)

    def save(self) -> Problem | None:
        """Write the ledger at once (never half of it) when it changed; a problem when it cannot be written."""
        if not self.writable:
            return None
        data = self.data()
        try:
            with open_regular(self.path) as handle:
                if handle.read(len(data) + 1) == data:
                    return None
        except OSError:
            pass
        try:
            write_atomically(self.path, data)
        except OSError as exc:
            return _warning(str(self.path), "ledger_unwritable", None, {"problem": exc.strerror or str(exc)})
        return None


def _start(known_from: Quarter | None, oldest: datetime.date | None) -> datetime.date | None:
    """Where a reading's proof starts: the oldest item, or the first day of the quarter the source proves back to."""
    if known_from is None:
        return None
    if oldest is not None and Quarter.of(oldest) <= known_from:
        return oldest
    return known_from.first_day


def _merged(old, new):
    """One record from two lines about the same post, or two overlapping spans of one source."""
    if isinstance(old, LedgerPost):
        first, last = min(old.first_seen, new.first_seen), max(old.last_seen, new.last_seen)
        latest = new if new.last_seen >= old.last_seen else old  # the newest sighting's title and date
        return replace(latest, first_seen=first, last_seen=last)
    start = None if old.start is None or new.start is None else min(old.start, new.start)
    ends = [day for day in (old.end, new.end) if day is not None]
    return replace(old, start=start, end=max(ends) if ends else None, read_at=max(old.read_at, new.read_at))


class _BadLine(Exception):
    def __init__(self, detail: str, key: str = ""):
        super().__init__(detail)
        self.detail, self.key = detail, key


def _parse(raw: bytes) -> LedgerPost | Span:
    if len(raw) > MAX_LINE:
        raise _BadLine("too_long")
    try:
        entry = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _BadLine("not_json") from None
    if not isinstance(entry, dict) or entry.get("kind") not in ("post", "span"):
        raise _BadLine("not_record")
    if entry["kind"] == "post":
        url, title, date = _text(entry, "url", MAX_URL), _text(entry, "title", MAX_TITLE), _moment(entry, "date")
        return LedgerPost(
            unit=sys.intern(_text(entry, "unit", 100, empty=False)),  # shared by a school's lines: kept once
            # A line written before ids were kept named its post by its link (or title) and date.
            id=_text(entry, "id", MAX_IDENTITY, empty=False) if "id" in entry else post_identity("", url, title, date),
            url=url,
            title=title,
            date=date,
            first_seen=_day(entry, "first_seen"),
            last_seen=_day(entry, "last_seen"),
            source=sys.intern(_text(entry, "source", MAX_URL)),
        )
    return Span(
        unit=_text(entry, "unit", 100, empty=False),
        source=_text(entry, "source", MAX_URL),
        start=_day(entry, "from", optional=True),
        end=_day(entry, "to", optional=True),
        read_at=_day(entry, "read_at"),
    )


def _text(entry: dict, key: str, limit: int, empty: bool = True) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or len(value) > limit or (not empty and not value):
        raise _BadLine("bad_field", key)
    return value


def _day(entry: dict, key: str, optional: bool = False) -> datetime.date | None:
    value = entry.get(key)
    if value is None and optional:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _BadLine("bad_field", key) from None


def _moment(entry: dict, key: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(entry.get(key))
    except (TypeError, ValueError):
        raise _BadLine("bad_field", key) from None
    if moment.tzinfo is None:
        raise _BadLine("bad_field", key)
    return moment


def _former_identity(post: SeenPost) -> str:
    """How a line written before ids were kept names ``post``: its link (or title) and date, as the ledger wrote them."""
    return post_identity("", _fitted(post.url, MAX_URL), _fitted(" ".join(post.title.split()), MAX_TITLE), post.published)


def _warning(file: str, code: str, line: int | None, params: dict) -> Problem:
    return Problem(file, code, line=line, params=params, severity=Severity.WARNING)


__all__ = ["LEDGER_FILE", "History", "Ledger", "LedgerPost", "Span"]


def _fitted(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes as the ledger writes it (JSON, UTF-8), so every line it writes it can read back.

    Characters are not bytes: a URL of 2,000 four-byte letters once wrote a 9,314-byte line that
    the next run refused as too long (over :data:`MAX_LINE`) and wrote again, every week.

    >>> _fitted("𝕏" * 10, 8), _fitted('a"b', 2)  # a quote is two bytes in JSON
    ('𝕏𝕏', 'a')
    """
    if len(json.dumps(text, ensure_ascii=False).encode("utf-8")) - 2 <= limit:
        return text  # nearly always, in one call: measured a character at a time, every value cost most of a weekly recording
    used = 0
    for index, character in enumerate(text):
        used += len(json.dumps(character, ensure_ascii=False).encode("utf-8")) - 2
        if used > limit:
            return text[:index]
    return text
