"""The batch runner: inputs -> articles -> events -> store or output, with progress.

`process(articles)` is the one function every runner calls (this local loop now, a cluster
runner later); ingestion adds batching, resumption and per-input error reporting.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sitrep.ingest import read_inputs
from sitrep.model import Article, Event, InputError

# switch (session 38, speed): after the first batch (which loads the models, the gazetteer's
# tables and the dictionaries: some 200,000 long-lived objects), those objects are moved out of
# the cyclic garbage collector's reach (gc.freeze): its collections then walk only the objects
# of the batch at hand. It changes no result; about 2% of the pipeline's CPU (docs/speed.md)
GC_FREEZE = 1
_frozen = False


def process(articles: list[Article]) -> list[list[Event]]:
    """Events for each article (the pipeline's single entry point)."""
    from sitrep.extract.events import extract

    out = extract(articles)
    _freeze_loaded()
    return out


def _freeze_loaded() -> None:
    global _frozen
    if GC_FREEZE and not _frozen:
        _frozen = True
        gc.collect()  # the first batch's garbage is collected, not frozen
        gc.freeze()


@dataclass
class RunReport:
    articles: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    paths: list[str],
    *,
    published: dt.date | None = None,
    source: str | None = None,
    max_bytes: int = 5_000_000,
    batch_size: int = 64,
    skip: Callable[[list[str]], set[str]] | None = None,
    sink: Callable[[Article, list[Event]], bool] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> RunReport:
    """Read every input, extract events batch by batch and hand each article to `sink`.

    skip: returns the ids already done (resumption); sink: stores or prints one article's
    events and says whether it was new.
    """
    report = RunReport()
    stream = read_inputs(paths, published=published, source=source, max_bytes=max_bytes)
    for batch in batched(stream, batch_size):
        good: list[Article] = []
        for item in batch:
            if isinstance(item, InputError):
                report.errors.append(str(item))
                if on_error:
                    on_error(str(item))
            else:
                good.append(item)
        seen: set[str] = set()
        unique = []
        for a in good:
            if a.id not in seen:
                seen.add(a.id)
                unique.append(a)
        done = skip([a.id for a in unique]) if skip else set()
        todo = [a for a in unique if a.id not in done]
        report.skipped += len(good) - len(todo)
        results = process(todo) if todo else []
        for article, found in zip(todo, results):
            new = sink(article, found) if sink else True
            if new:
                report.articles += 1
                report.events += len(found)
            else:
                report.skipped += 1
        if on_progress:
            on_progress(len(batch))
    return report
