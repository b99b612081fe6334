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
import queue
import re
import resource
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from multiprocessing import reduction
from multiprocessing.connection import Connection
from operator import attrgetter
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING

from pipeline import rules
from pipeline.model import Document, Result
from pipeline.store import Store, now

if TYPE_CHECKING:
    from tqdm import tqdm

PACKAGE_VERSION = "0.1.0"
BATCH_DOCUMENTS = 64  # documents written to the database in one transaction, at most
BATCH_SECONDS = 1.0  # and at least this often, so that an interrupted run keeps what it had read


class RunError(Exception):
    """The run itself cannot proceed (no such folder, database locked or unwritable)."""


@dataclass
class Options:
    workers: int = max(os.cpu_count() or 1, 1)
    force: bool = False
    timeout: float = 120.0
    memory_mb: int = 4096
    max_pages: int = 2000
    # files a worker reads before a fresh one takes over, so that its memory cannot creep up over a large archive.
    # Collecting garbage every 16 files keeps it flat over 1,000 files already; a replacement starts with cold
    # caches (0.1-0.2 s of extra work), so it comes seldom.
    recycle_after: int = 1000
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


def _ignore_test(patterns: list[str]) -> Callable[[str], bool]:
    """Whether a relative path is to be ignored: its file name or the whole path matches one of the glob
    `patterns`, or a folder on the way is named by a `folder/*` pattern. The patterns are one regular
    expression, matched twice a file (testing them one by one with `fnmatch` took 0.1 s per 1,000 files)."""
    if not patterns:
        return lambda relpath: False
    matches = re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns)).match
    folders = frozenset(pattern[:-2] for pattern in patterns if pattern.endswith("/*"))

    def ignored(relpath: str) -> bool:
        *parents, name = relpath.split("/")
        return bool(matches(name) or matches(relpath)) or not folders.isdisjoint(parents)

    return ignored


def discover(root: Path) -> Iterator[tuple[str, str]]:
    """Files under `root` that may be reports, as (path, path relative to root with '/'), in sorted order: a
    folder's files, then its folders one by one, each with all it holds (the order of `os.walk`). Broken
    symbolic links are passed over.

    Symbolic links to folders are not followed, so a link loop cannot trap the walk. The paths are strings, and
    whether a file is a link comes with its folder's listing: building a `Path` for each file and asking the
    system once more took half of the walk's time.
    """
    data = rules.load_yaml("discovery.yml")
    ignored = _ignore_test(rules.string_list(data, "discovery.yml", "ignore"))
    folders = [(os.fspath(root), "")]  # (folder, its path relative to root and a '/'), the next one last
    while folders:
        folder, prefix = folders.pop()
        if prefix and os.path.islink(folder):
            continue
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=attrgetter("name"))
        except OSError:  # a folder that cannot be listed is passed over, as by os.walk
            continue
        subfolders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:  # as by os.walk: an entry that cannot be looked at is not a folder
                is_dir = False
            if is_dir:
                subfolders.append((entry.path, f"{prefix}{entry.name}/"))
                continue
            relpath = prefix + entry.name
            if ignored(relpath) or (entry.is_symlink() and not os.path.exists(entry.path)):
                continue
            yield entry.path, relpath
        folders.extend(reversed(subfolders))


def content_hash(path: str) -> str:
    digest = hashlib.sha256()
    # unbuffered: the reads go straight into the chunks hashed, not through a buffer of their own
    with open(path, "rb", buffering=0) as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


# --- workers -----------------------------------------------------------------------------------------------------


def warm_up() -> None:
    """Load rules and NLP models once, before any file is timed."""
    from pipeline import regex_cache
    from pipeline.lean_imports import import_spacy

    regex_cache.load()  # first: spaCy compiles patterns as it is imported
    import_spacy()
    from pipeline.model import Block, Document
    from pipeline.process import _Clock, _extract  # noqa: PLC0415 - the worker's own imports

    # the paragraphs as the text reader makes them, without importing it and its encoding detection
    sample = ["Lägesrapport", "Bakgrund", "Under 2020 deltog 12 personer från Eskilstuna kommun den 3 mars 2020."]
    _extract(Document(path="warm-up", format="txt", blocks=[Block(text=text) for text in sample]), "warm-up", _Clock())


