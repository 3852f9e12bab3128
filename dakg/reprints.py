"""Near-duplicate sources: one wire story reprinted, lightly edited, on many sites counts once as independent.

When a source is written (``dakg.ingest.load.load_fragment``), before its one atomic write:

1. its text's **MinHash** signature (``datasketch``, ``NUM_PERM`` permutations) is computed over its word
   ``SHINGLE_WORDS``-grams (lower case, punctuation dropped, so a changed headline, byline or a sentence cut or
   added changes a few shingles only);
2. the signature is cut into ``BANDS`` bands of ``ROWS`` values (locality-sensitive hashing); each band is a
   ``MinHashBand`` node in the graph that the source links to (``IN_BAND``), so the sources that share a band
   with it are found by key, whatever the size of the graph;
3. of those candidates (at most ``dakg.ingest.load.CANDIDATES_PER_READ``), the ones whose estimated Jaccard
   similarity with it is at least ``THRESHOLD`` are its near duplicates. The source joins their **reprint
   group** (``reprint_group``: the key of the group's first source written; its own key when it has none) and
   records the most similar one (``reprint_of``); when it joins two groups at once, they become one (the write
   relabels the other group in the same statement).

Every answer that counts sources also counts **independent** sources: the number of distinct reprint groups
among them. Two sources written at the same moment by two processes can miss each other (each reads before the
other writes) and stay two groups until a later copy near both joins them, or one of them is removed
(``dakg remove``) and ingested again; ingesting an unchanged source again changes nothing, its group included.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS  # 4: two texts of Jaccard 0.5 share a band with probability 1 - (1 - 0.5**4)**32 > 0.87
SHINGLE_WORDS = 3
THRESHOLD = 0.5
SEED = 1
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str) -> set[str]:
    """The text's word n-grams (lower case, punctuation dropped); a very short text is its own single shingle."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)}
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of a text, as plain integers (each below 2**32) a graph property can hold."""
    sketch = _empty_sketch().copy()
    sketch.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return [int(v) for v in sketch.hashvalues]


@functools.cache
def _empty_sketch() -> Any:
    """An empty MinHash, made once: making one draws its ``NUM_PERM`` permutations again from ``SEED`` (the same
    every time); a copy shares them."""
    from datasketch import MinHash  # here: the package imports scipy, which only ingest needs

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def bands(values: Sequence[int]) -> list[str]:
    """The keys of a signature's LSH bands: texts that share one are candidates to compare."""
    keys = []
    for band in range(BANDS):
        chunk = ",".join(str(v) for v in values[band * ROWS : (band + 1) * ROWS])
        keys.append(f"b{band:02d}-{hashlib.sha256(chunk.encode()).hexdigest()[:20]}")
    return keys


def similarity(first: Sequence[int], second: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two texts from their signatures."""
    if len(first) != len(second) or not first:
        return 0.0
    a, b = np.asarray(first, dtype=np.uint64), np.asarray(second, dtype=np.uint64)
    return float(np.count_nonzero(a == b)) / len(first)


@dataclass(frozen=True)
class Grouping:
    """What the write records of a new source: its group, its closest near duplicate, groups merged into it."""

    group: str
    reprint_of: str | None
    merged: list[str]


def group(key: str, values: Sequence[int], candidates: Sequence[Mapping[str, Any]]) -> Grouping:
    """The reprint group of the source ``key`` given the sources that share a band with it (``key``, ``group``,
    ``minhash``): the group of its most similar near duplicate (other groups it also matches are merged into
    that one), else its own."""
    near = []
    for candidate in candidates:
        if candidate["key"] == key or not candidate.get("minhash"):
            continue
        score = similarity(values, candidate["minhash"])
        if score >= THRESHOLD:
            near.append((score, candidate["key"], candidate.get("group") or candidate["key"]))
    if not near:
        return Grouping(group=key, reprint_of=None, merged=[])
    best = max(near, key=lambda n: (n[0], n[1]))
    groups = sorted({g for _, _, g in near})
    chosen = best[2]
    return Grouping(group=chosen, reprint_of=best[1], merged=[g for g in groups if g != chosen])
