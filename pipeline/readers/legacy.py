"""Old Word (.doc) and RTF files: converted to .docx by LibreOffice, then read by the DOCX reader.

Both formats go through LibreOffice (`soffice --headless --convert-to docx`)
because its import filters keep what the later steps live on: heading styles
become `Heading N` paragraphs and tables stay tables, so a converted file reads
exactly like a .docx. For RTF a pure-Python stripper (striprtf) was considered
as a fallback where LibreOffice is missing, and rejected: it returns plain text,
so headings lose their level and table cells run together, and the same file
would give different sections and figures depending on the machine it ran on.
A missing LibreOffice is therefore a `ReadError` that says how to install it.

Each conversion runs with a throwaway LibreOffice profile (so conversions can
run side by side and nothing leaks between files), with macros disabled and
linked content not fetched, in a network namespace of its own where `unshare`
allows it, and under a time limit (`TIMEOUT`, or the `timeout` argument):
when the limit passes the whole process group is killed. The import filter is
named explicitly, because otherwise LibreOffice reads a damaged .doc as plain
text and returns binary garbage; Word 6 and Word 95 files, which the Word 97
filter refuses, are tried with their own filters after it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path

from pipeline.model import Document, ReadError

TIMEOUT = 60.0  # seconds one LibreOffice conversion may take
ISOLATE_NETWORK = True  # run LibreOffice without network access where `unshare` permits
INSTALL = "apt-get install libreoffice-writer-nogui"

_FILTERS = {
    "doc": ("MS Word 97", "MS Word 95", "MS WinWord 6.0"),
    "rtf": ("Rich Text Format",),
}
_LABELS = {"doc": "Word .doc", "rtf": "RTF"}
_EXPORT = "docx:MS Word 2007 XML"
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse">\
<value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""

_isolation: list[str] | None = None  # the `unshare` prefix that works here, found on first use


class _NotLoaded(Exception):
    """LibreOffice could not open the file with the import filter it was given."""


class _Unparsed(Exception):
    """The compound file's structure could not be followed; LibreOffice gets to try."""


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFA  # sector numbers from here up are markers (end of chain, free, FAT sector...)
_OTHER_OFFICE = {
    "Workbook": "an Excel workbook",
    "Book": "an Excel workbook",
    "PowerPoint Document": "a PowerPoint file",
}


