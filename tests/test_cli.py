"""The sitroom command through click's CliRunner: output contract, bad inputs, ingest/events/summary round trips."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sitroom import __version__
from sitroom.cli import main

HERAT_ZH = "塔利班12日攻占阿富汗西部城市赫拉特。阿富汗政府军已撤至城外机场。\n"
HERAT_TW = "塔利班12日攻佔阿富汗西部城市赫拉特。阿富汗政府軍已撤至城外機場。\r\n據報導，數千名平民逃往鄰近省份。\r\n"
KANDAHAR_EN = ("KABUL, Aug 13 (Example Wire) - The Taliban captured Kandahar, the second-largest city of Afghanistan, "
               "on Friday, officials said.\n\nIn Washington, the Pentagon said on Thursday that about 3,000 U.S. troops "
               "would fly into Kabul airport to help evacuate embassy staff.\n")
KHERSON_EN = ("KYIV, Nov 11 (Example Wire) - Ukrainian forces entered the southern city of Kherson on Friday after "
              "Russia withdrew its troops across the Dnipro River.\n")

CONTRACT = ("doc_id", "event_type", "date_start", "date_end", "date_precision", "actor1", "actor2", "location",
            "quantity", "quantity_unit", "certainty", "attribution", "evidence")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def error_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.lower().startswith("error:")]


def assert_one_clean_error(result: Result, *fragments: str) -> str:
    """Exactly one 'error:' line holding every fragment, a non-zero status, no traceback, no uncaught exception."""
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = error_lines(result)
    assert len(lines) == 1, result.output
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def write(path: Path, content: str | bytes, **meta: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    if meta:
        path.with_name(path.stem + ".meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write(folder / "herat_zh.txt", HERAT_ZH, published="2021-08-13", source="样例通讯社")
    write(folder / "afg" / "kandahar_en.txt", KANDAHAR_EN, published="2021-08-13", source="Example Wire")
    write(folder / "ukr" / "kherson_en.txt", KHERSON_EN, published="2022-11-11")
    return folder


# --- version and help ------------------------------------------------------------------------------------------

def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"sitroom, version {__version__}"


def test_top_level_help_lists_every_subcommand() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in ("extract", "ingest", "events", "summary"):
        assert name in result.output


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("extract", ("--published", "--lang", "--source", "--format")),
        ("ingest", ("--db", "--published", "--lang", "--source", "--quiet")),
        ("events", ("--db", "--type", "--country", "--actor", "--since", "--until", "--format")),
        ("summary", ("--db",)),
    ],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_subcommand_help(command: str, options: tuple[str, ...], flag: str) -> None:
    result = run(command, flag)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")
    assert command in result.output.splitlines()[0]
    for option in options:
        assert option in result.output


# --- extract ---------------------------------------------------------------------------------------------------

def test_extract_jsonl_contract_chinese(tmp_path: Path) -> None:
    path = write(tmp_path / "herat.txt", HERAT_ZH)
    result = run("extract", path, "--published", "2021-08-13")
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert records
    for r in records:
        assert set(CONTRACT) <= set(r)
        assert set(r["evidence"]) >= {"text", "start", "end"}
        assert HERAT_ZH[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"]
    [herat] = [r for r in records if r["event_type"] == "territory_captured"]
    assert herat["actor1"] == "Taliban"
    assert herat["location"]["name"] == "Herat"
    assert herat["location"]["country_code"] == "AF"
    assert (herat["date_start"], herat["date_end"], herat["date_precision"]) == ("2021-08-12", "2021-08-12", "day")
    assert herat["evidence"] == {"text": "塔利班12日攻占阿富汗西部城市赫拉特。", "start": 0, "end": 19}
    assert herat["certainty"] == "reported"
    assert herat["quantity"] is None and herat["quantity_unit"] is None


def test_extract_jsonl_contract_english_with_quantity(tmp_path: Path) -> None:
    path = write(tmp_path / "kandahar.txt", KANDAHAR_EN)
    result = run("extract", path, "--published", "2021-08-13", "--lang", "en")
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    doc_ids = {r["doc_id"] for r in records}
    assert len(doc_ids) == 1
    for r in records:
        assert set(CONTRACT) <= set(r)
        assert KANDAHAR_EN[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"]
    kandahar = [r for r in records if r["event_type"] == "territory_captured"]
    assert [(r["actor1"], r["location"]["name"], r["date_start"]) for r in kandahar] == [("Taliban", "Kandahar", "2021-08-13")]
    troops = [r for r in records if r["quantity"] == 3000]
    assert len(troops) == 1
    assert troops[0]["quantity_unit"]
    assert "3,000 U.S. troops" in troops[0]["evidence"]["text"]


def test_extract_offsets_point_into_decoded_big5_crlf_text(tmp_path: Path) -> None:
    path = write(tmp_path / "herat_tw.txt", HERAT_TW.encode("big5"))
    result = run("extract", path, "--published", "2021-08-13")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="big5")  # Python's text mode: CRLF read as LF
    records = jsonl(result.stdout)
    assert any(r["event_type"] == "territory_captured" and r["location"]["name"] == "Herat" for r in records)
    late = [r for r in records if r["evidence"]["start"] > text.index("\n")]
    assert late, "an event from the second line"
    for r in records:
        assert text[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"]


def test_extract_table(tmp_path: Path) -> None:
    path = write(tmp_path / "herat.txt", HERAT_ZH)
    result = run("extract", path, "--published", "2021-08-13", "--format", "table")
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows
    assert ["territory_captured", "2021-08-12", "Taliban", "Herat", "-", "reported",
            "塔利班12日攻占阿富汗西部城市赫拉特。"] in rows
    assert not result.stdout.lstrip().startswith("{")


def test_extract_uses_sidecar_date_and_published_overrides_it(tmp_path: Path) -> None:
    path = write(tmp_path / "kherson.txt", "乌克兰军队11日进入南部城市赫尔松。", published="2022-11-11")
    plain = jsonl(run("extract", path).stdout)
    overridden = jsonl(run("extract", path, "--published", "2022-12-11").stdout)
    assert [r["date_start"] for r in plain if r["location"]] == ["2022-11-11"]
    assert [r["date_start"] for r in overridden if r["location"]] == ["2022-12-11"]


def test_extract_without_any_date_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "herat.txt", HERAT_ZH)
    result = run("extract", path)
    assert_one_clean_error(result, str(path), "--published")
    assert result.stdout == ""


# --- bad inputs: one line each, non-zero, no traceback --------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("nul.txt", b"Taliban\x00captured\x00Herat\x00", "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \r\n\t\n", "empty"),
        ("latin1.txt", "Les forces françaises ont quitté Gao, a déclaré l’état-major.".encode("cp1252"), "UTF-8"),
        ("broken.jsonl", b'{"text": "Taliban fighters captured Herat", "published": \n', "line 1"),
        ("sidecar.meta.json", b'{"published": "2021-08-13"}', "sidecar"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_bad_file_gives_one_error_line(tmp_path: Path, command: str, name: str, content: bytes, problem: str) -> None:
    path = write(tmp_path / name, content)
    extra = ("--db", tmp_path / "x.sqlite") if command == "ingest" else ()
    result = run(command, path, "--published", "2021-08-13", *extra)
    line = assert_one_clean_error(result, str(path), problem)
    assert line.startswith(f"error: {path}")


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_missing_path(tmp_path: Path, command: str) -> None:
    path = tmp_path / "no" / "such.txt"
    extra = ("--db", tmp_path / "x.sqlite") if command == "ingest" else ()
    result = run(command, path, "--published", "2021-08-13", *extra)
    assert_one_clean_error(result, str(path), "no such file")


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", HERAT_ZH)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read a mode-000 file (root)")
        result = run("extract", path, "--published", "2021-08-13")
        assert_one_clean_error(result, str(path), "cannot be read")
    finally:
        path.chmod(0o644)


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same failure, made by the operating system's answer rather than the file mode, so root runs it too."""
    locked = write(tmp_path / "in" / "locked.txt", HERAT_ZH, published="2021-08-13")
    write(tmp_path / "in" / "kandahar.txt", KANDAHAR_EN, published="2021-08-13")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    db = tmp_path / "p.sqlite"
    result = run("ingest", tmp_path / "in", "--db", db)
    assert_one_clean_error(result, str(locked), "cannot be read", "Permission denied")
    assert "1 new, 0 unchanged, 1 failed" in result.stdout
    monkeypatch.undo()
    places = {(r["location"] or {}).get("name") for r in jsonl(run("events", "--db", db, "--format", "jsonl").stdout)}
    assert "Kandahar" in places and "Herat" not in places


