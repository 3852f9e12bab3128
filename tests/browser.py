"""Headless Chromium from Debian's packages, driven by a Playwright-core script in tools/node: shared by the
browser tests (Neo4j Browser, the reading pages and /docs). No test tool ever downloads a browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from .stores import REPO, skip_or_fail

NODE_DIR = REPO / "tools" / "node"
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "artifacts"
# The demo corpus's four sources on the United States sending people to Rwanda (corpus/demo/01, 02, 03, 14).
US_RWANDA_TITLES = frozenset(
    {
        "Rwanda confirms talks with Washington on taking in deportees",
        "Rwanda agrees to accept up to 250 migrants deported from the US",
        "First deportees from the US land in Kigali",
        "Analysis: Kigali and Washington still negotiating, officials insist",
    }
)


def run_in_chromium(script: str, request: dict[str, Any], timeout: int = 240) -> dict[str, Any]:
    """Run ``tools/node/<script>`` with ``request`` (JSON on stdin, Chromium's path added) and return what it
    printed as JSON. Skips saying what is missing (fails instead where DAKG_REQUIRE_NEO4J=1, as in CI)."""
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing (Debian: chromium chromium-driver; `make browser` installs it as root)")
    if shutil.which("node") is None or not (NODE_DIR / "node_modules" / "playwright-core").is_dir():
        skip_or_fail("playwright-core is not installed in tools/node (`make install`)")
    done = subprocess.run(
        ["node", str(NODE_DIR / script)],
        input=json.dumps({**request, "chromium": str(CHROMIUM)}),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=NODE_DIR,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout))
