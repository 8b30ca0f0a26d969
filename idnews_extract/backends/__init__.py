"""Optional syntax backends that replace the spaCy tokenizer (after the text stage).

Nothing here imports a heavy library at import time: ``backends.stanza`` imports ``stanza`` (and so
``torch``) only when a Stanza pipeline is actually built.
"""

from __future__ import annotations

__all__ = ["BACKENDS"]

BACKENDS: tuple[str, ...] = ("spacy", "stanza")
