"""Sources: what each document is, and everything extracted from it with offsets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from dakg.api import models as m
from dakg.api import service
from dakg.api.deps import PagingDep, StoreDep
from dakg.api.problems import problem_responses

router = APIRouter(tags=["sources"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@router.get("/sources", response_model=m.Page[m.SourceSummary], summary="Sources", responses=problem_responses(422))
def list_sources(
    store: StoreDep,
    paging: PagingDep,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    published_from: Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    published_to: Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
) -> m.Page[m.SourceSummary]:
    """Sources newest first (undated last), with how many claims each makes."""
    upper = published_to + "~" if published_to else None  # "2025" also takes in "2025-08-05"
    return service.list_sources(
        store,
        outlet=outlet,
        published_from=published_from,
        published_to=upper,
        offset=paging.offset,
        limit=paging.limit,
    )


@router.get(
    "/sources/{key}", response_model=m.SourceDetail, summary="One source", responses=problem_responses(404, 422)
)
def get_source(
    store: StoreDep,
    key: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the cleaned text.")],
    include_text: Annotated[bool, Query(description="Also return the stored text, to highlight quotes.")] = False,
) -> m.SourceDetail:
    """Metadata, the countries it names (with offsets), and every claim it makes (with quotes and offsets)."""
    found = service.get_source(store, key, include_text=include_text)
    if found is None:
        raise HTTPException(404, f"no source with key {key!r}")
    return found
