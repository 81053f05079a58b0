"""Claims: direct quotes, reported speech and "according to", with speakers and offsets."""

from __future__ import annotations

from conftest import extract_text
from kg.claims import find_quotes


def claims_of(text: str):
    result, pipeline = extract_text(text)
    return [(c.speaker_text, c.cue, c.content, c.kind) for c in result.claims], result.claims


def test_direct_quote_speaker_after():
    found, _ = claims_of("“We will keep working together,” Angela Merkel said on Monday.")
    assert found == [("Angela Merkel", "said", "We will keep working together", "direct")]


def test_direct_quote_inverted_cue_with_apposition():
    found, claims = claims_of('"The talks failed," said John Smith, a professor at Oxford University.')
    assert found == [("John Smith, a professor at Oxford University", "said", "The talks failed", "direct")]
    assert claims[0].speaker == "john_smith"  # the source phrase keeps its apposition; the actor is the name


def test_direct_quote_speaker_before_with_colon():
    found, _ = claims_of("The minister told reporters: “The border will stay closed until spring.”")
    assert found == [("The minister", "told", "The border will stay closed until spring", "direct")]


def test_reported_speech_keeps_the_complementiser():
    found, _ = claims_of("Boris Johnson declared that Britain will leave the union next year.")
    assert found == [("Boris Johnson", "declared", "that Britain will leave the union next year", "indirect")]


def test_partial_quote_makes_a_mixed_claim():
    found, _ = claims_of("Emmanuel Macron promised to “defend every inch” of the alliance.")
    assert found == [("Emmanuel Macron", "promised", "to “defend every inch” of the alliance", "mixed")]


def test_according_to():
    found, claims = claims_of("According to analysts, the economy will shrink this year.")
    assert found == [("analysts", "According to", "the economy will shrink this year", "indirect")]
    assert claims[0].speaker is None  # an unnamed source has no actor


def test_joint_speakers_give_one_claim_each():
    found, claims = claims_of("Joe Biden and Olaf Scholz said that the sanctions would stay.")
    assert sorted(c.speaker for c in claims) == ["joe_biden", "olaf_scholz"]
    assert {f[0] for f in found} == {"Joe Biden and Olaf Scholz"}
    assert {c.content for c in claims} == {"that the sanctions would stay"}


def test_speaker_resolves_to_actor_and_content_names_actors():
    _, claims = claims_of("Vladimir Putin met reporters. Putin said that China supports Russia.")
    [claim] = claims
    assert claim.speaker == "vladimir_putin"
    assert set(claim.about) >= {"china", "russia"}


def test_negation_and_hedging_are_properties():
    _, [claim] = claims_of("The spokesman did not say that the army could withdraw.")
    assert claim.negated and claim.hedged


def test_no_claim_without_a_cue():
    found, _ = claims_of("The army crossed the river at dawn and the town fell by noon.")
    assert found == []


def test_find_quotes_handles_unclosed_paragraph_quotes():
    text = "“First part of a long quote.\n“Second part,” he said."
    quotes = [(text[q.start:q.end], q.closed) for q in find_quotes(text)]
    assert quotes == [("First part of a long quote.", False), ("Second part,", True)]
