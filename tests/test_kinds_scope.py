"""How far kind and period words reach (docs/annotation.md 2.7, 2.9) in half-year reports,
summaries and forecasts: PDF full stops, 预计 after a lead clause, comparisons with a target,
half-year periods (H1, H2, 1-6月, single months), opening time words and 今后五年.

Every sentence is our own wording, written the way such documents are.
"""
import time

import pytest

import govnlp
from govnlp.indicators import extract_indicators, extract_rules
from govnlp.indicators.kinds import YearContext, context_before, period_of
from govnlp.report import Meta, Report, Section

HALF = Meta(year=2024, doc_type="half_year_report")
ANNUAL = Meta(year=2024, doc_type="work_report")


def records(text, meta=ANNUAL, sections=None):
    """(name, kind, period) of every indicator of ``text``."""
    report = Report(text=text, meta=meta, sections=sections or [])
    return [(i.name, i.kind, i.period) for i in extract_indicators(report)]


def kinds(text, meta=ANNUAL, sections=None):
    return [k for _, k, _ in records(text, meta, sections)]


def periods(text, meta=ANNUAL, sections=None):
    return [p for _, _, p in records(text, meta, sections)]


# ---- a full stop typed as "." (PDF and portal copies) ---------------------------------------
def test_an_ascii_full_stop_ends_the_reach_of_a_target_cue():
    text = "各部门要确保政策落地见效.全县新增市场主体820户，同比增长4.1%。"
    assert records(text, HALF) == [("新增市场主体", "actual", "2024H1")]


def test_an_ascii_full_stop_ends_the_reach_of_a_time_word():
    text = "上半年，全区地区生产总值增长3.1%，其中二季度下降1.2%.分行业看，纺织业产值42.6亿元。"
    assert periods(text, HALF) == ["2024H1", "2024Q2", "2024H1"]


def test_a_line_broken_after_a_comma_or_semicolon_is_read_with_the_line_before():
    text = "综合研判，预计全年全区地区生产总值增长5%左右；\n一般公共预算收入增长3%；城镇新增就业1.1万人。"
    assert kinds(text) == ["forecast"] * 3
    text = "下半年，力争全区规模以上工业总产值增长8%以上，固定资产投资增长5%，\n新开工亿元以上项目30个。"
    assert records(text, HALF)[-1] == ("新开工亿元以上项目", "target", "2024H2")


def test_a_decimal_point_is_no_full_stop():
    before = context_before("力争全区规上工业增加值增长6.5%以上", 0, 16)
    assert "。" not in before


# ---- 预计 and its scope -----------------------------------------------------------------------
def test_forecast_after_a_short_lead_clause_covers_the_whole_sentence():
    text = "综合研判，预计全年全县地区生产总值增长5%左右；一般公共预算收入增长3%；城镇新增就业0.8万人。"
    assert kinds(text) == ["forecast"] * 3


def test_forecast_of_a_single_month_after_two_lead_clauses():
    text = "综合研判，初步预估，今年2月份全县规上工业增加值增长6.1%；社会消费品零售总额增长5%左右。"
    assert [(k, p) for _, k, p in records(text)] == [("forecast", "2024M2")] * 2


def test_a_time_word_before_the_subject_keeps_the_forecast_in_its_clause():
    text = "上半年，全县预计实现地区生产总值正增长；一般公共预算收入12.3亿元，增长2.2%。"
    assert records(text, HALF) == [("一般公共预算收入", "actual", "2024H1")]


# ---- comparisons with a target are no target cue --------------------------------------------
@pytest.mark.parametrize("text", [
    "固定资产投资增长4.6%，塌目标3.4个百分点，其中民间投资增长2.2%。",
    "固定资产投资增长4.6%，比年度目标低1.1个百分点，其中民间投资增长2.2%。",
    "固定资产投资增长4.6%，慢于目标进度，其中民间投资增长2.2%。",
])
def test_comparisons_with_a_target_leave_the_figures_actual(text):
    assert set(kinds(text, HALF)) == {"actual"}


def test_the_plan_being_carried_out_is_no_target_cue():
    text = "上半年，全县国民经济和社会发展计划执行情况良好，地区生产总值增长5.6%。"
    assert records(text, HALF) == [("地区生产总值", "actual", "2024H1")]


def test_yao_before_a_work_verb_is_a_target_cue():
    assert kinds("年内要开工建设保障性住房1200套。") == ["target"]


