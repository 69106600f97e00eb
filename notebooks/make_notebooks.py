"""Regenerates the notebooks in this folder from the cells below and runs them, so they are
committed with their outputs:  python notebooks/make_notebooks.py  (--no-execute: sources only).

The notebooks write files only into a temporary folder (tempfile), never into the repository;
tests/test_notebooks.py runs them again in a Jupyter kernel and checks that.
"""
import json, os, sys
def nb(cells):
    out = []
    for k, (kind, src) in enumerate(cells):
        c = {"cell_type": kind, "id": f"cell-{k}", "metadata": {},
             "source": src.strip("\n").splitlines(keepends=True)}
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
import tempfile
from govnlp.html import to_html
out = pathlib.Path(tempfile.mkdtemp()) / "report_003.html"   # a scratch folder, not the repository
out.write_text(to_html(report), encoding="utf-8")
print(f"open {out.name} in a browser: {len(out.read_text(encoding='utf-8')):,} characters of HTML")
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

three = [
("markdown", """
# Targets against actuals

A work report delivered early in year *Y* sets the targets for *Y*; the next year's report says
what *Y* achieved. `govnlp.compare` pairs them per region, year and canonical indicator: the
target (point, range, or a target without a figure), the actual, the gap and met / missed /
unknown. Here: two regions, two consecutive reports each (short reports written for the tests).
"""),
("code", """
import pathlib, govnlp
import pandas as pd

ROOT = pathlib.Path.cwd() if (pathlib.Path.cwd() / "seeds").exists() else pathlib.Path.cwd().parent
pairs = sorted((ROOT / "tests" / "data" / "compare").glob("*.txt"))
panel = govnlp.compare(pairs)
panel[["region", "year", "indicator", "measure", "target_type", "target_value", "target_low", "target_high",
       "target_qualifier", "actual_value", "gap", "status"]]
"""),
("markdown", "Each row keeps both sentences, so every cell can be checked against the report:"),
("code", """
row = panel[(panel.region == "九江市") & (panel.year == 2022) & (panel.canonical == "gdp")].iloc[0]
print("target:", row.target_text)
print("actual:", row.actual_text)
print("gap:", round(row.gap, 2), "percentage points ->", row.status)
"""),
("markdown", "## Targets without a figure are rows too\n`qualitative` (与经济增长基本同步, 完成省下达任务) and `unset` (不设具体目标) targets are reported as such, with status `unknown`."),
("code", """
panel[panel.target_type.isin(["qualitative", "unset"])][["region", "year", "indicator", "target_type", "target_label", "actual_value"]]
"""),
("markdown", "## A picture: growth targets and outcomes"),
("code", """
import matplotlib.pyplot as plt
from matplotlib import font_manager

# a CJK font when one is installed (Debian: fonts-noto-cjk), so region names can be shown
cjk = [f.name for f in font_manager.fontManager.ttflist if "CJK" in f.name]
if cjk:
    plt.rcParams["font.family"] = cjk[0]

growth = panel[(panel.measure == "change") & panel.status.isin(["met", "missed"])].copy()
growth["target"] = growth.target_value.fillna(growth.target_low)
growth["label"] = (growth.region.str[-3:] + " " if cjk else "") + growth.year.astype(str) + " " + growth.canonical
fig, ax = plt.subplots(figsize=(7, 3))
ax.scatter(growth.target, growth.actual_value, c=growth.status.map({"met": "tab:green", "missed": "tab:red"}))
for _, r in growth.iterrows():
    ax.annotate(r.label, (r.target, r.actual_value), fontsize=7, xytext=(3, 3), textcoords="offset points")
lim = [min(growth.target.min(), growth.actual_value.min()) - 1, max(growth.target.max(), growth.actual_value.max()) + 1]
ax.plot(lim, lim, color="grey", lw=0.8)
ax.set_xlabel("target (%)"); ax.set_ylabel("actual (%)")
ax.set_title("growth targets and outcomes (green: met, red: missed; cpi is a ceiling)")
plt.show()
"""),
("markdown", "From the shell: `govnlp compare FILES --out panel.csv` writes the same table."),
]

NOTEBOOKS = {"01_parse_a_report.ipynb": one, "02_corpus_panel_and_benchmark.ipynb": two,
             "03_targets_against_actuals.ipynb": three}


def execute(path: str) -> None:
    """Run a notebook in a Jupyter kernel (from the notebooks folder) and save it with its outputs."""
    import nbformat
    from nbclient import NotebookClient

    book = nbformat.read(path, as_version=4)
    NotebookClient(book, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": os.path.dirname(path)}}).execute()
    nbformat.write(book, path)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name, cells in NOTEBOOKS.items():
        path = os.path.join(here, name)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(nb(cells), fh, ensure_ascii=False, indent=1)
        if "--no-execute" not in sys.argv:
            execute(path)
            print("ran", name)
