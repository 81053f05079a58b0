"""Claims: direct quotes, reported speech and "according to", with speakers and offsets.

Spans follow the attribution-corpus conventions (kg/claims/grammar.py): the source is the
whole subject phrase, the cue the verb group, the content keeps its "that".
"""

from __future__ import annotations

import json

import pytest

from conftest import extract_text, run_kg
from kg.claims import find_quotes


def claims_of(text: str):
    result, pipeline = extract_text(text)
    for claim in result.claims:
        for field in ("speaker_span", "cue_span", "content_span"):
            span = getattr(claim, field)
            if span is not None:
                assert text[span[0]:span[1]] == getattr(claim, field.replace("_span", "_text" if field == "speaker_span" else ""))
    return [(c.speaker_text, c.cue, c.content, c.kind) for c in result.claims], result.claims


def test_a_cue_after_its_clause_with_the_source_after_it():
    found, _ = claims_of("Ferry bookings rose by a fifth in June, reported the tourist board.")
    assert found == [("the tourist board", "reported", "Ferry bookings rose by a fifth in June", "indirect")]
    found, _ = claims_of("The crew painted the hull, cleaned the deck and left.")
    assert found == []


def test_a_cue_after_its_clause_at_the_end_of_a_paragraph():
    found, _ = claims_of("Ferry bookings rose by a fifth in June, reported the tourist board.\n\nHotels were full.")
    assert found == [("the tourist board", "reported", "Ferry bookings rose by a fifth in June", "indirect")]


def test_a_cue_after_its_clause_that_the_parse_made_a_participle_of_its_source():
    found, _ = claims_of("The show will end after its sixth season, the streaming service announced on Thursday.")
    assert found == [("the streaming service", "announced", "The show will end after its sixth season", "indirect")]
    found, _ = claims_of("They banned chlorofluorocarbons, potent chemicals found in refrigerants.")
    assert found == []


def test_a_cue_after_its_clause_that_the_parse_hung_from_the_clause_s_verb():
    found, _ = claims_of("The ferry will sail even if the unions vote down the pay deal, the company insisted today.")
    assert found == [("the company", "insisted", "The ferry will sail even if the unions vote down the pay deal",
                      "indirect")]
    found, _ = claims_of("Spain will quit the pact even if MPs vote down the treaty, the Government insisted today.")
    assert found == [("the Government", "insisted", "Spain will quit the pact even if MPs vote down the treaty",
                      "indirect")]  # the parse hangs the cue from "quit"
    found, _ = claims_of("Ms Roe also said the videos do not show whether the driver had anything in his hands, "
                         "which she said were at his side when he was shot, the footage showed.")
    assert [f[0] for f in found] == ["Ms Roe"]  # a clause whose verb is a cue is its speaker's


def test_telling_an_outlet_whose_programme_the_parse_gave_the_that_clause():
    found, _ = claims_of("The minister defended the plan on Sunday, telling the BBC's Sunday Politics programme "
                         "that taxes would not rise.")
    assert ("The minister", "telling", "that taxes would not rise", "indirect") in found


def test_a_clause_the_parse_folded_into_a_modifier_of_the_object():
    found, _ = claims_of("In a statement, Ofwat said the company had failed customers.")
    assert [(cue, content) for _, cue, content, _ in found] == [("said", "the company had failed customers")]


def test_told_an_audience_described_by_a_relative_clause_that():
    found, _ = claims_of("Nurses Union President Rosa Lind told a few thousand nurses who covered the hospital lawn "
                         "that the board should direct money from its reserves toward hiring staff.")
    assert found == [("Nurses Union President Rosa Lind", "told",
                      "that the board should direct money from its reserves toward hiring staff", "indirect")]


@pytest.mark.parametrize("text, before, after", [
    ("Making the glue, the researchers note, takes days.", "Making the glue", "takes days"),
    ("The new glue, the researchers note, sets in seconds.", "The new glue", "sets in seconds"),
    ("Making the new alloy, the researchers note, takes three weeks of careful heating.",  # "note" parsed as the root
     "Making the new alloy", "takes three weeks of careful heating"),
])
def test_a_parenthetical_cue_inside_a_long_subject(text: str, before: str, after: str):
    found, _ = claims_of(text)
    assert found == [("the researchers", "note", f"{before}, the researchers note, {after}", "indirect")]


@pytest.mark.parametrize("text", [
    "The snag, she told reporters, is that the new dam cannot hold a wet winter.",
    "The difference now, he told me on Friday, is that the new dam cannot hold a wet winter.",
])
def test_a_parenthetical_cue_with_its_addressee_hung_from_the_noun_before_it(text: str):
    """The parse reads the cue between commas as a relative clause of the noun before it
    (no relative word, and commas, rule that out): the sentence around it is the content."""
    found, _ = claims_of(text)
    assert [(f[1], f[2]) for f in found] == [("told", text.removesuffix("."))]


def test_a_parenthetical_cue_with_when_and_where_it_was_said():
    found, _ = claims_of("These drivers, Okonkwo explained later in the council hearing, were well paid, "
                         "earning about $40,000 a year.")
    assert [f[:3] for f in found][:1] == [("Okonkwo", "explained", "These drivers, Okonkwo explained later in the "
                                                                   "council hearing, were well paid, earning about $40,000 a year")]


def test_a_relative_clause_between_commas_is_no_parenthetical_cue():
    found, _ = claims_of("The plan, which she told reporters about on Monday, is too small for the city.")
    assert found == []


def test_a_parenthetical_cue_parsed_as_the_subject_of_the_clause_it_interrupts():
    found, _ = claims_of("Making the new networks affordable, Mueller argues, depends on fewer, larger operators.")
    assert found == [("Mueller", "argues", "Making the new networks affordable, Mueller argues, depends on fewer, "
                                           "larger operators", "indirect")]


@pytest.mark.parametrize("text, source", [
    ("The harbour board issued a statement saying the ferry would sail again in May.", "a statement"),
    ("Ferry operators ran newspaper ads calling the new tolls a disgrace.", "newspaper ads"),
    ("Protesters carried a banner saying: “The ferry is ours.”", "a banner"),
])
def test_the_source_phrase_never_takes_in_its_own_cue(text: str, source: str):
    found, _ = claims_of(text)
    assert [f[0] for f in found] == [source]


def test_any_word_for_a_person_can_be_a_source():
    found, _ = claims_of("The coach called the referee a disgrace.")  # kg/data/person_nouns.tsv
    assert [f[:3] for f in found] == [("The coach", "called", "the referee a disgrace")]


def test_a_past_tense_cue_the_tagger_reads_as_a_participle_still_reports():
    found, _ = claims_of("Farmers and river trusts worried that if the council sold the weir, Halcyon could drain "
                         "the marsh.")
    assert [f[:3] for f in found] == [("Farmers and river trusts", "worried",
                                       "that if the council sold the weir, Halcyon could drain the marsh")]


def test_called_on_someone_to_act_when_the_parse_reads_on_as_a_particle():
    found, _ = claims_of("Okoye's family has called on police to release the tapes.")
    assert [f[:3] for f in found] == [("Okoye's family", "has called on", "police to release the tapes")]
    assert claims_of("The mayor called up her brother.")[0] == []


def test_a_report_that_the_parse_reads_as_a_relative_clause_by_the_name_before_it():
    found, _ = claims_of("Residents seized upon a Harbour Gazette report that the ferry had lost $9 million in 2019.")
    assert [f[:3] for f in found] == [("Harbour Gazette", "report", "that the ferry had lost $9 million in 2019")]
    assert claims_of("The report that was released on Monday runs to 90 pages.")[0] == []


def test_data_show_as_a_document_does():
    found, _ = claims_of("Data from the ferry census show that most passengers travel before nine.")
    assert [f[:3] for f in found] == [("Data from the ferry census", "show", "that most passengers travel before nine")]


@pytest.mark.parametrize("text", ["But Trump claims that the ferry should be the exception.",
                                  "Trump estimates that the ferry cost him $45 million."])
def test_a_verb_in_s_the_tagger_takes_for_a_plural_noun_still_reports(text: str):
    found, _ = claims_of(text)
    assert [f[0] for f in found] == ["Trump"] and found[0][2].startswith("that the ferry")



def test_a_verb_hung_from_its_subject_after_an_opening_participle_still_reports():
    """The parse takes "Following" for the sentence's verb and "asked" for a participle of "lawyer"."""
    found, _ = claims_of("Following the arrest in London, a lawyer for the woman involved in the case asked for "
                         "the inquiry to be reopened.")
    assert [f[:3] for f in found] == [("a lawyer for the woman involved in the case", "asked for",
                                       "the inquiry to be reopened")]


def test_not_just_or_not_only_adds_and_negates_nothing():
    _, claims = claims_of("Ann Roe said it was not just the mayor who backed the plan.")
    assert [c.content_negated for c in claims] == [False]
    _, claims = claims_of("Ann Roe said it was not the mayor who backed the plan.")
    assert [c.content_negated for c in claims] == [True]


def test_a_name_the_tagger_takes_for_a_noun_speaks_where_the_document_uses_it_as_a_name():
    """"Stone" and "Price" are tagged common nouns here; a verb that is a cue only when someone
    does it ("urges ... to", "talked about") takes them as names the text gives
    elsewhere, not a word it also writes in lower case."""
    found, _ = claims_of("Stone urges voters to reject the plan\n\n"
                         "Councillor Emma Stone has led the campaign against the new tower since May.")
    assert [f[:3] for f in found] == [("Stone", "urges", "voters to reject the plan")]
    found, _ = claims_of("Price talked about the budget on Monday. Treasurer Sam Price has resigned.")
    assert [f[:3] for f in found] == [("Price", "talked about", "the budget")]
    found, _ = claims_of("Price talked about the budget on Monday. The price of bread has risen.")
    assert found == []

def test_a_verb_in_s_taken_for_a_plural_noun_after_its_clause_still_reports():
    found, _ = claims_of("The ferry is safe to sail, the harbour’s former inspector maintains.")
    assert [f[1:3] for f in found] == [("maintains", "The ferry is safe to sail")]


def test_a_cue_after_its_clause_taken_for_a_plural_noun_ending_its_source():
    found, _ = claims_of("Her health is fine, the senator's personal physician maintains.")
    assert [f[:3] for f in found] == [("the senator's personal physician", "maintains", "Her health is fine")]


def test_a_source_whose_words_the_parse_hung_from_a_verb_taken_for_a_noun_keeps_them():
    found, _ = claims_of("The new vaccine is not safe, the prime minister's former doctor maintains.")
    assert [f[:2] for f in found] == [("the prime minister's former doctor", "maintains")]


def test_an_it_that_acts_on_an_object_speaks_through_the_verb_joined_to_it():
    text = "The ferry company issued a statement.\n\nIt did not name the crew and said it was reviewing the route."
    found, _ = claims_of(text)
    assert ("It", "said", "it was reviewing the route") in [f[:3] for f in found]
    found, _ = claims_of("It took the board a week to answer, saying it had been reviewing the route.")
    assert not [f for f in found if f[0] == "It"]  # "it" stands for nothing here


def test_a_parenthetical_says_whose_source_the_parse_made_a_subject_of_the_clause():
    found, _ = claims_of("This pathway, says Helen Ward, a geneticist at the University of Texas, Austin, helps direct "
                         "a coordinated response to stress across the plant.")
    assert [f[:3] for f in found] == [
        ("Helen Ward, a geneticist at the University of Texas, Austin", "says", "This pathway, says Helen Ward, a geneticist "
         "at the University of Texas, Austin, helps direct a coordinated response to stress across the plant")]


def test_titles_of_works_in_brackets_are_not_quotations():
    found, _ = claims_of("The director, Jo Roe (“The Long Field,” “Salt and Iron”), also recalls it as a hard year. "
                         "“It was the worst winter I remember,” she said.")
    assert [f[:3] for f in found] == [("she", "said", "It was the worst winter I remember")]


def test_a_number_alone_is_no_content():
    found, _ = claims_of("A neighbour spotted the van and called 911. The driver later said he was lost.")
    assert [f[1:3] for f in found] == [("later said", "he was lost")]


def test_according_to_a_bare_noun_with_words_that_tell_which():
    found, _ = claims_of("According to evidence presented at the inquest, the driver fell asleep at the wheel.")
    assert [f[:3] for f in found] == [("evidence presented at the inquest", "According to",
                                       "the driver fell asleep at the wheel")]
    found, _ = claims_of("According to plan, the ferry left at noon.")
    assert found == []


def test_what_someone_shouted_or_screamed_that_is_reported_speech():
    found, _ = claims_of("The ferry guard could be heard shouting to the crowd that the gangway was closed.")
    assert [f[1:3] for f in found] == [("shouting", "that the gangway was closed")]


def test_told_someone_to_do_a_quoted_thing_which_the_parse_hangs_as_a_purpose():
    found, _ = claims_of("Kowalski tells the crowd at a Gdansk rally to “go to the square and march” and then "
                         "“go stand by the gate.”")
    assert [f[1:3] for f in found] == [("tells", "the crowd at a Gdansk rally to “go to the square and march”")]


def test_told_a_programme_whose_that_clause_the_parse_hangs_from_it():
    found, _ = claims_of("KPN's chief executive, Marieke de Vries-Bakker, told the Dutch broadcaster NOS's flagship "
                         "morning programme that the proposals were a gift to the biggest players.")
    assert [f[1:3] for f in found] == [("told", "that the proposals were a gift to the biggest players")]


def test_a_verb_between_commas_with_nothing_said_is_no_parenthetical_cue():
    found, _ = claims_of("After the vote, the senator spoke, and then left the chamber.")
    assert found == []


def test_a_paragraph_without_quotation_marks_after_a_cue_and_a_colon_is_a_quotation():
    text = ("The mayor opened the depot on Monday.\n\nThe mayor added:\n\n"
            "The new line will open in spring, and fares will not rise.\n\nRead more:\n\n"
            "The depot cost twelve million pounds to build.")
    found, claims = claims_of(text)
    assert found == [("The mayor", "added", "The new line will open in spring, and fares will not rise", "direct")]
    assert claims[0].rule == "unmarked-block"


@pytest.mark.parametrize("intro", ["The council noted the low turnout:", "As the council noted, turnout fell:"])
def test_a_cue_before_a_colon_with_words_of_its_own_takes_no_paragraph_after_it(intro: str):
    found, _ = claims_of(f"{intro}\n\nOnly a third of the voters came to the polls this year.")
    assert all("a third of the voters" not in content for _, _, content, _ in found)


