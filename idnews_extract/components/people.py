"""``idnews_people``: PERSON mentions clustered into people with aliases and roles (``doc._.idnews_people``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..extractors.people import cluster_people
from ._spans import doc_text, rule_tokens

__all__ = ["PeopleClusterer", "make_people"]


class PeopleClusterer:
    """Groups ``doc.ents`` PERSON mentions (``H.Ismail`` = ``Ismail``) and reads roles from appositions."""

    def __call__(self, doc: Doc) -> Doc:
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        doc._.idnews_people = [
            {
                "name": p.name,
                "aliases": list(p.aliases),
                "roles": list(p.roles),
                "mentions": [list(m) for m in p.mentions],
                "standing": p.standing,
            }
            for p in cluster_people(doc_text(doc), entities, rule_tokens(doc))
        ]
        return doc


@Language.factory("idnews_people", assigns=["doc._.idnews_people"], requires=["doc.ents"])
def make_people(nlp: Language, name: str) -> PeopleClusterer:
    """People: one entry per real person, with every mention, alias and role."""
    register_extensions()
    return PeopleClusterer()
