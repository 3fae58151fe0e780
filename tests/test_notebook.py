"""The notebook API (sitroom.extract, sitroom.open) and `sitroom events --fused`, on the sample corpus."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pandas
import pytest
from click.testing import CliRunner
from conftest import build_picture

import sitroom
from sitroom.cli import main
from sitroom.store import Store
from sitroom.store.output import FUSED_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
KANDAHAR_EN = ("KABUL, Aug 13 (Example Wire) - The Taliban captured Kandahar, the second-largest city of Afghanistan, "
               "on Friday, officials said.\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_picture(tmp_path_factory.mktemp("notebook"))


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_readme_notebook_example_runs_and_prints_what_it_says(db: Path, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### In a notebook"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shutil.copyfile(db, tmp_path / "demo.sqlite")
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the documented example itself
    finally:
        os.chdir(cwd)
    printed = out.getvalue().splitlines()
    promised = re.search(r"^# (territory_captured .*)$", code, re.M).group(1)
    assert printed[0] == promised
    assert any("Taliban" in line for line in printed), printed


def test_extract_gives_the_records_of_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "kunduz.txt"
    source = ROOT / "examples" / "corpus" / "afg_2021-08-08_kunduz_zh.txt"
    published = json.loads(source.with_suffix(".meta.json").read_text())["published"]
    path.write_bytes(source.read_bytes())
    result = run("extract", path, "--published", published)
    assert result.exit_code == 0, result.output
    cli = [json.loads(line) for line in result.output.splitlines()]
    api = sitroom.extract(source.read_text(encoding="utf-8"), published=published)
    assert api == cli and len(api) >= 3


def test_extract_reads_english_and_refuses_bad_input_in_one_line() -> None:
    events = sitroom.extract(KANDAHAR_EN, published="2021-08-13", lang="en")
    assert [(e["event_type"], e["actor1"], e["location"]["name"], e["date_start"]) for e in events] == \
        [("territory_captured", "Taliban", "Kandahar", "2021-08-13")]
    for kwargs, fragment in [({"text": KANDAHAR_EN, "published": None}, "published is required"),
                             ({"text": KANDAHAR_EN, "published": "13/08/2021"}, "not a date"),
                             ({"text": KANDAHAR_EN, "published": "2021-08-13", "lang": "fr"}, "fr"),
                             ({"text": "   \n", "published": "2021-08-13"}, "has no text"),
                             ({"text": b"bytes", "published": "2021-08-13"}, "must be a str")]:
        with pytest.raises(sitroom.SitroomError, match=re.escape(fragment)):
            sitroom.extract(**kwargs)


def test_open_gives_dataframes_of_the_stored_picture(db: Path) -> None:
    with Store(db, readonly=True) as store:
        fused = store.fused_events()
        af = store.fused_events(country="AF", event_type="territory_captured")
        reports = store.query_events()
    with sitroom.open(db) as picture:
        frame = picture.events(fused=True)
        assert list(frame.columns) == FUSED_COLUMNS
        assert sorted(frame["fused_id"]) == sorted(f["fused_id"] for f in fused)
        assert pandas.api.types.is_datetime64_any_dtype(frame["best_date"])
        captures = picture.events(fused=True, type="territory_captured", country="af")
        assert sorted(captures["fused_id"]) == sorted(f["fused_id"] for f in af)
        assert set(captures["country_code"]) == {"AF"}
        each = picture.events()
        assert len(each) == len(reports) and each["evidence_text"].notna().all()
        held = picture.control(at="2021-08-13", country="AF")
        assert "Kandahar" in set(held["place"]) and "Kabul" not in set(held["place"])  # taken on the 15th
        assert len(picture.documents()) == len({r["doc_id"] for r in reports})
        assert picture.report(country="AF").startswith("# Situation report")


@pytest.mark.parametrize("kwargs, fragment", [
    ({"type": "captured"}, "not an event type"), ({"country": "Afghanistan"}, "not an ISO 3166-1"),
    ({"country": "ZZ"}, "not an ISO 3166-1"), ({"since": "2021-08-15", "until": "2021-08-01"}, "is after"),
    ({"since": "yesterday"}, "not a date"),
])
def test_open_checks_its_filters(db: Path, kwargs: dict, fragment: str) -> None:
    with sitroom.open(db) as picture, pytest.raises(sitroom.SitroomError, match=fragment):
        picture.events(fused=True, **kwargs)


def test_open_refuses_a_missing_database_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(sitroom.SitroomError, match="no such database"):
        sitroom.open(tmp_path / "nothing.sqlite")


def test_events_fused_as_a_table_with_a_header_and_as_csv(db: Path) -> None:
    with Store(db, readonly=True) as store:
        fused = store.fused_events(event_type="territory_captured")
    table = run("events", "--db", db, "--fused", "--type", "territory_captured")
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert lines[0].split()[:3] == ["date", "type", "actor"]
    assert len(lines) == len(fused) + 1
    assert {line.split()[-1] for line in lines[1:]} == {f["fused_id"] for f in fused}
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--fused", "--format", "csv").output)))
    assert list(rows[0]) == FUSED_COLUMNS
    with Store(db, readonly=True) as store:
        assert len(rows) == len(store.fused_events())


def test_events_table_of_each_report_has_a_header_row(db: Path) -> None:
    lines = run("events", "--db", db, "--type", "territory_captured").output.splitlines()
    assert lines[0].split() == ["date", "type", "actor", "place", "quantity", "certainty", "evidence"]


@pytest.mark.parametrize("args, fragment", [
    (["events", "--type", "captured"], "--type 'captured' is not an event type"),
    (["events", "--fused", "--country", "XX"], "--country 'XX' is not an ISO 3166-1"),
    (["events", "--since", "2021-08-15", "--until", "2021-08-01"], "--since 2021-08-15 is after --until"),
    (["export", "--format", "jsonl", "--type", "battle"], "not an event type"),
    (["export", "--format", "acled", "--since", "2022-01-01", "--until", "2021-01-01"], "is after"),
    (["report", "--country", "Kherson"], "not an ISO 3166-1"),
    (["control", "--country", "QQ"], "not an ISO 3166-1"),
])
def test_unknown_filter_values_and_reversed_periods_are_errors(db: Path, args: list[str], fragment: str) -> None:
    result = run(*args, "--db", db)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert fragment in result.output, result.output
