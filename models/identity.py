"""Who is who across articles: attach each article's people to the ones already known.

Every person an article names becomes an *atom* (a Person row of its own).
The resolver then decides, with a score and a reason it records, whether the
atom joins an existing cluster, starts a new one, or starts a new one with a
*suggestion* for the user to review:

- exactly the same name (order-free, accent-folded) joins, unless the name is
  common ("Yang Song", "Jeff Wang") and nothing else in the article - an
  organisation, a colleague - ties it to the known person;
- a similar name (a typo, a transliteration, initials) joins only with such a
  tie and a high score; otherwise it becomes a suggestion;
- a user's "different" judgement always blocks, a user's "same" always joins.

Fuzzy scores alone cannot tell "Yang Song" from "Jiaming Song" given only
"Song"; that in-article step is the extractor's. Here, names are full names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from sqlalchemy import select as sa_select  # typed beyond sqlmodel's four columns
from sqlmodel import Session, col, select

from . import name_keys, ties
from .alias_index import AliasIndex
from .dialect import insert_ignoring_duplicates
from .index import RESOLVE
from .names import fold, organization_key, person_key
from .tables import Decision, Organization, Person, utcnow

# A similar (not identical) name joins a cluster only at this score *and* with
# a shared organisation or colleague; from SUGGEST up it is put to the user.
JOIN_SCORE = 88.0
SUGGEST_SCORE = 80.0


def uid(prefix: str, *parts: object) -> str:
    """A stable id from content, so that a rebuild gives every row the same uid."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:13]}"


@cache
def common_name_tokens() -> frozenset[str]:
    text = files(__package__).joinpath("data/common_name_tokens.txt").read_text("utf-8")
    return frozenset(
        token for line in text.splitlines() if not line.startswith("#") for token in line.split()
    )


