"""Actors: names merged by exact name and surname, pronouns linked, every link explained."""

from __future__ import annotations

from conftest import extract_text
from kg.actors import name_key, slug


def test_slug_and_name_key():
    assert slug("Xi Jinping’s") == "xi_jinpings"
    assert slug("Émile Zola") == "emile_zola"
    assert name_key("King’s  College") == "king's college"


def test_surname_merges_with_full_name_in_the_same_document():
    result, pipeline = extract_text("Angela Merkel arrived in Paris. Later, Merkel met the press.")
    people = {m.text: m.actor for m in result.mentions if m.how in {"name", "alias"}}
    assert people["Angela Merkel"] == people["Merkel"] == "angela_merkel"
    surname = next(m for m in result.mentions if m.text == "Merkel")
    assert surname.rule == "surname" and "Angela Merkel" in surname.evidence


def test_two_people_with_one_surname_are_not_merged_on_the_surname():
    result, _ = extract_text("John Smith met Mary Smith in London. Smith said nothing.")
    by_text = {m.text: m.actor for m in result.mentions}
    assert by_text["John Smith"] != by_text["Mary Smith"]
    assert by_text["Smith"] not in {by_text["John Smith"], by_text["Mary Smith"]}


def test_names_merge_across_documents():
    from kg.ingest import document_from_text
    from kg.pipeline import Pipeline

    pipeline = Pipeline()
    results = list(pipeline.run([document_from_text("a", "Angela Merkel spoke in Berlin."),
                                 document_from_text("b", "Merkel said the talks went well.")]))
    ids = {m.text: m.actor for r in results for m in r.mentions}
    assert ids["Merkel"] == ids["Angela Merkel"]


def test_pronoun_links_to_the_preceding_person():
    result, _ = extract_text("Angela Merkel arrived late. She said that the talks were useful.")
    pronoun = next(m for m in result.mentions if m.how == "pronoun")
    assert pronoun.text == "She" and pronoun.actor == "angela_merkel"
    [claim] = result.claims
    assert claim.speaker == "angela_merkel" and claim.speaker_text == "She"
