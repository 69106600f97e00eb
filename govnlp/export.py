"""Tables of Reports: indicators, sections, slogans and tasks as pandas DataFrames, CSV or Parquet.

One report: :func:`indicators_frame`, :func:`sections_frame`, :func:`slogans_frame`,
:func:`tasks_frame`. Many reports: :func:`table` (``kind`` one of :data:`TABLES`) with a
``file`` column naming each report, and :func:`write_table` (CSV, or Parquet when pyarrow is
installed, chosen by the file suffix).

>>> from govnlp.report import Report, Indicator, Meta
>>> r = Report(text="地区生产总值增长6.5%。", meta=Meta(region="青云谱区", year=2020),
...            indicators=[Indicator(name="地区生产总值", canonical="gdp", sentence=[0, 13])])
>>> indicators_frame(r)[["region", "canonical", "sentence_text"]].values.tolist()
[['青云谱区', 'gdp', '地区生产总值增长6.5%。']]
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported lazily so that `import govnlp` stays light
    import pandas as pd

    from .report import Report

INDICATOR_COLUMNS = [
    "region", "province", "admin_code", "level", "year", "doc_type",
    "canonical", "name", "value", "low", "high", "unit", "qualifier",
    "change_value", "change_unit", "change_basis", "change_text",
    "rank_scope", "rank_position", "kind", "period",
    "section", "section_title", "section_function",
    "sentence_start", "sentence_end", "sentence_text",
    "name_start", "name_end", "value_start", "value_end", "change_start", "change_end", "source",
]
SECTION_COLUMNS = ["id", "parent", "level", "marker", "title", "start", "end", "function", "topic",
                   "confidence", "n_indicators", "region", "year"]
SLOGAN_COLUMNS = ["region", "year", "text", "expansion", "definition", "provenance", "scope",
                  "alternatives", "start", "end", "section"]
TASK_COLUMNS = ["region", "year", "number", "text", "lead", "support", "n_indicators", "start", "end"]
#: the tables :func:`table` can build
TABLES = ("indicators", "sections", "slogans", "tasks")
LIST_SEPARATOR = "；"  # list cells (expansion, lead units) joined for CSV


def _span(spans: dict, key: str) -> tuple:
    v = (spans or {}).get(key)
    return (v[0], v[1]) if v else (None, None)


def indicators_frame(report: "Report") -> "pd.DataFrame":
    """One row per indicator with the report's region/year and flattened change/rank/spans."""
    import pandas as pd

    meta = report.meta
    sections = {s.id: s for s in report.sections}
    rows = []
    for ind in report.indicators:
        sec = sections.get(ind.section) if ind.section is not None else None
        s0, s1 = (ind.sentence + [None, None])[:2] if ind.sentence else (None, None)
        ns, ne = _span(ind.spans, "name")
        vs, ve = _span(ind.spans, "value")
        cs, ce = _span(ind.spans, "change")
        rows.append({
            "region": meta.region, "province": meta.province, "admin_code": meta.admin_code,
            "level": meta.level, "year": meta.year, "doc_type": meta.doc_type,
            "canonical": ind.canonical, "name": ind.name, "value": ind.value, "low": ind.low,
            "high": ind.high, "unit": ind.unit, "qualifier": ind.qualifier,
            "change_value": ind.change.value if ind.change else None,
            "change_unit": ind.change.unit if ind.change else None,
            "change_basis": ind.change.basis if ind.change else None,
            "change_text": ind.change.text if ind.change else None,
            "rank_scope": ind.rank.scope if ind.rank else None,
            "rank_position": ind.rank.position if ind.rank else None,
            "kind": ind.kind, "period": ind.period,
            "section": ind.section, "section_title": sec.title if sec else None,
            "section_function": sec.function if sec else None,
            "sentence_start": s0, "sentence_end": s1,
            "sentence_text": report.text[s0:s1] if s0 is not None and s1 is not None else None,
            "name_start": ns, "name_end": ne, "value_start": vs, "value_end": ve,
            "change_start": cs, "change_end": ce, "source": ind.source,
        })
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    for col in ("value", "low", "high", "change_value"):
        frame[col] = frame[col].astype("float64")
    for col in ("rank_position", "year", "section", "sentence_start", "sentence_end"):
        frame[col] = frame[col].astype("Int64")
    return frame


def sections_frame(report: "Report") -> "pd.DataFrame":
    """One row per section (pre-order) with how many indicators it holds directly."""
    import pandas as pd

    counts: dict[int, int] = {}
    for ind in report.indicators:
        if ind.section is not None:
            counts[ind.section] = counts.get(ind.section, 0) + 1
    rows = [{
        "id": s.id, "parent": s.parent, "level": s.level, "marker": s.marker, "title": s.title,
        "start": s.start, "end": s.end, "function": s.function, "topic": s.topic,
        "confidence": float(s.confidence), "n_indicators": counts.get(s.id, 0),
        "region": report.meta.region, "year": report.meta.year,
    } for s in report.sections]
    frame = pd.DataFrame(rows, columns=SECTION_COLUMNS)
    frame["parent"] = frame["parent"].astype("Int64")
    return frame


