"""A big feed about a few much-reported people: does resolution slow down as clusters grow?

Usage: python benchmarks/bench_feed_cluster.py [--entries N] [--block B] [--db PATH]

Writes one RSS file of N entries (full content, so nothing is fetched) in
which most entries name the same few people under varying forms ("Yang Song",
"Song Yang", "Dr. Yang Song", "Y. Song", "Song") beside similar but different
people ("Jiaming Song", "Yang Sun", "Ming Song"), then ingests it as
`movesboard ingest FEED` does (items_for + ingest_items) into a fresh SQLite
file. Prints the time of each block of B entries and the total: the block
times should stay flat however large the clusters get.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from movesboard.ingest import items_for
from movesboard.models.db import Database
from movesboard.pipeline import IngestSummary, Outcome, ingest_items

# The much-reported people, each with the forms articles give them.
FAMOUS = [
    ("Yang Song", ["Yang Song", "Song Yang", "Dr. Yang Song", "Y. Song"]),
    ("Jiaming Song", ["Jiaming Song", "Dr. Jiaming Song", "J. Song"]),
    ("Ming Song", ["Ming Song", "Song Ming"]),
    ("Yang Sun", ["Yang Sun", "Sun Yang"]),
    ("Shengjia Zhao", ["Shengjia Zhao", "Zhao Shengjia"]),
    ("Jason Wei", ["Jason Wei", "Wei Jason"]),
]
# Similar but different people: they must not join the famous clusters.
OTHERS = ["Yan Song", "Yang Seng", "Yong Song", "Ying Sun", "Jia Song", "Jason Wu", "Shengjie Zhao"]
ORGS = [
    "OpenAI",
    "Anthropic",
    "Google DeepMind",
    "Meta Superintelligence Labs",
    "Microsoft",
    "Apple",
    "Mistral AI",
    "Nvidia",
]
TEMPLATES = [
    "{a} has joined {to} from {origin}, the company said on {day}. "
    "{short} previously worked with {b} at {origin}.",
    "{a}, a researcher at {origin}, left for {to} in {month}. {b} said the move was expected.",
    "{to} hired {a} away from {origin} this {month}. {b}, also at {origin}, stays.",
    "{b} joined {to}. Separately, {a} left {origin} for {to} in {month}.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]


def entry_text(number: int, rng: random.Random) -> tuple[str, str]:
    """(title, body) of one entry: mostly about a famous person, sometimes about a namesake."""
    canonical, forms = FAMOUS[number % 3 if rng.random() < 0.8 else rng.randrange(len(FAMOUS))]
    a = rng.choice(OTHERS) if rng.random() < 0.15 else rng.choice(forms)
    b = rng.choice([name for name, _ in FAMOUS if name != canonical] + OTHERS)
    origin, to = rng.sample(ORGS, 2)
    body = rng.choice(TEMPLATES).format(
        a=a,
        b=b,
        short=a.split()[-1],
        origin=origin,
        to=to,
        month=rng.choice(MONTHS),
        day=rng.choice(["Monday", "Tuesday", "Friday"]),
    )
    return f"{to} hires from {origin} ({number})", f"{body}\n\nEntry {number}."


def write_feed(path: Path, entries: int, seed: int = 11, keep: range | None = None) -> None:
    """The feed of `entries` entries, or only those whose numbers are in `keep`
    (the same entries the whole feed has at those numbers)."""
    rng = random.Random(seed)
    start = dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC)
    items = []
    for number in range(entries):
        title, body = entry_text(number, rng)
        if keep is not None and number not in keep:
            continue
        published = format_datetime(start + dt.timedelta(hours=number * 3))
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
        items.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>https://news.example/{number}</link><guid>e{number}</guid>"
            f"<pubDate>{published}</pubDate>"
            f"<description>{escape(title)}</description>"
            f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Cluster feed</title><link>https://news.example/</link>"
        "<language>en</language>" + "".join(items) + "</channel></rss>",
        encoding="utf-8",
    )


class BlockClock:
    """Prints the time each block of entries took, as the ingest reports outcomes.

    Wall time and this process's CPU time: on a shared machine the wall clock
    also counts other programs, the CPU time only this one.
    """

    def __init__(self, block: int) -> None:
        self.block = block
        self.done = 0
        self.started = self.block_started = time.perf_counter()
        self.cpu_started = self.block_cpu_started = time.process_time()

    def __call__(self, outcome: Outcome) -> None:
        self.done += 1
        if self.done % self.block == 0:
            now, cpu = time.perf_counter(), time.process_time()
            print(
                f"entries {self.done - self.block + 1:>6}-{self.done:<6} "
                f"{now - self.block_started:8.1f} s wall {cpu - self.block_cpu_started:8.1f} s cpu",
                flush=True,
            )
            self.block_started, self.block_cpu_started = now, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--block", type=int, default=1000)
    parser.add_argument("--db", help="keep the database at this path (default: a temp file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        feed = Path(scratch) / "cluster.xml"
        write_feed(feed, args.entries)
        database = Database.open(args.db or str(Path(scratch) / "bench.db"))
        items = items_for(str(feed))
        clock = BlockClock(args.block)
        summary = ingest_items(database, items, summary=IngestSummary(), on_outcome=clock)
        elapsed = time.perf_counter() - clock.started
        cpu = time.process_time() - clock.cpu_started
        database.dispose()
    print(f"total {len(items)} entries {elapsed:8.1f} s wall {cpu:8.1f} s cpu  ({summary.line()})")


if __name__ == "__main__":
    main()
