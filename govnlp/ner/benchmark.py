"""Score the indicator modes on a benchmark split and time the model part.

    python -m govnlp.ner.benchmark --split test [--model models/ner]

prints, per mode (rules, model, hybrid, and hybrid-nolists: hybrid without its 分别-list rule), quantity and linked P/R/F1 from govnlp.benchmark's
scorer, then the model's speed on number-bearing sentences (chars/s, 1 and 2 torch threads)
and, with ``--time FILE ...``, the wall time of a full parse of each file (rules vs hybrid).
"""
from __future__ import annotations

import argparse
import json
import time
from typing import Optional


def score_modes(split: str, model: Optional[str], modes=("rules", "model", "hybrid")) -> dict:
    """Indicator metrics per mode on one split."""
    from govnlp.benchmark.dataset import load_split
    from govnlp.benchmark.scorer import score_pipeline
    from govnlp.pipeline import parse_text

    from govnlp.indicators import hybrid

    docs = [d for d in load_split(split) if "indicators" in d.layers]
    out = {}
    for mode in modes:
        # "hybrid-nolists": the hybrid merge without its 分别-list rule (MergePolicy.lists), an ablation
        policy = hybrid.DEFAULT_POLICY
        if mode == "hybrid-nolists":
            hybrid.DEFAULT_POLICY = hybrid.MergePolicy(lists=False)
        try:
            res = score_pipeline(lambda t, m=mode.split("-")[0]: parse_text(t, indicators=m, ner_model=model),
                                 docs, layers=["indicators"])
        finally:
            hybrid.DEFAULT_POLICY = policy
        out[mode] = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in res.items()
                     if k.startswith(("quantity_", "linked_")) or k in ("n_docs", "chars", "seconds", "errors")}
    return out


def model_speed(split: str, model: Optional[str], threads: int = 1) -> dict:
    """Characters per second of the model on the number-bearing sentences of a split."""
    from govnlp.benchmark.dataset import load_split
    from govnlp.indicators.hybrid import resolve_model
    from govnlp.ner import number_sentences
    from govnlp.normalize import normalize

    ner = resolve_model(model)
    default_threads, ner.threads = ner.threads, threads
    texts = [normalize(d.text).text for d in load_split(split)]
    sents = [t[s:e] for t in texts for s, e in number_sentences(t)]
    ner.predict(sents[:8])  # warm-up
    t0 = time.perf_counter()
    ner.predict(sents)
    sec = time.perf_counter() - t0
    ner.threads = default_threads
    n = sum(len(s) for s in sents)
    return {"sentences": len(sents), "chars": n, "share_of_text": round(n / max(1, sum(map(len, texts))), 3),
            "seconds": round(sec, 3), "chars_per_s": round(n / sec, 1), "threads": threads}


def parse_times(paths: list[str], model: Optional[str]) -> list[dict]:
    """Wall time of a full parse per file, rules-only and hybrid (after one warm-up parse)."""
    from govnlp.pipeline import parse_report

    parse_report(path=paths[0], indicators="hybrid", ner_model=model)
    out = []
    for path in paths:
        row = {"file": path}
        for mode in ("rules", "hybrid"):
            t0 = time.perf_counter()
            rep = parse_report(path=path, indicators=mode, ner_model=model)
            row[f"{mode}_s"] = round(time.perf_counter() - t0, 3)
        row["chars"] = len(rep.text)
        out.append(row)
    return out


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test")
    ap.add_argument("--model", default=None, help="NER model folder (default: models/ner)")
    ap.add_argument("--modes", default="rules,model,hybrid,hybrid-nolists")
    ap.add_argument("--time", nargs="*", default=[], help="report files to time a full parse on")
    args = ap.parse_args(argv)
    result = {"scores": score_modes(args.split, args.model, tuple(args.modes.split(","))),
              "speed": [model_speed(args.split, args.model, t) for t in (1, 2)]}
    if args.time:
        result["parse"] = parse_times(args.time, args.model)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
