"""The Report contract: SCHEMA.md shape, JSON Schema validation, lossless round trips."""
import json
from importlib import resources

import jsonschema
import pytest

import govnlp
from govnlp.report import Change, Indicator, Rank, Report, Section, Slogan, Task

SCHEMA = json.loads(resources.files("govnlp.data").joinpath("report.schema.json").read_text("utf-8"))


def test_every_seed_validates_against_the_json_schema(parsed_seeds):
    for key, report in parsed_seeds.items():
        jsonschema.validate(report.to_dict(), SCHEMA)


def test_every_seed_round_trips_through_json(parsed_seeds):
    for report in parsed_seeds.values():
        again = Report.from_json(report.to_json())
        assert again.to_dict() == report.to_dict()


def test_a_hand_built_report_round_trips():
    r = Report(text="一般公共预算收入44.88亿元，同比增长9.2%。")
    r.sections = [Section(0, None, 1, None, "全文", 0, len(r.text), "review", "economy", 0.9)]
    r.indicators = [Indicator(name="一般公共预算收入", canonical="general_budget_revenue", value=4488000000.0,
                              unit="元", change=Change(9.2, "%", "yoy", "同比增长9.2%"),
                              rank=Rank("全市", 2, "居全市第二"), kind="actual", period="2020H1", section=0,
                              sentence=[0, 24], spans={"name": [0, 8], "value": [8, 15], "change": [16, 23]})]
    r.slogans = [Slogan("六稳", 0, 2, ["稳就业", "稳金融"], None, "lexicon", "national 2018-", 0)]
    r.tasks = [Task("1", "任务", ["区发改委"], ["区财政局"], [0], 0, 5)]
    d = r.to_dict()
    jsonschema.validate(d, SCHEMA)
    assert Report.from_dict(d).to_dict() == d
    assert d["indicators"][0]["change"] == {"value": 9.2, "unit": "%", "basis": "yoy", "text": "同比增长9.2%"}


def test_offsets_map_back_to_the_raw_input(parsed_seeds, seed_paths):
    r = parsed_seeds["001"]
    raw = seed_paths["001"].read_text("utf-8")
    i = r.text.index("地方财政收入")
    s, e = r.raw_offsets(i, i + 6)
    assert raw[s:e].startswith("地方財政收入")


def test_a_wrong_schema_version_is_refused():
    with pytest.raises(ValueError, match="E010"):
        Report.from_dict({"schema_version": "0", "text": ""})


def test_cli_prints_json_and_tree(seed_paths, capsys):
    from govnlp.cli import main

    assert main(["parse", str(seed_paths["003"]), "--format", "tree", "--indicators", "rules"]) == 0
    out = capsys.readouterr().out
    assert "一、2019年主要工作回顾" in out and "  （一）紧盯产业培植" in out
    assert main(["parse", str(seed_paths["004"]), "--format", "json", "--indicators", "rules"]) == 0
    d = json.loads(capsys.readouterr().out)
    jsonschema.validate(d, SCHEMA)


def test_cli_reports_an_unreadable_file_without_a_traceback(tmp_path, capsys):
    from govnlp.cli import main

    assert main(["parse", str(tmp_path / "missing.txt")]) == 1
    assert "E001" in capsys.readouterr().err


def test_html_view_marks_sections(parsed_seeds):
    from govnlp.html import to_html

    page = to_html(parsed_seeds["003"])
    assert page.startswith("<!doctype html>") and "2019年主要工作回顾" in page


def _no_constants(name):
    raise AssertionError(f"JSON contains {name}")


def test_json_never_holds_nan_or_infinity():
    r = govnlp.parse_report("地区生产总值" + "9" * 400 + "亿元。", indicators="rules")
    json.loads(r.to_json(), parse_constant=_no_constants)
    hand = Report(text="增长")
    hand.indicators = [Indicator(name="产值", value=float("inf"), low=float("nan"), unit="元",
                                 change=Change(float("nan"), "%"))]
    d = hand.to_dict()
    assert d["indicators"][0]["value"] is None and d["indicators"][0]["change"] is None
    jsonschema.validate(d, SCHEMA)
    json.loads(hand.to_json(), parse_constant=_no_constants)


def test_raw_offsets_survive_a_round_trip(parsed_seeds):
    r = parsed_seeds["001"]  # traditional script: the map is not the identity
    again = Report.from_json(r.to_json())
    assert again.raw_map == r.raw_map
    for s, e in [(0, 10), (100, 180), (len(r.text) - 5, len(r.text)), (7, 7)]:
        assert again.raw_offsets(s, e) == r.raw_offsets(s, e)


def test_the_raw_map_is_stored_run_length():
    from govnlp.report import decode_raw_map, encode_raw_map

    assert encode_raw_map(list(range(11))) == [[0, 0]]
    mapped = [0, 1, 2, 5, 6, 7, 7, 8]
    assert encode_raw_map(mapped) == [[0, 0], [3, 5], [6, 7]]
    assert decode_raw_map(encode_raw_map(mapped), len(mapped) - 1) == mapped
    assert decode_raw_map([], 5) == []
