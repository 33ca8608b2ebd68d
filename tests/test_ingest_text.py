"""Reading plain-text articles: front matter, titles, and clear errors for bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from movesboard.cli import main
from movesboard.ingest import IngestError, expand_paths, read_text_article
from movesboard.models.db import Database


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.txt",
        "---\ntitle: Lab hires a researcher\npublished: 2025-06-13\nlanguage: en\n"
        "url: https://example.org/a\nsource: Example News\n---\nBody line one.\n\nBody two.\n",
    )
    doc = read_text_article(path)
    assert doc.title == "Lab hires a researcher"
    assert doc.published == dt.date(2025, 6, 13)
    assert doc.language == "en"
    assert doc.url == "https://example.org/a"
    assert doc.site == "Example News"
    assert doc.body == "Body line one.\n\nBody two."
    assert doc.source == str(path)


def test_title_with_colon_in_front_matter_is_read_literally(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.txt", "---\ntitle: Exclusive: a move\npublished: 2025-01-02\n---\nBody."
    )
    doc = read_text_article(path)
    assert doc.title == "Exclusive: a move"
    assert doc.published == dt.date(2025, 1, 2)


def test_without_front_matter_first_line_is_title(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "\n\nThe Title\nFirst paragraph.\n\nSecond.")
    doc = read_text_article(path)
    assert doc.title == "The Title"
    assert doc.body == "First paragraph.\n\nSecond."
    assert doc.published is None and doc.language is None


def test_caller_metadata_overrides_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "---\npublished: 2025-06-13\nlanguage: en\n---\nT\nBody.")
    doc = read_text_article(path, published=dt.date(2024, 1, 1), language="id")
    assert doc.published == dt.date(2024, 1, 1)
    assert doc.language == "id"


def test_same_content_same_hash_whatever_the_path(tmp_path: Path) -> None:
    a = read_text_article(write(tmp_path, "a.txt", "Title\nBody.\n"))
    b = read_text_article(write(tmp_path, "b.txt", "Title\r\nBody.   \r\n"))
    c = read_text_article(write(tmp_path, "c.txt", "Title\nOther body.\n"))
    assert a.content_hash == b.content_hash != c.content_hash


def test_control_sequences_are_stripped(tmp_path: Path) -> None:
    doc = read_text_article(write(tmp_path, "a.txt", "Ti\x1b[31mtle\nBo\x07dy\x1b]0;pwned\x07."))
    assert "\x1b" not in doc.title + doc.body and "\x07" not in doc.body


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty article"),
        (b"   \n\n  ", "empty article"),
        (b"Only a title\n", "no body text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Caf\xe9 au lait\nbody".encode("latin-1"), "not UTF-8"),
        (b"---\ntitle: x\npublished: last week\n---\nT\nBody.", "published is not a YYYY-MM-DD"),
        (b"---\nlanguage: english!\n---\nT\nBody.", "language is not a BCP-47"),
        (b"---\njust some words\n---\nT\nBody.", "front matter line"),
    ],
)
def test_bad_files_get_one_line_errors_naming_them(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = write(tmp_path, "bad.txt", content)
    with pytest.raises(IngestError) as raised:
        read_text_article(path)
    message = str(raised.value)
    assert message.startswith(str(path) + ": ")
    assert problem in message
    assert "\n" not in message


def test_missing_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_text_article(tmp_path / "nope.txt")
    big = write(tmp_path, "big.txt", b"T\n" + b"word " * 1_200_000)
    with pytest.raises(IngestError, match="too large"):
        read_text_article(big)


def test_folders_expand_to_article_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["b.txt", "a.txt", "sub/c.txt", ".hidden/d.txt", "README.md", "gold.jsonl"]:
        write(tmp_path, name, "T\nB")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert found == ["a.txt", "b.txt", "sub/c.txt"]
    assert list(expand_paths([tmp_path / "README.md"])) == [tmp_path / "README.md"]


# ------------------------------------------------------------------ through the CLI, both engines


def stored_articles(database: Database) -> list[tuple[str, ...]]:
    """(title, published, language, url, site) of each stored article, by title."""
    query = "SELECT title, published, language, url, site FROM article ORDER BY title"
    with database.engine.connect() as connection:
        return [tuple(str(cell) for cell in row) for row in connection.execute(text(query))]


def test_text_articles_are_stored_with_their_metadata(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write(
        folder,
        "a.txt",
        "---\ntitle: Lab hires a researcher\npublished: 2025-06-13\nlanguage: en\n"
        "url: https://example.org/a\nsource: Example News\n---\n"
        "Ada Lovelace has joined Beta Corp from Alpha Labs.\n",
    )
    write(folder, "b.txt", "Second news\n\nGrace Hopper has joined Delta Inc from Gamma Co.\n")
    assert main(["--db", database.url, "ingest", str(folder), "--published", "2024-02-01"]) == 0
    assert "2 new" in capsys.readouterr().out
    assert stored_articles(database) == [
        # The command line's date beats the front matter's.
        ("Lab hires a researcher", "2024-02-01", "en", "https://example.org/a", "Example News"),
        ("Second news", "2024-02-01", "en", "None", "None"),
    ]
    assert main(["--db", database.url, "export", "moves"]) == 0
    moved = {json.loads(line)["person"] for line in capsys.readouterr().out.splitlines()}
    assert moved == {"Ada Lovelace", "Grace Hopper"}
