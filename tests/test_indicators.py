"""Indicator records from the rules: names, values, changes, 分别 lists, ranks, kinds, periods.

Each example is a sentence of the kind government work reports are made of (our own wording).
"""
import json
import sys
import time
from pathlib import Path

import pytest

from govnlp.errors import GovnlpError, ModelNotFoundError
from govnlp.indicators import extract_indicators
from govnlp.indicators import vocabulary
from govnlp.report import Boilerplate, Footnote, GlossaryEntry, Meta, Report, Section

SCHEMA = Path(__file__).resolve().parents[1] / "govnlp" / "data" / "report.schema.json"


def run(text, **kw):
    """Indicators of ``text`` as a bare report (no sections) unless sections/meta are given."""
    report = Report(text=text, **kw)
    return extract_indicators(report, mode="rules")


def only(text, **kw):
    inds = run(text, **kw)
    assert len(inds) == 1, [(i.name, i.value, i.change) for i in inds]
    return inds[0]


def facts(inds):
    """(name, value, change value, change unit) per indicator, for compact assertions."""
    return [(i.name, i.value, i.change.value if i.change else None, i.change.unit if i.change else None)
            for i in inds]


# ---- one indicator: level, growth, both ------------------------------------------------
@pytest.mark.parametrize("text, name, canonical, value, unit, change", [
    ("全区实现地区生产总值366.51亿元，增长6.5%。", "地区生产总值", "gdp", 36651000000.0, "元", 6.5),
    ("地方一般公共预算收入10.98亿元，增长8.7%。", "地方一般公共预算收入", "gpb_revenue", 1098000000.0, "元", 8.7),
    ("财政总收入48.7亿元，增长6.6%。", "财政总收入", "fiscal_total_revenue", 4870000000.0, "元", 6.6),
    ("规上工业增加值增长7.5%。", "规上工业增加值", "va_industry_above", None, None, 7.5),
    ("规上工业总产值1362.69亿元。", "规上工业总产值", "output_industry_above", 136269000000.0, "元", None),
    ("社会消费品零售总额完成251.58亿元，增长11.0%。", "社会消费品零售总额", "retail", 25158000000.0, "元", 11.0),
    ("实际利用外资3.02亿美元，增长21.1%。", "实际利用外资", "fdi_actual", 302000000.0, "美元", 21.1),
    ("全市新增城镇就业6.8万人。", "新增城镇就业", "new_urban_jobs", 68000.0, "人", None),
    ("城镇调查失业率5.1%。", "城镇调查失业率", "unemp_surveyed", 5.1, "%", None),
    ("常住人口城镇化率达到61.2%。", "常住人口城镇化率", "urbanization", 61.2, "%", None),
    ("全县粮食总产量达到42.6万吨。", "粮食总产量", "grain", 426000.0, "吨", None),
    ("全年接待游客1875万人次，增长12.4%。", "接待游客", "tourists", 18750000.0, "人次", 12.4),
    ("一般公共预算收入同比增长9.2%，达到44.88亿元。", "一般公共预算收入", "gpb_revenue", 4488000000.0, "元", 9.2),
])
def test_level_and_growth(text, name, canonical, value, unit, change):
    ind = only(text)
    assert (ind.name, ind.canonical, ind.value, ind.unit) == (name, canonical, value, unit)
    assert (ind.change.value if ind.change else None) == change
    assert ind.source == "rules"
    assert ind.sentence[0] <= (ind.spans["value"] or ind.spans["change"])[0] < ind.sentence[1]


def test_spans_cover_name_value_and_change():
    text = "一般公共预算收入约44.88亿元，同比增长9.2%左右。"
    ind = only(text)
    sp = ind.spans
    assert text[sp["name"][0]:sp["name"][1]] == "一般公共预算收入"
    assert text[sp["value"][0]:sp["value"][1]] == "约44.88亿元"
    assert text[sp["change"][0]:sp["change"][1]] == "增长9.2%"
    assert ind.change.basis == "yoy" and ind.change.text == "增长9.2%"
    assert ind.qualifier == "approx"


@pytest.mark.parametrize("text, value, unit, basis", [
    ("PM2.5平均浓度下降14.3%。", -14.3, "%", None),
    ("城镇调查失业率比上年下降0.4个百分点。", -0.4, "pp", "yoy"),
    ("研发投入年均增长12%。", 12.0, "%", "annual_avg"),
    ("跨境电商进出口额增长1.2倍。", 120.0, "%", None),
    ("单位GDP能耗降低3.2%。", -3.2, "%", None),
    ("贷款余额环比增加120亿元。", 12000000000.0, "元", "prev_period"),
    ("战略性新兴产业产值占工业总产值比重同比提高3.4个百分点。", 3.4, "pp", "yoy"),
])
def test_changes_are_signed_and_typed(text, value, unit, basis):
    ch = only(text).change
    assert (ch.value, ch.unit, ch.basis) == (value, unit, basis)


def test_a_rate_verb_does_not_turn_a_count_into_a_change():
    # "稳增长" is part of a policy name; 新增 is a level (a flow over the period)
    ind = only("推进稳增长20个重点项目。")
    assert (ind.value, ind.unit, ind.change) == (20.0, "个", None)
    ind = only("全区新增4家省级工程技术研究中心。")
    assert (ind.value, ind.unit, ind.change) == (4.0, "家", None)


# ---- ranges and qualifiers ----------------------------------------------------------------
@pytest.mark.parametrize("text, low, high, qualifier", [
    ("地区生产总值增长8-8.5%。", 8.0, 8.5, None),
    ("国内生产总值增长6%-6.5%。", 6.0, 6.5, None),
    ("居民消费价格涨幅控制在2.5%—3%。", 2.5, 3.0, "at_most"),
    ("经济增长4.5%至5%。", 4.5, 5.0, None),
])
def test_growth_ranges_are_low_high_not_changes(text, low, high, qualifier):
    ind = only(text)
    assert (ind.value, ind.low, ind.high, ind.unit, ind.change) == (None, low, high, "%", None)
    assert ind.qualifier == qualifier


def test_qualifier_of_a_growth_only_target():
    ind = only("今年主要预期目标是：地区生产总值增长6.5%左右。")
    assert (ind.value, ind.change.value, ind.qualifier, ind.kind) == (None, 6.5, "approx", "target")


# ---- lists: 、 lists, 分别, 依次, 均, shared subjects --------------------------------------------
def test_respectively_list():
    inds = run("限上社零、限上销售额分别增长7%、18%。")
    assert facts(inds) == [("限上社零", None, 7.0, "%"), ("限上销售额", None, 18.0, "%")]
    assert [i.canonical for i in inds] == ["retail_above_quota", "sales_above_quota"]


def test_respectively_rebuilds_names_from_a_shared_head():
    inds = run("城镇和农村居民人均可支配收入分别增长7.8%和9.1%。")
    assert [i.name for i in inds] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert [i.change.value for i in inds] == [7.8, 9.1]
    inds = run("城乡居民人均可支配收入分别增长6%和7.5%。")
    assert [i.canonical for i in inds] == ["income_urban", "income_rural"]



@pytest.mark.parametrize("text, names", [
    ("年末金融机构本外币存、贷款余额分别为3120亿元和2680亿元。", ["金融机构本外币存款余额", "金融机构本外币贷款余额"]),
    ("全年进、出口总额分别增长4.2%和9.7%。", ["进口总额", "出口总额"]),
    ("公路客、货运量分别增长3%和5.5%。", ["公路客运量", "公路货运量"]),
])
def test_one_character_items_written_before_a_shared_tail(text, names):
    assert [i.name for i in run(text)] == names


def test_a_second_respectively_list_of_changes_follows_the_first():
    inds = run("月末存款余额和贷款余额分别为980亿元和760亿元，比年初分别增加64亿元、51亿元。")
    assert [(i.name, i.value, i.change.value) for i in inds] == [
        ("存款余额", 98000000000.0, 6400000000.0), ("贷款余额", 76000000000.0, 5100000000.0)]


@pytest.mark.parametrize("text, expected", [
    # money keeps no verb and no beneficiary (annotation 2.3) ...
    ("化解存量隐性债务2.4亿元，到位对口帮扶资金5100万元。", [("存量隐性债务", 2.4e8), ("对口帮扶资金", 5.1e7)]),
    ("为市场主体退税减税86亿元，统筹用好各类奖补资金3亿元。", [("退税减税", 8.6e9), ("奖补资金", 3e8)]),
    # ... but a fund named by its kind keeps the word before it, and 减免 names the relief
    ("全年到位资金增长12%，投入整治资金800万元，减免房屋租金1.2亿元。",
     [("到位资金", None), ("整治资金", 8e6), ("减免房屋租金", 1.2e8)]),
    # a caveat is no name: the change belongs to the figure before it
    ("全区生产总值918.3亿元，按可比价格计算增长6.1%。", [("生产总值", 9.183e10)]),
    # after the number: the thing alone, up to the verb that says what was done for it
    ("落地96个乡村振兴项目，为2400户脱贫户逐户落实帮扶措施。", [("乡村振兴项目", 96.0), ("脱贫户", 2400.0)]),
    ("成功创建2家国家4A级旅游景区，新建810个5G基站。", [("国家4A级旅游景区", 2.0), ("5G基站", 810.0)]),
    # time and scope words and asides around a name
    ("规上工业企业总数达到560家，营业收入首次突破千亿元，完成年度投资320亿元。",
     [("规上工业企业", 560.0), ("营业收入", 1e11), ("投资", 3.2e10)]),
])
def test_names_of_money_and_of_counted_things_written_after_the_number(text, expected):
    assert [(i.name, i.value) for i in run(text)] == expected


