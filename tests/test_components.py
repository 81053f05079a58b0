"""claimgraph's extraction as spaCy components, and the house rules of the extraction code:
word lists live in kg/data/, rules are named by one enum, each with a confidence in data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import spacy
from spacy.glossary import GLOSSARY
from spacy.tokens import Doc

from kg import nlp
from kg.claims import Rule, extract_claims, rule_table
from kg.components import COMPONENTS
from kg.ingest import document_from_text
from kg.pipeline import Pipeline
from kg.triples import extract_triples

KG = Path(__file__).resolve().parent.parent / "kg"
LONG_LIST = 10  # words: a list this long belongs in kg/data/


@pytest.fixture(scope="module")
def spacy_nlp():
    """What a spaCy user has: the stock pipeline, loaded by name, plus claimgraph's components."""
    pipeline = spacy.load(nlp.DEFAULT_MODEL)
    pipeline.add_pipe("claimgraph_triples")
    return pipeline


def test_add_pipe_adds_what_the_component_needs(spacy_nlp):
    names = spacy_nlp.pipe_names
    assert [n for n in names if n.startswith("claimgraph_")] == list(COMPONENTS)
    assert names.index("kg_line_breaks") == names.index("parser") - 1


def test_components_write_doc_extensions(spacy_nlp):
    doc = spacy_nlp("Xi Jinping welcomed Vladimir Putin in Beijing.\n\nPutin said that Russia would win.")
    assert doc[0:2]._.actor == "xi_jinping"
    assert {"xi_jinping", "vladimir_putin"} <= {m.actor for m in doc._.mentions}
    [claim] = doc._.claims
    assert (claim.speaker, claim.speaker_label, claim.content, claim.rule) == \
        ("vladimir_putin", "Vladimir Putin", "that Russia would win", "ccomp")
    assert ("xi_jinping", "welcome", "vladimir_putin") in [(t.subject, t.predicate, t.object) for t in doc._.triples]


def test_actors_component_keeps_a_registry_across_docs(spacy_nlp):
    first = spacy_nlp("Jonathan Pemberton spoke in Berlin.")
    doc = spacy_nlp("Later, Jonathan Pemberton said more.")
    assert first[0:2]._.actor == "jonathan_pemberton" == doc[2:4]._.actor
    assert [m.rule for m in first._.mentions][0] == "new-name" and doc._.mentions[0].rule == "known-name"
    assert "jonathan_pemberton" in [a.id for a in spacy_nlp.get_pipe("claimgraph_actors").actors()]


def test_config_names_a_rule_table(tmp_path):
    table = (KG / "data" / "claim_rules.toml").read_text("utf-8").replace(
        "[rules.ccomp]\nconfidence = 0.85", "[rules.ccomp]\nconfidence = 0.3")
    (tmp_path / "rules.toml").write_text(table, "utf-8")
    pipeline = spacy.load(nlp.DEFAULT_MODEL)
    pipeline.add_pipe("claimgraph_claims", config={"rules": str(tmp_path / "rules.toml")})
    [claim] = pipeline("Putin said that Russia would win.")._.claims
    assert claim.confidence == 0.3


def test_stages_run_on_a_bare_doc():
    doc = nlp.load()("Putin said that Russia would win.")
    assert doc._.actors is None
    [claim] = extract_claims(doc)
    assert claim.speaker == "vladimir_putin" and not claim.content_negated
    assert claim.stance == [{"target": "russia", "stance": "neutral", "evidence": "no evaluative word about it"}]
    assert doc._.actors is not None  # resolved on the way, with the gazetteer alone
    assert extract_triples(doc)[0].subject == "vladimir_putin"


def test_pipeline_records_match_the_components(spacy_nlp):
    text = "Russia said it would not withdraw. Xi praised the partnership with Russia."
    [result] = Pipeline().run([document_from_text("d", text)])
    doc = spacy_nlp.make_doc(text)
    doc._.document = document_from_text("d", text)
    doc = spacy_nlp(doc)
    assert [c.id for c in doc._.claims] == [c.id for c in result.claims]
    assert result.claims[0].content_negated and result.claims[0].speaker_label == "Russia"


