"""Task plans: numbered items with the units that lead and support them."""
from __future__ import annotations

import pytest

from govnlp.report import Indicator, Meta, Report
from govnlp.tasks import extract_tasks, looks_like_task_plan



def tasks_of(text: str, doc_type: str = "task_plan", indicators=()):
    return extract_tasks(Report(text=text, meta=Meta(doc_type=doc_type), indicators=list(indicators)))


@pytest.fixture(scope="module")
def seed004(parsed_seeds):
    return parsed_seeds["004"]


def test_seed_004_has_72_tasks_in_order(seed004):
    assert seed004.meta.doc_type == "task_plan"
    assert [t.number for t in seed004.tasks] == [str(i) for i in range(1, 73)]


@pytest.mark.parametrize("number, lead, support", [
    ("1", ["区科技局", "高新区管委会"], []),
    ("2", ["区科技局", "高新区管委会"], ["区相关部门", "街道", "板块"]),
    ("5", ["区发改委"], ["区科技局"]),
    ("35", ["鼓楼生态环境局", "交警五大队", "交警六大队"], []),
    ("50", ["区民政局", "鼓楼消防大队"], []),
    ("61", ["区金融监管局"], ["鼓楼公安分局", "市场监管局", "各街道", "板块"]),
    ("72", ["区财政局"], ["各部门", "街道", "板块"]),
])
def test_seed_004_units(seed004, number, lead, support):
    task = next(t for t in seed004.tasks if t.number == number)
    assert (task.lead, task.support) == (lead, support)


def test_seed_004_text_and_spans(seed004):
    text = seed004.text
    by_number = {t.number: t for t in seed004.tasks}
    assert by_number["11"].text == "地区生产总值增长7%。"
    assert text[by_number["2"].start:].startswith("2.")
    # a multi-line item keeps its continuation lines and stops before the next heading
    t25 = by_number["25"]
    assert "完善智梦园信息" in text[t25.start:t25.end] and "打造5G产业集聚区" in t25.text
    assert "三、" not in text[by_number["24"].start:by_number["24"].end]
    assert "推荐访问" not in text[by_number["72"].start:by_number["72"].end]
    assert all(t.lead for t in seed004.tasks)  # every item of this plan names a lead unit
    assert all("主办" not in t.text for t in seed004.tasks)


def test_seed_004_indicators_are_linked_to_their_items(seed004):
    linked = [i for t in seed004.tasks for i in t.indicators]
    assert linked and len(linked) == len(set(linked))
    for t in seed004.tasks:
        for i in t.indicators:
            span = seed004.indicators[i].spans["value"] or seed004.indicators[i].spans["change"]
            assert t.start <= span[0] and span[1] <= t.end
    gdp = next(t for t in seed004.tasks if t.number == "11")  # 地区生产总值增长7%。
    assert [seed004.indicators[i].change.value for i in gdp.indicators] == [7.0]


def test_seed_004_report_matches_the_json_schema(seed004):
    import json
    from importlib import resources

    import jsonschema
    schema = json.loads(resources.files("govnlp.data").joinpath("report.schema.json").read_text("utf-8"))
    jsonschema.validate(seed004.to_dict(), schema)


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_the_other_seeds_have_no_tasks(parsed_seeds, key):
    assert parsed_seeds[key].meta.doc_type != "task_plan"
    assert parsed_seeds[key].tasks == []


def test_numbered_items_without_units_are_not_a_task_plan():
    text = "三、2021年重点工作\n" + "".join(f"{i}.推进第{i}项重点工程建设，确保按期完成。\n" for i in range(1, 9))
    assert not looks_like_task_plan(text)
    assert tasks_of(text, doc_type="work_report") == []


def test_unit_parentheses_make_a_task_plan_even_without_the_meta_label():
    text = "".join(f"{i}.完成第{i}项改造任务。（区建设局主办，各街道协办）\n" for i in range(1, 7))
    assert looks_like_task_plan(text)
    tasks = tasks_of(text, doc_type="other")
    assert len(tasks) == 6 and tasks[0].lead == ["区建设局"] and tasks[0].support == ["各街道"]


