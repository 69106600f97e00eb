"""``govnlp bench``: score govnlp and the baselines on the bundled gold (or your own file).

    govnlp bench [--split train|dev|test|all] [--json]
                 [--pipeline govnlp|regex|jionlp|recognizers|all]
                 [--indicators rules|model|hybrid] [--gold FILE.jsonl]

``--split all`` (the default) reports every split on its own and their union ("all").
The figures and matching rules are docs/annotation.md section 7; docs/benchmark.md has results.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

from ..report import Report
from .baselines import BASELINES, get_baseline
from .dataset import SPLITS, GoldDoc, load_split, read_jsonl
from .scorer import metrics, score_pipeline

PIPELINES = ("govnlp",) + BASELINES
BASELINE_LAYERS = ["indicators"]

# (label, key, kind) rows of the readable table; kind "f" = fraction, "n" = count
TABLE_ROWS = [
    ("sections F1", "section_f1", "f"), ("function acc", "function_acc", "f"),
    ("topic acc", "topic_acc", "f"),
    ("quantity P", "quantity_precision", "f"), ("quantity R", "quantity_recall", "f"),
    ("quantity F1", "quantity_f1", "f"), ("linked F1", "linked_f1", "f"),
    ("change acc", "change_acc", "f"), ("qualifier acc", "qualifier_acc", "f"),
    ("kind acc", "kind_acc", "f"), ("period acc", "period_acc", "f"),
    ("slogan F1", "slogan_f1", "f"), ("slogan acc", "slogan_acc", "f"),
    ("slogan invented", "slogan_invented", "n"),
    ("task unit F1", "task_unit_f1", "f"), ("meta acc", "meta_acc", "f"),
    ("documents", "n_docs", "n"), ("errors", "n_errors", "n"), ("chars/s", "chars_per_s", "n"),
]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govnlp bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--split", default="all", choices=SPLITS + ("all",),
                   help="which bundled split to score (all = each split and their union)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument("--pipeline", default="all", choices=PIPELINES + ("all",),
                   help="govnlp, a baseline, or all of them (missing optional ones are skipped)")
    p.add_argument("--indicators", default=None, choices=("rules", "model", "hybrid"),
                   help="govnlp's indicator mode (default: the pipeline's default)")
    p.add_argument("--gold", default=None, metavar="FILE",
                   help="score against your own gold JSON Lines file (data/FORMAT.md) instead")
    return p


def govnlp_pipeline(indicators: Optional[str] = None) -> Callable[[str], Report]:
    """``govnlp.parse_report`` on the text, with the chosen indicator mode."""
    import govnlp

    kwargs = {} if indicators is None else {"indicators": indicators}
    return lambda text: govnlp.parse_report(text, **kwargs)


def _combine(results: list[dict]) -> dict:
    """The union of several splits' results (counts summed, figures recomputed)."""
    counts = Counter()
    for r in results:
        counts.update(r["counts"])
    out = metrics(counts)
    chars = sum(r["chars"] for r in results)
    seconds = sum(r["seconds"] for r in results)
    out.update({"n_docs": sum(r["n_docs"] for r in results), "chars": chars,
                "seconds": round(seconds, 3),
                "chars_per_s": round(chars / seconds, 1) if seconds > 0 else None,
                "errors": [e for r in results for e in r["errors"]],
                "layers": results[0]["layers"] if results else [], "counts": dict(sorted(counts.items()))})
    return out


def run_bench(splits: dict[str, list[GoldDoc]], pipelines: list[str],
              indicators: Optional[str] = None, union: bool = False) -> dict:
    """Score each pipeline on each split. Returns {"splits": {split: {pipeline: figures}}, "notes"}."""
    notes: list[str] = []
    runners: dict[str, tuple[Callable, Optional[list[str]]]] = {}
    for name in pipelines:
        if name == "govnlp":
            runners[name] = (govnlp_pipeline(indicators), None)
            continue
        try:
            runners[name] = (get_baseline(name), BASELINE_LAYERS)
        except ImportError as exc:
            notes.append(f"{name}: skipped, not installed ({exc}); pip install 'govnlp[baselines]'")
    out: dict = {"splits": {}, "notes": notes}
    for split, docs in splits.items():
        if not docs:
            notes.append(f"{split}: no gold documents bundled yet")
        out["splits"][split] = {name: score_pipeline(fn, docs, layers=layers)
                                for name, (fn, layers) in runners.items()}
    if union and len(splits) > 1:
        out["splits"]["all"] = {name: _combine([out["splits"][s][name] for s in splits])
                                for name in runners}
    for split, by_pipe in out["splits"].items():
        for name, r in by_pipe.items():
            r["n_errors"] = len(r["errors"])
            if r["errors"] and split != "all":
                notes.append(f"{split}/{name}: {len(r['errors'])} document(s) failed and were scored "
                             f"as empty, e.g. {r['errors'][0]['id']}: {r['errors'][0]['error']}")
    return out


def _cell(value, kind: str) -> str:
    if value is None:
        return "-"
    if kind == "f":
        return f"{value:.3f}"
    if isinstance(value, float):
        return f"{value:,.0f}"
    return str(value)


def format_tables(result: dict) -> str:
    """Readable tables: one per split, metrics down, pipelines across."""
    lines = []
    for split, by_pipe in result["splits"].items():
        names = list(by_pipe)
        n_docs = next(iter(by_pipe.values()))["n_docs"] if by_pipe else 0
        lines.append(f"== split: {split} ({n_docs} documents) ==")
        width = max(len(label) for label, _, _ in TABLE_ROWS) + 2
        cols = [max(12, len(n) + 2) for n in names]
        lines.append("".ljust(width) + "".join(n.rjust(c) for n, c in zip(names, cols)))
        for label, key, kind in TABLE_ROWS:
            lines.append(label.ljust(width) + "".join(
                _cell(by_pipe[n].get(key), kind).rjust(c) for n, c in zip(names, cols)))
        lines.append("")
    if result["notes"]:
        lines.append("notes:")
        lines += [f"  - {n}" for n in result["notes"]]
    lines.append("('-' = not measurable: no gold for that layer, or the pipeline does not produce it; "
                 "rules: docs/annotation.md section 7)")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of ``govnlp bench``; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.gold:
        path = Path(args.gold)
        splits = {path.stem: read_jsonl(path.read_text(encoding="utf-8"), split=path.stem, source=str(path))}
    elif args.split == "all":
        splits = {s: load_split(s) for s in SPLITS}
    else:
        splits = {args.split: load_split(args.split)}
    pipelines = list(PIPELINES) if args.pipeline == "all" else [args.pipeline]
    result = run_bench(splits, pipelines, indicators=args.indicators,
                       union=args.split == "all" and not args.gold)
    result["command"] = "govnlp bench " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(format_tables(result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