_HELD_LOCKS: set[int] = set()
# A worker collects cyclic garbage after every so many files. A Word file's python-docx package is a cycle that
# holds its XML trees, and Python's own full collections come too seldom to free them: reading 150 Word files
# grew a process by 80 MB, and the two workers of a 1,000-document run by 30-50 MB each.
COLLECT_EVERY = 16


def _limit(memory_mb: int, max_pages: int) -> None:
    """The limits every process that reads files works under."""
    faulthandler.disable()  # a crash in a reader is reported as a failed file, not a stack dump
    from pipeline.readers import pdf

    pdf.MAX_PAGES = max_pages
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(conn: Connection, memory_mb: int, max_pages: int) -> None:
    """A worker's loop: receive a task, send back its Result, until told to stop.

    A task is `(relpath, path, 0.0)` for a file to read, or `(relpath, document, seconds)` for one read ahead.
    """
    from pipeline.process import process, process_read

    _limit(memory_mb, max_pages)
    for count in itertools.count(1):
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        relpath, source, seconds = task
        if isinstance(source, str):
            conn.send(process(Path(source), relpath))
        else:
            conn.send(process_read(source, relpath, seconds))
        if count % COLLECT_EVERY == 0:
            gc.collect()


def _read_ahead(conn: Connection, memory_mb: int, max_pages: int) -> None:
    """The read-ahead's loop: receive (path, relpath), send back (relpath, Document or failed Result, seconds)."""
    from pipeline.readers import read_or_fail

    # only the time the loading of the models leaves over (at nice 10 it still slowed the loading)
    if hasattr(os, "SCHED_IDLE"):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    else:
        os.nice(19)
    _limit(memory_mb, max_pages)
    conn.send(os.getpid())
    while (task := conn.recv()) is not None:
        path, relpath = task
        document, seconds = read_or_fail(Path(path), relpath)
        conn.send((relpath, document, seconds))


