"""Organisation mentions: gazetteer hits, acronyms learned from the text,
periphrases ("the Facebook parent") and unknown organisations named by context
("the start-up Foo", "joined Bar Labs")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, names_pattern
from .lang import LanguagePack
from .names import given_names
from .normalize import fold
from .prefilter import FastRegex

# Words that end an organisation's name in any language ("Foo Labs", "Bar AI").
ORG_SUFFIXES = frozenset(
    {
        "labs",
        "lab",
        "ai",
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "technologies",
        "technology",
        "systems",
        "robotics",
        "research",
        "capital",
        "ventures",
        "intelligence",
        "computing",
        "dynamics",
        "bio",
        "therapeutics",
        "networks",
        "software",
        "group",
        "holdings",
        "ltd",
        "llc",
        "gmbh",
        "sa",
        "ag",
        "company",
        "studio",
        "studios",
        "games",
        "university",
        "institute",
        "college",
        "foundation",
        "academy",
        "partners",
        "digital",
        "compute",
        "cloud",
        "analytics",
        "media",
    }
)
_CAPRUN = r"[^\W\d_a-z][\w.&'’-]*(?:\s[^\W\d_a-z][\w.&'’-]*){0,3}"
_EX_PREFIX = re.compile(r"(?<![^\W\d_])ex-$")  # "ex-OpenAI": an organisation after "ex-"
_ACRONYM_AFTER = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z0-9&]{1,7})\)")
_CAP_NEXT = re.compile(r"\s+[^\W\d_a-z]")  # another capitalised word follows
_HARD_PUNCT_AT = re.compile(r"[.;:!?]")
_PARENS = re.compile(r"\([A-Z]{2,6}\)")
# "Vector Institute (VI)": a capitalised name defined with its initials.
_DEFINED = re.compile(
    r"(?P<name>(?:[^\W\d_a-z][\w&.-]*\s){1,5}[^\W\d_a-z][\w&.-]*)\s*"
    r"\((?P<abbr>[A-Z]{2,6})\)"
)
_SUFFIX_FORMS = {w.upper() if len(w) <= 2 else w.capitalize() for w in ORG_SUFFIXES if w.isalpha()}
# "Helix AI", "Nusantara Labs": capitalised words ending in a capitalised suffix.
_SUFFIXED = re.compile(
    r"(?<![\w-])(?:[^\W\d_a-z][\w&'’-]*[ \t]){1,3}(?:"
    + "|".join(sorted(_SUFFIX_FORMS, key=len, reverse=True))
    + r")(?![\w-])"
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _unspaced_runs(script: str) -> tuple[str, re.Pattern[str]]:
    """_CAPRUN and _SUFFIXED for a pack whose `script` (Han) is written without
    spaces: its characters are neither capitals nor part of a Latin name."""
    first = rf"[^\W\d_a-z{script}]"
    rest = rf"(?:[^\W{script}]|[.&'’-])*"
    caprun = rf"{first}{rest}(?:\s{first}{rest}){{0,3}}"
    suffixed = re.compile(
        rf"(?<!-)(?<![^\W{script}])(?:{first}{rest}[ \t]){{1,3}}(?:"
        + "|".join(sorted(_SUFFIX_FORMS, key=len, reverse=True))
        + rf")(?![^\W{script}]|-)"
    )
    return caprun, suffixed


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    text: str
    name: str  # canonical
    known: bool = True
    # Opens a compound ("OpenAI-Forscher", "Google-backed"): it describes the
    # next word, so it can place a person but is no clause's subject or object.
    modifier: bool = False


def _unknown_name(run: str) -> str:
    return _POSSESSIVE.sub("", run).strip(" .,")


class OrgFinder:
    """Per-pack compiled patterns for finding organisations in a body."""

    def __init__(self, pack: LanguagePack, gaz: Gazetteer) -> None:
        self.pack = pack
        self.gaz = gaz
        # A name glued to a word character (the pack's: Han glues to nothing) is no hit.
        self.word_before = re.compile(rf"{pack.word_char}|\.")
        self.names = gaz.pattern if pack.spaced else names_pattern(gaz.names, pack.word_char)
        self.glue = None if pack.spaced else re.compile(pack.word_char)
        kinds = pack.data["patterns"]["org_kind"]
        kind_alt = "|".join(sorted(kinds, key=len, reverse=True))
        self.kind_word = FastRegex(rf"(?<![\w-])(?:{kind_alt})(?![\w-])", lowercase=True)
        named = pack.data["patterns"].get("org_named") or []
        named_alt = "|".join(sorted(named, key=len, reverse=True))
        opt = rf"(?:\s+(?i:{named_alt}))?" if named else ""
        # Latin names and the space before them (none needed where Han is written).
        caprun, self.suffixed, sp = _CAPRUN, _SUFFIXED, r"\s+"
        if not pack.spaced:
            (caprun, self.suffixed), sp = _unspaced_runs(pack.script), r"\s*"
        self.name_after = re.compile(rf"{opt}{sp}(?P<name>{caprun})")
        # "left Foo to join Bar", "keluar dari Foo untuk bergabung dengan Bar":
        # a destination after it makes the word after a leave verb the employer.
        dest = pack.data["patterns"]["dest_prep"]
        self.dest_after = (
            re.compile(
                rf"[ \t]+(?:{'|'.join(sorted(dest, key=len, reverse=True))})[ \t]+[^\W\d_a-z]"
            )
            if dest
            else None
        )
        self.dest_name = (
            re.compile(
                rf",?[ \t]+(?:{'|'.join(sorted(dest, key=len, reverse=True))})[ \t]+"
                rf"(?P<name>{caprun})"
            )
            if dest
            else None
        )
        conj = "|".join(sorted(pack.data["patterns"]["conj"], key=len, reverse=True))
        self.conj_after = re.compile(rf",?[ \t]+(?:(?:{conj})[ \t]+)?")
        owners = pack.data["patterns"]["owner_of"]
        # Only the side of a template that says something: "(?:the )?" matches nothing.
        pre = [o.split("{ORG}")[0] for o in owners if not re.fullmatch(o.split("{ORG}")[0], "")]
        post = [o.split("{ORG}")[1] for o in owners if not re.fullmatch(o.split("{ORG}")[1], "")]
        self.owner_pre = re.compile(rf"(?:{'|'.join(pre)})$", re.IGNORECASE) if pre else None
        self.owner_post = re.compile(rf"^(?:{'|'.join(post)})", re.IGNORECASE) if post else None

    def find(
        self,
        body: str,
        triggers: list[tuple[str, int, int]] | None = None,
        person_spans: list[tuple[int, int]] | None = None,
        date_spans: dict[int, int] | None = None,
    ) -> list[OrgMention]:
        """Organisation mentions; `triggers` (kind, start, end) from the pack's
        trigger scan let "joined Foo Labs" name an unknown organisation."""
        gaz = self.gaz
        found: list[OrgMention] = []
        taken: list[tuple[int, int]] = []
        low = body.lower()
        if len(low) != len(body):  # lowercasing moved offsets (rare scripts): fold by char
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in body)
        for m in self.names.finditer(low):
            if (
                m.start()
                and self.word_before.match(low, m.start() - 1)
                and not _EX_PREFIX.search(low, max(0, m.start() - 4), m.start())
            ):
                continue  # not at a word start ("ex-OpenAI" is one)
            text = body[m.start() : m.end()]
            canon = gaz.by_acronym.get(text)
            if canon is None:
                if not text[0].isupper() and not text[0].isdigit() and text not in gaz.exact:
                    continue  # "scale", "cursor": ordinary words
                canon = gaz.lookup(text)
                # An all-caps hit of a name not written so ("SCALE") is
                # shouting in a headline, not the organisation.
                if canon is None or (text.isupper() and len(text) > 1 and text not in gaz.exact):
                    continue
            canon = self._owner(body, m.start(), m.end(), canon)
            modifier = body[m.end() : m.end() + 1] == "-"
            found.append(OrgMention(m.start(), m.end(), text, canon, modifier=modifier))
            taken.append((m.start(), m.end()))
        learned: dict[str, str] = {}
        for om in list(found):
            am = _ACRONYM_AFTER.match(body, om.end)
            if am and am.group("abbr") not in gaz.by_acronym:
                learned[am.group("abbr")] = om.name
        unknown: dict[str, str] = {}
        for pm in _PARENS.finditer(body):
            # Cheap scan for "(ABBR)" first; the name is the words just before.
            m = _DEFINED.search(body, max(0, pm.start() - 120), pm.end())
            if m is None or m.end() != pm.end():
                continue
            words = m.group("name").split()
            # Keep the trailing words whose initials spell the acronym.
            k = len(m.group("abbr"))
            tail = words[-k:]
            if (
                len(tail) == k
                and "".join(w[0] for w in tail).upper() == m.group("abbr")
                and not any(w.lower() in self.pack.title_words for w in tail)
                and not _overlaps(m.start("name"), m.end("name"), taken)
            ):
                name = " ".join(tail)
                unknown.setdefault(name, name)
                learned.setdefault(m.group("abbr"), name)
        starts = [(m.end(), True) for m in self.kind_word.finditer(body)]
        # After a move verb: by_kind is False for leave verbs, None for join/found ones.
        starts += [
            (e, None if kind != "leave" else False)
            for kind, _, e in triggers or []
            if kind in ("join", "leave", "found")
        ]
        onward = {t for kind, t, _ in triggers or [] if kind in ("join", "found")}
        # "Helix AI", "Nusantara Labs": a capitalised run ending in an
        # organisation suffix names an organisation wherever it stands.
        for m in self.suffixed.finditer(body):
            words = m.group(0).split()
            while words[:-1] and (
                words[0].lower() in self.pack.stopwords
                or words[0].lower() in self.pack.not_name_words
                or words[0].lower() in self.pack.title_words
            ):
                words.pop(0)
            if len(words) < 2 or not words[-2][0].isupper():
                continue
            if any(_unknown_name(w) != w for w in words[:-1]):
                continue  # "Google's AI": a possessive inside is no name
            name = " ".join(words)
            s = m.end() - len(name)
            if _overlaps(s, m.end(), taken) or self.gaz.lookup(name):
                continue
            unknown.setdefault(name, name)
        for pos, by_kind in starts:
            m = self.name_after.match(body, pos)
            if m is None:
                continue
            name = self._clean_run(m.group("name"))
            if not name:
                continue
            s = m.start("name")
            if _overlaps(s, s + len(name), taken) or _overlaps(
                s, s + len(name), person_spans or []
            ):
                continue
            if by_kind is False:
                self._leave_destination(body, s + len(name), date_spans or {}, taken, unknown)
            if not by_kind and name.split()[-1].lower() not in ORG_SUFFIXES:
                # "joined Helsing": one capitalised word that is no given name and
                # starts no longer name is taken as an organisation; anything
                # else after "joined"/"left" may be a person.
                if " " in name or fold(name) in given_names():
                    continue
                if by_kind is False and not self._onward(
                    body, s + len(name), onward, date_spans or {}
                ):
                    continue
                if _CAP_NEXT.match(body, s + len(name)):
                    continue
            unknown.setdefault(name, name)
        if learned or unknown:
            forms = {**{k: v for k, v in learned.items()}, **unknown}
            self._short_forms(body, found, forms, person_spans or [])
            # Plain substring search: these forms are per article, and
            # compiling a pattern per call is what the packs exist to avoid.
            for text in sorted(forms, key=len, reverse=True):
                for a in _occurrences(body, text, self.glue):
                    b = a + len(text)
                    if _overlaps(a, b, taken) or _overlaps(a, b, person_spans or []):
                        continue
                    found.append(OrgMention(a, b, text, forms[text], text in learned))
                    taken.append((a, b))
        found.sort(key=lambda o: o.start)
        return found

    def _short_forms(
        self,
        body: str,
        found: list[OrgMention],
        forms: dict[str, str],
        person_spans: list[tuple[int, int]],
    ) -> None:
        """ "Helix" after "Helix AI": the leading word(s) of an organisation named
        in full earlier, when no other organisation of the article starts so."""
        names = {o.name: o.start for o in found}
        for text, name in forms.items():
            names.setdefault(name, body.find(text))
        owners: dict[str, set[str]] = {}
        for name in names:
            words = name.split()
            if len(words) < 2 or words[-1].lower() not in ORG_SUFFIXES:
                continue
            for k in range(1, len(words)):
                owners.setdefault(" ".join(words[:k]), set()).add(name)
        for short, who in owners.items():
            if len(who) != 1 or forms.get(short, short) not in (short, *who):
                continue
            (name,) = who
            if (
                short.lower() in self.pack.stopwords
                or short.lower() in self.pack.not_name_words
                or fold(short) in given_names()
                or self.gaz.lookup(short)
            ):
                continue
            first = names[name]
            # Named in full first, and never the start of a longer name.
            hits = [
                a
                for a in _occurrences(body, short, self.glue)
                if a > first
                and not _CAP_NEXT.match(body, a + len(short))
                and not _overlaps(a, a + len(short), person_spans)
            ]
            if hits:
                forms[short] = name

    def _leave_destination(
        self,
        body: str,
        end: int,
        date_spans: dict[int, int],
        taken: list[tuple[int, int]],
        unknown: dict[str, str],
    ) -> None:
        """ "left Foo (earlier this year) for Bar": one capitalised word after a
        destination preposition that follows the organisation left."""
        if self.dest_name is None:
            return
        end = self._skip_date(body, end, date_spans)
        m = self.dest_name.match(body, end)
        if m is None:
            return
        name = self._clean_run(m.group("name"))
        if not name or " " in name or fold(name) in given_names():
            return
        a = m.start("name")
        if _CAP_NEXT.match(body, a + len(name)) or _overlaps(a, a + len(name), taken):
            return
        unknown.setdefault(name, name)

    @staticmethod
    def _skip_date(body: str, end: int, date_spans: dict[int, int]) -> int:
        """Past a date phrase right after `end` ("left Foo earlier this year")."""
        i = end
        while i < len(body) and body[i] in " \t,":
            i += 1
        if i in date_spans and i > end and not _HARD_PUNCT_AT.match(body, date_spans[i]):
            j = date_spans[i]
            return j - 1 if body[j - 1 : j] == "," else j
        return end

    def _onward(
        self, body: str, end: int, onward: set[int], date_spans: dict[int, int] | None = None
    ) -> bool:
        """After "left Foo": a destination follows ("to join Bar", "for Bar",
        "and joined Bar"), so Foo is the employer left, not a person."""
        end = self._skip_date(body, end, date_spans or {})
        if self.dest_after and self.dest_after.match(body, end):
            return True
        m = self.conj_after.match(body, end)
        return bool(m) and m.end() in onward

    def _clean_run(self, run: str) -> str:
        words = run.split()
        # Stop the name at the first word that cannot be part of one.
        kept: list[str] = []
        for w in words:
            bare = _unknown_name(w)
            if not bare or bare.lower() in self.pack.stopwords or not bare[0].isupper():
                break
            kept.append(w)
            if bare != w:  # possessive or trailing punctuation ends the name
                break
        name = _unknown_name(" ".join(kept))
        if not name or (name.lower() in self.pack.not_name_words and len(kept) == 1):
            return ""
        if self.gaz.lookup(name):
            return ""
        return name

    def _owner(self, body: str, start: int, end: int, canon: str) -> str:
        """'the Facebook parent' / 'induk usaha Facebook' name the owner."""
        hit = (self.owner_post and self.owner_post.match(body[end : end + 30])) or (
            self.owner_pre and self.owner_pre.search(body[max(0, start - 30) : start])
        )
        if hit:
            return self.gaz.parent(canon) or canon
        return canon


def _occurrences(body: str, text: str, word_char: re.Pattern[str] | None = None) -> list[int]:
    """Offsets of `text` in `body` as a whole word (`word_char`: a pack's own)."""
    out: list[int] = []
    i = body.find(text)
    while i >= 0:
        j = i + len(text)
        before = body[i - 1] if i else " "
        after = body[j] if j < len(body) else " "
        if word_char is not None:
            glued = bool(word_char.match(before) or word_char.match(after))
        else:
            glued = before.isalnum() or before in "_-" or after.isalnum() or after in "_-"
        if not glued:
            out.append(i)
        i = body.find(text, i + 1)
    return out


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)