def test_labelled_units_on_their_own_line():
    text = ("一、稳增长\n"
            "1.全年地区生产总值增长6.2%左右。\n牵头单位：县发改委；责任单位：县统计局、各乡镇\n"
            "2.新开工亿元以上项目30个。\n牵头单位：县发改委、县投促中心\n配合单位：县自然资源局\n"
            "3.城镇调查失业率控制在5.5%以内。（责任单位：县人社局）\n")
    tasks = tasks_of(text)
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("1", ["县发改委"], ["县统计局", "各乡镇"]),
        ("2", ["县发改委", "县投促中心"], ["县自然资源局"]),
        ("3", ["县人社局"], []),
    ]
    assert tasks[0].text == "全年地区生产总值增长6.2%左右。"


@pytest.mark.parametrize("units, lead, support", [
    ("牵头单位：区发改委 配合单位：区财政局、区统计局", ["区发改委"], ["区财政局", "区统计局"]),
    ("（责任领导：张三；牵头单位：区发改委；责任单位：区财政局）", ["区发改委"], ["区财政局"]),
    ("（区民政局负责）", ["区民政局"], []),
    ("（区卫健委主办，区医保局、各街道参与）", ["区卫健委"], ["区医保局", "各街道"]),
])
def test_unit_clause_styles(units, lead, support):
    task = tasks_of(f"1.完成养老服务中心建设。{units}\n")[0]
    assert (task.lead, task.support, task.text) == (lead, support, "完成养老服务中心建设。")


def test_responsible_units_with_a_marked_lead():
    tasks = tasks_of("1.推进老旧小区改造。（责任单位：区财政局、区住建局（牵头）、各街道）\n")
    assert (tasks[0].lead, tasks[0].support) == (["区住建局"], ["区财政局", "各街道"])


def test_responsible_units_alone_all_lead():
    tasks = tasks_of("1.完成普法规划启动任务。责任单位：县司法局、县委宣传部。\n")
    assert (tasks[0].lead, tasks[0].support) == (["县司法局", "县委宣传部"], [])


def test_closing_paragraph_and_signature_are_not_part_of_the_last_item():
    text = ("1.新建公办幼儿园5所。\n牵头单位：县教育局；责任单位：各乡镇。\n"
            "2.改造老旧小区28个。牵头单位：县住建局。\n"
            "各乡镇、各部门要按照任务分工，细化工作措施，确保按期完成。\n某县人民政府办公室\n2021年2月26日\n")
    tasks = tasks_of(text)
    assert [(t.lead, t.support) for t in tasks] == [(["县教育局"], ["各乡镇"]), (["县住建局"], [])]
    assert text[tasks[1].start:tasks[1].end] == "2.改造老旧小区28个。牵头单位：县住建局。"
    assert text[tasks[0].start:tasks[0].end].endswith("责任单位：各乡镇。")


def test_lead_and_support_words_in_one_clause():
    tasks = tasks_of("1.建成智慧停车平台。（区城管局牵头，区公安分局、区大数据中心配合）\n")
    assert (tasks[0].lead, tasks[0].support) == (["区城管局"], ["区公安分局", "区大数据中心"])
    assert tasks[0].text == "建成智慧停车平台。"


def test_flattened_table():
    text = ("2023年重点工作任务分解表\n"
            "序号 | 重点任务 | 牵头单位 | 配合单位\n"
            "1 | 新增城镇就业1.2万人 | 市人社局 | 各县区政府\n"
            "2 | 完成造林绿化5万亩 | 市林业局 | 市自然资源局、市水利局\n"
            "3 | 建成5G基站800个 | 市工信局 |\n")
    tasks = tasks_of(text)
    assert [(t.number, t.text, t.lead, t.support) for t in tasks] == [
        ("1", "新增城镇就业1.2万人", ["市人社局"], ["各县区政府"]),
        ("2", "完成造林绿化5万亩", ["市林业局"], ["市自然资源局", "市水利局"]),
        ("3", "建成5G基站800个", ["市工信局"], []),
    ]


def test_table_with_one_cell_per_line():
    text = ("重点任务责任分工表\n序号\n重点任务\n牵头领导\n牵头单位\n配合单位\n"
            "1\n全年新增城镇就业1.2万人\n王某\n市人社局\n各县区政府\n"
            "2\n完成造林绿化5万亩\n李某\n市林业局\n市自然资源局、市水利局\n")
    tasks = tasks_of(text)
    assert [(t.number, t.text, t.lead, t.support) for t in tasks] == [
        ("1", "全年新增城镇就业1.2万人", ["市人社局"], ["各县区政府"]),
        ("2", "完成造林绿化5万亩", ["市林业局"], ["市自然资源局", "市水利局"]),
    ]
    assert text[tasks[1].start:tasks[1].end].startswith("2\n完成造林")


