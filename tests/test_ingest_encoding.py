"""Bytes to text: declared, UTF-8, detected, or a clear error; never a blind Latin-1 guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from movesboard.ingest import IngestError, read_text_article
from movesboard.ingest.encoding import codec_name, decode

ARTICLE = (
    "Peneliti AI Siti Rahma hengkang dari OpenAI dan bergabung dengan Anthropic, "
    "kata juru bicara perusahaan pada Senin. “Kami senang,” ujarnya. "
    "Rahma pernah bekerja di Zürich dan Montréal sebelum pindah ke San Francisco.\n"
)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_text_files_in_other_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = ARTICLE if encoding != "latin-1" else ARTICLE.replace("“", '"').replace("”", '"')
    path = tmp_path / "a.txt"
    path.write_bytes(f"Siti Rahma pindah ke Anthropic\n{text}".encode(encoding))
    doc = read_text_article(path)
    assert doc.title == "Siti Rahma pindah ke Anthropic"
    assert "Zürich dan Montréal" in doc.body


def test_undetectable_encoding_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\n" + bytes(range(0x80, 0x100)) * 3)
    with pytest.raises(IngestError, match="encoding could not be detected") as raised:
        read_text_article(path)
    assert str(raised.value).startswith(f"{path}: not UTF-8 text (byte 6)")


def test_a_wrong_declaration_falls_back_to_utf8() -> None:
    assert decode("Zoë".encode(), "x", declared="ascii") == "Zoë"
    assert decode("Zoë".encode(), "x", declared="no-such-charset") == "Zoë"


def test_latin1_and_ascii_labels_mean_windows_1252() -> None:
    assert codec_name("ISO-8859-1") == "cp1252"
    assert codec_name("us-ascii") == "cp1252"
    assert codec_name("UTF8") == "utf-8"
    assert codec_name("bogus") is None


def test_file_deleted_before_reading(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_text_article(tmp_path / "gone.txt")
