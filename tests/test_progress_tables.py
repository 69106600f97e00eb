"""Task and progress tables flattened one row per line: each cell is a text of its own, and
its column says what its figures are (targets in the task column, actuals in the progress
column, a completion ratio named by its header). All rows are invented."""
from __future__ import annotations

import govnlp
import pytest
from govnlp.indicators.tables import table_cells

HEADER = "序号  重点任务  责任单位  进展情况  完成比例\n"
REPORT = (
    "某县2023年重点任务上半年进展情况通报\n"
    "一、总体情况\n"
    "上半年各项重点任务总体推进顺利。\n"
    "二、重点任务推进情况\n"
    + HEADER +
    "（一）产业发展\n"
    "1  新建智能工厂12个  县工信局（牵头）、县科技局  上半年新建智能工厂5个  41.7%\n"
    "2  规上工业增加值增长8%  县工信局  规上工业增加值同比增长7.4%\t序时推进\n"
    "3  完成技改投资20亿元  县发改局、县财\n"
    "政局  完成技改投资9.6亿元，预计全年完成技改投资21亿元  48%\n"
    "（二）民生保障\n"
    "4  新建养老床位400张  县民政局 县卫健局  年度目标400张，已新建养老床位180张  45%\n"
    "三、下步打算\n"
    "各单位要加快进度，确保完成全年任务。\n"
)


@pytest.fixture(scope="module")
def report():
    return govnlp.parse_report(REPORT, slogans=False)


def by_value(report, value):
    return [i for i in report.indicators if i.value == value or (i.change and i.change.value == value)]


def figures(report) -> list:
    """(name, level or change, kind) of each indicator of a parsed report."""
    return [(i.name, i.value if i.change is None else i.change.value, i.kind) for i in report.indicators]


def test_names_stop_at_the_cell_gap(report):
    names = {i.name for i in report.indicators}
    assert "智能工厂" in names or "新建智能工厂" in names
    for name in names:
        assert "  " not in name and "\t" not in name
        assert not name[:1].isdigit(), name          # never the row number
        assert "县工信局" not in name and "县民政局" not in name  # never the unit cell


def test_the_task_column_holds_targets_and_the_progress_column_actuals(report):
    assert [i.kind for i in by_value(report, 12)] == ["target"]
    assert [i.kind for i in by_value(report, 5)] == ["actual"]
    assert [i.kind for i in by_value(report, 8)] == ["target"]
    assert [i.kind for i in by_value(report, 7.4)] == ["actual"]


def test_the_task_columns_targets_are_the_whole_years_and_the_progress_the_half_years(report):
    assert [(i.kind, i.period) for i in by_value(report, 2e9)] == [("target", "2023")]
    assert [(i.kind, i.period) for i in by_value(report, 9.6e8)] == [("actual", "2023H1")]


def test_a_forecast_or_a_target_in_the_progress_column_keeps_its_own_kind(report):
    assert [i.kind for i in by_value(report, 2.1e9)] == ["forecast"]      # 预计全年…21亿元
    assert sorted(i.kind for i in by_value(report, 400)) == ["target", "target"]  # task cell, 年度目标
    assert [i.kind for i in by_value(report, 180)] == ["actual"]


def test_a_completion_ratio_is_named_by_its_header(report):
    ratios = [i for i in report.indicators if i.unit == "%" and i.value in (41.7, 48.0, 45.0)]
    assert len(ratios) == 3
    assert {i.name for i in ratios} == {"完成比例"}
    start, end = ratios[0].spans["name"]
    assert report.text[start:end] == "完成比例"


def test_cells_and_their_columns():
    text = HEADER + "1  新建学校3所  县教育局  已开工3所  30%\n2  新增学位2000个  新增学位800个  40%\n"
    cells = table_cells(text)
    rows = [[(c.role, text[c.start:c.end]) for c in cells if c.start >= text.index(n + "  ")][:5] for n in "12"]
    assert rows[0] == [("number", "1"), ("task", "新建学校3所"), ("units", "县教育局"),
                       ("progress", "已开工3所"), ("ratio", "30%")]
    # a row under a unit cell merged with the row above has no unit cell of its own
    assert rows[1][:4] == [("number", "2"), ("task", "新增学位2000个"), ("progress", "新增学位800个"), ("ratio", "40%")]