def test_bad_published_date(tmp_path: Path) -> None:
    path = write(tmp_path / "herat.txt", HERAT_ZH)
    for command, extra in (("extract", ()), ("ingest", ("--db", tmp_path / "x.sqlite"))):
        result = run(command, path, "--published", "2021-13-45", *extra)
        assert result.exit_code == 2
        assert_one_clean_error(result, "--published", "2021-13-45", "YYYY-MM-DD")
        assert result.stdout == "" or "{" not in result.stdout
    assert not (tmp_path / "x.sqlite").exists()


def test_published_with_trailing_garbage_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "herat.txt", HERAT_ZH)
    result = run("extract", path, "--published", "2021-08-145")
    assert result.exit_code != 0
    assert_one_clean_error(result, "2021-08-145")


def test_unknown_language(tmp_path: Path) -> None:
    path = write(tmp_path / "herat.txt", HERAT_ZH)
    result = run("extract", path, "--published", "2021-08-13", "--lang", "fr")
    assert result.exit_code == 2
    assert_one_clean_error(result, "--lang", "fr")


def test_bad_events_date_is_a_usage_error(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "p.sqlite"
    assert run("ingest", corpus, "--db", db, "--quiet").exit_code == 0
    result = run("events", "--db", db, "--since", "2021-02-30")
    assert result.exit_code == 2
    assert_one_clean_error(result, "--since", "2021-02-30")


def test_malformed_json_line_others_still_extracted(tmp_path: Path) -> None:
    lines = [json.dumps({"text": KANDAHAR_EN, "published": "2021-08-13"}),
             '{"text": "Taliban fighters captured Herat", "published": "2021-08-13"',
             json.dumps({"text": HERAT_ZH, "published": "2021-08-13"}, ensure_ascii=False)]
    path = write(tmp_path / "wire.jsonl", "\n".join(lines) + "\n")
    result = run("extract", path)
    assert_one_clean_error(result, str(path), "line 2", "not valid JSON")
    places = {(r["location"] or {}).get("name") for r in jsonl(result.stdout)}
    assert {"Kandahar", "Herat"} <= places


def test_bad_and_good_files_good_one_is_ingested(tmp_path: Path) -> None:
    good = write(tmp_path / "in" / "herat_zh.txt", HERAT_ZH, published="2021-08-13")
    bad = write(tmp_path / "in" / "scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    db = tmp_path / "picture.sqlite"
    result = run("ingest", bad, good, "--db", db)
    assert_one_clean_error(result, str(bad), "PDF")
    assert result.exit_code == 1
    assert "1 new, 0 unchanged, 1 failed" in result.stdout
    events = run("events", "--db", db, "--format", "jsonl")
    assert events.exit_code == 0, events.output
    records = jsonl(events.stdout)
    assert records
    assert {r["doc_id"] for r in records} == {records[0]["doc_id"]}
    assert any(r["event_type"] == "territory_captured" and r["location"]["name"] == "Herat" for r in records)
    assert all(HERAT_ZH[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"] for r in records)


def test_ingest_into_a_file_that_is_not_a_database(tmp_path: Path, corpus: Path) -> None:
    db = write(tmp_path / "notes.txt", "not a database\n" * 100)
    result = run("ingest", corpus, "--db", db)
    assert_one_clean_error(result, str(db), "database")
    assert db.read_text() == "not a database\n" * 100


# --- ingest, events, summary -------------------------------------------------------------------------------------

def test_ingest_twice(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "picture.sqlite"
    first = run("ingest", corpus, "--db", db, "--quiet")
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("ingested: 3 new, 0 unchanged, 0 failed;")
    assert error_lines(first) == []
    second = run("ingest", corpus, "--db", db)
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("ingested: 0 new, 3 unchanged, 0 failed; 0 events")
    # the same article under another name, re-wrapped, is not new either
    write(tmp_path / "copy" / "HERAT COPY.txt", "　　塔利班12日攻占阿富汗西部城市赫拉特。\r\n\r\n阿富汗政府军已撤至城外机场。\r\n")
    third = run("ingest", tmp_path / "copy", "--db", db)
    assert third.stdout.startswith("ingested: 0 new, 1 unchanged, 0 failed")


def test_events_filters_and_formats(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "picture.sqlite"
    assert run("ingest", corpus, "--db", db, "--quiet").exit_code == 0
    everything = jsonl(run("events", "--db", db, "--format", "jsonl").stdout)
    captured = jsonl(run("events", "--db", db, "--format", "jsonl", "--type", "territory_captured",
                         "--country", "af", "--actor", "taliban", "--since", "2021-08-01", "--until", "2021-08-31").stdout)
    assert [r["location"]["name"] for r in captured] == ["Herat", "Kandahar"]
    assert len(everything) > len(captured)
    ukraine = jsonl(run("events", "--db", db, "--format", "jsonl", "--country", "UA").stdout)
    assert ukraine and {r["location"]["country_code"] for r in ukraine} == {"UA"}

    table = run("events", "--db", db, "--type", "territory_captured")
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split()[:2] == ["date", "type"]  # a header row, then one line per event
    assert len(lines) - 1 == len([r for r in everything if r["event_type"] == "territory_captured"])
    assert lines[1].startswith("2021-08-12") and "Herat" in lines[1] and "Taliban" in lines[1]


def test_events_csv_has_a_header(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "picture.sqlite"
    assert run("ingest", corpus, "--db", db, "--quiet").exit_code == 0
    result = run("events", "--db", db, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = result.stdout.splitlines()[0].split(",")
    assert header[:3] == ["event_id", "doc_id", "event_type"]
    assert {"date_start", "actor1", "location", "country_code", "quantity", "evidence_text"} <= set(header)
    assert len(rows) == len(jsonl(run("events", "--db", db, "--format", "jsonl").stdout))
    herat = [r for r in rows if r["location"] == "Herat" and r["event_type"] == "territory_captured"]
    assert len(herat) == 1
    assert (herat[0]["country_code"], herat[0]["actor1"], herat[0]["date_start"]) == ("AF", "Taliban", "2021-08-12")
    assert herat[0]["evidence_text"] == "塔利班12日攻占阿富汗西部城市赫拉特。"
    # an empty result still has the header
    empty = run("events", "--db", db, "--format", "csv", "--type", "protest", "--since", "2100-01-01")
    assert empty.stdout.splitlines() == [result.stdout.splitlines()[0]]


def test_events_on_missing_database(tmp_path: Path) -> None:
    db = tmp_path / "missing.sqlite"
    result = run("events", "--db", db)
    assert_one_clean_error(result, str(db), "no such database")
    assert not db.exists()


def test_summary_lists_captured_places(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "picture.sqlite"
    assert run("ingest", corpus, "--db", db, "--quiet").exit_code == 0
    result = run("summary", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("3 documents, ")
    assert "territory_captured" in out
    places = out.split("Places captured (latest capture reported, with who took them):", 1)[1].splitlines()
    herat = [line for line in places if "Herat (AF)" in line]
    kandahar = [line for line in places if "Kandahar (AF)" in line]
    kherson = [line for line in places if "Kherson (UA)" in line]
    assert len(herat) == len(kandahar) == len(kherson) == 1
    assert herat[0].split()[0] == "2021-08-12" and herat[0].rstrip().endswith("by Taliban")
    assert kandahar[0].split()[0] == "2021-08-13"
    assert kherson[0].split()[0] == "2022-11-11"
    assert out.index("Herat (AF)") < out.index("Kandahar (AF)") < out.index("Kherson (UA)")


def test_summary_of_empty_database(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    bad = write(tmp_path / "empty.txt", b"")
    assert run("ingest", bad, "--db", db).exit_code == 1
    result = run("summary", "--db", db)
    assert result.exit_code == 0
    assert result.stdout.startswith("0 documents, 0 events")
    assert "none" in result.stdout
