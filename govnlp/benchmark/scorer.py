"""Score any pipeline (a callable ``text -> Report``) against the bundled gold.

The matching rules are docs/annotation.md, section 7; this module implements them and nothing
else. Counts are summed over documents (micro average), then turned into P/R/F1 and accuracies.

>>> from govnlp.benchmark.dataset import load_split
>>> from govnlp.report import Report
>>> docs = load_split("sample")
>>> result = score_pipeline(lambda text: Report(text=text), docs)   # an empty pipeline
>>> result["quantity_f1"], result["counts"]["quantity_fn"] > 0
(0.0, True)
"""
from __future__ import annotations

import difflib
import math
import re
import time
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Callable, Iterable, Optional, Sequence

from ..report import Report
from .dataset import LAYERS, GoldDoc

Pipeline = Callable[[str], Report]

TOLERANCE = 3          # characters, for spans and section boundaries (annotation.md 7.3-7.5)
REL_TOL = 1e-6         # relative tolerance for numbers

# ---- strings --------------------------------------------------------------------------------
_DROP = re.compile(r"[\s“”‘’\"'《》〈〉「」『』()（）\[\]【】，。、；：！？·—\-,.;:!?…]+")
_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,3}(?=[\u4e00-\u9fff]|$)")
_SCOPE = ("全区", "全市", "全省", "全县", "全国", "我区", "我市", "我省", "我县", "本区", "本市",
          "辖区", "全年", "其中")


_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"\((?=[a-zü{_TONES}]*[{_TONES}])[a-zü{_TONES}]{{1,7}}\)")


@lru_cache(maxsize=None)
def _t2s():
    from opencc import OpenCC
    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def _char_key(ch: str) -> str:
    """One character, NFKC-folded and converted to simplified script (always length 1)."""
    k = unicodedata.normalize("NFKC", ch)
    if len(k) != 1:
        k = ch
    s = _t2s().convert(k)
    return s if len(s) == 1 else k


def norm(s: Optional[str]) -> str:
    """Compare-form of a string (annotation.md 7.2): NFKC, simplified, no spaces/punctuation."""
    if not s:
        return ""
    s = _PINYIN.sub("", s)  # glosses like 穩(wěn) left in gold surfaces of scraped text
    s = _t2s().convert(unicodedata.normalize("NFKC", s)).lower()
    s = _DROP.sub("", s)
    return _FOOTNOTE.sub("", s)


def norm_name(s: Optional[str]) -> str:
    """:func:`norm` plus one leading scope word (全市, 我区, 全年...) dropped."""
    s = norm(s)
    for w in _SCOPE:
        if s.startswith(w) and len(s) > len(w):
            return s[len(w):]
    return s


def names_equal(gold: Optional[str], pred: Optional[str]) -> bool:
    """The strict name rule (annotation.md 7.3, headline): equal after :func:`norm_name`."""
    return norm_name(gold) == norm_name(pred)


def names_match(gold: Optional[str], pred: Optional[str]) -> bool:
    """The lenient name rule: both empty, equal, or one containing the other (shorter >= 2 chars and >= half)."""
    g, p = norm_name(gold), norm_name(pred)
    if not g or not p:
        return not g and not p
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    return len(short) >= 2 and 2 * len(short) >= len(long_) and short in long_


def close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=1e-9)


