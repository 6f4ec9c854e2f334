"""Python-Markdown with what made one post stall a build made linear: raw-HTML start tags, link brackets and addresses, table rows, fenced code, and two queues.

Python-Markdown answers three questions by scanning forward from every candidate, to the
end of the text when the answer is no: "does this ``<`` start a complete tag?" (the raw-HTML
preprocessor), "where is the ``]`` that closes this ``[``?" and "where does the address after
this ``](`` end?" (links and images). A post of ``<a <a <a …`` or ``[[[[…`` asks the question
at every character, so 32 KB took 18.6 s and the 1 MB a post may have would take hours.
:class:`LinearScans` answers them with the same result for every tag and link a post can
really hold, each in time that does not grow with what follows it:

- a start tag's attribute names and unquoted values end at a ``<`` (one never belongs in
  either), so the scan from a ``<`` stops at the next one outside quotes;
- the closing ``]`` of every ``[``, and where the address after every ``(`` ends, are found
  in one pass over the text and kept while the rest of the text is unchanged, instead of one
  scan per ``[`` or ``(``; an address is read within :data:`MAX_LINK_TARGET` characters;
- MkDocs' own scan of the raw HTML for anchors (the same quadratic parser) is given no text,
  and the anchors come from the linear extractor.

Two extensions MkDocs enables by default do the same: ``tables`` pairs the backticks of a row by
searching the rest of it (:class:`_LinearTableProcessor`), and ``fenced_code`` makes the text
anew for every code block and searches to its end from every fence that never closes
(:func:`fenced_code_blocks`); both are replaced by one pass with the same output.

Two queues Markdown takes the first item of with ``list.pop(0)``, moving all the others each
time, become queues that do not: the blocks its block parser still has to parse (a post of
many short paragraphs) and the elements its inline processor still has to visit (a post of
many links). What remains superlinear is inside one paragraph (the inline patterns rebuild
the paragraph's text at each match): :data:`gecolumn.posts.MAX_PARAGRAPH_CHARS` bounds it.

Only a ``<`` inside a tag's attribute list reads differently: it ends the tag (bogus HTML,
which the sanitizer would strip anyway); links and images read exactly as before, but for an
address longer than :data:`MAX_LINK_TARGET` characters, which stays text.

    >>> import markdown
    >>> markdown.markdown("[a [b]](x.md) <b>c</b> [[", extensions=[LinearScans()])
    '<p><a href="x.md">a [b]</a> <b>c</b> [[</p>'
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
import xml.etree.ElementTree as etree

from markdown import inlinepatterns, treeprocessors, util
from markdown.extensions import Extension
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.tables import TableProcessor
from markdown.htmlparser import HTMLExtractor
from markdown.preprocessors import HtmlBlockPreprocessor, Preprocessor

# Python-Markdown's own start-tag pattern (markdown/htmlparser.py, which already keeps a
# backtick out of names and bare values), with a `<` kept out of attribute names and bare
# values too: quoted values may still hold anything.
_START_TAG_END = re.compile(
    r"""
  <[a-zA-Z][^`<\t\n\r\f />\x00]*       # tag name: no "<"
  (?:[\s/]*                            # optional whitespace before attribute name
    (?:(?<=['"\s/])[^`<\s/>][^<\s/=>]*  # attribute name: no '<'
      (?:\s*=+\s*                      # value indicator
        (?:'[^']*'                     # LITA-enclosed value
          |"[^"]*"                     # LIT-enclosed value
          |(?!['"])[^`<>\s]*           # bare value: no '<'
         )
         (?:\s*,)*                     # possibly followed by a comma
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                  # trailing whitespace
""",
    re.VERBOSE,
)
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=/"


class _LinearHTMLExtractor(HTMLExtractor):
    """Markdown's raw-HTML extractor, whose scan for the end of a start tag stops at the next ``<`` outside quotes.

    It also collects what MkDocs' own scan of the raw HTML did (``mkdocs_raw_html``, which
    has the same quadratic scan): the anchors a link may point at.
    """

    def reset(self) -> None:
        super().reset()
        self.anchor_ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs) -> None:
        for name, value in attrs:
            if name == "id" or (name == "name" and tag == "a"):
                self.anchor_ids.add(value)
        super().handle_starttag(tag, attrs)

    def check_for_whole_start_tag(self, i: int) -> int:
        # The decisions are Python 3.11's html.parser (the version the column pins); only the
        # pattern differs. -1 means "not a tag here": Markdown then keeps the '<' as text.
        rawdata = self.rawdata
        j = _START_TAG_END.match(rawdata, i).end()
        following = rawdata[j : j + 1]
        if following == ">":
            return j + 1
        if following == "/":
            return j + 2 if rawdata.startswith("/>", j) else -1
        if following == "" or following in _LETTERS:
            return -1
        return j if j > i else i + 1

    def parse_starttag(self, i: int) -> int:
        # A '<' whose tag stops short of any '>' is text up to where it stops, as Markdown makes
        # it; said here, because Markdown would first read the tag's name again to the next space.
        rawdata = self.rawdata
        end = self.check_for_whole_start_tag(i)
        if end > i + 1 and ">" not in rawdata[i:end] and not rawdata.startswith("</>", i):
            self.handle_data(rawdata[i:end])
            return end
        return super().parse_starttag(i)


_MKDOCS_ANCHORS = "mkdocs_raw_html"
"""MkDocs' preprocessor that scans the raw HTML for anchors (mkdocs/structure/pages.py), priority 21."""