@pytest.mark.parametrize("text, names", [
    ("柑橘、茶叶、蔬菜综合产值分别达到310亿元、120亿元和95亿元。", ["柑橘综合产值", "茶叶综合产值", "蔬菜综合产值"]),
    ("第一、二、三产业增加值分别增长3.1%、5.2%、6.3%。", ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    ("道路交通事故起数和死亡人数分别下降12%和9.5%。", ["道路交通事故起数", "道路交通事故死亡人数"]),
    ("城乡低保标准分别提高到每人每月790元和610元。", ["城市低保标准", "农村低保标准"]),
    ("工业和农业总产值分别增长2%和5%。", ["工业总产值", "农业总产值"]),   # two subjects of one measure
])
def test_list_items_take_what_is_written_once(text, names):
    assert [i.name for i in run(text)] == names


@pytest.mark.parametrize("text, expected", [
    ("社会消费品零售总额跨上2.35万亿元台阶，增长6.2%。", [("社会消费品零售总额", 2.35e12, 6.2)]),
    ("全市500万元以上固定资产投资增长7.5%。", [("500万元以上固定资产投资", None, 7.5)]),
    ("营商环境评价为近十年最好，近5年来累计建成学校46所。", [("建成学校", 46.0, None)]),
    ("接种新冠病毒疫苗超2400万剂次。", [("接种新冠病毒疫苗", 2.4e7, None)]),
])
def test_steps_thresholds_and_spans_of_years(text, expected):
    assert [(i.name, i.value, i.change.value if i.change else None) for i in run(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a clause of bare figures goes on with the 分别 list before it, item by item
    ("城镇和农村居民人均可支配收入分别达到48120元、21340元，增长5.1%、7.2%。",
     [("城镇居民人均可支配收入", 48120.0, 5.1), ("农村居民人均可支配收入", 21340.0, 7.2)]),
    ("粮食产量和产值同比分别增长2.2%、6.5%，达到41万吨和18.3亿元。",
     [("粮食产量", 410000.0, 2.2), ("粮食产值", 1.83e9, 6.5)]),
    # slashes and a comma inside a list of figures
    ("城镇、农村居民人均可支配收入分别达到45 120元/19 870元。",
     [("城镇居民人均可支配收入", 45120.0, None), ("农村居民人均可支配收入", 19870.0, None)]),
    ("第一、二、三产业增加值分别增长3.4% ,6.1%和5.5%。",
     [("第一产业增加值", None, 3.4), ("第二产业增加值", None, 6.1), ("第三产业增加值", None, 5.5)]),
])
def test_lists_that_go_on_and_odd_separators(text, expected):
    import govnlp  # the whole pipeline: print spacing and half-width commas are normalised first
    got = govnlp.parse_report(text, indicators="rules", slogans=False).indicators
    assert [(i.name, i.value, i.change.value if i.change else None) for i in got] == expected


@pytest.mark.parametrize("text, name", [
    ("高技术制造业增加值占规模以上工业增加值比重达到24.6%。", "高技术制造业增加值占规模以上工业增加值比重"),
    ("上半年净增45家规上工业企业。", "规上工业企业"),
    ("开展招聘活动38场。", "招聘活动"),
    ("办理人大代表建议205件。", "人大代表建议"),
    ("计划总投资516亿元。", "计划总投资"),
    ("当月规上工业增加值增长7.9%。", "规上工业增加值"),
])
def test_more_name_edges(text, name):
    assert [i.name for i in run(text)] == [name]


@pytest.mark.parametrize("text, expected", [
    ("水产品产量和产值分别增长3%、下降2%。", [("水产品产量", 3.0), ("水产品产值", -2.0)]),
    ("居民人均可支配收入和人均消费支出分别增长5.1%／下降0.8%。",
     [("居民人均可支配收入", 5.1), ("居民人均消费支出", -0.8)]),
    ("一般公共预算收入和支出分别增长4%、6%。", [("一般公共预算收入", 4.0), ("一般公共预算支出", 6.0)]),
    ("茶叶及制品出口量和出口额分别增长8%和12%。", [("茶叶及制品出口量", 8.0), ("茶叶及制品出口额", 12.0)]),
])
def test_list_items_with_their_own_verbs_and_shared_subjects(text, expected):
    assert [(i.name, i.change.value) for i in run(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # comparisons with a place, a period or the schedule are not data (annotation 2.9)
    ("规上工业增加值增长7.1%，高于淄博市0.6个百分点。", [("规上工业增加值", 7.1)]),
    ("地区生产总值增长6%，增速比德州市高0.8个百分点，超时序进度5.2个百分点。", [("地区生产总值", 6.0)]),
    # … but 同比 and 比重 are no comparisons
    ("高技术产业产值占工业总产值比重同比提高2.1个百分点。", [("高技术产业产值占工业总产值比重", 2.1)]),
])
def test_comparisons_with_places_and_schedules(text, expected):
    assert [(i.name, i.change.value) for i in run(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("营业收入过百亿元企业3家，集体经营性收入过50万元的村占比61.5%。",
     [("营业收入过百亿元企业", 3.0), ("集体经营性收入过50万元的村占比", 61.5)]),
    ("新建社区食堂和托育中心各8处。", [("新建社区食堂", 8.0), ("新建托育中心", 8.0)]),
    ("新改建8所中小学和幼儿园。", [("中小学和幼儿园", 8.0)]),
    ("科创园新入驻科技型企业125家，5人获评省级劳动模范。", [("科技型企业", 125.0), ("省级劳动模范", 5.0)]),
])
def test_classes_each_lists_and_what_follows_a_count(text, expected):
    assert [(i.name, i.value) for i in run(text)] == expected


@pytest.mark.parametrize("text, name", [
    ("举办广场舞比赛等群众性文体活动24场。", "群众性文体活动"),          # examples before 等, then the thing
    ("兑现研发奖励、人才补贴等扶持资金8300万元。", "扶持资金"),
    ("金融机构发放普惠小微贷款640亿元。", "普惠小微贷款"),              # a subject and a verb inside a money name
    ("获得省下达的新增专项债券额度96亿元。", "新增专项债券额度"),
    ("企业研发投入12亿元。", "企业研发投入"),                           # 投入 as a noun stays
])
def test_examples_and_subjects_before_the_measured_thing(text, name):
    assert [i.name for i in run(text)] == [name]


@pytest.mark.parametrize("text, expected", [
    ("三次产业增加值分别增长3.9%、5.6%和4.1%。",
     [("第一产业增加值", None, 3.9), ("第二产业增加值", None, 5.6), ("第三产业增加值", None, 4.1)]),
    ("城镇和农村居民人均可支配收入分别为41 200元/17 650元,增长4.9%、增长6.8%。",
     [("城镇居民人均可支配收入", 41200.0, 4.9), ("农村居民人均可支配收入", 17650.0, 6.8)]),
    ("高技术制造业增加值增长12.3%,分别高于规上工业2.5个和6.1个百分点。", [("高技术制造业增加值", None, 12.3)]),
    ("新增专精特新中小企业52家，累计达到318家。",
     [("新增专精特新中小企业", 52.0, None), ("专精特新中小企业", 318.0, None)]),
    ("每千常住人口执业医师数3.2人，政务服务事项办理时间压减至3个工作日以内。",
     [("每千常住人口执业医师数", 3.2, None), ("政务服务事项办理时间", 3.0, None)]),
    ("社会消费品零售总额受疫情影响下降3.1%，认真办好民生实事25件。",
     [("社会消费品零售总额", None, -3.1), ("民生实事", 25.0, None)]),
])
def test_three_sectors_running_totals_and_caveats(text, expected):
    import govnlp
    got = govnlp.parse_report(text, indicators="rules", slogans=False).indicators
    assert [(i.name, i.value, i.change.value if i.change else None) for i in got] == expected


@pytest.mark.parametrize("text, expected", [
    ("钦州港集装箱吞吐量540万标箱，市场主体总量达到86万户。", [("集装箱吞吐量", 5.4e6), ("市场主体", 8.6e5)]),
    ("【2023年成绩单】地区生产总值3120.5亿元。", [("地区生产总值", 3.1205e11)]),
    ("其中对东盟进出口812亿元，稳定粮食播种面积在120万亩左右。", [("对东盟进出口", 8.12e10), ("粮食播种面积", 1.2e6)]),
    ("“四好农村路”示范村新增12个。", [("“四好农村路”示范村", 12.0)]),
])
def test_places_labels_and_quotes_around_a_name(text, expected):
    assert [(i.name, i.value) for i in run(text)] == expected


def test_a_respectively_list_of_figures_split_by_semicolons():
    import govnlp
    got = govnlp.parse_report("第一、二、三产业增加值分别增长2.6%;6.9%;5.3%。", slogans=False).indicators
    assert [(i.name, i.change.value) for i in got] == [
        ("第一产业增加值", 2.6), ("第二产业增加值", 6.9), ("第三产业增加值", 5.3)]

def test_respectively_after_levels_in_earlier_clauses():
    inds = run("财政总收入318.4亿元，其中一般公共预算收入201.7亿元，分别增长11.6%和10.8%。")
    assert facts(inds) == [("财政总收入", 31840000000.0, 11.6, "%"),
                           ("一般公共预算收入", 20170000000.0, 10.8, "%")]


def test_in_order_list():
    inds = run("第一产业增加值、第二产业增加值、第三产业增加值依次增长5.9%、6.5%和6.4%。")
    assert [(i.canonical, i.change.value) for i in inds] == [
        ("va_primary", 5.9), ("va_secondary", 6.5), ("va_tertiary", 6.4)]


def test_both_names_share_one_value():
    inds = run("网上信访受理率、按期办结率均达100%。")
    assert [(i.name, i.value) for i in inds] == [("网上信访受理率", 100.0), ("按期办结率", 100.0)]


def test_comma_list_of_counts():
    inds = run("新增国家级专精特新“小巨人”企业1家、省级专精特新中小企业17家、省工业设计中心1家。")
    assert [(i.value, i.unit) for i in inds] == [(1.0, "家"), (17.0, "家"), (1.0, "家")]
    assert inds[1].name == "省级专精特新中小企业"


def test_growth_before_level_is_one_record():
    ind = only("地区生产总值增长6.5%，总量达366亿元。")
    assert (ind.name, ind.value, ind.change.value) == ("地区生产总值", 36600000000.0, 6.5)


def test_name_written_after_the_count():
    inds = run("调派38名医务人员驰援武汉。")
    assert [(i.name, i.value, i.unit) for i in inds] == [("医务人员", 38.0, "人")]


def test_small_chinese_counts_of_work_done():
    inds = run("新建四所幼儿园、两所乡镇寄宿制学校，新增学位1850个。")
    assert [(i.value, i.unit) for i in inds] == [(4.0, "所"), (2.0, "所"), (1850.0, "个")]


# ---- ranks --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name, scope, position", [
    ("地方财政收入145.5亿元，逆势增长0.5%，增速位居全市第一。", "地方财政收入", "全市", 1),
    ("地方一般公共预算收入10.98亿元，增长8.7%，在四个老城区1中排名第一。", "地方一般公共预算收入", "四个老城区", 1),
    ("进出口总额位居全市第二，同比增长3.5%。", "进出口总额", "全市", 2),
    ("地区生产总值2003.4亿元，增长6.2%，增速居全省第一。", "地区生产总值", "全省", 1),
    ("农村居民人均可支配收入增长8.3%，增速居全国第三。", "农村居民人均可支配收入", "全国", 3),
    ("综保区进出口货物总值增长12%，位居全市各综保区首位。", "综保区进出口货物总值", "全市各综保区", 1),
])
def test_ranks_attach_to_their_indicator(text, name, scope, position):
    ind = only(text)
    assert ind.name == name
    assert (ind.rank.scope, ind.rank.position) == (scope, position)


