"""What every move statement gets the same way, whatever its verb: how the
article asserts it (modality), when it happened (date) and as what (role)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DateMention
from ..sentences import Sentence
from ..types import FuzzyDate, Modality
from .arguments import clause_start
from .context import MoveContext

_ORG_POSSESSIVE = re.compile(r"^[^\s]+(?:'s|’s)\s+")  # "OpenAI's CEO of ..."


# A comma-enclosed aside before the verb ("X, a former VP who sat on its
# board, joins"): it describes the mover, it does not qualify the move.
_ASIDE = re.compile(r",[^,]+,")


def modality(ctx: MoveContext, s: Sentence, a: int, b: int, ts: int) -> Modality | None:
    """How body[a:b] asserts its move; None when it is not a move at all
    (stays, sabbaticals)."""
    region = ctx.body[a : max(b, ts)]
    if ctx.rx["stay"].search(region):
        return None
    if ctx.rx["side_role"].search(_ASIDE.sub(",", ctx.body[a:ts]) + ctx.body[ts : max(b, ts)]):
        return None  # not in an aside: "X, who has been advising its board, takes over"
    # "returned after a three-month leave": absences reach to the clause end.
    clause_end = ctx.body.find(",", max(b, ts), s.end)
    if ctx.rx["absence"].search(ctx.body[a : clause_end if clause_end > 0 else s.end]):
        return None
    if ctx.rx["denial"].search(region):
        return Modality.DENIED
    rumour = ctx.rx["rumour"].search(region)
    if rumour:
        return _rumour_or_report(ctx, s, a, region, rumour)
    if ctx.rx["hearsay"].search(region):
        # "reportedly joined" is reported; "reportedly will join" a rumour.
        return Modality.RUMOURED if ctx.rx["future"].search(region) else Modality.REPORTED
    reported = ctx.reported.get(s.start)
    if reported is None:  # read once per sentence, not once per move in it
        reported = ctx.reported[s.start] = ctx.rx["reported"].search(s.text) is not None
    if reported:
        return Modality.REPORTED
    return Modality.STATED


def _rumour_or_report(
    ctx: MoveContext, s: Sentence, a: int, region: str, rumour: re.Match[str]
) -> Modality:
    """ "Foo said she would join": a modal in reported speech reports."""
    speech = ctx.rx["speech"].search(ctx.body, s.start, a + rumour.start())
    if (
        speech
        and ctx.rx["reported_modal"].fullmatch(rumour.group())
        and not ctx.rx["rumour"].search(region, rumour.end())
    ):
        return Modality.REPORTED
    return Modality.RUMOURED


@dataclass(frozen=True, slots=True)
class DateWindow:
    """Where a statement's own date may be written, and its tense read."""

    sentence: Sentence
    trigger_start: int
    after_limit: int  # a date after the verb must start before this
    before_floor: int  # a date before the verb must start after this
    region_start: int  # the clause whose tense says "now"
    end: int  # the end of the statement's arguments


@dataclass(frozen=True, slots=True)
class StatedDate:
    date: FuzzyDate | None
    explicit: bool  # written in the statement, not the tense default
    # The tense itself says now ("has joined", "is leaving"), not a pack's
    # reading of a verb with no tense (Indonesian, Chinese) as current.
    tensed_now: bool = False


def statement_date(ctx: MoveContext, w: DateWindow) -> StatedDate:
    """The date of the statement's own clause, else the tense default:
    a present statement ("has joined", "is leaving") takes the
    publication month, background history none."""
    s, ts = w.sentence, w.trigger_start
    after = [d for d in ctx.doc.dates.within(ts, s.end) if d.start < w.after_limit]
    before = [
        d
        for d in ctx.doc.dates.within(w.before_floor, ts)
        if not _in_relative_aside(ctx, d, w.before_floor, ts)
    ]
    if after:
        return StatedDate(_in_tense(ctx, w, after[0]), True)
    if before:
        told = before[-1]
        if ctx.rx["speech"].search(ctx.body, s.start, told.start):
            # "said in July that he would retire": the saying's date, as told.
            return StatedDate(told.date, True)
        # "Dal primo aprile X entrerà in Y", "In May, X will join Y": the verb's own.
        return StatedDate(_in_tense(ctx, w, told), True)
    published = ctx.doc.published
    if published is None:
        return StatedDate(None, False)
    end = max(w.end, ts)
    current = bool(ctx.rx["current"].search(ctx.body[w.region_start : end]))
    # Where verbs carry no tense, "kini" (now) may say where someone is, not
    # when they moved: only a language's tense says now for certain.
    tensed = current and not ctx.pack.untensed_is_current
    if ctx.pack.untensed_is_current:
        # "Sebelumnya, X (telah) pindah ke Y": a past adverb opening the sentence
        # covers it, a perfect marker ("telah") included.
        opened_past = ctx.rx["past"].match(ctx.body, s.start) is not None
        current = not opened_past and (
            current or not ctx.rx["past"].search(ctx.body[clause_start(s, ts) : end])
        )
    if current:
        return StatedDate(FuzzyDate(published.year, published.month), False, tensed)
    return StatedDate(None, False)


