"""Fuse stage: events from many articles merged into fused events; territorial control over time."""
from sitroom.fuse.cluster import cluster_block, summarise
from sitroom.fuse.control import Change, state_at, timelines
from sitroom.fuse.model import FusedEvent, Member

__all__ = ["Change", "FusedEvent", "Member", "cluster_block", "state_at", "summarise", "timelines"]
