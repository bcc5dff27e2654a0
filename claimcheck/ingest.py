"""Ingest: paths → sources (decoded, cleaned, dated), plus what was skipped and why.

Inputs:
    Files, folders (walked recursively in name order; entries whose names start with "." are
    ignored inside folders) and ``-`` for standard input. Symbolic links are followed; a link
    that leads back into a folder being walked is skipped as a loop. The same file reached
    twice is read once. Arguments are sorted first, so the result never depends on their order.

Formats, by extension:
    ``.txt``/``.text``/``.md``/``.markdown``: plain text. ``.html``/``.htm``/``.xhtml``: article
    text extracted by ``claimcheck.html``. ``.json``: one object or a list of objects, and
    ``.jsonl``/``.ndjson``: one object a line; each object needs a ``text`` string and may have
    ``id``, ``title``, ``url`` and ``published``. Any other extension: read as text (or HTML when
    it starts like a page) unless it looks binary. Standard input is sniffed the same way, and
    read as JSON when it parses as JSON.

Decoding:
    UTF-8 with or without a byte-order mark; UTF-16 and UTF-32 with a byte-order mark (and
    UTF-16 without one, recognised by its NUL bytes, with a warning); otherwise the charset an
    HTML page declares, or cp1252, or latin-1, with a warning. NUL bytes or many control bytes
    in anything else mean a binary file, which is skipped. Line ends become "\\n".

Source fields:
    ``id`` is the file name without its extension (for JSON records: the ``id`` field, else
    ``<file stem>-<n>``, or the stem alone for a file holding one object). Ids two inputs share
    get the names of their parent folders in front (``a/x.txt``, ``b/x.txt`` → ``a-x``, ``b-x``),
    then their extension after, then a number, always decided from absolute paths so that the
    order of arguments cannot change them. ``path`` is the path as given, joined with the path
    inside a folder. ``title``, ``url`` and ``published`` come from metadata when there is
    some; else the title and publication date are read from the text by ``claimcheck.clean``;
    else ``published`` is ``settings.reference_date``.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO, overload

from claimcheck.clean import clean, parse_date
from claimcheck.html import extract_article
from claimcheck.model import Skipped, Source
from claimcheck.settings import Settings

STDIN = "-"

_TEXT_EXTENSIONS = frozenset((".txt", ".text", ".md", ".markdown"))
_HTML_EXTENSIONS = frozenset((".html", ".htm", ".xhtml"))
_JSON_EXTENSIONS = frozenset((".json",))
_JSONL_EXTENSIONS = frozenset((".jsonl", ".ndjson"))

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
# Control bytes that plain text does not contain (tab, newlines, form feed and escape are fine).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
_BINARY_SHARE = 0.05  # more control bytes than this share of a file: binary
_UTF16_NUL_SHARE = 0.3  # ASCII-heavy UTF-16 without a mark: about half its bytes are NUL

# A page, by its first tag. Matches: "<!DOCTYPE html>", "<html lang=en>", "<body>".
# Not: "<3 this story".
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article)\b",
    re.IGNORECASE | re.DOTALL,
)

# The charset a page declares. Matches: '<meta charset="iso-8859-2">',
# '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'.
# Not: "charset" in the text of a page.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)

# Line separators other than "\n": "\r\n", "\r", U+2028 and U+2029.
_LINE_ENDS = re.compile("\r\n?|[\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Ingested:
    """What ``ingest`` read: sources sorted by id, skipped inputs and warnings, both sorted."""

    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Origin:
    """Where records come from: one file, or standard input."""

    path: str  # as the user gave it, joined with the path inside a folder
    absolute: str  # "" for standard input
    parents: tuple[str, ...]  # names of the folders above the file (absolute), nearest last
    extension: str  # lower case, with its dot; "" for standard input


@dataclass(frozen=True, slots=True)
class _Record:
    """One article read from an input, before ids are made unique."""

    base: str  # the id before disambiguation
    number: int  # record number in a JSON file (0 for a whole file): a stable tie-break
    origin: _Origin
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    captions: tuple[str, ...] = ()


class _Unreadable(Exception):
    """An input that is skipped; the message is the one-line reason."""


@dataclass(slots=True)
class _Found:
    """What walking the arguments found."""

    files: list[tuple[str, os.stat_result]]
    skipped: list[Skipped]


def ingest(paths: Sequence[str], *, settings: Settings, stdin: TextIO | None = None) -> Ingested:
    """Read every article under ``paths``.

    Args:
        paths: files, folders and ``-`` (standard input: ``stdin``, or ``sys.stdin`` if None).
        settings: ``max_file_bytes`` and ``reference_date`` are used.

    Returns:
        The sources sorted by id, the inputs that were skipped with a one-line reason, and
        warnings (such as a cp1252 fallback). A path that does not exist is skipped too.
    """
    found = _Found([], [])
    seen: set[tuple[int, int]] = set()
    records: list[_Record] = []
    warnings: list[str] = []
    for arg in sorted(set(paths)):
        if arg == STDIN:
            stream = stdin if stdin is not None else sys.stdin
            _read_stdin(stream, settings, records, found.skipped, warnings)
        else:
            _walk(arg, found)
    for display, info in found.files:
        identity = (info.st_dev, info.st_ino)
        if identity in seen:
            continue  # the same file under another name or through a link
        seen.add(identity)
        try:
            records.extend(_read_file(display, info, settings, warnings))
        except _Unreadable as error:
            found.skipped.append(Skipped(display, str(error)))
        except _RecordsSkipped as partial:
            records.extend(partial.records)
            found.skipped.extend(Skipped(display, reason) for reason in partial.reasons)
    ids = _unique_ids(records)
    reference = settings.reference_date.isoformat() if settings.reference_date is not None else None
    sources = []
    for source_id, record in zip(ids, records):
        path = printable_path(record.origin.path)
        replaced = sum(_surrogates(field) for field in (record.text, record.title, record.url, *record.captions))
        if replaced:
            warnings.append(
                f"{path}: {replaced} lone surrogate character{'s' if replaced > 1 else ''} (not valid Unicode) "
                "replaced with U+FFFD"
            )
        sources.append(
            source_from_text(
                _valid(record.text),
                id=printable_path(source_id),
                path=path,
                title=_valid(record.title),
                published=_valid(record.published),
                url=_valid(record.url),
                captions=tuple(_valid(c) for c in record.captions),
                reference=reference,
            )
        )
    skipped = {Skipped(printable_path(s.path), s.reason) for s in found.skipped}
    return Ingested(
        sources=tuple(sorted(sources, key=lambda s: s.id)),
        skipped=tuple(sorted(skipped, key=lambda s: (s.path, s.reason))),
        warnings=tuple(sorted({printable_path(w) for w in warnings})),
    )


# Lone surrogates (U+D800-U+DFFF) cannot be encoded in UTF-8: JSON input may hold them
# ("\ud800"), and file names that are not UTF-8 decode to them (os.fsdecode).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogates(text: str | None) -> int:
    return len(_SURROGATE.findall(text)) if text else 0


@overload
def _valid(text: str) -> str: ...
@overload
def _valid(text: None) -> None: ...
def _valid(text: str | None) -> str | None:
    """``text`` with each lone surrogate replaced by U+FFFD: one for one, so offsets hold."""
    return _SURROGATE.sub("\ufffd", text) if text else text


def printable_path(path: str) -> str:
    """A file name as valid Unicode: bytes that are not UTF-8 are shown as ``\\xe9``."""
    if not _SURROGATE.search(path):
        return path
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return _SURROGATE.sub("\ufffd", path)
    return raw.decode("utf-8", "backslashreplace")


def source_from_text(
    text: str,
    *,
    id: str,
    path: str,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    captions: tuple[str, ...] = (),
    reference: str | None = None,
) -> Source:
    """Clean ``text`` into a ``Source``: regions, title and publication date.

    Metadata given here wins over what cleaning reads from the text; ``reference`` (an ISO
    date) is the last resort for ``published``.
    """
    cleaned = clean(text, title=title, captions=frozenset(captions))
    found = ((published, "metadata"), (cleaned.published, "text"), (reference, "reference-date"))
    date, origin = next(((d, o) for d, o in found if d), (None, None))
    return Source(
        id=id,
        path=path,
        text=text,
        title=title or cleaned.title,
        published=date,
        regions=cleaned.regions,
        url=url,
        published_from=origin,
    )


# --- finding files ---------------------------------------------------------------------------


def _reason(error: OSError, path: str) -> str:
    """A short, lower-case reason for an OS error ("permission denied")."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


