"""A small store written straight from records (no spaCy): two articles, a few actors.

Doc ``d1`` (2024-05-16): Ann Lee meets Bo Park (twice in the text), Ann Lee claims
something about Cardia, and unnamed officials speak. Doc ``d2`` (2024-06-01): Ann Lee
meets Bo Park again, does not meet Cardia's president Cy Diaz, and officials speak again.
"""

from __future__ import annotations

from pathlib import Path

from kg.rdf import actor_graph, document_graph
from kg.records import Actor, Claim, DocumentRecord, Mention, Triple
from kg.store import ensure_ontology, open_store, replace_graph

ACTORS = [Actor("ann_lee", "Ann Lee", "Person"), Actor("bo_park", "Bo Park", "Person"),
          Actor("cardia", "Cardia", "Country"), Actor("cy_diaz", "Cy Diaz", "Person")]
NAMES = {a.label: a.id for a in ACTORS}

D1 = ("Ann Lee met Bo Park in Cardia. Later Ann Lee met Bo Park again. "
      "Ann Lee said that Cardia would win. Officials said the talks failed.")
D2 = "Ann Lee met Bo Park in Ostia. Ann Lee did not meet Cy Diaz. Officials said nothing changed."


def span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return i, i + len(part)


def sentence_of(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    begin = text.rfind(". ", 0, i)
    begin = 0 if begin < 0 else begin + 2
    return begin, text.index(".", i) + 1


def mentions(doc: str, text: str) -> list[Mention]:
    found = []
    for name, actor in NAMES.items():
        start = text.find(name)
        while start >= 0:
            found.append(Mention(doc, (start, start + len(name)), name, actor))
            start = text.find(name, start + 1)
    return found


def triple(doc: str, text: str, tid: str, subject: str, verb: str, lemma: str, obj: str, start: int = 0,
           negated: bool = False) -> Triple:
    s = span(text, subject, start)
    return Triple(doc, tid, sentence_of(text, subject, start), subject, s, NAMES[subject], verb,
                  span(text, verb, s[1]), lemma, obj, span(text, obj, s[1]), NAMES[obj], negated=negated)


def claim(doc: str, text: str, cid: str, speaker: str | None, cue: str, content: str, about: list[str]) -> Claim:
    sp = span(text, speaker or "Officials")
    return Claim(doc, cid, NAMES.get(speaker) if speaker else None, speaker, speaker or "Officials", sp, cue,
                 span(text, cue, sp[1]), content, span(text, content), "indirect", about,
                 sentence_of(text, content), 0.8)


def records():
    second = D1.index("Later")
    d1 = (DocumentRecord("d1", "First <b>report</b>", "2024-05-16", chars=len(D1)), mentions("d1", D1),
          [claim("d1", D1, "c1", "Ann Lee", "said", "Cardia would win", ["cardia"]),
           claim("d1", D1, "c2", None, "said", "the talks failed", [])],
          [triple("d1", D1, "t1", "Ann Lee", "met", "meet", "Bo Park"),
           triple("d1", D1, "t2", "Ann Lee", "met", "meet", "Bo Park", start=second)])
    d2 = (DocumentRecord("d2", "Second report", "2024-06-01", chars=len(D2)), mentions("d2", D2),
          [claim("d2", D2, "c3", None, "said", "nothing changed", [])],
          [triple("d2", D2, "t3", "Ann Lee", "met", "meet", "Bo Park"),
           triple("d2", D2, "t4", "Ann Lee", "did not meet", "meet", "Cy Diaz", start=D2.index("Ann Lee did"),
                  negated=True)])
    return [(d1, D1), (d2, D2)]


def write_store(path: Path) -> str:
    """Write the two documents into an on-disk store at ``path``; returns its URI."""
    uri = f"oxigraph:{path}"
    ds = open_store(uri)
    try:
        ensure_ontology(ds)
        for (document, doc_mentions, claims, triples), text in records():
            replace_graph(ds, document_graph(document, doc_mentions, claims, triples, text))
        replace_graph(ds, actor_graph(ACTORS))
    finally:
        ds.close()
    return uri
