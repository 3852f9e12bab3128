"""From a parsed document to a graph fragment, and the version of the extractor that does it.

The rules live in ``dakg.ingest.rules`` (one module per stage); this module is the entry point the pipeline
and ``dakg extract`` call. The extractor version is derived, never typed by hand: a hash of every file the
rules, their vocabulary and their data are made of, plus the spaCy model's name and version. Any change to
a rule therefore changes the version, and re-ingesting (or ``dakg reextract``) replaces a source's claims.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from spacy.language import Language
from spacy.tokens import Doc

from dakg.ingest.fragment import Fragment
from dakg.ingest.nlp import PIPELINES, model_version, packaged_model_version
from dakg.ingest.read import Metadata
from dakg.ingest.rules.assemble import extract_fragment

ENGINE_FILES = (
    "clean.py",
    "extract.py",
    "fragment.py",
    "gazetteer.py",
    "lexicon.py",
    "lexicon_fr.py",
    "vocabulary.py",
    "nlp.py",
)


def rule_files() -> list[Traversable]:
    """Every file whose content decides what the extractor makes of a text: the rule modules, the vocabulary,
    the pipeline's components, the data files (in a fixed order)."""
    ingest = resources.files("dakg.ingest")
    rules = sorted((f for f in (ingest / "rules").iterdir() if f.name.endswith(".py")), key=lambda f: f.name)
    data = sorted((f for f in (ingest / "data").iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    return [*rules, *(ingest / name for name in ENGINE_FILES), *data]


def fingerprint(contents: Iterable[bytes]) -> str:
    """A short hash of file contents, in order."""
    digest = hashlib.sha256()
    for content in contents:
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    return fingerprint(f.read_bytes() for f in rule_files())


def extractor_version(nlp: Language) -> str:
    """``dakg-<hash of the rule files>+<model>``: changes whenever a rule, its vocabulary or data, or the model does."""
    return f"dakg-{rules_fingerprint()}+{model_version(nlp)}"


def current_versions(english: Language) -> list[str]:
    """The current extractor version of every language's pipeline: the English one's, and each other's from its
    package's metadata (without loading the model)."""
    versions = [extractor_version(english)]
    versions += [f"dakg-{rules_fingerprint()}+{packaged_model_version(m)}" for m in PIPELINES.values()]
    return versions


def extract(doc: Doc, meta: Metadata, *, path: str | None, extractor_version: str) -> Fragment:
    """The graph fragment of one parsed document."""
    return extract_fragment(doc, meta, path=path, extractor_version=extractor_version)
