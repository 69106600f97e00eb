"""The number grammar: find quantities (value or range, unit, qualifier) in normalised text.

>>> [(q.value, q.unit, q.qualifier) for q in find_quantities("一般公共预算收入44.88亿元，增长9.2%左右")]
[(4488000000.0, '元', None), (9.2, '%', 'approx')]

The grammar is declarative: units come from ``data/units.tsv``, qualifier words from
``data/qualifiers.tsv``, magnitudes from :data:`MAGNITUDES`; the functions below only assemble
one regular expression from those tables and read its matches. Chinese numerals are read with
``cn2an`` (七千余万元, 二百一十三亿五千万元, 百亿, 两千万, 百分之二点四).

What is *not* a quantity (years, dates, ordinals, codes such as G60/5G/PM2.5/1+28, bare numbers
without a unit such as 12345热线 or 2020730) is rejected here, so every later stage can trust
what it gets.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import cn2an

#: Magnitude words folded into the value (longest first when matched).
MAGNITUDES: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
    "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3,
}

#: A unit is not read when the next character shows it belongs to another word:
#: 70周年 (anniversary), 3方面, 2元素, 5期间 ...
UNIT_NOT_BEFORE: dict[str, str] = {
    "周": "年岁", "年": "度初底末前以来后代级龄份", "方": "面案式向法针位", "元": "素旦宵件",
    "次": "会全", "期": "间限", "种": "植子养业", "台": "风阶湾", "部": "门署委分",
    "处": "置理", "起": "来步", "批": "准复示", "名": "单列额", "条": "例件款", "度": "假",
    "类": "型", "个": "体性税", "位": "于置", "场": "所景", "所": "有属以在得谓",
    "头": "部", "张": "力", "天": "然", "米": "粉", "路": "线口段网面由径演费子",
}

#: A qualifier word is not read when it ends another word: 节约, 最近/附近, 赶超.
PRE_NOT_AFTER: dict[str, str] = {
    "约": "节制签预公条契大", "近": "最附临就邻贴靠将接", "超": "赶高", "逾": "", "突破": "",
    "低于": "不", "高于": "不提", "多于": "", "至少": "",
}

#: A bare number followed by these is a date, time, code or list marker, never a measurement.
BARE_NOT_BEFORE = set("年月日号时点:：.、）)]】”\"-—/第期届版")

#: Characters after which "-3.1%" is a negative number, not a dash or a range.
NEGATIVE_AFTER = set("长为是达幅速至到降:：，, ")

RANGE_SEPARATORS = "-—–~～至到"
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGITS + "十百千万亿"


@dataclass
class Quantity:
    """One quantity as written: ``44.88亿元`` -> value 4488000000.0, unit "元".

    ``start``/``end`` cover qualifiers written around the number (约/近/左右/以上 ...);
    ``num_start``/``num_end`` cover the number(s), magnitude and unit only.
    """

    start: int
    end: int
    value: Optional[float]
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    raw: str = ""
    unit_text: str = ""
    category: Optional[str] = None
    num_start: int = 0
    num_end: int = 0

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


@dataclass(frozen=True)
class Unit:
    surface: str
    base: str
    factor: float
    category: str


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("govnlp").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for row in csv.reader(text.splitlines(), delimiter="\t"):
        if row and not row[0].startswith("#"):
            rows.append(row)
    return rows


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Surface unit -> :class:`Unit`, from data/units.tsv."""
    return {r[0]: Unit(r[0], r[1], float(r[2]), r[3]) for r in _read_tsv("units.tsv")}


@lru_cache(maxsize=1)
def qualifiers() -> dict[tuple[str, str], str]:
    """(surface, position) -> qualifier, from data/qualifiers.tsv."""
    return {(r[0], r[1]): r[2] for r in _read_tsv("qualifiers.tsv")}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = rf"[{_CN_ALL}]+(?:点[{_CN_DIGITS}]+)?"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    unit_alt = _alt(u for u in units() if u not in ("%", "‰"))
    mag_alt = _alt(MAGNITUDES)
    infix = _alt(w for (w, pos) in qualifiers() if pos == "infix")
    post = _alt(w for (w, pos) in qualifiers() if pos == "post")
    num = rf"(?:{_ARABIC}|{_CHINESE})"
    # one number with its magnitude and unit: 1.2万余名 / 七千余万元 / 8.5% / 3个百分点
    core = (rf"(?P<@num>{num}) ?(?P<@inf1>{infix})?"
            rf"(?: ?(?P<@unit0>%|‰|{unit_alt})"
            rf"|(?P<@mag>{mag_alt})?(?P<@inf2>{infix})?(?P<@unit>%|‰|{unit_alt})?)")
    a, b = core.replace("<@", "<a_"), core.replace("<@", "<b_")
    body = (rf"(?P<pct>百分之|千分之)?{a}"
            rf"(?:\s*(?P<sep>[{re.escape(RANGE_SEPARATORS)}])\s*(?P<pct2>百分之)?{b})?"
            rf"(?P<post>{post})?")
    return re.compile(body)


