"""Paragraphs, sentences and line kinds (heading, caption, boilerplate), with exact offsets.

Paragraphs broken mid-sentence by a layout break (the line ends without
sentence punctuation, the next begins mid-phrase) are joined in the analysis
view; the offsets still point into the original text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from sitroom.text.document import Sentence

_ZH_END = "。！？!?"
_CLOSERS = "”’」』）)\"'》"
_ZH_SENT = re.compile(rf"[^{_ZH_END}]*[{_ZH_END}]+[{_CLOSERS}]*|[^{_ZH_END}]+$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_INNER_PUNCT = re.compile(r"[，,；;：:、]")


@lru_cache(maxsize=1)
def _line_patterns() -> list[tuple[str, re.Pattern]]:
    rows = resources.files("sitroom.text").joinpath("data/boilerplate.tsv").read_text("utf-8")
    out = []
    for line in rows.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, pattern = line.split("\t", 1)
        out.append((kind, re.compile(pattern)))
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    rows = resources.files("sitroom.text").joinpath("data/en_abbreviations.txt").read_text("utf-8")
    return frozenset(r.strip().lower() for r in rows.splitlines() if r.strip() and not r.startswith("#"))


def line_kind(line: str, first: bool) -> str:
    """Classify a stripped paragraph: heading, title, caption, boilerplate or body."""
    if line.startswith("#"):
        return "heading_md"
    for kind, pattern in _line_patterns():
        if pattern.fullmatch(line):
            return kind
    terminal = line.rstrip(_CLOSERS + " ")[-1:] in _ZH_END + "."
    if not terminal and len(line) <= (40 if _CJK.search(line) else 120):
        return "title" if first else "heading"
    return "body"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines (each line of the text is a paragraph)."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def _joins(prev: str, nxt: str, prev_kind: str) -> bool:
    """Whether a paragraph break between ``prev`` and ``nxt`` falls inside a sentence."""
    if prev_kind != "body" and not (prev_kind in ("heading", "title") and _INNER_PUNCT.search(prev)):
        return False
    last, head = prev[-1], nxt[0]
    if _CJK.match(last) and _CJK.match(head):
        return True
    return last.isalpha() and last.islower() and head.islower()


def split_sentences(text: str, view: str, language: str) -> list[Sentence]:
    """Sentences of the document with their kinds, paragraph numbers and analysis views."""
    paras = paragraphs(text)
    kinds = [line_kind(text[s:e], i == 0) for i, (s, e) in enumerate(paras)]
    # join paragraphs broken mid-sentence
    groups: list[list[int]] = []
    for i, (s, e) in enumerate(paras):
        if groups and _joins(text[paras[groups[-1][-1]][0]:paras[groups[-1][-1]][1]], text[s:e], kinds[groups[-1][-1]]) \
                and kinds[i] in ("body", "heading"):
            groups[-1].append(i)
        else:
            groups.append([i])
    sentences: list[Sentence] = []
    for pno, group in enumerate(groups):
        kind = kinds[group[0]]
        if len(group) > 1:
            kind = "body"
        offsets: list[int] = []
        for k, i in enumerate(group):
            s, e = paras[i]
            if k and not (_CJK.match(text[offsets[-1]]) and _CJK.match(text[s])):
                offsets.append(offsets[-1] + 1)  # the break itself stands for the space between two words
            offsets.extend(range(s, e))
        joined = "".join(" " if view[o] == "\n" else view[o] for o in offsets)
        pieces = _split_zh(joined) if language == "zh" else _split_en(joined)
        for a, b in pieces:
            while a < b and joined[a].isspace():
                a += 1
            while b > a and joined[b - 1].isspace():
                b -= 1
            if a == b:
                continue
            offs = offsets[a:b]
            sentences.append(Sentence(index=len(sentences), start=offs[0], end=offs[-1] + 1, paragraph=pno,
                                      kind=kind, text=joined[a:b], offsets=offs))
    return sentences


def _split_zh(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _ZH_SENT.finditer(text):
        if m.end() > m.start():
            out.append((m.start(), m.end()))
    # English sentences inside Chinese text are rare; keep as is
    return out


_EN_BOUNDARY = re.compile(r"([.!?][\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def _split_en(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    abbrev = _abbreviations()
    for m in _EN_BOUNDARY.finditer(text):
        end = m.start(1) + len(m.group(1))
        # the word just before the full stop: read from the last 64 characters only, so that a run of
        # abbreviations (A. A. A. ...) does not make every boundary rescan the sentence so far
        word = re.search(r"([A-Za-z.]+)\.[\"'”’)\]]*$", text[max(start, end - 64):end])
        if m.group(1).startswith(".") and word:
            w = word.group(1).lower()
            if w in abbrev or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
                continue
        out.append((start, end))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def clauses(sentence_text: str) -> list[tuple[int, int]]:
    """Clause spans of a Chinese sentence view: split at commas, semicolons and colons."""
    out = []
    start = 0
    for m in re.finditer(r"[，,；;：:]", sentence_text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence_text)))
    return [(a, b) for a, b in out if b > a]
