"""``kg serve``: a read-only SPARQL 1.1 endpoint over the store, with the explorer and the
views beside it.

The SPARQL protocol is answered by the Oxigraph server (``oxigraph serve-read-only``,
from the ``oxigraph`` package) over the union of all named graphs; a small front server
on 127.0.0.1 passes ``/query`` to it, serves the explorer (:mod:`kg.explorer`, which
reads the store through ``/query`` like any client) at ``/``, the HTML views at
``/actors.html`` and ``/claims.html``, and refuses every write (``/update``, and any POST, PUT, DELETE or
PATCH elsewhere) with ``403 Forbidden``.

Oxigraph's read-only mode takes no lock: another process may open the same store for
writing while it runs, and Oxigraph calls reading a store that another process writes
undefined behaviour. So the server never reads the store itself: it serves a snapshot,
made with Oxigraph's backup (hard links, so it is cheap) while holding the store's write
lock for a moment, and removed when the server stops. ``kg build`` can go on adding to
the store meanwhile; restart ``kg serve`` to serve the new state. If a build is writing
the store when ``kg serve`` starts, it stops with an error instead of copying a store
in the middle of a write. A store this user cannot write (a read-only folder) cannot be
written by a build of theirs either: it is served in place, read-only, without a snapshot.

The front server is built to be safe on a laptop: it answers only requests whose
``Host`` (and ``Origin``, when sent) is the address it listens on, so a web page cannot
reach it through DNS rebinding; it refuses ``SERVICE`` (federated queries), so the
endpoint never sends requests elsewhere; it parses requests strictly (a missing, negative
or malformed ``Content-Length`` is a ``400``, chunked bodies are refused) and limits the
size of the request line, the headers (32 KB) and the body (1 MB); it closes a connection
idle for 30 seconds and serves at most 32 connections at once. The Oxigraph server behind
it listens on a random loopback address and port that only the front server knows.
"""

from __future__ import annotations

import ctypes
import http.client
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph

from .query import terminal_safe
from .explorer import served_explorer
from .store import open_store, process_alive
from .views import VIEWS, build_view

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
QUERY_TIMEOUT_S = 60
START_TIMEOUT_S = 30
FORWARDED_REQUEST_HEADERS = ("Accept", "Content-Type")
FORWARDED_RESPONSE_HEADERS = ("Content-Type",)
IDLE_TIMEOUT_S = 30
MAX_BODY = 1_000_000
MAX_HEADERS = 32_000
MAX_CONNECTIONS = 32
WORKDIR_PREFIX = ".kg-serve-"


class ServeError(RuntimeError):
    """The endpoint cannot start."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` server installed beside this Python (the ``oxigraph`` package), or on PATH."""
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6'")
    return found


def writable(store_dir: Path) -> bool:
    """Whether this user may write the store (else nobody of theirs can be writing it)."""
    return os.access(store_dir, os.W_OK) and all(os.access(f, os.W_OK) for f in store_dir.iterdir())


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


def make_workdir(store_dir: Path) -> Path:
    """A new folder for the snapshot, beside the store (or in the system's temporary folder),
    named after this process so that a later server can tell when it was left behind."""
    prefix = f"{WORKDIR_PREFIX}{os.getpid()}-"
    for parent in (store_dir.parent, Path(tempfile.gettempdir())):
        try:
            return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        except OSError:
            continue
    raise ServeError(f"cannot create a folder for the snapshot beside {store_dir} or in {tempfile.gettempdir()}")


def remove_stale_workdirs(store_dir: Path) -> list[Path]:
    """Remove the snapshot folders of servers that were killed (their process is gone).

    >>> remove_stale_workdirs(Path("/nonexistent/store"))
    []
    """
    removed = []
    for parent in (store_dir.parent, Path(tempfile.gettempdir())):
        try:
            found = list(parent.glob(WORKDIR_PREFIX + "*"))
        except OSError:
            continue
        for folder in found:
            pid = folder.name.removeprefix(WORKDIR_PREFIX).split("-", 1)[0]
            if pid.isdigit() and not process_alive(int(pid)):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


