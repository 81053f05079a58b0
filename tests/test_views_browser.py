"""The HTML views as a person sees them: headless Chromium with networking off."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import offline_page


@pytest.mark.parametrize("view", ["actors", "claims"])
def test_view_draws_its_nodes_offline(built: Path, view: str, tmp_path: Path):
    html = built / f"{view}.html"
    with offline_page() as page:
        page.goto(html.as_uri())
        page.wait_for_selector("body[data-settled=true]", timeout=60_000)
        drawn = page.evaluate("Object.keys(kgNetwork.getPositions()).length")
        expected = page.evaluate("kgNodes.length")
        page.screenshot(path=str(tmp_path / f"{view}.png"))
        assert expected > 10 and drawn == expected
        assert page.failed == [] and page.errors == []
        assert [url for url in page.requests if not url.startswith("file:")] == []
        canvas = page.evaluate("""() => {
            const c = document.querySelector('#network canvas');
            const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let ink = 0;
            for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
            return ink;
        }""")
        assert canvas > 1000  # something was drawn on the canvas
