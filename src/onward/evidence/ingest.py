"""Taking documents in: read each file, cut it into located passages, index them, one document at a time.

``onward ingest reports/ letter.txt fiw_texts_2017_2023.jsonl.gz`` reads every supported file,
identifies each document by the SHA-256 of its content (so ingesting it again is a no-op) and
writes it whole in one transaction (so an ingest killed halfway leaves no half-written document,
and rerunning it resumes; small documents share a transaction, each still whole or absent). A
corrupt, encrypted, empty or oversized file is skipped with the reason and the run goes on; the
report counts what was added, already there and skipped. ``on_document`` is called after each
document is settled (committed or skipped): the CLI draws its progress bar with it.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from onward.errors import InputError, StoreError
from onward.evidence.annotate import Annotation, Annotator
from onward.evidence.readers import SUPPORTED, ReadDocument, Reader, reader_for
from onward.evidence.readers.base import READ_LIMITS
from onward.evidence.sourcemeta import SourceMeta, SourceMetaFile
from onward.model.evidence import EvidenceDocument, IndexedPassage, Passage
from onward.settings import ReadLimits
from onward.store import Store
from onward.store import evidence as evidence_store

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
BATCH_PASSAGES = 10_000
ANNOTATE_PASSAGES = 2000


class Outcome(StrEnum):
    ADDED = "added"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class DocumentEvent:
    """What happened to one document (or to a file that could not be read): the progress bar's step."""

    path: Path
    outcome: Outcome
    document_id: str | None = None
    title: str | None = None
    passages: int = 0
    reason: str | None = None


@dataclass
class IngestReport:
    """Counts of one ingest run, and every skipped file with its reason."""

    files: int = 0
    added: int = 0
    unchanged: int = 0
    skipped: int = 0
    passages: int = 0
    bytes_read: int = 0
    events: list[DocumentEvent] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def record(self, event: DocumentEvent) -> None:
        self.events.append(event)
        if event.outcome is Outcome.ADDED:
            self.added += 1
            self.passages += event.passages
        elif event.outcome is Outcome.UNCHANGED:
            self.unchanged += 1
        else:
            self.skipped += 1

    def summary(self) -> str:
        return (
            f"{self.files} files: {self.added} documents added ({self.passages} passages), "
            f"{self.unchanged} already ingested, {self.skipped} skipped"
        )


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to ingest: each file given, and the supported files inside each folder given."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and reader_for(p) is not None)
        else:
            yield path


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _document(
    path: Path, fmt: str, read: ReadDocument, digest: str, size: int, meta: SourceMeta | None
) -> EvidenceDocument:
    meta = meta or SourceMeta()
    document_id = f"doc-{digest[:16]}"
    source_id = meta.id or document_id
    title = meta.title or read.title or path.name
    if read.key is not None:
        source_id = f"{meta.id}.{_slug(read.key)}" if meta.id else document_id
        title = f"{meta.title}: {read.key}" if meta.title else f"{path.name}: {read.key}"
    return EvidenceDocument(
        id=document_id,
        content_hash=digest,
        source_id=source_id,
        path=str(path),
        format=fmt,
        title=title,
        size_bytes=size,
        publisher=meta.publisher,
        date=meta.date.isoformat() if meta.date else None,
        url=meta.url,
        language=meta.language or read.language,
        country=meta.country or read.country,
        verification=meta.verification.value,
        meta={"key": read.key} if read.key else {},
    )


def _annotated(item: _Pending, annotations: Iterator[Annotation]) -> list[IndexedPassage]:
    """The document's passages with their index words, state and year, and every state they name."""
    indexed = []
    for p, (tokens, named) in zip(item.passages, annotations, strict=False):
        country = p.country or item.document.country
        states = tuple(sorted(named | {country})) if country else tuple(sorted(named))
        indexed.append(IndexedPassage(p, tokens, country, p.year or item.year, states))
    return indexed


def _read(path: Path, max_bytes: int, limits: ReadLimits) -> tuple[str, Iterator[ReadDocument], int]:
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: not a regular file")
    found = reader_for(path)
    if found is None:
        raise InputError(f"{path}: not a format Onward reads (supported: {SUPPORTED})")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty")
    if size > max_bytes:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit", hint="raise it with --max-size"
        )
    fmt, reader = found
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    return fmt, _documents(path, reader, data, limits), size


def _documents(path: Path, reader: Reader, data: bytes, limits: ReadLimits) -> Iterator[ReadDocument]:
    try:
        yield from reader(path, data, limits)
    except InputError:
        raise
    except Exception as exc:
        # Third-party parsers meet hostile and broken files with every kind of exception; one bad file
        # out of a thousand must not stop the ingest, so it is skipped and its error named.
        raise InputError(f"{path}: could not be read ({type(exc).__name__}: {exc})") from exc


