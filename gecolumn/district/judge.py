"""The district's verdict: every school's due quarters judged from what its source proves, all schools at once.

A quarter is due from the school's first quarter (``--from``, its ``since`` if later, else
the roster's first ``since``) up to ``--to`` or the current quarter. As in the column's own
check (they share :func:`gecolumn.coverage.judge`), the current quarter is never missing; unlike
it, a quarter can be **unknown**: a feed that holds only the latest items says nothing about the
quarters before its oldest one.

    >>> cells = judge_quarters(Evidence(SourceKind.RSS, "f", {Quarter(2024, 3): 1}, Quarter(2024, 3)),
    ...                        Quarter(2024, 2), Quarter(2024, 4), datetime.date(2024, 11, 22))
    >>> [(str(c.quarter), c.status.value) for c in cells]
    [('2024-Q2', 'unknown'), ('2024-Q3', 'ok'), ('2024-Q4', 'in_progress')]

With the district's ledger (:mod:`gecolumn.district.ledger`), the verdict uses everything
ever seen: a post counts after it has left the feed, and a quarter an earlier reading held
whole stays proven.
"""

from __future__ import annotations

import datetime
import enum
import queue
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from gecolumn.check import ExitCode
from gecolumn.coverage import Status, judge
from gecolumn.district.fetch import Fetcher, Unreadable
from gecolumn.district.ledger import History, Ledger
from gecolumn.district.roster import Roster, School
from gecolumn.district.sources import Evidence, SourceKind, find_evidence
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter


class SchoolStatus(enum.Enum):
    """One school at a glance: the worst of its quarters, or why it could not be judged."""

    OK = "ok"
    """Every due quarter is covered (the current one may still be in progress)."""
    MISSING = "missing"
    """At least one due quarter is proven missing."""
    UNKNOWN = "unknown"
    """Nothing proven missing, but some quarters cannot be told from its feed."""
    UNREACHABLE = "unreachable"
    """Its source could not be read; see its problem."""


@dataclass(frozen=True)
class QuarterCell:
    """One due quarter of one school."""

    quarter: Quarter
    posts: int | None
    """Posts seen in the quarter; ``None`` when unknown."""
    status: Status


@dataclass(frozen=True)
class SchoolResult:
    """One school: its source, its due quarters, and the problem that kept it from being read (then its quarters are the ledger's)."""

    school: School
    first: Quarter
    evidence: Evidence | None
    cells: tuple[QuarterCell, ...]
    problem: Problem | None = None

    @property
    def status(self) -> SchoolStatus:
        if self.problem is not None:
            return SchoolStatus.UNREACHABLE
        if self.missing:
            return SchoolStatus.MISSING
        if self.unknown:
            return SchoolStatus.UNKNOWN
        return SchoolStatus.OK

    @property
    def missing(self) -> tuple[QuarterCell, ...]:
        return tuple(cell for cell in self.cells if cell.status is Status.MISSING)

    @property
    def unknown(self) -> tuple[QuarterCell, ...]:
        return tuple(cell for cell in self.cells if cell.status is Status.UNKNOWN)

    @property
    def posts(self) -> int:
        return sum(cell.posts or 0 for cell in self.cells)

    def cell(self, quarter: Quarter) -> QuarterCell | None:
        return next((cell for cell in self.cells if cell.quarter == quarter), None)


@dataclass(frozen=True)
class QuarterTotal:
    """One quarter across the district: schools due, and how many are covered, missing, unknown, in progress.

    A school that could not be read counts as unknown for each quarter due for it, but for those its ledger proved.
    """

    quarter: Quarter
    due: int
    ok: int
    missing: int
    unknown: int
    in_progress: int

    @property
    def percent(self) -> float | None:
        """Schools with a post, in per cent of the schools due; ``None`` when none is due."""
        return 100 * self.ok / self.due if self.due else None


