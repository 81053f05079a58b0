"""Tracking: claim groups, contradictions and stance, on records of our own making."""

from __future__ import annotations

from dataclasses import replace

from conftest import extract_text
from kg.tracking import TrackedClaim, Tracker, about_different_actors, find_contradictions, group_claims


def claim(cid, doc, date, content, cue="said", speaker=None, offset=0, negated=False, content_negated=False,
          rule="ccomp", source=None, proposition=True, subject=None, subject_text=None, predicate=None):
    return TrackedClaim(cid, doc, date, speaker, speaker or "officials", cue, content, negated=negated,
                        content_negated=content_negated, offset=offset, end=offset + len(content), rule=rule,
                        source=source, proposition=proposition, subject=subject, subject_text=subject_text,
                        predicate=predicate)


def test_same_claim_in_other_words_forms_one_group_dated_by_its_first_appearance():
    claims = [
        claim("late", "d3", "2024-05-20", "the minister lied to MPs about the budget", speaker="eu"),
        claim("early", "d1", "2024-05-01", "the minister misled parliament about the budget", speaker="us"),
        claim("other", "d2", "2024-05-10", "oil prices will fall sharply next year", speaker="opec"),
    ]
    groups = {tuple(sorted(g.members)): g for g in group_claims(claims)}
    group = groups[("early", "late")]
    assert group.first_claim == "early" and group.first_date == "2024-05-01" and group.first_doc == "d1"
    assert group.sources == {"d1", "d3"} and group.speakers == {"eu", "us"}
    assert ("other",) in groups


def test_shared_words_without_the_same_claim_are_not_grouped():
    claims = [claim("a", "d1", None, "the vote count was rigged"),
              claim("b", "d2", None, "the coverage was biased")]
    assert len(group_claims(claims)) == 2


def test_claims_just_past_the_embeddings_threshold_are_grouped_only_if_the_encoder_agrees():
    story = [claim("a", "d1", None, "the school will stay closed after the flood", speaker="head"),
             claim("b", "d2", None, "the flood damaged the school gym", speaker="council")]
    assert len(group_claims(story)) == 2
    jobs = [claim("a", "d1", None, "the firm will cut 500 jobs", speaker="union"),
            claim("b", "d2", None, "the company plans to lay off 500 workers", speaker="analysts")]
    assert len(group_claims(jobs)) == 1


def test_claims_of_one_topic_need_the_encoder_unless_they_share_most_words():
    bill = [claim("a", "d1", None, "the senator will vote against the bill", speaker="aides"),
            claim("b", "d2", None, "the bill reaches the senate floor next week", speaker="clerks")]
    assert len(group_claims(bill)) == 2
    questions = [claim("a", "d1", None, "she will refuse to answer any questions from the ethics board", speaker="aides"),
                 claim("b", "d2", None, "she would not answer questions", speaker="lawyers")]
    assert len(group_claims(questions)) == 1


def test_claims_of_different_figures_are_different_claims_even_from_one_speaker():
    polls = [claim("a", "d1", None, "the senator leads her rival by about 13 points in the state", speaker="pollster"),
             claim("b", "d2", None, "the senator leads her rival in the state by about 6 points", speaker="pollster"),
             claim("c", "d3", None, "the senator is ahead of her rival by 13 points in the state", speaker="pollster")]
    assert sorted(sorted(g.members) for g in group_claims(polls)) == [["a", "c"], ["b"]]


def test_a_speaker_who_says_much_the_same_in_two_articles_repeats_the_claim():
    """The two wordings fall short of the same claim (0.48) unless one speaker says both."""
    mill = [claim("a", "d1", None, "the mill will shut down in spring", speaker="owner"),
            claim("b", "d2", None, "the plant shuts in the spring", speaker="owner")]
    assert len(group_claims(mill)) == 1
    mill[1].speaker = "union"
    assert len(group_claims(mill)) == 2


def test_claims_about_two_different_actors_are_never_one_claim():
    said = [claim("a", "d1", None, "Roe is unqualified to be president", speaker="lee", subject="jo_roe", subject_text="Roe"),
            claim("b", "d2", None, "he is unqualified to be president", speaker="kim", subject="ann_lee", subject_text="he")]
    assert len(group_claims(said)) == 2
    said[1].subject = "jo_roe"  # "he" is Roe after all
    assert len(group_claims(said)) == 1
    assert about_different_actors(said[0], replace(said[1], subject="ann_lee"))
    said[0].subject_text, said[1].subject = "Roe and Lee", "ann_lee"  # a subject of several is no one actor's
    assert not about_different_actors(*said)


