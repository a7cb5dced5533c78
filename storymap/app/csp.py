"""The Content-Security-Policy header on every page the app serves.

Article text is untrusted, and the app shows it. Escaping at each sink is the first defence
(:mod:`storymap.app.text`); this header is the second: even if some text slipped through as HTML,
the browser would load no image, script, style or connection from any host but the app itself, so
an article cannot make a reader's browser call out (a tracking pixel, an exfiltrating ``fetch``).

Streamlit (1.67) has no setting for extra headers, but it runs a script that defines
``app = st.App(...)`` as an ASGI app with the middleware it is given: :mod:`storymap.app.launch`
writes such a script, and :class:`CSPMiddleware` adds the header to every HTTP response.

Streamlit's own page needs inline scripts and ``eval`` (its components and charts), so
``script-src`` allows them for the app's own origin only; what the policy buys is the closed list
of hosts. OpenStreetMap's tile hosts are allowed for images because a user may turn tiles on.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

__all__ = ["POLICY", "CSPMiddleware"]

TILE_HOSTS = "https://tile.openstreetmap.org https://*.tile.openstreetmap.org"

#: The policy, one directive per entry (joined with "; ").
POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
    "style-src 'self' 'unsafe-inline'",
    f"img-src 'self' data: blob: {TILE_HOSTS}",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' blob: data:",
    "worker-src 'self' blob:",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
])

Scope = dict[str, Any]
Message = dict[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class CSPMiddleware:
    """ASGI middleware: every HTTP response gets ``Content-Security-Policy: POLICY`` (a header the
    application already set is replaced, so there is one policy, this one)."""

    def __init__(self, app: ASGIApp, policy: str = POLICY) -> None:
        self.app = app
        self.header = (b"content-security-policy", policy.encode("ascii"))

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_policy(message: Message) -> None:
            if message.get("type") == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ())
                           if k.lower() != b"content-security-policy"]
                message = {**message, "headers": headers + [self.header]}
            await send(message)

        await self.app(scope, receive, send_with_policy)

