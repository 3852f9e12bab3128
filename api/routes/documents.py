"""POST /documents: ingest one document over HTTP, through the same pipeline as `dakg ingest`."""

from __future__ import annotations

import hmac
import threading
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dakg.api import models as m
from dakg.api.deps import SettingsDep, StoreDep
from dakg.api.problems import problem_responses
from dakg.config import Settings
from dakg.errors import DocumentError
from dakg.ingest.document import Metadata, RawDocument, make_metadata
from dakg.ingest.formats import read_html, read_markdown
from dakg.ingest.fragment import Fragment
from dakg.ingest.load import load_fragment

router = APIRouter(tags=["ingest"])
bearer = HTTPBearer(auto_error=False, description="The token set in DAKG_API_TOKEN.")


class Ingestor:
    """The spaCy pipeline for HTTP ingest: loaded once (in the background at start-up), used under a lock."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._nlp: Any = None

    def warm_up(self) -> None:
        threading.Thread(target=self.nlp, name="dakg-nlp-warm-up", daemon=True).start()

    def nlp(self) -> Any:
        with self._lock:
            if self._nlp is None:
                from dakg.ingest.nlp import get_pipeline

                self._nlp = get_pipeline(self.settings.spacy_model, max_length=self.settings.max_document_bytes)
            return self._nlp

    def fragment(self, raw: RawDocument) -> Fragment:
        # The pipeline first: it imports spaCy (or waits for the warm-up thread that does). Importing spaCy from
        # two threads at once fails (KeyError: 'spacy'), as a POST right after start-up used to.
        nlp = self.nlp()
        from dakg.ingest.extract import extract, extractor_version
        from dakg.ingest.pipeline import parse, prepare

        prepared = prepare(raw)
        with self._lock:  # a spaCy pipeline is not made to be shared between threads
            doc = parse(nlp, prepared.text, self.settings.nlp_window_chars, self.settings.nlp_batch_size)
        # A posted document has no file: its source keeps no path (``raw.path`` only names it in errors).
        return extract(doc, raw.meta, path=None, extractor_version=extractor_version(nlp))


def get_ingestor(request: Request) -> Ingestor:
    return cast(Ingestor, request.app.state.ingestor)


IngestorDep = Annotated[Ingestor, Depends(get_ingestor)]


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
    response_model=m.DocumentOut,
    summary="Ingest one document",
    dependencies=[Depends(require_token)],
    responses=problem_responses(400, 401, 403, 413, 422),
)
def post_document(store: StoreDep, ingestor: IngestorDep, body: m.DocumentIn) -> m.DocumentOut:
    """Clean, parse and extract the document, write it in one atomic write, and answer with what was extracted.

    The same text sent twice is the same source (`unchanged`). Needs `Authorization: Bearer <DAKG_API_TOKEN>`;
    without a token configured on the server the endpoint is off (403).
    """
    where = f"POST /documents ({body.title or 'untitled'})"
    text, meta = body.text, Metadata()
    if body.format == "html":
        text, meta = read_html(body.text, where)
    elif body.format == "markdown":
        text, meta = read_markdown(body.text, where)
    given = make_metadata(where, title=body.title, url=body.url, outlet=body.outlet, published=body.published)
    raw = RawDocument(path=body.url or where, text=text, meta=meta.merged(given), kind=body.format)
    try:
        fragment = ingestor.fragment(raw)
    except DocumentError as exc:
        raise HTTPException(422, str(exc)) from exc
    except ValueError as exc:  # a fragment that fails its own checks: say so, write nothing
        raise HTTPException(422, f"extraction produced an invalid fragment, nothing was written: {exc}") from exc
    result = load_fragment(store, fragment)
    return m.DocumentOut(outcome=result.outcome, source=fragment.source.key, fragment=fragment)