def test_front_rank_without_position_is_not_a_rank():
    ind = only("规上工业产值1362.69亿元，总量跻身全市前三。")
    assert ind.rank is None


# ---- kinds ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, kind", [
    ("全年地区生产总值172.3亿元，增长7.6%。", "actual"),
    ("预计全年地区生产总值增长7%左右。", "forecast"),
    ("力争高企突破600家。", "target"),
    ("确保城镇新增就业3000人以上。", "target"),
    ("今年经济社会发展的主要预期目标是：地区生产总值增长6.5%左右；一般公共预算收入增长5%。", "target"),
    ("要确保规上工业增加值增长8%。", "target"),
    ("全年将新增城镇就业4000人。", "target"),
    ("计划完成固定资产投资200亿元。", "target"),
])
def test_kind_from_cue_words(text, kind):
    assert {i.kind for i in run(text)} == {kind}


@pytest.mark.parametrize("text", [
    "17个重大项目超额完成年度投资计划。",
    "全区共安排专项资金2.1亿元。",
    "规上工业增加值增速好于预期，达到6.1%。",
    "为全区科技企业争取上级资金3200余万元。",
    "19个项目列入市重大重点投资计划，开工18个。",
    "一般公共预算收入完成年度目标的114%。",
    "实现援鄂医疗队零感染目标，调派38名医务人员。",
    "这是重要保障，全年保持在98%以上。",
    "坚持目标导向，全年完成投资120亿元。",
    "新增拟上市企业12家。",
    "人均预期寿命达到80.5岁。",
    "经过不懈努力，全县贫困发生率降至0.5%。",
])
def test_words_that_only_look_like_targets(text):
    assert {i.kind for i in run(text)} == {"actual"}


def test_forecast_cue_speaks_only_for_its_own_clause():
    inds = run("上半年，全区预计实现地区生产总值增长2%；一般公共预算收入44.88亿元，同比增长9.2%。")
    assert [(i.name, i.kind) for i in inds] == [("地区生产总值", "forecast"), ("一般公共预算收入", "actual")]


def _report(text, titles_functions, meta=None):
    """A report whose level-1 sections start at the given titles."""
    sections = []
    for k, (title, function) in enumerate(titles_functions):
        start = text.index(title)
        sections.append(Section(id=k, parent=None, level=1, marker=None, title=title, start=start,
                                end=len(text), function=function))
    for a, b in zip(sections, sections[1:]):
        a.end = b.start
    return Report(text=text, sections=sections, meta=meta or Meta())


def test_kind_from_the_section_and_bullet_lead_in():
    text = ("2019年工作回顾\n全县地区生产总值148.6亿元，增长8.3%。\n"
            "2020年主要目标\n综合考虑各方面因素，今年主要预期目标是：\n"
            "■地区生产总值增长8%左右；\n■一般公共预算收入增长6%以上；\n■城镇新增就业3000人以上。\n"
            "2020年重点工作\n建成农村公路120公里。\n")
    r = _report(text, [("2019年工作回顾", "review"), ("2020年主要目标", "targets"),
                       ("2020年重点工作", "tasks")], Meta(year=2019, doc_type="work_report"))
    inds = extract_indicators(r)
    assert [(i.name, i.kind, i.period, i.section) for i in inds] == [
        ("地区生产总值", "actual", "2019", 0),
        ("地区生产总值", "target", "2020", 1),
        ("一般公共预算收入", "target", "2020", 1),
        ("城镇新增就业", "target", "2020", 1),
        ("建成农村公路", "target", "2020", 2),
    ]


def test_title_words_stand_in_for_a_missing_function_label():
    text = "下半年工作安排\n全力推进重点项目建设，新开工项目20个。\n"
    r = _report(text, [("下半年工作安排", "other")])
    assert only_kind(r) == "target"


def only_kind(report):
    inds = extract_indicators(report)
    assert len(inds) == 1
    return inds[0].kind


def test_task_plan_items_are_targets():
    text = "区政府主要工作目标任务分解落实方案\n11.地区生产总值增长7%。(区发改委主办)\n12.一般公共预算收入增长5%。(区财政局主办)\n"
    inds = run(text, meta=Meta(doc_type="task_plan"))
    assert [(i.name, i.change.value, i.kind) for i in inds] == [
        ("地区生产总值", 7.0, "target"), ("一般公共预算收入", 5.0, "target")]


# ---- periods --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, meta, period", [
    ("上半年，一般公共预算收入44.88亿元，同比增长9.2%。", Meta(year=2020, doc_type="half_year_report"), "2020H1"),
    ("一季度，全区地区生产总值增长3.2%。", Meta(year=2022, doc_type="work_report"), "2021Q1"),
    ("1-5月，全区规上工业增加值增长6.1%。", Meta(year=2022, doc_type="work_report"), "2021M1-5"),
    ("1-6月，全区规上工业增加值增长6.1%。", Meta(year=2022, doc_type="work_report"), "2021M1-6"),
    ("近五年，地区生产总值年均增长7.4%。", Meta(year=2021, doc_type="work_report"), "2016-2020"),
    ("“十三五”期间，地区生产总值年均增长7.4%。", Meta(year=2021, doc_type="work_report"), "2016-2020"),
    ("2018年，全区地区生产总值增长8.1%。", Meta(year=2021, doc_type="work_report"), "2018"),
    ("全年地区生产总值增长6.2%。", Meta(year=2023, doc_type="work_report"), "2022"),
    ("今年力争地区生产总值增长6.5%以上。", Meta(year=2023, doc_type="work_report"), "2023"),
    ("“十四五”时期，力争地区生产总值年均增长7%。", Meta(year=2021, doc_type="work_report"), "2021-2025"),
])
def test_periods(text, meta, period):
    assert only(text, meta=meta).period == period


def test_period_is_null_when_no_year_is_known():
    assert only("地区生产总值增长6.2%。").period is None


# ---- what must never become an indicator ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "2019年是新中国成立70周年。",
    "——2020年5月22日在青云谱区第十六届人民代表大会第五次会议上",
    "南京市浦口区人民政府\n2020730\n",
    "我们充分发挥长三角G60科创走廊引擎作用，建成5G基站。",
    "完成S356省道改造前期工作。",
    "创建国家4A级旅游景区，水质稳定在Ⅱ类。",
    "构建“1+28”工作体系，打造“3+5+X”产业体系。",
    "12345热线接通率提升，9333服务平台上线，181平台运行。",
    "深入实施“三个一”工程，扎实做好六稳工作。",
    "高标准编制“十四五”规划。",
    "一是打造一条百里乡村旅游风景带。",
    "实施“共富十二条[3]”。",
    "全省经济总量连跨两个万亿元台阶。",
])
def test_not_indicators(text):
    assert run(text) == []


