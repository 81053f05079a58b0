"""``kg serve``: a read-only SPARQL 1.1 endpoint over the store, with the views beside it.

The SPARQL protocol is answered by the Oxigraph server (``oxigraph serve-read-only``,
from the ``oxigraph`` package) over the union of all named graphs; a small front server
on 127.0.0.1 passes ``/query`` to it, serves the HTML views at ``/actors.html`` and
``/claims.html``, and refuses every write (``/update``, and any POST, PUT, DELETE or
PATCH elsewhere) with ``403 Forbidden``.

Oxigraph's read-only mode takes no lock: another process may open the same store for
writing while it runs, and Oxigraph calls reading a store that another process writes
undefined behaviour. So the server never reads the store itself: it serves a snapshot,
made with Oxigraph's backup (hard links, so it is cheap) while holding the store's write
lock for a moment, and removed when the server stops. ``kg build`` can go on adding to
the store meanwhile; restart ``kg serve`` to serve the new state. If a build is writing
the store when ``kg serve`` starts, it stops with an error instead of copying a store
in the middle of a write.
"""

from __future__ import annotations

import ctypes
import html
import http.client
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph

from .store import open_store
from .views import VIEWS, build_view

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
QUERY_TIMEOUT_S = 60
START_TIMEOUT_S = 30
FORWARDED_REQUEST_HEADERS = ("Accept", "Content-Type")
FORWARDED_RESPONSE_HEADERS = ("Content-Type",)


class ServeError(RuntimeError):
    """The endpoint cannot start."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` server installed beside this Python (the ``oxigraph`` package), or on PATH."""
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6'")
    return found


