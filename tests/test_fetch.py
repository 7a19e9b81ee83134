"""Fetching URLs against a hostile server on 127.0.0.1, started by the test (no other network).

Each slow or endless case must end within the deadline plus one second, with exit code 1 and
one line on standard error (issue 18).
"""

from __future__ import annotations

import gzip
import socketserver
import threading
import time

import pytest
from typer.testing import CliRunner

from hypecheck.cli import app

ARTICLE = (
    b"<!DOCTYPE html><html><head><title>Council approves budget</title></head><body><article>"
    b"<h1>Council approves budget</h1><p>The city council approved the budget on Monday after a debate "
    b"that lasted four hours, according to the minutes published by the clerk.</p>"
    b"<p>The mayor said the plan would fund two new libraries and repair forty kilometres of road.</p>"
    b"</article></body></html>"
)
DEADLINE = 2.0  # --timeout given to every slow case
STOP = threading.Event()


def _head(status: str, content_type: str = "text/html; charset=utf-8", extra: str = "", length: int | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    if extra:
        lines.append(extra)
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _drip(write, data: bytes, every: float = 0.2) -> None:
    for i in range(len(data)):
        if STOP.is_set():
            return
        write(data[i : i + 1])
        time.sleep(every)


class _Hostile(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        request = self.rfile.readline().decode("latin-1")
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        path = request.split(" ")[1] if " " in request else "/"
        write = self.wfile.write
        try:
            if path == "/article":
                write(_head("200 OK", length=len(ARTICLE)) + ARTICLE)
            elif path == "/drip-body":  # headers at once, then a byte every 0.2 s for ever
                write(_head("200 OK", length=len(ARTICLE) * 100))
                _drip(write, ARTICLE * 100)
            elif path == "/drip-headers":  # even the status line arrives a byte at a time
                _drip(write, _head("200 OK", length=len(ARTICLE)) + ARTICLE)
            elif path == "/never-finishes":  # half the body, then silence with the socket open
                write(_head("200 OK", length=len(ARTICLE)) + ARTICLE[:100])
                STOP.wait(30)
            elif path == "/loop":
                write(_head("302 Found", extra="Location: /loop", length=0))
            elif path.startswith("/hops/"):  # /hops/N redirects N times, then the article
                n = int(path.rsplit("/", 1)[1])
                target = f"/hops/{n - 1}" if n > 0 else "/article"
                write(_head("302 Found", extra=f"Location: {target}", length=0))
            elif path == "/to-ftp":
                write(_head("301 Moved Permanently", extra="Location: ftp://127.0.0.1/article", length=0))
            elif path == "/pdf":
                body = b"%PDF-1.7\n" + b"0" * 1000
                write(_head("200 OK", content_type="application/pdf", length=len(body)) + body)
            elif path == "/bomb":  # 200 MB of spaces in about 200 KB of gzip
                body = _BOMB
                write(_head("200 OK", extra="Content-Encoding: gzip", length=len(body)) + body)
            elif path == "/gzip-article":
                body = gzip.compress(ARTICLE)
                write(_head("200 OK", extra="Content-Encoding: gzip", length=len(body)) + body)
            else:
                write(_head("404 Not Found", length=0))
        except OSError:
            pass  # the client hung up: that is the point of most of these


_BOMB = gzip.compress(b"<html><body><p>" + b" " * 200_000_000, compresslevel=9)


@pytest.fixture(scope="module")
def server():
    STOP.clear()
    socketserver.ThreadingTCPServer.daemon_threads = True
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    STOP.set()
    srv.shutdown()
    srv.server_close()


def _score(*args: str):
    runner = CliRunner()
    start = time.monotonic()
    result = runner.invoke(app, ["score", *args])
    return result, time.monotonic() - start


def test_a_plain_page_and_a_gzipped_one_are_read(server, analyzer):
    for path in ("/article", "/gzip-article", "/hops/3"):
        result, _ = _score(server + path, "--format", "json")
        assert result.exit_code == 0, result.output
        assert "Council approves budget" in result.stdout


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers", "/never-finishes"])
def test_a_slow_server_is_cut_off_at_the_deadline(server, analyzer, path):
    result, took = _score(server + path, "--timeout", str(DEADLINE))
    assert took < DEADLINE + 1, f"{path} took {took:.1f} s"
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "within" in result.stderr and "--timeout" in result.stderr


@pytest.mark.parametrize(
    "path, message",
    [
        ("/loop", "more than 5 redirects"),
        ("/hops/6", "more than 5 redirects"),
        ("/to-ftp", "only http and https"),
        ("/pdf", "application/pdf"),
        ("/bomb", "decompressed"),
        ("/missing", "404"),
    ],
)
def test_hostile_answers_are_one_line_errors(server, analyzer, path, message):
    result, took = _score(server + path, "--timeout", str(DEADLINE))
    assert took < DEADLINE + 1, f"{path} took {took:.1f} s"
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_bomb_stops_at_the_size_limit_without_inflating_it(server, analyzer):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result, _ = _score(server + "/bomb", "--max-bytes", "1000000")
    assert result.exit_code == 1 and "more than 1,000,000 bytes" in result.stderr
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100  # the whole bomb would be 200 MB


def test_a_closed_port_is_a_one_line_error(analyzer):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: refused
        result, _ = _score(f"http://127.0.0.1:{port}/", "--timeout", str(DEADLINE))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "cannot be fetched" in result.stderr


def test_a_fetched_page_names_its_own_address(server):
    """The URL a page was fetched from is its site's address (links to it are the site citing
    itself); a page with no canonical link gets it from the fetch."""
    from hypecheck.read.load import PAGE_ADDRESS, read_url

    source = read_url(server + "/article")
    assert f"{PAGE_ADDRESS}{server}/article" in source.text.splitlines()
