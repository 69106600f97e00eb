"""Task plans: numbered items with the units that lead and support them."""
from __future__ import annotations

from pathlib import Path

import pytest

from govnlp.report import Indicator, Meta, Report
from govnlp.tasks import extract_tasks, looks_like_task_plan

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def tasks_of(text: str, doc_type: str = "task_plan", indicators=()):
    return extract_tasks(Report(text=text, meta=Meta(doc_type=doc_type), indicators=list(indicators)))


@pytest.fixture(scope="module")
def seed004():
    import govnlp
    return govnlp.parse_report(SEEDS / "004_54845685a56bb74c.txt", indicators="none", slogans=False)


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


def test_a_work_report_has_no_tasks():
    import govnlp
    report = govnlp.parse_report(SEEDS / "003_2765e964e35d9ca5.txt", indicators="none", slogans=False)
    assert report.meta.doc_type == "work_report"
    assert report.tasks == []


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
            "1.全年地区生产总值增长6%左右。\n牵头单位：县发改委；责任单位：县统计局、各乡镇\n"
            "2.新开工亿元以上项目30个。\n牵头单位：县发改委、县投促中心\n配合单位：县自然资源局\n"
            "3.城镇调查失业率控制在5.5%以内。（责任单位：县人社局）\n")
    tasks = tasks_of(text)
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("1", ["县发改委"], ["县统计局", "各乡镇"]),
        ("2", ["县发改委", "县投促中心"], ["县自然资源局"]),
        ("3", ["县人社局"], []),
    ]
    assert tasks[0].text == "全年地区生产总值增长6%左右。"


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


def test_indicators_inside_an_item_are_linked():
    text = "1.地区生产总值增长7%。（区发改委主办）\n2.一般公共预算收入增长5%。（区财政局主办）\n"
    gdp = Indicator(name="地区生产总值", spans={"name": [2, 8], "value": None, "change": [8, 12]})
    rev = Indicator(name="一般公共预算收入", spans={"name": [28, 36], "value": [38, 40], "change": None})
    tasks = tasks_of(text, indicators=[gdp, rev])
    assert [t.indicators for t in tasks] == [[0], [1]]


def test_decimals_are_not_item_numbers():
    tasks = tasks_of("1.新增就业1.5万人。（区人社局主办）\n2.完成投资3.2亿元。（区发改委主办）\n")
    assert [t.number for t in tasks] == ["1", "2"]
