"""A property-based run over the whole OpenAPI schema against a live API: no request may cause a 5xx.

It posts documents, so it runs on a server and graph of its own (the hand-written corpus, HTTP ingest on).

Schemathesis generates the requests from the served schema (valid and invalid parameters, bodies, paths);
hypothesis drives them. (Schemathesis's own pytest loader is not used: its lazy fixture mode does not work with
pytest 9, so the operations are walked here.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.core.result import Ok

from .stores import API_TOKEN

pytestmark = pytest.mark.integration

EXAMPLES_PER_OPERATION = 40


def test_no_request_makes_the_server_fail(own_api: Callable[..., str]) -> None:
    api = own_api(corpus=True)
    schema = schemathesis.openapi.from_url(api + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]
    assert len(operations) == 15  # every operation the API declares
    failures: list[str] = []
    seen: set[int] = set()
    for operation in operations:
        fuzz(operation, failures, seen)
    assert not failures, "\n".join(failures[:20])
    assert any(200 <= s < 300 for s in seen) and any(400 <= s < 500 for s in seen), seen  # it did probe both


def fuzz(operation: schemathesis.APIOperation[Any, Any, Any, Any], failures: list[str], seen: set[int]) -> None:
    headers = {"Authorization": f"Bearer {API_TOKEN}"} if operation.path == "/documents" else None

    @settings(
        max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(case=operation.as_strategy())
    def run(case: schemathesis.Case[Any]) -> None:
        response = case.call(headers=headers, timeout=120)
        seen.add(response.status_code)
        where = f"{case.method} {case.formatted_path} {case.query or ''}"
        if response.status_code >= 500:
            failures.append(f"{where} -> {response.status_code}: {response.text[:300]}")
        elif response.status_code >= 400:
            found: list[str] | str = response.headers.get("content-type") or [""]  # schemathesis gives a list
            content_type = found[0] if isinstance(found, list) else found
            assert content_type.startswith("application/problem+json"), (
                f"{where} -> {response.status_code} {content_type}"
            )

    run()
