"""The FastAPI application: one store opened at start-up, closed at shutdown; errors as problem+json."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import swagger_ui
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from dakg import __version__
from dakg.answers.disputes import DisputeCache
from dakg.answers.intake import Ingestor
from dakg.answers.overview import OverviewCache
from dakg.api.deps import settings_in_schema
from dakg.api.problems import BodyLimit, RelativeRedirects, install_problem_handlers
from dakg.api.routes import agreements, countries, documents, explore, exports, health, read, sources
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
            app.state.ingestor = Ingestor(settings)
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
        docs_url=None,  # served below from the installed Swagger UI, not from a CDN
        redoc_url=None,
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

    def openapi() -> dict[str, Any]:  # the schema as this server's settings make it (page size, min_confidence)
        if app.openapi_schema is None:
            settings_in_schema(served(), settings)
        return app.openapi_schema or served()

    app.openapi = openapi  # type: ignore[method-assign]
    install_problem_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(RelativeRedirects)
    for module in (agreements, sources, countries, explore, exports, documents, health, read):
        app.include_router(module.router)
    install_docs(app)
    return app


SWAGGER_UI = Path(swagger_ui.__file__).resolve().parent / "static"
SWAGGER_PATH = "/static/swagger-ui"


def install_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI from the installed ``swagger-ui-py`` distribution (pinned in the lock files), so the
    page works without the network. FastAPI's default loads it from a CDN, which leaves it blank offline."""
    app.mount(SWAGGER_PATH, StaticFiles(directory=SWAGGER_UI), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(
            openapi_url=root + (app.openapi_url or "/openapi.json"),
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=root + "/docs/oauth2-redirect",
            swagger_js_url=f"{root}{SWAGGER_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{SWAGGER_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{root}{SWAGGER_PATH}/favicon-32x32.png",
        )

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    def oauth2_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()
