"""A folder of thousands of small files: read in time and memory that grow in step with the number of files, and
`dakg ingest` shows its progress also when its output goes to a log or a pipe (no terminal)."""

from __future__ import annotations

import re
import subprocess
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from dakg.ingest.read import RawDocument, read_documents
from dakg.store import EmbeddedServer

REPO = Path(__file__).resolve().parents[1]
DAKG = str(REPO / ".venv" / "bin" / "dakg")
HOSTS = ("Rwanda", "Uganda", "Eswatini", "Ghana", "Kosovo")


def _folder(root: Path, count: int) -> Path:
    """``count`` small documents, each its own text, in folders of 500 (as a year of monitoring might be kept)."""
    for i in range(count):
        folder = root / f"batch{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"doc{i:05d}.txt").write_text(
            f"Report {i}: {HOSTS[i % len(HOSTS)]} has agreed to accept migrants deported from the United States "
            f"under the arrangement described in dispatch number {i}.\n",
            encoding="utf-8",
        )
    return root


def _read(folder: Path) -> tuple[int, float, int]:
    """Documents read from ``folder`` (each dropped as read), the seconds it took, the peak memory traced."""
    started = time.perf_counter()
    tracemalloc.start()
    try:
        count = sum(1 for item in read_documents([folder], 100_000) if isinstance(item, RawDocument))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return count, time.perf_counter() - started, peak


def test_reading_a_folder_grows_in_step_with_its_files(tmp_path: Path) -> None:
    small, large = _folder(tmp_path / "small", 500), _folder(tmp_path / "large", 2_000)
    _read(small)  # warm: imports, caches
    count_small, seconds_small, peak_small = _read(small)
    count_large, seconds_large, peak_large = _read(large)
    assert (count_small, count_large) == (500, 2_000)
    # Four times the files: at most about four times the time and the memory (the paths found are held: ~0.3 KB
    # a file); a cost that grew with the square of the files would be sixteen times.
    assert seconds_large < 6 * seconds_small + 0.2, (seconds_small, seconds_large)
    assert peak_large < 6 * peak_small, (peak_small, peak_large)
    assert peak_large < 2_000 * 1_000, peak_large


def _rss(pid: int) -> int:
    """The resident memory of a process in bytes (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    kb = next((line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")), "0")
    return int(kb) * 1024


PROGRESS = re.compile(r"progress: ([\d,]+) of 600 documents, [\d.]+ docs/s, [\d,]+ words/s, ([\d,.]+) s$")


@pytest.mark.integration
def test_ingest_of_600_small_files_shows_progress_without_a_terminal(
    cli_env: Callable[..., dict[str, str]], tmp_path: Path
) -> None:
    docs = _folder(tmp_path / "docs", 600)
    env = cli_env(DAKG_DATA_DIR=str(tmp_path / "store"))
    try:
        run = subprocess.Popen([DAKG, "ingest", str(docs)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        peaks: list[int] = [0]
        while run.poll() is None:
            peaks.append(_rss(run.pid))
            time.sleep(0.5)
        _, err = run.communicate(timeout=600)
    finally:
        EmbeddedServer(tmp_path / "store").stop()
    lines = err.decode().splitlines()
    assert run.returncode == 0, lines[-5:]
    assert "600 new, 0 unchanged, 0 replaced, 0 failed" in lines[-1]
    progress = [PROGRESS.match(line) for line in lines if line.startswith("progress: ")]
    assert all(progress), [line for line in lines if line.startswith("progress: ")]
    counts = [int(m.group(1).replace(",", "")) for m in progress if m]
    assert set(range(100, 601, 100)) <= set(counts)  # a line every 100 documents (more where 10 s passed)
    assert counts == sorted(counts)
    at = {int(m.group(1).replace(",", "")): float(m.group(2).replace(",", "")) for m in progress if m}
    first, second = at[300] - at[100], at[600] - at[400]  # 200 documents each, the store's graph growing
    assert second < 2.5 * first, (first, second)  # in step with the files: no cost that grows with the graph
    assert 50 * 1024 * 1024 < max(peaks) < 1_000 * 1024 * 1024, max(peaks)  # spaCy loaded; under 1 GB
