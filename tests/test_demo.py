"""`make demo` serves a healthy API, and Ctrl-C stops the store it started."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from dakg.store import EmbeddedServer


@pytest.mark.integration
def test_make_demo_serves_health_and_ctrl_c_stops_everything(
    serve: Callable[..., object], free_port: int, tmp_path: Path, cli_env: Callable[..., dict[str, str]]
) -> None:
    data = tmp_path / "demo"
    env = cli_env(PORT=str(free_port), DEMO_DATA=str(data))
    served = serve(["make", "--no-print-directory", "demo"], free_port, env)
    health = httpx.get(f"{served.url}/health", timeout=10).json()  # type: ignore[attr-defined]
    assert health["status"] == "ok"
    server = EmbeddedServer(data)
    assert server.is_running()
    status = served.interrupt()  # type: ignore[attr-defined]
    # make passes Ctrl-C on and then dies of the same signal, as a shell would: -SIGINT, or 2/130 from a wrapper.
    assert status in (0, 2, 130, -signal.SIGINT), served.output()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 30
    while server.is_running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not server.is_running(), "the demo left its embedded store running"
