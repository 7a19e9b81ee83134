"""Fetching one URL the user named, bounded in every way a server could stretch it.

- **One deadline for the whole fetch** (name lookup, connect, headers, body, every redirect):
  a server that sends one byte a second, or never finishes, is cut off when it passes. A
  timeout per socket read is not enough: each byte arrives in time and the fetch never ends.
  The fetch runs in a daemon thread; at the deadline the caller stops waiting and shuts the
  socket, which ends any read still blocked in the thread.
- **The size limit counts decompressed bytes**: a gzip bomb stops at the limit.
- **At most five redirects, each to http(s) only.**
- **Only HTML and text**: another content type is refused with its type named, before its
  body is read.

Errors are :class:`~hypecheck.read.load.InputError` with one line a user can act on.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 5
ACCEPTED_TYPES = ("text/", "application/xhtml+xml")
CHUNK = 16_384
USER_AGENT = "hypecheck (article scorer)"


def _error(message: str) -> Exception:
    from hypecheck.read.load import InputError

    return InputError(message)


@dataclass
class _Fetch:
    """One fetch in progress: what the worker thread found, and the connection to shut."""

    url: str
    max_bytes: int
    deadline: float
    result: tuple[bytes, str] | None = None
    error: Exception | None = None
    # The socket of the request in flight: the connection hands it to the response, so it is
    # kept here to set its timeout and to shut it from the caller's thread.
    sock: socket.socket | None = field(default=None, repr=False)
    cancelled: bool = False

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0 or self.cancelled:
            raise TimeoutError
        return left


def fetch(url: str, max_bytes: int, timeout: float) -> tuple[bytes, str]:
    """The body of ``url`` (decompressed, at most ``max_bytes``) and its content type, or an
    InputError; returns or raises within ``timeout`` seconds (plus a few milliseconds)."""
    _parse(url)  # a malformed URL is an error at once, in this thread
    job = _Fetch(url, max_bytes, time.monotonic() + timeout)
    worker = threading.Thread(target=_run, args=(job,), name="hypecheck-fetch", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        job.cancelled = True
        _shut(job.sock)
        raise _error(f"{url}: no complete answer within {timeout:g} s (raise it with --timeout)")
    if job.error is not None:
        raise job.error
    assert job.result is not None
    return job.result


def _run(job: _Fetch) -> None:
    try:
        job.result = _fetch(job)
    except TimeoutError:
        job.error = _error(f"{job.url}: no complete answer within the time limit (raise it with --timeout)")
    except Exception as err:  # noqa: BLE001 - the thread must report, never raise
        job.error = err if type(err).__name__ == "InputError" else _error(f"{job.url}: cannot be fetched ({_reason(err)})")
    finally:
        _shut(job.sock)


def _reason(err: BaseException) -> str:
    if isinstance(err, socket.gaierror):
        return "host not found"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__


def _parse(url: str):
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as err:
        raise _error(f"{url}: not a valid URL ({err})") from None
    if parts.scheme not in ("http", "https"):
        raise _error(f"{url}: only http:// and https:// addresses can be fetched")
    if not parts.hostname:
        raise _error(f"{url}: not a valid URL (no host name)")
    return parts


def _fetch(job: _Fetch) -> tuple[bytes, str]:
    url = job.url
    for _ in range(MAX_REDIRECTS + 1):
        parts = _parse(url)
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = kind(parts.hostname, parts.port, timeout=job.remaining())
        connection.connect()
        job.sock = connection.sock
        if job.cancelled:  # the deadline passed while connecting
            raise TimeoutError
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", "Accept": "text/html, text/*;q=0.9"})
        job.sock.settimeout(job.remaining())
        response = connection.getresponse()
        if response.status in (301, 302, 303, 307, 308):
            location = response.getheader("Location")
            _shut(job.sock)
            if not location:
                raise _error(f"{job.url}: the server answered {response.status} without saying where to")
            url = urljoin(url, location)
            if urlsplit(url).scheme not in ("http", "https"):
                raise _error(f"{job.url}: redirected to {url.split(':', 1)[0]}: (only http and https are followed)")
            continue
        if response.status >= 400:
            raise _error(f"{job.url}: the server answered {response.status} {response.reason}")
        content_type = response.headers.get_content_type()
        declared = response.getheader("Content-Type")
        if declared and not content_type.startswith(ACCEPTED_TYPES):
            raise _error(f"{job.url}: the server sent {content_type}, not a web page or text")
        return _body(job, response), content_type
    raise _error(f"{job.url}: more than {MAX_REDIRECTS} redirects")


def _body(job: _Fetch, response: http.client.HTTPResponse) -> bytes:
    """The body, decompressed (gzip or deflate) and cut at ``max_bytes + 1`` decompressed bytes."""
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflate = zlib.decompressobj()
    elif encoding == "identity":
        inflate = None
    else:
        raise _error(f"{job.url}: the server compressed the page with {encoding!r}, which hypecheck does not read")
    limit = job.max_bytes + 1
    out, total, raw = [], 0, 0
    while total < limit:
        job.sock.settimeout(job.remaining())
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        raw += len(chunk)
        if inflate is None:
            piece = chunk
        else:
            try:
                # At most what is left under the limit: a gzip bomb inflates no further.
                piece = inflate.decompress(chunk, limit - total)
            except zlib.error as err:
                raise _error(f"{job.url}: the compressed page is damaged ({err})") from None
            if raw > limit:  # a compressed body larger than the limit is over it in any case
                total = limit
        out.append(piece)
        total += len(piece)
    if total > job.max_bytes:
        what = "decompressed, " if inflate is not None else ""
        raise _error(f"{job.url}: more than {job.max_bytes:,} bytes ({what}the limit; raise it with --max-bytes)")
    return b"".join(out)


def _shut(sock: socket.socket | None) -> None:
    """End a connection from any thread: a read blocked on the socket returns at once."""
    if sock is None:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
