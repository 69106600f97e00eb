"""Section labelling: what each outline section does (function) and what it is about (topic).

Two layers:

- **rules** (always on): the headed introduction, the closing appeal and the 注释 block are
  recognised from the outline's structure; heading keywords (``data/section_keywords.tsv``)
  give hints. On their own the rules are the fallback labeller when no model is installed.
- **model** (``models/sections``): two scikit-learn pipelines (function, topic) over character
  n-gram TF-IDF of the heading, the start of the body and the parent/top-level headings, plus
  context features (level, marker style, position, the parent's labels, keyword hints). Saved
  with skops plus ``meta.json``; ``govnlp train sections`` rebuilds it. The same model is also
  exported for numpy (``scorer.json`` + ``scorer.npz``, govnlp.section_scorer), which is what
  labelling loads: no scikit-learn, scipy or skops import at run time.

>>> from govnlp.report import Report, Section
>>> text = "一、2022年工作回顾\\n经济稳中有进。\\n二、2023年主要工作\\n稳增长。\\n注释\\n1.六稳：稳就业。"
>>> r = Report(text=text, sections=[
...     Section(0, None, 1, "一、", "2022年工作回顾", 0, 20, body_start=12),
...     Section(1, None, 1, "二、", "2023年主要工作", 20, 37, body_start=32),
...     Section(2, None, 1, None, "注释", 37, len(text), body_start=40)])
>>> label_sections(r)   # doctest: +SKIP
>>> [s.function for s in r.sections]   # doctest: +SKIP
['review', 'tasks', 'glossary']
"""
from __future__ import annotations

import bisect
import json
import os
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence

from .errors import Errors, ModelNotFoundError, Warnings
from .report import FUNCTIONS, TOPICS, Report, Section

