"""Graph stores behind one interface (import as ``dakg.store``): embedded FalkorDB by default, Neo4j 5 in production.

``open_store(settings)`` picks the adapter from ``DAKG_STORE_URL``; with ``embedded`` it starts the project's
own FalkorDB server when none runs in ``DAKG_DATA_DIR``, with ``neo4j-local`` the local Neo4j server in
``DAKG_NEO4J_DIR``, and, if it started it and was asked to own it, stops it again at ``close()`` (and a watchdog
stops it when the owner ends without closing it: ``dakg.store.lifetime``).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from dakg.config import NEO4J_LOCAL, Settings
from dakg.errors import StoreUnavailable
from dakg.store.base import GraphStore, Limits, Row, SchemaStatus, WriteStats, check_params
from dakg.store.embedded import EmbeddedServer
from dakg.store.neo4j_server import LocalNeo4j
from dakg.store.queries import NamedQuery, all_queries, get_query

log = logging.getLogger("dakg.store")

__all__ = [
    "EmbeddedServer",
    "GraphStore",
    "Limits",
    "LocalNeo4j",
    "NamedQuery",
    "Row",
    "SchemaStatus",
    "WriteStats",
    "all_queries",
    "check_params",
    "get_query",
    "open_store",
]


# Neo4j runs every read it is sent at once, each on its own time limit: fifty at once on a store with two cores each
# take fifty times as long and run over it together. FalkorDB queues reads itself.
NEO4J_CONCURRENT_READS = 4


def limits_from(settings: Settings) -> Limits:
    return Limits(
        read_timeout_ms=settings.query_timeout_ms,
        write_timeout_ms=settings.write_timeout_ms,
        max_rows=settings.max_rows,
        concurrent_reads=settings.concurrent_reads
        or (NEO4J_CONCURRENT_READS if settings.store_kind == "neo4j" else None),
        read_queue_ms=settings.read_queue_ms,
    )


def open_store(settings: Settings, *, start_embedded: bool = True, own: bool = False) -> GraphStore:
    """Connect to the configured store; with ``embedded``, start the server if needed (and allowed).

    With ``own``, a server this call started is stopped again when the store is closed (what `dakg serve`
    and `dakg demo` do); otherwise it keeps running for other commands until `dakg db stop`.
    """
    store: GraphStore
    if settings.store_url == NEO4J_LOCAL:
        store = _open_local_neo4j(settings, start_embedded, own)
    elif settings.store_kind == "neo4j":
        from dakg.store.neo4j import Neo4jStore

        store = Neo4jStore(
            settings.store_url,
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
            limits=limits_from(settings),
        )
    else:
        store = _open_falkordb(settings, start_embedded, own)
    try:
        store.ping()
    except StoreUnavailable:
        store.close()
        raise
    return store


def _open_local_neo4j(settings: Settings, start: bool, own: bool) -> GraphStore:
    """The local Neo4j server in DAKG_NEO4J_DIR (started if needed and allowed), through Bolt."""
    from dakg.store.neo4j import Neo4jStore

    server = LocalNeo4j.from_settings(settings)
    started = False
    if not server.is_running():
        if not start:
            raise StoreUnavailable(f"no local Neo4j runs in {server.folder}; start it with `dakg neo4j start`")
        started = server.start(owned=own)
        if started and not own:
            log.warning("started Neo4j in %s; it keeps running (`dakg neo4j stop`)", server.folder)
    return Neo4jStore(
        server.bolt_url,
        user=settings.neo4j_user,
        password=server.password,
        database=settings.neo4j_database,
        limits=limits_from(settings),
        server=server,
        owns_server=started and own,
    )


def _open_falkordb(settings: Settings, start_embedded: bool, own: bool) -> GraphStore:
    from falkordb import FalkorDB

    from dakg.store.falkordb import FalkorStore

    limits = limits_from(settings)
    client_timeout = max(settings.query_timeout_ms, settings.write_timeout_ms) / 1000 + 5
    if settings.store_kind == "embedded":
        server = EmbeddedServer(settings.data_dir, settings.embedded_port)
        started = False
        if not server.is_running():
            if not start_embedded:
                raise StoreUnavailable(f"no embedded store runs in {server.data_dir}; start it with `dakg db start`")
            started = server.start(owned=own)
            if started and not own:
                log.warning("started the embedded store in %s; it keeps running (`dakg db stop`)", server.data_dir)
        client = FalkorDB(unix_socket_path=str(server.socket_path), socket_timeout=client_timeout)
        return FalkorStore(
            client,
            graph=settings.graph,
            where=str(server.data_dir),
            server=server,
            owns_server=started and own,
            limits=limits,
        )
    else:
        parts = urlsplit(settings.store_url)
        if parts.scheme == "unix":
            client = FalkorDB(unix_socket_path=parts.path, socket_timeout=client_timeout)
            where = parts.path
        else:
            client = FalkorDB(
                host=parts.hostname or "localhost",
                port=parts.port or 6379,
                username=parts.username,
                password=parts.password,
                socket_timeout=client_timeout,
            )
            where = f"{parts.hostname}:{parts.port or 6379}"
    return FalkorStore(client, graph=settings.graph, where=where, limits=limits)
