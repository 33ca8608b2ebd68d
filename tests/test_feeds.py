"""RSS and Atom: full-content entries, summary-only entries, malformed feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.web.server import WebServer, render, serve

from movesboard.ingest import IngestError, ReadOptions, items_for
from movesboard.ingest.feeds import looks_like_feed, parse_feed
from movesboard.ingest.fetch import Limits

BASE = "http://127.0.0.1:9"  # for parsing only: nothing fetches it
OPTIONS = ReadOptions(limits=Limits(timeout=2, max_bytes=1024 * 1024))


@pytest.fixture(scope="module")
def web() -> Iterator[WebServer]:
    with serve() as server:
        yield server


def test_rss_entries_full_content_and_summary_only() -> None:
    feed = parse_feed(render("rss.xml", BASE), "rss.xml")
    assert feed.title == "Example Tech Wire" and feed.ttl == 30 * 60
    first, second, third = feed.entries
    assert first.key == "etw-0001"
    # Tracking parameters go: the entry meets the page under one canonical URL.
    assert first.url == f"{BASE}/en-article.html"
    assert first.published == dt.date(2025, 3, 4)
    assert first.language == "en"
    assert not first.summary_only and first.content
    assert first.content.startswith("Clara Lindqvist, who led OpenAI's work")
    assert "\n\nLindqvist will head" in first.content
    assert not second.summary_only
    assert third.summary_only and third.summary.startswith("Peneliti asal Indonesia")


def test_atom_entries_and_their_language() -> None:
    feed = parse_feed(render("atom.xml", BASE), "atom.xml")
    okafor, lestari = feed.entries
    assert okafor.summary_only and okafor.url == f"{BASE}/buried-article.html"
    assert okafor.published == dt.date(2025, 6, 20)
    assert not lestari.summary_only and lestari.language == "id"
    doc = lestari.doc("x")
    assert doc.title == "Dewi Lestari bergabung dengan Anthropic"
    assert doc.body.startswith("Jakarta - Dewi Lestari")


def test_summary_only_entries_fetch_their_page(web: WebServer) -> None:
    items = items_for(web.url("atom.xml"), OPTIONS)
    assert [item.key for item in items] == [
        "urn:example:ledger:ai:1001",
        "urn:example:ledger:ai:1002",
    ]
    okafor = items[0].read()
    assert web.hits("buried-article.html") == 1
    assert okafor.title == "Martin Okafor joins Mistral AI from Google"
    assert "Mistral AI, the Paris-based model developer" in okafor.body
    assert okafor.site == "The Example Ledger"
    lestari = items[1].read()
    assert web.hits("dewi-lestari.html") == 0  # full content: no page fetched
    assert lestari.language == "id"


def test_feed_file_on_disk(tmp_path: Path, web: WebServer) -> None:
    path = tmp_path / "feed.rss"
    path.write_bytes(render("rss.xml", web.base))
    items = items_for(str(path), OPTIONS)
    assert len(items) == 3
    indonesian = items[2].read()  # summary only: fetched from the local server
    assert indonesian.language == "id" and "Bayu Santoso" in indonesian.body
    assert indonesian.published == dt.date(2025, 5, 12)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (render("malformed.xml", BASE), "malformed feed"),
        (b"", "empty feed"),
        (b"<html><body>a page</body></html>", "not an RSS or Atom feed"),
        (b"\x00\x01\x02binary", "binary file"),
    ],
)
def test_bad_feeds_get_one_line_errors(content: bytes, problem: str) -> None:
    with pytest.raises(IngestError) as raised:
        parse_feed(content, "bad.xml")
    assert str(raised.value).startswith("bad.xml: ")
    assert problem in str(raised.value) and "\n" not in str(raised.value)


def test_malformed_feed_by_url_names_it(web: WebServer) -> None:
    with pytest.raises(IngestError, match="malformed feed") as raised:
        items_for(web.url("malformed.xml"), OPTIONS)
    assert str(raised.value).startswith(web.url("malformed.xml") + ": ")


def test_feed_sniffing() -> None:
    assert looks_like_feed(render("rss.xml", BASE))
    assert looks_like_feed(render("atom.xml", BASE))
    assert looks_like_feed(b"", "application/atom+xml")
    assert not looks_like_feed(render("en-article.html", BASE))
