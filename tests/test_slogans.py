"""Slogans: detection, the report's own definitions, the lexicon and its choice by place and year.

The reports here are hand-built (our own sentences), so the tests do not depend on the
outline stage; one test runs the whole pipeline on seed 003 and its 30-entry 注释 block.
"""
from __future__ import annotations

import json
import time
from importlib import resources
from pathlib import Path

import pytest

from govnlp.report import Footnote, GlossaryEntry, Meta, Report
from govnlp.slogans import find_slogans, load_lexicon
from govnlp.slogans.cli import main as slogans_main
from govnlp.slogans.resolve import document_definitions, names_a_slogan
from govnlp.slogans.items import expected_counts, split_enumeration

DATA = Path(__file__).parent / "data" / "slogans"
SEED_003 = Path(__file__).parent.parent / "seeds" / "003_2765e964e35d9ca5.txt"


def slogans(text: str, **meta) -> list:
    return find_slogans(Report(text=text, meta=Meta(**meta)))


def one(text: str, surface: str, **meta):
    found = [s for s in slogans(text, **meta) if s.text == surface]
    assert found, f"{surface} not found in {[s.text for s in slogans(text, **meta)]}"
    return found[0]


# ---- the bundled lexicon ---------------------------------------------------------------------
def test_bundled_lexicon_has_150_slogans_each_with_source_and_one_line_gloss():
    lines = resources.files("govnlp.data").joinpath("slogans.jsonl").read_text("utf-8").splitlines()
    rows = [json.loads(l) for l in lines if l.strip()]
    assert len({r["text"] for r in rows}) >= 150
    required = {"text", "variants", "items", "gloss", "level", "region", "valid_from", "valid_to", "source"}
    for r in rows:
        assert required <= set(r), r["text"]
        assert r["source"], r["text"]
        assert r["gloss"] and "\n" not in r["gloss"], r["text"]
        assert r["items"] is None or (len(r["items"]) >= 2 and all(r["items"])), r["text"]
        assert r["level"] in ("national", "province", "city", "county", "local"), r["text"]


def test_every_numbered_lexicon_reading_has_as_many_items_as_its_numerals_say():
    for r in load_lexicon().readings:
        counts = expected_counts(r.text)
        if r.items is not None and counts and "、" not in r.text:
            assert len(r.items) in counts or r.text in ("三区三线", "三化三制", "七通一平"), r.text


# ---- detection -------------------------------------------------------------------------------
def test_joined_form_gives_two_slogans_with_their_own_spans():
    text = "我们扎实做好“六稳六保”工作。"
    found = slogans(text, year=2021)
    assert [(s.text, text[s.start:s.end]) for s in found] == [("六稳", "六稳"), ("六保", "六保")]
    assert found[0].expansion[0] == "稳就业" and found[1].expansion[-1] == "保基层运转"


def test_unquoted_known_slogans_are_found():
    found = slogans("坚持稳中求进，做好六稳工作，落实六保任务，深化放管服改革。", year=2020)
    assert [s.text for s in found] == ["六稳", "六保", "放管服"]


@pytest.mark.parametrize("text", [
    "今年新建三所幼儿园，开工两个项目。",
    "第三产业增加值占比提高一个百分点。",
    "两会期间，全区“十四五”规划纲要获得通过。",
    "完成“七五”普法总结验收，八大山人纪念馆对外开放。",
    "我们千方百计稳住市场主体，举一反三抓好整改。",
    "洪新、朱桥两个派出所建成使用。",
    "全天24小时接听“12345”政府服务热线。",
    "集聚电子信息、生物医药、新材料三大产业集群。",
])
def test_counted_nouns_codes_periods_and_idioms_are_not_slogans(text):
    assert slogans(text, year=2020, province="江西省") == []


def test_quoted_stem_takes_its_head_noun():
    text = "持续深化“五型”政府建设。"
    s = one(text, "五型政府", province="江西省", region="江西省", year=2019)
    assert text[s.start:s.end] == "五型”政府"
    assert s.expansion == ["忠诚型", "创新型", "担当型", "服务型", "过硬型"]


def test_unknown_numbered_slogan_is_reported_without_expansion():
    s = one("全面推进“三减两增”行动。", "三减两增")
    assert (s.expansion, s.provenance, s.scope) == (None, None, None)


