"""Reading articles: files and standard input, with one-line errors for bad input."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
FETCH_TIMEOUT = 20  # seconds, for a URL given explicitly
MIN_HTML_ARTICLE_WORDS = 5
# Lines the HTML loader writes from the page's head (who or what made the page), read by the AI
# disclosure: "Page metadata: generator ...", "Page metadata: author ... (schema.org SoftwareApplication)".
PAGE_METADATA = "Page metadata: "
# The page's own address (its canonical or og:url link, or the URL it was fetched from): the
# publisher's site, so the article's links to it are the publication citing itself.
PAGE_ADDRESS = "Page address: "


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


check_size = _check_size  # collections check each row against the same limit


def read_path(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one article file. Raises :class:`InputError` with a one-line reason.

    At most ``max_bytes + 1`` bytes are read from anything: a regular file is refused by its
    size before reading, a device (``/dev/zero``) or pipe stops at the limit, and a FIFO with no
    writer reads as empty instead of blocking for ever."""
    p = Path(path)
    if p.is_symlink() and not p.exists():
        raise InputError(f"{p}: {_why_missing(p)}")  # a link to nothing, or a loop of links
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as err:
        raise InputError(f"{p}: cannot be read ({err.strerror or err})") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{p}: is a directory; give its files ({p}/*.txt) or use: hypecheck report {p}")
    if stat.S_ISREG(mode):
        _check_size(p.stat().st_size, str(p), max_bytes)
    elif stat.S_ISSOCK(mode):
        raise InputError(f"{p}: is a socket, not a file")
    try:
        if stat.S_ISFIFO(mode):
            data = _read_fifo(p, max_bytes)
        else:
            with p.open("rb") as stream:
                data = read_limited(stream, max_bytes)
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as err:
        raise InputError(f"{p}: cannot be read ({err.strerror or err})") from None
    if len(data) > max_bytes:  # a device or pipe: its size is known only by reading
        raise InputError(f"{p}: more than {max_bytes:,} bytes, the limit (raise it with --max-bytes)")
    if not data.strip():
        raise InputError(f"{p}: empty" + (" (a named pipe nothing was written to)" if stat.S_ISFIFO(mode) else " file"))
    text, encoding = decode(data, str(p))
    if p.suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
        return Source(p.stem, str(path), html_to_text(text, str(p)), True, encoding)
    return Source(p.stem, str(path), text, p.suffix.lower() in MARKDOWN_SUFFIXES, encoding)


def _why_missing(p: Path) -> str:
    """A missing file, a symbolic link to nothing, or a loop of links: say which."""
    if not p.is_symlink():
        return "no such file"
    try:
        p.resolve(strict=True)
    except RuntimeError:  # Python 3.11-3.12 raise this for a loop
        return "a symbolic link loop"
    except OSError as err:
        return "a symbolic link loop" if err.errno == errno.ELOOP else f"a symbolic link to a missing file ({os.readlink(p)})"
    return "no such file"


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``stream``: one more than the limit is enough to
    refuse the input, and ``/dev/zero`` or an endless pipe cannot fill the memory."""
    chunks, total = [], 0
    while total <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read_fifo(p: Path, max_bytes: int) -> bytes:
    """A named pipe: opened without waiting for a writer (a plain open blocks until one comes,
    for ever if none does); one that has no writer reads as empty."""
    fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)  # with a writer, wait for its data like any pipe (a | b)
    with os.fdopen(fd, "rb") as stream:
        return read_limited(stream, max_bytes)


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def read_url(url: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = FETCH_TIMEOUT) -> Source:
    """Fetch a page the user named explicitly (hypecheck never fetches anything else), within
    one deadline for the whole fetch; see :mod:`hypecheck.read.fetch`."""
    from urllib.parse import urlsplit

    from hypecheck.read.fetch import fetch

    data, content_type = fetch(url, max_bytes, timeout)
    text, encoding = decode(data, url)
    parts = urlsplit(url)
    name = Path(parts.path).stem or parts.hostname or "page"
    if content_type in ("text/html", "application/xhtml+xml") or _looks_like_html(text):
        return Source(name, url, html_to_text(text, url), True, encoding)
    return Source(name, url, text, content_type == "text/markdown", encoding)


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def html_to_text(html: str, name: str) -> str:
    """A saved web page reduced to its article with trafilatura: title, byline and date as
    their own lines (so a byline such as "Generated by AI Agent ..." counts as a disclosure),
    then the article's paragraphs as Markdown, links kept (``[text](url)``), so that a claim
    linked to its source counts as attributed. Evidence offsets index this text.

    What the page's head says made it follows as "Page metadata:" lines (the ``generator`` meta
    tag; a schema.org author of type SoftwareApplication), and an image standing inside a line of
    text reads as its alt text, title or file name, as a screen reader reads it ("Generated by"
    followed by a product logo).

    The page is parsed once. Markup that would take lxml minutes (an element with a hundred
    thousand attributes: parsing them is quadratic) is refused first, by a linear scan. Only
    what a reader sees counts: elements hidden by the ``hidden`` attribute, inline styles
    (``display:none``, ``visibility:hidden``, text under 2 px, no opacity) or the usual
    hiding classes are removed before extraction; lines of a visible ``<footer>`` or ``<aside>``
    that speak of AI (a disclosure often stands there) are kept after the article, which
    trafilatura would otherwise leave out with the rest of the page frame."""
    from copy import copy

    import trafilatura
    from trafilatura.core import determine_returnstring
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import Extractor
    from trafilatura.utils import load_html

    from hypecheck.read.visible import check_markup, remove_hidden, visible_frame_lines

    check_markup(html, name)
    tree = load_html(html)
    if tree is None:
        raise InputError(f"{name}: no article text found in the HTML page")
    remove_hidden(tree)
    frame_lines = visible_frame_lines(tree)
    made_by = _made_by(tree)
    meta_author = _meta_author(tree)
    _inline_images_read_as_text(tree)  # in place: an image inside a line of text reads as its label
    metadata_options = Extractor(with_metadata=True, comments=False, tables=False)
    metadata = extract_metadata(
        copy(tree), metadata_options.url, metadata_options.date_params, metadata_options.fast, metadata_options.author_blacklist
    )
    options = Extractor(output_format="markdown", links=True, comments=False, tables=False, images=False)
    document = trafilatura.bare_extraction(tree, options=options)
    body = determine_returnstring(document, options) if document is not None else ""
    if len(body.split()) < MIN_HTML_ARTICLE_WORDS:  # trafilatura falls back to menu text ("Home")
        raise InputError(f"{name}: no article text found in the HTML page")
    title = (metadata.title or "").strip()
    lines = [title] if title else []
    author = metadata.author or meta_author
    if author:
        lines.append(f"By {author.strip()}")
    if metadata.date:
        lines.append(f"Published {metadata.date}")
    address = metadata.url if (metadata.url or "").startswith(("http://", "https://")) else name if is_url(name) else ""
    if address and not any(c.isspace() for c in address):
        lines.append(f"{PAGE_ADDRESS}{address[:2000]}")
    lines += made_by
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    if paragraphs and paragraphs[0].lstrip("# ").strip() == title:
        paragraphs = paragraphs[1:]
    in_body = set(paragraphs)
    paragraphs += [line for line in frame_lines if line not in in_body]
    return "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _made_by(tree) -> list[str]:
    """The page's ``generator`` meta tag and any schema.org (JSON-LD) author typed SoftwareApplication."""
    import json

    lines = []
    for content in tree.xpath("//meta[translate(@name, 'GENRATO', 'genrato')='generator']/@content")[:1]:
        if content.strip():
            lines.append(f"{PAGE_METADATA}generator {' '.join(content.split())[:200]}")
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for author in _schema_authors(data):
            name = author.get("name") if isinstance(author.get("name"), str) else ""
            types = author.get("@type")
            if "SoftwareApplication" in (types if isinstance(types, list) else [types]):
                lines.append(f"{PAGE_METADATA}author {' '.join(name.split())[:200] or 'unnamed'} (schema.org SoftwareApplication)")
    return list(dict.fromkeys(lines))


def _meta_author(tree) -> str | None:
    """The ``author`` meta tag, where trafilatura found no author (it passes over names that do
    not look like a person's, such as "ChatGPT")."""
    found = tree.xpath("//meta[translate(@name, 'AUTHOR', 'author')='author']/@content")
    return " ".join(found[0].split())[:200] or None if found else None


def _schema_authors(data, depth: int = 0):
    """Every ``author`` object in a JSON-LD document (nested in lists and @graph)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _schema_authors(item, depth + 1)
    elif isinstance(data, dict):
        authors = data.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, dict):
                yield author
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _schema_authors(data[key], depth + 1)


def _inline_images_read_as_text(tree) -> str | None:
    """The page with each image that stands inside a line of text replaced by its label (alt,
    title or file name); None when there is no such image (the page is then used unchanged)."""
    import re

    from lxml import html as lxml_html

    changed = False
    for img in list(tree.iter("img")):
        if not _inside_a_line(img):
            continue  # an image on its own (a photo, a figure) is not part of a sentence
        label = (img.get("alt") or img.get("title") or "").strip()
        if not label:
            stem = re.sub(r"\.[a-z0-9]{2,4}$", "", (img.get("src") or "").rsplit("/", 1)[-1].split("?")[0], flags=re.I)
            label = " ".join(re.findall(r"[A-Za-z]{2,}", stem))
        if not label:
            continue
        _replace_with_text(img, " ".join(label.split())[:100])
        changed = True
    return lxml_html.tostring(tree, encoding="unicode") if changed else None


_INLINE = {"a", "span", "picture", "strong", "em", "b", "i", "small", "sup"}


def _inside_a_line(img) -> bool:
    """Text stands right before or after the image (or the link or span wrapping only it)."""
    element = img
    parent = element.getparent()
    while parent is not None and parent.tag in _INLINE and len(parent) == 1 and not (parent.text or "").strip() and not (element.tail or "").strip():
        element, parent = parent, parent.getparent()
    if parent is None:
        return False
    previous = element.getprevious()
    before = (previous.tail if previous is not None else parent.text) or ""
    return bool(before.strip() or (element.tail or "").strip())


def _replace_with_text(img, label: str) -> None:
    parent, previous = img.getparent(), img.getprevious()
    before = (previous.tail if previous is not None else parent.text) or ""
    text = ("" if not before or before[-1:].isspace() else " ") + f"{label} {(img.tail or '').lstrip()}"
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(img)


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


def read_stdin(stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Standard input, read up to the limit (``< /dev/zero`` must not fill the memory)."""
    data = read_limited(stream, max_bytes)
    if len(data) > max_bytes:
        raise InputError(f"stdin: more than {max_bytes:,} bytes, the limit (raise it with --max-bytes)")
    return read_bytes(data, "stdin", max_bytes=max_bytes)


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


def expand_inputs(patterns: list[str], exclude: Path | None = None) -> list[str]:
    """Files, folders (every visible entry in them but subfolders, sorted) and globs, in the order given.

    A name that matches nothing is kept as it is, so it becomes a one-line error in its place
    rather than vanishing from a batch. ``exclude`` (the command's own output file) is left out
    of folders and globs; named on its own it stays, for the command to refuse.
    """
    import glob

    paths: list[str] = []
    for pattern in patterns:
        p = Path(pattern)
        if p.is_dir():
            # Every visible entry, not only .txt/.md/.html: a PDF, a FIFO or a broken link in the
            # folder gets its own error row instead of silently vanishing from the batch.
            found = sorted(str(f) for f in p.iterdir() if not f.is_dir() and not f.name.startswith(".") and not _same_file(f, exclude))
            paths.extend(found or [pattern])
        elif not p.exists() and glob.has_magic(pattern):
            paths.extend(sorted(m for m in glob.glob(pattern) if not _same_file(Path(m), exclude)) or [pattern])
        else:
            paths.append(pattern)
    return paths


def _same_file(path: Path, other: Path | None) -> bool:
    if other is None:
        return False
    try:
        return path.resolve() == other.resolve() or (path.exists() and other.exists() and os.path.samefile(path, other))
    except (OSError, RuntimeError):
        return False


def inputs_overlapping(out: Path, inputs: list[str], folder: bool = False) -> str | None:
    """The first input that writing ``out`` would overwrite: ``out`` itself, or (``folder``)
    any input inside the folder ``out``. None when there is none."""
    target = out.resolve()
    for name in inputs:
        p = Path(name)
        if is_url(name) or name == "-":
            continue
        try:
            inside = folder and target in p.resolve().parents
        except (OSError, RuntimeError):  # a symbolic link loop is nobody's output
            inside = False
        if inside or _same_file(p, out):
            return name
    return None
