"""Keeping the fused picture up to date: re-cluster only the blocks a new document touches."""
from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Executor

from sitroom.fuse.cluster import cluster_block, summarise
from sitroom.store.database import Store


def refuse_blocks(store: Store, blocks: Iterable[tuple[str, str]], pool: Executor | None = None) -> int:
    """Re-cluster the given (event type, country) blocks; returns the number of fused events written.

    With a process ``pool``, blocks are clustered in its workers (each reads its block from the file) and
    written here, block by block, in the same order as without one.
    """
    order = sorted(set(blocks))
    if pool is None:
        results = (fuse_block(store, event_type, block) for event_type, block in order)
    else:
        results = pool.map(fuse_block_of_file, [str(store.target)] * len(order), *zip(*order)) if order else iter(())
    written = 0
    for (event_type, block), (fused, seen) in zip(order, results):
        written += store.replace_block(event_type, block, fused, seen,
                                       recompute=lambda t=event_type, b=block: fuse_block(store, t, b)[0])
    return written


def fuse_block(store: Store, event_type: str, block: str) -> tuple[list[dict], int]:
    """The fused events of one block, from its stored events, and how many events they were made from."""
    members = store.block_members(event_type, block)
    return [summarise(c) for c in cluster_block(members)], len(members)


def fuse_block_of_file(db_path: str, event_type: str, block: str) -> tuple[list[dict], int]:
    """``fuse_block`` in a worker process: the database opened read-only for the block's events."""
    with Store(db_path, must_exist=True, readonly=True) as store:
        return fuse_block(store, event_type, block)


def refuse_all(store: Store) -> int:
    """Re-cluster every block (after a fusion rule changed, or on an old database)."""
    return refuse_blocks(store, store.all_blocks())


def apply_review(store: Store, event_ids: list[str], action: str, changes: dict | None = None,
                 note: str | None = None, reviewer: str | None = None) -> None:
    """Review these events (``Store.reviewable``: an event, or each report of a fused event) and fuse again the
    blocks they leave and join."""
    blocks: set[tuple[str, str]] = set()
    for event_id in event_ids:
        blocks |= store.add_review(event_id, action, changes, note, reviewer)
    refuse_blocks(store, blocks)
