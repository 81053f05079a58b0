"""Quoted passages in a text, found paragraph by paragraph from the quotation marks alone.

Straight (``"``), curly (“ ”), guillemets and doubled apostrophes (``''...''`` or
curly ``‘‘...’’``, newswire conventions) all count; a quote opened with one kind may
close with another. Single marks (‘ ’ or ``'``) count too in a text that quotes mostly
with them (the British house style); elsewhere they are apostrophes or quotes nested in
quotes.
A paragraph that opens a quote without closing it runs to the end of the paragraph, and
when the next paragraph opens with a quotation mark again the quote goes on there (the
news convention for quotations over several paragraphs): that quote ``continues``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTIAL_MARKS = "“”\"«»"


@dataclass(frozen=True)
class Quote:
    """A quoted passage: ``start``/``end`` bound its words, without the marks.

    ``mark`` is the offset of the opening mark and ``after`` the offset just past the
    closing one (``end`` when the quote is not closed in its paragraph).
    """

    start: int
    end: int
    closed: bool = True
    mark: int = -1
    after: int = -1
    opens_paragraph: bool = False
    continues: bool = False
    style: str = '"'


MARK = re.compile(r"''|``|‘‘|’’|[“”„«»\"]")
SINGLE_MARK = re.compile(r"''|``|‘‘|’’|[“”„«»\"‘’']")
WORD_START = r"(?:^|(?<=[\s(\[—–-]))"
OPENING_DOUBLE = re.compile(WORD_START + r"(?:[“\"„«]|''|``|‘‘)", re.MULTILINE)
SINGLE_QUOTED = re.compile(WORD_START + r"'[^'\s](?:[^']*[^'\s])?'(?=[\s.,;:!?)]|$)")  # "warns of 'difficult' year"
OPENING_SINGLE = re.compile(WORD_START + r"[‘'](?![‘'\s])", re.MULTILINE)
OPEN_BEFORE = "([{—–-/"  # a straight mark after these opens ("—"Yes"")
CLOSE_AFTER = ".,;:!?)]}—–-…'’"  # a straight mark before these closes


def _opens(line: str, i: int, width: int = 1) -> bool:
    """True when the mark at ``i`` can open a quote: a typographic opening mark, or a
    straight mark (or a closing curly one, misused) at the start of a word; not an
    opening single mark typed for the apostrophe of a possessive ("Swift‘s album")."""
    if line[i] == "‘" and 0 < i and line[i - 1].isalpha() and line[i + 1:i + 2] in {"s", "S"} \
            and not line[i + 2:i + 3].isalpha():
        return False
    if line[i] in "“„«‘" and width == 1 or line[i:i + width] == "‘‘":
        return True
    after = i + width
    return (i == 0 or line[i - 1].isspace() or line[i - 1] in OPEN_BEFORE) \
        and after < len(line) and not line[after].isspace()


def _closes(line: str, i: int, width: int = 1) -> bool:
    """True when the mark at ``i`` can close a quote: a typographic closing mark, or a
    straight one at the end of a word, or after a single closing mark and a space (the
    style of ``"... the term 'outreach.' "``)."""
    if line[i] in "”»" and width == 1 or line[i:i + width] == "’’":
        return True
    after, before = i + width, i - 1
    if before > 0 and line[before] == " " and line[before - 1] in "'’":
        before -= 1
    return before >= 0 and not line[before].isspace() \
        and (after >= len(line) or line[after].isspace() or line[after] in CLOSE_AFTER)


def style_of(mark: str) -> str:
    """The family of a quotation mark: straight (also doubled apostrophes) or typographic."""
    if mark in {"‘", "’", "'"}:
        return "‘"
    return '"' if mark in {'"', "''", "``"} else "“"


def _line_quotes(line: str, offset: int, open_style: str | None, marks: re.Pattern = MARK) -> list[Quote]:
    """Quotations of one line; ``open_style`` is the mark style of a quotation the line
    before left open (a line opening with the same style continues it)."""
    quotes: list[Quote] = []
    opened, mark, nested = -1, -1, 0
    lead = len(line) - len(line.lstrip())
    for found in marks.finditer(line):
        i, width = found.start(), found.end() - found.start()
        if opened < 0:
            if _opens(line, i, width):
                opened, mark = i + width, i
            continue
        if not _closes(line, i, width):
            if _opens(line, i, width):
                nested += 1  # a quotation inside the quotation
            continue
        if nested:
            nested -= 1
        else:
            if i > opened and line[opened:i].strip():
                quotes.append(_quote(line, offset, opened, i, i + width, mark, lead, open_style))
            opened = -1
    if opened >= 0:
        end = len(line.rstrip())
        if end > opened and line[opened:end].strip():
            quotes.append(_quote(line, offset, opened, end, end, mark, lead, open_style, closed=False))
    return quotes


def _quote(line: str, offset: int, start: int, end: int, after: int, mark: int, lead: int,
           open_style: str | None, closed: bool = True) -> Quote:
    opens_paragraph = mark == lead
    style = style_of(line[mark:start])
    return Quote(offset + start, offset + end, closed, offset + mark, offset + after,
                 opens_paragraph, continues=opens_paragraph and open_style == style, style=style)


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages within each paragraph (line); an unclosed quote runs to its end.

    >>> [("“A” b \\"C\\""[q.start:q.end]) for q in find_quotes("“A” b \\"C\\"")]
    ['A', 'C']
    >>> [q.continues for q in find_quotes("“One.\\n\\n“Two.”")]
    [False, True]
    >>> [("“A,’’ b"[q.start:q.end]) for q in find_quotes("“A,’’ b")]
    ['A,']
    """
    quotes: list[Quote] = []
    line_start = 0
    open_style: str | None = None
    marks = SINGLE_MARK if quotes_with_single_marks(text) else MARK
    for line in text.split("\n"):
        found = _line_quotes(line, line_start, open_style, marks)
        quotes.extend(found)
        if line.strip():
            open_style = found[-1].style if found and not found[-1].closed else None
        line_start += len(line) + 1
    return quotes


def quotes_with_single_marks(text: str) -> bool:
    """Whether the text opens more quotations with single marks than with double ones.

    >>> quotes_with_single_marks("She said: 'We will not.' It's 'over', he said.")
    True
    >>> quotes_with_single_marks("She said: “We will not.” It's the ‘deal’ that is “over”.")
    False
    """
    return len(OPENING_SINGLE.findall(text)) > len(OPENING_DOUBLE.findall(text))


def has_partial_quote(text: str) -> bool:
    """True when the text holds a quoted phrase (a mixed claim).

    >>> has_partial_quote("to “defend every inch” of it"), has_partial_quote("it's fine")
    (True, False)
    >>> has_partial_quote("warns of 'difficult' year"), has_partial_quote("the players' union won't")
    (True, False)
    """
    return any(mark in text for mark in PARTIAL_MARKS) or "''" in text \
        or ("‘" in text and "’" in text and text.index("‘") < text.rindex("’")) or bool(SINGLE_QUOTED.search(text))
