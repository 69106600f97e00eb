"""The canonical indicator vocabulary (data/indicators.jsonl): names, synonyms, units, guards.

>>> canonical_id("规上工业增加值"), canonical_id("规上工业总产值"), canonical_id("财政总收入")
('va_industry_above', 'output_industry_above', 'fiscal_total_revenue')
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional


@dataclass(frozen=True)
class Entry:
    """One standard indicator."""

    id: str
    name: str
    synonyms: tuple[str, ...]
    units: tuple[str, ...]
    measure: str  # "rate" | "level"
    not_if: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name,) + self.synonyms


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """id -> :class:`Entry`, in file order."""
    text = resources.files("govnlp").joinpath("data", "indicators.jsonl").read_text(encoding="utf-8")
    out: dict[str, Entry] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        out[d["id"]] = Entry(d["id"], d["name"], tuple(d.get("synonyms", ())), tuple(d.get("units", ())),
                             d.get("measure", "level"), tuple(d.get("not_if", ())), d.get("source", ""))
    return out


@lru_cache(maxsize=1)
def _surface_index() -> tuple[re.Pattern, dict[str, str]]:
    owner: dict[str, str] = {}
    for e in entries().values():
        for s in e.surfaces:
            owner.setdefault(s.lower(), e.id)
    alt = "|".join(re.escape(s) for s in sorted(owner, key=len, reverse=True))
    return re.compile(alt, re.IGNORECASE), owner


def find_names(text: str) -> list[tuple[int, int, str]]:
    """Every vocabulary name in ``text`` as (start, end, id), longest first, not overlapping."""
    pattern, owner = _surface_index()
    out = []
    for m in pattern.finditer(text):
        eid = owner[m.group(0).lower()]
        out.append((m.start(), m.end(), eid))
    return out


@lru_cache(maxsize=4096)
def canonical_id(name: str) -> Optional[str]:
    """The id of the indicator a surface name stands for, or None.

    The longest vocabulary name inside ``name`` decides; an entry's ``not_if`` words guard
    confusable concepts (规上工业 + 企业 is a firm count, not 规上工业增加值).
    """
    if not name or name.startswith("占"):
        return None  # 占一般公共预算支出的80%: a share of something named elsewhere
    _, owner = _surface_index()
    low = name.lower()
    n = len(low)
    best: Optional[tuple[int, int, str]] = None  # (length, start, id)
    longest = _longest_surface()
    # in a share (A占B比重), B is only the denominator: it does not name the indicator
    share_from = name.find("占") if re.search(r"比重|比例|占比", name) else -1
    for i in range(n):
        if 0 <= share_from < i:
            break
        for j in range(min(n, i + longest), i, -1):
            eid = owner.get(low[i:j])
            if eid is None:
                continue
            if any(w in name for w in entries()[eid].not_if):
                continue
            cand = (j - i, i, eid)
            if best is None or cand[:2] > best[:2]:
                best = cand
            break
    return None if best is None else best[2]


@lru_cache(maxsize=1)
def _longest_surface() -> int:
    return max(len(s) for s in _surface_index()[1])


def measure(eid: Optional[str]) -> Optional[str]:
    """"rate" or "level" for an id, None when unknown."""
    e = entries().get(eid) if eid else None
    return e.measure if e else None


# a name holding one of these reads like a clause, not an indicator (上调到, 提议以, 由...降到)
_CLAUSE_CHARS = re.compile(r"[的以由从到至将就在把被可望仍为了对向与和及或等]|\d|[,，、:：]")
_NAME_SUFFIX = re.compile(
    r"(额|量|率|值|数|收入|产值|总值|增加值|产量|面积|人口|人数|比重|比例|投资|总额|规模|利润|税收|"
    r"支出|消费|指数|价格|产能|里程|容量|密度|覆盖率|达标率|排放|就业|贷款|存款|余额|营收|出口|进口)$")


def plausible_name(name: str, canonical: Optional[str] = None) -> bool:
    """A name that reads like an indicator: known to the vocabulary (``canonical``), or of 2-16
    characters, free of clause words and ending like an indicator (额/量/率/收入/增加值...).

    Used to keep confident silver data and to decide when the NER model's name is trusted.
    """
    if not name or not 2 <= len(name) <= 16:
        return False
    if canonical:
        return not re.search(r"[,，:：]", name)
    return _CLAUSE_CHARS.search(name) is None and _NAME_SUFFIX.search(name) is not None


@lru_cache(maxsize=1)
def _name_word_table() -> dict[str, tuple[str, ...]]:
    text = resources.files("govnlp").joinpath("data", "name_verbs.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t")[:2]
        out.setdefault(kind, []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def name_words(kind: str) -> tuple[str, ...]:
    """The words of one kind in data/name_verbs.tsv ("action", "object", "manner", "predicate"),
    in file order; () for an unknown kind.

    >>> "惠及" in name_words("object"), "工作" in name_words("predicate")
    (True, True)
    """
    return _name_word_table().get(kind, ())


__all__ = ["Entry", "entries", "find_names", "canonical_id", "measure", "plausible_name", "name_words"]