def test_sub_items_stay_inside_their_task():
    text = ("1.实施三项工程：\n（1）建成产业园一期。\n（2）新增企业20家。\n（区发改委牵头，区商务局配合）\n"
            "2.推进老旧小区改造。（区住建局牵头）\n")
    tasks = tasks_of(text)
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("1", ["区发改委"], ["区商务局"]), ("2", ["区住建局"], [])]
    assert "新增企业20家" in tasks[0].text


def test_indicators_inside_an_item_are_linked():
    text = "1.地区生产总值增长7%。（区发改委主办）\n2.一般公共预算收入增长5%。（区财政局主办）\n"
    gdp = Indicator(name="地区生产总值", spans={"name": [2, 8], "value": None, "change": [8, 12]})
    rev = Indicator(name="一般公共预算收入", spans={"name": [28, 36], "value": [38, 40], "change": None})
    tasks = tasks_of(text, indicators=[gdp, rev])
    assert [t.indicators for t in tasks] == [[0], [1]]


@pytest.mark.parametrize("clause, lead", [
    ("县财政局和县税务局牵头", ["县财政局", "县税务局"]),
    ("区委宣传部及区文明办牵头", ["区委宣传部", "区文明办"]),
    ("县住房和城乡建设局牵头", ["县住房和城乡建设局"]),
    ("县人力资源和社会保障局、县文化和旅游局牵头", ["县人力资源和社会保障局", "县文化和旅游局"]),
])
def test_units_joined_by_he_are_split_only_between_whole_names(clause, lead):
    assert tasks_of(f"1.推进重点工作。（{clause}）\n")[0].lead == lead


def test_decimals_are_not_item_numbers():
    tasks = tasks_of("1.新增就业1.5万人。（区人社局主办）\n2.完成投资3.2亿元。（区发改委主办）\n")
    assert [t.number for t in tasks] == ["1", "2"]


# ---- task plans as they come on real pages ------------------------------------------------
def _parsed(name):
    import govnlp
    from pathlib import Path

    return govnlp.parse_report(Path("tests/data/reports") / name, indicators="none", slogans=False)


def test_a_table_flattened_one_cell_per_line_gives_one_task_per_row():
    r = _parsed("taskplan_table.txt")
    assert r.meta.doc_type == "task_plan"
    assert [(t.number, t.lead, t.support) for t in r.tasks] == [
        ("1", ["县交通运输局"], ["县发改委", "县自然资源局"]),
        ("2", ["县住建局"], ["各乡镇人民政府"]),
        ("3", ["县农业农村局"], ["县财政局", "县水利局"]),
        ("4", ["县政务服务中心"], ["县直各部门"]),
        ("5", ["县城管局"], []),  # the last row has no 配合单位 cell
    ]
    # a task cell wrapped over two lines stays one cell
    assert r.tasks[0].text.startswith("加快建设县城综合交通枢纽，完善客运换乘功能")
    assert [s.title for s in r.sections] == ["某某县2024年政府工作报告重点任务分解表"]


def test_blocks_of_numbered_tasks_with_unit_lines_give_tasks():
    r = _parsed("taskplan_blocks_banner.txt")
    assert [(t.number, t.lead, t.support) for t in r.tasks] == [
        ("一", ["旗发改委", "旗财政局"], []),            # only 责任单位: they lead
        ("二", ["旗发改委"], ["旗工信局", "旗商务局"]),   # 牵头单位：…；配合单位：… on one line
        ("三", ["旗工信局"], ["旗科技局", "旗市场监管局"]),  # … and on two lines
        ("四", ["旗人社局"], ["旗财政局"]),              # 责任单位 with one marked （牵头）
        ("五", ["旗教育局"], ["旗住建局", "旗自然资源局"]),  # 协办单位 support
    ]
    assert r.tasks[0].text == "全旗地区生产总值增长6%左右，一般公共预算收入增长5%。"


def test_cn_numbered_blocks_inline_with_their_units():
    text = ("（一）推进老旧小区改造，完成改造小区20个。（责任单位：区住建局）\n"
            "（二）新建城市书房5个。（牵头单位：区文旅局；配合单位：各街道）\n")
    tasks = tasks_of(text)
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("一", ["区住建局"], []), ("二", ["区文旅局"], ["各街道"])]


