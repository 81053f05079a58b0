"""The README's examples run: every `kg query '...'` example answers with the columns shown."""

from __future__ import annotations

import re

from conftest import ROOT, run_kg

README = (ROOT / "README.md").read_text(encoding="utf-8")


def query_examples() -> list[tuple[str, str]]:
    """(query, the output block shown after it) for each `kg query '...'` example."""
    pattern = re.compile(r"```sh\nkg query '(.*?)'\n```\s*```text\n(.*?)```", re.DOTALL)
    return pattern.findall(README)


def test_readme_has_query_examples():
    assert query_examples()


def test_readme_queries_run_with_the_shown_columns(store_env):
    for query, shown in query_examples():
        output = run_kg("query", query, env=store_env).stdout
        assert output.splitlines()[0].split() == shown.splitlines()[0].split()
        assert output.splitlines()[-1] == shown.strip().splitlines()[-1]  # the row count

