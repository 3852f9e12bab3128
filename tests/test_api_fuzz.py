"""The OpenAPI schema is the API's contract: Schemathesis runs every one of its checks against a live server and
any failure fails the suite.

Checks (``--checks all``): no 5xx; every status code, content type, header and body as the schema declares them;
schema-valid requests accepted and schema-invalid ones (negative data: wrong types, out-of-range numbers, strings
breaking patterns, missing and extra fields) refused; undeclared methods answered 405; a missing token refused.
The phases are Schemathesis's own: the schema's examples, a coverage phase of boundary values, then random
fuzzing, in positive and negative modes. What a schema cannot say (that a document's text must hold prose) is
configured in ``tests/schemathesis.toml``, with the reason.

It posts documents, so it runs on a server and graph of its own (the hand-written corpus, HTTP ingest on). The
seed is new every run and printed: a failure is replayed with ``st run ... --seed N``.
"""

from __future__ import annotations

import random
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from .stores import API_TOKEN, VENV_BIN

pytestmark = pytest.mark.integration
STORES = ("falkordb",)  # the API's behaviour, on the embedded store; Neo4j answers alike (test_store_parity.py)

CONFIG = Path(__file__).with_name("schemathesis.toml")
EXAMPLES_PER_OPERATION = 35  # over the 17 operations (50 gave 2,170 cases in 111 s on CI; the floor below holds)
MIN_CASES = 1000


def _ingest_ready(api: str, seconds: float = 300.0) -> list[str]:
    """The /health ingest states seen until ``ready`` (the models load in the background after start-up)."""
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = httpx.get(f"{api}/health", timeout=30).json()["ingest"]
        if not seen or seen[-1] != state:
            seen.append(state)
        if state == "ready":
            break
        time.sleep(0.2)
    return seen


def test_the_server_keeps_its_openapi_contract(own_api: Callable[..., str], tmp_path: Path) -> None:
    api = own_api(corpus=True)
    # A document posted while the models load waits for them (CI once took over a minute): the contract is
    # checked on a server that says it is ready, as a client is told to wait for.
    assert _ingest_ready(api)[-1] == "ready"
    seed = random.randrange(2**31)
    started = time.monotonic()
    run = subprocess.run(
        [
            str(VENV_BIN / "st"),
            "--config-file",
            str(CONFIG),
            "run",
            f"{api}/openapi.json",
            "--checks",
            "all",
            "--mode",
            "all",
            "--header",
            f"Authorization: Bearer {API_TOKEN}",
            "--max-examples",
            str(EXAMPLES_PER_OPERATION),
            "--workers",
            "1",
            "--seed",
            str(seed),
            "--continue-on-failure",
            "--no-color",
            "--request-timeout",
            "60",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    seconds = time.monotonic() - started
    output = run.stdout + run.stderr
    summary = re.search(r"(\d+) generated, (\d+) passed", output)
    assert run.returncode == 0 and summary is not None, f"seed {seed}, {seconds:.0f} s:\n{output[-6000:]}"
    generated, passed = int(summary.group(1)), int(summary.group(2))
    assert generated == passed >= MIN_CASES, output[-3000:]
    if "No issues found" not in output:
        # One warning is allowed, and only this one: a source's key is the SHA-256 of its text, so a generated key
        # names no source and answers 404 (its contract, which the checks hold it to). With some seeds few requests
        # reach a real key, and Schemathesis reports "missing test data" for GET /sources/{key}. It cannot be
        # silenced for one operation alone (its display setting is global), so the test reads the warnings.
        block = output.split("WARNINGS", 1)[-1].split("SUMMARY", 1)[0]
        listed = re.findall(r"^\s+- (\S+ \S+)\s*$", block, re.M)
        assert re.search(r"\b1 warning in\b", output), output[-3000:]
        assert block.strip(" =\n").startswith("Missing test data") and listed == ["GET /sources/{key}"], output[-3000:]
    assert re.search(r"Selected: 17/17\s+Tested: 17\b", output), output[-3000:]  # every operation the API declares
    print(f"schemathesis: {generated} cases, 0 failures, seed {seed}, {seconds:.0f} s")
