"""``govnlp train sections``: fit the section classifier (function + topic) and save it.

Training data:

- gold: the benchmark's train split (``govnlp.benchmark.dataset.load_split("train")``), every
  document whose ``sections`` layer is annotated; offsets are mapped onto the normalised text.
- weak: every other report text we have (the seeds, train documents without section gold),
  outlined by govnlp and labelled by the heading-keyword rules (``govnlp.sections.rule_labels``).
  Documents of the dev and test splits are never used for training, the seeds included.

Model selection uses the dev split (gold sections, labels predicted parents-first exactly as at
run time) and, when there are enough gold train documents, cross-validation grouped by document.
The test split is never read here.

    govnlp train sections --out models/sections
    python -m govnlp.train.sections --out /tmp/sections --candidates lr
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import re
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Optional, Sequence

from ..report import Report, Section
from ..sections import (TRAIN_COMMAND, SectionModel, _frame, _Outline, _parent_rule, rule_details, rule_labels,
                        section_features)

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = ("lr", "sgd", "lr_head", "bert", "rules")  # KIND of a candidate KIND[/MODE]
# compared, never shipped: would need torch at run time (see docs/sections.md)
COMPARISON_ONLY = ("bert",)


@dataclass
class SectionTrainArgs:
    """Options of ``govnlp train sections``."""

    out: str = field(default=str(REPO / "models" / "sections"), metadata={"help": "output folder"})
    seeds: list[str] = field(default_factory=lambda: [str(REPO / "seeds")],
                             metadata={"help": "report .txt files or folders for weak labels"})
    gold: list[str] = field(default_factory=list,
                            metadata={"help": "gold JSONL files (default: the bundled train split)"})
    dev: list[str] = field(default_factory=list,
                           metadata={"help": "JSONL files for model selection (default: the bundled dev split)"})
    candidates: list[str] = field(default_factory=lambda: ["lr/hybrid", "lr/model", "rules"],
                                  metadata={"help": "models to compare, KIND[/MODE]: KIND in "
                                            f"{CANDIDATES}, MODE hybrid (default) or model"})
    weak_weight: float = field(default=0.5, metadata={"help": "sample weight of a weakly labelled section"})
    c: float = field(default=4.0, metadata={"help": "inverse regularisation strength"})
    bert: str = field(default=str(REPO / "models" / "bert-zh-small"),
                      metadata={"help": "BERT folder for the 'bert' candidate (features only)"})
    cv_folds: int = field(default=4, metadata={"help": "grouped CV folds over gold train documents (0 = off)"})
    no_save: bool = field(default=False, metadata={"help": "evaluate only"})
    export_only: bool = field(default=False, metadata={
        "help": "only write the numpy scorer (scorer.json/.npz) of the model already in --out"})


# ---- examples --------------------------------------------------------------------------------
@dataclass
class Doc:
    """One training document: a Report with sections and their labels."""

    id: str
    report: Report
    functions: list[str]
    topics: list[str]
    gold: bool
    text_key: str = ""


def _text_key(text: str) -> str:
    return hashlib.sha1(re.sub(r"\s+", "", text)[:4000].encode("utf-8")).hexdigest()


def _normalised_report(raw: str) -> Report:
    from ..normalize import normalize

    norm = normalize(raw)
    return Report(text=norm.text, raw_map=norm.raw_map, raw_text=raw, boilerplate=norm.boilerplate)


def gold_doc(doc) -> Optional[Doc]:
    """A benchmark GoldDoc with section gold -> Doc over the normalised text (None if none)."""
    from ..meta import extract_meta

    if "sections" not in doc.layers or not doc.records("sections"):
        return None
    report = _normalised_report(doc.text)
    rmap = report.raw_map

    def to_norm(r: int) -> int:
        return min(bisect.bisect_left(rmap, r), len(report.text)) if rmap else r

    sections, stack, fns, tps = [], [], [], []
    for g in doc.records("sections"):
        level = int(g["level"])
        while stack and stack[-1].level >= level:
            stack.pop()
        start, end = to_norm(int(g["start"])), to_norm(int(g["end"]))
        head_len = len(g.get("marker") or "") + len(g.get("title") or "")
        body = to_norm(int(g["start"]) + head_len)
        marker = g.get("marker")
        title = report.text[start + len(marker or ""):body].strip() or (g.get("title") or "")
        s = Section(len(sections), stack[-1].id if stack else None, level, marker, title,
                    start, max(end, body), body_start=body)
        sections.append(s)
        stack.append(s)
        fns.append(g["function"])
        tps.append(g["topic"])
    report.sections = sections
    report.meta = extract_meta(report)
    return Doc(doc.id, report, fns, tps, gold=True, text_key=_text_key(doc.text))


def weak_doc(doc_id: str, raw: str) -> Optional[Doc]:
    """Outline a report with govnlp and label its sections with the keyword rules."""
    from ..meta import extract_meta
    from ..outline import add_outline

    report = _normalised_report(raw)
    add_outline(report)
    if not report.sections:
        return None
    report.meta = extract_meta(report)
    labels = rule_labels(report)
    return Doc(doc_id, report, [f for f, _, _ in labels], [t for _, t, _ in labels], gold=False,
               text_key=_text_key(raw))


def _gold_docs(paths: Sequence[str], split: str) -> list:
    from ..benchmark.dataset import load_split, read_jsonl

    if paths:
        return [d for p in paths for d in read_jsonl(Path(p).read_text("utf-8"), split=split, source=p)]
    return load_split(split)


def _report_files(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(p.glob("*.txt"))
        elif p.is_file():
            out.append(p)
    return out


def build_data(args: SectionTrainArgs) -> tuple[list[Doc], list[Doc], list[str]]:
    """(training docs, dev docs, notes). Dev/test texts are kept out of training."""
    from ..benchmark.dataset import load_split
    from ..io import read_source

    notes: list[str] = []
    held_out = {_text_key(d.text) for d in load_split("test")}
    dev_raw = _gold_docs(args.dev, "dev")
    held_out |= {_text_key(d.text) for d in dev_raw}
    dev = [g for g in (gold_doc(d) for d in dev_raw) if g is not None]

    train: list[Doc] = []
    train_raw = _gold_docs(args.gold, "train")
    for d in train_raw:
        if _text_key(d.text) in held_out:
            notes.append(f"skipped train doc {d.id}: its text is in dev/test")
            continue
        g = gold_doc(d)
        if g is None:
            g = weak_doc(d.id, d.text)
        if g is not None:
            train.append(g)
    seen = {g.text_key for g in train}
    for path in _report_files(args.seeds):
        raw = read_source(path=path).text
        key = _text_key(raw)
        if key in held_out:
            notes.append(f"skipped {path.name}: its text is in dev/test")
            continue
        if key in seen:
            continue
        w = weak_doc(path.name, raw)
        if w is not None:
            train.append(w)
            seen.add(key)
    return train, dev, notes


def examples(docs: Sequence[Doc]) -> tuple[list[dict], list[str], list[str], list[bool], list[str]]:
    """Feature rows (context from the rules, as at run time), labels, gold flags, groups."""
    rows, fns, tps, gold, groups = [], [], [], [], []
    for d in docs:
        rules = rule_details(d.report)
        outline = _Outline.of(d.report)
        for s in d.report.sections:
            rows.append(section_features(d.report, s, *_parent_rule(rules, s), rule=rules[s.id].as_tuple(),
                                         outline=outline))
            fns.append(d.functions[s.id])
            tps.append(d.topics[s.id])
            gold.append(d.gold)
            groups.append(d.id)
    return rows, fns, tps, gold, groups


# ---- models ----------------------------------------------------------------------------------
def make_features(kind: str = "lr"):
    """Character n-gram TF-IDF of heading, body start and context + the context feature dict."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer

    if kind == "lr_head":  # ablation: the heading alone, no body and no context
        return ColumnTransformer([
            ("head", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True), "head")])
    return ColumnTransformer([
        ("head", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True), "head"),
        ("body", TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True,
                                 max_features=3000), "body"),
        ("ctx", TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True), "ctx"),
        ("feats", DictVectorizer(), "feats"),
    ], transformer_weights={"head": 1.0, "body": 0.5, "ctx": 0.5, "feats": 1.0})