def test_a_wrapped_row_is_joined_inside_the_cut_cell_or_at_a_cell_gap():
    text = HEADER + "1  新建学校3所  县教育局、县财\n政局  已开工3所  30%\n2  新增学位2000个  县教育局  新增\n学位800个  40%\n"
    cells = table_cells(text)
    units = [text[c.start:c.end] for c in cells if c.role == "units"]
    progress = [text[c.start:c.end] for c in cells if c.role == "progress"]
    assert units == ["县教育局、县财\n政局", "县教育局"]
    assert progress == ["已开工3所", "新增\n学位800个"]


def test_a_pipe_table_and_prose_without_a_table():
    text = "| 序号 | 工作任务 | 牵头单位 | 完成情况 |\n|---|---|---|---|\n| 1 | 新建公园4个 | 区园林局 | 已建成2个 |\n"
    assert [c.role for c in table_cells(text)] == ["number", "task", "units", "progress"]
    assert table_cells("序号和名称都写在一句话里，新建公园4个。\n上半年已建成2个。\n") == []


def test_a_name_cut_by_the_line_wrap_of_its_cell_gets_its_head_back():
    text = ("重点任务进展情况\n" + HEADER +
            "1  新建学校3所  县教育局  已开工学校3所，新增公办\n幼儿园学位600个  30%\n"
            "2  新增学位2000个  县教育局  新增学位800个  40%\n"
            "3  新建公园4个  县园林局  已建成公园2个  50%\n")
    r = govnlp.parse_report(text, slogans=False)
    seats = [i for i in r.indicators if i.value == 600]
    assert [i.name for i in seats] == ["新增公办幼儿园学位"]
    start, end = seats[0].spans["name"]
    assert r.text[start:end] == "新增公办\n幼儿园学位"


INDICATOR_TABLE = (
    "某县2023年上半年主要指标完成情况的报告\n"
    "一、总体情况\n"
    "上半年，全县统筹推进稳增长、调结构、惠民生各项工作，经济运行总体平稳，主要指标完成情况见下表。\n"
    "序号  指标  年度目标  上半年完成  完成比例\n"
    "1  社会消费品零售总额  增长7%  增长6.1%  —\n"
    "2  工业投资  90亿元  47.5亿元  52.8%\n"
    "3  新增城镇就业  3200人  1750人  54.7%\n"
    "二、下半年工作打算\n"
    "下半年，我们将紧盯全年目标任务，确保完成各项工作。\n"
)


def test_figures_alone_in_their_cells_take_the_rows_name_and_their_columns_kind():
    r = govnlp.parse_report(INDICATOR_TABLE, slogans=False)
    got = [(i.name, i.value if i.change is None else i.change.value, i.kind, i.period) for i in r.indicators]
    assert got == [
        ("社会消费品零售总额", 7.0, "target", "2023"), ("社会消费品零售总额", 6.1, "actual", "2023H1"),
        ("工业投资", 9e9, "target", "2023"), ("工业投资", 4.75e9, "actual", "2023H1"),
        ("完成比例", 52.8, "actual", "2023H1"),
        ("新增城镇就业", 3200.0, "target", "2023"), ("新增城镇就业", 1750.0, "actual", "2023H1"),
        ("完成比例", 54.7, "actual", "2023H1"),
    ]
    assert not r.warnings  # a numbered table of short cells is no navigation menu


def test_a_table_split_by_single_spaces_keeps_row_numbers_and_units_out_of_names():
    text = ("某区2023年重点工作任务分解方案\n"
            "为确保各项目标任务落到实处，现将2023年重点工作任务分解如下，请各单位认真抓好落实。\n"
            "序号 工作任务 牵头单位 配合单位\n"
            "1 新建社区食堂15个，改造提升绿道20公里 区民政局 各街道\n"
            "2 新增城镇就业9000人 区人社局 区财政局\n"
            "3 完成工业投资120亿元，增长9% 区经信局 区统计局\n"
            "4 新建口袋公园8个 区园林局 各街道\n"
            "5 新增托育位600个 区卫健委 各街道\n")
    r = govnlp.parse_report(text, slogans=False)
    assert [i.name for i in r.indicators] == ["新建社区食堂", "改造提升绿道", "新增城镇就业", "工业投资",
                                              "新建口袋公园", "新增托育位"]
    assert {i.kind for i in r.indicators} == {"target"}