def test_a_quotation_that_ends_with_a_quoted_word_and_a_space_before_its_mark():
    text = ("\"Nobody here calls the lake 'the reservoir,' \" said Ines Albuquerque, a ferry pilot. "
            "\"We never will.\"")
    found, _ = claims_of(text)
    source = "Ines Albuquerque, a ferry pilot"
    assert found == [(source, "said", "Nobody here calls the lake 'the reservoir,'", "direct"),
                     (source, "said", "We never will", "direct")]


def test_a_quotation_paragraph_after_a_paragraph_of_two_quotations_and_one_cue():
    text = ("Dan Reed, the union’s leader, spoke first.\n\n“Nobody listened to us,” he said. “Now they will.”\n\n"
            "“We will strike in June if nothing changes.”\n\nThe talks resume on Monday.")
    _, claims = claims_of(text)
    assert [(c.speaker, c.content) for c in claims][-1] == ("dan_reed", "We will strike in June if nothing changes")


def test_the_statement_speaks_for_whoever_issued_the_statement_before():
    text = ("Harbor Records said in a statement that it had never blocked the show. The statement continued: "
            "“We have worked hard to reach a deal.”\n\nThe statement also said talks would go on.")
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == ["harbor_records"] * 3
    text = ("Harbor Records flat-out denied the allegations in a statement shared on its website.\n\n"
            "“We never blocked the show,” the statement read.")
    _, claims = claims_of(text)
    assert [c.speaker for c in claims][-1] == "harbor_records"  # "in a statement" hangs from "the claims"


def test_a_survey_speaks_for_who_conducted_it_not_for_who_rose_in_it():
    text = ("Marta Lindqvist’s support rose in the survey, from 31 percent in May to 38 percent in June.\n\n"
            "The survey found that most voters want the tram line extended.")
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == [None]
    text = ("Northfield Polling conducted the survey of 900 voters in June.\n\n"
            "The survey found that most voters want the tram line extended.")
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == ["northfield_polling"]


def test_the_statement_goes_on_speaking_for_its_issuer_over_several_paragraphs():
    text = ("Harbor Records said in a statement that it had never blocked the show.\n\n“We have worked hard,” the "
            "statement read.\n\n“We are still talking,” the statement continued.\n\nFans waited outside the arena "
            "all day.\n\n“We hope to settle soon,” the statement concluded.")
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == ["harbor_records"] * 4


def test_a_subject_the_parse_split_at_a_hyphen_is_the_name_after_it():
    _, claims = claims_of("The lakes are shallower than expected, said study co-author Lena Virtanen, a planetary scientist.")
    assert [c.speaker for c in claims] == ["lena_virtanen"]


def test_data_from_a_firm_speak_for_the_firm():
    _, claims = claims_of("The bond has weakened sharply, according to data from Tradewell Analytics.")
    assert [c.speaker for c in claims] == ["tradewell_analytics"]
    _, claims = claims_of("Costs rose sharply, according to reports from Reuters and Bloomberg News.")
    assert [c.speaker for c in claims] == ["reuters", "bloomberg_news"]  # each of the joint issuers
    _, claims = claims_of("Dealers sold 3,000 cars, according to the AutoFacts report from Tradewell Analytics.")
    assert [c.speaker for c in claims] == ["tradewell_analytics"]  # the report's issuer, not its name


def test_a_news_organisation_the_tagger_takes_for_a_place_is_still_a_source():
    _, claims = claims_of("The talks stalled, according to reports from Reuters and Bloomberg.")
    assert [c.speaker for c in claims] == ["reuters"]  # "Bloomberg" alone may be a person: left to the text


@pytest.mark.parametrize("text, speakers", [
    ("The Wrap reported that the director will return for a fourth film.", ["thewrap"]),
    ("The director will return for a fourth film, according to The Hollywood Reporter.", ["the_hollywood_reporter"]),
    ("The console will ship in May, The Verge reported.", ["the_verge"]),
])
def test_trade_and_technology_outlets_are_known_sources(text: str, speakers: list[str]):
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == speakers


def test_the_outlet_that_relayed_words_is_neither_speaker_nor_content():
    found, _ = claims_of("Okafor, via the Lakeland Courier, said that the league should act.")
    assert found == [("Okafor", "said", "that the league should act", "indirect")]
    found, _ = claims_of("Okafor said the defence must improve, via the Lakeland Courier.")
    assert found == [("Okafor", "said", "the defence must improve", "indirect")]
    found, _ = claims_of("Okafor said the defence must improve, per the Lakeland Courier.")
    assert found == [("Okafor", "said", "the defence must improve", "indirect"),
                     ("the Lakeland Courier", "per", "the defence must improve", "indirect")]


def test_as_x_reports_for_an_outlet_is_a_clause_of_comment():
    found, _ = claims_of("As Maria Lund reports for the BBC, the first cases came to light last week.")
    assert found == [("Maria Lund", "reports", "the first cases came to light last week", "indirect")]
    assert claims_of("As the crowd argued about taxes, the mayor left.")[0] == []  # what they argued is elsewhere


def test_as_x_does_something_to_a_thing_is_a_time_not_a_comment():
    found, _ = claims_of("The pound rose to $1.24 as the minister clarified and confirmed her plans.")
    assert [f for f in found if f[1] == "clarified"] == []
    found, _ = claims_of("Prices will keep rising, as the minister pointed out.")
    assert [(f[0], f[2]) for f in found] == [("the minister", "Prices will keep rising")]


def test_a_coordination_the_parse_made_a_modifier_keeps_the_named_speaker():
    _, claims = claims_of("Gov. Eric Holcomb stayed away. Holcomb and GOP legislative leaders touted the plan "
                          "as making strides toward improving teacher pay.")
    assert [c.speaker for c in claims] == ["eric_holcomb"]


def test_a_document_speaks_for_whoever_released_it():
    _, claims = claims_of("The Harlow Audit Office released two highly critical reports that depicted delays and "
                          "cost increases.")
    assert [c.speaker for c in claims] == ["harlow_audit_office"]
    _, claims = claims_of("Mary Holt and Tom Hale issued a statement describing their meeting as a positive step.")
    assert sorted(c.speaker for c in claims) == ["mary_holt", "tom_hale"]
    _, claims = claims_of("Jane Roe read a report that said prices would rise.")
    assert [c.speaker for c in claims] == [None]  # a reader is no issuer
    _, claims = claims_of("The deadline mattered as the Harlow Office of the Inspector General released two critical "
                          "reports that depicted delays and cost increases.")
    assert [c.speaker for c in claims] == ["harlow_office_of_the_inspector_general"]  # the name with its "of" phrase


def test_a_document_or_a_speech_speaks_for_who_delivered_it():
    _, claims = claims_of("Nora Quist chairs the port board. She released a letter from her doctor that says she is fit "
                          "to serve.")
    assert [c.speaker for c in claims] == ["nora_quist"]  # "she", the issuer, resolved as a source
    _, claims = claims_of("Nora Quist chairs the port board. “We will reopen,” she said at a news conference "
                          "announcing that the board was suing the dredging firm.")
    assert [c.speaker for c in claims] == ["nora_quist", "nora_quist"]
    _, claims = claims_of("Nora Quist chairs the port board. She read the minutes at a meeting of clerks who were "
                          "announcing that the board was suing the dredging firm.")
    assert "nora_quist" not in [c.speaker for c in claims]  # "who were announcing": the clerks


@pytest.mark.parametrize("text, speaker", [
    ("The inquiry forced Ben Sallow to admit that no manager had checked the dams.", "Ben Sallow"),
    ("The leaked memo led the harbour master to concede that the dredging had stopped.", "the harbour master"),
    ("The inquiry asked Ben Sallow to explain why the dams had not been checked.", "The inquiry"),
])
def test_who_speaks_in_an_infinitive_after_an_object(text: str, speaker: str):
    """"forced X to admit": X admits; "asked X to explain": the asking is the claim."""
    found, _ = claims_of(text)
    assert [f[0] for f in found] == [speaker]


def test_a_participle_after_a_speech_and_a_comma_has_the_speaker_of_that_speech():
    """The parse hangs the participle from a verb of the quotation or the content; the
    words after it are what is said, not who says it."""
    found, _ = claims_of('"The port must stay public," Ada Brennan said, suggesting two questions, including, '
                         '"Minister, do you really think that the buyers will keep the cranes? Do you think the '
                         'dockers will stay?"')
    assert [f[0] for f in found] == ["Ada Brennan", "Ada Brennan"]
    found, _ = claims_of('"We have waited for years, and now the dredging starts again, and the port closes for '
                         'a month, which is absurd," Ada Brennan said, going on to say that the city has spent '
                         '"decades fighting for this harbour, and young dockers do not want to leave it."')
    assert ("Ada Brennan", "to say") in [f[:2] for f in found]


def test_a_participle_after_an_aside_between_dashes_belongs_to_the_clause_before_the_aside():
    found, _ = claims_of('Groups of dockers marched to the harbour - where the ferries had docked for the night - '
                         'while chanting, "Keep our port."')
    assert [f[0] for f in found] == ["Groups of dockers"]


@pytest.mark.parametrize("text", [
    'The Mayor of Paris Anne Hidalgo joked that the ferry was a vote winner. "We will keep it," she told reporters.',
    'The Mayor of Leeds, Ana Vela, joked that the ferry was a vote winner. "We will keep it," she told reporters.',
])
def test_a_name_after_a_title_and_its_place_speaks_and_is_the_she_after_it(text: str):
    _, claims = claims_of(text)
    assert len(claims) == 2 and claims[0].speaker is not None and claims[1].speaker == claims[0].speaker


def test_the_noun_of_an_aside_with_with_speaks_in_its_participle():
    _, claims = claims_of('Council members voiced their worries, with the new leader of the harbour board, Tom Reyes, '
                          'warning that the ferry would stop. "We cannot wait," he said.')
    assert [c.speaker for c in claims if c.cue in {"warning", "said"}] == ["tom_reyes", "tom_reyes"]
    found, _ = claims_of("The harbour board is frustrated with both ferry and rail companies, saying they failed to "
                         "share timetables.")
    assert [f[0] for f in found] == ["The harbour board"]  # a complement of "frustrated", not an aside


def test_a_possessive_in_the_source_phrase_is_not_the_speaker_s_gender():
    _, claims = claims_of('A court jailed the hacker in May. "We need him," his wife, Elena Ruiz, wrote in a letter. '
                          "He told reporters that he would appeal.")
    assert claims[0].speaker == "elena_ruiz" and claims[1].speaker != "elena_ruiz"  # "his" is the hacker's


def test_a_document_speaks_for_the_body_whose_name_modifies_it():
    _, claims = claims_of("According to the Oregon Department of State Water Services data, leaks rose by a third.")
    assert [c.speaker for c in claims] == ["oregon_department_of_state_water_services"]  # the parse: an nmod


def test_words_penned_are_words_written():
    found, _ = claims_of('Ada Brennan was elected on Friday. In a post, she penned: "The harbour is ours again."')
    assert [f[:3] for f in found] == [("she", "penned", "The harbour is ours again")]


def test_a_company_spokesperson_speaks_for_the_company_named_before():
    _, claims = claims_of("Harbor Telecom said hackers broke into its online store. The access took place over the "
                          "weekend, a company spokesperson said.")
    assert [c.speaker for c in claims] == ["harbor_telecom", "harbor_telecom"]


def test_a_spokesperson_or_an_office_speaks_for_whom_the_phrase_names():
    _, claims = claims_of("Harbor Records said sales fell. A Harbor Records spokesperson said the label was cooperating.")
    assert [c.speaker for c in claims] == ["harbor_records", "harbor_records"]
    _, claims = claims_of("Mayor Jane Roe spoke on Monday. Her office said she would travel to Leeds.")
    assert [c.speaker for c in claims] == ["jane_roe"]
    _, claims = claims_of("A spokeswoman for the Port Authority said the docks would reopen. "
                          "A spokesman said the ships had left.")
    assert [c.speaker for c in claims] == ["port_authority", None]  # no one named: unnamed
    _, claims = claims_of("Harbor Records executives said sales fell. U.S. officials said the talks failed.")
    assert [c.speaker for c in claims] == ["harbor_records", None]  # officials of a state stay unnamed
    _, claims = claims_of("Lena Marsh cancelled a concert on Monday. Marsh's rep told reporters that the tour would go on.")
    assert [c.speaker for c in claims] == ["lena_marsh"]
    _, claims = claims_of("Lena Marsh cancelled a concert on Monday. Her management said the tour would go on.")
    assert [c.speaker for c in claims] == ["lena_marsh"]
    _, claims = claims_of("Minister Teresa Ruiz will visit on Thursday. Her ministry said aid was ready.")
    assert [c.speaker for c in claims] == ["teresa_ruiz"]


def test_whom_a_spokesperson_speaks_for_is_a_body_whatever_the_tagger_says():
    result, pipeline = extract_text('"We will keep our promises," a Tesla spokesperson said on Monday.')
    assert [c.speaker for c in result.claims] == ["tesla"]  # the tagger reads "Tesla" as a nationality here
    assert pipeline.resolver.actors["tesla"].kind == "Organization"


def test_a_body_called_by_its_name_and_a_word_for_a_body_is_that_body():
    _, claims = claims_of("The Harbor Workers union said it would ballot members. The Lindqvist group said profits "
                          "rose. The Obama administration said talks would resume.")
    assert [c.speaker for c in claims] == ["harbor_workers", "lindqvist", None]  # a person's administration: no body


def test_researchers_at_an_organisation_and_a_spokesperson_for_the_trust_named_before_speak_for_them():
    _, claims = claims_of("Researchers at the University of Leeds found that the fungus eats plastic. The study was "
                          "funded by the Wellcome Trust. A spokesperson for the trust said it was delighted.")
    assert [c.speaker for c in claims] == ["university_of_leeds", "wellcome_trust"]
    _, claims = claims_of("Analysts at Morgan Stanley said the stock was overvalued. Analysts said it was cheap.")
    assert [c.speaker for c in claims] == ["morgan_stanley", None]


@pytest.mark.parametrize("pronoun, speaker", [("She", "ann_lee"), ("He", "mark_evans")])
def test_a_pronoun_goes_on_with_the_quoted_speaker_only_if_the_given_name_agrees(pronoun: str, speaker: str):
    _, claims = claims_of(f'"I have told Mark Evans to improve," said coach Ann Lee. {pronoun} said the work would pay off.')
    assert [c.speaker for c in claims] == ["ann_lee", speaker]