# ---- aligning the pipeline's text with the gold text ----------------------------------------
class Alignment:
    """Maps offsets of a pipeline's ``Report.text`` onto the gold ``text`` (annotation.md 7.1)."""

    def __init__(self, gold_text: str, report: Optional[Report] = None, pred_text: Optional[str] = None):
        pred_text = report.text if report is not None else pred_text
        self.gold_len = len(gold_text)
        self.pred_len = len(pred_text or "")
        self.method = "identity"
        self.map: Optional[list[int]] = None
        if pred_text == gold_text:
            return
        raw_map = getattr(report, "raw_map", None) if report is not None else None
        if (report is not None and report.raw_text == gold_text and raw_map
                and len(raw_map) == len(pred_text) + 1):
            self.method = "raw_map"
            self.map = [min(max(int(x), 0), self.gold_len) for x in raw_map[:-1]]
            return
        self.method = "difflib"
        self.map = _difflib_map(pred_text or "", gold_text)

    def pos(self, i: int) -> int:
        """Gold offset of predicted character ``i``."""
        if self.map is None:
            return min(max(i, 0), self.gold_len)
        if i >= len(self.map):
            return self.gold_len
        return self.map[max(i, 0)]

    def span(self, start: Optional[int], end: Optional[int]) -> Optional[tuple[int, int]]:
        """Gold ``[start, end)`` of a predicted span (None stays None)."""
        if start is None or end is None:
            return None
        if self.map is None:
            return self.pos(start), self.pos(end)
        if end <= start:
            p = self.pos(start)
            return p, p
        s, e = self.pos(start), min(self.pos(end - 1) + 1, self.gold_len)
        return (s, max(s, e))


def _difflib_map(pred: str, gold: str) -> list[int]:
    """For every predicted character, the gold character it is aligned with."""
    a = "".join(_char_key(c) for c in pred)
    b = "".join(_char_key(c) for c in gold)
    out = [0] * len(pred)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                out[i1 + k] = j1 + k
        elif tag == "replace":
            n, m = i2 - i1, j2 - j1
            for k in range(n):
                out[i1 + k] = j1 + (k * m) // n
        elif tag == "delete":  # predicted characters with no gold counterpart
            for k in range(i2 - i1):
                out[i1 + k] = min(j1, max(len(gold) - 1, 0))
    return out


# ---- spans ------------------------------------------------------------------------------------
def _gap(a: Sequence[int], b: Sequence[int]) -> tuple[int, int]:
    """(0 if the spans overlap else 1, characters between them)."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap > 0 or (a[0] == a[1] == b[0] == b[1]):
        return 0, 0
    return 1, max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace at both ends of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _greedy(candidates: list[tuple]) -> list[tuple[int, int]]:
    """One-to-one pairs from (priority..., g, p) tuples, best (smallest) first."""
    used_g, used_p, pairs = set(), set(), []
    for *_, g, p in sorted(candidates):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs


# ---- indicators -----------------------------------------------------------------------------
def quantity_key(ind: dict) -> Optional[tuple]:
    """("level", (value,), unit) | ("range", (low, high), unit) | ("change", (v,), unit) | None."""
    if ind.get("value") is not None:
        return "level", (ind["value"],), norm(ind.get("unit"))
    if ind.get("low") is not None or ind.get("high") is not None:
        return "range", (ind.get("low"), ind.get("high")), norm(ind.get("unit"))
    change = ind.get("change")
    if change is not None and change.get("value") is not None:
        return "change", (change["value"],), norm(change.get("unit"))
    return None


def keys_match(a: Optional[tuple], b: Optional[tuple]) -> bool:
    if a is None or b is None or a[0] != b[0] or a[2] != b[2]:
        return False
    return all(close(x, y) for x, y in zip(a[1], b[1]))


def _anchor(ind: dict) -> Optional[list[int]]:
    spans = ind.get("spans") or {}
    for key in ("value", "change"):
        if spans.get(key) is not None:
            return list(spans[key])
    sentence = ind.get("sentence")
    if sentence and sentence[1] > sentence[0]:
        return list(sentence)
    return None


def _change_equal(g: Optional[dict], p: Optional[dict]) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return close(g.get("value"), p.get("value")) and norm(g.get("unit")) == norm(p.get("unit"))


def _rank_equal(g: Optional[dict], p: Optional[dict]) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return int(g.get("position", -1)) == int(p.get("position", -2)) and \
        norm(g.get("scope")) == norm(p.get("scope"))


def match_indicators(gold: list[dict], pred: list[dict], align: Alignment
                     ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(pairs (gold index, pred index), gold indices with a quantity, pred indices with one)."""
    g_items = [(i, g, quantity_key(g), _anchor(g)) for i, g in enumerate(gold)]
    g_items = [x for x in g_items if x[2] is not None]
    p_items = []
    for j, p in enumerate(pred):
        key = quantity_key(p)
        if key is None:
            continue
        a = _anchor(p)
        p_items.append((j, p, key, None if a is None else align.span(a[0], a[1])))
    candidates = []
    for i, g, gk, ga in g_items:
        for j, p, pk, pa in p_items:
            if not keys_match(gk, pk):
                continue
            if ga is None:
                candidates.append((2, 0, i, j))
                continue
            if pa is None:
                continue
            flag, gap = _gap(ga, pa)
            if gap <= TOLERANCE:
                candidates.append((flag, gap, i, j))
    return _greedy(candidates), [x[0] for x in g_items], [x[0] for x in p_items]


