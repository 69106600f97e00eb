"""pandas views of a Report: one row per indicator, one row per section.

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


__all__ = ["indicators_frame", "sections_frame", "INDICATOR_COLUMNS", "SECTION_COLUMNS"]