def test_a_pronoun_prefers_the_person_just_named_to_a_subject_further_back():
    text = ("Tom Hale spoke first at the rally. “We hear you,” Hale said. Teachers did not see Bob Marsh at the "
            "rally on Tuesday. His office said he was travelling.")
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == ["tom_hale", "bob_marsh"]


def test_scientists_or_engineers_of_an_organisation_speak_for_it():
    found = [(c.speaker_text, c.speaker) for c in claims_of(
        "Acme's engineers said the bridge was safe. The scientists said the ice was old.")[1]]
    assert found[0] == ("Acme's engineers", "acme")
    assert found[1][1] not in (None, "acme")  # people the text singles out, not Acme


def test_a_described_speaker_is_an_actor_of_its_document():
    """"The authors", "her doctors": the text singles them out without naming them; bare
    "researchers" and "an insider" stay unnamed."""
    text = ("A study of river otters appeared in the journal Ecology on Monday. The authors said otter numbers "
            "had doubled. Researchers said the rivers were cleaner. According to her doctors, the farmer will "
            "appeal. An insider said the deal was off. The authors also found that otters eat crayfish.")
    result, pipeline = extract_text(text)
    speakers = [c.speaker for c in result.claims]
    authors = speakers[0]
    assert authors and authors == speakers[-1] and speakers[1] is None and speakers[3] is None
    assert speakers[2] and speakers[2] != authors
    actors = pipeline.resolver.actors
    assert (actors[authors].label, actors[authors].kind) == ("The authors", "Group")
    assert actors[speakers[2]].label == "her doctors"
    other, _ = extract_text("The authors said the bridge was safe. They added that repairs would cost little.",
                            doc_id="other")
    assert other.claims[0].speaker not in (None, authors)  # other authors, in another document
    assert other.claims[1].speaker == other.claims[0].speaker  # "they" after them
    named, _ = extract_text("Jo Park was taken to hospital. His doctors said he would recover.", doc_id="park")
    assert named.claims[0].speaker not in (None, "jo_park")  # his doctors, not Jo Park
    chair, pipeline = extract_text("The chairwoman of the Green Valley Rowing Club said the regatta would go ahead.",
                                   doc_id="chair")
    assert pipeline.resolver.actors[chair.claims[0].speaker].label == "The chairwoman of the Green Valley Rowing Club"


def test_a_quotation_without_a_cue_goes_on_with_the_reported_speech_before_it():
    text = ('Harbor Records told reporters that the figures were wrong. "The league owes us $2 million." '
            '"We will sue."\n\nThe league met on Friday. "Nothing was decided."')
    found, claims = claims_of(text)
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("Harbor Records", "told", "that the figures were wrong"),
        ("Harbor Records", "told", "The league owes us $2 million"),
        ("Harbor Records", "told", "We will sue")]  # not "Nothing was decided": no report before it
    assert claims[1].cue_span == claims[0].cue_span and claims[1].rule == "direct-after-report"


def test_a_quotation_paragraph_goes_on_with_the_reported_speech_that_closes_the_paragraph_before():
    text = ("Mara Quill, head of the Tidewater Growers Association, said the harvest would be late.\n\n"
            "\u201cWe lost three weeks to the rain. Nobody planned for that.\n\n"
            "\u201cThe buyers will have to wait.\u201d\n\n"
            "The association met on Friday.\n\n"
            "\u201cNothing was decided.\u201d")
    found, claims = claims_of(text)
    assert [f[:3] for f in found] == [
        ("Mara Quill, head of the Tidewater Growers Association", "said", "the harvest would be late"),
        ("Mara Quill, head of the Tidewater Growers Association", "said",
         "We lost three weeks to the rain. Nobody planned for that"),
        ("Mara Quill, head of the Tidewater Growers Association", "said", "The buyers will have to wait")]
    # not "Nothing was decided": the paragraph before it reports no speech
    assert [c.rule for c in claims] == ["ccomp", "direct-next-paragraph", "direct-continued"]


@pytest.mark.parametrize("text, speaker", [
    ("Rates will stay on hold, said Harbour Savings Bank of Canada\u2019s chief economist, Lena Morrow.", "lena_morrow"),
    ("Harbour Savings Bank\u2019s managing director for rates and macro strategist, Lena Morrow, said rates will "
     "stay on hold.", "lena_morrow"),
])
def test_a_body_s_role_and_the_name_in_apposition_speak_for_the_person(text, speaker):
    """The parser makes the body's name the head of "X's chief economist, NAME"."""
    [claim] = extract_text(text)[0].claims
    assert claim.speaker == speaker


def test_a_past_form_after_a_verb_of_saying_is_a_clause_not_a_participle():
    """The parser reads "said 15,000 people registered" as people who were registered."""
    found, _ = claims_of("The unions said more than 15,000 people registered for the march.")
    assert [f[2] for f in found] == ["more than 15,000 people registered for the march"]


def test_passive_accusations_past_a_dateline_and_with_the_cues_of_on_its_agent():
    found, _ = claims_of("Party under fire\n\nLONDON (AP) — The Harbor Party was accused Wednesday of misleading voters.")
    assert [f[2] for f in found] == ["The Harbor Party was accused Wednesday of misleading voters"]  # not the dateline
    found, _ = claims_of("Jo Park, a veteran senator, is accused by critics of promoting high taxes.")
    assert found == [("critics", "is accused", "promoting high taxes", "indirect")]


def test_a_coordinated_source_speaks_when_one_of_its_members_can():
    found, _ = claims_of("Shops and residents complained of poor communications.")
    assert found == [("Shops and residents", "complained of", "poor communications", "indirect")]


def test_being_of_the_view_that_is_a_speech_act_of_the_subject():
    found, claims = claims_of("Jane Roe is of the opinion that rates will fall.")
    assert [(f[0], f[2]) for f in found] == [("Jane Roe", "that rates will fall")]
    assert claims_of("The price of the view was high.")[0] == []


def test_attributing_a_cause_is_a_claim_with_its_cause():
    found, _ = claims_of("Jane Roe attributed the rally in bank stocks to the court's ruling.")
    assert found == [("Jane Roe", "attributed", "the rally in bank stocks to the court's ruling", "indirect")]


def test_many_or_some_alone_are_people_who_speak():
    found, _ = claims_of("Many have voiced concerns that the mill will close. Some said the plan would fail. "
                         "Most of the paint has dried.")
    assert [(f[0], f[1], f[2]) for f in found] == [("Many", "have voiced concerns", "that the mill will close"),
                                                    ("Some", "said", "the plan would fail")]


def test_a_speech_act_noun_object_lends_the_cue_its_noun_and_the_content_its_clause():
    found, claims = claims_of("Jane Roe rejected the claim that she had misled voters.")
    assert found == [("Jane Roe", "rejected the claim", "that she had misled voters", "indirect")]


def test_an_apposition_that_ends_the_content_is_the_reporters_aside():
    found, _ = claims_of("Cook joked that he is not Jo Park, the singer who opened the show.")
    assert [f[2] for f in found] == ["that he is not Jo Park"]


def test_a_headline_quotation_takes_the_speaker_of_the_same_words_in_the_body():
    text = ("‘We had some issues,’ exec says on streaming glitches\n\nThe service launched on Tuesday.\n\n"
            "“We had some issues with the log-in,” said Jo Park, the firm's chairman.")
    _, claims = claims_of(text)
    assert [(c.speaker_text, c.speaker) for c in claims] == [("exec", "jo_park"), ("Jo Park, the firm's chairman", "jo_park")]
    _, claims = claims_of("‘We had some issues,’ exec says\n\n“Nothing broke,” said Jo Park.")
    assert claims[0].speaker is None  # the body does not say those words


def test_a_quotation_the_statement_read():
    text = 'Harbor Records issued a statement on Monday.\n\n"We were shocked by the claims," the statement read.'
    found, _ = claims_of(text)
    assert found == [("the statement", "read", "We were shocked by the claims", "direct")]
    assert claims_of("The sign read: “Closed for repairs.” She read the report twice.")[0] == []


def test_per_x_is_according_to_x_but_not_per_cent_or_per_share():
    found, _ = claims_of("The virus spreads fast, per health officials in the province.")
    assert found == [("health officials in the province", "per", "The virus spreads fast", "indirect")]
    assert claims_of("Prices rose 5 per cent in May and fees were $2 per share.")[0] == []
    assert claims_of("The region has low per capita incomes while still having high per capita emissions.")[0] == []
    found, _ = claims_of("The hacker said, per a translator, that the server was open.")
    assert found == [("The hacker", "said", "that the server was open", "indirect")]


def test_a_quote_closed_with_two_curly_apostrophes_newswire_style():
    found, _ = claims_of("“The plan was never costed,’’ Dana Pike, head of the Budget Watch group, told reporters. "
                         "The council did not reply.")
    assert found == [("Dana Pike, head of the Budget Watch group", "told", "The plan was never costed", "direct")]


def test_a_clause_that_ends_in_a_quotation_before_the_cue_is_one_mixed_claim():
    found, _ = claims_of("The ferry had been “a lifeline” for the island and fares will not rise this year, but "
                         "in the long run, “we cannot keep the route open without help,” chief executive Anna Price said.")
    assert found == [("chief executive Anna Price", "said", "The ferry had been “a lifeline” for the island and fares "
                      "will not rise this year, but in the long run, “we cannot keep the route open without help",
                      "mixed")]
    found, _ = claims_of("Despite the long delays, “the new line will open in May,” said Tom Hale, the transport chief.")
    assert found == [("Tom Hale, the transport chief", "said", "the new line will open in May", "direct")]


def test_weighing_in_introduces_a_quotation():
    found, _ = claims_of("“The fans deserve better,” the coach weighed in on Sunday. The ship weighed in at 4,000 tonnes.")
    assert found == [("the coach", "weighed in", "The fans deserve better", "direct")]


def test_a_relative_clause_the_parse_hung_on_the_verb_is_not_what_was_said():
    found, _ = claims_of("The chair spoke before councillors backing the plan approved in May that raised bus fares by 5%.")
    assert [f for f in found if f[1] == "spoke"] == []
    found, _ = claims_of("He said that was wrong.")
    assert found == [("He", "said", "that was wrong", "indirect")]


def test_a_noun_a_cue_modifies_speaks_only_if_it_can():
    found, _ = claims_of("She held a news conference announcing that the city would sue the state.")
    assert [f[1:3] for f in found] == [("announcing", "that the city would sue the state")]
    assert claims_of("Her refusal to say whether she backed the deal drew jeers.")[0] == []


@pytest.mark.parametrize("text", [
    "That said, the club still needs a new goalkeeper.",
    'She set up a charity called "Paws Together" in 2019.',
    'A group called "Patients First" accused ministers of "rewriting history".',  # the parse ties "accused" to the name
    'The new footbridge, dubbed "the Ribbon", opened on Friday.',
    "The same can't be said of the away side's defence.",
    "The condition has since been dubbed “office lung.”",
    "The condition has been dubbed “office lung” by doctors.",
    "These are the qualities she hopes to bring to the club.",
    "The new kit blended style and comfort in a way nobody had seen before.",
    "The coach declined to say when the striker would return.",
    "The club declined to comment on the report.",
])
def test_words_that_look_like_speech_but_are_not(text: str):
    found, _ = claims_of(text)
    assert found == []


def test_words_said_of_a_thing_with_a_naming_verb_are_a_claim():
    found, _ = claims_of("The plan was called “reckless and cruel” by critics.")
    assert found == [("critics", "was called", "reckless and cruel", "direct")]


def test_a_dateline_is_never_the_speaker():
    found, claims = claims_of("Fares rise\n\nMANCHESTER -- Northline said on Monday that fares would rise.\n")
    assert found == [("Northline", "said", "that fares would rise", "indirect")]
    found, _ = claims_of("Nairobi, Kenya: Getting water to the villages has been hard. Keeping it clean is harder still.")
    assert found == []
    found, _ = claims_of("Derby win\n\nLEEDS: The home side held Rovers to a draw at Elland Road on Friday.\n")
    assert found == []


def test_a_participle_after_a_quotation_never_takes_a_speaker_from_inside_it():
    found, _ = claims_of("At the briefing Ms Roe was finally clear. “I take note that the party has left the "
                         "coalition,” adding that she will fly to Paris on Sunday.")
    assert [f for f in found if f[0] == "I"] == []


def test_a_headline_label_that_names_no_actor_is_no_speaker():
    found, _ = claims_of("Brexit: 'Ministers will publish the plan on Monday'\n\n"
                         "Ministers will publish the Brexit plan on Monday, the Government said today.")
    assert [f[0] for f in found] == ["the Government"]
    found, _ = claims_of("Ann Lee Slams Acme CEO: 'You Should Resign.'\n\nThe hearing went on for hours.")
    assert [f[0] for f in found] == ["Ann Lee Slams Acme CEO"]  # a word that is no actor alone ends a label
    # a headline's topic before a colon, no person, body or state the text names
    found, _ = claims_of("Heatwave: Ferry services to be cut next week\n\nServices will be cut, the operator said.")
    assert [f[0] for f in found] == ["the operator"]
    found, _ = claims_of("Poll: Voters back the new ferry timetable\n\nMost voters backed it.")
    assert [f[0] for f in found] == ["Poll"]  # a word for a source speaks


def test_a_transcript_s_labels_in_capitals_are_its_speakers():
    found, _ = claims_of("HOST: Will the council raise taxes this year?\n\nROE: We will not raise them this year.\n")
    assert [(f[0], f[2]) for f in found] == [("HOST", "Will the council raise taxes this year"),
                                             ("ROE", "We will not raise them this year")]


# --- direct quotations ----------------------------------------------------------------


def test_a_cue_with_a_clause_of_its_own_leaves_the_quotation_before_it_to_its_own_cue():
    found, _ = claims_of('Later she said: "It is over." He said it was "a mess".')
    assert [(source, content) for source, _, content, _ in found] == [("she", "It is over"), ("He", 'it was "a mess"')]


def test_quotations_in_single_marks_in_a_text_that_quotes_with_them():
    text = ("Ms Moss told MPs that the finances were 'in a worse state than anyone expected'. "
            "Speaking on Radio Leeds, she said: 'We will not raise income tax.' "
            "A Treasury source said: 'Nothing is off the table.' It's a 'fiscal black hole', critics say.")
    found, _ = claims_of(text)
    kinds = {content: kind for _, _, content, kind in found}
    assert kinds["that the finances were 'in a worse state than anyone expected'"] == "mixed"
    assert kinds["We will not raise income tax"] == kinds["Nothing is off the table"] == "direct"


