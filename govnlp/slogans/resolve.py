"""Resolution: what each slogan mention stands for in this report.

Order: (1) the report's own definitions (注释/名词解释 entries, footnote-linked; inline forms),
(2) the lexicon reading that fits the report's province, year and context, (3) nothing
(``expansion = None``). A reading is never guessed among several that fit equally.

``provenance`` is "document" or "lexicon" (None when nothing is known); ``scope`` is the region
and period of the chosen reading ("江西省 2018-", "全国 2021-", or the report's own place and
year for a document definition); ``alternatives`` counts the lexicon readings set aside.
When the meta stage found no place, the province the text keeps naming is used (never a
street: 南京的湖南路).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from ..report import Footnote, Meta, Report, Slogan
from .definitions import DocDefinition, abbreviations, from_glossary, glossary_entries, inline_definition
from .detect import Mention, counts_things, find_mentions
from .items import expected_counts, strip_quotes
from .lexicon import Choice, Lexicon, Reading, choose

CONTEXT = 200  # characters each side of a mention, within its paragraph, searched for cues
MAX_TRIES = 12  # mentions of one surface searched for an inline definition
_CODE_TEXT = re.compile(r"^[0-9A-Za-z+＋]+$")
_SPELLED_CODE = re.compile(r"[0-9A-Za-z]\s*[+＋]\s*[0-9A-Za-z]")


def _doc_scope(report: Report) -> Optional[str]:
    where = report.meta.region or report.meta.province
    if where and report.meta.year:
        return f"{where} {report.meta.year}"
    return where or (str(report.meta.year) if report.meta.year else None)


def _skip_ranges(report: Report) -> list[tuple[int, int]]:
    entries, block_start = glossary_entries(report)
    skip = [(b.start, b.end) for b in report.boilerplate]
    if block_start is not None:
        skip.append((block_start, min(e.start for e in entries) if entries else len(report.text)))
    for f in report.footnotes:
        skip.append((f.start, f.end))
    return skip


def _footnote_forms(report: Report, defs: list[DocDefinition]) -> None:
    """A marker glued to a quoted term that differs from the entry (“感服通”5 for “赣服通”):
    the quoted term becomes another form of that entry's slogan."""
    by_entry = {}
    for d in defs:
        by_entry.setdefault(d.entry, []).append(d)
    seen = {f.start for f in report.footnotes}
    notes = list(report.footnotes) + [f for f in _scan_markers(report) if f.start not in seen]
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


def _scan_markers(report: Report) -> list[Footnote]:
    """Footnote markers the outline stage may have missed: a number glued after a closing quote."""
    entries, block_start = glossary_entries(report)
    number_to_entry = {e.number: k for k, e in enumerate(entries)}
    end = block_start if block_start is not None else len(report.text)
    out = []
    for m in re.finditer(r"”(\d{1,2})(?!\d)", report.text[:end]):
        k = number_to_entry.get(m.group(1))
        if k is not None:
            out.append(Footnote(m.group(1), m.start(1), m.end(1), entries[k].term, k))
    return out


def document_definitions(report: Report) -> list[DocDefinition]:
    """What the report defines itself: its 注释 entries (with the surfaces their footnote markers
    are glued to) and its ``（以下简称“X”）`` abbreviations."""
    defs = from_glossary(report) + abbreviations(report.text)
    _footnote_forms(report, defs)
    return defs


def names_a_slogan(d: DocDefinition, lexicon: Lexicon) -> bool:
    """Whether a defined term is a slogan (guideline 4.1): a count of items (六稳, 四类重点人群),
    a code the report spells out (3+5+X), an abbreviation of its items (放管服, 港、网、窗), or
    a slogan of the lexicon. Campaign and institution names (项目建设提速年) and counts of
    ordinary things (四个老城区: the four districts) are not."""
    if any(r.list for r in lexicon.get(d.key)):
        return True
    if counts_things(d.key):
        return False
    if d.items:
        return True
    if expected_counts(d.key) or _SPELLED_CODE.search(d.key) or "、" in d.key:
        return True
    return any(r.list for r in lexicon.get(d.key))


def infer_province(text: str) -> Optional[str]:
    """The province a report keeps naming (全省 aside), when meta could not tell: the most
    frequent province name, if it occurs at least 3 times and twice as often as the next."""
    counts = []
    for name, rx in _province_patterns():
        n = len(rx.findall(text))
        if n:
            counts.append((n, name))
    counts.sort(reverse=True)
    if counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return counts[0][1]
    return None


@lru_cache(maxsize=1)
def _province_patterns() -> tuple:
    """One regex per province, its names not followed by a street word (南京的湖南路)."""
    from .. import regions

    out = []
    for d in regions.divisions():
        if d.level == "province" and d.valid == "current":
            names = sorted({n for n in (d.name,) + d.short_names if len(n) >= 2}, key=len, reverse=True)
            alt = "|".join(re.escape(n) for n in names)
            out.append((d.name, re.compile(f"(?:{alt})(?![东西南北中]?路|街|大道|巷|商圈|小区|大厦|宾馆|饭店|会馆)")))
    return tuple(out)


def _meta_for_choice(report: Report) -> Meta:
    """The report's meta, with the province read off the text when the meta stage found none."""
    meta = report.meta
    if meta.province or meta.region:
        return meta
    try:
        province = infer_province(report.text)
    except Exception:  # the region table is an optional help here, never a reason to fail
        province = None
    return replace(meta, province=province) if province else meta