def _fork(body: Callable[[], None]) -> int:
    """Fork a child that runs `body` and exits (with 1 if it raised); the child's pid."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            body()
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    return pid


def _readable(conns: list[Connection], timeout: float | None = None) -> set[int]:
    """The file descriptors of those of `conns` that have something to read or are closed, once one has or after
    `timeout` seconds. One poll(2): multiprocessing's `wait` builds and fills a selector at every call, which
    cost more than the poll itself, once or twice for each file."""
    poller = select.poll()
    for conn in conns:
        poller.register(conn, select.POLLIN)
    return {fd for fd, _ in poller.poll(None if timeout is None else timeout * 1000)}


def _reap(pid: int, timeout: float) -> int | None:
    """Wait for a child to end, killing it after `timeout` seconds; its exit code (negative: the signal), or None
    for a process that is not a child of this one.

    The wait is on a process file descriptor (Linux 5.3), which becomes readable the moment the child ends; where
    there is none, the child is polled every 5 ms. Nothing is killed unless `waitpid` has just said the process is
    a running child of this one, whose pid cannot have been reused."""
    deadline = time.monotonic() + timeout
    poller = select.poll()
    try:
        descriptor: int | None = os.pidfd_open(pid)
        poller.register(descriptor, select.POLLIN)
    except (AttributeError, OSError):
        descriptor = None
    try:
        while True:
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                return None
            if done:
                return os.waitstatus_to_exitcode(status)
            left = deadline - time.monotonic()
            if left <= 0:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
            if descriptor is None:
                time.sleep(min(0.005, left))
            else:
                poller.poll(left * 1000)
    finally:
        if descriptor is not None:
            os.close(descriptor)


class _Zygote:
    """The process every worker is forked from.

    It is forked when a run finds its first file to read, loads the rules and models (about a second), says so,
    and then forks a worker whenever asked. Loading thus overlaps this process's own preparation of the
    database, the workers share the loaded models' memory, and a replacement worker (after a crash, a timeout,
    or its share of files) starts warm at once. It ends when this process closes its pipe or ends.

    With `read_ahead`, it first forks a process that reads files while the models load (see `_ReadAhead`).
    """

    def __init__(self, options: Options, read_ahead: bool = False) -> None:
        self.conn, child = multiprocessing.Pipe(duplex=True)
        self.ahead, ahead_child = multiprocessing.Pipe(duplex=True) if read_ahead else (None, None)
        self.loaded = False
        self.pid = _fork(lambda: self._main(child, ahead_child, options))
        child.close()
        if ahead_child is not None:
            ahead_child.close()

    def _main(self, conn: Connection, ahead: Connection | None, options: Options) -> None:
        self.conn.close()
        if self.ahead is not None:
            self.ahead.close()
        for descriptor in _HELD_LOCKS:  # the lock belongs to the run, not to a process that may outlive it
            with contextlib.suppress(OSError):
                os.close(descriptor)
        # Imported here once, the common formats' readers are shared by the read-ahead and every worker (a
        # replacement too), and frozen with the models below: a worker that imported its own (0.05 s at its first
        # file of the format, no less than here) went over their objects at each of its collections, a quarter of
        # the collections' time. A reader that cannot be imported fails its files in the workers, with the reason.
        from pipeline.readers import load_common

        with contextlib.suppress(Exception):
            load_common()
        if ahead is not None:
            _fork(partial(self._reader, conn, ahead, options.memory_mb, options.max_pages))
            ahead.close()
        # The collector is off in this process, as Python advises for one that forks workers: while the models load
        # it ran some 280 times, about a tenth of the loading (the few thousand objects it freed stay, shared by
        # the workers). A worker turns it on again.
        gc.disable()
        try:
            warm_up()
        except Exception as exc:  # a broken rule file: the run stops with the reason
            conn.send(f"the rules or models cannot be loaded: {' '.join(str(exc).split())}")
            return
        gc.freeze()  # a worker's collections would otherwise write to every shared object and copy each page
        conn.send("loaded")
        while True:
            try:
                request = conn.recv()
            except EOFError:  # the run is over
                from pipeline import regex_cache

                regex_cache.save()  # the patterns compiled here, for the next run's loading (once the rules change)
                return
            if request[0] == "fork":
                descriptor = reduction.recv_handle(conn)
                pid = _fork(partial(self._worker, conn, descriptor, request[1], request[2]))
                os.close(descriptor)
                conn.send(pid)
            else:  # ("wait", pid, timeout)
                conn.send(_reap(request[1], request[2]))

    @staticmethod
    def _worker(zygote: Connection, descriptor: int, memory_mb: int, max_pages: int) -> None:
        zygote.close()
        gc.enable()
        _serve(Connection(descriptor), memory_mb, max_pages)

    @staticmethod
    def _reader(zygote: Connection, conn: Connection, memory_mb: int, max_pages: int) -> None:
        zygote.close()
        _read_ahead(conn, memory_mb, max_pages)

    def wait_loaded(self) -> None:
        """Wait until the models are loaded; a zygote that could not load them has sent its reason instead,
        which is raised as a RunError."""
        if self.loaded:
            return
        try:
            reply = self.conn.recv()
        except (EOFError, OSError):
            reply = "the process that loads the models ended unexpectedly"
        if reply != "loaded":
            raise RunError(reply)
        self.loaded = True

    def fork(self, options: Options) -> tuple[int, Connection]:
        """A new worker: its pid and this end of its pipe."""
        self.wait_loaded()
        ours, theirs = multiprocessing.Pipe(duplex=True)
        try:
            self.conn.send(("fork", options.memory_mb, options.max_pages))
            reduction.send_handle(self.conn, theirs.fileno(), self.pid)
            pid = self.conn.recv()
        except (EOFError, OSError) as exc:
            ours.close()
            raise RunError("the process that loads the models ended unexpectedly") from exc
        finally:
            theirs.close()
        return pid, ours

    def wait(self, pid: int, timeout: float) -> int | None:
        """A worker's exit code, once it has ended; it is killed if it has not ended within `timeout` seconds."""
        self.conn.send(("wait", pid, timeout))
        return self.conn.recv()

    def close(self) -> None:
        if self.ahead is not None:
            self.ahead.close()
        self.conn.close()
        _reap(self.pid, 5)


