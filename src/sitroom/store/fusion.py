"""Keeping the fused picture up to date: re-cluster only the blocks a new document touches."""
from __future__ import annotations

from collections.abc import Iterable

from sitroom.fuse.cluster import cluster_block, summarise
from sitroom.store.database import Store


def refuse_blocks(store: Store, blocks: Iterable[tuple[str, str]]) -> int:
    """Re-cluster the given (event type, country) blocks; returns the number of fused events written."""
    written = 0
    for event_type, block in sorted(set(blocks)):
        fused = [summarise(c) for c in cluster_block(store.block_members(event_type, block))]
        store.replace_block(event_type, block, fused)
        written += len(fused)
    return written


def refuse_all(store: Store) -> int:
    """Re-cluster every block (after a fusion rule changed, or on an old database)."""
    return refuse_blocks(store, store.all_blocks())
