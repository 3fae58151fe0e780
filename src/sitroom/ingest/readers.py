"""Readers: one per input format, each turning a file into RawDocuments.

Formats: plain text and Markdown, HTML pages, JSON and JSON Lines objects
(``text``, ``title``, ``published``, ``url``, ``source``, ``language``), and
RSS/Atom feed files. A ``NAME.meta.json`` sidecar beside a text or HTML file
supplies its metadata; command-line values override both.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from sitroom.errors import InputError, SitroomError
from sitroom.ingest.decode import decode_bytes, normalise_newlines
from sitroom.ingest.html import fragment_to_text, page_to_text
from sitroom.ingest.metadata import (is_sidecar, metadata_from_mapping, parse_datetime_loose, parse_json, parse_language,
                                     read_sidecar)
from sitroom.ingest.model import Metadata, RawDocument
from sitroom.settings import MAX_FILE_BYTES

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

Result = RawDocument | SitroomError
_NOT_ARTICLES = {"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE"}


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_SLICE = 1 << 16


def detect_language(text: str) -> str:
    """``zh`` when Chinese characters make up a real share of the letters, else ``en``."""
    # counted a slice at a time: a list of every character at once held 500 MB for a 19 MB Chinese text
    cjk = latin = 0
    for start in range(0, len(text), _SLICE):
        part = text[start:start + _SLICE]
        cjk += len(_CJK.findall(part))
        latin += len(_LATIN.findall(part))
    return "zh" if cjk and cjk * 3 >= latin * 0.5 else "en"


def discover(paths: list[str]) -> Iterator[Path | SitroomError]:
    """Expand files and folders into document files (sorted, sidecars skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            if is_sidecar(path):
                yield InputError("is a sidecar (.meta.json), not a document; name the document beside it", str(path))
            else:
                yield path
        elif path.exists():
            yield InputError("is not a regular file or folder", str(path))
        else:
            yield InputError("no such file or folder", str(path))


def _walk(folder: Path) -> Iterator[Path | SitroomError]:
    """The document files under a folder, sorted; sub-folders that cannot be listed and links to nothing (a
    loop, a missing target) that would have been documents are reported, never skipped in silence. Hidden
    files and folders, sidecars and README-like notes are skipped; links to folders are not followed."""
    found: list[Path | SitroomError] = []

    def unlistable(exc: OSError) -> None:
        found.append(InputError(f"cannot be read ({exc.strerror or exc}); its files were skipped",
                                exc.filename or str(folder)))

    for root, dirs, files in os.walk(folder, onerror=unlistable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            sub = Path(root, name)
            if name.startswith(".") or sub.suffix.lower() not in SUPPORTED or is_sidecar(sub) \
                    or sub.stem.upper() in _NOT_ARTICLES:  # a folder's README is about the folder, not news
                continue
            if not sub.is_file():
                found.append(InputError("is a symbolic link to nothing (a loop or a missing target)", str(sub))
                             if sub.is_symlink() else InputError("is not a regular file", str(sub)))
                continue
            found.append(sub)
    yield from sorted(found, key=lambda f: str(f) if isinstance(f, Path) else f.path or "")


def read_file(path: Path, override: Metadata) -> Iterator[Result]:
    """Read one file into RawDocuments (or errors for the items that fail)."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield InputError(f"is {size} bytes; the limit is {MAX_FILE_BYTES}", name)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot be read: {exc.strerror}", name)
        return
    try:
        text, encoding = decode_bytes(data, name)
    except SitroomError as exc:
        yield exc
        return
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES or (suffix not in SUPPORTED and _looks_like_feed(text)):
        yield from _feed(text, name, override, encoding)
    elif suffix in JSONL_SUFFIXES:
        yield from _jsonl(text, name, override, encoding)
    elif suffix in JSON_SUFFIXES:
        yield from _json(text, name, override, encoding)
    else:
        try:
            side = read_sidecar(path)
        except SitroomError as exc:
            yield exc
            return
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
            body, page_meta = page_to_text(text)
            yield _finish(body, page_meta.merged(side).merged(override), name, "html", encoding)
        else:
            yield _finish(text, side.merged(override), name, "text", encoding)


_SURROGATE = re.compile("[\ud800-\udfff]")


def document_from_text(text: str, meta: Metadata, name: str = "<text>") -> Result:
    """A text given directly (not read from a file) as a RawDocument, with the checks and newline normalisation
    a file's text gets, or the InputError saying why it cannot be one."""
    return _finish(normalise_newlines(text.lstrip("\ufeff")), meta, name, "text", "utf-8")


def _finish(text: str, meta: Metadata, path: str, fmt: str, encoding: str, item: int | None = None) -> Result:
    where = path if item is None else f"{path}#{item}"
    if not text or not text.strip():
        return InputError("has no text", where)
    for field, value in [("text", text)] + [(k, v) for k, v in vars(meta).items() if isinstance(v, str)]:
        bad = _SURROGATE.search(value)
        if bad:  # a lone \ud800 escape in JSON: no character, and nothing that can be stored or shown
            return InputError(f"its {field} holds an unpaired surrogate (\\u{ord(bad.group()):04x}) at character "
                              f"{bad.start()}: not valid Unicode", where)
    if "\ufffd" in text[:2000] and text.count("\ufffd") > 5:
        return InputError("contains many undecodable characters", where)
    if meta.language is None:
        meta = meta.merged(Metadata(language=detect_language(text)))
    return RawDocument(text=text, meta=meta, path=path, fmt=fmt, encoding=encoding, item=item)


def _object_doc(obj: object, path: str, override: Metadata, encoding: str, item: int, fmt: str) -> Result:
    where = f"{path}#{item}"
    if not isinstance(obj, dict):
        return InputError("is not a JSON object", where)
    text = obj.get("text") or obj.get("body") or obj.get("content")
    if not isinstance(text, str) or not text.strip():
        return InputError("has no 'text' field", where)
    try:
        meta = metadata_from_mapping(obj, where)
    except SitroomError as exc:
        return exc
    return _finish(text.replace("\r\n", "\n"), meta.merged(override), path, fmt, encoding, item)


def _jsonl(text: str, path: str, override: Metadata, encoding: str) -> Iterator[Result]:
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = parse_json(line, path, f"line {number} is not valid JSON")
        except InputError as exc:
            yield exc
            continue
        yield _object_doc(obj, path, override, encoding, number, "jsonl")


def _json(text: str, path: str, override: Metadata, encoding: str) -> Iterator[Result]:
    try:
        data = parse_json(text, path)
    except InputError as exc:
        yield exc
        return
    items = data if isinstance(data, list) else [data]
    for number, obj in enumerate(items, 1):
        yield _object_doc(obj, path, override, encoding, number, "json")


def _looks_like_feed(text: str) -> bool:
    head = text[:1000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def _declares_entities(text: str) -> bool:
    """Whether a feed declares XML entities (<!ENTITY ...>), which a parser would expand: a few kilobytes can
    become gigabytes ("billion laughs"). Checked with defusedxml, which refuses them instead of expanding."""
    if "<!entity" not in text[:100_000].lower():
        return False
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return True
    except Exception:  # noqa: BLE001 - other XML errors are feedparser's to tolerate or report
        return False
    return False


def _feed(text: str, path: str, override: Metadata, encoding: str) -> Iterator[Result]:
    import feedparser

    if _declares_entities(text):
        yield InputError("declares XML entities (<!ENTITY>); refused, as their expansion can turn a small feed "
                         "into a huge document", path)
        return
    parsed = feedparser.parse(text)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        yield InputError(f"is not an RSS/Atom feed with items{f': {reason}' if reason else ''}", path)
        return
    channel = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "") or entry.get("description", "")
        published = parse_datetime_loose(entry.get("published") or entry.get("updated"))
        meta = Metadata(published=published, title=entry.get("title"), url=entry.get("link"),
                        source=channel, language=None)
        # an item's own language (dc:language) wins; a channel's language is only a default, and a
        # bilingual feed's items are told apart by their text
        lang = entry.get("language") or entry.get("dc_language")
        if lang:
            try:
                meta = meta.merged(Metadata(language=parse_language(lang)))
            except SitroomError:
                pass
        yield _finish(fragment_to_text(body), meta.merged(override), path, "feed", encoding, number)
