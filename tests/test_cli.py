"""The `dakg` command in this process: a help that explains, and errors as one clear line with a non-zero exit.
(`dakg extract`, `ingest`, `serve` and `demo` as subprocesses, with the spaCy model, are integration tests.)"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

from dakg import __version__
from dakg.config import Settings
from dakg.store import EmbeddedServer, all_queries

from .conftest import CliResult

Cli = Callable[..., CliResult]


def test_help_lists_the_commands(cli: Cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for command in ("db", "schema", "serve", "demo", "ingest", "extract", "eval", "remove", "settings", "queries"):
        assert f" {command} " in result.out
    version = cli("--version")
    assert (version.code, version.out) == (0, f"{__version__}\n")


def test_bad_setting_is_one_line_and_nonzero(cli: Cli, tmp_path: Path) -> None:
    result = cli("schema", "status", DAKG_DATA_DIR=str(tmp_path), DAKG_QUERY_TIMEOUT_MS="soon")
    assert result.code == 1
    assert result.err.startswith("error: bad setting")
    assert len(result.err.strip().splitlines()) == 1


def test_db_commands_refuse_a_non_embedded_store(cli: Cli) -> None:
    result = cli("db", "status", DAKG_STORE_URL="neo4j://localhost:1")
    assert result.code == 1
    assert result.err == "error: DAKG_STORE_URL is 'neo4j://localhost:1'; `dakg db` manages only the embedded store\n"


def test_unreachable_neo4j_is_one_line(cli: Cli, free_port: int) -> None:
    result = cli("schema", "status", DAKG_STORE_URL=f"neo4j://127.0.0.1:{free_port}")
    assert result.code == 1
    assert result.err.startswith(f"error: Neo4j at neo4j://127.0.0.1:{free_port}, database 'neo4j' is unreachable")
    assert len(result.err.strip().splitlines()) == 1


def test_serve_and_demo_on_a_busy_port_are_one_line(cli: Cli, tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        served = cli("serve", "--port", str(port), DAKG_DATA_DIR=str(tmp_path))
        demo = cli("demo", "--port", str(port), DAKG_DATA_DIR=str(tmp_path))
    for result in (served, demo):
        assert result.code == 1
        assert result.err.startswith(f"error: cannot listen on 127.0.0.1:{port} ")
    assert not EmbeddedServer(tmp_path).is_running()  # refused before any store was started
    missing = cli("demo", "--corpus", str(tmp_path / "nothing"), DAKG_DATA_DIR=str(tmp_path))
    assert (
        missing.err == f"error: no demo corpus at {tmp_path / 'nothing'}; pass --corpus PATH to a folder of documents\n"
    )


def test_settings_lists_every_setting_with_its_value_and_masks_secrets(cli: Cli) -> None:
    result = cli("settings", DAKG_API_TOKEN="s3cret-value", DAKG_STORE_URL="bolt://neo4j:pw@db:7687")
    assert result.code == 0
    names = [line.split("=", 1)[0] for line in result.out.splitlines() if not line.startswith(" ")]
    assert names == [f"DAKG_{name.upper()}" for name in Settings.model_fields]
    assert "s3cret-value" not in result.out and "DAKG_API_TOKEN=**********\n" in result.out
    assert "DAKG_STORE_URL=bolt://neo4j:****@db:7687\n" in result.out


def test_queries_lists_every_named_query(cli: Cli) -> None:
    result = cli("queries")
    listed = [line.split(" ", 1)[0] for line in result.out.splitlines() if not line.startswith(" ")]
    assert listed == [q.name for q in all_queries()]
    assert "write_document (write; params: source, countries, officials, agreements" in result.out


def test_schema_apply_twice_creates_nothing_the_second_time(cli: Cli, embedded_server: EmbeddedServer) -> None:
    env = {"DAKG_DATA_DIR": str(embedded_server.data_dir), "DAKG_GRAPH": "cli_schema"}
    missing = cli("schema", "status", **env)
    assert missing.code == 1 and json.loads(missing.out)["applied"] is False
    first = cli("schema", "apply", **env)
    assert first.code == 0 and "unique Source.key" in first.out.splitlines()
    second = cli("schema", "apply", **env)
    assert second.out == "schema already applied; nothing to do\n"
    status = cli("schema", "status", **env)
    assert status.code == 0 and json.loads(status.out) == {"applied": True, "missing": []}
    assert cli("remove", "0" * 64, **env).err == f"error: no source with key {'0' * 64}\n"
    from dakg.store import open_store

    store = open_store(Settings(data_dir=embedded_server.data_dir, graph="cli_schema"), start_embedded=False)
    store.graph.delete()  # type: ignore[attr-defined]
    store.close()


def test_db_status_of_a_folder_with_no_store(cli: Cli, tmp_path: Path) -> None:
    result = cli("db", "status", DAKG_DATA_DIR=str(tmp_path))
    assert result.code == 3
    assert json.loads(result.out)["running"] is False
    assert cli("db", "stop", DAKG_DATA_DIR=str(tmp_path)).out == f"not running in {tmp_path}\n"


def test_production_needs_a_token_of_32_characters_said_in_one_line_without_the_token(
    cli: Callable[..., CliResult],
) -> None:
    short = cli("settings", DAKG_ENVIRONMENT="production", DAKG_API_TOKEN="x7")
    assert (short.code, short.err) == (
        1,
        "error: bad setting: DAKG_API_TOKEN has 2 characters; production needs at least 32 "
        "(python -c 'import secrets; print(secrets.token_urlsafe(32))' makes one)\n",
    )
    bad = cli("settings", DAKG_QUERY_TIMEOUT_MS="1")
    assert bad.err == "error: bad setting: DAKG_QUERY_TIMEOUT_MS: Input should be greater than or equal to 10\n"
    long = cli("settings", DAKG_ENVIRONMENT="production", DAKG_API_TOKEN="k" * 32)
    assert long.code == 0 and "k" * 32 not in long.out  # masked
