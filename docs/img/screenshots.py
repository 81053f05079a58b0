"""Take the README's screenshots of the explorer: `kg serve` on the seeds build, headless Chromium.

    make run && .venv/bin/python docs/img/screenshots.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KG = Path(sys.executable).parent / "kg"


def main() -> None:
    server = subprocess.Popen([str(KG), "serve", "--port", "0", "--store", f"oxigraph:{ROOT / 'out' / 'store'}"],
                              stdout=subprocess.PIPE, text=True)
    try:
        url = re.search(r"at (http://127\.0\.0\.1:\d+/) ", server.stdout.readline()).group(1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 820})
            page.goto(url + "#/claims?about=ukraine&from=2024-03-01")
            page.wait_for_selector("#claims-table")
            page.screenshot(path=str(HERE / "explorer-search.png"))
            page.click("#claims-table tbody tr:first-child td.content a")
            page.wait_for_selector("#article[data-ready=true]")
            page.locator("#article mark.content").scroll_into_view_if_needed()
            page.evaluate("window.scrollTo(0, document.getElementById('article').offsetTop - 420)")
            page.screenshot(path=str(HERE / "explorer-claim.png"))
            page.click("#group-link")
            page.wait_for_selector("#timeline")
            page.screenshot(path=str(HERE / "explorer-group.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
