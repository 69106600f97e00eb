"""Targets against actuals: a region's target for year Y next to what was achieved in Y.

A work report delivered early in year Y sets the targets of Y; the next one (or a later report)
says what Y achieved. :func:`compare` pairs them per region, year and canonical indicator:

>>> from govnlp.report import Report, Meta, Indicator, Change
>>> plan = Report(text="地区生产总值增长6%左右。", meta=Meta(region="示例市", year=2023),
...               indicators=[Indicator(name="地区生产总值", canonical="gdp", qualifier="approx",
...                                     change=Change(6.0, "%"), kind="target", period="2023")])
>>> review = Report(text="地区生产总值增长6.4%。", meta=Meta(region="示例市", year=2024),
...                 indicators=[Indicator(name="地区生产总值", canonical="gdp",
...                                       change=Change(6.4, "%"), kind="actual", period="2023")])
>>> row = compare([plan, review]).to_dict("records")[0]
>>> row["target_value"], row["actual_value"], round(row["gap"], 2), row["status"]
(6.0, 6.4, 0.4, 'met')

Rules (docs/compare.md):
- only indicators with a canonical id are compared, and only with a plain year as period;
- a target and an actual are compared on the same measure: a growth rate (change in %) with a
  growth rate, a level in a unit with a level in the same unit;
- the gap is ``actual - the binding end of the target``: the low end of a floor (a higher actual
  meets it), the high end of a ceiling. A target is a ceiling when its qualifier says so (以内,
  不超过) or when the indicator is one to keep down (data/target_directions.tsv: 失业率, 能耗,
  居民消费价格…); ``approx_tolerance`` forgives a 左右 target that much;
- status: ``met`` / ``missed`` when both sides are numbers, ``unknown`` when no actual was found;
  targets stated without a figure are rows too, with target_type ``qualitative`` (与经济增长基本同步,
  完成省下达任务) or ``unset`` (不设具体增长目标) and status ``unknown``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Union

from .report import Indicator, Report

if TYPE_CHECKING:
    import pandas as pd

#: growth-only vocabulary entries that measure the growth of another entry
SAME_AS = {"gdp_growth": "gdp"}
COLUMNS = [
    "region", "province", "admin_code", "year", "canonical", "indicator", "measure", "unit",
    "target_type", "target_value", "target_low", "target_high", "target_qualifier", "target_label",
    "target_text", "target_source", "target_start", "target_end",
    "actual_value", "actual_kind", "actual_text", "actual_source", "actual_start", "actual_end",
    "direction", "gap", "status",
]
_CLAUSE_START = re.compile(r"[；;。！？!?\n：:]")
_TARGET_CONTEXT = re.compile(r"目标|力争|确保|预期")

Source = Union[Report, str, os.PathLike]


@dataclass
class Quantity:
    """One side of a comparison: a target or an actual of one region, year and indicator."""

    region_key: str
    year: int
    canonical: str
    measure: str                  # "change" (a growth rate or change) | "level" | "" (qualitative)
    unit: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Optional[str] = None
    kind: str = "actual"
    target_type: str = "point"   # point | range | qualitative | unset
    label: str = ""
    text: str = ""
    start: Optional[int] = None
    end: Optional[int] = None
    source: str = ""
    meta: dict = field(default_factory=dict)
    in_targets: bool = False


# ---- reading the two sides out of a report ---------------------------------------------------
@lru_cache(maxsize=1)
def directions() -> dict[str, str]:
    """canonical id -> "down" for indicators whose target is a ceiling (data/target_directions.tsv)."""
    out = {}
    for line in _data_lines("target_directions.tsv"):
        cid, direction = line.split("\t")[:2]
        out[cid] = direction
    return out


@lru_cache(maxsize=1)
def qualitative_patterns() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, type, label) rows of data/qualitative_targets.tsv."""
    rows = []
    for line in _data_lines("qualitative_targets.tsv"):
        pattern, kind, label = line.split("\t")[:3]
        rows.append((re.compile(pattern), kind, label))
    return rows


def _data_lines(name: str) -> list[str]:
    text = resources.files("govnlp").joinpath("data", name).read_text(encoding="utf-8")
    return [l for l in text.splitlines() if l.strip() and not l.startswith("#")]


def _region_key(report: Report) -> str:
    m = report.meta
    return m.admin_code or re.sub(r"^.{2,8}?(?:省|自治区)(?=.)", "", m.region or "") or "?"


def _year(period: Optional[str]) -> Optional[int]:
    return int(period) if period and re.fullmatch(r"\d{4}", str(period)) else None


