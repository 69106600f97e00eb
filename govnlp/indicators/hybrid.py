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
of each VALUE / CHANGE span and decides where it begins and ends (:func:`snap_to_quantities`);
a span it cannot read is dropped.

Hybrid merge rule (the rules are exact where a pattern applies, the model generalises names).
Every model-free rule lives in the rules (the linker aligns 分别 lists by position and cuts a
clause verb out of a long name); the model reads only the sentences where it can change the
output (:func:`sentences_to_read`: unnamed or long-named rule records, figures the rules left
unused), in batches, and the merge is indexed (no pass over all pairs):

0. a 分别 list the model read (A、B分别增长9.1%、10.3%) is linked by position
   (:func:`link_distributive`); such a model indicator replaces the rule indicators whose
   value or change overlaps its own when they disagree (``MergePolicy.lists``), ``source="both"``;
1. a rule indicator and a model indicator are the same quantity when their anchors (value
   span, else change span) overlap; the rule record is kept, ``source="both"``; the model's
   name (and name span) is taken when the rules found no name (``MergePolicy.takes_model_name``);
2. a rule indicator the model did not find is kept, ``source="rules"``;
3. a model indicator the rules did not find is added, ``source="model"``, only when its name
   is plausible (``vocabulary.plausible_name``: known, or short and ending like an indicator),
   its quantity was read by the number grammar, its roles were predicted with mean
   probability >= ``MIN_SCORE``, and no rule span overlaps its anchor.
