"""Actors: names, titles, metonyms, groups and pronouns resolved, every link explained."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from conftest import extract_text, run_kg

from kg.actors import ActorResolver, DocActors, name_key, slug
from kg.gazetteer import load_gazetteer
from kg.ingest import document_from_text
from kg.lexicons import lexicon
from kg.mentions.base import strip_name
from kg.pipeline import Pipeline
from kg.records import Mention


def run(text: str, published: str | None = "2023-06-01", doc_id: str = "doc", pipeline: Pipeline | None = None):
    """Extract one document with a publication date; returns (result, pipeline)."""
    pipeline = pipeline or Pipeline()
    document = document_from_text(doc_id, text)
    if published:
        document.meta["published"] = published
    [result] = pipeline.run([document])
    return result, pipeline


def linked(result, text: str) -> list[Mention]:
    """The mentions whose text is ``text`` (several records for a mention of several actors)."""
    return [m for m in result.mentions if m.text == text]


def actor_of(result, text: str) -> str | None:
    found = linked(result, text)
    assert found, f"no mention {text!r} in {[m.text for m in result.mentions]}"
    return found[0].actor


# --- names ------------------------------------------------------------------------------


def test_slug_and_name_key():
    assert slug("Xi Jinping’s") == "xi_jinpings"
    assert slug("Émile Zola") == "emile_zola"
    assert name_key("King’s  College") == "king's college"


@pytest.mark.parametrize("text, name", [
    ("LONDON (Reuters) - Harlow Mills Ltd said it would close two plants. It added that no jobs would go.", "Harlow Mills Ltd"),
    ("PARIS - Veltrand SA said on Monday that sales fell.", "Veltrand SA"),
])
def test_a_company_the_parser_missed_after_a_dateline_is_an_organisation(text: str, name: str):
    result, pipeline = run(text)
    actor = actor_of(result, name)
    assert pipeline.resolver.actors[actor].kind == "Organization"
    assert {c.speaker for c in result.claims} == {actor}


def test_a_name_the_parser_ran_into_its_bracketed_acronym_is_one_actor_with_it():
    result, pipeline = run("The World Health Organization (WHO) said more than 8 million people were ill. "
                           "The WHO called for a treaty.")
    assert {c.speaker for c in result.claims} == {"world_health_organization"}
    assert not [a for a in pipeline.resolver.actors.values() if "(" in a.label]


def test_a_person_the_parser_missed_after_an_honorific_is_a_person():
    result, pipeline = run('Its director, Dr Lars Eide, said: "The trend is clear."')
    assert pipeline.resolver.actors["lars_eide"].kind == "Person"
    assert [c.speaker for c in result.claims] == ["lars_eide"]
    assert not [a for a in pipeline.resolver.actors if a.startswith("described_")]


def test_a_name_the_parser_ended_with_a_connector_ends_before_it():
    doc = spacy.blank("en")("the Office for the Western District of New York said")
    assert strip_name(doc[1:7]).text == "Office for the Western District"  # the parser stopped before "New York"


def test_an_award_before_winning_is_no_actor():
    result, _ = run("The Oscar-winning director Maria Lund said the film would open in May.")
    assert {m.actor for m in result.mentions} - {None} == {"maria_lund"}


def test_a_name_in_a_quoted_title_is_a_work():
    result, _ = run("The odyssey began ten years ago, when the “Louis and Martin” star woke up after surgery.")
    assert [(m.text, m.actor, m.rule) for m in result.mentions] == [("Martin", None, "work")]


def test_a_name_before_based_is_a_place():
    result, _ = run("The Brightwater-based firm said profits rose.")  # the parser took it for a company
    assert [(m.text, m.actor, m.rule) for m in result.mentions] == [("Brightwater", None, "place")]


def test_the_last_words_of_a_body_named_before_are_that_body():
    result, _ = run("The Harlow Port Authority approved the plan. The Port Authority said work would start in May.")
    assert actor_of(result, "The Port Authority") == actor_of(result, "The Harlow Port Authority")
    assert actor_of(result, "The Port Authority") == "harlow_port_authority"
    assert linked(result, "The Port Authority")[0].rule == "name-end"


@pytest.mark.parametrize("text, name", [
    ("Boston held on for a 112-107 win over the Thunder on Tuesday night. “We kept fighting,” coach Jo Park said.",
     "Thunder"),
    ("Late goals lifted the Rangers past the Bruins on Saturday, and the Bruins fell to 3-4.", "Bruins")])
def test_a_name_after_the_is_no_person(text: str, name: str):
    _, pipeline = run(text)
    assert {a.label: a.kind for a in pipeline.actors()}[name] == "Organization"  # a team, not a person


def test_a_name_first_taken_for_a_person_is_a_body_once_the_text_says_the():
    _, pipeline = run("The fight led to suspensions for Browns pass rusher Myles Garrow on Thursday. "
                      "The Steelers and Browns were in the news again. Heyward looks forward to facing the Browns.")
    assert {a.label: a.kind for a in pipeline.actors()}.get("Browns") == "Organization"


def test_a_family_name_in_the_plural_after_the_is_a_group():
    _, pipeline = run("Jo Hartley opened the season's first fair on Friday. The Hartleys have run it since 1990.")
    assert {a.label: a.kind for a in pipeline.actors()}.get("Hartleys") == "Group"


def test_a_person_called_a_victim_is_a_person_and_an_age_is_no_part_of_the_name():
    result, pipeline = run("The suit was filed by 19-year-old Tessa Marlow, a victim of the fraud, on Monday. "
                           "Lawyers for Marlow said she had lost her savings.")
    assert {a.label: a.kind for a in pipeline.actors()}.get("Tessa Marlow") == "Person"
    assert actor_of(result, "Marlow") == actor_of(result, "Tessa Marlow") == "tessa_marlow"


@pytest.mark.parametrize("text, pronoun, person", [
    ("Pope Gregory said he could not have met Carla Stein, because she had described him as tall.", "she",
     "carla_stein"),
    ("Queen Margaret said she had never met Tom Hale, because he was abroad that year.", "he", "tom_hale")])
def test_a_title_then_a_given_name_tells_the_persons_gender(text: str, pronoun: str, person: str):
    result, _ = run(text)
    assert actor_of(result, pronoun) == person


def test_a_family_name_alone_is_the_person_the_document_named_not_a_known_namesake():
    result, _ = run("Dennis Schröder scored 31 points for the visitors.\n\n"
                    "“We played hard, but they hit some tough shots,” Schröder said.\n\n"
                    "Schröder got a technical foul in the third quarter.")
    assert {m.actor for m in linked(result, "Schröder")} == {"dennis_schroder"}  # not Gerhard Schröder


def test_a_name_after_a_word_for_a_person_is_a_person():
    _, pipeline = run("Tom Baird announced on Sunday that his wife, Kimberly, had left the firm. He said Kimberly was well.")
    assert {a.label: a.kind for a in pipeline.actors()}.get("Kimberly") == "Person"


def test_the_body_a_named_head_leads_is_no_person():
    _, pipeline = run("Like Corvane head Ada Moss, Brillo CEO Jo Dunn has spoken out about the counts.")
    kinds = {a.label: a.kind for a in pipeline.actors()}
    assert kinds.get("Corvane") == kinds.get("Brillo") == "Organization"
    assert kinds.get("Jo Dunn") == "Person"


def test_a_short_given_name_is_the_person_named_in_full():
    result, _ = run("Joshua Apte, a professor of engineering, said the air was poor.\n\n"
                    "— Josh Apte (@joshapte) November 3, 2019\n\n“It overflows,” Apte said.")
    assert actor_of(result, "Josh Apte") == actor_of(result, "Apte") == "joshua_apte"


def test_a_company_and_its_web_domain_are_one_actor():
    result, _ = run("Rates fell, according to Edmunds.com, a California-based data firm. "
                    "Edmunds expects 16.6 million cars to be sold this year.")
    assert actor_of(result, "Edmunds") == actor_of(result, "Edmunds.com")


def test_a_noble_title_then_a_given_name_tells_the_persons_gender():
    result, _ = run("Prince Andrew said she had called him after Lena Ross left.")
    assert "prince_andrew" not in {m.actor for m in linked(result, "she")}


def test_a_plural_word_for_people_is_no_description_of_the_one_named_after_it():
    result, _ = run("It was due to the largesse of his friends, particularly Harriet Voss, who came often.")
    assert not linked(result, "friends")


def test_a_given_name_and_a_family_name_before_a_role_in_apposition_are_a_person_the_parser_missed():
    from kg import nlp
    from kg.mentions.proper_names import _untagged_people
    doc = nlp.load()("Jeff Sanborn, president of Chapter & Verse, said the ads were meant to shock. "
                    "Grace Hall, which opened in 1990, was full.")
    doc.ents = []  # as the parser left them in a long article
    assert [span.text for span in _untagged_people(doc)] == ["Jeff Sanborn"]


def test_a_players_position_inside_a_name_is_no_part_of_it():
    result, pipeline = run("Hawks DL Marcus Oduya, however, said the referee should be disciplined. Oduya said so twice.")
    assert actor_of(result, "Oduya") == "marcus_oduya"
    assert "Marcus Oduya" in {a.label for a in pipeline.actors()}


def test_a_name_only_ever_used_for_a_place_is_no_actor_whatever_the_parser_took_it_for():
    result, pipeline = run("Militias in al-Shadi have been trained by the army. Supplies reach the al-Shadi base by "
                           "road, and officials say the men at al-Shadi are safe.")
    assert "al-Shadi" not in {a.label for a in pipeline.actors()}
    assert {m.actor for m in linked(result, "al-Shadi")} <= {None}


def test_a_name_listed_with_places_is_a_place_unless_it_acts():
    result, pipeline = run("Gales hit Devon and Cornwall, Exmoor and Lundy on Sunday, and storm alerts cover Kintyre "
                           "and Lorne.")
    assert not {a.label for a in pipeline.actors()} & {"Devon", "Lundy", "Lorne"}
    assert {m.actor for name in ("Devon", "Lundy", "Lorne") for m in linked(result, name)} == {None}
    _, pipeline = run("Lorne and Kintyre signed the letter, and Lorne said it was urgent.")
    assert "Lorne" in {a.label for a in pipeline.actors()}
    _, pipeline = run("The group bought Orbis Media, Lucasfilm and Vantrel.")  # a list of companies
    assert "Vantrel" in {a.label for a in pipeline.actors()}


def test_a_name_used_at_a_place_that_also_acts_stays_an_actor():
    _, pipeline = run("\"We sell to everyone,\" says Jo Lyle, vice president at Brantel. "
                      "Brantel are believers in streaming, Lyle says.")
    assert "Brantel" in {a.label for a in pipeline.actors()}


def test_an_abbreviated_title_alone_is_no_actor():
    result, pipeline = run("Aid was blocked, officials said.\n\nCmdr. Lena Ortiz, a spokesperson for the mission, "
                           "told reporters that the claim was false.")
    assert not {a.label for a in pipeline.actors()} & {"Cmdr", "Cmdr."}
    assert actor_of(result, "Lena Ortiz") == "lena_ortiz"


def test_a_law_and_its_acronym_are_no_actors():
    result, pipeline = run("Senators attacked the Coastal Waters Protection Act (CWPA) on Monday. "
                           "Jo Park said the CWPA would cost jobs.")
    assert not {a.label for a in pipeline.actors()} & {"Coastal Waters Protection Act", "CWPA"}


def test_an_acronym_the_text_spells_out_in_lower_case_is_no_actor():
    _, pipeline = run("Loans from regional development lenders (RDLs) rose, and one RDL said so. "
                      "She ran a PB (personal best) at the Oslo meeting, the IAAF (International Amateur "
                      "Athletic Federation) said.")
    labels = {a.label for a in pipeline.actors()}
    assert not labels & {"RDL", "RDLs", "PB"} and "IAAF" in labels  # spelled out in capitals: a name


@pytest.mark.parametrize("text, name", [
    ("The Lisbon Crash, which shook the industry, was discussed by Jo Park on Monday.", "Lisbon Crash"),
    ("The Kessel Crisis, which shook the industry, was discussed by Jo Park on Monday.", "Kessel Crisis"),
    ("Leaders backed the Meridian Agenda, which sets out reforms to the World Bank.", "Meridian Agenda"),
    ("Members sign the Pixel Covenant, which bans spam.", "Pixel Covenant"),
])
def test_a_happening_or_a_programme_by_its_name_is_no_actor(text: str, name: str):
    _, pipeline = run(text)
    assert name not in {a.label for a in pipeline.actors()}


def test_a_name_given_as_an_example_of_things_is_no_actor():
    _, pipeline = run("I don't pay for things like Vantel Gold. Teens use apps such as Snaplet every day. "
                      "Fans of celebrities like Mara Quist were there, as were firms like Brantel.")
    labels = {a.label for a in pipeline.actors()}
    assert not labels & {"Vantel Gold", "Snaplet"} and {"Mara Quist", "Brantel"} <= labels


def test_a_name_listed_with_things_is_a_thing():
    _, pipeline = run("The clinic offers shots against Kelvax, shingles and flu. The event drew Jo Varn, voters and "
                      "donors.")
    labels = {a.label for a in pipeline.actors()}
    assert "Kelvax" not in labels and "Jo Varn" in labels  # voters and donors are someone
    _, pipeline = run("The Post will brand you a liar and Varn News will accuse you of panic.")
    assert "Varn News" in {a.label for a in pipeline.actors()}  # one noun a misparse joined it to is no list


def test_a_demonym_before_a_word_for_people_is_not_the_state():
    result, _ = run("His American parents never filed the papers, and American politicians ignored him.")
    assert not [m for m in result.mentions if m.text == "American"]


@pytest.mark.parametrize("text", ["The plan was backed by Energy Secretary Jo Park, who said prices would fall.",
                                  "He was told by former National Security Adviser Jo Park to go.",
                                  "Jo Park, the shadow International Development Secretary, quoted the letter."])
def test_a_portfolio_before_a_role_is_part_of_a_title(text: str):
    result, _ = run(text)
    assert {m.actor for m in result.mentions} == {"jo_park"}


@pytest.mark.parametrize("place", ["Paktar", "Nangar"])
def test_a_name_used_as_a_place_stays_a_place_where_the_parser_takes_it_for_someone(place: str):
    result, _ = run(f"The helicopter crashed in {place} province south of Kabul. "
                    f"\"It was shot down near Pangram in Sarkh, {place},\" a spokesman said in a tweet.")
    assert [(m.actor, m.rule) for m in result.mentions if m.text == place] == [(None, "place")] * 2


def test_a_venue_named_like_a_body_is_a_place_unless_it_acts():
    result, _ = run("The Wild won 4-1 in front of 15,522 in KeyBank Center. She was treated at Mercy Hospital. "
                    "The Pew Research Center found that most adults agreed.")
    assert actor_of(result, "KeyBank Center") is None and actor_of(result, "Mercy Hospital") is None
    assert actor_of(result, "The Pew Research Center") is not None
    result, _ = run("She was treated at Mercy Hospital. Mercy Hospital said she was recovering.")
    assert actor_of(result, "Mercy Hospital") is not None  # it speaks


def test_a_party_written_with_a_lower_case_party_is_the_party():
    result, _ = run("The Conservative party said the count was fair. The Conservative Party won two seats.")
    assert actor_of(result, "The Conservative party") == actor_of(result, "The Conservative Party")


def test_a_share_of_the_vote_after_a_name_is_not_part_of_it():
    result, pipeline = run("A new survey shows Alvarez leading Trump 52.1 percent to 40.2 percent.")
    assert actor_of(result, "Trump") == "donald_trump"  # the parser took "Trump 52.1 percent" for a company
    assert not [a for a in pipeline.actors() if any(ch.isdigit() for ch in a.label)]


def test_a_company_suffix_in_a_compound_word_names_no_company():
    result, _ = run("Rubio co-chaired the panel. Rubio said it would meet again.")
    assert all("co" not in m.text.split() for m in result.mentions)


def test_surname_merges_with_full_name_in_the_same_document():
    result, pipeline = extract_text("Angela Merkel arrived in Paris. Later, Merkel met the press.")
    people = {m.text: m.actor for m in result.mentions if m.how in {"name", "alias"}}
    assert people["Angela Merkel"] == people["Merkel"] == "angela_merkel"
    surname = next(m for m in result.mentions if m.text == "Merkel")
    assert surname.rule == "surname" and "Angela Merkel" in surname.evidence


@pytest.mark.parametrize("text, later", [
    ("Kate Moss-Holt won the seat. Moss-Holt said the count was fair.", "Moss-Holt"),  # a hyphenated family name
    ("Mary Smith won the seat. Mrs Smith said she was delighted.", "Smith"),  # an honorific with no full stop
    ("Thomas R. Whitfield Jr. won the seat. Whitfield said the count was fair.", "Whitfield"),  # after "Jr."
])
def test_a_family_name_after_the_full_name_is_that_person(text: str, later: str):
    result, _ = run(text)
    assert {m.actor for m in result.mentions if m.text == later} == {result.mentions[0].actor}


def test_two_people_with_one_surname_are_not_merged_on_the_surname():
    result, _ = extract_text("John Smith met Mary Smith in London. Smith said nothing.")
    by_text = {m.text: m for m in result.mentions}
    assert by_text["John Smith"].actor != by_text["Mary Smith"].actor
    assert by_text["Smith"].actor is None and by_text["Smith"].rule == "surname-ambiguous"


def test_a_family_name_used_alone_before_a_namesake_was_named_keeps_its_person():
    result, _ = extract_text("Sen. Jo Alder backed the bill on Monday. Alder said it was overdue. Critics had mocked "
                             "his wife, Mia, and his father, Rafael. Rafael Alder, who was born in Cuba, stayed quiet. "
                             "A photo of Mia Alder was shared online. On Tuesday, Alder said he would not resign.")
    assert [m.actor for m in result.mentions if m.text == "Alder"] == ["jo_alder", "jo_alder"]
    assert [c.speaker for c in result.claims if c.speaker_text == "Alder"] == ["jo_alder", "jo_alder"]


def test_a_place_and_an_office_before_a_name_are_no_person_of_their_own():
    _, pipeline = run("Crowds gathered in Charlotte. Charlotte Mayor Jennifer Roberts said the video would be "
                      "released. Charlotte was calm on Sunday.")
    assert {a.label for a in pipeline.actors()} == {"Jennifer Roberts"}


def test_a_company_named_with_and_without_group_is_one_body():
    result, pipeline = run("A glitch cost Varden Capital Group $440 million. Varden Capital said a new system failed. "
                           "Analysts said Varden acted too late. Larry Tabb, founder of Tabb Group, said Tabb would "
                           "not comment.")
    assert {m.actor for m in result.mentions if m.text.startswith("Varden")} == {"varden_capital"}
    assert actor_of(result, "Tabb") == "larry_tabb"


def test_an_acronym_the_text_gave_a_body_is_that_body_whatever_the_tagger_says():
    result, _ = run("The Chubu Electric Power Company (CEPCO), which manages the plant, says that no damage has been "
                    "detected. CEPCO has already reported highly radioactive water in buildings and trenches.")
    assert {m.actor for m in result.mentions if m.text == "CEPCO"} == {"chubu_electric_power_company"}


def test_initials_are_the_one_person_of_the_document_with_them():
    later = " Later, TLO told reporters the fund would survive."
    result, _ = run("Crypto founder Tara Lind-Okafor spoke on Monday." + later)
    assert actor_of(result, "TLO") == "tara_lind_okafor"
    result, _ = run("Tara Lind-Okafor and Tom Lee Orr spoke on Monday." + later)  # whose initials?
    assert not [m for m in result.mentions if m.text == "TLO" and m.actor in ("tara_lind_okafor", "tom_lee_orr")]


def test_a_description_known_by_a_name_is_that_person():
    result, _ = run("Crypto founder Tara Lind-Okafor spoke on Monday. Later, TLO told reporters the fund would "
                    "survive. The erstwhile executive, known in the crypto world as TLO, discussed regulators.")
    assert actor_of(result, "The erstwhile executive") == "tara_lind_okafor"


def test_an_honorific_tells_two_people_with_one_surname_apart():
    result, _ = run("Tom Baker and Susan Baker arrived together. Mrs. Baker spoke first.")
    mention = linked(result, "Mrs. Baker")[0]
    assert mention.actor == "susan_baker" and mention.rule == "surname-title"


def test_family_name_first_names_merge_on_the_family_name():
    result, _ = run("Wang Tao met the delegation on Monday. Later, Wang said the talks went well.")
    assert actor_of(result, "Wang") == "wang_tao"
    [claim] = result.claims
    assert claim.speaker == "wang_tao"


def test_a_given_name_alone_is_the_one_person_so_named():
    result, _ = run("Melania Trump spoke in Ohio. Later, Melania said that she was proud.")
    mention = linked(result, "Melania")[0]
    assert mention.actor == "melania_trump" and mention.rule == "given-name"


def test_a_middle_initial_does_not_make_another_person():
    result, _ = run("Richard Nixon resigned in 1974. Richard M. Nixon was the 37th president.")
    assert actor_of(result, "Richard M. Nixon") == "richard_nixon"
    bush, _ = run("George Bush spoke.")  # George H. W. Bush or George W. Bush: no merge
    assert actor_of(bush, "George Bush") not in {"george_h_w_bush", "george_w_bush"}


def test_a_family_name_of_the_document_comes_before_a_name_seen_elsewhere():
    pipeline = Pipeline()
    run("Sanders did not answer.", doc_id="a", pipeline=pipeline)  # no full name: an actor of its own
    result, _ = run("Sanders spoke first. Later, Bernie Sanders said more.", doc_id="b", pipeline=pipeline)
    assert {m.actor for m in result.mentions if "Sanders" in m.text} == {"bernie_sanders"}


def test_an_acronym_and_its_expansion_are_one_actor_either_way_round():
    result, _ = run("The Office of Fair Trading (OFT) fined Brightwell Ltd on Monday. "
                    "The OFT said prices had been fixed. Brightwell said it would appeal.")
    oft = actor_of(result, "The Office of Fair Trading")
    assert actor_of(result, "OFT") == oft and actor_of(result, "The OFT") == oft
    assert actor_of(result, "Brightwell") == actor_of(result, "Brightwell Ltd")  # without "Ltd"
    later, _ = run("Inspectors from the CQC visited the ward. The Care Quality Commission found it unsafe.")
    assert actor_of(later, "The Care Quality Commission") == actor_of(later, "the CQC")


def test_an_acronym_spelled_out_before_it_is_named_by_its_expansion():
    result, _ = run("The Harlow County State Attorney General (HCAG) is investigating Brightwell. The company, which "
                    "faces losses, confirmed that it had been contacted by the HCAG.")
    assert actor_of(result, "HCAG") == actor_of(result, "the HCAG") == "harlow_county_state_attorney_general"
    assert actor_of(result, "The company") == actor_of(result, "Brightwell")  # an attorney's office is no company
    result, _ = run("The Harlow County Fire Marshal (HFM) closed the pier. The HFM said it was unsafe.")
    assert actor_of(result, "The HFM") == actor_of(result, "The Harlow County Fire Marshal")  # not its initials


@pytest.mark.parametrize("text, short, full", [
    ("Northern Gas & Power Co. cut supplies. NG&P said the cuts would last two days.", "NG&P", "Northern Gas & Power Co."),
    ("Harlan Robotics, Vexa and others were picked. Harlan Robotics Inc. said it was proud.",
     "Harlan Robotics", "Harlan Robotics Inc."),  # the short name first, then with its legal form
])
def test_a_company_short_form_is_the_company(text: str, short: str, full: str):
    result, _ = run(text)
    assert actor_of(result, short) == actor_of(result, full) is not None


def test_formats_and_units_are_no_actors():
    result, _ = run("The Kestrel X2 stores PDF files and JPEG images of up to 20 MB, Kestrel Labs said.")
    actors = {m.actor for m in result.mentions}
    assert "kestrel_labs" in actors and not actors & {"pdf", "jpeg", "mb"}


def test_capitals_that_spell_no_name_of_the_document_stay_apart():
    result, _ = run("The Office of Fair Trading opened an inquiry. The BBC reported it first.")
    assert actor_of(result, "The BBC") != actor_of(result, "The Office of Fair Trading")


def test_names_merge_across_documents():
    pipeline = Pipeline()
    results = list(pipeline.run([document_from_text("a", "Angela Merkel spoke in Berlin."),
                                 document_from_text("b", "Merkel said the talks went well.")]))
    ids = {m.text: m.actor for r in results for m in r.mentions}
    assert ids["Merkel"] == ids["Angela Merkel"]


def test_actors_learnt_from_the_store_keep_family_names_out_of_their_names():
    from kg.actors import ActorResolver
    from kg.records import Actor

    resolver = ActorResolver()
    resolver.learn([Actor(id="kerry_brown", label="Kerry Brown", kind="Person", aliases=["Brown", "Professor Kerry Brown"])])
    assert resolver.known("brown") is None and resolver.known("professor kerry brown") == "kerry_brown"
    assert resolver.surname_candidates("brown") == {"kerry_brown"}


def test_titles_before_a_name_stay_in_the_mention():
    result, _ = run("Russian President Vladimir Putin met reporters.")
    [mention] = [m for m in result.mentions if m.actor == "vladimir_putin"]
    assert mention.text == "Russian President Vladimir Putin"
    assert mention.rule == "known-name" and "gazetteer" in mention.evidence


def test_a_person_named_before_a_title_keeps_the_possessor_apart():
    result, _ = run("Putin's new defense minister Pavel Orlov spoke on Monday.")
    assert actor_of(result, "Putin") == "vladimir_putin"
    assert any(m.actor == "pavel_orlov" and not m.text.startswith("Putin") for m in result.mentions)


# --- titles -----------------------------------------------------------------------------


@pytest.mark.parametrize("published, holder", [("2010-06-01", "dmitry_medvedev"), ("2023-03-22", "vladimir_putin")])
def test_a_title_resolves_to_the_holder_on_the_articles_date(published, holder):
    result, _ = run("The Russian president said that the talks had failed.", published=published)
    mention = linked(result, "The Russian president")[0]
    assert mention.actor == holder and mention.how == "title" and mention.rule == "office-holder"
    assert published in mention.evidence and "gazetteer" in mention.evidence
    assert result.claims[0].speaker == holder


def test_leader_means_the_office_the_state_is_led_from():
    result, _ = run("The Japanese leader warned that the talks had failed.", published="2019-05-01")
    assert actor_of(result, "The Japanese leader") == "shinzo_abe"


def test_a_title_given_with_a_name_in_the_document_wins():
    text = ("Kenyan President Amani Otieno opened the summit. The Kenyan president said that "
            "trade would grow.")
    result, _ = run(text)
    mention = linked(result, "The Kenyan president")[0]
    assert mention.actor == "amani_otieno" and mention.rule == "title-in-document"


def test_possessive_and_of_forms_of_a_title():
    result, _ = run("France's foreign minister flew to Rome. The president of Brazil stayed home.",
                    published="2024-02-01")
    assert actor_of(result, "France's foreign minister") == "stephane_sejourne"
    assert actor_of(result, "The president") == "luiz_inacio_lula_da_silva"


def test_hyphenated_titles_and_organisations_without_a_leader_title():
    result, pipeline = run("The UN secretary-general warned that the crisis could spread. Saudi officials said "
                           "the kingdom would host talks.", published="2015-09-14")
    assert actor_of(result, "The UN secretary-general") == "ban_ki_moon"
    assert actor_of(result, "the kingdom") == "saudi_arabia"
    assert "the kingdom" not in pipeline.resolver.actors["saudi_arabia"].aliases  # an anaphor, not a name


def test_a_former_holder_is_not_resolved_by_date():
    result, _ = run("The former Russian president criticised the plan.")
    assert not [m for m in result.mentions if "president" in m.text and m.actor]


def test_an_undated_article_resolves_titles_only_to_holders_it_names():
    named, _ = run("Dmitry Medvedev spoke first. The Russian president said little.", published=None)
    assert actor_of(named, "The Russian president") == "dmitry_medvedev"
    unnamed, _ = run("The Russian president said little.", published=None)
    assert not [m for m in unnamed.mentions if m.actor]


def test_a_bare_title_refers_back_to_the_holder_named_before():
    result, _ = run("Angela Merkel met the press in Berlin. The chancellor said the talks went well.",
                    published="2015-05-01")
    mention = linked(result, "The chancellor")[0]
    assert mention.actor == "angela_merkel" and mention.rule == "title-anaphor"


def test_a_name_after_a_title_of_office_is_a_person_even_where_it_never_acts():
    result, _ = run("The ministers spent hours fielding attacks from shadow chancellor Ed Balls. "
                    "The shadow chancellor said the plan had failed.")
    assert actor_of(result, "shadow chancellor Ed Balls") == "ed_balls"
    assert actor_of(result, "The shadow chancellor") == "ed_balls"


def test_a_name_between_the_words_of_a_title_is_its_jurisdiction():
    result, _ = run("The top US diplomat said the talks would resume.", published="2019-02-01")
    assert actor_of(result, "The top US diplomat") == "mike_pompeo"
    assert "State" not in [m.text for m in run("US Secretary of State Mary Lowe spoke.")[0].mentions]


def test_a_family_name_alone_finds_the_one_such_office_holder_of_the_date():
    result, _ = run("Suga said that Japan would raise defence spending.", published="2021-03-01")
    mention = linked(result, "Suga")[0]
    assert mention.actor == "yoshihide_suga" and mention.rule == "surname-office-holder"
    later, _ = run("Suga said that Japan would raise defence spending.", published="2024-03-01")
    assert actor_of(later, "Suga") != "yoshihide_suga"  # out of office: no evidence it is him


def test_a_hyphenated_given_name_is_kept_whole():
    result, _ = run("South Korean President Moon Jae-in spoke. Moon said he was hopeful.", published="2018-04-27")
    assert actor_of(result, "Moon") == "moon_jae_in"
    assert any(m.text.endswith("Moon Jae-in") for m in result.mentions)


# --- metonyms and places ------------------------------------------------------------------


def test_capitals_and_seats_stand_for_their_state_when_they_act():
    result, _ = run("Moscow warned Washington on Tuesday. The Kremlin said the talks were over.")
    assert actor_of(result, "Moscow") == "russia" and actor_of(result, "Washington") == "united_states"
    kremlin = linked(result, "The Kremlin")[0]
    assert kremlin.actor == "russia" and kremlin.how == "metonym" and "subject of 'said'" in kremlin.evidence


@pytest.mark.parametrize("text, place", [
    ("Putin arrived in Beijing on Friday.", "Beijing"),
    ("The leaders met at the Kremlin.", "the Kremlin"),
    ("Biden visited Kyiv in February.", "Kyiv"),
    ("Her trip to Tokyo was short.", "Tokyo"),
])
def test_a_capital_that_is_a_place_is_no_actor(text, place):
    result, _ = run(text)
    [mention] = linked(result, place)
    assert mention.actor is None and mention.rule == "place"


@pytest.mark.parametrize("text, place, state", [
    ("The sanctions hurt Beijing's economy.", "Beijing", "china"),
    ("The minister held talks with Paris about the treaty.", "Paris", "france"),
    ("It was a blatant jab at Washington.", "Washington", "united_states"),
    ("Kyiv and Warsaw signed the deal.", "Warsaw", "poland"),
])
def test_a_capital_that_acts_is_its_state(text, place, state):
    result, _ = run(text)
    assert actor_of(result, place) == state


def test_a_city_the_gazetteer_does_not_know_is_a_place_unless_it_acts():
    result, _ = run("The delegation travelled to Harbin. Later, Springfield sued the company.")
    assert actor_of(result, "Harbin") is None
    assert actor_of(result, "Springfield") == "springfield"


# --- groups -------------------------------------------------------------------------------


def test_groups_of_officials_and_forces_stand_for_their_state():
    result, _ = run("Russian officials denied the report. Ukrainian forces advanced on Monday.")
    officials = linked(result, "Russian officials")[0]
    assert officials.actor == "russia" and officials.rule == "group-for-state"
    assert actor_of(result, "Ukrainian forces") == "ukraine"


def test_blocs_and_groups_of_their_own():
    result, _ = run("Western countries imposed sanctions on Chinese companies. The West was united.")
    assert actor_of(result, "Western countries") == actor_of(result, "The West") == "the_west"
    assert actor_of(result, "Chinese companies") == "chinese_companies"
    assert "US allies" not in [m.text for m in run("US allies were worried.")[0].mentions if m.actor]


def test_initials_and_a_family_name_name_a_person():
    """The parser takes "J.C. Chandor" for a company; initials stand for given names."""
    result, pipeline = run("The actor stars in J.C. Chandor\u2019s new film. Chandor asked his leading man to pick a "
                           "year. \u201cScripts are vague,\u201d the director said.")
    assert actor_of(result, "Chandor") == actor_of(result, "the director") == "j_c_chandor"
    assert pipeline.resolver.actors["j_c_chandor"].kind == "Person"


def test_a_family_name_the_parser_takes_for_something_else_is_still_the_persons():
    result, _ = run("The film is by J.C. Tarrow.\n\nTarrow attributed the two actors\u2019 long friendship for making "
                    "the story feel real.")  # the parser tags the second "Tarrow" as a date
    assert [m.actor for m in linked(result, "Tarrow")] == ["j_c_tarrow"]


def test_a_pronoun_after_a_quotation_of_several_paragraphs_is_its_speaker():
    """Each paragraph of the quotation opens a mark; only the last closes it."""
    text = ("Ana Ruiz said the harbour plan was sound.\n\n"
            "Robin Vale, head of the Tidewater Growers Association, said the plan was late.\n\n"
            "\u201cWe have waited two years. The buyers are tired of waiting.\n\n"
            "\u201cThe ministry knows that. The growers know that. Everyone knows that.\u201d\n\n"
            "She said the growers would meet on Friday.")
    result, _ = run(text)
    assert linked(result, "She")[0].actor == "robin_vale"  # not Ana Ruiz, whom "she" would fit by name


def test_two_peoples_joined_by_a_hyphen_are_no_actor():
    result, _ = run("The 35-year-old Cuban-Guatemalan actor plays a businessman.")
    assert not [m for m in result.mentions if m.actor]


def test_a_given_name_the_parser_leaves_out_keeps_a_family_name_from_another_documents_person():
    pipeline = Pipeline()
    run("Chairperson Lina Khan said the merger would hurt competition.", doc_id="a", pipeline=pipeline)
    result, _ = run("In other developments on Tuesday, the club learned the union has heard from players, while London "
                    "mayor Sadiq Khan has said it is \"too early\" to discuss restarting sport in the capital.",
                    doc_id="b", pipeline=pipeline)  # the parser tags "Khan" alone
    [khan] = [m for m in result.mentions if m.text.endswith("Khan")]
    assert khan.actor == "sadiq_khan"  # not Lina Khan, the only Khan named before


def test_a_name_the_parser_missed_after_a_word_for_a_person_is_a_persons():
    result, _ = run("Striker Sergio Aguero has said players are scared. His team-mate Raheem Sterling shared his "
                    "concern on Monday.")  # the parser tags no "Raheem Sterling"
    assert actor_of(result, "team-mate Raheem Sterling") == "raheem_sterling"
    assert [m.actor for m in linked(result, "his")] == ["raheem_sterling"]


def test_a_month_the_parser_takes_for_a_person_is_no_actor():
    result, _ = run("Senior economist Brendon Bernard said May\u2019s strong numbers are a good reminder.")
    assert [m.actor for m in result.mentions if m.actor] == ["brendon_bernard"]  # not "May"
    result, _ = run("Prime Minister Theresa May spoke on Monday. Mrs May left early.")
    assert {m.actor for m in result.mentions if m.text.endswith("May")} == {"theresa_may"}


def test_a_nickname_given_is_no_actor_of_its_own():
    result, _ = run("Her allies, Mick Wallace and Clare Daly, dubbed Moscow Mick and Kremlin Clare by critics, "
                    "left the party.")
    assert {m.actor for m in result.mentions if m.actor} == {"mick_wallace", "clare_daly"}


def test_a_state_in_the_name_of_an_event_is_no_actor():
    result, _ = run("US Open 2023 results: Murray wins\n\nAndy Murray won at the US Open on Tuesday.")
    assert {m.actor for m in result.mentions if m.actor} == {"andy_murray"}  # "US" of the headline's "US Open"


def test_he_after_a_person_and_a_description_joined_in_apposition_is_the_person():
    text = ("Andrew Hale said the report was solid. He added that rates would hold.\n\n"
            "Tomas Ortiz, Harbour Economics managing director and head of macro strategy, was more cautious. "
            "He said the labour market showed signs of life.")
    result, _ = run(text)
    assert [m.actor for m in linked(result, "He")] == ["andrew_hale", "tomas_ortiz"]


def test_a_state_named_only_as_a_place_is_no_actor_of_the_document():
    result, _ = run("Researchers from a hospital in South Korea and a university in the Netherlands took part. "
                    "The Netherlands said it would fund the next trial.")
    south_korea = [m for m in result.mentions if m.text == "South Korea"]
    assert [(m.actor, m.place_of) for m in south_korea] == [(None, "south_korea")]  # where they are, no more
    # a state that acts anywhere in the document is an actor wherever it is named
    assert {m.actor for m in result.mentions if m.text.endswith("Netherlands")} == {"netherlands"}
    result, _ = run("The slain foreigners came from Italy, Poland and Spain. Spain said it would send a team.")
    assert [(m.text, m.actor) for m in result.mentions if m.text in {"Italy", "Poland"}] == [
        ("Italy", None), ("Poland", None)]  # where they came from, listed
    assert {m.actor for m in result.mentions if m.text == "Spain"} == {"spain"}
    result, _ = run("Tourists from Italy were among the victims.")
    assert [m.actor for m in result.mentions] == [None]  # where the tourists are from
    result, _ = run("The service launches in 14 countries, including Canada, the United Kingdom, Ireland and Spain. "
                    "Leaders of several countries, including Spain, protested.")
    assert [(m.text, m.actor) for m in result.mentions if m.text != "Spain"] == [
        ("Canada", None), ("the United Kingdom", None), ("Ireland", None)]  # examples of where it launches
    assert {m.actor for m in result.mentions if m.text == "Spain"} == {"spain"}  # one of the leaders' states


def test_a_demonym_modifying_a_thing_names_its_state_but_not_a_persons():
    result, _ = run("Western sanctions hurt the economy, and a Russian analyst praised American diplomacy.")
    assert actor_of(result, "Western") == "the_west" and actor_of(result, "American") == "united_states"
    assert "Russian" not in [m.text for m in result.mentions if m.actor]
    assert not [m for m in run("The anti-Western mood grew.")[0].mentions if m.actor]


def test_one_unnamed_official_is_not_the_state():
    result, _ = run("A US official said that the plan would fail.")
    assert actor_of(result, "US") == "united_states"
    [claim] = result.claims
    assert claim.speaker is None


# --- pronouns and anaphors ----------------------------------------------------------------


def test_pronoun_links_to_the_preceding_person():
    result, _ = extract_text("Angela Merkel arrived late. She said that the talks were useful.")
    pronoun = next(m for m in result.mentions if m.how == "pronoun")
    assert pronoun.text == "She" and pronoun.actor == "angela_merkel"
    assert "antecedent 'Angela Merkel'" in pronoun.evidence
    [claim] = result.claims
    assert claim.speaker == "angela_merkel" and claim.speaker_text == "She"


def test_pronouns_agree_in_gender():
    result, _ = run("Angela Merkel met Emmanuel Macron in Paris. He said that the meeting went well.",
                    published="2019-01-10")
    assert actor_of(result, "He") == "emmanuel_macron"


def test_a_pronoun_already_used_for_someone_tells_their_gender():
    result, _ = run("Eldar Vantos founded the app in 2016, and he said it grew fast. She said the move was overdue.")
    assert actor_of(result, "he") == "vantos"
    assert not [m for m in result.mentions if m.text == "She" and m.actor == "vantos"]  # "he" was used for him


def test_a_name_opening_its_sentence_that_a_word_for_a_person_describes_speaks():
    result, _ = run("Tomas Rell said the plan was dead. The mood was grim. Maelis, a Brazilian trans woman, said "
                    "the wards were full. “We cannot cope,” she said.")
    assert [c.speaker for c in result.claims][1:] == ["maelis", "maelis"]


def test_an_object_pronoun_is_not_its_own_subject():
    result, _ = run("Joe Biden called Olaf Scholz on Monday. Scholz thanked him.")
    assert actor_of(result, "him") == "joe_biden"


def test_it_refers_to_a_state_or_to_a_thing():
    result, _ = run("China said that it would respond to the sanctions.")
    assert actor_of(result, "it") == "china"
    thing, _ = run("The report was published on Monday. It said that the economy would shrink.")
    assert not [m for m in thing.mentions if m.text == "It" and m.actor]


def test_they_refers_to_actors_named_together():
    result, _ = run("Putin and Xi met in Moscow. They said that the partnership had no limits.")
    assert {m.actor for m in linked(result, "They")} == {"vladimir_putin", "xi_jinping"}


def test_they_may_stand_for_a_body_named_as_the_subject_before_it_in_its_sentence():
    result, _ = run("Officials in the West were worried. “If China wants to play a constructive role, then they "
                    "ought to press Russia to pull out,” Kirby said. Acme Corp said they would cut 500 jobs.")
    assert [m.actor for m in linked(result, "they")] == ["china", "acme_corp"]
    result, _ = run("Acme Corp told its workers that they would lose their jobs.")
    assert not [m for m in linked(result, "they") if m.actor]  # something plural is there: the workers
    result, _ = run("Kazakh officials were wary. Meanwhile, Russia is playing interference, they say, imposing new "
                    "import restrictions under the guise of health standards.")
    assert "russia" not in {m.actor for m in linked(result, "they")}  # they who speak of Russia


def test_the_two_leaders_and_the_country():
    result, _ = run("Emmanuel Macron hosted Narendra Modi in Paris. The two leaders signed a deal. "
                    "India said the country would buy more jets.", published="2023-07-14")
    assert {m.actor for m in linked(result, "The two leaders")} == {"emmanuel_macron", "narendra_modi"}
    assert actor_of(result, "the country") == "india"


def test_a_possessive_may_point_forward_to_the_subject():
    result, _ = run("During his visit to Brazil, Olaf Scholz praised the trade deal.")
    assert actor_of(result, "his") == "olaf_scholz"


def test_a_relative_pronoun_is_its_noun():
    result, _ = run("Turkey, which hosts the talks, said that a deal was close.")
    assert actor_of(result, "which") == "turkey"


# --- the lookups claims and triples use -----------------------------------------------------


def test_doc_actors_prefer_the_outermost_mention_and_the_innermost_at_an_offset():
    mentions = [Mention("d", (0, 5), "China", "china"), Mention("d", (0, 27), "China's President Xi Jinping", "xi"),
                Mention("d", (32, 45), "a US official", None), Mention("d", (34, 36), "US", "us"),
                Mention("d", (50, 65), "the two leaders", "a"), Mention("d", (50, 65), "the two leaders", "b")]
    actors = DocActors("d", mentions)
    assert actors.actor_in(0, 27).actor == "xi"
    assert actors.at(2).actor == "china" and actors.at(20).actor == "xi"
    assert actors.actor_in(32, 45) is None and actors.actors_in(32, 45) == ["us"]
    assert actors.actors_of(50, 65) == ["a", "b"]


# --- the gazetteer ------------------------------------------------------------------------


def test_gazetteer_entries_are_well_formed():
    gaz = load_gazetteer()
    offices = {o for tags in lexicon("titles.tsv").values() for o in tags}
    assert {t.office for t in gaz.tenures} <= offices
    assert all(re.fullmatch(r"Q\d+", a.wikidata) for a in gaz.actors.values() if a.wikidata)
    assert all(a.id == slug(a.label) for a in gaz.actors.values())
    seen: dict[tuple[str, str], list] = {}
    for tenure in gaz.tenures:
        assert tenure.end is None or tenure.start < tenure.end, tenure
        seen.setdefault((tenure.jurisdiction, tenure.office), []).append(tenure)
    for terms in seen.values():  # one holder of an office at a time (a day's overlap at hand-over)
        terms.sort(key=lambda t: t.start)
        for before, after in zip(terms, terms[1:]):
            assert before.end is not None and (after.start - before.end).days >= -1, (before, after)


def test_gazetteer_knows_the_worlds_states_with_capitals_and_demonyms():
    gaz = load_gazetteer()
    states = [a for a in gaz.actors.values() if a.kind == "Country"]
    assert len(states) >= 190
    assert gaz.by_metonym["kyiv"] == gaz.by_metonym["kiev"] == "ukraine"
    assert gaz.by_metonym["downing street"] == "united_kingdom"
    assert gaz.by_demonym["Chinese"] == "china"


def test_users_extend_the_gazetteer_with_a_turtle_file(tmp_path, monkeypatch):
    extra = tmp_path / "mine.ttl"
    extra.write_text("""
