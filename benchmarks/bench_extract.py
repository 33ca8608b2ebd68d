"""Extraction throughput: articles per second on one core.

Replicates the annotated corpus articles to ~500 words each (the size of a
typical news article) and times `extract()` over them after one warm-up pass
(pack and gazetteer compilation happen once per process, not per article).

    python benchmarks/bench_extract.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from movesboard.evaluation import read_article
from movesboard.extract import extract

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "tests" / "corpus" / "shared", ROOT / "tests" / "corpus" / "seeds"]


def articles(target_words: int = 500) -> list[tuple[str, str, dt.date | None, str | None]]:
    out = []
    for corpus in CORPORA:
        for path in sorted(corpus.glob("*.txt")):
            meta, body = read_article(path)
            words = len(body.split())
            reps = max(1, round(target_words / max(words, 1)))
            pub = meta.get("published")
            out.append(
                (
                    meta.get("title", ""),
                    "\n\n".join([body] * reps),
                    dt.date.fromisoformat(pub) if pub else dt.date(2025, 7, 1),
                    meta.get("language"),
                )
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=5.0, help="minimum time to measure")
    args = ap.parse_args()
    arts = articles()
    for title, body, pub, lang in arts:  # warm-up: compile packs and gazetteer
        extract(body, title=title, published=pub, language=lang)
    n = 0
    words = 0
    start = time.perf_counter()
    cpu0 = time.process_time()
    while time.perf_counter() - start < args.seconds:
        for title, body, pub, lang in arts:
            extract(body, title=title, published=pub, language=lang)
            n += 1
            words += len(body.split())
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    # CPU time is what one core spends; wall time also counts other load on the machine.
    print(
        f"{n} articles ({words / n:.0f} words on average): "
        f"{n / cpu:.0f} articles/second of CPU time on one core "
        f"({n / elapsed:.0f}/s wall clock)"
    )


if __name__ == "__main__":
    main()
