"""Cold start and the speed benchmark: what a fresh process imports, and bench --speed's figures.

No absolute timing is asserted here (the machine may be busy): the cold-start and throughput
figures come from ``govnlp bench --speed``, whose fields are checked below.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = next(ROOT.glob("seeds/003_*.txt"))
HEAVY = ("torch", "transformers", "sklearn", "scipy", "skops", "pandas", "datasets")


def fresh_parse(mode: str) -> dict:
    """Parse one seed report in a new interpreter; what it imported and what it cost."""
    code = (
        "import time; t = time.process_time()\n"
        "import sys, json, pathlib, govnlp\n"
        f"r = govnlp.parse_report(pathlib.Path({str(SEED)!r}), indicators={mode!r})\n"
        "print(json.dumps({'cpu': time.process_time() - t, 'indicators': len(r.indicators),\n"
        f"                  'heavy': [m for m in {HEAVY!r} if m in sys.modules]}}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_rules_mode_imports_no_torch_and_no_scikit_learn():
    got = fresh_parse("rules")
    assert got["heavy"] == [] and got["indicators"] > 0


def test_hybrid_mode_runs_the_model_on_torch_alone():
    """The NER model runs on plain torch: no transformers, scikit-learn, scipy or pandas."""
    got = fresh_parse("hybrid")
    assert got["heavy"] == ["torch"] and got["indicators"] > 0


def test_importing_govnlp_loads_no_model_library():
    code = ("import sys, govnlp\n"
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_bench_speed_reports_throughput_cold_start_memory_and_ratios(capsys):
    from govnlp.benchmark.cli import main

    texts = [str(next(ROOT.glob("seeds/000_*.txt")))]
    assert main(["--speed", "--pipelines", "govnlp-rules", "regex", "--texts", *texts,
                 "--min-seconds", "0.1", "--max-rounds", "2", "--scale", "4", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rules, regex = result["pipelines"]["govnlp-rules"], result["pipelines"]["regex"]
    for figs in (rules, regex):
        assert figs["chars_per_s_cpu"] > 0 and figs["cold_cpu_s"] > 0 and figs["peak_mib"] >= figs["peak_mib_first"] > 0
    assert result["ratios"]["govnlp-rules/regex"] == pytest.approx(
        rules["chars_per_s_cpu"] / regex["chars_per_s_cpu"])
    assert rules["scale"] == 4 and rules["scale_ratio"] > 0
    assert "scale" not in regex  # the peers are timed on the texts only


def test_a_missing_peer_is_a_note_not_a_failure(monkeypatch):
    from govnlp.benchmark import speed

    monkeypatch.setattr(speed, "available", lambda name: None if name == "regex" else "not installed")
    result = speed.measure(["regex", "jionlp"], ["全年地区生产总值增长5%。"], min_seconds=0.01, max_rounds=1)
    assert list(result["pipelines"]) == ["regex"] and result["notes"] == ["jionlp: skipped, not installed"]
    assert "regex" in speed.format_table(result)


def test_corpus_timing_counts_every_report_with_each_job_count(tmp_path):
    from govnlp.benchmark.speed import measure_corpus

    report = tmp_path / "r.txt"
    report.write_text("一、工作回顾\n全市地区生产总值增长5.5%。\n", "utf-8")
    result = measure_corpus(4, [str(report)], mode="rules", jobs=(1, 2))
    assert {k: v["reports"] for k, v in result["by_jobs"].items()} == {"1": 4, "2": 4}
