"""POST /documents: ingest one document over HTTP, through the same pipeline as `dakg ingest`
(``dakg.answers.intake``)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dakg.answers import intake
from dakg.api.deps import IngestorDep, SettingsDep, StoreDep
from dakg.api.problems import problem_responses

router = APIRouter(tags=["ingest"])
bearer = HTTPBearer(auto_error=False, description="The token set in DAKG_API_TOKEN.")


def require_token(
    settings: SettingsDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    token = settings.api_token.get_secret_value() if settings.api_token else None
    if not token:
        raise HTTPException(403, "ingest over HTTP is off: the server has no DAKG_API_TOKEN")
    if credentials is None:
        raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(403, "the bearer token is not the one this server accepts")


@router.post(
    "/documents",
    response_model=intake.DocumentOut,
    summary="Ingest one document",
    dependencies=[Depends(require_token)],
    responses=problem_responses(400, 401, 403, 413, 422),
)
def post_document(store: StoreDep, ingestor: IngestorDep, body: intake.DocumentIn) -> intake.DocumentOut:
    """Clean, parse and extract the document, write it in one atomic write, and answer with what was extracted.

    The same text sent twice is the same source (`unchanged`). Needs `Authorization: Bearer <DAKG_API_TOKEN>`;
    without a token configured on the server the endpoint is off (403).
    """
    return intake.post_document(store, ingestor, body)