def score_indicators(gold: list[dict], pred: list[dict], align: Alignment) -> Counter:
    """Quantity/linked counts and attribute accuracies for one document (annotation.md 7.3)."""
    c = Counter()
    pairs, g_items, p_items = match_indicators(gold, pred, align)
    c["quantity_gold"], c["quantity_pred"] = len(g_items), len(p_items)
    c["quantity_tp"] = len(pairs)
    c["quantity_fp"] = len(p_items) - len(pairs)
    c["quantity_fn"] = len(g_items) - len(pairs)
    c["target_gold"] = sum(gold[i].get("kind") == "target" for i in g_items)
    c["target_pred"] = sum(pred[j].get("kind") == "target" for j in p_items)
    for i, j in pairs:
        g, p = gold[i], pred[j]
        c["target_tp"] += g.get("kind") == p.get("kind") == "target"
        c["linked_tp"] += names_equal(g.get("name"), p.get("name"))
        c["linked_lenient_tp"] += names_match(g.get("name"), p.get("name"))
        if g.get("change") is not None or p.get("change") is not None:
            c["change_n"] += 1
            c["change_ok"] += _change_equal(g.get("change"), p.get("change"))
        c["qualifier_n"] += 1
        c["qualifier_ok"] += g.get("qualifier") == p.get("qualifier")
        c["kind_n"] += 1
        c["kind_ok"] += g.get("kind", "actual") == p.get("kind", "actual")
        if g.get("period") is not None:
            c["period_n"] += 1
            c["period_ok"] += str(g["period"]) == str(p.get("period"))
        if g.get("rank") is not None or p.get("rank") is not None:
            c["rank_n"] += 1
            c["rank_ok"] += _rank_equal(g.get("rank"), p.get("rank"))
    return c