def test_footnote_markers_and_glossary_are_skipped():
    text = "普惠性幼儿园9覆盖率达89.9%，“五型”政府14建设有力。\n注释\n9.普惠性幼儿园：指收费12元以下的幼儿园。\n"
    g_start = text.index("9.普惠")
    report = Report(text=text,
                    footnotes=[Footnote(number="9", start=6, end=7), Footnote(number="14", start=23, end=25)],
                    glossary=[GlossaryEntry(number="9", term="普惠性幼儿园", definition="…",
                                            start=g_start, end=len(text) - 1)])
    inds = extract_indicators(report)
    assert [(i.name, i.value) for i in inds] == [("普惠性幼儿园覆盖率", 89.9)]
    assert inds[0].spans["name"] == [0, 10]


def test_boilerplate_is_skipped():
    text = "首页 浏览次数：1234次 字号\n全区实现地区生产总值366.51亿元。"
    report = Report(text=text, boilerplate=[Boilerplate(start=0, end=text.index("\n"), reason="nav")])
    assert [i.value for i in extract_indicators(report)] == [36651000000.0]


@pytest.mark.parametrize("text", [
    "深入落实国务院33条以及省市助企纾困政策。",
    "出台促进影视企业健康发展12条援企措施。",
    "引进比科奇全球总部等一批20亿元以上龙头项目。",
    "沪苏湖高铁xx段暨9台23线枢纽开工建设。",
])
def test_policy_packages_thresholds_and_codes_are_not_indicators(text):
    assert run(text) == []


def test_bare_numbers_only_for_ratios():
    ind = only("城乡居民收入比缩小到1.62，增设服务窗口15个。".split("，")[0] + "。")
    assert (ind.name, ind.value, ind.unit, ind.canonical) == ("城乡居民收入比", 1.62, None, "income_ratio")
    assert run("区政务服务中心开设窗口15，受理事项320。") == []


@pytest.mark.parametrize("text, name, value, unit", [
    ("压减一般性财政支出10%以上。", "一般性财政支出", -10.0, "%"),
    ("城乡居民基础养老金最低标准每人每月提高10元。", "城乡居民基础养老金最低标准", 10.0, "元"),
    ("有效发明拥有量增幅保持在10%以上。", "有效发明拥有量", 10.0, "%"),
    ("我区在全国纳税人满意度调查排名中前进137位。", "纳税人满意度调查排名", 137.0, "位"),
])
def test_more_change_shapes(text, name, value, unit):
    ind = only(text)
    assert (ind.name, ind.value, ind.change.value, ind.change.unit) == (name, None, value, unit)


def test_a_share_of_the_annual_plan_does_not_steal_the_growth():
    inds = run("一般公共预算收入完成12.3亿元，为年度预算的105%，同比增长8.1%。")
    assert facts(inds) == [("一般公共预算收入", 1230000000.0, 8.1, "%"), ("年度预算", 105.0, None, None)]


def test_a_share_names_its_numerator_not_its_denominator():
    inds = run("实现税收收入8.6亿元，占一般公共预算收入的比重为78.5%。")
    assert [(i.name, i.canonical, i.value) for i in inds] == [
        ("税收收入", "tax_revenue", 860000000.0), ("占一般公共预算收入的比重", None, 78.5)]


def test_negative_growth_written_with_a_minus_sign():
    assert only("货物进出口总额增长-3.1%。").change.value == -3.1


def test_respectively_twice_levels_then_growths():
    inds = run("城镇和农村居民人均可支配收入分别达到41250元和21380元，分别增长5.1%和7.3%。")
    assert facts(inds) == [("城镇居民人均可支配收入", 41250.0, 5.1, "%"),
                           ("农村居民人均可支配收入", 21380.0, 7.3, "%")]


@pytest.mark.parametrize("text, expected", [
    ("粮食总产量连续8年稳定在500亿斤以上。", [("粮食总产量", 50000000000.0, None, None)]),
    ("规模以上工业增加值由上年下降2.1%转为增长3.5%。", [("规模以上工业增加值", None, 3.5, "%")]),
    ("全市常住人口城镇化率提高1.2个百分点，达到62.5%。", [("常住人口城镇化率", 62.5, 1.2, "pp")]),
    ("新增市场主体12.6万户，总量达到98.3万户。", [("新增市场主体", 126000.0, None, None),
                                          ("市场主体", 983000.0, None, None)]),
    ("全年共安排民生支出320亿元，占一般公共预算支出的80%。", [("民生支出", 32000000000.0, None, None),
                                                 ("占一般公共预算支出", 80.0, None, None)]),
    ("用3年时间建成5G基站1200个。", [("建成5G基站", 1200.0, None, None)]),
    ("普惠性幼儿园9覆盖率达到89.9%。", [("普惠性幼儿园覆盖率", 89.9, None, None)]),
    ("全省生产总值达到4.3万亿元、增长6.1%。", [("生产总值", 4300000000000.0, 6.1, "%")]),
    ("劳动年龄人口平均受教育年限达到11.2年。", [("劳动年龄人口平均受教育年限", 11.2, None, None)]),
    ("审批时限压缩至3个工作日。", [("审批时限", 3.0, None, None)]),
    ("连续54个月保持正增长。", []),
])
def test_asides_totals_and_turnarounds(text, expected):
    assert facts(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("地区生产总值比2010年翻了一番。", [("地区生产总值", None, 100.0, "%")]),
    ("城乡居民人均收入翻两番。", [("城乡居民人均收入", None, 300.0, "%")]),
    ("高新技术企业数量在三年翻一番基础上，新增190家。", [("高新技术企业数量", 190.0, None, None)]),
    ("跨境电商进出口额增长1.2倍。", [("跨境电商进出口额", None, 120.0, "%")]),
    ("粮食产量是上年的2倍。", []),
])
def test_doublings_and_multiples(text, expected):
    assert facts(run(text)) == expected


def test_comparisons_and_restated_thresholds_are_not_indicators():
    inds = run("地区生产总值增长6.4%，高于全省平均1.2个百分点；一般公共预算收入1003.1亿元，首次突破千亿元，增长10.5%。")
    assert facts(inds) == [("地区生产总值", None, 6.4, "%"), ("一般公共预算收入", 100310000000.0, 10.5, "%")]


# ---- vocabulary -------------------------------------------------------------------------------
@pytest.mark.parametrize("name, canonical", [
    ("地区生产总值", "gdp"), ("GDP", "gdp"), ("生产总值", "gdp"), ("人均生产总值", "gdp_pc"),
    ("规模以上工业增加值", "va_industry_above"), ("规上工业增加值", "va_industry_above"),
    ("规上工业总产值", "output_industry_above"), ("规上工业产值", "output_industry_above"),
    ("净增规上工业企业", "firms_industry_above"),
    ("社零额", "retail"), ("限上社零额", "retail_above_quota"),
    ("一般公共预算收入", "gpb_revenue"), ("地方一般公共预算收入", "gpb_revenue"),
    ("财政总收入", "fiscal_total_revenue"), ("固投", "fai"), ("工业固定资产投资", "inv_industry"),
    ("单位GDP能耗", "energy_intensity"), ("农民人均纯收入", "income_rural"),
    ("城镇居民人均可支配收入", "income_urban"), ("居民人均可支配收入", "income_all"),
    ("PM2.5平均浓度", "pm25"), ("户籍人口城镇化率", "urbanization_hukou"), ("城镇化率", "urbanization"),
    ("高新技术企业技术合同交易额", "tech_contracts"), ("市级以上服务业集聚区", None), ("道路", None),
])
def test_canonical_ids_and_concept_guards(name, canonical):
    assert vocabulary.canonical_id(name) == canonical


def test_vocabulary_file_is_complete_and_consistent():
    entries = vocabulary.entries()
    assert len(entries) >= 80
    owners = {}
    for e in entries.values():
        assert e.measure in ("rate", "level") and e.source and e.name
        for s in e.surfaces:
            assert owners.setdefault(s.lower(), e.id) == e.id, f"{s} claimed by {owners[s.lower()]} and {e.id}"
    research = {"gdp", "va_industry_above", "output_industry_above", "fai", "retail", "gpb_revenue",
                "fiscal_total_revenue", "unemp_surveyed", "cpi", "income_rural", "pm25", "energy_intensity"}
    assert research <= set(entries)


# ---- tables -----------------------------------------------------------------------------------
def test_flattened_indicator_table():
    text = ("附表：2022年主要经济社会发展指标完成情况\n"
            "指标名称 单位 绝对值 比上年增长（%）\n"
            "地区生产总值 亿元 2003.4 6.2\n"
            "规模以上工业增加值亿元672.1 9.7\n"
            "固定资产投资 亿元 — 10.3\n"
            "货物进出口总额 亿元 671.9 -3.1\n"
            "城镇调查失业率 % 4.1 —\n")
    inds = run(text, meta=Meta(year=2022, doc_type="work_report"))
    assert facts(inds) == [
        ("地区生产总值", 200340000000.0, 6.2, "%"), ("规模以上工业增加值", 67210000000.0, 9.7, "%"),
        ("固定资产投资", None, 10.3, "%"), ("货物进出口总额", 67190000000.0, -3.1, "%"),
        ("城镇调查失业率", 4.1, None, None)]
    assert {(i.kind, i.period) for i in inds} == {("actual", "2022")}


# ---- modes, output shape, speed -----------------------------------------------------------
def test_unknown_mode_is_an_error():
    with pytest.raises(GovnlpError, match="E006"):
        extract_indicators(Report(text="增长5%"), mode="magic")



