"""Countries and officials."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from dakg.answers import countries, officials
from dakg.answers import models as m
from dakg.api.deps import ISO3_PATTERN, PagingDep, StoreDep, iso3
from dakg.api.problems import problem_responses

router = APIRouter(tags=["countries and officials"])


@router.get(
    "/countries", response_model=m.Page[m.CountrySummary], summary="Countries", responses=problem_responses(422)
)
def list_countries(store: StoreDep, paging: PagingDep) -> m.Page[m.CountrySummary]:
    """Countries in the graph by code, with how many agreements each hosts or deports under."""
    return countries.list_countries(store, offset=paging.offset, limit=paging.limit)


@router.get(
    "/countries/{iso3_code}",
    response_model=m.CountryDetail,
    summary="One country",
    responses=problem_responses(404, 422),
)
def get_country(
    store: StoreDep,
    iso3_code: Annotated[str, Path(pattern=ISO3_PATTERN, description="ISO 3166-1 alpha-3.", examples=["RWA"])],
) -> m.CountryDetail:
    """The agreements it hosts and deports under, the officials said to act for it, and how many sources name it."""
    code = iso3_code.upper()
    found = countries.get_country(store, code)
    if found is None:
        raise HTTPException(404, f"no country {code!r} in the graph")
    return found


@router.get(
    "/officials", response_model=m.Page[m.OfficialSummary], summary="Officials", responses=problem_responses(422)
)
def list_officials(
    store: StoreDep,
    paging: PagingDep,
    country: Annotated[str | None, Query(pattern=ISO3_PATTERN, description="Only those acting for this state.")] = None,
) -> m.Page[m.OfficialSummary]:
    """Officials by key, with the agreements they are named in."""
    return officials.list_officials(store, country=iso3(country), offset=paging.offset, limit=paging.limit)


@router.get(
    "/officials/{key}", response_model=m.OfficialDetail, summary="One official", responses=problem_responses(404, 422)
)
def get_official(
    store: StoreDep,
    key: Annotated[
        str,
        Path(
            pattern=r"^[a-z0-9][a-z0-9-]{0,200}$",
            description="e.g. olivier-nduhungirehe",
            examples=["olivier-nduhungirehe"],
        ),
    ],
) -> m.OfficialDetail:
    """The roles and states sources give them, and the agreements they are named in, each with its sources."""
    found = officials.get_official(store, key)
    if found is None:
        raise HTTPException(404, f"no official with key {key!r}")
    return found