def test_a_table_with_tab_separated_cells_keeps_its_rows():
    import govnlp

    text = ("某某区2023年重点工作任务分解表\n序号\t工作任务\t牵头单位\t配合单位\n"
            "1\t推进老旧小区改造，完成改造小区15个\t区住建局\t各街道\n"
            "2\t新建城市书房5个\t区文旅局\t区教育局、区财政局\n"
            "3\t新增城镇就业8000人\t区人社局\t各街道\n")
    r = govnlp.parse_report(text, indicators="none", slogans=False)
    assert [(t.number, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "推进老旧小区改造，完成改造小区15个", ["区住建局"], ["各街道"]),
        ("2", "新建城市书房5个", ["区文旅局"], ["区教育局", "区财政局"]),
        ("3", "新增城镇就业8000人", ["区人社局"], ["各街道"])]


def test_a_table_cut_by_a_page_break_goes_on_after_its_repeated_header():
    r = _parsed("taskplan_table_two_pages.txt")
    assert [(t.number, t.lead, t.support) for t in r.tasks] == [
        ("1", ["区教育局"], ["区住建局", "区财政局"]), ("2", ["区住建局"], ["各街道"]),
        ("3", ["区城管局"], ["区公安分局交警大队"]), ("4", ["区民政局"], ["区卫健委", "各街道"])]
    assert [s.title for s in r.sections] == ["某某区2024年民生实事项目任务分解表"]
    assert [r.text[b.start:b.end] for b in r.boilerplate] == ["- 1 -", "- 2 -"]


def test_a_table_with_cells_split_by_single_spaces_and_wrapped_rows():
    import govnlp

    text = ("某某区2023年重点工作任务分解表\n序号 工作任务 牵头单位 配合单位\n"
            "1 推进老旧小区改造，完成改造小区15个 区住建局 各街道\n"
            "2 新建城市书房5个，打造15分钟阅读圈 区文旅局 区教育局、\n区财政局\n"
            "3 新增城镇就业8000人以上，\n城镇调查失业率控制在5.5%以内 区人社局 各街道\n"
            "4 完成固定资产投资增长8% 区发改委\n")
    r = govnlp.parse_report(text, indicators="none", slogans=False)
    assert [(t.number, t.text, t.lead, t.support) for t in r.tasks] == [
        ("1", "推进老旧小区改造，完成改造小区15个", ["区住建局"], ["各街道"]),
        ("2", "新建城市书房5个，打造15分钟阅读圈", ["区文旅局"], ["区教育局", "区财政局"]),
        ("3", "新增城镇就业8000人以上，城镇调查失业率控制在5.5%以内", ["区人社局"], ["各街道"]),
        ("4", "完成固定资产投资增长8%", ["区发改委"], [])]


# ---- tables and unit lines as real plans lay them out (issue 11 item 6; our own text) ------------
def _plan(text):
    import govnlp

    return govnlp.parse_report(text, indicators="none", slogans=False)


def _units(report):
    return [(t.number, t.lead, t.support) for t in report.tasks]


_CELL_TABLE_WITH_DEADLINES = """某某区2025年重点工作任务分解表
序号
重点工作任务
牵头单位
配合单位
完成时限
1
新建社区食堂12个，推动助餐服务向
农村延伸
区民政局
区财政局、区市场监管
局、各街道
2025年10月
2
改造提升农贸市场5个
区商务局
2025年6月
3
完善公共文化服务，建设城市书房8家，开展送
戏下乡演出120场
区文旅局
区教育局
2025年12月
— 2 —
序号
重点工作任务
牵头单位
配合单位
完成时限
4
整治城区积水点20处，完成雨污分流管网改
造15公里
区住建局、区水务局
各街道
2025年9月
5
开展校园周边交通秩序专项整治
区公安分局
区教育局、区城管局
长期坚持
"""


def test_a_cell_per_line_table_with_a_deadline_column_and_wrapped_cells():
    r = _plan(_CELL_TABLE_WITH_DEADLINES)
    assert _units(r) == [
        ("1", ["区民政局"], ["区财政局", "区市场监管局", "各街道"]),  # a unit wrapped inside its name
        ("2", ["区商务局"], []),  # no 配合单位 cell: the deadline follows the lead
        ("3", ["区文旅局"], ["区教育局"]),
        ("4", ["区住建局", "区水务局"], ["各街道"]),  # after a page break and the repeated header
        ("5", ["区公安分局"], ["区教育局", "区城管局"]),
    ]
    assert r.tasks[0].text == "新建社区食堂12个，推动助餐服务向农村延伸"