"""
from __future__ import annotations

import bisect
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Union

from ..errors import Errors, ModelNotFoundError
from ..report import Change, Indicator, Rank, Report
from .linker import CLAUSE_VERBS
from .vocabulary import plausible_name

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
    distributive: bool = False


def snap_to_quantities(text: str, spans, sentence: tuple[int, int]) -> list:
    """Make the number grammar decide where VALUE and CHANGE spans begin and end.

    A VALUE span becomes the whole quantity it overlaps (qualifiers included); a CHANGE span is
    stretched to cover its quantity but keeps its verb; a VALUE/CHANGE span that overlaps no
    quantity is dropped; pieces of one quantity with the same role are merged.
    """
    from ..numbers import find_quantities

    qs = find_quantities(text, *sentence)
    q_starts = [q.start for q in qs]
    out, seen = [], {}
    for sp in sorted(spans, key=lambda x: x.start):
        if sp.role not in ("VALUE", "CHANGE"):
            out.append(sp)
            continue
        k = bisect.bisect_left(q_starts, sp.end)  # quantities are sorted and do not overlap
        q = next((q for q in qs[max(0, k - 3):k] if q.start < sp.end and sp.start < q.end), None)
        if q is None:
            continue
        key = (sp.role, q.start)
        if sp.role == "VALUE":
            sp.start, sp.end = q.start, q.end
        else:
            sp.start, sp.end = min(sp.start, q.start), max(sp.end, q.end)
        if key in seen:
            prev = seen[key]
            prev.start, prev.end = min(prev.start, sp.start), max(prev.end, sp.end)
            prev.score = max(prev.score, sp.score)
            continue
        seen[key] = sp
        out.append(sp)
    return sorted(out, key=lambda x: x.start)


def link_roles(spans, sentence: tuple[int, int], text: Optional[str] = None) -> list[_Draft]:
    """Drafts from role spans (absolute offsets) of one sentence, by the rule in the docstring.

    With ``text``, a 分别 list is linked by position first (:func:`link_distributive`).
    """
    if text is not None:
        drafts = link_distributive(spans, sentence, text)
        if drafts is not None:
            return drafts
    return _link_in_order(spans, sentence)


def link_distributive(spans, sentence: tuple[int, int], text: str) -> Optional[list[_Draft]]:
    """Link a 分别 list by position: the k-th name before 分别 takes the k-th value or change
    after it (A、B分别增长9.1%、10.3%; A 46109元、B 20897元，分别增长4.8%和6.3%;
    A和B分别达到x和y，分别增长p和q).

    Applies when 分别 is followed by a run of k >= 2 spans of one role (VALUE or CHANGE) and
    preceded by at least k names none of whose indicators has that role yet; a second 分别
    right after the first run fills the same k names. The drafts made this way are marked
    ``distributive``. Returns None when the sentence has no such list, so the caller links in
    order.
    """
    s0, s1 = sentence
    p = text.find("分别", s0, s1)
    if p < 0:
        return None
    ordered = sorted(spans, key=lambda x: x.start)
    groups: list[_Draft] = []
    for sp in (sp for sp in ordered if sp.end <= p):
        rng = (sp.start, sp.end)
        if sp.role == "NAME":
            groups.append(_Draft(name=rng, scores=[sp.score], sentence=sentence))
        elif groups and sp.role in ("VALUE", "CHANGE"):
            g = groups[-1]
            slot = "value" if sp.role == "VALUE" else "change"
            if getattr(g, slot) is not None:
                return None  # two values for one name before 分别: not a plain list
            setattr(g, slot, rng)
            g.scores.append(sp.score)
        elif groups and sp.role == "RANK" and groups[-1].rank is None:
            groups[-1].rank = rng
    targets: list[_Draft] = []
    rest = [sp for sp in ordered if sp.start >= p + 2]
    while p >= 0:
        run = _leading_run(rest)
        k = len(run)
        if k < 2 or (targets and k != len(targets)):
            break
        targets = targets or groups[-k:]
        key = "value" if run[0].role == "VALUE" else "change"
        if len(targets) < k or any(getattr(g, key) is not None for g in targets):
            break
        for g, sp in zip(targets, run):
            setattr(g, key, (sp.start, sp.end))
            g.scores.append(sp.score)
            g.distributive = True
        rest = rest[k:]
        nxt = text.find("分别", run[-1].end, s1)
        between = [sp for sp in rest if nxt >= 0 and sp.start < nxt]
        if nxt < 0 or between:
            break
        p = nxt
        rest = [sp for sp in rest if sp.start >= p + 2]
    if not targets or not any(g.distributive for g in targets):
        return None
    drafts = [g for g in groups if g.value is not None or g.change is not None]
    if rest:
        lead = [] if rest[0].role == "NAME" else [_Span("NAME", *targets[-1].name, targets[-1].scores[0])]
        drafts += [d for d in _link_in_order(lead + rest, sentence) if d.value or d.change]
    return drafts


def _leading_run(spans) -> list:
    """The spans at the head of ``spans`` that are all VALUE or all CHANGE."""
    run = []
    for sp in spans:
        if sp.role in ("VALUE", "CHANGE") and (not run or sp.role == run[0].role):
            run.append(sp)
        else:
            break
    return run


@dataclass
class _Span:
    role: str
    start: int
    end: int
    score: float = 1.0


def _link_in_order(spans, sentence: tuple[int, int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    listed: set[int] = set()  # ids of the drafts in ``drafts`` (a membership test in O(1))
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
            if id(pending) not in listed:
                drafts.append(pending)
                listed.add(id(pending))
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
            if id(target) not in listed:
                drafts.append(target)
                listed.add(id(target))
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


def _kind_period(report: Report, d: _Draft, anchor: int, section: Optional[int], ctx=None, blocks=None):
    """Kind and period by the rules' cue words and scopes (govnlp.indicators.kinds), from the same
    inputs as the rules path: the list's lead-in line, the block heading (``blocks``, a
    :class:`BlockHeadings` of the text), the paragraph, the headings and the part; simple cues
    otherwise."""
    from .kinds import context_before

    text, start = report.text, d.sentence[0]
    before = context_before(text, start, anchor)
    try:
        from . import _lead_in
        from .kinds import heading_text, kind_of, part_of, period_of, year_context

        ctx = ctx or year_context(report)
        sec = report.sections[section] if section is not None else None
        preceding = _lead_in(text, start, sec.start if sec is not None else max(0, start - 2000))
        block = blocks.before(anchor) if blocks is not None else ""
        kind = kind_of(report, ctx, "", before, sec, preceding, block, start=start)
        para_start = max(text.rfind("\n", max(0, start - 400), start) + 1, start - 400, 0)
        return kind, period_of(ctx, before, kind, heading_text(report, sec), part_of(report, sec),
                               text[para_start:start], preceding, report=report, section=sec,
                               start=start)
    except (ImportError, TypeError, AttributeError):
        years = _YEAR.findall(before)
        return _kind(report, d.sentence, anchor, section), (years[-1] if years else None)


def draft_to_indicator(report: Report, d: _Draft, ctx=None, index=None, blocks=None) -> Optional[Indicator]:
    """An Indicator from a draft, values read by the number grammar; None if unreadable
    (``index``: a SectionIndex, ``blocks``: the text's BlockHeadings, both found once per report)."""
    from ..numbers import find_quantities
    from .vocabulary import canonical_id

    text = report.text
    ind = Indicator(source="model", sentence=list(d.sentence))
    ind.spans = {"name": None, "value": None, "change": None}
    if d.value is not None:
        qs = find_quantities(text, *d.value)
        name = text[d.name[0]:d.name[1]] if d.name is not None else ""
        if qs and not _is_aside(text, qs[0], name) and all(
                v is None or math.isfinite(v) for v in (qs[0].value, qs[0].low, qs[0].high)):
            q = qs[0]
            ind.value, ind.low, ind.high, ind.unit, ind.qualifier = q.value, q.low, q.high, q.unit, q.qualifier
            ind.spans["value"] = list(d.value)
    if d.change is not None:
        ind.change = read_change(text, *d.change)
        if ind.change is not None and not math.isfinite(ind.change.value):
            ind.change = None
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
    if index is not None:
        sec = index.at(anchor)
        ind.section = sec.id if sec is not None else None
    else:
        ind.section = _section_of(report, anchor)
    ind.kind, ind.period = _kind_period(report, d, anchor, ind.section, ctx, blocks)
    return ind


_TIME_NAME = re.compile(r"时间|时限|天数|用时|周期|时长")


def _is_aside(text: str, q, name: str) -> bool:
    """A duration or age (连续54个月, 用3年时间) is not an indicator's value unless the name asks
    for time (审批时限, 优良天数): the rules' linker draws the same line."""
    from .linker import DURATION_CATEGORIES
    from .vocabulary import canonical_id

    if getattr(q, "category", None) not in DURATION_CATEGORIES:
        return False
    start = getattr(q, "num_start", q.start)
    if re.search(r"(?:连续|用|历时)\s*$", text[max(0, start - 4):start]):
        return True
    return not _TIME_NAME.search(name) and not (name and canonical_id(name))


@dataclass
class ModelOutput:
    """What the model said about a report: scored indicators, every role span, sentences read."""

    scored: list[tuple[Indicator, float]]
    spans: list = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    #: positions in ``scored`` of indicators linked through a 分别 list (link_distributive)
    distributive: set = field(default_factory=set)


def run_model(report: Report, model=None, batch_size: int = 32,
              wanted: Optional[Callable[[int, int], bool]] = None) -> ModelOutput:
    """Run the model on the number-bearing sentences of ``report`` and link its roles.

    Sentences inside boilerplate, glossary entries and footnotes (the rules' excluded ranges)
    are skipped; with ``wanted``, so are the sentences for which ``wanted(start, end)`` is false
    (the hybrid reads only where the model can change something: :func:`sentences_to_read`).
    """
    from ..ner import number_sentences
    from . import BlockHeadings, SectionIndex, _inside_any, excluded_ranges

    ner = resolve_model(model)
    excluded = excluded_ranges(report)
    starts = [a for a, _ in excluded]
    ends = [b for _, b in excluded]

    def contained(s: int, e: int) -> bool:  # a sentence wholly inside one excluded stretch
        i = bisect.bisect_right(starts, s)
        return any(ends[k] >= e for k in range(max(0, i - 8), i))

    sents = [(s, e) for s, e in number_sentences(report.text)
             if not contained(s, e) and (wanted is None or wanted(s, e))]
    if not sents:
        return ModelOutput([], [], [])
    predictions = ner.predict([report.text[s:e] for s, e in sents], batch_size=batch_size)
    out: list[tuple[Indicator, float]] = []
    all_spans = []
    listed: set = set()
    try:
        from .kinds import year_context
        ctx = year_context(report)
    except (ImportError, AttributeError):
        ctx = None
    index = SectionIndex(report)
    blocks = BlockHeadings(report.text)
    for (s, e), spans in zip(sents, predictions):
        for sp in spans:
            sp.start += s
            sp.end += s
        spans = snap_to_quantities(report.text, spans, (s, e))
        all_spans.extend(spans)
        for d in link_roles(spans, (s, e), report.text):
            ind = draft_to_indicator(report, d, ctx, index, blocks)
            if ind is not None and not _inside_any(excluded, _anchor(ind)[0], _anchor(ind)[0] + 1):
                if d.distributive:
                    listed.add(len(out))
                out.append((ind, draft_score(d)))
    return ModelOutput(out, all_spans, sents, listed)


def model_indicators(report: Report, model=None, batch_size: int = 32) -> list[tuple[Indicator, float]]:
    """Indicators of the model alone with their scores (roles from the model, values from the
    number grammar)."""
    return run_model(report, model, batch_size).scored


def _anchor(ind: Indicator) -> Optional[tuple[int, int]]:
    sp = ind.spans or {}
    a = sp.get("value") or sp.get("change")
    return None if a is None else (a[0], a[1])


def _roles(ind: Indicator) -> dict:
    """Value and change spans by role."""
    return {k: tuple(v) for k, v in (ind.spans or {}).items() if k != "name" and v}


def _figures(ind: Indicator) -> list[tuple[int, int]]:
    """The value and change spans of an indicator."""
    return list(_roles(ind).values())


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


@dataclass
class MergePolicy:
    """Knobs of the hybrid merge; the defaults are the documented rule.

    ``name_rule`` says when the model's name replaces the rules' name of the same quantity:
    "fill" (default): only when the rules found no name;
    "suffix": also when the rules' name is long (>= ``long_name`` characters) and not
    in the indicator vocabulary, the model's name is a proper tail of it of at least
    ``min_name`` characters scored >= ``name_score``, and what it cuts off ends with a verb of
    :data:`CLAUSE_VERBS` (科技企业争取上级资金 -> 上级资金). The rules now make that cut
    themselves (linker._clause_verb_cut), so it is kept only for ablations;
    "trim": whenever the model's name lies inside the rules' name (tested, worse on dev).
    ``drop_unconfirmed``: drop a rule indicator that is not in the indicator vocabulary and on
    whose value/change the model, having read the sentence, put no role (tested, worse on dev).
    ``lists``: a model indicator linked through a 分别 list (:func:`link_distributive`), with a
    plausible name and a score >= ``min_score``, replaces every rule indicator whose value or change
    overlaps its own (``source="both"``); "unaligned": only where the rules left a figure of
    the list without a name (the rules align 分别 lists by position themselves now).
    ``gate``: the model reads only the sentences where it can change the output
    (:func:`sentences_to_read`); False reads every number-bearing sentence.
    """

    min_score: float = MIN_SCORE
    name_rule: str = "fill"
    name_score: float = 0.7
    long_name: int = 9
    min_name: int = 3
    drop_unconfirmed: bool = False
    lists: Union[bool, str] = True
    gate: bool = True

    def takes_model_name(self, rule: Indicator, model_name: str, score: float) -> bool:
        """Whether the model's name should replace the rules' name (see the class docstring)."""
        if not model_name or len(model_name) < 2:
            return False
        if not rule.name:
            return True
        if model_name == rule.name or score < self.name_score:
            return False
        if self.name_rule == "trim":
            return model_name in rule.name
        if self.name_rule == "suffix":
            cut = rule.name[: len(rule.name) - len(model_name)]
            return (not rule.canonical and len(rule.name) >= self.long_name
                    and len(model_name) >= self.min_name and rule.name.endswith(model_name)
                    and cut.rstrip("“”\"").endswith(CLAUSE_VERBS))
        return False


DEFAULT_POLICY = MergePolicy()


class _SpanIndex:
    """Sorted figure spans with their owners: which of them overlap a span, by bisection."""

    def __init__(self, items: list[tuple[tuple[int, int], int]]):
        self.items = sorted(items)
        self.starts = [sp[0] for sp, _ in self.items]
        self.widest = max((sp[1] - sp[0] for sp, _ in self.items), default=0)

    def overlapping(self, span) -> list[int]:
        """Owners of the spans that overlap ``span`` (None overlaps nothing)."""
        if span is None or not self.items:
            return []
        lo = bisect.bisect_left(self.starts, span[0] - self.widest)
        hi = bisect.bisect_left(self.starts, span[1])
        return [owner for sp, owner in self.items[lo:hi] if _overlap(sp, span)]


def merge(rule_indicators: list[Indicator], scored: list[tuple[Indicator, float]],
          min_score: Optional[float] = None, policy: Optional[MergePolicy] = None,
          output: Optional[ModelOutput] = None) -> list[Indicator]:
    """Hybrid merge by the numbered rule in the module docstring (indexed: no quadratic pass)."""
    policy = policy or DEFAULT_POLICY
    min_score = policy.min_score if min_score is None else min_score
    model_inds = [m for m, _ in scored]
    out: list[Indicator] = []
    used: set[int] = set()
    dropped: set[int] = set()
    rule_index = _SpanIndex([(tuple(sp), k) for k, r in enumerate(rule_indicators) for sp in _figures(r)])
    if policy.lists and output is not None:
        for j in sorted(output.distributive):
            m, m_score = scored[j]
            if m_score < min_score or not plausible_name(m.name, m.canonical):
                continue
            clash = sorted({k for f in _figures(m) for k in rule_index.overlapping(f)} - dropped)
            if not clash or (len(clash) == 1 and rule_indicators[clash[0]].name == m.name
                             and _roles(rule_indicators[clash[0]]) == _roles(m)):
                continue  # nothing to correct: the rules paired this figure the same way
            if policy.lists == "unaligned" and all(rule_indicators[k].name for k in clash):
                continue  # the rules named every figure of the list: keep their reading
            dropped.update(clash)
            m.source = "both"
            out.append(m)
            used.add(j)
    model_index = _SpanIndex([(a, j) for j, m in enumerate(model_inds) if (a := _anchor(m)) is not None])
    for k, r in enumerate(rule_indicators):
        if k in dropped:
            continue
        ra = _anchor(r)
        match = next((j for j in sorted(model_index.overlapping(ra)) if j not in used), None)
        if match is None:
            r.source = "rules"
            if policy.drop_unconfirmed and output is not None and ra is not None and not r.canonical:
                read = any(s <= ra[0] < e for s, e in output.sentences)
                touched = any(_overlap(ra, (sp.start, sp.end)) for sp in output.spans if sp.role != "NAME")
                if read and not touched:
                    continue
        else:
            used.add(match)
            m, m_score = scored[match]
            r.source = "both"
            if policy.takes_model_name(r, m.name, m_score):
                r.name, r.canonical = m.name, m.canonical or r.canonical
                r.spans = {**(r.spans or {}), "name": m.spans.get("name")}
        out.append(r)
    kept_index = _SpanIndex([(tuple(sp), k) for k, r in enumerate(out) for sp in (r.spans or {}).values() if sp])
    for j, m in enumerate(model_inds):
        if j in used or scored[j][1] < min_score or not plausible_name(m.name, m.canonical):
            continue
        if kept_index.overlapping(_anchor(m)):
            continue
        out.append(m)
    out.sort(key=lambda i: (_anchor(i) or (i.sentence[0], 0))[0])
    return out


def sentences_to_read(report: Report, rule_indicators: list[Indicator], quantities=None) -> Callable[[int, int], bool]:
    """Where the model can change the hybrid's output (issue 13): a sentence with a rule record
    that has no name or a long name outside the vocabulary, or with a quantity no rule record
    used (a 分别 list the rules could not align leaves its figures unused). Returns a test
    ``wanted(start, end)`` for :func:`run_model`."""
    from . import usable_quantities

    points: list[int] = []
    for r in rule_indicators:
        a = _anchor(r)
        if a is None:
            continue
        if not r.name or (len(r.name) >= MergePolicy.long_name and not r.canonical):
            points.append(a[0])
    covered = _SpanIndex([(tuple(sp), 0) for r in rule_indicators for sp in _figures(r)])
    for q in (usable_quantities(report) if quantities is None else quantities):
        if q.category != "bare" and not covered.overlapping((q.num_start, q.num_end)):
            points.append(q.num_start)
    points.sort()

    def wanted(start: int, end: int) -> bool:
        i = bisect.bisect_left(points, start)
        return i < len(points) and points[i] < end

    return wanted


def extract_with_model(report: Report, rule_indicators: list[Indicator], mode: str,
                       model: Union[str, Path, None, object] = None,
                       policy: Optional[MergePolicy] = None) -> list[Indicator]:
    """Indicators for ``mode`` "model" (the model alone) or "hybrid" (merged with the rules).

    ``model`` is a model folder, a loaded NerModel, or None for $GOVNLP_NER_MODEL or the shipped
    models/ner. Raises ModelNotFoundError when the folder is missing.
    """
    if mode not in ("model", "hybrid"):
        raise ValueError(Errors.E006.format(name="mode", value=mode, choices=("model", "hybrid")))
    if mode == "model":
        return [ind for ind, _ in run_model(report, model).scored]
    wanted = sentences_to_read(report, rule_indicators) if (policy or DEFAULT_POLICY).gate else None
    output = run_model(report, model, wanted=wanted)
    return merge(rule_indicators, output.scored, policy=policy, output=output)
