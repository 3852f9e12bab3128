"""Sources: what each document is, and everything extracted from it with offsets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import PlainTextResponse

from dakg.answers import models as m
from dakg.answers import sources
from dakg.api.deps import PagingDep, SettingsDep, StoreDep
from dakg.api.problems import problem_responses
from dakg.dates import PERIOD_HELP, PERIOD_PATTERN

router = APIRouter(tags=["sources"])


@router.get("/sources", response_model=m.Page[m.SourceSummary], summary="Sources", responses=problem_responses(422))
def list_sources(
    store: StoreDep,
    paging: PagingDep,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    published_from: Annotated[str | None, Query(pattern=PERIOD_PATTERN, description=f"{PERIOD_HELP}.")] = None,
    published_to: Annotated[str | None, Query(pattern=PERIOD_PATTERN, description=f"{PERIOD_HELP}.")] = None,
) -> m.Page[m.SourceSummary]:
    """Sources newest first (undated last), with how many claims each makes."""
    return sources.list_sources(
        store,
        outlet=outlet,
        published_from=published_from,
        published_to=published_to,
        offset=paging.offset,
        limit=paging.limit,
    )


@router.get(
    "/sources/{key}", response_model=m.SourceDetail, summary="One source", responses=problem_responses(404, 422)
)
def get_source(
    store: StoreDep,
    key: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the cleaned text.")],
    settings: SettingsDep,
    include_text: Annotated[bool, Query(description="Also return the stored text, to highlight quotes.")] = False,
    claims_offset: Annotated[int, Query(ge=0, le=10_000_000, description="Claims to skip.")] = 0,
    claims_limit: Annotated[
        int | None, Query(ge=1, description="Claims per page (at most DAKG_PAGE_SIZE_MAX, which is the default).")
    ] = None,
) -> m.SourceDetail:
    """Metadata, the countries it names (with offsets), and its claims (with quotes and offsets), a page at a time:
    `claims_total` says how many there are, `claims_truncated` whether more follow this page."""
    limit = settings.page_size_max if claims_limit is None else claims_limit
    if limit > settings.page_size_max:
        raise HTTPException(422, f"claims_limit: at most {settings.page_size_max} per page (DAKG_PAGE_SIZE_MAX)")
    found = sources.get_source(store, key, include_text=include_text, claims_offset=claims_offset, claims_limit=limit)
    if found is None:
        raise HTTPException(404, f"no source with key {key!r}")
    return found


@router.get(
    "/sources/{key}/text",
    response_class=PlainTextResponse,
    summary="One source's stored text",
    responses={200: {"content": {"text/plain": {}}}, **problem_responses(404, 422)},
)
def get_source_text(
    store: StoreDep,
    key: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the cleaned text.")],
) -> PlainTextResponse:
    """The cleaned text every offset of this source points into (Python code points), as plain UTF-8: the
    target of the Web Annotations in `GET /export/claims.jsonld`."""
    text = sources.source_text(store, key)
    if text is None:
        raise HTTPException(404, f"no source with key {key!r}")
    return PlainTextResponse(text)