def test_single_marks_in_a_text_that_quotes_with_double_ones_are_apostrophes():
    assert [q.closed for q in find_quotes('The players\' union said: "We want talks." It\'s \'over\'.')] == [True]


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


def test_quote_interrupted_by_its_cue_gives_two_fragments_of_one_claim():
    found, claims = claims_of("“The plan is dead,” Maria Lopez said, “and nobody will revive it.”")
    assert [f[2] for f in found] == ["The plan is dead", "and nobody will revive it"]
    assert len({(c.cue_span, c.speaker_span, c.speaker) for c in claims}) == 1


def test_quote_over_two_paragraphs_keeps_its_speaker():
    text = ("“We have made our offer,” said Pedro Alves, the union leader. “Now it is their turn.\n\n"
            "“If they refuse, we will strike in May.”\n\nThe company declined to comment.")
    _, claims = claims_of(text)
    assert [c.content for c in claims] == ["We have made our offer", "Now it is their turn",
                                           "If they refuse, we will strike in May"]
    assert {c.speaker for c in claims} == {"pedro_alves"}


def test_quote_paragraph_without_cue_takes_the_previous_speaker_with_lower_confidence():
    text = "“Prices will fall,” said Anna Berg.\n\n“Nobody expects a quick recovery.”"
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == ["anna_berg", "anna_berg"]
    alone = claims_of("“Prices will fall,” said Anna Berg.")[1]
    assert claims[0].confidence < alone[0].confidence  # the pair rests on a guess


def test_quote_after_a_sentence_ending_with_its_cue():
    found, _ = claims_of("The mayor said it was a mistake, she said. “We will fix it.”")
    assert ("she", "said", "We will fix it", "direct") in found


def test_a_dash_the_tagger_takes_for_a_noun_is_no_source():
    text = ("When it emerged that the firm had paid no taxes ― as was true for the years its accounts were made "
            "public ― Anna Berg boasted, “That makes me smart.”")
    found, _ = claims_of(text)
    assert ("Anna Berg", "boasted", "That makes me smart", "direct") in found


def test_doubled_apostrophes_are_quotation_marks():
    found, _ = claims_of("''Do what you can now,'' Mr. Kowalski said.")
    assert found == [("Mr. Kowalski", "said", "Do what you can now", "direct")]


def test_title_in_quotation_marks_is_no_quote():
    found, _ = claims_of("On a broadcast of “Morning Talk,” Senator Jane Roe said the bill would pass.")
    assert found == [("Senator Jane Roe", "said", "the bill would pass", "indirect")]


def test_dash_after_a_quotation_names_its_source():
    found, _ = claims_of("“He has never listened to us.” ― Carla Mendes")
    assert found == [("Carla Mendes", "―", "He has never listened to us", "direct")]


def test_transcript_labels_and_headline_labels():
    found, _ = claims_of('"ROBERTS: Will you sign the bill tomorrow?\n\n"DIAZ: I will sign it in the morning.')
    assert [(f[0], f[1]) for f in found] == [("ROBERTS", ":"), ("DIAZ", ":")]
    found, _ = claims_of("Kowalski: Taxes Will Rise Next Year")
    assert found == [("Kowalski", ":", "Taxes Will Rise Next Year", "direct")]


def test_a_headline_label_the_tagger_takes_for_a_noun_is_a_name_used_in_the_text():
    text = ("Lindqvist: Taxes will rise next year for most families\n\nAnna Lindqvist said the budget was ready.\n\n"
            "Defense: the budget is late again and nobody knows why.")
    found, claims = claims_of(text)
    assert [(f[0], f[1]) for f in found] == [("Lindqvist", ":"), ("Anna Lindqvist", "said")]
    assert claims[0].speaker == claims[1].speaker == "anna_lindqvist"


def test_a_team_notes_section_is_no_claim_a_transcript_is():
    notes = ("Boston won 104-98 on Tuesday night.\n\nPistons: F Jo Harkin missed his third game with a sprained ankle.\n\n"
             "Celtics: G Ray Voss left in the second quarter with a bruised hip.\n\nUP NEXT\n\n"
             "Pistons: Host the Celtics on Friday.\n\nCeltics: Visit the Pistons on Friday.")
    assert [f for f in claims_of(notes)[0] if f[1] == ":"] == []
    transcript = ("ROBERTS: Let us start with the budget, which was late again this year.\n\n"
                  "DIAZ: I think the budget is a disgrace for the whole county.\n\n"
                  "ROBERTS: Do you want a new vote on it before the summer?\n\nDIAZ: The council should vote in June.")
    assert [f[0] for f in claims_of(transcript)[0] if f[1] == ":"] == ["ROBERTS", "DIAZ"] * 2


def test_a_cue_with_its_own_complement_does_not_report_the_clause_before_it():
    found, _ = claims_of("They have cut jobs at their papers — Harlow Media is planning to end Saturday print editions "
                         "next year.")
    assert [(f[1], f[2]) for f in found] == [("is planning", "to end Saturday print editions next year")]
    found, _ = claims_of("Just yesterday, can you believe it, he urged the voters to reject the plan.")
    assert [(f[1], f[2]) for f in found] == [("urged", "the voters to reject the plan")]
    found, _ = claims_of("Some records are already stored in a secure center, Kennedy wrote Linick.")
    assert [(f[1], f[2]) for f in found] == [("wrote", "Some records are already stored in a secure center")]


def test_a_connective_cut_off_by_a_parenthetical_cue_is_no_claim():
    found, _ = claims_of("Meanwhile, Doctor says, they are trying to buy time through shrinkage.")
    assert [f[2] for f in found] == ["they are trying to buy time through shrinkage"]


def test_a_wish_to_stay_unnamed_is_no_claim():
    found, _ = claims_of("A border agency spokesperson, who did not wish to be named, said the agency had never "
                         "given vaccines.")
    assert [(f[1], f[2]) for f in found] == [("said", "the agency had never given vaccines")]


def test_a_list_of_charges_after_names_is_no_claim():
    text = ("Police arrested three people on Tuesday.\n\nJo A. Marsh: Possession of heroin, visiting a common "
            "nuisance, held in jail in lieu of $70,000 bond.\n\nRay B. Lund: Dealing in cocaine, possession of "
            "marijuana, held in jail with no bond.")
    assert [f for f in claims_of(text)[0] if f[1] == ":"] == []


def test_a_bracketed_aside_is_no_label():
    found, _ = claims_of("Harbor Stores (ticker: HBS) reported $2.53 in per-share earnings for the quarter.")
    assert [f for f in found if f[1] == ":"] == []


def test_section_heading_with_a_colon_is_no_claim():
    found, _ = claims_of("Little Relief for Refugees: The crisis is the sort of issue the agency was made for.")
    assert found == []


def test_a_colon_at_the_end_of_a_paragraph_introduces_the_quote_below():
    found, _ = claims_of("The minister told reporters:\n\n“The border will stay closed until spring.”")
    assert found == [("The minister", "told", "The border will stay closed until spring", "direct")]


# --- reported speech ------------------------------------------------------------------


def test_reported_speech_keeps_the_complementiser():
    found, _ = claims_of("Boris Johnson declared that Britain will leave the union next year.")
    assert found == [("Boris Johnson", "declared", "that Britain will leave the union next year", "indirect")]


def test_cue_after_its_clause_and_unnamed_source():
    found, claims = claims_of("The bridge will close for repairs in June, officials said.")
    assert found == [("officials", "said", "The bridge will close for repairs in June", "indirect")]
    assert claims[0].speaker is None


def test_advocates_urging_a_body_are_a_source():
    found, claims = claims_of("Consumer advocates are urging the regulator to set backup power rules.")
    assert found == [("Consumer advocates", "are urging", "the regulator to set backup power rules", "indirect")]
    assert claims[0].speaker is None


def test_unnamed_source_modified_by_a_name_has_no_actor():
    _, claims = claims_of("A French official said that the talks would resume.")
    assert claims[0].speaker_text == "A French official" and claims[0].speaker is None


@pytest.mark.parametrize("text", ["The economy, Maria Lopez said, will grow next year.",
                                  "In the future, Maria Lopez said, the clinic could share its records with any hospital."])
def test_a_parenthetical_cue_leaves_the_clause_it_interrupts_one_claim(text: str):
    """Not a claim of "The economy" or "In the future" alone: the cue's words stay inside the content."""
    found, _ = claims_of(text)
    assert [(f[0], f[2]) for f in found] == [("Maria Lopez", text.removesuffix("."))]


def test_cue_group_takes_auxiliaries_adverbs_and_particle():
    found, _ = claims_of("Ana Souza has also pointed out that the law was never enforced.")
    assert found == [("Ana Souza", "has also pointed out", "that the law was never enforced", "indirect")]


def test_a_preposition_before_the_cue_is_not_its_own():
    found, _ = claims_of("Tom Poe on Friday called on Ann Berg to resign from the board.")
    assert found == [("Tom Poe", "called on", "Ann Berg to resign from the board", "indirect")]


def test_prepositional_content_and_particles():
    found, _ = claims_of("Senator Jane Roe called for an inquiry into the contracts.")
    assert found == [("Senator Jane Roe", "called for", "an inquiry into the contracts", "indirect")]
    assert claims_of("General Kowalski called up two thousand reservists.")[0] == []


def test_object_with_what_the_cue_says_of_it():
    found, _ = claims_of("Pedro Alves described the deal as a betrayal of the workers.")
    assert found == [("Pedro Alves", "described", "the deal as a betrayal of the workers", "indirect")]


def test_cues_that_need_an_as_phrase():
    found, _ = claims_of("Senator Jane Roe painted the governor as a liar.")
    assert found == [("Senator Jane Roe", "painted", "the governor as a liar", "indirect")]
    assert claims_of("Senator Jane Roe painted the fence on Sunday.")[0] == []


def test_adjectival_participle_is_no_cue():
    assert claims_of("Voters worried about the economy stayed home.")[0] == []


def test_identifying_something_as_something_else():
    found, _ = claims_of("Police identified the man as John Smith.")
    assert found == [("Police", "identified", "the man as John Smith", "indirect")]
    assert claims_of("She identified the problem quickly.")[0] == []  # no "as": no claim


def test_a_gerund_complement_like_an_infinitive():
    found, _ = claims_of("He proposes doing away with the government mandate.")
    assert found == [("He", "proposes", "doing away with the government mandate", "indirect")]
    found, _ = claims_of("Fans reported being turned away at the gate.")
    assert found == [("Fans", "reported", "being turned away at the gate", "indirect")]
    assert claims_of("He kept saying it.")[0] == []


def test_partial_quote_makes_a_mixed_claim():
    found, _ = claims_of("Emmanuel Macron promised to “defend every inch” of the alliance.")
    assert found == [("Emmanuel Macron", "promised", "to “defend every inch” of the alliance", "mixed")]


def test_a_cue_inside_a_relative_clause_reports_the_rest_of_it():
    found, _ = claims_of("He returned the donations, which he said were accompanied by favours.")
    assert found == [("he", "said", "were accompanied by favours", "indirect")]
    found, _ = claims_of("The funds built hotels, amounting to what the senators said was gerrymandering.")
    assert found == [("the senators", "said", "was gerrymandering", "indirect")]


def test_calling_someone_something_when_the_parse_finds_no_object():
    found, _ = claims_of("One of the doctors called Oz a quack.")
    assert found == [("One of the doctors", "called", "Oz a quack", "indirect")]
    found, _ = claims_of("His surrogates called him ''a genius'' for his strategy.")
    assert found == [("His surrogates", "called", "him ''a genius'' for his strategy", "mixed")]


def test_a_reported_clause_the_parse_took_for_an_adverbial():
    found, _ = claims_of("Trump said after the convention he would not accept Cruz's endorsement.")
    assert [(source, content) for source, _, content, _ in found] == \
        [("Trump", "after the convention he would not accept Cruz's endorsement")]
    assert claims_of("She said it before he left the room.")[0] == []  # a subordinator: an adverbial


def test_content_opening_with_a_quoted_phrase_keeps_its_opening_mark():
    found, _ = claims_of("Both governments emphasized their ‘no limits’ relationship.")
    assert [content for *_, content, _ in found] == ["their ‘no limits’ relationship"]
    found, _ = claims_of("Both governments emphasized ‘no limits’ ties.")
    assert [content for *_, content, _ in found] == ["‘no limits’ ties"]


def test_content_ending_in_a_quoted_phrase_keeps_its_closing_mark():
    found, _ = claims_of("He described his first talks with Xi as “warm and comradely” and left.")
    assert found == [("He", "described", "his first talks with Xi as “warm and comradely”", "mixed")]


def test_quotation_continuing_a_reported_clause_joins_it():
    found, _ = claims_of("Anna Berg said that the deal was close, “but nothing is signed yet.”")
    assert found == [("Anna Berg", "said", "that the deal was close, “but nothing is signed yet.”", "mixed")]


def test_according_to():
    found, claims = claims_of("According to analysts, the economy will shrink this year.")
    assert found == [("analysts", "According to", "the economy will shrink this year", "indirect")]
    assert claims[0].speaker is None  # an unnamed source has no actor
    assert claims_of("The invasion has gone anything but according to plan.")[0] == []


def test_according_to_when_the_parse_goes_astray():
    # "According" read as the root of the sentence
    found, _ = claims_of("According to conservative talk radio host Rush Limbaugh, the move reeks of “fear” and desperation.")
    assert found == [("conservative talk radio host Rush Limbaugh", "According to", "the move reeks of “fear” and desperation",
                      "mixed")]
    # "show" read as a verb: the source is the last noun
    found, _ = claims_of("Donald Trump demeaned women with sexist language, according to show insiders.")
    assert found == [("insiders", "according to", "Donald Trump demeaned women with sexist language", "indirect")]


def test_according_to_inside_its_clause():
    found, _ = claims_of("The mayor, according to two aides, will resign on Friday.")
    assert [(f[0], f[2]) for f in found] == [("two aides", "The mayor, according to two aides, will resign on Friday")]


def test_passive_cue_and_quoted_as_saying():
    found, _ = claims_of("Pedro Alves was quoted as saying that the strike would go on.")
    assert found == [("Pedro Alves", "saying", "that the strike would go on", "indirect")]


def test_passive_cue_without_a_source():
    found, claims = claims_of("The mayor was accused of hiding the audit from the council.")
    assert [(f[0], f[1], f[2]) for f in found] == [
        (None, "was accused of", "The mayor was accused of hiding the audit from the council")]
    assert {c.speaker for c in claims} == {None}
    assert claims_of("The ferry is expected to sail on Monday.")[0] == []  # a hedge, not an attribution
    found, _ = claims_of("The mayor is said to favor a new vote.")
    assert [(f[0], f[1], f[2]) for f in found] == [(None, "is said", "The mayor is said to favor a new vote")]
    found, _ = claims_of("The rule was revised to reflect that the mayor is calling for a new vote.")
    assert found == [("the mayor", "is calling for", "a new vote", "indirect")]  # "revised to" reports nothing


