"""The extraction records of ``docs/extract-jsonl.md`` as plain dataclasses.

These are the one in-memory representation every stage after extraction reads: the RDF
mapping, the store, the views and ``kg extract --jsonl`` all consume them. Spans are
``(start, end)`` character offsets into the document text (end exclusive).

>>> rec = Mention(doc="d1", span=(0, 5), text="Putin", actor="vladimir_putin", how="name")
>>> to_json(rec)
'{"type": "mention", "doc": "d1", "span": [0, 5], "text": "Putin", "actor": "vladimir_putin", "how": "name", "rule": null, "evidence": null, "place_of": null}'
>>> from_dict(json.loads(to_json(rec))) == rec
True
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar, Union

Span = tuple[int, int]


@dataclass
class DocumentRecord:
    """A document's metadata. ``published`` is ``YYYY-MM-DD``; ``published_at`` the full
    ISO date-time where the source gives a time. ``duplicate_of`` is the id of the first
    document with the same (or nearly the same) text, or None. ``source`` is where the text
    was read from (a file path, a URL, ``-``); ``input_key`` identifies that input (a hash),
    so that the same input given again keeps its id."""

    TYPE: ClassVar[str] = "document"
    doc: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    chars: int = 0
    author: str | None = None
    language: str | None = None
    published_at: str | None = None
    duplicate_of: str | None = None
    source: str | None = None
    input_key: str | None = None


@dataclass
class Actor:
    """A real-world actor, corpus-wide (no ``doc``)."""

    TYPE: ClassVar[str] = "actor"
    id: str
    label: str
    kind: str = "Actor"  # Person | Organization | Country | Group | Actor
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    offices: list[dict] = field(default_factory=list)  # [{"office", "of", "start", "end"}] (gazetteer)


@dataclass
class Mention:
    """A span of text naming an actor; ``rule``/``evidence`` say why it was linked."""

    TYPE: ClassVar[str] = "mention"
    doc: str
    span: Span
    text: str
    actor: str | None
    how: str = "name"  # name | alias | title | pronoun | metonym
    rule: str | None = None
    evidence: str | None = None
    place_of: str | None = None  # a place that is no actor here: the state it lies in


@dataclass
class Claim:
    TYPE: ClassVar[str] = "claim"
    doc: str
    id: str
    speaker: str | None
    speaker_label: str | None
    speaker_text: str | None
    speaker_span: Span | None
    cue: str
    cue_span: Span
    content: str
    content_span: Span
    kind: str  # direct | indirect | mixed
    about: list[str] = field(default_factory=list)
    sentence_span: Span | None = None
    confidence: float = 0.5
    negated: bool = False
    hedged: bool = False
    content_negated: bool = False  # what the content asserts is negated ("will not withdraw")
    stance: list[dict] = field(default_factory=list)  # [{"target", "stance", "evidence"}]
    rule: str | None = None  # the pattern that found the claim (e.g. "direct", "ccomp", "according")
    proposition: bool = True  # the content has a verb: False for a bare noun phrase (a topic)
    subject: str | None = None  # the actor the content says something of (its grammatical subject)
    subject_text: str | None = None  # the words of that subject, as written ("he", "the mayor")
    predicate: str | None = None  # what the content says of it: a lemma ("pay", "respect") or "be" + word ("be clear")


@dataclass
class Triple:
    TYPE: ClassVar[str] = "triple"
    doc: str
    id: str
    sentence_span: Span
    subject_text: str
    subject_span: Span
    subject: str | None
    predicate_text: str | None  # None when no word states the relation (an apposition)
    predicate_span: Span | None
    predicate: str
    object_text: str
    object_span: Span
    object: str | None
    negated: bool = False
    asserted_by: str | None = None
    confidence: float = 0.5
    hedged: bool = False
    relation_type: str | None = None
    modal: str | None = None  # the modal auxiliary, by lemma ("could", "will")
    kind: str = "verb"  # verb | copula | apposition | title | nominal | reciprocal
    # the actor the object names, also where the triple states no relation to it ("Sweden
    # could attack Finland": object None, object_actor "finland")
    object_actor: str | None = None


@dataclass
class Group:
    """Claims that say the same thing, across the documents of a run (tracking)."""

    TYPE: ClassVar[str] = "group"
    id: str
    label: str
    members: list[str]
    sources: int  # distinct documents, a copy counting as its original
    speakers: int
    first_seen: str | None  # the earliest date of a member; None when no member is dated
    first_claim: str | None


@dataclass
class ContradictionRecord:
    """Two claims of a run where one says what the other denies: a candidate to check."""

    TYPE: ClassVar[str] = "contradiction"
    a: str
    b: str
    similarity: float
    evidence: str


Record = Union[DocumentRecord, Actor, Mention, Claim, Triple, Group, ContradictionRecord]
RECORD_TYPES: dict[str, type] = {cls.TYPE: cls for cls in (DocumentRecord, Actor, Mention, Claim, Triple, Group,
                                                           ContradictionRecord)}
SPAN_FIELDS = {"span", "speaker_span", "cue_span", "content_span", "sentence_span",
               "subject_span", "predicate_span", "object_span"}


def to_dict(record: Record) -> dict[str, Any]:
    """The record as a JSON-ready dict, ``type`` first; spans become lists."""
    data: dict[str, Any] = {"type": record.TYPE}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        data[f.name] = list(value) if isinstance(value, tuple) else value
    return data


def to_json(record: Record) -> str:
    r"""One JSON line; the line and paragraph separators U+2028/U+2029 are escaped, so
    that every reader (JavaScript's included) sees one record per line.

    >>> line = to_json(DocumentRecord("d1", title="a\u2028b"))
    >>> "\u2028" in line, json.loads(line)["title"] == "a\u2028b"
    (False, True)
    """
    return (json.dumps(to_dict(record), ensure_ascii=False)
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a record from its dict form (unknown keys are ignored)."""
    cls = RECORD_TYPES[data["type"]]
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: (tuple(v) if k in SPAN_FIELDS and v is not None else v)
              for k, v in data.items() if k in names}
    return cls(**kwargs)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short id that depends only on ``parts`` (so rebuilding gives the same ids).

    >>> stable_id("doc", 1, 2) == stable_id("doc", 1, 2)
    True
    """
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return digest[:length]
