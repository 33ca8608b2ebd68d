"""Bytes to text: a declared charset, else UTF-8, else a detected encoding.

Never a blanket Latin-1 guess: every byte sequence "decodes" as Latin-1, so a
wrong guess silently turns names into mojibake. When detection is not sure,
the source is rejected with a clear error instead.
"""

from __future__ import annotations

import codecs

from .document import IngestError

# WHATWG: browsers decode pages labelled Latin-1 or ASCII as windows-1252, and
# publishers rely on it (curly quotes in 0x80-0x9F).
_WHATWG_ALIASES = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}
_PREFERRED = "cp1252"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(raw: bytes) -> bool:
    """NUL bytes never occur in text in an 8-bit or UTF-8 encoding."""
    head = raw[:8192]
    return b"\x00" in head and not head.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    )


def codec_name(label: str | None) -> str | None:
    """Python's codec for a charset label ("ISO-8859-1", "utf8" ...), or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(name.replace("-", "_"), name)


def decode(raw: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode `raw`; raise IngestError naming `source` when it is binary or undecodable."""
    if looks_binary(raw):
        raise IngestError(source, "binary file, not a text article")
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, name, source)
    try:
        # Valid UTF-8 wins even over a declaration: legacy text with accented
        # letters is practically never valid UTF-8 by chance, while pages that
        # say "iso-8859-1" and are UTF-8 are common.
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    codec = codec_name(declared)
    if codec is not None:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect instead
    return _detect(raw, source, first_bad)


def _strict(raw: bytes, codec: str, source: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        raise IngestError(source, f"invalid {codec} text (byte {error.start})") from None


def _detect(raw: bytes, source: str, first_bad: int) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    if best is not None:
        text = str(best)
        # Candidates the detector cannot tell apart from the best one.
        tied = [
            m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence - 0.01
        ]
        # Trust the guess when the decoded text reads as a known language, or
        # when every equally clean candidate agrees on the text. A few accented
        # bytes in a short file decode differently in cp1250, cp775, mac_latin2
        # ... and nothing says which is right: refuse rather than invent letters.
        if best.coherence > 0 or all(str(m) == text for m in tied):
            # Among equals, windows-1252 wins: it is by far the commonest legacy
            # encoding of Western-language pages (browsers' default for them),
            # while cp1250 or cp1257 would turn "Muñoz" into "Muńoz".
            if any(_PREFERRED in m.could_be_from_charset for m in tied):
                try:
                    return raw.decode(_PREFERRED)
                except UnicodeDecodeError:
                    pass
            return text
    raise IngestError(
        source, f"not UTF-8 text (byte {first_bad}) and its encoding could not be detected"
    )
