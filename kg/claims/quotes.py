"""Quoted passages in a text, found paragraph by paragraph from the quotation marks alone.

Straight (``"``), curly (“ ”), guillemets and doubled apostrophes (``''...''``, a
newswire convention) all count; a quote opened with one kind may close with another.
A paragraph that opens a quote without closing it runs to the end of the paragraph, and
when the next paragraph opens with a quotation mark again the quote goes on there (the
news convention for quotations over several paragraphs): that quote ``continues``.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = {"“", "„", "«", '"'}
CLOSING = {"”", "»", '"'}
DOUBLED = ("''", "``")
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


def _mark_width(line: str, i: int) -> int:
    """1 or 2 when a double quotation mark starts at ``line[i]``, else 0."""
    if line.startswith(DOUBLED, i):
        return 2
    return 1 if line[i] in OPENING | CLOSING else 0


def _opens(line: str, i: int) -> bool:
    """True when the mark at ``i`` can open a quote (a closing curly mark only at a word start)."""
    if line[i] not in "”»":
        return True
    return (i == 0 or line[i - 1].isspace()) and i + 1 < len(line) and not line[i + 1].isspace()


def _line_quotes(line: str, offset: int, after_unclosed: bool) -> list[Quote]:
    quotes: list[Quote] = []
    i, opened, mark = 0, -1, -1
    lead = len(line) - len(line.lstrip())
    while i < len(line):
        width = _mark_width(line, i)
        if not width:
            i += 1
            continue
        if opened < 0:
            if width == 2 or _opens(line, i):
                opened, mark = i + width, i
        else:
            if i > opened and line[opened:i].strip():
                quotes.append(_quote(offset, opened, i, i + width, mark, lead, after_unclosed))
            opened = -1
        i += width
    if opened >= 0:
        end = len(line.rstrip())
        if end > opened and line[opened:end].strip():
            quotes.append(_quote(offset, opened, end, end, mark, lead, after_unclosed, closed=False))
    return quotes


def _quote(offset: int, start: int, end: int, after: int, mark: int, lead: int,
           after_unclosed: bool, closed: bool = True) -> Quote:
    opens_paragraph = mark == lead
    return Quote(offset + start, offset + end, closed, offset + mark, offset + after,
                 opens_paragraph, continues=opens_paragraph and after_unclosed)


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages within each paragraph (line); an unclosed quote runs to its end.

    >>> [("“A” b \\"C\\""[q.start:q.end]) for q in find_quotes("“A” b \\"C\\"")]
    ['A', 'C']
    >>> [q.continues for q in find_quotes("“One.\\n\\n“Two.”")]
    [False, True]
    """
    quotes: list[Quote] = []
    line_start = 0
    after_unclosed = False
    for line in text.split("\n"):
        found = _line_quotes(line, line_start, after_unclosed)
        quotes.extend(found)
        if line.strip():
            after_unclosed = bool(found) and not found[-1].closed
        line_start += len(line) + 1
    return quotes


def has_partial_quote(text: str) -> bool:
    """True when the text holds a quoted phrase (a mixed claim).

    >>> has_partial_quote("to “defend every inch” of it"), has_partial_quote("it's fine")
    (True, False)
    """
    return any(mark in text for mark in PARTIAL_MARKS) or "''" in text \
        or ("‘" in text and "’" in text and text.index("‘") < text.rindex("’"))