_PROGRESS_TABLE = """某某县2025年政府工作报告重点任务上半年完成情况
序号
重点任务
责任单位
完成情况
一、产业发展
1
新培育专精特新企业15家
县经信局（牵头）、县科
技局
已认定专精特新企业9家，另有4家正在公
示，完成年度目标的60%。
2
建成冷链物流园一期
县商务局
主体工程已完工，冷库设备正在安装调试，
预计8月底投入运营。
二、社会事业
3
新增普惠性托位300个
县卫健局（牵头）、县教育局、各
乡镇
新增托位180个，2所托育机构正在装修。
4
完成农村危房改造100户
县住建局、县民政局
已开工改造92户，竣工61户。
5
城镇新增就业3000人
县人社局
城镇新增就业1720人，完成年度目标的57.3%。
下一步，县政府督查室将对进度滞后的任务挂牌督办，确保全年目标任务圆满完成，并将完成情况纳入年度考核。
"""


def test_a_progress_table_with_marked_leads_and_a_long_progress_column():
    r = _plan(_PROGRESS_TABLE)
    assert _units(r) == [
        ("1", ["县经信局"], ["县科技局"]),  # the unit marked （牵头） leads, the rest support
        ("2", ["县商务局"], []),
        ("3", ["县卫健局"], ["县教育局", "各乡镇"]),
        ("4", ["县住建局", "县民政局"], []),  # no mark: all of them lead
        ("5", ["县人社局"], []),
    ]
    # group rows between rows are no part of a task; the closing paragraph ends the last row
    assert "二、社会事业" not in r.text[r.tasks[1].start:r.tasks[1].end]
    assert r.tasks[-1].end < r.text.index("下一步")


_SPACED_WORD_TABLE = (
    "某某市2025年重点工作任务分工表\n"
    "序号\t任务\t牵头单位\t配合单位\n"
    "1\t推进老旧厂区改造，建设创意园区2个\t市住建局\t市文旅局、市财政局\n"
    "2    开展河湖清四乱专项行动    市水利局    市生态环境局\n"
    "3    实施中小学课后服务提质行动，\n"
    "覆盖全部义务教育学校    市教育局    各区县人民政府\n"
    "4\t推进政务数据共享\t市数据局\t市直各部门、\n"
    "各区县人民政府\n"
    "5\t建设智慧停车平台\t市城管局\t市公安局交警支队\n"
)


def test_a_word_table_with_runs_of_spaces_and_wrapped_rows():
    r = _plan(_SPACED_WORD_TABLE)
    assert _units(r) == [
        ("1", ["市住建局"], ["市文旅局", "市财政局"]),
        ("2", ["市水利局"], ["市生态环境局"]),
        ("3", ["市教育局"], ["各区县人民政府"]),  # the task cell wrapped onto a second line
        ("4", ["市数据局"], ["市直各部门", "各区县人民政府"]),  # the support cell wrapped
        ("5", ["市城管局"], ["市公安局交警支队"]),
    ]


def test_a_unit_line_is_not_joined_with_the_closing_paragraph():
    r = _plan("某某县2025年重点工作责任分工方案\n"
              + "".join(f"{n}.推进第{n}项重点工作，按期完成年度任务。\n责任单位：县发改局（牵头），县财政局，县直各单位\n"
                        for n in range(1, 6))
              + "各责任单位要于每季度末报送工作进展，县政府督查室适时开展督查。\n")
    assert _units(r)[-1] == ("5", ["县发改局"], ["县财政局", "县直各单位"])


def test_cells_of_a_row_fit_their_columns():
    from govnlp.tasks import _fit_lines

    columns = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    # a task text wrapped at its column width; no 配合单位 cell
    assert _fit_lines(columns, ["推进城乡供水一体化，新建水厂", "1座", "县水利局", "2025年底前"]) == [
        "推进城乡供水一体化，新建水厂1座", "县水利局", "", "2025年底前"]
    # the last line of the text is no unit: a text ending in 个 before 县城管局
    assert _fit_lines(columns, ["新增公共停车泊位1000", "个", "县城管局", "县公安局", "2025年12月"]) == [
        "新增公共停车泊位1000个", "县城管局", "县公安局", "2025年12月"]


