"""The ACLED export loads with pandas, with ACLED's columns in ACLED's order."""
from __future__ import annotations

from io import StringIO
from pathlib import Path

import pandas as pd

from sitroom.export import write_export
from sitroom.ingest import Metadata, discover, read_file
from sitroom.store import Store, ingest_documents

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]


def test_acled_export_loads_with_pandas(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    items = [doc for p in discover([str(corpus)]) for doc in read_file(p, Metadata())]
    with Store(tmp_path / "p.sqlite") as store:
        ingest_documents(store, items)
        fused = store.fused_events()
    out = StringIO()
    n = write_export(fused, "acled", out)
    df = pd.read_csv(StringIO(out.getvalue()))
    assert list(df.columns) == ACLED_COLUMNS
    assert len(df) == n > 0
    assert set(df["time_precision"]) <= {1, 2, 3} and set(df["geo_precision"]) <= {1, 2, 3}
    assert df["latitude"].between(-90, 90).all() and df["longitude"].between(-180, 180).all()
    taken = df[df["sub_event_type"] == "Non-state actor overtakes territory"]
    assert "Taliban" in set(taken["actor1"])
    assert pd.to_datetime(df["event_date"]).notna().all()
