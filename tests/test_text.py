"""The text stage: analysis view, sentences with exact offsets, paragraph repair and line kinds."""
from __future__ import annotations

import re
from datetime import date

import pytest

from sitroom.ingest.model import Metadata, RawDocument
from sitroom.text import make_document, simplified_view
from sitroom.text.segment import split_sentences


def _doc(text: str, language: str, published: str = "2021-08-14"):
    raw = RawDocument(text=text, meta=Metadata(published=date.fromisoformat(published), language=language),
                      path="test.txt", fmt="txt")
    return make_document(raw)


# the analysis view ---------------------------------------------------------------

def test_simplified_view_maps_traditional_to_simplified_and_keeps_length() -> None:
    traditional = "塔利班攻佔阿富汗第三大城市赫拉特"
    view = simplified_view(traditional)
    assert view == "塔利班攻占阿富汗第三大城市赫拉特"
    assert len(view) == len(traditional)


def test_simplified_view_converts_character_for_character() -> None:
    text = "阿富汗政府軍撤出該市，並於昨天發表聲明。"
    view = simplified_view(text)
    assert view == "阿富汗政府军撤出该市，并于昨天发表声明。"
    assert len(view) == len(text)
    # unchanged characters stay where they were
    for a, b in zip(text, view):
        if a in "阿富汗政撤出市，昨天表明。":
            assert a == b


def test_simplified_view_narrows_full_width_digits_and_letters() -> None:
    text = "塔利班１２日攻佔赫拉特，ＡＢＣ報導。"
    view = simplified_view(text)
    assert view == "塔利班12日攻占赫拉特，ABC报导。"
    assert len(view) == len(text)


def test_simplified_view_leaves_latin_text_alone() -> None:
    text = "The Taliban took Herat on Aug. 13."
    assert simplified_view(text) == text


# Chinese sentences, kinds and offsets ----------------------------------------------

ZH_ARTICLE = (
    "# 塔利班攻佔阿富汗第三大城市\n"
    "\n"
    "这张8月12日拍摄的照片显示，阿富汗士兵在赫拉特街头巡逻。新华社发\n"
    "\n"
    "联合国秘书长古特雷斯12日表示，他对阿富汗局势深感担忧。他同时呼吁阿\n"
    "\n"
    "富汗政府和塔利班立即恢复谈判。\n"
    "\n"
    "来源：新华网\n"
    "延伸閱讀：塔利班最新动态\n"
    "• 相关链接：阿富汗局势专题\n"
)


@pytest.fixture(scope="module")
def zh_doc():
    return _doc(ZH_ARTICLE, "zh")


def test_every_sentence_view_maps_back_to_the_original_text(zh_doc) -> None:
    for s in zh_doc.sentences:
        assert len(s.offsets) == len(s.text)
        assert s.offsets[0] == s.start and s.offsets[-1] + 1 == s.end
        for i, ch in enumerate(s.text):
            assert simplified_view(zh_doc.text[s.offsets[i]]) == ch


def test_markdown_heading_is_its_own_line_and_not_analysed(zh_doc) -> None:
    first = zh_doc.sentences[0]
    assert zh_doc.text[first.start:first.end] == "# 塔利班攻佔阿富汗第三大城市"
    assert first.text == "# 塔利班攻占阿富汗第三大城市"
    assert first.kind in ("heading_md", "heading")
    assert not first.analysed


def test_photo_caption_line_is_caption_and_not_analysed(zh_doc) -> None:
    caption = [s for s in zh_doc.sentences if "照片显示" in s.text or s.text == "新华社发"]
    assert [s.text for s in caption] == ["这张8月12日拍摄的照片显示，阿富汗士兵在赫拉特街头巡逻。", "新华社发"]
    for s in caption:
        assert s.kind == "caption"
        assert not s.analysed


def test_paragraph_broken_mid_sentence_is_one_sentence(zh_doc) -> None:
    broken = [s for s in zh_doc.sentences if s.text.startswith("他同时呼吁")]
    assert len(broken) == 1
    s = broken[0]
    assert s.text == "他同时呼吁阿富汗政府和塔利班立即恢复谈判。"
    assert "\n" not in s.text
    assert s.kind == "body" and s.analysed
    # the original span covers both parts and the blank line between them
    assert zh_doc.text[s.start:s.end] == "他同时呼吁阿\n\n富汗政府和塔利班立即恢复谈判。"
    # it belongs to the paragraph it started in
    before = [x for x in zh_doc.sentences if x.text.startswith("联合国秘书长")][0]
    assert s.paragraph == before.paragraph


