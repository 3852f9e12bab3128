"""Evidence travels from the extractor through the graph to the API unchanged: every span, its text and role."""

from __future__ import annotations

from typing import Any

from dakg.ingest.fragment import (
    AgreementOut,
    ClaimOut,
    CountryOut,
    EvidenceOut,
    Fragment,
    MigrantGroupOut,
    OfficialOut,
    SourceOut,
    text_key,
)
from dakg.ingest.load import load_fragment
from dakg.store.falkordb import FalkorStore

from .conftest import client_for

TEXT = (
    "Tonga agreed to accept up to 40 people deported from Fiji, spokesperson Sela Vaipulu of Tonga said. "
    "Talks had gone on for a year."
)


def span(text: str, role: Any, occurrence: int = 0) -> EvidenceOut:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return EvidenceOut(start=start, end=start + len(text), text=text, role=role)


def fragment() -> Fragment:
    first = TEXT[: TEXT.index(" Talks")]
    second = TEXT[TEXT.index("Talks") :]
    quoted: dict[str, Any] = {"quote": first, "start": 0, "end": len(first)}
    later: dict[str, Any] = {"quote": second, "start": TEXT.index("Talks"), "end": len(TEXT)}
    parties = [span("Tonga agreed to accept", "host"), span("deported from Fiji", "deporting")]
    return Fragment(
        source=SourceOut(key=text_key(TEXT), text=TEXT, words=len(TEXT.split()), extractor_version="test"),
        countries=[
            CountryOut(key="TON", name="Tonga", mentions=[(0, 5), (TEXT.index("of Tonga") + 3, TEXT.index(" said"))]),
            CountryOut(key="FJI", name="Fiji", mentions=[(TEXT.index("Fiji"), TEXT.index("Fiji") + 4)]),
        ],
        officials=[
            OfficialOut(
                key="sela-vaipulu",
                name="Sela Vaipulu",
                country="TON",
                role="spokesperson",
                confidence=0.9,
                role_evidence=[span("Sela Vaipulu", "official"), span("spokesperson", "value")],
                country_evidence=[span("Sela Vaipulu", "official"), span("Tonga", "country", 1)],
                rules=["officials.title-before/v1"],
                **quoted,
            )
        ],
        agreements=[
            AgreementOut(
                key="FJI-TON",
                deporting="FJI",
                host="TON",
                name="Fiji → Tonga",
                claims=[
                    ClaimOut(
                        field="status",
                        value="agreed",
                        confidence=0.8,
                        evidence=[span("agreed", "value"), *parties],
                        rules=["pairs.both-sides/v1", "status.wording/v1#agreed"],
                        **quoted,
                    ),
                    ClaimOut(
                        field="cap",
                        value=40,
                        confidence=0.8,
                        evidence=[span("up to 40", "value"), *parties],
                        rules=["caps.ceiling/v1"],
                        **quoted,
                    ),
                    ClaimOut(
                        field="status",
                        value="under_negotiation",
                        confidence=0.5,
                        evidence=[span("Talks", "value"), *parties],  # the parties from the sentence before
                        rules=["pairs.reference-back/v1"],
                        **later,
                    ),
                ],
            )
        ],
        migrant_groups=[
            MigrantGroupOut(
                key="mg-tonga",
                description="up to 40 people deported from Fiji",
                size=40,
                evidence=[span("up to 40 people deported from Fiji", "group")],
                **quoted,
            )
        ],
    )


def _evidence(claim: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    return [(e["start"], e["end"], e["text"], e["role"]) for e in claim["evidence"]]


def test_every_claim_answers_with_its_evidence_spans_and_rules(store: FalkorStore) -> None:
    found = fragment()
    load_fragment(store, found)
    expected = {
        (c.field, str(c.value)): [(e.start, e.end, e.text, e.role) for e in c.evidence]
        for c in found.agreements[0].claims
    }
    with client_for(store) as api:
        agreement = api.get("/agreements/FJI-TON").json()
        [source] = agreement["sources"]
        assert {(c["field"], str(c["value"])): _evidence(c) for c in source["claims"]} == expected
        rules = {(c.field, str(c.value)): c.rules for c in found.agreements[0].claims}
        assert {(c["field"], str(c["value"])): c["rules"] for c in source["claims"]} == rules
        detail = api.get(f"/sources/{found.source.key}").json()
        by_field = {(c["about"]["label"], c["claim"]["field"]): c["claim"] for c in detail["claims"]}
        assert _evidence(by_field[("Official", "acts_for")]) == [
            (TEXT.index("Sela"), TEXT.index("Sela") + 12, "Sela Vaipulu", "official"),
            (TEXT.index("of Tonga") + 3, TEXT.index(" said"), "Tonga", "country"),
        ]
        assert _evidence(by_field[("Official", "role")])[1][2:] == ("spokesperson", "value")
        assert _evidence(by_field[("MigrantGroup", "size")]) == [
            (TEXT.index("up to 40"), TEXT.index(", spokes"), "up to 40 people deported from Fiji", "group")
        ]
        timeline = api.get("/agreements/FJI-TON/timeline").json()["items"]
        for entry in timeline:
            for start, end, text, _role in _evidence(entry["claim"]):
                assert TEXT[start:end] == text
