"""Score govnlp on annotated sources directly, one line per document (train and dev sources only).

Used to develop rules on documents that are not yet in the built JSONL and to check, before a
batch of new documents joins train, how rules written without them transfer:

    python benchmarks/gold_tools/score_sources.py benchmarks/gold_src/t4*.txt          # per document
    python benchmarks/gold_tools/score_sources.py --explain benchmarks/gold_src/t41_*.txt
    # the same documents scored by an older commit's code:
    git worktree add /tmp/old <commit> && PYTHONPATH=/tmp/old python benchmarks/gold_tools/score_sources.py …

Figures are the scorer's (docs/annotation.md 7): strict linked F1 (7.3), kind accuracy, task unit F1.
Sources of the held-out splits are refused unread.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import build_gold  # noqa: E402

import govnlp  # noqa: E402
from govnlp.benchmark.dataset import GoldDoc  # noqa: E402
from govnlp.benchmark.scorer import explain_document, score_document  # noqa: E402

OPEN_SPLITS = ("train", "dev")


def _split_of(path: Path) -> str | None:
    with path.open(encoding="utf-8") as f:
        for line in f:
            m = re.match(r"@@split\s+(\S+)", line)
            if m:
                return m.group(1)
    return None


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--explain", action="store_true", help="print what was missed, extra or wrong")
    args = ap.parse_args(argv)
    total = Counter()
    for f in args.files:
        if _split_of(f) not in OPEN_SPLITS:
            print(f"{f.name}: skipped (not a train/dev source)")
            continue
        try:
            d = build_gold.parse_source(f)
        except build_gold.SourceError as e:
            print(f"{f.name}: not parsed: {e}")
            continue
        doc = GoldDoc(d["id"], d["text"], d["gold"])
        report = govnlp.parse_report(d["text"])
        c = score_document(doc, report)
        total += c
        tp, fp, fn = c["linked_tp"], c["quantity_pred"] - c["linked_tp"], c["quantity_gold"] - c["linked_tp"]
        kind = f" kind={c['kind_ok']}/{c['kind_n']}" if c.get("kind_n") else ""
        tasks = (f" task_unit_f1={_f1(c['task_unit_tp'], c['task_unit_fp'], c['task_unit_fn']):.3f}"
                 if "tasks" in doc.layers else "")
        print(f"{d['id']}: linked_f1={_f1(tp, fp, fn):.3f} (tp={tp} fp={fp} fn={fn}){kind}{tasks}")
        if args.explain:
            ex = explain_document(doc, report)
            for layer in ("indicators", "tasks", "meta"):
                for kind_ in ("missed", "extra", "wrong"):
                    for line in (ex.get(layer) or {}).get(kind_, []):
                        print(f"  {layer[:4]} {kind_:6} {line}")
    tp, fp, fn = total["linked_tp"], total["quantity_pred"] - total["linked_tp"], total["quantity_gold"] - total["linked_tp"]
    utp, ufp, ufn = total["task_unit_tp"], total["task_unit_fp"], total["task_unit_fn"]
    print(f"all: linked_f1={_f1(tp, fp, fn):.3f} (tp={tp} fp={fp} fn={fn})"
          + (f" task_unit_f1={_f1(utp, ufp, ufn):.3f}" if utp + ufp + ufn else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
