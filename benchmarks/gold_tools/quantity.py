"""Read a gold value/change surface ("44.88亿元", "七千余万元", "增长6%-6.5%") into numbers.

Only used to build the gold files from annotated sources; every result can be overridden in the
source, and build_gold.py prints a review table so each reading is checked by eye.
"""
from __future__ import annotations

import re
from typing import Optional

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10 ** 4, "亿": 10 ** 8}

# units that start with a magnitude character and must not lose it
PROTECTED_UNITS = ("千瓦时", "千瓦", "千米", "千克", "千公顷", "百分点")
UNIT_ALIASES = {"名": "人", "位": "人", "余名": "人", "％": "%", "個": "个", "公斤": "千克"}

QUAL_WORDS = [
    ("左右", "approx"), ("约", "approx"), ("上下", "approx"),
    ("以上", "at_least"), ("不低于", "at_least"), ("不少于", "at_least"), ("突破", "at_least"),
    ("超过", "at_least"), ("超", "at_least"), ("达到", None),
    ("以内", "at_most"), ("以下", "at_most"), ("控制在", "at_most"), ("不超过", "at_most"),
    ("不高于", "at_most"),
    ("接近", "nearly"), ("近", "nearly"),
    ("余", "more_than"), ("多", "more_than"),
]

NUM_RE = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+")


def cn_int(s: str) -> float:
    """Chinese numeral (with 万/亿 sections) -> number; also mixed '2.5万' handled elsewhere."""
    total = 0.0
    section = 0.0
    number = 0.0
    for ch in s:
        if ch in CN_DIGITS:
            number = CN_DIGITS[ch]
        elif ch in CN_SMALL:
            if number == 0:
                number = 1
            section += number * CN_SMALL[ch]
            number = 0
        elif ch in CN_BIG:
            section += number
            if ch == "亿":
                total = (total + section) * CN_BIG[ch]
            else:
                total += section * CN_BIG[ch]
            section = 0
            number = 0
    return total + section + number


def parse_number(surface: str) -> tuple[Optional[float], str, bool]:
    """Leading number of ``surface`` with its magnitude -> (value, rest, had_yu).

    '44.88亿元' -> (4.488e9, '元', False); '七千余万元' -> (7e7, '元', True);
    '1.2万余名' -> (12000, '名', True).
    """
    s = surface
    m = re.match(r"[0-9][0-9,]*(?:\.[0-9]+)?", s)
    yu = False
    if m:
        value = float(m.group(0).replace(",", ""))
        rest = s[m.end():]
        # e.g. 2.5万 / 3千万 / 1.2万余
        while rest:
            if rest.startswith(PROTECTED_UNITS):
                break
            if rest[0] in "余多" and len(rest) > 1 and rest[1] in "十百千万亿":
                yu = True
                rest = rest[1:]
                continue
            if rest[0] in "十百千万亿":
                value *= {"十": 10, "百": 100, "千": 1000, "万": 1e4, "亿": 1e8}[rest[0]]
                rest = rest[1:]
                continue
            break
        if rest[:1] in ("余", "多") and rest[1:2] not in ("", "%"):  # 1000多亩, 300余家
            yu = True
            rest = rest[1:]
        return value, rest, yu
    m = re.match(r"[零〇一二两三四五六七八九十百千万亿余多]+", s)
    if not m:
        return None, s, False
    chunk = m.group(0)
    # keep protected units (千瓦...) out of the numeral
    for p in PROTECTED_UNITS:
        i = s.find(p)
        if 0 < i < m.end():
            chunk = s[:i]
    rest = s[len(chunk):]
    if "余" in chunk or chunk.endswith("多"):
        yu = True
    digits = chunk.replace("余", "").replace("多", "")
    return float(cn_int(digits)), rest, yu


def norm_unit(rest: str) -> Optional[str]:
    rest = rest.strip()
    for w in ("左右", "以上", "以内", "以下", "上下"):
        if rest.endswith(w):
            rest = rest[: -len(w)]
    if rest.startswith("余") or rest.startswith("多"):
        rest = rest[1:]
    rest = UNIT_ALIASES.get(rest, rest)
    return rest or None


def find_qualifier(surface: str) -> Optional[str]:
    for w, q in QUAL_WORDS:
        if w in ("余", "多"):
            continue
        if w in surface:
            return q
    return None


