"""govnlp.compare (govnlp.targets): a region's targets for year Y next to what the next report says Y achieved."""
from pathlib import Path

import pytest

from govnlp.targets import Quantity, compare, judge
from govnlp.report import Change, Indicator, Meta, Report

PAIRS = sorted((Path(__file__).parent / "data" / "compare").glob("*.txt"))


@pytest.fixture(scope="module")
def panel():
    frame = compare(PAIRS, indicators="rules")
    return {(r["region"], r["year"], r["canonical"]): r for r in frame.to_dict("records")}


@pytest.mark.parametrize("region, year, canonical, target, actual, status", [
    ("九江市", 2022, "gdp", 8.0, 4.6, "missed"),              # 增长8%左右 vs 增长4.6%
    ("九江市", 2022, "gpb_revenue", 6.0, 6.8, "met"),         # 增长6%以上 vs 增长6.8%
    ("九江市", 2022, "unemp_surveyed", 5.5, 5.2, "met"),      # a ceiling: 控制在5.5%以内
    ("九江市", 2022, "cpi", 3.0, 2.1, "met"),                 # 涨幅3%左右 is a ceiling by default
    ("萍乡市安源区", 2022, "va_industry_above", 8.0, 7.1, "missed"),
    ("萍乡市安源区", 2022, "grain", 120000.0, 124000.0, "met"),  # a level: 12万吨以上 vs 12.4万吨
])
def test_numeric_targets_are_met_or_missed(panel, region, year, canonical, target, actual, status):
    row = panel[(region, year, canonical)]
    assert (row["target_value"], row["actual_value"], row["status"]) == (target, actual, status)
    assert row["target_text"] and row["actual_text"]           # both sentences are shown
    assert row["target_source"].endswith(f"_{year}.txt") and row["actual_source"].endswith(f"_{year + 1}.txt")


def test_a_range_target_is_judged_from_its_binding_end(panel):
    row = panel[("萍乡市安源区", 2022, "gdp")]                  # 增长7%—7.5% vs 增长7.2%
    assert (row["target_type"], row["target_low"], row["target_high"]) == ("range", 7.0, 7.5)
    assert row["status"] == "met" and row["gap"] == pytest.approx(0.2)


def test_targets_without_a_figure_are_reported_as_such(panel):
    assert panel[("九江市", 2022, "income_all")]["target_type"] == "qualitative"        # 与经济增长基本同步
    energy = panel[("九江市", 2022, "energy_intensity")]                                 # 完成省下达任务
    assert (energy["target_type"], energy["actual_value"], energy["status"]) == ("qualitative", -3.1, "unknown")
    assert panel[("萍乡市安源区", 2023, "gdp")]["target_type"] == "unset"              # 不设具体目标


def test_a_target_whose_year_has_no_report_yet_is_unknown(panel):
    row = panel[("九江市", 2023, "gdp")]
    assert (row["target_value"], row["status"]) == (6.5, "unknown") and row["actual_value"] != row["actual_value"]


def _target(value=None, low=None, high=None, qualifier=None, canonical="gdp"):
    return Quantity("r", 2022, canonical, "change", "%", value, low, high, qualifier, kind="target",
                    target_type="range" if low is not None else "point")


@pytest.mark.parametrize("target, actual, tolerance, gap, status", [
    (_target(6.0, qualifier="approx"), 5.9, 0.0, -0.1, "missed"),
    (_target(6.0, qualifier="approx"), 5.9, 0.2, -0.1, "met"),           # 左右 forgiven by the tolerance
    (_target(6.0, qualifier="at_least"), 5.9, 0.2, -0.1, "missed"),       # 以上 is never forgiven
    (_target(low=6.0, high=6.5), 6.8, 0.0, 0.8, "met"),
    (_target(5.5, qualifier="at_most", canonical="unemp_surveyed"), 5.6, 0.0, 0.1, "missed"),
    (_target(-3.0, canonical="energy_intensity"), -3.4, 0.0, -0.4, "met"),  # 能耗下降3% vs 下降3.4%
])
def test_judging_a_number_against_a_target(target, actual, tolerance, gap, status):
    got_gap, got_status = judge(target, actual, tolerance)
    assert got_gap == pytest.approx(gap) and got_status == status


def test_reports_from_python_objects_and_untargeted_actuals():
    plan = Report(text="高新技术企业力争达到320家。", meta=Meta(region="示例县", year=2022),
                  indicators=[Indicator(name="高新技术企业", canonical="hitech_firms", value=320.0, unit="家",
                                        kind="target", period="2022", sentence=[0, 15])])
    review = Report(text="高新技术企业达到298家，财政总收入增长5%。", meta=Meta(region="示例县", year=2023),
                    indicators=[Indicator(name="高新技术企业", canonical="hitech_firms", value=298.0, unit="家",
                                          period="2022", sentence=[0, 11]),
                                Indicator(name="财政总收入", canonical="fiscal_total_revenue",
                                          change=Change(5.0, "%"), period="2022", sentence=[12, 22])])
    rows = compare([plan, review], include_untargeted=True).to_dict("records")
    assert [(r["canonical"], r["status"]) for r in rows] == [("fiscal_total_revenue", "unknown"),
                                                            ("hitech_firms", "missed")]
    assert rows[1]["target_text"] == "高新技术企业力争达到320家。"


def test_cli_writes_a_csv_panel(tmp_path, capsys):
    from govnlp.cli import main

    out = tmp_path / "panel.csv"
    assert main(["compare", *map(str, PAIRS), "--out", str(out)]) == 0
    import pandas as pd

    frame = pd.read_csv(out)
    assert {"target_value", "actual_value", "gap", "status"} <= set(frame.columns) and len(frame) >= 10
    assert main(["compare", str(tmp_path / "missing.txt")]) == 1