CELL_PER_LINE = (
    "某县2023年重点任务前三季度落实情况的通报\n"
    "县政府督查室对重点任务前三季度落实情况进行了督查，总体推进有力，现将有关情况通报如下。\n"
    "序号\n重点任务\n牵头\n单位\n进展情况\n"
    "一、经济指标\n"
    "1\n工业投资增长12%\n县经信局\n前三季度增长10.5%，序时推进\n"
    "2\n城乡居民人均可支配收入分别增长6%和8%\n县统计局\n分别增长5.6%和7.9%\n"
    "3\n推进普惠金融服务，新增普惠小微贷\n款30亿元\n县金融办\n已新增普惠小微贷款\n21亿元，序时推进\n"
    "二、民生实事\n"
    "4\n新建养老床位400张\n县民政局\n已新建养老床位180张\n"
    "5\n改造农贸市场6个\n县商务局\n已改造农贸市场3个\n"
    "三、下步要求\n"
    "各单位要对照目标任务，倒排工期，确保全年任务圆满完成。\n"
)


def test_a_table_flattened_one_cell_per_line():
    r = govnlp.parse_report(CELL_PER_LINE, slogans=False)
    got = figures(r)
    assert got == [
        ("工业投资", 12.0, "target"), ("工业投资", 10.5, "actual"),       # the task cell's name
        ("城镇居民人均可支配收入", 6.0, "target"), ("农村居民人均可支配收入", 8.0, "target"),
        ("城镇居民人均可支配收入", 5.6, "actual"), ("农村居民人均可支配收入", 7.9, "actual"),  # by position
        ("新增普惠小微贷款", 3e9, "target"), ("新增普惠小微贷款", 2.1e9, "actual"),  # wrapped cells
        ("新建养老床位", 400.0, "target"), ("新建养老床位", 180.0, "actual"),
        ("改造农贸市场", 6.0, "target"), ("改造农贸市场", 3.0, "actual"),
    ]
    assert [(t.number, t.lead) for t in r.tasks] == [("1", ["县经信局"]), ("2", ["县统计局"]), ("3", ["县金融办"]),
                                                     ("4", ["县民政局"]), ("5", ["县商务局"])]


WRAPPED_CELLS = (
    "某市2024年政府工作报告目标任务分解表\n"
    "序号\n工作\n任务\n2024年\n目标\n牵头\n单位\n配合\n单位\n"
    "一、稳住经济大盘\n"
    "1\n加强经济运行调度，完善重点\n指标监测分析\n工业投资增\n长7%左右\n市发改委\n市统计局\n"
    "2\n实施创新型企业培育计划\n科技型中小企业达到2\n50家\n市科技局\n市财政局\n"
    "3\n办好文旅节会，提升景区品质\n接待游客8000万人\n次\n市文旅局\n"
    "— 2 —\n"
    "序号\n工作\n任务\n2024年\n目标\n牵头\n单位\n配合\n单位\n"
    "二、保障改善民生\n"
    "4\n落实就业优先政策，做好重点\n群体就业帮扶\n完成城镇新增就业\n— 3 —\n3.5\n万人以上\n市人社局\n市财政局\n"
    "5\n推进交通安全综合治理\n道路交通事故起数下降\n6%\n市公安局\n市交通运输局\n"
    "注：排在首位的牵头单位负责统筹协调。\n"
)


def test_figures_wrapped_in_their_cells_are_read_whole():
    r = govnlp.parse_report(WRAPPED_CELLS, slogans=False)
    got = [(i.name, i.value if i.change is None else i.change.value, i.unit or i.change.unit, i.kind)
           for i in r.indicators]
    assert got == [
        ("工业投资", 7.0, "%", "target"),                  # 增 / 长7%
        ("科技型中小企业", 250.0, "家", "target"),          # 2 / 50家
        ("接待游客", 8e7, "人次", "target"),                # 8000万人 / 次
        ("城镇新增就业", 35000.0, "人", "target"),          # a page number, then 3.5 / 万人以上
        ("道路交通事故起数", -6.0, "%", "target"),          # the last row, above a note
    ]
    for ind in r.indicators:  # spans point into the text as it is, line breaks included
        s, e = ind.spans["value"] or ind.spans["change"]
        assert "\n" not in r.text[s:e] or ind.name in ("工业投资", "科技型中小企业", "接待游客", "城镇新增就业",
                                                     "道路交通事故起数")
        assert r.text[slice(*ind.spans["name"])] == ind.name
    assert r.text[slice(*r.indicators[0].spans["change"])] == "增\n长7%"
    assert r.indicators[3].qualifier == "at_least"