@dataclass(frozen=True)
class DistrictResult:
    """Every school of the roster on one day, in roster order."""

    today: datetime.date
    last: Quarter
    schools: tuple[SchoolResult, ...]

    @property
    def quarters(self) -> tuple[Quarter, ...]:
        """Every quarter due for some school, in order: the columns of the district's tables."""
        due = {cell.quarter for result in self.schools for cell in result.cells}
        return tuple(sorted(due))

    @property
    def unreachable(self) -> tuple[SchoolResult, ...]:
        return tuple(result for result in self.schools if result.problem is not None)

    @property
    def totals(self) -> tuple[QuarterTotal, ...]:
        """Each quarter of :attr:`quarters` across the district: the seeds' "100% of schools" line."""
        totals = []
        for quarter in self.quarters:
            states = []
            for result in self.schools:
                cell = result.cell(quarter)
                if cell is not None:
                    states.append(cell.status)
                elif result.problem is not None and result.first <= quarter <= self.last:
                    states.append(Status.UNKNOWN)  # due, but its source could not be read
            count = {status: states.count(status) for status in Status}
            totals.append(
                QuarterTotal(
                    quarter,
                    len(states),
                    count[Status.OK],
                    count[Status.MISSING],
                    count[Status.UNKNOWN],
                    count[Status.IN_PROGRESS],
                )
            )
        return tuple(totals)

    @property
    def exit_code(self) -> ExitCode:
        """0 every due quarter proven covered; 1 a quarter missing or a school unread; 3 else, some quarter unproven."""
        if any(r.status in (SchoolStatus.MISSING, SchoolStatus.UNREACHABLE) for r in self.schools):
            return ExitCode.MISSING
        if any(r.status is SchoolStatus.UNKNOWN for r in self.schools):
            return ExitCode.UNPROVEN
        return ExitCode.OK


def judge_quarters(
    evidence: Evidence | None, first: Quarter, last: Quarter, today: datetime.date, history: History | None = None
) -> tuple[QuarterCell, ...]:
    """Each quarter from ``first`` to ``last`` (never past today's) as ``evidence`` shows it, by the column's own rule.

    With ``history`` (the ledger's record of the school), a quarter counts every post ever
    seen in it, and one an earlier reading held whole is proven as well as one this source
    reaches back to. Without ``evidence`` (the school could not be read today), the
    history alone is judged: what it proved stands, the rest is unknown; without either, nothing.
    """
    if history is None or not (history.posts or history.spans):
        if evidence is None:
            return ()
        judged = judge(evidence.counts, (first, last), today, evidence.known_from)
        return tuple(QuarterCell(cell.quarter, cell.count, cell.status) for cell in judged)
    counts = dict(evidence.counts) if evidence else {}
    # Each post once (one identity in the ledger and the source), in the quarter of the date its source gives today.
    for quarter, count in history.counts(today, evidence.posts if evidence else ()).items():
        counts[quarter] = max(counts.get(quarter, 0), count)
    cells = []
    for cell in judge(counts, (first, last), today, None):
        reached = evidence is not None and (evidence.known_from is None or cell.quarter >= evidence.known_from)
        proven = reached or history.proves(cell.quarter)
        if cell.status is Status.MISSING and not proven:
            cells.append(QuarterCell(cell.quarter, None, Status.UNKNOWN))
        else:
            cells.append(QuarterCell(cell.quarter, cell.count, cell.status))
    return tuple(cells)


def first_due(school: School, roster: Roster, given: Quarter | None) -> Quarter | None:
    """The school's first due quarter: ``--from`` (its ``since`` if later), else its ``since``, else the roster's first."""
    if given is not None:
        return max(given, school.since) if school.since else given
    return school.since or roster.first_quarter


