"""Reading articles: files and standard input, with one-line errors for bad input."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES)


class InputError(Exception):
    """An input that cannot be scored; the message is one line a user can act on."""


@dataclass(frozen=True)
class Source:
    id: str
    path: str
    text: str
    markdown: bool
    encoding: str


DEFAULT_MAX_BYTES = 10_000_000  # a long news article is well under 1 MB


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(f"{name}: {size:,} bytes is above the limit of {max_bytes:,} bytes (raise it with --max-bytes)")


def read_path(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one article file. Raises :class:`InputError` with a one-line reason."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_file():
        _check_size(p.stat().st_size, str(p), max_bytes)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give its files ({p}/*.txt) or use: hypecheck report {p}")
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as err:
        raise InputError(f"{p}: cannot be read ({err.strerror or err})") from None
    text, encoding = decode(data, str(p))
    return Source(p.stem, str(path), text, p.suffix.lower() in MARKDOWN_SUFFIXES, encoding)


def read_text(text: str, name: str = "stdin", markdown: bool = False) -> Source:
    if not text.strip():
        raise InputError(f"{name}: empty input")
    return Source(name, name if name != "stdin" else "-", text, markdown, "utf-8")


def read_bytes(data: bytes, name: str = "stdin", markdown: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Standard input (or any bytes): decoded and checked like a file."""
    _check_size(len(data), name, max_bytes)
    if not data.strip():
        raise InputError(f"{name}: empty input")
    text, encoding = decode(data, name)
    return Source(name, name if name != "stdin" else "-", text, markdown, encoding)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes to text, and the encoding found.

    In order: a UTF-16 byte-order mark; UTF-16 without one (every other byte NUL in ASCII
    text); strict UTF-8 (with or without BOM); else a single-byte Western encoding: bytes
    0x80-0x9F are printable only in Windows-1252 (curly quotes, dashes, the euro sign), so their
    presence means cp1252 and their absence ISO-8859-1 (the two agree on every other byte).
    charset-normalizer was tried and misread short cp1252 news text as cp775, so these byte
    facts decide instead.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    has_bom = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    utf16 = None if has_bom else _utf16_without_bom(data[:4096])
    if has_bom or utf16:
        codec = utf16 or "utf-16"
        try:
            text, encoding = data.decode(codec), codec
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-16 text") from None
    else:
        if _looks_binary(data[:4096]):
            raise InputError(f"{name}: looks like a binary file ({_kind(data)}), not text")
        try:
            text, encoding = data.decode("utf-8-sig"), ("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")
        except UnicodeDecodeError:
            if any(0x80 <= byte <= 0x9F for byte in data):
                text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
            else:
                text, encoding = data.decode("latin-1"), "iso-8859-1"
    if not text.strip():
        raise InputError(f"{name}: empty file")
    return text, encoding


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ASCII-range text has a NUL in every other byte."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "zip archive or office document",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "program",
    b"{\\rtf": "RTF document",
}
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\x0b")


def _kind(data: bytes) -> str:
    return next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), "unknown format")


def _looks_binary(head: bytes) -> bool:
    """Known binary signatures, a NUL byte, or more than 5% control characters."""
    if _kind(head) != "unknown format" or b"\x00" in head:
        return True
    controls = sum(head.count(c) for c in _CONTROL)
    return controls > 0.05 * max(1, len(head))


def expand_inputs(patterns: list[str]) -> list[str]:
    """Files, folders (their .txt and .md files, sorted) and globs, in the order given.

    A name that matches nothing is kept as it is, so it becomes a one-line error in its place
    rather than vanishing from a batch.
    """
    import glob

    paths: list[str] = []
    for pattern in patterns:
        p = Path(pattern)
        if p.is_dir():
            found = sorted(str(f) for f in p.iterdir() if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
            paths.extend(found or [pattern])
        elif not p.exists() and glob.has_magic(pattern):
            paths.extend(sorted(glob.glob(pattern)) or [pattern])
        else:
            paths.append(pattern)
    return paths
