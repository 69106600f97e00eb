"""``govnlp train ner``: fine-tune a character-level indicator NER model.

Examples::

    govnlp train ner --base models/bert-zh-small --out models/ner
    govnlp train ner --base /path/to/bert-base-chinese --out my-ner --lr 3e-5 --epochs 2
    govnlp train ner --base models/ner --out my-ner --data my_reports.jsonl

Data: the benchmark's train split plus your gold documents in the benchmark JSONL format
(``--data``; ``--no_bundled`` trains on them alone), plus silver examples (rules output filtered
for confidence, see govnlp.train.silver). Held-out documents (dev, test, holdout, realistic) are
never used for training or silver data.

Fine-tuning cannot silently go wrong: the model is scored on the dev examples (the benchmark dev
split unless ``--dev`` is given) before and after; both figures are printed, and a run that makes
them worse says so loudly on stderr and in training_log.json (``"worse": true``).
Tokenisation is per character (``is_split_into_words``), so any BERT-style WordPiece
vocabulary works as a base; characters missing from it become [UNK] but keep their labels.
"""
from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

from govnlp.ner.labels import LABEL2ID, LABELS
from govnlp.ner.model import NerModel, align_labels
from govnlp.train.silver import indicator_spans, sentence_examples


@dataclass
class ModelArguments:
    """Which checkpoint to start from and where to write the result."""

    base: str = field(metadata={"help": "local model folder: ours, bert-base-chinese, ..."})
    out: str = field(metadata={"help": "output folder"})
    max_chars: int = field(default=126, metadata={"help": "characters per training window"})
    keep_layers: Optional[int] = field(default=None, metadata={
        "help": "keep only the first N transformer layers of the base (faster model)"})


@dataclass
class DataArguments:
    """Gold and silver training data."""

    data: list[str] = field(default_factory=list, metadata={"help": "your gold JSONL files (benchmark format)"})
    no_bundled: bool = field(default=False, metadata={
        "help": "train on --data alone (by default the bundled train split is mixed in)"})
    dev: list[str] = field(default_factory=list, metadata={
        "help": "JSONL files for evaluation (default: the bundled dev split)"})
    no_silver: bool = field(default=False, metadata={"help": "gold only"})
    silver_texts: list[str] = field(default_factory=list, metadata={"help": "report .txt files/folders for silver"})
    people_daily: int = field(default=3000, metadata={"help": "People's Daily sentences for silver (0 = none)"})
    max_silver: int = field(default=3000, metadata={"help": "cap on silver examples"})
    gold_repeat: int = field(default=3, metadata={"help": "times each gold example is repeated"})
    synthetic: int = field(default=0, metadata={
        "help": "synthetic report sentences written from the indicator vocabulary (govnlp.train.synthetic)"})
    silver_cache: Optional[str] = field(default=None, metadata={
        "help": "JSONL file: read silver examples from it if it exists, else write them there"})


@dataclass
class FitArguments:
    """Optimisation settings (defaults suit the small base; use --lr 3e-5 for bert-base)."""

    epochs: float = field(default=4.0, metadata={"help": "passes over the training examples"})
    batch_size: int = 16
    lr: float = field(default=3e-4, metadata={"help": "peak learning rate (3e-5 for bert-base models)"})
    weight_decay: float = 0.01
    warmup_steps: int = 50
    max_steps: int = field(default=-1, metadata={"help": "stop after this many steps (-1: epochs decide)"})
    threads: int = field(default=1, metadata={"help": "torch threads (1 is fastest on a busy 2-core machine)"})
    seed: int = 13


def benchmark_docs(split: str) -> list[dict]:
    """Documents of a bundled benchmark split as dicts ([] when it is not there)."""
    try:
        from govnlp.benchmark.dataset import load_split
    except ImportError:
        return []
    return [d.to_dict() for d in load_split(split)]


def read_jsonl(paths: list[str | Path]) -> list[dict]:
    """Documents of benchmark-format JSONL files."""
    docs = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh if line.strip())
    return docs


def to_normalized(raw: str, spans: list[tuple[str, int, int]]) -> tuple[str, list[tuple[str, int, int]]]:
    """The normalised text the pipeline serves on, with raw-text spans mapped onto it.

    Falls back to the raw text when the normaliser is unavailable. A span whose characters were
    all removed by normalisation (page chrome) is dropped.
    """
    try:
        from govnlp.normalize import normalize
    except ImportError:
        return raw, spans
    import bisect

    norm = normalize(raw)
    starts = norm.raw_map[:-1]
    if any(b < a for a, b in zip(starts, starts[1:])):  # not monotonic: keep the raw text
        return raw, spans
    out = []
    for role, a, b in spans:
        i = bisect.bisect_left(starts, a)
        j = bisect.bisect_left(starts, b)
        if i < j:
            out.append((role, i, j))
    return norm.text, out


