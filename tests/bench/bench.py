"""Benchmarks (``make bench``): how much each extraction stage adds to the spaCy parse.

Parses a corpus once (timed), then times each stage over the parsed documents, and
prints every stage's time as a share of the parse time. Targets: claim extraction and
triple extraction each add at most 10% to the parse.

    python tests/bench/bench.py [PATH ...] [--repeat N]

PATH defaults to seeds/ and, where present, ../shared/bench/polnear-dev/text.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg import extensions, nlp  # noqa: F401 (extensions: doc._.document)
from kg.actors import ActorResolver
from kg.claims import extract_claims
from kg.ingest import read_documents
from kg.triples import extract_triples

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATHS = [ROOT / "seeds", ROOT.parent / "shared" / "bench" / "polnear-dev" / "text"]
TARGET = 0.10


def best_of(repeat: int, run) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = args.paths or [p for p in DEFAULT_PATHS if p.exists()]
    documents = list(read_documents(paths))
    pipe = nlp.load()
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(documents)} documents, {words} words ({', '.join(map(str, paths))})")

    parse_time = best_of(args.repeat, lambda: list(pipe.pipe(texts, batch_size=nlp.BATCH_SIZE)))
    docs = list(pipe.pipe(texts, batch_size=nlp.BATCH_SIZE))
    for document, doc in zip(documents, docs):
        doc._.document = document

    def resolve():
        resolver = ActorResolver()
        return [resolver.resolve(d, doc) for d, doc in zip(documents, docs)]

    actors = resolve()
    claims = [extract_claims(doc, a) for doc, a in zip(docs, actors)]
    stages = {
        "actors": lambda: resolve(),
        "claims": lambda: [extract_claims(doc, a) for doc, a in zip(docs, actors)],
        "triples": lambda: [extract_triples(doc, a, c) for doc, a, c in zip(docs, actors, claims)],
    }
    print(f"{'stage':<10}{'seconds':>10}{'share of parse':>16}  target")
    print(f"{'parse':<10}{parse_time:>10.3f}{1:>16.1%}")
    for name, run in stages.items():
        seconds = best_of(args.repeat, run)
        share = seconds / parse_time
        target = f"<= {TARGET:.0%} {'ok' if share <= TARGET else 'MISSED'}" if name in {"claims", "triples"} else ""
        print(f"{name:<10}{seconds:>10.3f}{share:>16.1%}  {target}")


if __name__ == "__main__":
    main()
