"""Bounded input: the one way storymap reads a user's file, and bounded pieces of text for the model.

* :func:`read_limited` reads regular files only (a FIFO, device, directory or socket is refused
  before it is opened, so a named pipe cannot hang a command and ``/dev/zero`` cannot fill memory),
  and at most a size cap (``--max-bytes`` or ``STORYMAP_MAX_BYTES``) plus one byte.
* :func:`chunk_spans` cuts a long text into pieces of bounded length for spaCy, and
  :func:`batch_size` bounds the characters in a batch: spaCy's memory follows what it is given at
  once (about 3 GB per MB), so one long line without breaks must not reach it whole.
* :func:`die_with_parent` makes worker processes forked meanwhile exit when their parent is killed.

Nothing here imports the rest of storymap except its errors, so :mod:`storymap.ingest` can use it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import threading

from .errors import InputFileError

__all__ = [
    "ARTICLE_MAX_BYTES",
    "STORY_MAX_BYTES",
    "ENV_MAX_BYTES",
    "CHUNK_CHARS",
    "BATCH_CHARS",
    "batch_size",
    "display_name",
    "max_bytes",
    "read_limited",
    "chunk_spans",
    "die_with_parent",
]

#: Default caps. A long news article is ~50 KB; a 20 MB one is a scraped archive, not an article.
ARTICLE_MAX_BYTES = 20_000_000
STORY_MAX_BYTES = 50_000_000
ENV_MAX_BYTES = "STORYMAP_MAX_BYTES"

#: Longest piece of text given to the model at once, and about the most characters in one batch
#: of pieces. spaCy's working memory follows the characters in a batch (roughly 3 KB a character:
#: a batch of 64 pieces of 100k characters would take 18 GB), so both are bounded; a news paragraph
#: is well under a piece, and a batch of them stays at the usual 64.
CHUNK_CHARS = 5_000
BATCH_CHARS = 50_000
MAX_BATCH = 64

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def display_name(path: str | bytes | os.PathLike) -> str:
    """``path`` as printable text: bytes that are not UTF-8 shown as ``\\xff`` escapes, never as
    lone surrogates (which cannot be written to a UTF-8 terminal or file)."""
    try:
        raw = os.fsencode(path)
    except (TypeError, ValueError):
        return repr(path)
    return raw.decode("utf-8", "backslashreplace")


def max_bytes(kind: str = "article", given: int | None = None) -> int:
    """The cap for a file of ``kind`` ("article" or "story"): ``given`` (``--max-bytes``), else
    ``$STORYMAP_MAX_BYTES``, else the default for the kind."""
    if given is not None:
        if given < 1:
            raise InputFileError(f"--max-bytes {given}: expected a positive number of bytes")
        return given
    env = os.environ.get(ENV_MAX_BYTES, "").strip()
    if env:
        try:
            value = int(env.replace("_", ""))
        except ValueError:
            value = 0
        if value < 1:
            raise InputFileError(f"{ENV_MAX_BYTES}={env!r}: expected a positive number of bytes")
        return value
    return STORY_MAX_BYTES if kind == "story" else ARTICLE_MAX_BYTES


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "a special file")


def _too_big(name: str, size: int, cap: int, kind: str, at_least: bool = False) -> InputFileError:
    article = "an" if kind == "article" else "a"
    return InputFileError(
        f"{name}: {'' if at_least else f'{size:,} bytes, '}more than the {cap:,}-byte limit for {article} "
        f"{kind} file; raise it with --max-bytes N or {ENV_MAX_BYTES}"
    )


def _expected(kind: str, other: str) -> str:
    """ "is a directory, expected a file", "is a named pipe (FIFO), expected a regular story file"."""
    what = "file" if kind == "article" else f"{kind} file"
    return f"is {other}, expected a {'' if other == 'a directory' else 'regular '}{what}"


def _os_error(name: str, exc: OSError | ValueError, kind: str) -> InputFileError:
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return InputFileError(f"{name}: file not found" if kind == "article" else f"{name}: no such {kind} file")
    if isinstance(exc, PermissionError):
        return InputFileError(f"{name}: permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputFileError(f"{name}: {_expected(kind, 'a directory')}")
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return InputFileError(f"{name}: cannot read the {kind} file ({reason})")


def read_limited(path: str | bytes | os.PathLike, *, kind: str = "article", limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most the cap for ``kind`` (see :func:`max_bytes`).

    The file type is checked with ``stat`` before opening and again with ``fstat`` on the open
    descriptor (opened non-blocking, so a FIFO swapped in between cannot block the open). Raises
    :class:`InputFileError` naming the file for anything else: missing, unreadable, not a regular
    file, or larger than the cap (at most cap + 1 bytes are ever read, whatever ``st_size`` says).
    """
    name = display_name(path)
    cap = max_bytes(kind, limit)
    try:
        other = _kind_of(os.stat(path).st_mode)
        if other:
            raise InputFileError(f"{name}: {_expected(kind, other)}")
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags)
    except InputFileError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: an embedded NUL in the path
        raise _os_error(name, exc, kind) from None
    with os.fdopen(fd, "rb", buffering=0, closefd=True) as fh:
        try:
            st = os.fstat(fd)
            other = _kind_of(st.st_mode)
            if other:
                raise InputFileError(f"{name}: {_expected(kind, other)}")
            if st.st_size > cap:
                raise _too_big(name, st.st_size, cap, kind)
            data = _read_upto(fh, cap + 1)
        except InputFileError:
            raise
        except OSError as exc:
            raise _os_error(name, exc, kind) from None
    if len(data) > cap:  # the file grew, or its size is not what stat says (/proc, FUSE)
        raise _too_big(name, cap, cap, kind, at_least=True)
    return data


