"""Agreements: the headline question, one agreement in full, its timeline, and where sources disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from dakg.api import models as m
from dakg.api import service
from dakg.api.deps import ISO3_PATTERN, OverviewsDep, PagingDep, StoreDep, iso3, json_response
from dakg.api.problems import problem_responses
from dakg.schema import AgreementField, DisputeField, Status

router = APIRouter(tags=["agreements"])

Country = Annotated[str | None, Query(pattern=ISO3_PATTERN, description="ISO 3166-1 alpha-3 code, e.g. RWA.")]
SourcesLimit = Annotated[int, Query(ge=0, le=200, description="Sources shown per agreement, newest first.")]
ClaimsLimit = Annotated[
    int,
    Query(
        ge=0,
        le=500,
        description="Claims shown per source, in text order; `claims_truncated` says when a source makes more "
        "(GET /sources/{key} pages them all).",
    ),
]
AgreementKey = Annotated[
    str, Path(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$", description="DEPORTING-HOST, e.g. USA-RWA.", examples=["USA-RWA"])
]


@dataclass(frozen=True)
class View:
    """How an agreement list is filtered and shown (shared by /agreements and /countries/{iso3}/agreements)."""

    status: str | None
    sources_limit: int
    claims_limit: int
    summary_only: bool


def get_view(
    status: Annotated[
        Status | None, Query(description="Only agreements at least one source gives this status (not as a denial).")
    ] = None,
    sources_limit: SourcesLimit = 20,
    claims: Annotated[
        Literal["all", "summary"], Query(description="all claims per source, or only status, cap and payment")
    ] = "all",
    claims_limit: ClaimsLimit = 50,
) -> View:
    return View(status, sources_limit, claims_limit, claims == "summary")


ViewDep = Annotated[View, Depends(get_view)]


def _answer(
    store: StoreDep, overviews: OverviewsDep, paging: PagingDep, view: View, host: str | None, deporting: str | None
) -> Response:
    page = service.list_agreements(
        store,
        host=host,
        deporting=deporting,
        status=view.status,
        offset=paging.offset,
        limit=paging.limit,
        sources_limit=view.sources_limit,
        claims_limit=view.claims_limit,
        summary_only=view.summary_only,
        cache=overviews,
    )
    return json_response(page)


@router.get(
    "/agreements",
    response_model=m.Page[m.AgreementSummary],
    summary="Agreements, with what each source says",
    responses=problem_responses(422),
)
def list_agreements(
    store: StoreDep,
    overviews: OverviewsDep,
    paging: PagingDep,
    view: ViewDep,
    host: Country = None,
    deporting: Country = None,
) -> Response:
    """Which agreements does a state host (or deport under), and what does each source say?

    Each agreement carries its parties, a **current status** (the status of the most recently published
    source that gives one; a source's own status is its last terminal claim — suspended, scrapped, struck
    down — else its most confident), whether its sources **disagree** on status, cap or payment, and its claims
    **grouped by source**, newest first, each with the exact quote and its offsets in the source text.
    """
    return _answer(store, overviews, paging, view, iso3(host), iso3(deporting))


@router.get(
    "/countries/{iso3_code}/agreements",
    response_model=m.Page[m.AgreementSummary],
    summary="Agreements a country hosts or deports under",
    responses=problem_responses(404, 422),
)
def country_agreements(
    store: StoreDep,
    overviews: OverviewsDep,
    paging: PagingDep,
    view: ViewDep,
    iso3_code: Annotated[str, Path(pattern=ISO3_PATTERN, description="ISO 3166-1 alpha-3 code.", examples=["RWA"])],
    role: Annotated[Literal["host", "deporting"], Query(description="The country's role.")] = "host",
) -> Response:
    """The same answer as `/agreements?host=...` (or `?deporting=...`), asked from the country."""
    code = iso3_code.upper()
    if service.get_country(store, code) is None:
        raise HTTPException(404, f"no country {code!r} in the graph")
    return _answer(
        store, overviews, paging, view, code if role == "host" else None, code if role == "deporting" else None
    )


@router.get(
    "/agreements/{key}",
    response_model=m.AgreementDetail,
    summary="One agreement in full",
    responses=problem_responses(404, 422),
)
def get_agreement(
    store: StoreDep,
    overviews: OverviewsDep,
    key: AgreementKey,
    sources_offset: Annotated[int, Query(ge=0)] = 0,
    sources_limit: Annotated[int, Query(ge=1, le=200)] = 100,
    claims_limit: ClaimsLimit = 50,
) -> Response:
    """Parties, current status, disputes, every source's claims (paged with sources_offset/sources_limit),
    the migrant groups it covers and the officials named in connection with it."""
    found = service.get_agreement(
        store,
        key.upper(),
        sources_offset=sources_offset,
        sources_limit=sources_limit,
        claims_limit=claims_limit,
        cache=overviews,
    )
    if found is None:
        raise HTTPException(404, f"no agreement with key {key.upper()!r}")
    return json_response(found)


@router.get(
    "/agreements/{key}/timeline",
    response_model=m.Page[m.TimelineEntry],
    summary="An agreement's claims in date order",
    responses=problem_responses(404, 422),
)
def agreement_timeline(
    store: StoreDep,
    paging: PagingDep,
    key: AgreementKey,
    fields: Annotated[
        list[AgreementField] | None,
        Query(description="Only these claim fields (repeat the parameter)."),
    ] = None,
) -> m.Page[m.TimelineEntry]:
    """Claims ordered by their sources' publication dates (undated sources last), then by position in the text."""
    found = service.timeline(store, key.upper(), fields=fields, offset=paging.offset, limit=paging.limit)
    if found is None:
        raise HTTPException(404, f"no agreement with key {key.upper()!r}")
    return found


@router.get(
    "/disputes",
    response_model=m.Page[m.Dispute],
    summary="Where sources disagree",
    responses=problem_responses(422),
)
def list_disputes(
    request: Request,
    store: StoreDep,
    paging: PagingDep,
    field: Annotated[DisputeField | None, Query(description="Only this field.")] = None,
) -> m.Page[m.Dispute]:
    """Agreements whose sources take different positions on status (a denial counts as a position), cap (caps
    of the same kind) or payment, each side with the sources that take it."""
    cache: service.DisputeCache = request.app.state.disputes
    items = [d for d in cache.get(store) if field is None or d.field == field]
    page = items[paging.offset : paging.offset + paging.limit]
    return m.Page[m.Dispute](total=len(items), offset=paging.offset, limit=paging.limit, items=page)
