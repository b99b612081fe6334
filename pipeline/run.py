"""Orchestration: discover files, hash them, skip unchanged ones, extract in worker processes, store.

Each file is extracted in a worker process with a time limit and a memory
ceiling; a file that breaks either, or crashes its worker, is recorded as
failed and the run goes on. Only this process writes to the database.
"""

from __future__ import annotations

import contextlib
import faulthandler
import fcntl
import fnmatch
import gc
import hashlib
import itertools
import multiprocessing
import os
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from multiprocessing.connection import Connection, wait
from pathlib import Path
from stat import S_ISREG

from pipeline import rules
from pipeline.model import Result
from pipeline.store import Store, now

PACKAGE_VERSION = "0.1.0"


class RunError(Exception):
    """The run itself cannot proceed (no such folder, database locked or unwritable)."""


@dataclass
class Options:
    workers: int = max(os.cpu_count() or 1, 1)
    force: bool = False
    timeout: float = 120.0
    memory_mb: int = 4096
    max_pages: int = 2000
    recycle_after: int = 150  # files a worker reads before a fresh one takes over: memory stays flat
    progress: bool | None = None  # None: only when stderr is a terminal


@dataclass
class Summary:
    files: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    removed: int = 0
    pages: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        return (
            f"files {self.files}, ok {self.ok}, failed {self.failed}, skipped {self.skipped}, "
            f"removed {self.removed}, pages {self.pages}, seconds {self.seconds:.1f}"
        )


@cache
def version() -> str:
    """Pipeline version: package version, a hash of the code and of the rules. Any change re-extracts."""
    digest = hashlib.sha256(PACKAGE_VERSION.encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return f"{PACKAGE_VERSION}+{digest.hexdigest()[:8]}.{rules.version()}"


def _ignored(relpath: str, patterns: list[str]) -> bool:
    name = relpath.rsplit("/", 1)[-1]
    parts = relpath.split("/")
    for pattern in patterns:
        if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(relpath, pattern):
            return True
        if pattern.endswith("/*") and pattern[:-2] in parts[:-1]:
            return True
    return False


def discover(root: Path) -> Iterator[tuple[Path, str]]:
    """Files under `root` that may be reports, as (path, path relative to root with '/'), in sorted order.

    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    data = rules.load_yaml("discovery.yml")
    patterns = rules.string_list(data, "discovery.yml", "ignore")
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        base = Path(folder)
        for name in sorted(files):
            path = base / name
            relpath = path.relative_to(root).as_posix()
            if _ignored(relpath, patterns):
                continue
            if path.is_symlink() and not path.exists():
                continue
            yield path, relpath


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- workers -----------------------------------------------------------------------------------------------------


def warm_up() -> None:
    """Load rules and NLP models once, before any file is timed."""
    from pipeline.model import Document
    from pipeline.process import _Clock, _extract  # noqa: PLC0415 - the worker's own imports

    sample = "Lägesrapport\n\nBakgrund\n\nUnder 2020 deltog 12 personer från Eskilstuna kommun den 3 mars 2020."
    from pipeline.readers.txt import split_blocks

    _extract(Document(path="warm-up", format="txt", blocks=split_blocks(sample)), "warm-up", _Clock())


_HELD_LOCKS: set[int] = set()


def _serve(conn: Connection, memory_mb: int, max_pages: int) -> None:
    """A worker's loop: receive (path, relpath), send back a Result, until told to stop."""
    faulthandler.disable()  # a crash in a reader is reported as a failed file, not a stack dump
    for descriptor in _HELD_LOCKS:  # the lock belongs to the run, not to a worker that may outlive it
        with contextlib.suppress(OSError):
            os.close(descriptor)
    from pipeline.process import process
    from pipeline.readers import pdf

    pdf.MAX_PAGES = max_pages
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        path, relpath = task
        conn.send(process(Path(path), relpath))


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext, options: Options) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, options.memory_mb, options.max_pages), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[str, str] | None = None
        self.started = 0.0
        self.done = 0

    def send(self, task: tuple[str, str]) -> None:
        self.task = task
        self.started = time.monotonic()
        self.conn.send(task)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def extract_all(tasks: Iterator[tuple[Path, str]], options: Options) -> Iterator[Result]:
    """Results for every task, from a pool of worker processes, in completion order.

    A worker is handed its next file before the result of its last one goes to the caller, so that
    workers keep reading while this process writes to the database.
    """
    pending = iter(tasks)
    first = next(pending, None)
    if first is None:
        return  # nothing to do: no models loaded, no workers started
    pending = itertools.chain([first], pending)
    warm_up()  # loaded once here; forked workers share it
    gc.freeze()  # the collector would otherwise write to every shared object and copy each page into every worker
    context = multiprocessing.get_context("fork")
    pool = [_Worker(context, options) for _ in range(max(options.workers, 1))]

    def feed(worker: _Worker) -> None:
        task = next(pending, None)
        if task is not None:
            worker.send((str(task[0]), task[1]))

    try:
        for worker in pool:
            feed(worker)
        while True:
            busy = [w for w in pool if w.task is not None]
            if not busy:
                return
            ready = wait([w.conn for w in busy], timeout=0.5)
            for index, worker in enumerate(pool):
                if worker.task is None:
                    continue
                relpath = worker.task[1]
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        code = worker.process.exitcode
                        reason = "the worker reading this file crashed"
                        if code is not None and code < 0:
                            reason += f" (signal {-code}; out of memory or a library fault)"
                        result = Result.failed(relpath, reason)
                        worker.stop(kill=True)
                        pool[index] = worker = _Worker(context, options)
                elif time.monotonic() - worker.started > options.timeout:
                    worker.stop(kill=True)
                    pool[index] = worker = _Worker(context, options)
                    result = Result.failed(
                        relpath, f"reading the file took longer than the limit of {options.timeout:g} s"
                    )
                else:
                    continue
                worker.task = None
                worker.done += 1
                if worker.done >= options.recycle_after:
                    # a forked worker slowly copies the pages it shares with this process; a fresh fork starts clean
                    worker.stop()
                    pool[index] = worker = _Worker(context, options)
                feed(worker)
                yield result
    finally:
        for worker in pool:
            worker.stop(kill=worker.task is not None)


