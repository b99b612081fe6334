"""Readers: one module per format, each `read(path) -> Document`.

`read` sniffs the file's content so that a PDF named `.docx` is read as a
PDF, and raises `ReadError` with a one-line reason for anything it cannot read.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from pipeline.model import EXTENSIONS, Document, ReadError, Result

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def sniff(path: Path) -> str | None:
    """The format a file's content shows, or None when the first bytes say nothing."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE):
        return "encrypted" if _is_encrypted_office(path) else "doc"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "content.xml" in names:
                    return "odt"
        except zipfile.BadZipFile:
            return None
        return "zip"
    return None


def _is_encrypted_office(path: Path) -> bool:
    """An OLE container holding an `EncryptedPackage` stream is a password-protected .docx/.xlsx."""
    with path.open("rb") as handle:
        return _ENCRYPTED_PACKAGE in handle.read(8 * 1024 * 1024)


def detect_format(path: Path) -> str:
    """The format to read a file as: its content where that is clear, else its extension."""
    by_extension = EXTENSIONS.get(path.suffix.lower())
    if by_extension is None:
        raise ReadError(f"unsupported file type '{path.suffix or '(none)'}'")
    by_content = sniff(path)
    if by_content == "encrypted":
        raise ReadError("the Word file is encrypted (password protected)")
    if by_content == "zip":
        raise ReadError(f"a zip archive that is not a Word or OpenDocument file (named {path.suffix})")
    if by_content is not None:
        return by_content
    if by_extension in {"pdf", "docx", "doc", "odt"}:
        raise ReadError(f"not a valid {by_extension.upper()} file (its content does not match its extension)")
    return by_extension


def _reader(fmt: str) -> Callable[[Path], Document]:
    if fmt == "txt":
        from pipeline.readers import txt as module
    elif fmt == "pdf":
        from pipeline.readers import pdf as module
    elif fmt == "docx":
        from pipeline.readers import docx as module
    elif fmt == "odt":
        from pipeline.readers import odt as module
    else:
        from pipeline.readers import legacy as module
    return module.read


COMMON_FORMATS = ("txt", "pdf", "docx")


def load_common() -> None:
    """Import the readers of the formats most reports come in (and their libraries) now."""
    for fmt in COMMON_FORMATS:
        _reader(fmt)


def read(path: Path) -> Document:
    """Read any supported file into a Document; raise ReadError with a reason otherwise."""
    if path.stat().st_size == 0:
        raise ReadError("the file is empty (0 bytes)")
    fmt = detect_format(path)
    document = _reader(fmt)(path)
    document.format = fmt
    if not any(block.text.strip() for block in document.blocks):
        raise ReadError("no text could be read from the file")
    return document


def read_or_fail(path: Path, relpath: str) -> tuple[Document | Result, float]:
    """The file read into a Document, or a failed Result with the reason it cannot be; and the seconds it took."""
    started = time.perf_counter()
    try:
        document: Document | Result = read(path)
    except ReadError as exc:
        document = Result.failed(relpath, str(exc))
    except MemoryError:
        document = Result.failed(relpath, "reading the file needed more memory than allowed")
    except Exception as exc:  # a reader's bug or a library's surprise must not stop the run
        document = Result.failed(relpath, f"could not read the file ({type(exc).__name__}: {exc})")
    return document, time.perf_counter() - started
