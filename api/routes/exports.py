"""Exports: the claims, agreements and sources as CSV, the graph as GraphML, the claims as W3C Web Annotations."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import StreamingResponse
from starlette.requests import ClientDisconnect
from starlette.types import Receive, Scope, Send

from dakg.answers import exports
from dakg.api.deps import ISO3_PATTERN, MinConfidenceDep, OverviewsDep, StoreDep, iso3
from dakg.api.problems import problem_responses
from dakg.dates import PERIOD_PATTERN
from dakg.errors import DakgError

router = APIRouter(tags=["exports"])
MIN_CONFIDENCE_HEADER = "Dakg-Min-Confidence"
log = logging.getLogger("dakg.api")


class ExportResponse(StreamingResponse):
    """An export streamed. A client that goes away before its end (a closed browser tab, a cut connection) costs
    one line in the log, naming the export and the bytes sent, and stops the reads behind the stream."""

    def __init__(self, chunks: Iterator[str], name: str, **kwargs: object) -> None:
        self.name = name
        self.sent = 0
        self.finished = False
        self.chunks = chunks
        super().__init__(self._counted(), **kwargs)  # type: ignore[arg-type]

    def _counted(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            data = chunk.encode("utf-8")
            self.sent += len(data)
            yield data
        self.finished = True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        why = "the client went away"
        try:
            await super().__call__(scope, receive, send)
        except (ClientDisconnect, OSError):  # ASGI 2.4 servers: the send to a closed connection fails
            pass
        except DakgError as exc:  # the store failed after the stream began: the connection is cut, not closed
            why = f"the store failed ({exc})"  # as a finished answer, so the client cannot take it for a whole one
        finally:
            if not self.finished:
                log.warning("export %s: %s after %s bytes; the export stopped", self.name, why, f"{self.sent:,}")
                close = getattr(self.chunks, "close", None)
                if close is not None:
                    with contextlib.suppress(ValueError):  # a worker thread is in its next page: it ends with it
                        close()  # its store reads stop here, not when the generator is collected


@router.get(
    "/export/{name}",
    summary="Download claims, agreements or sources (CSV), the graph (GraphML) or annotations (JSON-LD)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The export, streamed.",
            "content": {media: {} for media in sorted(set(exports.MEDIA_TYPES.values()))},
            "headers": {
                MIN_CONFIDENCE_HEADER: {
                    "description": "The min_confidence the export was computed at.",
                    "schema": {"type": "number"},
                }
            },
        },
        **problem_responses(422),
    },
)
def export(
    request: Request,
    store: StoreDep,
    overviews: OverviewsDep,
    min_confidence: MinConfidenceDep,
    name: Annotated[exports.ExportName, Path(description="Which export.")],
    host: Annotated[str | None, Query(pattern=ISO3_PATTERN, description="Only agreements this state hosts.")] = None,
    deporting: Annotated[
        str | None, Query(pattern=ISO3_PATTERN, description="Only agreements under which this state deports.")
    ] = None,
    published_from: Annotated[
        str | None,
        Query(pattern=PERIOD_PATTERN, description="Only sources published on or after (YYYY, YYYY-MM, YYYY-MM-DD)."),
    ] = None,
    published_to: Annotated[
        str | None,
        Query(pattern=PERIOD_PATTERN, description="Only sources published on or before (a whole year or month)."),
    ] = None,
) -> StreamingResponse:
    """Streamed, a page of store reads at a time, with the list endpoints' filters:

    - `claims.csv`: one row per claim — agreement, deporting, host, field, value, currency, negated, source key,
      title, outlet, url, published, quote, start, end, the span that states the value (evidence_text,
      evidence_start, evidence_end, evidence_role), what the value names (an official's name, a group's
      description and size), every evidence span as JSON, the rules, the source's reprint group.
    - `agreements.csv`: one row per agreement: parties, current status, disputes, sources and claims.
    - `sources.csv`: one row per source: metadata, claims, agreements it reports on, reprint group.
    - `graph.graphml`: sources, claims, agreements, officials, migrant groups and countries with their edges,
      for networkx and Gephi.
    - `claims.jsonld`: each claim a W3C Web Annotation on its source's text (`GET /sources/{key}/text`), selected
      by a TextQuoteSelector and a TextPositionSelector on the span that states the value (the quoted sentence
      when no span does), with PROV-O provenance.

    As every answer about agreements, an export counts a source's report on an agreement only when its most
    confident claim about it reaches `min_confidence` (the `Dakg-Min-Confidence` response header says which):
    the claims of a weaker report are left out, and so is an agreement no report reaches. Every claim carries its
    `basis` (`text`, or `reference`: from the project's reference tables, not the source's words).

    Offsets are Python code points (Unicode scalar values) into the source's stored text; JavaScript strings
    count UTF-16 code units (see the README)."""
    filters = exports.Filters(
        host=iso3(host),
        deporting=iso3(deporting),
        published_from=published_from,
        published_to=published_to,
        min_confidence=min_confidence,
    )
    base = str(request.base_url).rstrip("/")
    store.ping()  # a store that is gone is a 503 problem here, not a 200 whose stream stops at once
    chunks = exports.export(store, name, filters, base_url=base, cache=overviews)
    return ExportResponse(
        chunks,
        name,
        media_type=exports.MEDIA_TYPES[name],
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            MIN_CONFIDENCE_HEADER: repr(min_confidence),
        },
    )