def gold_examples(docs: list[dict], max_chars: int = 126, normalized: bool = True) -> list[dict]:
    """Sentence examples from documents whose ``indicators`` layer is annotated, on the
    normalised text (as served) unless ``normalized`` is False."""
    out = []
    for doc in docs:
        gold = doc.get("gold") or {}
        if "indicators" not in gold.get("annotated", []):
            continue
        text = doc["text"]
        spans = indicator_spans(gold.get("indicators", []), text)
        if normalized:
            text, spans = to_normalized(text, spans)
        out.extend(sentence_examples(text, spans, source="gold"))
    return out


def tokenize_examples(tokenizer, examples: list[dict], max_chars: int = 126) -> list[dict]:
    """Token ids and aligned labels (-100 on special tokens and non-first sub-tokens)."""
    enc = tokenizer([list(ex["chars"]) for ex in examples], is_split_into_words=True,
                    truncation=True, max_length=max_chars + 2)
    rows = []
    for i, ex in enumerate(examples):
        labels = align_labels(enc.word_ids(i), [LABEL2ID[t] for t in ex["tags"]])
        row = {k: enc[k][i] for k in enc.keys()}
        row["labels"] = labels
        rows.append(row)
    return rows


def evaluate(model: NerModel, examples: list[dict]) -> dict:
    """seqeval strict IOB2 scores at character level, through the serving code path."""
    from seqeval.metrics import classification_report, f1_score, precision_score, recall_score
    from seqeval.scheme import IOB2

    if not examples:
        return {}
    pred = [tags for tags, _ in model.predict_tags([ex["chars"] for ex in examples])]
    gold = [ex["tags"] for ex in examples]
    kw = dict(mode="strict", scheme=IOB2)
    rep = classification_report(gold, pred, output_dict=True, zero_division=0, **kw)
    return {"precision": precision_score(gold, pred, **kw), "recall": recall_score(gold, pred, **kw),
            "f1": f1_score(gold, pred, **kw),
            "per_role": {k: {m: round(float(v[m]), 4) for m in ("precision", "recall", "f1-score")}
                         for k, v in rep.items() if k in ("NAME", "VALUE", "CHANGE", "RANK")}}


def _excluded_texts() -> list[str]:
    from ..benchmark.dataset import HELD_OUT

    return [d["text"] for split in HELD_OUT for d in benchmark_docs(split)]


def collect_data(data: DataArguments, max_chars: int = 126) -> tuple[list[dict], list[dict], dict]:
    """Training and dev examples plus counts per source."""
    user_docs = read_jsonl(data.data) if data.data else []
    bundled = [] if data.no_bundled and user_docs else benchmark_docs("train")
    gold_docs = bundled + user_docs
    train = gold_examples(gold_docs, max_chars) * max(1, data.gold_repeat)
    dev = gold_examples(read_jsonl(data.dev) if data.dev else benchmark_docs("dev"), max_chars)
    silver: list[dict] = []
    cache = Path(data.silver_cache) if data.silver_cache else None
    if not data.no_silver and cache is not None and cache.is_file():
        silver = read_jsonl([cache])[: data.max_silver]
    elif not data.no_silver:
        from govnlp.train.silver import silver_from_people_daily, silver_from_texts

        excluded = _excluded_texts()
        texts = []
        for p in data.silver_texts:
            path = Path(p)
            for f in (sorted(path.rglob("*.txt")) if path.is_dir() else [path]):
                t = f.read_text(encoding="utf-8", errors="replace")
                if not any(t.strip() and (t.strip()[:500] in x or x.strip()[:500] in t) for x in excluded):
                    texts.append(t)
        silver.extend(silver_from_texts(texts))
        if data.people_daily:
            silver.extend(silver_from_people_daily(data.people_daily))
        random.Random(0).shuffle(silver)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in silver), encoding="utf-8")
        silver = silver[: data.max_silver]
    synthetic: list[dict] = []
    if data.synthetic:
        from govnlp.train.synthetic import generate

        synthetic = generate(data.synthetic, seed=0)
    counts = {"gold_docs": len(gold_docs), "gold_examples": len(train), "silver_examples": len(silver),
              "synthetic_examples": len(synthetic),
              "dev_examples": len(dev), "gold_files": (["benchmark:train"] if bundled else []) + data.data,
              "dev_files": data.dev or ["benchmark:dev"]}
    return train + silver + synthetic, dev, counts


def keep_first_layers(model, n: int) -> None:
    """Drop all but the first ``n`` encoder layers of a BERT-style model (in place)."""
    import torch

    base = getattr(model, model.base_model_prefix)
    layers = base.encoder.layer
    if n < len(layers):
        base.encoder.layer = torch.nn.ModuleList(list(layers)[:n])
        model.config.num_hidden_layers = n