def test_a_pronoun_subject_is_compared_as_the_actor_it_stands_for():
    term = [claim("a", "d1", None, "Jo Roe will not seek a second term as mayor", speaker="aides", subject="jo_roe",
                  subject_text="Jo Roe"),
            claim("b", "d2", None, "he will not run for a second term", speaker="friends", subject="jo_roe",
                  subject_text="he")]
    assert len(group_claims(term)) == 1
    term[1].subject = None  # "he" unresolved: another article's claim about someone
    assert len(group_claims(term)) == 2


def test_a_bare_noun_phrase_is_a_topic_that_never_anchors_a_group():
    claims = [claim("topic", "d1", "2024-01-01", "the former governor", rule="object", proposition=False),
              claim("other", "d2", "2024-01-02", "the former governor", rule="object", proposition=False),
              claim("short", "d3", "2024-01-03", "Ohio")]
    assert group_claims(claims) == []


def test_an_undated_document_is_never_first_seen():
    claims = [claim("undated", "d0", None, "the factory will close at the end of the year"),
              claim("dated", "d1", "2024-03-01", "the factory is going to close at the end of the year")]
    [group] = group_claims(claims)
    assert sorted(group.members) == ["dated", "undated"]
    assert (group.first_claim, group.first_date) == ("dated", "2024-03-01")


def test_a_copy_of_an_article_is_not_another_source():
    claims = [claim("a", "d1", "2024-03-01", "the factory will close at the end of the year"),
              claim("b", "d1-copy", "2024-03-02", "the factory will close at the end of the year", source="d1")]
    [group] = group_claims(claims)
    assert group.sources == {"d1"}


def test_the_content_that_completes_its_cue_is_matched_with_the_cue():
    urged = claim("a", "d1", None, "the senator to resign", cue="urged", rule="to")
    assert urged.matching_text() == "urged the senator to resign"
    refused = claim("b", "d2", None, "the senator to resign", cue="forbade", rule="to")
    assert refused.matching_text() == "forbade the senator to resign"


def test_new_claims_join_existing_groups_without_reshuffling_them():
    tracker = Tracker()
    tracker.add([claim("a", "d1", "2024-01-01", "the central bank will raise interest rates in June"),
                 claim("b", "d2", "2024-01-02", "the central bank is set to raise interest rates in June"),
                 claim("c", "d2", "2024-01-02", "the striking drivers will return to work on Monday")])
    before = {cid: tracker.group_of[cid] for cid in "abc"}
    touched, _ = tracker.add([claim("d", "d3", "2024-01-03", "the central bank will raise interest rates in June"),
                              claim("e", "d3", "2024-01-03", "a new stadium opens in the city next spring")])
    assert {cid: tracker.group_of[cid] for cid in "abc"} == before
    assert tracker.group_of["d"] == before["a"]
    assert {g.id for g in touched} == {before["a"], tracker.group_of["e"]}


def test_a_claim_reported_inside_another_is_not_grouped_with_it():
    outer = claim("outer", "d1", None, "all parties agreed that a political solution is the right way", offset=10)
    inner = claim("inner", "d1", None, "a political solution is the right way", offset=37, speaker="parties")
    assert len(group_claims([outer, inner])) == 2


def test_joint_speakers_share_one_group():
    a = claim("a", "d1", None, "the alliance will grow stronger", speaker="putin", offset=5)
    b = claim("b", "d1", None, "the alliance will grow stronger", speaker="xi", offset=5)
    [group] = group_claims([a, b])
    assert group.speakers == {"putin", "xi"}


def test_denial_and_negation_are_contradiction_candidates():
    claims = [
        claim("a", "d1", "2024-01-01", "the army used chemical weapons in the city", speaker="ngo"),
        claim("b", "d2", "2024-01-02", "the army used chemical weapons in the city", cue="denied", speaker="ministry"),
        claim("c", "d3", "2024-01-03", "the army never used chemical weapons in the city", speaker="general",
              content_negated=True),
        claim("d", "d4", "2024-01-04", "grain exports will rise this summer", speaker="traders"),
    ]
    pairs = {(c.claim, c.other): c.evidence for c in find_contradictions(claims)}
    assert set(pairs) == {("a", "b"), ("a", "c")}  # b denies and c negates: they agree
    assert "'denied' is a denial" in pairs[("a", "b")] and "content is negated" in pairs[("a", "c")]