@prefix cg: <https://w3id.org/claimgraph/ontology#> .
@prefix actor: <https://w3id.org/claimgraph/id/actor/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
actor:ruritania a cg:Country ; rdfs:label "Ruritania" ; cg:demonym "Ruritanian" ; cg:capital "Strelsau" ;
    cg:leaderOffice "king" .
actor:rudolf_v a cg:Person ; rdfs:label "Rudolf V" ; schema:gender "male" ;
    cg:held [ cg:office "monarch" ; cg:jurisdiction actor:ruritania ; schema:startDate "2001-01-01"^^xsd:date ] .
""", encoding="utf-8")
    monkeypatch.setenv("KG_GAZETTEER", str(extra))
    result, _ = run("Strelsau protested. The Ruritanian king said that the border would stay open.")
    assert actor_of(result, "Strelsau") == "ruritania"
    assert actor_of(result, "The Ruritanian king") == "rudolf_v"


def test_the_gazetteer_as_stored_satisfies_the_shapes():
    from kg.rdf import actor_graph
    from kg.validate import validate

    report = validate(actor_graph(list(load_gazetteer().actors.values())))
    assert report.conforms, report.text()


# --- mentions in RDF ------------------------------------------------------------------------


def test_mentions_are_rdf_nodes_with_offsets_rule_and_evidence():
    from rdflib import Literal

    from kg.rdf import CG, document_graph, mention_iri

    result, _ = run("Emmanuel Macron hosted Narendra Modi in Paris. The two leaders signed a deal.")
    g = document_graph(result.document, result.mentions, result.claims, result.triples, result.text)
    [pair] = {m.span for m in linked(result, "The two leaders")}
    node = mention_iri("doc", pair)
    assert len(list(g.objects(node, CG.mentionOf))) == 2
    assert (node, CG.rule, Literal("two-named-before")) in g and (node, CG.start, Literal(pair[0])) in g
    [paris] = linked(result, "Paris")
    place = mention_iri("doc", paris.span)
    assert list(g.objects(place, CG.mentionOf)) == [] and (place, CG.rule, Literal("place")) in g



def test_the_two_leaders_are_people_in_office_not_anyone_named():
    result, _ = extract_text("Emmanuel Macron met Olaf Scholz in Berlin. Jane Roe, a professor at Oxford, watched. "
                             "Both leaders said the talks went well.")
    leaders = {m.actor for m in result.mentions if m.text == "Both leaders"}
    assert leaders == {"emmanuel_macron", "olaf_scholz"}


def test_the_two_countries_of_an_article_about_their_leaders():
    result, _ = extract_text("Emmanuel Macron met Olaf Scholz on Monday. Macron said the talks went well. "
                             "Scholz agreed. Spain was not invited. The two countries will meet again in May.")
    countries = {m.actor for m in result.mentions if m.text == "The two countries"}
    assert countries == {"france", "germany"}


def test_a_name_stops_where_the_parser_ran_it_into_other_words():
    result, _ = run("Marc Benioff, hosting Cook at the conference, praised him. Nadia Petrova beat Lena Ortiz 6-2 "
                    "on Sunday. She will sing at the Summer Music Awards after Ortiz withdrew. Governor Dale "
                    "Holcomb's 2016 plan was cut, said Kyle Brand.")
    names = {m.text for m in result.mentions}
    assert {"Lena Ortiz", "Kyle Brand"} <= names
    assert not {name for name in names if "6-2" in name or "hosting" in name or " after " in name or "2016" in name}


def test_the_company_is_the_business_named_before_not_a_newspaper_or_a_public_body():
    result, _ = run("Brightwell Ltd has been fined by the Department of Trade, the Daily Courier reported on "
                    "Monday. The company said it would appeal.")
    assert actor_of(result, "The company") == actor_of(result, "Brightwell Ltd")


@pytest.mark.parametrize("description", ["The former monopoly", "The state-owned utility", "The chipmaker"])
def test_the_company_described_by_adjectives_is_the_business_named_before(description: str):
    result, _ = run(f"Veltrand has lost customers for a decade. {description} said on Tuesday it would cut prices.")
    assert actor_of(result, description) == actor_of(result, "Veltrand") == "veltrand"


@pytest.mark.parametrize("description", ["The rival firm", "The beverage company"])
def test_a_description_that_points_to_another_business_is_not_the_one_named_before(description: str):
    result, _ = run(f"Veltrand has lost customers for a decade. {description} said on Tuesday it would cut prices.")
    assert not any(m.actor == "veltrand" for m in linked(result, description))


def test_a_name_with_a_or_an_is_one_of_its_kind_not_an_actor():
    result, pipeline = run("Samsung unveiled a cheaper Skyphone on Tuesday. The firm said it would sell well.")
    assert "skyphone" not in pipeline.resolver.actors and [c.speaker for c in result.claims] == ["samsung"]


def test_a_number_word_in_capitals_is_part_of_a_persons_name():
    result, pipeline = run("Manager Erik Ten Hag was sacked on Monday. Ten Hag said he had no regrets.")
    assert "erik_ten_hag" in pipeline.resolver.actors and [c.speaker for c in result.claims] == ["erik_ten_hag"]


def test_a_name_counted_in_the_plural_is_a_thing_made_not_an_actor():
    result, pipeline = run("After the first Zentrons shipped, the airline bought two Skyliners. Apple said so.")
    assert not {"zentrons", "skyliners"} & pipeline.resolver.actors.keys()


def test_a_title_introduced_by_a_noun_of_works_is_no_actor_wherever_it_is_named():
    result, pipeline = run("The film Starfall crossed $900 million. Director Ann Lee said the success of Starfall "
                           "surprised her. Polls show Clinton ahead.")
    assert "starfall" not in pipeline.resolver.actors
    assert [m.rule for m in linked(result, "Starfall")] == ["work", "work"]
    assert actor_of(result, "Clinton") is not None  # "show" as a verb introduces no work


def test_a_name_whose_shares_or_profits_the_text_gives_is_a_company_not_a_thing():
    result, pipeline = run("Veltrand shares fell 8% on Thursday after the chief executive warned of a difficult year.")
    assert actor_of(result, "Veltrand") == "veltrand" and pipeline.resolver.actors["veltrand"].kind == "Organization"


def test_a_name_in_apposition_with_a_role_is_a_person_whatever_the_tagger_said():
    result, pipeline = run("Frans Timmermans, the Commission's executive vice-president, told MPs that the plan would "
                           "work. \"We cannot wait,\" he said. Its director general, Sigrid de Vries, told reporters "
                           "it was late. \"It is a step,\" said Lucien Mathieu of Transport & Environment, a Brussels-based group.")
    kinds = {a.id: a.kind for a in pipeline.resolver.actors.values()}
    assert kinds["frans_timmermans"] == kinds["sigrid_de_vries"] == kinds["lucien_mathieu"] == "Person"
    assert [c.speaker for c in result.claims][:2] == ["frans_timmermans", "frans_timmermans"]
    assert not [a for a in pipeline.resolver.actors if a.startswith("described_")]  # "its director general" is named


def test_the_last_word_of_a_body_named_before_is_that_body_unless_two_share_it():
    result, _ = run("The Harlow Water Commission met on Monday. The Commission said the reservoirs were full.")
    assert actor_of(result, "The Commission") == actor_of(result, "The Harlow Water Commission")
    result, _ = run("The Harlow Water Commission and the Kent Rail Commission met. The Commission said so.")
    assert actor_of(result, "The Commission") not in {actor_of(result, "The Harlow Water Commission"),
                                                       actor_of(result, "the Kent Rail Commission")}


def test_a_name_stops_at_a_line_break():
    result, pipeline = run("Fix the roads\n\nThe council must act now, before winter comes.\n\nJon Rego\nCastro Valley\n")
    assert actor_of(result, "Jon Rego") == "jon_rego" and pipeline.resolver.actors["jon_rego"].label == "Jon Rego"


def test_a_role_or_a_sentence_opening_verb_before_a_name_is_not_part_of_it():
    result, _ = run("Superintendent Jennifer McCormick said schools were short of money. "
                    "Hosting Cook at the summit is an honour, Marc Benioff said. Tim Cook smiled.")
    assert actor_of(result, "Jennifer McCormick") == "jennifer_mccormick"
    assert {m.actor for m in result.mentions if m.text.endswith("Cook")} == {"tim_cook"}


def test_a_role_and_of_before_an_organisation_name_are_not_part_of_it():
    result, _ = run("“Landing is the easy part,” said Dana Reyes, CEO and Founder of Lunar Freight Inc.")
    assert actor_of(result, "Lunar Freight Inc.") == "lunar_freight_inc"
    assert not any("founder" in (m.actor or "") for m in result.mentions)


def test_a_one_word_name_before_the_noun_of_a_business_is_where_it_is():
    result, _ = run("Orders fell sharply, the Tarrytown carmaker said on Monday. The company blamed the weather.")
    assert [(m.text, m.actor) for m in result.mentions] == [("Tarrytown", None)]
    result, _ = run("Nordvik cut prices on Monday. Orders rose, the Nordvik fashion giant said.")
    assert [m.actor for m in result.mentions] == ["nordvik", "nordvik"]  # named before: the business itself


def test_the_office_of_an_office_holder_keeps_the_holder_in_its_name():
    result, _ = run("The Ohio Governor's Office of Rural Transport said buses would run again.")
    assert [(m.text, m.actor) for m in result.mentions] == [
        ("The Ohio Governor's Office of Rural Transport", "ohio_governors_office_of_rural_transport")]


def test_a_capitalised_common_word_and_an_event_are_no_actors():
    result, _ = run("Education is the answer, said Ann Lee. Spain won the Davis Cup Finals. "
                    "She praised education and sang at the Summer Music Awards. Acme said profits rose.")
    actors = {m.actor for m in result.mentions}
    assert {"ann_lee", "spain", "acme"} <= actors
    assert not actors & {"education", "davis_cup_finals", "summer_music_awards"}
    result, _ = run("Kava for home use has been legalized in nine states. Adults who used kava in the past year "
                    "were asked, Ann Lee said.")  # the parser reads both "Kava" and "kava" as names
    assert {m.actor for m in result.mentions} == {"ann_lee"}
    result, _ = run("Ann Lee backed the Global Fisheries Pact and voted against the Harbour Safety Bill.")
    assert {m.actor for m in result.mentions if m.actor} == {"ann_lee"}


def test_races_and_conferences_named_by_their_first_words_are_no_actors():
    result, _ = run("Tejo Ruiz quit the Tour de France after a crash on stage 7, his team said on Friday.\n\n"
                    "Delegates hope COP31 will solve the problem, Ana Silva said.")
    actors = {m.actor for m in result.mentions}
    assert {"tejo_ruiz", "ana_silva"} <= actors
    assert not actors & {"tour_de_france", "france", "cop31"}


def test_an_unknown_place_described_by_be_or_have_does_not_act():
    result, _ = run("Scientists mapped Titan in detail. Titan is colder than expected and has deep lakes, "
                    "the researchers said.")
    assert [m.actor for m in result.mentions if m.text == "Titan"] == [None, None]


@pytest.mark.parametrize("text, thing", [
    ("Engineers unveiled the Kestrel probe. The Kestrel mission will cost $2 billion, Ann Lee said.", "Kestrel"),
    ("The team trained in Group C before the final, Ann Lee said.", "Group C"),
    ("The moon is larger than the planet Corvain, Ann Lee said.", "Corvain"),
    ("The service streams classic fare, including “Peter Harlow” and “Bambi,” Ann Lee said.", "Peter Harlow"),
    ("The museum on Lindenstrasse reopened, Ann Lee said.", "Lindenstrasse"),
    ("About half of Harlan County’s cell sites were out of service, Ann Lee said.", "Harlan County"),
    ("The story ran on Page A8 of the Harlow Herald, Ann Lee said.", "Page A8"),
    ("The tablet runs Vexa OS 11 and costs $300, Ann Lee said.", "Vexa OS 11"),
    ("The prime minister will still go to Westerhall on Sunday to approve the plan, his aides said.",
     "Westerhall"),  # where someone goes
])
def test_a_name_used_only_for_a_place_a_thing_or_a_work_is_no_actor(text, thing):
    result, pipeline = run(text)
    mentions = [m for m in result.mentions if m.text == thing]
    assert mentions and all(m.actor is None and m.rule in {"thing", "work"} for m in mentions)
    assert "never acts" in mentions[0].evidence or "title of a work" in mentions[0].evidence
    assert slug(thing) not in pipeline.resolver.actors  # forgotten: a later document may make it an actor


@pytest.mark.parametrize("text, actor", [
    ("Kestrel Dynamics said on Monday that its probe was ready.", "kestrel_dynamics"),  # the subject of a verb
    ("Ann Lee, a doctor at Harrow Infirmary, treated the man.", "harrow_infirmary"),  # where someone works
    ("The Zolberg spokeswoman declined to comment on the launch.", "zolberg"),  # a body's spokeswoman
    ("The launch was delayed, a Zolberg report said.", "zolberg"),  # what a body wrote
    ("The board thanked Vantor for the loan at the meeting in Harrow.", "vantor"),  # the one thanked
])
def test_a_name_that_acts_once_stays_an_actor(text, actor):
    result, _ = run(text)
    assert actor in {m.actor for m in result.mentions}


def test_a_thing_in_one_document_is_an_actor_where_it_acts():
    pipeline = Pipeline()
    first, _ = run("The Kestrel mission will cost $2 billion, Ann Lee said.", doc_id="a", pipeline=pipeline)
    second, _ = run("Kestrel said on Monday that it had raised $2 billion.", doc_id="b", pipeline=pipeline)
    assert actor_of(first, "Kestrel") is None and actor_of(second, "Kestrel") == "kestrel"


def test_an_outlets_reporter_by_family_name_is_the_reporter_named_before():
    result, _ = run("Maria Lund covered the story. The patients were treated at home, according to NPR’s Lund.")
    assert actor_of(result, "NPR’s Lund") == "maria_lund"


def test_a_persons_company_named_with_a_possessive_is_two_actors():
    result, pipeline = run("NASA chose Mary Lane’s Harbor Robotics to build the lander.")
    assert actor_of(result, "Mary Lane") == "mary_lane" and actor_of(result, "Harbor Robotics") == "harbor_robotics"
    assert pipeline.resolver.actors["harbor_robotics"].kind == "Organization"
    result, _ = run("She was treated at Children's Hospital in May. Children's Hospital said she was well.")
    assert actor_of(result, "Children's Hospital") == "childrens_hospital"  # no person before the possessive


def test_a_name_ending_in_a_word_of_company_names_is_an_organisation():
    result, pipeline = run("Dick Clark Productions denied the report. The production company said it had made no deal.")
    assert pipeline.resolver.actors[actor_of(result, "Dick Clark Productions")].kind == "Organization"
    assert actor_of(result, "The production company") == "dick_clark_productions"
    result, pipeline = run("Biogenix and its Japanese partner Kaiyo Pharma said the trial met its main goal.")
    assert pipeline.resolver.actors[actor_of(result, "Kaiyo Pharma")].kind == "Organization"


def test_the_word_before_of_in_a_body_s_name_refers_back_to_it():
    result, _ = run("The Harlow Department of Water Services reported 24 leaks. Repairs will take weeks, "
                    "the department said.")
    assert actor_of(result, "the department") == "harlow_department_of_water_services"


def test_an_untagged_name_after_a_word_for_a_body_is_that_body():
    result, pipeline = run("Maltese broadcaster TVM reported the minister left the building through a back door.")
    assert actor_of(result, "TVM") == "tvm" and pipeline.resolver.actors["tvm"].kind == "Organization"
    result, _ = run("The oversight committee Chairman Rep. Tom Hale said the hearing would go ahead.")
    assert "chairman_rep" not in {m.actor for m in result.mentions}  # a title, not a body's name


def test_a_family_name_in_a_headline_before_the_full_name_is_that_person():
    result, pipeline = run("Dahlberg Scores 2 Goals, Rovers Beat Hull 4-1\n\n"
                           "Hours before Tom Dahlberg's two-goal night, coach Ann Dale praised him. "
                           "Dahlberg said he felt sharp.")
    assert {m.actor for m in linked(result, "Dahlberg")} == {"tom_dahlberg"}
    assert "dahlberg" not in {a.id for a in pipeline.actors()}


def test_an_actor_first_taken_for_a_body_can_be_made_a_person():
    """A headline the parser tags as an organisation ("... - Jo Roe post defeat"), then
    "captain Jo Roe": the resolver makes the actor a person, found by the family name."""
    resolver = ActorResolver([])
    actor = resolver.new_actor("Tarun Mehra", "Organization")
    assert resolver.surname_candidates("mehra") == set()
    resolver.make_person(actor)
    assert resolver.actors[actor].kind == "Person" and resolver.surname_candidates("mehra") == {actor}


@pytest.mark.parametrize("text, name", [
    ("The deal was agreed by defense contractor Raytheon Co and United Technologies.", "Raytheon Co"),  # a person?
    ("Chilean copper giant Codelco produced 342,000 tonnes in the first quarter.\n\n"  # a place that acts?
     "Codelco Chief Executive Ana Rojas said prices would fall.", "Codelco"),  # a head named after it: a body
    ("The Springbok coach defended his side after the defeat, the union said.", "Springbok"),  # whose coach
    ("Harwick's Tom Hale said the club would appeal.", "Harwick"),  # whose player
    ("Phoneline Warehouse admitted that the details of its customers may have been accessed.",
     "Phoneline Warehouse"),  # a word of business names
    ('"It spreads fast," said Dr. Ana Ruiz, a specialist with Baylor Scott, on Monday.',
     "Baylor Scott"),  # where the specialist works
    ("Wiz has ended talks with Google parent Alphabet on a proposed deal.", "Alphabet"),  # a parent company
    ("Allegiant Air said normal operations have resumed after the outage.", "Allegiant Air"),  # an air carrier
])
def test_the_text_shows_an_organisation_the_parser_took_for_something_else(text: str, name: str):
    result, pipeline = run(text)
    assert pipeline.resolver.actors[actor_of(result, name)].kind == "Organization"


def test_a_name_called_a_group_is_an_organisation():
    result, pipeline = run("The finals came from a deal between the federation and Kosmos, a group co-founded by "
                           "footballer Gerard Pique.")
    assert pipeline.resolver.actors[actor_of(result, "Kosmos")].kind == "Organization"


def test_where_someone_holding_a_role_works_is_an_organisation():
    result, pipeline = run("Dan Ortiz, head of research at Harrow Brokers in Leeds, said the shares fell sharply.")
    assert pipeline.resolver.actors[actor_of(result, "Harrow Brokers")].kind == "Organization"
    result, pipeline = run("The council voiced its worries, with the new leader of Harlow council, Simon Reyes, "
                           "warning that the ferry would stop.")
    assert pipeline.resolver.actors[actor_of(result, "Simon Reyes")].kind == "Person"  # the leader, not the council


def test_a_name_after_a_role_is_a_person_whatever_the_parser_says():
    result, pipeline = run("Costs will fall, said Harlow Group’s new executive chair Ivo Brandt in a memo.")
    assert pipeline.resolver.actors[actor_of(result, "Ivo Brandt")].kind == "Person"


def test_a_family_name_that_the_text_uses_as_a_common_noun_links_no_one():
    result, _ = run("Staying on the Moon is hard, the engineer said. A moon landing costs billions.",
                    published="2020-01-10")
    assert {m.actor for m in result.mentions if m.text == "Moon"} <= {None}
    trump, _ = run("Trump said he would win. Polls trump everything, she said.")  # a verb, not a noun
    assert actor_of(trump, "Trump") == "donald_trump"


@pytest.mark.parametrize("text, description, person", [
    ("Former England captain Joe Park led the parade. The ex-captain said the team had earned it.",
     "The ex-captain", "joe_park"),
    ("Health Secretary Matt Dorn visited the ward. The health secretary said staff were exhausted.",
     "The health secretary", "matt_dorn"),
    ("Lucy Grant, 56, joined the club in May. Ann Ito scored twice. The 56-year-old said she was delighted.",
     "The 56-year-old", "lucy_grant"),
    ("Jose Ramos has agreed a deal to coach the Harrow club.\n\nTalks between the club and Ramos's agents went "
     "on into Tuesday night.\n\nThe 56-year-old said he was excited.", "The 56-year-old", "jose_ramos"),  # age not given
    ("Republican Gov. Eric Holcomb stayed away. The governor said he was waiting for a report.",
     "The governor", "eric_holcomb"),
    ("Gov. Ann Whitfield and Gov. Ben Carter met teachers. Carter left early. Whitfield stayed until the "
     "evening. The governor said she was waiting for a report.", "The governor", "ann_whitfield"),  # named last
    ("Ohio Gov. Ann Roe met Texas Gov. Ben Poe. The Ohio governor said the talks went well.",
     "The Ohio governor", "ann_roe"),  # the description's own words
    ("Club captain Ravi Nair said the side would recover. The skipper said the pitch was poor.",
     "The skipper", "ravi_nair"),  # another word for the same role
    ("The cuts were needed, Chief Secretary to the Treasury Dan Ashby told MPs. Shadow chief secretary Lia Bryn "
     "objected. Union general secretary Ben Barr said jobs would go. The chief secretary said the review would "
     "go on.", "The chief secretary", "dan_ashby"),  # the same office: not shadow, not general secretary
    ("Attorney General Lorna Lyle spoke first. Two deputies joined her, including Deputy Attorney General Sara "
     "Yeats. Advisers to the attorney general met later.", "the attorney general", "lorna_lyle"),
])
def test_a_description_by_role_or_age_is_the_person_given_it(text: str, description: str, person: str):
    result, _ = run(text)
    assert actor_of(result, description) == person


@pytest.mark.parametrize("text, description, person", [
    ("Rafa Molina lost in the first round. The Spaniard said his body no longer responds.",
     "The Spaniard", "rafa_molina"),
    ("Tom Lenz beat Ivo Marsh in the final. The Italian said he was proud of his team.",
     "The Italian", "tom_lenz"),  # the subject before it, as for "he"
    ("Peter Brandt met Anna Visser in Rotterdam. The Dutchwoman said the talks went well.",
     "The Dutchwoman", "anna_visser"),  # of the gender the word gives
])
def test_one_of_a_people_is_the_person_named_before_not_an_actor_of_its_own(text: str, description: str,
                                                                           person: str):
    result, pipeline = run(text)
    assert actor_of(result, description) == person
    assert not {"spaniard", "italian", "dutchwoman"} & set(pipeline.resolver.actors)
    [claim] = result.claims
    assert claim.speaker == person


def test_a_people_word_that_describes_a_thing_names_no_person():
    result, _ = run("Tom Lenz visited the site. The American-born engineer said the Mexican border was calm.")
    assert {m.actor for m in result.mentions if m.text in ("American", "Mexican")} <= {None, "united_states", "mexico"}


@pytest.mark.parametrize("text, description, actor", [
    ("The Western Power Regulatory Commission met on Monday. The regulatory commission said outages must end.",
     "The regulatory commission", "western_power_regulatory_commission"),
    ("Voters in Harwick backed the Green Unity Party. The party said it would cut fares.",
     "The party", "green_unity_party"),
])
def test_a_body_called_by_words_of_its_name_is_that_body(text: str, description: str, actor: str):
    result, _ = run(text)
    assert actor_of(result, description) == actor


def test_a_word_of_two_names_links_neither():
    result, _ = run("The Green Unity Party and the Blue Dawn Party met in Harwick. The party said little.")
    assert not [m for m in linked(result, "The party") if m.actor]


def test_the_speakers_own_people_in_a_quotation_are_no_actors():
    _, pipeline = run("“After I won, my sisters told me that the book sold out,” Dana Orlo said.")
    assert "my sisters" not in {a.label for a in pipeline.actors()}


def test_a_vague_description_or_a_pronoun_gives_no_role():
    result, _ = run("Owen Dale treated the patient. He said the man had a rare allergy. The man recovered.")
    assert not [m for m in linked(result, "The man") if m.actor]
    result, _ = run("Defence lawyer Ben Roth spoke to the judge on Monday. The judge said the case was closed.")
    assert "ben_roth" not in [m.actor for m in linked(result, "The judge")]  # the role is near his name, not his


def test_he_after_a_quotation_of_several_sentences_is_the_subject_before_it():
    result, _ = run("Marc Benioff hosted Tim Cook on Tuesday.\n\nBenioff understands the benefits of that work.\n\n"
                    "“I run my business on my phone. I have for years. I don’t own a computer,” he told Cook.")
    assert actor_of(result, "he") == "marc_benioff"


def test_described_speakers_of_two_builds_stay_apart(tmp_path: Path):
    """"The authors" of one article are not those of an article built later into the same store."""
    for name, topic in (("otters", "otters"), ("bridges", "bridges")):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(f"The Authors Say {topic.title()} Thrive\n\nA study of {topic} "
                                                     f"appeared on Monday.\n\nThe authors said {topic} were doing "
                                                     "well.", encoding="utf-8")
    store = f"oxigraph:{tmp_path / 'store'}"
    for name in ("otters", "bridges"):
        run_kg("build", tmp_path / name, "--store", store, "--out", tmp_path / "out")
    rows = run_kg("query", "SELECT DISTINCT ?doc ?speaker WHERE { ?c a cg:Claim ; cg:claimant ?speaker ; cg:source ?d . "
                  "?d dcterms:identifier ?doc } ORDER BY ?doc", "--format", "csv", "--store", store).stdout.splitlines()
    speakers = [row.split(",")[1] for row in rows[1:]]
    assert len(rows) == 3 and len(set(speakers)) == 2, rows


def test_a_described_actor_learned_from_the_store_is_no_name():
    from kg.actors import ActorResolver
    from kg.records import Actor
    resolver = ActorResolver([])
    resolver.learn([Actor("described_the_authors_otters", "The authors", "Group"),
                    Actor("harbor_records", "Harbor Records", "Organization")])
    assert resolver.known(name_key("The authors")) is None
    assert resolver.known(name_key("Harbor Records")) == "harbor_records"



def test_headline_words_the_story_never_names_are_no_actor():
    result, _ = extract_text("Orbit Unveils Cheaper Drone As Sales Slow\n\nOrbit on Tuesday unveiled a cheaper drone, "
                             "hoping to revive sales. The drone will cost $429, the company said.")
    assert {m.text for m in result.mentions} & {"Orbit Unveils Cheaper Drone", "Sales Slow"} == set()
    result, _ = extract_text("Kessler Bank Posts Record Profit As Rates Climb\n\n"
                             "Kessler Bank said on Tuesday that profit rose 12 percent.")
    assert ("Kessler Bank", "kessler_bank") in {(m.text, m.actor) for m in result.mentions}  # named below too
    result, _ = extract_text("Letters\n\nThe council should reopen the library.\n\nMartin Litwak.")
    assert [m.actor for m in result.mentions] == ["martin_litwak"]  # a signature is a person's name


def test_a_currency_is_no_actor_whatever_it_does():
    result, _ = extract_text("Sterling rose 1% after the vote, while the Yen fell.")
    assert [m.actor for m in result.mentions if m.actor] == []  # the tagger took "Yen" for a person's name


def test_a_thing_made_is_no_actor_whatever_it_does():
    result, _ = extract_text("Images captured by the Harriet Vane Space Telescope show a young galaxy, astronomer "
                             "Ana Roe said.")
    assert [m.actor for m in result.mentions if "Telescope" in m.text] == [None]  # the agent of "captured"


def test_a_thing_made_named_in_the_plural_is_no_actor_either():
    result, _ = extract_text("The Orbital Telescopes, which weigh a ton each, found water, Ana Roe said.")
    assert [m.actor for m in result.mentions if m.text != "Ana Roe"] == [None]  # the name, not "which" of it


def test_a_plan_is_no_actor_whatever_it_does():
    result, _ = extract_text("The ministry unveiled the Second Solar Industry Development Plan on Monday.")
    assert [m.actor for m in result.mentions if "Plan" in m.text] == [None]


def test_the_initials_of_a_thing_made_name_it_too():
    result, _ = extract_text("The galaxy was seen by NASA's James Webb Space Telescope. \"It shows that JWST can "
                             "capture small galaxies,\" Ana Roe said.")
    assert [m.actor for m in result.mentions if m.text == "JWST"] == [None]  # it "can capture": still no actor


def test_an_event_the_parser_takes_for_a_place_is_no_actor_where_it_acts():
    result, _ = extract_text("Few delegates believe COP27 will deliver a deal, Greenpeace said.")
    assert [m.actor for m in result.mentions if m.text == "COP27"] == [None]


def test_a_country_listed_with_places_within_a_country_is_a_place_of_its_name():
    result, _ = extract_text("Measles cases rose in Alaska, Georgia, Rhode Island and Texas, the agency said. "
                             "Georgia officials said so.")
    assert "georgia" not in {m.actor for m in result.mentions}  # the US state, in the list and after it
    result, _ = extract_text("Talks between Russia, Georgia and Armenia stalled, Georgia said.")
    assert "georgia" in {m.actor for m in result.mentions}  # countries among countries


def test_one_of_a_people_is_a_person_not_its_state():
    result, _ = extract_text("Coach Enzo Marini disagreed. The Italian told reporters that the squad was united.")
    assert "italy" not in {m.actor for m in result.mentions}
    result, _ = extract_text("The Italians said on Monday that they would veto the budget.")
    assert "italy" in {m.actor for m in result.mentions}  # the people, standing for their state


def test_a_body_named_after_a_place_is_not_the_place():
    result, pipeline = run("The Greens and Reform UK both gained seats. Voters in Dorset backed Sport England's plan.")
    assert actor_of(result, "Reform UK") == "reform_uk"
    assert pipeline.resolver.actors["reform_uk"].kind == "Organization"
    assert "united_kingdom" not in {m.actor for m in result.mentions}
    result, _ = run("Former Alaska Gov. Ann Roe met Assistant U.S. Attorney Ben Poe on Monday.")
    assert {m.actor for m in result.mentions} >= {"ann_roe", "ben_poe"}  # titles' words, not bodies
    assert not {"former_alaska", "assistant_u_s"} & {m.actor for m in result.mentions}


def test_a_given_name_that_is_also_a_role_is_a_name_after_a_role():
    result, pipeline = run("Harlow Town have sacked manager Dean Colby after seven defeats. "
                           '"Dean has given everything to this club," the chairman said.')
    assert actor_of(result, "Dean") == "dean_colby"  # not "Colby" with the title Dean
    assert not {"colby", "dean"} & set(pipeline.resolver.actors)
    [first] = [m for m in result.mentions if m.actor == "dean_colby"][:1]
    assert first.text == "manager Dean Colby"  # the name with its role, not the clause before it


def test_a_hyphenated_name_in_apposition_with_a_role_is_a_person_and_its_family_name_links_to_it():
    result, pipeline = run("Acme's chief executive, Marieke de Vries-Bakker, said sales rose. "
                           "De Vries-Bakker, who took over in 2022, said costs fell.")
    [actor] = {m.actor for m in result.mentions if "Vries" in m.text}
    assert pipeline.resolver.actors[actor].kind == "Person"


def test_the_pronoun_i_is_never_an_actor_whatever_the_tagger_says():
    _, pipeline = run("There are people who suggest that somehow I’m different, I’m Muslim, I’m disloyal to the "
                      "country, she said.")
    result, _ = run("Jo Marsh left early. She said I was wrong.", doc_id="second", pipeline=pipeline)
    assert not [a for a in pipeline.resolver.actors.values() if a.label == "I"]
    assert {m.actor for m in result.mentions if m.text in ("She", "I")} <= {"jo_marsh", None}


@pytest.mark.parametrize("text, description, person", [
    ("Nadia Kroll scored the winner in the last minute. \"We never stopped,\" the striker added.",
     "the striker", "nadia_kroll"),
    ("Omar Vance lost the vote on Tuesday. The councillor said he would stand again.",
     "The councillor", "omar_vance"),
])
def test_a_word_for_what_someone_does_as_a_speaker_is_the_one_person_just_named(text: str, description: str,
                                                                                person: str):
    result, _ = run(text)
    assert actor_of(result, description) == person


def test_a_word_for_what_someone_does_names_no_one_when_two_were_named_just_before():
    result, _ = run("Omar Vance beat Lena Horvath on Tuesday. The councillor said the count was fair.")
    assert not linked(result, "The councillor")


@pytest.mark.parametrize("text, name", [
    ("The energy watchdog, Voltwatch, was more cautious. Its chief said prices would rise.", "Voltwatch"),
    ("Harwick Wanderers have sacked their coach after nine defeats.", "Harwick Wanderers"),  # a plural verb
    ("Residents' group Quiet Skies, which brought the case, said it was disappointed.", "Quiet Skies"),
])
def test_a_name_the_text_shows_to_be_a_body_is_an_organisation(text: str, name: str):
    result, pipeline = run(text)  # the tagger took each for a person
    assert pipeline.resolver.actors[actor_of(result, name)].kind == "Organization"


@pytest.mark.parametrize("text, description, body", [
    ("Analysts at Dunmore said the outlook was fragile. The energy watchdog, Voltwatch, said prices would rise. "
     "The bank expects prices to stay high.", "The bank", "dunmore"),  # not a body called a watchdog
    ("Harwick Rangers have lost again. The coach will miss the game against Elmford United, the club confirmed.",
     "the club", "harwick_rangers"),  # not the club named in what it said
    ("Brevia Foods said it would close two bakeries. Its chief executive said the closures were painful, and its "
     "shares fell.\n\nLena Ruiz, who covers the sector for Harlow Securities, said the firm had expanded too fast.",
     "the firm", "brevia_foods"),  # not a body named in what describes someone
])
def test_a_word_for_a_body_is_the_body_it_can_be(text: str, description: str, body: str):
    result, _ = run(text)
    assert actor_of(result, description) == body


@pytest.mark.parametrize("text, word", [
    ("Parents' groups had asked for the school to stay open.\n\nDownload the full timetable (PDF, 1.2 MB).",
     "Download"),
    ("The council met on Monday.\n\nCampaigners' groups had asked for the bridge to be closed.", "Campaigners"),
])
def test_a_command_or_a_plural_noun_at_the_head_of_a_sentence_is_no_actor(text: str, word: str):
    result, pipeline = run(text)
    assert not linked(result, word)


def test_the_credits_of_a_wire_story_name_no_actors():
    result, _ = extract_text("Ferry fares will rise in May, the operator said.\n\n"
                             "(Reporting by Ines Farrow; Additional reporting by Jon Pike; Editing by Alma Reyes)")
    assert [m.actor for m in result.mentions if m.actor] == []


def test_the_first_word_of_a_body_named_before_is_that_body():
    result, pipeline = run("Halvern Logistics cut 500 jobs. Analysts said Halvern had expanded too fast.")
    assert actor_of(result, "Halvern") == "halvern_logistics"
    assert "halvern" not in pipeline.resolver.actors


def test_a_name_with_particles_the_tagger_cut_is_one_person():
    result, pipeline = run("Caroline van der Plas, the BBB leader, told reporters in The Hague that her party would "
                           "not sign any deal. She said the talks could resume next week.")
    assert actor_of(result, "She") == "caroline_van_der_plas"
    assert "plas" not in pipeline.resolver.actors


def test_a_name_followed_by_who_is_a_person_whatever_the_tagger_said():
    result, pipeline = run("Frans Timmermans, who leads the alliance, accused the parties of playing games.")
    assert pipeline.resolver.actors[actor_of(result, "Frans Timmermans")].kind == "Person"


def test_a_word_of_two_bodies_names_neither():
    result, pipeline = run("Walt Disney Co. said its streaming service had glitches. Disney shares fell. "
                           "The Disney Channel will carry the show.")
    assert actor_of(result, "Disney") != "disney_channel"


def test_a_family_name_the_tagger_read_as_a_plural_is_still_one_person():
    result, _ = run("Bernie Sanders spoke in Iowa.\n\nDonald Trump called it a disaster.\n\nSanders appeared to "
                    "dismiss the issue, when he told Clinton that voters were tired of it.")
    assert actor_of(result, "he") == "bernie_sanders"  # "Sanders" is tagged a plural noun here


@pytest.mark.parametrize("text", [
    "The landers come from Norvane and Zentrix. Gwen Shaw, president of Zentrix, said it was ready.",
    "The landers come from Norvane and Zentrix. The largest is from Zentrix, which bid its Starjumper vehicle."])
def test_a_name_taken_for_a_person_is_a_body_when_a_president_is_of_it_or_which_follows_it(text: str):
    from kg import nlp
    from spacy.tokens import Span
    doc = nlp.load()(text)
    doc.ents = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text == "Zentrix"]  # the tagger's slip
    pipeline = Pipeline()
    pipeline.extract(document_from_text("doc", text), doc)
    assert {a.label: a.kind for a in pipeline.actors()}["Zentrix"] == "Organization"


def test_a_short_headline_with_a_capitalised_function_word_gives_no_name():
    result, pipeline = run("What Does Quillo Offer?\n\nQuillo is a streaming service launched by Norvane on Monday. "
                           "Quillo costs $10 a month, and Quillo delivers games in 4K.")
    labels = {a.label for a in pipeline.actors()}
    assert "Quillo Offer" not in labels


def test_an_online_platform_is_an_organisation():
    result, pipeline = run("The union said on Twitter that the contract confused its members. "
                           "Dana Price posted the letter on Facebook.")
    kinds = {a.label: a.kind for a in pipeline.actors()}
    assert kinds.get("Twitter") == "Organization" and kinds.get("Facebook") == "Organization"


def test_an_honorific_opening_a_name_the_parser_took_for_a_body_makes_it_a_person():
    result, _ = extract_text('Matthew Hopkins apologised on Twitter. After the tweet, a statement from Mr Hopkins said: '
                             '"Demand on our emergency department remains high."')
    assert actor_of(result, "Mr Hopkins") == actor_of(result, "Matthew Hopkins")


def test_a_name_before_a_leader_and_a_persons_name_is_the_body_led():
    result, pipeline = run("Lib Dem leader Tim Farron repeated his call for a second referendum.")
    assert pipeline.resolver.actors[actor_of(result, "Lib Dem")].kind == "Organization"


def test_a_hashtag_and_a_process_name_no_actor():
    result, _ = extract_text('"Our teams across #Worcestershire are working to improve," he wrote. '
                             "Brexit will cost jobs, economist Ana Roe said.")
    assert {m.actor for m in result.mentions if m.actor} == {"ana_roe"}


def test_a_participle_opening_a_sentence_is_no_name():
    result, _ = extract_text('The festival was announced on Sunday.\n\nSharing the news on Twitter, she wrote: '
                             '"I am ecstatic to tell you."')
    assert [m.text for m in result.mentions if m.actor and m.text.startswith("Sharing")] == []


def test_a_name_with_the_initials_of_another_long_name_is_not_its_expansion():
    result, _ = run("In the flesh the New Yorker comes across as rather humble. He staged an opera in New York.")
    assert actor_of(result, "New York") != actor_of(result, "the New Yorker")


def test_an_acronym_in_the_plural_names_a_kind_of_thing_not_an_actor():
    result, _ = run("The minister feared GCSEs would lower standards. GCSEs were introduced in 1986.")
    assert all(m.actor is None for m in linked(result, "GCSEs"))


def test_a_name_where_a_role_works_is_a_body_whatever_it_was_taken_for_before():
    result, pipeline = run("For gaming powers such as Ubisoft and Take-Two, the service is a new outlet. "
                           "\"They help extend our reach,\" says Chris Early, senior vice president for "
                           "partnerships at Ubisoft.")
    assert pipeline.resolver.actors[actor_of(result, "Ubisoft")].kind == "Organization"


@pytest.mark.parametrize("text, name, kind", [
    ("Indie developer Tequila Works said the game would launch in May.", "Tequila Works", "Organization"),
    ("The best example is Beethoven's Ninth Symphony, which moved the crowd.", "Ninth Symphony", None)])
def test_the_last_word_of_a_name_tells_a_maker_from_a_work(text: str, name: str, kind: str | None):
    result, pipeline = run(text)
    actor = actor_of(result, name)
    assert (pipeline.resolver.actors[actor].kind if actor else None) == kind


def test_an_honorific_and_family_name_make_a_person_of_a_name_taken_for_a_body():
    result, pipeline = run("The protests forced a previous government, under Alain Juppé, to shelve its reform. "
                           "Mr Juppé did not dare to end the special regimes.")
    assert actor_of(result, "Mr Juppé") == actor_of(result, "Alain Juppé")
    assert pipeline.resolver.actors[actor_of(result, "Mr Juppé")].kind == "Person"


def test_an_adverb_the_entity_tagger_took_for_a_name_is_no_actor():
    result, _ = run("Sales fell 3 percent.\n\nNationally, dealers sold nearly 9 million new bikes last year, up just 0.5 percent.")
    assert "Nationally" not in [m.text for m in result.mentions]


def test_a_group_named_after_a_body_of_two_words_keeps_both():
    result, pipeline = run("The whips lobbied Lib Dem and Tory MPs to back the motion.")
    assert pipeline.resolver.actors[actor_of(result, "Lib Dem and Tory MPs")].label == "Lib Dem MPs"


def test_a_family_name_alone_is_not_a_relative_named_in_full_as_someone_s_son():
    result, pipeline = run("Seven decades later, Wiremu, 75, has overseen more than 500 strandings. "
                           "“The whales are hurting,” says Wiremu. Wiremu and his son, Tane Rua Wiremu, were called in.")
    father, son = actor_of(result, "Wiremu"), actor_of(result, "Tane Rua Wiremu")
    assert father != son and pipeline.resolver.actors[father].kind == "Person"


def test_epochs_time_zones_and_taxes_are_no_actors():
    result, _ = run("Warming has not been this high since the Pliocene, when seas were higher. "
                    "The minister said at 10am AEST that VAT would rise.")
    assert all(m.actor is None for m in result.mentions if m.text.removeprefix("the ") in {"Pliocene", "AEST", "VAT"})


def test_a_long_name_ending_in_a_word_for_a_place_is_a_place_even_after_a_given_name():
    result, _ = run("The group called for supporters to assemble at Victoria Embankment Gardens on Wednesday morning "
                    "in protest. A further 20 have now gathered in Victoria Embankment Gardens, police said.")
    assert all(m.actor is None for m in linked(result, "Victoria Embankment Gardens"))


def test_a_word_the_text_also_writes_in_lower_case_is_no_place_that_acts():
    text = ("Volunteers were given psilocybin in the study. After the drug wore off, their scans went back to "
            "normal.\n\nThe effect\n\nPsilocybin may create a state akin to synesthesia, the authors wrote.")
    result, pipeline = run(text)
    assert all(m.actor is None for m in linked(result, "Psilocybin"))


def test_a_possessive_written_with_an_opening_single_mark_is_cut_from_the_name():
    result, pipeline = run("Travis Rowe‘s mother confirmed it. She praised the album.")
    assert pipeline.resolver.actors[actor_of(result, "Travis Rowe")].label == "Travis Rowe"


def test_honorifics_alone_and_internet_protocols_are_no_actors():
    result, _ = run("Prime Minister Datuk Seri Anwar Ibrahim said the trips were paid for. "
                    "Users could still reach their mail through IMAP and SMTP, the firm said.")
    names = [m.text for m in result.mentions if m.actor]
    assert "Anwar Ibrahim" in names and not {"Seri", "Datuk Seri", "IMAP", "SMTP"} & set(names)


def test_a_named_storm_is_no_actor_even_when_it_acts():
    result, _ = run("The game was called off after Storm Ciara hit Cardiff. Storm Ciara forced the match to be postponed.")
    assert all(m.actor is None for m in linked(result, "Storm Ciara"))


def test_a_headline_name_the_body_also_names_whole_is_not_cut_to_its_first_word():
    result, _ = run("Mara Lindqvist Calls the New Album Her Best Work\n\n"
                    "Mara Lindqvist has praised the new album. Asked about it again, Mara smiled.")
    assert {m.actor for m in result.mentions if m.text in {"Mara Lindqvist", "Mara"}} == {"mara_lindqvist"}


@pytest.mark.parametrize("text, name, kind", [
    ("Alldritt scored from a superb floated pass from Antoine Dupont to leave France leading.", "Antoine Dupont", "Person"),
    ("Burrage won in straight sets. Jodie Burrage rounded off a remarkable clean sweep.", "Jodie Burrage", "Person"),
    ("Aliyah Boston added that the record is “pretty cool.”", "Aliyah Boston", "Person"),
    ("The Charlotte Observer reported the shooting on Tuesday.", "The Charlotte Observer", "Organization")])
def test_a_given_name_and_a_family_name_make_a_person_whatever_the_tagger_says(text: str, name: str, kind: str):
    result, pipeline = run(text)
    assert pipeline.resolver.actors[actor_of(result, name)].kind == kind


def test_a_place_before_a_word_for_someone_modifies_it_however_the_parse_reads_the_word():
    result, _ = run("England and Tottenham defender Danny Rose criticised the plans. Sterling shared his concern on "
                    "Monday. The England forward, 25, said: \"The moment we go back it needs to be safe.\"")
    assert [m.actor for m in linked(result, "England")] == [None, None]


def test_a_city_called_so_degrees_and_el_nino_are_no_actors():
    result, _ = run("The awards are being held in the Scottish city of Glasgow this year. Sanjiv Gambhir, MD PhD, "
                    "leads the lab. El Nino has sent warm water up the coast, scientists say.")
    assert all(m.actor is None for m in result.mentions if m.text in {"Glasgow", "MD PhD", "El Nino"})


def test_the_maker_named_alone_is_an_actor_of_its_own_when_its_product_is_a_thing():
    result, pipeline = run("The fault came in an update for Microsoft Windows operating systems, experts said. "
                           "The outage affected 8.5 million devices, according to Microsoft.")
    assert actor_of(result, "Microsoft Windows") is None
    maker = actor_of(result, "Microsoft")
    assert maker is not None and pipeline.resolver.actors[maker].label == "Microsoft"


def test_an_honorific_makes_a_person_of_one_word_and_a_title_keeps_its_words():
    result, pipeline = run("Chancellor of the Exchequer George Osborne outlined a new settlement for the banks. "
                           "Mr Tsipras won elections in late January.")
    assert pipeline.resolver.actors[actor_of(result, "Mr Tsipras")].kind == "Person"
    assert [m.text for m in result.mentions if "Exchequer" in m.text] == ["Chancellor of the Exchequer George Osborne"]


def test_whose_ceo_is_a_body_but_whose_chief_of_staff_is_not():
    result, pipeline = run("Chipotle’s CEO weighs in on the portion debate. Later, Brenner's chief of staff Jo Park "
                           "said Brenner would attend.")
    assert pipeline.resolver.actors[actor_of(result, "Chipotle")].kind == "Organization"
    assert pipeline.resolver.actors[actor_of(result, "Brenner")].kind == "Person"


def test_a_letter_alone_a_charter_and_a_faith_are_no_actors():
    result, _ = run("Khodjibaev wrote in a post on X. “It will get worse,” he added. The shrine is popular with Buddhist "
                    "and Sikh communities. Ministers said the move broke the UN Charter.")
    assert all(m.actor is None for m in result.mentions if m.text.rstrip(".") in {"X", "Sikh", "Buddhist", "UN Charter",
                                                                                 "the UN Charter"})


def test_an_animal_named_so_is_no_actor_but_a_man_named_so_is():
    result, _ = run("The team studied teeth from a Komodo dragon named Ganus, which lived at a zoo until it died. "
                    "A man named Jo Park found the skull.")
    assert actor_of(result, "Ganus") is None and actor_of(result, "Jo Park") is not None


def test_a_name_the_tagger_missed_that_speaks_is_an_actor_but_not_half_a_tagged_name():
    result, _ = run("“I am proud of it,” the patient told reporters. HP, as Gizmodo very recently explained, is a "
                    "complex and rare condition.")
    assert actor_of(result, "Gizmodo") == "gizmodo"


def test_a_name_after_according_to_is_an_actor_even_taken_for_a_title():
    result, _ = run("There are three drafts still in contention for the sequel, according to The Wrap. "
                    "Prices fell sharply in May, according to The Clarion. Analysts said the deal was done.")
    assert actor_of(result, "The Wrap") == "thewrap"  # the gazetteer's, with its article
    assert actor_of(result, "The Clarion") is not None  # a name the parser did not tag
    assert [c.speaker for c in result.claims if c.cue.lower() == "according to"] == ["thewrap", actor_of(result, "The Clarion")]


def test_the_issuers_of_reports_a_claim_cites_are_its_speakers():
    result, _ = run("Noah Hawley is in final talks to direct the film, according to reports from The Wrap and "
                    "Deadline.")
    assert {c.speaker for c in result.claims} == {"thewrap", actor_of(result, "Deadline")}


def test_a_source_s_name_the_parser_split_and_did_not_tag_is_found_whole():
    # "a new report by E! News" with "E" a modifier of "News" and "!" a compound: the parse of one article
    from spacy.tokens import Doc

    from kg import nlp
    from kg.mentions.proper_names import _untagged_speakers
    rows = [("It", "PRON", "nsubj", 1), ("rose", "VERB", "ROOT", 1), (",", "PUNCT", "punct", 1),
            ("according", "VERB", "prep", 1), ("to", "ADP", "prep", 3), ("a", "DET", "det", 7),
            ("new", "ADJ", "amod", 7), ("report", "NOUN", "pobj", 4), ("by", "ADP", "prep", 7),
            ("E", "PROPN", "nmod", 11), ("!", "PROPN", "compound", 11), ("News", "PROPN", "pobj", 8),
            (".", "PUNCT", "punct", 1)]
    doc = Doc(nlp.load(None).vocab, words=[r[0] for r in rows], spaces=[True] * 9 + [False, True, False, False],
              lemmas=[r[0].lower() for r in rows], pos=[r[1] for r in rows], deps=[r[2] for r in rows],
              heads=[r[3] for r in rows], sent_starts=[True] + [False] * 12)
    assert [span.text for span in _untagged_speakers(doc)] == ["E! News"]


def test_a_name_ending_in_a_word_for_a_body_is_a_body_whatever_the_tagger_says():
    result, pipeline = run("He also told one of his young John Birch Society protegés on a regular basis that "
                           "\"terrorism is the answer.\"")
    assert pipeline.resolver.actors[actor_of(result, "John Birch Society")].kind == "Organization"


def test_a_name_s_mention_leaves_out_words_before_it_that_are_no_title():
    result, pipeline = run("Goalie Alex Stalock subbed for the struggling Devan Dubnyk. It was celebrity Ed Ames "
                           "who sang, and former campaign manager Al Lee who spoke.")
    assert actor_of(result, "Devan Dubnyk") == "devan_dubnyk"
    assert actor_of(result, "Ed Ames") == "ed_ames"
    assert actor_of(result, "former campaign manager Al Lee") == "al_lee"  # the title stays the mention's
    assert "struggling Devan Dubnyk" not in pipeline.resolver.actors["devan_dubnyk"].aliases


def test_a_name_before_a_noun_of_works_is_a_work_not_an_actor():
    result, _ = run("The writer of the Fargo TV series will direct the fourth Trek film.")
    assert [(m.text, m.actor) for m in result.mentions if m.text == "Trek"] == [("Trek", None)]


def test_a_title_named_as_a_work_where_the_parser_saw_no_name_is_a_work_wherever_it_is_named():
    result, pipeline = run("The most recent Moon Raiders film was 2016’s Moon Raiders Beyond. Unlike the first two "
                           "films, Moon Raiders Beyond was directed by Ann Lin; 2009’s Moon Raiders and 2013’s Moon "
                           "Raiders Into Darkness were directed by Jo Abram. The Netflix series starts soon, Netflix said.")
    assert not [m for m in result.mentions if m.text.startswith("Moon") and m.actor]
    assert actor_of(result, "Ann Lin") == "ann_lin"
    assert "netflix" in pipeline.resolver.actors  # the maker, whose name speaks


def test_a_name_ending_as_a_bodys_is_a_body_after_a_word_for_a_person():
    result, pipeline = run("South Korea hosts several polysilicon makers, including the OCI Group and Daewon Solar "
                           "parent Daewon Group. That industry too is suffering.")
    assert pipeline.resolver.actors["daewon_group"].kind == "Organization"  # a parent company, no one's parent


def test_a_given_name_of_either_sex_opens_a_persons_name_of_no_gender():
    result, pipeline = run("Sabres center Casey Mittel scored twice. The Wild lost. Terry Holm, who leads the "
                           "parents' group, spoke first. She said the law must change.")
    assert pipeline.resolver.actors["casey_mittel"].kind == "Person"  # a role in the team, not a body
    assert [c.speaker for c in result.claims] == ["terry_holm"]  # "Terry" is no man's name only
    result, pipeline = run("The charity Sue Ryder said it would close shops.")
    assert pipeline.resolver.actors["sue_ryder"].kind == "Organization"


def test_a_name_in_apposition_with_a_noun_of_works_is_a_work():
    result, pipeline = run("Ann Lee's next novel is out. Harrow House, her debut, sold well. "
                           "The author of the book, Mitchell Zane, said it was true.")
    assert not [m for m in result.mentions if m.text.startswith("Harrow") and m.actor]
    assert actor_of(result, "Mitchell Zane") == "mitchell_zane"  # the author's name, not the book's


def test_a_name_modifying_what_someone_else_made_is_what_it_is_about():
    result, pipeline = run("According to The Verge’s Vortexa review, the streaming platform does not run games "
                           "in 4K. It is revealed in Eurogamer’s Vortexa review that games render at 1440p.")
    assert [m.actor for m in result.mentions if m.text == "Vortexa"] == [None, None]  # reviewed, not reviewing
    result, pipeline = run("According to July's Hartwell Research poll, more than half of voters back the plan.")
    assert actor_of(result, "Hartwell Research") == "hartwell_research"  # a date's poll is the pollster's
    result, pipeline = run("Jo Roe runs a Spokane firm behind the Washington Health Authority’s Opioid Prevention "
                           "campaign “Starts with one.” Roe said the work mattered.")
    assert actor_of(result, "Opioid Prevention") is None  # the authority's campaign, against opioids
    assert actor_of(result, "the Washington Health Authority") == "washington_health_authority"


def test_a_name_with_a_sequel_number_is_a_title_not_an_actor():
    result, _ = run("The platform does not run its launch title Destiny 2 in native 4K. So, in other words, "
                    "Destiny 2 on the platform is a step down. Nadal beat Jarry 6-4 in the final.")
    assert not [m for m in result.mentions if m.text.startswith("Destiny") and m.actor]
    assert actor_of(result, "Jarry") == "jarry"  # a score, not a number of the name


def test_a_character_played_is_no_actor():
    result, _ = run("Chris Hemsworth will reprise his role as George Kirk. George Kirk dies early. "
                    "The character Dracula returns.")
    assert [m.actor for m in result.mentions if m.text in {"George Kirk", "Dracula"}] == [None, None, None]
    assert actor_of(result, "Chris Hemsworth") == "chris_hemsworth"


def test_a_player_named_after_a_team_and_a_position_is_a_person():
    result, _ = run("The Steelers fined Pittsburgh quarterback Mason Rudolph on Monday. Rudolph declined to comment.")
    assert actor_of(result, "Rudolph") == "mason_rudolph"


def test_a_name_the_tagger_cut_before_its_capitalised_head_is_whole():
    result, _ = run("Pine is back, according to The Lakeland Reporter. Indiana Gov. Mike Pence agreed.")
    assert actor_of(result, "The Lakeland Reporter") == "lakeland_reporter"  # the tagger gave "Lakeland"
    assert "indiana_gov" not in {m.actor for m in result.mentions}  # a title before a name


def test_a_name_before_the_noun_of_a_thing_made_names_the_thing():
    for text in ("The model ran for a year on the Hazel Hen supercomputer in Leeds, the team said.",
                 "Images came from the Nancy Grace Roman telescope, the team said."):
        result, _ = run(text)
        assert [m.actor for m in result.mentions if m.text[:1] in "HN"] == [None]  # the machine, not a person
    result, _ = run("Critics said the Hazel Rowe plan would fail.")
    assert [m.actor for m in result.mentions if m.text.startswith("Hazel")] == ["hazel_rowe"]  # a plan is someone's


def test_a_name_before_a_report_that_names_its_maker_is_the_reports_title():
    result, _ = run("Prices rose 3 percent, according to the Market Pulse report from Tellerman Research, a data firm.")
    assert [m.actor for m in result.mentions if m.text == "Market Pulse"] == [None]  # a title
    assert actor_of(result, "Tellerman Research") is not None
    result, _ = run("Prices rose 3 percent, according to the Market Pulse report released on Monday.")
    assert actor_of(result, "Market Pulse") is not None  # no maker named: the name is the maker's