def make_classifier(kind: str, c: float = 4.0):
    """A linear classifier with class probabilities."""
    if kind in ("lr", "lr_head"):
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    if kind == "sgd":
        from sklearn.linear_model import SGDClassifier

        return SGDClassifier(loss="modified_huber", alpha=1e-4, class_weight="balanced", random_state=0)
    raise ValueError(f"unknown model kind {kind!r}; choose from {CANDIDATES}")


def fit_model(docs: Sequence[Doc], kind: str, c: float, weak_weight: float,
              mode: str = "hybrid") -> SectionModel:
    """Fit the features and the function and topic classifiers on ``docs``."""
    rows, fns, tps, gold, _ = examples(docs)
    if len(set(fns)) < 2 or len(set(tps)) < 2:
        raise ValueError("training data has a single function or topic label; add documents")
    features = make_features(kind)
    x = features.fit_transform(_frame(rows))
    weights = [1.0 if g else weak_weight for g in gold]
    clfs = []
    for labels in (fns, tps):
        clf = make_classifier(kind, c)
        clf.fit(x, labels, sample_weight=weights)
        clfs.append(clf)
    return SectionModel(features, clfs[0], clfs[1], {"kind": kind, "mode": mode})


class BertSectionModel(SectionModel):
    """Comparison candidate: mean-pooled BERT vectors of heading and body start + the context
    feature dict, logistic regression on top. Needs torch at run time, so it is not shipped."""

    def __init__(self, embedder, features, function_clf, topic_clf, meta=None):
        super().__init__(features, function_clf, topic_clf, meta)
        self.embedder = embedder

    def transform(self, rows: Sequence[dict]):
        from scipy import sparse

        head = self.embedder([r["head"] for r in rows])
        body = self.embedder([r["body"] for r in rows]) * 0.5
        feats = self.features.transform([r["feats"] for r in rows])
        return sparse.hstack([sparse.csr_matrix(head), sparse.csr_matrix(body), feats], format="csr")