def test_a_claim_that_doubts_another_is_a_contradiction_candidate():
    claims = [claim("a", "d1", None, "the hackers worked for the Russian government", speaker="agency"),
              claim("b", "d2", None, "he is skeptical that the hackers worked for the Russian government",
                    speaker="senator"),
              claim("c", "d3", None, "it is too early to tell whether the hackers worked for the Russian government",
                    speaker="minister")]
    pairs = {(c.claim, c.other): c.evidence for c in find_contradictions(claims)}
    assert set(pairs) == {("a", "b"), ("a", "c")}  # b and c both doubt it: they agree
    assert "doubts it ('skeptical')" in pairs[("a", "b")]


def test_a_doubt_in_other_words_needs_only_the_closeness_of_one_group():
    """An explicit doubt is evidence enough: the two need not be near-copies, as a bare "not" must."""
    claims = [claim("a", "d1", None, "the fire at the depot was started on purpose", speaker="union"),
              claim("b", "d2", None, "it is too early to tell whether the fire at the depot was arson",
                    speaker="chief")]
    [found] = find_contradictions(claims)
    assert "too early to tell" in found.evidence and found.similarity < 0.7


def test_a_doubt_deep_in_a_long_content_is_someone_elses():
    claims = [claim("a", "d1", None, "the fire at the depot was started on purpose", speaker="union"),
              claim("b", "d2", None, "the fire at the depot was started on purpose. Workers are angry, and when "
                    "they hear a manager say it is too early to tell, they walk out", speaker="chief")]
    assert find_contradictions(claims) == []
    claims[1].content = "it is too early to tell whether the fire at the depot was started on purpose"
    assert len(find_contradictions(claims)) == 1


def test_a_question_contradicts_nothing():
    claims = [claim("a", "d1", None, "the fire at the depot was arson", speaker="union"),
              claim("b", "d2", None, "the fire at the depot was not arson", cue="asked about claims that",
                    speaker="chief", content_negated=True)]
    assert find_contradictions(claims) == []
    claims[1].cue = "said"
    assert len(find_contradictions(claims)) == 1


def test_a_negative_prefix_turns_a_judgement_into_its_opposite():
    claims = [claim("a", "d1", None, "the coach has always respected the referees", speaker="club"),
              claim("b", "d2", None, "the coach has always disrespected the referees", speaker="league")]
    [found] = find_contradictions(claims)
    assert "opposite words" in found.evidence


def test_two_negative_claims_that_agree_are_not_a_contradiction():
    claims = [claim("a", "d1", None, "she won't back the bill", speaker="x", content_negated=True),
              claim("b", "d2", None, "she will not support the bill", speaker="y", content_negated=True)]
    assert find_contradictions(claims) == []


def test_two_contents_that_both_say_not_are_no_contradiction_for_the_parsers_reading():
    """The parser reads the main clause's negation only: "did not show" in a second clause
    is still a "not", and the two agree."""
    claims = [claim("a", "d1", None, "the video does not show whether the driver had a gun", speaker="lawyer",
                    content_negated=True),
              claim("b", "d2", None, "the video was unclear and did not show whether the driver had a gun",
                    speaker="chief")]
    assert find_contradictions(claims) == []


def test_no_contradiction_inside_one_claim_or_one_speakers_article():
    outer = claim("a", "d1", None, "she recalled that people never see you in the room", speaker="lynch")
    inner = claim("b", "d1", None, "people never see you in the room", speaker="lynch_colleague", offset=20,
                  content_negated=True)
    same = [claim("c", "d2", None, "the army used chemical weapons in the city", speaker="general"),
            claim("d", "d2", None, "the army used chemical weapons in the city", cue="denied", speaker="general",
                  offset=200)]
    elsewhere = claim("e", "d3", None, "the army used chemical weapons in the city", speaker="general")
    assert [(c.claim, c.other) for c in find_contradictions([outer, inner, *same, elsewhere])] == [("d", "e")]


