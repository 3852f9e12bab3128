"""The package as users install it: the wheel, in a fresh virtualenv outside the repository, run from elsewhere.

The third-party dependencies are made importable without installing them again: a .pth file in the fresh
environment names the project environment's site-packages. A plain path line does not run the .pth files in
that folder (among them the editable install's finder), so `dakg` can only come from the wheel; the test
checks that it does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from dakg.store import EmbeddedServer

from .conftest import REPO

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bin folder of a fresh virtualenv (outside the repository) with the freshly built wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    assert REPO not in base.parents
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(base), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = base.glob("dakg-*.whl")
    venv = base / "venv"
    base_python = Path(getattr(sys, "_base_executable", sys.executable))
    subprocess.run([str(base_python), "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(purelib) / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert pip.returncode == 0, pip.stderr
    yield venv / "bin"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAKG_", "COVERAGE_"))}
    env.pop("PYTHONPATH", None)
    env.update(extra)
    return env


def _run(cmd: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=_env(**env), capture_output=True, text=True, timeout=600, check=False)


def test_dakg_is_imported_from_the_wheel_with_its_data(installed: Path, tmp_path: Path) -> None:
    code = (
        "import json, dakg, dakg.cli, dakg.answers.agreements;"
        "from dakg.store import all_queries;"
        "print(json.dumps({'dakg': dakg.__file__, 'answers': dakg.answers.agreements.__file__,"
        "'corpus': str(dakg.cli.demo_corpus()), 'queries': len(all_queries())}))"
    )
    found = _run([str(installed / "python"), "-c", code], cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    paths = json.loads(found.stdout)
    venv = installed.parent
    for name in ("dakg", "answers", "corpus"):
        assert Path(paths[name]).is_relative_to(venv), (name, paths[name])  # not the checkout
    assert Path(paths["corpus"]).is_dir() and len(list(Path(paths["corpus"]).glob("*.txt"))) >= 10
    assert paths["queries"] == len(list((REPO / "cypher").glob("*.cypher")))
    demo = _run([str(installed / "dakg"), "demo", "--help"], cwd=tmp_path)
    assert demo.returncode == 0 and "Load the bundled demo corpus" in demo.stdout


def test_extract_serve_and_ingest_from_the_wheel(
    installed: Path, tmp_path: Path, free_port: int, serve: Callable[..., object]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Ghana confirms it will take in deportees\n\n"
        "Ghana has agreed to accept West Africans deported from the United States, the foreign ministry said on "
        "Wednesday. The first group of fourteen people arrived in Accra the same week.\n",
        encoding="utf-8",
    )
    dakg = str(installed / "dakg")
    extracted = _run([dakg, "extract", str(article)], cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    [fragment] = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [a["key"] for a in fragment["agreements"]] == ["USA-GHA"]
    data = tmp_path / "store"
    env = _env(DAKG_DATA_DIR=str(data), DAKG_GRAPH="wheel")
    try:
        served = serve([dakg, "serve", "--port", str(free_port)], free_port, env, cwd=tmp_path)
        url: str = served.url  # type: ignore[attr-defined]
        health = httpx.get(url + "/health", timeout=10)
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert httpx.get(url + "/agreements", timeout=10).json()["total"] == 0
        loaded = _run([dakg, "ingest", str(article)], cwd=tmp_path, DAKG_DATA_DIR=str(data), DAKG_GRAPH="wheel")
        assert loaded.returncode == 0, loaded.stderr
        assert "1 new, 0 unchanged, 0 replaced, 0 failed" in loaded.stderr
        page = httpx.get(url + "/agreements", timeout=10).json()
        assert [(a["key"], a["sources_total"]) for a in page["items"]] == [("USA-GHA", 1)]
        assert page["items"][0]["sources"][0]["source"]["title"] == "Ghana confirms it will take in deportees"
        # The installed wheel carries the reading pages' templates and serves /docs without the network.
        reading = httpx.get(url + "/read/agreements/USA-GHA", timeout=10)
        assert reading.status_code == 200 and "Ghana confirms it will take in deportees" in reading.text
        assert httpx.get(url + "/static/swagger-ui/swagger-ui-bundle.js", timeout=10).status_code == 200
        assert httpx.get(url + "/export/claims.csv", timeout=10).text.startswith("agreement,deporting,host,")
        served.interrupt()  # type: ignore[attr-defined]
        deadline = time.monotonic() + 30
        while EmbeddedServer(data).is_running() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not EmbeddedServer(data).is_running(), "serve left the store it started running"
    finally:
        EmbeddedServer(data).stop()
        shutil.rmtree(data, ignore_errors=True)
