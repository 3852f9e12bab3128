"""Search and graph neighbourhoods."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from dakg.answers import explore
from dakg.answers import models as m
from dakg.api.deps import StoreDep
from dakg.api.problems import problem_responses

router = APIRouter(tags=["explore"])


@router.get("/search", response_model=list[m.SearchHit], summary="Full-text search", responses=problem_responses(422))
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to look for.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[m.SearchHit]:
    """Sources (title and text), countries and officials (names) containing every word of `q`, best first.
    Only the words count: quotes, operators and wildcards are ignored."""
    return explore.search(store, q, limit=limit)


@router.get(
    "/graph/{key}",
    response_model=m.Neighbourhood,
    summary="A node's neighbourhood",
    responses=problem_responses(404, 422),
)
def graph(
    store: StoreDep,
    key: Annotated[
        str,
        Path(
            min_length=1,
            max_length=200,
            description="Any node's key: source, country, agreement, ...",
            examples=["USA-RWA"],
        ),
    ],
    depth: Annotated[int, Query(ge=1, le=2)] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="Most nodes returned.")] = 200,
) -> m.Neighbourhood:
    """Nodes and edges around a node, ready for a visualisation library (id, label, name; source, target, type)."""
    found = explore.neighbourhood(store, key, depth=depth, limit=limit)
    if found is None:
        raise HTTPException(404, f"no node with key {key!r}")
    return found