def parse_value(surface: str) -> dict:
    """A value span -> {value, low, high, unit, qualifier}."""
    s = surface.replace("％", "%").replace("—", "-").replace("－", "-").replace("~", "-").replace("～", "-").replace("至", "-")
    core = s
    for w in ("控制在", "不低于", "不少于", "不超过", "不高于", "突破", "超过", "达到", "接近", "约", "超", "近"):
        if core.startswith(w):
            core = core[len(w):]
            break
    qual = find_qualifier(s)
    # range
    m = re.match(r"^([0-9.]+)(%|[^0-9.\-]*)-([0-9.]+)(.*)$", core)
    if m:
        low = float(m.group(1))
        high_v, rest, _ = parse_number(m.group(3) + m.group(4))
        unit_low = m.group(2)
        v_low, _, _ = parse_number(m.group(1) + (unit_low if unit_low != "%" else ""))
        # magnitude of the high bound applies to the low one when the low has none (3-5万人)
        if unit_low in ("", "%"):
            factor = high_v / float(re.match(r"[0-9.]+", m.group(3)).group(0))
            v_low = low * factor
        return {"value": None, "low": v_low, "high": high_v, "unit": norm_unit(rest), "qualifier": qual}
    value, rest, yu = parse_number(core)
    if yu and qual is None:
        qual = "more_than"
    return {"value": value, "low": None, "high": None, "unit": norm_unit(rest), "qualifier": qual}


NEG_WORDS = ("缩短", "压减", "下降", "减少", "回落", "降低", "下滑", "收窄", "减", "降")


def parse_change(surface: str) -> dict:
    """A change span -> {value (signed), unit, low, high, qualifier}.

    '增长9.2%' -> 9.2 %; '下降0.3个百分点' -> -0.3 pp; '增加1.2万人' -> 12000 人.
    """
    s = surface.replace("％", "%").replace("—", "-").replace("－", "-").replace("～", "-").replace("~", "-")
    sign = -1.0 if any(w in s for w in NEG_WORDS) else 1.0
    if "翻一番" in s or "翻了一番" in s:
        return {"value": 100.0, "unit": "%", "low": None, "high": None, "qualifier": None}
    if "翻两番" in s:
        return {"value": 300.0, "unit": "%", "low": None, "high": None, "qualifier": None}
    m = re.search(r"[0-9]|[零〇一二两三四五六七八九十百千]", s)
    if not m:
        return {"value": None, "unit": None}
    body = s[m.start():]
    qual = find_qualifier(s)
    pp = "百分点" in body
    if "倍" in body:  # guideline 2.4: 增长1.5倍 -> +150 %
        v, rest, _ = parse_number(body)
        return {"value": sign * v * 100, "unit": "%", "low": None, "high": None, "qualifier": qual}
    rm = re.match(r"^([0-9.]+)%?-([0-9.]+)(.*)$", body)
    if rm:
        unit = "pp" if pp else ("%" if "%" in body else norm_unit(rm.group(3)))
        return {"value": None, "low": sign * float(rm.group(1)), "high": sign * float(rm.group(2)),
                "unit": unit, "qualifier": qual}
    v, rest, yu = parse_number(body)
    if yu and qual is None:
        qual = "more_than"
    if pp:
        unit = "pp"
    elif rest.startswith("%"):
        unit = "%"
    elif rest.startswith("成"):
        v, unit = v * 10, "%"
    else:
        unit = norm_unit(rest)
    return {"value": sign * v, "unit": unit, "low": None, "high": None, "qualifier": qual}


CN_ORD = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def parse_rank(surface: str) -> dict:
    """'居全市第二' -> {scope: '全市', position: 2}; '居全省首位' -> {scope: '全省', position: 1}."""
    m = re.search(r"(?:居|位居|位列|排名|列|位于|排)?(.*?)(?:排名|排位|排)?第([0-9]+|[一二两三四五六七八九十]+)", surface)
    if not m:
        first = re.search(r"(.*?)(?:首位|榜首)", surface)  # 居全省首位 = first place
        if not first:
            raise ValueError(f"cannot read rank {surface!r}")
        scope = first.group(1)
        for pre in ("稳居", "跃居", "位居", "位列", "居", "列", "在"):
            if scope.startswith(pre):
                scope = scope[len(pre):]
        return {"scope": scope, "position": 1, "text": surface}
    scope = m.group(1)
    for pre in ("稳居", "跃居", "位居", "位列", "排名", "居", "列", "在"):
        if scope.startswith(pre):
            scope = scope[len(pre):]
    for suf in ("排名", "排位", "中", "位次"):
        if scope.endswith(suf):
            scope = scope[: -len(suf)]
    pos = m.group(2)
    position = int(pos) if pos.isdigit() else int(cn_int(pos))
    return {"scope": scope, "position": position, "text": surface}