@lru_cache(maxsize=1)
def _pre_pattern() -> re.Pattern:
    pre = _alt(w for (w, pos) in qualifiers() if pos == "pre")
    return re.compile(rf"(?:{pre})$")


def parse_number(text: str) -> Optional[float]:
    """Read one number written in Arabic or Chinese digits: ``1,024.6`` ``二百一十三亿五千万`` ``百亿``."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    if text[0] in "十百千万亿":
        text = "一" + text
    try:
        value = cn2an.cn2an(text.replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


#: What follows a count that names a work or a slogan, not an amount (annotation 2.9).
COUNT_IN_A_NAME = re.compile(r"大事|方面(?:工作|任务|重点|举措|内容)?|大类|大板块|大任务|条主线|项原则|个坚持|个全面|个维护|个确保")

#: Words before a lone round magnitude that make it an amount: 近千家企业, 近百公里, 逾万人.
ROUND_BEFORE = ("近", "逾", "超", "约", "突破", "上", "数", "将近", "接近")
#: Verbs (or a clause start) after which a small Chinese count states work done: 新建三所幼儿园.
COUNT_VERBS = ("新建", "建成", "改造", "新增", "打造", "建设", "培育", "引进", "创建", "开工", "完成",
               "办好", "落地", "；", "，", "。", "启动", "组建", "设立", "新开", "建立", "扩建", "改建", "创成", "获批", "、")
SMALL_COUNT_UNITS = set("个所家座条项件批场套户人名位处支栋幅")
PUNCT_AFTER = "，。；、,;：:）)\n以左当已均全共"


def _chinese_ok(text: str, m: re.Match, num: str, value: Optional[float], unit: Optional["Unit"], pct: bool) -> bool:
    """Chinese numerals count only where they clearly state an amount (not 三个对冲 / 千家万户 / 十四五)."""
    if value is None:
        return False
    if pct:
        return True
    if not unit:
        return False
    if re.search(r"[一二两三四五六七八九]{2}", num):  # 唯一一家, 一一对应: not a numeral
        return False
    has_digit = any(c in "一二两三四五六七八九" for c in num)
    if not has_digit and num != "十" and sum(c in "十百千万亿" for c in num) < 2:
        # 近千家企业, 近百公里, 逾万人: a round magnitude after an approximating word
        if not (num in ("百", "千", "万") and text[max(0, m.start() - 2):m.start()].endswith(ROUND_BEFORE)):
            return False
    after = text[m.end():m.end() + 1]
    if unit.surface == "成":  # 八成左右, 九成以上; never 一成不变
        return num not in ("一", "十") and (after == "" or after in PUNCT_AFTER or bool(m.group("post")))
    if value >= 10 or "点" in num:
        return True
    # a small count: 三所 / 两个 only as an amount of work, never 一批 / 四个老城区 / 三个对冲
    if value < 2:
        return False
    before = text[max(0, m.start() - 2):m.start()]
    if unit.surface not in SMALL_COUNT_UNITS:
        return False
    return after == "" or after in PUNCT_AFTER or before.endswith(COUNT_VERBS)


def _is_year(value: float, num: str, after: str) -> bool:
    return (num.isdigit() and len(num) == 4 and 1900 <= value <= 2100
            and (after[:1] in ("年", "") or after[:1] in RANGE_SEPARATORS or not after[:1].strip()))


def _blocked(text: str, start: int, end: int) -> bool:
    """Codes, ordinals and glued identifiers around a digit run: G60, PM2.5, 1+28, 第三, 11.8:48.3."""
    before = text[start - 1] if start > 0 else ""
    before2 = text[max(0, start - 2):start]
    after = text[end] if end < len(text) else ""
    if before in "/／" and start >= 2 and (text[start - 2] == "%" or not text[start - 2].isascii()):
        pass  # 43216元/18974元, 5.2%／6.1%: a list written with slashes, not a date or a fraction
    elif before and (before.isascii() and (before.isalpha() or before in "+_/#&.") or before in "第ⅠⅡⅢⅣⅤ"):
        return True
    if before2.endswith(("No", "NO")) or before2 in ("编号", "代码"):
        return True
    if after and (after in "+_#" or (after.isascii() and after.isalpha())):
        return True
    if after == ":" and end + 1 < len(text) and text[end + 1].isdigit():
        return True
    if before == ":" and start >= 2 and text[start - 2].isdigit():
        return True
    return False


def _unit_of(m: re.Match, p: str) -> tuple[Optional[str], str]:
    u = m.group(p + "unit0") or m.group(p + "unit")
    return u, (u or "")


def _value_of(m: re.Match, p: str) -> tuple[Optional[float], Optional[Unit], str]:
    """(value in the base unit, unit record, infix qualifier) of one side of a match."""
    num = m.group(p + "num")
    value = parse_number(num)
    if value is None:
        return None, None, ""
    mag = m.group(p + "mag")
    if mag:
        value *= MAGNITUDES[mag]
    surface, _ = _unit_of(m, p)
    unit = None
    if surface == "%":
        unit = Unit("%", "%", 1, "percent")
    elif surface == "‰":
        unit = Unit("‰", "‰", 1, "permille")
    elif surface:
        unit = units()[surface]
        value *= unit.factor
    infix = m.group(p + "inf1") or m.group(p + "inf2") or ""
    return value, unit, infix


def _trim_unit(text: str, m: re.Match, p: str) -> Optional[int]:
    """If the unit is the head of a longer word (70周年), return where the quantity must end instead."""
    surface = m.group(p + "unit0") or m.group(p + "unit")
    if not surface:
        return None
    end = m.end(p + "unit0") if m.group(p + "unit0") else m.end(p + "unit")
    nxt = text[end:end + 1]
    banned = UNIT_NOT_BEFORE.get(surface)
    if banned and nxt and nxt in banned:
        return m.start(p + "unit0") if m.group(p + "unit0") else m.start(p + "unit")
    return None


def _round(x: Optional[float]) -> Optional[float]:
    return None if x is None else float(f"{x:.12g}")


def find_quantities(text: str, start: int = 0, end: Optional[int] = None, bare: bool = False) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, with offsets into ``text``.

    ``bare=True`` also returns numbers written without a unit (城乡居民收入比1.62) with
    ``category="bare"``; whether such a number measures anything is for the caller to decide.

    >>> q = find_quantities("全区实现地区生产总值366.51亿元")[0]
    >>> q.value, q.unit, q.raw
    (36651000000.0, '元', '366.51亿元')
    """
    end = len(text) if end is None else end
    out: list[Quantity] = []
    pos = start
    pattern = _pattern()
    while pos < end:
        m = pattern.search(text, pos, end)
        if m is None:
            break
        q = _read_match(text, m, bare)
        pos = m.end() if m.end() > m.start() else m.start() + 1
        if q is not None:
            out.append(q)
            pos = max(pos, q.end)
    return out


