"""Pages, URLs and feeds through the pipeline and CLI: stored once, clear errors, exit status."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.web.server import WebServer, render, serve
from sqlalchemy import text

from movesboard.cli import main
from movesboard.ingest.fetch import Limits
from movesboard.ingest.progress import progress_bar
from movesboard.models.db import Database
from movesboard.pipeline import ingest_sources

LIMITS = Limits(timeout=0.5, max_bytes=256 * 1024)


@pytest.fixture
def web() -> Iterator[WebServer]:
    with serve() as server:
        yield server


def rows(database: Database, query: str) -> list[tuple[object, ...]]:
    """Rows read past the application's own queries, on either engine."""
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def test_same_article_by_file_url_and_feed_is_stored_once(
    database: Database, tmp_path: Path, web: WebServer
) -> None:
    page = tmp_path / "saved.html"
    page.write_bytes(render("en-article.html", web.base))
    first = ingest_sources(database, [page], limits=LIMITS)
    assert (first.new, first.failed) == (1, 0) and first.moves >= 1
    by_url = ingest_sources(database, [web.url("en-article.html")], limits=LIMITS)
    assert (by_url.new, by_url.unchanged) == (0, 1)
    # The feed's entry has different text (the feed's own content) but the same
    # canonical URL once its tracking parameters are dropped.
    feed = ingest_sources(database, [web.url("rss.xml")], limits=LIMITS)
    assert (feed.new, feed.unchanged, feed.failed) == (2, 1, 0)
    stored = [title for (title,) in rows(database, "SELECT title FROM article")]
    assert stored.count("Clara Lindqvist leaves OpenAI for Anthropic") == 1
    # Again: nothing new, and the summary-only entry's page is not fetched twice.
    hits = web.hits("id-article.html")
    again = ingest_sources(database, [web.url("rss.xml"), web.url("redirect")], limits=LIMITS)
    assert (again.new, again.unchanged) == (0, 4)
    assert web.hits("id-article.html") == hits


def test_feed_articles_keep_their_metadata(database: Database, web: WebServer) -> None:
    summary = ingest_sources(database, [web.url("atom.xml")], limits=LIMITS)
    assert (summary.new, summary.failed) == (2, 0)
    stored = {
        row[0]: tuple(str(cell) for cell in row[1:])
        for row in rows(database, "SELECT title, language, published, url, site FROM article")
    }
    okafor = stored["Martin Okafor joins Mistral AI from Google"]
    assert okafor == ("en", "2025-06-20", web.url("buried-article.html"), "The Example Ledger")
    assert stored["Dewi Lestari bergabung dengan Anthropic"][0] == "id"


def test_cli_bad_sources_get_one_line_errors_and_the_others_go_on(
    database: Database, tmp_path: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.html"
    good.write_bytes(render("id-article.html", web.base))
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    status = main(
        [
            "--db", database.url, "ingest", "--timeout", "0.5",
            str(empty), web.url("missing"), web.url("slow"), str(good), web.url("huge"),
            str(binary), web.url("malformed.xml"), str(tmp_path / "gone.txt"),
            web.url("cp1252-meta.html"),
        ]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert status == 1
    assert out.strip() == "9 articles: 2 new, 0 unchanged, 7 failed; " + out.split("; ")[1].strip()
    lines = err.strip().splitlines()
    assert len(lines) == 7 and all(line.startswith("error: ") for line in lines)
    expected = {
        f"{empty}: empty file",
        f"{web.url('missing')}: HTTP 404 Not Found",
        f"{web.url('slow')}: timed out after 0.5 s",
        f"{web.url('huge')}: response too large",
        f"{binary}: not an article: an image",  # named explicitly: refused by what it is
        f"{web.url('malformed.xml')}: malformed feed",
        f"{tmp_path / 'gone.txt'}: no such file",
    }
    for start in expected:
        assert any(line.startswith("error: " + start) for line in lines), start
    assert sorted(str(title) for (title,) in rows(database, "SELECT title FROM article")) == [
        "Bayu Santoso hengkang dari Google DeepMind, bergabung dengan Meta",
        "René Dubois joins Meta from Apple",
    ]


def test_a_failing_article_leaves_nothing_half_written(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import movesboard.models.store as store

    original = store.store_article

    def store_then_fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        original(*args, **kwargs)  # rows added and flushed ...
        raise RuntimeError("disk on fire")  # ... then the transaction fails

    monkeypatch.setattr(store, "store_article", store_then_fail)
    path = tmp_path / "a.html"
    path.write_bytes(render("en-article.html", "http://127.0.0.1:9"))
    summary = ingest_sources(database, [path])
    assert summary.failed == 1 and "disk on fire" in summary.errors[0]
    for table in ("article", "mention", "move", "person", "organization"):
        assert rows(database, f"SELECT count(*) FROM {table}") == [(0,)], table


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    terminal = Terminal()
    with progress_bar(3, stream=terminal) as (advance, report):
        for _ in range(3):
            advance()
        report("x.txt: empty file")
    shown = terminal.getvalue()
    assert "error: x.txt: empty file" in shown and "articles/s" in shown and "ETA" in shown
    pipe = io.StringIO()
    with progress_bar(3, stream=pipe) as (advance, report):
        advance()
        report("x.txt: empty file")
    assert pipe.getvalue() == "error: x.txt: empty file\n"


def test_bare_movesboard_imports_no_ingestion_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, movesboard.cli as c; c.build_parser(); "
        "heavy = ('trafilatura', 'feedparser', 'urllib3', 'watchfiles', 'charset_normalizer', "
        "'lxml', 'rich.progress'); print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
