"""The HTTP adapter for online geocoders: one request per call, a whole-request deadline, a body cap."""

from __future__ import annotations

import functools
import http.client
import json
import socket
import threading
import time
import urllib.request
from typing import Callable
from urllib.error import HTTPError

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable

__all__ = ["DeadlineAdapter", "single_try_adapter", "ResponseTooLarge", "DEFAULT_TIMEOUT", "MAX_BODY_BYTES"]

#: Seconds one whole request to an online service may take: connect, headers and body together.
DEFAULT_TIMEOUT = 10.0

#: Largest response body read from a service (2 MB); a geocoding answer is a few kilobytes.
MAX_BODY_BYTES = 2 * 1024 * 1024


class ResponseTooLarge(GeocoderServiceError):
    """A response body over the cap: refused, not retried (the service is then left alone a while)."""



class _Watchdog:
    """Shuts the request's sockets at the deadline, so no blocking read outlives it.

    A socket time-out bounds each read only: a server sending one byte every 0.2 s never trips a
    5 s time-out, in the headers or in the body. Shutting the socket down ends any read at once.
    """

    def __init__(self, seconds: float):
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> "_Watchdog":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            fired = self.fired
        if fired:
            self._shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            # The plain socket's shutdown, also for TLS: SSLSocket.shutdown would unwrap the TLS
            # layer under a read running in another thread.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


def _tracking(base: type[http.client.HTTPConnection]):
    class Tracking(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, on_connect: Callable[[socket.socket], None], **kwargs):
            super().__init__(*args, **kwargs)
            self._on_connect = on_connect

        def connect(self) -> None:
            super().connect()
            self._on_connect(self.sock)

    return Tracking


_TrackingHTTP = _tracking(http.client.HTTPConnection)
_TrackingHTTPS = _tracking(http.client.HTTPSConnection)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, on_connect):
        super().__init__()
        self._on_connect = on_connect

    def http_open(self, req):
        return self.do_open(functools.partial(_TrackingHTTP, on_connect=self._on_connect), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, on_connect, context):
        super().__init__(context=context)
        self._on_connect = on_connect

    def https_open(self, req):
        return self.do_open(functools.partial(_TrackingHTTPS, on_connect=self._on_connect), req,
                            context=self._context)


class DeadlineAdapter(BaseSyncAdapter):
    """A urllib-based geopy adapter whose ``timeout`` bounds the whole request, with a body cap.

    geopy's adapters pass ``timeout`` to the socket, so it bounds each read, not the call: a
    server dribbling a byte at a time holds a call for minutes, and a huge body is read whole.
    Here ``timeout`` seconds after the call starts the sockets are shut (see :class:`_Watchdog`) and
    the body is read in chunks, checking the clock and the size between them. Overruns raise
    :class:`~geopy.exc.GeocoderTimedOut`; a body over ``max_bytes`` (announced by
    ``Content-Length`` or found while reading) raises :class:`~geopy.exc.GeocoderServiceError`
    without being read further. One request per call: :class:`SafeGeocoder` is the retry policy.
    """

    def __init__(self, *, proxies=None, ssl_context=None, max_bytes: int = MAX_BODY_BYTES, chunk_size: int = 16384):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.proxies = urllib.request.getproxies() if proxies is None else dict(proxies)
        self.ssl_context = ssl_context
        self.max_bytes = int(max_bytes)
        self.chunk_size = int(chunk_size)

    def get_json(self, url, *, timeout, headers):
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            raise GeocoderParseError(f"the response is not JSON: {text[:80]!r}") from None

    def get_text(self, url, *, timeout, headers):
        timeout = float(timeout if timeout is not None else DEFAULT_TIMEOUT)
        deadline = time.monotonic() + timeout
        with _Watchdog(timeout) as dog:
            opener = urllib.request.build_opener(
                urllib.request.ProxyHandler(self.proxies), _HTTPHandler(dog.add),
                _HTTPSHandler(dog.add, self.ssl_context))
            try:
                page = opener.open(urllib.request.Request(url, headers=headers), timeout=timeout)
            except HTTPError as e:
                body = self._body(e, deadline, timeout, dog, strict=False)
                raise AdapterHTTPError(f"HTTP {e.code}", status_code=e.code, text=body,
                                       headers={k.lower(): v for k, v in e.headers.items()}) from None
            except Exception as e:  # noqa: BLE001 - URLError, socket, TLS and protocol errors alike
                raise self._fault(e, timeout, dog) from None
            with page:
                return self._body(page, deadline, timeout, dog)

    def _body(self, page, deadline: float, timeout: float, dog: _Watchdog, *, strict: bool = True) -> str | None:
        """The body as text, read in chunks against the deadline and the cap. For an HTTP error
        page (``strict=False``) a body that cannot be read is ``None``: the status is what counts."""
        try:
            length = page.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > self.max_bytes:
                raise ResponseTooLarge(f"response of {int(length)} bytes refused unread "
                                           f"(over the {self.max_bytes}-byte cap)")
            chunks, total = [], 0
            while True:
                if dog.fired or time.monotonic() > deadline:
                    raise GeocoderTimedOut(f"no whole answer within {timeout:g} s")
                try:
                    chunk = page.read1(self.chunk_size)
                except Exception as e:  # noqa: BLE001
                    raise self._fault(e, timeout, dog) from None
                if not chunk:
                    break
                total += len(chunk)
                if total > self.max_bytes:
                    raise ResponseTooLarge(f"response over the {self.max_bytes}-byte cap; stopped reading")
                chunks.append(chunk)
            if dog.fired:  # the shut socket ended the body early: it is not the whole answer
                raise GeocoderTimedOut(f"no whole answer within {timeout:g} s")
            encoding = page.headers.get_content_charset() or "utf-8"
            try:
                return b"".join(chunks).decode(encoding)
            except (LookupError, ValueError):
                raise GeocoderParseError(f"the response is not {encoding} text") from None
        except GeocoderServiceError:
            if strict:
                raise
            return None

    @staticmethod
    def _fault(error: BaseException, timeout: float, dog: _Watchdog) -> GeocoderServiceError:
        message = " ".join(str(getattr(error, "reason", None) or error).split())[:200] or type(error).__name__
        if dog.fired or isinstance(error, (socket.timeout, TimeoutError)) or "timed out" in message:
            return GeocoderTimedOut(f"no whole answer within {timeout:g} s")
        if isinstance(error, (OSError, http.client.HTTPException)):
            return GeocoderUnavailable(f"service not reachable: {message}")
        return GeocoderServiceError(message)


def single_try_adapter(**kwargs) -> DeadlineAdapter:
    """An HTTP adapter for geopy that makes one request per call, for ``adapter_factory=``.

    geopy's default :class:`~geopy.adapters.RequestsAdapter` has urllib3 retry twice on its own: a
    read time-out costs three time-outs, and a 429 with ``Retry-After: N`` blocks the caller for
    ``2 * N`` seconds before geopy sees it. This one (a :class:`DeadlineAdapter`) makes one
    request, bounded as a whole by the geocoder's ``timeout``, so :class:`SafeGeocoder` is the only
    retry policy and a 429 reaches it at once.
    """
    return DeadlineAdapter(**kwargs)