def _section_at(report: "Report", offset: int):
    """The innermost section holding ``offset`` (sections are pre-order and nested)."""
    import bisect

    starts = [s.start for s in report.sections]
    i = bisect.bisect_right(starts, offset) - 1
    while i >= 0:
        s = report.sections[i]
        if s.start <= offset < s.end:
            return s.id
        i = s.parent if s.parent is not None else -1
    return None


def slogans_frame(report: "Report") -> "pd.DataFrame":
    """One row per slogan: its text, what it stands for here and where that came from.

    >>> from govnlp.report import Report, Slogan, Meta
    >>> r = Report(text="做好六稳工作。", meta=Meta(region="某市", year=2021),
    ...            slogans=[Slogan("六稳", 2, 4, expansion=["稳就业", "稳金融"], provenance="lexicon")])
    >>> slogans_frame(r)[["text", "expansion", "provenance"]].values.tolist()
    [['六稳', '稳就业；稳金融', 'lexicon']]
    """
    import pandas as pd

    rows = [{
        "region": report.meta.region, "year": report.meta.year, "text": s.text,
        "expansion": LIST_SEPARATOR.join(s.expansion) if s.expansion else None,
        "definition": s.definition, "provenance": s.provenance, "scope": s.scope,
        "alternatives": s.alternatives, "start": s.start, "end": s.end,
        "section": _section_at(report, s.start),
    } for s in report.slogans]
    frame = pd.DataFrame(rows, columns=SLOGAN_COLUMNS)
    for col in ("year", "section"):
        frame[col] = frame[col].astype("Int64")
    return frame


def tasks_frame(report: "Report") -> "pd.DataFrame":
    """One row per task of a task plan, lead and support units joined with "；"."""
    import pandas as pd

    rows = [{
        "region": report.meta.region, "year": report.meta.year, "number": t.number, "text": t.text,
        "lead": LIST_SEPARATOR.join(t.lead), "support": LIST_SEPARATOR.join(t.support),
        "n_indicators": len(t.indicators), "start": t.start, "end": t.end,
    } for t in report.tasks]
    frame = pd.DataFrame(rows, columns=TASK_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame


_FRAMES = {"indicators": indicators_frame, "sections": sections_frame, "slogans": slogans_frame,
           "tasks": tasks_frame}


def table(reports, kind: str = "indicators", sources=None) -> "pd.DataFrame":
    """One table over many reports: ``kind`` in :data:`TABLES`, a first column ``file``.

    ``sources`` names the reports (default: their position in ``reports``). Failed records of
    a corpus run (govnlp.corpus.FailedReport) add no rows.
    """
    import pandas as pd

    if kind not in _FRAMES:
        from .errors import Errors, GovnlpError

        raise GovnlpError(Errors.E006.format(name="kind", value=kind, choices=TABLES))
    frames = []
    reports = list(reports)
    names = list(sources) if sources is not None else [str(i) for i in range(len(reports))]
    for name, report in zip(names, reports):
        if getattr(report, "error", None):
            continue
        f = _FRAMES[kind](report)
        f.insert(0, "file", str(name))
        frames.append(f)
    if not frames:
        empty = _FRAMES[kind](_empty_report())
        empty.insert(0, "file", pd.Series(dtype="object"))
        return empty
    return pd.concat(frames, ignore_index=True)


def _empty_report():
    from .report import Report

    return Report(text="")


def write_table(frame: "pd.DataFrame", path, append: bool = False) -> None:
    """Write ``frame`` as CSV (``.csv``, UTF-8 with a header) or Parquet (``.parquet``, needs
    pyarrow). ``append`` adds rows to an existing file (CSV: no second header; Parquet: the
    file is rewritten with the old rows first)."""
    import os

    path = os.fspath(path)
    exists = append and os.path.exists(path) and os.path.getsize(path) > 0
    if path.endswith(".parquet"):
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            from .errors import Errors, GovnlpError

            raise GovnlpError(Errors.E006.format(name="output", value=f"{path} (Parquet needs pyarrow: "
                                                 "pip install pyarrow)", choices=(".csv", ".jsonl"))) from exc
        import pandas as pd

        if exists:
            frame = pd.concat([pd.read_parquet(path), frame], ignore_index=True)
        frame.to_parquet(path, index=False)
        return
    frame.to_csv(path, mode="a" if exists else "w", header=not exists, index=False, encoding="utf-8")


__all__ = ["indicators_frame", "sections_frame", "slogans_frame", "tasks_frame", "table", "write_table",
           "INDICATOR_COLUMNS", "SECTION_COLUMNS", "SLOGAN_COLUMNS", "TASK_COLUMNS", "TABLES"]