@pytest.mark.parametrize("text", ["The bakery is best known for its rye bread.",
                                  "A review was requested of the files of a former aide.",
                                  "The ruling could be appealed for the circuit court.",
                                  "The stadium was intended for someone else's team."])
def test_a_passive_cue_with_a_phrase_that_reports_nothing_is_no_claim(text: str):
    assert claims_of(text)[0] == []


def test_a_cue_that_opens_the_next_quotation_is_not_the_previous_ones():
    found, _ = claims_of("“You only see the tip of the iceberg,” Jo Walton said. “It makes the books dense, but he "
                         "would not spell things out.” When his editors asked for more, he would reply, “I have a "
                         "horror of being obvious.”")
    assert ("Jo Walton", "said", "It makes the books dense, but he would not spell things out", "direct") in found
    assert [f[2] for f in found if f[1] == "would reply"] == ["I have a horror of being obvious"]


def test_passive_cue_without_a_source_in_a_relative_clause_is_said_of_its_antecedent():
    found, _ = claims_of("Residents praised the ferry company, which has been blamed for the delays.")
    assert [(f[0], f[1], f[2]) for f in found if f[1] != "praised"] == [
        (None, "has been blamed for", "the ferry company, which has been blamed for the delays")]


def test_the_addressee_after_a_quotation_and_its_cue_is_never_its_speaker():
    found, _ = claims_of("\u201cThe bridge will reopen in June,\u201d told the Gazette.")
    assert found == []  # the Gazette is told, it does not tell
    found, _ = claims_of("\u201cThe bridge will reopen in June,\u201d site manager Dr Ravi Menon, of Coastal Works, "
                         "told the Gazette.")
    assert [(f[1], f[2]) for f in found] == [("told", "The bridge will reopen in June")]
    assert "Ravi Menon" in found[0][0]


def test_a_rivals_words_set_against_the_claim_with_while_are_the_rivals_own():
    found, _ = claims_of("The coach said the pitch was fine, "
                         "while the visiting captain complained that it was too dry.")
    assert found == [("The coach", "said", "the pitch was fine", "indirect"),
                     ("the visiting captain", "complained", "that it was too dry", "indirect")]
    found, _ = claims_of("The bank said exports would grow 3 percent, while imports would see 2 percent growth.")
    assert found == [("The bank", "said", "exports would grow 3 percent, while imports would see 2 percent growth",
                      "indirect")]  # a weak cue ("see") is no one's report


def test_a_speaker_after_a_dateline_with_the_agency_in_brackets():
    found, _ = claims_of("OSLO (Reuters) - Norwegian fishermen said on Monday that the quota was too low.")
    assert found == [("Norwegian fishermen", "said", "that the quota was too low", "indirect")]


def test_a_cue_in_an_indirect_question_reports_nothing():
    assert claims_of("The league declined to say whether it would propose new rules.")[0] == []
    assert claims_of("It is unclear whether the players' union will demand a new vote.")[0] == []
    found, _ = claims_of("Fans asked whether the club would announce a new coach.")
    assert found == [("Fans", "asked", "whether the club would announce a new coach", "indirect")]


def test_a_spokesperson_speaks_for_the_body_named_before_the_noun_with_its_of_phrase():
    _, claims = claims_of("A Ministry of Transport spokeswoman said the bridge would reopen in May.")
    assert [(c.speaker, c.speaker_text) for c in claims] == [("ministry_of_transport",
                                                               "A Ministry of Transport spokeswoman")]


def test_she_goes_on_with_a_person_described_not_named_unless_someone_named_spoke_before():
    _, claims = claims_of("The mayor defended the new parking fees on Monday.\n\n"
                          "\u201cWe had to make hard choices,\u201d she said.")
    assert [c.speaker for c in claims][-1].startswith("described_the_mayor")
    _, claims = claims_of("Anna Lind said the parking fees were fair. The mayor added that they were overdue.\n\n"
                          "\u201cWe had to make hard choices,\u201d she said.")
    assert [c.speaker for c in claims][-1] == "anna_lind"  # the description is her epithet
    _, claims = claims_of("The chairman defended the new parking fees on Monday.\n\n"
                          "\u201cWe had to make hard choices,\u201d she said.")
    assert [c.speaker for c in claims][-1] is None  # a chairman is a he


def test_clause_of_comment_with_as():
    found, _ = claims_of("The budget is sound, as the auditor put it.")
    assert found == [("the auditor", "put it", "The budget is sound", "indirect")]
    found, _ = claims_of("“The budget is sound,” as the auditor put it on Monday.")
    assert found == [("the auditor", "put it", "The budget is sound", "direct")]
    assert claims_of("As she spoke, protesters gathered outside.")[0] == []
    assert claims_of("He put it on the table.")[0] == []


def test_a_speech_act_noun_as_subject_of_be_with_a_that_clause():
    found, _ = claims_of("Mr. Poe's bet is that voters will forgive him.")
    assert found == [("Mr. Poe's", "bet is", "that voters will forgive him", "indirect")]


def test_a_pronoun_takes_no_earlier_speaker_of_the_other_gender():
    _, claims = claims_of("“We will win,” said Mr. Tom Poe. Her view was that the law was void.")
    assert [c.speaker for c in claims] == ["tom_poe", None]
    _, claims = claims_of("“We will win,” said Mrs. Ann Poe. Her view was that the law was void.")
    assert [c.speaker for c in claims] == ["ann_poe", "ann_poe"]


def test_speech_act_noun():
    found, claims = claims_of("Maria Lopez's claim that the vote had been rigged angered the council.")
    assert found == [("Maria Lopez's", "claim", "that the vote had been rigged", "indirect")]
    assert claims[0].speaker == "maria_lopez"


def test_make_clear_is_a_construction_kept_as_data():
    """Rule "make-clear" is only a pattern in kg/data/claim_rules.toml (the README's example)."""
    found, claims = claims_of("Ham made it clear he had major misgivings about the army.")
    assert found == [("Ham", "made it clear", "he had major misgivings about the army", "indirect")]
    assert claims[0].rule == "make-clear"
    found, _ = claims_of("Putin has made clear that Russia would not back down.")
    assert found == [("Putin", "has made clear", "that Russia would not back down", "indirect")]
    assert claims_of("The report made the risks clear.")[0] == []  # no clause: nothing said


def test_speech_act_noun_with_copula_and_source_after():
    found, _ = claims_of("The warning from the ministry was that prices would rise.")
    assert found == [("the ministry", "warning from the ministry was", "that prices would rise", "indirect")]


def test_document_cues_speak_only_for_documents():
    found, _ = claims_of("The survey shows that most voters distrust the council.")
    assert found == [("The survey", "shows", "that most voters distrust the council", "indirect")]
    assert claims_of("The chef showed that the oven was broken.")[0] == []


def test_evidence_verbs_need_a_source_that_can_hold_a_view():
    found, _ = claims_of("A new study demonstrates that the army is short of shells.")
    assert found == [("A new study", "demonstrates", "that the army is short of shells", "indirect")]
    assert claims_of("The losses demonstrate that the army is short of shells.")[0] == []


def test_directives_and_cognition_verbs():
    found, _ = claims_of("The mayor told the police to close the road.")
    assert found == [("The mayor", "told", "the police to close the road", "indirect")]
    found, _ = claims_of("Investigators learned that the money had gone abroad.")
    assert found == [("Investigators", "learned", "that the money had gone abroad", "indirect")]


def test_a_cognition_verb_with_an_object_and_a_stray_clause_is_no_cue():
    text = ("At a dinner marking the day the kingdom recognized the republic's 1950 declaration of independence, "
            "Ann Roe and Tom Poe will speak.")
    assert claims_of(text)[0] == []  # the parse hangs "will speak" from "recognized"


def test_a_cue_done_by_a_deed_reports_no_words():
    found, _ = claims_of("Anna Berg highlighted the risks of the plan.")
    assert found == [("Anna Berg", "highlighted", "the risks of the plan", "indirect")]
    assert claims_of("Anna Berg highlighted her plans by visiting the mill.")[0] == []


def test_charts_and_slides_are_documents():
    found, _ = claims_of("The chart shows that prices doubled.")
    assert found == [("The chart", "shows", "that prices doubled", "indirect")]


def test_averages_tallies_and_results_are_documents():
    found, _ = claims_of("An average of recent surveys shows that the mayor leads her rival.")
    assert found == [("An average of recent surveys", "shows", "that the mayor leads her rival", "indirect")]
    found, _ = claims_of("Early results showed that turnout had fallen.")
    assert found == [("Early results", "showed", "that turnout had fallen", "indirect")]


def test_question_clause_adverbs_between_cue_and_preposition_and_a_clause_cut_at_its_subject():
    found, _ = claims_of("Lawmakers have not said when they would take up the bill.")
    assert found == [("Lawmakers", "have not said", "when they would take up the bill", "indirect")]
    found, _ = claims_of("Hillary Clinton spoke out Tuesday about the death of a driver.")
    assert found == [("Hillary Clinton", "spoke out Tuesday about", "the death of a driver", "indirect")]
    found, _ = claims_of("Tom Poe said most of the towns that critics point to as rich areas failed to grow.")
    assert found == [("Tom Poe", "said", "most of the towns that critics point to as rich areas failed to grow",
                      "indirect")]


def test_adjectives_of_belief_and_feeling():
    found, _ = claims_of("Many voters are afraid that the drought will last.")
    assert found == [("Many voters", "are afraid", "that the drought will last", "indirect")]
    found, _ = claims_of("The senator has been critical of the treaty.")
    assert found == [("The senator", "has been critical of", "the treaty", "indirect")]
    assert claims_of("The farmers must be worried about this.")[0] == []
    assert claims_of("It is clear that the drought will last.")[0] == []


def test_content_ends_with_a_whole_word_and_takes_a_quoted_coordinate():
    found, _ = claims_of("Anna Berg suggested that tenants who rent might not vote as often as those who don’t.")
    assert found[0][2] == "that tenants who rent might not vote as often as those who don’t"
    found, _ = claims_of("Tom Poe claimed that fraud is “a big problem” but “nobody talks about it.”")
    assert found[0][2].endswith("nobody talks about it.”")


def test_suppositions_and_perceptions_are_no_claims():
    assert claims_of("The ferry was supposed to sail on Monday.")[0] == []
    assert claims_of("Let's say you save a thousand dollars a year.")[0] == []
    assert claims_of("Most retirees would see their pensions go up.")[0] == []
    found, _ = claims_of("Mr. Poe is gloomy about the market and expects prices to fall over time.")
    assert [f[2] for f in found] == ["prices to fall over time"]


def test_a_name_the_parse_put_in_apposition_to_an_opening_phrase_is_the_source():
    found, _ = claims_of("With 40 days until the election, Teodora Vance, a senior adviser to the Smith campaign, "
                         "called the mayor's remarks on Sunday \"a real wake-up call\" to his voters.")
    assert [f[0] for f in found] == ["Teodora Vance, a senior adviser to the Smith campaign"]


def test_a_dateline_is_neither_source_nor_content():
    found, _ = claims_of("WASHINGTON -- Senator Jane Roe said the bill would pass.\n\n"
                         "LONDON — The strike will go on, union leaders said.")
    assert [(f[0], f[2]) for f in found] == [("Senator Jane Roe", "the bill would pass"),
                                             ("union leaders", "The strike will go on")]


def reported_contents(rows: list[tuple[str, str, str, str, str, int]]) -> list[str]:
    """The contents ReportedSpeech finds in a parse given by hand: (word, lemma, pos, tag,
    dep, head) per token, so that a parse the tagger gives only in some contexts is tested."""
    from spacy.tokens import Doc

    from kg import nlp
    from kg.claims.layout import Layout
    from kg.claims.reported import ReportedSpeech
    words = [r[0] for r in rows]
    doc = Doc(nlp.load(None).vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False],
              lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], tags=[r[3] for r in rows],
              deps=[r[4] for r in rows], heads=[r[5] for r in rows])
    found = ReportedSpeech(doc, doc.text, Layout(doc, doc.text, find_quotes(doc.text)), set(), lambda s, e: False).run()
    return [doc.text[s:e] for attribution in found for s, e in attribution.contents]


def test_a_cue_after_a_clause_with_an_object_no_one_could_be_has_no_inverted_source():
    # "Corvel expanded fast, announced a new plant": the object of a second verb of the clause is
    # what Corvel announced, not a source as in "..., reported the agency"
    rows = [("Corvel", "Corvel", "PROPN", "NNP", "nsubj", 1), ("expanded", "expand", "VERB", "VBD", "ROOT", 1),
            ("fast", "fast", "ADV", "RB", "advmod", 1), (",", ",", "PUNCT", ",", "punct", 1),
            ("announced", "announce", "VERB", "VBD", "conj", 1), ("a", "a", "DET", "DT", "det", 7),
            ("new", "new", "ADJ", "JJ", "amod", 7), ("plant", "plant", "NOUN", "NN", "dobj", 4),
            (".", ".", "PUNCT", ".", "punct", 1)]
    assert reported_contents(rows) == ["a new plant"]
    rows[5:8] = [("the", "the", "DET", "DT", "det", 7), ("state", "state", "NOUN", "NN", "compound", 7),
                 ("agency", "agency", "NOUN", "NN", "dobj", 4)]
    assert reported_contents(rows) == ["Corvel expanded fast"]


def test_an_object_content_takes_no_far_participle_after_a_time_phrase():
    rows = [("They", "they", "PRON", "PRP", "nsubj", 1), ("reaffirmed", "reaffirm", "VERB", "VBD", "ROOT", 1),
            ("their", "their", "PRON", "PRP$", "poss", 3), ("ties", "tie", "NOUN", "NNS", "dobj", 1),
            ("over", "over", "ADP", "IN", "prep", 1), ("the", "the", "DET", "DT", "det", 6),
            ("course", "course", "NOUN", "NN", "pobj", 4), ("of", "of", "ADP", "IN", "prep", 6),
            ("the", "the", "DET", "DT", "det", 9), ("summit", "summit", "NOUN", "NN", "pobj", 7),
            ("trying", "try", "VERB", "VBG", "advcl", 1), ("to", "to", "PART", "TO", "aux", 12),
            ("grow", "grow", "VERB", "VB", "xcomp", 10), (".", ".", "PUNCT", ".", "punct", 1)]
    assert reported_contents(rows) == ["their ties"]
    found, _ = claims_of("Anna Berg criticized the mayor on Monday for closing the library.")
    assert found[0][2] == "the mayor on Monday for closing the library"


