"""The public surface stays as documented (httpx-style): ``__all__`` is exactly what users may import."""

from __future__ import annotations

import importlib.metadata
import inspect

import idnews_extract

DOCUMENTED = {
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
}


def test_all_is_the_documented_surface() -> None:
    assert set(idnews_extract.__all__) == DOCUMENTED
    assert sorted(idnews_extract.__all__) == list(idnews_extract.__all__)


def test_every_public_name_exists() -> None:
    for name in idnews_extract.__all__:
        assert getattr(idnews_extract, name) is not None


def test_no_other_public_names() -> None:
    public = {n for n, v in vars(idnews_extract).items() if not n.startswith("_") and not inspect.ismodule(v)}
    assert public <= DOCUMENTED


def test_version_matches_metadata() -> None:
    try:
        assert importlib.metadata.version("idnews_extract") == idnews_extract.__version__
    except importlib.metadata.PackageNotFoundError:  # running from a source tree without install
        pass
