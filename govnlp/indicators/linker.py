"""Link quantities to the indicator they measure, inside one sentence.

Handles the shapes government reports use:

- level then growth, shared subject:   一般公共预算收入44.88亿元，同比增长9.2%
- growth only:                         规上工业增加值增长7.5%
- growth before level:                 地区生产总值增长6.5%，总量达366亿元
- 分别 lists:                          限上社零、限上销售额分别增长7%、18%
- 、 lists of counts:                  新增企业1家、省级中小企业17家
- ranks:                               增速位居全市第一 / 进出口总额位居全市第二，同比增长3.5%
- name after the number:               调派38名医务人员
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..numbers import Quantity
from ..report import Change, Rank
from . import vocabulary

CLAUSE_SEP = re.compile(r"[，,；;：:]")
LIST_SEP = "、"
NAME_SPLIT = re.compile(r"、|和|及|与|以及")

_BASIS = (r"(?P<basis>同比|环比|比上年同期|比上年|比去年同期|比去年|较上年同期|较上年|较去年|比年初|较年初|"
          r"比(?:19|20)\d\d年|较(?:19|20)\d\d年|年均|平均每年|年平均)")
CHANGE_CUE = re.compile(
    rf"{_BASIS}?(?:分别)?(?:逆势|持续|稳步|大幅|快速)?"
    r"(?P<verb>增长|增加|提高|提升|上升|上涨|增速为|增速达|增速|增幅为|增幅达|增幅|涨幅为|增|涨|"
    r"下降|降低|减少|回落|下滑|下跌|缩减|缩小|缩短|压缩|扩大|降|减)"
    r"(?:了)?(?:分别)?(?:为|达|达到)?\s*$")
NEGATIVE_VERBS = ("下降", "降低", "减少", "回落", "下滑", "下跌", "缩减", "缩小", "缩短", "压缩", "降", "减")
COMPARISON = re.compile(r"(?:比|较)(?:全国|全省|全市|全区|全县)|(?:高于|低于|快于|慢于|高出|领先)(?:全国|全省|全市|全区|全县)|"
                        r"(?:全国|全省|全市)平均")
RANK = re.compile(
    r"(?:位居|位列|居于|居|排名|排在|列|排|跻身)(?P<scope>[^，。；,、第首]{0,14}?)"
    r"(?:第(?P<pos>[一二三四五六七八九十\d]{1,3})(?:位|名)?|(?P<first>首位|榜首|第一))")
RANK_SCOPE_BEFORE = re.compile(r"在(?P<scope>[^，。；,在]{1,16}?)\d*(?:中|里|内)?$")

LEADING = re.compile(
    r"^(?:[—\-–■●◆▲★☆□○·•\s]+|其中|同时|此外|另外|并且|而且|以及|并|和|及|与|"
    r"全国|全省|全市|全区|全县|全镇|全乡|全州|全盟|全旗|我国|我省|我市|我区|我县|本市|本区|本县|"
    r"今年|去年|上年|全年|当年|年内|年末|年底|上半年|下半年|前三季度|(?:第)?[一二三四]季度|(?:19|20)\d\d年(?:底|末|度)?|"
    r"\d{1,2}-\d{1,2}月|\d{1,2}月(?:底|末)?|截至[^，]{0,8}?(?:底|末)|截至目前|目前|至此|一年来|半年来|"
    r"预计|力争|确保|争取|努力|计划|目标|预期|主要预期目标是|主要预期目标|主要目标|要|将|拟|"
    r"累计|共计|总计|合计|共|实现|完成|达到|达|为|是|已|已经|还|再|又|也|都|均|"
    r"在|对|向|从|由|把|将|被|给|为了)+")
TRAILING = re.compile(
    r"(?:实现|完成|达到|达|为|是|共计|总计|合计|累计|共|约|分别|增至|增长至|增长到|增加到|增加至|"
    r"提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|降低到|降低至|降至|减少到|减少至|突破|超过|"
    r"稳定在|保持在|控制在|达到了|实现了|完成了|已达|总数|总量|总额|数量|规模|达到|有|了|\s)+$")
AFTER_STOP = re.compile(
    r"[，,。；;：:、（(）)“”\"\n]|减免|获|实现|完成|开工|建成|落户|入选|驰援|奋战|参与|受益|覆盖|"
    r"提供|开展|实施|投入|实现|增长|同比|全部|累计|共|分别|通过|获得|新增|达到|\d")
SHARED_NAMES = {"", "增速", "增幅", "总量", "总额", "规模", "总数", "数量", "排名", "增速和总量", "总量和增速", "其中"}
DURATION_CATEGORIES = {"duration", "age"}


@dataclass
class Draft:
    """An indicator being assembled from the quantities of one sentence."""

    name: str = ""
    name_span: Optional[tuple[int, int]] = None
    canonical: Optional[str] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    value_span: Optional[tuple[int, int]] = None
    change: Optional[Change] = None
    change_span: Optional[tuple[int, int]] = None
    change_qualifier: Optional[str] = None
    rank: Optional[Rank] = None
    anchor: int = 0  # offset of the first quantity, for kind and period
    category: Optional[str] = None
    quantities: list[Quantity] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.value is None and self.low is None and self.change is None


def _rank_position(text: str) -> Optional[int]:
    if text.isdigit():
        return int(text)
    nums = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
    if len(text) == 1:
        return nums.get(text)
    if text.startswith("十"):
        return 10 + nums.get(text[1:], 0)
    if len(text) == 2 and text[1] == "十":
        return nums.get(text[0], 0) * 10
    if len(text) == 3 and text[1] == "十":
        return nums.get(text[0], 0) * 10 + nums.get(text[2], 0)
    return None


def clean_name(text: str, offset: int) -> tuple[str, Optional[tuple[int, int]]]:
    """Strip fillers (全区实现 … 完成) around a candidate name; returns (name, span)."""
    s, e = 0, len(text)
    for _ in range(4):
        m = LEADING.match(text, s, e)
        if m and m.end() > s:
            s = m.end()
        m = TRAILING.search(text[s:e])
        if m and m.start() < e - s:
            e = s + m.start()
        if not (LEADING.match(text, s, e) and LEADING.match(text, s, e).end() > s):
            break
    name = text[s:e].strip("“”\"' 　")
    if not name:
        return "", None
    # strip quotes but keep offsets honest
    s = text.find(name, s)
    e = s + len(name)
    if len(name) > 18:
        hits = vocabulary.find_names(name)
        if hits:
            hs = hits[-1][0]
            s, name = s + hs, name[hs:]
        else:
            cut = max(name.rfind(c) for c in "的把将对在")
            if 0 <= cut < len(name) - 2:
                s, name = s + cut + 1, name[cut + 1:]
            if len(name) > 18:
                s, name = s + len(name) - 18, name[-18:]
    e = s + len(name)
    return name, (offset + s, offset + e)


def _name_after(text: str, pos: int, limit: int) -> tuple[str, Optional[tuple[int, int]]]:
    """The noun written right after a count: 38名医务人员 -> 医务人员."""
    end = min(limit, pos + 10)
    m = AFTER_STOP.search(text, pos, end)
    stop = m.start() if m else end
    frag = text[pos:stop]
    frag = re.sub(r"(?:及|和|与|以及|等)$", "", frag)
    if len(frag) < 2 or not re.match(r"[\u4e00-\u9fff“]", frag):
        return "", None
    return frag, (pos, pos + len(frag))


class SentenceLinker:
    """Builds :class:`Draft` records from the quantities of one sentence of ``text``."""

    def __init__(self, text: str, start: int, end: int, quantities: list[Quantity]):
        self.text = text
        self.start = start
        self.end = end
        self.quantities = quantities
        self.drafts: list[Draft] = []
        self.pending: Optional[Draft] = None  # a name (and rank) stated before its numbers

    # ---- public ---------------------------------------------------------
    def run(self) -> list[Draft]:
        for cs, ce in self._clauses():
            qs = [q for q in self.quantities if cs <= q.num_start < ce]
            if "分别" in self.text[cs:ce] and len(qs) >= 2 and self._respectively(cs, ce, qs):
                continue
            if not qs:
                self._no_quantity_clause(cs, ce)
                continue
            for gs, ge in self._groups(cs, ce, qs):
                self._clause(gs, ge, [q for q in qs if gs <= q.num_start < ge])
            self._attach_rank(cs, ce)
        return [d for d in self.drafts if not d.empty]

    # ---- segmentation ---------------------------------------------------
    def _clauses(self) -> list[tuple[int, int]]:
        out, s = [], self.start
        for m in CLAUSE_SEP.finditer(self.text, self.start, self.end):
            # a colon inside a number (11.8:48.3) is not a clause boundary
            if m.group(0) in ":：" and m.start() > 0 and self.text[m.start() - 1].isdigit() \
                    and m.end() < len(self.text) and self.text[m.end()].isdigit():
                continue
            if m.group(0) == "," and m.start() > 0 and self.text[m.start() - 1].isdigit() \
                    and self.text[m.end():m.end() + 1].isdigit():
                continue
            out.append((s, m.start()))
            s = m.end()
        out.append((s, self.end))
        return [(a, b) for a, b in out if b > a]

    def _groups(self, cs: int, ce: int, qs: list[Quantity]) -> list[tuple[int, int]]:
        """Split a clause at 、 where each part carries its own number (口罩74万只、消毒液1万余瓶)."""
        cuts = [m.start() for m in re.finditer(LIST_SEP, self.text[cs:ce])]
        if not cuts:
            return [(cs, ce)]
        out, s = [], cs
        for c in cuts:
            pos = cs + c
            if any(s <= q.num_start < pos for q in qs) and not any(q.start <= pos < q.end for q in qs):
                out.append((s, pos))
                s = pos + 1
        out.append((s, ce))
        return out

    # ---- clause shapes --------------------------------------------------
    def _clause(self, cs: int, ce: int, qs: list[Quantity]) -> None:
        current: Optional[Draft] = None
        cursor = cs
        for i, q in enumerate(qs):
            prefix = self.text[cursor:q.start]
            if COMPARISON.search(self.text[max(cs, q.start - 12):q.start]):
                cursor = q.end
                continue
            cue = CHANGE_CUE.search(prefix)
            name_text = prefix[:cue.start()] if cue else prefix
            name, span = clean_name(name_text, cursor)
            if cue and not name and cue.group("verb") in ("增速", "增幅", "涨幅为"):
                name = ""
            if q.category in DURATION_CATEGORIES and not self._canonical(name) and not cue:
                cursor = q.end
                continue
            if q.unit == "毫米":
                cursor = q.end
                continue
            after_used = False
            if not name and not cue and current is None and q.category not in ("percent", "pp", "permille"):
                nxt = qs[i + 1].start if i + 1 < len(qs) else ce
                name, span = _name_after(self.text, q.end, nxt)
                after_used = bool(name)
            if cue:
                target = current
                if target is None and not name:
                    target = self._shared_subject(for_change=True)
                if target is not None and target.change is None and target.low is None and not name:
                    self._set_change(target, q, cue, cursor)
                    current = target
                else:
                    d = self._new(name, span, q)
                    if not name:
                        self._inherit(d)
                    self._set_change(d, q, cue, cursor)
                    current = d
            else:
                target = current
                if target is None and not name:
                    target = self._shared_subject(for_change=False)
                if (target is not None and not name and target.value is None and target.low is None
                        and target.change is not None and _compatible(target, q)):
                    self._set_value(target, q)
                    current = target
                else:
                    d = self._new(name, span, q)
                    if not name:
                        self._inherit(d)
                    self._set_value(d, q)
                    current = d
            cursor = span[1] if after_used and span else q.end

    def _respectively(self, cs: int, ce: int, qs: list[Quantity]) -> bool:
        """限上社零、限上销售额分别增长7%、18% -> two indicators."""
        k = self.text.find("分别", cs, ce)
        before = [q for q in qs if q.num_start < k]
        after = [q for q in qs if q.num_start > k]
        if before or len(after) < 2:
            return False
        head = self.text[cs:k]
        cue = CHANGE_CUE.search(self.text[k:after[0].start].replace("分别", ""))
        verb_text = self.text[k:after[0].start]
        names_text = head
        parts = [(m.start(), m.end()) for m in NAME_SPLIT.finditer(names_text)]
        pieces, s = [], 0
        for a, b in parts:
            pieces.append((s, a))
            s = b
        pieces.append((s, len(names_text)))
        names = []
        for a, b in pieces:
            nm, sp = clean_name(names_text[a:b], cs + a)
            if nm:
                names.append((nm, sp))
        if not names:
            # 分别增长7%、18% with the names in the previous 分别 clause
            prev = [d for d in self.drafts if getattr(d, "_respectively", False)]
            if len(prev) >= len(after):
                prev = prev[-len(after):]
                for d, q in zip(prev, after):
                    if cue:
                        self._set_change(d, q, cue, q.start, cue_text=verb_text)
                    elif d.value is None and d.low is None:
                        self._set_value(d, q)
                return True
            return False
        if len(names) != len(after):
            return False
        for (nm, sp), q in zip(names, after):
            d = self._new(nm, sp, q)
            d._respectively = True  # type: ignore[attr-defined]
            if cue:
                self._set_change(d, q, cue, q.start, cue_text=verb_text)
            else:
                self._set_value(d, q)
        self._attach_rank(cs, ce)
        return True

    def _no_quantity_clause(self, cs: int, ce: int) -> None:
        """A clause with a name (and maybe a rank) but no number: 进出口总额位居全市第二."""
        text = self.text[cs:ce]
        rank_m = RANK.search(text)
        head = text[:rank_m.start()] if rank_m else text
        name, span = clean_name(head, cs)
        rank = self._rank(cs, ce) if rank_m else None
        if rank is not None and name in SHARED_NAMES and self.drafts:
            last = self.drafts[-1]
            if last.rank is None:
                last.rank = rank
            return
        if rank is not None and name and self.drafts and self.drafts[-1].name == name and self.drafts[-1].rank is None:
            self.drafts[-1].rank = rank
            return
        if name and (rank is not None or vocabulary.canonical_id(name)) and len(name) <= 18:
            d = Draft(name=name, name_span=span, canonical=self._canonical(name), rank=rank)
            self.pending = d
        elif name:
            self.pending = None

    # ---- helpers --------------------------------------------------------
    def _canonical(self, name: str) -> Optional[str]:
        return vocabulary.canonical_id(name) if name else None

    def _new(self, name: str, span, q: Quantity) -> Draft:
        pend = self.pending
        if not name and pend is not None:
            d = pend
            self.pending = None
        else:
            d = Draft(name=name, name_span=span, canonical=self._canonical(name))
        d.anchor = q.start
        self.drafts.append(d)
        return d

    def _inherit(self, d: Draft) -> None:
        """A nameless number in a clause list shares the subject of the clause before it."""
        if d.name:
            return
        for prev in reversed(self.drafts[:-1]):
            if prev.name:
                d.name, d.name_span, d.canonical = prev.name, prev.name_span, prev.canonical
                return

    def _shared_subject(self, for_change: bool) -> Optional[Draft]:
        if self.pending is not None:
            d = self.pending
            self.pending = None
            self.drafts.append(d)
            return d
        if not self.drafts:
            return None
        last = self.drafts[-1]
        if for_change and last.change is None and last.low is None and last.value is not None:
            return last
        if not for_change and last.value is None and last.low is None and last.change is not None:
            return last
        return None

    def _set_value(self, d: Draft, q: Quantity) -> None:
        if q.is_range:
            d.low, d.high = q.low, q.high
        else:
            d.value = q.value
        d.unit = q.unit
        d.category = q.category
        d.qualifier = q.qualifier or d.qualifier
        d.value_span = (q.num_start, q.num_end)
        d.quantities.append(q)
        if not d.anchor:
            d.anchor = q.start

    def _set_change(self, d: Draft, q: Quantity, cue: re.Match, cursor: int, cue_text: Optional[str] = None) -> None:
        if q.is_range:
            # a growth range (增长6%-6.5%) has no single change value: keep it as the range
            if d.value is None and d.low is None:
                self._set_value(d, q)
                d.change_span = (q.num_start, q.num_end)
            return
        verb = cue.group("verb")
        sign = -1.0 if verb.startswith(NEGATIVE_VERBS) else 1.0
        basis_text = cue.group("basis") or ""
        if basis_text in ("同比",) or basis_text.startswith(("比上年", "比去年", "较上年", "较去年", "比19", "比20", "较19", "较20")):
            basis = "yoy"
        elif basis_text in ("环比", "比年初", "较年初"):
            basis = "prev_period"
        elif basis_text in ("年均", "平均每年", "年平均"):
            basis = "annual_avg"
        else:
            basis = None
        cstart = cursor + cue.start() if cue_text is None else q.start
        if cue_text is None:
            cstart = q.start - (len(cue.string) - cue.start())
        d.change = Change(value=float(f"{sign * q.value:.12g}"), unit=q.unit or "", basis=basis,
                          text=self.text[cstart:q.end])
        d.change_span = (cstart, q.end)
        d.change_qualifier = q.qualifier
        if d.value is None and d.low is None:
            d.qualifier = q.qualifier
        d.quantities.append(q)
        if not d.anchor:
            d.anchor = q.start

    def _rank(self, cs: int, ce: int) -> Optional[Rank]:
        m = RANK.search(self.text, cs, ce)
        if not m:
            return None
        pos = 1 if m.group("first") else _rank_position(m.group("pos"))
        if pos is None:
            return None
        scope = (m.group("scope") or "").strip()
        scope = re.sub(r"^(?:于|在)", "", scope)
        if not scope:
            b = RANK_SCOPE_BEFORE.search(self.text, cs, m.start())
            if b:
                scope = b.group("scope")
        scope = re.sub(r"\d+$", "", scope)
        return Rank(scope=scope, position=pos, text=self.text[m.start():m.end()])

    def _attach_rank(self, cs: int, ce: int) -> None:
        rank = self._rank(cs, ce)
        if rank is None:
            return
        pos = self.text.find(rank.text, cs, ce)
        for d in reversed(self.drafts):
            if d.anchor < pos + cs or d.anchor < ce:
                if d.rank is None:
                    d.rank = rank
                return


def _compatible(d: Draft, q: Quantity) -> bool:
    """A level may complete a growth-only draft unless it is itself a rate (then it is a new fact)."""
    return q.category not in ("percent", "pp", "permille")


__all__ = ["SentenceLinker", "Draft", "clean_name", "CHANGE_CUE", "RANK"]