def test_a_phrase_content_leaves_out_the_time_and_place_closing_the_sentence():
    found, _ = claims_of("Anna Berg thanked the mayor for his efforts to save the library Thursday at a meeting in Lyon.")
    assert found == [("Anna Berg", "thanked", "the mayor for his efforts to save the library", "indirect")]


def test_a_that_clause_parsed_as_a_relative_clause_of_the_addressee_is_the_content():
    rows = [("He", "he", "PRON", "PRP", "nsubj", 1), ("told", "tell", "VERB", "VBD", "ROOT", 1),
            ("a", "a", "DET", "DT", "det", 3), ("meeting", "meeting", "NOUN", "NN", "dobj", 1),
            ("of", "of", "ADP", "IN", "prep", 3), ("leaders", "leader", "NOUN", "NNS", "pobj", 4),
            ("that", "that", "PRON", "WDT", "mark", 9), ("few", "few", "ADJ", "JJ", "amod", 8),
            ("people", "people", "NOUN", "NNS", "nsubj", 9), ("understood", "understand", "VERB", "VBD", "relcl", 3),
            ("the", "the", "DET", "DT", "det", 11), ("stakes", "stake", "NOUN", "NNS", "dobj", 9),
            (".", ".", "PUNCT", ".", "punct", 1)]
    assert reported_contents(rows) == ["that few people understood the stakes"]


def test_words_that_stand_for_a_clause_said_before():
    found, _ = claims_of("The mayor's spokesman Tom Poe said as much.")
    assert found == [("The mayor's spokesman Tom Poe", "said", "as much", "indirect")]
    found, _ = claims_of("The ferry's captain said as much in an interview on Thursday.")  # "much" read as an adverb
    assert [f[1:3] for f in found] == [("said", "as much")]
    found, _ = claims_of("Nearly half of the voters said the same of the governor.")
    assert [f[2] for f in found] == ["the same of the governor"]
    assert claims_of("He said so much that nobody listened.")[0] == []


def test_a_that_clause_parsed_as_a_relative_clause_of_a_time_after_the_cue_is_the_content():
    found, _ = claims_of("Still, the Daily Planet reported at the time that the paper's editor, Ann Poe, conveyed to "
                         "the staff that the story was ''not in line with our policy.''")
    assert [(f[0], f[1]) for f in found] == [("the Daily Planet", "reported")]
    assert found[0][2].startswith("that the paper's editor, Ann Poe, conveyed")


def test_a_claim_nested_in_another_belongs_to_the_outer_source():
    found, _ = claims_of("Anna Berg claimed that union leaders continue to express their anger.")
    assert [f[0] for f in found] == ["Anna Berg"]


def test_a_cue_going_on_with_the_same_source_is_its_own_claim():
    found, claims = claims_of("Pedro Alves said the plan was late, arguing that the budget was too small.")
    assert [(f[1], f[2]) for f in found] == [("said", "the plan was late"),
                                             ("arguing", "that the budget was too small")]
    assert {c.speaker for c in claims} == {"pedro_alves"}


def test_a_partial_quote_inside_reported_speech_does_not_take_the_speaker_before():
    found, _ = claims_of("“The mill is safe,” Anna Berg said. “Workers were fooled for years” to cut wages, "
                         "the union leader said.")
    assert [(f[0], f[3]) for f in found] == [("Anna Berg", "direct"), ("the union leader", "mixed")]


def test_a_cue_the_lemmatiser_gets_wrong_is_found_by_its_form():
    found, _ = claims_of("Pedro Alves hopes to win the seat in May.")  # lemma "hop"
    assert found == [("Pedro Alves", "hopes", "to win the seat in May", "indirect")]


def test_content_over_clauses_the_parse_splits_or_coordinates_with_the_cue():
    found, _ = claims_of("The auditors said the new rules were clearer than the old ones and, more important, "
                         "would not raise costs.")
    assert found[0][2] == "the new rules were clearer than the old ones and, more important, would not raise costs"
    found, _ = claims_of("Anna Berg said the factory was profitable, but the owners wanted a higher return.")
    assert found[0][2] == "the factory was profitable, but the owners wanted a higher return"


def test_a_coordinated_verb_without_content_of_its_own_does_not_cut_the_content():
    found, _ = claims_of("The board said its staff knew what to say or not say.")
    assert found == [("The board", "said", "its staff knew what to say or not say", "indirect")]


def test_content_stops_at_a_semicolon_and_before_a_closing_comment():
    found, _ = claims_of("Anna Berg said the mill would close; the town has lost its largest employer.")
    assert found[0][2] == "the mill would close"
    found, _ = claims_of("Pedro Alves criticized the new law, which parliament passed in May.")
    assert found == [("Pedro Alves", "criticized", "the new law", "indirect")]


def test_content_stops_at_an_aside_after_a_single_dash():
    found, _ = claims_of("Tom Poe mentioned that the city was building a new bridge – a project involving three firms.")
    assert found[0][2] == "that the city was building a new bridge"
    found, _ = claims_of("Anna Berg said the top earners -- those making over a million -- would pay more.")
    assert found[0][2] == "the top earners -- those making over a million -- would pay more"


def test_headline_verb_tagged_as_noun():
    found, claims = claims_of("Putin and Xi vow deeper ties")
    assert [(f[1], f[2]) for f in found] == [("vow", "deeper ties")] * 2
    assert {c.speaker for c in claims} == {"vladimir_putin", "xi_jinping"}


def test_no_claim_without_a_cue():
    found, _ = claims_of("The army crossed the river at dawn and the town fell by noon.")
    assert found == []


# --- sources --------------------------------------------------------------------------


def test_a_participle_restricting_the_source_belongs_to_it_one_after_a_comma_does_not():
    found, _ = claims_of("A union representing flight attendants endorsed the senator for governor. "
                         "Tom Poe, speaking to reporters, said the deal was dead.")
    assert [f[0] for f in found] == ["A union representing flight attendants", "Tom Poe"]


def test_joint_speakers_give_one_claim_each():
    found, claims = claims_of("Joe Biden and Olaf Scholz said that the sanctions would stay.")
    assert sorted(c.speaker for c in claims) == ["joe_biden", "olaf_scholz"]
    assert {f[0] for f in found} == {"Joe Biden and Olaf Scholz"}
    assert {c.content for c in claims} == {"that the sanctions would stay"}


def test_joint_descriptions_resolve_to_the_actors_named_together():
    _, claims = claims_of("Emmanuel Macron met Olaf Scholz in Berlin. The two leaders said that the union must act.")
    assert sorted(c.speaker for c in claims) == ["emmanuel_macron", "olaf_scholz"]
    _, claims = claims_of("France and Germany signed a treaty. Both nations said that the border would stay open.")
    assert sorted(c.speaker for c in claims) == ["france", "germany"]


def test_the_leaders_of_the_two_nations_and_a_joint_statement():
    _, claims = claims_of("Emmanuel Macron met Olaf Scholz. The leaders of the two nations said that the union must act.")
    assert sorted(c.speaker for c in claims) == ["emmanuel_macron", "olaf_scholz"]
    _, claims = claims_of("France and Germany signed a treaty. A joint statement said that the border would stay open.")
    assert sorted(c.speaker for c in claims) == ["france", "germany"]


def test_a_description_with_its_name_in_apposition_resolves_to_the_name():
    _, claims = claims_of("The finance minister, Rachel Adams, warned that taxes would rise.")
    assert claims[0].speaker == "rachel_adams"
    assert claims[0].speaker_text == "The finance minister, Rachel Adams"
    _, claims = claims_of("The agency's secretary-general, Ana Lindqvist, has called the situation a red alert.")
    assert [c.speaker for c in claims] == ["ana_lindqvist"]  # the tagger reads "general" as an adjective
    _, claims = claims_of("The Chancellor, Rachel Pemberton, has defended her decision to raise taxes.")
    assert [c.speaker for c in claims] == ["rachel_pemberton"]  # a title the tagger reads as a name


def test_who_after_a_title_of_an_organisation_is_the_person():
    _, claims = claims_of("Tom Becker, head of the transport union, who has called for a strike, left early.")
    assert [(c.speaker_text, c.speaker, c.cue) for c in claims] == [("who", "tom_becker", "has called for")]


def test_documents_speak_for_the_parties_that_issued_them():
    _, claims = claims_of("The statement issued by France and Germany said that the talks had failed.")
    assert sorted(c.speaker for c in claims) == ["france", "germany"]
    _, claims = claims_of("A statement said that the talks had failed.")
    assert claims[0].speaker is None and claims[0].speaker_text == "A statement"


def test_relative_pronoun_source_resolves_to_its_noun():
    _, claims = claims_of("Maria Lopez, who said that prices would rise, left early.")
    assert claims[0].speaker_text == "who" and claims[0].speaker == "maria_lopez"


def test_pronoun_speaker_is_not_someone_named_inside_the_quote():
    text = "Maria Lopez said, “John Brown will lose the vote.” “He has no plan,” she added."
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == ["maria_lopez", "maria_lopez"]


def test_speaker_resolves_to_actor_and_content_names_actors():
    _, claims = claims_of("Vladimir Putin met reporters. Putin said that China supports Russia.")
    [claim] = claims
    assert claim.speaker == "vladimir_putin"
    assert set(claim.about) >= {"china", "russia"}


# --- properties -----------------------------------------------------------------------


def test_negation_and_hedging_are_properties():
    _, [claim] = claims_of("The spokesman did not say that the army could withdraw.")
    assert claim.negated and claim.hedged
    _, [claim] = claims_of("The spokesman said that the army withdrew.")
    assert not claim.negated and not claim.hedged


def test_hedge_on_the_cue():
    _, [claim] = claims_of("Pedro Alves reportedly said that the strike was over.")
    assert claim.hedged


def test_confidence_is_lower_without_a_resolved_speaker_or_for_a_weaker_pattern():
    _, [named] = claims_of("Maria Lopez said that the vote was fair.")
    _, [object_cue] = claims_of("Maria Lopez praised the vote.")
    assert named.confidence > object_cue.confidence
    assert named.rule == "ccomp" and object_cue.rule == "object"


def test_find_quotes_handles_unclosed_paragraph_quotes():
    text = "“First part of a long quote.\n“Second part,” he said."
    quotes = [(text[q.start:q.end], q.closed, q.continues) for q in find_quotes(text)]
    assert quotes == [("First part of a long quote.", False, False), ("Second part,", True, True)]


def test_find_quotes_nested_and_mixed_styles():
    text = '"He asked me: “Why now?” and left.\n“Later.”'
    quotes = [(text[q.start:q.end], q.continues) for q in find_quotes(text)]
    assert quotes == [("He asked me: “Why now?” and left.", False), ("Later.", False)]


# --- kg claims ------------------------------------------------------------------------


def test_kg_claims_lists_speaker_cue_content_document_and_date(store_env):
    text = run_kg("claims", "--speaker", "Putin", env=store_env).stdout
    header = text.splitlines()[0].split()
    assert header == ["speaker", "cue", "content", "kind", "document", "date"]
    rows = text.splitlines()[2:-1]
    assert len(rows) >= 5 and all(row.startswith("Vladimir Putin") for row in rows)


def test_kg_claims_filters_by_speaker_and_topic(store_env):
    everything = json.loads(run_kg("claims", "--format", "json", env=store_env).stdout)
    about = json.loads(run_kg("claims", "--about", "Ukraine", "--format", "json", env=store_env).stdout)
    both = json.loads(run_kg("claims", "--speaker", "Putin", "--about", "Ukraine", "--format", "json",
                             env=store_env).stdout)
    assert 0 < len(both) < len(about) < len(everything)
    assert {row["speaker"] for row in both} == {"Vladimir Putin"}
    assert any(row["speaker"].endswith("(no actor)") for row in everything)
    assert all(row["date"] for row in everything)


def test_kg_claims_unknown_speaker_is_an_error(store_env):
    result = run_kg("claims", "--speaker", "Nobody At All", ok=False, env=store_env)
    assert result.exit_code != 0 and "no actor is called" in result.output


def test_the_speaker_of_a_report_is_no_one_named_in_what_is_reported():
    text = ("Coach Mark Delaney signed a new contract. He praised chairman Neil Barrow for his support. "
            "Barrow had approached him about an extension in January, he added. "
            '"If Barrow leaves, I leave too," he said.')
    _, claims = claims_of(text)
    assert [c.speaker for c in claims] == ["mark_delaney"] * 3


def test_narration_before_a_quotation_may_still_name_its_speaker():
    _, claims = claims_of('Judge Ann Roe saw the words differently: "When he says he will win, I do not take that '
                          'as a joke," she said.')
    assert [c.speaker for c in claims] == ["ann_roe"]


def test_called_for_someone_to_do_something_is_claimed_whole():
    found, _ = claims_of("The charity's chief executive, Hilary Evans, called for the NHS to prepare for new treatments.")
    assert [f[1:3] for f in found] == [("called for", "the NHS to prepare for new treatments")]  # "for" as a mark
    found, _ = claims_of("Hilary Evans called for the NHS to prepare for new treatments.")
    assert [f[1:3] for f in found] == [("called for", "the NHS to prepare for new treatments")]


def test_a_question_put_to_the_subject_is_no_claim_of_theirs():
    found, _ = claims_of("Mark Delaney signed a deal. Asked about his future, he told reporters he had never "
                         "considered leaving.")
    assert [f[:2] for f in found] == [("he", "told")]  # he was asked: not "he | Asked about | his future"


def test_what_someone_has_yet_to_do_is_negated():
    _, claims = claims_of("Senator Ann Roe has yet to endorse Governor Ben Poe's re-election bid.")
    assert [(c.cue, c.negated) for c in claims] == [("to endorse", True)]


def test_what_someone_declined_or_decided_against_is_negated_and_in_the_cue():
    _, claims = claims_of("The regulator declined to recommend the merger of the two mills.")
    assert [(c.cue, c.content, c.negated) for c in claims] == [("declined to recommend", "the merger of the two mills", True)]
    _, claims = claims_of("The council decided against endorsing the bypass.")
    assert [(c.cue, c.negated) for c in claims] == [("decided against endorsing", True)]
    _, claims = claims_of("The regulator did not decline to recommend the merger of the two mills.")
    assert [c.negated for c in claims] == [False]


