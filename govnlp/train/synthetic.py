"""A synthetic NER corpus: report-style sentences written from the indicator vocabulary.

The benchmark's train split is small and the silver data (govnlp.train.silver) can only teach
what the rules already do. This module writes sentences the way work reports state figures,
with exact role spans, from two data files: the indicator vocabulary
(``govnlp/data/indicators.jsonl``: names, synonyms, units) and counted things
(``govnlp/data/synthetic_objects.tsv``). Patterns covered, each with the span conventions of
docs/annotation.md (VALUE keeps 约/近/超过/以上/左右/以内, CHANGE keeps its verb but not 同比 or a
trailing 左右, a RANK is 居全省第二):

* level and change: 地区生产总值达到3427.8亿元，同比增长4.7%
* change alone, a share: 高技术制造业投资占工业投资比重提高2.1个百分点
* level, change and rank: 一般公共预算收入44.9亿元，增长9.2%，增速居全市第二
* distributive lists: A、B分别增长9.1%、10.3% / A46109元、B20897元，分别增长4.8%和6.3%
* counted things before or after the number: 新建改扩建中小学校18所 / 新培育专精特新企业12家
* targets: 地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内
* Chinese numerals (五百亿元, 三千个) and number-free filler clauses.

Every sentence is produced by :func:`generate`, reproducibly from a seed.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from govnlp.ner.labels import spans_to_tags

_FILLERS = ("经济运行稳中向好", "发展质量稳步提升", "结构调整持续优化", "民生福祉不断增进",
            "各项事业全面进步", "改革开放纵深推进", "创新动能加快集聚", "营商环境持续优化",
            "生态环境明显改善", "城乡面貌焕然一新", "重点领域风险有效化解", "社会大局和谐稳定")
_OPENERS = ("", "", "", "全年", "过去一年，", "上半年，", "今年以来，", "{year}年，", "一年来，",
            "预计全年", "2022年全年", "前三季度，")
_TARGET_OPENERS = ("今年经济社会发展主要预期目标是：", "{year}年主要目标是：", "力争", "确保", "")
_LEVEL_VERBS = ("", "", "达到", "实现", "完成", "为", "达")
_UP = ("增长", "增长", "增长", "提高", "上升")
_DOWN = ("下降", "减少", "降低")
_BASIS = ("", "", "同比", "比上年", "较上年")
_SCOPES = ("全省", "全市", "全国", "全区", "同类城市")
_ORDINALS = "一二三四五六七八九十"
_SHARE_ENDINGS = ("率", "比重", "比例", "占比", "强度", "覆盖率", "指数")


@dataclass
class Piece:
    """A run of text with an optional role."""

    text: str
    role: Optional[str] = None


def _vocabulary() -> list[dict]:
    path = resources.files("govnlp") / "data" / "indicators.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _objects() -> list[tuple[str, str, int, int, list[str]]]:
    path = resources.files("govnlp") / "data" / "synthetic_objects.tsv"
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (5 - len(cols))
            verbs = [v for v in cols[4].split(",") if v]
            out.append((cols[0], cols[1], int(cols[2]), int(cols[3]), verbs))
    return out


class Writer:
    """Writes labelled sentences; ``rng`` decides every choice."""

    def __init__(self, seed: int = 0):
        self.rng = random.Random(seed)
        self.levels, self.rates = [], []
        for entry in _vocabulary():
            names = [entry["name"], *entry.get("synonyms", [])]
            names = [n for n in names if 2 <= len(n) <= 18 and n.isascii() is False]
            units = [u for u in entry.get("units", []) if u == "%" or not u.isascii()]
            if not names or not units:
                continue
            shares = [n for n in names if n.endswith(_SHARE_ENDINGS)]
            if shares:
                self.rates.append((shares, ["%"]))
            names = [n for n in names if n not in shares]
            amounts = [u for u in units if u != "%"]
            if names and (entry.get("measure") == "rate" or not amounts):
                self.rates.append((names, ["%"]))
            elif names:
                self.levels.append((names, amounts))
        self.objects = _objects()

    # -- numbers -------------------------------------------------------------------------
    def number(self, low: float, high: float, decimals: int) -> str:
        x = self.rng.uniform(low, high)
        return f"{x:.{decimals}f}" if decimals else str(int(round(x)))

    def chinese(self, n: int) -> Optional[str]:
        """A round integer written in Chinese numerals (三千, 五百), or None."""
        try:
            import cn2an
        except ImportError:
            return None
        return cn2an.an2cn(str(n)) if n > 0 else None

    def amount(self, unit: str) -> str:
        r = self.rng
        if unit in ("亿元", "亿美元", "亿斤", "亿千瓦", "万亿元"):
            return self.number(1, 3000 if unit == "亿元" else 60, r.choice((1, 1, 2))) + unit
        if unit in ("万元", "万吨", "万人", "万立方米", "万户", "万亩"):
            return self.number(0.5, 900, r.choice((0, 1, 2))) + unit
        if unit in ("元", "美元"):
            return self.number(12000, 90000, 0) + unit
        if unit == "%":
            return self.number(0.5, 99, 1) + "%"
        return self.number(2, 900, r.choice((0, 1))) + unit

    def qualified(self, amount: str) -> str:
        r = self.rng.random()
        if r < 0.08:
            return "约" + amount
        if r < 0.14:
            return "近" + amount
        if r < 0.2:
            return "超过" + amount
        if r < 0.3:
            return amount + "以上"
        return amount

    def change(self, pp: bool = False) -> str:
        r = self.rng
        verb = r.choice(_DOWN) if r.random() < 0.15 else r.choice(_UP)
        if pp or r.random() < 0.1:
            return verb + self.number(0.1, 5, 1) + "个百分点"
        if r.random() < 0.05:
            return r.choice(("翻一番", "增长1倍", "增长2.3倍"))
        return verb + self.number(0.2, 30, r.choice((0, 1, 1))) + "%"

    def rank(self) -> str:
        return "居" + self.rng.choice(_SCOPES) + "第" + self.rng.choice(_ORDINALS[:5])

    # -- clauses -------------------------------------------------------------------------
    def level_clause(self) -> list[Piece]:
        r = self.rng
        names, units = r.choice(self.levels)
        name, unit = r.choice(names), r.choice(units)
        out = [Piece(name, "NAME"), Piece(r.choice(_LEVEL_VERBS))]
        out.append(Piece(self.qualified(self.amount(unit)), "VALUE"))
        roll = r.random()
        if roll < 0.6:
            out += [Piece("，" + r.choice(_BASIS)), Piece(self.change(), "CHANGE")]
            if r.random() < 0.2:
                out += [Piece("，" + r.choice(("增速", "总量", ""))), Piece(self.rank(), "RANK")]
        return out

    def rate_clause(self) -> list[Piece]:
        r = self.rng
        names, _ = r.choice(self.rates)
        name = r.choice(names)
        if name.endswith(_SHARE_ENDINGS) and r.random() < 0.6:
            out = [Piece(name, "NAME"), Piece(r.choice(("达到", "为", "", "保持在")))]
            out.append(Piece(self.qualified(self.amount("%")), "VALUE"))
            if r.random() < 0.4:
                out += [Piece("，" + r.choice(_BASIS)), Piece(self.change(pp=True), "CHANGE")]
            return out
        return [Piece(name, "NAME"), Piece(r.choice(_BASIS)), Piece(self.change(), "CHANGE")]

    def count_clause(self) -> list[Piece]:
        r = self.rng
        name, unit, low, high, verbs = r.choice(self.objects)
        n = int(r.uniform(low, high))
        if high <= 1000 and r.random() < 0.15 and (text := self.chinese(round(n, -1) or n)):
            value = text + unit
        elif n >= 10000 and r.random() < 0.5:
            value = self.number(n / 10000 * 0.9, n / 10000 * 1.1, 1) + "万" + unit
        else:
            value = str(n) + unit
        value = self.qualified(value)
        verb = r.choice(verbs) if verbs else ""
        if verb and r.random() < 0.5:   # 新培育12家专精特新企业: the verb stays outside
            return [Piece(verb), Piece(value, "VALUE"), Piece(name, "NAME")]
        if verb.startswith(("新", "净")):  # 新增学位2.6万个: a 新- verb belongs to the name
            return [Piece(verb + name, "NAME"), Piece(value, "VALUE")]
        return [Piece(verb), Piece(name, "NAME"), Piece(value, "VALUE")]

    def list_clause(self) -> list[Piece]:
        """Two or three names, then as many changes (or levels then changes), 分别 in between."""
        r = self.rng
        k = 2 if r.random() < 0.8 else 3
        rows = r.sample(self.levels, k) if r.random() < 0.5 else r.sample(self.rates + self.levels, k)
        names = [r.choice(n) for n, _ in rows]
        out: list[Piece] = []
        if r.random() < 0.5:
            for i, nm in enumerate(names):
                out.append(Piece(nm, "NAME"))
                if i < k - 1:
                    out.append(Piece("、" if i < k - 2 or r.random() < 0.6 else "和"))
            out.append(Piece(r.choice(("分别", "分别", "分别同比"))))
            for i in range(k):
                out.append(Piece(self.change(), "CHANGE"))
                if i < k - 1:
                    out.append(Piece("、" if i < k - 2 or r.random() < 0.6 else "和"))
        else:
            rows = r.sample(self.levels, k)
            names = [r.choice(n) for n, _ in rows]
            units = [r.choice(us) for _, us in rows]
            for i, (nm, unit) in enumerate(zip(names, units)):
                out += [Piece(nm, "NAME"), Piece(self.amount(unit), "VALUE")]
                if i < k - 1:
                    out.append(Piece("、"))
            out.append(Piece("，分别" + r.choice(("", "增长", "同比增长"))))
            head = out[-1].text.endswith("增长")
            for i in range(k):
                ch = self.change()
                if head and ch.startswith("增长"):
                    ch = ch[2:]
                out.append(Piece(ch, "CHANGE"))
                if i < k - 1:
                    out.append(Piece("、" if r.random() < 0.5 else "和"))
        return out

    def target_clause(self) -> list[Piece]:
        r = self.rng
        if r.random() < 0.5:
            names, _ = r.choice(self.levels)
            out = [Piece(r.choice(names), "NAME"), Piece(self.change(), "CHANGE")]
            return out + [Piece(r.choice(("左右", "以上", "", "")))]
        names, _ = r.choice(self.rates)
        return [Piece(r.choice(names), "NAME"), Piece(r.choice(("控制在", "保持在", "达到"))),
                Piece(self.amount("%") + r.choice(("以内", "左右", "以上", "")), "VALUE")]

    def sentence(self) -> list[Piece]:
        r = self.rng
        year = str(r.randint(2016, 2025))
        target = r.random() < 0.2
        makers = ([self.target_clause] if target else
                  [self.level_clause, self.level_clause, self.rate_clause, self.count_clause,
                   self.list_clause])
        out = [Piece(r.choice(_TARGET_OPENERS if target else _OPENERS).format(year=year))]
        for i in range(r.choice((1, 1, 2, 2, 3))):
            if i:
                out.append(Piece(r.choice(("，", "，", "；", "，其中"))))
            out += r.choice(makers)()
        if r.random() < 0.25:
            out.insert(1, Piece(r.choice(_FILLERS) + "，"))
        out.append(Piece(r.choice(("。", "。", "；", ""))))
        return out


def to_example(pieces: list[Piece], source: str = "synthetic") -> dict:
    """Characters and IOB2 tags of a sentence made of pieces."""
    text, spans, pos = "", [], 0
    for p in pieces:
        if p.role and p.text:
            spans.append((p.role, pos, pos + len(p.text)))
        text += p.text
        pos += len(p.text)
    return {"chars": text, "tags": spans_to_tags(len(text), spans), "source": source}


def generate(n: int, seed: int = 0) -> list[dict]:
    """``n`` synthetic sentence examples (chars, IOB2 tags, source="synthetic")."""
    writer = Writer(seed)
    return [to_example(writer.sentence()) for _ in range(n)]