def snapshot(store_dir: Path, target: Path) -> None:
    """Copy the store at ``store_dir`` into the new directory ``target``, consistently.

    The store is opened for writing (so a build in progress is detected, not copied
    half-way) and backed up; the backup shares unchanged files with the store by hard links.
    """
    try:
        store = pyoxigraph.Store(str(store_dir))
    except OSError as err:
        if "lock" in str(err).lower():
            raise ServeError(f"the store at {store_dir} is being written by another process "
                             "(a kg build?): try again when it has finished") from None
        raise ServeError(f"cannot open the store at {store_dir}: {err}") from None
    try:
        store.backup(str(target))
    except OSError as err:
        raise ServeError(f"cannot snapshot the store at {store_dir}: {err}") from None
    finally:
        del store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: be sent SIGTERM when the parent dies (Linux), so no server is left behind."""
    try:
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Endpoint:
    """The running endpoint: a snapshot, the Oxigraph server and the front server.

    Use as a context manager; :meth:`serve_forever` answers requests until interrupted.
    """

    def __init__(self, store_dir: str | Path, port: int = DEFAULT_PORT) -> None:
        self.store_dir = Path(store_dir)
        self.port = port
        self.pages: dict[str, bytes] = {}
        self.process: subprocess.Popen | None = None
        self.server: ThreadingHTTPServer | None = None
        self.workdir: Path | None = None
        self.backend = ""

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    def __enter__(self) -> "Endpoint":
        if not self.store_dir.is_dir():
            raise ServeError(f"no store at {self.store_dir}: run 'kg build' first or pass --store")
        try:
            self.workdir = Path(tempfile.mkdtemp(prefix=".kg-serve-", dir=self.store_dir.parent))
        except OSError:
            self.workdir = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        try:
            snapshot(self.store_dir, self.workdir / "snapshot")
            self.start_oxigraph()
            self.render_views()
            self.server = ThreadingHTTPServer((HOST, self.port), FrontHandler)
        except BaseException:
            self.close()
            raise
        self.server.daemon_threads = True
        self.server.endpoint = self
        self.pages["/"] = self.index_page().encode("utf-8")
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start_oxigraph(self) -> None:
        port = free_port()
        self.backend = f"{HOST}:{port}"
        command = [oxigraph_binary(), "serve-read-only", "--location", str(self.workdir / "snapshot"),
                   "--bind", self.backend, "--union-default-graph", "--timeout-s", str(QUERY_TIMEOUT_S)]
        log = open(self.workdir / "oxigraph.log", "wb")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                message = (self.workdir / "oxigraph.log").read_text(errors="replace").strip().splitlines()
                raise ServeError(f"the oxigraph server stopped: {message[-1] if message else 'no message'}")
            try:
                status, _, _ = self.ask("GET", "/query?" + urllib.parse.urlencode({"query": "ASK {}"}),
                                        headers={"Accept": "application/sparql-results+json"})
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise ServeError(f"the oxigraph server did not answer within {START_TIMEOUT_S} s")

    def render_views(self) -> None:
        """The views, drawn from the endpoint itself (so they show exactly what it serves)."""
        ds = open_store(f"http://{self.backend}/query")
        try:
            for which in VIEWS:
                self.pages[f"/{which}.html"] = build_view(ds, which).encode("utf-8")
        finally:
            ds.close()

    def index_page(self) -> str:
        links = "".join(f'<li><a href="{w}.html">{w} view</a></li>' for w in VIEWS)
        return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>claimgraph endpoint</title>'
                f"</head><body><h1>claimgraph: read-only SPARQL endpoint</h1>"
                f"<p>Serving a snapshot of <code>{html.escape(str(self.store_dir))}</code>.</p>"
                f"<ul>{links}</ul><p>SPARQL 1.1 protocol at <code>/query</code> (GET or POST), over all "
                f"graphs; results as JSON, XML, CSV or TSV by the Accept header. Updates are refused.</p>"
                f"<pre>curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5' "
                f"{html.escape(self.url)}query</pre></body></html>")

    def ask(self, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """Send one request to the Oxigraph server; returns status, headers and body."""
        connection = http.client.HTTPConnection(self.backend, timeout=QUERY_TIMEOUT_S + 5)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def serve_forever(self) -> None:
        self.server.serve_forever(poll_interval=0.2)

    def close(self) -> None:
        if self.server is not None:
            self.server.server_close()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


class FrontHandler(BaseHTTPRequestHandler):
    """``/query`` to Oxigraph, the views as pages, every write refused."""

    server_version = "claimgraph"
    protocol_version = "HTTP/1.1"

    @property
    def endpoint(self) -> Endpoint:
        return self.server.endpoint

    def do_GET(self) -> None:
        self.answer(head=False)

    def do_HEAD(self) -> None:
        self.answer(head=True)

    def do_POST(self) -> None:
        if urllib.parse.urlsplit(self.path).path == "/query":
            self.forward()
        else:
            self.refuse()

    do_PUT = do_DELETE = do_PATCH = lambda self: self.refuse()

    def answer(self, head: bool) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path == "/query" and not head:
            self.forward()
        elif path in self.endpoint.pages:
            content_type = "text/html; charset=utf-8"
            self.send(200, self.endpoint.pages[path], {"Content-Type": content_type}, head=head)
        elif path == "/update":
            self.refuse()
        else:
            self.send(404, b"not found\n", {"Content-Type": "text/plain; charset=utf-8"}, head=head)

    def forward(self) -> None:
        body = self.read_body()
        if self.is_update(body):
            self.refuse(drain=False)
            return
        headers = {name: self.headers[name] for name in FORWARDED_REQUEST_HEADERS if self.headers.get(name)}
        try:
            status, answer_headers, answer = self.endpoint.ask(self.command, self.path, body, headers)
        except OSError as err:
            self.send(502, f"the SPARQL server did not answer: {err}\n".encode(), {"Content-Type": "text/plain"})
            return
        kept = {name: value for name, value in answer_headers.items() if name.title() in FORWARDED_RESPONSE_HEADERS}
        self.send(status, answer, kept)

    def read_body(self) -> bytes | None:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else None

    def is_update(self, body: bytes | None) -> bool:
        """An update sent to /query: as a SPARQL update body, or an ``update`` parameter."""
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            return True
        fields = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        if content_type == "application/x-www-form-urlencoded" and body:
            fields.update(urllib.parse.parse_qs(body.decode("utf-8", "replace")))
        return "update" in fields

    def refuse(self, drain: bool = True) -> None:
        if drain:
            self.read_body()  # so that the connection can carry the next request
        self.send(403, b"kg serve is read-only: updates and other writes are refused\n",
                  {"Content-Type": "text/plain; charset=utf-8"})

    def send(self, status: int, body: bytes, headers: dict[str, str], head: bool = False) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")
