"""The reading pages (/read...) and the offline /docs, in this process on the hand-written corpus: what a reader sees
is what the JSON says, and every marked span's text is its claim's evidence. (In a real browser on the demo corpus:
tests/test_pages_browser.py.)"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from dakg.api.reading import Span, highlight, quote_with_value

from .corpus import DOCS, KEYS, TITLES


def _page(api: TestClient, path: str, **params: str) -> HTMLParser:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return HTMLParser(response.text)


def first(html: HTMLParser | Any, selector: str) -> Any:
    found = html.css_first(selector)
    assert found is not None, selector
    return found


def marked_spans(html: HTMLParser) -> dict[str, dict[str, Any]]:
    """Each span's marks in document order, joined: {span id: {claim, role, start, end, text}}."""
    spans: dict[str, dict[str, Any]] = {}
    for mark in html.css("#text mark[data-span]"):
        attrs = mark.attributes
        entry = spans.setdefault(
            str(attrs["data-span"]),
            {
                "claim": attrs["data-claim"],
                "role": attrs["data-role"],
                "start": int(str(attrs["data-start"])),
                "end": int(str(attrs["data-end"])),
                "text": "",
            },
        )
        entry["text"] += mark.text(deep=True)
    return spans


def test_highlight_nests_overlapping_spans_and_escapes_the_text() -> None:
    text = "A <b>deal</b>: up to 250 people."
    spans = [
        Span(15, 24, "c1", "value", 0, "cap: 250"),
        Span(2, 24, "c2", "value", 0, "status"),
        Span(21, 31, "c3", "group", 0, "covers"),
    ]
    html = HTMLParser(f'<div id="text">{highlight(text, spans)}</div>')
    found = marked_spans(html)
    assert {k: v["text"] for k, v in found.items()} == {
        "c1:0": "up to 250",
        "c2:0": "<b>deal</b>: up to 250",
        "c3:0": "250 people",
    }
    assert first(html, "#text").text(deep=True) == text  # nothing added, nothing lost
    assert "<b>" not in str(highlight(text, spans))  # the source's markup is text here, never HTML
    assert str(quote_with_value("up to 250 people.", 15, spans[:1])).startswith('<mark class="role-value"')


def test_the_us_rwanda_page_shows_every_source_side_by_side(api: TestClient) -> None:
    html = _page(api, "/read/agreements/USA-RWA")
    cards = html.css(".source-card")
    assert [c.attributes["data-source"] for c in cards] == [
        KEYS["rwa-arrivals"],
        KEYS["rwa-doubt"],
        KEYS["rwa-deal"],
        KEYS["rwa-talks"],
    ]
    assert [first(c, "h3").text(strip=True) for c in cards] == [
        TITLES[n] for n in ("rwa-arrivals", "rwa-doubt", "rwa-deal", "rwa-talks")
    ]
    assert first(html, "#current-status .status").text(strip=True) == "implemented"
    assert {r.css("td")[1].text(strip=True) for r in html.css("#disputes tr")[1:]} == {
        "agreed",
        "implemented",
        "under_negotiation",
    }
    deal = next(c for c in cards if c.attributes["data-source"] == KEYS["rwa-deal"])
    claims = deal.css(".claim")
    assert "Olivier Nduhungirehe" in claims[-1].text()  # an official claim names the official
    assert "people deported from the United States (250)" in deal.text()  # a covers claim, the people
    links = {a.attributes["href"] for a in html.css("a")}
    assert f"/read/sources/{KEYS['rwa-deal']}" in links and "/agreements/USA-RWA" in links
    support = {tuple(td.text(strip=True) for td in r.css("td")) for r in html.css("#support tr")[1:]}
    assert ("cap", "250", "2", "2") in support


def test_the_page_as_of_a_day(api: TestClient) -> None:
    html = _page(api, "/read/agreements/GBR-RWA", as_of="2023-11-14")
    assert [c.attributes["data-source"] for c in html.css(".source-card")] == [KEYS["gbr-signed"]]
    assert first(html, "#current-status .status").text(strip=True) == "signed"
    index = _page(api, "/read", as_of="2023-11-14")
    assert [a.text(strip=True) for a in index.css("#agreements td a")] == ["United Kingdom → Rwanda", "Israel → Uganda"]
    assert api.get("/read/agreements/USA-RWA", params={"as_of": "2020-01-01"}).status_code == 404


def test_each_source_page_marks_every_claims_evidence_in_its_text(api: TestClient) -> None:
    for name, key in KEYS.items():
        html = _page(api, f"/read/sources/{key}")
        assert first(html, "#text").text(deep=True) == DOCS[name].text
        spans = marked_spans(html)
        expected = {
            f"{item['claim']['key']}:{i}": {
                "claim": item["claim"]["key"],
                "role": e["role"],
                "start": e["start"],
                "end": e["end"],
                "text": e["text"],
            }
            for item in api.get(f"/sources/{key}").json()["claims"]
            for i, e in enumerate(item["claim"]["evidence"])
        }
        assert spans == expected, name
        for span in spans.values():
            assert DOCS[name].text[span["start"] : span["end"]] == span["text"]
        agreements = [a.text(strip=True) for a in html.css("a.agreement-link")]
        assert agreements == sorted({a.key for a in DOCS[name].fragment().agreements})
    by_role: dict[str, int] = defaultdict(int)
    for mark in _page(api, f"/read/sources/{KEYS['rwa-deal']}").css("#text mark"):
        by_role[str(mark.attributes["data-role"])] += 1
    assert set(by_role) == {"value", "official", "group"}


def test_index_and_missing_pages(api: TestClient) -> None:
    index = _page(api, "/read")
    assert [a.attributes["href"] for a in index.css("#agreements td a")] == [
        "/read/agreements/GBR-RWA",
        "/read/agreements/ISR-UGA",
        "/read/agreements/USA-RWA",
        "/read/agreements/USA-SWZ",
    ]
    assert api.get("/read/agreements/USA-ALB").status_code == 404
    assert api.get("/read/sources/" + "0" * 64).status_code == 404
    assert api.get("/read/sources/not-a-key").status_code == 422
    assert "/read" not in api.get("/openapi.json").json()["paths"]


def test_docs_load_swagger_ui_from_this_server_only(api: TestClient) -> None:
    html = api.get("/docs").text
    assets = [
        node.attributes.get("src") or node.attributes.get("href") for node in HTMLParser(html).css("script, link")
    ]
    assert assets and all(str(a).startswith("/static/swagger-ui/") for a in assets if a), assets
    assert "cdn" not in html.lower()
    for asset in assets:
        if asset:
            fetched = api.get(str(asset))
            assert fetched.status_code == 200 and len(fetched.content) > 1000, asset
    bundle = api.get("/static/swagger-ui/swagger-ui-bundle.js")
    assert "javascript" in bundle.headers["content-type"]
    assert api.get("/redoc").status_code == 404  # dropped: it too came from a CDN
    assert api.get("/docs/oauth2-redirect").status_code == 200