def _walk(arg: str, found: _Found) -> None:
    """Add the files under ``arg`` (a file or a folder) to ``found``, in name order."""
    try:
        info = os.stat(arg)
    except OSError as error:
        found.skipped.append(Skipped(arg, _reason(error, arg)))
        return
    if stat.S_ISREG(info.st_mode):
        found.files.append((arg, info))
        return
    if not stat.S_ISDIR(info.st_mode):
        found.skipped.append(Skipped(arg, "not a regular file"))
        return
    before = (len(found.files), len(found.skipped))
    top = (info.st_dev, info.st_ino)
    visited = {top}
    # Depth-first, in name order; an explicit stack, so deep trees cannot hit the recursion limit.
    stack: list[tuple[str, frozenset[tuple[int, int]]]] = [(arg, frozenset((top,)))]
    while stack:
        folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as scan:
                names = sorted(entry.name for entry in scan if not entry.name.startswith("."))
        except OSError as error:
            found.skipped.append(Skipped(folder, _reason(error, folder)))
            continue
        if not names:
            found.skipped.append(Skipped(folder, "empty folder"))
            continue
        subfolders: list[tuple[str, frozenset[tuple[int, int]]]] = []
        for name in names:
            child = os.path.join(folder, name)
            try:
                child_info = os.stat(child)
            except OSError as error:
                found.skipped.append(Skipped(child, _reason(error, child)))
                continue
            key = (child_info.st_dev, child_info.st_ino)
            if stat.S_ISDIR(child_info.st_mode):
                if key in ancestors:
                    found.skipped.append(Skipped(child, "symbolic link loop"))
                elif key not in visited:
                    visited.add(key)
                    subfolders.append((child, ancestors | {key}))
            elif stat.S_ISREG(child_info.st_mode):
                found.files.append((child, child_info))
            else:
                found.skipped.append(Skipped(child, "not a regular file"))
        stack.extend(reversed(subfolders))
    # Say so when nothing under the folder was even a file (only empty folders, or nothing).
    added = found.skipped[before[1] :]
    if (
        len(found.files) == before[0]
        and all(s.reason == "empty folder" for s in added)
        and not any(s.path == arg for s in added)
    ):
        found.skipped.append(Skipped(arg, "no files found"))