def _word_filters(data: bytes) -> tuple[str, ...]:
    """The LibreOffice import filters to try for a .doc, judged from its compound-file structure.

    Raises ReadError for what LibreOffice could not open anyway (a broken header, another
    Office format, a password) and `_Unparsed` where the structure cannot be followed.
    """
    if len(data) < 512 or not data.startswith(_OLE_MAGIC):
        raise ReadError("the Word .doc file is damaged (it is too short to hold a document)")
    major, byte_order, sector_shift, mini_shift = struct.unpack_from("<HHHH", data, 26)
    if byte_order != 0xFFFE or (major, sector_shift) not in {(3, 9), (4, 12)} or mini_shift != 6:
        raise ReadError("the Word .doc file is damaged (its file header is invalid)")
    size = 1 << sector_shift
    fat_count, dir_start = struct.unpack_from("<II", data, 0x2C)
    mini_cutoff, _, _, difat_start, difat_count = struct.unpack_from("<IIIII", data, 0x38)

    def sector(number: int) -> bytes:
        chunk = data[(number + 1) * size : (number + 2) * size]
        if len(chunk) < size:
            raise _Unparsed
        return chunk

    fat_sectors = [n for n in struct.unpack_from("<109I", data, 0x4C) if n < _END]
    for _ in range(difat_count):
        if difat_start >= _END:
            break
        entries = struct.unpack(f"<{size // 4}I", sector(difat_start))
        fat_sectors += [n for n in entries[:-1] if n < _END]
        difat_start = entries[-1]
    fat: list[int] = []
    for number in fat_sectors[:fat_count]:
        fat.extend(struct.unpack(f"<{size // 4}I", sector(number)))

    def chain(start: int, table: list[int]) -> list[int]:
        numbers: list[int] = []
        while start < _END:
            if start >= len(table) or len(numbers) > len(table):
                raise _Unparsed
            numbers.append(start)
            start = table[start]
        return numbers

    directory = b"".join(sector(n) for n in chain(dir_start, fat))
    streams: dict[str, tuple[int, int]] = {}
    root_start = _END
    for offset in range(0, len(directory) - 127, 128):
        name_length, kind = struct.unpack_from("<HB", directory, offset + 64)
        start, length = struct.unpack_from("<II", directory, offset + 116)
        name = directory[offset : offset + max(min(name_length, 64) - 2, 0)].decode("utf-16-le", errors="replace")
        if kind == 2:  # a stream
            streams.setdefault(name, (start, length))
        elif kind == 5:  # the root, whose data is the mini stream
            root_start = start
    if "WordDocument" not in streams:
        other = next((what for name, what in _OTHER_OFFICE.items() if name in streams), None)
        raise ReadError(f"not a Word document: the .doc file is {other or 'an Office file of another kind'}")
    start, length = streams["WordDocument"]
    if length < 12:
        raise ReadError("the Word .doc file is damaged (its text stream is empty)")
    if length >= mini_cutoff:
        head = sector(start)
    else:  # a small stream lives in the mini stream, in 64-byte pieces; its first piece is enough
        mini_stream = chain(root_start, fat)
        first = start * 64
        if first // size >= len(mini_stream):
            raise _Unparsed
        head = sector(mini_stream[first // size])[first % size : first % size + 64]
    ident, nfib = struct.unpack_from("<HH", head, 0)
    (flags,) = struct.unpack_from("<H", head, 10)
    if ident not in (0xA5EC, 0xA5DC):
        raise ReadError("the Word .doc file is damaged (its text stream does not start like a Word document)")
    if flags & 0x0100:
        raise ReadError("the Word .doc file is encrypted (password protected)")
    return ("MS Word 97",) if nfib >= 0xC1 else ("MS Word 95", "MS WinWord 6.0")


def find_soffice() -> str:
    """The LibreOffice executable on PATH, or a ReadError that says how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ReadError(f"LibreOffice is not installed: run '{INSTALL}'")


def _network_isolation() -> list[str]:
    """`unshare` arguments that give a process an empty network namespace, or [] where that is not allowed."""
    global _isolation
    if _isolation is None:
        _isolation = []
        unshare = shutil.which("unshare")
        if unshare:
            for prefix in ([unshare, "--net"], [unshare, "--net", "--map-root-user"]):
                try:
                    probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=10, check=False)
                except (OSError, subprocess.SubprocessError):
                    continue
                if probe.returncode == 0:
                    _isolation = prefix
                    break
    return _isolation


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _message(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", errors="replace").splitlines()]
    lines = [line for line in lines if line and "javaldx" not in line]
    return lines[-1] if lines else ""


def _convert(soffice: str, source: Path, work: Path, infilter: str, timeout: float) -> Path:
    """Convert `source` to .docx in `work`; return the new file's path."""
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    (profile / "user").mkdir()
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    outdir = work / "out"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nodefault",
        "--nolockcheck",
        f"--infilter={infilter}",
        "--convert-to",
        _EXPORT,
        "--outdir",
        str(outdir),
        str(source),
    ]
    if ISOLATE_NETWORK:
        command = _network_isolation() + command
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=work,
            start_new_session=True,
        )
    except OSError as exc:
        raise ReadError(f"LibreOffice could not be started ({exc.strerror or exc}): run '{INSTALL}'") from exc
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise ReadError(f"LibreOffice did not finish within {timeout:g} s") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    target = outdir / (source.stem + ".docx")
    if target.is_file() and target.stat().st_size > 0:
        return target
    message = _message(stderr)
    if "could not be loaded" in message or (process.returncode == 0 and not message):
        raise _NotLoaded(message)
    raise ReadError(f"LibreOffice could not convert the file ({message or f'exit status {process.returncode}'})")


def _format(path: Path) -> str:
    from pipeline.readers import sniff

    found = sniff(path)
    if found in _FILTERS:
        return found
    return "rtf" if path.suffix.lower() == ".rtf" else "doc"


def read(path: Path, timeout: float | None = None) -> Document:
    """Read a .doc or .rtf file by converting it to .docx with LibreOffice; raise ReadError on failure."""
    fmt = _format(path)
    label = _LABELS[fmt]
    limit = TIMEOUT if timeout is None else timeout
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="rapportextrakt-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        source = work / f"document.{fmt}"  # a plain name: LibreOffice needs no quoting and sees the right type
        try:
            data = path.read_bytes()
            source.write_bytes(data)
        except OSError as exc:
            raise ReadError(f"the file cannot be read ({exc.strerror or exc})") from exc
        filters = _FILTERS[fmt]
        if fmt == "doc":
            try:
                filters = _word_filters(data)
            except (_Unparsed, struct.error):
                filters = filters[:1]  # a broken structure: one try, with the filter nearly every .doc needs
        del data
        converted: Path | None = None
        for infilter in filters:
            try:
                converted = _convert(soffice, source, work, infilter, limit)
                break
            except _NotLoaded:
                continue
        if converted is None:
            if fmt == "doc":
                raise ReadError("the Word .doc file is damaged or not a Word document (LibreOffice cannot open it)")
            raise ReadError("the RTF file is damaged (LibreOffice cannot open it)")
        from pipeline.readers import docx

        try:
            document = docx.read(converted)
        except ReadError as exc:
            raise ReadError(f"the {label} file could not be read after conversion ({exc})") from exc
    document.path = str(path)
    document.format = fmt
    return document