MODEL_FILE = "model.skops"
META_FILE = "meta.json"
SCORER_FILES = ("scorer.json", "scorer.npz")
TRAIN_COMMAND = "govnlp train sections --out models/sections"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "sections"
BODY_CHARS = 120          # how much of the body the model reads
RULE_CONFIDENCE = 0.95    # confidence of a structural rule (preamble, closing, glossary)
STRUCTURAL_WEIGHT = 10   # keyword rows this heavy decide the function outright
HINT_CONFIDENCE = 0.6     # confidence of a keyword hint in the fallback labeller
# a child may leave its parent's function only for these (parent -> allowed own functions)
CHILD_OVERRIDES = {
    "review": {"problems", "glossary", "boilerplate"},
    "tasks": {"guidance", "targets", "self_building", "glossary", "boilerplate", "problems"},
    "guidance": {"targets", "tasks"},
    "targets": {"tasks"},
    "problems": set(),
    "self_building": set(),
    "glossary": set(),
    "preamble": {"review", "problems", "guidance", "targets", "tasks", "self_building"},
    "other": set(FUNCTIONS),
}
DELIVERY = re.compile(r"(\d{4}年\d{1,2}月\d{1,2}日|会议上|代表大会|常委会|常务委员会)")
DOC_TITLE = re.compile(r"(报告|方案|计划|意见|通知|讲话)$|政府工作报告")
CLOSING_TITLE = re.compile(r"^(各位代表|同志们|主任|各位委员|各位领导|女士们)")
YEAR = re.compile(r"(20\d\d|19\d\d)年?")
MARKER_STYLES = (
    ("fangmian", re.compile(r"^第[一二三四五六七八九十]+(方面|部分|篇|章)")),
    ("cn_paren", re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
    ("cn_dun", re.compile(r"^[一二三四五六七八九十]+[、．.]")),
    ("shi", re.compile(r"^[一二三四五六七八九十]+是$")),
    ("ar_paren", re.compile(r"^[（(]\d+[)）]")),
    ("ar_dot", re.compile(r"^\d+[、．.]")),
    ("circled", re.compile(r"^[①-⑳]")),
    ("dash", re.compile(r"^——")),
)


# ---- keyword hints ---------------------------------------------------------------------------
@dataclass(frozen=True)
class KeywordRule:
    """One row of ``data/section_keywords.tsv``."""

    field: str
    label: str
    weight: int
    pattern: re.Pattern
    source: str


@lru_cache(maxsize=1)
def keyword_rules() -> tuple[KeywordRule, ...]:
    """The heading keyword table, in file order."""
    text = resources.files("govnlp.data").joinpath("section_keywords.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("field\t"):
            continue
        field, label, weight, pattern, source = line.split("\t")
        allowed = FUNCTIONS if field == "function" else TOPICS
        if label not in allowed:
            raise ValueError(f"section_keywords.tsv: unknown {field} label {label!r}")
        rows.append(KeywordRule(field, label, int(weight), re.compile(pattern), source))
    return tuple(rows)


@lru_cache(maxsize=4096)
def keyword_hint(title: str, field: str) -> tuple[Optional[str], int]:
    """The best keyword hint ``(label, weight)`` for a heading, or ``(None, 0)``.

    >>> keyword_hint("2019年主要工作回顾", "function")
    ('review', 7)
    >>> keyword_hint("下半年主要工作安排", "function")
    ('tasks', 5)
    >>> keyword_hint("抓实抓细强化疫情防控", "topic")
    ('epidemic', 6)
    """
    best: tuple[Optional[str], int] = (None, 0)
    best_pos = len(title) + 1
    for rule in keyword_rules():
        if rule.field != field or rule.weight < best[1]:
            continue
        m = rule.pattern.search(title)
        if m and (rule.weight > best[1] or m.start() < best_pos):  # tie: the earlier keyword
            best, best_pos = (rule.label, rule.weight), m.start()
    return best


# ---- structure -------------------------------------------------------------------------------
def marker_style(marker: Optional[str]) -> str:
    """A coarse name for a heading marker: 一、 -> cn_dun, （一） -> cn_paren, None -> none."""
    if not marker:
        return "none"
    for name, pattern in MARKER_STYLES:
        if pattern.search(marker):
            return name
    return "other"


def _top_level(report: Report) -> list[Section]:
    """The top-level sections, computed once per outline (labelling asks for them per section)."""
    cached = report.__dict__.get("_top_level")
    if cached is None or cached[0] is not report.sections or cached[1] != len(report.sections):
        cached = (report.sections, len(report.sections), [t for t in report.sections if t.parent is None])
        report.__dict__["_top_level"] = cached
    return cached[2]


def _child_count(report: Report, section_id: int) -> int:
    """How many children a section has (counted once per outline)."""
    cached = report.__dict__.get("_child_counts")
    if cached is None or cached[0] is not report.sections or cached[1] != len(report.sections):
        counts: dict = {}
        for t in report.sections:
            counts[t.parent] = counts.get(t.parent, 0) + 1
        cached = (report.sections, len(report.sections), counts)
        report.__dict__["_child_counts"] = cached
    return cached[2].get(section_id, 0)


def _top_index(report: Report, section_id: int) -> int:
    """Position of the first top-level section at or after ``section_id`` (bisect on cached ids)."""
    cached = report.__dict__.get("_top_ids")
    top = _top_level(report)
    if cached is None or cached[0] is not top:
        cached = (top, [t.id for t in top])
        report.__dict__["_top_ids"] = cached
    return bisect.bisect_left(cached[1], section_id)


def structural_function(report: Report, s: Section) -> Optional[str]:
    """preamble / closing / glossary / boilerplate decided by structure and exact headings."""
    secs = report.sections
    label, weight = keyword_hint(s.title, "function")
    if weight >= STRUCTURAL_WEIGHT:
        return label
    if s.parent is not None and secs[s.parent].function in ("glossary", "boilerplate") and \
            secs[s.parent].confidence >= RULE_CONFIDENCE:
        return secs[s.parent].function
    top = _top_level(report)
    if s.parent is None and top == [s] and s.marker is None and s.body_start == s.start:
        # no heading at all: the outline's one section is the whole passage, read from its first
        # line; its words mix review and plan, so it gets no review/targets label of its own
        return "preamble"
    if s.parent is None and top and s is top[0] and len(top) > 1:
        # the text before the first heading (the outline starts it at its first line), a
        # document title or the delivery line; a real first part such as 回顾2022 is not one
        lead_in = s.body_start == s.start or DOC_TITLE.search(s.title) or DELIVERY.search(s.title)
        if (s.marker is None or DELIVERY.search(s.title)) and (lead_in or weight < 5):
            return "preamble"
    if s.parent is None and top and s is not top[0] and s.marker is None and CLOSING_TITLE.search(s.title):
        return "closing"  # 各位代表…让我们… after the last part (a 注释 block may still follow)
    return None


def _ancestors(report: Report, s: Section) -> list[Section]:
    out, p = [], s.parent
    while p is not None and 0 <= p < len(report.sections) and len(out) < 12:
        out.append(report.sections[p])
        p = report.sections[p].parent
    return out


def _body(report: Report, s: Section) -> str:
    start = s.body_start if s.body_start is not None else s.start + len(s.marker or "") + len(s.title)
    return re.sub(r"\s+", "", report.text[start:min(s.end, start + BODY_CHARS * 2)])[:BODY_CHARS]


def topic_votes(text: str) -> dict[str, int]:
    """How many topic keywords of each (specific) topic occur in ``text``."""
    votes: dict[str, int] = {}
    for rule in keyword_rules():
        if rule.field == "topic" and rule.label != "general":
            n = len(rule.pattern.findall(text))
            if n:
                votes[rule.label] = votes.get(rule.label, 0) + n
    return votes


@dataclass
class _Outline:
    """Per-report facts section_features needs for every section, computed once."""

    latest_year: Optional[int]
    children: dict
    siblings: dict
    sibling_index: dict  # section id -> its position among its parent's children

    @classmethod
    def of(cls, report: Report) -> "_Outline":
        years = [int(y) for t in report.sections for y in YEAR.findall(t.title)]
        children: dict = {}
        index: dict = {}
        for t in report.sections:
            kids = children.setdefault(t.parent, [])
            index[t.id] = len(kids)
            kids.append(t.id)
        return cls(max(years) if years else None, children, children, index)


def section_features(report: Report, s: Section, parent_function: Optional[str] = None,
                     parent_topic: Optional[str] = None,
                     rule: Optional[tuple[str, str, float]] = None,
                     outline: Optional[_Outline] = None) -> dict:
    """The model's input for one section: texts and a dict of context features.

    ``parent_function``/``parent_topic`` are the rules' labels of the parent (the same when
    training and labelling); ``rule`` is the section's own :func:`rule_labels` triple, which
    the model learns when to trust.
    """
    anc = _ancestors(report, s)
    parent = anc[0] if anc else None
    top = anc[-1] if anc else None
    n = max(len(report.text), 1)
    outline = outline or _Outline.of(report)
    own_years = [int(y) for y in YEAR.findall(s.title)]
    fn_hint, fn_w = keyword_hint(s.title, "function")
    tp_hint, tp_w = keyword_hint(s.title, "topic")
    siblings = outline.siblings.get(s.parent, [])
    feats = {
        f"level={min(s.level, 5)}": 1.0,
        f"style={marker_style(s.marker)}": 1.0,
        f"pos={min(int(10 * s.start / n), 9)}": 1.0,
        "rel_start": s.start / n,
        "rel_len": (s.end - s.start) / n,
        "has_children": float(bool(outline.children.get(s.id))),
        f"sib_index={min(outline.sibling_index.get(s.id, 0), 8)}": 1.0,
        "is_last_sibling": float(bool(siblings) and siblings[-1] == s.id),
        f"fn_hint={fn_hint}": 1.0 if fn_hint else 0.0,
        f"fn_hint_w={fn_w}": 1.0,
        f"tp_hint={tp_hint}": 1.0 if tp_hint else 0.0,
        f"parent_fn={parent_function if parent else 'ROOT'}": 1.0,
        f"parent_tp={parent_topic if parent else 'ROOT'}": 1.0,
        f"parent_style={marker_style(parent.marker) if parent else 'ROOT'}": 1.0,
        f"doc_type={report.meta.doc_type}": 1.0,
    }
    if parent is not None:
        p_hint, _ = keyword_hint(parent.title, "function")
        feats[f"parent_hint={p_hint}"] = 1.0
    if top is not None and top is not parent:
        t_hint, _ = keyword_hint(top.title, "function")
        feats[f"top_hint={t_hint}"] = 1.0
    if rule is not None:
        feats[f"rule_fn={rule[0]}"] = 1.0
        feats[f"rule_tp={rule[1]}"] = 1.0
        feats[f"rule_conf={rule[2]:.1f}"] = 1.0
    body = _body(report, s)
    for topic, n in topic_votes(body).items():
        feats[f"body_tp={topic}"] = min(n, 3) / 3
    if own_years and outline.latest_year:
        feats["year=latest" if max(own_years) >= outline.latest_year else "year=earlier"] = 1.0
    return {
        "head": s.title,
        "body": body,
        "ctx": (parent.title if parent else "") + "｜" + (top.title if top is not None and top is not parent else ""),
        "feats": feats,
    }


# ---- the rule labeller (fallback and weak supervision) -----------------------------------------
@dataclass
class RuleLabel:
    """What the rules say about one section, and on what evidence.

    ``fn_from``: "structure" (preamble/closing/glossary...), "keyword" (the heading's own
    keyword), "parent" (inherited), "plan" (a part after the plan part or in a task plan) or
    "default" (no evidence). ``tp_from``: "keyword", "parent" or "default".
    """

    function: str
    topic: str
    confidence: float
    fn_from: str
    tp_from: str

    def as_tuple(self) -> tuple[str, str, float]:
        return self.function, self.topic, self.confidence


def _parent_rule(rules: list[RuleLabel], s: Section) -> tuple[Optional[str], Optional[str]]:
    """The rules' (function, topic) of the parent of ``s`` (None, None at the top)."""
    if s.parent is None or s.parent >= len(rules):
        return None, None
    return rules[s.parent].function, rules[s.parent].topic


def rule_labels(report: Report) -> list[tuple[str, str, float]]:
    """(function, topic, confidence) per section from structure and heading keywords only.

    A child inherits its parent's function unless its own heading clearly says otherwise
    (CHILD_OVERRIDES); a heading without a topic keyword inherits a specific parent topic.
    """
    return [(r.function, r.topic, r.confidence) for r in rule_details(report)]


def rule_details(report: Report) -> list[RuleLabel]:
    """:func:`rule_labels` with the evidence behind each label."""
    out: list[RuleLabel] = []
    saved = [(s.function, s.confidence) for s in report.sections]
    try:
        for s in report.sections:
            fn, conf, fn_from = _rule_function(report, s, out)
            s.function, s.confidence = fn, conf  # structural_function reads the parent's label
            tp, tp_from = _rule_topic(report, s, fn, out)
            out.append(RuleLabel(fn, tp, conf, fn_from, tp_from))
    finally:
        for s, (fn, conf) in zip(report.sections, saved):
            s.function, s.confidence = fn, conf
    return out


def _rule_function(report: Report, s: Section, done: list[RuleLabel]) -> tuple[str, float, str]:
    structural = structural_function(report, s)
    if structural:
        return structural, RULE_CONFIDENCE, "structure"
    hint, weight = keyword_hint(s.title, "function")
    parent = done[s.parent] if s.parent is not None and s.parent < len(done) else None
    if parent is None:
        if hint and weight >= 5:
            return hint, HINT_CONFIDENCE, "keyword"
        if report.meta.doc_type == "task_plan":
            return "tasks", HINT_CONFIDENCE, "plan"
        top = _top_level(report)
        k = _top_index(report, s.id)
        prev = done[top[k - 1].id].function if k > 0 and top[k - 1].id < len(done) else None
        if prev in ("tasks", "targets", "guidance") and hint != "review":
            return "tasks", 0.5, "plan"  # a part after the plan part continues the plan
        return (hint, 0.4, "default") if hint else ("other", 0.3, "default")
    if hint and weight >= 5 and hint in CHILD_OVERRIDES.get(parent.function, set()):
        return hint, HINT_CONFIDENCE, "keyword"
    if parent.function in ("preamble", "closing"):
        return (hint, 0.4, "default") if hint else ("other", 0.3, "default")
    return parent.function, parent.confidence, "parent"


def _rule_topic(report: Report, s: Section, fn: str, done: list[RuleLabel]) -> tuple[str, str]:
    if fn in ("preamble", "closing", "glossary", "boilerplate"):
        return "general", "keyword"
    if fn in ("targets", "guidance") and keyword_hint(s.title, "function")[0] == fn:
        return "general", "keyword"  # the target block itself; its items have their own topics
    hint, weight = keyword_hint(s.title, "topic")
    if hint and hint != "general":
        if s.parent is None and _child_count(report, s.id) >= 3 and weight < 5:
            return "general", "default"
        return hint, "keyword"
    if hint == "general":
        return "general", "keyword"
    if s.parent is not None and s.parent < len(done) and done[s.parent].topic != "general":
        return done[s.parent].topic, "parent"
    return "general", "default"  # a general parent says nothing about its child's domain


# ---- the model -------------------------------------------------------------------------------
class SectionModel:
    """A fitted feature union (ColumnTransformer), two probabilistic classifiers (function,
    topic) on its output, and the metadata they were saved with."""

    def __init__(self, features, function_clf, topic_clf, meta: Optional[dict] = None, path: str = ""):
        self.features = features
        self.function_clf = function_clf
        self.topic_clf = topic_clf
        self.meta = dict(meta or {})
        self.path = path

    def transform(self, rows: Sequence[dict]):
        """The feature matrix of rows from section_features.

        Same result as ``features.transform(_frame(rows))``, minus the ColumnTransformer's
        per-call overhead (input validation, dispatch), which is most of the time on one report.
        """
        from scipy import sparse

        weights = self.features.transformer_weights or {}
        blocks = []
        for name, transformer, column in self.features.transformers_:
            if transformer == "drop" or name == "remainder":
                continue
            block = transformer.transform([r[column] for r in rows])
            w = weights.get(name)
            blocks.append(block * w if w is not None and w != 1 else block)
        return sparse.hstack(blocks, format="csr")

    def predict_proba(self, rows: Sequence[dict]):
        """(function probabilities, topic probabilities) for feature rows of section_features."""
        x = self.transform(rows)
        return self.function_clf.predict_proba(x), self.topic_clf.predict_proba(x)

    @property
    def function_classes(self) -> list[str]:
        """Function labels in the column order of :meth:`predict_proba`."""
        return [str(c) for c in self.function_clf.classes_]

    @property
    def topic_classes(self) -> list[str]:
        """Topic labels in the column order of :meth:`predict_proba`."""
        return [str(c) for c in self.topic_clf.classes_]

    def export(self):
        """This model as a numpy :class:`~govnlp.section_scorer.LinearScorer` (ValueError when
        its pieces cannot be reproduced exactly, e.g. an SGD classifier)."""
        from .section_scorer import export_pipeline

        return export_pipeline(self.features, {"function": self.function_clf, "topic": self.topic_clf})

    def label(self, report: Report) -> None:
        """Fill function/topic/confidence of every section.

        All sections go through the model in one batch; the parent's labels it sees are the
        rules' (so training and labelling see the same context). In "hybrid" mode (the
        default) a label the rules derive from the heading's own keywords, the structure or the
        parent is kept and the model decides the rest; in "model" mode the model decides
        everything but the structural labels. ``confidence`` is the model's probability of the
        chosen function (RULE_CONFIDENCE for structural labels).
        """
        secs = report.sections
        rules = rule_details(report)
        hybrid = self.meta.get("mode", "hybrid") == "hybrid"
        outline = _Outline.of(report)
        rows = [section_features(report, s, *_parent_rule(rules, s), rule=rules[s.id].as_tuple(),
                                 outline=outline) for s in secs]
        fprob, tprob = self.predict_proba(rows)
        fl, tl = self.function_classes, self.topic_classes
        final: list[RuleLabel] = []  # labels given so far; the rules are re-read against them
        for s, fp, tp in zip(secs, fprob, tprob):  # pre-order: a parent is final before its children
            fn, conf, fn_from = _rule_function(report, s, final)
            p = secs[s.parent] if s.parent is not None else None
            if fn_from == "structure":
                s.function, s.topic, s.confidence = fn, "general", RULE_CONFIDENCE
                final.append(RuleLabel(fn, "general", RULE_CONFIDENCE, fn_from, "keyword"))
                continue
            if not (hybrid and fn_from in ("keyword", "parent")):
                fn = fl[max(range(len(fl)), key=lambda i: fp[i])]
                if p is not None and fn != p.function and p.function in CHILD_OVERRIDES \
                        and fn not in CHILD_OVERRIDES[p.function] and fp[fl.index(fn)] < 0.9:
                    fn = p.function  # a child keeps its parent's role unless clearly otherwise
            s.function = fn
            s.confidence = round(float(fp[fl.index(fn)]) if fn in fl else conf, 4)
            topic, tp_from = _rule_topic(report, s, fn, final)
            if not (hybrid and tp_from == "keyword"):
                topic = tl[max(range(len(tl)), key=lambda i: tp[i])]
            s.topic = topic
            final.append(RuleLabel(s.function, s.topic, s.confidence, fn_from, tp_from))

    def save(self, path: str | Path) -> None:
        """Write ``model.skops``, ``meta.json`` and the numpy export into folder ``path``."""
        import skops.io as sio

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        sio.dump({"features": self.features, "function": self.function_clf, "topic": self.topic_clf},
                 path / MODEL_FILE,
                 compression=zipfile.ZIP_DEFLATED, compresslevel=9)
        meta = dict(self.meta)
        meta.setdefault("function_labels", self.function_classes)
        meta.setdefault("topic_labels", self.topic_classes)
        (path / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
        write_scorer(self, path)


class ExportedSectionModel(SectionModel):
    """The section model scored by numpy from ``scorer.json``/``scorer.npz`` (same labels and
    probabilities as the scikit-learn model it was exported from, no scikit-learn import)."""

    def __init__(self, scorer, meta: Optional[dict] = None, path: str = ""):
        super().__init__(None, None, None, meta, path)
        self.scorer = scorer

    def predict_proba(self, rows: Sequence[dict]):
        """(function probabilities, topic probabilities) for feature rows of section_features."""
        probs = self.scorer.predict_proba(rows)
        return probs["function"], probs["topic"]

    @property
    def function_classes(self) -> list[str]:
        return self.scorer.classes("function")

    @property
    def topic_classes(self) -> list[str]:
        return self.scorer.classes("topic")

    def export(self):
        return self.scorer

    def save(self, path: str | Path) -> None:
        """Write ``meta.json`` and the scorer files (there is no scikit-learn model to save)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
        self.scorer.save(path)


def write_scorer(model: SectionModel, folder: str | Path) -> bool:
    """Export ``model`` for numpy next to its ``model.skops`` (tied to it by SHA-256).

    Returns False, and removes any older export, when the model cannot be exported exactly.
    """
    folder = Path(folder)
    try:
        scorer = model.export()
    except ValueError:
        for name in SCORER_FILES:
            (folder / name).unlink(missing_ok=True)
        return False
    skops_file = folder / MODEL_FILE
    from .section_scorer import file_sha256

    scorer.save(folder, source_sha256=file_sha256(skops_file) if skops_file.is_file() else None)
    return True


def export_folder(path: Optional[str | Path] = None) -> bool:
    """Write the numpy export of an existing model folder (its ``model.skops``); see write_scorer."""
    folder = model_dir(path)
    return write_scorer(_load_skops(str(folder.resolve())), folder)


def _frame(rows: Sequence[dict]):
    import pandas as pd

    return pd.DataFrame({"head": [r["head"] for r in rows], "body": [r["body"] for r in rows],
                         "ctx": [r["ctx"] for r in rows], "feats": [r["feats"] for r in rows]})


def model_dir(path: Optional[str | Path] = None) -> Path:
    """The model folder: ``path``, else $GOVNLP_SECTIONS_MODEL, else ``models/sections``."""
    return Path(path or os.environ.get("GOVNLP_SECTIONS_MODEL") or DEFAULT_MODEL_DIR)


def load_model(path: Optional[str | Path] = None) -> SectionModel:
    """Load a saved section model (offline). Raises ModelNotFoundError when it is missing."""
    folder = model_dir(path)
    return _load_cached(str(folder.resolve()))


@lru_cache(maxsize=4)
def _load_cached(folder: str) -> SectionModel:
    """The numpy export when it is there and made from this folder's model.skops, else skops."""
    f = Path(folder)
    if all((f / name).is_file() for name in SCORER_FILES + (META_FILE,)):
        from .section_scorer import LinearScorer, file_sha256

        try:
            scorer = LinearScorer.load(f)
            source = scorer.spec.get("source_sha256")
            if not (f / MODEL_FILE).is_file() or source is None or source == file_sha256(f / MODEL_FILE):
                meta = json.loads((f / META_FILE).read_text("utf-8"))
                return ExportedSectionModel(scorer, meta, path=folder)
        except Exception as exc:  # a damaged export (bad JSON, zip, shapes): fall back to skops
            if not (f / MODEL_FILE).is_file():
                raise ModelNotFoundError(Errors.E007.format(path=folder, reason=f"{type(exc).__name__}: {exc}",
                                                            command=TRAIN_COMMAND)) from exc
    return _load_skops(folder)


def _load_skops(folder: str) -> SectionModel:
    """The scikit-learn model from ``model.skops`` (imports scikit-learn and skops)."""
    import warnings as _warnings

    f = Path(folder)
    for name in (MODEL_FILE, META_FILE):
        if not (f / name).is_file():
            raise ModelNotFoundError(Errors.E007.format(path=folder, reason=f"no {name}", command=TRAIN_COMMAND))
    import skops.io as sio
    try:  # skops refuses any type outside its default trusted set (sklearn, numpy, scipy)
        meta = json.loads((f / META_FILE).read_text("utf-8"))
        pipes = sio.load(f / MODEL_FILE)
    except Exception as exc:  # UntrustedTypesFoundException, a damaged zip, a newer format
        raise ModelNotFoundError(Errors.E007.format(path=folder, reason=f"{type(exc).__name__}: {exc}",
                                                    command=TRAIN_COMMAND)) from exc
    try:
        import sklearn
        if meta.get("sklearn_version") and meta["sklearn_version"] != sklearn.__version__:
            _warnings.warn(f"section model was saved with scikit-learn {meta['sklearn_version']}, "
                           f"running {sklearn.__version__}; retrain with `{TRAIN_COMMAND}` if labels look off")
    except ImportError:  # pragma: no cover
        pass
    if not isinstance(pipes, dict) or set(pipes) != {"features", "function", "topic"}:
        raise ModelNotFoundError(Errors.E007.format(path=folder, reason="not a govnlp section model",
                                                    command=TRAIN_COMMAND))
    return SectionModel(pipes["features"], pipes["function"], pipes["topic"], meta, path=folder)


# ---- the stage -------------------------------------------------------------------------------
def label_sections(report: Report, model: Optional[str] = None) -> None:
    """Fill ``function``, ``topic`` and ``confidence`` of every section of ``report``.

    Uses the model in ``model`` (a folder; default ``models/sections``). When it cannot be
    loaded the heading-keyword rules label the sections and a W009 warning is added.
    """
    if not report.sections:
        return
    try:
        m = load_model(model)
    except ModelNotFoundError as exc:
        report.warnings.append(Warnings.W009.format(reason=str(exc)))
        for s, (fn, tp, conf) in zip(report.sections, rule_labels(report)):
            s.function, s.topic, s.confidence = fn, tp, conf
        return
    m.label(report)
