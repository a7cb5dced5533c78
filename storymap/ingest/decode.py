"""Bytes to text: strip a byte-order mark, refuse binary files, pick the encoding.

Decoding tries UTF-8 (a leading BOM is dropped, so offsets count from the character after it), a
UTF-16 or UTF-32 BOM's codec, then Windows-1252, then Latin-1. A file that starts with a known
binary signature (PNG, PDF, ZIP ...), holds a NUL byte or is more than a tenth control bytes is
refused with :class:`~storymap.errors.BinaryFileError`, whose message names the file.
"""

from __future__ import annotations

import re

from storymap.errors import BinaryFileError

__all__ = ["decode", "binary_error"]

_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    b"\x1f\x8b",  # gzip
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"BZh91AY&SY",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE2 (old Office)
    b"\x00asm",
    b"II*\x00",
    b"MM\x00*",
    b"OggS",
    b"fLaC",
    b"ID3",
    b"wOFF",
    b"wOF2",
    b"SQLite format 3\x00",
)

# C0 controls other than tab, LF, VT, FF, CR and ESC, plus DEL.
_CONTROL_BYTES = bytes(list(range(0, 9)) + [14, 15] + list(range(16, 27)) + list(range(28, 32)) + [127])
_CONTROL_CHARS_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

_UTF_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def binary_error(name: str) -> BinaryFileError:
    return BinaryFileError(f"{name}: binary file, expected text, Markdown or HTML")


def decode(data: bytes, name: str) -> str:
    """Decode file bytes to text, or raise :class:`BinaryFileError`."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    else:
        for bom, codec in _UTF_BOMS:
            if data.startswith(bom):
                try:
                    text = data[len(bom) :].decode(codec)
                except UnicodeError:
                    raise binary_error(name) from None
                sample = text[:65536]
                if "\x00" in text or len(_CONTROL_CHARS_RE.findall(sample)) > 0.1 * max(len(sample), 1):
                    raise binary_error(name)
                return text
    if data.startswith(_MAGIC) or b"\x00" in data:
        raise binary_error(name)
    sample = data[:65536]
    if sample and len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > 0.1 * len(sample):
        raise binary_error(name)
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeError:
            pass
    return data.decode("latin-1")
