"""The API's wiring, on a real HTTP server: /health, OpenAPI docs, errors as problem+json."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from dakg.store import EmbeddedServer

DAKG = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "dakg")


@pytest.fixture
def api(
    serve: Callable[..., object],
    embedded_server: EmbeddedServer,
    free_port: int,
    cli_env: Callable[..., dict[str, str]],
) -> str:
    env = cli_env(DAKG_DATA_DIR=str(embedded_server.data_dir), DAKG_GRAPH="api_health")
    served = serve([DAKG, "serve", "--port", str(free_port)], free_port, env)
    return str(served.url)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_health_reports_store_and_schema(api: str) -> None:
    response = httpx.get(api + "/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["store"]["kind"] == "falkordb"
    assert body["store"]["reachable"] is True
    assert body["schema"] == {"applied": True, "missing": []}


@pytest.mark.slow
def test_openapi_and_docs_are_served(api: str) -> None:
    spec = httpx.get(api + "/openapi.json").json()
    assert "/health" in spec["paths"]
    docs = httpx.get(api + "/docs")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()


@pytest.mark.slow
def test_unknown_path_is_a_problem_document(api: str) -> None:
    response = httpx.get(api + "/no/such/thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 404
