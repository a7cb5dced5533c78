"""Bounded input: special files refused without hanging, a size cap, bounded pieces for the model,
workers that die with their parent, non-UTF-8 file names."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from storymap import limits
from storymap.errors import InputFileError
from storymap.ingest import read_article
from storymap.limits import chunk_spans, read_limited
from storymap.story import load_story

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Rebels attacked the town of Mosul in Iraq on Tuesday, March 2, 2021, officials said.\n"
STORY = {"version": 1, "title": "A story", "steps": []}


def run_cli(*args, timeout=60, env=None):
    """The CLI in a subprocess: a hang fails the test (TimeoutExpired) instead of hanging the run."""
    return subprocess.run([sys.executable, "-m", "storymap.cli", *args], capture_output=True, cwd=ROOT,
                          timeout=timeout, env={**os.environ, **(env or {})})


def _bad_input(tmp_path: Path, what: str, story: bool) -> tuple[str, list[str]]:
    """A path of the kind ``what`` and the extra options that make it bad."""
    suffix = ".json" if story else ".txt"
    if what == "fifo":
        path = tmp_path / f"pipe{suffix}"
        os.mkfifo(path)  # nobody ever writes to it: reading would block for ever
        return str(path), []
    if what == "dev-zero":
        return "/dev/zero", []  # endless: reading it whole would exhaust memory
    if what == "directory":
        path = tmp_path / f"folder{suffix}"
        path.mkdir()
        return str(path), []
    path = tmp_path / f"big{suffix}"
    path.write_text(json.dumps(STORY) if story else ARTICLE)
    return str(path), ["--max-bytes", "20"]


COMMANDS = {
    "places": lambda f, out: ["places", f],
    "dates": lambda f, out: ["dates", f],
    "build": lambda f, out: ["build", f, "-o", out],
    "export": lambda f, out: ["export", f, "--csv", out],
}
EXPECTED = {"fifo": "named pipe", "dev-zero": "character device", "directory": "is a directory",
            "oversized": "more than the 20-byte limit"}


@pytest.mark.parametrize("what", list(EXPECTED))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_limits_cli_refuses_special_and_oversized_input_in_one_line(tmp_path, command, what):
    path, extra = _bad_input(tmp_path, what, story=command == "export")
    out = str(tmp_path / ("out.csv" if command == "export" else "story.json"))
    started = time.monotonic()
    r = run_cli(*COMMANDS[command](path, out), *extra, timeout=60)
    stderr = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert EXPECTED[what] in stderr and path in stderr and "Traceback" not in stderr
    assert time.monotonic() - started < 30
    assert not Path(out).exists()


def test_limits_oversized_message_names_size_cap_and_how_to_raise_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    with pytest.raises(InputFileError) as info:
        read_article(path, max_bytes=10)
    assert str(info.value) == (f"{path}: {len(ARTICLE):,} bytes, more than the 10-byte limit for an article file; "
                               "raise it with --max-bytes N or STORYMAP_MAX_BYTES")


@pytest.mark.parametrize("env,given,ok", [
    ("10", None, False),  # the environment lowers the cap ...
    ("10", 1000, True),  # ... --max-bytes wins over it
    ("", 1000, True),
    ("", 10, False),
])
def test_limits_cap_from_option_then_environment(tmp_path, monkeypatch, env, given, ok):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    monkeypatch.setenv(limits.ENV_MAX_BYTES, env)
    if ok:
        assert read_article(path, max_bytes=given).body.startswith("Rebels")
    else:
        with pytest.raises(InputFileError, match="more than the 10-byte limit"):
            read_article(path, max_bytes=given)


def test_limits_bad_environment_cap_is_one_line_error(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    monkeypatch.setenv(limits.ENV_MAX_BYTES, "lots")
    with pytest.raises(InputFileError, match="STORYMAP_MAX_BYTES='lots': expected a positive number"):
        read_article(path)


def test_limits_file_larger_than_its_stat_size_is_cut_at_the_cap():
    # /proc files report size 0 but have content: the cap holds on what is read, not on st_size.
    with pytest.raises(InputFileError, match="/proc/self/maps: more than the 16-byte limit"):
        read_limited("/proc/self/maps", limit=16)


def test_limits_fifo_swapped_in_after_stat_is_refused_without_blocking(tmp_path, monkeypatch):
    regular = tmp_path / "a.txt"
    regular.write_text(ARTICLE)
    fifo = tmp_path / "swapped.txt"
    os.mkfifo(fifo)
    real_stat = os.stat
    # The first check sees a regular file (as if the FIFO replaced it just after): the open must
    # not block and the check on the open descriptor must refuse it.
    monkeypatch.setattr(limits.os, "stat", lambda p, *a, **k: real_stat(regular) if str(p) == str(fifo)
                        else real_stat(p, *a, **k))
    result: list = []
    worker = threading.Thread(target=lambda: result.append(_catch(read_limited, fifo)), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert isinstance(result[0], InputFileError) and "named pipe" in str(result[0])


def _catch(fn, *args):
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - returned for the assertion
        return exc


@pytest.mark.parametrize("loader", [lambda p: load_story(p), lambda p: read_article(p)])
def test_limits_library_readers_refuse_a_fifo(tmp_path, loader):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError, match="named pipe"):
        loader(fifo)


@pytest.mark.parametrize("target", ["story.json", "article.txt"])
def test_limits_app_targets_fifo_gives_an_error_not_a_hang(tmp_path, target):
    fifo = tmp_path / target
    os.mkfifo(fifo)
    code = ("import sys\nfrom storymap.app.session import _load_targets\n"
            "try:\n    _load_targets([sys.argv[1]])\nexcept Exception as e:\n    print(type(e).__name__, e)\n")
    r = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert "InputFileError" in r.stdout and "named pipe" in r.stdout, r.stdout + r.stderr


# --- bounded pieces for the model -----------------------------------------------------------------


def _words(n: int) -> str:
    vocab = ["troops", "moved", "north", "of", "Baghdad", "on", "Monday", "and", "officials", "said"]
    return " ".join(vocab[i % len(vocab)] for i in range(n))


@pytest.mark.parametrize("text,limit", [
    (_words(30_000), 1_000),  # one long line, no sentence ends
    (". ".join(_words(7) for _ in range(3_000)) + ".", 500),  # many short sentences
    ("x" * 2_500, 1_000),  # one "word" longer than the limit
    ("short text", 1_000),
    ("", 1_000),
    ("a\u2028b " * 2_000, 333),  # other whitespace
])
def test_limits_chunks_are_bounded_and_map_back_exactly(text, limit):
    spans = chunk_spans(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b or len(text) == 0 for a, b in spans)
    assert all(b - a <= limit for a, b in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))
    assert "".join(text[a:b] for a, b in spans) == text


def test_limits_chunks_cut_between_words_and_prefer_sentence_ends():
    text = ". ".join(_words(9) for _ in range(2_000)) + "."
    for a, b in chunk_spans(text, 700)[:-1]:
        assert text[b - 1].isspace() and text[b - 2] == ".", text[b - 20:b]
    line = _words(20_000)
    for a, b in chunk_spans(line, 1_000)[:-1]:
        assert line[b - 1] == " " and line[b] != " "


# --- workers die with their parent ----------------------------------------------------------------


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="workers run on Linux with two cores or more")
def test_limits_places_workers_die_when_the_command_is_killed(tmp_path, real_gaz):
    article = tmp_path / "long.txt"
    # Long enough (over 200k characters) for the model to run in two worker processes.
    para = "Troops moved from Kuwait to Baghdad on Monday, officials in Washington said. " * 20
    article.write_text("\n".join(f"Report {i}. {para}" for i in range(300)))  # repeated lines would be dropped
    proc = subprocess.Popen([sys.executable, "-m", "storymap.cli", "places", str(article)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        kids: list[int] = []
        while time.monotonic() < deadline and proc.poll() is None:
            kids = _children(proc.pid)
            if len(kids) >= 2:
                break
            time.sleep(0.05)
        assert len(kids) >= 2, "the workers never started"
        time.sleep(0.3)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(_alive(k) for k in kids):
            time.sleep(0.05)
        left = [k for k in kids if _alive(k)]
        for k in left:
            os.kill(k, signal.SIGKILL)  # do not leave them behind for the rest of the run
        assert not left, f"workers {left} outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --- file names that are not UTF-8 ----------------------------------------------------------------

NAME = os.fsdecode(b"caf\xe9-report")  # Latin-1 bytes: not a valid UTF-8 name


@pytest.mark.parametrize("command", ["places", "dates", "build"])
@pytest.mark.parametrize("exists", [True, False])
def test_limits_non_utf8_file_name_runs_or_fails_in_one_line(tmp_path, real_gaz, command, exists):
    path = tmp_path / f"{NAME}.txt"
    if exists:
        path.write_text(ARTICLE)
    out = tmp_path / f"{NAME}.json"
    args = {"places": ["places", str(path), "--format", "jsonl"], "dates": ["dates", str(path)],
            "build": ["build", str(path), "-o", str(out)]}[command]
    r = run_cli(*args, timeout=120)
    stderr = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    shown = "caf\\xe9-report.txt"
    if exists:
        assert r.returncode == 0, stderr
        if command == "places":
            assert {json.loads(line)["file"] for line in r.stdout.decode().splitlines()} == {str(tmp_path / shown)}
        if command == "build":
            assert out.exists() and load_story(out).steps
    else:
        assert r.returncode == 2 and len(stderr.strip().splitlines()) == 1
        assert re.search(re.escape(shown) + ": file not found", stderr), stderr


def test_limits_non_utf8_story_name_in_export(tmp_path):
    path = tmp_path / f"{NAME}.json"
    r = run_cli("export", str(path), "--csv", str(tmp_path / "x.csv"))
    stderr = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 2 and stderr.strip().endswith("caf\\xe9-report.json: no such story file"), stderr
