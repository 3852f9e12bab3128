"""Helpers shared by the benchmarks."""

from __future__ import annotations

import multiprocessing as mp
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
