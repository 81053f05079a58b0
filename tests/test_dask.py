"""``kg build --executor dask``: a local Dask cluster of 2 workers parses, and the store is
exactly the one a single process builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS, run_kg

distributed = pytest.importorskip("distributed")


def nquads(store: Path) -> list[str]:
    text = run_kg("export", "--format", "nq", "--store", f"oxigraph:{store}").stdout
    return sorted(line for line in text.splitlines() if line.strip())


def test_a_dask_cluster_builds_exactly_the_single_process_store(tmp_path: Path):
    run_kg("build", SEEDS, "-j", "1", "--out", tmp_path / "local")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = run_kg("build", SEEDS, "--executor", "dask", "--scheduler", cluster.scheduler_address,
                        "--out", tmp_path / "dask")
    assert "built 5 documents" in result.stdout
    local, dask = nquads(tmp_path / "local" / "store"), nquads(tmp_path / "dask" / "store")
    assert len(local) > 10_000 and dask == local


def test_dask_needs_a_scheduler(tmp_path: Path):
    result = run_kg("build", SEEDS, "--executor", "dask", "--out", tmp_path / "out", ok=False)
    assert result.exit_code == 2 and "--scheduler" in result.output


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path):
    result = run_kg("build", SEEDS / "002_418559a313f8507d.txt", "--executor", "dask",
                    "--scheduler", "tcp://127.0.0.1:9", "--out", tmp_path / "out", ok=False)
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.stderr
