"""The attribution found in the text, before it becomes :class:`~kg.records.Claim` records."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .rules import Rule

Range = tuple[int, int]


@dataclass
class Attribution:
    """Who (``source``), by which words (``cue``), said what (``contents``: one or more
    character ranges, e.g. the two halves of an interrupted quotation).

    ``pattern`` is the rule that found it (it sets the confidence); ``cue_token`` is
    the cue's head word when it is a word (a colon or a dash is not); ``source`` is the
    head of the source phrase and ``source_span`` its characters.
    """

    pattern: Rule
    cue: Range
    contents: list[Range]
    kind: str
    source: Token | None
    source_span: Range | None
    cue_token: Token | None = None
    closed: bool = True
    weak: bool = False
    speakers: list[str] = field(default_factory=list)
    resolution: str = ""

    @property
    def start(self) -> int:
        """Where the attribution begins (for ordering)."""
        return min([self.cue[0], *(s for s, _ in self.contents)])

    @property
    def end(self) -> int:
        return max([self.cue[1], *(e for _, e in self.contents)])
