"""Indicator stage: numbers -> Indicator records (SCHEMA.md), by rules, a model, or both.

>>> from govnlp.report import Report
>>> r = Report(text="全区实现地区生产总值366.51亿元，增长6.5%。")
>>> [(i.name, i.canonical, i.value, i.change.value) for i in extract_indicators(r)]
[('地区生产总值', 'gdp', 36651000000.0, 6.5)]

``mode="rules"`` uses the number grammar (govnlp.numbers), the linker and the kind rules only.
``mode="model"``/``"hybrid"`` hand the rule output to ``govnlp.indicators.hybrid`` (the NER
model); when that cannot be loaded a W008 warning is added and the rule output returned.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import Errors, GovnlpError, ModelNotFoundError, Warnings
from ..numbers import Quantity, find_doublings, find_quantities
from ..report import Indicator, Report
from ..tasks import item_count_spans
from . import checks, kinds, vocabulary
from .linker import Draft, SentenceLinker
from .tables import (TARGET_CAPTION, JoinedText, cell_at, cell_context, cell_kind, find_tables, join_wrapped_figures,
                     name_cell_drafts, named_by_header, row_name, split_at_cells, table_cells)

MODES = ("rules", "model", "hybrid", "none")
SENTENCE_END = re.compile(r"[。！？!?\n]")


def extract_indicators(report: Report, mode: str = "rules", model: Optional[str] = None) -> list[Indicator]:
    """All indicators of ``report`` (does not modify ``report.indicators``)."""
    if mode not in MODES:
        raise GovnlpError(Errors.E006.format(name="mode", value=mode, choices=MODES))
    if mode == "none":
        return []
    rules = extract_rules(report)
    if mode == "rules":
        return rules
    try:
        from .hybrid import extract_with_model
    except ImportError as exc:  # the model side is optional
        report.warnings.append(Warnings.W008.format(reason=f"{type(exc).__name__}: {exc}"))
        return rules
    try:
        return extract_with_model(report, rules, mode, model)
    except ModelNotFoundError as exc:
        report.warnings.append(Warnings.W008.format(reason=str(exc)))
        return rules


def excluded_ranges(report: Report) -> list[tuple[int, int]]:
    """Stretches whose numbers are never indicators: boilerplate, glossary entries, footnote markers,
    a task plan's counts of its own items (sorted and merged into disjoint ranges)."""
    out = [(b.start, b.end) for b in report.boilerplate]
    out += [(g.start, g.end) for g in report.glossary]
    out += [(f.start, f.end) for f in report.footnotes]
    out += item_count_spans(report)  # a task plan counting its own items (共31项)
    for s in report.sections:
        if s.function in ("glossary", "boilerplate"):
            out.append((s.start, s.end))
    merged: list[tuple[int, int]] = []  # disjoint, so one bisection finds the one that matters
    for a, b in sorted(out):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def usable_quantities(report: Report) -> list[Quantity]:
    """Quantities of the text outside :func:`excluded_ranges`."""
    ranges = excluded_ranges(report)
    qs = find_quantities(report.text, bare=True)
    doublings = find_doublings(report.text)
    if doublings:
        qs = sorted(qs + doublings, key=lambda q: q.num_start)
    if not ranges:
        return qs
    return [q for q in qs if not _inside_any(ranges, q.num_start, q.end)]


