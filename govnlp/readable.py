"""Numbers as a reader of a report writes them: 36651000000.0 元 -> 366.51亿元.

>>> readable(36651000000.0, "元"), readable(13500.0, "人"), readable(6.5, "%"), readable(88.0, "家")
('366.51亿元', '1.35万人', '6.5%', '88家')
>>> readable_change(-0.8, "pp"), readable_change(6.5, "%"), readable_change(-35000.0, "吨")
('下降0.8个百分点', '增长6.5%', '减少3.5万吨')
"""
from __future__ import annotations

from typing import Optional

# units whose values are written with 万/亿 once they are large; percentages and ratios never are
_NO_MAGNITUDE = {"%", "‰", "pp", "", "岁", "微克/立方米"}


def _trim(x: float, digits: int = 2) -> str:
    s = f"{x:,.{digits}f}".rstrip("0").rstrip(".")
    return s.replace(",", "") if abs(x) < 10000 else s


def readable(value: Optional[float], unit: Optional[str]) -> str:
    """``value`` in base ``unit`` written with 亿/万 as reports do ("" for None)."""
    if value is None:
        return ""
    unit = unit or ""
    if unit == "pp":
        return f"{_trim(value)}个百分点"
    if unit in _NO_MAGNITUDE:
        return f"{_trim(value)}{unit}"
    a = abs(value)
    if a >= 1e12:
        return f"{_trim(value / 1e12)}万亿{unit}"
    if a >= 1e8:
        return f"{_trim(value / 1e8)}亿{unit}"
    if a >= 1e4:
        return f"{_trim(value / 1e4)}万{unit}"
    return f"{_trim(value)}{unit}"


def readable_range(low: Optional[float], high: Optional[float], unit: Optional[str]) -> str:
    """A range as 8%–8.5% ("" when either end is missing)."""
    if low is None or high is None:
        return ""
    return f"{readable(low, unit)}–{readable(high, unit)}"


def readable_change(value: Optional[float], unit: Optional[str]) -> str:
    """A signed change as a verb phrase: 增长6.5%, 下降0.8个百分点, 减少3.5万吨."""
    if value is None:
        return ""
    rate = unit in ("%", "pp", "‰")
    verb = ("增长" if rate else "增加") if value >= 0 else ("下降" if rate else "减少")
    return verb + readable(abs(value), unit)


__all__ = ["readable", "readable_range", "readable_change"]
