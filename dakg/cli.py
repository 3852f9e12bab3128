"""The ``dakg`` command line. Errors print as one line on stderr with a non-zero exit; ``--debug`` shows tracebacks."""

from __future__ import annotations

import json
import logging
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from dakg import __version__
from dakg.config import Settings, get_settings
from dakg.errors import DakgError
from dakg.store import EmbeddedServer, GraphStore, open_store

app = typer.Typer(
    name="dakg",
    help=(
        "Knowledge graph of third-country deportation agreements.\n\n"
        "Ingest articles into a claim-first graph (every fact with its source, quote and offsets) and serve it "
        "over a REST API. Settings are DAKG_* environment variables; `dakg settings` lists them."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
db_app = typer.Typer(help="Manage the embedded FalkorDB store (DAKG_STORE_URL=embedded).", no_args_is_help=True)
schema_app = typer.Typer(help="Uniqueness rules and indexes of the graph.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(schema_app, name="schema")

_state: dict[str, bool] = {"debug": False}


def _settings() -> Settings:
    try:
        return get_settings()
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        first = str(exc).splitlines()
        raise DakgError(f"bad setting: {' '.join(first[1:3]) if len(first) > 2 else exc}") from exc


@contextmanager
def _store(start_embedded: bool = True) -> Iterator[GraphStore]:
    store = open_store(_settings(), start_embedded=start_embedded)
    try:
        yield store
    finally:
        store.close()


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    _state["debug"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not debug:
        # The driver logs every retry and routing failure; the one-line error says what matters.
        logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    if version:
        typer.echo(__version__)
        raise typer.Exit()


# --- db ----------------------------------------------------------------------------------------------------


def _server() -> EmbeddedServer:
    settings = _settings()
    if settings.store_kind != "embedded":
        raise DakgError(f"DAKG_STORE_URL is {settings.store_url!r}; `dakg db` manages only the embedded store")
    return EmbeddedServer(settings.data_dir, settings.embedded_port)


@db_app.command("start")
def db_start() -> None:
    """Start the embedded store in DAKG_DATA_DIR (no-op if it runs) and apply the schema."""
    server = _server()
    started = server.start()
    with _store(start_embedded=False) as store:
        created = store.apply_schema()
    typer.echo(f"{'started' if started else 'already running'}: embedded FalkorDB in {server.data_dir}")
    if created:
        typer.echo(f"schema: created {len(created)} rules and indexes")


@db_app.command("stop")
def db_stop() -> None:
    """Save the data and stop the embedded store."""
    server = _server()
    typer.echo("stopped" if server.stop() else f"not running in {server.data_dir}")


@db_app.command("status")
def db_status() -> None:
    """Show whether the embedded store runs, where its files are and how much memory it uses."""
    info = _server().info()
    _echo_json(info)
    if not info["running"]:
        raise typer.Exit(3)


# --- schema ------------------------------------------------------------------------------------------------


@schema_app.command("apply")
def schema_apply() -> None:
    """Create the uniqueness rules and indexes that are missing (safe to run any number of times)."""
    with _store() as store:
        created = store.apply_schema()
    typer.echo("\n".join(created) if created else "schema already applied; nothing to do")


@schema_app.command("status")
def schema_status() -> None:
    """List the rules and indexes the store lacks; exit 1 if any."""
    with _store() as store:
        status = store.schema_status()
    _echo_json({"applied": status.applied, "missing": status.missing})
    if not status.applied:
        raise typer.Exit(1)


# --- serve -------------------------------------------------------------------------------------------------

HostOption = Annotated[str, typer.Option(help="Interface to listen on.", envvar="HOST")]
PortOption = Annotated[int, typer.Option(help="Port to listen on.", envvar="PORT", min=1, max=65535)]


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise DakgError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another with PORT=...") from exc


def _serve(host: str, port: int) -> None:
    import uvicorn

    from dakg.api import create_app

    _check_port_free(host, port)
    settings = _settings()
    typer.echo(f"serving on http://{host}:{port} (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


@app.command()
def serve(host: HostOption = "127.0.0.1", port: PortOption = 8000) -> None:
    """Serve the REST API (OpenAPI docs at /docs). Starts the embedded store if none runs, and stops it at exit."""
    _serve(host, port)


@app.command()
def demo(host: HostOption = "127.0.0.1", port: PortOption = 8000) -> None:
    """Load the bundled demo corpus into the store, then serve the API until Ctrl-C."""
    _serve(host, port)


@app.command("settings")
def show_settings() -> None:
    """Print every DAKG_* setting with its current value (secrets masked) and what it does."""
    settings = _settings()
    for name, field in Settings.model_fields.items():
        value = getattr(settings, name)
        typer.echo(f"DAKG_{name.upper()}={value if value is not None else ''}")
        typer.echo(f"    {field.description}")


@app.command("queries")
def list_queries() -> None:
    """List the named queries in cypher/ with their parameters."""
    from dakg.store import all_queries

    for query in all_queries():
        suffix = f" [{query.dialect} only]" if query.dialect else ""
        typer.echo(f"{query.name}{suffix} ({query.mode}; params: {', '.join(query.params) or 'none'})")
        if query.description:
            typer.echo(f"    {query.description}")


@app.command("check-queries")
def check_queries() -> None:
    """Check every cypher/ file: common subset of both stores, FalkorDB EXPLAIN, Neo4j 5 lint. Exit 1 on findings."""
    from dakg.store import all_queries
    from dakg.store.checks import common_subset_problems, explain_on_falkordb, lint_neo4j
    from dakg.store.falkordb import FalkorStore

    queries = all_queries()
    findings = [f for q in queries for f in common_subset_problems(q)]
    with _store() as store:
        if isinstance(store, FalkorStore):
            store.apply_schema()  # EXPLAIN needs the graph to exist
            findings += [f for q in queries for f in explain_on_falkordb(store.graph, q)]
    findings += lint_neo4j(queries)
    for finding in findings:
        typer.echo(str(finding))
    typer.echo(f"{len(queries)} queries checked, {len(findings)} findings", err=True)
    if findings:
        raise typer.Exit(1)


def main() -> None:
    """Entry point: run the CLI, turning DakgError into one line on stderr and exit status 1."""
    try:
        app()
    except DakgError as exc:
        if _state["debug"]:
            raise
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
