"""SafeGeocoder against a stand-in Nominatim on 127.0.0.1: faults fall back offline, answers are cached."""

from __future__ import annotations

import json
import logging
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from geopy.geocoders import Nominatim

from storymap.places.geocode import GazetteerGeocoder, UnknownServiceError
from storymap.places.online import GeocodeCache, SafeGeocoder, make_online_geocoder, single_try_adapter

TIMEOUT = 0.6  # a whole-request deadline now: leave room for a loaded machine

BAGHDAD = {"place_id": 1, "lat": "33.34", "lon": "44.40", "display_name": "Baghdad, Iraq", "class": "place",
           "type": "city", "importance": 0.7}

# What the stand-in sends for each mode: (status, headers, body); "slow" sleeps past the time-out.
RESPONSES = {
    "ok": (200, {}, json.dumps([BAGHDAD])),
    "empty": (200, {}, "[]"),
    "429": (429, {"Retry-After": "1"}, "Too Many Requests"),
    "400": (400, {}, '{"error": "Nothing to search for"}'),
    "403": (403, {}, "Forbidden: bad key"),
    "500": (500, {}, "Internal Server Error"),
    "503": (503, {}, "Service Unavailable"),
    "bad_json": (200, {}, '[{"lat": "33.34", "lon": '),
    "wrong_shape": (200, {}, '{"oops": 1}'),
    "bad_lat": (200, {}, json.dumps([{**BAGHDAD, "lat": "north-ish"}])),
    "no_coords": (200, {}, json.dumps([{"display_name": "Baghdad, Iraq"}])),
    "html_page": (200, {"Content-Type": "text/html"}, "<html><body>Gateway login</body></html>"),
    "opencage": (200, {}, json.dumps({"results": [{"formatted": "Baghdad, Iraq", "geometry": {"lat": 33.34, "lng": 44.4}}],
                                      "status": {"code": 200, "message": "OK"}})),
}

#: Streaming modes: the body is written piece by piece, see FakeNominatim._stream.
DRIBBLE_GAP = 0.2
HUGE_BYTES = 300 * 1024 * 1024