def test_told_a_programme_the_parse_took_for_the_clause_itself():
    found, _ = claims_of("Brook told the station's flagship Today programme that the timetable would be reviewed weekly.")
    assert [f[1:3] for f in found] == [("told", "that the timetable would be reviewed weekly")]


def test_told_someone_on_an_occasion_that():
    found, _ = claims_of("Chief executive Ana Roth told investors on a conference call that the firm expected "
                         "sales to recover.")
    assert [f[:3] for f in found] == [("Chief executive Ana Roth", "told", "that the firm expected sales to recover")]


def test_when_it_was_said_is_not_what_was_said():
    found, _ = claims_of("Halvern said on Monday it would postpone the opening of its new depot.")
    assert [f[1:3] for f in found] == [("said", "it would postpone the opening of its new depot")]


def test_a_typographic_apostrophe_does_not_end_the_content():
    found, _ = claims_of("He mentioned a long list of candidates who could have run but didn’t, like Ann Reyes.")
    assert [f[2] for f in found] == ["a long list of candidates who could have run but didn’t, like Ann Reyes"]


def test_according_to_a_source_and_its_description():
    found, _ = claims_of("According to ANP, the Dutch news agency, a new round of talks is planned for Monday.")
    assert [f[2] for f in found] == ["a new round of talks is planned for Monday"]


def test_a_word_for_someone_who_does_something_can_speak_but_not_one_that_is_a_verb():
    found, _ = claims_of('The magazine\'s reviewer called the novel "a quiet masterpiece".')
    assert [f[:2] for f in found] == [("The magazine's reviewer", "called")]
    found, _ = claims_of("The answer called the plan into question.")
    assert found == []


def test_a_quoted_title_in_the_speakers_description_does_not_stop_the_quotation_going_on():
    found, _ = claims_of('"I wanted a face nobody knew," said Luca Moretti, whose film "The Salt Road" opened the '
                         'festival. "Acting is not the point."')
    assert [f[2] for f in found] == ["I wanted a face nobody knew", "Acting is not the point"]


def test_a_name_in_apposition_to_a_description_in_apposition_speaks():
    _, claims = claims_of("The lead actor, 19-year-old fisherman's son Paolo Greco, said he had not expected it.")
    assert [c.speaker for c in claims] == ["paolo_greco"]


def test_it_added_is_the_organisation_that_spoke_last_past_people_who_spoke_since():
    _, claims = claims_of("Acme Foods said it would close two bakeries.\n\nAnalyst Jo Park said the closures were "
                          "overdue. Acme's former chief, Tom Lee, had promised growth.\n\nIt added that 300 jobs would go.")
    assert [c.speaker for c in claims][-1] == "acme_foods"


def test_a_naming_verb_without_a_predicate_names_nothing():
    assert claims_of("A neighbour found the car in the car park and called an ambulance.")[0] == []
    assert claims_of("The council called an emergency meeting on Friday.")[0] == []
    found, _ = claims_of("The mayor called the plan a disgrace.")
    assert found == [("The mayor", "called", "the plan a disgrace", "indirect")]
    found, _ = claims_of("The mayor called the figures 'pure fiction'.")
    assert [(s, c) for s, c, _, _ in found] == [("The mayor", "called")]


def test_a_label_that_bids_the_reader_is_no_speaker():
    from spacy.tokens import Span
    from kg import nlp
    from kg.claims.direct import label_at
    doc = nlp.load()("Brace yourselves, Londoners: the trains may not run at all during the strike.")
    doc[0].pos_, doc[0].tag_ = "PROPN", "NNP"  # the tagger's reading of a capitalised verb after a headline
    doc.ents = [Span(doc, 3, 4, label="NORP")]
    assert label_at(doc, 0, len(doc), set()) is None
    doc = nlp.load()("Londoners: the trains may not run at all during the strike.")
    doc.ents = [Span(doc, 0, 1, label="NORP")]
    assert label_at(doc, 0, len(doc), set()) is not None


def test_a_pronoun_and_a_verb_of_saying_say_nothing():
    assert claims_of("He said, she said\n\nThe label said the claims were false.")[0] == [
        ("The label", "said", "the claims were false", "indirect")]


def test_a_passive_cue_in_a_relative_clause_with_only_its_gap_is_no_claim():
    assert claims_of("The game was fine, but not the sharp picture we were told to expect.")[0] == []


def test_a_negated_verb_of_knowing_is_no_claim():
    assert claims_of("Dana Price didn't know at the time that she was allergic to feathers.")[0] == []
    found, _ = claims_of("Dana Price knew that the plan would fail.")
    assert found == [("Dana Price", "knew", "that the plan would fail", "indirect")]


def test_a_quotation_after_a_passive_cue_in_a_relative_clause_goes_on_from_the_cue_before():
    text = ("“We have to cut some jobs,” Dana Price said in the memo, which was seen by the Ledger. "
            "“We will close two offices.”")
    found, _ = claims_of(text)
    assert [(s, c) for s, c, _, _ in found] == [("Dana Price", "said"), ("Dana Price", "said")]


def test_a_participle_after_a_quotation_introduces_the_next_one():
    found, _ = claims_of('On the radio, the mayor stated, “When I look at the harbour, the new ferry would have '
                         'turned it around,” adding, “I think maybe 1,500 jobs were lost last year.”')
    assert [(s, c, q[:14]) for s, c, q, _ in found] == [("the mayor", "stated", "When I look at"),
                                                        ("the mayor", "adding", "I think maybe ")]


def test_a_participle_after_a_quotation_inside_its_clause_speaks_for_the_clause_before_it():
    """The parse hangs "asserting" from the quotation's verb ("makes"): its speaker is who
    treats the remark, not "That"."""
    found, _ = claims_of("Mr. Roe hardly clarified the matter, treating the remark as a compliment -- ''That makes me "
                         "smart'' -- and, when questioned after the debate, asserting, ''Of course, I pay taxes.''")
    assert ("Mr. Roe", "asserting", "Of course, I pay taxes", "direct") in found


def test_attacking_or_pounding_someone_as_something_is_a_claim_about_them():
    found, _ = claims_of("The senator aggressively attacked her rival as a fraud and a scam artist.")
    assert found == [("The senator", "aggressively attacked", "her rival as a fraud and a scam artist", "indirect")]
    found, _ = claims_of("The union leader has been steadily pounding the minister as a coward.")
    assert [c for _, c, _, _ in found] == ["has been steadily pounding"]
    found, _ = claims_of("Rebels attacked the convoy near the border. She pounded the table as she spoke.")
    assert found == []


def test_a_quotation_that_a_naming_cue_takes_is_no_other_cue_s_claim():
    found, _ = claims_of('When the plotters are revealed, the two leaders call them "lone wolves" and describe their actions as crimes.')
    assert [f[:2] for f in found] == [("the two leaders", "describe")]  # "are revealed" has no speaker


def test_an_object_the_parse_took_from_the_clause_after_it_opens_the_content():
    for text in ("The health service recommends all children above age 2 get a flu vaccine this winter.",  # an adverbial
                 "The Centre for Health Protection recommends all residents above age 65 get a flu vaccine."):
        found, _ = claims_of(text)
        assert [f[2] for f in found] == [text.split("recommends ")[1].removesuffix(".")]


def test_the_object_of_a_cue_that_names_whom_it_is_for_opens_a_clause_with_no_subject_of_its_own():
    found, _ = claims_of("Apple promised users would be able to tap into faster chips.")
    assert [f[2] for f in found] == ["users would be able to tap into faster chips"]
    found, _ = claims_of("The regulator warned investors could lose their savings.")
    assert [f[2] for f in found] == ["investors could lose their savings"]
    found, _ = claims_of("The singer has reportedly told friends and family that the show aired at the weekend was a “great success”.")
    assert [f[2] for f in found] == ["that the show aired at the weekend was a “great success”"]  # "that" opens the clause
    found, _ = claims_of("The mayor told reporters the bridge would reopen.")  # the clause's own subject
    assert [f[2] for f in found] == ["the bridge would reopen"]


def test_a_subject_left_to_a_preposition_of_the_source_s_relative_clause_is_not_the_source():
    found, _ = claims_of("A spokesperson who did not wish to be named because of agency policy said that "
                         "the agency never gives vaccines.")
    assert [f[:2] for f in found] == [("A spokesperson", "said")]


def test_a_cue_that_interrupts_its_clause_after_an_auxiliary_reports_the_whole_clause():
    found, _ = claims_of("The council had not, Ms Roe added, been told of the closure by the firm.")
    assert [f[2] for f in found] == ["The council had not, Ms Roe added, been told of the closure by the firm"]


def test_a_passive_cue_with_its_source_reports_what_it_says_of_its_subject():
    found, _ = claims_of("The wave of closures has been described as “devastating” by the council.")
    assert [f[:3] for f in found] == [("the council", "has been described",
                                       "The wave of closures has been described as “devastating”")]


def test_a_verb_of_saying_and_giving_with_two_objects_gives_and_says_nothing():
    found, _ = claims_of("The ministry denied them access to the files. The border guards denied her entry. "
                         "The minister denied the claims.")
    assert [f[1:3] for f in found] == [("denied", "the claims")]


def test_a_passive_verb_of_intention_with_an_infinitive_states_a_purpose_not_a_claim():
    found, _ = claims_of("The new exams were intended to ensure a focus on understanding. The ban is said to be unpopular.")
    assert [f[1] for f in found] == ["is said"]


def test_a_quotation_before_a_report_of_a_report_is_the_inner_report_s():
    found, _ = claims_of("The coach gave his players a pep talk on Tuesday.\n\n"
                         "“You’ve beaten some really good teams this year,” he said he told them.")
    assert ("he", "told", "You’ve beaten some really good teams this year", "direct") in found


def test_a_title_capitalised_before_a_name_in_apposition_speaks_for_the_person():
    found, claims = claims_of("Norway's Minister of Fisheries, Kari Nordahl, said the quotas were fair.")
    assert [(c.speaker_text, c.speaker) for c in claims] == [("Norway's Minister of Fisheries, Kari Nordahl", "kari_nordahl")]


def test_an_aside_in_brackets_after_a_quotation_is_not_its_frame():
    found, _ = claims_of("“The authors are promoting a dangerous gambit,” Roe writes. “This desperate action is "
                         "motivated by a fallacy.” (Current models say that emissions will warm the air a lot "
                         "less compared to the authors’ analysis.)")
    assert [f[:2] for f in found] == [("Roe", "writes"), ("Roe", "writes"), ("Current models", "say")]


def test_a_participle_after_a_parenthetical_cue_is_what_the_speaker_did_not_said():
    found, _ = claims_of("The plan will be fully costed, she said, swiping at her rival.")
    assert [f[2] for f in found] == ["The plan will be fully costed"]


def test_a_heading_about_a_name_is_no_label_of_a_speaker():
    found, _ = claims_of("Pope's visit summary: Five key moments recorded in the square\n\n"
                         "The chancellor said the plan would work.")
    assert [f[1] for f in found] == ["said"]


def test_comparing_is_a_claim_only_with_what_is_likened():
    found, _ = claims_of("The team then compared the brain scans of the volunteers. Ms Roe compared the tactics to mafia methods.")
    assert [f[1:3] for f in found] == [("compared", "the tactics to mafia methods")]


def test_a_dateline_with_a_date_opens_no_content():
    found, _ = claims_of("Ministers paid their own way\n\nKUALA LUMPUR, Nov 22 — Private firms did not pay for the "
                         "prime minister’s recent trips abroad, the communications minister said today.")
    assert [f[2] for f in found] == ["Private firms did not pay for the prime minister’s recent trips abroad"]


def test_an_opening_single_mark_typed_for_an_apostrophe_opens_no_quotation():
    found, _ = claims_of("She praised Jo Rivers‘s album on Monday. ‘I was just very impressed,’ she said.")
    assert [f[1:3] for f in found] == [("praised", "Jo Rivers‘s album"), ("said", "I was just very impressed")]


def test_a_quotation_with_a_cue_of_its_own_has_no_label_inside():
    found, _ = claims_of("The slogan drew mockery online.\n\n"
                         "“North Ridge: if we were any higher, we’d be in orbit,” one user quipped.")
    assert [f[:2] for f in found] == [("one user", "quipped")]


def test_per_after_a_quantity_is_a_rate_not_a_source():
    found, _ = claims_of("Basin coal trades at about $10 per short ton, compared with about $45 for Appalachian coal. "
                         "The plant burns 40 tonnes of coal per working day.")
    assert found == []
    found, _ = claims_of("Cases rose by a third last week, per the health ministry.")
    assert [(f[0], f[1]) for f in found] == [("the health ministry", "per")]


def test_a_passive_cue_that_needs_as_says_nothing_without_it():
    found, _ = claims_of("A large number of these votes were cast for one candidate in particular.")
    assert found == []
    found, _ = claims_of("The mayor was criticised for the long delays.")
    assert [f[2] for f in found] == ["The mayor was criticised for the long delays"]


def test_the_airline_is_the_body_whose_name_says_so_even_named_in_what_it_says():
    text = ("Delta Air Lines cancelled 1,000 flights. CrowdStrike CEO George Kurtz apologized and said a fix has been "
            "deployed. A majority of United Airlines systems have recovered from the outage, the airline said in a "
            "statement. Delta has paused unaccompanied minor travel until Wednesday, the airline announced.")
    _, claims = claims_of(text)
    assert [(c.speaker_text, c.speaker) for c in claims if c.cue in {"said", "announced"}] == [
        ("CrowdStrike CEO George Kurtz", "george_kurtz"), ("the airline", "united_airlines"),
        ("the airline", "delta_air_lines")]


def test_the_writers_generic_you_is_no_source():
    found, _ = claims_of("You might call it the polar opposite of facial recognition. You could say the lab never sleeps.")
    assert found == []
    found, _ = claims_of("“You said the lab never sleeps,” she told him.")
    assert [f[0] for f in found] == ["she"]


def test_the_company_is_no_name_that_only_says_a_things_kind_and_falls_back_on_the_headline():
    text = ("Acme’s CEO weighs in on the portion size debate\n\n"
            "Customers have been furious with Acme for skimping on portions. Acme has 3,500 restaurants. "
            "An analyst weighed 75 bowls in eight cities and found a wide variety of weights. "
            "Some employees pushed back, claiming the TikTok trend was stressful. "
            "The company said the claims have not hurt its business.")
    _, claims = claims_of(text)
    assert [c.speaker for c in claims if c.speaker_text == "The company"] == ["acme"]


