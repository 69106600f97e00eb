"""Baselines scored side by side with govnlp on the quantity part (indicators only).

- ``regex``: a plain regular-expression number extractor (Arabic digits with a magnitude word and
  a unit; a growth verb in front makes it a change; no Chinese numerals, no kinds, no periods).
- ``jionlp``: JioNLP's ``jionlp.ner.extract_money`` (money only; keeps 余/近/超 as ranges).
- ``recognizers``: Microsoft Recognizers-Text, Chinese culture (numbers with units, currency,
  percentages; release 1.0.2a2 imports only with ``emoji<2``).

The last two are optional (``pip install govnlp[baselines]``); :func:`get_baseline` raises
ImportError when one is missing and the benchmark prints a note instead.

>>> report = regex_pipeline("全年实现地区生产总值366.5亿元，增长6.5%。")
>>> [(i.name, i.value, i.unit, i.change.value) for i in report.indicators]
[('地区生产总值', 36650000000.0, '元', 6.5)]
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from ..report import Change, Indicator, Report
from .scorer import _char_key

MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6,
              "十万": 1e5, "万": 1e4, "千": 1e3}
# surface unit -> base unit (longest surface first when matching)
UNITS = {
    "个百分点": "pp", "%": "%", "‰": "‰", "美元": "美元", "元": "元", "人次": "人次", "人": "人",
    "户": "户", "个": "个", "家": "家", "项": "项", "件": "件", "条": "条", "所": "所", "座": "座",
    "套": "套", "场": "场", "批": "批", "台": "台", "辆": "辆", "亩": "亩", "公顷": "公顷",
    "平方公里": "平方公里", "平方千米": "平方公里", "平方米": "平方米", "公里": "公里", "千米": "公里",
    "立方米": "立方米", "吨": "吨", "千瓦时": "千瓦时", "千瓦": "千瓦", "标准箱": "标准箱", "标箱": "标准箱",
    "微克/立方米": "微克/立方米", "名": "人", "位": "人",
}
UP = ("增长", "增加", "提高", "上升", "提升", "增速")
DOWN = ("下降", "减少", "降低", "回落", "下滑")
BEFORE_QUALIFIERS = {"控制在": "at_most", "约": "approx", "近": "nearly", "接近": "nearly", "超过": "at_least",
                     "突破": "at_least", "超": "at_least", "不足": "less_than", "不到": "less_than"}
AFTER_QUALIFIERS = {"以上": "at_least", "左右": "approx", "以内": "at_most", "以下": "at_most"}
VERBS = ("实现", "完成", "达到", "达", "为", "突破", "超过", "累计", "共", "约", "近", "分别", "和",
         "增长", "增加", "提高", "下降", "减少", "同比", "比上年", "较上年", "控制在", "保持在", "力争")
SCOPES = ("全区", "全市", "全省", "全县", "全国", "我区", "我市", "全年", "其中")

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MAG = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?P<low>{_NUM})(?:%|％)?\s*[-—~～至到]\s*(?P<high>{_NUM})\s*(?P<rmag>{_MAG})?(?P<runit>{_UNIT})"
    rf"|(?P<num>{_NUM})\s*(?P<q1>余|多)?(?P<mag>{_MAG})?(?P<q2>余|多)?(?P<unit>{_UNIT})")


def _float(s: str) -> float:
    return float(s.replace(",", ""))


def _name_before(key: str, start: int) -> tuple[str, Optional[list[int]]]:
    """The CJK words between the previous clause break and ``start``, verbs and scope dropped."""
    left = start
    while left > 0 and "\u4e00" <= key[left - 1] <= "\u9fff" and start - left < 30:
        left -= 1
    s, e = left, start
    changed = True
    while changed and e > s:
        changed = False
        for w in sorted(VERBS, key=len, reverse=True):
            if key[s:e].endswith(w):
                e -= len(w)
                changed = True
                break
        for w in SCOPES + VERBS:
            if key[s:e].startswith(w):
                s += len(w)
                changed = True
        while e > s and not ("\u4e00" <= key[e - 1] <= "\u9fff"):
            e -= 1
            changed = True
        while s < e and not ("\u4e00" <= key[s] <= "\u9fff"):
            s += 1
            changed = True
    return (key[s:e], [s, e]) if e > s else ("", None)


def regex_indicators(text: str) -> list[Indicator]:
    """Every number with a unit, read by one regular expression (see the module docstring)."""
    key = "".join(_char_key(c) for c in text)  # NFKC digits + simplified, same length as text
    out: list[Indicator] = []
    last_end = -10
    for m in QUANTITY.finditer(key):
        start, end = m.start(), m.end()
        before = key[max(0, start - 4):start]
        verb = next((v for v in UP + DOWN if before.endswith(v)), None)
        qualifier = next((q for w, q in BEFORE_QUALIFIERS.items() if before.endswith(w)), None)
        after = key[end:end + 2]
        if after in AFTER_QUALIFIERS:
            qualifier = AFTER_QUALIFIERS[after]
            end += 2
        if m.group("num"):
            unit = UNITS[m.group("unit")]
            value = _float(m.group("num")) * MAGNITUDES.get(m.group("mag") or "", 1.0)
            low = high = None
            if m.group("q1") or m.group("q2"):
                qualifier = "more_than"
        else:
            unit = UNITS[m.group("runit")]
            mag = MAGNITUDES.get(m.group("rmag") or "", 1.0)
            value, low, high = None, _float(m.group("low")) * mag, _float(m.group("high")) * mag
        if verb is not None and value is not None:
            sign = -1.0 if verb in DOWN else 1.0
            change = Change(sign * value, unit, None, key[start - len(verb):end])
            change_span = [start - len(verb), end]
            gap = key[last_end:start - len(verb)] if out else ""
            if out and out[-1].change is None and gap.strip("，, 同比比上年较上年") == "" \
                    and out[-1].value is not None:
                out[-1].change = change          # 366.5亿元，增长6.5% -> one record
                out[-1].spans["change"] = change_span
                last_end = end
                continue
            name, name_span = _name_before(key, start - len(verb))
            out.append(Indicator(name=name, change=change, qualifier=qualifier,
                                 spans={"name": name_span, "value": None, "change": change_span}))
        else:
            name, name_span = _name_before(key, start)
            out.append(Indicator(name=name, value=value, low=low, high=high, unit=unit,
                                 qualifier=qualifier,
                                 spans={"name": name_span, "value": [start, end], "change": None}))
        last_end = end
    return out


def merge_changes(indicators: list[Indicator], text: str) -> list[Indicator]:
    """Fold a change-only record into the level just before it (366.5亿元，增长6.5%)."""
    out: list[Indicator] = []
    for ind in indicators:
        prev = out[-1] if out else None
        if (prev is not None and ind.value is None and ind.low is None and ind.change is not None
                and prev.change is None and prev.value is not None and prev.spans.get("value")
                and ind.spans.get("change")):
            gap = text[prev.spans["value"][1]:ind.spans["change"][0]]
            if gap.strip("，, 同比比上年较上年") == "":
                prev.change, prev.spans["change"] = ind.change, ind.spans["change"]
                continue
        out.append(ind)
    return out


def regex_pipeline(text: str) -> Report:
    """The plain-regex baseline as a pipeline: the text unchanged, indicators only."""
    return Report(text=text, indicators=regex_indicators(text))


# ---- optional peers ---------------------------------------------------------------------------
def jionlp_pipeline() -> Callable[[str], Report]:
    """JioNLP ``extract_money`` as a pipeline (money only). Raises ImportError if missing."""
    import jionlp  # noqa: F401  (import error is the signal)

    def run(text: str) -> Report:
        indicators = []
        for item in jionlp.ner.extract_money(text, with_parsing=True):
            detail = item.get("detail") or {}
            num, unit = detail.get("num"), detail.get("case") or "元"
            s, e = item["offset"]
            ind = Indicator(name="", unit=unit, spans={"name": None, "value": [s, e], "change": None})
            if isinstance(num, (list, tuple)):
                ind.low, ind.high = float(num[0]), float(num[1])
            elif num is not None:
                ind.value = float(num)
            else:
                continue
            name, name_span = _name_before(text, s)
            ind.name, ind.spans["name"] = name, name_span
            indicators.append(ind)
        return Report(text=text, indicators=indicators)

    return run


# Recognizers-Text unit names -> our base units
_RT_UNITS = {"Chinese yuan": "元", "United States dollar": "美元", "Percentage": "%",
             "Kilometer": "公里", "Meter": "米", "Square kilometer": "平方公里",
             "Square meter": "平方米", "Ton": "吨", "Hectare": "公顷", "Mu": "亩"}


def recognizers_pipeline() -> Callable[[str], Report]:
    """Recognizers-Text (Chinese culture) as a pipeline. Raises ImportError if missing."""
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_number import NumberRecognizer
    from recognizers_text import Culture

    culture = Culture.Chinese
    units = NumberWithUnitRecognizer(culture)
    numbers = NumberRecognizer(culture)
    models = [units.get_currency_model(), units.get_dimension_model(),
              numbers.get_percentage_model()]

    def run(text: str) -> Report:
        indicators = []
        for model in models:
            for r in model.parse(text):
                res = r.resolution or {}
                raw_value = res.get("value")
                if raw_value in (None, ""):
                    continue
                try:
                    value = float(str(raw_value).rstrip("%").replace(",", ""))
                except ValueError:
                    continue
                unit = "%" if r.type_name == "percentage" else _RT_UNITS.get(res.get("unit", ""), res.get("unit"))
                s, e = r.start, r.end + 1  # Recognizers-Text ends are inclusive
                name, name_span = _name_before(text, s)
                before = text[max(0, s - 4):s]
                verb = next((v for v in UP + DOWN if before.endswith(v)), None)
                if verb is not None and unit == "%":
                    sign = -1.0 if verb in DOWN else 1.0
                    name, name_span = _name_before(text, s - len(verb))
                    indicators.append(Indicator(
                        name=name, change=Change(sign * value, "%", None, text[s - len(verb):e]),
                        spans={"name": name_span, "value": None, "change": [s - len(verb), e]}))
                else:
                    indicators.append(Indicator(name=name, value=value, unit=unit,
                                                spans={"name": name_span, "value": [s, e], "change": None}))
        indicators.sort(key=lambda i: (i.spans["value"] or i.spans["change"])[0])
        return Report(text=text, indicators=merge_changes(indicators, text))

    return run


BASELINES = ("regex", "jionlp", "recognizers")


def get_baseline(name: str) -> Callable[[str], Report]:
    """A baseline pipeline by name; ImportError when its optional package is not installed."""
    if name == "regex":
        return regex_pipeline
    if name == "jionlp":
        return jionlp_pipeline()
    if name == "recognizers":
        return recognizers_pipeline()
    raise ValueError(f"unknown baseline {name!r}; choose one of {BASELINES}")