class FakeNominatim:
    """A threaded HTTP server speaking Nominatim's /search JSON, switchable per test.

    ``mode`` is the behaviour for every request; ``script`` (consumed first) sets it per request.
    Every request is recorded in ``hits`` as ``(monotonic time, query)``.
    """

    def __init__(self, slow_seconds: float = 3.0):
        self.mode = "ok"
        self.script: list[str] = []
        self.hits: list[tuple[float, str]] = []
        self.queries: list[dict[str, list[str]]] = []  # every request's full query string
        self.sent = 0  # body bytes a streaming mode managed to write before the client hung up
        self.slow_seconds = slow_seconds
        self.stop = threading.Event()
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlsplit(self.path)
                query = parse_qs(url.query).get("q", [""])[0]
                with fake._lock:
                    fake.hits.append((time.monotonic(), query))
                    fake.queries.append(parse_qs(url.query))
                    mode = fake.script.pop(0) if fake.script else fake.mode
                if mode in ("dribble", "huge", "huge_unannounced"):
                    return fake._stream(self, mode)
                if url.path != ("/geocode/v1/json" if mode == "opencage" else "/search"):
                    mode = "500"
                if mode == "slow":
                    fake.stop.wait(fake.slow_seconds)  # woken at tear-down, so no thread outlives the test
                    mode = "ok"
                status, headers, body = RESPONSES[mode]
                data = body.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", headers.get("Content-Type", "application/json"))
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in headers.items():
                        if k != "Content-Type":
                            self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (time-out) and closed the connection
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = False  # server_close() joins every handler thread
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05})
        self.thread.start()

    def _stream(self, handler, mode: str) -> None:
        """``dribble``: a small answer one byte per DRIBBLE_GAP s; ``huge``: HUGE_BYTES announced in
        Content-Length and sent until the client hangs up; ``huge_unannounced``: the same without
        Content-Length (the body ends when the connection closes)."""
        body = RESPONSES["ok"][2].encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        if mode != "huge_unannounced":
            handler.send_header("Content-Length", str(len(body) if mode == "dribble" else HUGE_BYTES))
        handler.end_headers()
        piece = body[:1] if mode == "dribble" else b" " * 65536
        try:
            for i in range(len(body) if mode == "dribble" else HUGE_BYTES // len(piece)):
                if self.stop.is_set():
                    return
                handler.wfile.write(body[i:i + 1] if mode == "dribble" else piece)
                handler.wfile.flush()
                self.sent += len(piece)
                if mode == "dribble":
                    self.stop.wait(DRIBBLE_GAP)
        except OSError:  # the client hung up: what the tests want
            pass

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    def close(self) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def server():
    s = FakeNominatim()
    try:
        yield s
    finally:
        s.close()
        assert not s.thread.is_alive()


@pytest.fixture
def fallback(mem_gaz):
    return GazetteerGeocoder(mem_gaz)


@pytest.fixture
def cache(tmp_path):
    c = GeocodeCache(tmp_path / "geocode.sqlite")
    yield c
    c.close()


def nominatim(server: FakeNominatim, **kw) -> Nominatim:
    # One request per call (see test_online_default_adapter_retries_timeouts_itself for geopy's default).
    kw.setdefault("adapter_factory", single_try_adapter)
    return Nominatim(user_agent="storymap-test", domain=server.domain, scheme="http", timeout=TIMEOUT, **kw)


def safe(server, fallback, cache=None, primary=None, **kw) -> SafeGeocoder:
    opts = dict(min_delay_seconds=0.0, max_retries=0, timeout=TIMEOUT, error_wait_seconds=0.0)
    return SafeGeocoder(primary or nominatim(server), fallback, cache=cache, **(opts | kw))


def is_from_server(loc) -> bool:
    return loc is not None and loc.address == "Baghdad, Iraq" and loc.raw.get("place_id") == 1


def test_online_normal_answer_comes_from_server(server, fallback, cache):
    g = safe(server, fallback, cache)
    loc = g.geocode("Baghdad")
    assert is_from_server(loc)
    assert (loc.latitude, loc.longitude) == (33.34, 44.40)
    assert g.last_fallback_reason is None
    assert [q for _, q in server.hits] == ["Baghdad"]


@pytest.mark.parametrize("mode, reason", [
    ("slow", "timed out"),
    ("429", "rate-limited (HTTP 429"),
    ("400", "HTTP 400"),
    ("403", "HTTP 403"),
    ("500", "HTTP 500"),
    ("503", "HTTP 503"),
    ("bad_json", "malformed response"),
    ("wrong_shape", "malformed response"),
    ("bad_lat", "malformed response"),
    ("no_coords", "malformed response"),
    ("html_page", "malformed response"),
])
def test_online_fault_falls_back_to_gazetteer(server, fallback, cache, caplog, mode, reason):
    server.mode = mode
    g = safe(server, fallback, cache)
    with caplog.at_level(logging.WARNING, logger="storymap.places.online"):
        loc = g.geocode("Baghdad")
    assert loc == fallback.geocode("Baghdad")
    assert loc.raw["id"] == "gn:98182"  # the hand-made gazetteer's Baghdad, not the server's
    assert reason in g.last_fallback_reason
    assert any(reason in r.getMessage() for r in caplog.records)
    assert server.hits  # the server was asked


def test_online_default_adapter_retries_timeouts_itself(server, fallback):
    # geopy's default RequestsAdapter retries a read time-out twice itself and then reports
    # GeocoderUnavailable("... Read timed out"): still a time-out to the user, at three times the cost.
    server.mode = "slow"
    default = Nominatim(user_agent="storymap-test", domain=server.domain, scheme="http", timeout=TIMEOUT)
    g = safe(server, fallback, primary=default)
    t0 = time.monotonic()
    assert g.geocode("Baghdad") == fallback.geocode("Baghdad")
    assert g.last_fallback_reason.startswith("timed out")
    assert len(server.hits) == 3
    assert time.monotonic() - t0 < 3 * TIMEOUT + 1.0


def test_online_factory_adapter_does_not_retry_on_its_own(server, fallback, tmp_path):
    server.mode = "slow"
    g = make_online_geocoder("nominatim", user_agent="storymap-test", domain=server.domain, scheme="http",
                             cache_path=tmp_path / "c.sqlite", timeout=TIMEOUT, fallback=fallback,
                             min_delay_seconds=0.0, max_retries=0)
    t0 = time.monotonic()
    assert g.geocode("Baghdad") == fallback.geocode("Baghdad")
    elapsed = time.monotonic() - t0
    assert g.last_fallback_reason.startswith("timed out")
    assert len(server.hits) == 1
    assert elapsed < 2 * TIMEOUT


def test_online_factory_normal_answer_and_service_name(server, fallback, tmp_path):
    g = make_online_geocoder("nominatim", user_agent="storymap-test", domain=server.domain, scheme="http",
                             cache_path=tmp_path / "c.sqlite", timeout=TIMEOUT, fallback=fallback, min_delay_seconds=0)
    assert is_from_server(g.geocode("Baghdad"))
    assert g.service_name == "nominatim"
    assert (tmp_path / "c.sqlite").is_file()


@pytest.mark.parametrize("name", ["no-such-service", "offline", ""])
def test_online_factory_unknown_service_lists_valid_names(name):
    with pytest.raises(UnknownServiceError, match="nominatim.*photon"):
        make_online_geocoder(name, user_agent="storymap-test")


def test_online_transient_fault_is_retried(server, fallback):
    server.script = ["500", "ok"]
    g = safe(server, fallback, max_retries=1, error_wait_seconds=0.01)
    assert is_from_server(g.geocode("Baghdad"))
    assert len(server.hits) == 2
    assert g.last_fallback_reason is None


@pytest.mark.parametrize("mode", ["429", "bad_json", "wrong_shape"])
def test_online_permanent_fault_is_not_retried(server, fallback, mode):
    server.mode = mode
    g = safe(server, fallback, max_retries=2, error_wait_seconds=0.01)
    g.geocode("Baghdad")
    assert len(server.hits) == 1


def test_online_429_honours_retry_after(server, fallback):
    server.mode = "429"
    g = safe(server, fallback)
    g.geocode("Baghdad")
    assert "retry after 1 s" in g.last_fallback_reason
    server.mode = "ok"
    assert g.geocode("Baghdad") == fallback.geocode("Baghdad")  # cooling down: not asked
    assert len(server.hits) == 1
    assert "not asking again yet" in g.last_fallback_reason


@pytest.mark.parametrize("mode, service_wide", [
    ("slow", True), ("500", True), ("503", True), ("403", True), ("429", True),
    ("400", False), ("bad_json", False), ("bad_lat", False),
])
def test_online_service_fault_cools_down_query_fault_does_not(server, fallback, mode, service_wide):
    server.mode = mode
    g = safe(server, fallback, cooldown_seconds=60)
    g.geocode("Baghdad")
    server.mode = "ok"
    answer = g.geocode("Qaim")
    assert len(server.hits) == (1 if service_wide else 2)
    assert is_from_server(answer) is not service_wide
    if service_wide:
        assert "not asking again yet" in g.last_fallback_reason


def test_online_cooldown_ends(server, fallback):
    server.mode = "500"
    g = safe(server, fallback, cooldown_seconds=0)
    g.geocode("Baghdad")
    server.mode = "ok"
    assert is_from_server(g.geocode("Baghdad"))


def test_online_cache_answers_second_query_without_server(server, fallback, cache):
    g = safe(server, fallback, cache)
    first = g.geocode("Baghdad")
    second = g.geocode("Baghdad")
    assert is_from_server(second)
    assert (second.address, second.point, second.raw) == (first.address, first.point, first.raw)
    assert len(server.hits) == 1
    assert g.last_fallback_reason is None


def test_online_cache_key_includes_options(server, fallback, cache):
    g = safe(server, fallback, cache)
    g.geocode("Baghdad")
    g.geocode("Baghdad", country_codes="iq")
    g.geocode("Baghdad", exactly_one=False)
    g.geocode("Baghdad", country_codes=["IQ"])  # same codes, other spelling: cached
    assert len(server.hits) == 3
    many = g.geocode("Baghdad", exactly_one=False)
    assert isinstance(many, list) and is_from_server(many[0])


def test_online_fault_is_not_cached(server, fallback, cache):
    server.mode = "bad_json"
    g = safe(server, fallback, cache)
    g.geocode("Baghdad")
    server.mode = "ok"
    assert is_from_server(g.geocode("Baghdad"))
    assert len(server.hits) == 2


def test_online_nothing_found_is_an_answer_and_cached(server, fallback, cache):
    server.mode = "empty"
    g = safe(server, fallback, cache)
    assert g.geocode("Baghdad") is None
    assert g.last_fallback_reason is None
    assert g.geocode("Baghdad") is None
    assert len(server.hits) == 1


def test_online_cache_persists_across_instances(server, fallback, tmp_path):
    path = tmp_path / "geocode.sqlite"
    safe(server, fallback, GeocodeCache(path)).geocode("Baghdad")
    server.mode = "500"  # the service is down now; the new instance must not need it
    g = safe(server, fallback, GeocodeCache(path))
    assert is_from_server(g.geocode("Baghdad"))
    assert len(server.hits) == 1
    assert g.last_fallback_reason is None


def test_online_cache_entries_expire_after_ttl(server, fallback, tmp_path):
    now = [1_000_000.0]
    c = GeocodeCache(tmp_path / "c.sqlite", ttl_seconds=3600, clock=lambda: now[0])
    g = safe(server, fallback, c)
    g.geocode("Baghdad")
    now[0] += 3599
    g.geocode("Baghdad")
    assert len(server.hits) == 1
    now[0] += 2
    g.geocode("Baghdad")
    assert len(server.hits) == 2


@pytest.mark.parametrize("junk", [b"\x00\xffnot a database" * 100, b"SQLite format 3\x00" + b"\xab" * 4000])
def test_online_corrupt_cache_file_degrades_to_no_cache(server, fallback, tmp_path, junk):
    path = tmp_path / "geocode.sqlite"
    path.write_bytes(junk)
    c = GeocodeCache(path)
    g = safe(server, fallback, c)
    with pytest.warns(RuntimeWarning, match="geocode cache"):
        assert is_from_server(g.geocode("Baghdad"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # warned once, not on every call
        assert is_from_server(g.geocode("Baghdad"))
    assert not c.enabled
    assert len(server.hits) == 2
    assert path.read_bytes() == junk  # the user's file is left as it was


def test_online_unwritable_cache_path_degrades_to_no_cache(server, fallback, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    g = safe(server, fallback, GeocodeCache(blocker / "sub" / "geocode.sqlite"))
    with pytest.warns(RuntimeWarning, match="cannot open"):
        assert is_from_server(g.geocode("Baghdad"))


def test_online_rate_limiter_spaces_calls(server, fallback):
    import time

    g = safe(server, fallback, min_delay_seconds=0.2)
    # The limiter's promise is about the request slots it grants: measured as it grants them (its
    # own clock), not where the request is sent or received, which a busy machine delays by a few
    # ms after the slot (a 30 ms lag at the server, then a 5 ms one at the send, failed CI runs).
    slots: list[float] = []
    acquire = g._limited._acquire_request_slot

    def acquired():
        acquire()
        slots.append(g._limited._last_call)

    g._limited._acquire_request_slot = acquired
    for q in ("Baghdad", "Basra", "Mosul", "Kirkuk"):
        g.geocode(q)
    gaps = [b - a for a, b in zip(slots, slots[1:])]
    assert len(slots) == 4 and len(server.hits) == 4 and min(gaps) >= 0.2


def test_online_concurrent_queries_share_cache(server, fallback, cache):
    g = safe(server, fallback, cache)
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append(g.geocode("Baghdad"))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not errors
    assert len(results) == 20 and all(is_from_server(r) for r in results)
    assert len(server.hits) <= 4  # at most one per thread before the first answer is stored


def test_online_rejects_a_non_geocoder_primary(fallback):
    with pytest.raises(TypeError, match="geopy Geocoder"):
        SafeGeocoder(object(), fallback)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------------
# A deadline for the whole request, a cap on the body


def test_online_dribbling_server_is_cut_off_at_the_deadline_and_falls_back(server, fallback):
    # One byte every 0.2 s: each socket read is quick, so a per-read time-out would never fire and
    # the 100-byte answer would take 20 s. The whole-request deadline (1 s here) ends it.
    server.mode = "dribble"
    g = make_online_geocoder("nominatim", user_agent="storymap-test", domain=server.domain, scheme="http",
                             cache=None, timeout=1.0, fallback=fallback, min_delay_seconds=0.0, max_retries=0)
    t0 = time.monotonic()
    loc = g.geocode("Baghdad")
    elapsed = time.monotonic() - t0
    assert loc == fallback.geocode("Baghdad")
    assert g.last_fallback_reason.startswith("timed out")
    assert 0.9 < elapsed < 1.8
    assert 0 < server.sent < len(RESPONSES["ok"][2])  # it was cut off mid-body, not read to the end


@pytest.mark.parametrize("mode", ["huge", "huge_unannounced"])
def test_online_body_over_the_cap_is_refused_without_reading_it_all(server, fallback, mode):
    server.mode = mode
    g = make_online_geocoder("nominatim", user_agent="storymap-test", domain=server.domain, scheme="http",
                             cache=None, timeout=5.0, fallback=fallback, min_delay_seconds=0.0, max_retries=2,
                             max_body_bytes=1024 * 1024)
    t0 = time.monotonic()
    loc = g.geocode("Baghdad")
    assert loc == fallback.geocode("Baghdad")
    assert g.last_fallback_reason.startswith("response too large")
    assert len(server.hits) == 1  # not retried
    assert time.monotonic() - t0 < 3.0
    server.stop.wait(0.2)  # let the server notice the hang-up
    assert server.sent < 16 * 1024 * 1024  # a 300 MB body: at most the cap plus socket buffers went out


def test_online_deadline_adapter_keeps_http_status_and_retry_after(server, fallback):
    server.mode = "429"
    g = safe(server, fallback, primary=nominatim(server))
    g.geocode("Baghdad")
    assert "retry after 1 s" in g.last_fallback_reason


# ---------------------------------------------------------------------------------------------------
# Keys: one registry says which services need one and where it goes


def opencage(server, fallback, tmp_path, **kw):
    return make_online_geocoder("opencage", user_agent="storymap-test", domain=server.domain, scheme="http",
                                cache_path=tmp_path / "c.sqlite", timeout=TIMEOUT, fallback=fallback,
                                min_delay_seconds=0.0, max_retries=0, **kw)


def test_online_key_reaches_the_request(server, fallback, tmp_path):
    server.mode = "opencage"
    loc = opencage(server, fallback, tmp_path, api_key="k-123").geocode("Baghdad")
    assert loc.address == "Baghdad, Iraq"
    assert server.queries[-1]["key"] == ["k-123"]


def test_online_key_from_the_environment(server, fallback, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYMAP_OPENCAGE_KEY", "env-key")
    server.mode = "opencage"
    opencage(server, fallback, tmp_path).geocode("Baghdad")
    assert server.queries[-1]["key"] == ["env-key"]


@pytest.mark.parametrize("service", ["bing", "googlev3", "opencage", "pelias", "here", "azure"])
def test_online_service_needing_a_key_without_one_is_refused(service, monkeypatch):
    from storymap.places.geocode import MissingServiceKeyError, service_key_env

    monkeypatch.delenv(service_key_env(service), raising=False)
    with pytest.raises(MissingServiceKeyError) as info:
        make_online_geocoder(service, user_agent="storymap-test", domain="127.0.0.1:9")
    text = str(info.value)
    assert f"set {service_key_env(service)}" in text and "--service-key" in text
    assert "without a key: offline, arcgis" in text and "nominatim, photon" in text and "\n" not in text


def test_online_registry_key_arguments_are_real_geopy_parameters():
    import inspect

    from storymap.places.geocode import SERVICES

    for name, spec in SERVICES.items():
        params = inspect.signature(spec.geopy_class.__init__).parameters
        if spec.key_arg is not None:
            assert spec.key_arg in params, f"{name}: {spec.geopy_class.__name__} takes no {spec.key_arg}"
        required = [p for p, v in params.items() if v.default is inspect.Parameter.empty and p != "self"
                    and v.kind not in (v.VAR_KEYWORD, v.VAR_POSITIONAL)]
        assert set(required) <= {spec.key_arg, "domain" if spec.needs_domain else None}, name
