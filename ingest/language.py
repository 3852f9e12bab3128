"""The language a document is written in: the one its metadata gives, else the one its text is detected in.

Detection is ``py3langid`` (the maintained fork of langid.py: a naive Bayes model over byte n-grams that ships
inside the wheel, needs only numpy, and answers in well under a millisecond for an article), restricted to the
languages extraction has a pipeline for (``dakg.schema.LANGUAGES``): a text in another language is read by the
pipeline of the closest one, so its source says which pipeline read it. It is imported on first use only.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

from dakg.schema import LANGUAGES, Language

DEFAULT_LANGUAGE: Language = "en"
# The detector reads the start of a text: enough words to be sure, and no time spent on a long document.
DETECT_CHARS = 5000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    full = LanguageIdentifier.from_model_file(MODEL_FILE)
    kept = [i for i, code in enumerate(full.nb_classes) if code in LANGUAGES]
    # Only the columns of the languages read here are kept (the whole model would stay in memory otherwise).
    return LanguageIdentifier(
        full.nb_ptc[:, kept],
        full.nb_pc[kept],
        [full.nb_classes[i] for i in kept],
        full.tk_nextmove,
        full.tk_output,
        tk_row=full.tk_row,
    )


def detect(text: str) -> Language:
    """The language of ``text`` among ``LANGUAGES`` (English for a text with no letters)."""
    sample = text[:DETECT_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return DEFAULT_LANGUAGE
    found, _ = _identifier().classify(sample)
    return cast(Language, found) if found in LANGUAGES else DEFAULT_LANGUAGE


def document_language(text: str, given: str | None) -> Language:
    """The metadata's language when it gives one, else the detected one."""
    if given is not None and given in LANGUAGES:
        return cast(Language, given)
    return detect(text)