def test_an_actual_cue_in_an_earlier_clause_does_not_reach_a_planned_figure():
    text = "二、下半年工作安排\n强化用地、用能和资金保障，推动已签约项目尽快落地；新开工亿元以上项目40个。\n"
    plan = Section(0, None, 1, "二、", "下半年工作安排", 0, len(text), "tasks")
    assert kinds(text, HALF, [plan]) == ["target"]


# ---- half-year periods ------------------------------------------------------------------------
@pytest.mark.parametrize("text, period", [
    ("6月当月，全区规上工业总产值增长3.6%。", "2024M6"),
    ("5月份，全区社会消费品零售总额增长4.8%。", "2024M5"),
    ("前5个月，全区外贸进出口总额增长2.9%。", "2024M1-5"),
    ("3月以来，全区新增市场主体3200户。", "2024H1"),
    ("6月末，全区金融机构本外币存款余额812亿元。", "2024H1"),
    ("1-6月，全区一般公共预算收入52.3亿元。", "2024M1-6"),
    ("1月至5月，全区规上工业增加值增长5.2%。", "2024M1-5"),
    ("1～4月份，全区规上工业增加值增长5.2%。", "2024M1-4"),
    ("5月，全区居民消费价格上涨0.4%。", "2024M5"),
    ("5月份以来，全区新增市场主体1200户。", "2024H1"),
    # interim reports: the first three quarters are months one to nine
    ("前三季度，全区规上工业增加值增长6.3%。", "2024M1-9"),
    ("1-9月，全区社会消费品零售总额增长5.5%。", "2024M1-9"),
    ("前九个月，全区外贸进出口总额增长3.1%。", "2024M1-9"),
    ("三季度，全区规上工业增加值增长7.0%。", "2024Q3"),
    ("其中第三季度，全区新增市场主体900户。", "2024Q3"),
])
def test_month_words_of_a_half_year_report(text, period):
    assert periods(text, HALF) == [period]


def test_an_opening_month_range_speaks_for_the_next_sentences_of_its_paragraph():
    text = ("1-6月，全区一般公共预算收入52.3亿元，增长4.1%。全区税收收入41.2亿元。非税收入比上年同期下降2.3%。"
            "6月末，全区存款余额812亿元。")
    assert periods(text, HALF) == ["2024M1-6", "2024M1-6", "2024M1-6", "2024H1"]


def test_an_annual_reports_quarter_speaks_for_its_own_sentence_only():
    text = "一季度，全市经济开局良好，规上工业增加值增长6.2%。全市城镇新增就业5.2万人。"
    assert periods(text) == ["2023Q1", "2023"]


def test_a_basis_of_comparison_is_not_the_period():
    ctx = YearContext(2024, 2024, half_year=True)
    assert period_of(ctx, "住宿餐饮收入增幅较一季度回落", "actual") == "2024H1"


def test_time_words_speak_for_their_own_clause_or_open_the_sentence():
    text = "下半年，力争规上工业总产值增长8%以上，确保全年固定资产投资增长3%；新开工亿元以上项目30个。"
    assert records(text, HALF) == [("规上工业总产值", "target", "2024H2"), ("固定资产投资", "target", "2024"),
                                   ("新开工亿元以上项目", "target", "2024H2")]


def test_a_time_word_inside_the_first_clause_opens_nothing():
    text = "全区地区生产总值增长5.3%，其中二季度增长6.0%；一般公共预算收入增长4.2%。"
    assert periods(text, HALF) == ["2024H1", "2024Q2", "2024H1"]


def test_a_half_year_report_plans_what_it_says_of_the_second_half():
    assert records("下半年，全县新增城镇就业3000人。", HALF) == [("新增城镇就业", "target", "2024H2")]


def test_a_second_half_lead_in_makes_its_list_targets_of_h2():
    text = ("下半年重点抓好以下工作：\n"
            "●扩大有效投资。新开工亿元以上项目60个，完成重点项目投资120亿元。\n"
            "●兜牢民生底线。改造老旧小区25个；确保全年城镇新增就业2万人。\n")
    plan = Section(0, None, 1, None, "下半年重点抓好以下工作", 0, len(text), "tasks")
    assert [(k, p) for _, k, p in records(text, HALF, [plan])] == [
        ("target", "2024H2"), ("target", "2024H2"), ("target", "2024H2"), ("target", "2024")]