def fit(model_args: ModelArguments, data: DataArguments, fit_args: FitArguments,
        train_examples: Optional[list[dict]] = None, dev_examples: Optional[list[dict]] = None) -> dict:
    """Fine-tune ``--base`` on the examples and save the model folder; returns the training log."""
    import tempfile

    import torch
    from datasets import Dataset
    from transformers import (AutoModelForTokenClassification, AutoTokenizer,
                              DataCollatorForTokenClassification, Trainer, TrainingArguments)

    torch.set_num_threads(fit_args.threads)
    t0 = time.time()
    counts: dict = {}
    if train_examples is None:
        train_examples, dev_examples, counts = collect_data(data, model_args.max_chars)
    dev_examples = dev_examples or []
    if not train_examples:
        raise ValueError("no training examples: pass --data FILE.jsonl (benchmark format)")
    before = baseline_scores(model_args.base, dev_examples)
    tokenizer = AutoTokenizer.from_pretrained(model_args.base, local_files_only=True)
    model = AutoModelForTokenClassification.from_pretrained(
        model_args.base, local_files_only=True, num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id=LABEL2ID, ignore_mismatched_sizes=True)
    if model_args.keep_layers:
        keep_first_layers(model, model_args.keep_layers)
    rows = tokenize_examples(tokenizer, train_examples, model_args.max_chars)
    with tempfile.TemporaryDirectory() as tmp:
        args = TrainingArguments(
            output_dir=tmp, per_device_train_batch_size=fit_args.batch_size,
            num_train_epochs=fit_args.epochs, max_steps=fit_args.max_steps,
            learning_rate=fit_args.lr, weight_decay=fit_args.weight_decay,
            warmup_steps=fit_args.warmup_steps, lr_scheduler_type="linear",
            save_strategy="no", eval_strategy="no", logging_steps=50, report_to=[],
            use_cpu=True, seed=fit_args.seed, dataloader_num_workers=0, disable_tqdm=True,
        )
        trainer = Trainer(model=model, args=args, train_dataset=Dataset.from_list(rows),
                          data_collator=DataCollatorForTokenClassification(tokenizer),
                          processing_class=tokenizer)
        result = trainer.train()
    ner = NerModel(trainer.model, tokenizer, path=model_args.out, max_chars=model_args.max_chars)
    out = Path(model_args.out)
    out.mkdir(parents=True, exist_ok=True)
    ner.save(out)
    after = evaluate(ner, dev_examples)
    log = {"base": model_args.base, "args": {**asdict(data), **asdict(fit_args)}, **counts,
           "train_examples": len(train_examples), "steps": result.global_step,
           "train_loss": round(float(result.training_loss), 4),
           "wall_seconds": round(time.time() - t0, 1), "labels": LABELS,
           "dev_before": before, "dev": after, "worse": is_worse(before, after)}
    (out / "training_log.json").write_text(json.dumps(log, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in log.items() if k != "args"}, ensure_ascii=False), flush=True)
    report_dev_change(before, after, model_args.out)
    return log


#: a drop of dev F1 larger than this is reported as worse (seqeval noise on a few hundred sentences)
WORSE_BY = 0.005


def baseline_scores(base: str, dev_examples: list[dict]) -> dict:
    """Dev scores of the model being replaced: ``base`` when it is already an indicator NER model
    (fine-tuning ours), else the shipped models/ner ({} when neither can be loaded)."""
    from govnlp.ner.model import load_model

    if not dev_examples:
        return {}
    shipped = Path(__file__).resolve().parents[2] / "models" / "ner"
    for candidate in (Path(base), shipped):
        config = candidate / "config.json"
        if not config.is_file():
            continue
        labels = json.loads(config.read_text(encoding="utf-8")).get("id2label") or {}
        if sorted(labels.values()) != sorted(LABELS):
            continue
        try:
            return {"model": str(candidate), **evaluate(load_model(candidate), dev_examples)}
        except Exception as exc:  # noqa: BLE001 - a baseline that cannot be read is reported, not fatal
            return {"model": str(candidate), "error": f"{type(exc).__name__}: {exc}"}
    return {}


def is_worse(before: dict, after: dict) -> bool:
    """True when the new model's dev F1 fell by more than :data:`WORSE_BY`."""
    return bool("f1" in before and "f1" in after and after["f1"] < before["f1"] - WORSE_BY)


def report_dev_change(before: dict, after: dict, out: str) -> None:
    """Print dev F1 before and after; a worse model gets a loud warning on stderr."""
    import sys

    b = f"{before['f1']:.3f} ({before['model']})" if "f1" in before else "n/a"
    a = f"{after['f1']:.3f}" if "f1" in after else "n/a (no dev examples)"
    print(f"dev F1 (seqeval, strict): before {b} -> after {a}", flush=True)
    if is_worse(before, after):
        bar = "!" * 78
        print(f"{bar}\nWARNING: the new model in {out} is WORSE on dev than the model it would replace "
              f"({before['f1']:.3f} -> {after['f1']:.3f}).\nDo not install it; add data, train longer, or keep "
              f"the bundled data mixed in (drop --no_bundled).\n{bar}", file=sys.stderr, flush=True)


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of ``govnlp train ner``."""
    from transformers import HfArgumentParser

    parser = HfArgumentParser((ModelArguments, DataArguments, FitArguments))
    model_args, data, fit_args = parser.parse_args_into_dataclasses(args=argv)
    fit(model_args, data, fit_args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
