"""A story made of hostile text, shown by the app in Chromium: nothing in it runs, nothing in it
makes the browser contact another host. Run with ``pytest -m browser``."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from storymap.render import CHROMIUM_ARGS

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TITLE = ".st-key-narrative h3"
if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def bait():
    """A stand-in server on 127.0.0.1: an image or link target that must never be fetched."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *a):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv.server_address[1], hits
    srv.shutdown()


def _hostile(port: int) -> list[str]:
    return [
        "${window.pwned=1}",
        "`+(window.pwned=1)+`",
        "</script><script>window.pwned=1</script>",
        '<img src=x onerror="window.pwned=1">',
        f"![x](http://127.0.0.1:{port}/img.png)",
        "[link](javascript:window.pwned=1)",
        f"http://127.0.0.1:{port}/bare and www.example.org",
    ]


def _story(port: int) -> dict:
    texts = _hostile(port)
    steps = []
    for i, t in enumerate(texts):
        places = [{"name": f"{t} A", "lat": 10.0 + i, "lon": 20.0 + i, "kind": "city", "role": "origin"},
                  {"name": f"{t} B", "lat": 12.0 + i, "lon": 25.0 + i, "kind": "city", "role": "destination"}]
        steps.append({"id": f"s{i + 1}", "date": f"2019-0{i + 1}-01", "title": f"Step {i + 1} {t}",
                      "text": f"Before {t} after {t} A.", "places": places, "actors": [t],
                      "sources": [{"file": f"a{i}.txt", "start": 0, "end": 5, "quote": t}]})
    return {"title": f"Hostile {texts[4]}", "summary": texts[0], "steps": steps}


@pytest.fixture(scope="module")
def server(bait, tmp_path_factory):
    from storymap.app.launch import running_app
    from storymap.story import loads_story, save_story

    path = tmp_path_factory.mktemp("story") / "hostile.json"
    save_story(loads_story(json.dumps(_story(bait[0]))), path)
    with running_app([str(path)], autosave_dir=tmp_path_factory.mktemp("autosave")) as url:
        yield url


def _pwned(page) -> list[str]:
    out = []
    for f in page.frames:
        try:
            if f.evaluate("() => typeof window.pwned !== 'undefined'"):
                out.append(f.url)
        except Exception:  # a frame that went away while we asked
            pass
    return out


def test_hostile_story_runs_nothing_and_fetches_nothing(server, bait):
    port, hits = bait
    app_host = urlparse(server).netloc
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        requests: list[str] = []
        ctx.on("request", lambda r: requests.append(r.url))
        page = ctx.new_page()
        n = len(_story(port)["steps"])
        for k in range(1, n + 1):
            page.goto(f"{server}?step={k}")  # a deep link per step: every step is shown once
            page.wait_for_function("([s, k]) => { const h = document.querySelector(s); "
                                   "return h && h.innerText.startsWith('Step ' + k + ' '); }",
                                   arg=[TITLE, k], timeout=60_000)
            frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
            frame.locator(".leaflet-interactive").first.wait_for(state="attached", timeout=30_000)
            page.wait_for_timeout(800)
            for el in frame.locator(".leaflet-interactive").all()[:6]:
                try:  # hovering opens the tooltips built from the hostile names
                    el.hover(timeout=2_000, force=True)
                except Exception:
                    pass
            assert not _pwned(page), k
        page.wait_for_timeout(1500)
        narrative = page.locator(".st-key-narrative")
        links = narrative.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
        imgs = page.locator("img").evaluate_all("els => els.map(e => e.src)")
        pwned = _pwned(page)
        shown = page.locator(TITLE).first.inner_text()
        ctx.close()
        browser.close()
    assert not pwned, pwned
    assert shown.startswith(f"Step {n} ")  # the last step, its text shown as text
    assert hits == []
    foreign = [u for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).netloc != app_host]
    assert foreign == []
    assert not [h for h in links if "127.0.0.1:%d" % port in h or h.startswith("javascript:")], links
    assert not [s for s in imgs if f":{port}" in s], imgs