def test_per_beside_a_passive_verb_is_a_source():
    found, _ = claims_of("Yersinia pestis, per the WHO, is often found in small mammals and their fleas.")
    assert [(f[0], f[1]) for f in found] == [("the WHO", "per")]
    found, _ = claims_of("Guccifer said, per a translator, that he had hacked the server.")
    assert [(f[0], f[1]) for f in found] == [("Guccifer", "said")]


def test_an_as_clause_hung_from_the_subject_interrupts_the_clause_of_its_verb():
    found, _ = claims_of("HP, as Gizmodo very recently explained, is a complex and rare condition.")
    assert [(f[0], f[2]) for f in found] == [
        ("Gizmodo", "HP, as Gizmodo very recently explained, is a complex and rare condition")]


def test_a_description_of_an_office_holder_speaks_for_the_holder_not_for_no_one():
    text = ("Borrell responded to the comment at a press conference in Brussels. “We analyzed the statements,” the chief "
            "diplomat of the EU said. A Western diplomat said the talks had failed.")
    _, claims = claims_of(text)
    assert [(c.speaker_text, c.speaker) for c in claims if c.cue == "said"] == [
        ("the chief diplomat of the EU", "josep_borrell"), ("A Western diplomat", None)]


def test_a_description_speaks_for_the_one_person_named_with_its_role_and_its_words():
    text = ("Customers have been furious with the chain. Now, the fast-casual chain’s CEO said the company is making "
            "changes.\n\n“There was never a directive to provide less,” CEO Brian Niccol said on Wednesday.")
    _, claims = claims_of(text)
    assert {c.speaker for c in claims} == {"brian_niccol"}


@pytest.mark.parametrize("text, subject, predicate, negated", [
    # what a factive verb takes as true is what the content asserts, whatever the "not" above it
    ("The senator said Jo Roe does not want voters to know that she has paid nothing in taxes.",
     "jo_roe", "pay", True),
    ("The auditor said the mayor knew that the council had hidden the losses.", "the council", "hide",
     False),
    # a question is no such clause: the content is about knowing
    ("Ann Lee said she does not know what the council was thinking.", "ann_lee", "know", True),
    ("Ann Lee said she does not want to pay the fine.", "ann_lee", "pay", True),  # a "not" before a wish counts
    ("Ann Lee said she's paid the fine.", "ann_lee", "pay", False),  # "'s paid" with an object: has paid
    # "want people, whoever they are, to know": the object and its infinitive apart
    ("The senator said Jo Roe doesn't want the voters, all of them, to know that she paid nothing in taxes.",
     "jo_roe", "pay", True),
    # a verb that says its infinitive was not done: the content asserts the infinitive, negated
    ("The police said the driver had refused to keep his hands up.", "the driver", "keep", True),
    ("Ann Lee said the council never failed to pay the contractors.", "the council", "pay", False),
    ("Ann Lee said the team avoided taking her to hospital.", "the team", "take", True),
])
def test_a_content_asserts_the_clause_its_verbs_lead_to(text, subject, predicate, negated):
    [claim] = extract_text(text)[0].claims
    assert (claim.subject or claim.subject_text, claim.predicate, claim.content_negated) == \
        (subject, predicate, negated)


@pytest.mark.parametrize("text, speakers", [
    ("A series of symbolic moves at the summit suggests that momentum could build.", []),  # events hold no view
    ("Rising prices indicate that demand is strong.", []),
    ("Experts suggest that the plan will fail.", ["Experts"]),
    ("Estimates suggest that costs will rise.", ["Estimates"]),  # a record speaks for its makers
])
def test_only_someone_or_a_record_suggests_or_indicates(text: str, speakers: list[str]):
    found, _ = claims_of(text)
    assert [speaker for speaker, *_ in found] == speakers


def test_a_where_clause_after_a_parenthetical_cue_goes_on_from_the_interrupted_clause():
    found, _ = claims_of("Those costs are not a problem in Ohio, she said, where land is cheap.")
    assert found == [("she", "said", "Those costs are not a problem in Ohio", "indirect")]
    found, _ = claims_of("She said where the money went.")  # no comma: what she said
    assert [content for *_, content, _kind in found] == ["where the money went"]


def test_a_title_in_quotation_marks_that_the_sentence_uses_as_a_noun_is_no_quotation():
    found, _ = claims_of("“There are a dozen looks,” says Jo Parr. Meanwhile, “Family Quest” shoots on the town side.")
    assert [content for _speaker, _cue, content, _kind in found] == ["There are a dozen looks"]
    found, _ = claims_of("“There are a dozen looks,” says Jo Parr.\n\n“The Long Harbour” opens in theaters on Dec. 31.")
    assert [content for _speaker, _cue, content, _kind in found] == ["There are a dozen looks"]  # opening a paragraph too


@pytest.mark.parametrize("text, found", [
    ("To be listed, a server must agree to ban spam.", []),  # a requirement, not words said
    ("“I must say that the plan is bold,” Jo Pell said.", ["Jo Pell"]),
    ("Jo Pell said the board must agree to the deal.", ["Jo Pell"]),
])
def test_what_someone_must_do_is_no_claim_of_theirs(text: str, found: list[str]):
    claims, _ = claims_of(text)
    assert [speaker for speaker, *_ in claims] == found


def test_what_came_of_an_act_is_no_claim():
    found, _ = claims_of("Many users flocked to the app, only to find that there were few options.")
    assert found == []
    found, _ = claims_of("Many users tried the app and found that there were few options.")
    assert [speaker for speaker, *_ in found] == ["Many users"]


def test_a_claim_named_as_someone_elses_is_theirs_not_the_one_who_disputes_it():
    found, _ = claims_of("Footage shows the driver had stopped, contradicting the city council's claim that he sped away.")
    assert found == [("Footage", "shows", "the driver had stopped", "indirect"),
                     ("the city council's", "claim", "that he sped away", "indirect")]
    found, _ = claims_of("The mayor voiced her fear that the bridge would close.")  # her own fear
    assert found == [("The mayor", "voiced her fear", "that the bridge would close", "indirect")]


@pytest.mark.parametrize("text, source", [
    ("The company knew about the flaw for years, newly released files show.", "newly released files"),
    ("The minister was warned about the risks in 2019, a leaked dossier shows.", "a leaked dossier"),
])
def test_a_record_speaks_for_what_it_holds(text: str, source: str):
    found, _ = claims_of(text)
    assert [speaker for speaker, *_ in found] == [source]


def test_a_quotation_that_opens_in_reported_speech_goes_on_to_its_close():
    text = 'Ross said that Lund "can\'t start a fight and then claim bullying. You get what\'s coming to you."'
    found, _ = claims_of(text)
    assert found == [("Ross", "said", 'that Lund "can\'t start a fight and then claim bullying. '
                      "You get what's coming to you.", "mixed")]


def test_a_participle_after_a_passive_speaks_for_its_agent():
    found, _ = claims_of("The photo was dismissed by Jo Pell, hinting that it was a fake.")
    assert ("Jo Pell", "hinting", "that it was a fake", "indirect") in found
    found, _ = claims_of("The plan was rejected by the board for not calling on the firm to pay.")
    assert not any(speaker == "the board" and cue == "not calling on" for speaker, cue, *_ in found)


@pytest.mark.parametrize("text, content", [
    ("The minister denied having met the donor.", "having met the donor"),
    ("In it, the British royal flatly denied ever meeting her.", "ever meeting her"),
])
def test_a_gerund_is_what_a_cue_with_an_object_denies_or_admits(text: str, content: str):
    found, _ = claims_of(text)
    assert [c for _s, _cue, c, _k in found] == [content]


def test_a_gerund_after_a_verb_that_is_no_cue_is_no_claim():
    assert claims_of("They stopped paying the bills.")[0] == []


def test_charging_someone_with_a_crime_is_an_accusation_and_charging_a_fee_is_not():
    found, _ = claims_of("Prosecutors charged the driver with manslaughter.")
    assert found == [("Prosecutors", "charged", "the driver with manslaughter", "indirect")]
    assert claims_of("The bank charged its customers a monthly fee.")[0] == []


def test_how_a_charged_deed_was_done_belongs_to_the_charge():
    found, _ = claims_of("The regulator has charged the broker with fraud by moving client money into his own accounts.")
    assert found == [("The regulator", "has charged", "the broker with fraud by moving client money into his own accounts",
                      "indirect")]
    assert claims_of("She made her point by leaving the room.")[0] == []


def test_a_cue_and_the_subject_of_its_clause_read_as_the_subject_of_the_clause():
    found, _ = claims_of("Before the sale the dealer promised buyers would get a full refund.")
    assert found == [("the dealer", "promised", "buyers would get a full refund", "indirect")]
    assert claims_of("Under the plan, workers earning overtime pay would keep more of it.")[0] == []


@pytest.mark.parametrize("text", [
    "How the senator answers that question will have a lasting effect on the party.",
    "Why the mayor told reporters nothing will remain a mystery.",
])
def test_a_clause_asking_how_or_why_something_is_said_claims_nothing(text: str):
    assert claims_of(text)[0] == []


@pytest.mark.parametrize("text, speaker, cue", [
    ("When the mayor told reporters the bridge would reopen, nobody believed her.", "the mayor", "told"),
    ("That is why the coach thinks the team can still win the league.", "the coach", "thinks"),
])
def test_a_clause_saying_when_or_why_something_was_said_still_claims_it(text: str, speaker: str, cue: str):
    found, _ = claims_of(text)
    assert [(s, c) for s, c, _content, _k in found] == [(speaker, cue)]


def test_a_possessive_pronoun_holds_the_claim_a_thing_acts_on():
    found, _ = claims_of("This contradicts his claim that the two firms never shared data.")
    assert found == [("his", "claim", "that the two firms never shared data", "indirect")]
    found, _ = claims_of("She repeated her claim that the two firms shared data.")
    assert found == [("She", "repeated her claim", "that the two firms shared data", "indirect")]


@pytest.mark.parametrize("text, cue, content", [
    ("Team captain Cam Heyward openly lobbied for the league to suspend Garrett.", "openly lobbied for",
     "the league to suspend Garrett"),
    ("The union pressed for higher wages.", "pressed for", "higher wages"),
])
def test_lobbying_and_pressing_for_something_is_a_stance(text: str, cue: str, content: str):
    found, _ = claims_of(text)
    assert [(c, content_) for _s, c, content_, _k in found] == [(cue, content)]


def test_what_someone_was_told_by_no_one_named_is_a_claim_of_an_unnamed_source():
    found, _ = claims_of("Investors have been told the price is likely to be final.")
    assert found == [(None, "have been told", "the price is likely to be final", "indirect")]


@pytest.mark.parametrize("text", ["Jo Pell on the fight: He Asked for It.", "The mayor argued for this.",
                                  "Jo Pell on the Fight With Al Lee: He Asked for It\n\nThe club spent Monday on it."])
def test_a_cue_whose_phrase_is_a_lone_pronoun_says_nothing_of_its_own(text: str):
    assert claims_of(text)[0] == []


def test_a_passive_cue_with_a_clause_before_it_and_a_that_clause_after_reports_the_after():
    text = "Sadly, the bridge isn’t the only one in poor repair – it's revealed in the council’s report that the tunnel leaks."
    found, _ = claims_of(text)
    assert [(cue, content) for _s, cue, content, _k in found] == [("'s revealed", "that the tunnel leaks")]


@pytest.mark.parametrize("text, found", [
    ("The team built a simulation they call TNG50.", []),  # a name given
    ("They call it Atlas.", []),
    ("Critics called Oz a quack.", [("Critics", "called", "Oz a quack", "indirect")]),
])
def test_a_name_given_by_a_verb_of_naming_is_no_claim(text: str, found: list):
    assert claims_of(text)[0] == found


def test_a_subject_the_parse_read_as_a_relative_clause_of_the_addressee_is_the_content_s():
    text = "Jo Pell has reportedly told friends and family that the interview aired at the weekend was a great success."
    found, _ = claims_of(text)
    assert [content for *_, content, _k in found] == ["that the interview aired at the weekend was a great success"]


def test_a_speech_noun_of_a_gerund_claims_the_gerund():
    found, _ = claims_of("Her denial of taking the money was brief.")
    assert found == [("Her", "denial", "taking the money", "indirect")]


def test_the_researchers_of_a_study_are_an_actor_of_the_article_and_researchers_are_not():
    _, claims = claims_of("A study of lakes appeared on Monday. The researchers said the water was warming. "
                          "Researchers say such studies are rare.")
    assert [c.speaker.startswith("described_the_researchers") if c.speaker else None for c in claims] == [True, None]


def test_a_quotation_introduced_by_a_nearer_cue_is_not_the_content_of_the_verb_it_hangs_from():
    found, _ = claims_of("The video concludes with footage of Mayor Jane Hollis saying at the hearing last month, "
                         "\u201cThat plan will cost us dearly,\u201d as the council looked on.")
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("Mayor Jane Hollis", "saying", "That plan will cost us dearly")]  # not the video's, through "concludes"
    found, _ = claims_of("The mayor concluded, \u201cThat plan will cost us dearly,\u201d as the council looked on.")
    assert [(f[0], f[1]) for f in found] == [("The mayor", "concluded")]


def test_a_request_for_anonymity_and_its_purpose_are_no_claims():
    found, _ = claims_of("A ferry captain, who requested anonymity to discuss the inquiry, said the crew was tired. "
                         "A deckhand asked for anonymity to describe the crossing.")
    assert [(f[0], f[1], f[2]) for f in found] == [("A ferry captain", "said", "the crew was tired")]
    found, _ = claims_of("The captain requested a tug to guide the ferry.")
    assert [(f[1], f[2]) for f in found] == [("requested", "a tug to guide the ferry")]  # a request for something else


def test_a_content_missing_the_part_a_wh_word_before_it_stands_for_is_a_topic():
    _, claims = claims_of("The gap between what the mayor says her budget would do and what it does is wide. "
                          "The mayor said her budget would cut waiting lists.")
    assert [(c.content, c.proposition) for c in claims] == [
        ("her budget would do", False), ("her budget would cut waiting lists", True)]


def test_they_after_a_group_that_spoke_is_that_group():
    _, claims = claims_of("Democrats said the vote was rushed. They added that the bill would be amended.")
    assert [(c.speaker_text, c.speaker) for c in claims] == [("Democrats", "democratic_party"),
                                                             ("They", "democratic_party")]
    _, claims = claims_of("The Green Party said the vote was rushed. They added that the bill would be amended.")
    assert [c.speaker for c in claims][1] is None  # a party named in the singular may be "it"; "they" may be anyone