def monitor(
    roster: Roster,
    fetcher: Fetcher,
    today: datetime.date,
    first: Quarter | None = None,
    last: Quarter | None = None,
    jobs: int = 16,
    progress: Callable[[int, int, list[str]], None] | None = None,
    ledger: Ledger | None = None,
) -> DistrictResult:
    """Judge every school of ``roster`` concurrently; a school that cannot be read never stops the others.

    ``first`` is ``--from`` (see :func:`first_due`; the caller makes sure every school has
    one), ``last`` is ``--to`` (default: the current quarter). ``progress(done, total, waiting)``
    is told at least once a second, ``waiting`` the units still being read, longest first. With
    a ``ledger``, each school is judged on everything ever seen of it, and what was read today
    is added to it (in roster order, so the file's new lines do not depend on which school
    answered first); the caller saves it.

    Schools are started so that no worker waits for a server: at most the fetcher's
    ``per_host`` schools of one server are being read at once, the others of that server wait
    in a queue of their own, and a hung portal serving many schools holds that many workers,
    never all of them. Schools that were slow last run (:meth:`Fetcher.was_slow`; a stuck server
    holds its school for the whole deadline) start first, on workers of their own (at most
    ``jobs`` more: a worker waiting on a socket costs no CPU), so their deadlines run beside the
    others' work instead of after it or in its place. Results stay in roster order whatever
    order they were read in.
    """
    last = min(last or Quarter.of(today), Quarter.of(today))
    results: dict[int, SchoolResult] = {}

    reading: dict[int, tuple[float, str]] = {}  # schools started and not done: since when, unit
    lock = threading.Lock()

    def one(index: int, school: School) -> None:
        started = time.monotonic()
        with lock:
            reading[index] = (started, school.unit)
        try:
            result = judged(school)
            if school.folder is None:
                timed_out = result.problem is not None and result.problem.code.value == "source_timeout"
                fetcher.took(school.url, time.monotonic() - started, timed_out)
            finished.put((index, result))
        except BaseException as exc:  # told to the main thread, which raises it
            finished.put((index, exc))
        finally:
            with lock:
                reading.pop(index, None)

    def judged(school: School) -> SchoolResult:
        start = first_due(school, roster, first)
        if start is None:
            raise ValueError(f"no first quarter for {school.unit}")
        evidence, problem = None, None
        try:
            evidence = find_evidence(school, fetcher, today, start)
        except Unreadable as exc:
            problem = exc.as_problem(school.url, school.unit)
        except Exception as exc:  # a bug reading one school's document must not lose the others
            params = {"kind": type(exc).__name__, "detail": str(exc)[:200]}
            problem = Problem(school.url, "internal_error", field=school.unit, params=params)
        # A school not read today keeps what the ledger proved of it; it is still unreadable (exit 1).
        history = ledger.history(school.unit) if ledger is not None else None
        return SchoolResult(school, start, evidence, judge_quarters(evidence, start, last, today, history), problem)

    finished: queue.Queue[tuple[int, SchoolResult | BaseException]] = queue.Queue()
    schools = roster.schools
    servers = [fetcher.host(school.url) if school.folder is None else None for school in schools]
    reading_on: Counter = Counter()  # schools being read (or queued for a worker) per server
    later: defaultdict[object, deque[int]] = defaultdict(deque)  # per server, the schools waiting for one of its places
    slow = [i for i, school in enumerate(schools) if servers[i] is not None and fetcher.was_slow(school.url)]
    jobs = max(1, jobs)
    with ThreadPoolExecutor(max_workers=jobs + min(len(slow), jobs), thread_name_prefix="district") as pool:

        def start(index: int) -> None:
            server = servers[index]
            if server is not None and reading_on[server] >= fetcher.per_host:
                later[server].append(index)
                return
            reading_on[server] += 1
            pool.submit(one, index, schools[index])

        chosen = set(slow)
        for index in [*slow, *(i for i in range(len(schools)) if i not in chosen)]:
            start(index)
        total = len(schools)
        while len(results) < total:
            # A tick a second even when nothing finishes: the progress line names who is still awaited.
            # (One queue, not concurrent.futures.wait: that walks every pending future each time.)
            try:
                index, result = finished.get(timeout=1.0)
            except queue.Empty:
                pass
            else:
                if isinstance(result, BaseException):
                    raise result
                results[index] = result
                reading_on[servers[index]] -= 1
                if later[servers[index]]:
                    start(later[servers[index]].popleft())
            if progress is not None:
                with lock:
                    waiting = [unit for _, unit in sorted(reading.values())]
                progress(len(results), total, waiting)
    ordered = tuple(results[index] for index in range(len(schools)))
    if ledger is not None:
        for result in ordered:
            if result.evidence is not None:
                ledger.record(result.school.unit, result.evidence, today)
    return DistrictResult(today, last, ordered)


__all__ = [
    "DistrictResult",
    "QuarterCell",
    "QuarterTotal",
    "SchoolResult",
    "SchoolStatus",
    "SourceKind",
    "first_due",
    "judge_quarters",
    "monitor",
]
