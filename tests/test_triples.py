"""Triples: subject-verb-object from the parse, with prepositions, passives and negation."""

from __future__ import annotations

from conftest import extract_text


def triples_of(text: str):
    result, _ = extract_text(text)
    return [(t.subject_text, t.predicate, t.object_text) for t in result.triples], result.triples


def test_subject_verb_object_with_actor_ids():
    found, triples = triples_of("Angela Merkel welcomed Emmanuel Macron.")
    assert found == [("Angela Merkel", "welcome", "Emmanuel Macron")]
    assert (triples[0].subject, triples[0].object) == ("angela_merkel", "emmanuel_macron")


def test_preposition_is_kept_in_the_predicate():
    found, _ = triples_of("Germany depends on Russian gas.")
    assert ("Germany", "depend on", "Russian gas") in found


def test_passive_with_agent_is_turned_active():
    found, _ = triples_of("The proposal was rejected by the committee.")
    assert ("the committee", "reject", "The proposal") in found


def test_coordinated_subjects_expand():
    found, _ = triples_of("France and Germany signed the treaty.")
    assert ("France", "sign", "the treaty") in found and ("Germany", "sign", "the treaty") in found


def test_negation_is_kept():
    _, triples = triples_of("Japan did not recognize the government.")
    assert triples and triples[0].negated and triples[0].predicate == "recognize"


def test_triples_inside_a_claim_are_asserted_by_it():
    result, _ = extract_text("Angela Merkel said that Russia attacked Ukraine.")
    [claim] = result.claims
    attack = next(t for t in result.triples if t.predicate == "attack")
    assert attack.asserted_by == claim.id
