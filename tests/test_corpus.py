"""Corpus runs: many reports in order, on several processes, past bad files; the parse command's
JSON Lines / CSV / Parquet output and its resumption; the Dask and datasets recipes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govnlp.corpus import FailedReport, parse_corpus, parse_record, parse_reports
from govnlp.errors import GovnlpError, ReadError
from govnlp.export import slogans_frame, table, tasks_frame

REPORTS = {
    "east.txt": "东城区2023年政府工作报告\n一、2022年工作回顾\n全区地区生产总值完成512.3亿元，增长4.6%。\n"
                "二、2023年目标任务\n城镇新增就业1.5万人以上。\n",
    "west.txt": "安吉县2022年政府工作报告\n一、过去一年的工作\n一般公共预算收入18.7亿元，增长6.2%，居全市第二。\n"
                "全力做好六稳工作。\n二、今年的主要任务\n粮食总产量稳定在45万吨。\n",
    "north.txt": "北湖市上半年经济运行情况\n上半年，全市规模以上工业增加值增长7.1%，社会消费品零售总额"
                 "完成210亿元，增长5.5%。\n",
}
RULES = {"indicators": "rules"}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def _paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def _summary(report) -> tuple:
    return report.meta.region, [(i.name, i.value) for i in report.indicators]


def test_reports_come_back_in_input_order_with_one_or_two_processes(corpus):
    paths = _paths(corpus)
    one = [_summary(r) for r in parse_reports(paths, n_jobs=1, progress=False, **RULES)]
    two = [_summary(r) for r in parse_reports(paths, n_jobs=2, progress=False, **RULES)]
    assert one == two and len(one) == 3
    with_reading_options = parse_reports(paths, n_jobs=2, progress=False, encoding="utf-8", **RULES)
    assert [_summary(r) for r in with_reading_options] == one
    assert [name for name, _ in parse_corpus(paths, n_jobs=-1, progress=False, **RULES)] == [str(p) for p in paths]
    assert ("北京市东城区", [("地区生产总值", 51230000000.0)]) in [(r, i[:1]) for r, i in one]


def test_the_default_mode_runs_in_forked_workers(corpus):
    """The NER model loaded once in the parent serves forked workers (hybrid, 2 processes)."""
    paths = _paths(corpus)
    one = [_summary(r) for r in parse_reports(paths, n_jobs=1, progress=False)]
    two = [_summary(r) for r in parse_reports(paths, n_jobs=2, progress=False)]
    assert one == two


def test_a_bad_file_becomes_an_error_record_or_is_skipped_or_raises(corpus):
    paths = _paths(corpus)
    mixed = [paths[0], corpus / "missing.txt", paths[1]]
    got = list(parse_corpus(mixed, errors="warn", progress=False, **RULES))
    assert [type(r).__name__ for _, r in got] == ["Report", "FailedReport", "Report"]
    failed = got[1][1]
    assert isinstance(failed, FailedReport) and failed.source == str(corpus / "missing.txt")
    assert failed.error["code"] == "E001" and failed.error["type"] == "ReadError"
    assert failed.to_dict() == {"source": failed.source, "error": failed.error}
    assert len(list(parse_reports(mixed, errors="skip", n_jobs=2, progress=False, **RULES))) == 2
    with pytest.raises(ReadError, match="E001"):
        list(parse_reports(mixed, errors="raise", progress=False, **RULES))
    with pytest.raises(GovnlpError, match="E006"):
        list(parse_reports(mixed, errors="ignore"))


def test_long_runs_draw_a_progress_bar(corpus, capsys):
    list(parse_reports(_paths(corpus), progress=True, **RULES))
    assert "3/3" in capsys.readouterr().err


# ---- the command ------------------------------------------------------------------------------
def govnlp(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govnlp", "parse", *args, "--indicators", "rules"],
                          capture_output=True, text=True)


def test_several_files_print_json_lines_and_one_file_prints_json(corpus):
    out = govnlp(*map(str, _paths(corpus)), "--format", "json")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(rec["source"]).name for rec in lines] == ["east.txt", "north.txt", "west.txt"]
    single = govnlp(str(corpus / "west.txt"))
    assert json.loads(single.stdout)["meta"]["region"] == "湖州市安吉县"


def test_format_indicators_prints_csv(corpus):
    import io

    import pandas as pd

    out = govnlp(str(corpus), "--format", "indicators")
    frame = pd.read_csv(io.StringIO(out.stdout))
    assert frame.columns[0] == "file" and "canonical" in frame.columns
    assert set(frame["file"].map(lambda f: Path(f).name)) == set(REPORTS)


def test_a_missing_argument_is_reported_at_the_end_and_the_rest_is_written(corpus, tmp_path):
    out_file = tmp_path / "out" / "reports.jsonl"
    out = govnlp(str(corpus / "east.txt"), str(tmp_path / "nope.txt"), str(corpus / "west.txt"),
                 "--out", str(out_file))
    assert out.returncode == 1
    assert "nope.txt" in out.stderr and "E001" in out.stderr
    assert [Path(json.loads(line)["source"]).name for line in out_file.read_text("utf-8").splitlines()] == \
        ["east.txt", "west.txt"]
    from govnlp.corpus import read_records

    back = dict(read_records(out_file))
    assert back[str(corpus / "west.txt")].meta.region == "湖州市安吉县"
    assert [i.value for i in back[str(corpus / "east.txt")].indicators][:1] == [51230000000.0]


def test_jsonl_output_is_resumable(corpus, tmp_path):
    out_file = tmp_path / "reports.jsonl"
    assert govnlp(str(corpus / "east.txt"), "--out", str(out_file)).returncode == 0
    again = govnlp(str(corpus), "--out", str(out_file), "--jobs", "2", "--encoding", "utf-8")
    assert again.returncode == 0 and "1 source(s) already in" in again.stderr
    records = [json.loads(line) for line in out_file.read_text("utf-8").splitlines()]
    assert sorted(Path(r["source"]).name for r in records) == sorted(REPORTS)
    assert govnlp(str(corpus), "--out", str(out_file)).stderr.count("0 to parse") == 1


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_indicator_tables_are_written_and_resumed(corpus, tmp_path, suffix):
    import pandas as pd

    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    out_file = tmp_path / f"indicators{suffix}"
    read = pd.read_csv if suffix == ".csv" else pd.read_parquet
    assert govnlp(str(corpus / "east.txt"), "--out", str(out_file)).returncode == 0
    first = read(out_file)
    assert govnlp(str(corpus), "--out", str(out_file)).returncode == 0
    both = read(out_file)
    assert len(both) > len(first) and (both["file"] == str(corpus / "east.txt")).sum() == len(first)
    assert len((tmp_path / f"indicators{suffix}.done").read_text("utf-8").splitlines()) == 3
    sections = tmp_path / f"sections{suffix}"
    assert govnlp(str(corpus), "--out", str(sections), "--table", "sections").returncode == 0
    assert {"function", "topic", "file"} <= set(read(sections).columns)


def test_tables_of_slogans_and_tasks():
    import govnlp

    report = govnlp.parse_report(REPORTS["west.txt"], indicators="rules")
    slogans = slogans_frame(report)
    assert "六稳" in set(slogans["text"]) and slogans["expansion"].str.contains("稳就业").any()
    assert list(tasks_frame(report).columns[:4]) == ["region", "year", "number", "text"]
    both = table([report, report], "slogans", sources=["a", "b"])
    assert list(both["file"].unique()) == ["a", "b"]
    assert table([FailedReport.of("x", ReadError("[E001] gone"))], "indicators").empty


# ---- beyond one machine ---------------------------------------------------------------------
def test_parse_record_gives_the_json_lines_record_or_the_error_record(corpus):
    rec = parse_record(str(corpus / "north.txt"), **RULES)
    assert rec["source"].endswith("north.txt") and rec["indicators"]
    assert parse_record(corpus / "missing.txt")["error"]["code"] == "E001"


def test_dask_bag_recipe(corpus):
    db = pytest.importorskip("dask.bag")
    paths = [str(p) for p in _paths(corpus)] + [str(corpus / "missing.txt")]
    bag = db.from_sequence(paths, npartitions=2).map(parse_record, indicators="rules")
    records = bag.compute(scheduler="processes", num_workers=2)
    assert [Path(r["source"]).name for r in records] == ["east.txt", "north.txt", "west.txt", "missing.txt"]
    assert ["error" in r for r in records] == [False, False, False, True]
    lines = bag.map(json.dumps, ensure_ascii=False).compute(scheduler="synchronous")
    assert json.loads(lines[0])["meta"]["region"] == "北京市东城区"


def test_datasets_map_recipe(corpus):
    datasets = pytest.importorskip("datasets")
    from functools import partial

    from govnlp.corpus import hf_map

    ds = datasets.Dataset.from_dict({"path": [str(p) for p in _paths(corpus)]})
    out = ds.map(partial(hf_map, indicators="rules"), batched=True, batch_size=1, num_proc=2,
                 remove_columns=["path"])
    assert out["ok"] == [True, True, True] and all(n > 0 for n in out["n_indicators"])
    assert json.loads(out["report"][2])["meta"]["region"] == "湖州市安吉县"