def ingest(
    store: Store,
    paths: Iterable[Path],
    *,
    actor: str,
    source_meta: SourceMetaFile | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_document: Callable[[DocumentEvent], None] | None = None,
    batch_passages: int = BATCH_PASSAGES,
    workers: int | None = None,
    limits: ReadLimits = READ_LIMITS,
) -> IngestReport:
    """Ingest ``paths`` (files or folders) into ``store``; see the module docstring.

    Whole documents are written together, up to about ``batch_passages`` passages per transaction
    (a commit is a disk flush: one per Freedom House country report would triple the time). The index
    words and state mentions of a large input are computed in ``workers`` processes (by default one per
    spare core; see ``onward.evidence.annotate``) while this process reads and writes. A file past one
    of ``limits`` (a zip bomb, a PDF of thousands of pages) is skipped with the limit named.
    """
    report = IngestReport()
    known = evidence_store.stored_hashes(store)
    files = list(expand(paths))
    with Annotator(sum(_size(path) for path in files), workers) as annotator:
        pipeline = _Pipeline(store, actor, annotator, report, on_document, batch_passages)
        try:
            for path in files:
                _ingest_file(path, pipeline, report, max_bytes, source_meta, known, limits)
            pipeline.drain()
        except BrokenProcessPool as error:
            raise StoreError(f"a worker indexing passages stopped ({error}); rerun to resume the ingest") from None
    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _ingest_file(
    path: Path,
    pipeline: _Pipeline,
    report: IngestReport,
    max_bytes: int,
    source_meta: SourceMetaFile | None,
    known: set[str],
    limits: ReadLimits,
) -> None:
    report.files += 1
    try:
        fmt, documents, size = _read(path, max_bytes, limits)
    except InputError as error:
        pipeline.settle(DocumentEvent(path, Outcome.SKIPPED, reason=error.message))
        return
    report.bytes_read += size
    try:
        for read in documents:
            report.warnings.extend(read.warnings)
            prepared = _prepare(path, fmt, read, size, source_meta, known)
            if isinstance(prepared, DocumentEvent):
                pipeline.settle(prepared)
            else:
                pipeline.add(prepared)
    except InputError as error:  # a file damaged part-way: what came before it is kept
        pipeline.settle(DocumentEvent(path, Outcome.SKIPPED, reason=error.message))
    pipeline.flush()


class _Pipeline:
    """Documents on their way to the store: read → annotated (in workers) → written → reported.

    Documents are sent to be annotated in chunks of about ``ANNOTATE_PASSAGES`` passages, as many
    chunks ahead as there are workers, so that reading, annotating and writing overlap; they are
    written in transactions of about ``batch_passages`` passages, and reported, strictly in the order
    they were read. Each transaction holds whole documents: an ingest stopped at any point leaves each
    document complete or absent.
    """

    def __init__(
        self,
        store: Store,
        actor: str,
        annotator: Annotator,
        report: IngestReport,
        on_document: Callable[[DocumentEvent], None] | None,
        batch_passages: int,
    ) -> None:
        self._store, self._actor, self._annotator = store, actor, annotator
        self._report, self._on_document, self._batch_passages = report, on_document, batch_passages
        self._read: list[_Pending] = []
        self._read_passages = 0
        self._flight: deque[tuple[list[_Pending], Future[list[Annotation]]]] = deque()
        self._annotated: list[tuple[_Pending, list[IndexedPassage]]] = []
        self._annotated_passages = 0

    def add(self, item: _Pending) -> None:
        self._read.append(item)
        self._read_passages += len(item.passages)
        if self._read_passages >= min(ANNOTATE_PASSAGES, self._batch_passages):
            self.flush()

    def flush(self) -> None:
        """Send what was read to be annotated; collect the oldest chunks while too many are ahead."""
        self._submit()
        while len(self._flight) > self._annotator.ahead:
            self._collect_oldest()

    def settle(self, event: DocumentEvent) -> None:
        """Report a document that is not written (skipped, already stored) after everything read before it."""
        self.drain()
        self._emit(event)

    def drain(self) -> None:
        """Write and report everything read so far."""
        self._submit()
        while self._flight:
            self._collect_oldest()
        self._write()

    def _submit(self) -> None:
        if self._read:
            texts = [p.text for item in self._read for p in item.passages]
            self._flight.append((self._read, self._annotator.submit(texts)))
            self._read, self._read_passages = [], 0

    def _collect_oldest(self) -> None:
        items, future = self._flight.popleft()
        annotations = iter(future.result())
        for item in items:
            self._annotated.append((item, _annotated(item, annotations)))
            self._annotated_passages += len(item.passages)
            if self._annotated_passages >= self._batch_passages:
                self._write()

    def _write(self) -> None:
        if not self._annotated:
            return
        batch = [(item.document, passages) for item, passages in self._annotated]
        added = evidence_store.insert_documents(self._store, batch, actor=self._actor)
        for (item, passages), new in zip(self._annotated, added, strict=True):
            outcome = Outcome.ADDED if new else Outcome.UNCHANGED
            self._emit(DocumentEvent(item.path, outcome, item.document.id, item.document.title, len(passages) * new))
        self._annotated, self._annotated_passages = [], 0

    def _emit(self, event: DocumentEvent) -> None:
        self._report.record(event)
        if self._on_document is not None:
            self._on_document(event)


@dataclass(frozen=True)
class _Pending:
    path: Path
    document: EvidenceDocument
    passages: list[Passage]
    year: int | None


def _prepare(
    path: Path, fmt: str, read: ReadDocument, size: int, source_meta: SourceMetaFile | None, known: set[str]
) -> DocumentEvent | _Pending:
    """A document ready to write, or the event saying why it is not written (empty, already ingested)."""
    if not read.passages:
        reason = "no text found" + (" (a scanned PDF needs OCR first)" if fmt == "pdf" else "")
        return DocumentEvent(path, Outcome.SKIPPED, reason=f"{path}: {reason}")
    digest = hashlib.sha256(read.identity).hexdigest()
    meta = source_meta.for_file(path) if source_meta else None
    document = _document(path, fmt, read, digest, size, meta)
    if digest in known:
        return DocumentEvent(path, Outcome.UNCHANGED, document.id, document.title)
    known.add(digest)  # the same report twice in one run is written once
    year = read.year or (meta.date.year if meta and meta.date else None)
    return _Pending(path, document, read.passages, year)
