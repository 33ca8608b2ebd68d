"""Split a body into sentences with offsets, and flag the lines that are noise.

Noise (bylines, "Read also" lines, captions, headings, editor tags) is kept as
sentences flagged `noise`, so offsets stay exact, but nothing is extracted from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lang import LanguagePack

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by
# whitespace and something that can open a sentence.  "Character.AI",
# "$14.3" and "U.S." have no space after the dot and stay intact.
# Written to open with one character class, not an alternation: `re` then
# skips to the next [.!?] in C instead of trying the pattern at every
# character (the same matches as "[.!?]+…(?=…)|[.!?]…(?=\s+\d)").
_END = re.compile(
    r"""[.!?](?:[.!?]*["'”’)\]]*(?=\s+["'“‘(\[]?[^\W\d_a-z]|\s*$)|["'”’]?(?=\s+\d))"""
)
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Inc|Corp|Ltd|Co|vs|No|Gen|Sen|Rep|Gov|Lt|Col|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Bpk|Sdr)|\b[A-Z])\.$"
)
# Editor tags at the end of an Indonesian news paragraph: "(afr/rns)".
_EDITOR_TAG = re.compile(r"\s*\([a-z]{2,5}(?:/[a-z]{2,5})+\)\s*$")
_LIST_ITEM = re.compile(r"(?:[-•*·‧▪●–]|\d{1,2}[.、)])\s+\S")
_TERMINAL = re.compile(r"""[.!?。！？]["'”’)\]」』）]*\s*$""")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_DAY_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}$")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
# Without letter case, a heading is a short line that ends no sentence anywhere
# and announces nothing (a line ending in ":" opens a list).
UNCASED_HEADING = 40
_ANY_END = re.compile(r"[.!?;。！？；](?!\d)|[:：]\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    noise: bool = False
    heading: bool = False  # a title-case line without final punctuation
    paragraph: int = 0


def _is_heading(line: str, pack: LanguagePack) -> bool:
    if _TERMINAL.search(line) or len(line) > 160 or _LIST_ITEM.match(line):
        return False  # a list item ("- Jane Roe (OpenAI)") is prose, whatever its case
    if not pack.cased:  # no capitals to count: a short line with no sentence end
        return len(line) <= UNCASED_HEADING and not _ANY_END.search(line)
    words = _WORD.findall(line)
    if not words:
        return True
    content = [w for w in words if w.lower() not in pack.stopwords]
    caps = sum(1 for w in content if w[0].isupper())
    return not content or caps / len(content) >= 0.6


def split_sentences(body: str, pack: LanguagePack) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    para = 0
    in_links = False  # inside the list of links after a "Read also:" line
    for raw_line in body.splitlines(keepends=True):
        line_start = pos
        pos += len(raw_line)
        line = raw_line.rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            para += 1
            continue
        lead = len(line) - len(line.lstrip())
        in_links = (in_links and bool(_LIST_ITEM.match(stripped))) or bool(
            pack.noise.match(stripped)
        )
        if in_links:
            out.append(
                Sentence(
                    line_start + lead,
                    line_start + len(line.rstrip()),
                    stripped,
                    noise=True,
                    paragraph=para,
                )
            )
            para += 1
            continue
        heading = _is_heading(stripped, pack)
        # Searched only where a tag can be: the search tries every blank otherwise.
        tag = _EDITOR_TAG.search(line) if line.rstrip().endswith(")") else None
        text_end = tag.start() if tag else len(line.rstrip())
        seg_start = lead
        for m in (pack.sentence_end or _END).finditer(line, lead, text_end):
            if _ABBREV.search(line, max(seg_start, m.start() - 6), m.start() + 1):
                continue
            if _ordinal_day(line, m.start(), m.end(), pack):
                continue
            _emit(out, line, line_start, seg_start, m.end(), heading, para)
            seg_start = m.end()
        _emit(out, line, line_start, seg_start, text_end, heading, para)
        para += 1
    return out


def _ordinal_day(line: str, dot: int, after: int, pack: LanguagePack) -> bool:
    """ "am 16. Juli": a day number written as an ordinal before a month, not an end."""
    if pack.dates is None or not _DAY_BEFORE.search(line, max(0, dot - 3), dot):
        return False
    word = _NEXT_WORD.match(line, after)
    return word is not None and word.group(1).lower() in pack.dates.months


def _emit(
    out: list[Sentence], line: str, base: int, a: int, b: int, heading: bool, para: int
) -> None:
    seg = line[a:b]
    left = len(seg) - len(seg.lstrip())
    text = seg.strip()
    if text:
        out.append(
            Sentence(
                base + a + left, base + a + left + len(text), text, heading=heading, paragraph=para
            )
        )
