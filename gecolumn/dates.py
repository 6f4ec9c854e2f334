"""Local dates: the forms staff type, the site's time zone, and what "today" is.

Everything is in Asia/Ho_Chi_Minh. A quarter is computed from the local date as written,
never after a conversion to UTC (``2024-04-01 06:00`` is in Q2 even though it is still
31 March in UTC).
"""

from __future__ import annotations

import datetime
import enum
import functools
import os
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?$"
)
_DAY_FIRST = re.compile(
    r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:\s+(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
)


def parse_post_date(text: str) -> datetime.datetime:
    """Read a post's date as staff write it, in local time.

    Accepts ``2024-03-08``, ``2024-03-08 07:30``, ISO 8601 with an offset, and the
    day-first ``08/03/2024`` (optionally ``08/03/2024 07:30``). A date with no time is
    taken as midnight local time. Raises ``ValueError`` for anything else, including
    days that do not exist (``31/02/2024``).

    >>> parse_post_date("08/03/2024 07:30").isoformat()
    '2024-03-08T07:30:00+07:00'
    """
    text = text.strip()
    match = _ISO.match(text) or _DAY_FIRST.match(text)
    if not match:
        raise ValueError(f"not a date: {text!r}")
    parts = match.groupdict()
    moment = datetime.datetime(
        int(parts["y"]),
        int(parts["m"]),
        int(parts["d"]),
        int(parts["H"] or 0),
        int(parts["M"] or 0),
        int(parts["S"] or 0),
    )
    offset = parts.get("tz")
    if offset:
        # An explicit offset is a real instant: show it in local time so the date a
        # reader sees matches the quarter it is counted in.
        aware = datetime.datetime.fromisoformat(f"{moment.isoformat()}{'+00:00' if offset == 'Z' else offset}")
        try:
            return aware.astimezone(LOCAL_TZ)
        except OverflowError:  # 9999-12-31T23:59-05:00 is already year 10000 in Hanoi
            raise ValueError(f"out of the calendar in local time: {text!r}") from None
    return moment.replace(tzinfo=LOCAL_TZ)


class TodaySource(enum.Enum):
    """Where the date a column is judged on came from; messages name it so it can be fixed."""

    OPTION = "--today"
    """Given on the command line."""

    EPOCH = "SOURCE_DATE_EPOCH"
    """The environment variable reproducible builds set (seconds since 1970, UTC)."""

    CLOCK = "clock"
    """Now, on this computer's clock, in Asia/Ho_Chi_Minh."""

    SETTING = "extra.column.as_of"
    """The day a column pins in ``mkdocs.yml`` (the demo does), when no option or variable is given."""


@dataclass(frozen=True)
class Today:
    """The date coverage is judged on, and where it came from."""

    date: datetime.date
    source: TodaySource
    given: str = ""
    """The text the date was read from: the option's or the variable's value."""


class BadToday(ValueError):
    """``--today`` or ``SOURCE_DATE_EPOCH`` does not name a day; says which, and its value."""

    def __init__(self, source: TodaySource, given: str):
        self.source, self.given = source, given
        expected = "YYYY-MM-DD" if source is TodaySource.OPTION else "whole, non-negative seconds since 1970-01-01 UTC"
        super().__init__(f"{source.value}={given!r} is not a date: expected {expected}")


_EPOCH = re.compile(r"[0-9]+")  # ASCII digits only: int() would also take '1_000' and '١٢٣'


def find_today(given: str | None = None, environ: dict | None = None) -> Today:
    """The date coverage is judged on: ``given`` (YYYY-MM-DD), else ``SOURCE_DATE_EPOCH``, else now.

    ``SOURCE_DATE_EPOCH`` makes a build reproducible; the date is taken in local time.
    Raises :class:`BadToday` when ``given`` or the variable is malformed, negative or out
    of the calendar.

    >>> find_today(None, {"SOURCE_DATE_EPOCH": "1711908000"})
    Today(date=datetime.date(2024, 4, 1), source=<TodaySource.EPOCH: 'SOURCE_DATE_EPOCH'>, given='1711908000')
    """
    environ = os.environ if environ is None else environ
    if given:
        try:
            return Today(datetime.date.fromisoformat(given.strip()), TodaySource.OPTION, given)
        except ValueError:
            raise BadToday(TodaySource.OPTION, given) from None
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not _EPOCH.fullmatch(epoch):
            raise BadToday(TodaySource.EPOCH, epoch)
        try:
            return Today(datetime.datetime.fromtimestamp(int(epoch), LOCAL_TZ).date(), TodaySource.EPOCH, epoch)
        except (OverflowError, OSError, ValueError):  # past year 9999, or past what the C library takes
            raise BadToday(TodaySource.EPOCH, epoch) from None
    return Today(datetime.datetime.now(LOCAL_TZ).date(), TodaySource.CLOCK)


def pinned(today: Today, as_of: datetime.date | None) -> Today:
    """``today``, or the column's ``as_of`` day when today only came from the clock."""
    if as_of is None or today.source is not TodaySource.CLOCK:
        return today
    return Today(as_of, TodaySource.SETTING, as_of.isoformat())


@functools.lru_cache(maxsize=4096)  # Babel's formatter is slow; a column has few distinct days
def long_vietnamese(day: datetime.date) -> str:
    """``Thứ Sáu, ngày 8 tháng 3 năm 2024``: how a reader of the column sees a date."""
    from babel.dates import format_date  # the site's pages need it; the CI check never shows a long date

    return format_date(day, "EEEE, 'ngày' d 'tháng' M 'năm' y", locale="vi")


def short_vietnamese(day: datetime.date) -> str:
    """``08/03/2024``: how staff write a date, and how every message and report shows one.

    >>> short_vietnamese(datetime.date(2024, 3, 8))
    '08/03/2024'
    """
    return day.strftime("%d/%m/%Y")