class BertEmbedder:
    """Mean-pooled last hidden states of a local BERT folder (offline), cached per text."""

    def __init__(self, path: str, max_length: int = 64):
        from transformers import AutoModel, AutoTokenizer

        if not (Path(path) / "config.json").is_file():
            raise FileNotFoundError(f"no BERT model in {path}")
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModel.from_pretrained(path, local_files_only=True).eval()
        self.max_length = max_length
        self.cache: dict = {}

    def __call__(self, texts: Sequence[str]):
        import numpy as np
        import torch

        todo = sorted({t for t in texts if t not in self.cache})
        for i in range(0, len(todo), 64):
            batch = todo[i:i + 64]
            enc = self.tokenizer([t or "" for t in batch], padding=True, truncation=True,
                                 max_length=self.max_length, return_tensors="pt")
            with torch.no_grad():
                hidden = self.model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)
            for t, v in zip(batch, pooled.numpy()):
                self.cache[t] = v / (np.linalg.norm(v) or 1.0)
        return np.stack([self.cache[t] for t in texts])


_EMBEDDERS: dict = {}


def fit_bert_model(docs: Sequence[Doc], c: float, weak_weight: float, path: str) -> BertSectionModel:
    """The 'bert' comparison candidate."""
    from sklearn.feature_extraction import DictVectorizer

    if path not in _EMBEDDERS:
        _EMBEDDERS[path] = BertEmbedder(path)
    rows, fns, tps, gold, _ = examples(docs)
    feats = DictVectorizer().fit([r["feats"] for r in rows])
    model = BertSectionModel(_EMBEDDERS[path], feats, None, None, {"kind": "bert"})
    x = model.transform(rows)
    weights = [1.0 if g else weak_weight for g in gold]
    clfs = []
    for labels in (fns, tps):
        clf = make_classifier("lr", c)
        clf.fit(x, labels, sample_weight=weights)
        clfs.append(clf)
    model.function_clf, model.topic_clf = clfs
    return model