def test_opposite_claims_of_one_subject_with_one_predicate_contradict_however_they_are_worded():
    """What an index of (subject, predicate) finds: far apart by embeddings, closer than
    unrelated claims, one saying "not"."""
    paid = claim("a", "d1", None, "that Jo Roe has occasionally not paid anything in federal income taxes",
                 speaker="rival", content_negated=True, subject="jo_roe", subject_text="Jo Roe", predicate="pay")
    pays = claim("b", "d2", None, "Of course, I pay federal taxes", speaker="jo_roe", subject="jo_roe",
                 subject_text="I", predicate="pay")
    assert [(c.claim, c.other) for c in find_contradictions([paid, pays])] == [("a", "b")]
    pays.predicate = "file"  # no longer one predicate: their wording is too far apart
    assert find_contradictions([paid, pays]) == []
    pays.predicate, pays.content = "pay", "Of course, I pay the contractors"  # not what she did not pay
    assert find_contradictions([paid, pays]) == []


def test_claims_of_different_or_unknown_subjects_never_contradict():
    supports = claim("a", "d1", None, "he is a strong supporter of the new border law", speaker="ally",
                     subject="ann_lee", subject_text="he")
    opposes = claim("b", "d2", None, "he is not a supporter of the new border law", speaker="rival",
                    content_negated=True, subject="jo_roe", subject_text="he")
    assert find_contradictions([supports, opposes]) == []  # two people, each "he"
    opposes.subject = None  # "he", resolved to no one: of whom?
    assert find_contradictions([supports, opposes]) == []
    opposes.subject = "ann_lee"
    assert len(find_contradictions([supports, opposes])) == 1


def test_a_content_that_asks_contradicts_nothing():
    claims = [claim("a", "d1", None, "the fire at the depot was arson", speaker="union"),
              claim("b", "d2", None, "Was the fire at the depot not arson?", speaker="chief", content_negated=True)]
    assert find_contradictions(claims) == []


def test_content_negation_is_read_off_the_main_predicate():
    negated = {c.content: c.content_negated for c in extract_text(
        "Olaf Scholz said that the army never used chemical weapons. "
        "Joe Biden said that no country supports the plan. "
        "Angela Merkel praised the “no limits” partnership.")[0].claims}
    assert negated == {"that the army never used chemical weapons": True,
                       "that no country supports the plan": True,
                       "the “no limits” partnership": False}


def test_a_claim_knows_what_its_content_says_of_whom():
    claims = {c.content: (c.subject, c.subject_text, c.predicate) for c in extract_text(
        "Olaf Scholz said that Joe Biden never paid the bill. "
        "Joe Biden said: “I have enormous respect for the army.” "
        "Angela Merkel said it is clear that the plan failed. "
        "Emmanuel Macron said the treaty was signed in May.")[0].claims}
    assert claims["that Joe Biden never paid the bill"] == ("joe_biden", "Joe Biden", "pay")
    assert claims["I have enormous respect for the army"] == ("joe_biden", "I", "respect")  # the speaker's "I"
    assert claims["it is clear that the plan failed"] == (None, None, "be clear")  # no one: a dummy "it"
    assert claims["the treaty was signed in May"] == (None, "the treaty", "be signed")


def stances_of(text: str):
    result, _ = extract_text(text)
    return {(c.speaker, s["target"]): s["stance"] for c in result.claims for s in c.stance}


def test_evaluative_cue_gives_the_stance():
    stances = stances_of("Angela Merkel praised Poland. Joe Biden criticized Hungary.")
    assert stances[("angela_merkel", "poland")] == "supports"
    assert stances[("joe_biden", "hungary")] == "opposes"


def test_portrayal_in_the_content_gives_the_stance_of_its_agent_only():
    stances = stances_of("Joe Biden said that Russia threatened Ukraine.")
    assert stances[("joe_biden", "russia")] == "opposes"
    assert stances[("joe_biden", "ukraine")] == "neutral"


def test_stance_evidence_names_the_role_in_words():
    for text, evidence in [("Joe Biden said that Russia threatened Ukraine.", "'threatened' with it as subject"),
                           ("Joe Biden said that Russia's aggression continued.", "'aggression' with it as possessor")]:
        result, _ = extract_text(text)
        assert [s["evidence"] for c in result.claims for s in c.stance if s["target"] == "russia"] == [evidence]


