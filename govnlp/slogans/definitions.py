"""Definitions a report gives itself: its 注释/名词解释 block and inline forms.

Glossary entries come from ``report.glossary`` (the outline stage) or, when that is empty, from
the block parsed here; each entry's term is reduced to the slogan it names (``“五型”政府建设`` ->
五型政府; ``“六稳”“六保”`` -> two slogans, each with its own part of the definition).

Inline forms read around a mention (the examples are ours):

- after it: ``“三网”是指A、B、C`` / ``“三网”工程即A、B、C`` / ``三网，即A、B、C`` /
  ``“三网”：A；B；C`` / ``“三网”——A、B、C`` / ``三网（A、B、C）`` / ``“三网”，主要包括A、B、C``;
- an ordinal list right after its clause: ``“三网”工程：一是A，二是B，三是C`` (also 一要…);
- before it: ``A、B、C（以下简称“三网”）`` / ``A、B、C，统称“三网”`` / ``A、B和C“三网”`` /
  ``A、B、C三大网络`` / ``A和B“双清零”``;
- the next N short lines after ``N个X`` that start with X (``“六个突出”`` followed by six
  headings 突出…).

Every list is checked against the slogan's numerals (items.expected_counts); a list that does
not agree is not used.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..report import GlossaryEntry, Report
from .items import (INCOMPLETE, NUMERAL_CHARS, clean_item, expected_counts, items_from_definition,
                    items_from_ordinals, loose_counts, split_enumeration, strip_quotes)

# generic tails of a glossary term that are not part of the slogan (“五型”政府建设 -> 五型政府)
GENERIC_TAILS = ("建设", "工作", "目标", "项目", "任务", "活动", "要求", "工程", "政策")

GLOSSARY_TITLE = re.compile(r"^\s*(《[^《》]{0,20}》)?\s*(注释|注解|名词解释|附：?名词解释|释义|附注|【释义】)\s*[：:]?\s*$",
                            re.M)
GLOSSARY_ENTRY = re.compile(r"^\s*(?:\[(\d{1,3})\]|【(\d{1,3})】|(\d{1,3})[.．、])\s*([^：:\n]{1,40}?)[：:]\s*(.+)$",
                            re.M)


@dataclass
class DocDefinition:
    """What the report says one slogan (or term) stands for."""

    key: str                       # the slogan without quotes, e.g. 五型政府
    definition: str                # the one-sentence gloss
    items: Optional[list[str]]     # the expansion, when its count agrees with the slogan
    source: str                    # "glossary" | "inline"
    entry: Optional[int] = None    # index into the glossary entries it came from
    forms: list[str] = field(default_factory=list)  # other surfaces of the same term
    strength: int = 3              # inline: 是指 3, 即/colon/ordinals 2, items before the count 1


def glossary_entries(report: Report) -> tuple[list[GlossaryEntry], Optional[int]]:
    """The report's glossary entries and where the block starts (None: no block).

    Uses ``report.glossary`` from the outline stage when present, else parses the block.
    """
    if report.glossary:
        return list(report.glossary), min(e.start for e in report.glossary)
    text = report.text
    heads = list(GLOSSARY_TITLE.finditer(text))
    if not heads:
        return [], None
    head = heads[-1]
    entries = []
    for m in GLOSSARY_ENTRY.finditer(text, head.end()):
        num = m.group(1) or m.group(2) or m.group(3)
        entries.append(GlossaryEntry(num, m.group(4).strip(), m.group(5).strip(), m.start(), m.end()))
    return entries, (head.start() if entries else None)


def _first_sentence(definition: str) -> str:
    d = definition.strip()
    d = re.sub(r"^(是指|指的是|是只|即|是)[：:]?", "", d)
    return re.split(r"(?<=[。!！?？])", d, maxsplit=1)[0].strip()


def term_key(term: str) -> str:
    """The slogan a glossary term names: ``“五型”政府建设`` -> 五型政府, ``信访“四个零”目标`` -> 四个零."""
    quoted = re.findall(r"“([^“”]+)”", term)
    if len(quoted) == 1:
        stem = quoted[0]
        after = term[term.index("”") + 1:]
        if INCOMPLETE.match(stem) and after:
            tail = after
            for t in GENERIC_TAILS:
                if tail.endswith(t) and len(tail) > len(t):
                    tail = tail[: -len(t)]
                    break
            return stem + tail
        return stem
    key = strip_quotes(term)
    for t in GENERIC_TAILS:
        if key.endswith(t) and len(key) - len(t) >= 2 and expected_counts(key[: -len(t)]):
            return key[: -len(t)]
    return key


def _split_parts(term: str, definition: str) -> list[tuple[str, str]]:
    """One term that names several slogans: “六稳”“六保”; “A、B”; each with its own part of the text."""
    quoted = re.findall(r"“([^“”]+)”", term)
    bare = strip_quotes(term)
    if len(quoted) >= 2 and all(q in bare for q in quoted) and len("".join(quoted)) >= len(bare) - 1:
        names = quoted
    elif "、" in bare and all(expected_counts(p) for p in bare.split("、")):
        names = bare.split("、")
    else:
        return []
    out = []
    positions = []
    for n in names:
        m = re.search(f"“?{re.escape(n)}”?", definition)
        positions.append(m.start() if m else None)
    for i, n in enumerate(names):
        if positions[i] is None:
            out.append((n, ""))
            continue
        later = [p for p in positions if p is not None and p > positions[i]]
        end = min(later) if later else len(definition)
        seg = definition[positions[i]:end]
        seg = re.sub(f"^“?{re.escape(n)}”?", "", seg).lstrip("，,：: ")
        out.append((n, seg))
    return out


_CODE_PART = re.compile(r"“([0-9A-Za-z]|[^“”]{1,2})”(?:即|是|代表|指)([^；;。]+)")


def _code_items(key: str, definition: str) -> Optional[list[str]]:
    """“3+5+X”: “3”即A、B、C；“5”即…；“X”即… -> the items of every part, in order."""
    parts = [p for p in re.split(r"[+＋、]", key) if p]
    if len(parts) < 2:
        return None
    found = {m.group(1): m.group(2) for m in _CODE_PART.finditer(definition)}
    if not all(p in found for p in parts):
        return _counted_code_items(parts, definition)
    items: list[str] = []
    for p in parts:
        body = found[p].strip()
        if p.isdigit() and int(p) > 1:
            got = split_enumeration(body, int(p))
            if not got:
                return None
            items += got
        else:
            items.append(clean_item(body))
    return items


def _counted_code_items(parts: list[str], definition: str) -> Optional[list[str]]:
    """“1+5+X”: 建立1套A，配置B、C、D、E、F5类功能，拓展X个其他功能 -> [1套A, B…F, X个其他功能]."""
    items: list[str] = []
    pos = 0
    for p in parts:
        if p.isdigit() and int(p) > 1:
            m = re.compile(rf"(?<![0-9])([^，,。；;：:]+?){p}[类个项大种条]").search(definition, pos)
            got = split_enumeration(m.group(1), int(p)) if m else None
            if not got:
                return None
            items += got
            pos = m.end()
        else:
            rx = re.compile(rf"(?<![0-9A-Za-z]){re.escape(p)}[套个类项大种条][^，,。；;：:、和及于的等]{{1,16}}")
            m = rx.search(definition, pos)
            if not m:
                return None
            items.append(clean_item(m.group(0)))
            pos = m.end()
    return items


def items_for(key: str, definition: str) -> Optional[list[str]]:
    """The expansion of ``key`` found in ``definition``, or None when counts do not agree."""
    if re.search(r"[0-9]", key) or re.fullmatch(r"[^、]{1,2}(、[^、]{1,2}){1,}", key):
        return _code_items(key, definition)
    counts = expected_counts(key)
    if not counts:
        return None
    return items_from_definition(definition, counts)


def from_glossary(report: Report) -> list[DocDefinition]:
    """One DocDefinition per slogan named by each glossary entry."""
    entries, _ = glossary_entries(report)
    out = []
    for k, e in enumerate(entries):
        parts = _split_parts(e.term, e.definition)
        if parts:
            for name, seg in parts:
                seg = seg or e.definition
                out.append(DocDefinition(name, _first_sentence(seg), items_for(name, seg), "glossary", k))
            continue
        key = term_key(e.term)
        quoted_code = re.findall(r"“([^“”]+)”", e.term)
        code_key = key
        if len(quoted_code) >= 2 and all(len(q) <= 2 for q in quoted_code):
            code_key = "、".join(quoted_code)
        items = items_for(code_key, e.definition) if code_key != key else items_for(key, e.definition)
        full = strip_quotes(e.term)
        forms = [full] if full != key and not any(full == key + t for t in GENERIC_TAILS) else []
        out.append(DocDefinition(key, _first_sentence(e.definition), items, "glossary", k, forms))
    return out


# ---- inline definitions ------------------------------------------------------------------
_AFTER_DEF = re.compile(r"^”?[^，,。；;：:“”]{0,6}?(?:是指|指的是|即(?![将使可时便])|就是|指(?![导出挥标引南数定向]))"
                        r"[：:]?(?P<d>[^。\n]{2,200})")
_AFTER_COMMA_DEF = re.compile(r"^”?[,，][^，,。；;：:“”]{0,4}?(?:是指|指的是|即(?![将使可时便])|也就是|就是)[：:]?"
                              r"(?P<d>[^。\n]{2,200})")
_AFTER_COLON = re.compile(r"^”?(?:[：:]|——|—)\n?(?P<d>[^。\n]{2,200})")
_AFTER_LIST_VERB = re.compile(r"^”?[，,]?(?:[^，,。；;：:“”]{0,6}?)(?:主要)?"
                              r"(?:包括|分别是|分别为|涵盖|指的就是|具体为|具体是|具体包括|主要有|即为)[：:]?(?P<d>[^。\n]{2,200})")
_AFTER_PAREN = re.compile(r"^”?[（(](?:即)?(?P<d>[^（()）]{2,120})[）)]")
_AFTER_PATTERNS = (_AFTER_DEF, _AFTER_COMMA_DEF, _AFTER_COLON, _AFTER_PAREN, _AFTER_LIST_VERB)
_ABBREV = re.compile(r"[（(](?:以下)?简称“(?P<k>[^“”]{2,12})”[^（）()“”]{0,4}[）)]")
_PAIR_BEFORE = re.compile(r"([^、，,。；;：:！!？?（）()\s和及与]{2,14}(?:和|及|与)[^、，,。；;：:！!？?（）()\s和及与]{2,12})$")
_ENUM_BEFORE = re.compile(r"((?:[^、，,。；;：:！!？?（）()\s]{1,20}、)+[^、，,。；;：:！!？?（）()\s]{1,30})“?$")


def inline_definition(text: str, start: int, end: int, key: str,
                      breaks: Sequence[int] = ()) -> Optional[DocDefinition]:
    """A definition of the slogan at ``text[start:end]`` written around it, if any.

    ``breaks`` are offsets where normalisation re-joined a line of the input (sorted): when the
    list after the slogan runs on into the next line (an infographic line ``“三个聚焦”：聚焦A、
    聚焦B、聚焦C`` glued to ``实施重点项目…``), the text up to the first break is tried too.
    """
    counts = expected_counts(key)
    after = text[end:end + 240]
    k = bisect.bisect_right(breaks, end)
    afters = [after]
    if k < len(breaks) and breaks[k] < end + len(after):
        afters.append(after[:breaks[k] - end])
    for after, pat in ((a, p) for a in afters for p in _AFTER_PATTERNS):
        m = pat.match(after)
        if not m:
            continue
        d = m.group("d")
        items = items_for(key, d) if (counts or re.search(r"[0-9]", key)) else None
        if pat is _AFTER_COLON:
            ordinal = items_from_ordinals(after[m.start("d"):], counts) if counts else None
            if ordinal:
                return DocDefinition(key, clean_item(d), ordinal, "inline", strength=2)
            if not items:
                continue  # a colon introduces many things; only an exact list counts
        if pat in (_AFTER_PAREN, _AFTER_LIST_VERB) and not items:
            continue
        return DocDefinition(key, clean_item(d), items, "inline", strength=3 if pat is _AFTER_DEF else 2)
    after = afters[0]
    if counts:
        # 一是…二是… right after the slogan's clause: “三个一”工程：一是…，二是…
        window = re.match(r"^”?[^。；;，,：:]{0,12}[。；;，,：:]", after)
        ordinal = items_from_ordinals(after[window.end():], loose_counts(key)) if window else None
        if ordinal:
            return DocDefinition(key, "", ordinal, "inline", strength=2)
        # the items as the headings that follow: “六个突出” … 突出稳字当头、稳中求进 / 突出…
        heads = items_from_following_lines(text, end, key, counts)
        if heads:
            return DocDefinition(key, "", heads, "inline", strength=1)
        # items written before the count: A、B、C四大X / A、B“两个X” (not 双X: 国内国际双循环)
        before = text[max(0, start - 160):start]
        before = re.sub(r"(?:等|这)?“?$", "", before)  # A、B、C等“三大行动”
        before = re.sub(f"(?:{'|'.join(LINK_VERBS)})$", "", before)  # A、B实现“双下降”
        quoted = text[start - 1:start] == "“"
        m = _ENUM_BEFORE.search(before) if key[:1] in NUMERAL_CHARS or quoted else None
        if m is None and quoted and 2 in counts:
            m = _PAIR_BEFORE.search(before)  # 新增病例和确诊病例“双清零”
        if m:
            for n in sorted(counts):
                items = split_enumeration(m.group(1).rstrip("“"), n)
                if items:
                    items = [re.sub(r"的$", "", it) for it in items]
                    lengths = [len(it) for it in items]
                    if max(lengths) <= 3 * min(lengths) + 2:
                        return DocDefinition(key, "", items, "inline", strength=1)
    return None


# verbs between a list and the count after it: 事故起数、死亡人数实现“双下降”
LINK_VERBS = ("实现", "达到", "做到", "保持", "形成", "守住", "取得", "迎来", "完成", "推进", "推动", "抓好")

_ABBREV_PLAIN = re.compile(r"[，,](?:以下)?(?:简称|统称为?|合称|并称|即)(?:为)?“(?P<k>[^“”]{2,12})”")


def abbreviations(text: str) -> list[DocDefinition]:
    """``全称（以下简称“X”）`` and ``A、B、C，简称“X”``: X is defined by the phrase before."""
    out = []
    found = list(_ABBREV.finditer(text)) + list(_ABBREV_PLAIN.finditer(text))
    for m in found:
        key = m.group("k")
        head = text[max(0, m.start() - 80):m.start()]
        full = re.split(r"[。；;！!？?\n]|[，,](?=[^，,]*$)", head)[-1].strip()
        full = re.sub(r"^(?:推进|推行|实施|开展|建设|推动|坚持|围绕|聚焦|落实|深化)", "", full)
        if not full:
            continue
        counts = expected_counts(key)
        items = items_from_definition(full, counts) if counts else None
        if items is None and not counts and 2 <= len(key) <= 4:
            items = _initials_items(key, full)
        out.append(DocDefinition(key, full, items, "inline"))
    return out


def _initials_items(key: str, full: str) -> Optional[list[str]]:
    """放管服 from 简政放权、放管结合、优化服务: one item per character, each holding it."""
    parts = [p for p in re.split(r"[、和与及]", full) if p]
    if len(parts) != len(key):
        return None
    if all(c in p for c, p in zip(key, parts, strict=True)):
        last = parts[-1]
        for t in GENERIC_TAILS + ("改革",):
            if last.endswith(t) and not parts[0].endswith(t) and len(last) > len(t) + 1:
                last = last[: -len(t)]  # 简政放权、放管结合、优化服务改革 -> 优化服务
                break
        return [clean_item(p) for p in parts[:-1] + [last]]
    return None


_LINE_MARK = re.compile(r"^\s*(?:[—-]{1,2}|[●■▲◆·•]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、]|[一二三四五六七八九十]+、)?\s*")


def items_from_following_lines(text: str, end: int, key: str, counts: set[int]) -> Optional[list[str]]:
    """``N个X`` whose items are the next N short lines that start with X's verb (突出…, 坚持…不动摇)."""
    m = re.match(f"^[{NUMERAL_CHARS}]+个(.{{2,8}})$", key)
    if not m or not counts:
        return None
    stem = m.group(1)
    head, tail = stem[:2], stem[2:]
    n = max(counts)
    window = text[end:end + 4000]
    again = window.find(key)
    if again > 0:
        window = window[:again]
    found = []
    for line in window.splitlines():
        line = _LINE_MARK.sub("", line).strip()
        if 4 <= len(line) <= 30 and line.startswith(head) and line.endswith(tail) and line != stem:
            found.append(clean_item(line))
    return found if len(found) == n else None
