"""Read a report into text: UTF-8 text, a PDF (the ``[pdf]`` extra: pypdf) or a .docx (stdlib).

Reading is bounded: a file is read by :func:`smuggling_wg._yaml.read` (regular files and
standard input only, never past the limit), and the text a PDF or .docx yields is held to
the same limit. Whatever the bytes, the result is text or one :class:`~smuggling_wg.errors.DataError`.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass

from .._yaml import MAX_BYTES, read
from ..errors import DataError, Problem

__all__ = ["MAX_BYTES", "MAX_PDF_PAGES", "Report", "from_bytes", "from_path", "from_text"]

#: Pages read from a PDF at most (a report of the Working Group has about ten).
MAX_PDF_PAGES = 500

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Characters that never occur in a report's text (C0 controls other than tab, newline, form feed, CR).
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class Report:
    """A report's text and where it came from (name and SHA-256 of the bytes read)."""

    name: str
    sha256: str
    text: str


def _error(name: str, message: str) -> DataError:
    return DataError([Problem(name, "", message)])


def from_text(text: str, name: str = "<text>") -> Report:
    """A report given as text (the SHA-256 is of its UTF-8 bytes)."""
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw) > MAX_BYTES:
        raise _error(name, f"the text is {len(raw):,} bytes; the limit is {MAX_BYTES:,} (_yaml.MAX_BYTES)")
    return Report(name, hashlib.sha256(raw).hexdigest(), _checked(name, text))


def from_path(path: str | os.PathLike[str]) -> Report:
    """A report read from a file (or ``-``, standard input): text, PDF or .docx by its first bytes."""
    name = str(path)
    raw = read(path)
    if isinstance(raw, Problem):
        raise DataError([raw])
    return from_bytes(raw, os.path.basename(name) or name)


def from_bytes(raw: bytes, name: str) -> Report:
    """A report from the bytes of a text, PDF or .docx file."""
    digest = hashlib.sha256(raw).hexdigest()
    if raw.startswith(b"%PDF-"):
        text = _pdf(raw, name)
    elif raw.startswith(b"PK\x03\x04"):
        text = _docx(raw, name)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _error(name, f"not UTF-8 text, a PDF or a .docx (byte {exc.start}): give the report's text") from None
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise _error(name, f"the report's text is longer than {MAX_BYTES:,} bytes (_yaml.MAX_BYTES)")
    return Report(name, digest, _checked(name, text))


def _checked(name: str, text: str) -> str:
    binary = _BINARY.search(text)
    if binary:
        line = text.count("\n", 0, binary.start()) + 1
        raise _error(name, f"line {line}: a control character ({binary.group()!r}): this is not a report's text")
    if not text.strip():
        raise _error(name, "the report is empty")
    return text


def _pdf(raw: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise _error(name, "reading a PDF needs the pdf extra: pip install 'smuggling-wg[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(raw))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise _error(name, f"the PDF has {len(reader.pages):,} pages; the limit is {MAX_PDF_PAGES}")
        pages: list[str] = []
        size = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_BYTES:
                raise _error(name, f"the PDF's text is longer than {MAX_BYTES:,} characters (_yaml.MAX_BYTES)")
    except DataError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise _error(name, f"not a PDF that can be read: {type(exc).__name__}: {str(exc)[:200]}") from None
    return "\f".join(pages)  # a form feed between pages, as pdftotext writes them


def _docx(raw: bytes, name: str) -> str:
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > 20 * MAX_BYTES:
                raise _error(name, f"the .docx's text part is {info.file_size:,} bytes unpacked; too large")
            root = ElementTree.fromstring(archive.read(info))
    except DataError:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError, NotImplementedError) as exc:
        raise _error(name, f"not a .docx that can be read: {type(exc).__name__}: {str(exc)[:200]}") from None
    lines = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append(" ")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        lines.append("".join(parts))
    return "\n".join(lines)
