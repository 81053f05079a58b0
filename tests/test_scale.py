"""Scale and store safety: parallel parsing, outputs on request, streaming exports,
readers beside a writer, interrupted builds."""

from __future__ import annotations

import json
import signal
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph

import kg.builder
import kg.match
import kg.pipeline
import kg.tracking_store
from conftest import SEEDS, count, query, run_kg
from kg.api import extract_records
from kg.ingest import document_from_text
from kg.rdf import CG
from kg.records import to_dict
from kg.store import BUILD_NOTE, StoreError, building, open_store, snapshot_path

ARTICLES = {
    "one": "Angela Merkel said the partnership with France had no limits.\n",
    "two": "Emmanuel Macron said that France would support Germany.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / "in" / name).mkdir(parents=True)
        (tmp_path / "in" / name / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path / "in"


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_two_processes_extract_exactly_what_one_does():
    one = run_kg("extract", "--jsonl", "-j", "1", SEEDS).stdout
    two = run_kg("extract", "--jsonl", "-j", "2", SEEDS).stdout
    assert one.count("\n") > 500 and one == two


def test_with_two_processes_tracking_finds_its_claims_embedded_ahead_elsewhere(monkeypatch):
    """With two processes each batch's claims are embedded in a process of their own as
    they come, and tracking takes those numbers: the records are those of one process,
    which embeds them itself."""
    embedded_here, submitted = [], []
    encode, submit = kg.match._encode_batch, kg.match.EmbeddingProcess.submit
    monkeypatch.setattr(kg.match, "_encode_batch", lambda ids: embedded_here.append(ids) or encode(ids))
    monkeypatch.setattr(kg.match.EmbeddingProcess, "submit",
                        lambda self, texts: submitted.append(texts) or submit(self, texts))
    texts = ["The mayor said the bridge would reopen in May.", "Officials said the bridge would reopen in May.",
             "The council said the budget would not balance."]
    records = {}
    for jobs in (2, 1):
        documents = [document_from_text(f"d{i}", text) for i, text in enumerate(texts)]
        records[jobs] = [to_dict(r) for r in extract_records(documents, jobs=jobs)]
        if jobs == 2:
            assert submitted and not embedded_here
    assert embedded_here and submitted[0] == ["the bridge would reopen in May", "the bridge would reopen in May",
                                              "the budget would not balance"]
    assert any(r["type"] == "group" for r in records[1]) and records[2] == records[1]


def test_words_with_a_curly_apostrophe_parse_alike_in_worker_processes(monkeypatch):
    """The model reads "O’Malley" as "O'Malley" (kg_plain_features) in a parsing process
    as it does here: the workers get texts, not tokens made here with the features unset."""
    norms = []
    extract = kg.pipeline.Pipeline.extract
    monkeypatch.setattr(kg.pipeline.Pipeline, "extract",
                        lambda self, document, doc: norms.append([t.norm_ for t in doc]) or extract(self, document, doc))
    texts = ["O’Brannigan said they’d be ready.", "D’Anconia didn’t say that."] * 3  # words no other test parses
    for processes in (2, 1):
        documents = [document_from_text(f"d{i}", text) for i, text in enumerate(texts)]
        list(kg.pipeline.Pipeline().run(documents, processes=processes))
    assert norms[0][0] == "o'brannigan" and norms[1][0] == "d'anconia"
    assert norms[:len(texts)] == norms[len(texts):]


def test_a_build_writes_no_outputs_unless_asked(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run_kg("build", corpus / "one", "--out", out)
    assert sorted(p.name for p in out.iterdir()) == ["store"]
    assert "store:" in result.stdout and "wrote" not in result.stdout


def test_exports_stream_every_graph_from_the_store(built: Path, store_env, tmp_path: Path):
    run_kg("export", "--format", "trig", "-o", tmp_path / "g.trig", env=store_env)
    ds = Dataset().parse(tmp_path / "g.trig", format="trig")
    assert sum(1 for g in ds.graphs() if "/graph/doc/" in str(g.identifier)) == 5
    assert any("/graph/tracking/group/" in str(g.identifier) for g in ds.graphs())
    turtle = run_kg("export", "--format", "ttl", env=store_env).stdout
    assert len(Graph().parse(data=turtle, format="turtle")) == len(Graph().parse(built / "graph.ttl", format="turtle"))
    nquads = run_kg("export", "--format", "nq", env=store_env).stdout
    assert len(Dataset().parse(data=nquads, format="nquads")) == len(ds)


def test_kg_query_does_not_import_spacy(tmp_path: Path):
    code = ("import sys; from click.testing import CliRunner; from kg.cli import cli; "
            "r = CliRunner().invoke(cli, ['query', 'ASK { ?s ?p ?o }', '--store', 'memory']); "
            "print(r.output.strip(), 'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["false", "False"]


def test_readers_read_the_snapshot_while_a_build_writes(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_kg("build", corpus / "one", "--out", out)
    store = out / "store"
    writer = open_store(f"oxigraph:{store}")  # holds the write lock, as a running build does
    try:
        with building(writer, store):
            assert snapshot_path(store).is_dir()
            assert count(store, "?d a cg:Document") == 1  # readers are not blocked
            with pytest.raises(StoreError, match=r"being written by kg build \(pid \d+"):
                open_store(f"oxigraph:{store}")  # a second writer is told who holds the store
    finally:
        writer.close()
    assert not snapshot_path(store).exists() and not (store / BUILD_NOTE).exists()


def test_an_interrupted_build_is_reported_and_repaired_by_the_next(corpus: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    run_kg("build", corpus / "one", "--out", out)
    store = out / "store"

    counts = "SELECT ?a ?n WHERE { ?a a cg:Aggregate ; cg:count ?n } ORDER BY ?a"
    counted_before = query(store, counts)

    def interrupted(*args):
        raise KeyboardInterrupt  # Ctrl-C after the documents were stored, before the counts and tracking

    with monkeypatch.context() as patch:
        patch.setattr(kg.builder, "update_aggregates", interrupted)
        with pytest.raises(KeyboardInterrupt):
            kg.builder.build([corpus / "two"], out=out)
    note = json.loads((store / BUILD_NOTE).read_text(encoding="utf-8"))
    (store / BUILD_NOTE).write_text(json.dumps({**note, "pid": dead_pid()}), encoding="utf-8")  # the process is gone

    claims_in_groups = "?c a cg:Claim . FILTER EXISTS { ?c cg:expresses ?g }"
    left = pyoxigraph.Store.read_only(str(store))  # the store as the interrupted build left it
    ungrouped = "SELECT ?c WHERE { ?c a <%s> FILTER NOT EXISTS { ?c <%s> ?g } }" % (CG.Claim, CG.expresses)
    assert len(list(left.query(ungrouped, use_default_graph_as_union=True))) == 1  # the new claim has no group
    del left
    (store / BUILD_NOTE).write_text(json.dumps({**note, "pid": dead_pid()}), encoding="utf-8")

    result = run_kg("query", "ASK { ?s ?p ?o }", "--store", f"oxigraph:{store}")
    assert "did not finish" in result.stderr and "recomputed" in result.stderr  # the next open repairs
    assert count(store, "?d a cg:Document") == 2  # both documents whole
    assert count(store, claims_in_groups) == count(store, "?c a cg:Claim") == 2
    unknown = "?c cg:claimant ?a . FILTER NOT EXISTS { GRAPH <https://w3id.org/claimgraph/graph/actors> { ?a rdfs:label ?l } }"
    assert count(store, unknown) == 0  # every claimant is in the actors graph
    run_kg("build", corpus / "one", corpus / "two", "--out", tmp_path / "fresh")
    counted = query(store, counts)
    assert counted != counted_before and counted == query(tmp_path / "fresh" / "store", counts)  # counts recounted
    assert "did not finish" not in run_kg("query", "ASK { ?s ?p ?o }", "--store", f"oxigraph:{store}").stderr
    assert "did not finish" not in run_kg("build", corpus / "one", "--out", out).stderr


def test_a_store_deleted_during_a_build_is_an_error(corpus: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    original = kg.builder.load_documents

    def deleting(ds, *args, **kwargs):
        original(ds, *args, **kwargs)
        shutil.rmtree(out / "store", ignore_errors=True)

    monkeypatch.setattr(kg.builder, "load_documents", deleting)
    result = run_kg("build", corpus / "one", "--out", out, ok=False)
    assert result.exit_code == 1 and "deleted or moved during the build" in result.stderr
    assert "built" not in result.stdout


def test_an_interrupted_first_build_is_rolled_back(corpus: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    store = out / "store"

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(kg.builder, "update_actors", interrupted)  # after the documents and their tracking
        with pytest.raises(KeyboardInterrupt):
            kg.builder.build([corpus / "one"], out=out)  # a first build bulk-loads, without transactions
    note = json.loads((store / BUILD_NOTE).read_text(encoding="utf-8"))
    assert note["bulk"] is True
    (store / BUILD_NOTE).write_text(json.dumps({**note, "pid": dead_pid()}), encoding="utf-8")
    result = run_kg("build", corpus / "two", "--out", out)
    assert "the store was emptied" in result.stderr
    assert [row["id"] for row in query(store, "SELECT ?id WHERE { ?d a cg:Document ; dcterms:identifier ?id }")] == ["two"]


@pytest.mark.slow
def test_a_killed_build_leaves_a_store_that_answers_consistently(tmp_path: Path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(150):
        (corpus / f"d{i:03}.txt").write_text(f"Angela Merkel said that France would build {i + 2} bridges.\n",
                                              encoding="utf-8")
    out = tmp_path / "out"
    store = out / "store"
    run_kg("build", corpus / "d000.txt", "--out", out, "-j", "1")  # the killed build is then not a first build
    build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "-j", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(1200):  # until the build has started writing
        if (store / BUILD_NOTE).exists() or build.poll() is not None:
            break
        time.sleep(0.05)
    time.sleep(1.5)  # a few batches in, on this machine (any moment must do: the checks below hold for all)
    build.send_signal(signal.SIGKILL)
    build.wait()

    result = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?d a cg:Document }", "--format", "csv",
                    "--store", f"oxigraph:{store}")
    documents = int(result.stdout.splitlines()[1])
    assert 1 <= documents <= 150
    if documents < 150:
        assert "did not finish" in result.stderr
    # every stored document is whole (its one claim), every claim is in a group, every claimant an actor
    assert count(store, "?c a cg:Claim") == documents
    assert count(store, "?c a cg:Claim . FILTER NOT EXISTS { ?c cg:expresses ?g }") == 0
    assert count(store, "?c cg:claimant ?a . FILTER NOT EXISTS { ?a rdfs:label ?l }") == 0
    assert "built 150 documents" in run_kg("build", corpus, "--out", out, "-j", "1").stdout
    assert count(store, "?c a cg:Claim . FILTER NOT EXISTS { ?c cg:expresses ?g }") == 0


def test_a_build_says_what_it_does_after_the_last_document_and_how_far_it_is(corpus: Path, tmp_path: Path):
    stages: dict[str, list[int]] = {}  # what is done: [of how many, how many counted]

    def stage(text: str, total: int):
        stages[text] = [total, 0]
        return lambda done: stages[text].__setitem__(1, stages[text][1] + done)

    kg.builder.build([corpus / "one"], out=tmp_path / "out", stage=stage)
    # her one claim; then a first build counts at its end: her stance on France, and the pair mentioned together
    tracking = {"tracking claims": [1, 1]}
    assert stages == {**tracking, "counting totals": [2, 2], "updating 2 actors": [0, 0]}  # Merkel and France
    stages.clear()
    kg.builder.build([corpus / "two"], out=tmp_path / "out", stage=stage)
    assert stages == {**tracking, "updating 3 actors": [0, 0]}  # a later build counts batch by batch


def test_a_first_build_loads_tracking_in_chunks_with_what_one_write_gives(weapons: Path, tmp_path: Path, monkeypatch):
    tracking = """SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o }
                  FILTER(STRSTARTS(STR(?g), "https://w3id.org/claimgraph/graph/tracking/")) } ORDER BY ?g ?s ?p ?o"""
    kg.builder.build([weapons], out=tmp_path / "whole")
    monkeypatch.setattr(kg.tracking_store, "WRITE_CHUNK", 1)  # one graph at a time
    kg.builder.build([weapons], out=tmp_path / "chunked")
    whole = query(tmp_path / "whole" / "store", tracking)
    assert whole == query(tmp_path / "chunked" / "store", tracking)
    graphs = {row["g"] for row in whole}
    assert len([g for g in graphs if "/group/" in g]) == 2 and len([g for g in graphs if "/doc/" in g]) == 3


def test_a_build_writes_the_actors_it_refers_to_in_chunks_with_what_one_write_gives(tmp_path: Path, monkeypatch):
    actors = "SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/claimgraph/graph/actors> { ?s ?p ?o } } ORDER BY ?s ?p ?o"
    kg.builder.build([SEEDS], out=tmp_path / "whole")
    monkeypatch.setattr(kg.builder, "ACTORS_CHUNK", 2)
    kg.builder.build([SEEDS], out=tmp_path / "chunked")
    whole = query(tmp_path / "whole" / "store", actors)
    assert len({row["s"] for row in whole}) > 10 and whole == query(tmp_path / "chunked" / "store", actors)


def test_long_articles_make_shorter_batches(monkeypatch):
    from kg.pipeline import DocumentResult
    from kg.records import DocumentRecord
    monkeypatch.setattr(kg.pipeline, "BATCH", 4)
    monkeypatch.setattr(kg.pipeline, "BATCH_CHARS", 100)
    lengths = [10, 10, 10, 10, 10, 60, 50, 5, 200, 10]
    results = [DocumentResult(DocumentRecord(doc=f"d{i}"), "x" * n) for i, n in enumerate(lengths)]
    summary = kg.builder.BuildSummary()
    sizes = [[len(r.text) for r in batch] for batch in kg.builder.batches(results, summary)]
    # four short ones fill a batch by count; then by characters: 10 + 60 + 50 passes 100
    assert sizes == [[10, 10, 10, 10], [10, 60, 50], [5, 200], [10]]
    assert summary.documents == 10


def test_a_run_shows_its_stages_with_rate_and_time_left_on_a_terminal_only(corpus: Path, tmp_path: Path):
    import fcntl
    import os
    import pty
    import struct
    import termios

    def stderr_of(command: list[str], terminal: bool) -> str:
        if not terminal:
            return subprocess.run(command, capture_output=True, text=True, check=True).stderr
        main, side = pty.openpty()
        fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a terminal 120 wide
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=side)
        os.close(side)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the command ended and closed its side
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait() == 0
        os.close(main)
        return b"".join(chunks).decode("utf-8", "replace")

    kg_command = [sys.executable, "-m", "kg"]
    shown = stderr_of([*kg_command, "extract", "-j", "1", str(corpus / "one")], terminal=True)
    assert "1/1" in shown and "doc/s" in shown  # the documents, with their rate
    assert "tracking claims" in shown  # then what tracking does
    assert "/1 [00:00<" in shown.split("tracking claims")[-1]  # of how many, with the time taken and left
    assert stderr_of([*kg_command, "extract", "-j", "1", str(corpus / "one")], terminal=False) == ""
