"""Everything `extract()` finds in every annotated article, as one JSON document.

A refactor of the engine should change nothing it finds: take a snapshot before,
one after, and compare them.

    python scripts/extract_snapshot.py > /tmp/before.json
    ... change the engine ...
    python scripts/extract_snapshot.py --diff /tmp/before.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from movesboard.evaluation import load_gold, read_article
from movesboard.extract import extract

ROOT = Path(__file__).resolve().parent.parent
CORPORA = sorted(p.parent for p in (ROOT / "tests" / "corpus").glob("*/gold.jsonl"))


def _article(path: Path, gold: dict[str, Any]) -> dict[str, Any]:
    meta, body = read_article(path)
    published = meta.get("published") or gold.get("published")
    ex = extract(
        body,
        title=meta.get("title", ""),
        published=dt.date.fromisoformat(published) if published else None,
        language=meta.get("language"),
    )
    return {
        "language": ex.language,
        "people": sorted(
            f"{p.name} | {', '.join(f'{m.text}@{m.start}' for m in p.mentions)}" for p in ex.people
        ),
        "organizations": sorted(
            f"{o.name} < {o.parent} | {', '.join(f'{m.text}@{m.start}' for m in o.mentions)}"
            for o in ex.organizations
        ),
        "moves": [
            f"{m.person} | {m.from_org} -> {m.to_org} | {m.date.iso() if m.date else None} | "
            f"{m.role} | {m.modality} {m.confidence} @{m.evidence_start}"
            for m in ex.moves
        ],
        "groups": [
            f"{g.count} | {', '.join(g.from_orgs)} -> {g.to_org} | "
            f"{g.date.iso() if g.date else None} | {g.modality} @{g.evidence_start}"
            for g in ex.group_moves
        ],
    }


def snapshot() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for corpus in CORPORA:
        gold = {g["file"]: g for g in load_gold(corpus)}
        for path in sorted(corpus.glob("*.txt")):
            out[f"{corpus.name}/{path.name}"] = _article(path, gold.get(path.name, {}))
    return out


def _diff(before: dict[str, Any], after: dict[str, Any]) -> int:
    changed = 0
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key, {}), after.get(key, {})
        for field in ("language", "people", "organizations", "moves", "groups"):
            a, b = old.get(field), new.get(field)
            if a == b:
                continue
            changed += 1
            print(f"== {key} {field}")
            if isinstance(a, list) and isinstance(b, list):
                for line in a:
                    if line not in b:
                        print(f"  - {line}")
                for line in b:
                    if line not in a:
                        print(f"  + {line}")
            else:
                print(f"  - {a}\n  + {b}")
    print(f"{changed} differences over {len(after)} articles", file=sys.stderr)
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--diff", metavar="BEFORE.json", help="compare with an earlier snapshot")
    args = ap.parse_args()
    now = snapshot()
    if args.diff:
        return _diff(json.loads(Path(args.diff).read_text("utf-8")), now)
    json.dump(now, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