def test_negated_cue_is_neutral_and_says_why():
    result, _ = extract_text("Olaf Scholz did not criticize Poland.")
    [claim_] = result.claims
    [stance] = claim_.stance
    assert stance["stance"] == "neutral" and "negated" in stance["evidence"]


def test_claim_view_shows_groups_and_contradictions(weapons, tmp_path):
    from conftest import run_kg
    from kg.graphs import CONTRADICTS, EXPRESSES, GROUP, claim_graph
    from kg.store import open_store

    run_kg("build", weapons, "--out", tmp_path / "out")
    ds = open_store(f"oxigraph:{tmp_path / 'out' / 'store'}", create=False)
    try:
        g = claim_graph(ds)
    finally:
        ds.close()
    [group] = [n for n, kind in g.nodes(data="kind") if kind == GROUP]  # the denial is no member
    assert len([u for u, _, k in g.in_edges(group, data="kind") if k == EXPRESSES]) == 2
    assert "2 claims in 2 sources" in g.nodes[group]["facts"][0]
    contradictions = [(u, v) for u, v, k in g.edges(data="kind") if k == CONTRADICTS]
    assert len(contradictions) == 2  # the denial against each of the two assertions


def test_an_evaluative_cue_aims_at_its_object_phrase_not_past_a_verb():
    assert stances_of("Angela Merkel praised the relationship between France and Germany.") == \
        {("angela_merkel", "france"): "supports", ("angela_merkel", "germany"): "supports"}
    assert stances_of("Angela Merkel praised the agreement that condemned Russia.") == \
        {("angela_merkel", "russia"): "neutral"}


def test_only_copulas_and_light_verbs_lend_their_complement_a_stance():
    assert stances_of("Olaf Scholz said that Russia poses a threat to Europe.")[("olaf_scholz", "russia")] == "opposes"
    withstood = stances_of("Xi Jinping said that Beijing would withstand pressure from the West.")
    assert withstood[("xi_jinping", "china")] == "neutral"


def test_where_or_when_a_verdict_was_given_is_no_target_of_it():
    stances = stances_of("Angela Merkel thanked Poland on Twitter for its help with the refugees. "
                         "Joe Biden condemned the attack in Syria. Syria denied any role.")  # Syria acts, so is an actor
    assert stances[("angela_merkel", "poland")] == "supports" and stances[("angela_merkel", "twitter")] == "neutral"
    assert stances[("joe_biden", "syria")] == "neutral"


def test_a_subject_who_judges_someone_is_not_portrayed_by_the_judgement():
    """"X criticized Y" in a claim tells X's view of Y, not the claimant's of X; a deed
    ("X threatened Y") and the passive ("X was criticized") still portray X."""
    assert stances_of("Olaf Scholz said that Poland criticized the plan.")[("olaf_scholz", "poland")] == "neutral"
    assert stances_of("Olaf Scholz said that Poland declined.")[("olaf_scholz", "poland")] == "neutral"
    assert stances_of("Olaf Scholz said that Poland was criticized for the plan.")[("olaf_scholz", "poland")] == \
        "opposes"


def test_what_someone_could_do_portrays_no_one():
    assert stances_of("Olaf Scholz said that Russia could threaten Ukraine.")[("olaf_scholz", "russia")] == "neutral"
    assert stances_of("Olaf Scholz said that Russia will threaten Ukraine.")[("olaf_scholz", "russia")] == "opposes"


def test_a_relation_noun_is_no_stance():
    assert stances_of("Olaf Scholz said that Iran is Russia's closest ally.") == \
        {("olaf_scholz", "iran"): "neutral", ("olaf_scholz", "russia"): "neutral"}
    assert stances_of("Olaf Scholz said that Germany would defend NATO alliance members.") == \
        {("olaf_scholz", "germany"): "neutral", ("olaf_scholz", "nato"): "neutral"}


def test_a_denial_of_another_matter_is_no_contradiction_nor_the_same_claim():
    # close enough in embeddings to be one group's claims (0.55), but what is denied is not what
    # the other claim says: the pair encoder must agree before a denial is a candidate
    claims = [claim("a", "d1", "2024-01-01", "the vaccine was tested on thousands of volunteers", speaker="maker"),
              claim("b", "d2", "2024-01-02", "claims that the vaccine was rushed", cue="rejected", speaker="minister")]
    assert find_contradictions(claims) == []
    assert sorted(len(g.members) for g in group_claims(claims)) == [1, 1]


