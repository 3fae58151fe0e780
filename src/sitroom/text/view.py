"""The analysis view: Simplified characters, narrow digits and letters, same length as the text."""
from __future__ import annotations

from functools import lru_cache

_FULLWIDTH = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({c: chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({c: chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({0xFF05: "%", 0xFF0E: ".", 0x3000: " ", 0xFF0B: "+", 0xFF0D: "-"})


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains any CJK unified ideograph."""
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def simplified_view(text: str) -> str:
    """``text`` with Traditional characters converted to Simplified (OpenCC t2s), length preserved.

    OpenCC converts phrase by phrase; when a conversion would change the length
    the characters are converted one by one and any that still would are kept.
    """
    text = text.translate(_FULLWIDTH)
    if not has_cjk(text):
        return text
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    chars = []
    for ch in text:
        c = conv.convert(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)
