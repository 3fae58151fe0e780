"""HTML pages and HTML fragments to plain text."""
from __future__ import annotations

import html as htmllib
import re

from sitroom.ingest.metadata import parse_datetime_loose
from sitroom.ingest.model import Metadata

_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|tr|article|section|blockquote)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.I)


def _without_scripts(fragment: str) -> str:
    """The fragment without its script and style elements, in one pass: an element left unclosed runs to the
    end, as in a browser (a lazy regex would rescan the rest of the page for every unclosed tag)."""
    lower = fragment.lower()
    out, pos = [], 0
    while True:
        m = _SCRIPT_OPEN.search(fragment, pos)
        if m is None:
            out.append(fragment[pos:])
            break
        out.append(fragment[pos:m.start()])
        close = lower.find(f"</{m.group(1).lower()}", m.end())
        if close < 0:
            break
        end = lower.find(">", close)
        pos = len(fragment) if end < 0 else end + 1
    return "".join(out)


def fragment_to_text(fragment: str) -> str:
    """Strip tags from an HTML fragment (a feed item's body), one paragraph per block element."""
    text = _without_scripts(fragment)
    text = _BLOCK.sub("\n", text)
    text = htmllib.unescape(_TAG.sub("", text))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def page_to_text(page: str) -> tuple[str, Metadata]:
    """Main text and metadata of a whole web page, through trafilatura (fallback: tag stripping)."""
    import trafilatura

    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text) < 40:
        lower = page.lower()
        start, end = lower.find("<body"), lower.rfind("</body>")
        text = fragment_to_text(page[start:end + 7] if 0 <= start < end else page)
    meta = Metadata()
    if doc is not None:
        meta = Metadata(published=parse_datetime_loose(getattr(doc, "date", None)),
                        title=getattr(doc, "title", None) or None,
                        url=getattr(doc, "url", None) or None,
                        source=getattr(doc, "sitename", None) or None,
                        language=None)
    return text, meta
