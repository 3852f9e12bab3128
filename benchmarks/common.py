"""Helpers shared by the benchmarks."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path
from typing import Any


def in_child(target: Any, *args: Any) -> dict[str, Any]:
    """Run ``target(*args, queue)`` in a fresh (spawned) process and return what it puts on the queue.

    Each measurement gets a clean interpreter: nothing warmed up or allocated by an earlier one, and its own
    peak RSS.
    """
    context = mp.get_context("spawn")
    queue = context.Queue()
    proc = context.Process(target=target, args=(*args, queue))
    proc.start()
    result: dict[str, Any] = queue.get(timeout=3600)
    proc.join()
    return result


STORES = ("falkordb", "neo4j")


class BenchStore:
    """A fresh store server of the benchmark's own, in ``folder``: the embedded FalkorDB or a local Neo4j 5."""

    def __init__(self, kind: str, folder: Path, graph: str) -> None:
        from dakg.store import EmbeddedServer, LocalNeo4j

        self.kind = kind
        self.folder = folder
        self.graph = graph
        self.server: EmbeddedServer | LocalNeo4j = (
            EmbeddedServer(folder) if kind == "falkordb" else LocalNeo4j(folder / "neo4j")
        )

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        self.server.stop()

    def values(self, **overrides: Any) -> dict[str, Any]:
        """Settings values (plain, picklable: the password in clear) for a store on this server."""
        from dakg.store import LocalNeo4j

        values: dict[str, Any] = (
            {"store_url": self.server.bolt_url, "neo4j_password": self.server.password}
            if isinstance(self.server, LocalNeo4j)
            else {"data_dir": str(self.folder), "graph": self.graph}
        )
        return {**values, **overrides}

    def settings(self, **overrides: Any) -> Any:
        from dakg.config import Settings

        return Settings(**self.values(**overrides))

    def env(self) -> dict[str, str]:
        """DAKG_* settings for a `dakg` subprocess on this store."""
        from dakg.store import LocalNeo4j

        if isinstance(self.server, LocalNeo4j):
            return {"DAKG_STORE_URL": self.server.bolt_url, "DAKG_NEO4J_PASSWORD": self.server.password}
        return {"DAKG_DATA_DIR": str(self.folder), "DAKG_GRAPH": self.graph}

    def memory(self) -> str | None:
        """The server's memory: FalkorDB's own figure, or the Neo4j JVM's peak resident set."""
        from dakg.store import LocalNeo4j

        if isinstance(self.server, LocalNeo4j):
            pid = self.server.pid()
            if pid is None:
                return None
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return f"{int(line.split()[1]) / 1024:.0f}M peak RSS (heap {self.server.heap})"
            return None
        used = self.server.info().get("used_memory")
        return str(used) if used is not None else None


def parse_stores(value: str) -> list[str]:
    stores = [s.strip() for s in value.split(",") if s.strip()]
    unknown = [s for s in stores if s not in STORES]
    if unknown or not stores:
        raise SystemExit(f"--stores: {', '.join(unknown) or 'none'} not among {', '.join(STORES)}")
    return stores
