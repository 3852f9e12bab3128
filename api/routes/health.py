"""GET /health: is the store reachable, which store it is, is the schema applied."""

from __future__ import annotations

import logging
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from dakg import __version__
from dakg.api.deps import IngestorDep, StoreDep
from dakg.errors import DakgError, StoreUnavailable

router = APIRouter(tags=["service"])
log = logging.getLogger("dakg.api")


class StoreHealth(BaseModel):
    kind: Literal["falkordb", "neo4j"] = Field(examples=["falkordb"])
    description: str = Field(examples=["embedded FalkorDB, graph 'dakg'"])
    reachable: bool
    error: str | None = Field(None, description="What failed, in general terms: never a path or a host.")


class SchemaHealth(BaseModel):
    applied: bool
    missing: list[str] = Field(default_factory=list, description="Rules or indexes the schema wants but lacks.")


class Health(BaseModel):
    status: Literal["ok", "degraded", "unavailable"]
    version: str = Field(examples=[__version__])
    store: StoreHealth
    schema_: SchemaHealth | None = Field(None, alias="schema")
    ingest: Literal["off", "loading", "ready"] = Field(
        "off",
        description="POST /documents: `off` without DAKG_API_TOKEN; `loading` while the language models load after "
        "start-up (a document posted then waits for them); `ready`.",
    )


@router.get(
    "/health",
    response_model=Health,
    response_model_by_alias=True,
    responses={503: {"model": Health, "description": "The store cannot be reached."}},
    summary="Service and store health",
)
def get_health(store: StoreDep, ingestor: IngestorDep) -> Health | JSONResponse:
    """`ok` when the store answers and every uniqueness rule and index is in place."""
    try:
        store.ping()
        status = store.schema_status()
    except DakgError as exc:
        log.error("health check failed: %s", exc)  # the details (paths, hosts) go to the log, not to the answer
        error = "the store does not answer" if isinstance(exc, StoreUnavailable) else "the store failed a query"
        body = Health(
            status="unavailable",
            version=__version__,
            store=StoreHealth(kind=store.dialect, description=store.public_description, reachable=False, error=error),
            ingest=ingestor.readiness,
        )
        return JSONResponse(body.model_dump(by_alias=True), status_code=503)
    return Health(
        status="ok" if status.applied else "degraded",
        version=__version__,
        store=StoreHealth(kind=store.dialect, description=store.public_description, reachable=True),
        schema=SchemaHealth(applied=status.applied, missing=status.missing),
        ingest=ingestor.readiness,
    )
