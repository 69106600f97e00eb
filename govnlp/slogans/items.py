"""Small text helpers for slogans: numeral counts and splitting enumerations into items.

A slogan's numerals say how many items it stands for (六稳 -> 6, 三去一降一补 -> 5, 三请三回 -> 3
or 6); an enumeration (A、B、C和D) is accepted as its expansion only when the counts agree.
"""
from __future__ import annotations

import re
from typing import Optional

DIGITS = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
          "九": 9, "〇": 0, "零": 0}
NUMERAL_CHARS = "一二两三四五六七八九十"
QUOTES = "“”‘’\"'「」『』"
_QUOTE_RE = re.compile(f"[{QUOTES}]")

# words that introduce an enumeration and are not part of its first item (a declarative table)
LEAD_INS = (
    "是指", "指的是", "主要是", "主要指", "主要包括", "包括", "分别是", "分别为", "就是", "也就是", "即",
    "具体为", "具体是", "为", "是", "指",
)
LEAD_VERBS = (
    "深入实施", "大力实施", "全面实施", "扎实推进", "深入推进", "大力推进", "全面推进", "加快推进", "着力推进",
    "大力开展", "深入开展", "全面开展", "持续推进", "坚定不移", "实施", "推进", "坚持", "围绕", "聚焦", "加快",
    "突出", "推动", "落实", "打好", "打赢", "建设", "构建", "着力", "做到", "增强", "坚定", "开展", "实现",
    "强化", "抓好", "做好", "树立", "贯彻", "践行", "完善", "统筹", "以", "把", "将", "在", "对", "和", "及",
)
_SPLIT_LAST = re.compile(r"以及|和|及|与|、")
_TAIL_CUTS = re.compile(r"(在内|等\d*[个项类方面]*|等).*$")


def strip_quotes(s: str) -> str:
    """``“五型”政府`` -> ``五型政府``."""
    return _QUOTE_RE.sub("", s).strip()