def _read_match(text: str, m: re.Match, bare: bool = False) -> Optional[Quantity]:
    a_num = m.group("a_num")
    if a_num[0] in "点":
        return None
    s = m.start("a_num")
    # a digit run cut out of a longer one (the regex may start inside "s696131")
    if a_num[0].isdigit() and s > 0 and (text[s - 1].isdigit() or text[s - 1] in ",."):
        return None
    if a_num[0].isdigit() and _blocked(text, s, m.end("a_num")):
        return None
    if a_num[0] not in "0123456789" and s > 0 and text[s - 1] in "第初":
        return None
    pct = bool(m.group("pct"))
    per_mille = m.group("pct") == "千分之"

    # a unit that is the head of a longer word cuts the match short
    cut = _trim_unit(text, m, "b_" if m.group("sep") else "a_")
    if cut is not None and not m.group("sep"):
        sub = _pattern().match(text, m.start(), cut)
        if sub is None or sub.end() <= m.start():
            return None
        m = sub

    va, ua, infa = _value_of(m, "a_")
    if va is None:
        return None
    sep = m.group("sep")
    vb = ub = None
    infb = ""
    if sep:
        vb, ub, infb = _value_of(m, "b_")
        b_num = m.group("b_num")
        if vb is None or (b_num[0].isdigit() != a_num[0].isdigit()):
            return _single(text, m, cut_at=m.start("sep"))
        if b_num[0].isdigit() and _blocked(text, m.start("b_num"), m.end("b_num")):
            return None
    # the unit of a range written once: 8-8.5%, 6%-6.5%, 4.5%至5%
    unit = ub or ua if sep else ua
    if sep:
        if ua is None and ub is not None:
            # 8-8.5亿元: the magnitude and unit of the right side apply to the left side too
            if not m.group("a_mag") and m.group("b_mag"):
                va *= MAGNITUDES[m.group("b_mag")]
            va *= ub.factor
        elif ua is not None and ub is not None and ua.base != ub.base:
            return _single(text, m, cut_at=m.start("sep"))
        elif ua is not None and ub is None:
            return _single(text, m, cut_at=m.start("sep"))
        if unit is None or not (va <= vb):
            return _single(text, m, cut_at=m.start("sep")) if unit is not None else None
    if pct:
        unit = Unit("‰", "‰", 1, "permille") if per_mille else Unit("%", "%", 1, "percent")

    after = text[m.end():m.end() + 2]
    if _is_year(va, a_num, text[m.end("a_num"):m.end("a_num") + 1]) and (unit is None or unit.surface == "年"):
        return None
    if not a_num[0].isdigit() and not _chinese_ok(text, m, a_num, va, unit, pct):
        return None
    if COUNT_IN_A_NAME.match(text, m.end()):
        return None  # 两件大事, 十个方面工作, 三项原则: a count inside a slogan or a work's name
    nxt = re.sub(r"^\[\d{1,2}\]", "", text[m.end():m.end() + 6])[:2]
    measured_step = nxt == "台阶" and "." in a_num  # 跨上1.07万亿元台阶: a level reached, not a class
    if (nxt and nxt[0] in "”」』\"") or (nxt in ("台阶", "量级") and not measured_step) or nxt[:1] == "级":
        # a number inside a quoted name (“共富十二条”) or a size class (千亿级, 两个万亿元台阶)
        return None
    is_bare = False
    if unit is None:
        # a bare number is not a quantity (12345热线, 2020730, 9333); only magnitudes save it
        if not (m.group("a_mag") or m.group("b_mag")) or not a_num[0].isdigit():
            if not (bare and a_num[0].isdigit() and not sep and len(a_num) <= 6
                    and text[m.end():m.end() + 1] not in BARE_NOT_BEFORE):
                return None
            is_bare = True
        if a_num[0].isdigit() and text[m.end():m.end() + 1] in ("级", "家", "户", "人"):
            return None
    if unit is not None and unit.category == "duration" and unit.surface == "年" and after[:1] in "度初底":
        return None

    qualifier = _qualifier(text, m, infa or infb)
    start = m.start()
    pre = _pre_pattern().search(text, max(0, start - 3), start)
    if pre and pre.start() > 0 and text[pre.start() - 1] in PRE_NOT_AFTER.get(pre.group(0), ""):
        pre = None
    if pre:
        qualifier = qualifier or qualifiers()[(pre.group(0), "pre")]
        start = pre.start()
    num_end = m.start("post") if m.group("post") else m.end()
    unit_text = _unit_of(m, "b_")[1] if sep else ""
    unit_text = unit_text or _unit_of(m, "a_")[1]
    q = Quantity(start=start, end=m.end(), value=None, unit=unit.base if unit else None,
                 qualifier=qualifier, raw=text[m.start():num_end], unit_text=unit_text,
                 category=unit.category if unit else ("bare" if is_bare else None),
                 num_start=m.start(), num_end=num_end)
    if sep:
        q.low, q.high = _round(va), _round(vb)
    else:
        q.value = _round(va)
        # 增长-2.3%: a minus sign right after a verb is part of the number
        if m.start() >= 2 and text[m.start() - 1] in "-－−" and text[m.start() - 2] in NEGATIVE_AFTER:
            q.value = -q.value
            q.num_start = m.start() - 1
            q.start = min(q.start, q.num_start)
            q.raw = text[q.num_start:num_end]
    return q