def test_the_pair_encoder_reads_every_pair_a_contradiction_needs_in_one_batch(monkeypatch):
    from kg import match

    batches = []
    read = match.pair_probabilities
    monkeypatch.setattr(match, "pair_probabilities",
                        lambda pairs, *rest: batches.append(len(pairs)) or read(pairs, *rest))
    claims = [claim("a", "d1", None, "the vaccine was tested on thousands of volunteers", speaker="maker"),
              claim("b", "d2", None, "claims that the vaccine was rushed", cue="rejected", speaker="minister"),
              claim("c", "d3", None, "the steel plant will close in March", speaker="union"),
              claim("d", "d4", None, "the steel plant is not closing this spring", speaker="owner",
                    content_negated=True),
              claim("e", "d5", None, "the steel plant will not close in March", speaker="mayor",
                    content_negated=True)]
    # b-a and d-c are close, but not close enough without the encoder; e-c is
    assert {(c.claim, c.other) for c in find_contradictions(claims)} == {("c", "d"), ("c", "e")}
    assert batches == [2, 2]  # both pairs at once, in each order


def test_a_build_groups_the_claims_as_kg_extract_groups_them(built, seed_records):
    from conftest import query

    extracted = sorted(sorted(r["members"]) for r in seed_records if r["type"] == "group")
    rows = query(built / "store", "SELECT ?claim ?group WHERE { ?c cg:expresses ?group ; dcterms:identifier ?claim }")
    members: dict[str, list[str]] = {}
    for row in rows:
        members.setdefault(row["group"], []).append(row["claim"])
    assert extracted and sorted(sorted(m) for m in members.values() if len(m) > 1) == extracted


def test_a_build_tracking_a_document_at_a_time_groups_as_kg_extract_does(tmp_path, monkeypatch):
    import kg
    import kg.pipeline
    from conftest import SEEDS, query

    monkeypatch.setattr(kg.pipeline, "BATCH", 1)  # each document stored and tracked on its own
    records = kg.extract(SEEDS)
    extracted = sorted(sorted(r["members"]) for r in records if r["type"] == "group")
    kg.build([SEEDS], out=tmp_path / "out")
    rows = query(tmp_path / "out" / "store",
                 "SELECT ?claim ?group WHERE { ?c cg:expresses ?group ; dcterms:identifier ?claim }")
    members: dict[str, list[str]] = {}
    for row in rows:
        members.setdefault(row["group"], []).append(row["claim"])
    built = sorted(sorted(m) for m in members.values() if len(m) > 1)
    doc_of = {r["id"]: r["doc"] for r in records if r["type"] == "claim"}
    assert any(len({doc_of[m] for m in g}) > 1 for g in extracted)  # groups across documents, so across batches
    assert built == extracted


def test_claims_tracked_a_batch_at_a_time_keep_their_groups_in_order_of_appearance():
    tracker = Tracker()
    tracker.add([claim("late", "d2", "2024-05-20", "the steel plant will close in May", speaker="mayor")])
    tracker.add([claim("early", "d1", "2024-05-01", "the steel plant is to close in May", speaker="owner")])
    [group] = tracker.groups.values()
    assert group.members == ["early", "late"] and group.first_claim == "early"  # the oldest first, whatever came first