# ---- sections -------------------------------------------------------------------------------
def match_sections(gold: list[dict], pred: list[dict], align: Alignment, text: str
                   ) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of sections (annotation.md 7.4)."""
    gs = [(_trim(text, int(s["start"]), int(s["end"])), s) for s in gold]
    ps = []
    for s in pred:
        span = align.span(int(s["start"]), int(s["end"]))
        ps.append((_trim(text, *span), s))
    candidates = []
    for i, ((g0, g1), g) in enumerate(gs):
        for j, ((p0, p1), p) in enumerate(ps):
            if int(g["level"]) != int(p["level"]) or abs(g0 - p0) > TOLERANCE:
                continue
            ends_ok = abs(g1 - p1) <= TOLERANCE
            if ends_ok or (norm(g.get("title")) and norm(g.get("title")) == norm(p.get("title"))):
                candidates.append((abs(g0 - p0) + abs(g1 - p1), i, j))
    return _greedy(candidates)


def score_sections(gold: list[dict], pred: list[dict], align: Alignment, text: str) -> Counter:
    """Boundary+level matching and label accuracy (annotation.md 7.4)."""
    c = Counter()
    pairs = match_sections(gold, pred, align, text)
    c["section_gold"], c["section_pred"] = len(gold), len(pred)
    c["section_tp"] = len(pairs)
    c["section_fp"] = len(pred) - len(pairs)
    c["section_fn"] = len(gold) - len(pairs)
    for i, j in pairs:
        g, p = gold[i], pred[j]
        c["function_ok"] += g.get("function") == p.get("function")
        c["topic_ok"] += g.get("topic") == p.get("topic")
    c["function_n"] = c["topic_n"] = len(pairs)
    return c


# ---- slogans --------------------------------------------------------------------------------
def expansions_equal(gold: Optional[list], pred: Optional[list]) -> bool:
    """Both null, or the same number of items pairing one-to-one (equal or contained)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = [norm(x) for x in gold], [norm(x) for x in pred]
    if len(g) != len(p):
        return False
    free = list(range(len(p)))
    for item in sorted(g, key=len, reverse=True):
        hit = next((k for k in free if p[k] == item), None)
        if hit is None:
            hit = next((k for k in free if min(len(p[k]), len(item)) >= 2
                        and (p[k] in item or item in p[k])), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def match_slogans(gold: list[dict], pred: list[dict], align: Alignment) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of slogans (annotation.md 7.5)."""
    candidates = []
    ps = [(align.span(int(p["start"]), int(p["end"])), p) for p in pred]
    for i, g in enumerate(gold):
        for j, (pa, p) in enumerate(ps):
            if norm(g.get("text")) != norm(p.get("text")):
                continue
            flag, gap = _gap((int(g["start"]), int(g["end"])), pa)
            if gap <= TOLERANCE:
                candidates.append((flag, gap, i, j))
    return _greedy(candidates)


def score_slogans(gold: list[dict], pred: list[dict], align: Alignment) -> Counter:
    """Slogan detection, resolution accuracy and invented expansions (annotation.md 7.5)."""
    c = Counter()
    pairs = match_slogans(gold, pred, align)
    c["slogan_gold"], c["slogan_pred"] = len(gold), len(pred)
    c["slogan_tp"] = len(pairs)
    c["slogan_fp"] = len(pred) - len(pairs)
    c["slogan_fn"] = len(gold) - len(pairs)
    for i, j in pairs:
        g, p = gold[i].get("expansion"), pred[j].get("expansion")
        ok = expansions_equal(g, p)
        c["slogan_ok"] += ok
        c["slogan_invented"] += (p is not None and not ok)
    c["slogan_n"] = len(pairs)
    return c


# ---- tasks and meta ---------------------------------------------------------------------------
def _task_units(task: dict) -> set[tuple[str, str]]:
    return {(role, norm(unit)) for role in ("lead", "support")
            for unit in task.get(role) or [] if norm(unit)}


def match_tasks(gold: list[dict], pred: list[dict],
                align: Optional[Alignment] = None) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of tasks with the same number (annotation.md 7.6).

    A plan may restart its numbering under each part (（一） … under 一、 and again under 二、), so
    a number alone is not a key: among tasks of one number the pairs are chosen by the overlap of
    their spans (predicted spans mapped onto the gold text), and by order of appearance when
    spans do not overlap or are missing.
    """
    def span(t: dict, mapped: bool) -> Optional[tuple[int, int]]:
        s, e = t.get("start"), t.get("end")
        if s is None or e is None or e <= s:
            return None
        return align.span(s, e) if (mapped and align is not None) else (s, e)

    by_number: dict[str, tuple[list[int], list[int]]] = {}
    for i, t in enumerate(gold):
        by_number.setdefault(norm(str(t.get("number", ""))), ([], []))[0].append(i)
    for j, t in enumerate(pred):
        by_number.setdefault(norm(str(t.get("number", ""))), ([], []))[1].append(j)
    pairs: list[tuple[int, int]] = []
    for gi, pj in by_number.values():
        if not gi or not pj:
            continue
        scored = []
        for a, i in enumerate(gi):
            for b, j in enumerate(pj):
                gs, ps = span(gold[i], False), span(pred[j], True)
                overlap = 0 if gs is None or ps is None else max(0, min(gs[1], ps[1]) - max(gs[0], ps[0]))
                scored.append((-overlap, abs(a - b), a, i, j))
        used_g, used_p = set(), set()
        for _, _, _, i, j in sorted(scored):
            if i not in used_g and j not in used_p:
                used_g.add(i)
                used_p.add(j)
                pairs.append((i, j))
    return sorted(pairs)


def score_tasks(gold: list[dict], pred: list[dict], align: Optional[Alignment] = None) -> Counter:
    """Tasks found (paired by number and place) and their (role, unit) pairs (annotation.md 7.6)."""
    c = Counter()
    pairs = match_tasks(gold, pred, align)
    c["task_tp"], c["task_fp"], c["task_fn"] = len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)
    paired_g, paired_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        gu, pu = _task_units(gold[i]), _task_units(pred[j])
        c["task_unit_tp"] += len(gu & pu)
        c["task_unit_fp"] += len(pu - gu)
        c["task_unit_fn"] += len(gu - pu)
    c["task_unit_fn"] += sum(len(_task_units(gold[i])) for i in range(len(gold)) if i not in paired_g)
    c["task_unit_fp"] += sum(len(_task_units(pred[j])) for j in range(len(pred)) if j not in paired_p)
    return c