class _ReadAhead:
    """While the models load, a run with more than one worker reads its first files in a process of its own.

    The loading takes about a second and one core; the read-ahead uses another, at the idle priority so that
    it does not slow the loading. It is stopped as soon as the models are loaded: the files it has read go to the
    workers as Documents, the ones it has not finished go to them as files. A file it cannot read is a failed
    Result as in a worker; if it crashes, the file it was reading goes to a worker, whose crash is recorded.
    """

    LIMIT = 256  # documents held at most

    def __init__(self, zygote: _Zygote) -> None:
        assert zygote.ahead is not None, "a zygote forked with read_ahead"
        self.zygote, self.conn = zygote, zygote.ahead
        self.documents: deque[tuple[str, Document, float]] = deque()  # (relpath, Document, seconds)
        self.failed: list[Result] = []
        self.unfinished: deque[tuple[str, str]] = deque()

    def run(self, pending: Iterator[tuple[str, str]]) -> None:
        """Hand files to the read-ahead until the models are loaded, then stop it."""
        try:
            pid = self.conn.recv()
        except (EOFError, OSError):
            self.zygote.wait_loaded()
            return
        alive = True
        try:
            while True:
                while alive and len(self.unfinished) < QUEUED_PER_WORKER:
                    if len(self.documents) + len(self.unfinished) >= self.LIMIT:
                        break
                    task = next(pending, None)
                    if task is None:
                        break
                    self.unfinished.append(task)
                    try:
                        self.conn.send(task)
                    except OSError:
                        alive = False
                watched = [self.zygote.conn, self.conn] if alive and self.unfinished else [self.zygote.conn]
                if self.zygote.conn.fileno() in _readable(watched):
                    break
                try:
                    relpath, item, seconds = self.conn.recv()
                except (EOFError, OSError):
                    alive = False  # it crashed: what it was reading goes to a worker
                    continue
                self.unfinished.popleft()
                if isinstance(item, Result):
                    self.failed.append(item)
                else:
                    self.documents.append((relpath, item, seconds))
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.zygote.wait_loaded()
        self.zygote.wait(pid, 5)


class _Worker:
    """A worker process and the files it has been handed, oldest (the one it is reading) first."""

    def __init__(self, zygote: _Zygote, options: Options) -> None:
        self.zygote = zygote
        self.pid, self.conn = zygote.fork(options)
        self.tasks: deque[_Task] = deque()
        self.started = 0.0  # when it began the oldest file
        self.handed = 0  # files handed to it in all

    def send(self, task: _Task) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append(task)
        self.handed += 1
        self.conn.send(task)

    def end(self, kill: bool = False) -> None:
        """Tell the worker to end (at once with `kill`, else after its current file)."""
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)

    def stop(self, kill: bool = False) -> int | None:
        """End the worker (at once with `kill`, else after its current file); its exit code."""
        self.end(kill)
        return self.wait()

    def wait(self) -> int | None:
        """Wait for the worker, told to end, to end (it is killed after 5 s); its exit code."""
        code = self.zygote.wait(self.pid, 5)
        self.conn.close()
        return code


QUEUED_PER_WORKER = 2  # files handed to a worker at once: it starts the next while this process takes the last
_Task = tuple[str, "str | Document", float]  # (relpath, path to read or Document read ahead, seconds reading took)