def _read_upto(fh, n: int) -> bytes:
    parts, left = [], n
    while left > 0:
        block = fh.read(min(left, 1 << 20))
        if not block:
            break
        parts.append(block)
        left -= len(block)
    return b"".join(parts)


# A sentence end: punctuation, optional closing quotes or brackets, then whitespace.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"')\]\u2019\u201d]*\s")
_SPACE = re.compile(r"\s")


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces that cover ``text`` end to end, each at most ``limit`` characters.

    A piece ends after the last sentence end in the second half of its window, else after the last
    whitespace there, else (one word of ``limit`` characters) at the limit itself. The pieces are
    contiguous, so ``text[start:end]`` joined gives ``text`` back and an offset ``i`` in a piece is
    ``start + i`` in the text. Linear time: each window is scanned once.
    """
    if limit < 2:
        raise ValueError(f"chunk limit {limit}: expected at least 2 characters")
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = None
        for m in _SENTENCE_END.finditer(text, lo, hi):
            cut = m.end()
        if cut is None:
            space = max(text.rfind(" ", lo, hi), text.rfind("\n", lo, hi))
            if space < 0:
                m = None
                for m in _SPACE.finditer(text, lo, hi):
                    pass
                space = m.start() if m else -1
            cut = space + 1 if space >= 0 else hi
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def batch_size(texts: list[str], batch_chars: int = BATCH_CHARS) -> int:
    """How many of ``texts`` to give the model at once: about ``batch_chars`` characters a batch
    (by their mean length), between 1 and 64."""
    if not texts:
        return MAX_BATCH
    mean = max(1, sum(map(len, texts)) // len(texts))
    return max(1, min(MAX_BATCH, batch_chars // mean))


# --------------------------------------------------------------------------------------------------
# Worker processes that die with their parent
# --------------------------------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1
_armed = threading.local()
_hook_lock = threading.Lock()
_hook_installed = False


def _set_pdeathsig(parent: int) -> None:
    """In a forked child: ask Linux to kill this process when its parent dies (PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)


def _after_fork_child() -> None:
    parent = getattr(_armed, "parent", None)
    if parent is not None:
        _armed.parent = None  # the child's own forks, if any, are not covered
        _set_pdeathsig(parent)


@contextlib.contextmanager
def die_with_parent():
    """While active, processes this thread forks (spaCy's ``n_process`` workers, multiprocessing
    with the fork start method) are killed by the kernel when this process dies, even by
    ``kill -9``: otherwise they wait on their input queue for ever. A no-op off Linux."""
    global _hook_installed
    if not sys.platform.startswith("linux"):
        yield
        return
    with _hook_lock:
        if not _hook_installed:
            os.register_at_fork(after_in_child=_after_fork_child)
            _hook_installed = True
    previous = getattr(_armed, "parent", None)
    _armed.parent = os.getpid()
    try:
        yield
    finally:
        _armed.parent = previous