def _measures(ind: Indicator) -> list[tuple[str, str, Optional[float], Optional[float], Optional[float]]]:
    """(measure, unit, value, low, high) readings of an indicator: its level and/or its change."""
    from .indicators import vocabulary

    out = []
    growth_only = ind.canonical in SAME_AS
    if ind.value is not None or ind.low is not None:
        unit = ind.unit or ""
        level_entry = vocabulary.measure(ind.canonical) == "level"
        if unit == "%" and (level_entry or growth_only):  # 增长8-8.5% is written as a range in %
            out.append(("change", "%", ind.value, ind.low, ind.high))
        else:
            out.append(("level", unit, ind.value, ind.low, ind.high))
    if ind.change is not None:
        out.append(("change", ind.change.unit, ind.change.value, None, None))
    return out


def quantities(report: Report, source: str = "") -> list[Quantity]:
    """Every target and actual of ``report`` that can enter a comparison."""
    key = _region_key(report)
    meta = {"region": report.meta.region, "province": report.meta.province, "admin_code": report.meta.admin_code}
    functions = {s.id: s.function for s in report.sections}
    out: list[Quantity] = []
    for ind in report.indicators:
        year = _year(ind.period)
        if year is None or not ind.canonical or ind.kind not in ("target", "actual", "forecast"):
            continue
        s, e = (ind.sentence or [0, 0])[:2]
        for measure, unit, value, low, high in _measures(ind):
            out.append(Quantity(
                key, year, SAME_AS.get(ind.canonical, ind.canonical), measure, unit, value, low, high,
                ind.qualifier, ind.kind, "range" if low is not None else "point", "",
                report.text[s:e].strip(), s, e, source, meta,
                in_targets=functions.get(ind.section) == "targets"))
    out.extend(verbal_targets(report, source))
    return out


def verbal_targets(report: Report, source: str = "") -> list[Quantity]:
    """Targets stated without a figure (与经济增长基本同步, 不设具体增长目标) in a target context."""
    from .indicators import vocabulary

    if report.meta.year is None:
        return []
    key = _region_key(report)
    meta = {"region": report.meta.region, "province": report.meta.province, "admin_code": report.meta.admin_code}
    targets = [(s.start, s.end) for s in report.sections if s.function == "targets"]
    text = report.text
    out = []
    for pattern, kind, label in qualitative_patterns():
        for m in pattern.finditer(text):
            sent_start = max(text.rfind(c, 0, m.start()) for c in "。！？\n") + 1
            sent_end = min([i for i in (text.find(c, m.end()) for c in "。！？\n") if i >= 0] or [len(text)])
            sentence = text[sent_start:sent_end + 1]
            if not (any(a <= m.start() < b for a, b in targets) or _TARGET_CONTEXT.search(sentence)):
                continue
            clause_start = max((x.end() for x in _CLAUSE_START.finditer(text, sent_start, m.start())),
                               default=sent_start)
            names = [n for n in vocabulary.find_names(text[clause_start:m.start()])]
            if names:
                canonical = names[-1][2]
            elif kind == "unset" and "经济" in text[clause_start:m.end()]:
                canonical = "gdp"
            else:
                continue
            out.append(Quantity(key, report.meta.year, SAME_AS.get(canonical, canonical), "", "",
                                kind="target", target_type=kind, label=label,
                                text=sentence.strip(), start=sent_start, end=sent_end + 1,
                                source=source, meta=meta, in_targets=True))
    return out


# ---- pairing and judging ------------------------------------------------------------------------
def _direction(target: Quantity) -> str:
    if target.qualifier in ("at_most", "less_than"):
        return "down"
    if target.qualifier in ("at_least", "more_than"):
        return "up"
    return directions().get(target.canonical, "up")


def judge(target: Quantity, actual: Optional[float], tolerance: float = 0.0) -> tuple[Optional[float], str]:
    """(gap, status) of an actual against a numeric target (module docstring)."""
    if actual is None or target.target_type in ("qualitative", "unset"):
        return None, "unknown"
    up = _direction(target) == "up"
    low = target.low if target.low is not None else target.value
    high = target.high if target.high is not None else target.value
    if low is None or high is None:
        return None, "unknown"
    gap = actual - (low if up else high)
    slack = tolerance if target.qualifier == "approx" else 0.0
    met = gap >= -slack - 1e-9 if up else gap <= slack + 1e-9
    return gap, "met" if met else "missed"


def _pick(candidates: list[Quantity], prefer_targets: bool) -> Optional[Quantity]:
    if not candidates:
        return None
    if prefer_targets:
        return sorted(candidates, key=lambda q: (not q.in_targets, q.target_type in ("qualitative", "unset")))[0]
    return sorted(candidates, key=lambda q: q.kind != "actual")[0]