def _single(text: str, m: re.Match, cut_at: int) -> Optional[Quantity]:
    """Re-read the left side of a failed range on its own (2019-2020年, 3%-5个 ...)."""
    sub = _pattern().match(text, m.start(), cut_at)
    if sub is None or sub.group("sep"):
        return None
    return _read_match(text, sub, False)


def _qualifier(text: str, m: re.Match, infix: str) -> Optional[str]:
    post = m.group("post")
    if post:
        return qualifiers()[(post, "post")]
    if infix:
        return qualifiers()[(infix, "infix")]
    return None


DOUBLING = re.compile(r"翻(?:了)?(一|两|二|三)番")
_DOUBLING_PERCENT = {"一": 100.0, "两": 300.0, "二": 300.0, "三": 700.0}


def find_doublings(text: str) -> list[Quantity]:
    """翻一番 / 翻了两番 as growth quantities: +100% / +300% (docs/annotation.md 2.4)."""
    out = []
    for m in DOUBLING.finditer(text):
        out.append(Quantity(start=m.start(), end=m.end(), value=_DOUBLING_PERCENT[m.group(1)], unit="%",
                            raw=m.group(0), unit_text="番", category="doubling",
                            num_start=m.start(), num_end=m.end()))
    return out


__all__ = ["Quantity", "find_quantities", "find_doublings", "parse_number", "units", "qualifiers", "MAGNITUDES"]
