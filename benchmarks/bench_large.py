"""Extraction time of one very large article, to show the cost is linear in its size.

Builds three kinds of large text at 250 KiB, 1 MiB and 4 MiB (UTF-8 bytes) and
times one `extract()` call on each, after a warm-up that compiles the packs:

- articles:  the annotated corpus articles of one language, concatenated as
             paragraphs (a realistic, if very long, article);
- paragraph: the same text as one paragraph without a sentence break (stresses
             everything that works per sentence);
- names:     sentences naming many different people, with organisations, dates
             and move verbs (stresses the people and move stages).

Prints one line per size: bytes, seconds (CPU), MB/s, and the ratio to the
250 KiB row (linear cost gives x4 and x16; quadratic gives x16 and x256).
A kind's 4 MiB row is skipped when its 1 MiB row took more than --skip-after
seconds.

    python benchmarks/bench_large.py [--language en] [--kinds articles,paragraph,names]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_names import synthetic_names

from movesboard.evaluation import read_article
from movesboard.extract import detect_language, extract

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
KIB = 1024
SIZES = (250 * KIB, 1024 * KIB, 4096 * KIB)
PUBLISHED = dt.date(2025, 7, 1)


def corpus_bodies(language: str) -> list[str]:
    """Bodies of the annotated articles written in `language`."""
    bodies = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        meta, body = read_article(path)
        lang = meta.get("language") or detect_language(f"{meta.get('title', '')}\n{body}")
        if lang == language:
            bodies.append(body)
    return bodies


def fill(pieces: list[str], size: int, sep: str) -> str:
    """`pieces` repeated in order and joined by `sep` until the text reaches `size` bytes."""
    out: list[str] = []
    total = 0
    while total < size:
        for piece in pieces:
            out.append(piece)
            total += len(piece.encode()) + len(sep)
            if total >= size:
                break
    return sep.join(out)


def articles_text(bodies: list[str], size: int) -> str:
    return fill(bodies, size, "\n\n")


# Sentence ends (Latin and CJK) and line breaks: all become commas and spaces.
_BREAKS = re.compile(r"[.!?。！？]+([\"'”’)\]」』）]*)(?:\s+|$)|\s*\n\s*")


def paragraph_text(bodies: list[str], size: int) -> str:
    return _BREAKS.sub(r"\1, ", articles_text(bodies, size))


ORGS = ["OpenAI", "Google DeepMind", "Anthropic", "Meta", "Microsoft", "Apple", "Mistral AI", "xAI"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
TEMPLATES = [
    "{a}, a researcher at {o1}, joined {o2} in {m} {y}, according to {b}.",
    "{a} and {b} left {o1} for {o2}.",
    "{o2} hired {a}, who previously led a team at {o1}, said {b}.",
    "Also on the team are {a}, {b}, {c} and {d}.",
    "{a} will become chief scientist at {o2} after leaving {o1} in {m}.",
]


def names_sentences(count: int, seed: int = 11) -> list[str]:
    """`count` sentences naming people who are mostly all different."""
    rng = random.Random(seed)
    people = [n.title() for n in synthetic_names(4 * count, seed)]
    out = []
    for i in range(count):
        a, b, c, d = people[4 * i : 4 * i + 4]
        o1, o2 = rng.sample(ORGS, 2)
        out.append(
            rng.choice(TEMPLATES).format(
                a=a, b=b, c=c, d=d, o1=o1, o2=o2, m=rng.choice(MONTHS), y=rng.randrange(2019, 2026)
            )
        )
    return out


def names_text(size: int) -> str:
    sentences = names_sentences(size // 60)  # about 70 bytes a sentence: enough to fill
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return fill(paragraphs, size, "\n\n")


def time_extract(text: str, language: str) -> float:
    """CPU seconds of one `extract()` call (CPU time: other load does not count)."""
    t0 = time.process_time()
    extract(text, title="", published=PUBLISHED, language=language)
    return time.process_time() - t0


def run_kind(name: str, build: Callable[[int], str], language: str, skip_after: float) -> None:
    base = previous = 0.0
    for size in SIZES:
        if size == SIZES[-1] and previous > skip_after:
            print(f"{name:9s} {size:>9,d} B  skipped: the previous row took {previous:.1f} s")
            continue
        text = build(size)
        seconds = time_extract(text, language)
        nbytes = len(text.encode())
        base = base or seconds
        previous = seconds
        print(
            f"{name:9s} {nbytes:>9,d} B {seconds:8.2f} s {nbytes / 1e6 / seconds:7.2f} MB/s"
            f"  x{seconds / base:.1f}",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--language", default="en", help="corpus language to concatenate (en)")
    ap.add_argument("--kinds", default="articles,paragraph,names", help="which texts to time")
    ap.add_argument("--skip-after", type=float, default=30.0, help="skip 4 MiB above this")
    args = ap.parse_args()
    bodies = corpus_bodies(args.language)
    if not bodies:
        sys.exit(f"bench_large: no corpus article in language {args.language!r}")
    builders: dict[str, Callable[[int], str]] = {
        "articles": lambda size: articles_text(bodies, size),
        "paragraph": lambda size: paragraph_text(bodies, size),
        "names": names_text,
    }
    for body in bodies:  # warm-up: compile the pack and the gazetteer
        extract(body, published=PUBLISHED, language=args.language)
    for kind in args.kinds.split(","):
        run_kind(kind, builders[kind], args.language, args.skip_after)


if __name__ == "__main__":
    main()