def _inside_any(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted ``ranges`` (bisect, not a scan)."""
    import bisect

    i = bisect.bisect_left(ranges, (end, -1))
    # ranges are disjoint and sorted: the ones that can overlap start before ``end``, and only
    # the last few of those can still reach ``start``
    for a, b in reversed(ranges[max(0, i - 2):i]):
        if a < end and start < b:
            return True
    return False


class SectionIndex:
    """The innermost section holding an offset, in O(log n + depth) (not a scan of every section)."""

    def __init__(self, report: Report):
        import bisect

        self._bisect = bisect.bisect_right
        self.sections = report.sections
        order = sorted(range(len(report.sections)), key=lambda k: (report.sections[k].start, report.sections[k].level))
        self.starts = [report.sections[k].start for k in order]
        self.order = order

    def at(self, offset: int):
        i = self._bisect(self.starts, offset) - 1
        seen = 0
        while i >= 0 and seen < 64:
            sec = self.sections[self.order[i]]
            while sec is not None:
                if sec.start <= offset < sec.end:
                    return sec
                sec = self.sections[sec.parent] if sec.parent is not None and 0 <= sec.parent < len(self.sections) else None
            i -= 1
            seen += 1
        return None


SHORT_LINE = 30


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open sentence ranges (split at 。！？ and line ends).

    Runs of short lines without end punctuation (infographic reposts: 地区生产总值 / 812.6亿元 /
    增长4.1%) are kept together as one unit, so a number can find its name on the line above.
    """
    out, s = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > s:
            out.append((s, m.start() + (1 if m.group(0) != "\n" else 0)))
        s = m.end()
    if s < len(text):
        out.append((s, len(text)))
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged:
            pa, pb = merged[-1]
            last_line = text[max(pa, text.rfind("\n", pa, pb) + 1):pb]
            if (text[pb:a].strip() == "" and "\n" in text[pb:a] and text[pb:a].count("\n") == 1
                    and len(last_line) <= SHORT_LINE and b - a <= SHORT_LINE
                    and not last_line.endswith(("。", "；", "！", "？", "：", ":"))):
                merged[-1] = (pa, b)
                continue
        merged.append((a, b))
    return merged


BULLET = "●■▲◆★□○·•▪"
#: A block heading that is not a section: 【上半年成绩单】 at a line end (a re-joined line may
#: carry it), or a short line with a year and no figure (2023年这样干) above a run of figures.
BLOCK_HEADING = re.compile(r"(?m)(?:【([^】\n]{2,16})】|^[ \t]*([^，。；：:\n\d%]{0,8}(?:19|20)\d\d年[^，。；：:\n\d%]{0,8}))[ \t]*$")


class BlockHeadings:
    """Block headings of a text, found once; the nearest one above an offset by bisection."""

    def __init__(self, text: str):
        self.items = [(m.start(), m.group(1) or m.group(2), bool(m.group(1)))
                      for m in BLOCK_HEADING.finditer(text) if not re.search(r"报告|政府|会议|大会", m.group(0))]
        self.starts = [a for a, _, _ in self.items]

    def before(self, pos: int) -> str:
        """The nearest block heading above ``pos``: a 【】 line within 3,000 characters, a year
        line within 600."""
        import bisect

        i = bisect.bisect_left(self.starts, pos) - 1
        if i < 0:
            return ""
        start, title, bracket = self.items[i]
        return title if pos - start <= (3000 if bracket else 600) else ""


def _lead_in(text: str, start: int, floor: int) -> str:
    """The nearest lead-in line ("主要预期目标是：") above a run of short lines, or "".

    Under ●/■/▲ bullets the lead is the first line above them that is not a bullet, colon or
    not (a heading such as 建议全年经济社会发展预期目标).
    """
    pos = start
    floor = max(floor, start - 4000)
    bullet = text[start:start + 3].lstrip()[:1] in BULLET
    for _ in range(15):
        prev_end = text.rfind("\n", floor, pos)
        if prev_end < 0:
            return ""
        prev_start = text.rfind("\n", floor, prev_end) + 1
        line = text[max(prev_start, floor):prev_end].strip()
        if line.endswith(("：", ":")):
            return line
        if bullet and line and line[0] not in BULLET:
            return line if len(line) <= 60 else ""
        if len(line) > 120:
            return ""
        pos = prev_end
    return ""


def extract_rules(report: Report) -> list[Indicator]:
    """Indicators found by the number grammar and the linker (``source="rules"``)."""
    text = report.text
    quantities = usable_quantities(report)
    overflow = [q for q in quantities if not checks.finite(q)]
    if overflow:
        quantities = [q for q in quantities if checks.finite(q)]
    fused = checks.fused_quantities(text, quantities)
    ctx = kinds.year_context(report)
    index = SectionIndex(report)
    blocks = BlockHeadings(text)
    out: list[Indicator] = []
    tables = find_tables(text)
    for ts, te, drafts, caption in tables:
        kind = "target" if TARGET_CAPTION.search(caption) and "完成" not in caption else None
        for d in drafts:
            line_s = text.rfind("\n", 0, d.anchor) + 1
            line_e = text.find("\n", d.anchor)
            out.append(_indicator(report, ctx, d, line_s, len(text) if line_e < 0 else line_e,
                                  kind=kind, context=caption, index=index))
    if tables:
        quantities = [q for q in quantities if not any(ts <= q.num_start < te for ts, te, _, _ in tables)]
    cells = table_cells(text)  # a task or progress table: each cell a text, its column its kind
    view = join_wrapped_figures(text, cells)  # figures cut by a cell's line wrap (增 / 长6.5%) read whole
    if view is not None:
        cells = view.cells(cells)
        quantities = _view_quantities(report, view, tables)
        text = view.text
    table_drafts: list[Draft] = []
    qi = 0
    for s, e in split_at_cells(sentences(text), cells, text):
        while qi < len(quantities) and quantities[qi].num_start < s:
            qi += 1
        qs = []
        j = qi
        while j < len(quantities) and quantities[j].num_start < e:
            qs.append(quantities[j])
            j += 1
        if not qs:
            continue
        cell = cell_at(cells, s) if cells else None
        linker = SentenceLinker(text, s, e, qs)
        if cell is not None and not named_by_header(cell, text):
            linker.pending = row_name(cells, cell, text, qs, table_drafts)  # a figure named elsewhere in its row
        drafts = linker.run()
        if cell is not None:  # names from the header, the line above in the cell, the row's task cell
            name_cell_drafts(drafts, cell, cells, text, table_drafts)
            table_drafts += drafts
        for d in drafts:
            kind = cell_kind(cell, text[cell.start:d.anchor]) if cell is not None else None
            if view is not None:
                d, (s_, e_) = _draft_to_original(d, view), view.to_original(s, e)
            else:
                s_, e_ = s, e
            out.append(_indicator(report, ctx, d, s_, e_, kind=kind, context=cell_context(cell), index=index,
                                  blocks=blocks))
    text = report.text
    out.sort(key=lambda i: (i.sentence[0], _first(i)))
    warning = checks.garbled_warning(text, fused, overflow, out)
    if warning:
        report.warnings.append(warning)
    return out


def _view_quantities(report: Report, view: JoinedText, tables: list) -> list[Quantity]:
    """:func:`usable_quantities` read from the joined text of ``view``, without the flattened
    indicator tables' figures and values too large to be a float."""
    ranges = excluded_ranges(report)
    qs = sorted(find_quantities(view.text, bare=True) + find_doublings(view.text), key=lambda q: q.num_start)
    out = []
    for q in qs:
        a, b = view.to_original(q.num_start, q.end)
        if checks.finite(q) and not _inside_any(ranges, a, b) and not any(ts <= a < te for ts, te, _, _ in tables):
            out.append(q)
    return out


def _draft_to_original(d: Draft, view: JoinedText) -> Draft:
    """A copy of ``d`` with its spans in the coordinates of the original text."""
    import dataclasses

    spans = {k: view.to_original(*getattr(d, k)) if getattr(d, k) else None
             for k in ("name_span", "value_span", "change_span")}
    return dataclasses.replace(d, anchor=view.starts[d.anchor], **spans)


def _first(ind: Indicator) -> int:
    spans = [v[0] for v in ind.spans.values() if v]
    return min(spans) if spans else ind.sentence[0]


def _indicator(report: Report, ctx: kinds.YearContext, d: Draft, s: int, e: int,
               kind: Optional[str] = None, context: str = "",
               index: Optional[SectionIndex] = None, blocks: Optional["BlockHeadings"] = None) -> Indicator:
    text = report.text
    section = index.at(d.anchor) if index is not None else report.section_at(d.anchor)
    before = context + kinds.context_before(text, s, d.anchor)
    preceding = ""
    if kind is None:
        floor = section.start if section is not None else max(0, s - 2000)
        preceding = _lead_in(text, s, floor)
        block = blocks.before(d.anchor) if blocks is not None else ""
        kind = kinds.kind_of(report, ctx, "", before, section, preceding, block, start=s)
    para_start = max(text.rfind("\n", max(0, s - 400), s) + 1, s - 400, 0)
    period = kinds.period_of(ctx, before, kind, kinds.heading_text(report, section),
                             kinds.part_of(report, section), text[para_start:s], preceding,
                             report=report, section=section, start=s)
    canonical = d.canonical or (vocabulary.canonical_id(d.name) if d.name else None)
    return Indicator(
        name=d.name,
        canonical=canonical,
        value=d.value,
        low=d.low,
        high=d.high,
        unit=d.unit if (d.value is not None or d.low is not None) else None,
        qualifier=d.qualifier,
        change=d.change,
        rank=d.rank,
        kind=kind,
        period=period,
        section=section.id if section is not None else None,
        sentence=[s, e],
        spans={"name": list(d.name_span) if d.name_span else None,
               "value": list(d.value_span) if d.value_span else None,
               "change": list(d.change_span) if d.change_span else None},
        source="rules",
    )


__all__ = ["extract_indicators", "extract_rules", "usable_quantities", "sentences", "MODES"]
