"""The app's own pages carry a Content-Security-Policy that keeps every fetch on the app's origin."""

from __future__ import annotations

import asyncio
import urllib.request
from pathlib import Path

import pytest

from storymap.app.csp import POLICY, CSPMiddleware
from storymap.app.launch import running_app

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "app_story.json"


def _run(app, scope):
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    asyncio.run(CSPMiddleware(app)(scope, receive, send))
    return sent


async def _page(scope, receive, send, headers=((b"content-type", b"text/html"),)):
    await send({"type": "http.response.start", "status": 200, "headers": list(headers)})
    await send({"type": "http.response.body", "body": b"<p>hi</p>"})


@pytest.mark.parametrize("preset", [(), ((b"Content-Security-Policy", b"default-src *"),)])
def test_csp_middleware_sets_exactly_one_policy(preset):
    async def app(scope, receive, send):
        await _page(scope, receive, send, headers=((b"content-type", b"text/html"), *preset))

    start = _run(app, {"type": "http", "path": "/"})[0]
    policies = [v for k, v in start["headers"] if k.lower() == b"content-security-policy"]
    assert policies == [POLICY.encode()]


def test_csp_middleware_leaves_websockets_alone():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])
        await send({"type": "websocket.accept"})

    assert _run(app, {"type": "websocket", "path": "/_stcore/stream"}) == [{"type": "websocket.accept"}]
    assert seen == ["websocket"]


@pytest.mark.parametrize("directive", ["img-src", "connect-src", "default-src", "object-src"])
def test_csp_policy_names_no_foreign_host_except_tiles(directive):
    part = next(d for d in POLICY.split("; ") if d.startswith(directive + " "))
    hosts = [w for w in part.split()[1:] if "://" in w or w == "*" or w.endswith(":") and w not in ("data:", "blob:")]
    assert all("tile.openstreetmap.org" in h for h in hosts), part


def test_app_pages_carry_the_policy(tmp_path):
    with running_app([str(FIXTURE)], autosave_dir=tmp_path / "auto") as url:
        for path in ("", "_stcore/health"):
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url + path, timeout=10) as r:
                assert r.headers.get("Content-Security-Policy") == POLICY, path
