"""Pages to read what each source says: server-rendered HTML (Jinja2 templates, no front-end build).

``/read`` lists the agreements; ``/read/agreements/{key}`` shows one with its current status, disputes, support,
status timeline and every source side by side with its claims; ``/read/sources/{key}`` shows a source's text with
each claim's evidence marked in place (``dakg.api.reading``). Every page links to the others and to the JSON it
is built from, and takes ``as_of`` and ``min_confidence`` like the JSON endpoints. A claim whose value comes from
the project's reference tables (``basis: reference``) is marked as such, never shown as the source's words.
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dakg.answers import agreements, sources
from dakg.answers import models as m
from dakg.answers.disputes import agreement_disputes
from dakg.api.deps import AsOfDep, DisputesDep, MinConfidenceDep, OverviewsDep, SettingsDep, StoreDep
from dakg.api.reading import Span, highlight, quote_with_value
from dakg.api.routes.agreements import AgreementKey

router = APIRouter(tags=["reading pages"], include_in_schema=False)
templates = Jinja2Templates(directory=str(FilePath(__file__).resolve().parents[1] / "templates"))


def show_value(claim: m.Claim) -> str:
    """A claim's value as a reader says it."""
    if claim.official is not None:
        return claim.official.name or claim.official.key
    if claim.migrant_group is not None:
        group = claim.migrant_group
        size = f" ({group.size:,})" if group.size else ""
        return f"{group.description or group.key}{size}"
    if claim.field == "payment" and isinstance(claim.value, int | float):
        return f"{claim.value:,.0f} {claim.currency or ''}".strip()
    if isinstance(claim.value, str):
        return claim.value.replace("_", " ")
    return str(claim.value)


REFERENCE_NOTE = "from the project's reference tables, not the source's words"


def _spans(claim: m.Claim) -> list[Span]:
    label = f"{claim.field}: {show_value(claim)}" + (" (denied)" if claim.negated else "")
    if claim.basis == "reference":
        label += f" ({REFERENCE_NOTE})"
    return [Span(e.start, e.end, claim.key, e.role, i, label) for i, e in enumerate(claim.evidence)]


def _query(as_of: str | None, min_confidence: float, default: float) -> str:
    """The query string links between pages carry: the as-of day, and min_confidence unless it is the default."""
    params = {"as_of": as_of, "min_confidence": None if min_confidence == default else repr(min_confidence)}
    found = urlencode({k: v for k, v in params.items() if v is not None})
    return f"?{found}" if found else ""


def _render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, {"show_value": show_value, "reference_note": REFERENCE_NOTE, **context}
    )


@router.get("/read", response_class=HTMLResponse)
def read_index(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    overviews: OverviewsDep,
    as_of: AsOfDep,
    min_confidence: MinConfidenceDep,
) -> HTMLResponse:
    items = list(agreements.every_agreement(store, cache=overviews, as_of=as_of, min_confidence=min_confidence))
    query = _query(as_of, min_confidence, settings.min_confidence)
    context = {"agreements": items, "as_of": as_of, "min_confidence": min_confidence, "query": query}
    return _render(request, "index.html", context)


@router.get("/read/agreements/{key}", response_class=HTMLResponse)
def read_agreement(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    overviews: OverviewsDep,
    dispute_cache: DisputesDep,
    key: AgreementKey,
    as_of: AsOfDep,
    min_confidence: MinConfidenceDep,
    sources_offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    key = key.upper()
    try:
        agreement = agreements.get_agreement(
            store,
            key,
            sources_offset=sources_offset,
            sources_limit=200,
            cache=overviews,
            as_of=as_of,
            min_confidence=min_confidence,
        )
    except (agreements.NotYet, agreements.BelowConfidence) as exc:
        raise HTTPException(404, str(exc)) from exc
    if agreement is None:
        raise HTTPException(404, f"no agreement with key {key!r}")
    disputed = agreement_disputes(store, dispute_cache, key, as_of, min_confidence=min_confidence)
    statuses = agreements.timeline(
        store,
        key,
        fields=["status"],
        offset=0,
        limit=200,
        as_of=as_of,
        cache=overviews,
        min_confidence=min_confidence,
    )
    quotes = {
        claim.key: quote_with_value(claim.quote, claim.start, _spans(claim))
        for source in agreement.sources
        for claim in source.claims
    }
    return _render(
        request,
        "agreement.html",
        {
            "agreement": agreement,
            "disputes": disputed,
            "timeline": statuses.items if statuses else [],
            "quotes": quotes,
            "as_of": as_of,
            "min_confidence": min_confidence,
            "query": _query(as_of, min_confidence, settings.min_confidence),
        },
    )


@router.get("/read/sources/{key}", response_class=HTMLResponse)
def read_source(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    key: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")],
) -> HTMLResponse:
    found = sources.get_source(store, key, include_text=True)
    if found is None:
        raise HTTPException(404, f"no source with key {key!r}")
    spans = [span for item in found.claims for span in _spans(item.claim)]
    # Each agreement it reports on, with its most confident claim about it: a report under the default
    # min_confidence is linked at min_confidence=0 (the default answer does not count it) and marked weak.
    surest: dict[str, float] = {}
    for item in found.claims:
        if item.about.label == "Agreement":
            surest[item.about.key] = max(surest.get(item.about.key, 0.0), item.claim.confidence)
    reported = [
        {"key": k, "weak": surest[k] < settings.min_confidence, "confidence": surest[k]} for k in sorted(surest)
    ]
    return _render(
        request,
        "source.html",
        {
            "found": found,
            "text": highlight(found.text or "", spans),
            "agreements": reported,
            "default_min_confidence": settings.min_confidence,
        },
    )
