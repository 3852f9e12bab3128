"""Agreements: the headline question, one agreement in full, its timeline, and where sources disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response

from dakg.answers import agreements, countries, disputes
from dakg.answers import models as m
from dakg.api.deps import (
    ISO3_PATTERN,
    AsOfDep,
    DisputesDep,
    MinConfidenceDep,
    OverviewsDep,
    PagingDep,
    StoreDep,
    iso3,
    json_response,
)
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
    store: StoreDep,
    overviews: OverviewsDep,
    paging: PagingDep,
    view: View,
    host: str | None,
    deporting: str | None,
    as_of: str | None,
    min_confidence: float,
) -> Response:
    page = agreements.list_agreements(
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
        as_of=as_of,
        min_confidence=min_confidence,
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
    as_of: AsOfDep,
    min_confidence: MinConfidenceDep,
    host: Country = None,
    deporting: Country = None,
) -> Response:
    """Which agreements does a state host (or deport under), and what does each source say?

    Each agreement carries its parties, a **current status** (the status of the most recently published
    source that gives one; a source's own status is its last terminal claim — suspended, scrapped, struck
    down — else its most confident), whether its sources **disagree** on status, cap or payment, its claims
    **grouped by source**, newest first, each with the exact quote and its offsets in the source text, and for
    every value its sources claim, how many sources and how many **independent** sources (a story and its
    reprints count once) claim it. With `as_of`, the same answer as the record stood on that day.

    Only the sources whose report on an agreement reaches `min_confidence` count (their most confident claim
    about it): in the list, its totals, the status filter, the current status, disputes and support.
    """
    return _answer(store, overviews, paging, view, iso3(host), iso3(deporting), as_of, min_confidence)


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
    as_of: AsOfDep,
    min_confidence: MinConfidenceDep,
    iso3_code: Annotated[str, Path(pattern=ISO3_PATTERN, description="ISO 3166-1 alpha-3 code.", examples=["RWA"])],
    role: Annotated[Literal["host", "deporting"], Query(description="The country's role.")] = "host",
) -> Response:
    """The same answer as `/agreements?host=...` (or `?deporting=...`), asked from the country."""
    code = iso3_code.upper()
    if countries.get_country(store, code) is None:
        raise HTTPException(404, f"no country {code!r} in the graph")
    return _answer(
        store,
        overviews,
        paging,
        view,
        code if role == "host" else None,
        code if role == "deporting" else None,
        as_of,
        min_confidence,
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
    as_of: AsOfDep,
    min_confidence: MinConfidenceDep,
    sources_offset: Annotated[int, Query(ge=0)] = 0,
    sources_limit: Annotated[int, Query(ge=1, le=200)] = 100,
    claims_limit: ClaimsLimit = 50,
) -> Response:
    """Parties, current status, disputes, every source's claims (paged with sources_offset/sources_limit),
    how many (independent) sources claim each value, the migrant groups it covers and the officials named in
    connection with it. With `as_of`, as the record stood on that day (404 if no source published by then
    reports on it). Only the sources whose report reaches `min_confidence` count (404, saying so, if none does)."""
    try:
        found = agreements.get_agreement(
            store,
            key.upper(),
            sources_offset=sources_offset,
            sources_limit=sources_limit,
            claims_limit=claims_limit,
            cache=overviews,
            as_of=as_of,
            min_confidence=min_confidence,
        )
    except (agreements.NotYet, agreements.BelowConfidence) as exc:
        raise HTTPException(404, str(exc)) from exc
    if found is None:
        raise HTTPException(404, f"no agreement with key {key.upper()!r}")
    return json_response(found)


@router.get(
    "/agreements/{key}/timeline",
    response_model=m.Timeline,
    summary="An agreement's claims in date order",
    responses=problem_responses(404, 422),
)
def agreement_timeline(
    store: StoreDep,
    overviews: OverviewsDep,
    paging: PagingDep,
    key: AgreementKey,
    as_of: AsOfDep,
    min_confidence: MinConfidenceDep,
    fields: Annotated[
        list[AgreementField] | None,
        Query(description="Only these claim fields (repeat the parameter)."),
    ] = None,
) -> m.Timeline:
    """Claims ordered by their sources' publication dates (undated sources last), then by position in the text.
    With `as_of`, only the claims of sources published by then; only those of sources whose report on it reaches
    `min_confidence`."""
    found = agreements.timeline(
        store,
        key.upper(),
        fields=fields,
        offset=paging.offset,
        limit=paging.limit,
        as_of=as_of,
        cache=overviews,
        min_confidence=min_confidence,
    )
    if found is None:
        raise HTTPException(404, f"no agreement with key {key.upper()!r}")
    return found


@router.get(
    "/disputes",
    response_model=m.DisputePage,
    summary="Where sources disagree",
    responses=problem_responses(422),
)
def list_disputes(
    store: StoreDep,
    dispute_cache: DisputesDep,
    paging: PagingDep,
    as_of: AsOfDep,
    min_confidence: MinConfidenceDep,
    field: Annotated[DisputeField | None, Query(description="Only this field.")] = None,
) -> m.DisputePage:
    """Agreements whose sources take different positions on status (a denial counts as a position), cap (caps
    of the same kind) or payment (totals that do not add up over time), each side with the sources that take
    it. With `as_of`, as the record stood on that day. Only the sources whose report on an agreement reaches
    `min_confidence` count."""
    return disputes.list_disputes(
        store,
        dispute_cache,
        field=field,
        offset=paging.offset,
        limit=paging.limit,
        as_of=as_of,
        min_confidence=min_confidence,
    )
