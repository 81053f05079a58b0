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
