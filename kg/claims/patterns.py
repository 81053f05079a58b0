"""Claim constructions kept as data: the ``patterns`` of ``kg/data/claim_rules.toml``.

A rule with patterns is found by spaCy's ``DependencyMatcher``. Its ``patterns`` name
the nodes ``cue`` (the anchor), ``content`` (its subtree is the content) and optionally
``cue_end`` (the cue runs from ``cue`` to it: "his view *is*"); its ``sources`` name
``cue`` and ``source`` (the head of the source phrase). Each pattern has a ``tier``
(default 0): for one cue, the lowest tier that matches wins, then the leftmost node.
A pattern value ``"@file"`` or ``"@file:tag"`` stands for the words of a lexicon of
``kg/data/`` (with that tag), in lower case, capitalised and upper case.

>>> from kg import nlp
>>> doc = nlp.load()("Her claim that the talks failed was wrong.")
>>> [(m.rule, m.cue.text, m.content.text, m.source.text) for m in find_matches(doc)[1]]
[('noun', 'claim', 'failed', 'Her')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..lexicons import words
from .rules import RuleTable, rule_table


@dataclass
class PatternMatch:
    """One construction found for one cue: the tokens the rule's nodes matched."""

    rule: str
    cue: Token
    content: Token
    source: Token | None = None
    cue_end: Token | None = None


def _forms(reference: str) -> list[str]:
    name, _, tag = reference[1:].partition(":")
    entries = words(name, tag or None)
    return sorted(entries | {w.capitalize() for w in entries} | {w.upper() for w in entries})


def expand(value):
    """A pattern value with its ``"@lexicon[:tag]"`` reference replaced by the word list.

    >>> expand("@reciprocal_words.txt")["IN"][:2], expand({"NOT_IN": ["x"]})
    (['BILATERAL', 'Bilateral'], {'NOT_IN': ['x']})
    """
    if isinstance(value, str) and value.startswith("@"):
        return {"IN": _forms(value)}
    if isinstance(value, dict):
        return {op: _forms(v) if isinstance(v, str) and v.startswith("@") else v for op, v in value.items()}
    return value


def _node(node: dict) -> dict:
    return {**node, "RIGHT_ATTRS": {attr: expand(value) for attr, value in node.get("RIGHT_ATTRS", {}).items()}}


@lru_cache(maxsize=8)
def matcher(vocab: Vocab, table: RuleTable) -> tuple[DependencyMatcher, dict[str, tuple[str, str, int]]]:
    """The matcher of every pattern of the table, and what each match key stands for:
    (rule, "patterns" or "sources", tier)."""
    dm = DependencyMatcher(vocab)
    keys: dict[str, tuple[str, str, int]] = {}
    for rule, groups in table.patterns.items():
        for group, entries in groups.items():
            for n, entry in enumerate(entries):
                key = f"{rule}/{group}/{n}"
                dm.add(key, [[_node(node) for node in entry["pattern"]]])
                keys[key] = (rule, group, int(entry.get("tier", 0)))
    return dm, keys


def find_matches(doc: Doc, table: RuleTable | None = None) -> dict[int, list[PatternMatch]]:
    """Cue index -> the constructions found there, one per rule, in the table's order."""
    table = table or rule_table()
    if not table.patterns:
        return {}
    dm, keys = matcher(doc.vocab, table)
    best: dict[tuple[str, str, int], tuple] = {}  # (rule, group, cue) -> (tier, node index, tokens)
    for match_id, token_ids in dm(doc):
        rule, group, tier = keys[doc.vocab.strings[match_id]]
        names = [node["RIGHT_ID"] for node in _pattern(table, doc.vocab.strings[match_id])]
        tokens = dict(zip(names, token_ids))
        target = tokens["content" if group == "patterns" else "source"]
        key = (rule, group, tokens["cue"])
        if key not in best or (tier, target) < best[key][:2]:
            best[key] = (tier, target, tokens)
    found: dict[int, list[PatternMatch]] = {}
    for rule in table.patterns:
        for (name, group, cue), (_, _, tokens) in sorted(best.items(), key=lambda item: item[0][2]):
            if name != rule or group != "patterns":
                continue
            source = best.get((rule, "sources", cue))
            match = PatternMatch(rule, doc[cue], doc[tokens["content"]],
                                 doc[source[2]["source"]] if source else None,
                                 doc[tokens["cue_end"]] if "cue_end" in tokens else None)
            found.setdefault(cue, []).append(match)
    return found


def _pattern(table: RuleTable, key: str) -> list[dict]:
    rule, group, n = key.split("/")
    return table.patterns[rule][group][int(n)]["pattern"]
