"""The codes of everything a column can report: one per kind of finding, made from :mod:`gecolumn.catalogue`.

A :class:`~gecolumn.problems.Problem` carries one of these codes. Each code is one entry of
the catalogue, with when it happens and its Vietnamese and English texts; the staff guide
(``docs/huong-dan.md``) explains every one. Tests hold the three together: a code without a
text or an explanation, or an explanation of no code, fails.

>>> Code.NOT_UTF8.value, Code("missing_quarter").name
('not_utf8', 'MISSING_QUARTER')
>>> Code.NOT_UTF8.__doc__
'The file is in an old encoding (TCVN3, VNI, Windows-1258), not UTF-8.'
"""

from __future__ import annotations

import enum

from gecolumn.catalogue import CATALOGUE

Code = enum.StrEnum("Code", [(code.upper(), code) for code in CATALOGUE], module=__name__, qualname="Code")
Code.__doc__ = "What a finding is about. Values are the stable names shown in JSON and CI output."
for _member in Code:
    _member.__doc__ = CATALOGUE[_member.value].when  # as a docstring per value would, for help() and the docs
del _member
