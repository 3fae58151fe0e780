"""sitroom: conflict news in Chinese and English to a situation picture.

For notebooks: ``sitroom.extract(text, published=...)`` and ``sitroom.open(db)`` (see sitroom.notebook).
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["extract", "open", "Picture", "SitroomError", "__version__"]


def __getattr__(name: str) -> Any:
    """The notebook API, imported on first use so that ``sitroom --version`` stays instant."""
    if name in ("extract", "open", "Picture"):
        from sitroom import notebook

        return getattr(notebook, name)
    if name == "SitroomError":
        from sitroom.errors import SitroomError

        return SitroomError
    raise AttributeError(f"module 'sitroom' has no attribute {name!r}")
