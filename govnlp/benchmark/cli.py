"""``govnlp bench``: score govnlp and the baselines on the bundled gold (or your own file).

    govnlp bench [--split train|dev|test|holdout|all] [--json | --markdown]
                 [--pipeline govnlp|regex|jionlp|recognizers|all]
                 [--indicators rules|model|hybrid] [--gold FILE.jsonl]
                 [--per-doc] [--ci N] [--explain DOC_ID] [--lint]

``--split all`` (the default) reports every split on its own (holdout included) and their union ("all").
The figures and matching rules are docs/annotation.md section 7; docs/benchmark.md has results.
"""
from __future__ import annotations

import argparse
import contextlib
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
# coded warnings saying a model was not used: the figures are then those of the fallback
MODEL_FALLBACKS = ("W008", "W009")
# the baselines never predict these; their "accuracy" would only be the share of defaults
BASELINE_UNPREDICTED = ("kind_acc", "period_acc", "rank_acc", "target_precision", "target_recall",
                        "target_f1")

# (label, key, kind) rows of the readable table; kind "f" = fraction, "n" = count
TABLE_ROWS = [
    ("sections F1", "section_f1", "f"), ("function acc", "function_acc", "f"),
    ("topic acc", "topic_acc", "f"),
    ("quantity P", "quantity_precision", "f"), ("quantity R", "quantity_recall", "f"),
    ("quantity F1", "quantity_f1", "f"), ("linked F1 (strict names)", "linked_f1", "f"),
    ("linked F1 (lenient names)", "linked_lenient_f1", "f"),
    ("target F1", "target_f1", "f"),
    ("change acc", "change_acc", "f"), ("qualifier acc", "qualifier_acc", "f"),
    ("kind acc", "kind_acc", "f"), ("period acc", "period_acc", "f"),
    ("slogan F1", "slogan_f1", "f"), ("slogan acc", "slogan_acc", "f"),
    ("slogan invented", "slogan_invented", "n"),
    ("task F1", "task_f1", "f"), ("task unit F1", "task_unit_f1", "f"), ("meta acc", "meta_acc", "f"),
    ("meta year acc", "meta_year_acc", "f"),
    ("documents", "n_docs", "n"), ("errors", "n_errors", "n"), ("chars/s", "chars_per_s", "n"),
]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govnlp bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--split", default="all", choices=SPLITS + ("all", "seeds"),
                   help="which bundled split to score (all = each split and their union)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument("--markdown", action="store_true", help="print Markdown tables (for docs/benchmark.md)")
    p.add_argument("--pipeline", default="all", choices=PIPELINES + ("all",),
                   help="govnlp, a baseline, or all of them (missing optional ones are skipped)")
    p.add_argument("--indicators", default=None, choices=("rules", "model", "hybrid"),
                   help="govnlp's indicator mode (default: the pipeline's default)")
    p.add_argument("--modes", default=None, metavar="M1,M2",
                   help="run govnlp once per indicator mode, side by side (e.g. rules,hybrid,model)")
    p.add_argument("--ci", type=int, default=0, metavar="N",
                   help="add 95%% bootstrap intervals from N resamples of the documents (e.g. 1000)")
    p.add_argument("--per-doc", action="store_true",
                   help="also give a few figures per document (JSON: 'documents')")
    p.add_argument("--compare", default=None, metavar="OLD.json",
                   help="show the change against an earlier `govnlp bench --json` output")
    p.add_argument("--lint", action="store_true",
                   help="check the gold instead of scoring: format problems and guideline hints")
    p.add_argument("--explain", default=None, metavar="DOC_ID",
                   help="print what was missed, extra or wrong in one document, then stop")
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
                "warnings": {k: v for r in results for k, v in r.get("warnings", {}).items()},
                "layers": results[0]["layers"] if results else [], "counts": dict(sorted(counts.items()))})
    return out


