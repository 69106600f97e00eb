"""Resolution: what each slogan mention stands for in this report.

Order: (1) the report's own definitions (注释/名词解释 entries, footnote-linked; inline forms),
(2) the lexicon reading that fits the report's province, year and context, (3) nothing
(``expansion = None``). A reading is never guessed among several that fit equally.
"""
from __future__ import annotations

import re
from typing import Optional

from ..report import Report, Slogan
from .definitions import DocDefinition, abbreviations, from_glossary, glossary_entries, inline_definition
from .detect import Mention, find_mentions
from .items import strip_quotes
from .lexicon import Lexicon, choose

CONTEXT = 60


def _doc_scope(report: Report) -> Optional[str]:
    where = report.meta.region or report.meta.province
    if where and report.meta.year:
        return f"{where} {report.meta.year}"
    return where or (str(report.meta.year) if report.meta.year else None)


def _skip_ranges(report: Report) -> list[tuple[int, int]]:
    entries, block_start = glossary_entries(report)
    skip = [(b.start, b.end) for b in report.boilerplate]
    if block_start is not None:
        skip.append((block_start, max([e.end for e in entries] + [len(report.text)])))
    for f in report.footnotes:
        skip.append((f.start, f.end))
    return skip


def _footnote_forms(report: Report, defs: list[DocDefinition]) -> None:
    """A marker glued to a quoted term that differs from the entry (“感服通”5 for “赣服通”):
    the quoted term becomes another form of that entry's slogan."""
    by_entry = {}
    for d in defs:
        by_entry.setdefault(d.entry, []).append(d)
    notes = report.footnotes or _scan_markers(report, defs)
    for f in notes:
        if f.entry is None or f.entry not in by_entry:
            continue
        before = report.text[max(0, f.start - 30):f.start]
        forms = {k for d in by_entry[f.entry] for k in [d.key] + d.forms}
        if any(strip_quotes(before).endswith(k) for k in forms):
            continue
        m = re.search(r"“([^“”]{2,12})”$", before)
        if m and len(by_entry[f.entry]) == 1:
            by_entry[f.entry][0].forms.append(m.group(1))


def _scan_markers(report: Report, defs: list[DocDefinition]):
    """Footnote markers when the outline stage found none: a number glued after a closing quote."""
    from ..report import Footnote

    entries, block_start = glossary_entries(report)
    number_to_entry = {e.number: k for k, e in enumerate(entries)}
    end = block_start if block_start is not None else len(report.text)
    out = []
    for m in re.finditer(r"”(\d{1,2})(?!\d)", report.text[:end]):
        k = number_to_entry.get(m.group(1))
        if k is not None:
            out.append(Footnote(m.group(1), m.start(1), m.end(1), entries[k].term, k))
    return out


def resolve(report: Report, lexicon: Lexicon) -> list[Slogan]:
    """Detect and resolve every slogan mention of ``report``."""
    text = report.text
    defs = from_glossary(report) + abbreviations(text)
    _footnote_forms(report, defs)
    doc: dict[str, DocDefinition] = {}
    for d in defs:
        for k in [d.key] + d.forms:
            if k and k not in doc:
                doc[k] = d
    known = set(lexicon.by_surface) | set(doc)
    quoted_only = {s for s in lexicon.by_surface if lexicon.quoted_only(s) and s not in doc}
    mentions = find_mentions(text, known, quoted_only, _skip_ranges(report))

    inline_cache: dict[str, Optional[DocDefinition]] = {}
    for m in mentions:  # a definition found at any mention serves every mention of the surface
        if m.text in doc or inline_cache.get(m.text):
            continue
        inline_cache[m.text] = inline_definition(text, m.start, m.end, m.text)

    out = []
    for m in mentions:
        slogan = _resolve_one(report, lexicon, m, doc.get(m.text) or inline_cache.get(m.text))
        if slogan is not None:
            out.append(slogan)
    return out


def _resolve_one(report: Report, lexicon: Lexicon, m: Mention, d: Optional[DocDefinition]) -> Optional[Slogan]:
    readings = lexicon.get(m.text)
    context = report.text[max(0, m.start - CONTEXT):m.end + CONTEXT]
    if d is not None and d.items:
        others = sum(1 for r in readings if r.items is None or list(r.items) != d.items)
        return Slogan(m.text, m.start, m.end, list(d.items), d.definition or None, "document",
                      _doc_scope(report), others)
    choice = choose(readings, report.meta, context)
    if choice.reading is not None and choice.reading.items:
        r = choice.reading
        definition = (d.definition if d is not None and d.definition else None) or r.gloss or None
        return Slogan(m.text, m.start, m.end, list(r.items), definition, "lexicon", r.scope, choice.alternatives)
    if d is not None:
        return Slogan(m.text, m.start, m.end, None, d.definition or None, "document", _doc_scope(report),
                      len(readings))
    if choice.reading is not None:
        r = choice.reading
        return Slogan(m.text, m.start, m.end, None, r.gloss or None, "lexicon", r.scope, choice.alternatives)
    if m.kind == "code":
        return None  # a code nobody defines is a code, not a slogan (guideline 4.1)
    return Slogan(m.text, m.start, m.end, None, None, None, None, len(readings))
