"""Scoring of predicted moves against an annotated corpus (shared/corpus/FORMAT.md).

Pure: `score(gold, predictions)` takes plain data and returns a `Report`.
`predict_with_extractor(corpus_dir)` runs the extractor directly over a corpus
folder, for quick iteration without a database.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def _fold(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


@dataclass(slots=True)
class ArticlePrediction:
    """What a system says about one article, in the export format."""

    moves: list[dict[str, Any]] = field(
        default_factory=list
    )  # person, from, to, date, role, evidence
    people: list[tuple[str, list[str]]] = field(default_factory=list)  # (name, other forms)
    group_moves: list[dict[str, Any]] = field(default_factory=list)  # count, from, to


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    overall: Counts = field(default_factory=Counts)
    by_language: dict[str, Counts] = field(default_factory=dict)
    from_correct: int = 0
    date_correct: int = 0
    non_mover_fp: int = 0
    people_gold: int = 0
    people_found_once: int = 0
    people_fragmented: int = 0
    people_predicted: int = 0
    people_spurious: int = 0
    groups_gold: int = 0
    groups_found: int = 0
    misses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    extras: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    wrong_details: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = field(
        default_factory=list
    )
    non_mover_hits: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    spurious_people: list[tuple[str, str]] = field(default_factory=list)
    fragmented_people: list[tuple[str, str]] = field(default_factory=list)

    @property
    def from_accuracy(self) -> float:
        m = self.overall.matched
        return self.from_correct / m if m else 1.0

    @property
    def date_accuracy(self) -> float:
        m = self.overall.matched
        return self.date_correct / m if m else 1.0

    @property
    def spurious_rate(self) -> float:
        return self.people_spurious / self.people_predicted if self.people_predicted else 0.0

    def format(self, show: bool = False) -> str:
        def line(label: str, c: Counts) -> str:
            return (
                f"{label:<10} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
                f"(gold {c.gold}, predicted {c.predicted}, matched {c.matched})"
            )

        out = ["moves"]
        for lang in sorted(self.by_language):
            out.append("  " + line(lang, self.by_language[lang]))
        out.append("  " + line("overall", self.overall))
        out.append(
            f"  from-accuracy {self.from_accuracy:.3f}   date-accuracy {self.date_accuracy:.3f}"
            f"   non-mover false positives {self.non_mover_fp}"
        )
        out.append(
            f"people: {self.people_found_once}/{self.people_gold} found once, "
            f"{self.people_fragmented} fragmented, {self.people_spurious}/"
            f"{self.people_predicted} spurious ({self.spurious_rate:.1%})"
        )
        out.append(f"group moves found: {self.groups_found}/{self.groups_gold}")
        if show:
            for f, m in self.misses:
                out.append(f"MISS  {f}: {_fmt(m)}")
            for f, m in self.extras:
                out.append(f"EXTRA {f}: {_fmt(m)}")
            for f, what, g, p in self.wrong_details:
                out.append(f"WRONG {what} {f}: gold {_fmt(g)} | predicted {_fmt(p)}")
            for f, m in self.non_mover_hits:
                out.append(f"NON-MOVER {f}: {_fmt(m)}")
            for f, n in self.fragmented_people:
                out.append(f"FRAGMENTED {f}: {n}")
            for f, n in self.spurious_people:
                out.append(f"SPURIOUS PERSON {f}: {n}")
        return "\n".join(out)


def _fmt(m: dict[str, Any]) -> str:
    return f"{m.get('person')} | {m.get('from')} -> {m.get('to')} | {m.get('date')}"


def load_gold(corpus_dir: str | Path) -> list[dict[str, Any]]:
    path = Path(corpus_dir) / "gold.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _date_agrees(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return False
    g, p = gold.split("-"), pred.split("-")
    return len(p) >= len(g) and p[: len(g)] == g


def score(gold: list[dict[str, Any]], predictions: dict[str, ArticlePrediction]) -> Report:
    rep = Report()
    for art in gold:
        fname = art["file"]
        lang = art.get("language") or "?"
        pred = predictions.get(fname, ArticlePrediction())
        counts = rep.by_language.setdefault(lang, Counts())
        forms: dict[str, set[str | None]] = {}
        for p in art.get("people", []):
            forms[p["name"]] = {_fold(p["name"]), *(_fold(m) for m in p.get("mentions", []))}

        def person_forms(name: str, forms: dict[str, set[str | None]] = forms) -> set[str | None]:
            return forms.get(name, {_fold(name)})

        used: set[int] = set()
        for g in art.get("moves", []):
            pf = person_forms(g["person"])
            tos = {_fold(g.get("to")), *(_fold(t) for t in g.get("to_alt", []) or [])}
            froms = {_fold(g.get("from")), *(_fold(t) for t in g.get("from_alt", []) or [])}
            cands = [
                i
                for i, m in enumerate(pred.moves)
                if i not in used and _fold(m.get("person")) in pf and _fold(m.get("to")) in tos
            ]
            if not cands:
                rep.misses.append((fname, g))
                continue
            # Prefer the candidate that also gets the details right.
            cands.sort(
                key=lambda i: (
                    _fold(pred.moves[i].get("from")) not in froms,
                    not _date_agrees(g.get("date"), pred.moves[i].get("date")),
                )
            )
            i = cands[0]
            used.add(i)
            m = pred.moves[i]
            counts.matched += 1
            rep.overall.matched += 1
            if _fold(m.get("from")) in froms:
                rep.from_correct += 1
            else:
                rep.wrong_details.append((fname, "from", g, m))
            if _date_agrees(g.get("date"), m.get("date")):
                rep.date_correct += 1
            else:
                rep.wrong_details.append((fname, "date", g, m))
        n_gold, n_pred = len(art.get("moves", [])), len(pred.moves)
        counts.gold += n_gold
        counts.predicted += n_pred
        rep.overall.gold += n_gold
        rep.overall.predicted += n_pred
        non_movers = {nm: person_forms(nm) for nm in art.get("non_movers", [])}
        for i, m in enumerate(pred.moves):
            if i in used:
                continue
            rep.extras.append((fname, m))
            if any(_fold(m.get("person")) in f for f in non_movers.values()):
                rep.non_mover_fp += 1
                rep.non_mover_hits.append((fname, m))
        _score_people(rep, fname, art, pred, forms, non_movers)
        # Group moves carry no to_alt: as for a move's to_alt, the article's own
        # parent/child pairs (gold "organizations") count as equally right.
        parents = {
            _fold(o["name"]): _fold(o.get("parent"))
            for o in art.get("organizations", [])
            if o.get("parent")
        }
        for gg in art.get("group_moves", []):
            rep.groups_gold += 1
            gfrom = {_fold(x) for x in gg.get("from", [])}
            gto = _fold(gg.get("to"))
            right_to = {gto}
            if gto is not None:
                right_to |= {parents.get(gto)} - {None}
                right_to |= {child for child, parent in parents.items() if parent == gto}
            if any(
                _fold(pg.get("to")) in right_to
                and (not gfrom or gfrom & {_fold(x) for x in pg.get("from", [])})
                for pg in pred.group_moves
            ):
                rep.groups_found += 1
    return rep


def _score_people(
    rep: Report,
    fname: str,
    art: dict[str, Any],
    pred: ArticlePrediction,
    forms: dict[str, set[str | None]],
    non_movers: dict[str, set[str | None]],
) -> None:
    gold_people = art.get("people", [])
    rep.people_gold += len(gold_people)
    rep.people_predicted += len(pred.people)
    owners: dict[str, list[tuple[str, list[str]]]] = {p["name"]: [] for p in gold_people}
    for name, aliases in pred.people:
        hits = [g for g, f in forms.items() if _fold(name) in f]
        if not hits:
            hits = [
                g for g, f in forms.items() if any(_fold(a) in f for a in aliases) and " " in name
            ]
        if not hits and not any(_fold(name) in f for f in non_movers.values()):
            rep.people_spurious += 1
            rep.spurious_people.append((fname, name))
        for g in hits[:1]:
            owners[g].append((name, aliases))
    for p in gold_people:
        mine = owners[p["name"]]
        if len(mine) > 1:
            rep.people_fragmented += 1
            rep.fragmented_people.append((fname, p["name"]))
        elif len(mine) == 1:
            name, aliases = mine[0]
            have = {_fold(name), *(_fold(a) for a in aliases)}
            full = _fold(p["name"]) or ""
            surnames = [m for m in p.get("mentions", []) if full.endswith(" " + (_fold(m) or ""))]
            if all(_fold(m) in have for m in surnames):
                rep.people_found_once += 1


# ---------------------------------------------------------------------------- helpers
def read_article(path: str | Path) -> tuple[dict[str, str], str]:
    """(metadata, body) of an article file, read exactly as `movesboard ingest` reads it."""
    from movesboard.ingest import read_text_article

    doc = read_text_article(Path(path))
    meta = {
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "language": doc.language,
    }
    return {key: value for key, value in meta.items() if value}, doc.body


def prediction_from_extraction(ex: Any) -> ArticlePrediction:
    moves = [
        {
            "person": m.person,
            "from": m.from_org,
            "to": m.to_org,
            "date": m.date.iso() if m.date else None,
            "role": m.role,
            "evidence": m.evidence,
        }
        for m in ex.moves
        if m.modality.counts
    ]
    people = [(p.name, p.aliases) for p in ex.people]
    groups = [
        {"count": g.count, "from": list(g.from_orgs), "to": g.to_org}
        for g in ex.group_moves
        if g.modality.counts
    ]
    return ArticlePrediction(moves=moves, people=people, group_moves=groups)


def predict_with_extractor(corpus_dir: str | Path) -> dict[str, ArticlePrediction]:
    """Run `movesboard.extract.extract` over every article of a corpus folder.

    The published date and language come from front matter or, failing that,
    from gold.jsonl (the seeds have no front matter)."""
    from movesboard.extract import extract

    corpus = Path(corpus_dir)
    gold_meta: dict[str, dict[str, Any]] = {}
    if (corpus / "gold.jsonl").exists():
        gold_meta = {g["file"]: g for g in load_gold(corpus)}
    out: dict[str, ArticlePrediction] = {}
    for path in sorted(corpus.glob("*.txt")):
        meta, body = read_article(path)
        g = gold_meta.get(path.name, {})
        pub_s = meta.get("published") or g.get("published")
        published = dt.date.fromisoformat(pub_s) if pub_s else None
        ex = extract(
            body, title=meta.get("title", ""), published=published, language=meta.get("language")
        )
        out[path.name] = prediction_from_extraction(ex)
    return out


def evaluate_dirs(*dirs: str | Path) -> Report:
    """Score the extractor over one or more corpus folders together."""
    gold: list[dict[str, Any]] = []
    preds: dict[str, ArticlePrediction] = {}
    for d in dirs:
        gold += load_gold(d)
        preds.update(predict_with_extractor(d))
    return score(gold, preds)