def extract_all(
    tasks: Iterator[tuple[str, str]], options: Options, on_start: Callable[[], None] | None = None
) -> Iterator[Result]:
    """Results for every task, from a pool of worker processes, in completion order.

    Each worker holds its next file while it reads one, so that it never waits for this process, which
    writes to the database meanwhile. A worker that crashes or overruns the time limit costs only the file
    it was reading; the files queued behind it go to its replacement. `on_start` runs while the models load,
    and so, with more than one worker, does a `_ReadAhead`.
    """
    pending = iter(tasks)
    first = next(pending, None)
    if first is None:
        return  # nothing to do: no models loaded, no workers started
    pending = itertools.chain([first], pending)
    zygote = _Zygote(options, read_ahead=options.workers > 1)
    pool: list[_Worker] = []
    documents: deque[_Task] = deque()  # read ahead, for the workers to take first

    def feed(worker: _Worker) -> None:
        """Fill the worker's queue; a worker due for replacement gets no more than its share."""
        while len(worker.tasks) < QUEUED_PER_WORKER and worker.handed < options.recycle_after:
            if documents:
                worker.send(documents.popleft())
                continue
            task = next(pending, None)
            if task is None:
                return
            worker.send((task[1], task[0], 0.0))

    def replace(index: int, kill: bool) -> tuple[_Worker, int | None]:
        """A fresh worker in place of `pool[index]`, holding the files still queued for the old one; and the
        old one's exit code. An old worker that is not killed is stopped once the new one is at work."""
        old = pool[index]
        code = old.stop(kill=True) if kill else None
        new = pool[index] = _Worker(zygote, options)
        for task in old.tasks:
            new.send(task)
        if not kill:
            feed(new)
            code = old.stop()
        return new, code

    try:
        if on_start is not None:
            on_start()
        if zygote.ahead is not None:
            ahead = _ReadAhead(zygote)
            ahead.run(pending)
            documents.extend(ahead.documents)
            pending = itertools.chain(ahead.unfinished, pending)
            yield from ahead.failed
        pool.extend(_Worker(zygote, options) for _ in range(max(options.workers, 1)))
        for worker in pool:
            feed(worker)
        while True:
            busy = [w for w in pool if w.tasks]
            if not busy:
                return
            ready = _readable([w.conn for w in busy], timeout=0.5)
            for index, worker in enumerate(pool):
                if not worker.tasks:
                    continue
                relpath = worker.tasks[0][0]
                if worker.conn.fileno() in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.tasks.popleft()
                        worker, code = replace(index, kill=True)
                        reason = "the worker reading this file crashed"
                        if code is not None and code < 0:
                            reason += f" (signal {-code}; out of memory or a library fault)"
                        result = Result.failed(relpath, reason)
                    else:
                        worker.tasks.popleft()
                        worker.started = time.monotonic()
                elif time.monotonic() - worker.started > options.timeout:
                    result = Result.failed(
                        relpath, f"reading the file took longer than the limit of {options.timeout:g} s"
                    )
                    worker.tasks.popleft()
                    worker, _ = replace(index, kill=True)
                else:
                    continue
                if not worker.tasks and worker.handed >= options.recycle_after:
                    # a forked worker slowly copies the pages it shares with the zygote; a fresh fork starts clean
                    worker, _ = replace(index, kill=False)
                feed(worker)
                yield result
    finally:
        for worker in pool:  # all told first, so that they end at once
            worker.end(kill=bool(worker.tasks))
        for worker in pool:
            worker.wait()
        zygote.close()


# --- the run -----------------------------------------------------------------------------------------------------


