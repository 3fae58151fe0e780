"""Time stage: time expressions resolved against the publication date and the dateline."""
from sitroom.time.dateline import find_dateline
from sitroom.time.model import TimeExpr


def find_times(text: str, ref, language: str) -> list[TimeExpr]:
    """Time expressions of one sentence view in ``language`` resolved against ``ref``."""
    if language == "zh":
        from sitroom.time import zh
        return zh.find_times(text, ref)
    from sitroom.time import en
    return en.find_times(text, ref)


__all__ = ["TimeExpr", "find_dateline", "find_times"]
