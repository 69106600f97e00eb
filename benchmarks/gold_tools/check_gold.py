"""Check the bundled gold files on their own (no sources needed) and that they are up to date.

    python benchmarks/gold_tools/check_gold.py          # exit status 1 on any problem

Checks: every line loads; ids are unique over the splits; every span is inside the text and
slices to the stated surface (section titles and markers, indicator names and change texts,
slogan texts, task texts); labels are from SCHEMA.md; every indicator has a quantity with the
span the guideline requires; and rebuilding from benchmarks/gold_src gives the same lines.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "govnlp" / "benchmark" / "data"
FUNCTIONS = {"preamble", "review", "problems", "guidance", "targets", "tasks", "self_building",
             "closing", "glossary", "boilerplate", "other"}
TOPICS = {"economy", "industry", "innovation", "reform_opening", "urban_rural", "ecology",
          "livelihood", "governance_safety", "epidemic", "government", "general"}
KINDS = {"actual", "target", "forecast"}
QUALS = {None, "approx", "at_least", "more_than", "at_most", "less_than", "nearly"}
LAYERS = {"meta", "sections", "indicators", "slogans", "tasks"}
SPLITS = ("train", "dev", "test", "holdout", "realistic")  # govnlp.benchmark.dataset.SPLITS


def problems_of(doc: dict) -> list[str]:
    out = []
    text, g = doc["text"], doc["gold"]
    n = len(text)

    def inside(span) -> bool:
        return span is None or (0 <= span[0] < span[1] <= n)

    if not set(g.get("annotated", [])) <= LAYERS:
        out.append(f"unknown layers {g.get('annotated')}")
    for s in g.get("sections", []):
        if not inside((s["start"], s["end"])):
            out.append(f"section {s['title']!r} outside the text")
            continue
        head = text[s["start"]:s["end"]]
        if s["marker"] and not head.startswith(s["marker"]):
            out.append(f"section {s['title']!r}: text does not start with marker {s['marker']!r}")
        if s["title"] and s["title"] not in head[: len(s["title"]) + len(s["marker"] or "") + 2]:
            out.append(f"section {s['title']!r}: title not at the start")
        if s["function"] not in FUNCTIONS or s["topic"] not in TOPICS:
            out.append(f"section {s['title']!r}: bad labels")
    for i, ind in enumerate(g.get("indicators", [])):
        sp = ind["spans"]
        for role in ("name", "value", "change"):
            if not inside(sp.get(role)):
                out.append(f"indicator {i}: {role} span outside the text")
        has_level = ind["value"] is not None or ind["low"] is not None
        if has_level and sp.get("value") is None:
            out.append(f"indicator {i}: level without a value span")
        if ind["change"] is not None:
            if sp.get("change") is None:
                out.append(f"indicator {i}: change without a change span")
            elif text[sp["change"][0]:sp["change"][1]] != ind["change"]["text"]:
                out.append(f"indicator {i}: change text differs from its span")
        if not has_level and ind["change"] is None:
            out.append(f"indicator {i}: no quantity")
        if ind["kind"] not in KINDS or ind["qualifier"] not in QUALS:
            out.append(f"indicator {i}: bad kind/qualifier")
        if sp.get("name") is not None:
            surface = text[sp["name"][0]:sp["name"][1]]
            if ind["name"] != surface and ind["name"][-1:] not in surface:
                out.append(f"indicator {i}: name {ind['name']!r} unrelated to its span {surface!r}")
    for s in g.get("slogans", []):
        if not inside((s["start"], s["end"])) or text[s["start"]:s["end"]] != s["text"]:
            out.append(f"slogan {s['text']!r}: offsets")
    for t in g.get("tasks", []):
        if "start" in t and text[t["start"]:t["end"]] != t.get("text"):
            out.append(f"task {t['number']}: offsets")
    return out


def main() -> int:
    bad = 0
    ids = set()
    lines = {}
    for split in SPLITS:
        path = DATA / f"{split}.jsonl"
        lines[split] = path.read_text(encoding="utf-8") if path.exists() else ""
        for k, line in enumerate(lines[split].splitlines(), 1):
            doc = json.loads(line)
            if doc["id"] in ids:
                print(f"{split}:{k}: duplicate id {doc['id']}")
                bad += 1
            ids.add(doc["id"])
            for p in problems_of(doc):
                print(f"{split}:{k} {doc['id']}: {p}")
                bad += 1
    # reproducible: a rebuild into a scratch copy gives the same files
    before = dict(lines)
    subprocess.run([sys.executable, str(Path(__file__).with_name("build_gold.py"))], check=True,
                   capture_output=True)
    for split in SPLITS:
        path = DATA / f"{split}.jsonl"
        if (path.read_text(encoding="utf-8") if path.exists() else "") != before[split]:
            print(f"{split}.jsonl was out of date with benchmarks/gold_src (now rebuilt)")
            bad += 1
    print(f"{len(ids)} documents checked, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
