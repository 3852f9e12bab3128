"""Where ingest's parse runs (dakg.ingest.parsing): one forked child by default, with the parses this process would
make; in this process where a fork is not safe; a document the child cannot parse raises here."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from dakg.ingest.nlp import get_pipeline
from dakg.ingest.parsing import fork_is_safe, piped
from dakg.store import lifetime

from .test_lifetime import gone_within

pytestmark = pytest.mark.integration

TEXTS = [
    "The interior ministry said on Monday that the first group of deportees had landed in the capital.",
    "Officials in both countries declined to say how many people the arrangement would cover.",
    "A court in the sending state will hear the challenge next month, lawyers for the men said.",
    "No date was given.",
    "The agreement, signed last week, runs for five years and may be renewed once.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_pipeline("en_core_web_md")


def _children_while(docs: Iterator[object]) -> tuple[list[object], list[int]]:
    """The items of ``docs`` and the number of live child processes seen after each."""
    items, children = [], []
    for item in docs:
        items.append(item)
        children.append(len(multiprocessing.active_children()))
    return items, children


def test_one_process_parses_in_one_child_with_the_parses_made_here(nlp: Language) -> None:
    here = [doc.to_json() for doc in nlp.pipe(TEXTS, batch_size=2)]
    docs, children = _children_while(piped(nlp, TEXTS, 2, 1))
    assert [doc.to_json() for doc in docs] == here  # type: ignore[attr-defined]
    assert set(children) == {1}
    assert multiprocessing.active_children() == []  # the child ends with the pipe


def test_from_another_thread_the_parse_stays_in_this_process(nlp: Language) -> None:
    seen: dict[str, bool] = {}
    found: list[tuple[list[object], list[int]]] = []

    def run() -> None:
        seen["safe"] = fork_is_safe()
        found.append(_children_while(piped(nlp, TEXTS, 2, 1)))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert fork_is_safe() is True and seen["safe"] is False
    docs, children = found[0]
    assert set(children) == {0}
    assert [d.to_json() for d in docs] == [d.to_json() for d in nlp.pipe(TEXTS)]  # type: ignore[attr-defined]


def test_a_text_the_child_cannot_parse_raises_here(nlp: Language) -> None:
    too_long = "word " * (nlp.max_length // 5 + 10)
    with pytest.raises(ValueError):
        list(piped(nlp, [TEXTS[0], too_long, TEXTS[1]], 1, 1))
    assert multiprocessing.active_children() == []


# An owner that parses an endless stream in one child, writes the child's pid once it runs, and says "stopped" when
# interrupted (as `dakg ingest` ends on Ctrl-C); a new session of its own, so a signal to its group reaches no test.
OWNER = """
import itertools, multiprocessing, sys
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.parsing import piped
nlp = get_pipeline("en_core_web_md")
texts = itertools.repeat("The ministry said the flights would go on.")
try:
    for i, _doc in enumerate(piped(nlp, texts, 2, 1)):
        if i == 20:
            open(sys.argv[1], "w").write(str(multiprocessing.active_children()[0].pid))
except KeyboardInterrupt:
    print("stopped", file=sys.stderr)
"""


@pytest.fixture
def owner_and_child(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A running owner and the pid of its parse child; whatever a test leaves running is killed afterwards."""
    pid_file = tmp_path / "child.pid"
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER, str(pid_file)], stderr=subprocess.PIPE, start_new_session=True
    )
    child = 0
    try:
        deadline = time.monotonic() + 120
        while not pid_file.exists() or not pid_file.read_text():
            assert time.monotonic() < deadline and owner.poll() is None
            time.sleep(0.1)
        child = int(pid_file.read_text())
        assert lifetime.alive(child)
        yield owner, child
    finally:  # a test that failed leaves nothing behind: the child first, as it holds the owner's stderr open
        if child and lifetime.alive(child):
            os.kill(child, signal.SIGKILL)
        if owner.poll() is None:
            owner.kill()
        owner.communicate()


def test_the_parse_child_ends_when_its_owner_is_killed(owner_and_child: tuple[subprocess.Popen[bytes], int]) -> None:
    owner, child = owner_and_child
    owner.send_signal(signal.SIGKILL)
    owner.wait()  # not communicate(): a child that outlives its owner keeps the owner's stderr open
    assert gone_within([child], 5.0) == []


def test_a_ctrl_c_to_the_group_stops_the_owner_and_the_child_quietly(
    owner_and_child: tuple[subprocess.Popen[bytes], int],
) -> None:
    owner, child = owner_and_child
    os.killpg(owner.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    _out, err = owner.communicate(timeout=30)
    assert err.decode().strip() == "stopped"  # no traceback from the child
    assert gone_within([child], 5.0) == []


_STOP_EARLY = """
import multiprocessing, sys, time
from dakg.ingest.nlp import get_pipeline
from dakg.ingest.parsing import piped
nlp = get_pipeline("en_core_web_md")
text = " ".join(["Officials said the first group of deportees had landed in the capital on Friday."] * 400)
docs = piped(nlp, (text for _ in range(40)), 1, int(sys.argv[1]))
next(docs)
time.sleep(3)  # the child fills its channel while nobody reads
started = time.perf_counter()
docs.close()
print(f"{time.perf_counter() - started:.1f}", len(multiprocessing.active_children()))
"""


@pytest.mark.skipif(not fork_is_safe(), reason="the parse runs in this process where forking is not safe")
@pytest.mark.parametrize("processes", [1, 2])
def test_a_pipe_closed_early_ends_its_children_at_once(processes: int) -> None:
    """An ingest that stops early (its store went away) closes the parse; spaCy's pipe, closed while its worker
    is blocked on a full channel, used to wait for it for ever (seen in CI; reproduced by this script)."""
    run = subprocess.Popen(
        [sys.executable, "-c", _STOP_EARLY, str(processes)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # on a hang, its parse workers are ended with it (they are not its owner's to end)
    )
    try:
        out, err = run.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail("closing the pipe early hung for 120 s")
    assert run.returncode == 0, err[-2000:]
    seconds, left = out.split()
    assert float(seconds) < 10 and left == "0"
