"""Where spaCy parses during ingest: beside the process that extracts and writes, not in it.

Parsing is most of ingest's work, and extraction and the store's writes come right after it for every document.
In one process they take turns; with the parse in a child process, this process extracts and writes document
*n* while the child parses document *n + 1*, and a run takes about as long as its parse alone (measured in
``benchmarks/ingest.py``: the README's *Performance*).

``piped(nlp, texts, batch_size, processes)`` gives each text's ``Doc`` in order:

- ``processes`` of 2 or more: spaCy's own ``n_process`` (that many children);
- 0: here, in this process (a worker of ``dakg.ingest.workers`` is already one of several);
- 1: one child, forked from this process (the pipeline is not loaded again; its parses come back as bytes), when
  called from the main thread on a platform that forks (Linux). The child runs only the pipeline's components
  (spaCy's worker loop), which take none of the locks other threads here may hold (the store client's, the
  progress display's); CPython renews its own (imports, logging) in a forked child, and spaCy's ``n_process``
  forks the same way. The child ends with this process, even when it is killed (a parent-death signal).
  Elsewhere (a request thread of the API, a platform that spawns, where the child would load
  the pipeline again) the parse runs in this process, as it always did.

A document the child cannot parse makes the pipe raise here, as an in-process pipe would, and the caller parses
that batch again one document at a time (``dakg.ingest.pipeline.extract_all``).
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import _pipe as spacy_pipe_stage

from dakg.store.lifetime import die_with_parent


def fork_is_safe() -> bool:
    """True where the parse may go to a forked child: the main thread, on a platform whose processes fork."""
    return multiprocessing.get_start_method(allow_none=False) == "fork" and (
        threading.current_thread() is threading.main_thread()
    )


def piped(nlp: Language, texts: Iterable[str], batch_size: int, processes: int) -> Iterator[Doc]:
    """Every text's parse, in order: in ``processes`` child processes (one child if 1 and forking is safe, see the
    module's notes), else here."""
    if processes == 0:
        yield from nlp.pipe(texts, batch_size=batch_size)
    elif processes > 1:
        yield from _ending_children(nlp.pipe(texts, batch_size=batch_size, n_process=processes))
    elif fork_is_safe():
        yield from _ending_children(_one_child(nlp, texts, batch_size))
    else:
        yield from nlp.pipe(texts, batch_size=batch_size)


def _ending_children(docs: Iterator[Doc]) -> Iterator[Doc]:
    """The children's parses; when the caller stops before the end (the store went away, an error, Ctrl-C), the
    children the pipe started are ended first. spaCy's pipe, closed early, waits for its workers to finish, and a
    worker blocked on a full channel never does: seen in CI as an ingest that hung after its store was killed."""
    before = set(multiprocessing.active_children())  # the pipe starts its workers at the first document asked for
    try:
        for doc in docs:  # noqa: UP028 (not "yield from": it would close the pipe before the children end)
            yield doc
    except GeneratorExit:
        for child in set(multiprocessing.active_children()) - before:
            child.terminate()
        close = getattr(docs, "close", None)
        if close is not None:
            with warnings.catch_warnings():  # spaCy's W127 ("not all processes exited with 0"): we ended them
                warnings.simplefilter("ignore")
                close()  # spaCy's own cleanup: its join now returns at once
        raise


def _one_child(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """spaCy's multi-process pipe with a single worker (its public ``pipe`` parses in this process when asked for
    one). The worker runs the same components with the same settings as ``nlp.pipe`` would here; spaCy 3.8's
    ``Language._multiprocessing_pipe`` and ``spacy.util._pipe`` are what its ``pipe`` calls for
    ``n_process`` above 1 (``tests/test_parsing.py`` checks that the parses are the same)."""
    pipes = [functools.partial(_ending_with_owner, die_with_parent())] + [
        functools.partial(
            spacy_pipe_stage,
            proc=proc,
            name=name,
            kwargs={"batch_size": batch_size},
            default_error_handler=nlp.default_error_handler,
        )
        for name, proc in nlp.pipeline
    ]
    yield from nlp._multiprocessing_pipe(texts, pipes, 1, batch_size)


def _ending_with_owner(preexec: Callable[[], None], docs: Iterable[Doc]) -> Iterator[Doc]:
    """The child's first stage, on each batch: it asks for a parent-death signal (``dakg.store.lifetime``), so the
    child ends with the process it parses for, however that ends (even by SIGKILL, which leaves it no time to
    tell the child). A Ctrl-C reaches the whole process group; the child leaves it to its owner, which ends the
    pipe (and so the child) as it stops, instead of printing a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    preexec()
    yield from docs
