"""Extraction on a Dask cluster: the same records as the local engine, in input order.

Each worker builds the pipeline once (a worker plugin) and processes whole batches;
the client keeps a bounded window of batches in flight, so a dump of any size streams.
"""

from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Any, Iterable, Iterator

from .extractor import Extractor, InputDoc, as_input, freeze_loaded_objects
from .records import DocumentRecord

PLUGIN_NAME = "asem-extract-pipeline"


def _plugin_class():
    from distributed import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Loads the pipeline once per worker process."""

        name = PLUGIN_NAME

        def __init__(self, model: str | None = None, resource_dir: str | None = None):
            self.model, self.resource_dir = model, resource_dir

        def setup(self, worker):
            worker.asem_extractor = Extractor(model=self.model, resource_dir=self.resource_dir)
            freeze_loaded_objects()

    return PipelinePlugin


def process_batch(batch: list[InputDoc]) -> list[DocumentRecord]:
    """Runs on a worker, with the pipeline its plugin built."""
    from distributed import get_worker

    return list(get_worker().asem_extractor._process(batch))


def extract_with_dask(items: Iterable[Any], batch_size: int = 64, scheduler: str | None = None,
                      workers: int | None = None, model: str | None = None, resource_dir: str | None = None,
                      in_flight: int | None = None) -> Iterator[DocumentRecord]:
    """Stream records computed on a Dask cluster: an existing scheduler when `scheduler` is given,
    otherwise a local cluster of `workers` single-threaded processes."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        client.register_plugin(_plugin_class()(model, resource_dir))
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = in_flight or 2 * n_workers
        inputs = (as_input(item, i) for i, item in enumerate(items))
        pending: deque = deque()
        while True:
            while len(pending) < window:
                batch = list(islice(inputs, batch_size))
                if not batch:
                    break
                pending.append(client.submit(process_batch, batch, pure=False))
            if not pending:
                break
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