def _load(source: Source, index: int, parse_options: dict) -> tuple[Report, str]:
    if isinstance(source, Report):
        return source, source.meta.title or f"report {index}"
    from .pipeline import parse_report

    path = Path(source)
    return parse_report(path, **parse_options), str(path)


def compare(reports: Iterable[Source], *, approx_tolerance: float = 0.0, include_untargeted: bool = False,
            **parse_options) -> "pd.DataFrame":
    """One row per region, year and indicator that has a target (and, with ``include_untargeted``,
    per actual without one). ``reports`` are Reports or paths (parsed with ``parse_options``).
    Columns: :data:`COLUMNS`; status met / missed / unknown (module docstring)."""
    import pandas as pd

    targets: dict[tuple, list[Quantity]] = {}
    actuals: dict[tuple, list[Quantity]] = {}
    for i, src in enumerate(reports):
        report, name = _load(src, i, parse_options)
        for q in quantities(report, name):
            side = targets if q.kind == "target" else actuals
            side.setdefault((q.region_key, q.year, q.canonical), []).append(q)

    rows = []
    for k in sorted(set(targets) | (set(actuals) if include_untargeted else set()), key=str):
        target = _pick(targets.get(k, []), prefer_targets=True)
        pool = actuals.get(k, [])
        if target is not None and target.measure:
            pool = [a for a in pool if (a.measure, a.unit) == (target.measure, target.unit)]
        else:  # a verbal target: show the growth rate when there is one, else any reading
            pool = sorted(pool, key=lambda a: a.measure != "change")
        actual = _pick(pool, prefer_targets=False)
        ref = target or actual
        gap, status = judge(target, actual.value if actual else None, approx_tolerance) if target else (None, "unknown")
        rows.append({
            **ref.meta, "year": ref.year, "canonical": ref.canonical, "indicator": _indicator_name(ref.canonical),
            "measure": (target or actual).measure or (actual.measure if actual else ""),
            "unit": (target.unit if target and target.measure else (actual.unit if actual else "")),
            "target_type": target.target_type if target else "none",
            "target_value": target.value if target else None, "target_low": target.low if target else None,
            "target_high": target.high if target else None,
            "target_qualifier": target.qualifier if target else None,
            "target_label": target.label if target else "", "target_text": target.text if target else "",
            "target_source": target.source if target else "", "target_start": target.start if target else None,
            "target_end": target.end if target else None,
            "actual_value": actual.value if actual else None, "actual_kind": actual.kind if actual else None,
            "actual_text": actual.text if actual else "", "actual_source": actual.source if actual else "",
            "actual_start": actual.start if actual else None, "actual_end": actual.end if actual else None,
            "direction": _direction(target) if target else None, "gap": gap, "status": status,
        })
    return pd.DataFrame(rows, columns=COLUMNS)


def _indicator_name(canonical: str) -> str:
    from .indicators import vocabulary

    entry = vocabulary.entries().get(canonical)
    return entry.name if entry else canonical


def main(argv: Optional[list[str]] = None) -> int:
    """``govnlp compare FILES [--out panel.csv]``: the target-vs-actual table of many reports."""
    import argparse
    import sys

    ap = argparse.ArgumentParser(prog="govnlp compare", description=main.__doc__.split(":")[0])
    ap.add_argument("files", nargs="+", help="report files: each region's reports for consecutive years")
    ap.add_argument("--out", default=None, help="write the table here (.csv or .parquet); default: print CSV")
    ap.add_argument("--tolerance", type=float, default=0.0,
                    help="forgive a 左右 (approx) target this much (in its unit, e.g. 0.2 percentage points)")
    ap.add_argument("--all", action="store_true", help="also rows for actuals that have no target")
    args = ap.parse_args(argv)
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        print(f"govnlp compare: no such file: {', '.join(missing)}", file=sys.stderr)
        return 1
    frame = compare([Path(f) for f in args.files], approx_tolerance=args.tolerance, include_untargeted=args.all)
    if args.out is None:
        frame.to_csv(sys.stdout, index=False)
    elif args.out.endswith(".parquet"):
        frame.to_parquet(args.out, index=False)
    else:
        frame.to_csv(args.out, index=False, encoding="utf-8")
        print(f"{len(frame)} rows -> {args.out}", file=sys.stderr)
    return 0


__all__ = ["compare", "quantities", "verbal_targets", "judge", "Quantity", "COLUMNS"]
