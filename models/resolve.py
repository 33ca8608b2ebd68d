"""Map an article's entities onto the people and organisations already stored.

This first resolver matches exact normalised keys and aliases only: it never
merges two different people on a fuzzy guess. Cross-article fuzzy identity
(name order, typos, initials) with a review queue replaces its internals
without changing its interface.
"""

from __future__ import annotations

from sqlmodel import Session, select

from .names import fold, organization_key, person_key
from .tables import Alias, Organization, Person


class Resolver:
    """Resolves names to rows within one session; caches what it has seen."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._orgs: dict[str, Organization] = {}
        self._people: dict[str, Person] = {}

    def organization(self, name: str, parent: str | None = None) -> Organization:
        key = organization_key(name)
        org = self._orgs.get(key) or self._find_organization(key)
        if org is None:
            org = Organization(name=name, key=key)
            self.session.add(org)
            self.session.flush()
            self.add_alias(org, name)
        if parent and org.parent_id is None and organization_key(parent) != key:
            # A parent learned once is kept; the user can change it later.
            org.parent_id = self.organization(parent).id
        self._orgs[key] = org
        return org

    def person(self, name: str) -> Person:
        key = person_key(name)
        person = self._people.get(key) or self._find_person(key)
        if person is None:
            person = Person(name=name, key=key)
            self.session.add(person)
            self.session.flush()
            self.add_alias(person, name)
        elif len(name) > len(person.name):
            person.name = name  # keep the fullest form as the display name
        self._people[key] = person
        return person

    def add_alias(self, owner: Person | Organization, name: str) -> None:
        norm = fold(name)
        if not norm:
            return
        owner_filter = (
            Alias.person_id == owner.id
            if isinstance(owner, Person)
            else Alias.organization_id == owner.id
        )
        exists = self.session.exec(
            select(Alias.id).where(owner_filter, Alias.norm == norm).limit(1)
        ).first()
        if exists is None:
            self.session.add(
                Alias(
                    person_id=owner.id if isinstance(owner, Person) else None,
                    organization_id=owner.id if isinstance(owner, Organization) else None,
                    name=name,
                    norm=norm,
                )
            )

    def _find_organization(self, key: str) -> Organization | None:
        org = self.session.exec(select(Organization).where(Organization.key == key)).first()
        if org is not None:
            return org
        # Known by another name: "MSL" stored as an alias of Meta Superintelligence Labs.
        return self.session.exec(
            select(Organization)
            .join(Alias, Alias.organization_id == Organization.id)
            .where(Alias.norm == key)
            .order_by(Organization.id)
        ).first()

    def _find_person(self, key: str) -> Person | None:
        return self.session.exec(
            select(Person).where(Person.key == key).order_by(Person.id)
        ).first()
