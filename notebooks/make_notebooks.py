"""Regenerates the notebooks in this folder from the cells below: python notebooks/make_notebooks.py"""
import json, sys
def nb(cells):
    out = []
    for kind, src in cells:
        c = {"cell_type": kind, "metadata": {}, "source": src.strip("\n").splitlines(keepends=True)}
        if kind == "code":
            c.update({"execution_count": None, "outputs": []})
        out.append(c)
    return {"cells": out, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}

one = [
("markdown", """
# Parse one report

`govnlp.parse_report` takes a path, a string or bytes and returns a `Report`: normalised text,
the outline with function/topic labels, indicators, slogans, tasks and metadata. This notebook
walks through seed 003 (a district work report with a 30-entry 注释 glossary).
"""),
("code", """
import pathlib, govnlp
from govnlp.outline import format_tree

ROOT = pathlib.Path.cwd() if (pathlib.Path.cwd() / "seeds").exists() else pathlib.Path.cwd().parent
report = govnlp.parse_report(ROOT / "seeds" / "003_2765e964e35d9ca5.txt")
report.meta
"""),
("markdown", "## The outline\nEach section has a level, marker, title, offsets, a function and a topic."),
("code", """
print(format_tree(report))
"""),
("markdown", "## Indicators as a table\nOne row per quantity: canonical id, value in base units, change, qualifier, kind, period."),
("code", """
df = report.indicators_frame()
df[["name", "canonical", "value", "unit", "change_value", "change_unit", "qualifier", "kind", "period"]].head(15)
"""),
("code", """
# what the government promised for the coming year (targets), indicator by indicator
df[df.kind == "target"][["name", "canonical", "value", "low", "high", "unit", "change_value", "qualifier", "sentence_text"]]
"""),
("markdown", "## Slogans and what they stand for *in this report*\nThe report's own 注释 wins over the bundled lexicon; unknown slogans keep `expansion=None`."),
("code", """
for s in report.slogans[:12]:
    print(s.text, "→", s.expansion, f"({s.provenance}, {s.scope})")
"""),
("markdown", "## Warnings and what was set aside\nNothing is dropped silently: page chrome is listed in `report.boilerplate`, unreadable text in `report.warnings`."),
("code", """
for w in report.warnings:
    print(w[:200])
[(b.reason, report.text[b.start:b.end][:40]) for b in report.boilerplate]
"""),
("markdown", "## An HTML view and the JSON contract"),
("code", """
from govnlp.html import to_html
out = pathlib.Path("report_003.html")
out.write_text(to_html(report), encoding="utf-8")
d = report.to_dict()
sorted(d.keys()), len(d["sections"]), len(d["indicators"])
"""),
]

two = [
("markdown", """
# From many reports to a panel, and measuring accuracy

Parse a folder of reports into one DataFrame of targets and actuals, then score govnlp against
the bundled benchmark (the same figures as `govnlp bench`).
"""),
("code", """
import pathlib, pandas as pd, govnlp

ROOT = pathlib.Path.cwd() if (pathlib.Path.cwd() / "seeds").exists() else pathlib.Path.cwd().parent
paths = sorted((ROOT / "seeds").glob("*.txt"))
reports = list(govnlp.parse_reports(paths))
pd.DataFrame([{**r.meta.to_dict(), "sections": len(r.sections), "indicators": len(r.indicators),
               "slogans": len(r.slogans), "tasks": len(r.tasks)} for r in reports])
"""),
("code", """
panel = pd.concat([r.indicators_frame() for r in reports], ignore_index=True)
panel.groupby(["region", "year", "kind"]).size().unstack(fill_value=0)
"""),
("code", """
# growth of the headline indicators, one row per report and indicator
headline = panel[panel.canonical.isin(["gdp", "gpb_revenue", "fai", "retail", "va_industry_above"])]
headline[["region", "year", "canonical", "kind", "period", "value", "unit", "change_value", "change_unit", "qualifier"]]
"""),
("markdown", "## Task plans: who leads what"),
("code", """
plan = next(r for r in reports if r.meta.doc_type == "task_plan")
pd.DataFrame([{"number": t.number, "lead": "、".join(t.lead), "support": "、".join(t.support), "text": t.text[:40]}
              for t in plan.tasks]).head(10)
"""),
("markdown", "## The benchmark\nGold data ships inside the package as a Hugging Face `datasets.Dataset`; any callable `text -> Report` can be scored."),
("code", """
from govnlp.benchmark import as_dataset, load_split, score_pipeline
ds = as_dataset("dev")
print(ds)
result = score_pipeline(lambda text: govnlp.parse_report(text, indicators="rules"), load_split("dev"))
{k: result[k] for k in ["quantity_f1", "linked_f1", "section_f1", "function_acc", "topic_acc", "slogan_acc"] if k in result}
"""),
]
json.dump(nb(one), open(__import__("os").path.join(__import__("os").path.dirname(__file__), "01_parse_a_report.ipynb"), "w"), ensure_ascii=False, indent=1)
json.dump(nb(two), open(__import__("os").path.join(__import__("os").path.dirname(__file__), "02_corpus_panel_and_benchmark.ipynb"), "w"), ensure_ascii=False, indent=1)