def is_common_name(name: str) -> bool:
    """True when every token is a very common given or family name."""
    tokens = fold(name).split()
    common = common_name_tokens()
    return bool(tokens) and all(token in common for token in tokens)


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What an article says around its people: used to tell namesakes apart."""

    organizations: Mapping[str, str]  # organisation key -> name as the article gives it
    people: Mapping[str, str]  # person key -> name, for everyone named


@dataclass(frozen=True, slots=True)
class Verdict:
    root: Person | None  # the cluster to join, or None for a new one
    score: float
    reason: str
    suggest: Person | None = None  # a root to propose to the user instead


class Resolver:
    """Resolves one article's names within its transaction."""

    def __init__(self, session: Session, names: AliasIndex, content_hash: str) -> None:
        self.session = session
        self.names = names
        self.content_hash = content_hash
        self._orgs: dict[str, Organization] = {}
        self._judgements: dict[str, dict[str, str]] | None = None
        self._new_atoms: set[int] = set()  # atoms made here: their aliases are all new
        self._aliases_added: dict[tuple[int, str], int] = {}  # (owner, norm) -> alias id

    # ------------------------------------------------------------ organisations

    def organization(self, name: str, parent: str | None = None) -> Organization:
        key = organization_key(name)
        org = self._orgs.get(key) or self._find_organization(key)
        if org is None:
            org = self._insert_organization(name, key)
            self.add_alias(org, name)
        if parent and org.parent_id is None and organization_key(parent) != key:
            # A parent learned once is kept; the user can change it (orgs parent).
            org.parent_id = self.organization(parent).id
        self._orgs[key] = org
        return org

    def _insert_organization(self, name: str, key: str) -> Organization:
        """A new organisation, or the one another writer is making this instant.

        Two ingest processes may meet the same new name at once: the insert
        skips a key already taken (on PostgreSQL, after waiting for the other
        writer's commit) instead of failing the article, and the row is read
        back either way."""
        self.session.execute(
            insert_ignoring_duplicates(self.session, Organization)
            .values(name=name, key=key, created_at=utcnow())
            .on_conflict_do_nothing(index_elements=["key"])
        )
        return self.session.exec(select(Organization).where(Organization.key == key)).one()

    def _find_organization(self, key: str) -> Organization | None:
        # By id, then the row from the session: an organisation read earlier in
        # the transaction (the batch's other articles) costs no query.
        with name_keys.Cursor(self.session.connection()) as cursor:
            # Or known by another name: "MSL" stored as an alias of Meta Superintelligence Labs.
            org_id = cursor.first(_ORGANIZATION_BY_KEY, key) or cursor.first(
                _ORGANIZATION_BY_ALIAS, key
            )
        if org_id is None:
            return None
        org = self.session.get(Organization, org_id)
        if org is not None:
            # The session holds its rows weakly: kept here, the organisation
            # stays in it for the batch's later articles.
            self.session.info.setdefault(_HELD, {})[org_id] = org
        return org

    # ------------------------------------------------------------------ people

    def person(self, name: str, context: ArticleContext) -> Person:
        """A new atom for `name` in this article, attached where the evidence allows."""
        key = person_key(name)
        atom_uid = uid("p", self.content_hash, key)
        atom = Person(uid=atom_uid, atom_name=name, name=name, key=key)
        verdict = self._judge(atom_uid, name, key, context)
        if verdict.root is not None:
            atom.merged_into_id = verdict.root.id
            atom.match_score = verdict.score
            atom.match_reason = verdict.reason
            if len(name) > len(verdict.root.name) and not verdict.root.named_by_user:
                verdict.root.name = name  # the cluster shows its fullest name
        self.session.add(atom)
        self.session.flush()
        self._new_atoms.add(atom.id)  # type: ignore[arg-type]
        # The cluster is named beside everything this article names, from now on.
        ties.add(
            self.session,
            atom.merged_into_id or atom.id,  # type: ignore[arg-type]
            context.organizations,
            context.people,
        )
        self.add_alias(atom, name)
        if verdict.suggest is not None:
            self.session.add(
                Decision(
                    kind="suggest",
                    subject="person",
                    a_ref=atom_uid,
                    b_ref=verdict.suggest.uid,
                    score=round(verdict.score, 1),
                    value=verdict.reason,
                    actor="machine",
                )
            )
        return atom

    def _judge(self, atom_uid: str, name: str, key: str, context: ArticleContext) -> Verdict:
        forced = self._user_says_same(atom_uid)
        if forced is not None:
            return Verdict(forced, 100.0, "user decision: same person")
        blocked = self._user_says_different(atom_uid)

        exact = [r for r in self._roots_with_key(key) if r.id not in blocked]
        if exact:
            # Asked once per root: the ranking and the verdict need the same answer,
            # and each asking reads everything the cluster's articles name.
            shared_by_root = {root.id: self._shared(root, context) for root in exact}
            root = sorted(exact, key=lambda root: -len(shared_by_root[root.id]))[0]
            shared = shared_by_root[root.id]
            if shared:
                return Verdict(root, 100.0, f"same name; also shares {', '.join(shared[:3])}")
            if not is_common_name(name) and len(exact) == 1:
                return Verdict(root, 96.0, "same name, not a common one")
            return Verdict(
                None, 75.0, "same common name, but no shared organisation or colleague", root
            )

        best: tuple[float, Person] | None = None
        index = self.names.refresh(self.session)
        # This article's own atoms are other people (one atom per name key):
        # its transaction sees them, but they are no candidates.
        hits = index.search(
            fold(name), kind="person", folded=True, budget=RESOLVE, limit=5, exclude=self._new_atoms
        )
        for hit in hits:
            if hit.score < SUGGEST_SCORE:
                break
            candidate = self._root_of(hit.entity_id)
            if candidate is None or candidate.id in blocked:
                continue
            if hit.score >= JOIN_SCORE:
                shared = self._shared(candidate, context)
                if shared:
                    reason = f"similar name ({hit.score:.0f}); shares {', '.join(shared[:3])}"
                    return Verdict(candidate, hit.score, reason)
            if best is None:
                best = (hit.score, candidate)
        if best is not None:
            score, root = best
            return Verdict(None, score, f"similar name ({score:.0f}), nothing else shared", root)
        return Verdict(None, 0.0, "new person")

    def _roots_with_key(self, key: str) -> list[Person]:
        """The clusters with an atom of this key, in order of creation."""
        with name_keys.Cursor(self.session.connection()) as cursor:
            root_ids = [row[0] for row in cursor.all(_ROOTS_WITH_KEY, key, key, key)]
        if not root_ids:
            return []
        return list(
            self.session.exec(
                select(Person).where(col(Person.id).in_(root_ids)).order_by(col(Person.id))
            ).all()
        )

    def _root_of(self, atom_id: int) -> Person | None:
        atom = self.session.get(Person, atom_id)
        if atom is None:
            return None
        return self.session.get(Person, atom.merged_into_id) if atom.merged_into_id else atom

    def _shared(self, root: Person, context: ArticleContext) -> list[str]:
        """Organisations and colleagues this article shares with the cluster's articles."""
        assert root.id is not None
        return ties.shared(self.session, root.id, root.key, context.organizations, context.people)

    def _user_pairs(self, atom_uid: str, kind: str) -> list[str]:
        if self._judgements is None:
            self._judgements = latest_user_judgements(self.session)
        pairs = self._judgements.get(atom_uid, {})
        return [other for other, decided in pairs.items() if decided == kind]

    def _user_says_same(self, atom_uid: str) -> Person | None:
        for other in self._user_pairs(atom_uid, "same"):
            atom = self.session.exec(select(Person).where(Person.uid == other)).first()
            if atom is not None:
                return self._root_of(atom.id)  # type: ignore[arg-type]
        return None

    def _user_says_different(self, atom_uid: str) -> set[int]:
        blocked: set[int] = set()
        for other in self._user_pairs(atom_uid, "different"):
            atom = self.session.exec(select(Person).where(Person.uid == other)).first()
            root = self._root_of(atom.id) if atom is not None else None  # type: ignore[arg-type]
            if root is not None:
                blocked.add(root.id)  # type: ignore[arg-type]
        return blocked

    # ----------------------------------------------------------------- aliases

    def add_alias(self, owner: Person | Organization, name: str) -> int | None:
        """File `name` under `owner`; returns the alias's id (None for an empty form).

        Two writers may meet the same new form of one organisation at once: the
        insert skips a form the owner already has (on PostgreSQL, after waiting
        for the other writer's commit; uq_alias_*_norm), and the row is read
        back either way. Only a row this call inserted gets its name keys."""
        norm = fold(name)
        is_person = isinstance(owner, Person)
        assert owner.id is not None, "aliases are added to stored rows"
        marker = (owner.id if is_person else -owner.id, norm)
        if not norm:
            return None
        if marker in self._aliases_added:
            return self._aliases_added[marker]
        find = _PERSON_ALIAS if is_person else _ORGANIZATION_ALIAS
        connection = self.session.connection()
        with name_keys.Cursor(connection) as cursor:
            # An atom made in this article has no stored aliases yet: no need to ask.
            known = None
            if not (is_person and owner.id in self._new_atoms):
                known = cursor.first(find, owner.id, norm)
            if known is None:
                person_id, organization_id = (owner.id, None) if is_person else (None, owner.id)
                known = cursor.first(_INSERT_ALIAS, person_id, organization_id, name, norm)
                if known is not None:
                    # A raw insert fires no ORM hook (tables._file_alias): file it here.
                    name_keys.write(connection, [(known, norm)])
                else:
                    known = cursor.first(find, owner.id, norm)
                    assert known is not None, "a skipped alias is another writer's, committed"
        self._aliases_added[marker] = known
        return known


