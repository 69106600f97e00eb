"""How many gold indicator names (and other fields) differ between two versions of a gold file.

Counts only, no text, so it can compare held-out files:

    git show 75e136b:govnlp/benchmark/data/realistic.jsonl > /tmp/old.jsonl
    python benchmarks/gold_tools/name_changes.py /tmp/old.jsonl govnlp/benchmark/data/realistic.jsonl
"""
from __future__ import annotations

import json
import sys


def _records(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d["gold"].get("indicators", []) for d in map(json.loads, f)}


def main(argv: list[str] | None = None) -> int:
    old_path, new_path = (argv if argv is not None else sys.argv[1:])[:2]
    old, new = _records(old_path), _records(new_path)
    names = other = total = 0
    for doc_id in sorted(set(old) & set(new)):
        a, b = old[doc_id], new[doc_id]
        if len(a) != len(b):
            print(f"{doc_id}: {len(a)} -> {len(b)} indicators (not compared)")
            continue
        n = sum(x["name"] != y["name"] for x, y in zip(a, b))
        o = sum({k: v for k, v in x.items() if k not in ("name", "spans")}
                != {k: v for k, v in y.items() if k not in ("name", "spans")} for x, y in zip(a, b))
        names, other, total = names + n, other + o, total + len(a)
        print(f"{doc_id}: names changed {n}, other fields changed {o}")
    print(f"all: names changed {names} of {total}, other fields changed {other}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
