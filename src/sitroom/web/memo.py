"""Responses kept while the database does not change: the picture of a large database takes seconds to
parse and summarise, and it only changes when an ingest or a fusion writes to it.

A response is kept under its endpoint and parameters, together with the database's picture version
(counted by every write) and the size and modification time of the file and its write-ahead log, and
is computed again as soon as any of them differs.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from fastapi.responses import JSONResponse, Response


class ResponseMemo:
    """Rendered responses of one database, for as long as the database stays as it was."""

    def __init__(self, db_path: str | Path, size: int = 64) -> None:
        self.files = [db_path, db_path.with_name(db_path.name + "-wal")] if isinstance(db_path, Path) else []
        self.size = size
        self._lock = threading.Lock()
        self._state: tuple | None = None
        self._kept: OrderedDict[tuple, tuple[bytes, str, int]] = OrderedDict()

    def state(self, version: str) -> tuple:
        """What identifies the database's content: its picture version and its files' sizes and times (an
        SQLite file and its write-ahead log; PostgreSQL has only the version)."""
        out: list = [version]
        for path in self.files:
            try:
                st = path.stat()
                out += [st.st_size, st.st_mtime_ns]
            except OSError:
                out += [None, None]
        return tuple(out)

    def get(self, key: tuple, version: str, compute: Callable[[], Response | dict]) -> Response:
        """The kept response for ``key`` while the database is unchanged, else ``compute()`` kept anew."""
        state = self.state(version)
        with self._lock:
            if state != self._state:
                self._state, self._kept = state, OrderedDict()
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is None:
            result = compute()
            response = JSONResponse(result) if isinstance(result, dict) else result
            kept = (bytes(response.body), response.media_type or "application/json", response.status_code)
            with self._lock:
                if state == self._state:
                    self._kept[key] = kept
                    while len(self._kept) > self.size:
                        self._kept.popitem(last=False)
        body, media_type, status = kept
        return Response(body, status_code=status, media_type=media_type)
