"""What the search index needs of each passage: its index words and the states it names.

This is most of the work of ingesting a large corpus (two scans of every character in Python: the
tokenizer and the gazetteer), and it is pure: text in, words and codes out. So a large ingest hands
it to worker processes while the main process reads the next documents and writes the previous
batch, and a small one (a letter, a few reports) does it in-process, without paying for a start-up.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import NamedTuple

from onward.evidence.text import index_text
from onward.gazetteer import Gazetteer

# Below this many bytes of input, starting a worker costs more than it saves.
PARALLEL_FROM_BYTES = 4 * 1024 * 1024
MAX_WORKERS = 4
AHEAD_PER_WORKER = 8


class Annotation(NamedTuple):
    """A passage's index words (``onward.evidence.text.index_text``) and the codes of the states it names."""

    tokens: str
    named: frozenset[str]


def annotate(texts: Sequence[str]) -> list[Annotation]:
    """The annotation of each text, in order."""
    codes_in = Gazetteer.default().codes_in
    return [Annotation(index_text(text), frozenset(codes_in(text))) for text in texts]


def _start_worker(parent: int) -> None:
    """Build the gazetteer (while the main process reads the first chunk) and follow the parent's fate.

    A worker waits on its queue forever; should the ingest be killed (SIGKILL, the machine's OOM killer),
    nothing would tell it. A watcher thread ends it once it has been handed to another parent.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="onward-parent-watch", daemon=True).start()
    Gazetteer.default()


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """``fork``, where it exists and is safe: in a process with one thread (the CLI, a script).

    A forked worker starts in milliseconds with the modules already imported and never re-runs the
    caller's main module (``spawn`` does, which breaks scripts without a ``__main__`` guard); forking a
    process with other threads (a web server) could copy a lock held by one of them, so there the
    work stays in-process.
    """
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")


class Annotator:
    """Annotates batches of texts, in worker processes or in-process; results come back as futures.

    Workers are used for a large input on a machine with more than one core, from a single-threaded
    process (see ``_fork_context``). Use as a context manager.
    """

    def __init__(self, input_bytes: int, workers: int | None = None) -> None:
        """``workers``: how many processes (0: in-process); by default, one per spare core for a large input."""
        context = _fork_context()
        if workers is None:
            workers = min((os.cpu_count() or 1) - 1, MAX_WORKERS) if input_bytes >= PARALLEL_FROM_BYTES else 0
        self.workers = workers if context is not None else 0
        # Chunks sent ahead of the one being written: enough to keep every worker busy while this process
        # writes a transaction; each is ANNOTATE_PASSAGES passages of memory.
        self.ahead = self.workers * AHEAD_PER_WORKER
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 0:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
            )

    def __enter__(self) -> Annotator:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, texts: list[str]) -> Future[list[Annotation]]:
        if self._pool is not None:
            return self._pool.submit(annotate, texts)
        done: Future[list[Annotation]] = Future()
        done.set_result(annotate(texts))
        return done