class RuleModel:
    """The keyword-rule labeller behind the model interface (the baseline)."""

    def label(self, report: Report) -> None:
        for s, (fn, tp, conf) in zip(report.sections, rule_labels(report)):
            s.function, s.topic, s.confidence = fn, tp, conf


def evaluate(model, docs: Sequence[Doc]) -> dict:
    """Function/topic accuracy over gold sections, labels predicted as at run time."""
    n = fok = tok = 0
    for d in docs:
        for s in d.report.sections:
            s.function, s.topic, s.confidence = "other", "general", 0.0
        model.label(d.report)
        for s in d.report.sections:
            n += 1
            fok += s.function == d.functions[s.id]
            tok += s.topic == d.topics[s.id]
    return {"n": n, "function_acc": round(fok / n, 4) if n else None,
            "topic_acc": round(tok / n, 4) if n else None}


def _pooled(results: Sequence[dict]) -> Optional[dict]:
    n = sum(r["n"] for r in results)
    if not n:
        return None
    return {"n": n,
            "function_acc": round(sum(r["function_acc"] * r["n"] for r in results if r["n"]) / n, 4),
            "topic_acc": round(sum(r["topic_acc"] * r["n"] for r in results if r["n"]) / n, 4)}


def _split_candidate(name: str) -> tuple[str, str]:
    kind, _, mode = name.partition("/")
    return kind, mode or "hybrid"


def _models(train: Sequence[Doc], names: Sequence[str], args: SectionTrainArgs) -> dict:
    """One fitted model per candidate name; candidates of one kind share the fit."""
    fitted: dict = {}
    out = {}
    for name in names:
        kind, mode = _split_candidate(name)
        if kind == "rules":
            out[name] = RuleModel()
            continue
        if kind not in fitted:
            fitted[kind] = (fit_bert_model(train, args.c, args.weak_weight, args.bert) if kind == "bert"
                            else fit_model(train, kind, args.c, args.weak_weight))
        base = fitted[kind]
        if kind == "bert":
            out[name] = BertSectionModel(base.embedder, base.features, base.function_clf, base.topic_clf,
                                         {"kind": kind, "mode": mode})
        else:
            out[name] = SectionModel(base.features, base.function_clf, base.topic_clf,
                                     {"kind": kind, "mode": mode})
    return out


def cross_validate(docs: Sequence[Doc], names: Sequence[str], args: SectionTrainArgs) -> dict:
    """Grouped CV: each fold holds out gold documents; weak documents are always trained on."""
    gold = [d for d in docs if d.gold]
    weak = [d for d in docs if not d.gold]
    k = min(args.cv_folds, len(gold))
    if k < 2:
        return {name: None for name in names}
    folds = [gold[i::k] for i in range(k)]
    results: dict = {name: [] for name in names}
    for i in range(k):
        train = weak + [d for j, f in enumerate(folds) if j != i for d in f]
        for name, model in _models(train, names, args).items():
            results[name].append(evaluate(model, folds[i]))
    return {name: dict(_pooled(r) or {}, folds=k) if _pooled(r) else None for name, r in results.items()}


def data_hash(docs: Sequence[Doc]) -> str:
    h = hashlib.sha256()
    for d in docs:
        h.update(d.text_key.encode())
        h.update(json.dumps([d.functions, d.topics, d.gold]).encode())
    return h.hexdigest()