def test_each_stored_embedding_is_its_own_claims_in_the_store_and_in_the_builds_index(tmp_path, monkeypatch):
    import numpy as np

    import kg
    import kg.tracking_store
    from kg import match
    from kg.query import plain_rows
    from kg.rdf import claim_iri
    from kg.store import open_store
    from kg.tracking_store import EMBEDDINGS, StoreTracking, claims_among, decode_vector

    corpus = tmp_path / "in"
    corpus.mkdir()
    texts = {"a": "Merkel said that the bridge would open in May.", "b": "Macron said that wages would rise.",
             "c": "Putin said that gas prices would fall. Xi said that trade would grow."}
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    # appearance order (by date) is not the order of the files
    (corpus / "metadata.csv").write_text("doc,published\na,2024-05-03\nb,2024-05-02\nc,2024-05-01\n", encoding="utf-8")
    trackers = []

    class Watched(StoreTracking):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            trackers.append(self)

    monkeypatch.setattr(kg.tracking_store, "StoreTracking", Watched)
    kg.build([corpus], out=tmp_path / "out")
    ds = open_store(f"oxigraph:{tmp_path / 'out' / 'store'}")
    try:
        stored = {row.claim: decode_vector(row.embedding) for row in plain_rows(ds, EMBEDDINGS)}
        claims = claims_among(ds, sorted(stored))
    finally:
        ds.close()
    fresh = match.embed([c.matching_text() for c in claims])
    own = [float(stored[str(claim_iri(c.id))] @ vector) for c, vector in zip(claims, fresh)]
    assert len(claims) == len(stored) == 4 and min(own) > 0.999
    tracker = trackers[0].tracker  # what later batches are matched against
    held = [tracker.matrix[tracker.index_of[c.id]] for c in claims]
    assert np.array_equal(np.array(held), np.array([stored[str(claim_iri(c.id))] for c in claims]))


def test_claims_whose_embedding_process_died_are_embedded_here():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    import numpy as np

    from kg import match
    from kg.tracking import ClaimBatch

    died = Future()
    died.set_exception(BrokenProcessPool("killed"))
    claim = TrackedClaim("c1", "d1", None, None, "she", "said", "the bridge would reopen in May")
    prepared = ClaimBatch([claim], died).prepared()
    assert prepared["c1"].vector.shape == (384,)
    assert np.allclose(prepared["c1"].vector, match.embed(["the bridge would reopen in May"])[0])


def test_nearest_rows_a_block_at_a_time_are_those_of_one_pass_over_all_rows(monkeypatch):
    import numpy as np
    from kg import tracking

    rng = np.random.default_rng(7)
    rows = rng.normal(size=(60, 8)).astype(np.float32) + 2.0  # most pairs close
    rows[30:40] = rows[5]  # ten copies of one claim: equal cosines
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    queries, limits = rows[20:50], np.arange(20, 50)
    cosines = queries @ rows.T
    expected = []
    for query, limit in enumerate(limits):
        ranked = sorted(range(limit), key=lambda place: (-cosines[query, place], place))
        expected.append([p for p in ranked[:tracking.NEIGHBOURS] if cosines[query, p] >= tracking.CANDIDATE_COSINE])
    for chunk, block in ((256, 2048), (7, 7), (1, 1)):
        monkeypatch.setattr(tracking, "CHUNK", chunk)
        monkeypatch.setattr(tracking, "COLUMN_BLOCK", block)
        assert tracking.nearest_rows(queries, lambda low, high: rows[low:high], 60, limits) == expected


def test_a_trackers_groups_do_not_depend_on_how_many_claims_one_product_compares(monkeypatch):
    from kg import tracking

    claims = [claim(f"c{i}", f"d{i}", f"2024-05-{i + 1:02d}", text) for i, text in enumerate([
        "the steel plant will close in May", "the steel plant is to close in May", "the mill shuts in May",
        "the vote count was rigged", "the coverage was biased", "the steel plant will close in May"])]

    def groups() -> list[list[str]]:
        tracker = Tracker()
        tracker.add(claims[:3])
        tracker.add(claims[3:])
        return sorted(group.members for group in tracker.groups.values())

    whole = groups()
    monkeypatch.setattr(tracking, "COLUMN_BLOCK", 2)
    assert whole == [["c0", "c1", "c2", "c5"], ["c3"], ["c4"]]
    assert groups() == whole


def test_claims_of_one_article_on_its_topic_join_only_if_the_encoder_agrees():
    topic = ["ketamine binds to a receptor in the brain for glutamate, a chemical that plays a role in mood",
             "ketamine spurred the brain into a more dreamlike state and decreased activity in some regions",
             "ketamine dramatically transformed the participants' brain organization"]
    one_article = [claim(str(n), "d1", None, text, speaker=f"s{n}", offset=200 * n) for n, text in enumerate(topic)]
    assert len(group_claims(one_article)) == 3
    two_articles = [claim("a", "d1", None, topic[1], speaker="team"),
                    claim("b", "d2", None, topic[1], speaker="journal")]
    assert len(group_claims(two_articles)) == 1