def backend_host() -> str:
    """A random loopback address (all of 127.0.0.0/8 is local on Linux), else 127.0.0.1.

    A page using DNS rebinding would have to guess it as well as the port.
    """
    host = f"127.{random.randrange(1, 255)}.{random.randrange(1, 255)}.{random.randrange(2, 255)}"
    try:
        with socket.socket() as sock:
            sock.bind((host, 0))
        return host
    except OSError:
        return HOST


def free_port(host: str = HOST) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
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

    def __init__(self, store_dir: str | Path, port: int = DEFAULT_PORT, idle_timeout: float = IDLE_TIMEOUT_S) -> None:
        self.store_dir = Path(store_dir)
        self.port = port
        self.idle_timeout = idle_timeout
        self.pages: dict[str, bytes] = {}
        self.process: subprocess.Popen | None = None
        self.server: FrontServer | None = None
        self.workdir: Path | None = None
        self.location: Path | None = None
        self.backend = ""
        self.removed: list[Path] = []
        self.hosts: set[str] = set()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    @property
    def in_place(self) -> bool:
        """Whether the store is served as it is (a store this user cannot write)."""
        return self.location == self.store_dir

    def __enter__(self) -> "Endpoint":
        if not self.store_dir.is_dir():
            raise ServeError(f"no store at {self.store_dir}: run 'kg build' first or pass --store")
        self.removed = remove_stale_workdirs(self.store_dir)
        self.workdir = make_workdir(self.store_dir)
        try:
            if writable(self.store_dir):
                self.location = self.workdir / "snapshot"
                snapshot(self.store_dir, self.location)
            else:
                self.location = self.store_dir
            self.start_oxigraph()
            self.render_views()
            self.server = FrontServer((HOST, self.port), FrontHandler)
        except BaseException:
            self.close()
            raise
        self.server.endpoint = self
        self.hosts = allowed_hosts(self.server.server_address[1])
        self.pages["/"] = served_explorer().encode("utf-8")
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start_oxigraph(self) -> None:
        host = backend_host()
        self.backend = f"{host}:{free_port(host)}"
        command = [oxigraph_binary(), "serve-read-only", "--location", str(self.location),
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


def allowed_hosts(port: int) -> set[str]:
    """The ``Host`` values a browser sends for this server (any other means DNS rebinding).

    >>> sorted(allowed_hosts(7878))
    ['127.0.0.1:7878', 'localhost:7878']
    """
    return {f"{HOST}:{port}", f"localhost:{port}"} | ({HOST, "localhost"} if port == 80 else set())


SPARQL_TOKEN = re.compile(r"""
    (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<string>'{3}(?:[^'\\]|\\.|'(?!''))*'{3}|"{3}(?:[^"\\]|\\.|"(?!""))*"{3}|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<comment>\#[^\n]*)
  | (?P<word>[^\s<>"'{}()\[\];,\#]+)
  | (?P<other>.)""", re.VERBOSE | re.DOTALL)
CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _codepoint(match: re.Match) -> str:
    value = int(match.group(1) or match.group(2), 16)
    return chr(value) if value < 0x110000 else match.group(0)


def uses_service(query: str) -> bool:
    """Whether a SPARQL query has a ``SERVICE`` clause (a federated query), read as the
    parser reads it: not in a string, an IRI or a comment, and after ``\\u`` escapes.

    >>> uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service("SELECT * { ?s <http://example.org/service> 'SERVICE' } # SERVICE")
    False
    >>> uses_service("SELECT * { \\\\u0053ERVICE<http://x/> { ?s ?p ?o } }")
    True
    """
    for token in SPARQL_TOKEN.finditer(CODEPOINT.sub(_codepoint, query)):
        if token.lastgroup == "word" and token.group().strip(".").upper() == "SERVICE":
            return True
    return False


class FrontServer(ThreadingHTTPServer):
    """A threading server that serves at most ``MAX_CONNECTIONS`` connections at once."""

    daemon_threads = True
    endpoint: Endpoint

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):
            try:
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


