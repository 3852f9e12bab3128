"""`dakg extract` and `dakg ingest` as a user runs them: the JSON shape, one line per bad file, exit status."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from dakg.store import EmbeddedServer

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]
DAKG = str(REPO / ".venv" / "bin" / "dakg")


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DAKG, *args], env=env, capture_output=True, text=True, timeout=600, check=False)


def test_extract_prints_the_documented_shape(cli_env: Callable[..., dict[str, str]]) -> None:
    out = _run(cli_env(), "extract", str(REPO / "corpus" / "demo" / "02_us_rwanda_agreed.txt"), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    [line] = out.stdout.strip().splitlines()
    fragment = json.loads(line)
    assert {"source", "countries", "officials", "agreements", "migrant_groups"} <= set(fragment)
    assert {"key", "path", "title", "url", "published", "text"} <= set(fragment["source"])
    assert {"key": "RWA"}.items() <= next(c for c in fragment["countries"] if c["key"] == "RWA").items()
    official = fragment["officials"][0]
    assert {"key", "name", "country", "role", "quote", "start", "end"} <= set(official)
    agreement = next(a for a in fragment["agreements"] if a["key"] == "USA-RWA")
    assert (agreement["deporting"], agreement["host"]) == ("USA", "RWA")
    statuses = [(c["value"], c["quote"][:40]) for c in agreement["claims"] if c["field"] == "status"]
    assert statuses == [
        ("agreed", "Rwanda agrees to accept up to 250 migran"),  # the headline
        ("agreed", "Rwanda has agreed to accept up to 250 mi"),
        ("signed", "The agreement was concluded in Kigali in"),
    ]
    caps = [c for c in agreement["claims"] if c["field"] == "cap"]
    assert [(c["value"], [e["text"] for e in c["evidence"] if e["role"] == "value"]) for c in caps] == [
        (250, ["up to 250"]),
        (250, ["up to 250"]),
    ]
    text = fragment["source"]["text"]
    for claim in agreement["claims"]:
        assert {"field", "value", "quote", "start", "end", "confidence", "evidence", "rules"} <= set(claim)
        assert text[claim["start"] : claim["end"]] == claim["quote"]
        for span in claim["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
    group = fragment["migrant_groups"][0]
    assert {"description", "nationalities", "size", "quote", "start", "end"} <= set(group)


def test_ingest_reports_bad_files_in_one_line_each_and_exits_1(
    cli_env: Callable[..., dict[str, str]], tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Uganda has agreed to accept migrants deported from the United States.")
    (docs / "binary.txt").write_bytes(bytes(range(256)))
    (docs / "empty.md").write_text("")
    env = cli_env(DAKG_DATA_DIR=str(tmp_path / "store"))
    try:
        out = _run(env, "ingest", str(docs))
        assert out.returncode == 1
        skipped = [line for line in out.stderr.splitlines() if line.startswith("skipped: ")]
        assert len(skipped) == 2
        assert any("binary.txt: binary file" in line for line in skipped)
        assert any("empty.md: empty file" in line for line in skipped)
        assert "1 new, 0 unchanged, 0 replaced, 2 failed" in out.stderr
        again = _run(env, "ingest", str(docs / "good.txt"))
        assert again.returncode == 0
        assert "0 new, 1 unchanged" in again.stderr
        assert "Traceback" not in out.stderr + again.stderr
    finally:
        EmbeddedServer(tmp_path / "store").stop()


def test_eval_prints_scores(cli_env: Callable[..., dict[str, str]]) -> None:
    heldout = REPO / "tests" / "data" / "heldout"
    out = _run(cli_env(), "eval", str(heldout / "gold.json"), str(heldout))
    assert out.returncode == 0, out.stderr
    scores = json.loads(out.stdout)
    assert (scores["documents"], scores["min_confidence"]) == (10, 0.4)
    everything = json.loads(
        _run(cli_env(), "eval", "--min-confidence", "0", str(heldout / "gold.json"), str(heldout)).stdout
    )
    # weaker pairs only add to what the default shows
    assert everything["agreement_pairs"]["tp"] >= scores["agreement_pairs"]["tp"]
    assert everything["agreement_pairs"]["tp"] + everything["agreement_pairs"]["fp"] >= (
        scores["agreement_pairs"]["tp"] + scores["agreement_pairs"]["fp"]
    )


def test_eval_names_a_document_it_cannot_read_and_scores_it_as_unmatched(
    cli_env: Callable[..., dict[str, str]], tmp_path: Path
) -> None:
    heldout = REPO / "tests" / "data" / "heldout"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    gold = json.loads((heldout / "gold.json").read_text(encoding="utf-8"))[:2]
    (corpus / gold[0]["source_file"]).write_text((heldout / gold[0]["source_file"]).read_text(encoding="utf-8"))
    (corpus / gold[1]["source_file"]).write_bytes(b"")  # empty: refused
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = _run(cli_env(), "eval", str(tmp_path / "gold.json"), str(corpus))
    assert out.returncode == 0, out.stderr
    assert [line for line in out.stderr.splitlines() if line.startswith("skipped: ")] == [
        f"skipped: {corpus / gold[1]['source_file']}: empty file"
    ]
    scores = json.loads(out.stdout)
    assert (scores["documents"], scores["unmatched_gold"]) == (1, [gold[1]["source_file"]])
