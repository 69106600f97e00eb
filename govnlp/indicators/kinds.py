"""Kind (actual / target / forecast) and period ("2019", "2020H1", "2016-2020") of an indicator.

The kind comes from cue words before the number in its sentence (预计 -> forecast; 力争/确保/
目标/预期/计划 -> target), from a lead-in line such as "主要预期目标是：", and otherwise from the
section it sits in (function "targets"/"tasks", or a heading with 目标/安排/打算). The period
comes from time words (上半年, 一季度, 2019年, 近五年, 十三五) and, failing those, from the
report's years: actuals belong to the year reviewed, targets to the year planned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..report import Report, Section

FORECAST_CUE = re.compile(r"预计|预估|有望")
TARGET_CUE = re.compile(
    r"力争|确保|争取|努力|力求|预期目标|主要目标|发展目标|目标|预期|计划|拟|安排|"
    r"要(?=[实确力达完突增控新建保持推])|将(?=[实达完突增新建控力保])|控制在|"
    r"(?<![已])(?:完成|实现)(?=年度|全年)")
ACTUAL_CUE = re.compile(r"同比|比上年|比去年|较上年|较去年|过去|去年|上年|已经|已|累计完成|完成了|实现了|达到了|"
                        r"(?:19|20)\d\d年(?:以来|底|末)?")
TARGET_TITLE = re.compile(r"目标|安排|打算|计划|任务|思路|重点工作|工作建议|预期")
REVIEW_TITLE = re.compile(r"回顾|情况|成绩|成效|总结|过去|主要工作|工作进展|发展成就")
LEAD_IN = re.compile(r"(?:主要)?(?:预期)?目标(?:是|为|任务是)?[:：]|主要(?:预期)?指标[:：]|发展目标[:：]|目标任务[:：]")

PERIOD_WORDS = [
    (re.compile(r"上半年|1-6月|1—6月|一至六月"), "H1"),
    (re.compile(r"下半年"), "H2"),
    (re.compile(r"(?:第)?一季度|1-3月|1—3月"), "Q1"),
    (re.compile(r"(?:第)?二季度"), "Q2"),
    (re.compile(r"前三季度|1-9月|1—9月"), "Q1-Q3"),
    (re.compile(r"(?:第)?三季度"), "Q3"),
    (re.compile(r"(?:第)?四季度"), "Q4"),
]
PLAN_PERIODS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                "十四五": (2021, 2025), "十五五": (2026, 2030)}
SPAN_YEARS = re.compile(r"(?:近|过去|这)([一二三四五六七八九十两\d])年|([一二三四五六七八九十两\d])年来")
EXPLICIT_YEAR = re.compile(r"((?:19|20)\d\d)(?:年|—|-)(?:((?:19|20)\d\d)年)?")
_CN = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_CN["两"] = 2


@dataclass
class YearContext:
    """The years a report talks about: the year it reviews and the year it plans for."""

    review_year: Optional[int]
    plan_year: Optional[int]
    half_year: bool = False
    task_plan: bool = False


def year_context(report: Report) -> YearContext:
    """Review and plan years from headings ("2019年主要工作回顾"), the date and ``meta.year``."""
    meta = report.meta
    half = meta.doc_type == "half_year_report" or bool(re.search(r"上半年.{0,12}(?:工作|情况)", report.text[:400]))
    task_plan = meta.doc_type == "task_plan" or bool(re.search(r"任务分解|分解落实|分工方案", report.text[:200]))
    review = plan = None
    for s in report.sections:
        m = re.search(r"((?:19|20)\d\d)年", s.title)
        if not m:
            continue
        y = int(m.group(1))
        if review is None and (s.function == "review" or REVIEW_TITLE.search(s.title)):
            review = y
        elif plan is None and (s.function in ("targets", "tasks") or TARGET_TITLE.search(s.title)):
            plan = y
    delivered = None
    if meta.date:
        try:
            delivered = int(meta.date[:4])
        except ValueError:
            delivered = None
    if delivered is None:
        m = re.search(r"((?:19|20)\d\d)年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", report.text[:600])
        if m:
            delivered = int(m.group(1))
    if half:
        year = review or plan or delivered or meta.year
        return YearContext(year, year, True, task_plan)
    if plan is None:
        plan = delivered or (review + 1 if review else None) or meta.year
    if review is None and plan is not None:
        review = plan - 1
    return YearContext(review, plan, False, task_plan)


def section_leaning(report: Report, section: Optional[Section]) -> Optional[str]:
    """"target" or "actual" as suggested by the section (and its ancestors), else None."""
    s = section
    while s is not None:
        if s.function in ("targets", "tasks"):
            return "target"
        if s.function == "review":
            return "actual"
        if TARGET_TITLE.search(s.title) and not REVIEW_TITLE.search(s.title):
            return "target"
        if REVIEW_TITLE.search(s.title):
            return "actual"
        s = report.sections[s.parent] if s.parent is not None and s.parent < len(report.sections) else None
    return None


def kind_of(report: Report, ctx: YearContext, sentence: str, before: str, section: Optional[Section],
            preceding: str = "") -> str:
    """The kind of a number whose sentence is ``sentence``; ``before`` is the sentence up to the number.

    ``preceding`` is the text just before the sentence (for lead-ins such as "主要预期目标是：").
    """
    if FORECAST_CUE.search(before):
        return "forecast"
    if TARGET_CUE.search(before):
        return "target"
    if ctx.task_plan:
        return "target"
    if LEAD_IN.search(preceding):
        return "target"
    leaning = section_leaning(report, section)
    if leaning == "target" and not ACTUAL_CUE.search(before):
        return "target"
    return "actual"


def period_of(ctx: YearContext, before: str, kind: str) -> Optional[str]:
    """The period of a number from the time words in ``before`` (its sentence up to the number)."""
    for name, (a, b) in PLAN_PERIODS.items():
        if name in before[-40:]:
            return f"{a}-{b}"
    m = SPAN_YEARS.search(before)
    base = ctx.review_year if kind == "actual" else ctx.plan_year
    if m and ctx.review_year:
        n = m.group(1) or m.group(2)
        n = int(n) if n.isdigit() else _CN.get(n, 0)
        if 1 < n <= 10:
            end = ctx.review_year
            return f"{end - n + 1}-{end}"
    year = None
    years = list(EXPLICIT_YEAR.finditer(before))
    if years:
        last = years[-1]
        if last.group(2):
            return f"{last.group(1)}-{last.group(2)}"
        year = int(last.group(1))
    elif re.search(r"去年|上年|上一年", before) and not re.search(r"比上年|比去年|较上年|较去年", before):
        year = (ctx.plan_year - 1) if ctx.plan_year else None
    elif re.search(r"今年|本年|全年|年度", before):
        year = ctx.plan_year if kind != "actual" or ctx.half_year else (ctx.review_year if not ctx.plan_year else ctx.plan_year)
    if year is None:
        year = base
    for pattern, suffix in PERIOD_WORDS:
        if pattern.search(before):
            return f"{year}{suffix}" if year else None
    if ctx.half_year and kind == "actual" and year == base and not re.search(r"全年|今年|年度", before):
        return f"{year}H1" if year else None
    return str(year) if year else None


__all__ = ["YearContext", "year_context", "kind_of", "period_of", "section_leaning"]
