"""decode_bytes: bytes the tests make themselves, in every encoding sitroom accepts, and bytes it must refuse."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from sitroom.errors import DecodeError, InputError, SitroomError
from sitroom.ingest.decode import decode_bytes

# A Simplified Chinese news paragraph and its Traditional counterpart (two sentences, digits, full-width punctuation).
ZH_HANS = "塔利班12日攻占阿富汗西部城市赫拉特。阿富汗政府军已撤至城外机场，数千名平民逃往邻近省份。"
ZH_HANT = "塔利班12日攻佔阿富汗西部城市赫拉特。阿富汗政府軍已撤至城外機場，數千名平民逃往鄰近省份。"
EN = "KABUL, Aug 13 (Example Wire) - The Taliban captured Kandahar, Afghanistan's second-largest city, on Friday."
MIXED = "据路透社（Reuters）8月13日报道，塔利班已攻占坎大哈。"

PATH = "/data/inbox/herat_0813.txt"


# --- texts that decode -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(ZH_HANS.encode("utf-8"), ZH_HANS, "utf-8", id="utf8-zh"),
        pytest.param(EN.encode("utf-8"), EN, "utf-8", id="utf8-en-ascii"),
        pytest.param(MIXED.encode("utf-8"), MIXED, "utf-8", id="utf8-mixed"),
        pytest.param(codecs.BOM_UTF8 + ZH_HANS.encode("utf-8"), ZH_HANS, "utf-8", id="utf8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + ZH_HANS.encode("utf-16-le"), ZH_HANS, "utf-16", id="utf16le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ZH_HANS.encode("utf-16-be"), ZH_HANS, "utf-16", id="utf16be-bom"),
        pytest.param(codecs.BOM_UTF16_LE + EN.encode("utf-16-le"), EN, "utf-16", id="utf16le-bom-en"),
        pytest.param(codecs.BOM_UTF32_LE + ZH_HANS.encode("utf-32-le"), ZH_HANS, "utf-32", id="utf32le-bom"),
        pytest.param(ZH_HANS.encode("gb18030"), ZH_HANS, "gb18030", id="gb18030"),
        pytest.param(MIXED.encode("gb18030"), MIXED, "gb18030", id="gb18030-mixed"),
        pytest.param(ZH_HANT.encode("big5"), ZH_HANT, "big5", id="big5"),
    ],
)
def test_decodes_to_the_exact_original_text(data: bytes, text: str, encoding: str) -> None:
    decoded, enc = decode_bytes(data, PATH)
    assert decoded == text
    assert enc == encoding
    assert "\ufeff" not in decoded


def test_gbk_bytes_decode_exactly_and_are_named_as_gb18030_family() -> None:
    data = ZH_HANS.encode("gbk")
    decoded, enc = decode_bytes(data, PATH)
    assert decoded == ZH_HANS
    # GB18030 is a superset of GBK, so either name decodes these bytes to the same text.
    assert enc in ("gb18030", "gbk")
    assert data.decode(enc) == ZH_HANS


@pytest.mark.parametrize(
    "sentence",
    ["俄罗斯国防部说，俄军已从赫尔松撤出。", "联合国秘书长呼吁各方立即停火。", "叙利亚反对派武装攻占阿勒颇。",
     "以色列军队对加沙地带发动空袭，造成至少20人死亡。"],
)
def test_short_legacy_chinese_is_told_apart(sentence: str) -> None:
    """Short sentences: GB18030 bytes read as Simplified, the Big5 bytes of the Traditional form as Traditional."""
    import opencc

    traditional = opencc.OpenCC("s2t").convert(sentence)
    assert traditional != sentence
    assert decode_bytes(sentence.encode("gb18030"), PATH) == (sentence, "gb18030")
    assert decode_bytes(traditional.encode("big5"), PATH) == (traditional, "big5")


# --- newlines ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("prefix", "encoding"),
    [(b"", "utf-8"), (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (b"", "gb18030"), (b"", "big5")],
)
def test_crlf_and_cr_become_lf(prefix: bytes, encoding: str) -> None:
    zh = ZH_HANT if encoding == "big5" else ZH_HANS
    original = f"{zh}\r\n\r\n第二段。\r第三段。\r\n"
    decoded, _ = decode_bytes(prefix + original.encode(encoding), PATH)
    assert "\r" not in decoded
    assert decoded == f"{zh}\n\n第二段。\n第三段。\n"


def test_offsets_match_python_text_mode(tmp_path: Path) -> None:
    """The decoded text is what Python's text mode reads from the same file, so offsets agree."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(codecs.BOM_UTF8 + f"{EN}\r\n\r\n{ZH_HANS}\r\n".encode("utf-8"))
    decoded, enc = decode_bytes(path.read_bytes(), str(path))
    assert enc == "utf-8"
    assert decoded == path.read_text(encoding="utf-8-sig")
    start = decoded.index("赫拉特")
    assert decoded[start:start + 3] == "赫拉特"


