"""A small corpus written for the unit tests, with its fragments written by hand (no spaCy model involved).

The texts are invented (outlets marked "(test)"), written in this project's own words; the fragments say
what a careful reader would extract, with offsets computed from the quoted sentences. Loaded through
``dakg.ingest.load.load_fragment``, they give the API tests a graph whose every answer is known exactly:

=========  ==========================================================  ==================================
agreement  sources, oldest first                                       disputes
=========  ==========================================================  ==================================
USA-RWA    talks (05-05), agreed + cap 250 + $7.5m (08-05),            status (talks reported after the
           talks again (08-12), implemented + cap 250 (08-28)          deal)
GBR-RWA    signed + £120m (2022), struck down (2023),                  none: progress is no status dispute,
           scrapped + £240m (2024)                                     and a growing total no payment one
ISR-UGA    a denial of "agreed" (2018), implemented + 500 a year       status (a denial against an
           (undated)                                                   affirmation that implies it)
USA-SWZ    implemented + cap 160 (2025-07), agreed + cap 200 (09-01)   cap (160 against 200)
=========  ==========================================================  ==================================

One more source names Rwanda and Uganda in another matter and forms no agreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dakg.ingest.clean import with_headline
from dakg.ingest.fragment import (
    AgreementOut,
    ClaimField,
    ClaimOut,
    CountryOut,
    EvidenceOut,
    Fragment,
    MigrantGroupOut,
    OfficialOut,
    SourceOut,
    text_key,
)
from dakg.ingest.gazetteer import countries
from dakg.schema import EvidenceRole

EXTRACTOR = "test-rules-1"
NAMES = {
    "Rwanda": "RWA",
    "United States": "USA",
    "United Kingdom": "GBR",
    "Britain": "GBR",
    "Uganda": "UGA",
    "Israel": "ISR",
    "Eswatini": "SWZ",
}


@dataclass
class Doc:
    """One source being written: its text and metadata, and what a reader finds in it."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    claims: dict[str, list[ClaimOut]] = field(default_factory=dict)
    officials: list[OfficialOut] = field(default_factory=list)
    groups: list[MigrantGroupOut] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = with_headline(self.text, self.title)  # what ingest stores: the headline, then the body

    def at(self, sentence: str) -> dict[str, Any]:
        """The quote and its offsets; the sentence must occur exactly once in the text."""
        assert self.text.count(sentence) == 1, sentence
        start = self.text.index(sentence)
        return {"quote": sentence, "start": start, "end": start + len(sentence)}

    def evidence(self, sentence: str, role: EvidenceRole) -> list[EvidenceOut]:
        """The sentence as the span a value rests on (the extractor gives narrower spans; the loader and the API
        do not read them)."""
        where = self.at(sentence)
        return [EvidenceOut(start=where["start"], end=where["end"], text=sentence, role=role)]

    def claim(
        self,
        agreement: str,
        claim_field: ClaimField,
        value: Any,
        sentence: str,
        confidence: float = 0.8,
        *,
        negated: bool = False,
        detail: str | None = None,
    ) -> Doc:
        role: EvidenceRole = (
            "official" if claim_field == "official" else "group" if claim_field == "covers" else "value"
        )
        found = ClaimOut(
            field=claim_field,
            value=value,
            confidence=confidence,
            negated=negated,
            detail=detail,
            evidence=self.evidence(sentence, role),
            **self.at(sentence),
        )
        self.claims.setdefault(agreement, []).append(found)
        return self

    def official(
        self, key: str, name: str, sentence: str, *, country: str | None = None, role: str | None = None
    ) -> Doc:
        self.officials.append(
            OfficialOut(
                key=key,
                name=name,
                country=country,
                role=role,
                confidence=0.8,
                role_evidence=self.evidence(sentence, "value") if role else [],
                country_evidence=self.evidence(sentence, "country") if country else [],
                **self.at(sentence),
            )
        )
        return self

    def group(
        self,
        description: str,
        sentence: str,
        agreements: list[str],
        *,
        nationalities: list[str] | None = None,
        size: int | None = None,
    ) -> Doc:
        key = "mg-" + text_key(f"{self.text}|{description}")[:24]
        self.groups.append(
            MigrantGroupOut(
                key=key,
                description=description,
                nationalities=nationalities or [],
                size=size,
                agreements=agreements,
                evidence=self.evidence(sentence, "group"),
                **self.at(sentence),
            )
        )
        for agreement in agreements:
            self.claim(agreement, "covers", key, sentence, 0.6)
        return self

    def fragment(self) -> Fragment:
        name = countries().name
        mentions: dict[str, list[tuple[int, int]]] = {}
        for word, iso3 in NAMES.items():
            for match in re.finditer(rf"\b{word}\b", self.text):
                mentions.setdefault(iso3, []).append(match.span())
        agreements = []
        for key, claims in self.claims.items():
            deporting, host = key.split("-")
            agreements.append(
                AgreementOut(
                    key=key, deporting=deporting, host=host, name=f"{name(deporting)} → {name(host)}", claims=claims
                )
            )
        return Fragment(
            source=SourceOut(
                key=text_key(self.text),
                title=self.title,
                url=self.url,
                outlet=self.outlet,
                published=self.published,
                text=self.text,
                words=len(self.text.split()),
                extractor_version=EXTRACTOR,
            ),
            countries=[CountryOut(key=k, name=name(k), mentions=sorted(v)) for k, v in sorted(mentions.items())],
            officials=self.officials,
            agreements=agreements,
            migrant_groups=self.groups,
        )


