"""The FastAPI application: one store opened at start-up, closed at shutdown; errors as problem+json."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from dakg import __version__
from dakg.api.deps import page_size_in_schema
from dakg.api.problems import BodyLimit, RelativeRedirects, install_problem_handlers
from dakg.api.routes import agreements, countries, documents, explore, exports, health, sources
from dakg.api.service import DisputeCache, OverviewCache
from dakg.config import Settings, get_settings
from dakg.store import GraphStore, open_store

log = logging.getLogger("dakg.api")

DESCRIPTION = """
A knowledge graph of **third-country deportation agreements**: who deports whom to where, according to whom.

Every fact is a *claim* made by one *source*, with the exact quote and its character offsets in the source's
stored text. Sources that disagree are shown side by side; nothing is silently resolved.
"""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """Build the application. With no ``store``, the configured one is opened at start-up (and closed at shutdown)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = store is None
        active = store if store is not None else open_store(settings)
        try:
            created = active.apply_schema()
            if created:
                log.info("schema set-up created: %s", ", ".join(created))
            app.state.store = active
            app.state.settings = settings
            app.state.overviews = OverviewCache()
            app.state.disputes = DisputeCache(app.state.overviews)
            app.state.ingestor = documents.Ingestor(settings)
            if settings.api_token is not None:
                app.state.ingestor.warm_up()
            yield
        finally:
            if opened:
                active.close()

    app = FastAPI(
        title="Deportation agreements knowledge graph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "agreements", "description": "Who deports whom to where, and what each source says."},
            {"name": "sources", "description": "The documents, and everything extracted from each."},
            {"name": "countries and officials", "description": "States and the people acting for them."},
            {"name": "explore", "description": "Full-text search and graph neighbourhoods."},
            {"name": "exports", "description": "Claims, agreements and sources as CSV, GraphML and JSON-LD, streamed."},
            {"name": "ingest", "description": "Adding documents over HTTP (needs a bearer token)."},
            {"name": "service", "description": "Health of the service and its store."},
        ],
    )
    served = app.openapi

    def openapi() -> dict[str, Any]:  # the schema as this server's settings make it (the page size)
        if app.openapi_schema is None:
            page_size_in_schema(served(), settings.page_size_max)
        return app.openapi_schema or served()

    app.openapi = openapi  # type: ignore[method-assign]
    install_problem_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(RelativeRedirects)
    for module in (agreements, sources, countries, explore, exports, documents, health):
        app.include_router(module.router)
    return app