def test_a_break_that_cuts_no_figure_stays():
    from govnlp.indicators.tables import Cell, join_wrapped_figures

    text = "新增普惠小微贷款\n80亿元以上\n县工业和信息\n化局"
    cells = [Cell(0, 15, "task", "目标", (0, 0)), Cell(16, len(text), "units", "牵头单位", (0, 0))]
    assert join_wrapped_figures(text, cells) is None
    items = "营业收入增长\n2.推进企业上市"  # a verb at a line end, then the next item: no figure cut
    assert join_wrapped_figures(items, [Cell(0, len(items), "progress", "进展情况", (0, 0))]) is None
    view = join_wrapped_figures("投资增\n长8%", [Cell(0, 8, "task", "目标", (0, 0))])
    assert view.text == "投资增长8%" and view.to_original(2, 6) == (2, 7) and view.from_original(4) == 3


TAB_TABLE = (
    "某区2024年重点任务清单\n"
    "序号\t任务内容\t目标\t牵头\t配合\t完成\n"
    "\t\t\t单位\t单位\t时限\n"
    "一、推动产业升级\n"
    "1\n"
    "\t实施制造业提质行动，推动重点项目达产\t工业投资增长9%\t区经信局\t区统计局\t12月底\n"
    "2\n"
    "\t推进企业数字化转型，\n"
    "\t建设智能工厂\t新认定数字化车间12个\t区经信局（牵头）\n"
    "\t\t\t区科技局\t区直有关部门\t全年\n"
    "3\n"
    "\t争取上级资金支持\t争取专项债券资金18亿元以上\t区财政局\t区发展改革委，\n"
    "— 2 —\n"
    "序号\t任务内容\t目标\t牵头单位\t配合单位\t完成时限\n"
    "\t\t\t\t区城投集团\t12月底\n"
    "二、增进民生福祉\n"
    "4\n"
    "\t推进学校新建改扩建\t新增学位2400个\t区教育局\t区住建局\t8月底\n"
)


def test_a_word_table_pasted_with_one_tab_per_column():
    r = govnlp.parse_report(TAB_TABLE, slogans=False)
    got = figures(r)
    assert got == [("工业投资", 9.0, "target"), ("新认定数字化车间", 12.0, "target"),
                   ("专项债券资金", 1.8e9, "target"), ("新增学位", 2400.0, "target")]
    cells = table_cells(r.text)
    columns = {(r.text[c.start:c.end], c.column, c.role) for c in cells}
    assert ("推进企业数字化转型，\n\t建设智能工厂", "任务内容", "task") in columns  # wrapped onto the next line
    assert ("区经信局（牵头）\n\t\t\t区科技局", "牵头单位", "units") in columns  # placed by its tabs
    assert ("区城投集团", "配合单位", "units") in columns                          # after a repeated header
    assert ("12月底", "完成时限", "other") in columns                             # 完成 / 时限 is no progress column


@pytest.mark.parametrize("item", ["（一）", "(二)", "（3）"])
def test_an_items_marker_is_no_part_of_its_name(item):
    r = govnlp.parse_report(f"二、主要目标任务\n{item}城镇新增就业6500人以上。\n责任单位：县人社局\n", slogans=False)
    assert [(i.name, i.value) for i in r.indicators] == [("城镇新增就业", 6500.0)]


def test_a_row_gone_on_under_its_columns_keeps_the_name_above_its_figure():
    text = ("序号\t任务内容\t年度目标\t牵头单位\n"
            "1\t推进工业稳增长\t规上工业增加值增长8%\t县工信局\n"
            "2\t加快新能源项目建设\t新能源产业产值\n"
            "\t\t增长25%\t县发改委\n")
    r = govnlp.parse_report(text, slogans=False)
    assert [(i.name, i.change.value, i.kind) for i in r.indicators] == [
        ("规上工业增加值", 8.0, "target"), ("新能源产业产值", 25.0, "target")]
    assert r.text[slice(*r.indicators[1].spans["name"])] == "新能源产业产值"
