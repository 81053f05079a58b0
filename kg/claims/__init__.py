"""Attributed claims: who said what, with the cue and the exact content span.

The stage runs in three steps over one parsed document:

1. :mod:`.direct` attributes **quotations** (straight, curly or doubled marks; speaker
   before, after or inside; over several sentences and paragraphs; labels, dashes and
   colons that introduce them; quotation paragraphs without a cue of their own);
2. :mod:`.reported` finds **reported speech** (a cue verb with its complement, passive
   cues, clauses of comment, "according to X", speech-act nouns, adjectives of belief),
   skipping the cues step 1 used; constructions kept as data (the patterns of
   ``kg/data/claim_rules.toml``, :mod:`.patterns`) see the cues its rules leave alone;
3. :mod:`.sources` resolves each **source** to actors (names, pronouns, joint sources,
   documents, unnamed sources), and each attribution becomes one finished
   :class:`~kg.records.Claim` per content fragment and speaker (:mod:`.records`), with
   the speaker's label, the actors it is about, negation, hedging, the claimant's
   stances and a confidence (:mod:`.confidence`).

Every rule has a name (:class:`.rules.Rule`, what ``Claim.rule`` carries) and a line in
``kg/data/claim_rules.toml`` with its confidence.

Spans follow the conventions of attribution corpora (:mod:`.grammar`); :mod:`.quotes`
finds the quotation marks and :mod:`.layout` indexes paragraphs and quotations by token;
:mod:`.records` makes the records. Lexicons are data in ``kg/data/``: ``cue_verbs.txt``,
``cue_nouns.txt``, ``cue_adjectives.txt``, ``hedges.tsv``, ``group_heads.txt``,
``unnamed_sources.txt``, ``speaker_nouns.txt`` and ``not_sources.txt``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors import DocActors
from ..extensions import actors_of, document_of
from ..records import Claim
from .confidence import attribution_scores
from .direct import DirectQuotes
from .layout import Layout
from .model import Attribution
from .quotes import Quote, find_quotes, has_partial_quote
from .records import claims_of
from .reported import ReportedSpeech
from .rules import Rule, RuleTable, rule_table
from .sources import SourceResolver, speakers_from_the_body

__all__ = ["extract_claims", "find_quotes", "has_partial_quote", "Quote", "Rule", "RuleTable", "rule_table"]


def outermost(attributions: list[Attribution]) -> list[Attribution]:
    """Reported speech not nested in another's content: in "Xi said Russian officials
    continue to express their willingness", the claim is Xi's, not the officials'."""
    contents = [(a, s, e) for a in attributions for s, e in a.contents]
    return [a for a in attributions
            if not any(b is not a and s <= a.cue[0] and a.cue[1] <= e for b, s, e in contents)]


def well_formed(attribution: Attribution) -> bool:
    """True when every span of the attribution is a non-empty range (a parse gone astray
    must cost one claim, not the document)."""
    spans = [attribution.cue, *attribution.contents] + ([attribution.source_span] if attribution.source_span else [])
    return all(start < end for start, end in spans)


def extract_claims(doc: Doc, actors: DocActors | None = None, rules: RuleTable | None = None) -> list[Claim]:
    """All claims of one parsed document, in text order, as finished records.

    ``actors`` defaults to ``doc._.actors`` (resolved with the gazetteer alone when
    unset); the document's id and boilerplate come from ``doc._.document``; ``rules`` is
    the rule table (default ``kg/data/claim_rules.toml``).

    >>> from kg import nlp
    >>> [claim] = extract_claims(nlp.load()("Putin said that Russia would win."))
    >>> claim.speaker, claim.speaker_label, claim.cue, claim.content, claim.rule
    ('vladimir_putin', 'Vladimir Putin', 'said', 'that Russia would win', 'ccomp')
    """
    document = document_of(doc)
    actors = actors if actors is not None else actors_of(doc)
    text = document.text
    layout = Layout(doc, text, find_quotes(text))
    direct = DirectQuotes(doc, text, layout, document.is_skipped)
    attributions: list[Attribution] = direct.run()
    reported = ReportedSpeech(doc, text, layout, direct.used_cues, document.is_skipped, direct.extends, rules,
                              direct.names).run()
    reported = outermost(reported)
    attributions += reported + direct.after_reports(reported)
    attributions = [a for a in attributions if well_formed(a)]
    attributions.sort(key=lambda a: (a.start, a.cue))
    resolver = SourceResolver(doc, text, actors, layout)
    for attribution in attributions:
        resolver.resolve(attribution)
    speakers_from_the_body(attributions, text)
    scores = attribution_scores(attributions, rules)
    claims: list[Claim] = []
    for attribution in attributions:
        claims.extend(claims_of(document, doc, actors, attribution, scores[attribution.cue, attribution.source_span]))
    return claims