# --- the run -----------------------------------------------------------------------------------------------------


class _Lock:
    """An exclusive lock beside the database so that two runs never write it at once."""

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self.handle = None

    def __enter__(self) -> _Lock:
        self.handle = self.path.open("w")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self.handle.close()
            raise RunError(
                f"another extraction is writing to {self.path.with_suffix('')}; wait for it to finish"
            ) from exc
        _HELD_LOCKS.add(self.handle.fileno())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.handle is not None
        _HELD_LOCKS.discard(self.handle.fileno())
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def run(input_dir: Path, db_path: Path, options: Options | None = None) -> Summary:
    """Extract every report under `input_dir` into the database at `db_path`."""
    options = options or Options()
    if not input_dir.is_dir():
        raise RunError(f"no such folder: {input_dir}")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        lock = _Lock(db_path)
        with lock:
            store = Store(db_path)
            try:
                return _run(input_dir, store, options)
            finally:
                store.close()
    except OSError as exc:
        raise RunError(f"cannot write the database {db_path}: {exc.strerror or exc}") from exc


def _run(input_dir: Path, store: Store, options: Options) -> Summary:
    started_at, started = now(), time.perf_counter()
    current = version()
    known = store.known()
    summary = Summary()
    seen: set[str] = set()
    stats: dict[str, tuple[str, int, int]] = {}

    def refuse(relpath: str, reason: str) -> None:
        store.write(Result.failed(relpath, reason), "", 0, 0, current)
        summary.failed += 1

    def todo() -> Iterator[tuple[Path, str]]:
        for path, relpath in discover(input_dir):
            seen.add(relpath)
            summary.files += 1
            try:
                stat = path.stat()
                if not S_ISREG(stat.st_mode):
                    refuse(relpath, "not a regular file (a pipe, socket or device)")
                    continue
                previous = known.get(relpath)
                fresh = not options.force and previous is not None and previous[3] == current
                if fresh and previous[1] == stat.st_size and previous[2] == stat.st_mtime_ns:
                    summary.skipped += 1
                    continue
                digest = content_hash(path)
            except OSError as exc:
                reason = (
                    "permission denied"
                    if isinstance(exc, PermissionError)
                    else f"cannot open the file ({exc.strerror})"
                )
                refuse(relpath, reason)
                continue
            if fresh and previous[0] == digest:
                summary.skipped += 1
                continue
            stats[relpath] = (digest, stat.st_size, stat.st_mtime_ns)
            yield path, relpath

    from tqdm import tqdm

    bar = tqdm(
        desc="extracting",
        unit="file",
        file=sys.stderr,
        disable=not options.progress if options.progress is not None else None,
    )
    for result in extract_all(todo(), options):
        digest, size, mtime = stats.pop(result.path)
        result = _changed_while_read(input_dir, result, size, mtime)
        store.write(result, digest, size, mtime, current)
        if result.status == "ok":
            summary.ok += 1
            summary.pages += result.pages or 0
            for stage, seconds in result.timings.items():
                summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
        else:
            summary.failed += 1
        bar.update(1)
    bar.close()
    gone = sorted(set(known) - seen)
    if gone:
        store.remove(gone)
    summary.removed = len(gone)
    summary.seconds = time.perf_counter() - started
    store.record_run(
        {
            "started_at": started_at,
            "finished_at": now(),
            "input": str(input_dir),
            "files": summary.files,
            "ok": summary.ok,
            "failed": summary.failed,
            "skipped": summary.skipped,
            "removed": summary.removed,
            "pages": summary.pages,
            "seconds": round(summary.seconds, 3),
            "pipeline_version": current,
        }
    )
    return summary


def _changed_while_read(root: Path, result: Result, size: int, mtime: int) -> Result:
    """A file that changed or vanished while it was read is recorded as failed, to be read again next run."""
    try:
        stat = (root / result.path).stat()
    except OSError:
        return Result.failed(result.path, "the file disappeared while it was being read")
    if stat.st_size != size or stat.st_mtime_ns != mtime:
        return Result.failed(result.path, "the file changed while it was being read; run again to read the new version")
    return result
