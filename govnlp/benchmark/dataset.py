"""The bundled gold documents: JSON Lines files in ``govnlp/benchmark/data/``.

One file per split (``train.jsonl``, ``dev.jsonl``, ``test.jsonl``, ``holdout.jsonl``); one document per line,
``{"id", "text", "gold", "meta_info"}``. The format is data/FORMAT.md (and docs/annotation.md,
section 1).

>>> from govnlp.benchmark.dataset import load_split
>>> docs = load_split("sample")
>>> docs[0].id, "indicators" in docs[0].layers
('sample-001', True)
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Optional

from ..report import FUNCTIONS, KINDS, QUALIFIERS, TOPICS

# holdout: documents written after the rules and models were fixed (2026-12-01), never tuned on
# realistic: report-length documents written like real reports and reposts (issue 11), never tuned on
SPLITS = ("train", "dev", "test", "holdout", "realistic")
#: splits no model is trained on and no rule, test, template or lexicon quotes (govnlp.benchmark.leaks)
HELD_OUT = ("dev", "test", "holdout", "realistic")
LAYERS = ("meta", "sections", "indicators", "slogans", "tasks")


@dataclass
class GoldDoc:
    """One gold document: the raw text as a user would feed it, and its annotated layers."""

    id: str
    text: str
    gold: dict = field(default_factory=dict)
    meta_info: dict = field(default_factory=dict)
    split: Optional[str] = None

    @property
    def layers(self) -> list[str]:
        """The layers that are complete for this document (only these are scored)."""
        annotated = self.gold.get("annotated")
        if annotated is None:
            annotated = self.meta_info.get("annotated", [])
        return [layer for layer in annotated if layer in LAYERS]

    def records(self, layer: str) -> list[dict]:
        """The gold records of one layer ([] when none were given)."""
        return list(self.gold.get(layer) or [])

    @classmethod
    def from_dict(cls, d: dict, split: Optional[str] = None) -> "GoldDoc":
        for key in ("id", "text"):
            if key not in d:
                raise ValueError(f"gold document lacks {key!r}: {str(d)[:80]}")
        gold = dict(d.get("gold") or {})
        if "annotated" not in gold and "annotated" in d:  # tolerate it at the top level
            gold["annotated"] = d["annotated"]
        return cls(id=str(d["id"]), text=d["text"], gold=gold,
                   meta_info=dict(d.get("meta_info") or {}), split=split)

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "gold": self.gold, "meta_info": self.meta_info}


def _data_dir():
    return resources.files("govnlp.benchmark").joinpath("data")


def available_splits() -> list[str]:
    """Names of the bundled ``*.jsonl`` files (``train``, ``dev``, ``test``, ``holdout``, ``sample``...)."""
    root = _data_dir()
    return sorted(p.name[:-6] for p in root.iterdir() if p.name.endswith(".jsonl"))


def read_jsonl(text: str, split: Optional[str] = None, source: str = "<string>") -> list[GoldDoc]:
    """Parse JSON Lines text into GoldDocs (blank lines are skipped)."""
    docs = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            docs.append(GoldDoc.from_dict(json.loads(line), split=split))
        except (json.JSONDecodeError, ValueError) as exc:
            raise ValueError(f"{source}:{n}: not a gold document line ({exc})") from exc
    return docs


#: views across the splits: "all" (every split) and "seeds" (the five real seed reports, in train)
VIEWS = ("all", "seeds")


def load_split(split: str) -> list[GoldDoc]:
    """The gold documents of one split; ``"all"`` is every split, ``"seeds"`` the five real seed
    reports the project was created from (seed-000 … seed-004, wherever they live).

    A split whose file is not bundled yet gives ``[]``; an unknown name raises ValueError.
    """
    if split == "all":
        return [d for s in SPLITS for d in load_split(s)]
    if split == "seeds":
        return sorted((d for d in load_split("all") if d.id.startswith("seed-")), key=lambda d: d.id)
    resource = _data_dir().joinpath(f"{split}.jsonl")
    if not resource.is_file():
        if split in SPLITS:
            return []
        raise ValueError(f"unknown split {split!r}; choose one of {SPLITS + VIEWS} "
                         f"or a bundled file: {available_splits()}")
    return read_jsonl(resource.read_text(encoding="utf-8"), split=split,
                      source=f"benchmark/data/{split}.jsonl")


def as_dataset(split: str):
    """The split as a Hugging Face ``datasets.Dataset``.

    Columns: ``id``, ``text``, ``split``, ``annotated`` (list of layer names), ``gold`` and
    ``meta_info`` (JSON strings: ``json.loads(row["gold"])`` gives the dict; stored as text
    because the records mix nulls, ints and floats that Arrow would coerce).
    """
    import datasets

    docs = load_split(split)
    return datasets.Dataset.from_dict({
        "id": [d.id for d in docs],
        "text": [d.text for d in docs],
        "split": [d.split or split for d in docs],
        "annotated": [d.layers for d in docs],
        "gold": [json.dumps(d.gold, ensure_ascii=False) for d in docs],
        "meta_info": [json.dumps(d.meta_info, ensure_ascii=False) for d in docs],
    }, features=datasets.Features({
        "id": datasets.Value("string"), "text": datasets.Value("string"),
        "split": datasets.Value("string"),
        "annotated": datasets.Sequence(datasets.Value("string")),
        "gold": datasets.Value("string"), "meta_info": datasets.Value("string"),
    }))


# ---- checking a gold document ---------------------------------------------------------------
_INDICATOR_KEYS = ("name", "value", "low", "high", "unit", "qualifier", "change", "rank", "kind",
                   "period", "spans")
_SECTION_KEYS = ("level", "marker", "title", "start", "end", "function", "topic")


def _span_ok(text: str, span: Any) -> bool:
    return (isinstance(span, (list, tuple)) and len(span) == 2
            and all(isinstance(x, int) for x in span) and 0 <= span[0] <= span[1] <= len(text))


def check_doc(doc: GoldDoc) -> list[str]:
    """Problems found in one gold document (offsets, missing keys, labels); [] when well-formed."""
    from .scorer import norm

    text, problems = doc.text, []
    for layer in doc.layers:
        if layer != "meta" and not isinstance(doc.gold.get(layer, []), list):
            problems.append(f"{layer}: not a list")
    for i, s in enumerate(doc.records("sections")):
        where = f"sections[{i}]"
        problems += [f"{where}: missing {k!r}" for k in _SECTION_KEYS if k not in s]
        if not _span_ok(text, [s.get("start"), s.get("end")]):
            problems.append(f"{where}: start/end {s.get('start')}..{s.get('end')} outside the text")
        elif s.get("title") and norm(s["title"]) not in norm(text[s["start"]:s["end"]]):
            problems.append(f"{where}: title {s['title']!r} not inside its span")
        if s.get("function") not in FUNCTIONS:
            problems.append(f"{where}: function {s.get('function')!r} not in FUNCTIONS")
        if s.get("topic") not in TOPICS:
            problems.append(f"{where}: topic {s.get('topic')!r} not in TOPICS")
    for i, ind in enumerate(doc.records("indicators")):
        where = f"indicators[{i}]"
        problems += [f"{where}: missing {k!r}" for k in _INDICATOR_KEYS if k not in ind]
        spans = ind.get("spans") or {}
        for key in ("name", "value", "change"):
            if spans.get(key) is not None and not _span_ok(text, spans[key]):
                problems.append(f"{where}: spans.{key} {spans[key]} is not a range inside the text")
        has_level = ind.get("value") is not None or ind.get("low") is not None
        if has_level and spans.get("value") is None:
            problems.append(f"{where}: a level without spans.value")
        if ind.get("change") is not None and spans.get("change") is None:
            problems.append(f"{where}: a change without spans.change")
        if ind.get("value") is not None and (ind.get("low") is not None or ind.get("high") is not None):
            problems.append(f"{where}: value and low/high both set (a range has value null)")
        if ind.get("qualifier") not in (None,) + QUALIFIERS:
            problems.append(f"{where}: qualifier {ind.get('qualifier')!r} unknown")
        if ind.get("kind", "actual") not in KINDS:
            problems.append(f"{where}: kind {ind.get('kind')!r} unknown")
        change = ind.get("change")
        if change is not None and ("value" not in change or "unit" not in change):
            problems.append(f"{where}: change lacks value/unit")
    for i, s in enumerate(doc.records("slogans")):
        where = f"slogans[{i}]"
        if not _span_ok(text, [s.get("start"), s.get("end")]):
            problems.append(f"{where}: start/end outside the text")
        elif norm(s.get("text", "")) != norm(text[s["start"]:s["end"]]):
            problems.append(f"{where}: text {s.get('text')!r} != span {text[s['start']:s['end']]!r}")
        exp = s.get("expansion")
        if exp is not None and not (isinstance(exp, list) and all(isinstance(x, str) for x in exp)):
            problems.append(f"{where}: expansion must be null or a list of str")
    for i, t in enumerate(doc.records("tasks")):
        where = f"tasks[{i}]"
        if not isinstance(t.get("number"), str):
            problems.append(f"{where}: number must be a str")
        for role in ("lead", "support"):
            if not isinstance(t.get(role, []), list):
                problems.append(f"{where}: {role} must be a list")
    return problems


# ---- guideline hints (not errors: a human decides) -------------------------------------------
# surface word -> the qualifier docs/annotation.md 2.6 gives it
_QUALIFIER_WORDS = (("左右", "approx"), ("约", "approx"), ("以上", "at_least"), ("不低于", "at_least"),
                    ("不少于", "at_least"), ("突破", "at_least"), ("余", "more_than"), ("多", "more_than"),
                    ("以内", "at_most"), ("以下", "at_most"), ("不超过", "at_most"), ("控制在", "at_most"),
                    ("不到", "less_than"), ("不足", "less_than"), ("接近", "nearly"), ("将近", "nearly"),
                    ("近", "nearly"))
_DOWN_WORDS = ("下降", "减少", "降低", "回落", "收窄", "下滑")


def lint_doc(doc: GoldDoc) -> list[str]:
    """Places where the gold looks inconsistent with docs/annotation.md (to review by hand).

    Checks qualifier words inside value spans (2.6), the sign of changes after 下降-type verbs
    (2.5) and 个百分点 written as "%" (2.4).
    """
    text, hints = doc.text, []
    for i, ind in enumerate(doc.records("indicators")):
        spans = ind.get("spans") or {}
        where = f"indicators[{i}] {ind.get('name')!r}"
        if spans.get("value"):
            s, e = spans["value"]
            surface = text[max(0, s - 2):e + 2]
            inner = text[s:e]
            for word, qualifier in _QUALIFIER_WORDS:
                hit = (word in inner) if word not in ("余", "多") else re.search(r"\d\s*[余多]|[十百千万][余多]", inner)
                if hit and ind.get("qualifier") != qualifier:
                    hints.append(f"{where}: value {surface!r} has {word!r} but qualifier is {ind.get('qualifier')}")
                    break
        change = ind.get("change")
        if change and spans.get("change"):
            s, e = spans["change"]
            surface = text[max(0, s - 4):e]
            if any(w in surface for w in _DOWN_WORDS) and change.get("value", 0) > 0:
                hints.append(f"{where}: change {surface!r} is positive after a falling verb")
            if "百分点" in text[s:e + 1] and change.get("unit") != "pp":
                hints.append(f"{where}: change {text[s:e]!r} in 个百分点 but unit {change.get('unit')!r}")
    return hints


def lint_corpus(docs: list[GoldDoc]) -> dict[str, list[str]]:  # noqa: C901
    """:func:`lint_doc` for every document, plus slogans annotated somewhere but not everywhere.

    A slogan surface annotated in any document is looked up in every document whose slogans layer
    is complete; an occurrence no annotated slogan covers is reported (it may be a definition
    item, e.g. 双循环 inside 国内国际双循环相互促进 — a human decides), and lines that start
    with a heading marker (一、 （一） ——) where no gold section starts (annotation.md 3.1).
    """
    from .scorer import _char_key

    heading = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|——(?![\d（(]))",
                         re.M)
    surfaces = sorted({"".join(_char_key(c) for c in s["text"]) for d in docs
                       for s in d.records("slogans") if s.get("text")}, key=len, reverse=True)
    out: dict[str, list[str]] = {}
    for doc in docs:
        hints = lint_doc(doc)
        if "sections" in doc.layers:
            starts = {sec["start"] for sec in doc.records("sections")}
            for m in heading.finditer(doc.text):
                at = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000"))
                if not any(abs(at - s0) <= 1 for s0 in starts):
                    line = doc.text[at:doc.text.find("\n", at) if "\n" in doc.text[at:] else len(doc.text)]
                    hints.append(f"line at {at} starts with a heading marker but is no section: {line[:30]!r}")
        if "slogans" in doc.layers:
            key = "".join(_char_key(c) for c in doc.text)
            covered = [(s["start"], s["end"]) for s in doc.records("slogans")]
            for surface in surfaces:
                start = key.find(surface)
                while start >= 0:
                    end = start + len(surface)
                    if not any(s < end and start < e for s, e in covered):
                        hints.append(f"slogan {surface!r} at {start} is not annotated "
                                     "(…" + " ".join(doc.text[max(0, start - 8):end + 8].split()) + "…)")
                        covered.append((start, end))
                    start = key.find(surface, end)
        if hints:
            out[doc.id] = hints
    return out
