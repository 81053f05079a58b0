"""Build speed per page: saved web pages against plain .txt of the same articles.

Builds the pages of a folder (``kg build`` as a library call, memory store, no exports),
then the same articles as .txt files (each page's extracted text, written out first), and
prints the time per page of each and their ratio; also the time of reading alone (the
page extraction with trafilatura against reading the .txt files).

    python tests/bench/ingest_bench.py [FOLDER] [--repeat N]

FOLDER defaults to ../shared/bench/html-dev.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kg import nlp
from kg.builder import build
from kg.ingest import read_documents

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared" / "bench" / "html-dev"


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def best_of(repeat: int, *runs) -> list[float]:
    """The fastest of ``repeat`` rounds of each run, in seconds; the runs take turns in each
    round, so that other work on the machine slows them alike."""
    times = [[timed(run) for run in runs] for _ in range(repeat)]
    return [min(column) for column in zip(*times)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = list(read_documents([args.folder]))
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts"
        texts.mkdir()
        for doc in pages:
            (texts / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
        nlp.load(None)  # load the model once, outside the timings
        n = len(pages)
        read_html, read_txt = best_of(args.repeat, lambda: list(read_documents([args.folder])),
                                      lambda: list(read_documents([texts])))
        build_html, build_txt = best_of(
            args.repeat, lambda: build([args.folder], store="memory", out=Path(tmp) / "o", outputs=False),
            lambda: build([texts], store="memory", out=Path(tmp) / "o", outputs=False))
    chars = sum(len(doc.text) for doc in pages)
    print(f"{n} pages, {chars:,} characters of article text, best of {args.repeat}")
    print(f"read:  html {1000 * read_html / n:7.1f} ms/page   txt {1000 * read_txt / n:7.1f} ms/page")
    print(f"build: html {1000 * build_html / n:7.1f} ms/page   txt {1000 * build_txt / n:7.1f} ms/page   "
          f"ratio {build_html / build_txt:.2f}")


if __name__ == "__main__":
    main()
