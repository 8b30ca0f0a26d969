"""idnews_extract: typed facts from Indonesian news text, each pointing at the exact input characters."""

from .api import extract, extract_many, load
from .batch import extract_partition
from .frames import articles_to_frames
from .results import (
    Article,
    Correction,
    DateMention,
    Dateline,
    Entity,
    Percentage,
    Person,
    Quote,
    Removal,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Correction",
    "DateMention",
    "Dateline",
    "Entity",
    "Percentage",
    "Person",
    "Quote",
    "Removal",
    "__version__",
    "articles_to_frames",
    "extract",
    "extract_many",
    "extract_partition",
    "load",
]