# --- bytes that are refused ----------------------------------------------------------------------------------------

def _refuse(data: bytes, path: str = PATH) -> SitroomError:
    with pytest.raises(InputError) as info:
        decode_bytes(data, path)
    exc = info.value
    assert exc.path == path
    assert str(exc).startswith(f"{path}: ")
    assert "\n" not in str(exc)
    return exc


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t\r\n  "], ids=["empty", "spaces", "whitespace-lines"])
def test_empty_and_whitespace_only_are_input_errors(data: bytes) -> None:
    exc = _refuse(data)
    assert type(exc) is InputError
    assert "empty" in exc.message


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"%PDF-1.4\n1 0 obj << /Title (Herat) >> endobj\n", "PDF"),  # pure ASCII, still refused as a PDF
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "gzip"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    exc = _refuse(data)
    assert type(exc) is InputError
    assert what in exc.message
    assert "not a text document" in exc.message


@pytest.mark.parametrize(
    "data",
    [b"Taliban\x00captured\x00Herat", bytes(range(0, 64)) * 4, EN.encode("utf-16-le")],
    ids=["nul-in-ascii", "control-bytes", "utf16-without-bom"],
)
def test_nul_bytes_are_binary(data: bytes) -> None:
    exc = _refuse(data)
    assert type(exc) is InputError
    assert "binary" in exc.message
    assert "NUL" in exc.message


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0x80, 0x100)),
        "Les forces françaises ont quitté Gao, a déclaré l’état-major.".encode("cp1252"),
        "東京で記者会見を行い、停戦を呼びかけた。".encode("shift_jis"),
        "북한은 미사일을 발사했다고 합동참모본부가 밝혔다.".encode("euc-kr"),
        "Москва заявила о выводе войск из Херсона.".encode("cp1251"),
    ],
    ids=["high-bytes", "cp1252", "shift-jis", "euc-kr", "cp1251"],
)
def test_undecodable_bytes_are_refused_not_guessed(data: bytes) -> None:
    exc = _refuse(data)
    assert isinstance(exc, DecodeError)
    assert "UTF-8" in exc.message  # says how to fix it


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF16_LE + b"\x41", codecs.BOM_UTF8 + b"\x89PNG\xff\xfe"],
    ids=["utf16-odd-length", "utf8-bom-then-garbage"],
)
def test_invalid_bytes_after_a_bom_are_decode_errors(data: bytes) -> None:
    exc = _refuse(data)
    assert isinstance(exc, DecodeError)
    assert "byte-order mark" in exc.message


def test_default_path_is_named_when_none_given() -> None:
    with pytest.raises(InputError, match=r"^<bytes>: file is empty$"):
        decode_bytes(b"")


@pytest.mark.parametrize("data", [codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \r\n", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")],
                         ids=["utf8-bom-only", "utf8-bom-whitespace", "utf16-bom-whitespace"])
def test_bom_only_file_is_empty(data: bytes) -> None:
    exc = _refuse(data)
    assert "empty" in exc.message
