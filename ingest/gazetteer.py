"""Reference data for resolving names: countries (ISO 3166-1 alpha-3) and known officials.

Countries come from ``pycountry`` plus ``data/countries.json`` (news-style names, demonyms, capitals and
institutions used as metonyms, names that are also ordinary words or people). Officials come from
``data/officials.json``, which only fills gaps the text leaves (the text's own role and country win).
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import pycountry

MentionKind = Literal["name", "demonym", "metonym", "institution", "block"]

# Display names where pycountry's are formal or inverted ("Korea, Republic of").
DISPLAY_NAMES = {
    "USA": "United States",
    "GBR": "United Kingdom",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "RUS": "Russia",
    "SYR": "Syria",
    "TZA": "Tanzania",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "MDA": "Moldova",
    "LAO": "Laos",
    "VNM": "Vietnam",
    "TWN": "Taiwan",
    "PSE": "Palestine",
    "CZE": "Czechia",
    "TUR": "Türkiye",
    "SWZ": "Eswatini",
    "CIV": "Côte d'Ivoire",
    "XKX": "Kosovo",
    "EUU": "European Union",
}


def _data(name: str) -> dict[str, Any]:
    text = (resources.files("dakg.ingest") / "data" / name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def slug(text: str) -> str:
    """ASCII lower-case words joined by hyphens: "Olivier Nduhungirehe" -> "olivier-nduhungirehe"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class CountryEntry:
    phrase: str
    iso3: str | None  # None for "block" phrases (Central America is not America)
    kind: MentionKind
    ambiguous: bool


@dataclass(frozen=True)
class Countries:
    entries: tuple[CountryEntry, ...]
    names: dict[str, str]  # ISO-3 -> display name
    deporting_prior: frozenset[str]  # orients a pair only when a text gives no direction at all
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # "central american" -> its states
    usual_senders: dict[str, str] = field(default_factory=dict)  # a host -> the one sender of its best-known scheme
    usual_places: dict[str, str] = field(default_factory=dict)  # where such a scheme held people -> its host

    def name(self, iso3: str) -> str:
        return self.names.get(iso3, iso3)

    def is_code(self, value: str) -> bool:
        return value in self.names


@lru_cache(maxsize=4)
def countries(language: str = "en") -> Countries:
    """The gazetteer for texts in ``language``: the English one, and for French also ``data/countries.fr.json``
    and pycountry's French names (read first, so their ambiguity flags hold)."""
    data = _data("countries.json")
    local: dict[str, Any] = _data(f"countries.{language}.json") if language != "en" else {}
    ambiguous = set(data["ambiguous"]) | set(local.get("ambiguous", []))
    names: dict[str, str] = {}
    phrases: dict[str, CountryEntry] = {}

    def add(phrase: str, iso3: str | None, kind: MentionKind) -> None:
        phrase = phrase.strip()
        if phrase.lower().startswith("the ") and kind in ("name", "metonym"):
            phrase = phrase[4:]
        if not phrase or phrase in phrases:
            return
        phrases[phrase] = CountryEntry(phrase, iso3, kind, ambiguous=phrase in ambiguous)

    for country in pycountry.countries:
        iso3 = country.alpha_3
        common = getattr(country, "common_name", None)
        names[iso3] = DISPLAY_NAMES.get(iso3) or common or country.name
    for iso3, extra in data["countries"].items():
        names.setdefault(iso3, DISPLAY_NAMES.get(iso3, extra["names"][0] if extra["names"] else iso3))
    if local:
        _add_local(local, language, add)
    # Curated names first (they carry the ambiguity flags), then pycountry's plain names.
    for iso3, extra in data["countries"].items():
        for phrase in extra["names"]:
            add(phrase, iso3, "name")
        for phrase in extra["demonyms"]:
            add(phrase, iso3, "demonym")
        for phrase in extra["metonyms"]:
            add(phrase, iso3, "metonym")
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                add(value, country.alpha_3, "name")
    for phrase, iso3 in data["institutions"].items():
        add(phrase, iso3, "institution")
    for phrase in data["not_countries"]:
        add(phrase, None, "block")
    regions = {word: frozenset(codes) for word, codes in data.get("regions", {}).items()}
    return Countries(
        entries=tuple(phrases.values()),
        names=names,
        deporting_prior=frozenset(data["deporting_states"]),
        regions=regions,
        usual_senders={host: sender for host, sender in data.get("usual_senders", {}).items() if host != "_about"},
        usual_places={place: host for place, host in data.get("usual_places", {}).items() if place != "_about"},
    )


@lru_cache(maxsize=4)
def capital_names(language: str = "en") -> dict[str, str]:
    """Unambiguous country names written in capitals, as headings write them ("SOUTH SUDAN", "SOUDAN DU SUD"):
    longer than three letters, or in capitals already ("UK")."""
    return {
        entry.phrase.upper(): entry.iso3
        for entry in countries(language).entries
        if entry.kind == "name"
        and entry.iso3 is not None
        and not entry.ambiguous
        and (len(entry.phrase) > 3 or entry.phrase.isupper())
    }


def _add_local(local: dict[str, Any], language: str, add: Any) -> None:
    """A language's own names: its curated file, then pycountry's translations of the ISO 3166 names."""
    import gettext

    for iso3, extra in local["countries"].items():
        for phrase in extra["names"]:
            add(phrase, iso3, "name")
        for phrase in extra["demonyms"]:
            add(phrase, iso3, "demonym")
        for phrase in extra["metonyms"]:
            add(phrase, iso3, "metonym")
    for phrase, iso3 in local["institutions"].items():
        add(phrase, iso3, "institution")
    for phrase in local["not_countries"]:
        add(phrase, None, "block")
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            local_name = translation.gettext(value) if value else None
            if local_name and "," not in local_name and "(" not in local_name:
                add(local_name, country.alpha_3, "name")
                add(lowered_qualifiers(local_name), country.alpha_3, "name")


# Words after which a capital is a proper noun's ("du Sud", "de Guinée").
_NAME_PARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "les", "et"})


def lowered_qualifiers(name: str) -> str:
    """The name as the press writes it where the ISO list capitalises every word: "Guinée Équatoriale" is
    "Guinée équatoriale", "Émirats Arabes Unis" is "Émirats arabes unis". A word after a particle ("du Sud",
    "du Congo") is a proper noun and keeps its capital."""
    words = name.split(" ")
    out = words[:1]
    for previous, word in itertools.pairwise(words):
        particle = previous.lower().rstrip("'’") in _NAME_PARTICLES or previous.lower().endswith(("d'", "d’"))
        out.append(word if particle or word.isupper() else word[:1].lower() + word[1:])
    return " ".join(out)


@dataclass(frozen=True)
class KnownOfficial:
    key: str
    name: str
    aliases: tuple[str, ...]
    country: str
    role: str


@lru_cache(maxsize=1)
def known_officials() -> tuple[KnownOfficial, ...]:
    data = _data("officials.json")
    return tuple(
        KnownOfficial(
            key=slug(item["name"]),
            name=item["name"],
            aliases=tuple(item["aliases"]),
            country=item["country"],
            role=item["role"],
        )
        for item in data["officials"]
    )


def known_name(key: str) -> str | None:
    """The reference table's spelling of a known official's name."""
    return next((o.name for o in known_officials() if o.key == key), None)


@lru_cache(maxsize=1)
def ambiguous_official_names() -> frozenset[str]:
    """Names of known officials that are also ordinary words or common surnames."""
    return frozenset(_data("officials.json").get("ambiguous", []))