def _in_relative_aside(ctx: MoveContext, d: DateMention, floor: int, verb: int) -> bool:
    """ "X, who had worked at Google since 2015, is joining Meta": a date in a
    relative clause set between commas before the verb is the clause's own."""
    opened = ctx.body.rfind(",", floor, d.start)
    closed = ctx.body.find(",", d.end, verb)
    if opened < 0 or closed < 0:
        return False
    words = ctx.body[opened + 1 : d.start].lstrip()
    return bool(words) and ctx.rx["relative"].match(ctx.body, d.start - len(words)) is not None


_VERB_REACH = 24  # a future marked on the verb itself ("rejoindra", "bergabung kelak")


def _in_tense(ctx: MoveContext, w: DateWindow, told: DateMention) -> FuzzyDate:
    """ "She will join Helix AI in May", told in March: next May, not last."""
    date, published = told.date, ctx.doc.published
    if (
        told.year_assumed
        and published is not None
        and (date.year, date.month or 0) < (published.year, published.month)
        and _future_told(ctx, w, told)
    ):
        return FuzzyDate(date.year + 1, date.month, date.day)
    return date


def _future_told(ctx: MoveContext, w: DateWindow, told: DateMention) -> bool:
    """Whether the verb's own clause, or the clause the date stands in, is in
    the future: "X, who left Foo in May" in a sentence that says what will
    happen next is still last May; "hired X, who will start in May" is next May."""
    future = ctx.rx["future"]
    return bool(
        future.search(
            ctx.body,
            clause_start(w.sentence, w.trigger_start),
            min(w.trigger_start + _VERB_REACH, w.sentence.end),
        )
        or future.search(ctx.body, clause_start(w.sentence, told.start), told.start)
    )


def role(ctx: MoveContext, a: int, b: int, send: int) -> str | None:
    """The title a statement gives the mover: "as chief scientist"."""
    m = ctx.patterns.role.search(ctx.body, a, min(send, b + 160))
    if not (m and m.start() < b + 40):
        return None
    start, end = m.span("role")
    # "will step down as CTO next year": a date phrase ends the title.
    dated = ctx.doc.dates.first_at(start, end)
    text = ctx.body[start : dated.start if dated else end].strip()
    if not ctx.rx["role_words"].search(text):
        return None
    # "OpenAI's CEO of Applications": the organisation is not part of the title.
    text = _ORG_POSSESSIVE.sub("", text)
    # "chief AI officer and lead MSL": keep the conjuncts that are titles.
    parts = ctx.patterns.role_split.split(text)
    kept = [parts[0]]
    for part in parts[1:]:
        if not ctx.rx["role_words"].search(part.split(None, 1)[-1]):
            break
        kept.append(part)
    text = _without_edge_words(ctx, " ".join(kept), ctx.rx["role_possessive"])
    text = _without_edge_words(ctx, text, ctx.rx["role_new"])
    if ctx.pack.subject_after_verb:
        text = _without_closing_verb(text)
    return text if 0 < len(text.split()) <= 8 else None


def _without_closing_verb(text: str) -> str:
    """ "als Forschungschef eingestellt": where the verb closes the clause
    (verb-second packs), lowercase words after the capitalised title are it."""
    words = text.split()
    while len(words) > 1 and words[-1][:1].islower():
        words.pop()
    return " ".join(words)


def _without_edge_words(ctx: MoveContext, text: str, possessive: re.Pattern[str]) -> str:
    """ "our chief scientist", "ilmuwan utama kami", "its new CFO": the title
    without the speaker's possessive (a pack's `role_possessive`) or a word
    saying the post is new (`role_new`) at either edge."""
    gap = " " if ctx.pack.spaced else ""  # "我们的首席科学家": no space to find
    first = possessive.match(text)
    if first and text[first.end() :].startswith(gap) and first.end() < len(text):
        text = text[first.end() :].lstrip()
    last = next(
        (m for m in possessive.finditer(text) if m.end() == len(text)), None
    )  # a possessive that closes the role
    if last and last.start() > 0 and text[: last.start()].endswith(gap):
        text = text[: last.start()].rstrip()
    return text