def test_units_named_in_a_bare_sentence_without_brackets_or_labels():
    text = "".join(f"{n}.建设第{n}批口袋公园，年底前建成开放。\n区园林局牵头，区城管局、各街道配合。\n" for n in range(1, 4))
    text += "4.推进背街小巷改造，完成年度任务。区住建局、区城管局负责\n"
    tasks = tasks_of(text)
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("1", ["区园林局"], ["区城管局", "各街道"]),
        ("2", ["区园林局"], ["区城管局", "各街道"]),
        ("3", ["区园林局"], ["区城管局", "各街道"]),
        ("4", ["区住建局", "区城管局"], []),
    ]
    assert tasks[3].text == "推进背街小巷改造，完成年度任务。"


def test_a_markdown_table_with_a_rule_under_its_header():
    rows = "".join(f"| {n} | 建设第{n}个社区服务站 | 区民政局 | 各街道 |\n" for n in range(1, 6))
    tasks = tasks_of("| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n" + rows)
    assert [(t.number, t.lead, t.support) for t in tasks] == [(str(n), ["区民政局"], ["各街道"]) for n in range(1, 6)]
    assert tasks[0].text == "建设第1个社区服务站"


def test_other_names_of_the_roles_and_a_leader_column():
    rows = "".join(f"{n}\n完成第{n}批危旧房改造\n王副区长\n区住建局\n区财政局、各街道\n" for n in range(1, 6))
    tasks = tasks_of("序号\n重点任务\n责任领导\n主责部门\n协同部门\n" + rows)
    # the 责任领导 column names a person, not a unit
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        (str(n), ["区住建局"], ["区财政局", "各街道"]) for n in range(1, 6)]
    assert tasks[0].text == "完成第1批危旧房改造"


def test_a_signature_after_the_last_row_is_no_cell():
    rows = "".join(f"{n}\n修缮第{n}处文物保护单位\n县文旅局\n县财政局\n2025年{n + 5}月底前\n" for n in range(1, 6))
    r = _plan("某某县2025年重点任务清单\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n" + rows
              + "某某县人民政府办公室\n2025年3月2日\n")
    assert _units(r)[-1] == ("5", ["县文旅局"], ["县财政局"])
    assert r.text[r.tasks[-1].start:r.tasks[-1].end].endswith("2025年10月底前")


def test_a_header_cell_wrapped_over_two_lines_and_a_unit_name_wrapped_mid_name():
    rows = "".join(f"{n}\n开展第{n}轮老旧管网排查，\n同步整改安全隐患\n排查管网{n * 10}公里\n"
                   f"某某市住房和城乡建\n设局\n某某市水务局、\n各区政府\n" for n in range(1, 6))
    tasks = tasks_of("序号\n工作\n任务\n目标\n牵头\n单位\n配合\n单位\n" + rows)
    # 工作/任务 and 牵头/单位 are one header cell each; 设局 finishes the name on the line before
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        (str(n), ["某某市住房和城乡建设局"], ["某某市水务局", "各区政府"]) for n in range(1, 6)]
    assert tasks[0].text == "开展第1轮老旧管网排查，同步整改安全隐患；排查管网10公里"


def test_a_lone_name_suffix_is_never_a_unit_cell_of_its_own():
    rows = "".join(f"{n}\n新建第{n}座污水泵站\n泵站投运\n县城乡供水\n中心\n" for n in range(1, 6))
    tasks = tasks_of("序号\n重点任务\n目标\n牵头单位\n配合单位\n" + rows)
    assert {(tuple(t.lead), tuple(t.support)) for t in tasks} == {(("县城乡供水中心",), ())}


def test_units_after_a_semicolon_keep_the_label_before_them():
    text = "".join(f"{n}.整治第{n}批低效用地，盘活存量土地。(责任单位:县自然资源局;县财政局)\n" for n in range(1, 6))
    assert {(tuple(t.lead), tuple(t.support)) for t in tasks_of(text)} == {(("县自然资源局", "县财政局"), ())}


def test_and_between_a_bank_and_the_next_unit():
    text = "".join(f"{n}.扩大第{n}类普惠贷款投放。（县金融办牵头，人民银行某某县支行及各商业银行配合）\n"
                   for n in range(1, 6))
    assert tasks_of(text)[0].support == ["人民银行某某县支行", "各商业银行"]


