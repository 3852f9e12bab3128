"""The vocabulary the rules read, in the language of the document being extracted.

The rules are one design for every language; their words are each language's own: ``dakg.ingest.lexicon`` for
English, ``dakg.ingest.lexicon_fr`` for French. A rule reads ``lx.HOST_VERBS`` and gets the set of the language
``reading(language)`` put in force for the document (``dakg.ingest.rules.assemble.extract_fragment`` does);
a name a language's module does not define is the English one (numbers in digits, currencies, ...).
``spelled(token)`` is a token in lower case as the rules compare it: in French, a preposition reads as the English
one it stands for ("vers" → "to"; see ``dakg.ingest.nlp.ud_scheme``).

Adding a language: a ``lexicon_XX.py`` with its words, a ``countries.XX.json`` with its names, its model in
``dakg.ingest.nlp.PIPELINES`` and its code in ``dakg.schema.Language`` (README, *Languages*).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import ModuleType
from typing import Any

from spacy.tokens import Token

from dakg.ingest import lexicon, lexicon_fr

BUNDLES: dict[str, ModuleType] = {"en": lexicon, "fr": lexicon_fr}


def _words(bundle: ModuleType) -> dict[str, Any]:
    """A language's names over the English ones (made once per language: the rules read a word very often)."""
    return {**vars(lexicon), **vars(bundle)} if bundle is not lexicon else vars(lexicon)


_WORDS: dict[str, dict[str, Any]] = {code: _words(bundle) for code, bundle in BUNDLES.items()}
_ACTIVE: ContextVar[dict[str, Any]] = ContextVar("dakg_vocabulary", default=_WORDS["en"])


class Vocabulary:
    """The words of the language in force: ``lx.NAME`` is ``lexicon_XX.NAME``, else ``lexicon.NAME``."""

    __slots__ = ()

    # every attribute is a word list: looked up straight in the language's names, without the instance's own first
    # (the rules read about two million of them a minute of extraction)
    def __getattribute__(self, name: str, _active: Callable[[], dict[str, Any]] = _ACTIVE.get) -> Any:
        try:
            return _active()[name]
        except KeyError:
            raise AttributeError(f"no lexicon defines {name!r}") from None


lx = Vocabulary()


@contextmanager
def reading(language: str) -> Iterator[None]:
    """The rules read ``language``'s words inside the block (English for a language without its own)."""
    token = _ACTIVE.set(_WORDS.get(language, _WORDS["en"]))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def spelled(token: Token) -> str:
    """The token in lower case; in a language other than English, a preposition is the English one (its norm)."""
    return token.lower_ if token.doc.lang_ == "en" else token.norm_
