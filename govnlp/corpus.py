"""Corpus runs: many reports on all cores, past bad files, with a progress bar.

:func:`parse_corpus` yields ``(source name, Report)`` in input order; :func:`parse_reports`
(also ``govnlp.parse_reports``) yields the Reports alone. With ``n_jobs > 1`` (``-1``: every
core) the models are loaded once in the parent and the worker processes are forked from it, so
no worker pays the cold start again (where fork is unavailable each worker loads them once in
its initializer). ``errors`` decides what a file that cannot be parsed does: ``"raise"`` (the
default) stops the run, ``"warn"`` yields a :class:`FailedReport` (source, code, message) in its
place and ``"skip"`` leaves it out.

For a cluster, :func:`parse_record` turns one file into one JSON-ready dict (the report, or the
error record), which any engine can map over paths: Dask bag, Ray, or Hugging Face
``datasets.map(num_proc=...)`` through :func:`hf_map`; see docs/corpus.md.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("一、工作回顾\\n全年地区生产总值增长5.2%。\\n", "utf-8")
>>> [(name, len(r.indicators)) for name, r in parse_corpus([d / "a.txt", d / "missing.txt"],
...   errors="warn", indicators="rules", progress=False)]   # doctest: +ELLIPSIS
[('.../a.txt', 1), ('.../missing.txt', 0)]
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .errors import Errors, GovnlpError
from .report import Report

ERROR_MODES = ("raise", "warn", "skip")
#: runs of at least this many reports show a progress bar when ``progress`` is not given
PROGRESS_MIN = 20
#: a short text parsed once before a run, so that every model and lexicon is loaded and cached
WARM_UP_TEXT = "一、工作回顾\n全市地区生产总值增长5.2%，居全省第二。做好六稳工作。\n二、今年目标\n城镇新增就业1万人。\n"
_CODE = re.compile(r"^\[([EW]\d{3})\]")


@dataclass
class FailedReport(Report):
    """The record of a source that could not be parsed (``errors="warn"``): an empty Report
    with ``source`` and ``error`` = ``{"code", "type", "message"}``."""

    source: str = ""
    error: dict = field(default_factory=dict)

    @classmethod
    def of(cls, source: str, exc: BaseException) -> "FailedReport":
        """The failure record of ``exc`` raised while parsing ``source``."""
        message = str(exc)
        m = _CODE.match(message)
        code = m.group(1) if m else ("internal" if not isinstance(exc, GovnlpError) else "unknown")
        return cls(text="", source=source, warnings=[message],
                   error={"code": code, "type": type(exc).__name__, "message": message})

    def to_dict(self) -> dict:
        """``{"source": ..., "error": {"code", "type", "message"}}`` (no report body)."""
        return {"source": self.source, "error": dict(self.error)}


def source_name(source, index: int = 0) -> str:
    """How a source is named in records: a file's path, else ``<text #i>`` / ``<bytes #i>``."""
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return f"<bytes #{index}>"
    return f"<text #{index}>"