@pytest.mark.parametrize("setting", ["", "  "])
def test_an_empty_indicator_setting_means_the_default(monkeypatch, setting):
    import govnlp
    monkeypatch.setenv("GOVNLP_INDICATORS", setting)
    assert [i.name for i in govnlp.parse_report("全年地区生产总值增长5%。").indicators] == ["地区生产总值"]


def test_a_summary_counting_the_reports_own_words_gives_no_indicators():
    assert run("报告全文约1.2万字，“新质生产力”一词出现18次，“民生”出现33次。") == []

def test_mode_none_gives_nothing():
    assert extract_indicators(Report(text="地区生产总值增长5%。"), mode="none") == []


@pytest.mark.parametrize("failure", ["import", "missing_model"])
def test_model_modes_fall_back_to_rules_with_a_warning(monkeypatch, failure):
    import types
    if failure == "import":
        monkeypatch.setitem(sys.modules, "govnlp.indicators.hybrid", None)  # import raises ImportError
    else:
        fake = types.ModuleType("govnlp.indicators.hybrid")

        def extract_with_model(report, rules, mode, model):
            raise ModelNotFoundError("[E007] no model folder")
        fake.extract_with_model = extract_with_model
        monkeypatch.setitem(sys.modules, "govnlp.indicators.hybrid", fake)
    report = Report(text="地区生产总值增长5%。")
    inds = extract_indicators(report, mode="hybrid")
    assert [i.change.value for i in inds] == [5.0]
    assert len(report.warnings) == 1 and report.warnings[0].startswith("[W008]")


def test_model_modes_use_the_model_module_when_it_works(monkeypatch):
    import types
    fake = types.ModuleType("govnlp.indicators.hybrid")
    seen = {}

    def extract_with_model(report, rules, mode, model):
        seen.update(mode=mode, model=model, n=len(rules))
        return rules[:0]
    fake.extract_with_model = extract_with_model
    monkeypatch.setitem(sys.modules, "govnlp.indicators.hybrid", fake)
    assert extract_indicators(Report(text="地区生产总值增长5%。"), mode="model", model="m") == []
    assert seen == {"mode": "model", "model": "m", "n": 1}


