"""Extraction throughput: articles per second on one core.

Replicates the annotated corpus articles to ~500 words each (the size of a
typical news article) and times `extract()` over them after one warm-up pass
(pack and gazetteer compilation happen once per process, not per article).
With `--stages`, also prints what each stage of the pipeline costs per
article (CPU time, measured by wrapping the stage functions).

    python benchmarks/bench_extract.py [--seconds 5] [--stages]

Timings on a shared machine vary by tens of percent from run to run; to
compare two versions of the engine, count instructions instead
(`python benchmarks/count_instructions.py`), which repeat exactly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    ap.add_argument("--stages", action="store_true", help="also print each stage's cost")
    args = ap.parse_args()
    arts = articles()
    for title, body, pub, lang in arts:  # warm-up: compile packs and gazetteer
        extract(body, title=title, published=pub, language=lang)
    # Counted once, outside the timed loop: splitting 500 words costs ~1% of an extraction.
    words_per_pass = sum(len(body.split()) for _, body, _, _ in arts)
    n = 0
    passes = 0
    start = time.perf_counter()
    cpu0 = time.process_time()
    while time.perf_counter() - start < args.seconds:
        for title, body, pub, lang in arts:
            extract(body, title=title, published=pub, language=lang)
        n += len(arts)
        passes += 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    # CPU time is what one core spends; wall time also counts other load on the machine.
    print(
        f"{n} articles ({words_per_pass / len(arts):.0f} words on average): "
        f"{n / cpu:.0f} articles/second of CPU time on one core "
        f"({n / elapsed:.0f}/s wall clock)"
    )
    if args.stages:
        time_stages(arts)


# (module, function) pairs timed by --stages, in pipeline order.
STAGES = [
    ("movesboard.extract.sentences", "split_sentences"),
    ("movesboard.extract.dates", "find_dates"),
    ("movesboard.extract.orgs", "OrgFinder.find"),
    ("movesboard.extract.people", "PeopleFinder.find"),
    ("movesboard.extract.moves.anaphors", "resolve_org_anaphors"),
    ("movesboard.extract.moves.affiliations", "affiliations"),
    ("movesboard.extract.frames", "find_frames"),
    ("movesboard.extract.moves.finder", "find_hops"),
    ("movesboard.extract.consolidate", "consolidate"),
    ("movesboard.extract.completion", "complete"),
    ("movesboard.extract.groups", "GroupFinder.find"),
    ("movesboard.extract.members", "named_members"),
    ("movesboard.extract.listed", "listed_moves"),
]


def time_stages(arts: list[tuple[str, str, dt.date | None, str | None]], passes: int = 3) -> None:
    """CPU milliseconds per article spent in each stage (nested calls count once)."""
    import importlib

    import movesboard.extract as pipeline

    spent: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t0

        return run

    for module_name, qualname in STAGES:
        module = importlib.import_module(module_name)
        owner_name, _, attr = qualname.rpartition(".")
        owner = getattr(module, owner_name) if owner_name else module
        wrapped = timed(qualname, getattr(owner, attr))
        setattr(owner, attr, wrapped)
        if not owner_name and hasattr(pipeline, attr):  # imported by name into the pipeline
            setattr(pipeline, attr, wrapped)
    t0 = time.process_time()
    for _ in range(passes):
        for title, body, pub, lang in arts:
            extract(body, title=title, published=pub, language=lang)
    per_article = 1000 / (passes * len(arts))
    print(f"whole extract(): {(time.process_time() - t0) * per_article:.2f} ms per article")
    for _, qualname in STAGES:
        print(f"  {qualname:32s} {spent.get(qualname, 0.0) * per_article:6.3f} ms")


if __name__ == "__main__":
    main()
