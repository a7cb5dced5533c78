"""storymap.files.atomic_write / file_version and save_story's stale check: no save loses work."""

from __future__ import annotations

import os

import pytest

from storymap.errors import OutputError, StaleStoryError, StorymapError
from storymap.files import FileVersion, atomic_write, backup_path, file_version
from storymap.story import Step, Story, load_story, save_story


def _story(title: str) -> Story:
    return Story(title, (Step("s1", "2019-06-01", f"{title} step", "Text.", (), ()),))


def _leftovers(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


def test_atomic_write_keeps_the_previous_version_as_bak(tmp_path):
    p = tmp_path / "a.json"
    atomic_write(p, b"one")
    atomic_write(p, b"two")
    assert p.read_bytes() == b"two"
    assert backup_path(p).read_bytes() == b"one"
    atomic_write(p, b"two")  # same bytes: the backup keeps the real previous version
    assert backup_path(p).read_bytes() == b"one"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("interrupt", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_write_killed_at_the_rename_leaves_file_bak_and_no_temp_file(tmp_path, monkeypatch, interrupt):
    p = tmp_path / "a.json"
    p.write_bytes(b"current")
    backup_path(p).write_bytes(b"older")

    def broken_replace(src, dst):
        raise interrupt

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(type(interrupt)):
        atomic_write(p, b"new")
    monkeypatch.undo()
    assert p.read_bytes() == b"current"
    assert backup_path(p).read_bytes() == b"older"
    assert _leftovers(tmp_path) == []


def test_bak_is_rotated_only_after_the_new_file_landed(tmp_path, monkeypatch):
    p = tmp_path / "a.json"
    p.write_bytes(b"current")
    backup_path(p).write_bytes(b"older")
    real_replace = os.replace
    seen = []

    def watching_replace(src, dst):
        seen.append((os.path.basename(dst), p.read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watching_replace)
    atomic_write(p, b"new")
    # The .bak is replaced second, when a.json already holds the new bytes.
    assert seen == [("a.json", b"current"), ("a.json.bak", b"new")]
    assert backup_path(p).read_bytes() == b"current"


def test_saving_through_a_symlink_keeps_the_link_and_writes_its_target(tmp_path):
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_story(_story("Linked"), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_story(real).title == "Linked"
    assert backup_path(real).read_bytes() == b"old"
    assert not backup_path(link).exists()


def test_file_version_changes_with_the_content_and_is_none_for_a_missing_file(tmp_path):
    p = tmp_path / "a.json"
    assert file_version(p) is None
    p.write_bytes(b"abc")
    v = file_version(p)
    assert isinstance(v, FileVersion) and v.size == 3
    assert v.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    with pytest.raises(AttributeError):
        v.size = 4  # frozen
    p.write_bytes(b"abd")
    assert not v.same_content(file_version(p))


def test_the_second_of_two_saves_from_one_version_is_refused_as_stale(tmp_path):
    p = tmp_path / "story.json"
    save_story(_story("Base"), p)
    loaded = file_version(p)  # both sessions loaded this version
    save_story(_story("First edit"), p, expect=loaded)
    with pytest.raises(StaleStoryError, match=r"story\.json: was changed by someone else") as e:
        save_story(_story("Second edit"), p, expect=loaded)
    assert isinstance(e.value, StorymapError) and "\n" not in str(e.value)
    assert load_story(p).title == "First edit"


@pytest.mark.parametrize("change", ["edit", "remove"])
def test_a_change_on_disk_since_loading_is_detected(tmp_path, change):
    p = tmp_path / "story.json"
    save_story(_story("Base"), p)
    loaded = file_version(p)
    if change == "edit":
        p.write_text(p.read_text(encoding="utf-8").replace("Base", "Hand"), encoding="utf-8")
    else:
        p.unlink()
    with pytest.raises(StaleStoryError):
        save_story(_story("Mine"), p, expect=loaded)
    assert (load_story(p).title == "Hand") if change == "edit" else not p.exists()


def test_a_touch_without_a_change_is_not_stale(tmp_path):
    p = tmp_path / "story.json"
    save_story(_story("Base"), p)
    loaded = file_version(p)
    os.utime(p, ns=(1, 1))
    save_story(_story("Mine"), p, expect=loaded)
    assert load_story(p).title == "Mine"


def test_an_unwritable_folder_is_a_one_line_output_error(tmp_path):
    with pytest.raises(OutputError, match=r"nowhere/story\.json: cannot save the story"):
        save_story(_story("X"), tmp_path / "nowhere" / "story.json")
