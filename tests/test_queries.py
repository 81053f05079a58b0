"""Named queries: every shipped query runs; parameters are typed and bound, never pasted."""

from __future__ import annotations

import json
import shlex

import pytest

from conftest import run_kg
from kg.query import named_queries

HOSTILE = [
    'x" } UNION { ?s ?p ?o } #',
    "} UNION { ?s ?p ?o }",
    "{{ }}",
    "'; DROP ALL; #",
    '\\" . } INSERT DATA { <urn:a> <urn:b> <urn:c> } #',
    "line\nbreak\"\"\"",
    "<script>alert(1)</script>",
]


def rows(*args, env) -> list[dict]:
    return json.loads(run_kg("query", *args, "--format", "json", env=env).stdout)


def triple_count(env) -> int:
    return rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", env=env)[0]["n"]


def test_at_least_twelve_documented_queries():
    queries = named_queries()
    assert len(queries) >= 12
    for query in queries.values():
        assert query.description and query.example.startswith(f"kg query --name {query.name}")


def test_list_shows_every_query_with_its_parameters():
    text = run_kg("query", "--list").stdout
    for name, query in named_queries().items():
        assert name in text
        for param in query.params:
            assert f"--param {param.usage()}" in text


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_runs_its_own_example(name: str, store_env):
    args = shlex.split(named_queries()[name].example)[2:]  # after "kg query"
    result = run_kg("query", *args, env=store_env)
    assert result.stdout.splitlines()[0].strip()


def test_claims_by_actor_over_time(store_env):
    found = rows("--name", "claims-by", "--param", "actor=Putin", env=store_env)
    dates = [r["date"] for r in found]
    assert len(found) >= 5 and dates == sorted(dates)
    later = rows("--name", "claims-by", "--param", "actor=Putin", "--param", "since=2024-01-01", env=store_env)
    assert 0 < len(later) < len(found) and all(r["date"] >= "2024-01-01" for r in later)


def test_documents_mentioning_an_actor(store_env):
    found = rows("--name", "documents-mentioning", "--param", "actor=NATO", env=store_env)
    assert len(found) >= 2 and all(r["mentions"] >= 1 for r in found)


def test_unnamed_sources_leave_out_lone_pronouns(store_env):
    found = rows("--name", "unnamed-sources", env=store_env)
    sources = {r["source"] for r in found}
    assert {"experts", "a US official"} <= sources
    assert not sources & {"he", "she", "they", "who"}  # unresolved pronouns, not unnamed sources


def test_evidence_of_a_claim_gives_its_sentence_and_offsets(store_env, seeds):
    claim = rows("SELECT ?id WHERE { ?c a cg:Claim ; dcterms:identifier ?id ; cg:kind 'direct' } LIMIT 1",
                 env=store_env)[0]["id"]
    [evidence] = rows("--name", "evidence", "--param", f"id={claim}", env=store_env)
    text = (seeds / f"{evidence['document']}.txt").read_text(encoding="utf-8")
    assert text[evidence["start"]:evidence["end"]].strip() == evidence["sentence"]
    assert text[evidence["what_start"]:evidence["what_end"]] == evidence["what"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_values_are_bound_as_literals(store_env, value: str):
    before = triple_count(store_env)
    assert rows("--name", "first-appearance", "--param", f"text={value}", env=store_env) == []
    assert rows("--name", "evidence", "--param", f"id={value}", env=store_env) == []
    assert triple_count(store_env) == before


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_actor_names_find_no_actor(store_env, value: str):
    result = run_kg("query", "--name", "claims-about", "--param", f"actor={value}", ok=False, env=store_env)
    assert result.exit_code == 1 and "no actor is called" in result.output


@pytest.mark.parametrize("args, message", [
    (["--name", "nope"], "no named query 'nope'"),
    (["--name", "claims-about"], "needs --param actor="),
    (["--name", "claims-by-kind", "--param", "kind=rumour"], "must be one of direct, indirect, mixed"),
    (["--name", "claims-between", "--param", "since=last week"], "must be a date"),
    (["--name", "widely-reported", "--param", "min_sources=two"], "must be a whole number"),
    (["--name", "widely-reported", "--param", "colour=red"], "has no parameter colour"),
])
def test_parameter_errors_are_one_line(store_env, args, message):
    result = run_kg("query", *args, ok=False, env=store_env)
    assert result.exit_code == 1 and message in result.output and result.output.count("\n") == 1


def test_param_needs_name_and_equals(store_env):
    assert run_kg("query", "--name", "contradictions", "--param", "oops", ok=False, env=store_env).exit_code == 2
    assert run_kg("query", "ASK {}", "--param", "a=b", ok=False, env=store_env).exit_code == 2


def test_a_named_query_shows_a_page_and_says_how_to_see_the_next(store_env):
    every = run_kg("query", "--name", "relation-network", "--limit", "0", env=store_env).stdout.splitlines()
    total = len(every) - 3  # header, rule, row count
    assert total > 4 and every[-1] == f"({total} rows)"
    first = run_kg("query", "--name", "relation-network", "--limit", "2", env=store_env).stdout.splitlines()
    assert [r.split() for r in first[2:4]] == [r.split() for r in every[2:4]]
    assert first[-1] == "(rows 1-2; more with --offset 2)"
    second = run_kg("query", "--name", "relation-network", "--limit", "2", "--offset", "2", env=store_env).stdout
    assert [r.split() for r in second.splitlines()[2:4]] == [r.split() for r in every[4:6]]
    last = run_kg("query", "--name", "relation-network", "--offset", str(total - 1), env=store_env).stdout
    assert last.splitlines()[-1] == f"(rows {total}-{total})"
    beyond = run_kg("query", "--name", "relation-network", "--offset", str(total + 5), env=store_env).stdout
    assert beyond.splitlines()[-1] == "(0 rows)"
    rows = run_kg("claims", "--limit", "1", "--format", "json", env=store_env)
    assert len(json.loads(rows.stdout)) == 1 and "more with --offset 1" in rows.stderr


def test_limit_on_a_sparql_query_says_how_many_rows_there_are(store_env):
    rows = run_kg("query", "SELECT ?c WHERE { ?c a cg:Claim }", "--limit", "2", env=store_env).stdout.splitlines()
    assert rows[-1].startswith("(2 of ") and len(rows) == 5
    assert run_kg("query", "ASK {}", "--offset", "2", ok=False, env=store_env).exit_code == 2