def joined_breaks(report: Report) -> list[int]:
    """Offsets of ``report.text`` where normalisation removed a line break of the raw input
    (a wrapped line re-joined): ``text[i-1]`` and ``text[i]`` stood on different raw lines."""
    raw, rmap, text = report.raw_text, report.raw_map, report.text
    if not raw or len(rmap) < len(text) + 1:
        return []
    out = []
    for nl in re.finditer("\n", raw):
        i = bisect.bisect_left(rmap, nl.start(), 0, len(text))
        if 0 < i < len(text) and rmap[i - 1] < nl.start() < rmap[i] and text[i - 1] != "\n" and text[i] != "\n":
            out.append(i)
    return sorted(set(out))


def resolve(report: Report, lexicon: Lexicon) -> list[Slogan]:
    """Detect and resolve every slogan mention of ``report``."""
    text = report.text
    meta = _meta_for_choice(report)
    defs = document_definitions(report)
    doc: dict[str, DocDefinition] = {}
    for d in defs:
        if not names_a_slogan(d, lexicon):
            continue  # 普惠性幼儿园, “大干项目年”: a term the report explains, not a slogan
        for k in [d.key] + d.forms:
            if k and k not in doc:
                doc[k] = d
    known = set(lexicon.by_surface) | set(doc)
    quoted_only = {s for s in lexicon.by_surface if lexicon.quoted_only(s) and s not in doc}
    mentions = find_mentions(text, known, quoted_only, _skip_ranges(report))

    breaks = joined_breaks(report) if mentions else []
    inline_cache: dict[str, Optional[DocDefinition]] = {}
    tries: dict[str, int] = {}
    for m in mentions:  # the strongest definition found at any mention serves every mention
        if m.text in doc:
            continue
        best = inline_cache.get(m.text)
        tries[m.text] = tries.get(m.text, 0) + 1
        if (best is not None and best.strength >= 3) or tries[m.text] > MAX_TRIES:
            continue
        found = inline_definition(text, m.start, m.end, m.text, breaks)
        best = inline_cache.get(m.text)
        if found is not None and (best is None or found.strength > best.strength):
            inline_cache[m.text] = found

    choices = [choose(lexicon.get(m.text), meta, _context(text, m.start, m.end)) for m in mentions]
    settled: dict[str, set] = {}  # a report uses a slogan in one sense: a cue at one mention
    for m, c in zip(mentions, choices, strict=True):  # settles the mentions without one
        if c.reading is not None:
            settled.setdefault(m.text, set()).add(c.reading)
    out = []
    for m, c in zip(mentions, choices, strict=True):
        if c.reading is None and len(settled.get(m.text, ())) == 1:
            c = Choice(next(iter(settled[m.text])), c.alternatives - 1, c.candidates)
        d = doc.get(m.text) or inline_cache.get(m.text)
        if m.kind == "counted" and not (d is not None and d.items and (d.source == "glossary" or d.strength >= 2)):
            continue  # a quoted count (“两个派出所”) is a slogan only when the report spells it out after it
        slogan = _resolve_one(report, m, c, lexicon.get(m.text), d)
        if slogan is not None:
            out.append(slogan)
    return out


def _context(text: str, start: int, end: int) -> str:
    """The paragraph around a mention (at most CONTEXT characters each side): where cues count."""
    a = max(text.rfind("\n", max(0, start - CONTEXT), start) + 1, start - CONTEXT, 0)
    b = text.find("\n", end, end + CONTEXT)
    return text[a:b if b >= 0 else end + CONTEXT]


def _resolve_one(report: Report, m: Mention, choice: Choice, readings: list[Reading],
                 d: Optional[DocDefinition]) -> Optional[Slogan]:
    """The Slogan record of one mention, or None when the mention is not reported."""
    context = _context(report.text, m.start, m.end)
    if d is not None and d.items:
        others = sum(1 for r in readings if r.items is None or list(r.items) != d.items)
        return Slogan(m.text, m.start, m.end, list(d.items), d.definition or None, "document",
                      _doc_scope(report), others)
    if choice.reading is None and d is None and not m.quoted and len(m.text) <= 2 and readings \
            and all(r.requires_cue and not any(c in context for c in r.cues) for r in readings):
        return None  # an unquoted two-character form whose every reading needs an absent cue (三公里)
    if choice.reading is not None and choice.reading.items:
        r = choice.reading
        definition = (d.definition if d is not None and d.definition else None) or r.gloss or None
        return Slogan(m.text, m.start, m.end, list(r.items), definition, "lexicon", r.scope, choice.alternatives)
    if d is not None:
        return Slogan(m.text, m.start, m.end, None, d.definition or None, "document", _doc_scope(report),
                      len(readings))
    if readings and not any(r.list for r in readings) and d is None:
        return None  # a known name that stands for no list (一网通办, 最多跑一次): not a slogan
    if choice.reading is not None:
        r = choice.reading
        return Slogan(m.text, m.start, m.end, None, r.gloss or None, "lexicon", r.scope, choice.alternatives)
    if m.kind == "code" or _CODE_TEXT.match(m.text):
        return None  # a code nobody defines is a code, not a slogan (guideline 4.1)
    return Slogan(m.text, m.start, m.end, None, None, None, None, len(readings))
