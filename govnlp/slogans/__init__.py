"""Slogan stage: numbered slogans and abbreviations (六稳, 放管服, “五型”政府) and what they stand for.

>>> from govnlp.report import Report, Meta
>>> r = Report(text="全面做好“六稳”工作。", meta=Meta(year=2020))
>>> [(s.text, s.expansion[0], s.provenance) for s in find_slogans(r)]
[('六稳', '稳就业', 'lexicon')]

Modules: ``detect`` (mentions), ``definitions`` (the report's own 注释 and inline definitions),
``lexicon`` (bundled readings with region and period), ``resolve`` (the order of trust),
``cli`` (``govnlp slogans FILE``).
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
