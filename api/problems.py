"""Errors as RFC 9457 ``application/problem+json``, never a stack trace."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dakg.errors import (
    DakgError,
    DocumentError,
    InvalidValue,
    QueryTimeout,
    StoreBusy,
    StoreUnavailable,
    TooManyRows,
)

log = logging.getLogger("dakg.api")

PROBLEM_JSON = "application/problem+json"


class Problem(BaseModel):
    """An error, as RFC 9457 describes it."""

    type: str = Field("about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["no agreement with key 'USA-XYZ'"])
    errors: list[dict[str, Any]] | None = Field(None, description="Per-parameter problems of a 422.")


def problem(
    status: int, detail: str, *, errors: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = Problem(title=HTTPStatus(status).phrase, status=status, detail=detail, errors=errors)
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers or None,
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems an endpoint can answer with."""
    return {
        status: {"model": Problem, "description": HTTPStatus(status).phrase, "content": {PROBLEM_JSON: {}}}
        for status in statuses
    }


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ())]
        out.append({"location": ".".join(loc), "message": str(err.get("msg", "invalid"))})
    return out


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_problem(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), headers=dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def validation_problem(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors) or "invalid request"
        return problem(422, detail, errors=errors)

    @app.exception_handler(DakgError)
    async def dakg_problem(_: Request, exc: DakgError) -> JSONResponse:
        if isinstance(exc, StoreUnavailable):
            log.error("store unavailable: %s", exc)  # it names the socket or host: the log keeps it, the answer not
            return problem(503, "the graph store is unavailable; the server log has the details")
        if isinstance(exc, StoreBusy):
            log.warning("%s", exc)
            return problem(503, "the server is busy; try again shortly", headers={"Retry-After": "5"})
        if isinstance(exc, QueryTimeout):
            return problem(504, "the query ran over its time limit; narrow it (filters, a smaller limit)")
        if isinstance(exc, TooManyRows):
            return problem(500, "the answer is larger than the server's row cap; narrow the query")
        if isinstance(exc, DocumentError | InvalidValue):
            return problem(422, str(exc))
        log.error("query failed: %s", exc)
        return problem(500, "the graph store failed this request; the server log has the details")

    @app.exception_handler(Exception)
    async def unexpected_problem(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return problem(500, "internal error; the server log has the details")


class RelativeRedirects:
    """A redirect (a path's trailing slash removed) answers with a ``Location`` relative to this server: the
    path and query only, never the scheme and host the request's ``Host`` header claimed (Starlette builds an
    absolute URL from it, which a cache or a proxy could keep for other users)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and 300 <= message["status"] < 400:
                headers = [
                    (name, relative_location(value) if name.lower() == b"location" else value)
                    for name, value in message.get("headers", [])
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)


def relative_location(value: bytes) -> bytes:
    """``http://any.host/agreements?x=1`` → ``/agreements?x=1``; one leading slash, so never ``//other.host``."""
    parts = urlsplit(value.decode("latin-1"))
    path = "/" + parts.path.lstrip("/\\")
    return (path + (f"?{parts.query}" if parts.query else "")).encode("latin-1")


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether or not they declare their length."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # Raised inside the app's body parsing, it reaches the problem handlers as a 413.
                    raise StarletteHTTPException(413, f"the request body is larger than {self.limit} bytes")
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem(413, f"the request body is larger than {self.limit} bytes")
        await response(scope, receive, send)