def run_bench(splits: dict[str, list[GoldDoc]], pipelines: list[str],
              indicators: Optional[str] = None, union: bool = False, per_doc: bool = False,
              ci: int = 0) -> dict:
    """Score each pipeline on each split. Returns {"splits": {split: {pipeline: figures}}, "notes"}."""
    notes: list[str] = []
    runners: dict[str, tuple[Callable, Optional[list[str]]]] = {}
    for name in pipelines:
        if name == "govnlp":
            runners[name] = (govnlp_pipeline(indicators), None)
            continue
        if name.startswith("govnlp:"):  # one indicator mode of govnlp (--modes)
            runners[name] = (govnlp_pipeline(name.split(":", 1)[1]), None)
            continue
        try:
            runners[name] = (get_baseline(name), BASELINE_LAYERS)
        except ImportError as exc:
            notes.append(f"{name}: skipped, not installed ({exc}); pip install 'govnlp[baselines]'")
    out: dict = {"splits": {}, "notes": notes}
    for split, docs in splits.items():
        if not docs:
            notes.append(f"{split}: no gold documents bundled yet")
        out["splits"][split] = {name: score_pipeline(fn, docs, layers=layers, per_doc=per_doc, ci=ci)
                                for name, (fn, layers) in runners.items()}
    if union and len(splits) > 1:
        out["splits"]["all"] = {name: _combine([out["splits"][s][name] for s in splits])
                                for name in runners}
    for split, by_pipe in out["splits"].items():
        for name, r in by_pipe.items():
            r["n_errors"] = len(r["errors"])
            if name in BASELINES:
                r.update({k: None for k in BASELINE_UNPREDICTED})
            for code in MODEL_FALLBACKS:
                if code in r.get("warnings", {}):
                    first = r["warnings"][code].split(" (")[0].rstrip(".")
                    note = f"{name}: {first}: its figures are those of the fallback"
                    if note not in notes:
                        notes.append(note)
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


def _with_ci(figs: dict, key: str, kind: str) -> str:
    cell = _cell(figs.get(key), kind)
    old = (figs.get("_previous") or {}).get(key)
    if old is not None and figs.get(key) is not None and kind == "f":
        cell += f" ({figs[key] - old:+.3f})"
    interval = (figs.get("ci95") or {}).get(key)
    return cell if not interval or figs.get(key) is None else f"{cell} [{interval[0]:.2f}-{interval[1]:.2f}]"


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
        has_ci = any(by_pipe[n].get("ci95") or by_pipe[n].get("_previous") for n in names)
        if has_ci:
            cols = [max(c, 22) for c in cols]
            lines[-1] = "".ljust(width) + "".join(n.rjust(c) for n, c in zip(names, cols))
        for label, key, kind in TABLE_ROWS:
            lines.append(label.ljust(width) + "".join(
                _with_ci(by_pipe[n], key, kind).rjust(c) for n, c in zip(names, cols)))
        for n in names:
            docs = by_pipe[n].get("documents")
            if docs:
                lines.append(f"  {n}, per document (quantity F1 / linked F1 / section F1):")
                for doc_id, f in docs.items():
                    lines.append(f"    {doc_id:32}" + " ".join(_cell(f.get(k), "f").rjust(7) for k in
                                                           ("quantity_f1", "linked_f1", "section_f1")))
        lines.append("")
    if result["notes"]:
        lines.append("notes:")
        lines += [f"  - {n}" for n in result["notes"]]
    lines.append("('-' = not measurable: no gold for that layer, nothing to find and nothing found, or "
                 "not produced by that pipeline; rules: docs/annotation.md section 7)")
    return "\n".join(lines)


def attach_previous(result: dict, previous: dict) -> None:
    """Put an earlier run's figures beside each (split, pipeline) as ``_previous``."""
    for split, by_pipe in result["splits"].items():
        for name, figs in by_pipe.items():
            old = previous.get("splits", {}).get(split, {}).get(name)
            if old:
                figs["_previous"] = {k: v for k, v in old.items() if isinstance(v, (int, float))}


def _lint(splits: dict[str, list[GoldDoc]], as_json: bool) -> int:
    """Print format problems (exit 1 if any) and guideline hints of the gold documents."""
    from .dataset import check_doc, lint_corpus

    docs = [d for ds in splits.values() for d in ds]
    problems = {d.id: p for d in docs if (p := check_doc(d))}
    hints = lint_corpus(docs)
    if as_json:
        print(json.dumps({"problems": problems, "hints": hints}, ensure_ascii=False, indent=1))
    else:
        for kind, found in (("PROBLEM", problems), ("hint", hints)):
            for doc_id, items in found.items():
                for item in items:
                    print(f"{kind:7} {doc_id:24} {item}")
        print(f"{len(docs)} documents: {sum(map(len, problems.values()))} problem(s), "
              f"{sum(map(len, hints.values()))} hint(s)")
    return 1 if problems else 0


