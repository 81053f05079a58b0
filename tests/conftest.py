"""Shared fixtures: the seeds, a CLI runner, and one build of the seeds per session."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run_kg(*args: str, ok: bool = True, env: dict | None = None):
    """Run the real ``kg`` command in-process; by default insist that it succeeds."""
    result = CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output + result.stderr
    return result


def query(store: Path, sparql: str) -> list[dict]:
    """The rows of a SPARQL query run with ``kg query`` on the on-disk store ``store``."""
    return json.loads(run_kg("query", sparql, "--format", "json", "--store", f"oxigraph:{store}").stdout)


def count(store: Path, pattern: str) -> int:
    return query(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")[0]["n"]


WEAPONS = {  # two articles say the same thing, a third denies it
    "a": "Angela Merkel said that the army used chemical weapons in the city.",
    "b": "Joe Biden said that the army used chemical weapons in the city.",
    "c": "The ministry denied that the army used chemical weapons in the city.",
}


@pytest.fixture
def weapons(tmp_path: Path) -> Path:
    """A folder of the three ``WEAPONS`` articles."""
    folder = tmp_path / "weapons"
    folder.mkdir()
    for name, text in WEAPONS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_records() -> list[dict]:
    """``kg extract --jsonl seeds/`` parsed."""
    return jsonl(run_kg("extract", "--jsonl", SEEDS).stdout)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """An output folder holding ``kg build seeds/`` (on-disk store, exports, views)."""
    out = tmp_path_factory.mktemp("built") / "out"
    result = run_kg("build", SEEDS, "--out", out, "--outputs")
    assert "built 5 documents" in result.stdout
    return out


@pytest.fixture
def store_env(built) -> dict:
    return {"KG_STORE": f"oxigraph:{built / 'store'}"}


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A copy of the seeds that a test may change."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def extract_text(text: str, doc_id: str = "doc"):
    """Run the whole extraction pipeline on one text; returns (result, pipeline)."""
    from kg.ingest import document_from_text
    from kg.pipeline import Pipeline

    pipeline = Pipeline()
    [result] = pipeline.run([document_from_text(doc_id, text)])
    return result, pipeline
