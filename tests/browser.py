"""Headless Chromium for tests, with the network off (Playwright driving Debian's chromium)."""

from __future__ import annotations

import atexit
import json
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps"]
VIEWPORT = {"width": 1400, "height": 900}


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


_browser = None


def browser():
    """One headless Chromium for the whole test session (started on first use)."""
    global _browser
    if _browser is None:
        path = chromium_path()
        if path is None:
            pytest.skip("no Chromium installed (apt-get install chromium); .ci/run installs it")
        sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
        playwright = sync_api.sync_playwright().start()
        _browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        atexit.register(playwright.stop)
        atexit.register(_browser.close)
    return _browser


@contextmanager
def offline_page():
    """A page in a fresh browser context that cannot reach any network.

    The page records every request (``page.requests``), failed request (``page.failed``),
    uncaught error (``page.errors``), dialog such as ``alert()`` (``page.dialogs``) and
    Content-Security-Policy violation (read with :func:`violations`).
    """
    context = browser().new_context(offline=True, viewport=VIEWPORT)
    try:
        context.add_init_script("window.kgViolations = [];"
                                "document.addEventListener('securitypolicyviolation',"
                                " e => window.kgViolations.push(e.violatedDirective + ' ' + e.blockedURI));")
        page = context.new_page()
        page.requests, page.failed, page.errors, page.dialogs = [], [], [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("requestfailed", lambda r: page.failed.append(r.url))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        yield page
    finally:
        context.close()


def open_view(page, html: Path) -> None:
    """Open a view and wait until its layout has settled."""
    page.goto(html.as_uri())
    page.wait_for_selector("body[data-settled=true]", timeout=60_000)


def violations(page) -> list[str]:
    return page.evaluate("window.kgViolations")


def hover(page, position_js: str, timeout: int = 2_000, attempts: int = 3) -> str:
    """Zoom on the canvas point that ``position_js`` evaluates to, hover it, return the tooltip text.

    Returns "" when no tooltip shows in any of ``attempts`` (a graph still settling can
    move the point away between finding it and hovering it, on a busy machine).
    """
    for _ in range(attempts):
        tip = _hover_once(page, position_js, timeout)
        if tip:
            return tip
    return ""


def _hover_once(page, position_js: str, timeout: int) -> str:
    page.mouse.move(1, 1)
    page.evaluate(f"kgNetwork.moveTo({{ position: {position_js}, scale: 2.5 }})")
    x, y = page.evaluate(f"""() => {{
        const p = kgNetwork.canvasToDOM({position_js});
        const r = document.getElementById('network').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }}""")
    page.mouse.move(x - 20, y - 20)
    page.mouse.move(x, y, steps=4)
    try:
        page.wait_for_selector("div.vis-tooltip", state="visible", timeout=timeout)
    except Exception:  # playwright's TimeoutError
        return ""
    return page.inner_text("div.vis-tooltip")


def hover_node(page, node_id: str, timeout: int = 2_000, attempts: int = 3) -> str:
    node = json.dumps(node_id)
    return hover(page, f"kgNetwork.getPositions([{node}])[{node}]", timeout, attempts)


def hover_edge(page, edge_id: str, timeout: int = 2_000, attempts: int = 3) -> str:
    """Hover a point 30% of the way along an edge, on its curve (its label sits in the middle)."""
    return hover(page, f"kgNetwork.body.edges[{json.dumps(edge_id)}].edgeType.getPoint(0.3)", timeout, attempts)