def test_a_heading_alone_leaves_plan_targets_to_the_year():
    text = "下半年主要工作安排\n全力推进重大项目建设，强化用地、用能和资金保障，新开工亿元以上项目60个。\n"
    plan = Section(0, None, 1, None, "下半年主要工作安排", 0, len(text), "tasks")
    assert records(text, HALF, [plan]) == [("新开工亿元以上项目", "target", "2024")]


def test_a_lead_in_naming_the_second_half_reaches_the_items_of_its_list():
    text = ("关于2024年上半年工作情况和下半年工作打算的报告\n"
            "一、下半年工作打算\n"
            "下半年，我们将对标年度目标，重点抓好以下三项工作：\n"
            "（一）稳住工业增长。落实惠企纾困政策，建立重点企业包联服务机制，逐企解决用工、用地、用能和融资难题，"
            "推动传统产业技术改造和设备更新，支持骨干企业扩能增效、满产达产，加快培育专精特新中小企业，"
            "引导中小企业上规入统，新增规模以上工业企业25家。\n"  # a long item: the lead is read from the outline
            "（二）扩大有效投资。新开工亿元以上项目18个。\n"
            "（三）兜牢民生底线。改造农村危房140户。\n")
    report = govnlp.parse_report(text, slogans=False)
    assert [(i.kind, i.period) for i in report.indicators] == [("target", "2024H2")] * 3


def test_a_lead_in_reaches_bullets_whose_lines_are_broken():
    text = ("二、下半年工作打算\n"
            "综合研判，全年经济有望企稳回升。下半年重点抓好以下几项工作：\n"
            "■稳住工业基本盘.落实助企纾困政策，帮助企业解决用工、物流和资金难题，推动重点企业满产达产，支持中小企业"
            "专精特新发展，开展产业链上下游对接活动，引导企业加大技术改造投入，推动传统产业数字化转型，"
            "组织银行、担保机构和企业面对面对接，扩大首贷、续贷和信用贷款投放，"
            "力争规模以上工业总产值增长6%；\n"  # longer than a lead-in is looked for over
            "新增规模以上工业企业20家，加快培育一批成长型企业.\n"
            "■兜牢民生底线.落实就业优先政策，\n"
            "开发公益性岗位300个，确保全年城镇新增就业1万人.\n")
    plan = Section(0, None, 1, "二、", "下半年工作打算", 0, len(text), "tasks")
    assert records(text, HALF, [plan]) == [
        ("规模以上工业总产值", "target", "2024H2"), ("新增规模以上工业企业", "target", "2024H2"),
        ("开发公益性岗位", "target", "2024H2"), ("城镇新增就业", "target", "2024")]


def test_a_starting_value_belongs_to_the_year_it_names():
    text = "五年来，全市地区生产总值从2018年的2100亿元增加到3050亿元，年均增长6.1%。"
    assert periods(text) == ["2018", "2019-2023"]


# ---- interim reports: progress notices after the first three quarters ---------------------------
NOTICE = ("关于2024年区《政府工作报告》重点任务前三季度落实情况的通报\n"
          "区政府督查室对年度重点任务前三季度落实情况进行了核查，现通报如下。\n"
          "一、重点任务落实情况\n"
          "【3】目标任务：全年新增市场主体6000户，新建社区食堂12个。\n"
          "牵头单位：区市场监管局；配合单位：各街道\n"
          "推进情况：截至9月底，已新增市场主体5210户；新建社区食堂10个，9月当月新开业2个。"
          "社区食堂日均服务老人1500人次。四季度力争再新建社区食堂3个。\n")


def test_a_progress_notice_reports_its_progress_lines_as_actuals_of_the_first_nine_months():
    report = govnlp.parse_report(NOTICE, slogans=False)
    got = [(i.name, i.value, i.kind, i.period) for i in report.indicators]
    assert got == [
        ("新增市场主体", 6000.0, "target", "2024"), ("新建社区食堂", 12.0, "target", "2024"),
        ("新增市场主体", 5210.0, "actual", "2024M1-9"), ("新建社区食堂", 10.0, "actual", "2024M1-9"),
        ("新开业", 2.0, "actual", "2024M9"),
        ("社区食堂日均服务老人", 1500.0, "actual", "2024M1-9"),  # a later sentence of the progress line
        ("新建社区食堂", 3.0, "target", "2024Q4"),                  # its own cue and quarter
    ]


def test_an_annual_report_has_no_interim_period():
    text = "2024年政府工作报告\n前三季度工作情况良好。全区新增市场主体5210户。\n"
    report = govnlp.parse_report(text, slogans=False)
    assert [i.period for i in report.indicators] == ["2023"]


