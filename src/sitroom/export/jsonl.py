"""Fused events as JSON Lines: one fused record per line, exactly as the store holds it."""
from __future__ import annotations

import json
from typing import TextIO


def dump_line(record: dict) -> str:
    """One record as one line of JSON (UTF-8 text kept as written, keys in the record's order)."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def write_lines(records: list[dict], out: TextIO) -> int:
    """Write one record per line; return how many were written."""
    for record in records:
        out.write(dump_line(record))
    return len(records)
