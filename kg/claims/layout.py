"""Where each token sits: its paragraph, and the quotation around it, if any."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .quotes import Quote

SENTENCE_ENDS = {".", "!", "?"}


class Layout:
    """Paragraphs (non-empty lines) and quotations of one parsed document, by token.

    ``marks[i]`` is the index of the quote whose marks enclose token ``i`` (marks
    included), ``words[i]`` that of the quote whose words hold it; -1 for none.
    """

    def __init__(self, doc: Doc, text: str, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = text
        self.quotes = quotes
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.line_starts = [0]
        self.paragraphs: list[int] = []  # line -> number of the paragraph (non-blank line)
        count = -1
        while True:
            next_break = text.find("\n", self.line_starts[-1])
            line_end = len(text) if next_break < 0 else next_break
            if text[self.line_starts[-1]:line_end].strip():
                count += 1
            self.paragraphs.append(max(count, 0))
            if next_break < 0:
                break
            self.line_starts.append(next_break + 1)
        self.marks = [-1] * len(doc)
        self.words = [-1] * len(doc)
        for n, quote in enumerate(quotes):
            for i in range(self.token_at(quote.mark), self.token_at(quote.after)):
                self.marks[i] = n
            for i in range(self.token_at(quote.start), self.token_at(quote.end)):
                self.words[i] = n

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens lying inside the characters ``[start, end)``."""
        return self.token_at(start), bisect_left(self.starts, end)

    def line(self, offset: int) -> int:
        """The line (paragraph) number of a character offset."""
        return bisect_right(self.line_starts, offset) - 1

    def paragraph(self, offset: int) -> int:
        """The number of the paragraph at a character offset (blank lines do not count)."""
        return self.paragraphs[self.line(offset)]

    def line_span(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line]
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def previous_line(self, line: int) -> int | None:
        """The nearest non-blank line before ``line``."""
        line -= 1
        while line >= 0:
            start, end = self.line_span(line)
            if self.text[start:end].strip():
                return line
            line -= 1
        return None

    def line_tokens(self, line: int) -> tuple[int, int]:
        start, end = self.line_span(line)
        return self.token_range(start, end)

    def in_quote(self, token: Token) -> bool:
        return self.words[token.i] >= 0

    def is_sentence_end(self, token: Token) -> bool:
        return token.text in SENTENCE_ENDS and self.marks[token.i] < 0