# --- reading ------------------------------------------------------------------------------


class _RecordsSkipped(Exception):
    """Some records of a JSON file were read and some were skipped."""

    def __init__(self, records: list[_Record], reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.records = records
        self.reasons = reasons


def _too_large(settings: Settings) -> str:
    limit = settings.max_file_bytes
    if limit >= 1_000_000:
        return f"larger than {limit / 1_000_000:g} MB"
    if limit >= 1_000:
        return f"larger than {limit / 1_000:g} kB"
    return f"larger than {limit} bytes"


def _read_file(
    display: str, info: os.stat_result, settings: Settings, warnings: list[str]
) -> list[_Record]:
    # Check the size before reading: a huge file must never be loaded into memory.
    if info.st_size > settings.max_file_bytes:
        raise _Unreadable(_too_large(settings))
    try:
        with open(display, "rb") as handle:
            data = handle.read(settings.max_file_bytes + 1)
    except OSError as error:
        raise _Unreadable(_reason(error, display)) from None
    if len(data) > settings.max_file_bytes:
        raise _Unreadable(_too_large(settings))  # it grew after the size check
    stem, extension = os.path.splitext(os.path.basename(display))
    absolute = os.path.abspath(display)
    parents = tuple(part for part in os.path.dirname(absolute).split(os.sep) if part)
    origin = _Origin(display, absolute, parents, extension.lower())
    declared = _declared_charset(data) if origin.extension not in _TEXT_EXTENSIONS else None
    text, warning = _decode(data, declared=declared)
    if warning is not None:
        warnings.append(f"{display}: {warning}")
    if not text.strip():
        raise _Unreadable("empty file")
    if origin.extension in _JSON_EXTENSIONS or origin.extension in _JSONL_EXTENSIONS:
        lines = origin.extension in _JSONL_EXTENSIONS
        objects = _json_objects(text, lines=lines)
        return _json_records(objects, stem, origin, warnings, unit="line" if lines else "record")
    if origin.extension in _HTML_EXTENSIONS or (
        origin.extension not in _TEXT_EXTENSIONS and _HTML_START.match(text)
    ):
        return [_html_record(text, stem, origin)]
    return [_Record(stem, 0, origin, text)]


def _decode(data: bytes, *, declared: str | None = None) -> tuple[str, str | None]:
    """Decode the bytes of a text file; return the text and a warning (or None).

    Raises:
        _Unreadable: for an empty or binary file, or one that its byte-order mark lies about.
    """
    if not data:
        raise _Unreadable("empty file")
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return _normalize(data.decode(codec)), None
            except UnicodeDecodeError:
                raise _Unreadable(f"not valid {name} text") from None
    if b"\x00" in data:
        text = _utf16_without_mark(data)
        if text is None:
            raise _Unreadable("binary file")
        return _normalize(text[0]), f"decoded as {text[1]} (no byte-order mark)"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _BINARY_SHARE * len(data):
        raise _Unreadable("binary file")
    try:
        return _normalize(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    unusable = ""
    if declared is not None:
        usable = _usable_charset(declared)
        if usable is not None:
            try:
                return _normalize(data.decode(usable)), None
            except (UnicodeError, ValueError):
                pass  # a wrong declaration: fall back as for any file
        unusable = f" (its declared charset {declared!r} does not fit)"
    try:
        return _normalize(data.decode("cp1252")), f"not UTF-8, decoded as cp1252{unusable}"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return _normalize(data.decode("latin-1")), f"not UTF-8, decoded as latin-1{unusable}"


def _usable_charset(declared: str) -> str | None:
    """The codec a page's ``<meta charset>`` names, if it can be the page's encoding.

    Not a codec that is no text encoding ("base64", "rot13", "undefined"), and not UTF-16 or
    UTF-32: the declaration was read as ASCII bytes, so the page is not in them (browsers read
    such a page as UTF-8, https://html.spec.whatwg.org/#algorithm-for-extracting-a-character-encoding-from-a-meta-element).
    """
    try:
        info = codecs.lookup(declared)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in ("undefined", "rot-13"):
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        return None
    return info.name


def _utf16_without_mark(data: bytes) -> tuple[str, str] | None:
    """Text from UTF-16 without a byte-order mark, told by where its NUL bytes fall."""
    nuls = data.count(0)
    if len(data) % 2 or nuls < _UTF16_NUL_SHARE * len(data):
        return None
    odd = data[1::2].count(0)
    even = nuls - odd
    # ASCII in UTF-16-LE is "x\0": the NULs are at odd offsets; in UTF-16-BE at even ones.
    for codec, name, share in (("utf-16-le", "UTF-16LE", odd), ("utf-16-be", "UTF-16BE", even)):
        if share >= 0.9 * nuls:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\x0b\x0c\r\x1b")
            if "\x00" in text or controls > _BINARY_SHARE * len(text):
                return None
            return text, name
    return None


def _normalize(text: str) -> str:
    """One kind of line end ("\\n"), and no byte-order mark left at the start."""
    return _LINE_ENDS.sub("\n", text.removeprefix("\ufeff"))


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def _html_record(text: str, base: str, origin: _Origin) -> _Record:
    article = extract_article(text)
    if not article.text.strip():
        raise _Unreadable("no article text found")
    return _Record(
        base,
        0,
        origin,
        article.text,
        title=article.title,
        published=article.published,
        url=article.url,
        captions=article.captions,
    )


# --- JSON ---------------------------------------------------------------------------------


def _json_objects(text: str, *, lines: bool) -> Iterator[tuple[int, object, str | None]]:
    """Yield ``(number, value, problem)``: record number (or line number), value, or why not."""
    if lines:
        for number, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line), None
            except (ValueError, RecursionError) as error:
                yield number, None, f"line {number}: invalid JSON: {_json_error(error)}"
        return
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise _Unreadable(f"invalid JSON: {_json_error(error)}") from None
    if isinstance(value, dict):
        yield 0, value, None
    elif isinstance(value, list):
        if not value:
            raise _Unreadable("JSON list is empty")
        for number, item in enumerate(value, 1):
            yield number, item, None
    else:
        raise _Unreadable("JSON is not an object or a list of objects")


def _json_error(error: ValueError | RecursionError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} (line {error.lineno}, column {error.colno})"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)


def _json_records(
    objects: Iterator[tuple[int, object, str | None]],
    stem: str,
    origin: _Origin,
    warnings: list[str],
    *,
    unit: str = "record",
) -> list[_Record]:
    """Records from JSON values; ``unit`` names them in reasons ("record 3", "line 3")."""
    records: list[_Record] = []
    reasons: list[str] = []
    for number, value, problem in objects:
        label = f"{unit} {number}" if number else unit
        if problem is not None:
            reasons.append(problem)
            continue
        if not isinstance(value, dict):
            reasons.append(f"{label}: not a JSON object")
            continue
        text = value.get("text")
        if not isinstance(text, str):
            reasons.append(f'{label}: no "text" string')
            continue
        text = _normalize(text)
        if not text.strip():
            reasons.append(f'{label}: empty "text"')
            continue
        given = value.get("id")
        if isinstance(given, (str, int)) and not isinstance(given, bool) and str(given).strip():
            base = str(given).strip()
        else:
            base = f"{stem}-{number}" if number else stem
        title = _json_string(value, "title")
        url = _json_string(value, "url")
        published = None
        raw = value.get("published")
        if raw is not None:
            date = parse_date(raw) if isinstance(raw, str) else None
            if date is None:
                warnings.append(
                    f"{origin.path}: {label}: cannot read published date {raw!r}; ignored"
                )
            else:
                published = date.isoformat()
        if title and title.casefold() not in (
            line.strip().casefold() for line in text.split("\n")[:5]
        ):
            text = f"{title}\n\n{text}"  # the headline is part of what the article says
        records.append(
            _Record(base, number, origin, text, title=title, published=published, url=url)
        )
    if reasons:
        raise _RecordsSkipped(records, reasons)
    return records


def _json_string(value: dict[str, object], key: str) -> str | None:
    item = value.get(key)
    return (" ".join(item.split()) or None) if isinstance(item, str) else None


# --- standard input ------------------------------------------------------------------------


def _read_stdin(
    stream: TextIO | None,
    settings: Settings,
    records: list[_Record],
    skipped: list[Skipped],
    warnings: list[str],
) -> None:
    if stream is None:  # `claimcheck run - <&-`: Python has no sys.stdin at all
        skipped.append(Skipped(STDIN, "standard input is closed"))
        return
    raw = getattr(stream, "buffer", None)
    try:
        # The bytes when there are some, so that standard input is decoded as a file is
        # (byte-order marks, cp1252 fallback); a text stream (tests, the library) as it is.
        data: bytes | str = raw.read(settings.max_file_bytes + 1) if raw is not None else stream.read(settings.max_file_bytes + 1)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        skipped.append(Skipped(STDIN, f"cannot read standard input: {error}"))
        return
    if len(data) > settings.max_file_bytes:
        skipped.append(Skipped(STDIN, _too_large(settings)))
        return
    if isinstance(data, bytes):
        try:
            text, warning = _decode(data, declared=_declared_charset(data))
        except _Unreadable as error:
            skipped.append(Skipped(STDIN, str(error).replace("file", "input")))
            return
        if warning is not None:
            warnings.append(f"{STDIN}: {warning}")
    elif "\x00" in data:
        skipped.append(Skipped(STDIN, "binary input"))
        return
    else:
        text = _normalize(data)
    if not text.strip():
        skipped.append(Skipped(STDIN, "empty input"))
        return

    origin = _Origin(STDIN, "", (), "")
    try:
        if _HTML_START.match(text):
            records.append(_html_record(text, "stdin", origin))
            return
        if text.lstrip()[:1] in ("{", "["):
            lines = _stdin_json_kind(text)
            if lines is not None:
                objects = _json_objects(text, lines=lines)
                unit = "line" if lines else "record"
                records.extend(_json_records(objects, "stdin", origin, warnings, unit=unit))
                return
    except _Unreadable as error:
        skipped.append(Skipped(STDIN, str(error)))
        return
    except _RecordsSkipped as partial:
        records.extend(partial.records)
        skipped.extend(Skipped(STDIN, reason) for reason in partial.reasons)
        return
    records.append(_Record("stdin", 0, origin, text))


def _stdin_json_kind(text: str) -> bool | None:
    """Standard input that starts like JSON: False for JSON, True for JSON Lines, None for text."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        lines = [line for line in text.split("\n") if line.strip()]
        return True if all(line.lstrip().startswith("{") for line in lines) else None
    return False


# --- ids ----------------------------------------------------------------------------------


def _unique_ids(records: list[_Record]) -> list[str]:
    """One id per record, unique, decided from absolute paths only (never argument order)."""
    ids = [record.base for record in records]
    groups: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        groups[record.base].append(index)
    for members in groups.values():
        if len(members) < 2:
            continue
        folders = {records[i].origin.parents for i in members}
        if len(folders) > 1:
            # The fewest parent folder names that tell the folders apart.
            depth = max(len(records[i].origin.parents) for i in members)
            for k in range(1, depth + 1):
                named = {records[i].origin.parents[-k:] for i in members}
                if len(named) == len(folders):
                    break
            for i in members:
                ids[i] = "-".join((*records[i].origin.parents[-k:], records[i].base))
        # Same folder: x.txt and x.md become x-txt and x-md.
        by_id: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_id[ids[i]].append(i)
        for same in by_id.values():
            extensions = {records[i].origin.extension for i in same}
            if len(same) > 1 and len(extensions) == len(same):
                for i in same:
                    ids[i] = f"{ids[i]}-{records[i].origin.extension.lstrip('.') or 'stdin'}"
    # Last resort (repeated JSON ids, or a prefixed id equal to another file's name): numbers,
    # in path order, the first keeping its id.
    while True:
        by_id = defaultdict(list)
        for index, source_id in enumerate(ids):
            by_id[source_id].append(index)
        clashes = [same for same in by_id.values() if len(same) > 1]
        if not clashes:
            return ids
        taken = set(ids)
        for same in clashes:
            same.sort(key=lambda i: (records[i].origin.absolute, records[i].number))
            for n, i in enumerate(same[1:], 2):
                candidate = f"{ids[i]}-{n}"
                while candidate in taken:
                    n += 1
                    candidate = f"{ids[i]}-{n}"
                taken.add(candidate)
                ids[i] = candidate