_HELD = "movesboard.organizations"  # key in Session.info

# Raw statements (name_keys.Cursor): they run for every name an article gives.
_ORGANIZATION_BY_KEY = "SELECT id FROM organization WHERE key = ?"
_ORGANIZATION_BY_ALIAS = (
    "SELECT alias.organization_id FROM alias WHERE alias.norm = ?"
    " AND alias.organization_id IS NOT NULL ORDER BY alias.organization_id LIMIT 1"
)
_PERSON_ALIAS = "SELECT id FROM alias WHERE person_id = ? AND norm = ? LIMIT 1"
_ORGANIZATION_ALIAS = "SELECT id FROM alias WHERE organization_id = ? AND norm = ? LIMIT 1"
# Skips a form the owner has already (uq_alias_person_norm, uq_alias_organization_norm),
# another writer's too: on PostgreSQL after waiting for its commit.
_INSERT_ALIAS = (
    "INSERT INTO alias (person_id, organization_id, name, norm) VALUES (?, ?, ?, ?)"
    " ON CONFLICT DO NOTHING RETURNING id"
)


# The roots of every atom with a key, by a loose scan of ix_person_key_root: each
# step seeks the next cluster id after the last one, so a name carried by
# thousands of atoms of a few clusters costs a few seeks, not thousands of rows.
# (Roots are atoms too: those with no merged_into_id, read from the same index.)
_ROOTS_WITH_KEY = """
    WITH RECURSIVE cluster(id) AS (
        SELECT min(merged_into_id) FROM person WHERE key = ?
        UNION ALL
        SELECT (
            SELECT min(later.merged_into_id) FROM person AS later
            WHERE later.key = ? AND later.merged_into_id > cluster.id
        )
        FROM cluster WHERE cluster.id IS NOT NULL
    )
    SELECT id FROM cluster WHERE id IS NOT NULL
    UNION
    SELECT id FROM person WHERE key = ? AND merged_into_id IS NULL
"""


def latest_user_judgements(session: Session) -> dict[str, dict[str, str]]:
    """uid -> {other uid: the user's latest same/different/unsure on that pair}.

    One query per article: the user's judgements are few (they are typed by a
    person), and every name of the article is checked against them.
    """
    rows = session.execute(
        sa_select(
            col(Decision.id),
            col(Decision.kind),
            col(Decision.a_ref),
            col(Decision.b_ref),
            col(Decision.value),
        )
        .where(
            col(Decision.subject) == "person",
            col(Decision.actor) == "user",
            col(Decision.kind).in_(("same", "different", "unsure", "undo")),
        )
        .order_by(col(Decision.id))
    ).all()
    undone = {int(v) for _, kind, _, _, v in rows if kind == "undo" and v and v.isdigit()}
    latest: dict[str, dict[str, str]] = {}
    for decision_id, kind, a_ref, b_ref, _ in rows:
        if kind == "undo" or decision_id in undone or b_ref is None:
            continue
        latest.setdefault(a_ref, {})[b_ref] = kind
        latest.setdefault(b_ref, {})[a_ref] = kind
    return latest
