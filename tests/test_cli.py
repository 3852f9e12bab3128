"""The `dakg` command: a help that explains, and errors as one clear line with a non-zero exit."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

DAKG = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "dakg")


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DAKG, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def test_help_lists_the_commands(cli_env: Callable[..., dict[str, str]]) -> None:
    out = _run(cli_env(), "--help")
    assert out.returncode == 0
    for command in ("db", "schema", "serve", "demo", "settings", "check-queries"):
        assert command in out.stdout


def test_bad_setting_is_one_line_and_nonzero(cli_env: Callable[..., dict[str, str]], tmp_path: Path) -> None:
    out = _run(cli_env(DAKG_DATA_DIR=str(tmp_path), DAKG_QUERY_TIMEOUT_MS="soon"), "schema", "status")
    assert out.returncode == 1
    assert out.stderr.startswith("error: bad setting")
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_db_commands_refuse_a_non_embedded_store(cli_env: Callable[..., dict[str, str]]) -> None:
    out = _run(cli_env(DAKG_STORE_URL="neo4j://localhost:1"), "db", "status")
    assert out.returncode == 1
    assert (
        out.stderr.strip()
        == "error: DAKG_STORE_URL is 'neo4j://localhost:1'; `dakg db` manages only the embedded store"
    )


def test_unreachable_neo4j_is_one_line(cli_env: Callable[..., dict[str, str]], free_port: int) -> None:
    out = _run(cli_env(DAKG_STORE_URL=f"neo4j://127.0.0.1:{free_port}"), "schema", "status")
    assert out.returncode == 1
    assert out.stderr.startswith("error: ")
    assert "unreachable" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_serve_on_a_busy_port_is_one_line(cli_env: Callable[..., dict[str, str]], tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = _run(cli_env(DAKG_DATA_DIR=str(tmp_path)), "serve", "--port", str(port))
    assert out.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in out.stderr
    assert "Traceback" not in out.stderr


def test_settings_lists_every_setting_with_help(cli_env: Callable[..., dict[str, str]]) -> None:
    from dakg.config import Settings

    out = _run(cli_env(DAKG_API_TOKEN="s3cret-value"), "settings")
    assert out.returncode == 0
    for name in Settings.model_fields:
        assert f"DAKG_{name.upper()}=" in out.stdout
    assert "s3cret-value" not in out.stdout
