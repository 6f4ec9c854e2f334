"""Messages rendered in Vietnamese (for staff) or English (for maintainers), from :mod:`gecolumn.catalogue`.

Every message says what is wrong and how to fix it; the file, line and field are shown
beside it by :func:`render_located`. The language is ``vi`` unless ``--lang en`` or an
English ``LANG`` asks otherwise.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from gecolumn.catalogue import CATALOGUE, PHRASES, WORDS
from gecolumn.catalogue.entry import Choice
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter

LANGUAGES = ("vi", "en")

MESSAGES: Mapping[str, Mapping[str, str]] = {code: {"vi": m.vi, "en": m.en} for code, m in CATALOGUE.items()}
"""Code → ``{"vi": …, "en": …}``: the catalogue's texts, as this module has always offered them."""

LABELS: Mapping[str, Mapping[str, str]] = {name: {"vi": w.vi, "en": w.en} for name, w in WORDS.items()}
"""Name → ``{"vi": …, "en": …}``: the words around the messages (:mod:`gecolumn.catalogue.words`)."""


def pick_language(requested: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``requested`` if given, else ``GECOLUMN_LANG``, else English when ``LANG``/``LC_ALL`` is English, else Vietnamese.

    ``GECOLUMN_LANG`` is how a command passes its ``--lang`` on to the build it runs.
    """
    if requested:
        return requested
    environ = os.environ if environ is None else environ
    if environ.get("GECOLUMN_LANG") in LANGUAGES:
        return environ["GECOLUMN_LANG"]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


MAX_SHOWN = 120
"""Characters of one value a message shows; a longer value is cut with ``…``."""

# A value read from a file is printed into terminals and CI logs: a line break in it could
# start a line of its own (a forged ``::error::`` in GitHub Actions), a bidi control could
# make the message read differently from what it says. Such characters are shown escaped.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(value: object, limit: int | None = MAX_SHOWN) -> object:
    r"""``value`` as a message may show it: control and bidi characters escaped, at most ``limit`` characters.

    Numbers and ``None`` are left as they are.

    >>> shown("x\n::error::forged\u202e")
    'x\\n::error::forged\\u202e'
    """
    if value is None or isinstance(value, (int, float)):
        return value
    text = _UNSHOWABLE.sub(lambda m: _ESCAPES.get(m[0]) or f"\\u{ord(m[0]):04x}", str(value))
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def render(code: str, params: Mapping, lang: str = "vi") -> str:
    """The message for ``code`` in ``lang``, filled with ``params``."""
    values = {name: shown(value) for name, value in params.items()}
    for name, phrase in PHRASES.items():
        raw = values.get(name)
        values[f"{name}_text"] = phrase.text(lang).format(raw) if raw else ""
    message = CATALOGUE[code]
    chosen = {placeholder: _chosen(choice, params, values, lang) for placeholder, choice in message.choices.items()}
    return message.text(lang).format_map(_Defaulting({**values, **chosen}))


def _chosen(choice: Choice, params: Mapping, values: Mapping, lang: str) -> str:
    """The words ``choice`` gives for its parameter's value (each of its values, joined), filled with ``values``."""
    raw = params.get(choice.param)
    keys = raw if isinstance(raw, (list, tuple)) else () if raw is None else (raw,)
    words = []
    for key in keys:
        option = choice.options.get(str(key))
        words.append(option[lang == "en"].format_map(_Defaulting(values)) if option else str(shown(key)))
    return choice.joiner.join(words)


def label(name: str, lang: str = "vi", /, **params: object) -> str:
    """Words around the messages (:mod:`gecolumn.catalogue.words`) in ``lang``, filled with ``params``."""
    return WORDS[name].text(lang).format(**params)


def quarter_name(quarter: Quarter, lang: str = "vi") -> str:
    """A quarter as staff write it (``Quý I/2024``), or ``2024-Q1`` in English."""
    return str(quarter) if lang == "en" else quarter.vietnamese


def render_problem(problem: Problem, lang: str = "vi") -> str:
    """The message of ``problem`` in ``lang``, without its location."""
    return render(problem.code, {"field": problem.field, **problem.params}, lang)


def render_located(problem: Problem, lang: str = "vi") -> str:
    """``file:line: KIND [field]: message``, as compilers and editors show it (no location for the whole column)."""
    where = problem.file + (f":{problem.line}" if problem.line else "")
    kind = label(f"severity_{problem.severity.value}", lang)
    field = f" [{problem.field}]" if problem.field else ""
    return f"{where + ': ' if where else ''}{kind}{field}: {render_problem(problem, lang)}"


class _Defaulting(dict):
    """Leaves an unknown ``{name}`` visible rather than crashing on a missing parameter."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
