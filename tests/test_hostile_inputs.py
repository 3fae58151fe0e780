"""Hostile and broken inputs get one line naming the file, never a traceback, and the good files of the same
call are still stored (issue 12's defects, and random inputs through every reader)."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.cli import main
from sitroom.errors import SitroomError
from sitroom.ingest import Metadata, RawDocument, read_file
from sitroom.store import Store

GOOD = "KABUL, Aug 8 (Example Wire) - Taliban fighters captured the northern city of Kunduz on Sunday, officials said.\n"


def _good(folder: Path) -> Path:
    path = folder / "good.txt"
    path.write_text(GOOD, "utf-8")
    (folder / "good.meta.json").write_text('{"published": "2021-08-09", "language": "en"}', "utf-8")
    return path


def _ingest(db: Path, *paths: Path):
    return CliRunner().invoke(main, ["ingest", *map(str, paths), "--db", str(db), "--quiet"])


def _one_error_and_the_good_file_stored(result, db: Path, name: str, says: str) -> None:
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and name in errors[0] and says in errors[0], errors
    with Store(db, readonly=True) as store:
        assert store.counts()["documents"] == 1 and store.unfused_blocks() == set()


@pytest.mark.parametrize("name, body, says", [
    ("nested.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("bigint.json", '{"text": "%s", "published": "2021-08-09", "n": %s}' % ("x" * 50, "9" * 5000), "digits"),
])
def test_json_too_deep_or_too_long_to_parse_is_refused(tmp_path: Path, name: str, body: str, says: str) -> None:
    (tmp_path / name).write_text(body, "utf-8")
    db = tmp_path / "db.sqlite"
    _one_error_and_the_good_file_stored(_ingest(db, tmp_path / name, _good(tmp_path)), db, name, says)


def test_a_sidecar_nested_too_deeply_is_refused(tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text(GOOD.replace("Kunduz", "Taloqan"), "utf-8")
    (tmp_path / "other.meta.json").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    db = tmp_path / "db.sqlite"
    _one_error_and_the_good_file_stored(_ingest(db, tmp_path / "other.txt", _good(tmp_path)), db, "other.meta.json",
                                        "nested too deeply")


def test_a_jsonl_line_with_a_lone_surrogate_is_refused_and_the_others_are_stored_and_fused(tmp_path: Path) -> None:
    lines = [json.dumps({"text": GOOD, "published": "2021-08-09"}),
             '{"text": "Rebels seized \\ud800 Goma on Tuesday.", "published": "2012-11-20"}',
             json.dumps({"text": GOOD.replace("Kunduz", "Herat"), "published": "2021-08-13"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    db = tmp_path / "db.sqlite"
    result = _ingest(db, tmp_path / "feed.jsonl")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "feed.jsonl#2: its text holds an unpaired surrogate (\\ud800)" in result.output
    with Store(db, readonly=True) as store:
        assert store.counts()["documents"] == 2 and store.unfused_blocks() == set()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0001-01-03"])
def test_publication_dates_at_the_ends_of_the_calendar_are_refused_with_a_message(tmp_path: Path, day: str) -> None:
    article = _good(tmp_path)
    for lang in ("en", "zh"):
        result = CliRunner().invoke(main, ["extract", str(article), "--published", day, "--lang", lang])
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert f"--published {day} is outside the years 1000 to 9000" in result.output
    (tmp_path / "good.meta.json").write_text(json.dumps({"published": day}), "utf-8")
    result = CliRunner().invoke(main, ["extract", str(article)])
    assert result.exit_code == 1 and "good.meta.json" in result.output and "outside the years" in result.output


def test_a_run_of_initials_and_unclosed_scripts_are_read_in_one_pass(tmp_path: Path) -> None:
    """Both took minutes (every boundary rescanned the text); the benchmark bench/fuzz.py times them."""
    initials = tmp_path / "initials.txt"
    initials.write_text("A. " * 30_000 + "\n" + GOOD, "utf-8")
    page = tmp_path / "scripts.html"
    page.write_text("<html><body><p>" + GOOD + "</p>" + "<script>" * 20_000 + "x</body></html>", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(initials), str(page), "--published", "2021-08-09",
                                       "--lang", "en"])
    assert result.exit_code == 0, result.output
    captures = [json.loads(line) for line in result.output.splitlines()]
    assert [c["location"]["name"] for c in captures if c["event_type"] == "territory_captured"] == ["Kunduz"] * 2


def test_a_feed_declaring_entities_is_refused_before_expansion(tmp_path: Path) -> None:
    feed = tmp_path / "laughs.xml"
    feed.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + "x" * 26_000 + '">]><rss><channel><item>'
                    "<title>t</title><description>" + "&a;" * 100 + "</description></item></channel></rss>", "utf-8")
    db = tmp_path / "db.sqlite"
    _one_error_and_the_good_file_stored(_ingest(db, feed, _good(tmp_path)), db, "laughs.xml",
                                        "declares XML entities")


def test_nested_json_uploaded_to_the_api_is_a_4xx(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from sitroom.web.app import create_app

    db = tmp_path / "db.sqlite"
    assert _ingest(db, _good(tmp_path)).exit_code == 0
    with TestClient(create_app(db, allow_ingest=True, token="t")) as c:
        r = c.post("/api/documents", content=b"[" * 100_000 + b"]" * 100_000, headers={"Authorization": "Bearer t"},
                   params={"filename": "deep.json", "published": "2021-08-09"})
        assert 400 <= r.status_code < 500 and "nested too deeply" in r.text, r.text


# --- random inputs through every reader -----------------------------------------------------------------------

SUFFIXES = [".txt", ".json", ".jsonl", ".html", ".xml", ".md"]
TEXTISH = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=300).map(lambda t: t.encode("utf-16-le", "surrogatepass")),
    st.builds(lambda t, n: (GOOD + t).encode("utf-8", "surrogatepass")[:n], st.text(max_size=200),
              st.integers(0, 400)),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                 lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
                     ["text", "published", "title", "language", "source", "url", "x"]), inner, max_size=5),
                 max_leaves=12).map(lambda v: json.dumps(v).encode("utf-8")),
)


@given(body=TEXTISH, suffix=st.sampled_from(SUFFIXES), sidecar=st.one_of(st.none(), TEXTISH))
@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_any_file_is_read_or_refused_with_a_message(tmp_path_factory, body: bytes, suffix: str,
                                                    sidecar: bytes | None) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"input{suffix}"
    path.write_bytes(body)
    if sidecar is not None:
        (folder / "input.meta.json").write_bytes(sidecar)
    for item in read_file(path, Metadata()):
        assert isinstance(item, (RawDocument, SitroomError))
        if isinstance(item, SitroomError):
            assert str(item).startswith(str(path)) or str(item).startswith(str(folder / "input.meta.json"))
            assert "\n" not in str(item)
        else:
            item.doc_id  # every document read can be identified and stored
            item.text.encode("utf-8")


def test_links_to_nothing_unreadable_folders_and_odd_names_in_a_folder(tmp_path: Path, monkeypatch) -> None:
    import os

    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "inside.txt").write_text(GOOD, "utf-8")
    (folder / "dangling.txt").symlink_to(folder / "nothing-here.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "up").symlink_to(folder, target_is_directory=True)  # a folder loop: not followed
    (folder / "odd\tname 名字\n.txt").write_text(GOOD.replace("Kunduz", "Taloqan"), "utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads every folder: the refusal is simulated
    db = tmp_path / "db.sqlite"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--quiet", "--published", "2021-08-09",
                                       "--lang", "en"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = sorted(line for line in result.output.splitlines() if line.startswith("error:"))
    assert len(errors) == 4, errors
    assert sum("symbolic link to nothing" in e for e in errors) == 3
    assert any("locked: cannot be read (Permission denied); its files were skipped" in e for e in errors)
    with Store(db, readonly=True) as store:
        assert [d["path"].rsplit("/", 1)[-1] for d in store.documents()] == ["odd\tname 名字\n.txt"]


def test_a_file_over_the_size_limit_is_refused_and_named(tmp_path: Path) -> None:
    from sitroom.settings import MAX_FILE_BYTES

    big = tmp_path / "one-line.txt"
    big.write_text("Taliban fighters captured Kunduz. " * (MAX_FILE_BYTES // 30), "utf-8")
    db = tmp_path / "db.sqlite"
    result = _ingest(db, big, _good(tmp_path))
    _one_error_and_the_good_file_stored(result, db, "one-line.txt", f"the limit is {MAX_FILE_BYTES}")


@pytest.mark.parametrize("line", [
    "新华社喀布尔8月13日电 塔利班13日攻占阿富汗南部坎大哈省首府坎大哈市。",
    "中央社基輔11月11日電 烏克蘭軍隊11日收復南部城市赫爾松。",
    "KABUL, Aug 13 (Wire) - The Taliban captured Kandahar on Friday, officials said. ",
])
def test_reading_a_large_one_line_text_holds_a_few_copies_of_it_not_one_object_per_character(
        tmp_path: Path, line: str) -> None:
    """A 19 MB Chinese text once held 513 MiB while its language was told (a list of every character)."""
    import tracemalloc

    data = (line.encode("utf-8") * (4 * 2**20 // len(line.encode("utf-8")) + 1))[:4 * 2**20]
    data = data[:len(data.decode("utf-8", "ignore").encode("utf-8"))]
    path = tmp_path / "long.txt"
    path.write_bytes(data)
    tracemalloc.start()
    try:
        results = list(read_file(path, Metadata()))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(results) == 1 and isinstance(results[0], RawDocument)
    assert peak < 8 * len(data), f"{peak / 2**20:.0f} MiB to read {len(data) / 2**20:.0f} MiB"
