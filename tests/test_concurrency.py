"""Two writers at once on one store: `dakg ingest` and `POST /documents` of a real `dakg serve`, with the same
documents, different ones, and versions of one document (the same URL, another text), while a reader reads.
Every document is written once, every document has one current version, reprint groups are consistent, and
the reader never sees a document half-written."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from dakg.config import Settings
from dakg.store import open_store

from .conftest import VENV_BIN
from .graph_checks import check_invariants
from .stores import API_TOKEN, settings_env

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]
STORY = "https://example.org/story"  # the document that gets versions from both writers


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "demo").glob("*.txt"))]


# On Neo4j, whose transactions run side by side (FalkorDB runs one query at a time: the same code, no interleaving)
@pytest.mark.stores("neo4j")
def test_ingest_and_post_documents_at_once(
    settings: Settings,
    own_api: Callable[..., str],
    tmp_path: Path,
    cli_env: Callable[..., dict[str, str]],
) -> None:
    url = own_api()
    texts = _texts()
    shared = [f"{t}\n\nShared copy {i}.\n" for i, t in enumerate(texts[:4])]  # by both writers
    by_ingest = [f"{t}\n\nIngest copy {i}.\n" for i, t in enumerate(texts[4:8])]
    by_post = [f"{t}\n\nPosted copy {i}.\n" for i, t in enumerate(texts[:4])]  # reprints of the shared ones
    versions = [f"{texts[0]}\n\nVersion {v} of the story.\n" for v in range(4)]
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, text in enumerate(shared):
        (folder / f"shared{i}.txt").write_text(text, encoding="utf-8")
    for i, text in enumerate(by_ingest):
        (folder / f"ingest{i}.txt").write_text(text, encoding="utf-8")
    for v in (0, 2):  # versions 0 and 2 through ingest, 1 and 3 over HTTP
        (folder / f"version{v}.md").write_text(f"---\nurl: {STORY}\n---\n{versions[v]}", encoding="utf-8")

    posted: list[tuple[str, int]] = []
    observed: dict[str, set[int]] = {}  # source key -> claim counts a reader saw
    stop = threading.Event()
    headers = {"Authorization": f"Bearer {API_TOKEN}"}

    def post(documents: list[dict[str, str]]) -> None:
        with httpx.Client(base_url=url, timeout=120, headers=headers) as client:
            for body in documents:
                response = client.post("/documents", json=body)
                posted.append((body["text"][-30:], response.status_code))

    def read() -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            while not stop.is_set():
                for item in client.get("/sources", params={"limit": 200}).json()["items"]:
                    one = client.get(f"/sources/{item['key']}", params={"claims_limit": 200})
                    if one.status_code == 200:
                        observed.setdefault(item["key"], set()).add(one.json()["claims_total"])

    env = cli_env(**settings_env(settings), DAKG_NLP_BATCH_SIZE="1")
    ingest = subprocess.Popen(
        [str(VENV_BIN / "dakg"), "ingest", str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    writers = [
        threading.Thread(target=post, args=([{"text": t} for t in shared + by_post],)),
        threading.Thread(target=post, args=([{"text": versions[v], "url": STORY} for v in (1, 3)],)),
    ]
    reader = threading.Thread(target=read)
    reader.start()
    for writer in writers:
        writer.start()
    _, err = ingest.communicate(timeout=600)
    for writer in writers:
        writer.join()
    time.sleep(0.5)
    stop.set()
    reader.join()
    assert ingest.returncode == 0, err.decode()[-2000:]
    assert sorted(status for _, status in posted) == [200] * 10, posted

    store = open_store(settings, start_embedded=False)
    try:
        check_invariants(store)
        rows, _ = store.run(
            "MATCH (s:Source) OPTIONAL MATCH (s)-[:CLAIMS]->(c:Claim) RETURN s.key AS key, s.text AS text, "
            "s.document AS document, s.superseded_by AS superseded_by, s.reprint_group AS grp, count(c) AS claims"
        )
    finally:
        store.close()
    every = shared + by_ingest + by_post + versions
    # Each text written once: as many sources as distinct texts (cleaning strips the trailing newline only).
    assert len(rows) == len(every) == len({r["text"] for r in rows}) == len({r["key"] for r in rows})
    story = [r for r in rows if r["document"] == STORY]
    assert len(story) == 4
    current = [r for r in story if r["superseded_by"] is None]
    assert len(current) == 1  # one current version; the others each superseded by another version of the story
    keys = {r["key"] for r in story}
    assert all(r["superseded_by"] in keys for r in story if r is not current[0])
    chain, seen = current[0]["key"], set()
    by_next = {r["superseded_by"]: r["key"] for r in story if r["superseded_by"]}
    while chain in by_next and chain not in seen:  # the versions form one line, newest to oldest
        seen.add(chain)
        chain = by_next[chain]
    assert len(seen) == 3
    # Reprint groups: every group is named by a member that is in it, and each reprint shares its original's group
    # or the two are joined by no later copy (two copies written at the very same moment, as the README says).
    groups = {r["key"]: r["grp"] for r in rows}
    assert all(groups.get(g) == g for g in groups.values())
    # Readers saw each source whole: only ever its final number of claims.
    final = {r["key"]: r["claims"] for r in rows}
    assert observed, "the reader read nothing"
    assert {key: counts for key, counts in observed.items() if counts != {final[key]}} == {}


@pytest.mark.stores("neo4j")
def test_writes_and_removals_on_one_agreement_at_once_never_deadlock(settings: Settings) -> None:
    """Every write and removal takes the graph's version first and stamps the agreements it changes: four writers
    and a remover on the same two agreements at once all succeed (on Neo4j a lock taken in another order was a
    deadlock, and a stamp set while another write held the agreement too)."""
    from dakg.answers import overview
    from dakg.ingest.load import load_fragment, remove_source

    from .corpus import Doc

    store = open_store(settings, start_embedded=False)
    store.apply_schema()
    failures: list[BaseException] = []

    def doc(n: int) -> Doc:
        text = f"Report {n}: Rwanda agreed to take people the United States and Britain deport."
        found = Doc(text=text, title=f"Report {n}", published="2025-08-01", url=f"https://example.org/r{n}")
        found.claim("USA-RWA", "status", "agreed", text)
        found.claim("GBR-RWA", "status", "agreed", text)
        return found

    def writer(first: int) -> None:
        try:
            for n in range(first, first + 12):
                load_fragment(store, doc(n).fragment())
        except BaseException as exc:  # collected, asserted below
            failures.append(exc)

    def remover() -> None:
        try:
            for _ in range(12):
                fragment = doc(999).fragment()
                load_fragment(store, fragment)
                remove_source(store, fragment.source.key)
        except BaseException as exc:
            failures.append(exc)

    try:
        threads = [threading.Thread(target=writer, args=(100 * i,)) for i in range(4)]
        threads.append(threading.Thread(target=remover))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert failures == []
        check_invariants(store)
        keys = ["GBR-RWA", "USA-RWA"]
        cache = overview.OverviewCache()
        assert cache.get(store, keys, None, 0.4) == overview._overviews(store, keys, None, 0.4)
        assert cache.get(store, keys, None, 0.4)["USA-RWA"].sources == 48
    finally:
        store.run("MATCH (n) DETACH DELETE n", write=True)
        store.close()