_PROGRESS = """某某县2024年重点任务落实情况的通报
一、主要指标
序号
重点任务
责任单位
进展情况
1
粮食产量稳定在20万吨
县农业农村局
夏粮已收获8.1万吨
2
新增规上企业10家
县经信局（牵头）、县统计局
已新增6家
3
城镇新增就业3000人
县人社局
已完成2400人
二、重点工作
4.建设县域物流中心。
年度目标：主体工程完工。
完成情况：已完成主体工程的七成。
存在问题：设备采购进度偏慢。
下步措施：倒排工期，加快设备招标。
牵头单位：县商务局；配合单位：县交通运输局
5.推进农村供水保障。
年度目标：新建供水管网30公里。
完成情况：已建成22公里。
责任单位：县水利局（牵头）、各乡镇人民政府
6.提升全民健身设施。
年度目标：新建健身步道10公里。
完成情况：已建成6公里。
牵头单位：县文体局
三、下步要求
各责任单位要对照目标抓好落实，确保按期完成。
"""


def test_a_progress_report_with_a_table_then_items_that_go_on_with_its_numbering():
    tasks = tasks_of(_PROGRESS, doc_type="other")
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("1", ["县农业农村局"], []),
        ("2", ["县经信局"], ["县统计局"]),
        ("3", ["县人社局"], []),
        ("4", ["县商务局"], ["县交通运输局"]),
        ("5", ["县水利局"], ["各乡镇人民政府"]),
        ("6", ["县文体局"], []),
    ]
    # the field lines (年度目标：/完成情况：…) stay inside the item; the closing request does not
    four = tasks[3]
    assert "下步措施" in _PROGRESS[four.start:four.end]
    assert "各责任单位要" not in _PROGRESS[tasks[-1].start:tasks[-1].end]
    assert looks_like_task_plan(_PROGRESS)


def test_items_that_do_not_go_on_with_the_table_numbering_are_left_out():
    text = _PROGRESS.replace("4.建设", "1.建设").replace("5.推进", "2.推进").replace("6.提升", "3.提升")
    assert [t.number for t in tasks_of(text)] == ["1", "2", "3"]


def test_a_separator_inside_brackets_does_not_split_a_unit():
    rows = "".join(f"{n}\n修缮第{n}批农村公路\n完成投资{n}亿元\n某某市交通运输局\n各县（市、区）政府、某某市财政局\n"
                   for n in range(1, 6))
    tasks = tasks_of("序号\n工作任务\n目标\n牵头单位\n配合单位\n" + rows)
    assert tasks[0].support == ["各县（市、区）政府", "某某市财政局"]
    text = "".join(f"{n}.整治第{n}批河道。（某某市水利局牵头，各县（市、区）人民政府配合）\n" for n in range(1, 6))
    assert tasks_of(text)[0].support == ["各县（市、区）人民政府"]


def test_a_task_cell_and_a_target_cell_both_wrapped():
    from govnlp.tasks import _fit_lines

    columns = ["序号", "工作任务", "目标", "牵头单位", "配合单位"]
    # the task's last line could open the 目标 cell: it stays with the task, the longer column
    assert _fit_lines(columns, ["推进城区雨污分流改造，同步更新", "老旧管网和泵站设施", "改造管网120公里", "县住建局", "县水务局"]) == [
        "推进城区雨污分流改造，同步更新老旧管网和泵站设施", "改造管网120公里", "县住建局", "县水务局"]
    # a lone tail (元) finishes the 目标 cell, it does not stand as the cell itself
    assert _fit_lines(columns, ["加大招商引资力度，办好推介活动", "引进外资5亿美", "元", "县商务局", "县投促中心"]) == [
        "加大招商引资力度，办好推介活动", "引进外资5亿美元", "县商务局", "县投促中心"]


def test_a_field_label_may_name_its_period():
    text = "".join(f"{n}.建设第{n}个口袋公园。\n年度目标：年底前建成开放。\n1—9月完成情况：已完成绿化种植。\n"
                   f"牵头单位：县城管局；配合单位：县住建局\n" for n in range(1, 6))
    assert {(tuple(t.lead), tuple(t.support)) for t in tasks_of(text, doc_type="other")} == {(("县城管局",), ("县住建局",))}