def _long_report():
    para = ("全区实现地区生产总值366.51亿元，增长6.5%；地方一般公共预算收入10.98亿元，增长8.7%，在四个老城区1中排名第一；"
            "规上工业增加值增长7.5%；限上社零、限上销售额分别增长7%、18%。新建三所幼儿园，调派38名医务人员，"
            "力争高企突破600家，城镇调查失业率控制在5.5%以内。\n")
    return Report(text=para * (15000 // len(para) + 1), meta=Meta(year=2019, doc_type="work_report"))


def test_output_validates_against_the_report_schema():
    jsonschema = pytest.importorskip("jsonschema")
    report = _long_report()
    report.indicators = extract_indicators(report)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(report.to_dict(), schema)


def test_rules_read_a_15k_character_report():
    # speed is measured by `govnlp bench --speed` (docs/benchmark.md), not asserted here
    report = _long_report()
    inds = extract_indicators(report)
    assert len(report.text) >= 15000 and len(inds) > 100


def test_dataframe_view():
    pytest.importorskip("pandas")
    report = Report(text="全区实现地区生产总值366.51亿元，增长6.5%，增速居全市第一。",
                    meta=Meta(region="南昌市青云谱区", province="江西省", year=2019, doc_type="work_report"))
    report.indicators = extract_indicators(report)
    df = report.indicators_frame()
    row = df.iloc[0]
    assert (row.region, row.province, row.year, row.canonical, row.value, row.unit) == (
        "南昌市青云谱区", "江西省", 2019, "gdp", 36651000000.0, "元")
    assert (row.change_value, row.change_unit, row.rank_scope, row.rank_position) == (6.5, "%", "全市", 1)
    assert row.sentence_text == report.text and row.kind == "actual" and row.period == "2018"  # an annual report of 2019 reviews 2018
    assert report.sections_frame().empty


# ---- review fixture: the seeds through the whole pipeline (run with `pytest -s` to read them) ----
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _find(inds, name, **want):
    hits = [i for i in inds if i.name == name and all(getattr(i, k) == v for k, v in want.items())]
    assert hits, f"no {name} {want} among {[i.name for i in inds]}"
    return hits[0]


def _covers(report, inds, needle):
    """Indicators whose value or change span touches the first occurrence of ``needle``."""
    k = report.text.find(needle)
    assert k >= 0, needle
    out = []
    for i in inds:
        for key in ("value", "change"):
            sp = i.spans.get(key)
            if sp and sp[0] < k + len(needle) and k < sp[1]:
                out.append(i)
    return out


def check_seed_003(r, inds):
    gpb = _find(inds, "地方一般公共预算收入")
    assert (gpb.value, gpb.unit, gpb.change.value, gpb.change.unit) == (1098000000.0, "元", 8.7, "%")
    assert (gpb.rank.scope, gpb.rank.position) == ("四个老城区", 1)
    assert _covers(r, inds, "老城区1中") == []          # the footnote marker 1 is not a quantity
    gdp = _find(inds, "地区生产总值", value=36651000000.0)
    assert (gdp.change.value, gdp.kind, gdp.period) == (6.5, "actual", "2019")
    target = _find(inds, "地区生产总值", low=8.0)
    assert (target.high, target.unit, target.kind, target.period) == (8.5, "%", "target", "2020")


def check_seed_000(r, inds):
    gpb = _find(inds, "一般公共预算收入")
    assert (gpb.value, gpb.change.value, gpb.change.basis, gpb.period) == (4488000000.0, 9.2, "yoy", "2020H1")
    assert _find(inds, "全社会固定资产投资").value == 29702000000.0
    assert _covers(r, inds, "2020730") == []           # a date, not a quantity


def check_seed_001(r, inds):
    rev = _find(inds, "地方财政收入")
    assert (rev.value, rev.change.value, rev.rank.scope, rev.rank.position) == (14550000000.0, 0.5, "全市", 1)
    out = _find(inds, "规上工业产值")
    assert (out.canonical, out.rank.position) == ("output_industry_above", 2)
    assert _covers(r, inds, "G60") == []


def check_seed_002(r, inds):
    assert _find(inds, "限上社零").change.value == 7.0
    assert _find(inds, "限上销售额").change.value == 18.0
    firms = _find(inds, "净增规上工业企业")
    assert (firms.value, firms.unit, firms.canonical) == (40.0, "家", "firms_industry_above")


def check_seed_004(r, inds):
    assert {i.kind for i in inds} == {"target"}       # a task plan: every number is a target
    assert _find(inds, "地区生产总值").change.value == 7.0
    hq = _find(inds, "高企")
    assert (hq.value, hq.qualifier) == (600.0, "at_least")
    assert _covers(r, inds, "从0到1") == [] and _covers(r, inds, "从1到100") == []


@pytest.mark.parametrize("prefix, check", [
    ("000", check_seed_000), ("001", check_seed_001), ("002", check_seed_002),
    ("003", check_seed_003), ("004", check_seed_004),
])
def test_seed_review(prefix, check):
    import govnlp
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    report = govnlp.parse_report(path, indicators="rules", slogans=False)
    inds = report.indicators
    print(f"\n=== {path.name}: {len(inds)} indicators")
    for i in inds:
        value = report.text[i.spans["value"][0]:i.spans["value"][1]] if i.spans["value"] else ""
        change = i.change.text if i.change else ""
        rank = f" {i.rank.scope}第{i.rank.position}" if i.rank else ""
        print(f"  [{i.kind:8}] {i.period or '-':9} {i.name or '∅':<22} {value:>14} {change:<12}{rank}"
              f"  -> {i.canonical or ''}")
    check(report, inds)


# ---- whole documents we wrote (tests/data/indicators/): every indicator, in order ----------
EXPECTED_DOCS = {
    "national_2023_five_years.txt": [
        # a five-year review (period from the heading) and a target block under 对今年政府工作的建议
        ('国内生产总值', 121000000000000.0, '元', None, 5.2, 'actual', '2018-2022'),
        ('城镇新增就业', 12700000.0, '人', 'at_least', None, 'actual', '2018-2022'),
        ('国内生产总值', None, None, None, 3.0, 'actual', '2022'),
        ('城镇新增就业', 12060000.0, '人', None, None, 'actual', '2022'),
        ('城镇调查失业率', 5.5, '%', None, None, 'actual', '2022'),
        ('居民消费价格', None, None, None, 2.0, 'actual', '2022'),
        ('国内生产总值', None, None, 'approx', 5.0, 'target', '2023'),
        ('城镇新增就业', 12000000.0, '人', 'approx', None, 'target', '2023'),
        ('城镇调查失业率', 5.5, '%', 'approx', None, 'target', '2023'),
        ('居民消费价格', None, None, 'approx', 3.0, 'target', '2023'),
        ('粮食产量', 1300000000000.0, '斤', 'at_least', None, 'target', '2023'),
        ('地方政府专项债券', 3800000000000.0, '元', None, None, 'target', '2023'),
    ],
    "district_repost_2023.txt": [
        # an infographic repost: names, values and growths on separate short lines
        ('地区生产总值', 81260000000.0, '元', None, 4.1, 'actual', '2022'),
        ('一般公共预算收入', 5630000000.0, '元', None, 6.2, 'actual', '2022'),
        ('规上工业企业', 58.0, '家', None, None, 'actual', '2022'),
        ('规上工业企业', 612.0, '家', None, None, 'actual', '2022'),
        ('民生支出占一般公共预算支出比重', 80.2, '%', None, None, 'actual', '2022'),
        ('新增城镇就业', 12600.0, '人', None, None, 'actual', '2022'),
        ('地区生产总值', None, None, 'at_least', 6.0, 'target', '2023'),
        ('一般公共预算收入', None, None, None, 5.0, 'target', '2023'),
        ('固定资产投资', None, None, None, 8.0, 'target', '2023'),
        ('城镇调查失业率', 5.5, '%', 'at_most', None, 'target', '2023'),
        ('新开工重大项目', 60.0, '个', None, None, 'target', '2023'),
        ('投资', 30000000000.0, '元', None, None, 'target', '2023'),
    ],
    "national_2024.txt": [
        # (name, value or (low, high), unit, qualifier, change, kind, period)
        ('国内生产总值', 126000000000000.0, '元', 'at_least', 5.2, 'actual', '2023'),
        ('城镇新增就业', 12440000.0, '人', None, None, 'actual', '2023'),
        ('城镇调查失业率', 5.1, '%', None, None, 'actual', '2023'),
        ('居民消费价格', None, None, None, 0.2, 'actual', '2023'),
        ('粮食产量', 1390800000000.0, '斤', None, None, 'actual', '2023'),
        ('居民人均可支配收入', None, None, None, 6.1, 'actual', '2023'),
        ('脱贫劳动力务工规模', 33000000.0, '人', 'at_least', None, 'actual', '2023'),
        ('进出口总额', 41760000000000.0, '元', None, None, 'actual', '2023'),
        ('新增减税降费及退税缓费', 2200000000000.0, '元', 'at_least', None, 'actual', '2023'),
        ('单位国内生产总值能耗', None, None, None, -0.5, 'actual', '2023'),
        ('新设经营主体', 32730000.0, '户', None, 12.6, 'actual', '2023'),
        ('新设企业', 10029000.0, '户', None, 15.6, 'actual', '2023'),
        ('研发经费投入', 3300000000000.0, '元', None, 8.1, 'actual', '2023'),
        ('投入强度', 2.64, '%', None, None, 'actual', '2023'),
        ('国内生产总值', None, None, 'approx', 5.0, 'target', '2024'),
        ('城镇新增就业', 12000000.0, '人', 'at_least', None, 'target', '2024'),
        ('城镇调查失业率', 5.5, '%', 'approx', None, 'target', '2024'),
        ('居民消费价格', None, None, 'approx', 3.0, 'target', '2024'),
        ('粮食产量', 1300000000000.0, '斤', 'at_least', None, 'target', '2024'),
        ('单位国内生产总值能耗', None, None, 'approx', -2.5, 'target', '2024'),
        ('赤字率', 3.0, '%', None, None, 'target', '2024'),
        ('赤字规模', 4060000000000.0, '元', None, 180000000000.0, 'target', '2024'),
        ('地方政府专项债券', 3900000000000.0, '元', None, 100000000000.0, 'target', '2024'),
        ('中央预算内投资', 700000000000.0, '元', None, None, 'target', '2024'),
        ('新建改造5G基站', 600000.0, '个', 'at_least', None, 'target', '2024'),
    ],
    "county_half_year_2021.txt": [
        # (name, value or (low, high), unit, qualifier, change, kind, period)
        ('地区生产总值', 19630000000.0, '元', None, 13.2, 'actual', '2021H1'),
        ('地区生产总值', None, None, None, 6.8, 'actual', '2021H1'),
        ('规上工业增加值', None, None, None, 18.5, 'actual', '2021H1'),
        ('一般公共预算收入', 1260000000.0, '元', None, None, 'actual', '2021H1'),
        ('完成年度预算', 58.3, '%', None, None, 'actual', '2021H1'),
        ('社会消费品零售总额', 6240000000.0, '元', None, 21.7, 'actual', '2021H1'),
        ('新签约亿元以上项目', 28.0, '个', None, None, 'actual', '2021M1-6'),
        ('协议总投资', 15600000000.0, '元', None, None, 'actual', '2021M1-6'),
        ('城镇常住居民人均可支配收入', 21356.0, '元', None, 10.1, 'actual', '2021H1'),
        ('农村常住居民人均可支配收入', 10125.0, '元', None, 11.3, 'actual', '2021H1'),
        ('地区生产总值', None, None, 'at_least', 8.0, 'target', '2021'),
        ('一般公共预算收入', 2200000000.0, '元', 'at_least', None, 'target', '2021'),
        # the list's lead-in line names 下半年 (下半年，…重点抓好以下工作：): H2 (annotation 2.9)
        ('新开工亿元以上项目', 15.0, '个', None, None, 'target', '2021H2'),
        ('固定资产投资', 9500000000.0, '元', None, None, 'target', '2021H2'),
        ('新建公办幼儿园', 4.0, '所', None, None, 'target', '2021H2'),
        ('改造提升农村公路', 120.0, '公里', None, None, 'target', '2021H2'),
        ('新增城镇就业', 4500.0, '人', 'at_least', None, 'target', '2021H2'),
    ],
    "city_five_year_2021.txt": [
        # (name, value or (low, high), unit, qualifier, change, kind, period)
        ('地区生产总值', 300000000000.0, '元', 'at_least', 6.9, 'actual', '2016-2020'),
        ('一般公共预算收入', None, None, None, 7.2, 'actual', '2016-2020'),
        ('固定资产投资', 1100000000000.0, '元', None, None, 'actual', '2016-2020'),
        ('农村贫困人口', 236000.0, '人', None, None, 'actual', '2016-2020'),
        ('贫困村', 312.0, '个', None, None, 'actual', '2016-2020'),
        ('地区生产总值', 312570000000.0, '元', None, 3.6, 'actual', '2020'),
        ('城镇居民人均可支配收入', 41250.0, '元', None, 5.1, 'actual', '2020'),
        ('空气质量优良天数比例', 87.4, '%', None, None, 'actual', '2020'),
        ('PM2.5平均浓度', 33.0, '微克/立方米', None, None, 'actual', '2020'),
        ('地区生产总值', 400000000000.0, '元', 'at_least', None, 'target', '2021-2025'),
        ('常住人口城镇化率', 68.0, '%', 'at_least', None, 'target', '2021-2025'),
        ('研发经费投入强度', 2.8, '%', None, None, 'target', '2021-2025'),
        ('地区生产总值', None, None, 'approx', 7.0, 'target', '2021'),
        ('规模以上工业增加值', None, None, None, 8.0, 'target', '2021'),
        ('城镇调查失业率', 5.5, '%', 'at_most', None, 'target', '2021'),
        ('单位地区生产总值能耗', None, None, None, -3.0, 'target', '2021'),
        ('新增城镇就业', 50000.0, '人', 'at_least', None, 'target', '2021'),
        ('新建改扩建中小学校', 20.0, '所', None, None, 'target', '2021'),
        ('建成5G基站', 3000.0, '个', None, None, 'target', '2021'),
    ],
}


@pytest.mark.parametrize("filename", sorted(EXPECTED_DOCS))
def test_whole_documents(filename):
    import govnlp
    text = (Path(__file__).parent / "data" / "indicators" / filename).read_text(encoding="utf-8")
    report = govnlp.parse_report(text, indicators="rules", slogans=False)
    got = [(i.name, i.value if i.low is None else (i.low, i.high), i.unit, i.qualifier,
            i.change.value if i.change else None, i.kind, i.period) for i in report.indicators]
    assert got == EXPECTED_DOCS[filename]


# ---- real-report scope (annotation 2.9): cue words, comparisons, caveats, paired lists -------
def _facts(text, meta=None, sections=None):
    report = Report(text=text, meta=meta or Meta(year=2024, doc_type="work_report"), sections=sections or [])
    return [(i.name, i.value, i.change.value if i.change else None, i.kind, i.period)
            for i in extract_indicators(report)]


def test_forecast_at_the_head_of_a_sentence_covers_every_semicolon_clause():
    text = "初步预计，全年全县地区生产总值增长5.6%；一般公共预算收入增长3.1%；城镇新增就业0.9万人。"
    assert [(n, k) for n, _, _, k, _ in _facts(text)] == [
        ("地区生产总值", "forecast"), ("一般公共预算收入", "forecast"), ("城镇新增就业", "forecast")]


def test_a_target_cue_covers_its_comma_clauses_but_not_the_next_semicolon_clause():
    text = "力争规上工业增加值增长8%，固定资产投资增长10%；社会消费品零售总额增长6.2%。"
    assert [(n, k, p) for n, _, _, k, p in _facts(text)] == [
        ("规上工业增加值", "target", "2024"), ("固定资产投资", "target", "2024"),
        ("社会消费品零售总额", "actual", "2023")]


def test_as_expected_is_no_target_cue():
    text = "——经济增长符合预期。全区地区生产总值增长5.2%，好于预期。\n"
    heading = Section(0, None, 1, "——", "经济增长符合预期", 0, len(text), "other")
    assert _facts(text, sections=[heading]) == [("地区生产总值", None, 5.2, "actual", "2023")]


def test_bullets_under_a_targets_heading_without_a_colon_are_targets_of_the_plan_year():
    text = ("全市地区生产总值增长5.8%。\n建议全年经济社会发展预期目标\n"
            "● 地区生产总值增长 6% 左右\n● 城镇调查失业率控制在5.5%以内\n")
    assert [(n, k, p) for n, _, _, k, p in _facts(text)] == [
        ("地区生产总值", "actual", "2023"), ("地区生产总值", "target", "2024"), ("城镇调查失业率", "target", "2024")]


def test_periods_follow_the_part_of_the_report():
    text = "一、过去一年工作\n全县新建农村公路86公里。\n二、今年工作安排\n全县新建农村公路100公里。\n"
    split = text.index("二、")
    sections = [Section(0, None, 1, "一、", "过去一年工作", 0, split, "review"),
                Section(1, None, 1, "二、", "今年工作安排", split, len(text), "tasks")]
    assert [(k, p) for *_, k, p in _facts(text, sections=sections)] == [("actual", "2023"), ("target", "2024")]


def test_half_year_periods():
    text = ("上半年，全县规上工业增加值增长7.1%；1-6月，新签约项目18个。"
            "下半年，力争新开工项目12个，确保全年一般公共预算收入增长5%。")
    meta = Meta(year=2024, doc_type="half_year_report")
    assert [(k, p) for *_, k, p in _facts(text, meta=meta)] == [
        ("actual", "2024H1"), ("actual", "2024M1-6"), ("target", "2024H2"), ("target", "2024")]


def test_block_headings_that_are_not_sections_decide_the_kind():
    text = ("【上半年成绩单】\n地区生产总值1234.5亿元，同比增长5.1%\n"
            "【下半年任务书】\n新增停车泊位2000个\n")
    meta = Meta(year=2024, doc_type="half_year_report")
    assert [(n, k) for n, _, _, k, _ in _facts(text, meta=meta)] == [("地区生产总值", "actual"), ("新增停车泊位", "target")]


@pytest.mark.parametrize("text", [
    "规上工业增加值增长9.1%，高于全国2.3个百分点。",
    "规上工业增加值增长9.1%，分别高于省、市1.2和0.8个百分点。",
    "规上工业增加值增长9.1%，增幅高于全年目标5.6个百分点。",
    "规上工业增加值增长9.1%，塌目标2.1个百分点。",
    "规上工业增加值增长9.1%，比全省高0.7个百分点，低于全市平均0.3个百分点。",
])
def test_comparisons_with_a_benchmark_or_target_are_not_data(text):
    assert [(n, c) for n, _, c, _, _ in _facts(text)] == [("规上工业增加值", 9.1)]


@pytest.mark.parametrize("text, change_text", [
    ("扣除留抵退税因素后一般公共预算收入同比增长仅为2.1%。", "增长仅为2.1%"),
    ("按省口径计算，一般公共预算收入增长3.2%。", "增长3.2%"),
    ("同口径一般公共预算收入增长4.5%。", "增长4.5%"),
    ("一般公共预算收入仅增长1.2%。", "增长1.2%"),
])
def test_caveats_and_adverbs_stay_out_of_names(text, change_text):
    ind = only(text)
    assert ind.name == "一般公共预算收入"
    assert text[ind.spans["change"][0]:ind.spans["change"][1]] == change_text


@pytest.mark.parametrize("text, expected", [
    ("出口额和进口额分别增长 7.2% 、6.8%。", [("出口额", 7.2), ("进口额", 6.8)]),
    ("城镇和农村居民人均可支配收入分别提高 1.5和 0.9 个百分点。",
     [("城镇居民人均可支配收入", 1.5), ("农村居民人均可支配收入", 0.9)]),
    ("出口额和进口额分别增长8.1%7.6%。", [("出口额", 8.1), ("进口额", 7.6)]),
    ("金融业、商务服务业增加值分别同比增长6.1%、4.2%。", [("金融业增加值", 6.1), ("商务服务业增加值", 4.2)]),
    ("金融业增加值、软件和信息服务业营业收入分别增长8.4%、12.7%。",
     [("金融业增加值", 8.4), ("软件和信息服务业营业收入", 12.7)]),
    ("城乡居民人均可支配收入与经济增长基本同步，分别增长6%和7%。",
     [("城镇居民人均可支配收入", 6.0), ("农村居民人均可支配收入", 7.0)]),
])
def test_paired_lists_are_aligned_by_position_whatever_the_separator(text, expected):
    assert [(n, c) for n, _, c, _, _ in _facts(text)] == expected


def test_a_list_ends_where_a_rejoined_line_begins():
    text = "城镇居民人均可支配收入41000元、农村居民人均可支配收入19000元，分别增长5.1%和6.9%民生支出约300亿元\n"
    assert [(n, v, c) for n, v, c, _, _ in _facts(text)] == [
        ("城镇居民人均可支配收入", 41000.0, 5.1), ("农村居民人均可支配收入", 19000.0, 6.9), ("民生支出", 3e10, None)]


@pytest.mark.parametrize("text", [
    "统筹抓好两件大事，围绕十个方面工作，打好三大攻坚战，实施五大行动。",
    "实施“十二五计划”，完成“十二五”规划。",
])
def test_counts_inside_slogans_and_names_of_works_are_not_data(text):
    assert run(text) == []


@pytest.mark.parametrize("text, name", [
    ("实施亿元以上重大项目85个。", "亿元以上重大项目"),       # an action verb is not part of the name
    ("发放消费券1.2亿元。", "消费券"),
    ("新建改扩建公办幼儿园12所。", "新建改扩建公办幼儿园"),   # a construction verb says what is counted
    ("一般公共预算总收入五年累计达到二百亿元。", "一般公共预算总收入"),
    ("为企业减负3.1亿元。", "减负"),   # money keeps no beneficiary or verb (annotation 2.3)
    ("获得中央预算内投资9.6亿元。", "中央预算内投资"),
    ("为小微企业和个体工商户办理缓税4.8亿元。", "缓税"),
    ("年初确定的十件民生实事全部完成。", "民生实事"),
])
def test_names_of_counts_and_amounts(text, name):
    assert only(text).name == name


def test_a_level_from_a_base_year_keeps_its_name():
    assert [i.name for i in run("地区生产总值由2019年的300亿元增加到420亿元。")] == ["地区生产总值"] * 2


# ---- garbled numbers get a warning, never silence (W012) -----------------------------------
@pytest.mark.parametrize("text, note", [
    ("工业投资增长8.1%7.6%。", "fused"),
    ("规上工业企业复工率达100%45家。", "fused"),
    ("地区生产总值达到1200人。", "人 for gdp"),
    ("常住人口城镇化率达到3.5亿元。", "a rate in 元"),
    ("地区生产总值" + "9" * 400 + "亿元。", "overflow"),
])
def test_garbled_numbers_are_reported(text, note):
    report = Report(text=text)
    inds = extract_indicators(report)
    (warning,) = [w for w in report.warnings if w.startswith("[W012]")]
    assert note in warning
    assert all(v is None or v == v and abs(v) < float("inf") for i in inds for v in (i.value, i.low, i.high))


def test_plain_numbers_raise_no_garbled_warning():
    report = Report(text="地区生产总值366.5亿元，增长6.5%；新建道路14条888米。")
    extract_indicators(report)
    assert not [w for w in report.warnings if w.startswith("[W012]")]


def test_an_overflowing_number_gives_valid_json():
    import govnlp

    report = govnlp.parse_report("地区生产总值" + "9" * 400 + "亿元。", indicators="rules", slogans=False)
    text = report.to_json()
    assert "Infinity" not in text and "NaN" not in text
    assert any(w.startswith("[W012]") for w in report.warnings)


# ---- linear time (issue 12/13): 10x the text costs about 10x ---------------------------------
def test_indicator_rules_take_linear_time_on_one_long_sentence():
    from govnlp.indicators import extract_rules

    def cost(n):
        report = Report(text="增长1.5%，" * n)
        t0 = time.process_time()
        inds = extract_rules(report)
        assert len(inds) == n
        return time.process_time() - t0

    cost(200)  # warm the caches
    small, large = cost(1500), cost(15000)
    assert large <= 15 * max(small, 0.01)


def test_a_five_year_paragraph_reviews_those_years_until_a_year_is_named():
    text = ("过去五年，是全县发展极不平凡的五年。全县地区生产总值由2018年的210亿元增加到305亿元；"
            "城镇化率提高到61.3%。三大攻坚战取得决定性成就，8600名贫困人口全部脱贫。"
            "2023年，全县地区生产总值增长5.1%。")
    meta = Meta(year=2024, doc_type="work_report")
    # the starting value (由2018年的210亿元) is the value of the year it names (as in the t22 gold)
    assert [p for *_, p in _facts(text, meta=meta)] == ["2018"] + ["2019-2023"] * 3 + ["2023"]


def test_a_list_after_a_figure_on_a_rejoined_line():
    text = "软件和信息技术服务业营业收入1900亿元，同比增长8.6%金融业、商务服务业增加值分别同比增长6.1%、4.2%新增高新技术企业120余家\n"
    assert [(n, v, c) for n, v, c, _, _ in _facts(text)] == [
        ("软件和信息技术服务业营业收入", 1.9e11, 8.6), ("金融业增加值", None, 6.1),
        ("商务服务业增加值", None, 4.2), ("新增高新技术企业", 120.0, None)]


# ---- hybrid without the model: where it would read, and an indexed merge ----------------------
def test_the_model_reads_only_where_it_can_change_something():
    from govnlp.indicators import extract_rules
    from govnlp.indicators.hybrid import sentences_to_read

    text = "地区生产总值366.5亿元，增长6.5%。围绕中心城区的若干重要片区和沿线街道开展整治提升工作共完成任务42项。"
    report = Report(text=text)
    wanted = sentences_to_read(report, extract_rules(report))
    first = text.index("。") + 1
    assert not wanted(0, first)                 # every figure named by a vocabulary name
    assert wanted(first, len(text))             # a long name outside the vocabulary


def test_hybrid_merge_is_indexed():
    from govnlp.indicators.hybrid import merge
    from govnlp.report import Indicator

    def inds(n, source):
        return [Indicator(name="项目", value=1.0, unit="个", source=source, sentence=[8 * k, 8 * k + 8],
                          spans={"name": None, "value": [8 * k, 8 * k + 3], "change": None}) for k in range(n)]

    def cost(n):
        rules, model = inds(n, "rules"), [(m, 0.9) for m in inds(n, "model")]
        t0 = time.process_time()
        out = merge(rules, model)
        assert len(out) == n and {i.source for i in out} == {"both"}
        return time.process_time() - t0

    cost(100)
    small, large = min(cost(3000), cost(3000)), min(cost(30000), cost(30000))
    assert large <= 15 * max(small, 0.02)


@pytest.mark.parametrize("text, expected", [
    ("城镇和农村居民人均可支配收入分别达到41000元和19000元，分别增长5.1%和6.9%。",
     [("城镇居民人均可支配收入", 41000.0, 5.1), ("农村居民人均可支配收入", 19000.0, 6.9)]),
    ("进出口总额、出口额分别为120亿元、80亿元，分别增长6%、9%；实际利用外资3亿美元。",
     [("进出口总额", 1.2e10, 6.0), ("出口额", 8e9, 9.0), ("实际利用外资", 3e8, None)]),
])
def test_a_second_respectively_run_fills_the_same_names(text, expected):
    # the rule that lived in the hybrid merge (link_distributive) is a rule of the linker now
    assert [(n, v, c) for n, v, c, _, _ in _facts(text)] == expected


# ---- names that are exactly right (annotation.md 2.3, strict name rule) ----------------------

def _names(text):
    return [(n, v) for n, v, _, _, _ in _facts(text)]


@pytest.mark.parametrize("text, expected", [
    # the object of a leading verb is what is measured
    ("改造老旧院落92个，惠及居民3400户。", [("改造老旧院落", 92.0), ("居民", 3400.0)]),  # a making verb stays
    ("实施老旧院落改造项目92个，办好民生实事10件。", [("老旧院落改造项目", 92.0), ("民生实事", 10.0)]),
    ("全年投入整治资金6500万元。", [("整治资金", 65000000.0)]),
    ("在城区增设1200个充电桩。", [("充电桩", 1200.0)]),
    ("为困难群众累计发放临时救助金800余万元。", [("临时救助金", 8000000.0)]),
    ("向灾区供应救灾帐篷2000套。", [("救灾帐篷", 2000.0)]),
    ("查封、冻结涉案资金五千余万元。", [("涉案资金", 50000000.0)]),
    # a known indicator keeps its verb-like noun
    ("研发经费投入强度达到2.8%。", [("研发经费投入强度", 2.8)]),
    ("研发经费投入增长9%，投入强度为2.5%。", [("研发经费投入", None), ("投入强度", 2.5)]),
])
def test_a_leading_verb_is_not_part_of_the_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("已吸引60余家电商及配套企业入驻。", [("电商及配套企业", 60.0)]),
    ("完成8个社区改造工作。", [("社区改造", 8.0)]),
    ("推动25个在建项目加快建设、12个储备项目早日开工。", [("在建项目", 25.0), ("储备项目", 12.0)]),
    ("建成15个社区警务工作站。", [("社区警务工作站", 15.0)]),
    ("对全年86项重点工作实行清单管理。", [("重点工作", 86.0)]),
])
def test_a_predicate_after_the_counted_thing_is_cut_off(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place, a list of examples, a scope or a batch before the count; the counted thing after it
    ("完成老城区9条背街小巷整治提升。", [("背街小巷整治提升", 9.0)]),
    ("东湖、西溪2家孵化器通过省级认定。", [("孵化器", 2.0)]),
    ("推出第二批12项“一件事”集成服务。", [("“一件事”集成服务", 12.0)]),
    ("新增停车泊位300个。", [("新增停车泊位", 300.0)]),
    # a phrase that runs into the next figure names that figure, not the count before it
    ("新增停车泊位300个新建口袋公园8个。", [("新增停车泊位", 300.0), ("新建口袋公园", 8.0)]),
])
def test_the_counted_thing_right_after_a_count(text, expected):
    assert _names(text) == expected


