"""Analysis and fusion on a Dask cluster, for ingests larger than one machine.

Documents go to the workers as a Dask bag, in partitions; the partitions' results come back in input
order while later ones are still computing, and this process writes them, as with local worker processes.
Blocks of the picture are fused on the workers when they can reach the database (a PostgreSQL URL, or any
database on a local cluster), else here.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import Any


class DaskWorkers:
    """A Dask client offering ``map`` in input order, as the ingest's process pool does."""

    def __init__(self, address: str, jobs: int, shared_database: bool) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("--dask needs Dask: pip install 'sitroom[cluster]'") from None
        logging.getLogger("distributed").setLevel(logging.ERROR)
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)  # waits distributed.comm.timeouts.connect (30 s) for the scheduler
        self.reaches_database = shared_database or address == "local"

    def map(self, fn: Callable, *iterables: Any, chunksize: int = 1) -> Iterator:
        """``fn`` over the zipped iterables on the workers, results in input order."""
        import dask.bag

        args = list(zip(*iterables))
        if not args:
            return
        bag = dask.bag.from_sequence(args, partition_size=max(1, chunksize)).starmap(fn)
        futures = self.client.compute(bag.to_delayed())
        try:
            for future in futures:
                yield from future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker ends this map as a broken local pool would
            raise BrokenProcessPool(str(exc)) from exc
        finally:
            self.client.cancel(futures)

    def shutdown(self, wait: bool = True, cancel_futures: bool = True) -> None:
        """Close the client (and the local cluster it started)."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
