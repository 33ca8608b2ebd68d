"""HTML pages to articles: main text and metadata, any charset, clear errors."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.web.server import HERE, WebServer, render, serve
from sqlalchemy import text

from movesboard.cli import main
from movesboard.ingest import IngestError, ReadOptions, items_for
from movesboard.ingest.fetch import Limits
from movesboard.ingest.html import declared_charset, fragment_text, parse_html
from movesboard.ingest.sources import expand_paths
from movesboard.models.db import Database

BASE = "http://127.0.0.1:9"  # parsing only: never fetched
OPTIONS = ReadOptions(limits=Limits(timeout=0.3, max_bytes=256 * 1024))


@pytest.fixture(scope="module")
def web() -> Iterator[WebServer]:
    with serve() as server:
        yield server


def page(name: str) -> bytes:
    return render(name, BASE)


def test_english_article_with_metadata() -> None:
    doc = parse_html(page("en-article.html"), "en-article.html")
    assert doc.title == "Clara Lindqvist leaves OpenAI for Anthropic"
    assert doc.published == dt.date(2025, 3, 4)
    assert doc.language == "en"
    assert doc.site == "Example Tech Wire"
    assert doc.author == "Nora Field"
    assert doc.url == f"{BASE}/en-article.html"  # the canonical link
    assert doc.body.startswith("Clara Lindqvist, who led OpenAI's work")
    assert "\n\nLindqvist spent four years at OpenAI" in doc.body
    assert "All rights reserved" not in doc.body and "Home" not in doc.body


def test_indonesian_article() -> None:
    doc = parse_html(page("id-article.html"), "id-article.html")
    assert doc.language == "id"
    assert doc.title.startswith("Bayu Santoso hengkang dari Google DeepMind")
    assert doc.published == dt.date(2025, 5, 12)
    assert "bergabung dengan Meta" in doc.body and "Beranda" not in doc.body


def test_article_buried_in_navigation_and_ads() -> None:
    doc = parse_html(page("buried-article.html"), "buried-article.html")
    assert doc.title == "Martin Okafor joins Mistral AI from Google"
    assert doc.published == dt.date(2025, 6, 20)
    assert doc.body.startswith("Martin Okafor, a senior research scientist")
    assert "smaller European labs" in doc.body
    for junk in ("cookies", "ADVERTISEMENT", "Sponsored", "Trending", "Related stories",
                 "Refinance", "newsletter", "Privacy policy", "Comments", "trackers"):  # fmt: skip
        assert junk not in doc.body, junk


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cp1252-meta.html", "“It’s time for something new,” Dubois wrote"),
        ("latin1-meta.html", "Jürgen Köhler, der bei Google in Zürich"),
        ("cp1252-undeclared.html", "José Muñoz, a researcher who worked on Google’s robotics"),
    ],
)
def test_legacy_encodings_declared_or_detected(name: str, expected: str) -> None:
    doc = parse_html(page(name), name)
    assert expected in doc.body


def test_header_charset_wins_over_meta() -> None:
    raw = (
        '<html><head><meta charset="utf-8"><title>T</title></head><body><article><p>'
        + ("Zoë Novak joins Anthropic from Google. " * 5)
        + "</p></article></body></html>"
    )
    doc = parse_html(raw.encode("cp1252"), "x", charset="windows-1252")
    assert "Zoë Novak" in doc.body


def test_declared_charset() -> None:
    assert declared_charset(page("cp1252-meta.html")) == "windows-1252"
    assert declared_charset(page("latin1-meta.html")) == "ISO-8859-1"
    assert declared_charset(page("cp1252-undeclared.html")) is None


def test_broken_html_is_still_read() -> None:
    doc = parse_html(page("broken.html"), "broken.html")
    assert doc.title == "Priya Raman joins xAI from Meta"
    assert "has joined xAI" in doc.body


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (page("no-text.html"), "no article text found"),
        (b"", "empty file"),
        (b"  \n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "binary file"),
    ],
)
def test_pages_without_an_article_get_one_line_errors(content: bytes, problem: str) -> None:
    with pytest.raises(IngestError) as raised:
        parse_html(content, "bad.html")
    message = str(raised.value)
    assert message.startswith("bad.html: ") and problem in message and "\n" not in message


def test_fragment_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = fragment_text(
        "<p>One <b>bold</b> line.</p><script>x()</script><ul><li>a</li><li>b</li></ul>"
    )
    assert text == "One bold line.\n\na\n\nb"


def test_html_files_in_folders_and_by_name(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page("en-article.html"))
    (tmp_path / "b.htm").write_bytes(page("id-article.html"))
    (tmp_path / "notes.md").write_text("not an article")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.html", "b.htm"]
    # A file named explicitly is sniffed when its suffix says nothing.
    odd = tmp_path / "saved-page"
    odd.write_bytes(page("buried-article.html"))
    (item,) = items_for(str(odd))
    assert item.read().title == "Martin Okafor joins Mistral AI from Google"


def test_fetched_page_uses_final_url_and_header_charset(web: WebServer) -> None:
    (item,) = items_for(web.url("redirect"), OPTIONS)
    doc = item.read()
    assert doc.url == web.url("en-article.html")
    assert doc.title == "Clara Lindqvist leaves OpenAI for Anthropic"
    (item,) = items_for(web.url("cp1252-undeclared.html"), OPTIONS)
    assert "Muñoz" in item.read().body


def test_fetched_non_html_is_refused(web: WebServer) -> None:
    (item,) = items_for(web.url("image"), OPTIONS)
    with pytest.raises(IngestError, match=r"not an article page \(image/png\)"):
        item.read()


def test_fixtures_have_no_foreign_hosts() -> None:
    # Tests must never reach beyond 127.0.0.1: fixture links are all {{BASE}} or relative.
    import re

    for path in HERE.iterdir():
        if path.suffix in (".html", ".xml"):
            hosts = set(re.findall(rb"https?://([^/\"'<>\s]+)", path.read_bytes()))
            assert hosts <= {b"{{BASE}}", b"purl.org", b"www.w3.org"}, (path.name, hosts)


# ------------------------------------------------------------------ through the CLI, both engines


def test_html_pages_are_stored_with_their_metadata(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "en.html").write_bytes(page("en-article.html"))
    (folder / "id.htm").write_bytes(page("id-article.html"))
    assert main(["--db", database.url, "ingest", str(folder)]) == 0
    assert "2 new" in capsys.readouterr().out
    query = "SELECT title, published, language, url, site FROM article ORDER BY title"
    with database.engine.connect() as connection:
        stored = [tuple(str(cell) for cell in row) for row in connection.execute(text(query))]
    assert stored == [
        (
            "Bayu Santoso hengkang dari Google DeepMind, bergabung dengan Meta",
            "2025-05-12",
            "id",
            f"{BASE}/id-article.html",
            "Contoh Tekno",
        ),
        (
            "Clara Lindqvist leaves OpenAI for Anthropic",
            "2025-03-04",
            "en",
            f"{BASE}/en-article.html",
            "Example Tech Wire",
        ),
    ]
    assert main(["--db", database.url, "export", "moves"]) == 0
    moves = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(m["person"], m["to"]) for m in moves} >= {
        ("Clara Lindqvist", "Anthropic"),
        ("Bayu Santoso", "Meta"),
    }
