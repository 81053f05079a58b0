"""Benchmark: time to a settled render of a synthetic 1,000-node graph in headless Chromium.

Run with ``make bench`` or ``.venv/bin/python tests/bench/view_bench.py [--nodes N]``.
It builds a scale-free graph of actors and claims with labelled edges and evidence,
renders it with :func:`kg.views.render_html`, opens the page offline in Debian's chromium
and reports, for each run, the milliseconds from navigation start until the layout has
settled and stopped moving (the page's ``kgSettleMs``), and where they went: loading the
page, building the network, running the layout. The aim is under 3 s.
This is a measurement, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

from kg.graphs import Evidence  # noqa: E402
from kg.views import render_html  # noqa: E402

KINDS = ["Person", "Organization", "Country", "Group", "claim:direct", "claim:indirect"]
AIM_MS = 3000


def synthetic_graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """``n`` nodes, about 2n edges, hubs and leaves like a news corpus (Barabási–Albert)."""
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    for node in base:
        g.add_node(f"n{node}", label=f"Actor number {node}", kind=KINDS[node % len(KINDS)], claims=node % 4)
    for u, v in base.edges():
        proof = Evidence(f"Actor {u} met actor {v} on Tuesday, the article says.", f"doc{u % 50}",
                         f"Article {u % 50}", "2024-05-16")
        g.add_edge(f"n{u}", f"n{v}", kind="relation", label="meet", weight=1 + (u + v) % 3, evidence=[proof])
    return g


def settle_times(html: Path, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
            for _ in range(runs):
                page = context.new_page()
                page.goto(html.as_uri())
                page.wait_for_selector("body[data-settled=true]", timeout=120_000)
                times.append(page.evaluate("[kgStartMs, kgDrawnMs, kgSettleMs]"))
                page.close()
        finally:
            browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if chromium_path() is None:
        print("view bench skipped: no Chromium installed (apt-get install chromium)")
        return
    g = synthetic_graph(args.nodes)
    started = time.perf_counter()
    page = render_html(g, f"synthetic {args.nodes}-node graph")
    render_ms = (time.perf_counter() - started) * 1000
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "bench.html"
        html.write_text(page, encoding="utf-8")
        times = settle_times(html, args.runs)
    settled = [t[2] for t in times]
    median = statistics.median(settled)
    print(f"view bench: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
          f"page {len(page) / 1e6:.1f} MB written by Python in {render_ms:.0f} ms")
    print(f"  settled render in headless Chromium: median {median:.0f} ms "
          f"(runs: {', '.join(f'{t:.0f}' for t in settled)}); aim < {AIM_MS} ms: "
          f"{'met' if median < AIM_MS else 'NOT met'}")
    print("  of which: page and vis-network loaded "
          f"{statistics.median(t[0] for t in times):.0f} ms, network built "
          f"{statistics.median(t[1] - t[0] for t in times):.0f} ms, layout "
          f"{statistics.median(t[2] - t[1] for t in times):.0f} ms (medians)")


if __name__ == "__main__":
    main()