def _documents() -> dict[str, Doc]:
    docs: dict[str, Doc] = {}

    s1 = (
        "Rwanda is in early talks with the United States about receiving people that Washington wants to deport, "
        "Foreign Minister Olivier Nduhungirehe told reporters on Monday."
    )
    docs["rwa-talks"] = (
        Doc(
            text=f"Kigali weighs a request from Washington\n\n{s1} He said no figures had been settled.",
            title="Kigali weighs a request from Washington",
            outlet="Lake Kivu Courier (test)",
            published="2025-05-05",
            url="https://example.org/test/rwa-talks",
        )
        .claim("USA-RWA", "status", "under_negotiation", s1, 0.75)
        .claim("USA-RWA", "official", "olivier-nduhungirehe", s1, 0.7)
        .official("olivier-nduhungirehe", "Olivier Nduhungirehe", s1, country="RWA", role="Foreign Minister")
    )

    s1 = "Rwanda has agreed to take in up to 250 people deported from the United States, both governments said."
    s2 = "Washington will pay Kigali $7.5 million for the programme."
    s3 = "Olivier Nduhungirehe called it a humane arrangement."
    docs["rwa-deal"] = (
        Doc(
            text=f"{s1} {s2} {s3}",
            title="Rwanda signs up to take 250 deportees",
            outlet="Great Lakes Wire (test)",
            published="2025-08-05",
            url="https://example.org/test/rwa-deal",
        )
        .claim("USA-RWA", "status", "agreed", s1, 0.9)
        .claim("USA-RWA", "cap", 250, s1, 0.85)
        .claim("USA-RWA", "payment", {"amount": 7_500_000.0, "currency": "USD"}, s2, 0.8)
        .claim("USA-RWA", "official", "olivier-nduhungirehe", s3, 0.6)
        .official("olivier-nduhungirehe", "Olivier Nduhungirehe", s3)
        .group("people deported from the United States", s1, ["USA-RWA"], size=250)
    )

    s1 = (
        "Rwandan officials insisted on Friday that negotiations with the United States were still under way "
        "and that nothing had been finalised."
    )
    docs["rwa-doubt"] = Doc(
        text=s1,
        title="Talks with Washington not over, Kigali insists",
        outlet="Lake Kivu Courier (test)",
        published="2025-08-12",
    ).claim("USA-RWA", "status", "under_negotiation", s1, 0.7)

    s1 = "Seven people removed from the United States landed in Rwanda on Thursday, the first flight of the scheme."
    s2 = "Rwanda says it can accept up to 250 people in total."
    docs["rwa-arrivals"] = (
        Doc(
            text=f"{s1} {s2}",
            title="First removals from the US reach Kigali",
            outlet="Great Lakes Wire (test)",
            published="2025-08-28",
        )
        .claim("USA-RWA", "status", "implemented", s1, 0.85)
        .claim("USA-RWA", "cap", 250, s2, 0.8)
    )

    s1 = (
        "Britain and Rwanda signed a partnership on Thursday under which some asylum seekers arriving in the "
        "United Kingdom will be sent to Rwanda."
    )
    s2 = "The Home Office will pay £120 million up front."
    docs["gbr-signed"] = (
        Doc(
            text=f"{s1} {s2}",
            title="Britain and Rwanda sign asylum partnership",
            outlet="Thames Record (test)",
            published="2022-04-14",
        )
        .claim("GBR-RWA", "status", "signed", s1, 0.9)
        .claim("GBR-RWA", "payment", {"amount": 120_000_000.0, "currency": "GBP"}, s2, 0.8)
    )

    s1 = "The Supreme Court ruled that the plan to send asylum seekers from the United Kingdom to Rwanda is unlawful."
    docs["gbr-court"] = Doc(
        text=s1, title="Supreme Court rules Rwanda plan unlawful", outlet="Thames Record (test)", published="2023-11-15"
    ).claim("GBR-RWA", "status", "struck_down", s1, 0.9)

    s1 = "The new Prime Minister Keir Starmer said the Rwanda scheme was dead and buried."
    s2 = "The United Kingdom had paid Rwanda £240 million before it was scrapped."
    docs["gbr-scrapped"] = (
        Doc(
            text=f"{s1} {s2}",
            title="New government ends the Rwanda scheme",
            outlet="Northern Post (test)",
            published="2024-07-06",
        )
        .claim("GBR-RWA", "status", "scrapped", s1, 0.9)
        .claim("GBR-RWA", "payment", {"amount": 240_000_000.0, "currency": "GBP"}, s2, 0.8)
        .claim("GBR-RWA", "official", "keir-starmer", s1, 0.7)
        .official("keir-starmer", "Keir Starmer", s1, country="GBR", role="Prime Minister")
    )

    s1 = "Uganda denied on Wednesday that it had agreed to accept people deported from Israel."
    s2 = "Eritrean and Sudanese asylum seekers in Israel have been told to leave."
    docs["isr-denial"] = (
        Doc(
            text=f"{s1} {s2}",
            title="Uganda denies a deal to take Israel's deportees",
            outlet="Jordan Valley Review (test)",
            published="2018-01-24",
        )
        .claim("ISR-UGA", "status", "agreed", s1, 0.8, negated=True)
        .group("Eritrean and Sudanese asylum seekers in Israel", s2, ["ISR-UGA"], nationalities=["ERI", "SDN"])
    )

    s1 = "Several men who had lived in Israel were flown to Uganda after accepting a payment to leave."
    s2 = "Israel planned to send up to 500 people a year."
    docs["isr-flights"] = (
        Doc(text=f"{s1} {s2}", title="Deportees describe flights to Entebbe")
        .claim("ISR-UGA", "status", "implemented", s1, 0.75)
        .claim("ISR-UGA", "cap", 500, s2, 0.7, detail="per year")
    )

    s1 = "Five men deported from the United States are being held in Eswatini, which has agreed to take up to 160."
    docs["swz-arrivals"] = (
        Doc(text=s1, title="Five deportees held in Eswatini", outlet="Southern Times (test)", published="2025-07-16")
        .claim("USA-SWZ", "status", "implemented", s1, 0.8)
        .claim("USA-SWZ", "cap", 160, s1, 0.8)
    )

    s1 = "Eswatini agreed to receive as many as 200 deportees from the United States, according to a document."
    docs["swz-cap"] = (
        Doc(text=s1, title="Eswatini deal covers 200 people", outlet="Southern Times (test)", published="2025-09-01")
        .claim("USA-SWZ", "status", "agreed", s1, 0.8)
        .claim("USA-SWZ", "cap", 200, s1, 0.8)
    )

    docs["background"] = Doc(
        text="Rwanda and Uganda reopened their border to trade this spring.",
        title="Border reopens",
        outlet="Lake Kivu Courier (test)",
        published="2025-03-03",
    )
    return docs


DOCS = _documents()
FRAGMENTS: dict[str, Fragment] = {name: doc.fragment() for name, doc in DOCS.items()}
KEYS: dict[str, str] = {name: fragment.source.key for name, fragment in FRAGMENTS.items()}
TITLES: dict[str, str | None] = {name: doc.title for name, doc in DOCS.items()}


def posted(text: str, *, title: str, published: str | None = None, status: str = "under_negotiation") -> Fragment:
    """A fragment for a new document about US–South Sudan (for tests that write)."""
    doc = Doc(text=text, title=title, published=published)
    return doc.claim("USA-SSD", "status", status, text, 0.8).fragment()
