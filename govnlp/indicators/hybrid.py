"""Indicators proposed by the NER model, alone ("model") or merged with the rules ("hybrid").

The model reads only number-bearing sentences (govnlp.ner.number_sentences) and tags four
roles: NAME, VALUE, CHANGE, RANK. Inside a sentence the roles are linked left to right:

* a NAME opens a new pending indicator;
* a VALUE fills the pending indicator if it has no value and no change yet, otherwise it
  opens a new indicator with the same name (lists such as 分别 / 其中);
* a CHANGE fills the last indicator if it has no change yet and no NAME came in between,
  otherwise it opens a new one with the current name;
* a RANK attaches to the last indicator.

Values are never read by the model: the number grammar (govnlp.numbers) normalises the text
of each VALUE / CHANGE span, and a span it cannot read is dropped.

Hybrid merge rule (the rules are exact where a pattern applies, the model generalises names):

1. a rule indicator and a model indicator are the same quantity when their anchors (value
   span, else change span) overlap; the rule record is kept, ``source="both"``; when the rules
   found no name, the model's name (and name span) is taken;
2. a rule indicator the model did not find is kept, ``source="rules"``;
3. a model indicator the rules did not find is added, ``source="model"``, only when it has a
   name, its quantity was read by the number grammar, its roles were predicted with mean
   probability >= ``MIN_SCORE``, and no rule span overlaps its anchor.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from ..errors import Errors, ModelNotFoundError
from ..report import Change, Indicator, Rank, Report

MIN_SCORE = 0.75
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "ner"
_MODELS: dict = {}
_NEGATIVE = re.compile(r"下降|减少|降低|下滑|回落|缩小|缩减|减|降|下跌|亏")
_TARGET = re.compile(r"力争|确保|目标|预期|争取|计划|将达到|要达到|控制在")
_FORECAST = re.compile(r"预计")
_RANK = re.compile(r"(全[国省市区县州盟旗]|[本我][省市区县]|同类[城市地区]*)[^第]{0,6}第([一二三四五六七八九十\d]+)")
_YEAR = re.compile(r"(20\d\d|19\d\d)年")


def resolve_model(model=None):
    """A loaded NerModel: ``model`` may be one already, a folder, or None (env/default folder)."""
    from ..ner import NerModel, load_model

    if isinstance(model, NerModel):
        return model
    path = Path(model or os.environ.get("GOVNLP_NER_MODEL") or DEFAULT_MODEL)
    key = str(path.resolve())
    if key not in _MODELS:
        if not path.is_dir():
            raise ModelNotFoundError(Errors.E007.format(
                path=str(path), reason="no such folder",
                command="govnlp train ner --base models/bert-zh-small --out models/ner"))
        _MODELS[key] = load_model(path)
    return _MODELS[key]


@dataclass
class _Draft:
    name: Optional[tuple[int, int]] = None
    value: Optional[tuple[int, int]] = None
    change: Optional[tuple[int, int]] = None
    rank: Optional[tuple[int, int]] = None
    scores: list[float] = field(default_factory=list)
    sentence: tuple[int, int] = (0, 0)


def link_roles(spans, sentence: tuple[int, int]) -> list[_Draft]:
    """Drafts from role spans (absolute offsets) of one sentence, by the rule in the docstring."""
    drafts: list[_Draft] = []
    pending: Optional[_Draft] = None
    name: Optional[tuple[int, int]] = None
    name_score = 0.0
    since_name = False
    for sp in sorted(spans, key=lambda s: s.start):
        rng = (sp.start, sp.end)
        if sp.role == "NAME":
            name, name_score, since_name = rng, sp.score, True
            pending = _Draft(name=name, scores=[sp.score], sentence=sentence)
            continue
        if sp.role == "VALUE":
            if pending is not None and pending.value is None and pending.change is None:
                pending.value = rng
                pending.scores.append(sp.score)
            else:
                pending = _Draft(name=name, value=rng, scores=[name_score, sp.score] if name else [sp.score],
                                 sentence=sentence)
            if pending not in drafts:
                drafts.append(pending)
            since_name = False
        elif sp.role == "CHANGE":
            last = drafts[-1] if drafts else None
            if since_name and pending is not None and pending.change is None and pending.value is None:
                target = pending
            elif not since_name and last is not None and last.change is None:
                target = last
            else:
                target = _Draft(name=name, scores=[name_score] if name else [], sentence=sentence)
            target.change = rng
            target.scores.append(sp.score)
            if target not in drafts:
                drafts.append(target)
            pending, since_name = target, False
        elif sp.role == "RANK" and drafts:
            if drafts[-1].rank is None:
                drafts[-1].rank = rng
    return drafts


def read_change(text: str, start: int, end: int) -> Optional[Change]:
    """A Change from a CHANGE span: the quantity inside it, signed by a falling verb."""
    from ..numbers import find_quantities

    qs = [q for q in find_quantities(text, start, end) if q.value is not None]
    if not qs:
        return None
    q = qs[0]
    before = text[start:q.start]
    value = -q.value if _NEGATIVE.search(before) else q.value
    basis = "yoy" if "同比" in text[max(0, start - 4):end] else None
    return Change(value=value, unit=q.unit or "%", basis=basis, text=text[start:end])


def read_rank(text: str, start: int, end: int) -> Optional[Rank]:
    """A Rank from a RANK span such as 居全省第二."""
    m = _RANK.search(text, start, end)
    if not m:
        return None
    pos = m.group(2)
    try:
        import cn2an
        position = int(pos) if pos.isdigit() else int(cn2an.cn2an(pos, "smart"))
    except Exception:
        return None
    return Rank(scope=m.group(1), position=position, text=text[start:end])


def _section_of(report: Report, pos: int) -> Optional[int]:
    best = None
    for sec in report.sections:
        if sec.start <= pos < sec.end and (best is None or sec.level >= report.sections[best].level):
            best = sec.id
    return best


def _kind(report: Report, sentence: tuple[int, int], pos: int, section: Optional[int]) -> str:
    before = report.text[sentence[0]:pos]
    if _FORECAST.search(before):
        return "forecast"
    if _TARGET.search(before):
        return "target"
    if section is not None and report.sections[section].function == "targets":
        return "target"
    return "actual"


def draft_score(d: _Draft) -> float:
    """Mean probability of the roles that make up a draft."""
    return sum(d.scores) / len(d.scores) if d.scores else 0.0


def draft_to_indicator(report: Report, d: _Draft) -> Optional[Indicator]:
    """An Indicator from a draft, values read by the number grammar; None if unreadable."""
    from ..numbers import find_quantities
    from .vocabulary import canonical_id

    text = report.text
    ind = Indicator(source="model", sentence=list(d.sentence))
    ind.spans = {"name": None, "value": None, "change": None}
    if d.value is not None:
        qs = find_quantities(text, *d.value)
        if qs:
            q = qs[0]
            ind.value, ind.low, ind.high, ind.unit, ind.qualifier = q.value, q.low, q.high, q.unit, q.qualifier
            ind.spans["value"] = list(d.value)
    if d.change is not None:
        ind.change = read_change(text, *d.change)
        if ind.change is not None:
            ind.spans["change"] = list(d.change)
    if ind.spans["value"] is None and ind.spans["change"] is None:
        return None
    if d.name is not None:
        ind.name = text[d.name[0]:d.name[1]]
        ind.spans["name"] = list(d.name)
        ind.canonical = canonical_id(ind.name)
    if d.rank is not None:
        ind.rank = read_rank(text, *d.rank)
    anchor = (ind.spans["value"] or ind.spans["change"])[0]
    ind.section = _section_of(report, anchor)
    ind.kind = _kind(report, d.sentence, anchor, ind.section)
    years = _YEAR.findall(text[d.sentence[0]:anchor])
    ind.period = years[-1] if years else None
    return ind


def model_indicators(report: Report, model=None, batch_size: int = 32) -> list[tuple[Indicator, float]]:
    """Indicators of the model alone with their scores (roles from the model, values from the
    number grammar)."""
    from ..ner import number_sentences

    ner = resolve_model(model)
    sents = number_sentences(report.text)
    if not sents:
        return []
    predictions = ner.predict([report.text[s:e] for s, e in sents], batch_size=batch_size)
    out: list[tuple[Indicator, float]] = []
    for (s, e), spans in zip(sents, predictions):
        for sp in spans:
            sp.start += s
            sp.end += s
        for d in link_roles(spans, (s, e)):
            ind = draft_to_indicator(report, d)
            if ind is not None:
                out.append((ind, draft_score(d)))
    return out


def _anchor(ind: Indicator) -> Optional[tuple[int, int]]:
    sp = ind.spans or {}
    a = sp.get("value") or sp.get("change")
    return None if a is None else (a[0], a[1])


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def merge(rule_indicators: list[Indicator], scored: list[tuple[Indicator, float]],
          min_score: float = MIN_SCORE) -> list[Indicator]:
    """Hybrid merge by the numbered rule in the module docstring."""
    model_inds = [m for m, _ in scored]
    out: list[Indicator] = []
    used: set[int] = set()
    for r in rule_indicators:
        ra = _anchor(r)
        match = next((j for j, m in enumerate(model_inds) if j not in used and _overlap(ra, _anchor(m))), None)
        if match is None:
            r.source = "rules"
        else:
            used.add(match)
            m = model_inds[match]
            r.source = "both"
            if not r.name and m.name:
                r.name, r.canonical = m.name, m.canonical
                r.spans = {**(r.spans or {}), "name": m.spans.get("name")}
        out.append(r)
    rule_spans = [tuple(sp) for r in rule_indicators for sp in (r.spans or {}).values() if sp]
    for j, m in enumerate(model_inds):
        if j in used or not m.name or scored[j][1] < min_score:
            continue
        if any(_overlap(_anchor(m), sp) for sp in rule_spans):
            continue
        out.append(m)
    out.sort(key=lambda i: (_anchor(i) or (i.sentence[0], 0))[0])
    return out


def extract_with_model(report: Report, rule_indicators: list[Indicator], mode: str,
                       model: Union[str, Path, None, object] = None) -> list[Indicator]:
    """Indicators for ``mode`` "model" (the model alone) or "hybrid" (merged with the rules).

    ``model`` is a model folder, a loaded NerModel, or None for $GOVNLP_NER_MODEL or the shipped
    models/ner. Raises ModelNotFoundError when the folder is missing.
    """
    scored = model_indicators(report, model)
    if mode == "model":
        return [ind for ind, _ in scored]
    if mode != "hybrid":
        raise ValueError(Errors.E006.format(name="mode", value=mode, choices=("model", "hybrid")))
    return merge(rule_indicators, scored)