def train(args: SectionTrainArgs) -> dict:
    """Build the data, compare the candidates, fit the best on all training data, save it.

    BLAS runs single-threaded: on a shared machine its thread pool makes these tiny fits ~10x
    slower, not faster.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _train(args)


def _train(args: SectionTrainArgs) -> dict:
    import sklearn

    from .. import __version__

    t0 = time.perf_counter()
    docs, dev, notes = build_data(args)
    if not docs:
        raise ValueError("no training documents: add --seeds or a gold train split")
    n_gold = sum(len(d.report.sections) for d in docs if d.gold)
    n_weak = sum(len(d.report.sections) for d in docs if not d.gold)
    print(f"training docs: {len(docs)} ({n_gold} gold / {n_weak} weak sections); dev docs: {len(dev)}")
    for note in notes:
        print("  note:", note)
    names = list(args.candidates)
    for name in names:
        if _split_candidate(name)[0] not in CANDIDATES:
            raise ValueError(f"unknown candidate {name!r}; use KIND[/MODE] with KIND in {CANDIDATES}, "
                             "MODE hybrid or model")
    full = _models(docs, names, args)
    cv = cross_validate(docs, names, args) if args.cv_folds else {n: None for n in names}
    scores: dict = {}
    for name in names:
        scores[name] = {"dev": evaluate(full[name], dev) if dev else None, "cv": cv[name]}
        print(f"  {name}: {json.dumps(scores[name])}")

    def merit(name: str) -> tuple:
        parts = [s for s in (scores[name]["dev"], scores[name]["cv"]) if s]
        pooled = _pooled(parts) or {}
        return ((pooled.get("function_acc") or 0) + (pooled.get("topic_acc") or 0), -names.index(name))

    learned = [n for n in names if _split_candidate(n)[0] not in ("rules",) + COMPARISON_ONLY]
    best = max(learned, key=merit) if learned else None
    result = {"best": best, "scores": scores, "notes": notes}
    if best is None or args.no_save:
        return result
    model = full[best]
    kind, mode = _split_candidate(best)
    model.meta = {
        "kind": kind,
        "mode": mode,
        "selected_as": best,
        "function_labels": [str(c) for c in model.function_clf.classes_],
        "topic_labels": [str(c) for c in model.topic_clf.classes_],
        "training_data": {"sha256": data_hash(docs), "documents": [d.id for d in docs],
                          "gold_sections": n_gold, "weak_sections": n_weak,
                          "weak_weight": args.weak_weight},
        "hyperparameters": {"C": args.c},
        "scores": scores,
        "sklearn_version": sklearn.__version__,
        "govnlp_version": __version__,
        "command": TRAIN_COMMAND,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    model.save(args.out)
    print(f"saved {best} model to {args.out} ({model.meta['seconds']} s)")
    return result


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govnlp train sections", description=__doc__.split("\n\n")[0])
    for f in fields(SectionTrainArgs):
        name = "--" + f.name.replace("_", "-")
        default = f.default_factory() if callable(f.default_factory) else f.default  # type: ignore[misc]
        helptext = f.metadata.get("help", "")
        if f.type in ("bool", bool):
            p.add_argument(name, action="store_true", help=helptext)
        elif str(f.type).startswith("list"):
            p.add_argument(name, nargs="*", default=default, help=helptext)
        else:
            kind = {"float": float, "int": int}.get(str(f.type), str)
            p.add_argument(name, type=kind, default=default, help=helptext)
    return p


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of ``govnlp train sections``."""
    ns = _parser().parse_args(argv)
    if ns.export_only:
        from ..sections import export_folder

        if not export_folder(ns.out):
            print(f"{ns.out}: this model kind cannot be exported for numpy; labelling will use skops")
            return 1
        print(f"wrote the numpy scorer into {ns.out}")
        return 0
    train(SectionTrainArgs(**vars(ns)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
