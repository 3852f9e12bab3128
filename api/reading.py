"""The reading pages' one piece of logic: a source's text with every claim's evidence marked in place.

Evidence spans overlap (a sentence's status words and its cap, a state named in two claims), and HTML elements
must nest, so the text is cut at every span boundary: each piece is wrapped in one ``<mark>`` per span that
covers it, outermost the span that starts first (the longer on a tie). Every mark carries its span's claim,
role, index and offsets (``data-claim``, ``data-role``, ``data-span``, ``data-start``, ``data-end``), so the
text of a span is the text of its marks in document order — equal to the evidence, which the tests check in
a real browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    claim: str
    role: str
    index: int  # the span's position in its claim's evidence
    label: str  # what the claim says, for the tooltip

    @property
    def id(self) -> str:
        return f"{self.claim}:{self.index}"


def highlight(text: str, spans: Sequence[Span]) -> Markup:
    """The text as HTML with every span marked (spans outside the text or empty are ignored)."""
    kept = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    order = sorted(kept, key=lambda s: (s.start, -s.end, s.claim, s.index))
    parts: list[str] = []
    for start, end in pairwise(cuts):
        piece = str(escape(text[start:end]))
        covering = [s for s in order if s.start <= start and end <= s.end]
        for span in reversed(covering):
            piece = (
                f'<mark class="role-{escape(span.role)}" data-claim="{escape(span.claim)}" '
                f'data-role="{escape(span.role)}" data-span="{escape(span.id)}" data-start="{span.start}" '
                f'data-end="{span.end}" title="{escape(span.label)}">{piece}</mark>'
            )
        parts.append(piece)
    return Markup("".join(parts))


def quote_with_value(quote: str, quote_start: int, spans: Sequence[Span]) -> Markup:
    """A claim's quoted sentence with the spans inside it marked (offsets made relative to the quote)."""
    inside = [
        Span(s.start - quote_start, s.end - quote_start, s.claim, s.role, s.index, s.label)
        for s in spans
        if quote_start <= s.start and s.end <= quote_start + len(quote)
    ]
    return highlight(quote, inside)
