"""Claim matching: ``kg match`` and ``kg.match``, and tracking records from ``kg extract``."""

from __future__ import annotations

import json

from conftest import jsonl, run_kg
from kg.match import match, same


def test_grouping_finds_claims_in_other_words_and_shared_words_are_not_enough():
    assert same("the minister misled parliament", "the minister lied to MPs", method="grouping")
    assert same("the firm will cut 500 jobs", "the company plans to lay off 500 workers", method="grouping")
    assert not same("the vote count was rigged", "the coverage was biased", method="grouping")


def test_grouping_asks_the_encoder_where_the_embeddings_are_unsure():
    """Both pairs are just past the embeddings' threshold (0.51 and 0.53): the encoder
    tells one story's two claims from one claim in two wordings."""
    one_story = ("the school will stay closed after the flood", "the flood damaged the school gym")
    one_claim = ("the firm will cut 500 jobs", "the company plans to lay off 500 workers")
    assert same(*one_story, method="embeddings") and not same(*one_story, method="grouping")
    assert [m.decision for m in match([one_story, one_claim], method="grouping")] == ["different", "same"]


def test_close_embeddings_of_one_topic_need_the_encoder_unless_most_words_are_shared():
    """The first two pairs are at an embeddings' similarity of 0.555 to 0.565, where on real news
    most pairs are one topic: the encoder reads the first as two claims; it misreads the
    second too, but there the shorter text's words are all in the longer one, and both say
    "not"."""
    one_topic = ("the senator will vote against the bill", "the bill reaches the senate floor next week")
    one_claim = ("she will refuse to answer any questions from the ethics board", "she would not answer questions")
    assert same(*one_topic, method="embeddings") and not same(*one_topic, method="grouping")
    assert not same(*one_claim, method="encoder") and same(*one_claim, method="grouping")
    arrested = ("Police arrested three men in connection with the robbery of a bank in Leeds on Friday.",
                "Police said on Friday that three men had been questioned but nobody has been arrested over the "
                "robbery in Leeds.")
    assert not same(*arrested, method="grouping")  # most words shared, but one says "nobody": the encoder's call


def test_the_encoder_reads_both_texts_at_once():
    arrested = "Police arrested three men in connection with the robbery of a bank in Leeds on Friday."
    questioned = ("Police said on Friday that three men had been questioned but nobody has been arrested over the "
                  "robbery in Leeds.")
    assert same(arrested, questioned, method="embeddings") and not same(arrested, questioned)
    assert same("The mayor announced on Tuesday that the city will build two new schools next year.",
                "On Tuesday the mayor said two new schools will be built in the city next year.")
    assert not same("the vote count was rigged", "the coverage was biased")


def test_two_texts_of_different_figures_make_different_claims_whatever_the_method():
    for method in ("encoder", "embeddings", "grouping"):
        assert not same("the firm will cut 500 jobs", "the company will cut 300 jobs", method=method)
        assert same("the firm will cut 500 jobs", "the company will cut 500 jobs", method=method)
    assert same("Roe had a net loss of $915 million in 1995", "Roe took a $916 million loss", method="embeddings")
    out = run_kg("match", "the firm will cut 500 jobs", "the company will cut 300 jobs").stdout
    assert out.split("\t")[:2] == ["0.400", "different"]


def test_kg_match_prints_similarity_and_decision():
    out = run_kg("match", "--method", "embeddings", "the minister misled parliament", "the minister lied to MPs").stdout
    similarity, decision, a, b = out.rstrip("\n").split("\t")
    assert 0.5 <= float(similarity) <= 1 and decision == "same" and a.startswith("the minister misled")
    strict = run_kg("match", "the minister misled parliament", "the minister lied to MPs").stdout
    assert strict.split("\t")[1] == "different" and float(strict.split("\t")[0]) < 0.5


def test_kg_match_pairs_file_in_every_format(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("the vote count was rigged\tthe coverage was biased\nonly one column\n"
                     "the firm will cut 500 jobs\tthe company plans to lay off 500 workers\n", encoding="utf-8")
    result = run_kg("match", "--pairs", pairs, "--format", "json", "--method", "embeddings")
    rows = json.loads(result.stdout)
    assert [r["decision"] for r in rows] == ["different", "same"]
    assert "line 2: expected two tab-separated texts" in result.stderr
    csv_lines = run_kg("match", "--pairs", pairs, "--format", "csv").stdout.splitlines()
    assert csv_lines[0] == "similarity,decision,a,b" and len(csv_lines) == 3
    assert [m.decision for m in match([("a b c", "a b c")])] == ["same"]
    assert run_kg("match", "--method", "guess", "a", "b", ok=False).exit_code == 2


def test_kg_match_needs_two_texts_or_a_file():
    result = run_kg("match", "only one text", ok=False)
    assert result.exit_code == 2 and "give two texts, or --pairs FILE" in result.output


def test_extract_writes_group_and_contradiction_records(weapons):
    records = jsonl(run_kg("extract", "--jsonl", weapons).stdout)
    claims = {r["doc"]: r["id"] for r in records if r["type"] == "claim"}
    [group] = [r for r in records if r["type"] == "group"]
    assert sorted(group["members"]) == sorted([claims["a"], claims["b"]]) and group["sources"] == 2
    pairs = {frozenset((r["a"], r["b"])) for r in records if r["type"] == "contradiction"}
    assert pairs == {frozenset((claims["a"], claims["c"])), frozenset((claims["b"], claims["c"]))}


def test_tensors_are_read_from_a_safetensors_file_by_its_header(tmp_path):
    import numpy as np
    from kg.match import mapped_tensors
    table = np.arange(6, dtype="<f4").reshape(2, 3)
    halves = np.array([0.5, -2.0], dtype="<f2")
    header = {"__metadata__": {"format": "np"},
              "halves": {"dtype": "F16", "shape": [2], "data_offsets": [24, 28]},
              "table": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}}
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)  # the data starts on an 8-byte boundary
    path = tmp_path / "model.safetensors"
    path.write_bytes(len(text).to_bytes(8, "little") + text + table.tobytes() + halves.tobytes())
    tensors = mapped_tensors(path)
    assert sorted(tensors) == ["halves", "table"]
    assert tensors["table"].tolist() == [[0, 1, 2], [3, 4, 5]] and tensors["halves"].tolist() == [0.5, -2.0]
