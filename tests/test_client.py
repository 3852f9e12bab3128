"""The notebook client against the live demo API (read-only), and a server of its own for ingest."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dakg.client import ApiError, Client
from dakg.errors import DakgError

from .stores import API_TOKEN

pytestmark = pytest.mark.integration
STORES = ("falkordb",)  # the API's behaviour, on the embedded store; Neo4j answers alike (test_store_parity.py)


def test_claims_rows_carry_agreement_source_and_quote(demo_api: str) -> None:
    client = Client(demo_api)
    rows = client.claims(host="RWA")
    assert sorted({r["agreement"] for r in rows}) == ["GBR-RWA", "ISR-RWA", "USA-RWA"]
    assert len(rows) == 21 + 8 + 30  # every claim of every source, as /agreements counts them
    statuses = {(r["agreement"], r["title"], r["value"]) for r in rows if r["field"] == "status"}
    assert ("USA-RWA", "Rwanda agrees to accept up to 250 migrants deported from the US", "agreed") in statuses
    for row in rows[:25]:
        text = client.source(row["source"], include_text=True)["text"]
        assert text[row["start"] : row["end"]] == row["quote"]


def test_paging_collects_every_item(demo_api: str) -> None:
    client = Client(demo_api)
    assert len(client.sources()) == 15
    assert [d["agreement"] for d in client.disputes("status")] == ["ISR-RWA", "ISR-UGA", "USA-RWA"]


def test_errors_are_clear(demo_api: str) -> None:
    client = Client(demo_api)
    with pytest.raises(ApiError, match="404: no agreement with key 'USA-XYZ'"):
        client.agreement("USA-XYZ")
    with pytest.raises(ApiError, match="401"):
        client.ingest("Some text about nothing much at all.")
    with pytest.raises(DakgError, match="cannot reach"):
        Client("http://127.0.0.1:9", timeout=2).search("Rwanda")


def test_ingest_with_a_token(own_api: Callable[..., str]) -> None:
    client = Client(own_api(), token=API_TOKEN)
    answer = client.ingest("Kenya has agreed to accept migrants deported from the United Kingdom, officials said.")
    assert answer["outcome"] == "new"
    assert [a["key"] for a in answer["fragment"]["agreements"]] == ["GBR-KEN"]
    assert [a["key"] for a in client.agreements()] == ["GBR-KEN"]


def test_timeline_export_as_of_and_value_names(demo_api: str) -> None:
    client = Client(demo_api)
    statuses = client.timeline("GBR-RWA", fields=["status"])
    assert {"signed", "struck_down", "scrapped"} <= {e["claim"]["value"] for e in statuses}
    before = client.timeline("GBR-RWA", fields=["status"], as_of="2023-11-14")
    assert {e["claim"]["value"] for e in before} == {"signed"}
    assert client.agreement("GBR-RWA", as_of="2023-11-14")["current_status"]["value"] == "signed"
    assert client.disputes(as_of="2019-01-01")[0]["agreement"] == "ISR-RWA"
    assert client.export("agreements.csv", host="RWA").splitlines()[0].startswith("agreement,name,")
    named = {r["value_name"] for r in client.claims(host="RWA") if r["field"] == "official"}
    assert "Olivier Nduhungirehe" in named
    with pytest.raises(ApiError, match="422"):
        client.export("claims.xlsx")


def test_min_confidence_and_the_basis_reach_the_client(demo_api: str) -> None:
    client = Client(demo_api)
    rows = client.claims(host="RWA")
    # claims about agreements rest on the text, but for the two of "The Trump administration has been looking for
    # third countries willing to accept people": its state comes from the table of office holders
    assert sorted((r["field"], r["basis"]) for r in rows if r["basis"] != "text") == [
        ("covers", "reference"),
        ("official", "reference"),
    ]
    assert len(client.claims(host="RWA", min_confidence=0)) == len(rows)  # the demo has no weak pair
    assert client.agreement("USA-RWA", min_confidence=0)["min_confidence"] == 0.0
    with pytest.raises(ApiError, match=r"404: no source.s report on USA-RWA reaches min_confidence=0\.95"):
        client.agreement("USA-RWA", min_confidence=0.95)  # the demo's surest claims are 0.9
    assert client.timeline("USA-RWA", min_confidence=0.95) == []
    assert client.agreements(host="RWA", min_confidence=0.95) == []
    assert client.disputes(min_confidence=0.95) == []
    assert client.export("agreements.csv", min_confidence=0.95).splitlines()[1:] == []
