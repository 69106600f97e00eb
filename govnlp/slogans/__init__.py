"""Slogan stage: numbered slogans and abbreviations (六稳, 放管服, “五型”政府) and what they stand for.

>>> from govnlp.report import Report, Meta
>>> r = Report(text="全面做好“六稳”工作。", meta=Meta(year=2020))
>>> [(s.text, s.expansion[0], s.provenance) for s in find_slogans(r)]
[('六稳', '稳就业', 'lexicon')]

Modules: ``detect`` (mentions; tables govnlp/data/counted_nouns.tsv and slogan_heads.tsv),
``definitions`` (the report's own 注释 and inline definitions), ``items`` (numeral counts and
enumeration splitting), ``lexicon`` (govnlp/data/slogans.jsonl: readings with region, period
and cues, and the choice among them), ``resolve`` (the order of trust), ``cli``
(``govnlp slogans FILE [--json] [--lexicon PATH]``).

Choices (see docs/annotation.md 4.1): counts (三所幼儿园, 两个项目, 一个百分点), ordinals
(第三产业), period, meeting and holiday names (十三五, 两会, 五一) are not slogans; 两会 names
the annual sessions, not a list formula. A code (12345, 03专项) is a slogan only when the
report spells out its parts (3+5+X). Glossary terms that name campaigns or institutions
(项目建设提速年, 普惠性幼儿园) or count ordinary things (四个老城区) are read but not reported as
slogans. docs/slogans.md describes the forms, the resolution order and the lexicon format.
"""
from __future__ import annotations

from typing import Optional

from ..report import Report, Slogan
from .lexicon import Lexicon, Reading, load_lexicon
from .resolve import resolve


def find_slogans(report: Report, lexicon: Optional[str] = None) -> list[Slogan]:
    """Every slogan mention in ``report.text`` with its expansion (None when unknown).

    ``lexicon`` is the path of an extra JSONL lexicon (same format as govnlp/data/slogans.jsonl);
    its readings win ties over the bundled ones.
    """
    return resolve(report, load_lexicon(lexicon))


__all__ = ["find_slogans", "load_lexicon", "Lexicon", "Reading"]
