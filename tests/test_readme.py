"""The README's examples run: every `kg query '...'`, `kg query --name ...` and `kg claims
...` example answers with exactly the output shown under it, over the seeds."""

from __future__ import annotations

import re
import shlex

from conftest import ROOT, run_kg

README = (ROOT / "README.md").read_text(encoding="utf-8")
SHOWN = r"\n```\s*```text\n(.*?)```"


def query_examples() -> list[tuple[list[str], str]]:
    """(kg arguments, the output block shown after them) for each example with an output."""
    sparql = [(["query", query], shown)
              for query, shown in re.findall(r"```sh\nkg query '(.*?)'" + SHOWN, README, re.DOTALL)]
    named = [(shlex.split(line)[1:], shown)
             for line, shown in re.findall(r"```sh\n(kg (?:query --name|claims)[^\n]*)" + SHOWN, README, re.DOTALL)]
    return sparql + named


def test_readme_has_query_examples():
    commands = {args[0] if args[0] != "query" or "--name" not in args else "named" for args, _ in query_examples()}
    assert commands == {"query", "named", "claims"}


def test_readme_queries_answer_what_the_readme_shows(store_env):
    for args, shown in query_examples():
        assert run_kg(*args, env=store_env).stdout.strip() == shown.strip(), args


def test_readme_python_example_prints_what_it_shows(tmp_path, monkeypatch, capsys):
    """The "From Python" example, run where `make run` runs (a folder with seeds/)."""
    section = README.split("## From Python", 1)[1].split("\n## ", 1)[0]
    [(code, shown)] = re.findall(r"```python\n(.*?)```\s*```text\n(.*?)```", section, re.DOTALL)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out == shown
