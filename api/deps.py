"""Named dependencies: everything a route needs — the store, the settings, the answers' caches, the ingestor — is
created once at start-up (``dakg.api.app``) and reaches the routes from here, never from ``request.app.state``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, cast

from fastapi import Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel

from dakg.answers.disputes import DisputeCache
from dakg.answers.intake import Ingestor
from dakg.answers.overview import OverviewCache
from dakg.config import Settings
from dakg.dates import ISO_DAY_PATTERN, check_day
from dakg.store import GraphStore


def get_store(request: Request) -> GraphStore:
    return cast(GraphStore, request.app.state.store)


def get_app_settings(request: Request) -> Settings:
    return cast(Settings, request.app.state.settings)


def get_overviews(request: Request) -> OverviewCache:
    return cast(OverviewCache, request.app.state.overviews)


def get_disputes(request: Request) -> DisputeCache:
    return cast(DisputeCache, request.app.state.disputes)


def get_ingestor(request: Request) -> Ingestor:
    return cast(Ingestor, request.app.state.ingestor)


StoreDep = Annotated[GraphStore, Depends(get_store)]
OverviewsDep = Annotated[OverviewCache, Depends(get_overviews)]
DisputesDep = Annotated[DisputeCache, Depends(get_disputes)]
IngestorDep = Annotated[Ingestor, Depends(get_ingestor)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


@dataclass(frozen=True)
class Paging:
    offset: int
    limit: int


PAGE_LIMIT_DESCRIPTION = "Items per page (at most DAKG_PAGE_SIZE_MAX)."


def get_paging(
    settings: SettingsDep,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
    limit: Annotated[int, Query(ge=1, description=PAGE_LIMIT_DESCRIPTION)] = 20,
) -> Paging:
    # The served OpenAPI schema declares this server's DAKG_PAGE_SIZE_MAX as the maximum (``settings_in_schema``).
    if limit > settings.page_size_max:
        raise HTTPException(422, f"limit: at most {settings.page_size_max} items per page (DAKG_PAGE_SIZE_MAX)")
    return Paging(offset, limit)


def settings_in_schema(schema: dict[str, Any], settings: Settings) -> None:
    """Declare this server's settings where parameters depend on them, in an OpenAPI schema: the configured page
    size as the maximum of every page size (a parameter whose description names DAKG_PAGE_SIZE_MAX), the
    configured DAKG_MIN_CONFIDENCE as the default of every ``min_confidence``."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else ():
                if "DAKG_PAGE_SIZE_MAX" in parameter.get("description", ""):
                    schema_ = parameter["schema"]
                    for choice in schema_.get("anyOf", [schema_]):  # an optional one: integer or null
                        if choice.get("type") == "integer":
                            choice["maximum"] = settings.page_size_max
                if parameter.get("name") == "min_confidence":
                    parameter["schema"]["default"] = settings.min_confidence


PagingDep = Annotated[Paging, Depends(get_paging)]

ISO3_PATTERN = r"^[A-Za-z]{3}$"


def get_as_of(
    as_of: Annotated[
        str | None,
        Query(
            pattern=ISO_DAY_PATTERN,
            description="Answer as the record stood on this day (YYYY-MM-DD): only sources published by then (a "
            "source dated only to a month or a year counts once it is over); undated sources are left out and "
            "counted in `undated_sources_excluded`.",
            examples=["2023-11-14"],
        ),
    ] = None,
) -> str | None:
    if as_of is None:
        return None
    try:
        return check_day(as_of)
    except ValueError as exc:
        raise HTTPException(422, f"as_of: {exc}") from exc


AsOfDep = Annotated[str | None, Depends(get_as_of)]

MIN_CONFIDENCE_DESCRIPTION = (
    "Answers count a source's report on an agreement only when its most confident claim reaches this; 0 shows "
    "pairs whose direction the text leaves weak. Default: this server's DAKG_MIN_CONFIDENCE."
)


def get_min_confidence(
    settings: SettingsDep,
    min_confidence: Annotated[
        float | None, Query(ge=0.0, le=1.0, allow_inf_nan=False, description=MIN_CONFIDENCE_DESCRIPTION)
    ] = None,
) -> float:
    # The served OpenAPI schema declares this server's DAKG_MIN_CONFIDENCE as the default (``settings_in_schema``).
    return settings.min_confidence if min_confidence is None else float(min_confidence)


MinConfidenceDep = Annotated[float, Depends(get_min_confidence)]


def iso3(value: str | None) -> str | None:
    """Country codes are accepted in any case and answered upper-case."""
    return value.upper() if value else None


def json_response(content: BaseModel) -> Response:
    """Serialise an answer, built as its response model, straight to JSON (FastAPI would validate it against
    that model once more and go through plain Python data first). The route still declares the model as its
    ``response_model``, for the OpenAPI schema."""
    return Response(content=content.model_dump_json(), media_type="application/json")