def test_span_maps_view_slices_across_the_break(zh_doc) -> None:
    s = [x for x in zh_doc.sentences if x.text.startswith("他同时呼吁")][0]
    i = s.text.index("阿富汗政府")
    start, end = s.span(i, i + len("阿富汗政府"))
    assert zh_doc.text[start:end] == "阿\n\n富汗政府"
    j = s.text.index("塔利班")
    start, end = s.span(j, j + 3)
    assert zh_doc.text[start:end] == "塔利班"
    assert start == ZH_ARTICLE.index("塔利班立即")
    # an empty slice maps to a point
    assert s.span(j, j) == (s.offsets[j], s.offsets[j])


def test_body_sentences_are_split_at_sentence_punctuation(zh_doc) -> None:
    body = [s.text for s in zh_doc.sentences if s.kind == "body"]
    assert body == ["联合国秘书长古特雷斯12日表示，他对阿富汗局势深感担忧。", "他同时呼吁阿富汗政府和塔利班立即恢复谈判。"]


def test_boilerplate_lines(zh_doc) -> None:
    tail = zh_doc.sentences[-3:]
    assert [zh_doc.text[s.start:s.end] for s in tail] == ["来源：新华网", "延伸閱讀：塔利班最新动态", "• 相关链接：阿富汗局势专题"]
    assert [s.kind for s in tail] == ["boilerplate"] * 3
    assert not any(s.analysed for s in tail)


def test_traditional_sentence_offsets_point_into_the_traditional_text() -> None:
    text = "阿富汗神學士今天攻佔北部昆都茲市。當地官員證實了這一消息。"
    doc = _doc(text, "zh")
    assert [s.text for s in doc.sentences] == ["阿富汗神学士今天攻占北部昆都兹市。", "当地官员证实了这一消息。"]
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["阿富汗神學士今天攻佔北部昆都茲市。", "當地官員證實了這一消息。"]


def test_paragraphs_with_final_punctuation_are_not_joined() -> None:
    text = "塔利班12日攻占加兹尼。\n\n阿富汗政府军随后撤出该市。"
    doc = _doc(text, "zh")
    assert [s.text for s in doc.sentences] == ["塔利班12日攻占加兹尼。", "阿富汗政府军随后撤出该市。"]
    assert doc.sentences[0].paragraph != doc.sentences[1].paragraph


# English sentences -------------------------------------------------------------------

def test_english_abbreviations_stay_inside_sentences() -> None:
    text = ("The Taliban captured Herat on Aug. 13, U.S. officials said. Gen. Smith told reporters the group "
            "controlled the city. The U.N. said it was worried.")
    sentences = split_sentences(text, text, "en")
    assert [s.text for s in sentences] == [
        "The Taliban captured Herat on Aug. 13, U.S. officials said.",
        "Gen. Smith told reporters the group controlled the city.",
        "The U.N. said it was worried.",
    ]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_english_paragraph_broken_mid_sentence_is_joined() -> None:
    text = ("Taliban take Kandahar\n\nKandahar fell to the Taliban on Friday. Taliban fighters, who had surrounded "
            "it for weeks, entered the city\n\nlate on Thursday, officials said.\n\nThe army withdrew.")
    doc = _doc(text, "en")
    assert [s.kind for s in doc.sentences] == ["title", "body", "body", "body"]
    s = doc.sentences[2]
    assert s.kind == "body"
    assert doc.text[s.start:s.end] == ("Taliban fighters, who had surrounded it for weeks, entered the city\n\n"
                                       "late on Thursday, officials said.")
    assert "\n" not in s.text
    assert s.paragraph == doc.sentences[1].paragraph
    assert doc.sentences[3].text == "The army withdrew."


def test_english_joined_paragraphs_keep_a_word_break() -> None:
    text = ("Taliban take Kandahar\n\nKandahar fell to the Taliban on Friday. Taliban fighters, who had surrounded "
            "it for weeks, entered the city\n\nlate on Thursday, officials said.")
    s = _doc(text, "en").sentences[2]
    assert s.text.startswith("Taliban fighters")
    assert re.search(r"entered the city\s+late on Thursday", s.text)


def test_english_boilerplate_and_caption_lines() -> None:
    text = ("Taliban take Kandahar\n\nTaliban fighters captured Kandahar on Friday.\n\n"
            "Read more: Afghanistan live updates\n\n"
            "Taliban fighters patrol in Kandahar, Afghanistan, Friday, Aug. 13, 2021.")
    doc = _doc(text, "en")
    kinds = {s.text: s.kind for s in doc.sentences}
    assert kinds["Taliban take Kandahar"] == "title"
    assert kinds["Taliban fighters captured Kandahar on Friday."] == "body"
    assert kinds["Read more: Afghanistan live updates"] == "boilerplate"
    assert kinds["Taliban fighters patrol in Kandahar, Afghanistan, Friday, Aug. 13, 2021."] == "caption"