# ---- a progress report's 责任单位 column; units after the task in prose plans ----------------
# invented rows: 序号 / 重点任务 / 责任单位 / 进展情况 / 完成比例, cells split by two spaces or a tab
PROGRESS_TABLE = (
    "序号  重点任务  责任单位  进展情况  完成比例\n"
    "（一）产业发展\n"
    "1  建成智能工厂12个  县工信局（牵头）、县科技局  已建成5个  41.7%\n"
    "2  新增规上企业30家  同上  新增14家\t46.7%\n"
    "3  完成技改投资20亿元  县发改局、县财\n"
    "政局  完成9.6亿元  48%\n"
    "（二）民生保障\n"
    "4  新建养老床位400张  县民政局 县卫健局  新建180张  45%\n"
    "5  改造农贸市场6个  县商务局（牵头） 各乡镇  已改造3个  50%\n"
    "6  新增停车泊位900个  县交通局、  新增420个  46.7%\n"
    "7  新增公共充电桩300个  新增150个  50%\n"
    "8  治理河道40公里  县水利局、县农业农村局（按职责分工负责）  完成16公里  40%\n"
)


def test_a_progress_table_gives_its_rows_as_tasks_even_in_a_half_year_report():
    assert looks_like_task_plan(PROGRESS_TABLE)
    tasks = tasks_of(PROGRESS_TABLE, doc_type="half_year_report")
    assert [t.number for t in tasks] == [str(i) for i in range(1, 9)]


@pytest.mark.parametrize("number, lead, support", [
    ("1", ["县工信局"], ["县科技局"]),                   # （牵头） marks the lead in a 责任单位 cell
    ("2", ["县工信局"], ["县科技局"]),                   # 同上: the units of the row above
    ("3", ["县发改局", "县财政局"], []),                  # a name wrapped over a line break re-joined
    ("4", ["县民政局", "县卫健局"], []),                  # units split by a single space
    ("5", ["县商务局"], ["各乡镇"]),
    ("7", ["县交通局"], []),                              # a unit cell merged with the row above
    ("8", ["县水利局", "县农业农村局"], []),              # a remark after a name is not part of it
])
def test_progress_table_units(number, lead, support):
    task = next(t for t in tasks_of(PROGRESS_TABLE, doc_type="half_year_report") if t.number == number)
    assert (task.lead, task.support) == (lead, support)


def test_units_given_by_you_after_the_task_in_a_comma_clause():
    text = "".join(f"{i}. 新建社区食堂{i}个，改造老旧小区{i}个，由区民政局负责。\n" for i in range(1, 4)) + \
        "4. 新增绿道10公里。由区园林局负责，各街道配合。\n5. 完成造林800亩，区林业局牵头，区财政局配合。\n"
    tasks = tasks_of(text)
    assert [(t.lead, t.support) for t in tasks] == [(["区民政局"], [])] * 3 + [
        (["区园林局"], ["各街道"]), (["区林业局"], ["区财政局"])]
    assert tasks[0].text == "新建社区食堂1个，改造老旧小区1个。"


def test_a_part_numbered_in_brackets_after_parts_numbered_1_2():
    text = ("一、经济发展\n"
            "1. 新增市场主体1万户。区市场监管局牵头，区商务局配合。\n"
            "2. 新建厂房20万平方米。区工信局负责。\n"
            "二、政府自身建设\n"
            "（一）推进依法行政，行政复议纠错率控制在10%以内。区司法局牵头，区级各部门配合。\n"
            "（二）压减一般性支出5%。区财政局负责。\n"
            "三、有关要求\n"
            "各牵头单位要按季度报送进展。\n")
    tasks = tasks_of(text)
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("1", ["区市场监管局"], ["区商务局"]), ("2", ["区工信局"], []),
        ("一", ["区司法局"], ["区级各部门"]), ("二", ["区财政局"], [])]


def test_a_bracket_heading_above_numbered_items_is_not_an_extra_task():
    text = ("（一）稳住经济大盘\n"
            "1. 新增市场主体1万户。区市场监管局牵头，区商务局配合。\n"
            "2. 新建厂房20万平方米。区工信局负责。\n"
            "（二）办好民生实事\n"
            "1. 新建学校3所。区教育局负责。\n"
            "2. 新增床位200张。区卫健委负责。\n"
            "3. 新建公园4个。区园林局负责。\n")
    assert [t.number for t in tasks_of(text)] == ["1", "2", "1", "2", "3"]


def test_row_numbers_written_with_a_point_in_a_table_of_gaps():
    text = "序号\t工作任务\t牵头单位\t配合单位\n" + "".join(
        f"{i}.\t新建口袋公园{i}个\t区园林局\t各街道\n" for i in range(1, 6))
    tasks = tasks_of(text)
    assert [(t.number, t.lead, t.support) for t in tasks] == [(str(i), ["区园林局"], ["各街道"]) for i in range(1, 6)]