def test_detection_is_fast_on_a_15k_character_report():
    paragraph = ("扎实做好“六稳”工作，全面落实“六保”任务，新建三所幼儿园，实施四大发展战略，"
                 "深化放管服改革，统筹推进“五位一体”总体布局，地区生产总值增长6.5%。\n")
    report = Report(text=paragraph * (15000 // len(paragraph)), meta=Meta(year=2020))
    find_slogans(report)  # loads the lexicon once
    best = min(_timed(report) for _ in range(3))
    assert best < 0.1


def _timed(report: Report) -> float:
    t = time.perf_counter()
    find_slogans(report)
    return time.perf_counter() - t


# ---- choice by region, period and context ---------------------------------------------------
def test_four_comprehensives_changed_its_first_item_in_2020():
    text = "协调推进“四个全面”战略布局。"
    assert one(text, "四个全面", year=2019).expansion[0] == "全面建成小康社会"
    later = one(text, "四个全面", year=2022)
    assert later.expansion[0] == "全面建设社会主义现代化国家"
    assert later.alternatives == 1 and later.scope == "全国 2021-"
    unknown_year = one(text, "四个全面")
    assert unknown_year.expansion is None and unknown_year.alternatives == 2


def test_liang_xin_means_different_things_in_2020_and_2024_and_nothing_in_2022():
    text = "积极推进“两新”工作。"
    assert one(text, "两新", year=2020).expansion == ["新型基础设施建设", "新型城镇化建设"]
    assert one(text, "两新", year=2024).expansion == ["大规模设备更新", "消费品以旧换新"]
    assert one(text, "两新", year=2022).expansion is None


def test_five_type_government_is_only_expanded_in_jiangxi():
    text = "扎实推进“五型”政府建设。"
    outside = one(text, "五型政府", province="广东省", region="广东省", year=2019)
    assert outside.expansion is None and outside.alternatives >= 2
    inside = one(text, "五型政府", province="江西省", region="南昌市", year=2019)
    assert inside.provenance == "lexicon" and inside.scope == "江西省 2018-"
    assert one(text, "五型政府", province="江西省", year=2016).expansion is None  # before 2018


def test_shuangchuang_is_settled_by_its_context():
    national = one("设立“双创”基金，扶持创业孵化。", "双创", year=2019)
    assert national.expansion == ["大众创业", "万众创新"]
    local = one("巩固“双创”成果，争创全国文明城市和国家卫生城市。", "双创", year=2019)
    assert local.expansion == ["创建全国文明城市", "创建国家卫生城市"]


def test_five_in_one_needs_its_national_cue():
    assert one("统筹推进“五位一体”总体布局。", "五位一体", year=2020).expansion[0] == "经济建设"
    assert one("健全“五位一体”社会治安防控体系。", "五位一体", year=2020).expansion is None


def test_low_quality_readings_are_never_chosen():
    lex = load_lexicon()
    low = [r for r in lex.readings if r.quality == "L"]
    assert low
    for r in low:
        text = f"推进“{r.text}”建设。"
        for s in slogans(text, province=r.region, region=r.region, year=2023):
            assert s.expansion != (list(r.items) if r.items else None) or s.provenance == "document"


# ---- the report's own definitions ------------------------------------------------------------
@pytest.mark.parametrize("text, surface, items", [
    ("推进“三网”建设。“三网”是指供水网、供电网、供气网。", "三网", ["供水网", "供电网", "供气网"]),
    ("落实“三保”，即保工资、保运转、保民生。", "三保", ["保工资", "保运转", "保民生"]),
    ("深入实施“三个一”工程：一是建成一条绿道，二是建好一座公园，三是办好一所学校。", "三个一",
     ["建成一条绿道", "建好一座公园", "办好一所学校"]),
    ("统筹抓好稳增长、调结构、惠民生三大任务。", "三大任务", ["稳增长", "调结构", "惠民生"]),
    ("推行简政放权、放管结合、优化服务改革（以下简称“放管服”改革）。", "放管服", ["简政放权", "放管结合", "优化服务"]),
])
def test_inline_definitions(text, surface, items):
    s = one(text, surface, year=2020)
    assert s.expansion == items and s.provenance == "document"


def test_a_report_definition_beats_the_lexicon():
    text = "做好“六稳”工作。“六稳”是指稳增长、稳就业、稳物价、稳金融、稳外贸、稳预期。"
    s = one(text, "六稳", year=2019)
    assert s.expansion[0] == "稳增长" and s.provenance == "document" and s.alternatives == 1


def test_items_before_a_count_must_agree_with_it():
    s = one("围绕创新驱动、开放带动两大发展战略，推进三大产业升级。", "两大发展战略", year=2020)
    assert s.expansion == ["创新驱动", "开放带动"]
    assert one("围绕创新驱动、开放带动三大发展战略。", "三大发展战略", year=2020).expansion is None


def test_enumeration_counts_are_checked():
    assert split_enumeration("甲乙、丙丁和戊己", 3) == ["甲乙", "丙丁", "戊己"]
    assert split_enumeration("甲乙、丙丁和戊己", 4) is None
    assert expected_counts("三去一降一补") == {5}
    assert expected_counts("三请三回") == {3, 6}
    assert expected_counts("五位一体") == {5}
    assert expected_counts("第三产业") == set()


def test_glossary_entries_from_the_outline_stage_are_used():
    text = "实施“两拆一增”2行动。\n注释\n2.“两拆一增”：拆除违法建设、拆除围墙围栏、增加开敞空间。"
    start = text.index("2.“两拆")
    entry = GlossaryEntry("2", "“两拆一增”", "拆除违法建设、拆除围墙围栏、增加开敞空间。", start, len(text))
    marker = text.index("2行动")
    report = Report(text=text, meta=Meta(year=2021), glossary=[entry],
                    footnotes=[Footnote("2", marker, marker + 1, "“两拆一增”", 0)])
    found = find_slogans(report)
    assert [s.text for s in found] == ["两拆一增", "两拆一增"]  # in the body and as the entry's term
    assert all(s.expansion == ["拆除违法建设", "拆除围墙围栏", "增加开敞空间"] for s in found)
    assert all(s.start < start or text[s.start - 1] == "“" for s in found)


def test_glossary_block_is_parsed_from_the_text_when_the_outline_gave_none():
    text = (DATA / "glossary_report.txt").read_text("utf-8")
    found = {s.text: s for s in find_slogans(Report(text=text, meta=Meta(year=2021)))}
    assert found["三清两增"].expansion == ["清理河道", "清理沟渠", "清理垃圾", "增加绿地", "增加停车位"]
    assert found["四个一"].expansion == ["一座体育馆", "一座图书馆", "一座文化馆", "一个城市公园"]
    assert found["四个一"].provenance == "document"
    assert found["两网融合"].expansion is None  # “与” joins a clause here, not two clean items
    assert found["三个优先"].expansion == ["就业优先", "教育优先", "健康优先"]
    assert found["四向发展"].expansion == ["东进", "西拓", "南延", "北控"]


def test_footnote_marker_inside_the_quotes_is_not_part_of_the_slogan():
    text = "围绕“五个率先[1]”目标。\n名词解释\n[1]“五个率先”：率先甲、率先乙、率先丙、率先丁、率先戊。"
    s = find_slogans(Report(text=text))[0]
    assert (s.text, text[s.start:s.end]) == ("五个率先", "五个率先")
    assert s.expansion == ["率先甲", "率先乙", "率先丙", "率先丁", "率先戊"]


def test_count_before_a_quoted_stem_and_lists_in_the_following_headings():
    text = ("紧扣六个“坚持不动摇”，奋力推进现代化建设。\n坚持创新引领不动摇\n坚持扩大内需不动摇\n"
            "坚持协调发展不动摇\n坚持生态优先不动摇\n坚持亲商安商不动摇\n坚持为民造福不动摇\n")
    s = slogans(text, year=2023)[0]
    assert s.text == "六个坚持不动摇" and text[s.start:s.end] == "六个“坚持不动摇"
    assert s.expansion[0] == "坚持创新引领不动摇" and len(s.expansion) == 6


def test_quoted_list_of_numbered_forms_is_one_mention_and_pairs_before_a_quote_are_read():
    found = slogans("深入推进“一个目标、三大举措”战略布局。", year=2020)
    assert [s.text for s in found] == ["一个目标、三大举措"] and found[0].expansion is None
    s = one("保持新增病例和确诊病例“双清零”记录。", "双清零", year=2020)
    assert s.expansion == ["新增病例", "确诊病例"]



def test_a_list_that_does_not_fit_the_numerals_is_not_used():
    s = one("推进“两城两谷两带”建设，一是打造稀金谷，二是建设产业城，三是发展家居产业带。", "两城两谷两带", year=2022)
    assert s.expansion is None
    assert one("“六稳”工作即将全面铺开。", "六稳", year=2020).provenance == "lexicon"  # 即将 is not 即


def test_names_that_stand_for_no_list_are_not_slogans():
    assert slogans("推进“一网通办”改革，打造“一村一品”，建设“一站式”平台。", year=2021) == []


def test_the_delivery_year_counts_for_the_wording():
    text = "协调推进“四个全面”战略布局。"
    assert one(text, "四个全面", year=2020, date="2021-01-20").expansion[0] == "全面建设社会主义现代化国家"
    assert one(text, "四个全面", year=2020).expansion[0] == "全面建成小康社会"
    assert one("全面落实“六保”任务。", "六保", year=2019, date="2020-05-22").expansion is not None


def test_province_is_read_off_the_text_when_meta_has_none_but_not_off_street_names():
    jiangxi = "江西省委部署，全省上下推进“五型”政府建设。江西各地积极行动，江西经验得到推广。"
    assert one(jiangxi, "五型政府", year=2019).scope == "江西省 2018-"
    nanjing = "湖南路商圈改造完成，湖南路步行街开街，湖南路夜市开张。推进“五型”政府建设。"
    assert one(nanjing, "五型政府", year=2019).expansion is None


def test_a_cue_at_one_mention_settles_the_others():
    text = "推进宅基地三权分置试点。\n年内深化三权分置改革。"
    found = [s for s in slogans(text, year=2021) if s.text == "三权分置"]
    assert len(found) == 2 and all(s.expansion == ["所有权", "资格权", "使用权"] for s in found)
    alone = one("深化三权分置改革。", "三权分置", year=2021)  # no cue anywhere: two readings tie
    assert alone.expansion is None and alone.alternatives == 2
    assert slogans("新修道路三公里。", year=2021) == []  # 三公 needs its cue (经费) when unquoted


def test_a_distinctive_regional_slogan_applies_wherever_it_is_quoted():
    s = one("学习借鉴“五水共治”经验。", "五水共治", province="福建省", year=2020)
    assert s.expansion[0] == "治污水" and s.scope == "浙江省 2014-"


# ---- definition forms on sentences of our own (none of them from a report) -----------------
@pytest.mark.parametrize("text, surface, items", [
    # the items written before the count, unquoted: A、B、C + N大/N重 + stem
    ("今年要统筹抓好稳增长、调结构、惠民生三大任务，确保经济运行在合理区间。", "三大任务",
     ["稳增长", "调结构", "惠民生"]),
    ("当前，要素成本上升、外部需求放缓、转型任务艰巨三重挑战交织叠加。", "三重挑战",
     ["要素成本上升", "外部需求放缓", "转型任务艰巨"]),
    ("我们也看到，土地约束、资金约束两重压力较大。", "两重压力", ["土地约束", "资金约束"]),
    ("力争数字经济、海洋经济、枢纽经济三大主攻方向取得新突破。", "三大主攻方向",
     ["数字经济", "海洋经济", "枢纽经济"]),
    # A、B和C before a quoted count
    ("全面落实产业招商、项目建设和营商环境“三个一”工作机制。", "三个一", ["产业招商", "项目建设", "营商环境"]),
    # “N个X”：a、b、c / ，即a、b / （a、b、c） / N个X：一是…二是…
    ("深入推进“四个聚力”：聚力产业升级、聚力城市更新、聚力乡村振兴、聚力民生改善。", "四个聚力",
     ["聚力产业升级", "聚力城市更新", "聚力乡村振兴", "聚力民生改善"]),
    ("扎实开展“两个提升”，即提升政务服务效能、提升基层治理水平。", "两个提升",
     ["提升政务服务效能", "提升基层治理水平"]),
    ("持续深化“三张清单”（权力清单、责任清单、负面清单）管理，规范行政权力运行。", "三张清单",
     ["权力清单", "责任清单", "负面清单"]),
    ("着力实施三个提升行动：一是提升产业能级，二是提升城市品质，三是提升治理效能。", "三个提升行动",
     ["提升产业能级", "提升城市品质", "提升治理效能"]),
    # ordinal lists, 简称, a glossary entry
    ("深化“一核三治”基层治理，一是党建引领，二是自治为基，三是法治德治并举。", "一核三治",
     ["党建引领", "自治为基", "法治德治并举"]),
    ("落实“三个一”：一条绿道；一座公园；一所学校。", "三个一", ["一条绿道", "一座公园", "一所学校"]),
    ("推进新型工业化、信息化、城镇化、农业现代化同步发展，简称“四化同步”。", "四化同步",
     ["新型工业化", "信息化", "城镇化", "农业现代化"]),
    ("实施“三大行动”。\n注释\n1.“三大行动”：（1）甲乙行动；（2）丙丁行动；（3）戊己行动。", "三大行动",
     ["甲乙行动", "丙丁行动", "戊己行动"]),
    # the report's own list beats the lexicon's
    ("持续打好三大攻坚战：一是防范化解债务风险，二是巩固脱贫成果，三是深化污染防治。", "三大攻坚战",
     ["防范化解债务风险", "巩固脱贫成果", "深化污染防治"]),
])
def test_definition_forms_on_new_sentences(text, surface, items):
    found = [s for s in slogans(text, year=2021, province="某省") if s.text == surface]
    assert found and all(s.expansion == items and s.provenance == "document" for s in found)
    assert all(text[s.start:s.end] == surface for s in found)


def test_a_later_mention_reuses_the_definition_of_an_earlier_one():
    text = ("深入推进“四个聚力”：聚力产业升级、聚力城市更新、聚力乡村振兴、聚力民生改善。\n"
            "全区上下围绕“四个聚力”狠抓落实，“四个聚力”之下还将办好民生实事12件。")
    found = [s for s in slogans(text, year=2024) if s.text == "四个聚力"]
    assert len(found) == 3 and all(s.expansion and len(s.expansion) == 4 for s in found)


@pytest.mark.parametrize("text, surface", [
    ("推进“三个聚力”：聚力产业升级、聚力城市更新。", "三个聚力"),             # 2 items for 三
    ("稳增长、防风险三大任务依然繁重。", "三大任务"),                          # 2 items before 三
    ("实施“两大工程”：一是建设数字乡村，二是建设智慧社区，三是建设绿色园区。", "两大工程"),  # 3 for 两
    ("深入实施“四个聚焦”工程，推动高质量发展。", "四个聚焦"),                    # never spelled out
])
def test_a_list_of_the_wrong_size_or_none_leaves_the_expansion_null(text, surface):
    s = one(text, surface, year=2021, province="某省")
    assert s.expansion is None and s.provenance is None


@pytest.mark.parametrize("text", [
    "东城区、西城区、南城区三个城区同步推进老旧小区改造。",
    "电子信息、装备制造两大主导产业产值增长12%。",
    "钢铁、建材、化工三大类产品产量下降。",
    "地区生产总值、财政收入、固定资产投资三项指标增速居全市第一。",
    "实质性开工、结构性封顶、设备安装、投入运营四个关键节点全部按期完成。",
    "全县新建三所幼儿园，实施两个项目，第三产业占比提高一个百分点。",
    "精心办好“五五购物节”，消费持续回暖。",
    "新建“三所幼儿园”。",
])
def test_counts_of_ordinary_things_are_not_slogans_even_with_their_items_listed(text):
    assert slogans(text, year=2021, province="某省") == []


def test_a_list_glued_to_the_next_line_by_normalisation_is_cut_at_the_old_line_break():
    """Infographic summaries put one item per line; normalisation re-joins short lines, so the
    last item would run on into the next line without the raw line break."""
    from govnlp.pipeline import parse_text

    raw = ("某市2024年政府工作报告要点\n2024年这样干\n"
           "全力实施“四个聚力”：聚力产业升级、聚力城市更新、聚力乡村振兴、聚力民生改善\n"
           "新开工重点项目300个以上，完成投资800亿元以上\n“四个聚力”之下，今年还将办好民生实事12件。\n")
    report = parse_text(raw, indicators="none")
    found = [s for s in report.slogans if s.text == "四个聚力"]
    assert len(found) == 2
    assert all(s.expansion == ["聚力产业升级", "聚力城市更新", "聚力乡村振兴", "聚力民生改善"] for s in found)
    # the same text without the break information: the run-on list does not fit, nothing is guessed
    bare = Report(text=report.text, meta=report.meta)
    assert all(s.expansion is None for s in find_slogans(bare) if s.text == "四个聚力")


def test_lexicon_readings_keep_their_period_and_names_without_a_list_are_not_reported():
    assert one("三重压力仍然较大。", "三重压力", year=2023).expansion == ["需求收缩", "供给冲击", "预期转弱"]
    assert not [s for s in slogans("三重压力仍然较大。", year=2019) if s.expansion]  # before 2022
    s = one("用好“五个战略性有利条件”。", "五个战略性有利条件", year=2022)
    assert s.expansion[0] == "有中国共产党的坚强领导" and s.provenance == "lexicon"
    found = slogans("完整准确全面贯彻新发展理念，推行“最多跑一次”改革，践行五大发展理念。", year=2021)
    assert [s.text for s in found] == ["五大发展理念"]


# ---- a user lexicon ------------------------------------------------------------------------
def test_user_lexicon_adds_readings_but_not_over_the_report():
    text = (DATA / "glossary_report.txt").read_text("utf-8").replace("注释", "坚持“五个坚持”。\n注释")
    report = Report(text=text, meta=Meta(year=2021, province="某省"))
    found = {s.text: s for s in find_slogans(report, lexicon=str(DATA / "user_lexicon.jsonl"))}
    assert found["五个坚持"].expansion == ["坚持一", "坚持二", "坚持三", "坚持四", "坚持五"]
    assert found["五个坚持"].scope == "某省 2020-"
    assert found["三清两增"].provenance == "document"  # the report's glossary still wins
    assert found["两网融合"].expansion == ["政务服务网", "城市治理网"]
    assert next(s for s in find_slogans(report) if s.text == "五个坚持").expansion is None


def test_missing_user_lexicon_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match="E021"):
        find_slogans(Report(text="六稳"), lexicon=str(DATA / "nope.jsonl"))


# ---- the pipeline, seed 003, the CLI and the schema -----------------------------------------
@pytest.fixture(scope="module")
def seed003():
    import govnlp

    return govnlp.parse_report(SEED_003, indicators="none")


def test_seed003_every_glossary_entry_defines_the_slogans_it_names(seed003):
    """Each of the 30 注释 entries is read; the 17 that name slogans (guideline 4.1: a count of
    items, a spelled-out code, an abbreviation) give every mention of that slogan its document
    definition; the others name campaigns, services, places or institutions, or count ordinary
    things (1: 四个老城区, the four old districts), and are not slogans."""
    if len(seed003.glossary) != 30:
        pytest.skip("the outline stage does not give seed 003's 30 glossary entries yet")
    lex = load_lexicon()
    defs = document_definitions(seed003)
    assert {d.entry for d in defs if d.entry is not None} == set(range(30))
    by_text = {}
    for s in seed003.slogans:
        by_text.setdefault(s.text, []).append(s)
    not_slogans = set()
    for k, entry in enumerate(seed003.glossary):
        for d in (d for d in defs if d.entry == k):
            used = [s for name in [d.key] + d.forms for s in by_text.get(name, [])]
            if not names_a_slogan(d, lex):
                not_slogans.add(entry.number)
                assert not used, f"entry {entry.number} {entry.term} is not a slogan"
                continue
            assert used, f"entry {entry.number} {entry.term} is used by no slogan"
            assert all(s.provenance == "document" and s.definition == d.definition for s in used)
            assert [s for s in used if s.start < entry.start], f"{entry.term}: no mention in the body"
    # four districts (a count), campaign names (大干项目年), services, places, institutions,
    # a project code (03专项), 一区一品
    assert not_slogans == {"1", "3", "4", "5", "7", "8", "9", "12", "22", "25", "26", "28", "29"}
    assert len(seed003.glossary) - len(not_slogans) == 17


def test_seed003_expansions(seed003):
    found = {s.text: s for s in seed003.slogans}
    assert found["五型政府"].expansion == ["忠诚型", "创新型", "担当型", "服务型", "过硬型"]
    assert found["五率"].expansion == ["报名率", "上站率", "合格率", "择优率", "退兵率"]
    assert found["四个零"].expansion == ["零非访", "零滞留", "零事故", "零倒流"]
    assert found["五位一体"].expansion == ["公安特警", "武警", "协警", "公安派出所", "内保单位"]
    assert found["四个意识"].provenance == "lexicon"
    assert found["3+5+X"].expansion[:3] == ["都市工业", "总部楼宇（园区）", "文化产业"]
    assert "12345" not in found and "十三五" not in found and "两个派出所" not in found


def test_report_with_slogans_validates_against_the_schema(seed003):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path("/work/shared/design/report.schema.json")
    if not schema_path.exists():
        pytest.skip("schema not available")
    jsonschema.validate(seed003.to_dict(), json.loads(schema_path.read_text("utf-8")))


def test_cli_lists_slogans_as_json_lines(capsys):
    assert slogans_main([str(DATA / "glossary_report.txt"), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"三清两增", "六稳", "放管服"} <= {r["text"] for r in rows}
    assert all(set(r) >= {"text", "start", "end", "expansion", "provenance", "scope", "alternatives"} for r in rows)
