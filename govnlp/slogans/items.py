"""Small text helpers for slogans: numeral counts and splitting enumerations into items.

A slogan's numerals say how many items it stands for (六稳 -> 6, 三去一降一补 -> 5, 三请三回 -> 3
or 6); an enumeration (A、B、C和D) is accepted as its expansion only when the counts agree.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

DIGITS = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
          "九": 9, "〇": 0, "零": 0}
NUMERAL_CHARS = "一二两三四五六七八九十"
QUOTES = "“”‘’\"'「」『』"
# a quoted stem that needs the word after it: “五型”政府, “五大”区本课程
INCOMPLETE = re.compile(f"^[{NUMERAL_CHARS}]+[大型个项类化条张]?$")
_QUOTE_RE = re.compile(f"[{QUOTES}]")

# words that introduce an enumeration and are not part of its first item (a declarative table)
LEAD_INS = (
    "共含", "包含", "涵盖", "是指", "指的是", "主要是", "主要指", "主要包括", "包括", "分别是", "分别为", "就是", "也就是", "即",
    "具体为", "具体是", "为", "是", "指",
)
LEAD_VERBS = (
    "深入实施", "大力实施", "全面实施", "扎实推进", "深入推进", "大力推进", "全面推进", "加快推进", "着力推进",
    "大力开展", "深入开展", "全面开展", "持续推进", "坚定不移", "实施", "推进", "坚持", "围绕", "聚焦", "加快",
    "突出", "推动", "落实", "打好", "打赢", "建设", "构建", "着力", "做到", "增强", "坚定", "开展", "实现",
    "强化", "抓好", "做好", "树立", "达成", "达到", "确保", "推行", "集聚", "发展", "培育", "壮大", "打造",
    "形成", "做强", "做大", "做优", "提升", "优化", "聚力", "主攻", "布局", "配置", "保持", "实行",
    "贯彻", "践行", "完善", "统筹", "力争", "争取", "力促", "全力", "大力", "积极", "重点",
    "以", "把", "将", "在", "对", "和", "及",
)
_SPLIT_LAST = re.compile(r"以及|和|及|与|、")
_TAIL_CUTS = re.compile(r"(在内|共同|组成|构成|等\d*[个项类方面]*|等).*$")
_ETC_N = re.compile("等(?:[0-9]+|[一二两三四五六七八九十]+)[个项类种大方]")


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
        if len(head) > 1 or len(tail) > 1 or any(c not in DIGITS for c in head + tail):
            return None  # 十二五 (the 12th five-year plan) is no small numeral
        tens = DIGITS[head] if head else 1
        return tens * 10 + (DIGITS[tail] if tail else 0)
    if len(s) == 1 and s in DIGITS:
        return DIGITS[s]
    return None


_GROUP_RE = re.compile(f"(双|[{NUMERAL_CHARS}]+(?=[^{NUMERAL_CHARS}]))")


_UNITY = re.compile(r"(?:位一体|[^一]合一|一体化?)$")


@lru_cache(maxsize=4096)
def expected_counts(surface: str) -> frozenset[int]:
    return frozenset(_expected_counts(surface))


def _expected_counts(surface: str) -> set[int]:
    """How many items a numbered slogan may stand for (empty set: no numeral, unknown).

    One numeral group gives its value; several groups (三去一降一补) give their sum, and when all
    groups are equal (三请三回) also that value, since such pairs often form one item each.
    A closing 一体/合一 (五位一体, 三证合一) counts the parts, not the one.
    """
    s = strip_quotes(surface)
    if s.startswith("第"):
        return set()
    u = _UNITY.search(s)
    if u and u.start() > 0:
        s = s[:u.start() + 1] + "。"
    chars = re.match(f"^([{NUMERAL_CHARS}]+)字", s)
    if chars and cn_number(chars.group(1)):
        n = cn_number(chars.group(1))  # 八字方针, 二十字总要求: the numeral counts characters
        return {n // k for k in (2, 3, 4) if n % k == 0 and n // k >= 2}
    lead = re.match(f"^([{NUMERAL_CHARS}]+)个", s)
    if lead and "、" not in s and cn_number(lead.group(1)):
        return {cn_number(lead.group(1))}  # 五个一, 三个一批, 两个一百年: the rest is the stem
    groups = []
    for m in _GROUP_RE.finditer(s + "。"):
        if m.start() > 0 and s[m.start() - 1] == "双":
            continue  # 双十双百: the numeral after 双 belongs to its stem
        n = cn_number(m.group(1))
        if n:
            groups.append(n)
    if not groups or set(groups) == {1}:
        return set()  # 一村一品, 一网通办: not a count of items
    counts = {sum(groups)}
    if len(set(groups)) == 1:
        counts.add(groups[0])
    return counts


def loose_counts(surface: str) -> set[int]:
    """Counts allowed for a list written right after the slogan (一是…二是…): besides
    :func:`expected_counts`, the largest numeral and the number of numerals (一核三治 -> 3)."""
    counts = set(expected_counts(surface))
    if not counts:
        return counts
    groups = [cn_number(g) for g in re.findall(f"[{NUMERAL_CHARS}]+", strip_quotes(surface))]
    groups = [g for g in groups if g]
    if len(groups) >= 2 and len(set(groups)) > 1:
        counts.add(max(groups))
    return {n for n in counts if n >= 2}


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
    if len(parts) == 2:
        suffix = _common_suffix(parts)

    first = _strip_lead(parts[0])
    if prefix and not first.startswith(prefix) and prefix in first:
        first = first[first.rfind(prefix):]
    elif len(first) > hi + 1:
        for v in LEAD_VERBS:
            if first.startswith(v) and len(first) - len(v) >= lo - 1:
                first = first[len(v):]
                break
        if len(first) > hi + 1:
            # the list starts after the last lead verb: …在全省大力开展忠诚型、创新型…
            cuts = [first.rfind(v) + len(v) for v in LEAD_VERBS if len(v) >= 2 and v in first]
            cuts = [c for c in cuts if lo - 1 <= len(first) - c <= hi + 1]
            if cuts:
                first = first[max(cuts):]
        if len(first) > hi + 1 and "的" in first:
            tail = first[first.rfind("的") + 1:]
            if lo - 1 <= len(tail) <= hi + 1:
                first = tail
        if len(parts) == 2 and len(first) > hi + 1 and suffix and first.endswith(suffix):
            first = first[-hi:]  # two items only: the known one sets the length
    last = parts[-1]
    cut = _TAIL_CUTS.search(last)
    if cut and cut.start() > 0 and len(last) > hi + 2:
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
    others, last = items[:-1], items[-1]
    longest = max(len(o) for o in others)
    if len({len(o) for o in others}) == 1 and longest <= 4 and n >= 3 and len(last) > longest + 3:
        last = items[-1] = last[:longest]  # 东进、西拓、南延、北控城市发展方略 -> 北控
    if len(last) > 2 * longest + 2:
        return None  # the last item runs on into the sentence: not a clean list
    if n == 2 and not _common_suffix(items) and not _common_prefix(items) \
            and max(map(len, items)) > 1.5 * min(map(len, items)):
        return None  # 政务服务网与城市治理网相互贯通: 与 joins a clause, not two items
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
    counts = {n for n in counts if n >= 2}
    if not counts:
        return None
    text = _strip_lead(definition.strip())
    etc = _ETC_N.search(text)
    if etc:  # “A、B、C等10个方面”: the list ends at 等
        text = text[:etc.start()]
    first_sentence = _SENTENCE_RE.split(text, maxsplit=1)[0]
    numbered = _numbered_items(text, counts) or items_from_ordinals(text, counts)
    if numbered:
        return numbered
    whole = re.split(r"[。!！?？]", text, maxsplit=1)[0]
    segs = [g for g in re.split(r"[；;]", whole) if g.strip()]
    if len(segs) in counts and len(segs) >= 2 and all(len(g) <= 40 for g in segs):
        return [clean_item(g) for g in _trim(segs)]  # “三个一”：一条绿道；一座公园；一所学校
    for run in _QUOTED_RUN_RE.finditer(first_sentence):
        quoted = re.findall(r"“([^“”]+)”", run.group(0))
        if len(quoted) in counts:
            return [clean_item(q) for q in quoted]
    sentences = [s for s in _SENTENCE_RE.split(text) if s.strip()]
    pieces = [p for p in re.split(r"[、,，]", first_sentence) if p.strip()]
    for n in sorted(counts, reverse=True):  # 双十双百 is 4 items before it is 2
        for sent in sentences:
            for clause in _CLAUSE_RE.split(sent):
                if "、" not in clause and not any(w in clause for w in ("和", "及", "与")):
                    continue
                items = split_enumeration(clause, n)
                if items:
                    return items
        # the first sentence cut at every 、 and comma: “培育十大产业集群、十个特色小镇，打造百家…”
        if len(pieces) == n and n >= 3 and all(len(p) <= 20 for p in pieces):
            return [clean_item(p) for p in _trim(pieces)]
    # clauses of one sentence as items when they share a head or tail
    for sent in sentences[:2]:
        clauses = [c.strip() for c in re.split(r"[,，]", sent) if c.strip()]
        if len(clauses) in counts and len(clauses) >= 2:
            pre, suf = _common_prefix(clauses), _common_suffix(clauses)
            if len(pre) >= 2 or len(suf) >= 2:
                return [clean_item(_strip_lead(c)) for c in clauses]
    return None


_NUMBERED_MARK = re.compile(r"(?:[（(]([0-9一二三四五六七八九十]{1,2})[）)]"
                            r"|(?<![0-9.])([0-9]{1,2})[.、．](?![0-9])|([①②③④⑤⑥⑦⑧⑨⑩])"
                            r"|(?:^|(?<=[。；;\s]))([一二三四五六七八九十]{1,2})、)")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _numbered_items(text: str, counts: set[int]) -> Optional[list[str]]:
    """（1）A；（2）B / 1.A 2.B / ①A②B inside a definition -> [A, B] when numbered 1..n in order."""
    marks = []
    for m in _NUMBERED_MARK.finditer(text):
        raw = m.group(1) or m.group(2) or m.group(3) or m.group(4)
        n = _CIRCLED.index(raw) + 1 if raw in _CIRCLED else cn_number(raw)
        if n == len(marks) + 1:
            marks.append(m)
    if len(marks) not in counts or len(marks) < 2:
        return None
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = re.split(r"[；;。,，:：]", text[m.end():end], maxsplit=1)[0]
        items.append(clean_item(body))
    return items if all(items) else None


_ORDINAL_RE = re.compile(r"(?:^|[。;；,，:：\s])(一|二|三|四|五|六|七|八|九|十)(?:是|要)")


def items_from_ordinals(text: str, counts: set[int]) -> Optional[list[str]]:
    """``一是A；二是B；三是C`` right after a slogan -> [A, B, C] when the count agrees."""
    counts = {n for n in counts if n >= 2}
    marks = list(_ORDINAL_RE.finditer(text))
    if not marks or marks[0].group(1) != "一" or marks[0].start() > 1:
        return None  # the list must start right here
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
