"""The district view: which schools owe which quarter, across columns published anywhere.

A district office (Phòng GD&ĐT) keeps a roster of its schools and where each publishes its
column; the monitor reads each school's best source and judges its due quarters like the
column's own check, plus *unknown* where a feed cannot tell. One module per step:

1. **read** — :mod:`gecolumn.district.roster` checks the roster (CSV as Excel saves it).
2. **fetch** — :mod:`gecolumn.district.fetch` fetches politely: timeouts, size limit,
   retries, a few schools per host at once, proxies, an on-disk cache of ETag / Last-Modified
   and of where each school's source was found.
3. **find the source** — :mod:`gecolumn.district.sources` takes ``theo-doi.json``, else an
   RSS/Atom feed (feedparser), else a built site's folder, into :class:`Evidence`.
4. **remember** — :mod:`gecolumn.district.ledger` keeps every post and span ever seen
   (``so-theo-doi.jsonl``), since a feed forgets its old items.
5. **judge** — :mod:`gecolumn.district.judge` judges every school's quarters on everything
   ever seen, all schools at once; ``gecolumn/commands/district.py`` prints and writes the results.

Entry points: :func:`read_roster`, :class:`Fetcher`, :func:`monitor`.
"""

from gecolumn.district.fetch import Fetcher, Unreadable
from gecolumn.district.judge import DistrictResult, SchoolResult, SchoolStatus, judge_quarters, monitor
from gecolumn.district.ledger import LEDGER_FILE, Ledger
from gecolumn.district.roster import Roster, School, read_roster
from gecolumn.district.sources import Evidence, SourceKind, find_evidence

__all__ = [
    "DistrictResult",
    "Evidence",
    "Fetcher",
    "LEDGER_FILE",
    "Ledger",
    "Roster",
    "School",
    "SchoolResult",
    "SchoolStatus",
    "SourceKind",
    "Unreadable",
    "find_evidence",
    "judge_quarters",
    "monitor",
    "read_roster",
]