def test_a_year_end_notice_on_a_years_tasks_belongs_to_that_year():
    text = ("关于2023年县《政府工作报告》重点任务落实情况的通报\n"
            "县政府督查室对年初确定的重点任务逐项进行了核查，现将有关情况通报如下。\n"
            "一、重点任务落实情况\n"
            "1.新建口袋公园12个。\n"
            "落实情况：已完成。全年新建口袋公园14个，1-11月新增绿地面积36万平方米。\n"
            "县人民政府督查室\n2024年1月15日\n")  # published the next year
    report = govnlp.parse_report(text, slogans=False)
    assert [(i.kind, i.period) for i in report.indicators] == [
        ("target", "2023"), ("actual", "2023"), ("actual", "2023M1-11")]


def test_a_base_year_does_not_hide_the_span_of_the_heading():
    text = "过去五年\n全县一般公共预算收入从2018年的9.8亿元增加到14.6亿元。\n"
    review = Section(0, None, 1, None, "过去五年", 0, len(text), "review")
    assert periods(text, ANNUAL, [review]) == ["2018", "2019-2023"]


# ---- news summaries: a question leans its answer ----------------------------------------------
SUMMARY = ("2024年1月10日，市长向大会作政府工作报告。记者梳理了报告中的几组数字。\n"
           "问：过去一年交出了怎样的成绩单？\n"
           "答：全市地区生产总值增长5.8%。全市城镇新增就业3.2万人。\n"
           "问：今年在民生方面有哪些新承诺？\n"
           "答：报告提出，新建公办幼儿园10所。新增城市绿道80公里，发放惠民消费券1亿元。\n")


def test_the_question_above_an_answer_decides_its_kind():
    report = govnlp.parse_report(SUMMARY, slogans=False)
    assert [(i.kind, i.period) for i in report.indicators] == [
        ("actual", "2023"), ("actual", "2023"), ("target", "2024"), ("target", "2024"), ("target", "2024")]


# ---- cue words that are no cue -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "全年争取中央预算内投资32亿元，支持项目140个。",              # money obtained from above
    "我们在确保安全的前提下推动产能释放，全年原煤产量1.2亿吨。",   # a condition, not a promise
    "全年新签约招商项目58个，计划总投资436亿元。",                 # the name of a signed amount
])
def test_words_that_only_look_like_target_cues_leave_a_review_actual(text):
    review = Section(0, None, 1, "一、", "2023年工作回顾", 0, len(text) + 1, "review")
    assert set(kinds(text, ANNUAL, [review])) == {"actual"}


def test_a_past_basis_does_not_make_this_years_plan_actual():
    text = "在去年建成15个示范园区的基础上，今年新建示范园区10个。"
    plan = Section(0, None, 1, "二、", "2024年工作安排", 0, len(text) + 1, "tasks")
    assert records(text, ANNUAL, [plan]) == [("示范园区", "actual", "2023"), ("新建示范园区", "target", "2024")]


def test_the_report_forecasting_heads_a_forecast_for_the_whole_sentence():
    text = "报告预计，2023年全市社会消费品零售总额1020亿元；外贸进出口总额310亿元。"
    assert kinds(text) == ["forecast", "forecast"]


def test_jiang_jixu_promises():
    text = "今年将继续新增托位1200个。"
    assert kinds(text) == ["target"]


# ---- spans of years ---------------------------------------------------------------------------
def test_the_next_five_years_run_from_the_plan_year():
    text = "今后五年的奋斗目标是：全市地区生产总值年均增长6%以上，到2028年突破5000亿元；研发经费投入强度达到3%。"
    assert records(text) == [("地区生产总值", "target", "2024-2028"), ("地区生产总值", "target", "2028"),
                             ("研发经费投入强度", "target", "2024-2028")]


def test_best_in_ten_years_is_a_comparison_not_the_period():
    text = "财政收入质量为近十年最好。全市城镇居民人均可支配收入48200元，增长5.1%。"
    assert periods(text) == ["2023"]


# ---- cost ---------------------------------------------------------------------------------------
def test_ascii_full_stops_keep_the_rules_linear():
    def cost(n):
        report = Report(text="增长1.5%.新增企业12家，" * n)
        t0 = time.process_time()
        assert len(extract_rules(report)) >= n
        return time.process_time() - t0

    cost(100)  # warm the caches
    small, large = cost(500), cost(5000)
    assert large <= 15 * max(small, 0.01)
