"""HTTP fetching against a local server: limits, redirects, charsets and clear errors."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fixtures.web.server import SLOW_SECONDS, WebServer, serve

from movesboard.ingest import IngestError
from movesboard.ingest.fetch import USER_AGENT, Limits, fetch

LIMITS = Limits(timeout=0.3, max_bytes=256 * 1024)


@pytest.fixture(scope="module")
def web() -> Iterator[WebServer]:
    with serve() as server:
        yield server


def test_fetch_gives_body_final_url_charset_and_validators(web: WebServer) -> None:
    response = fetch(web.url("en-article.html"), limits=LIMITS)
    assert response.status == 200
    assert response.url == web.url("en-article.html")
    assert response.content_type == "text/html" and response.charset == "utf-8"
    assert b"Clara Lindqvist" in response.body
    assert response.etag and response.last_modified


def test_sends_a_user_agent(web: WebServer) -> None:
    fetch(web.url("id-article.html"), limits=LIMITS)
    headers = [h for path, h in web.requests if path == "/id-article.html"][-1]
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("movesboard/")


def test_follows_redirects_and_reports_the_final_url(web: WebServer) -> None:
    response = fetch(web.url("redirect"), limits=LIMITS)
    assert response.url == web.url("en-article.html")
    assert b"Clara Lindqvist" in response.body


def test_conditional_get_gives_not_modified(web: WebServer) -> None:
    first = fetch(web.url("rss.xml"), limits=LIMITS)
    again = fetch(web.url("rss.xml"), limits=LIMITS, etag=first.etag)
    assert again.not_modified and again.body == b""
    since = fetch(web.url("rss.xml"), limits=LIMITS, last_modified=first.last_modified)
    assert since.not_modified


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("missing", "HTTP 404 Not Found"),
        ("server-error", "HTTP 500"),
        ("redirect-loop", "too many redirects"),
        ("huge", "response too large (8192 KiB, limit 256 KiB)"),
        ("huge-unannounced", "response too large (over limit 256 KiB)"),
    ],
)
def test_http_problems_get_one_line_errors_naming_the_url(
    web: WebServer, path: str, problem: str
) -> None:
    with pytest.raises(IngestError) as raised:
        fetch(web.url(path), limits=LIMITS)
    message = str(raised.value)
    assert message.startswith(web.url(path) + ": ")
    assert problem in message and "\n" not in message


def test_slow_response_times_out(web: WebServer) -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"timed out after 0\.3 s"):
        fetch(web.url("slow"), limits=LIMITS)
    assert time.monotonic() - started < SLOW_SECONDS


def test_unreachable_host_and_bad_scheme() -> None:
    # A port on 127.0.0.1 that nothing listens on: bind one, note it, close it.
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    with pytest.raises(IngestError, match="cannot connect") as raised:
        fetch(url, limits=LIMITS)
    assert str(raised.value).startswith(url + ": ")
    with pytest.raises(IngestError, match="not an http"):
        fetch("ftp://127.0.0.1/file", limits=LIMITS)
