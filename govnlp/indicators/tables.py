"""Flattened indicator tables: a header line with a 单位 column, then one row per indicator.

    附表：2022年主要经济社会发展指标完成情况
    指标名称 单位 绝对值 比上年增长（%）
    地区生产总值 亿元 2003.4 6.2
    城镇调查失业率 % 4.1 —

Each row becomes one :class:`~govnlp.indicators.linker.Draft` (name, value in the base unit,
change in %), with the kind taken from the caption (目标/预期/计划 -> target).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..numbers import MAGNITUDES, units
from ..report import Change
from . import vocabulary
from .linker import Draft

CELL = re.compile(r"[^\s|｜\t]+")
HEADER_NAME = re.compile(r"^(?:指标名称|指标|项目|名称|主要指标)$")
HEADER_UNIT = re.compile(r"^(?:单位|计量单位)$")
HEADER_CHANGE = re.compile(r"增长|增速|增幅|增减|比上年|同比|±")
HEADER_VALUE = re.compile(r"绝对值|总量|数值|完成|实绩|目标|预期|计划|预计|规模|金额|值|数")
TARGET_CAPTION = re.compile(r"目标|预期|计划")
EMPTY = {"—", "-", "--", "——", "/", "…", "－"}


def _number(tok: str) -> Optional[float]:
    tok = tok.replace(",", "").replace("－", "-").replace("—", "-") if tok not in EMPTY else ""
    try:
        return float(tok)
    except ValueError:
        return None


def unit_scale(text: str) -> Optional[tuple[float, Optional[str]]]:
    """(factor, base unit) of a unit cell: 亿元 -> (1e8, "元"), % -> (1, "%"), 万人 -> (1e4, "人")."""
    if text in ("%", "％"):
        return 1.0, "%"
    if text == "‰":
        return 1.0, "‰"
    factor = 1.0
    for mag in sorted(MAGNITUDES, key=len, reverse=True):
        if text.startswith(mag) and text[len(mag):] in units():
            factor, text = MAGNITUDES[mag], text[len(mag):]
            break
    u = units().get(text)
    if u is None:
        return None
    return factor * u.factor, u.base


def find_tables(text: str) -> list[tuple[int, int, list[Draft], str]]:
    """Every table as (start, end, drafts, caption)."""
    out = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(lines):
        s, e = lines[i]
        cells = [(m.group(0), m.start(), m.end()) for m in CELL.finditer(text, s, e)]
        roles = _roles([c[0] for c in cells])
        if roles is None:
            i += 1
            continue
        caption = ""
        if i > 0:
            ps, pe = lines[i - 1]
            caption = text[ps:pe]
        drafts: list[Draft] = []
        j = i + 1
        while j < len(lines):
            rs, re_ = lines[j]
            row = [(m.group(0), m.start(), m.end()) for m in CELL.finditer(text, rs, re_)]
            d = _row(row, roles, text)
            if d is None:
                break
            drafts.append(d)
            j += 1
        if drafts:
            out.append((s, lines[j - 1][1], drafts, caption))
            i = j
        else:
            i += 1
    return out


def _roles(header: list[str]) -> Optional[dict[str, int]]:
    if len(header) < 3:
        return None
    roles: dict[str, int] = {}
    for k, h in enumerate(header):
        if "name" not in roles and HEADER_NAME.match(h):
            roles["name"] = k
        elif "unit" not in roles and HEADER_UNIT.match(h):
            roles["unit"] = k
        elif "change" not in roles and HEADER_CHANGE.search(h):
            roles["change"] = k
        elif "value" not in roles and HEADER_VALUE.search(h):
            roles["value"] = k
    if "unit" not in roles or ("value" not in roles and "change" not in roles):
        return None
    roles.setdefault("name", 0)
    roles["n"] = len(header)
    return roles


_NUM_CELL = r"-?\d[\d,]*(?:\.\d+)?|—|-|－|/"


@lru_cache(maxsize=1)
def _glued() -> re.Pattern:
    unit_alt = "|".join(re.escape(u) for u in sorted(units(), key=len, reverse=True))
    mag_alt = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
    return re.compile(rf"(?P<name>[^\d\s%]+?)\s*(?P<unit>(?:{mag_alt})?(?:{unit_alt})|%|‰)\s*"
                      rf"(?P<a>{_NUM_CELL})(?:\s+(?P<b>{_NUM_CELL}))?\s*$")


def _unglue(text: str, row: list[tuple[str, int, int]], roles: dict[str, int]) -> Optional[list]:
    """规模以上工业增加值亿元672.1 9.7 (spaces lost in normalisation) -> the four cells."""
    order = sorted((k for k in ("name", "unit", "value", "change") if k in roles), key=roles.get)
    if not row or order[:2] != ["name", "unit"] or roles["n"] != len(order):
        return None
    s, e = row[0][1], row[-1][2]
    m = _glued().match(text, s, e)
    if m is None:
        return None
    cells = [(m.group(g), m.start(g), m.end(g)) for g in ("name", "unit", "a", "b") if m.group(g) is not None]
    return cells if len(cells) == roles["n"] else None


def _row(row: list[tuple[str, int, int]], roles: dict[str, int], text: str = "") -> Optional[Draft]:
    if len(row) != roles["n"]:
        row = _unglue(text, row, roles) if text else None
        if row is None:
            return None
    name, ns, ne = row[roles["name"]]
    scale = unit_scale(row[roles["unit"]][0])
    if scale is None and row[roles["unit"]][0] not in EMPTY:
        return None
    factor, base = scale if scale else (1.0, None)
    d = Draft(name=name, name_span=(ns, ne), canonical=vocabulary.canonical_id(name))
    if "value" in roles:
        tok, vs, ve = row[roles["value"]]
        v = _number(tok)
        if v is None and tok not in EMPTY:
            return None
        if v is not None:
            d.value = float(f"{v * factor:.12g}")
            d.unit = base
            d.value_span = (vs, ve)
            d.anchor = vs
    if "change" in roles:
        tok, cs, ce = row[roles["change"]]
        c = _number(tok)
        if c is None and tok not in EMPTY:
            return None
        if c is not None:
            d.change = Change(value=c, unit="%", basis="yoy", text=tok)
            d.change_span = (cs, ce)
            d.anchor = d.anchor or cs
    return d


__all__ = ["find_tables", "unit_scale"]
