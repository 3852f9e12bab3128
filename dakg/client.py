"""A small client for notebooks and scripts: the API's answers as Python data, or as pandas DataFrames.

    from dakg.client import Client
    api = Client("http://127.0.0.1:8000")
    rows = api.claims(host="RWA")            # one dict per claim, with its agreement and source
    frame = api.frame(rows)                  # a pandas DataFrame (pandas is optional: pip install pandas)
    weak = api.claims(host="RWA", min_confidence=0)  # also the pairs whose direction the text leaves weak

``min_confidence`` (every answer about agreements; default: the server's DAKG_MIN_CONFIDENCE) counts a source's
report on an agreement only when its most confident claim about it reaches it.

Only the standard library is used for HTTP, so the client works wherever dakg is installed.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

from dakg.errors import DakgError


class ApiError(DakgError):
    """The API answered with an error (its problem document's detail is the message)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


class Client:
    def __init__(self, base_url: str = "http://127.0.0.1:8000", *, token: str | None = None, timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def _request(self, method: str, path: str, params: dict[str, Any] | None = None, body: Any = None) -> Any:
        query = urllib.parse.urlencode({k: v for k, v in (params or {}).items() if v is not None}, doseq=True)
        url = f"{self.base_url}{path}" + (f"?{query}" if query else "")
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            try:
                detail = json.loads(exc.read()).get("detail", exc.reason)
            except (ValueError, AttributeError):
                detail = str(exc.reason)
            raise ApiError(exc.code, str(detail)) from exc
        except urllib.error.URLError as exc:
            raise DakgError(f"cannot reach {self.base_url}: {exc.reason}") from exc

    def _pages(self, path: str, params: dict[str, Any], page_size: int = 100) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            page = self._request("GET", path, {**params, "offset": offset, "limit": page_size})
            yield from page["items"]
            offset += len(page["items"])
            if not page["items"] or offset >= page["total"]:
                return

    def agreements(
        self,
        *,
        host: str | None = None,
        deporting: str | None = None,
        status: str | None = None,
        sources_limit: int = 200,
        as_of: str | None = None,
        min_confidence: float | None = None,
    ) -> list[dict[str, Any]]:
        """Every agreement matching the filters (all pages), each with up to ``sources_limit`` sources (at most
        200; ``sources_truncated`` says when an agreement has more: page through ``agreement`` for the rest)."""
        params = {
            "host": host,
            "deporting": deporting,
            "status": status,
            "sources_limit": sources_limit,
            "as_of": as_of,
            "min_confidence": min_confidence,
        }
        return list(self._pages("/agreements", params, page_size=20))

    def agreement(self, key: str, *, as_of: str | None = None, min_confidence: float | None = None) -> dict[str, Any]:
        params = {"as_of": as_of, "min_confidence": min_confidence}
        return dict(self._request("GET", f"/agreements/{key}", params))

    def timeline(
        self,
        key: str,
        *,
        fields: list[str] | None = None,
        as_of: str | None = None,
        min_confidence: float | None = None,
    ) -> list[dict[str, Any]]:
        """An agreement's claims in the order of their sources' dates (undated last), every page."""
        params = {"fields": fields, "as_of": as_of, "min_confidence": min_confidence}
        return list(self._pages(f"/agreements/{key}/timeline", params))

    def disputes(
        self, field: str | None = None, *, as_of: str | None = None, min_confidence: float | None = None
    ) -> list[dict[str, Any]]:
        return list(self._pages("/disputes", {"field": field, "as_of": as_of, "min_confidence": min_confidence}))

    def export(self, name: str, **filters: Any) -> str:
        """An export as text: claims.csv, agreements.csv, sources.csv, graph.graphml or claims.jsonld (filters:
        host, deporting, published_from, published_to, min_confidence)."""
        query = urllib.parse.urlencode({k: v for k, v in filters.items() if v is not None})
        url = f"{self.base_url}/export/{name}" + (f"?{query}" if query else "")
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise ApiError(exc.code, str(exc.reason)) from exc
        except urllib.error.URLError as exc:
            raise DakgError(f"cannot reach {self.base_url}: {exc.reason}") from exc

    def sources(self, **filters: Any) -> list[dict[str, Any]]:
        return list(self._pages("/sources", filters))

    def source(self, key: str, *, include_text: bool = False) -> dict[str, Any]:
        return dict(self._request("GET", f"/sources/{key}", {"include_text": str(include_text).lower()}))

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        return list(self._request("GET", "/search", {"q": q, "limit": limit}))

    def ingest(self, text: str, **metadata: Any) -> dict[str, Any]:
        """POST /documents (needs the client's token)."""
        return dict(self._request("POST", "/documents", body={"text": text, **metadata}))

    def claims(self, **filters: Any) -> list[dict[str, Any]]:
        """One row per claim about the matching agreements: the agreement, the source, the claim and its quote."""
        rows = []
        for agreement in self.agreements(**filters):
            for entry in agreement["sources"]:
                source = entry["source"]
                for claim in entry["claims"]:
                    rows.append(
                        {
                            "agreement": agreement["key"],
                            "deporting": agreement["deporting"]["key"],
                            "host": agreement["host"]["key"],
                            "source": source["key"],
                            "title": source.get("title"),
                            "outlet": source.get("outlet"),
                            "url": source.get("url"),
                            "published": source.get("published"),
                            "source_status": entry.get("status"),
                            **{k: claim.get(k) for k in ("field", "value", "currency", "negated", "detail")},
                            "value_name": _value_name(claim),
                            **{k: claim.get(k) for k in ("quote", "start", "end", "confidence")},
                            "basis": claim.get("basis") or "text",
                        }
                    )
        return rows

    @staticmethod
    def frame(rows: list[dict[str, Any]]) -> Any:
        """Rows as a pandas DataFrame (pandas is not a dependency of dakg: install it in your notebook)."""
        try:
            import pandas
        except ImportError as exc:
            raise DakgError("Client.frame needs pandas: pip install pandas (the rows themselves need nothing)") from exc
        return pandas.DataFrame(rows)


def _value_name(claim: dict[str, Any]) -> str | None:
    """What an official or covers claim's value names: the official's name, the people as the source says."""
    if claim.get("official"):
        return str(claim["official"].get("name") or claim["official"]["key"])
    if claim.get("migrant_group"):
        return str(claim["migrant_group"].get("description") or claim["migrant_group"]["key"])
    return None
