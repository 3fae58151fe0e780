"""The time stage: Chinese and English time expressions and datelines, resolved to exact dates."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.ingest.model import Metadata, RawDocument
from sitroom.text import make_document
from sitroom.time import find_dateline, find_times

D = date.fromisoformat
REF_ZH = date(2021, 8, 14)  # a Saturday
REF_EN = date(2021, 8, 13)  # a Friday


def _one(text: str, ref: date, language: str):
    found = find_times(text, ref, language)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


# Chinese -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expr, start, end, precision, kind", [
    ("塔利班12日攻占加兹尼。", "12日", "2021-08-12", "2021-08-12", "day", "point"),
    ("激烈战斗12日至13日持续。", "12日至13日", "2021-08-12", "2021-08-13", "range", "range"),
    ("本月6日以来，塔利班攻占了多个省会。", "本月6日以来", "2021-08-06", "2021-08-14", "range", "since"),
    ("5月份以来，塔利班发动了大规模攻势。", "5月份以来", "2021-05-01", "2021-08-14", "range", "since"),
    ("今年已有数十万人流离失所。", "今年", "2021-01-01", "2021-08-14", "year", "point"),
    ("塔利班当地时间12日进入赫拉特。", "当地时间12日", "2021-08-12", "2021-08-12", "day", "point"),
    ("塔利班8月12日进入赫拉特。", "8月12日", "2021-08-12", "2021-08-12", "day", "point"),
    ("该市2016年曾一度失守。", "2016年", "2016-01-01", "2016-12-31", "year", "point"),
    ("塔利班今天攻占了该市。", "今天", "2021-08-14", "2021-08-14", "day", "point"),
    ("塔利班昨天攻占了该市。", "昨天", "2021-08-13", "2021-08-13", "day", "point"),
    ("过去四天里，数千人逃离该市。", "过去四天里", "2021-08-10", "2021-08-14", "range", "recent"),
    ("本月晚些时候将举行会谈。", "本月晚些时候", "2021-08-15", "2021-08-31", "range", "future"),
    ("美军周五抵达喀布尔。", "周五", "2021-08-13", "2021-08-13", "day", "point"),
    ("美军上周五抵达喀布尔。", "上周五", "2021-08-06", "2021-08-06", "day", "point"),
    ("塔利班13日晚进入坎大哈。", "13日晚", "2021-08-13", "2021-08-13", "day", "point"),
])
def test_zh_expressions(text, expr, start, end, precision, kind) -> None:
    t = _one(text, REF_ZH, "zh")
    assert (t.text, t.date_start, t.date_end, t.precision, t.kind) == (expr, D(start), D(end), precision, kind)


def test_zh_recent_days_lie_before_the_reference_date() -> None:
    t = _one("最近几天，塔利班攻占了多个省会城市。", REF_ZH, "zh")
    assert t.text == "最近几天"
    assert t.kind == "recent"
    assert (t.date_start, t.date_end) == (D("2021-08-09"), D("2021-08-13"))  # a few days: five
    assert t.date_end < REF_ZH


def test_zh_later_this_month_is_future() -> None:
    t = _one("双方计划本月晚些时候在多哈会晤。", REF_ZH, "zh")
    assert t.is_future
    assert t.date_start > REF_ZH


def test_zh_bare_day_ahead_of_the_reference_is_last_month() -> None:
    t = _one("该市28日失守。", date(2021, 9, 2), "zh")
    assert (t.date_start, t.date_end) == (D("2021-08-28"), D("2021-08-28"))


def test_zh_month_and_day_after_the_reference_is_last_year() -> None:
    t = _one("该市12月8日失守。", date(2025, 1, 5), "zh")
    assert t.date_start == D("2024-12-08")


def test_zh_several_expressions_do_not_overlap() -> None:
    found = find_times("塔利班8月12日攻占赫拉特，13日攻占坎大哈。", REF_ZH, "zh")
    assert [(t.text, t.date_start) for t in found] == [("8月12日", D("2021-08-12")), ("13日", D("2021-08-13"))]


def test_no_reference_date_gives_no_times() -> None:
    assert find_times("塔利班12日攻占加兹尼。", None, "zh") == []
    assert find_times("The Taliban captured Ghazni on Thursday.", None, "en") == []


# datelines ----------------------------------------------------------------------------

def _doc(text: str, language: str, published: str):
    raw = RawDocument(text=text, meta=Metadata(published=D(published), language=language), path="t.txt", fmt="txt")
    return make_document(raw)


def test_cna_dateline_makes_the_reference_date() -> None:
    text = "（中央社昆都茲8日綜合外電報導）阿富汗神學士今天攻佔北部昆都茲市，這是他們幾天來奪下的第三個省會。"
    dl = find_dateline(text, D("2021-08-09"), "zh")
    assert dl is not None
    assert (dl.start, dl.end) == (0, len("（中央社昆都茲8日綜合外電報導）"))
    assert dl.date == D("2021-08-08")
    assert dl.agency == "中央社"
    assert dl.place_text == "昆都茲"

    doc = _doc(text, "zh", "2021-08-09")
    assert doc.dateline is not None and doc.dateline.date == D("2021-08-08")
    assert doc.dateline.place_text == "昆都兹"
    assert doc.reference_date == D("2021-08-08")
    assert doc.text[doc.dateline.start:doc.dateline.end] == "（中央社昆都茲8日綜合外電報導）"
    s = doc.sentences[0]
    today = [t for t in find_times(s.text, doc.reference_date, "zh") if t.text == "今天"]
    assert len(today) == 1 and today[0].date_start == D("2021-08-08")


def test_cna_dateline_day_ahead_of_publication_is_last_month() -> None:
    dl = find_dateline("（中央社昆都茲28日綜合外電報導）神學士攻佔昆都茲。", D("2021-09-02"), "zh")
    assert dl.date == D("2021-08-28")


def test_xinhua_dateline_with_month() -> None:
    doc = _doc("新华社喀布尔8月8日电 塔利班8日攻占北部昆都兹市。", "zh", "2021-08-09")
    assert doc.dateline.date == D("2021-08-08")
    assert doc.dateline.agency == "新华社"
    assert doc.dateline.place_text == "喀布尔"


def test_no_dateline_means_the_publication_date_is_the_reference() -> None:
    doc = _doc("塔利班今天攻占了昆都兹市。", "zh", "2021-08-09")
    assert doc.dateline is None
    assert doc.reference_date == D("2021-08-09")


def test_reuters_dateline() -> None:
    text = "KABUL, Aug 13 (Reuters) - Taliban fighters captured Kandahar on Friday."
    dl = find_dateline(text, D("2021-08-14"), "en")
    assert dl is not None
    assert text[dl.start:dl.end] == "KABUL, Aug 13 (Reuters) - "
    assert (dl.date, dl.place_text, dl.agency) == (D("2021-08-13"), "KABUL", "Reuters")
    doc = _doc(text, "en", "2021-08-14")
    assert doc.reference_date == D("2021-08-13")


def test_reuters_dateline_year_is_inferred_from_publication() -> None:
    dl = find_dateline("KABUL, Dec 28 (Reuters) - Fighting continued.", D("2022-01-05"), "en")
    assert dl.date == D("2021-12-28")


# English ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expr, start, end, precision", [
    ("The city fell on Thursday.", "on Thursday", "2021-08-12", "2021-08-12", "day"),
    ("Herat fell late on Friday.", "late on Friday", "2021-08-13", "2021-08-13", "day"),
    ("Fighters moved in overnight.", "overnight", "2021-08-12", "2021-08-13", "range"),
    ("The Taliban took Ghazni last week.", "last week", "2021-08-02", "2021-08-08", "range"),
    ("The offensive began on Aug. 6 in Zaranj.", "on Aug. 6", "2021-08-06", "2021-08-06", "day"),
    ("Damascus fell on Dec. 8, 2024, officials said.", "on Dec. 8, 2024", "2024-12-08", "2024-12-08", "day"),
    ("The Assad government collapsed Dec. 8, 2024.", "Dec. 8, 2024", "2024-12-08", "2024-12-08", "day"),
    ("The city fell 3 days ago.", "3 days ago", "2021-08-10", "2021-08-10", "day"),
    ("The Taliban captured Herat yesterday.", "yesterday", "2021-08-12", "2021-08-12", "day"),
    ("Troops will arrive in the coming days.", "in the coming days", "2021-08-14", "2021-08-20", "range"),
])
def test_en_expressions(text, expr, start, end, precision) -> None:
    t = _one(text, REF_EN, "en")
    assert (t.text, t.date_start, t.date_end, t.precision) == (expr, D(start), D(end), precision)


def test_en_in_late_november() -> None:
    t = _one("Rebels launched an offensive in late November.", date(2024, 12, 8), "en")
    assert t.text == "in late November"
    assert (t.date_start, t.date_end) == (D("2024-11-21"), D("2024-11-30"))


def test_en_in_late_november_seen_from_august_is_last_year() -> None:
    t = _one("The offensive began in late November.", REF_EN, "en")
    assert (t.date_start, t.date_end) == (D("2020-11-21"), D("2020-11-30"))


def test_en_weekday_on_the_reference_day_is_that_day() -> None:
    t = _one("Officials said the city fell on Friday.", REF_EN, "en")
    assert t.date_start == REF_EN


def test_en_march_23_movement_is_not_a_date() -> None:
    assert find_times("The March 23 Movement seized Goma.", date(2025, 1, 28), "en") == []
    assert find_times("Fighters of the M23, or March 23 Movement, entered Goma.", date(2025, 1, 28), "en") == []


def test_en_march_23_is_a_date_when_it_is_one() -> None:
    t = _one("The rebels entered the town on March 23.", date(2025, 4, 2), "en")
    assert t.date_start == D("2025-03-23")


def test_en_several_expressions() -> None:
    found = find_times("The Taliban took Kandahar on Thursday and Herat late on Friday.", REF_EN, "en")
    assert [(t.text, t.date_start) for t in found] == [("on Thursday", D("2021-08-12")),
                                                       ("late on Friday", D("2021-08-13"))]


def test_en_since_month_runs_to_the_reference_date() -> None:
    t = _one("Hundreds of thousands have fled since May.", REF_EN, "en")
    assert (t.date_start, t.date_end) == (D("2021-05-01"), REF_EN)