def explain_tasks(gold: list[dict], pred: list[dict], align: Optional[Alignment] = None) -> dict:
    """Readable misses, extras and unit differences of one document's tasks."""
    pairs = match_tasks(gold, pred, align)
    paired_g, paired_p = {i for i, _ in pairs}, {j for _, j in pairs}

    def units(t: dict) -> str:
        return f"lead={t.get('lead') or []} support={t.get('support') or []}"
    return {"missed": [f"{g.get('number')} @{g.get('start')} {units(g)}" for i, g in enumerate(gold) if i not in paired_g],
            "extra": [f"{p.get('number')} {units(p)}" for j, p in enumerate(pred) if j not in paired_p],
            "wrong": [f"{gold[i].get('number')} @{gold[i].get('start')}: {units(gold[i])} vs {units(pred[j])}"
                      for i, j in pairs if _task_units(gold[i]) != _task_units(pred[j])]}


_PROVINCE_PREFIX = re.compile(r"^.{2,8}?(?:省|自治区)")


def _same_region(a: str, b: str) -> bool:
    """Equal after norm(), or equal once a leading province name is dropped from one side."""
    a, b = norm(a), norm(b)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and _PROVINCE_PREFIX.sub("", long_) == short


def score_meta(gold: dict, pred: dict) -> Counter:
    """Share of the given gold meta fields the prediction gets right (annotation.md 7.7)."""
    c = Counter()
    for key, value in gold.items():
        got = pred.get(key)
        if key == "region" and value is not None and got is not None:
            ok = _same_region(value, got)
        elif key == "year" and value is not None:
            ok = got is not None and int(got) == int(value)
        elif isinstance(value, str) or isinstance(got, str):
            ok = norm(value) == norm(got) if value is not None and got is not None else value == got
        else:
            ok = value == got
        c["meta_n"] += 1
        c["meta_ok"] += ok
        if key == "year":
            c["meta_year_n"] += 1
            c["meta_year_ok"] += ok
    return c


# ---- one document, many documents -------------------------------------------------------------
def score_document(doc: GoldDoc, report: Report, layers: Optional[Iterable[str]] = None) -> Counter:
    """Raw counts for one document; only layers annotated in the gold (and in ``layers``)."""
    wanted = set(LAYERS if layers is None else layers)
    todo = [layer for layer in doc.layers if layer in wanted]
    c = Counter()
    if not todo:
        return c
    align = Alignment(doc.text, report)
    pred = report.to_dict()
    for layer in todo:
        c[f"docs_{layer}"] += 1
        if layer == "indicators":
            c += score_indicators(doc.records("indicators"), pred["indicators"], align)
        elif layer == "sections":
            c += score_sections(doc.records("sections"), pred["sections"], align, doc.text)
        elif layer == "slogans":
            c += score_slogans(doc.records("slogans"), pred["slogans"], align)
        elif layer == "tasks":
            c += score_tasks(doc.records("tasks"), pred["tasks"], align)
        elif layer == "meta":
            c += score_meta(doc.gold.get("meta") or {}, pred["meta"])
    return c


