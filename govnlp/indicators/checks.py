"""Plausibility checks on numbers: what looks garbled gets a coded warning (W012), never silence.

>>> from govnlp.numbers import find_quantities
>>> text = "工业投资增长8.1%7.6%。"
>>> [(q.raw, why) for q, why in fused_quantities(text, find_quantities(text))]
[('7.6%', 'fused')]

Three signs: two figures fused where a separator was lost (增长8.1%7.6%), a level whose unit does
not fit the indicator it is linked to (a 率/比重 in 亿元, 人 named 生产总值), and a value that does
not fit in a float (a 400-digit number), which is dropped.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterable, Optional

from ..errors import Warnings
from ..numbers import Quantity
from ..report import Indicator
from . import vocabulary

#: Names that state a share or a rate: their level is a %, ‰ or a plain ratio.
RATE_NAME = re.compile(r"(?:率|比重|占比|比例|增速|增幅|涨幅|降幅)$")
RATE_UNITS = {"%", "‰", "", None}
SAMPLE = 3


def finite(q: Quantity) -> bool:
    """Whether every number of ``q`` is a finite float."""
    return all(v is None or math.isfinite(v) for v in (q.value, q.low, q.high))


def fused_quantities(text: str, quantities: list[Quantity]) -> list[tuple[Quantity, str]]:
    """Quantities that start right where the previous one ends, with no separator (8.1%7.6%)."""
    out = []
    for a, b in zip(quantities, quantities[1:]):
        if (a.unit and b.unit and b.num_start == a.end and not text[a.end - 1].isdigit()
                and text[b.num_start].isdigit() and (a.unit == b.unit or a.unit in ("%", "‰"))):
            # 8.1%7.6%, 100%45家; not 14宗888亩 (two counts of one thing)
            out.append((b, "fused"))
    return out


@lru_cache(maxsize=1)
def _allowed_bases() -> dict[str, frozenset]:
    """Canonical id -> the base units its vocabulary entry allows (亿元 -> 元, 万人 -> 人)."""
    from .tables import unit_scale

    out = {}
    for e in vocabulary.entries().values():
        bases = set()
        for u in e.units:
            if u in ("ratio", "pp"):
                bases.add("")
                continue
            scaled = unit_scale(u)
            if scaled is not None:
                bases.add(scaled[1])
        if bases:
            out[e.id] = frozenset(bases)
    return out


def unit_misfit(ind: Indicator) -> Optional[str]:
    """Why the level's unit does not fit the name (None when it fits or cannot be judged)."""
    if ind.value is None and ind.low is None:
        return None
    if ind.name and RATE_NAME.search(ind.name) and ind.unit not in RATE_UNITS:
        return f"a rate in {ind.unit}"
    allowed = {_unit_class(u) for u in _allowed_bases().get(ind.canonical or "", ())}
    mine = _unit_class(ind.unit)
    if allowed and allowed <= {"money", "percent"} and mine not in allowed:
        return f"{ind.unit} for {ind.canonical}"  # 人 named 生产总值
    if allowed == {"percent"} and mine == "money":
        return f"{ind.unit} for {ind.canonical}"
    return None


def _unit_class(unit: Optional[str]) -> str:
    """money, percent or count: the classes a unit misfit is judged by (counts among themselves
    are not judged: 人 and 人次, 项 and 个 are written for one another)."""
    if unit in ("元", "美元"):
        return "money"
    if unit in ("%", "‰", "", None):
        return "percent"
    return "count"


def garbled_warning(text: str, fused: Iterable[tuple[Quantity, str]], overflow: Iterable[Quantity],
                    indicators: Iterable[Indicator]) -> Optional[str]:
    """One W012 warning listing what looks garbled, or None when nothing does."""
    notes = [f"{q.raw!r} at {q.start} ({why})" for q, why in fused]
    notes += [f"{text[q.num_start:q.num_start + 12]!r}… at {q.start} (overflow)" for q in overflow]
    for ind in indicators:
        why = unit_misfit(ind)
        if why:
            at = (ind.spans or {}).get("value") or ind.sentence
            notes.append(f"{ind.name}={text[at[0]:at[1]]!r} at {at[0]} ({why})")
    if not notes:
        return None
    return Warnings.W012.format(n=len(notes), sample="; ".join(notes[:SAMPLE]) + ("; …" if len(notes) > SAMPLE else ""))


__all__ = ["finite", "fused_quantities", "unit_misfit", "garbled_warning"]