def test_a_spending_cut_verb_is_the_change_not_the_name():
    facts = _facts("部门公用经费统一压减8%。")
    assert [(n, c) for n, _, c, _, _ in facts] == [("部门公用经费", -8.0)]


def test_name_words_are_data():
    assert "惠及" in vocabulary.name_words("object")
    assert "入驻" in vocabulary.name_words("predicate")
    assert vocabulary.name_words("no-such-kind") == ()


@pytest.mark.parametrize("text, expected", [
    # a unit written with the start of the counted noun (所学校, 个村) does not swallow the name
    ("引进名校等6所学校，新增学位3000个。", [("学校", 6.0), ("新增学位", 3000.0)]),
    ("完成48个村庄环境整治提升任务。", [("村庄环境整治提升任务", 48.0)]),
    # a list that shares one count keeps its items; a collective numeral sums the list up
    ("完成18个省考、市考断面水质监测。", [("省考、市考断面水质监测", 18.0)]),
    ("汽车、电子、医药三大产业集群产值1200亿元。", [("三大产业集群产值", 1.2e11)]),
    # scope and quantity words in front are no part of the name
    ("市属国有企业营业收入580亿元。", [("国有企业营业收入", 5.8e10)]),
    ("安排各类就业补贴9000万元，另有待拨资金2亿元。", [("就业补贴", 9e7), ("待拨资金", 2e8)]),
])
def test_lists_units_and_scope_words_around_a_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("进贤县农家书屋120个。", [("农家书屋", 120.0)]),                  # a region in front is dropped
    ("新建区域性养老服务中心4个。", [("新建区域性养老服务中心", 4.0)]),  # 区域 is no region
])
def test_a_region_in_front_of_a_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a half-width full stop ends a sentence (reposts and PDF copies), a decimal point does not
    ("全县上下攻坚克难.全县规模以上工业增加值达到86.5亿元.",
     [("规模以上工业增加值", 8.65e9)]),
    ("道路通车里程大幅增加.新建城市书房12家,改造农贸市场5个.",
     [("新建城市书房", 12.0), ("改造农贸市场", 5.0)]),
])
def test_a_half_width_full_stop_ends_a_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two-item 分别 lists share words both ways
    ("6月末，人民币存款、贷款余额分别达到820亿元、760亿元。",
     [("人民币存款余额", 8.2e10), ("人民币贷款余额", 7.6e10)]),
    ("第一、二产业增加值分别增长3.1%、5.6%。",
     [("第一产业增加值", None), ("第二产业增加值", None)]),
    ("茶叶产量和产值分别达到2100吨和15.2亿元。",
     [("茶叶产量", 2100.0), ("茶叶产值", 1.52e9)]),
    ("电子信息、生物医药两大产业集群产值分别突破500亿元和300亿元。",
     [("电子信息产业集群产值", 5e10), ("生物医药产业集群产值", 3e10)]),
    ("职工基本养老保险和基本医疗保险参保人数分别增长2.2%和1.9%。",
     [("职工基本养老保险参保人数", None), ("职工基本医疗保险参保人数", None)]),
])
def test_two_item_lists_share_their_words(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a money threshold that defines the counted class stays in the name
    ("全年新签约项目88个，其中超5亿元项目12个。", [("新签约项目", 88.0), ("超5亿元项目", 12.0)]),
    ("推动实施300万元以上技改项目96个。", [("300万元以上技改项目", 96.0)]),
    # words after the name that say what will happen are no part of it
    ("一般性支出将压减5%，社保基金要增长8%。", [("一般性支出", None), ("社保基金", None)]),
    ("财政总收入从2018年的56亿元增加到88亿元。", [("财政总收入", 5.6e9), ("财政总收入", 8.8e9)]),
    # a making verb says what is counted; chained action verbs do not (annotation 2.3)
    ("新建和改造提升城市绿道120公里。", [("新建和改造提升城市绿道", 120.0)]),
    ("谋划实施产业项目45个。", [("产业项目", 45.0)]),
    # 数量 after counted things is dropped like 总数; before a change it stays
    ("科技型中小企业数量达到860家。", [("科技型中小企业", 860.0)]),
    # a currency scope (本外币, 人民币) before a known name stays with it
    ("年末金融机构本外币各项存款余额3900亿元。", [("金融机构本外币各项存款余额", 3.9e11)]),
    # a level set for a later year is a fact of its own, named by the subject before it
    ("全市财政总收入年均增长7%，到2027年力争突破三百亿元。", [("财政总收入", None), ("财政总收入", 3e10)]),
    # 建成区 is a noun, not the verb 建成
    ("建成区绿地率达到41.5%。", [("建成区绿地率", 41.5)]),
])
def test_thresholds_and_trailing_words_around_a_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a share of the plan is named by its own phrase, not by the subject before it
    ("新增城镇就业1.2万人，完成全年目标的61%。", [("新增城镇就业", 12000.0), ("完成全年目标", 61.0)]),
    ("一般公共预算支出42亿元，完成年度预算的48.5%。", [("一般公共预算支出", 4.2e9), ("完成年度预算", 48.5)]),
    ("工业投资完成年度计划的70%。", [("工业投资完成年度计划", 70.0)]),
])
def test_a_share_of_the_plan_is_named_by_its_phrase(text, expected):
    assert _names(text) == expected