def _describe_indicator(ind: dict, text: str, span: Optional[Sequence[int]]) -> str:
    key = quantity_key(ind)
    at = "" if span is None else f" @{span[0]} {text[span[0]:span[1]]!r}"
    return f"{ind.get('name')!r} {key}{at}"


def explain_document(doc: GoldDoc, report: Report) -> dict:
    """What the scorer did not match in one document, per layer, in readable lines.

    ``{"indicators": {"missed": [...], "extra": [...], "wrong": [...]}, "sections": ..., ...}``;
    "wrong" lists matched pairs that differ in name (not linked), change, qualifier or kind.
    """
    align, pred, text, out = Alignment(doc.text, report), report.to_dict(), doc.text, {}
    if "indicators" in doc.layers:
        gold, pi = doc.records("indicators"), pred["indicators"]
        pairs, g_keys, p_keys = match_indicators(gold, pi, align)
        gm, pm = {i for i, _ in pairs}, {j for _, j in pairs}

        def pspan(p):
            a = _anchor(p)
            return None if a is None else align.span(*a)
        wrong = []
        for i, j in pairs:
            g, p = gold[i], pi[j]
            diffs = [f"name {g.get('name')!r} vs {p.get('name')!r}"] if not names_equal(g.get("name"), p.get("name")) else []
            if not _change_equal(g.get("change"), p.get("change")):
                diffs.append(f"change {g.get('change') and (g['change']['value'], g['change']['unit'])} vs "
                             f"{p.get('change') and (p['change']['value'], p['change']['unit'])}")
            for attr in ("qualifier", "kind"):
                if g.get(attr) != p.get(attr):
                    diffs.append(f"{attr} {g.get(attr)} vs {p.get(attr)}")
            if diffs:
                wrong.append(_describe_indicator(g, text, _anchor(g)) + ": " + "; ".join(diffs))
        out["indicators"] = {
            "missed": [_describe_indicator(gold[i], text, _anchor(gold[i])) for i in g_keys if i not in gm],
            "extra": [_describe_indicator(pi[j], text, pspan(pi[j])) for j in p_keys if j not in pm],
            "wrong": wrong}
    if "sections" in doc.layers:
        gold, ps = doc.records("sections"), pred["sections"]
        pairs = match_sections(gold, ps, align, text)
        gm, pm = {i for i, _ in pairs}, {j for _, j in pairs}

        def sec(s, span):
            return f"L{s['level']} {s.get('marker') or ''}{s.get('title')!r} [{span[0]}, {span[1]})"
        out["sections"] = {
            "missed": [sec(g, (g["start"], g["end"])) for i, g in enumerate(gold) if i not in gm],
            "extra": [sec(p, align.span(p["start"], p["end"])) for j, p in enumerate(ps) if j not in pm],
            "wrong": [sec(gold[i], (gold[i]["start"], gold[i]["end"])) +
                      f": {gold[i]['function']}/{gold[i]['topic']} vs {ps[j]['function']}/{ps[j]['topic']}"
                      for i, j in pairs if (gold[i]["function"], gold[i]["topic"]) != (ps[j]["function"], ps[j]["topic"])]}
    if "slogans" in doc.layers:
        gold, ps = doc.records("slogans"), pred["slogans"]
        pairs = match_slogans(gold, ps, align)
        gm, pm = {i for i, _ in pairs}, {j for _, j in pairs}
        out["slogans"] = {
            "missed": [f"{g['text']!r} @{g['start']}" for i, g in enumerate(gold) if i not in gm],
            "extra": [f"{p['text']!r} @{align.pos(p['start'])}" for j, p in enumerate(ps) if j not in pm],
            "wrong": [f"{gold[i]['text']!r} @{gold[i]['start']}: {gold[i].get('expansion')} vs {ps[j].get('expansion')}"
                      for i, j in pairs if not expansions_equal(gold[i].get("expansion"), ps[j].get("expansion"))]}
    if "tasks" in doc.layers:
        out["tasks"] = explain_tasks(doc.records("tasks"), pred["tasks"], align)
    if "meta" in doc.layers:
        gold = doc.gold.get("meta") or {}
        out["meta"] = {"missed": [], "extra": [], "wrong": [
            f"{k}: {v!r} vs {pred['meta'].get(k)!r}" for k, v in gold.items()
            if not score_meta({k: v}, pred["meta"])["meta_ok"]]}
    return out


