"""A database that cannot be written (a read-only file, or a copy in a read-only folder) is still read by every
read verb and the web app, unchanged; the verbs that write say so in one line.

Root writes to any file, so as root the file (and folder) is made immutable with ``chattr +i``; another user gets
the write permissions taken away.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import build_picture
from fastapi.testclient import TestClient

from sitroom.cli import main
from sitroom.web.app import create_app

READ_VERBS = [["summary"], ["events"], ["control"], ["report"], ["export", "--format", "acled"],
              ["export", "--format", "geojson"]]
API = ["/api/health", "/api/meta", "/api/events", "/api/control", "/api/report", "/api/documents"]


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Nobody, root included, may write to ``paths`` inside the block."""
    if os.geteuid() == 0:
        done = []
        try:
            for p in paths:
                if subprocess.run(["chattr", "+i", str(p)], capture_output=True).returncode:
                    pytest.skip("chattr +i is not available here (needed to make a file read-only for root)")
                done.append(p)
            yield
        finally:
            for p in done:
                subprocess.run(["chattr", "-i", str(p)], check=True)
    else:
        modes = {p: p.stat().st_mode for p in paths}
        try:
            for p in paths:
                p.chmod(modes[p] & ~0o222)
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def outputs(db: Path) -> dict:
    """What every read verb prints and every read operation of the API answers."""
    answers = {}
    for verb in READ_VERBS:
        result = run(*verb, "--db", db)
        assert result.exit_code == 0, (verb, result.output)
        answers[" ".join(verb)] = result.output
    with TestClient(create_app(db)) as client:
        for url in API:
            response = client.get(url)
            assert response.status_code == 200, (url, response.text[:300])
            answers[url] = response.content
    return answers


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_picture(tmp_path_factory.mktemp("read_only_source"))


@pytest.fixture
def copy(picture: Path, tmp_path: Path) -> Path:
    """The picture, checkpointed into one file and copied alone (as onto a USB stick or a read-only share)."""
    folder = tmp_path / "share"
    folder.mkdir()
    target = folder / "picture.sqlite"
    shutil.copyfile(picture, target)
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{target}{suffix}").exists()
    return target


def test_every_read_verb_and_the_api_read_a_read_only_file_unchanged(copy: Path) -> None:
    expected = outputs(copy)
    before = digest(copy)
    with read_only(copy):
        assert outputs(copy) == expected
    assert digest(copy) == before


def test_a_copy_in_a_read_only_folder_is_read_without_its_wal_index(copy: Path) -> None:
    """SQLite cannot create the -shm index beside the file; without a -wal there is nothing it would miss."""
    expected = outputs(copy)
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    before = digest(copy)
    with read_only(copy, copy.parent):
        assert outputs(copy) == expected
    assert digest(copy) == before
    assert sorted(p.name for p in copy.parent.iterdir()) == ["picture.sqlite"]


@pytest.mark.parametrize("verb", [["fuse"], ["ingest", "ARTICLE", "--published", "2021-08-15"]])
def test_verbs_that_write_say_in_one_line_that_the_file_is_read_only(copy: Path, tmp_path: Path,
                                                                      verb: list[str]) -> None:
    article = tmp_path / "jalalabad.txt"
    article.write_text("KABUL, Aug 15 (Wire) - The Taliban captured Jalalabad on Sunday, officials said.\n")
    before = digest(copy)
    with read_only(copy):
        result = run(*[str(article) if a == "ARTICLE" else a for a in verb], "--db", copy)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = [line for line in result.output.splitlines() if line.lower().startswith("error:")]
    assert len(errors) == 1 and "read-only" in errors[0], result.output
    assert digest(copy) == before
