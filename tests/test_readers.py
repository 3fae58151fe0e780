"""read_file and discover on real files in tmp_path: every format, sidecars, overrides, language detection."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitroom.errors import InputError, SitroomError
from sitroom.ingest import Metadata, RawDocument, detect_language, discover, read_file
from sitroom.ingest.metadata import parse_date

HERAT_ZH = "塔利班12日攻占阿富汗西部城市赫拉特。阿富汗政府军已撤至城外机场。\n"
KANDAHAR_EN = ("KABUL, Aug 13 (Example Wire) - The Taliban captured Kandahar, the second-largest city of "
               "Afghanistan, on Friday, officials said.\n\nIn Washington, the Pentagon said on Thursday that about "
               "3,000 U.S. troops would fly into Kabul airport to help evacuate embassy staff.\n")

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Herat falls to the Taliban - Example News</title>
<meta property="article:published_time" content="2021-08-14T09:00:00+00:00">
<meta property="og:site_name" content="Example News">
</head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World news section</a></li>
<li><a href="/sport">Sport and leisure</a></li></ul></nav>
<main><article>
<p>KABUL, Aug 13 (Example Wire) - Taliban fighters captured Herat, the third-largest city of Afghanistan, on Thursday
after two weeks of fighting on its outskirts, officials said.</p>
<p>Government troops withdrew to a military base near the airport, a local official said. Ismail Khan, a veteran
commander who had led the defence of the city, was taken into custody.</p>
</article></main>
<footer class="site-footer"><p>Copyright 2021 Example News. All rights reserved. Privacy policy | Terms of use</p></footer>
<script>var tracker = "analytics-snippet";</script>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Example Wire - World</title><link>https://wire.example.org</link><description>World news</description>
<language>en</language>
<item><title>Taliban capture Herat</title><link>https://wire.example.org/2021/08/13/herat</link>
<pubDate>Fri, 13 Aug 2021 08:00:00 +0000</pubDate>
<description><![CDATA[<p>Taliban fighters captured Herat on Thursday, officials said.</p><p>Government troops withdrew to the airport.</p>]]></description></item>
<item><title>Taliban take Kandahar</title><link>https://wire.example.org/2021/08/14/kandahar</link>
<pubDate>Sat, 14 Aug 2021 12:30:00 +0000</pubDate>
<description>The Taliban captured Kandahar, the second-largest city of Afghanistan, on Friday.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>样例通讯社</title><id>urn:example:feed</id><updated>2021-08-14T00:00:00Z</updated>
<entry><title>塔利班攻占赫拉特</title><link href="https://zh.example.org/herat"/><id>urn:example:1</id>
<published>2021-08-12T22:00:00Z</published><updated>2021-08-13T02:00:00Z</updated>
<content type="html">&lt;p&gt;塔利班12日攻占阿富汗西部城市赫拉特。&lt;/p&gt;&lt;p&gt;政府军撤至机场。&lt;/p&gt;</content></entry>
<entry><title>塔利班攻占坎大哈</title><link href="https://zh.example.org/kandahar"/><id>urn:example:2</id>
<updated>2021-08-13T10:00:00Z</updated>
<summary>塔利班13日宣称攻占阿富汗第二大城市坎大哈。</summary></entry>
</feed>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def sidecar(path: Path, **meta: str) -> Path:
    return write(path.with_name(path.stem + ".meta.json"), json.dumps(meta, ensure_ascii=False))


def read_all(path: Path, override: Metadata | None = None) -> list[RawDocument | SitroomError]:
    return list(read_file(path, override or Metadata()))


def read_one(path: Path, override: Metadata | None = None) -> RawDocument:
    results = read_all(path, override)
    assert len(results) == 1, results
    assert isinstance(results[0], RawDocument), results[0]
    return results[0]


# --- plain text and sidecars -----------------------------------------------------------------------------------------

def test_text_with_sidecar(tmp_path: Path) -> None:
    doc_path = write(tmp_path / "herat_zh.txt", HERAT_ZH)
    sidecar(doc_path, published="2021-08-13", language="zh-CN", source="样例通讯社", url="https://zh.example.org/herat",
            title="塔利班攻占赫拉特")
    doc = read_one(doc_path)
    assert doc.text == HERAT_ZH
    assert doc.meta == Metadata(published=date(2021, 8, 13), language="zh", source="样例通讯社",
                                url="https://zh.example.org/herat", title="塔利班攻占赫拉特")
    assert (doc.fmt, doc.encoding, doc.path, doc.item) == ("text", "utf-8", str(doc_path), None)
    assert doc.origin == str(doc_path)


def test_text_without_sidecar_has_no_date(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "kandahar.txt", KANDAHAR_EN))
    assert doc.meta.published is None
    assert doc.meta.source is None
    assert doc.meta.language == "en"


def test_sidecar_is_never_a_document(tmp_path: Path) -> None:
    doc_path = write(tmp_path / "herat_zh.txt", HERAT_ZH)
    side = sidecar(doc_path, published="2021-08-13")
    found = list(discover([str(tmp_path)]))
    assert found == [doc_path]
    direct = list(discover([str(side)]))
    assert len(direct) == 1
    err = direct[0]
    assert isinstance(err, InputError)
    assert err.path == str(side)
    assert "sidecar" in str(err)


def test_broken_sidecar_is_an_error_naming_the_sidecar(tmp_path: Path) -> None:
    doc_path = write(tmp_path / "herat_zh.txt", HERAT_ZH)
    write(tmp_path / "herat_zh.meta.json", '{"published": "2021-08-13",')
    [err] = read_all(doc_path)
    assert isinstance(err, InputError)
    assert err.path == str(tmp_path / "herat_zh.meta.json")
    assert "JSON" in err.message


def test_bad_date_in_sidecar_is_an_error_naming_the_sidecar(tmp_path: Path) -> None:
    doc_path = write(tmp_path / "herat_zh.txt", HERAT_ZH)
    side = sidecar(doc_path, published="2021-13-45")
    [err] = read_all(doc_path)
    assert isinstance(err, InputError)
    assert err.path == str(side)
    assert "2021-13-45" in err.message


def test_markdown_is_read_as_text_with_its_sidecar(tmp_path: Path) -> None:
    text = "# Taliban take Kandahar\n\n" + KANDAHAR_EN
    doc_path = write(tmp_path / "notes" / "kandahar.md", text)
    sidecar(doc_path, published="2021-08-13", source="Example Wire")
    doc = read_one(doc_path)
    assert doc.text == text
    assert doc.fmt == "text"
    assert doc.meta.published == date(2021, 8, 13)
    assert doc.meta.source == "Example Wire"
    assert doc.meta.language == "en"


def test_text_in_legacy_encoding_keeps_its_encoding(tmp_path: Path) -> None:
    traditional = "塔利班12日攻佔阿富汗西部城市赫拉特。阿富汗政府軍已撤至城外機場。\r\n"
    doc = read_one(write(tmp_path / "herat_tw.txt", traditional.encode("big5")))
    assert doc.text == traditional.replace("\r\n", "\n")
    assert doc.encoding == "big5"
    assert doc.meta.language == "zh"


# --- HTML ---------------------------------------------------------------------------------------------------------

def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "herat.html", HTML_PAGE))
    assert doc.fmt == "html"
    assert "Taliban fighters captured Herat, the third-largest city of Afghanistan" in doc.text
    assert "Ismail Khan" in doc.text
    for boilerplate in ("World news section", "Sport and leisure", "All rights reserved", "Privacy policy",
                        "analytics-snippet", "<p>", "<a "):
        assert boilerplate not in doc.text
    assert doc.meta.title == "Herat falls to the Taliban"
    assert doc.meta.published == date(2021, 8, 14)
    assert doc.meta.source == "Example News"
    assert doc.meta.language == "en"


def test_html_sidecar_beats_page_metadata(tmp_path: Path) -> None:
    page = write(tmp_path / "herat.htm", HTML_PAGE)
    sidecar(page, published="2021-08-13", title="Herat captured")
    doc = read_one(page)
    assert doc.meta.published == date(2021, 8, 13)
    assert doc.meta.title == "Herat captured"
    assert doc.meta.source == "Example News"  # not in the sidecar: the page's value stays


def test_html_in_gbk_encoding(tmp_path: Path) -> None:
    body = "塔利班12日攻占阿富汗西部城市赫拉特。阿富汗政府军已撤至城外机场，数千名平民逃往邻近省份。"
    page = (f'<html><head><meta charset="gbk"><title>赫拉特失守</title></head><body>'
            f'<nav><a href="/">首页</a> <a href="/world">国际频道</a></nav>'
            f"<article><p>{body}</p><p>联合国呼吁各方保护平民，并允许人道主义援助进入该市。</p></article>"
            f"<footer>版权所有 样例新闻网</footer></body></html>")
    doc = read_one(write(tmp_path / "herat_zh.html", page.encode("gbk")))
    assert doc.encoding == "gb18030"
    assert body in doc.text
    assert "国际频道" not in doc.text
    assert "版权所有" not in doc.text
    assert doc.meta.language == "zh"


# --- JSON and JSON Lines -----------------------------------------------------------------------------------------

def test_json_object(tmp_path: Path) -> None:
    obj = {"text": KANDAHAR_EN, "title": "Taliban take Kandahar", "published": "2021-08-13T21:00:00Z",
           "url": "https://wire.example.org/kandahar", "source": "Example Wire"}
    path = write(tmp_path / "kandahar.json", json.dumps(obj))
    doc = read_one(path)
    assert doc.text == KANDAHAR_EN
    assert doc.meta == Metadata(published=date(2021, 8, 13), language="en", source="Example Wire",
                                url="https://wire.example.org/kandahar", title="Taliban take Kandahar")
    assert (doc.fmt, doc.item, doc.origin) == ("json", 1, f"{path}#1")


def test_json_list(tmp_path: Path) -> None:
    items = [{"text": KANDAHAR_EN, "published": "2021-08-13"},
             {"text": HERAT_ZH, "published": "2021-08-13", "language": "zh"},
             {"title": "no body here"}]
    path = write(tmp_path / "batch.json", json.dumps(items, ensure_ascii=False))
    results = read_all(path)
    assert len(results) == 3
    first, second, third = results
    assert isinstance(first, RawDocument) and first.text == KANDAHAR_EN and first.item == 1
    assert isinstance(second, RawDocument) and second.text == HERAT_ZH and second.meta.language == "zh"
    assert second.origin == f"{path}#2"
    assert isinstance(third, InputError)
    assert third.path == f"{path}#3"
    assert "text" in third.message


def test_invalid_json_file_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.json", '{"text": "Taliban captured Herat", ')
    [err] = read_all(path)
    assert isinstance(err, InputError)
    assert err.path == str(path)
    assert "not valid JSON" in err.message


def test_jsonl_bad_line_is_one_error_and_other_lines_still_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": KANDAHAR_EN, "published": "2021-08-13", "source": "Example Wire"}),
        '{"text": "Taliban fighters captured Herat", "published": ',
        "",
        json.dumps({"text": HERAT_ZH, "published": "2021-08-13"}, ensure_ascii=False),
        "[1, 2, 3]",
        json.dumps({"text": "Russian forces withdrew from Kherson.", "published": "2022-13-11"}),
    ]
    path = write(tmp_path / "wire.jsonl", "\n".join(lines) + "\n")
    results = read_all(path)
    docs = [r for r in results if isinstance(r, RawDocument)]
    errors = [r for r in results if isinstance(r, SitroomError)]
    assert [d.item for d in docs] == [1, 4]
    assert docs[0].text == KANDAHAR_EN and docs[0].meta.source == "Example Wire" and docs[0].fmt == "jsonl"
    assert docs[1].text == HERAT_ZH and docs[1].meta.language == "zh"
    assert len(errors) == 3
    bad_json = [e for e in errors if "not valid JSON" in str(e)]
    assert len(bad_json) == 1
    assert bad_json[0].path == str(path)
    assert "line 2" in bad_json[0].message
    assert {e.path for e in errors} == {str(path), f"{path}#5", f"{path}#6"}
    assert any("2022-13-11" in str(e) for e in errors)


def test_jsonl_with_crlf_line_endings(tmp_path: Path) -> None:
    lines = [json.dumps({"text": KANDAHAR_EN, "published": "2021-08-13"}),
             json.dumps({"text": HERAT_ZH, "published": "2021-08-13"}, ensure_ascii=False)]
    path = write(tmp_path / "wire.jsonl", ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    results = read_all(path)
    assert [type(r) for r in results] == [RawDocument, RawDocument]
    assert [r.text for r in results] == [KANDAHAR_EN, HERAT_ZH]


# --- feeds ----------------------------------------------------------------------------------------------------------

def test_rss_feed_one_document_per_item(tmp_path: Path) -> None:
    path = write(tmp_path / "world.rss", RSS)
    docs = read_all(path)
    assert all(isinstance(d, RawDocument) for d in docs), docs
    assert len(docs) == 2
    herat, kandahar = docs
    assert herat.text == "Taliban fighters captured Herat on Thursday, officials said.\nGovernment troops withdrew to the airport."
    assert herat.meta == Metadata(published=date(2021, 8, 13), language="en", source="Example Wire - World",
                                  url="https://wire.example.org/2021/08/13/herat", title="Taliban capture Herat")
    assert kandahar.meta.title == "Taliban take Kandahar"
    assert kandahar.meta.url == "https://wire.example.org/2021/08/14/kandahar"
    assert kandahar.meta.published == date(2021, 8, 14)
    assert [d.item for d in docs] == [1, 2]
    assert {d.fmt for d in docs} == {"feed"}
    assert kandahar.origin == f"{path}#2"
    assert herat.doc_id != kandahar.doc_id


def test_rss_in_xml_file(tmp_path: Path) -> None:
    docs = read_all(write(tmp_path / "feed.xml", RSS))
    assert [d.meta.title for d in docs] == ["Taliban capture Herat", "Taliban take Kandahar"]


def test_atom_feed(tmp_path: Path) -> None:
    docs = read_all(write(tmp_path / "zh.atom", ATOM))
    assert all(isinstance(d, RawDocument) for d in docs), docs
    assert len(docs) == 2
    herat, kandahar = docs
    assert herat.text == "塔利班12日攻占阿富汗西部城市赫拉特。\n政府军撤至机场。"
    assert herat.meta.title == "塔利班攻占赫拉特"
    assert herat.meta.url == "https://zh.example.org/herat"
    assert herat.meta.published == date(2021, 8, 12)  # <published>, not <updated>
    assert herat.meta.source == "样例通讯社"
    assert herat.meta.language == "zh"
    assert kandahar.text == "塔利班13日宣称攻占阿富汗第二大城市坎大哈。"
    assert kandahar.meta.published == date(2021, 8, 13)  # only <updated>
    assert kandahar.meta.url == "https://zh.example.org/kandahar"


def test_xml_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "config.xml", '<?xml version="1.0"?><config><db path="x.sqlite"/></config>')
    [err] = read_all(path)
    assert isinstance(err, InputError)
    assert err.path == str(path)
    assert "feed" in err.message


# --- overrides ----------------------------------------------------------------------------------------------------

def test_override_beats_sidecar(tmp_path: Path) -> None:
    doc_path = write(tmp_path / "herat_zh.txt", HERAT_ZH)
    sidecar(doc_path, published="2021-08-13", language="en", source="Sidecar Wire", title="赫拉特失守")
    override = Metadata(published=parse_date("2021-08-20"), language="zh", source="命令行来源")
    doc = read_one(doc_path, override)
    assert doc.meta.published == date(2021, 8, 20)
    assert doc.meta.language == "zh"
    assert doc.meta.source == "命令行来源"
    assert doc.meta.title == "赫拉特失守"  # not overridden: the sidecar's value stays


def test_empty_override_changes_nothing(tmp_path: Path) -> None:
    doc_path = write(tmp_path / "herat_zh.txt", HERAT_ZH)
    sidecar(doc_path, published="2021-08-13", source="样例通讯社")
    doc = read_one(doc_path, Metadata(published=None, language=None, source=""))
    assert doc.meta.published == date(2021, 8, 13)
    assert doc.meta.source == "样例通讯社"


def test_override_applies_to_every_feed_and_jsonl_item(tmp_path: Path) -> None:
    override = Metadata(published=date(2021, 8, 15), source="Desk")
    feed_docs = read_all(write(tmp_path / "world.rss", RSS), override)
    line = json.dumps({"text": KANDAHAR_EN, "published": "2021-08-13", "source": "Example Wire"})
    jsonl_docs = read_all(write(tmp_path / "wire.jsonl", line + "\n"), override)
    for d in feed_docs + jsonl_docs:
        assert isinstance(d, RawDocument)
        assert d.meta.published == date(2021, 8, 15)
        assert d.meta.source == "Desk"
    assert len(feed_docs) == 2 and len(jsonl_docs) == 1


# --- language detection --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (HERAT_ZH, "zh"),
        ("據路透社（Reuters）報導，塔利班13日宣稱攻佔坎大哈。", "zh"),
        ("美国国防部发言人约翰·柯比（John Kirby）说，约3000名美军士兵将前往喀布尔机场。", "zh"),
        (KANDAHAR_EN, "en"),
        ("Residents of Herat (赫拉特) said the Taliban had entered the city on Thursday evening.", "en"),
        ("12,000 / 3,500 -- 2021", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_language_detected_when_no_metadata_gives_one(tmp_path: Path) -> None:
    zh = read_one(write(tmp_path / "a.txt", HERAT_ZH))
    en = read_one(write(tmp_path / "b.txt", KANDAHAR_EN))
    assert (zh.meta.language, en.meta.language) == ("zh", "en")


def test_declared_language_is_not_redetected(tmp_path: Path) -> None:
    doc_path = write(tmp_path / "a.txt", HERAT_ZH)
    sidecar(doc_path, language="en")
    assert read_one(doc_path).meta.language == "en"


# --- discover ------------------------------------------------------------------------------------------------------

def test_discover_finds_documents_recursively_and_skips_sidecars(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    herat = write(root / "afg" / "herat_zh.txt", HERAT_ZH)
    sidecar(herat, published="2021-08-13")
    kandahar = write(root / "afg" / "deep" / "er" / "kandahar.md", KANDAHAR_EN)
    sidecar(kandahar, published="2021-08-13")
    page = write(root / "web" / "herat.html", HTML_PAGE)
    feed = write(root / "feeds" / "world.rss", RSS)
    wire = write(root / "wire.jsonl", json.dumps({"text": KANDAHAR_EN}) + "\n")
    write(root / "afg" / "scan.pdf", b"%PDF-1.4\n")
    write(root / "data.csv", "a,b\n1,2\n")
    write(root / ".hidden.txt", HERAT_ZH)
    found = list(discover([str(root)]))
    assert found == sorted([herat, kandahar, page, feed, wire])
    assert not any(p.name.endswith(".meta.json") for p in found)


def test_discover_mixes_files_folders_and_missing_paths(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    a = write(folder / "a.txt", HERAT_ZH)
    b = write(tmp_path / "b.txt", KANDAHAR_EN)
    missing = tmp_path / "nowhere" / "c.txt"
    found = list(discover([str(b), str(folder), str(missing)]))
    assert found[:2] == [b, a]
    assert len(found) == 3
    err = found[2]
    assert isinstance(err, InputError)
    assert err.path == str(missing)
    assert "no such file" in err.message


def test_discovered_folder_reads_into_documents(tmp_path: Path) -> None:
    herat = write(tmp_path / "c" / "herat_zh.txt", HERAT_ZH)
    sidecar(herat, published="2021-08-13")
    write(tmp_path / "c" / "sub" / "world.rss", RSS)
    docs = [d for p in discover([str(tmp_path / "c")]) for d in read_file(p, Metadata())]
    assert all(isinstance(d, RawDocument) for d in docs), docs
    assert [d.origin for d in docs] == [str(herat), f"{tmp_path / 'c' / 'sub' / 'world.rss'}#1",
                                        f"{tmp_path / 'c' / 'sub' / 'world.rss'}#2"]


# --- unreadable inputs -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"), (b"caf\xe9 \xff\xfe\x81 news", "UTF-8")],
)
def test_bad_files_give_one_error_naming_the_file(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = write(tmp_path / "bad.txt", content)
    [err] = read_all(path)
    assert isinstance(err, InputError)
    assert err.path == str(path)
    assert fragment in err.message


def test_bom_only_text_file_has_no_text(tmp_path: Path) -> None:
    path = write(tmp_path / "notepad.txt", b"\xef\xbb\xbf\r\n")
    [err] = read_all(path)
    assert isinstance(err, InputError)
    assert err.path == str(path)


def test_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", HERAT_ZH)

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    [err] = read_all(path)
    assert isinstance(err, InputError)
    assert err.path == str(path)
    assert "Permission denied" in err.message