class _Writer:
    """A thread that runs the store's writes, in the order given, so that the loop feeding the workers never
    waits for the disk (a worker that finds no next file idles).

    At most one call waits while another runs: a writer that falls behind holds the loop up. A call that fails
    skips the rest, and its error is raised by the next `submit` or by `close`.
    """

    def __init__(self) -> None:
        self.calls: queue.Queue[tuple[Callable[..., object], tuple] | None] = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._main, name="writer", daemon=True)
        self.thread.start()

    def _main(self) -> None:
        while (call := self.calls.get()) is not None:
            if self.error is None:
                try:
                    call[0](*call[1])
                except BaseException as exc:  # noqa: BLE001 - handed to the run's thread
                    self.error = exc

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def submit(self, function: Callable[..., object], *args: object) -> None:
        self._raise()
        self.calls.put((function, args))

    def close(self) -> None:
        """Wait for every call to finish; raise the error of one that failed."""
        self.calls.put(None)
        self.thread.join()
        self._raise()


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
            store = Store(db_path, create=False)  # the tables are made while the models load
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

    batch: list[tuple[Result, str, int, int, str]] = []
    last_write = time.monotonic()
    # Once every file is handed out, the few still being read are written as each comes in: the run then ends
    # with one document's write instead of a whole batch's.
    all_handed_out = False

    def write(result: Result, digest: str, size: int, mtime: int) -> None:
        """Queue a document for the database; write the queue as one transaction when it is full or old."""
        nonlocal last_write
        batch.append((result, digest, size, mtime, current))
        if all_handed_out or len(batch) >= BATCH_DOCUMENTS or time.monotonic() - last_write >= BATCH_SECONDS:
            flush()

    def flush() -> None:
        nonlocal last_write
        writer.submit(store.write_many, batch[:])
        batch.clear()
        last_write = time.monotonic()

    def refuse(relpath: str, reason: str) -> None:
        write(Result.failed(relpath, reason), "", 0, 0)
        summary.failed += 1

    def todo() -> Iterator[tuple[str, str]]:
        nonlocal all_handed_out
        for path, relpath in discover(input_dir):
            seen.add(relpath)
            summary.files += 1
            try:
                stat = os.stat(path)
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
        all_handed_out = True

    bar: tqdm | None = None
    collecting = gc.isenabled()

    def start() -> None:
        """Once the models are loading: make the tables, and the progress bar if there is one (tqdm, imported here
        and only for a bar, costs the loading nothing).

        Python's cyclic garbage collector is also turned off here, after the process that loads the models was
        forked, until the results are written. Each Result that arrives is a few hundred dicts and lists, in no
        cycle, that live until their batch is written: the collector went over them some 230 times in a run of
        1,000 files, a sixth of this thread's work, and freed nothing (a whole run leaves some 16 objects in
        cycles, however many files it reads)."""
        nonlocal bar
        gc.disable()
        writer.submit(store.prepare)
        if options.progress is False or (options.progress is None and not sys.stderr.isatty()):
            return  # no bar, and tqdm is not imported (0.02 s of this process's time while the models load)
        from tqdm import tqdm

        bar = tqdm(desc="extracting", unit="file", file=sys.stderr)

    writer = _Writer()  # the store is the writer's until it is closed
    try:
        for result in extract_all(todo(), options, on_start=start):
            digest, size, mtime = stats.pop(result.path)
            result = _changed_while_read(input_dir, result, size, mtime)
            write(result, digest, size, mtime)
            if result.status == "ok":
                summary.ok += 1
                summary.pages += result.pages or 0
                for stage, seconds in result.timings.items():
                    summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
            else:
                summary.failed += 1
            if bar is not None:
                bar.update(1)
    finally:  # what was extracted before an interruption is kept
        try:
            if batch:
                flush()
        finally:
            if collecting:
                gc.enable()
            writer.close()
    if bar is not None:
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


def before_exit() -> None:
    """For a process that ends once its command is done (`python -m pipeline`). Python's exit collects garbage
    over every object the process still holds (the modules, the database layer), about 15 ms after a run, to free
    cycles the end of the process frees anyway: frozen, they are left to it. Files and the database are closed by
    then, and exit handlers still run."""
    gc.freeze()


def _changed_while_read(root: Path, result: Result, size: int, mtime: int) -> Result:
    """A file that changed or vanished while it was read is recorded as failed, to be read again next run."""
    try:
        stat = os.stat(os.path.join(root, result.path))
    except OSError:
        return Result.failed(result.path, "the file disappeared while it was being read")
    if stat.st_size != size or stat.st_mtime_ns != mtime:
        return Result.failed(result.path, "the file changed while it was being read; run again to read the new version")
    return result