class BadRequest(Exception):
    """A request refused before its body is read: its status and a one-line reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


class FrontHandler(BaseHTTPRequestHandler):
    """``/query`` to Oxigraph, the views as pages, every write refused."""

    server_version = "claimgraph"
    protocol_version = "HTTP/1.1"
    server: FrontServer

    @property
    def endpoint(self) -> Endpoint:
        return self.server.endpoint

    def setup(self) -> None:
        self.timeout = self.endpoint.idle_timeout  # a connection idle this long is closed
        super().setup()

    def parse_request(self) -> bool:
        """The standard parse, then this server's checks; a refused request closes the connection."""
        if not super().parse_request():
            return False
        try:
            self.check_headers()
        except BadRequest as err:
            self.fail(err.status, str(err))
            return False
        return True

    def check_headers(self) -> None:
        if sum(len(name) + len(value) + 4 for name, value in self.headers.items()) > MAX_HEADERS:
            raise BadRequest(431, f"request headers over {MAX_HEADERS} bytes")
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or hosts[0].strip().lower() not in self.endpoint.hosts:
            shown = ", ".join(map(repr, hosts)) or "none"
            raise BadRequest(403, f"Host {shown} is not this server's address "
                                  f"({HOST}:{self.server.server_address[1]}): refused")
        origin = self.headers.get("Origin")
        if origin is not None and urllib.parse.urlsplit(origin).netloc.lower() not in self.endpoint.hosts:
            raise BadRequest(403, f"requests from pages of {origin!r} are refused")
        if self.headers.get("Transfer-Encoding"):
            raise BadRequest(501, "Transfer-Encoding is not supported: send a Content-Length")
        lengths = self.headers.get_all("Content-Length") or []
        if len(set(lengths)) > 1 or not all(value.strip().isdigit() and value.strip().isascii() for value in lengths):
            raise BadRequest(400, f"bad Content-Length {', '.join(lengths)!r}")
        if lengths and int(lengths[0]) > MAX_BODY:
            raise BadRequest(413, f"request body over {MAX_BODY} bytes")
        if self.command == "POST" and not lengths:
            raise BadRequest(411, "a POST needs a Content-Length")

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
        fields = self.fields(body)
        if "update" in fields:  # an update sent to /query, as a body or a parameter
            self.refuse(drain=False)
            return
        if any(uses_service(query) for query in fields.get("query", [])):
            self.send(400, b"kg serve does not run federated queries: SERVICE is refused\n",
                      {"Content-Type": "text/plain; charset=utf-8"})
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
        length = int(self.headers.get("Content-Length") or 0)  # checked by check_headers
        return self.rfile.read(length) if length else None

    def fields(self, body: bytes | None) -> dict[str, list[str]]:
        """The request's parameters; a query or an update sent as the body is one too.

        Every ``query`` the Oxigraph server might read is here, so each can be checked.
        """
        fields = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        text = (body or b"").decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            for name, values in urllib.parse.parse_qs(text).items():
                fields.setdefault(name, []).extend(values)
        elif kind == "application/sparql-update":
            fields.setdefault("update", []).append(text)
        elif body:
            fields.setdefault("query", []).append(text)
        return fields

    def refuse(self, drain: bool = True) -> None:
        if drain:
            self.read_body()  # so that the connection can carry the next request
        self.send(403, b"kg serve is read-only: updates and other writes are refused\n",
                  {"Content-Type": "text/plain; charset=utf-8"})

    def fail(self, status: int, reason: str) -> None:
        """Refuse a request whose body was not read, and close its connection."""
        self.close_connection = True
        self.send(status, f"{reason}\n".encode("utf-8", "replace"),
                  {"Content-Type": "text/plain; charset=utf-8", "Connection": "close"})

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
        sys.stderr.write(terminal_safe(f"{self.address_string()} {format % args}") + "\n")
