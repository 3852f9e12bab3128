"""Examples for the OpenAPI docs, taken from what the API answers on the bundled demo corpus.

`tests/test_api.py` checks that every quote here is word for word in the demo corpus, so they cannot drift
from what the demo serves.
"""

from __future__ import annotations

from typing import Any

AGREEMENT: dict[str, Any] = {
    "key": "USA-RWA",
    "name": "United States → Rwanda",
    "deporting": {"key": "USA", "name": "United States"},
    "host": {"key": "RWA", "name": "Rwanda"},
    "current_status": {
        "value": "implemented",
        "source": "4faf9f16b6bb93f92259eb0ccd3e16bfac55c5bbc86168274268c278d283fd00",
        "published": "2025-08-28",
        "rule": "the status of the most recently published source that gives one (its last "
        "terminal claim, else its most confident)",
    },
    "disputed": True,
    "disputes": ["status"],
    "sources_total": 4,
    "claims_total": 14,
    "sources": [
        {
            "source": {
                "key": "4faf9f16b6bb93f92259eb0ccd3e16bfac55c5bbc86168274268c278d283fd00",
                "title": "First deportees from the US land in Kigali",
                "outlet": "East Africa Monitor (demo)",
                "url": "https://example.org/demo/first-arrivals-kigali",
                "published": "2025-08-28",
            },
            "status": "implemented",
            "claims": [
                {
                    "key": "c-8647a3288ad8949da5add489a86e79b3",
                    "field": "status",
                    "value": "implemented",
                    "currency": None,
                    "negated": False,
                    "detail": None,
                    "quote": "Seven people deported from the United States have arrived in Rwanda, the "
                    "first group under the deal between the two countries, a government "
                    "spokesperson confirmed.",
                    "start": 44,
                    "end": 207,
                    "confidence": 0.81,
                },
                {
                    "key": "c-a1c74a23ad35a3dde332eeebfdbc9a03",
                    "field": "status",
                    "value": "agreed",
                    "currency": None,
                    "negated": False,
                    "detail": None,
                    "quote": "Critics say the scheme lets the US outsource its obligations.",
                    "start": 440,
                    "end": 501,
                    "confidence": 0.24,
                },
            ],
        },
        {
            "source": {
                "key": "697a5a52734616e24ee1cb8fd933e5dccfd127b755ac7ccd62a28b1514c8f382",
                "title": "Analysis: Kigali and Washington still negotiating, officials insist",
                "outlet": "Policy Brief Weekly (demo)",
                "url": "https://example.org/demo/still-negotiating",
                "published": "2025-08-12",
            },
            "status": "under_negotiation",
            "claims": [
                {
                    "key": "c-f9362e4a5d4383d4ebffb7e7bae2b513",
                    "field": "status",
                    "value": "under_negotiation",
                    "currency": None,
                    "negated": False,
                    "detail": None,
                    "quote": "Rwanda and the United States are still negotiating the terms of a "
                    "deportation arrangement, two Rwandan officials said this week, even as "
                    "some reports described a finished deal.",
                    "start": 69,
                    "end": 245,
                    "confidence": 0.41,
                }
            ],
        },
    ],
    "sources_truncated": True,
}
DISPUTE: dict[str, Any] = {
    "agreement": "USA-RWA",
    "name": "United States → Rwanda",
    "field": "status",
    "sides": [
        {
            "value": "agreed",
            "currency": None,
            "detail": None,
            "negated": False,
            "sources": [
                {
                    "key": "0c0dc4cbd0f77c50c5262ce2b8fb741f986cedff5cda67399f0ceefcfaa344f3",
                    "title": "Rwanda agrees to accept up to 250 migrants deported from the US",
                    "outlet": "Continental Dispatch (demo)",
                    "url": "https://example.org/demo/rwanda-250",
                    "published": "2025-08-05",
                }
            ],
        },
        {
            "value": "implemented",
            "currency": None,
            "detail": None,
            "negated": False,
            "sources": [
                {
                    "key": "4faf9f16b6bb93f92259eb0ccd3e16bfac55c5bbc86168274268c278d283fd00",
                    "title": "First deportees from the US land in Kigali",
                    "outlet": "East Africa Monitor (demo)",
                    "url": "https://example.org/demo/first-arrivals-kigali",
                    "published": "2025-08-28",
                }
            ],
        },
        {
            "value": "under_negotiation",
            "currency": None,
            "detail": None,
            "negated": False,
            "sources": [
                {
                    "key": "697a5a52734616e24ee1cb8fd933e5dccfd127b755ac7ccd62a28b1514c8f382",
                    "title": "Analysis: Kigali and Washington still negotiating, officials insist",
                    "outlet": "Policy Brief Weekly (demo)",
                    "url": "https://example.org/demo/still-negotiating",
                    "published": "2025-08-12",
                }
            ],
        },
    ],
}
DOCUMENT_IN: dict[str, Any] = {
    "text": "Uganda has agreed to accept migrants deported from the United States, the foreign ministry said.",
    "format": "text",
    "title": "Uganda agrees to receive some US deportees",
    "outlet": "Lake Victoria Post (demo)",
    "published": "2025-08-21",
}
