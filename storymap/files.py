"""Writing files so that no reader ever sees half of one and no save loses the previous version.

:func:`atomic_write` is the one way storymap replaces a file (stories, exports, the basemap,
benchmark reports); :func:`file_version` is what a caller remembers about a file it loaded, so a
later save can tell whether someone else changed it in the meantime. :func:`cache_dir` is the one
folder for what storymap keeps between runs (autosaves, the online geocoder's answers, the app's
served files).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FileVersion", "file_version", "atomic_write", "backup_path", "fsync_directory", "inside", "name_in_folder",
           "cache_dir"]


@dataclass(frozen=True)
class FileVersion:
    """What a file was when it was read: modification time (ns), size and SHA-256 of its bytes."""

    mtime_ns: int
    size: int
    sha256: str

    def same_content(self, other: "FileVersion | None") -> bool:
        """Whether ``other`` holds the same bytes (a mere ``touch`` changes nobody's work)."""
        return other is not None and other.size == self.size and other.sha256 == self.sha256


def file_version(path: str | os.PathLike[str]) -> FileVersion | None:
    """The version of the file at ``path`` (following symlinks), or ``None`` when there is none."""
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                return None
            digest = hashlib.sha256()
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    return FileVersion(st.st_mtime_ns, st.st_size, digest.hexdigest())


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where :func:`atomic_write` keeps the previous version of ``path``: ``story.json.bak``."""
    p = Path(path)
    return p.with_name(p.name + ".bak")


def fsync_directory(directory: str | os.PathLike[str]) -> None:
    """Make a rename in ``directory`` durable (best effort: not every platform allows it)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # the rename is still atomic, only perhaps not yet on disk
    finally:
        os.close(fd)


def _unlink_quietly(path: str | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _stash_old(target: Path, data: bytes) -> str | None:
    """A temporary second name for the current ``target`` (a hard link, else a copy), or ``None``
    when there is nothing to keep (no file yet, or it already holds ``data``)."""
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return None
    except FileNotFoundError:
        return None
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".bak.tmp")
    os.close(fd)
    try:
        os.unlink(tmp)
        try:
            os.link(target, tmp)  # the old inode survives the replace under this name
        except OSError:  # no hard links here (some network or FAT file systems): copy instead
            with open(target, "rb") as src, open(tmp, "xb") as dst:
                dst.write(src.read())
                dst.flush()
                os.fsync(dst.fileno())
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return tmp


def atomic_write(path: str | os.PathLike[str], data: bytes, *, backup: bool = True, mode: int | None = None) -> Path:
    """Replace the file at ``path`` with ``data`` so that readers see the old file or the new one.

    The bytes go to a temporary file in the same folder, are fsynced and renamed over the target.
    With ``backup`` the previous content (when different) becomes ``<name>.bak``, but only once the
    new file is in place: a failed write leaves both the file and its old ``.bak`` untouched. No
    temporary file survives any failure, KeyboardInterrupt included.

    A symlink is followed on purpose: the file it points to is replaced and the link stays a link.
    The permissions of an existing file are kept (``mode``, else 0o644, for a new one). Returns the
    path written (the link's target for a symlink). Raises ``OSError`` as the system reports it.
    """
    target = Path(os.path.realpath(path))
    try:
        if mode is None:
            mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o644
    old_tmp = _stash_old(target, data) if backup else None
    new_tmp: str | None = None
    try:
        fd, new_tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(new_tmp, mode)
        os.replace(new_tmp, target)
        new_tmp = None
        if old_tmp is not None:
            os.replace(old_tmp, backup_path(target))
            old_tmp = None
        fsync_directory(target.parent)
    finally:
        _unlink_quietly(new_tmp)
        _unlink_quietly(old_tmp)
    return target


def _refuse(name: str, why: str) -> None:
    from storymap.errors import OutputError

    raise OutputError(f"{name!r}: {why}")


def inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether ``path``, with every symlink resolved, lies in ``folder`` (also resolved)."""
    real, root = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return real != root and real.is_relative_to(root)


def name_in_folder(name: str, folder: str | os.PathLike[str], suffix: str = ".json") -> Path:
    """The file ``folder/name`` for a "Save as" that may write only into ``folder``.

    ``name`` must be a bare file name ending in ``suffix``: no folder separators, no ``..``, no
    leading dot (no hidden files such as ``.bashrc``), no control characters. An existing
    ``folder/name`` that is a symlink must point inside ``folder``. Raises
    :class:`~storymap.errors.OutputError` with a one-line reason otherwise.
    """
    if not name or name != name.strip():
        _refuse(name, "expected a file name without leading or trailing spaces")
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in name):
        _refuse(name, "control characters are not allowed in a file name")
    if "/" in name or "\\" in name or (os.altsep and os.altsep in name) or ".." in name:
        _refuse(name, "expected a bare file name (no folders, no '..')")
    if name.startswith("."):
        _refuse(name, "a file name may not start with a dot")
    if not name.lower().endswith(suffix) or len(name) == len(suffix):
        _refuse(name, f"expected a file name ending in {suffix}")
    target = Path(folder) / name
    if not inside(target, folder):
        _refuse(name, f"resolves outside the stories folder {folder}")
    return target


def cache_dir() -> Path:
    """storymap's cache folder: ``$XDG_CACHE_HOME/storymap``, else ``~/.cache/storymap`` (not created here).

    An empty ``XDG_CACHE_HOME`` counts as unset, as the XDG base-directory spec asks; with
    ``XDG_CACHE_HOME=/tmp/xdg`` it is ``/tmp/xdg/storymap``.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "storymap"