def _explain(doc_id: str, splits: dict[str, list[GoldDoc]], pipelines: list[str],
             indicators: Optional[str], as_json: bool) -> int:
    from .scorer import explain_document

    docs = [d for ds in splits.values() for d in ds if d.id == doc_id]
    if not docs:
        print(f"no gold document {doc_id!r} in {sorted(splits)}", file=sys.stderr)
        return 2
    out = {}
    for name in pipelines:
        try:
            with contextlib.redirect_stdout(sys.stderr):
                fn = govnlp_pipeline(indicators) if name == "govnlp" else get_baseline(name)
        except ImportError as exc:
            out[name] = {"skipped": str(exc)}
            continue
        with contextlib.redirect_stdout(sys.stderr):
            out[name] = explain_document(docs[0], fn(docs[0].text))
    if as_json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for name, layers in out.items():
        print(f"== {name} on {doc_id} ==")
        for layer, kinds in layers.items():
            if not isinstance(kinds, dict):
                print(f"  {layer}: {kinds}")
                continue
            for kind, items in kinds.items():
                for item in items:
                    print(f"  {layer:10} {kind:6} {item}")
    return 0


def format_markdown(result: dict) -> str:
    """The tables of :func:`format_tables` as Markdown, one per split."""
    lines = []
    for split, by_pipe in result["splits"].items():
        names = list(by_pipe)
        n_docs = next(iter(by_pipe.values()))["n_docs"] if by_pipe else 0
        lines += [f"**{split}** ({n_docs} documents)", "",
                  "| figure | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
        for label, key, kind in TABLE_ROWS:
            lines.append(f"| {label} | " + " | ".join(_cell(by_pipe[n].get(key), kind) for n in names) + " |")
        lines.append("")
    lines += [f"- {n}" for n in result["notes"]]
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of ``govnlp bench``; returns the exit status."""
    raw = list(sys.argv[1:] if argv is None else argv)
    if "--speed" in raw:  # throughput, cold start and memory beside the peers (govnlp.benchmark.speed)
        from .speed import main as speed_main

        return speed_main([a for a in raw if a != "--speed"])
    args = _parser().parse_args(argv)
    if args.gold:
        path = Path(args.gold)
        splits = {path.stem: read_jsonl(path.read_text(encoding="utf-8"), split=path.stem, source=str(path))}
    elif args.split == "all":
        splits = {s: load_split(s) for s in SPLITS}
    else:
        splits = {args.split: load_split(args.split)}
    pipelines = list(PIPELINES) if args.pipeline == "all" else [args.pipeline]
    if args.modes:
        modes = [m.strip() for m in args.modes.split(",") if m.strip()]
        bad = [m for m in modes if m not in ("rules", "model", "hybrid")]
        if bad:
            print(f"govnlp bench: unknown mode(s) {bad}; choose from rules, model, hybrid", file=sys.stderr)
            return 2
        at = pipelines.index("govnlp") if "govnlp" in pipelines else 0
        pipelines[at:at + ("govnlp" in pipelines)] = [f"govnlp:{m}" for m in modes]
    if args.lint:
        return _lint(splits, args.json)
    if args.explain:
        return _explain(args.explain, splits, pipelines, args.indicators, args.json)
    # pipelines and peers may print (JioNLP prints a banner on import): keep stdout for our output
    with contextlib.redirect_stdout(sys.stderr):
        result = run_bench(splits, pipelines, indicators=args.indicators,
                           union=args.split == "all" and not args.gold, per_doc=args.per_doc,
                           ci=args.ci)
    result["command"] = "govnlp bench " + " ".join(argv if argv is not None else sys.argv[1:])
    if args.compare:
        attach_previous(result, json.loads(Path(args.compare).read_text(encoding="utf-8")))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    elif args.markdown:
        print(format_markdown(result))
    else:
        print(format_tables(result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