def _ratio(num: int, den: int) -> Optional[float]:
    return None if den == 0 else num / den


def _prf(c: Counter, prefix: str, docs: int) -> dict:
    tp, fp, fn = c[f"{prefix}_tp"], c[f"{prefix}_fp"], c[f"{prefix}_fn"]
    if docs == 0 or tp + fp + fn == 0:  # no gold for the layer, or nothing to find and none found
        return {f"{prefix}_precision": None, f"{prefix}_recall": None, f"{prefix}_f1": None}
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {f"{prefix}_precision": p, f"{prefix}_recall": r,
            f"{prefix}_f1": 0.0 if p + r == 0 else 2 * p * r / (p + r)}


def metrics(c: Counter) -> dict:
    """Turn summed counts into the figures of annotation.md section 7 (None = not measurable)."""
    m: dict = {}
    m.update(_prf(c, "section", c["docs_sections"]))
    m["function_acc"] = _ratio(c["function_ok"], c["function_n"])
    m["topic_acc"] = _ratio(c["topic_ok"], c["topic_n"])
    m.update(_prf(c, "quantity", c["docs_indicators"]))
    linked = Counter(linked_tp=c["linked_tp"], linked_fp=c["quantity_pred"] - c["linked_tp"],
                     linked_fn=c["quantity_gold"] - c["linked_tp"])
    m.update(_prf(linked, "linked", c["docs_indicators"]))
    lenient = Counter(linked_lenient_tp=c["linked_lenient_tp"],
                      linked_lenient_fp=c["quantity_pred"] - c["linked_lenient_tp"],
                      linked_lenient_fn=c["quantity_gold"] - c["linked_lenient_tp"])
    m.update(_prf(lenient, "linked_lenient", c["docs_indicators"]))
    targets = Counter(target_tp=c["target_tp"], target_fp=c["target_pred"] - c["target_tp"],
                      target_fn=c["target_gold"] - c["target_tp"])
    m.update(_prf(targets, "target", c["docs_indicators"]))
    for attr in ("change", "qualifier", "kind", "period", "rank"):
        m[f"{attr}_acc"] = _ratio(c[f"{attr}_ok"], c[f"{attr}_n"])
    m.update(_prf(c, "slogan", c["docs_slogans"]))
    m["slogan_acc"] = _ratio(c["slogan_ok"], c["slogan_n"])
    m["slogan_invented"] = c["slogan_invented"] if c["docs_slogans"] else None
    m.update(_prf(c, "task", c["docs_tasks"]))
    m.update(_prf(c, "task_unit", c["docs_tasks"]))
    m["meta_acc"] = _ratio(c["meta_ok"], c["meta_n"])
    m["meta_year_acc"] = _ratio(c["meta_year_ok"], c["meta_year_n"])
    return m


WARMUP_TEXT = "一、工作回顾\n全年地区生产总值增长5%，新增城镇就业1.2万人，深入落实“六稳”工作。\n"
PER_DOC_KEYS = ("section_f1", "function_acc", "quantity_f1", "linked_f1", "kind_acc", "change_acc",
                "slogan_f1", "slogan_acc", "task_unit_f1")