def test_rule_enum_matches_the_rule_table():
    table = rule_table()
    assert set(Rule) == set(table.confidence)
    assert all(0 < value < 1 for value in table.confidence.values())


def english_word_lists(path: Path) -> list[tuple[int, int]]:
    """(line, length) of set/list/tuple literals of LONG_LIST or more English words."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and e.value.replace("'", "").replace(".", "").isalpha() and e.value not in GLOSSARY]
            if len(words) >= LONG_LIST:
                found.append((node.lineno, len(words)))
    return found


def test_no_long_word_list_in_python():
    """Word lists are data (kg/data/, read with kg.lexicons), not Python literals."""
    offenders = {str(p.relative_to(KG)): found for p in sorted(KG.rglob("*.py")) if (found := english_word_lists(p))}
    assert offenders == {}


def test_the_word_list_check_can_fail(tmp_path):
    source = tmp_path / "x.py"
    source.write_text("WORDS = {" + ", ".join(f'"w{"a" * n}"' for n in range(LONG_LIST)) + "}\nDEPS = {'nsubj', 'dobj'}\n")
    assert english_word_lists(source) == [(1, LONG_LIST)]


def test_doc_without_components_has_empty_extensions():
    doc = Doc(nlp.load().vocab, words=["Hello"])
    assert doc._.claims is None and doc._.mentions == [] and doc[0:1]._.actor is None


def test_readme_spacy_examples_run():
    """The README's ``pycon`` examples (its spaCy section) give the output shown."""
    import doctest
    import re

    readme = (KG.parent / "README.md").read_text("utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", readme, re.DOTALL)
    assert len(blocks) >= 2
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    test = parser.get_doctest("\n".join(blocks), {}, "README.md", "README.md", 0)
    runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0 and results.attempted >= 10


def test_patterns_find_what_spacys_dependency_matcher_finds():
    """kg/claims/patterns.py matches from the anchors only; spaCy's matcher, over every
    token, finds the same node assignments for every pattern of the rule table."""
    from kg.claims.patterns import assignments, compile_pattern, dependency_matcher

    table = rule_table()
    text = ("Her claim that the talks failed was wrong. His view is that they won. The warning from "
            "the ministry was that prices would rise. Ham made it clear he had doubts, and Putin has "
            "made clear that Russia would not back down. Its bid to join NATO failed. She said so; "
            "he said as much, and they said the same thing of Iran. The talks failed, officials said. "
            "Xi warned in an interview that the talks would fail.")
    doc = nlp.load()(text)
    dm = dependency_matcher(doc.vocab, table)
    theirs = {(doc.vocab.strings[key], tuple(ids)) for key, ids in dm(doc)}
    ours = {(f"{rule}/{group}/{n}", tuple(t.i for t in found))
            for rule, groups in table.patterns.items() for group, entries in groups.items()
            for n, entry in enumerate(entries) for anchor in doc
            for found in assignments(compile_pattern(entry["pattern"]), anchor)}
    assert ours == theirs and {key.split("/")[0] for key, _ in ours} == {"noun", "make-clear", "pro-form", "ccomp-before", "ccomp"}


def test_pipeline_with_components_saves_and_loads(spacy_nlp, tmp_path):
    spacy_nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == spacy_nlp.pipe_names
    docs = list(loaded.pipe(["Xi said China would grow.", "Biden said the talks failed."]))
    assert [[c.speaker for c in doc._.claims] for doc in docs] == [["xi_jinping"], ["joe_biden"]]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "“", "Advertisement\n"])
def test_components_take_any_text(spacy_nlp, text):
    doc = spacy_nlp(text)
    assert doc._.claims == [] and doc._.triples == [] and doc._.mentions == []
