"""Who can reach the app and where it may write: loopback by default, a token beyond it, and
"Save as" confined to the stories folder."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from unittest import mock

import pytest

from storymap.app import launch, session
from storymap.errors import OutputError, StorymapError
from storymap.files import name_in_folder

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "storymap" / "app" / "streamlit_app.py"
FIXTURE = ROOT / "tests" / "fixtures" / "app_story.json"
TOKEN = "correct-horse-battery"


def test_the_app_listens_on_loopback_unless_told_otherwise():
    assert "--server.address=127.0.0.1" in launch.streamlit_command(8765)
    assert "--server.address=0.0.0.0" in launch.streamlit_command(8765, "0.0.0.0")
    assert "--server.address=127.0.0.1" not in launch.streamlit_command(8765, "0.0.0.0")
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def test_a_host_without_a_token_gets_a_new_random_one():
    made = {launch.access_token("0.0.0.0", None, env={}) for _ in range(2)}
    assert len(made) == 2 and all(len(t) >= 20 for t in made)
    assert launch.access_token(None, None, env={}) is None
    assert launch.access_token("0.0.0.0", None, env={"STORYMAP_APP_TOKEN": TOKEN}) == TOKEN


@pytest.mark.parametrize("token", ["short", "", " padded-token-here "])
def test_a_weak_token_is_refused(token):
    with pytest.raises(StorymapError, match="access token: expected at least 12 characters"):
        launch.access_token("0.0.0.0", token, env={})


def test_run_app_with_a_host_prints_the_token_once_and_passes_it_by_environment(tmp_path, capsys, fake_server):
    story = tmp_path / "story.json"
    shutil.copy(FIXTURE, story)
    seen = fake_server
    assert launch.run_app([str(story)], address="0.0.0.0") == 0
    token = seen["env"]["STORYMAP_APP_TOKEN"]
    assert capsys.readouterr().err.count(token) == 1
    assert not any(token in part for part in seen["cmd"])  # not in `ps` output
    assert "--server.address=0.0.0.0" in seen["cmd"]
    assert seen["env"]["STORYMAP_STORIES_DIR"] == str(tmp_path.resolve())


def test_cli_refuses_a_short_token_in_one_line(capsys):
    from storymap.cli import main

    assert main(["app", "--host", "0.0.0.0", "--token", "abc"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("storymap: error: access token") and err.count("\n") == 1


# --------------------------------------------------------------------------------------------
# The token prompt (AppTest)


@pytest.fixture()
def locked_app(app_env, monkeypatch):
    """The suite's app set-up (``app_env``), behind an access token."""
    monkeypatch.setenv("STORYMAP_APP_TOKEN", TOKEN)
    return app_env


def _run(cookies: dict | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=60)
    with mock.patch.object(session, "request_cookies", lambda: dict(cookies or {})):
        return at.run()


def _shows_story(at) -> bool:
    text = " ".join(str(getattr(e, "value", "")) for e in at.main) + " ".join(
        str(getattr(e, "value", "")) for e in at.sidebar)
    return "Fujairah" in text or "Gulf" in text or bool(at.sidebar.button)


def test_a_visitor_without_the_token_sees_only_the_prompt(locked_app):
    at = _run()
    assert not at.exception
    assert [w.label for w in at.text_input] == ["Access token"]
    assert not _shows_story(at)
    assert "story_path" not in at.session_state  # not even loaded


@pytest.mark.parametrize("typed, opens", [("wrong-token-value", False), (TOKEN[:-1], False), (TOKEN, True)])
def test_the_story_appears_only_after_the_right_token(locked_app, typed, opens):
    at = _run()
    at.text_input[0].input(typed)
    at.button[0].click()
    with mock.patch.object(session, "request_cookies", dict):
        at.run()
    assert _shows_story(at) is opens
    assert bool(at.error) is not opens


def test_a_browser_that_gave_the_token_before_is_let_in_by_its_cookie(locked_app):
    assert _shows_story(_run({"storymap_auth": session._auth_proof(TOKEN)}))
    assert not _shows_story(_run({"storymap_auth": session._auth_proof("another-token-xyz")}))


# --------------------------------------------------------------------------------------------
# "Save as" names


@pytest.mark.parametrize("name", ["story.json", "Gulf 2019.json", "état.JSON"])
def test_a_bare_json_name_is_accepted(tmp_path, name):
    assert name_in_folder(name, tmp_path) == tmp_path / name


@pytest.mark.parametrize("name, why", [
    ("../up.json", "bare file name"), ("a/b.json", "bare file name"), ("a\\b.json", "bare file name"),
    ("/etc/x.json", "bare file name"), (".bashrc", "may not start with a dot"), ("~/.bashrc", "bare file name"),
    ("notes.txt", "ending in .json"), (".json", "may not start with a dot"), ("a\x00.json", "control characters"),
    ("a\n.json", "control characters"), (" a.json", "spaces"), ("", "spaces"), ("x..json", "bare file name"),
])
def test_a_name_that_could_leave_the_folder_or_is_not_json_is_refused(tmp_path, name, why):
    with pytest.raises(OutputError, match=why) as e:
        name_in_folder(name, tmp_path)
    assert "\n" not in str(e.value).replace(repr("a\n.json"), "")


def test_a_symlink_pointing_out_of_the_folder_is_refused_and_one_inside_is_not(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "out.json").symlink_to(tmp_path / "elsewhere.json")
    (folder / "in.json").symlink_to(folder / "real.json")
    with pytest.raises(OutputError, match="outside the stories folder"):
        name_in_folder("out.json", folder)
    assert name_in_folder("in.json", folder) == folder / "in.json"


@pytest.mark.browser
def test_browser_without_the_token_sees_no_story_and_with_it_does(tmp_path):
    import shutil as sh

    from storymap.app.launch import running_app
    from storymap.render import CHROMIUM_ARGS

    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = sh.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed")
    story = tmp_path / "story.json"
    shutil.copy(FIXTURE, story)
    with running_app([str(story)], autosave_dir=tmp_path / "autosave", token=TOKEN) as url, \
            sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "?step=1")
        field = page.get_by_label("Access token", exact=True).and_(page.locator("input"))
        field.wait_for(timeout=30_000)
        assert "Fujairah" not in page.content()
        field.fill("not-the-token-at-all")
        page.get_by_role("button", name="Open").click()
        page.get_by_text("Wrong access token.").wait_for(timeout=10_000)
        assert "Fujairah" not in page.content()
        field.fill(TOKEN)
        page.get_by_role("button", name="Open").click()
        page.locator(".st-key-narrative h3").wait_for(timeout=30_000)
        # The page stores the auth cookie with a script drawn in that run; a reload in the very
        # same instant could come first, so wait until the browser holds it.
        page.wait_for_function("() => document.cookie.includes('storymap_auth=')", timeout=10_000)
        page.reload()  # the auth cookie lets this browser back in without typing it again
        page.locator(".st-key-narrative h3").wait_for(timeout=30_000)
        assert page.locator("input[aria-label=\"Access token\"]").count() == 0
        browser.close()
