"""Local dates: the forms staff type, the site's time zone, and what "today" is.

Everything is in Asia/Ho_Chi_Minh. A quarter is computed from the local date as written,
never after a conversion to UTC (``2024-04-01 06:00`` is in Q2 even though it is still
31 March in UTC).
"""

from __future__ import annotations

import datetime
import functools
import os
import re
from zoneinfo import ZoneInfo

from babel.dates import format_date

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
        return aware.astimezone(LOCAL_TZ)
    return moment.replace(tzinfo=LOCAL_TZ)


def resolve_today(given: str | None = None, environ: dict | None = None) -> datetime.date:
    """The date coverage is judged on: ``given`` (YYYY-MM-DD), else ``SOURCE_DATE_EPOCH``, else now.

    ``SOURCE_DATE_EPOCH`` makes a build reproducible; the date is taken in local time.
    Raises ``ValueError`` when ``given`` or the variable is malformed.
    """
    environ = os.environ if environ is None else environ
    if given:
        return datetime.date.fromisoformat(given.strip())
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), LOCAL_TZ).date()
    return datetime.datetime.now(LOCAL_TZ).date()


@functools.lru_cache(maxsize=4096)  # Babel's formatter is slow; a column has few distinct days
def long_vietnamese(day: datetime.date) -> str:
    """``Thứ Sáu, ngày 8 tháng 3 năm 2024``: how a reader of the column sees a date."""
    return format_date(day, "EEEE, 'ngày' d 'tháng' M 'năm' y", locale="vi")


def short_vietnamese(day: datetime.date) -> str:
    """``08/03/2024``."""
    return day.strftime("%d/%m/%Y")