def resolve_jobs(n_jobs: Optional[int], n_items: int) -> int:
    """Worker processes for ``n_items`` sources: ``-1`` (or None) = every usable core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    n = cores if n_jobs is None or n_jobs < 0 else max(1, int(n_jobs))
    if n_jobs is not None and n_jobs < -1:  # joblib's convention: -2 = all cores but one
        n = max(1, cores + 1 + n_jobs)
    return max(1, min(n, n_items))


def warm_up(**kwargs) -> None:
    """Load and cache everything a parse with these options needs (models, lexicons)."""
    import inspect

    from .pipeline import parse_text

    accepted = inspect.signature(parse_text).parameters  # not the reading options (encoding=)
    parse_text(WARM_UP_TEXT, **{k: v for k, v in kwargs.items() if k in accepted})


# ---- the worker side ------------------------------------------------------------------------
_OPTIONS: dict = {}


def _init_worker(options: dict) -> None:
    global _OPTIONS
    _OPTIONS = options
    warm_up(**options["kwargs"])  # a no-op after fork: the caches came with the parent's memory


def _parse_one(job: tuple) -> tuple:
    index, source = job
    return index, *_parse_guarded(source, index, _OPTIONS["errors"], _OPTIONS["kwargs"])


def _parse_guarded(source, index: int, errors: str, kwargs: dict) -> tuple[str, Optional[Report]]:
    from .pipeline import parse_report

    name = source_name(source, index)
    if errors == "raise":
        return name, parse_report(source, **kwargs)
    try:
        return name, parse_report(source, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a corpus run goes on past any one bad file
        return name, (FailedReport.of(name, exc) if errors == "warn" else None)


# ---- the caller side ------------------------------------------------------------------------
def parse_corpus(sources: Iterable, *, n_jobs: int = 1, errors: str = "raise",
                 progress: Optional[bool] = None, chunksize: Optional[int] = None,
                 **kwargs) -> Iterator[tuple[str, Report]]:
    """Parse many sources, yielding ``(name, Report)`` in input order.

    ``sources``: anything :func:`govnlp.parse_report` takes (a file as ``pathlib.Path``, a str
    of text, bytes). ``n_jobs``: worker processes (``-1`` every core). ``errors``: "raise",
    "warn" (a :class:`FailedReport` takes the failed source's place) or "skip". ``progress``:
    a tqdm bar on stderr (default: on for runs of :data:`PROGRESS_MIN` sources or more).
    Other keyword arguments go to parse_report (``indicators``, ``lexicon`` ...).
    """
    if errors not in ERROR_MODES:
        raise GovnlpError(Errors.E006.format(name="errors", value=errors, choices=ERROR_MODES))
    items = list(sources)
    if not items:
        return
    jobs = resolve_jobs(n_jobs, len(items))
    show = len(items) >= PROGRESS_MIN if progress is None else bool(progress)
    if jobs > 1:
        yield from _parallel(items, jobs, errors, kwargs, chunksize, show)
        return
    bar = _progress_bar(len(items), show)
    try:
        for i, source in enumerate(items):
            name, report = _parse_guarded(source, i, errors, kwargs)
            bar.update(1)
            if report is not None:
                yield name, report
    finally:
        bar.close()


def _parallel(items: list, jobs: int, errors: str, kwargs: dict, chunksize: Optional[int], show: bool):
    import multiprocessing as mp

    options = {"errors": errors, "kwargs": kwargs}
    methods = mp.get_all_start_methods()
    if "fork" in methods:
        # load the models here, once: forked workers share them (copy-on-write) instead of
        # each paying the cold start; torch must not have started its thread pools yet
        warm_up(**kwargs)
        _init_worker(options)
        ctx = mp.get_context("fork")
    else:  # pragma: no cover - spawn platforms: each worker loads the models once
        ctx = mp.get_context()
    chunk = chunksize or max(1, min(8, len(items) // (jobs * 8)))
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(options,))
    bar = _progress_bar(len(items), show)  # after the fork: tqdm starts a monitor thread
    try:
        for _, name, report in pool.imap(_parse_one, enumerate(items), chunksize=chunk):
            bar.update(1)
            if report is not None:
                yield name, report
        pool.close()
    finally:
        bar.close()
        pool.terminate()
        pool.join()


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, show: bool):
    if not show:
        return _NoBar()
    try:
        from tqdm.auto import tqdm
    except ImportError:  # tqdm is a declared dependency; keep going without a bar if it is gone
        return _NoBar()
    return tqdm(total=total, unit="report", desc="govnlp", file=sys.stderr, dynamic_ncols=True)


def parse_reports(sources: Iterable, *, n_jobs: int = 1, errors: str = "raise",
                  progress: Optional[bool] = None, **kwargs) -> Iterator[Report]:
    """The Reports of :func:`parse_corpus`, in input order."""
    for _, report in parse_corpus(sources, n_jobs=n_jobs, errors=errors, progress=progress, **kwargs):
        yield report


# ---- one record per file: the unit any cluster engine maps --------------------------------
def record(name: str, report: Report) -> dict:
    """The JSON Lines record of a report: ``{"source": name, **report.to_dict()}``, or the
    error record of a :class:`FailedReport`."""
    if isinstance(report, FailedReport):
        return report.to_dict()
    return {"source": name, **report.to_dict()}


def read_records(path: Union[str, os.PathLike]) -> Iterator[tuple[str, Report]]:
    """Read back a JSON Lines file written by ``govnlp parse --out``: ``(source, Report)``, a
    :class:`FailedReport` for an error record; a line cut by an interrupted run is skipped."""
    import json

    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if "error" in rec:
                yield rec.get("source", ""), FailedReport(text="", source=rec.get("source", ""), error=rec["error"],
                                                          warnings=[rec["error"].get("message", "")])
            else:
                yield rec.get("source", ""), Report.from_dict({k: v for k, v in rec.items() if k != "source"})


def parse_record(path: Union[str, os.PathLike], **kwargs) -> dict:
    """Parse the file at ``path`` (a str here is a path) into its JSON Lines record; a file that
    fails gives the error record ``{"source", "error"}`` instead of raising."""
    p = Path(os.fspath(path))
    name, report = _parse_guarded(p, 0, "warn", kwargs)
    return record(name, report)


def hf_map(batch: dict, **kwargs) -> dict:
    """A batched ``datasets.Dataset.map`` function: column ``path`` in; columns ``source``,
    ``ok``, ``error_code``, ``n_indicators`` and ``report`` (the record as JSON) out."""
    import json

    out: dict = {"source": [], "ok": [], "error_code": [], "n_indicators": [], "report": []}
    for path in batch["path"]:
        rec = parse_record(path, **kwargs)
        out["source"].append(rec["source"])
        out["ok"].append("error" not in rec)
        out["error_code"].append(rec["error"]["code"] if "error" in rec else None)
        out["n_indicators"].append(len(rec.get("indicators", [])))
        out["report"].append(json.dumps(rec, ensure_ascii=False))
    return out


__all__ = ["parse_corpus", "parse_reports", "parse_record", "read_records", "record", "hf_map", "FailedReport",
           "source_name", "resolve_jobs", "warm_up", "ERROR_MODES"]