def cn_number(s: str) -> Optional[int]:
    """A small Chinese numeral (一..九十九, 两, 双) or ASCII digits as int; None if not one."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        if any(c not in DIGITS for c in head + tail):
            return None
        tens = DIGITS[head] if head else 1
        return tens * 10 + (DIGITS[tail] if tail else 0)
    if len(s) == 1 and s in DIGITS:
        return DIGITS[s]
    return None


_GROUP_RE = re.compile(f"([{NUMERAL_CHARS}]+|双)(?=[^{NUMERAL_CHARS}])")


def expected_counts(surface: str) -> set[int]:
    """How many items a numbered slogan may stand for (empty set: no numeral, unknown).

    One numeral group gives its value; several groups (三去一降一补) give their sum, and when all
    groups are equal (三请三回) also that value, since such pairs often form one item each.
    """
    s = strip_quotes(surface)
    if s.startswith("第"):
        return set()
    groups = []
    for m in _GROUP_RE.finditer(s + "。"):
        n = cn_number(m.group(1))
        if n:
            groups.append(n)
    if not groups:
        return set()
    counts = {sum(groups)}
    if len(set(groups)) == 1:
        counts.add(groups[0])
    return counts


def _common_prefix(parts: list[str]) -> str:
    if not parts:
        return ""
    p = parts[0]
    for s in parts[1:]:
        while not s.startswith(p):
            p = p[:-1]
    return p


def _common_suffix(parts: list[str]) -> str:
    return _common_prefix([s[::-1] for s in parts])[::-1]


def _strip_lead(s: str) -> str:
    s = s.strip(" :：,，")
    changed = True
    while changed:
        changed = False
        for w in LEAD_INS:
            if s.startswith(w) and len(s) > len(w) + 1:
                s = s[len(w):].lstrip(":：")
                changed = True
                break
    return s


def _trim(parts: list[str]) -> list[str]:
    """Cut lead-in words off the first item and trailing talk off the last one."""
    parts = [p.strip(" ,，") for p in parts]
    ref = parts[1:-1] if len(parts) > 2 else parts[1:2]
    lengths = [len(p) for p in ref] or [len(parts[0])]
    lo, hi = min(lengths), max(lengths)
    # the first item is dirty at its head, the last at its tail
    prefix = _common_prefix(parts[1:]) if len(parts) >= 3 else ""
    suffix = _common_suffix(parts[:-1]) if len(parts) >= 3 else ""

    first = _strip_lead(parts[0])
    if prefix and not first.startswith(prefix) and prefix in first:
        first = first[first.rfind(prefix):]
    elif len(first) > hi + 1:
        for v in LEAD_VERBS:
            if first.startswith(v) and len(first) - len(v) >= lo - 1:
                first = first[len(v):]
                break
        if len(first) > hi + 1 and "的" in first:
            tail = first[first.rfind("的") + 1:]
            if lo - 1 <= len(tail) <= hi + 1:
                first = tail
        if len(first) > hi + 1 and suffix and first.endswith(suffix) and lo == hi:
            first = first[-hi:]
    last = parts[-1]
    cut = _TAIL_CUTS.search(last)
    if cut and cut.start() > 0:
        last = last[:cut.start()]
    if suffix and not last.endswith(suffix) and suffix in last and len(last) > hi:
        last = last[:last.find(suffix) + len(suffix)]
    return [first] + parts[1:-1] + [last] if len(parts) > 1 else [first]


def clean_item(s: str) -> str:
    return strip_quotes(s).strip(" ,，:：;；。")


def split_enumeration(clause: str, n: int) -> Optional[list[str]]:
    """Split ``clause`` into exactly ``n`` items (A、B、C和D), or None if it does not hold n."""
    clause = clause.strip()
    if n < 2 or not clause:
        return None
    parts = clause.split("、")
    if len(parts) == n - 1 and len(parts) >= 1:
        m = list(_SPLIT_LAST.finditer(parts[-1]))
        if len(m) >= 1:
            # prefer the first 和/及/以及/与 in the last part ("...和园林绿化“绿改彩”在内的...")
            k = m[0]
            if k.start() > 0:
                parts = parts[:-1] + [parts[-1][:k.start()], parts[-1][k.end():]]
    if len(parts) != n:
        return None
    items = [clean_item(p) for p in _trim(parts)]
    if any(not it or len(it) > 60 for it in items):
        return None
    return items


_CLAUSE_RE = re.compile(r"[,，;；。:：!！?？]")
_SENTENCE_RE = re.compile(r"[。;；!！?？]")


_QUOTED_RUN_RE = re.compile(r"(?:“[^“”]{1,20}”[、,，和及与]?){2,}")


def items_from_definition(definition: str, counts: set[int]) -> Optional[list[str]]:
    """Find an enumeration of one of the expected sizes in a definition text.

    Tries a run of quoted items (“零非访”“零滞留”…), each comma-separated clause for a 、 list,
    then whole sentences whose clauses share a shape (``坚决守住…底线,坚决守住…底线``).
    Returns None unless the count agrees.
    """
    if not counts:
        return None
    text = _strip_lead(definition.strip())
    first_sentence = _SENTENCE_RE.split(text, maxsplit=1)[0]
    for run in _QUOTED_RUN_RE.finditer(first_sentence):
        quoted = re.findall(r"“([^“”]+)”", run.group(0))
        if len(quoted) in counts:
            return [clean_item(q) for q in quoted]
    sentences = [s for s in _SENTENCE_RE.split(text) if s.strip()]
    for sent in sentences:
        for clause in _CLAUSE_RE.split(sent):
            if "、" not in clause and not any(w in clause for w in ("和", "及", "与")):
                continue
            for n in sorted(counts):
                items = split_enumeration(clause, n)
                if items:
                    return items
    # clauses of one sentence as items when they share a head or tail
    for sent in sentences[:2]:
        clauses = [c.strip() for c in re.split(r"[,，]", sent) if c.strip()]
        if len(clauses) in counts and len(clauses) >= 2:
            pre, suf = _common_prefix(clauses), _common_suffix(clauses)
            if len(pre) >= 2 or len(suf) >= 2:
                return [clean_item(_strip_lead(c)) for c in clauses]
    return None


_ORDINAL_RE = re.compile(r"(?:^|[。;；,，:：\s])(一|二|三|四|五|六|七|八|九|十)是")


def items_from_ordinals(text: str, counts: set[int]) -> Optional[list[str]]:
    """``一是A；二是B；三是C`` right after a slogan -> [A, B, C] when the count agrees."""
    marks = list(_ORDINAL_RE.finditer(text))
    if not marks or marks[0].group(1) != "一":
        return None
    seq = []
    for i, m in enumerate(marks):
        if cn_number(m.group(1)) != i + 1:
            break
        seq.append(m)
    if len(seq) not in counts:
        return None
    items = []
    for i, m in enumerate(seq):
        end = seq[i + 1].start() if i + 1 < len(seq) else len(text)
        body = text[m.end():end]
        body = _CLAUSE_RE.split(body, maxsplit=1)[0]
        items.append(clean_item(body))
    return items if all(items) else None