class _LinearHtmlBlockPreprocessor(HtmlBlockPreprocessor):
    def __init__(self, md) -> None:
        super().__init__(md)
        self.hidden: list[str] | None = None

    def run(self, lines: list[str]) -> list[str]:
        if self.hidden is not None:  # the text hidden from MkDocs' scan comes back here
            lines, self.hidden = self.hidden, None
        parser = _LinearHTMLExtractor(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        if _MKDOCS_ANCHORS in self.md.preprocessors:
            self.md.preprocessors[_MKDOCS_ANCHORS].present_anchor_ids = parser.anchor_ids
        return "".join(parser.cleandoc).split("\n")


class _HideFromMkDocsScan(Preprocessor):
    """Runs just before MkDocs' anchor scan and gives it no text: the linear extractor finds the anchors instead."""

    def __init__(self, md, html_block: _LinearHtmlBlockPreprocessor) -> None:
        super().__init__(md)
        self.html_block = html_block

    def run(self, lines: list[str]) -> list[str]:
        if _MKDOCS_ANCHORS not in self.md.preprocessors:
            return lines
        self.html_block.hidden = lines
        return []


_BRACKET = re.compile(r"[\[\]]")
_QUICK_BRACKETS = 32
"""Brackets looked at from a ``[`` before its text's map is made: a real link closes well within."""


class _TextMap:
    """A map of a text made in one pass, which stays right for any text ending as it does.

    Markdown asks about one paragraph's text at one place after another, and a link it makes
    replaces text before the next place it asks about, never after: the map stays right for
    the part not yet replaced, and is made again only for another text.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def still_fits(self, text: str, start: int) -> bool:
        """Whether ``text`` from ``start`` on is the end of the text this map was made of."""
        tail = len(text) - start
        return tail <= len(self.text) and self.text[len(self.text) - tail :] == text[start:]


class _ClosingBrackets(_TextMap):
    """Where the ``]`` closing each ``[`` of a text is, counted from the text's end."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        length, opened = len(text), []
        self.closing: dict[int, int] = {}
        for bracket in _BRACKET.finditer(text):
            if bracket.group() == "[":
                opened.append(length - bracket.start())
            elif opened:
                self.closing[opened.pop()] = length - bracket.start()


class _LinearBrackets:
    """Mixin for Markdown's link and image processors: ``getText`` without a scan per ``[``, ``getLink`` without one per ``(``."""

    _brackets: _ClosingBrackets | None = None
    _fits: str | None = None
    """The last text the map was found right for (Markdown asks about one text many times)."""
    _addresses: _LinkAddresses | None = None
    _addresses_fit: str | None = None

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        # A text with a map answers from it; otherwise Markdown's own rule (count [ and ])
        # answers a link that closes soon, and past that a map is made. An unclosed '['
        # answers ("", end, False): the callers read only the flag then.
        brackets = self._brackets
        if self._fits is not data:
            depth = 1
            for looked, bracket in enumerate(_BRACKET.finditer(data, index)):
                if looked == _QUICK_BRACKETS:
                    break
                depth += 1 if bracket.group() == "[" else -1
                if depth == 0:
                    return data[index : bracket.start()], bracket.end(), True
            else:
                return "", len(data), False
            if brackets is None or not brackets.still_fits(data, index - 1):
                self._brackets = brackets = _ClosingBrackets(data)
            self._fits = data
        close = brackets.closing.get(len(data) - index + 1)
        if close is None:
            return "", len(data), False
        end = len(data) - close
        return data[index:end], end + 1, True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        # Markdown reads an address character by character from every "](" until its ")":
        # a paragraph of "![a](<" read MAX_LINK_TARGET characters per "(". Here a sign found
        # soon, or the text's map, says where that reading stops; Markdown then reads only up
        # to there, which the link takes out of the text. An unfound address answers only
        # its flag, as for getText.
        window = min(index + MAX_LINK_TARGET, len(data))
        match = self.RE_LINK.match(data, index, window)
        if match is None:
            return "", None, index, False
        if match.group(1):  # [a](<address> "title"): the pattern found its end
            return super().getLink(data[: match.end()], index)
        sign = _LINK_SIGNS.search(data, match.end(), window)
        if sign is None:
            return "", None, index, False
        if sign.group() == ")":  # most addresses: no parenthesis or quote before their ")"
            return super().getLink(data[: sign.end()], index)
        addresses = self._addresses
        if self._addresses_fit is not data:
            if addresses is None or not addresses.still_fits(data, index):
                self._addresses = addresses = _LinkAddresses(data)
            self._addresses_fit = data
        stop = addresses.stop(data, index, match.end(), window)
        if stop is None:
            return "", None, index, False
        return super().getLink(data[:stop], index)


MAX_LINK_TARGET = 2000
"""Characters a link's address and title may take: far more than any address a post links to.

A longer address stays text, as one that never closes does.
"""

_LINK_SIGNS = re.compile(r"""[()'"]""")
"""What Markdown's reading of a link's address acts on; every other character only passes."""
_QUOTE_THEN_CLOSE = re.compile(r"""['"] *\)""")
_OTHER_QUOTE = {"'": '"', '"': "'"}


class _LinkAddresses(_TextMap):
    """Where Markdown's reading of a link's address (``LinkInlineProcessor.getLink``) stops, for any ``(`` of a text.

    Markdown reads on from the ``(`` counting parentheses until the one that closes it. From
    the first quote on, it takes the rest for a title: it stops at a ``)`` right after a
    closing quote (spaces between allowed), and if there is none, at the parenthesis (either
    kind) that would have closed the address had the quote not been there. One pass over the
    text's parentheses and quotes finds all of that for every ``(``, so each asks in O(log n).

    >>> text = '[a](b(c)) [d](e "f" ) [g](h "i'
    >>> addresses = _LinkAddresses(text)
    >>> [addresses.stop(text, i, i + 1, len(text)) for i in (3, 13, 25)]  # after "b(c))", after '"f" )', none
    [9, 21, None]
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.parens: list[int] = []
        self.depth: list[int] = [0]
        """Before each parenthesis of ``parens``, how many are open: ``(`` count minus ``)`` count."""
        self.closing: dict[int, int] = {}
        self.quotes: dict[str, list[int]] = {"'": [], '"': []}
        self.any_quote: list[int] = []
        opened: list[int] = []
        for sign in _LINK_SIGNS.finditer(text):
            position, char = sign.start(), sign.group()
            if char in "()":
                self.parens.append(position)
                self.depth.append(self.depth[-1] + (1 if char == "(" else -1))
                if char == "(":
                    opened.append(position)
                elif opened:
                    self.closing[opened.pop()] = position
            else:
                self.quotes[char].append(position)
                self.any_quote.append(position)
        closes = list(_QUOTE_THEN_CLOSE.finditer(text))
        self.quoted_closes = [close.end() - 1 for close in closes]
        self.quote_before = [close.start() for close in closes]

    def stop(self, data: str, index: int, start: int, window: int) -> int | None:
        """Where Markdown's reading of the address from the ``(`` at ``data[index]`` stops (the length to cut ``data`` at), ``None`` if it finds none.

        ``start`` is where the address begins (after the ``(`` and spaces) and ``window`` the
        end of what may be read; ``data`` ends as this map's text does from ``index`` on.
        """
        shift = len(self.text) - len(data)
        start, window = start + shift, window + shift
        at = bisect.bisect_left(self.any_quote, start)
        quote = self.any_quote[at] if at < len(self.any_quote) and self.any_quote[at] < window else None
        close = self.closing.get(index + shift)
        if close is not None and close < window and (quote is None or close < quote):
            return close + 1 - shift
        if quote is None:
            return None
        # From the quote on: the first ")" after a later quote ends it, except after the first
        # quote of the other kind (Markdown opens a second title there).
        others = self.quotes[_OTHER_QUOTE[self.text[quote]]]
        at = bisect.bisect_right(others, quote)
        other = others[at] if at < len(others) else None
        for at in range(bisect.bisect_right(self.quoted_closes, quote), len(self.quoted_closes)):
            if self.quoted_closes[at] >= window:
                break
            if self.quote_before[at] not in (quote, other):
                return self.quoted_closes[at] + 1 - shift
        # None: Markdown falls back on the parenthesis that would have closed the address, as
        # many parentheses after the quote as were open at it. A "(" there makes it cut the
        # address 2 characters before the end of what it read and return -1 (Markdown's own
        # quirk, kept): the whole window must then be read.
        still_open = 1 + self._depth_at(quote) - self._depth_at(start)
        at = bisect.bisect_right(self.parens, quote) + still_open - 1
        if at >= len(self.parens) or self.parens[at] >= window:
            return None
        if self.text[self.parens[at]] == "(":
            return window - shift
        return self.parens[at] + 1 - shift

    def _depth_at(self, position: int) -> int:
        return self.depth[bisect.bisect_left(self.parens, position)]


_LINK_PROCESSORS = {
    "reference": (inlinepatterns.ReferenceInlineProcessor, 170),
    "link": (inlinepatterns.LinkInlineProcessor, 160),
    "image_link": (inlinepatterns.ImageInlineProcessor, 150),
    "image_reference": (inlinepatterns.ImageReferenceInlineProcessor, 140),
    "short_reference": (inlinepatterns.ShortReferenceInlineProcessor, 130),
    "short_image_ref": (inlinepatterns.ShortImageReferenceInlineProcessor, 125),
}
"""Python-Markdown's processors that look for a ``]`` (markdown/inlinepatterns.py), with their priorities."""

_LINEAR_LINK_PROCESSORS = {
    name: (type(f"Linear{base.__name__}", (_LinearBrackets, base), {}), base, priority)
    for name, (base, priority) in _LINK_PROCESSORS.items()
}
"""Each of them with the bounded address scan: made once, as MkDocs makes a Markdown instance per page."""


class _Blocks:
    """The blocks Markdown's block parser still has to parse, first one first, with O(1) ``pop(0)`` and ``insert(0, block)``.

    Python-Markdown keeps them in a list that every block processor takes its block from with
    ``blocks.pop(0)`` and gives the rest of it back with ``blocks.insert(0, rest)``: each moves
    every block after it, so a post of n short paragraphs cost n² moves (a megabyte of
    ``x\n\n`` is 333,000 blocks). Kept here in reverse, the first block is the list's last.

    It does only what the block processors of Markdown, MkDocs, Material and
    pymdown-extensions do with ``blocks``: read ``blocks[0]`` (or any ``blocks[i]``), replace it
    (``blocks[0] = …``, pymdownx.superfences), ``pop(0)``, ``insert(0, block)``, ``len`` and truth. Anything else raises :class:`TypeError`: an
    extension that needs more fails loudly in the tests instead of parsing the wrong block.
    """

    __slots__ = ("_reversed",)

    def __init__(self, blocks: list[str]) -> None:
        self._reversed = blocks[::-1]

    def __bool__(self) -> bool:
        return bool(self._reversed)

    def __len__(self) -> int:
        return len(self._reversed)

    def __getitem__(self, index: int) -> str:
        if type(index) is not int or index < 0:
            raise _unsupported(f"blocks[{index!r}]")
        if index >= len(self._reversed):
            raise IndexError("block index out of range")
        return self._reversed[-1 - index]

    def __setitem__(self, index: int, block: str) -> None:
        if type(index) is not int or not 0 <= index < len(self._reversed):
            raise _unsupported(f"blocks[{index!r}] = …")
        self._reversed[-1 - index] = block

    def __iter__(self):
        raise _unsupported("iteration")

    def pop(self, index: int = -1) -> str:
        if index != 0:
            raise _unsupported(f"blocks.pop({index!r})")
        return self._reversed.pop()

    def insert(self, index: int, block: str) -> None:
        if index != 0:
            raise _unsupported(f"blocks.insert({index!r}, …)")
        self._reversed.append(block)

    def __getattr__(self, name: str):
        raise _unsupported(f"blocks.{name}")


def _unsupported(what: str) -> TypeError:
    return TypeError(
        f"{what}: a Markdown extension uses the blocks being parsed in a way gecolumn.linear_markdown._Blocks "
        "does not support (only blocks[i], blocks[i] = block, pop(0), insert(0, block), len and truth); add it there"
    )


def _parse_chunk(parser, parent, text: str) -> None:
    """Markdown's ``BlockParser.parseChunk``, with the blocks in a :class:`_Blocks` instead of a list."""
    parser.parseBlocks(parent, _Blocks(text.split("\n\n")))


class _LinearInlineProcessor(treeprocessors.InlineProcessor):
    """Markdown's inline processor, whose queue of elements still to visit is a deque.

    Python-Markdown 3.11's ``InlineProcessor.run`` queues every element the inline patterns
    make (a link, a ``<b>``) on a list it takes the first of with ``stack.pop(0)``: a post of
    n links cost n² moves. This is that method with only the queue changed (``popleft``,
    ``extend``) and a child's position counted as the loop goes instead of searched for
    (``list(parent).index(child)``, once per child with a tail: quadratic in a paragraph's
    elements); what it does with each element, and in which order, is Markdown's. (The loop
    reads children by index: what it inserts goes after the current child, so the count holds.)
    """

    def run(self, tree, ancestors=None):
        self.stashed_nodes = {}
        tree_parents = [] if ancestors is None else ancestors[:]
        self.parent_map = {c: p for p in tree.iter() for c in p}
        stack = collections.deque([(tree, tree_parents)])
        self._InlineProcessor__build_ancestors(tree, tree_parents)
        handle_inline = self._InlineProcessor__handleInline
        process_placeholders = self._InlineProcessor__processPlaceholders

        while stack:
            currElement, parents = stack.popleft()

            self.ancestors = parents
            if currElement is not tree:
                self.ancestors.append(currElement.tag.lower())

            insertQueue = []
            for position, child in enumerate(currElement):
                if child.text and not isinstance(child.text, util.AtomicString):
                    self.ancestors.append(child.tag.lower())
                    text = child.text
                    child.text = None
                    lst = process_placeholders(handle_inline(text), child)
                    for item in lst:
                        self.parent_map[item[0]] = child
                    stack.extend(lst)
                    insertQueue.append((child, lst))
                    self.ancestors.pop()
                if child.tail:
                    tail = handle_inline(child.tail)
                    dumby = etree.Element("d")
                    child.tail = None
                    tailResult = process_placeholders(tail, dumby, False)
                    if dumby.tail:
                        child.tail = dumby.tail
                    pos = position + 1
                    tailResult.reverse()
                    for newChild in tailResult:
                        self.parent_map[newChild[0]] = currElement
                        currElement.insert(pos, newChild[0])
                if len(child):
                    self.parent_map[child] = currElement
                    stack.append((child, self.ancestors[:]))

            for element, lst in insertQueue:
                for i, obj in enumerate(lst):
                    newChild = obj[0]
                    element.insert(i, newChild)
        return tree


class _LinearTableProcessor(TableProcessor):
    """Markdown's table processor, whose split of a row into cells is linear in the row.

    Python-Markdown 3.11's ``TableProcessor._split`` pairs each run of backticks with the next
    run of its length by searching the rest of the row (``tics[pos + 1:].index(size)``), and
    then compares every pipe with every code span before it: a row of ``|`|`|…`` cost the
    square of its length (one 24,000-character row took 1.9 s). This is that method with the
    next run of each length found in one pass from the row's end, and pipes and code spans
    (both in order) walked together: the same cells, in time linear in the row.
    """

    def _split(self, row: str) -> list[str]:
        tics: list[int] = []
        tic_points: list[tuple[int, int, int]] = []
        pipes: list[int] = []
        for m in self.RE_CODE_PIPES.finditer(row):
            if m.group(2):  # \`+: an escaped run, whose opening counts one backtick less
                tics.append(len(m.group(2)) - 1)
                tic_points.append((m.start(2), m.end(2) - 1, 1))
            elif m.group(3):
                tics.append(len(m.group(3)))
                tic_points.append((m.start(3), m.end(3) - 1, 0))
            elif m.group(5):
                pipes.append(m.start(5))
        # Markdown pairs the run at pos with the first later run as long as it (less its escape).
        following: list[int | None] = [None] * len(tics)
        last: dict[int, int] = {}
        for pos in range(len(tics) - 1, -1, -1):
            following[pos] = last.get(tics[pos] - tic_points[pos][2])
            last[tics[pos]] = pos
        code_spans: list[tuple[int, int]] = []
        pos = 0
        while pos < len(tics):
            close = following[pos] if tics[pos] - tic_points[pos][2] else None
            if close is None:
                pos += 1
                continue
            code_spans.append((tic_points[pos][0], tic_points[close][1]))
            pos = close + 1
        cells, start, span = [], 0, 0
        for pipe in pipes:
            while span < len(code_spans) and code_spans[span][1] < pipe:
                span += 1
            if span < len(code_spans) and code_spans[span][0] <= pipe:
                continue  # a pipe inside code is text
            cells.append(row[start:pipe])
            start = pipe + 1
        cells.append(row[start:])
        return cells


_FENCE_OPENING = re.compile(
    r"""
    (?P<fence>^(?:~{3,}|`{3,}))[ ]*                               # opening fence
    ((\{(?P<attrs>[^\n]*)\})|                                    # (optional {attrs} or
    (\.?(?P<lang>[\w\#.+-]*)[ ]*)?                                # optional (.)lang
    (hl_lines=(?P<quot>"|')(?P<hl_lines>[^\n]*?)(?P=quot)[ ]*)?)   # optional hl_lines)
    \n                                                            # newline (end of opening fence)
""",
    re.MULTILINE | re.VERBOSE,
)
"""The opening line of Markdown's ``FencedBlockPreprocessor.FENCED_BLOCK_RE``, with ``hl_lines`` kept on that line."""
_FENCE_CLOSING = re.compile(r"^(?:~{3,}|`{3,})(?=[ ]*$)", re.MULTILINE)
"""A line that can close a fence: the fence, then only spaces."""


def fenced_code_blocks(text: str):
    """Where each fenced code block of a text starts and ends, as Markdown's ``fenced_code`` finds them, in one pass.

    Markdown searches from each opening fence to the closing fence of the same length, and, if
    there is none, to the end of the text: a post of lines that open a fence and never close
    (three backticks and a word) cost the square of its length (60 KB took 6 s, in the check
    too). Here the lines that can close a fence are listed first, and each opening looks its
    closing up. Only an opening whose ``hl_lines="…"`` runs over a line end reads differently:
    it opens no block (Markdown would read the lines up to the closing quote as its options).

        >>> list(fenced_code_blocks("a\\n```py\\nx\\n```\\n``` x\\n~~~\\n~~~"))
        [(2, 13), (20, 27)]
    """
    closings = collections.defaultdict(list)
    for closing in _FENCE_CLOSING.finditer(text):
        closings[closing.group()].append(closing.start())
    index = 0
    while (opening := _FENCE_OPENING.search(text, index)) is not None:
        if opening.group("attrs") and get_attrs_and_remainder(opening.group("attrs"))[1]:
            index = opening.end("attrs")  # not a fence: Markdown skips it the same way
            continue
        found = closings.get(opening.group("fence"), [])
        at = bisect.bisect_left(found, opening.end())
        if at == len(found):  # never closed: Markdown tries the next line
            index = opening.start() + 1
            continue
        end = text.find("\n", found[at])
        end = len(text) if end == -1 else end
        yield opening.start(), end
        index = end


class _LinearFencedBlockPreprocessor(FencedBlockPreprocessor):
    """Markdown's fenced-code preprocessor, which builds the text once, not once per code block.

    Python-Markdown 3.11 replaces each block by its placeholder by making the whole text anew
    (``text[:start] + placeholder + text[end:]``): 200 KB of tiny code blocks took 0.9 s, and
    more than twice that for twice the size. Here the blocks are found in one pass
    (:func:`fenced_code_blocks`), Markdown's own ``run`` makes each one's HTML from that
    block alone, and the text is joined once.
    """

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        pieces, done = [], 0
        for start, end in fenced_code_blocks(text):
            pieces.append(text[done:start])
            pieces.append("\n".join(super().run(text[start:end].split("\n"))))
            done = end
        pieces.append(text[done:])
        return "".join(pieces).split("\n")


class LinearScans(Extension):
    """Replaces Markdown's raw-HTML preprocessor, its link processors, and the table and fenced-code extensions' scans by ones with the same results in linear time."""

    def extendMarkdown(self, md) -> None:
        # Every document and every nested chunk (a quote's, a list item's) is parsed through
        # parseChunk; an extension that calls parseBlocks itself passes its own short list.
        md.parser.parseChunk = functools.partial(_parse_chunk, md.parser)
        # Only Markdown's own processors: an extension of the school's (md_in_html) keeps its own.
        if "html_block" in md.preprocessors and type(md.preprocessors["html_block"]) is HtmlBlockPreprocessor:
            html_block = _LinearHtmlBlockPreprocessor(md)
            md.preprocessors.register(html_block, "html_block", 20)
            # MkDocs registers its anchor scan at 21 after every extension is loaded.
            md.preprocessors.register(_HideFromMkDocsScan(md, html_block), "gecolumn_hide_raw_html", 21.5)
        if "fenced_code_block" in md.preprocessors and type(md.preprocessors["fenced_code_block"]) is FencedBlockPreprocessor:
            fenced = _LinearFencedBlockPreprocessor(md, md.preprocessors["fenced_code_block"].config)
            md.preprocessors.register(fenced, "fenced_code_block", 25)
        if "table" in md.parser.blockprocessors and type(md.parser.blockprocessors["table"]) is TableProcessor:
            table = _LinearTableProcessor(md.parser, md.parser.blockprocessors["table"].config)
            md.parser.blockprocessors.register(table, "table", 75)
        if "inline" in md.treeprocessors and type(md.treeprocessors["inline"]) is treeprocessors.InlineProcessor:
            md.treeprocessors.register(_LinearInlineProcessor(md), "inline", 20)
        for name, (linear, base, priority) in _LINEAR_LINK_PROCESSORS.items():
            if name in md.inlinePatterns and type(md.inlinePatterns[name]) is base:
                md.inlinePatterns.register(linear(md.inlinePatterns[name].pattern, md), name, priority)