def score_pipeline(pipeline: Pipeline, docs: Sequence[GoldDoc], *,
                   layers: Optional[Iterable[str]] = None, per_doc: bool = False,
                   warmup: bool = True, ci: int = 0) -> dict:
    """Run ``pipeline`` on every document and score it.

    A document on which the pipeline raises is recorded under ``errors`` and scored as an empty
    Report. ``layers`` limits scoring to what the pipeline produces (baselines: indicators).
    ``warmup`` runs the pipeline once on a short text before timing, so that ``chars_per_s``
    measures parsing rather than loading models. ``ci`` > 0 adds ``ci95``: 95% bootstrap
    intervals (that many resamples of the documents) for the main figures.
    Returns the metrics of :func:`metrics` plus ``n_docs``, ``chars``, ``seconds``,
    ``chars_per_s``, ``errors``, ``warnings`` (coded pipeline warnings seen: code -> first
    message) and the raw ``counts``; with ``per_doc`` also ``documents``
    (id -> a few figures of that document alone).
    """
    layers = list(LAYERS if layers is None else layers)
    if warmup and docs:  # load models and lexicons before the clock starts
        try:
            pipeline(WARMUP_TEXT)
        except Exception:
            pass
    total, errors, seconds, chars, documents = Counter(), [], 0.0, 0, {}
    warnings: dict[str, str] = {}  # warning code -> first message
    doc_counts: list[Counter] = []
    for doc in docs:
        t0 = time.perf_counter()
        try:
            report = pipeline(doc.text)
            if not isinstance(report, Report):
                raise TypeError(f"the pipeline returned {type(report).__name__}, not a Report")
        except Exception as exc:  # a crash on one document must not stop the benchmark
            report = Report(text=doc.text)
            errors.append({"id": doc.id, "error": f"{type(exc).__name__}: {exc}"[:300]})
        seconds += time.perf_counter() - t0
        chars += len(doc.text)
        for w in getattr(report, "warnings", None) or []:
            m = re.match(r"\[(W\d+)\]", str(w))
            if m:
                warnings.setdefault(m.group(1), str(w)[:200])
        try:
            counts = score_document(doc, report, layers)
        except Exception as exc:  # malformed output (e.g. offsets of another text)
            errors.append({"id": doc.id, "error": f"scoring failed: {type(exc).__name__}: {exc}"[:300]})
            counts = score_document(doc, Report(text=doc.text), layers)
        total += counts
        doc_counts.append(counts)
        if per_doc:
            figs = metrics(counts)
            documents[doc.id] = {k: figs[k] for k in PER_DOC_KEYS}
    result = metrics(total)
    result.update({"n_docs": len(docs), "chars": chars, "seconds": round(seconds, 3),
                   "chars_per_s": round(chars / seconds, 1) if seconds > 0 else None,
                   "errors": errors, "warnings": warnings, "layers": layers,
                   "counts": dict(sorted(total.items()))})
    if per_doc:
        result["documents"] = documents
    if ci > 0:
        result["ci95"] = bootstrap_ci(doc_counts, n=ci)
    return result


CI_KEYS = ("section_f1", "function_acc", "quantity_f1", "linked_f1", "target_f1", "change_acc",
           "slogan_f1", "slogan_acc", "task_unit_f1")


def bootstrap_ci(doc_counts: Sequence[Counter], n: int = 1000, seed: int = 0,
                 keys: Sequence[str] = CI_KEYS) -> dict:
    """95% percentile intervals of the figures, resampling documents with replacement.

    With a few dozen documents the intervals are wide; two runs whose intervals overlap a lot
    should not be called different on these figures alone.
    """
    import random

    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in keys}
    if not doc_counts:
        return {k: None for k in keys}
    for _ in range(n):
        total = Counter()
        for _ in range(len(doc_counts)):
            total.update(doc_counts[rng.randrange(len(doc_counts))])
        figs = metrics(total)
        for k in keys:
            if figs.get(k) is not None:
                samples[k].append(figs[k])
    out = {}
    for k, values in samples.items():
        if len(values) < n // 2:  # not measurable in most resamples
            out[k] = None
            continue
        values.sort()
        out[k] = [round(values[int(0.025 * (len(values) - 1))], 4), round(values[int(0.975 * (len(values) - 1))], 4)]
    return out
