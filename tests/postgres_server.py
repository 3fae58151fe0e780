"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder, reached by a Unix
socket there, stopped and removed afterwards. ``SITROOM_TEST_POSTGRES=postgresql://...`` uses a server of
your own instead. `make test` installs Debian's postgresql package when it is missing (as root).
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def available() -> bool:
    """Whether a server can be had: one given in the environment, or PostgreSQL's programs to start one."""
    return bool(os.environ.get("SITROOM_TEST_POSTGRES")) or (_binary("initdb") is not None and
                                                          _binary("pg_ctl") is not None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_server() -> Iterator[str]:
    """The URL of an empty PostgreSQL database for the length of the block."""
    given = os.environ.get("SITROOM_TEST_POSTGRES")
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="sitroom-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as Debian's postgres user
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run(_binary("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
            "--no-sync")
        run(_binary("pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "60", "-o",
            f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off -c full_page_writes=off", "start")
        import psycopg

        base = f"postgresql://postgres@/postgres?host={folder}&port={port}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute("CREATE DATABASE sitroom_test")
        yield f"postgresql://postgres@/sitroom_test?host={folder}&port={port}"
    finally:
        if data.exists():
            subprocess.run([*as_user, _binary("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def reset(url: str) -> None:
    """Drop every table of the database (a fresh start for the next test)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
