"""Who did it: the side that retakes a place (also when it speaks in a quotation), the state that says it will
send troops, a state's captures credited to its forces, and a state's own troops not taken for a second party.
Each rule on sentences of two wars, and the demo corpus's picture as a new user sees it."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_picture

import sitroom
from sitroom.fuse.control import state_at
from sitroom.store import Store


def events_of(text: str, published: str, event_type: str) -> list[tuple]:
    return [(e["actor1"], e["actor2"], (e["location"] or {}).get("name"))
            for e in sitroom.extract(text, published=published) if e["event_type"] == event_type]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_picture(tmp_path_factory.mktemp("roles"))


def test_the_demo_corpus_has_kherson_held_by_ukrainian_forces_from_11_november(demo: Path) -> None:
    """The president's "we are retaking Kherson" was read as a Russian capture, and the place shown contested."""
    with Store(demo, readonly=True) as store:
        held = {c.place["name"]: c for c in state_at(store.fused_events(event_type="territory_captured"))}
    assert (held["Kherson"].controller, held["Kherson"].since) == ("Ukrainian forces", "2022-11-11")


def test_the_demo_corpus_credits_britains_600_troops_to_the_united_kingdom(demo: Path) -> None:
    with Store(demo, readonly=True) as store:
        sent = [f for f in store.fused_events(event_type="troop_deployment") if f.get("quantity") == 600]
    assert [(f["actor1"], f["actor2"]) for f in sent] == [("United Kingdom", None)]


@pytest.mark.parametrize("text, published, expected", [
    ("（樣例社基輔11日電）俄軍指揮官蘇羅維金9日表示，已無法保障對南部城市赫松的補給。\n\n"
     "烏克蘭總統澤倫斯基今晚在影片演說中說：「今天是歷史性的一天，我們正在收復南部，收復赫松。」",
     "2022-11-11", ("Ukrainian forces", None, "Kherson")),
    ("样例社大马士革11月30日电 沙姆解放组织领导人朱拉尼在视频中说：“我们已经解放了阿勒颇。”", "2024-11-30",
     ("Hayat Tahrir al-Sham", None, "Aleppo")),
    ('DAMASCUS, Nov 30 (Wire) - Abu Mohammed al-Jolani, the leader of Hayat Tahrir al-Sham, said in a video: '
     '"We have liberated Aleppo from the regime."', "2024-11-30", ("Hayat Tahrir al-Sham", None, "Aleppo")),
])
def test_we_in_a_quotation_is_the_speakers_side(text: str, published: str, expected: tuple) -> None:
    assert events_of(text, published, "territory_captured") == [expected]


@pytest.mark.parametrize("text, published, expected", [
    ("KABUL, Aug 13 (Wire) - The Pentagon said on Thursday that about 3,000 U.S. troops would fly into Kabul.\n\n"
     "Britain said on Thursday it would send about 600 troops to help British nationals leave Afghanistan.",
     "2021-08-13", ("United Kingdom", None, "Afghanistan")),
    ("PORT-AU-PRINCE, March 4 (Wire) - The United States welcomed the plan.\n\nKenya said on Monday it would send "
     "1,000 police officers to Haiti.", "2024-03-04", ("Kenya", None, "Haiti")),
])
def test_a_state_that_says_it_will_send_troops_sends_them(text: str, published: str, expected: tuple) -> None:
    assert events_of(text, published, "troop_deployment")[-1] == expected


@pytest.mark.parametrize("text, published, expected", [
    ("KYIV, Nov 11 (Wire) - Ukraine retook Kherson on Friday.", "2022-11-11", ("Ukrainian forces", None, "Kherson")),
    ("CAIRO, Oct 9 (Wire) - Israel captured the Sinai peninsula in 1967.", "1973-10-09",
     ("Israel Defense Forces", None, "Sinai")),
])
def test_a_state_takes_ground_through_its_forces(text: str, published: str, expected: tuple) -> None:
    assert events_of(text, published, "territory_captured") == [expected]


@pytest.mark.parametrize("text, published, event_type, expected", [
    ("MOSCOW, Nov 11 (Wire) - Russia said on Friday it had withdrawn its troops from Kherson.", "2022-11-11",
     "withdrawal", ("Russia", None, "Kherson")),
    ("加拿大将派遣特种部队士兵前往喀布尔，协助撤离使馆人员。", "2021-08-13", "troop_deployment",
     ("Canada", None, "Kabul")),
])
def test_a_states_own_troops_are_not_a_second_party(text: str, published: str, event_type: str,
                                                    expected: tuple) -> None:
    assert events_of(text, published, event_type) == [expected]
