"""Task-plan layouts: "|" tables with role marks in one units column, 【…】 unit brackets,
【N】 progress blocks of labelled lines, and legends that say which unit leads."""
from __future__ import annotations

import govnlp
from govnlp.report import Meta, Report
from govnlp.tasks import extract_tasks, looks_like_task_plan


def tasks_of(text: str, doc_type: str = "task_plan"):
    return extract_tasks(Report(text=text, meta=Meta(doc_type=doc_type)))


def units(tasks) -> dict[str, tuple[list[str], list[str]]]:
    return {t.number: (t.lead, t.support) for t in tasks}


# ---- a "|" table with one 责任单位 column ------------------------------------------
PIPE_TABLE = """注：责任单位栏中标注“主责”的为牵头单位，标注“协同”的为配合单位；标注▲的为牵头单位，同栏其余单位为配合单位。
序号 | 工作任务 | 分管县领导 | 责任单位 | 完成时限
一、做强实体经济 | | | |
1 | 新培育省级专精特新企业12家，推动园区标准厂房扩容 | 孙立 | 主责：县工信局；协同：县科技局、县统计局 | 全年
2 | 开工建设县城污水处理厂二期，新铺设雨污管网18公里 | 孙立 | 县住建局▲、县水务局、各乡镇 | 11月底前
3 | 引进亿元以上产业项目25个 | 钱涛 | 县投促中心会同县发改局、县自然资源局 | 全年
4 | 办好县域商贸物流节，带动社会消费品零售总额增长6% | 钱涛 | 县商务局 | 全年
二、提升民生保障 | | | |
5 | 新建村级养老服务站9个 | 周平 | 主责:县民政局;协同:县财政局 | 10月底前
6 | 改造农村危房80户 | 周平 | 同上 | 全年
"""


def test_pipe_table_reads_role_marks_in_one_units_column():
    got = units(tasks_of(PIPE_TABLE))
    assert got == {
        "1": (["县工信局"], ["县科技局", "县统计局"]),       # 主责：…；协同：…
        "2": (["县住建局"], ["县水务局", "各乡镇"]),          # ▲ after the lead, the rest support
        "3": (["县投促中心"], ["县发改局", "县自然资源局"]),  # A会同B、C
        "4": (["县商务局"], []),                             # a bare unit leads
        "5": (["县民政局"], ["县财政局"]),                   # half-width 主责:…;协同:…
        "6": (["县民政局"], ["县财政局"]),                   # 同上: the row above
    }


def test_pipe_table_keeps_leaders_and_deadlines_out():
    tasks = tasks_of(PIPE_TABLE)
    everyone = {u for t in tasks for u in t.lead + t.support}
    assert not everyone & {"孙立", "钱涛", "周平", "全年"}
    first = next(t for t in tasks if t.number == "1")
    assert first.text.startswith("新培育省级专精特新企业12家")
    assert "孙立" not in first.text


# ---- 【…】 unit brackets ------------------------------------------------------------
BRACKETS = """一、稳住经济大盘
（1）全年引进产业项目60个，其中10亿元以上项目4个。
【责任领导：赵文（副县长）；牵头单位：县发改局、县统计局；责任单位：县财政局，各乡镇人民政府】
（2）新增市场主体3000户。【责任领导：赵文（副县长）；牵头单位：县市场监管局（第一牵头）、县政务服务中心；责任单位：县税务局】
（3）新建5G基站120个。【牵头单位：县工信局；配合单位：电信青石分公司、移动青石分公司】
（4）建设高标准农田2万亩。【责任单位：县农业农村局、县自然资源局】
（5）新改建农村公路90公里。[牵头单位:县交通运输局;责任单位:县自然资源局及沿河各乡（镇）政府]
（6）完成造林绿化5000亩。【牵头单位：县林业局】
"""


def test_bracketed_units_after_an_item_or_on_a_line_of_their_own():
    assert units(tasks_of(BRACKETS)) == {
        "1": (["县发改局", "县统计局"], ["县财政局", "各乡镇人民政府"]),
        "2": (["县市场监管局", "县政务服务中心"], ["县税务局"]),
        "3": (["县工信局"], ["电信青石分公司", "移动青石分公司"]),
        "4": (["县农业农村局", "县自然资源局"], []),  # 责任单位 alone: all lead
        "5": (["县交通运输局"], ["县自然资源局", "沿河各乡（镇）政府"]),
        "6": (["县林业局"], []),
    }


def test_bracket_leaders_are_persons_not_units():
    tasks = tasks_of(BRACKETS)
    assert all("赵文" not in u for t in tasks for u in t.lead + t.support)
    assert tasks[0].text == "全年引进产业项目60个，其中10亿元以上项目4个。"


# ---- 【N】 progress blocks --------------------------------------------------------------
PROGRESS = """关于2024年县《政府工作报告》重点任务1-9月推进情况的通报
（一）已完成的任务（3项）
【3】目标任务：新增规上工业企业20家。
牵头单位：县工信局｜配合单位：县统计局、各园区
推进情况：1-9月新增规上工业企业22家，提前完成全年目标。
【6】目标任务：新建城市书房4个。
责任单位：县文旅局（牵头），县教育局、县财政局
推进情况：4个城市书房均已开放。
【9】目标任务：整治农村人居环境示范村15个。
县农业农村局牵头，县生态环境局、各乡镇配合。
推进情况：已完成示范村12个。
（二）进度滞后的任务（3项）
【1】目标任务：建成县人民医院门诊楼。
主办：县卫健局　协办：县住建局、县财政局
责任领导：吴强
推进情况：主体结构已封顶，进度滞后约两个月。
存在问题：设计变更审批较慢。
督办要求：12月底前完成竣工验收。
【4】目标任务：新增停车泊位1500个。
牵头：县城管局；配合：县公安局交警大队
推进情况：已建成泊位900个。
【8】目标任务：完成老旧小区改造30个。
负责单位：县住建局、县房管中心
推进情况：已开工26个。
"""


def test_progress_blocks_keep_their_numbers_and_every_unit_line_shape():
    tasks = tasks_of(PROGRESS, doc_type="other")
    assert [t.number for t in tasks] == ["3", "6", "9", "1", "4", "8"]
    assert units(tasks) == {
        "3": (["县工信局"], ["县统计局", "各园区"]),
        "6": (["县文旅局"], ["县教育局", "县财政局"]),
        "9": (["县农业农村局"], ["县生态环境局", "各乡镇"]),
        "1": (["县卫健局"], ["县住建局", "县财政局"]),   # 主办/协办 on one line; 责任领导 is a person
        "4": (["县城管局"], ["县公安局交警大队"]),
        "8": (["县住建局", "县房管中心"], []),           # 负责单位: all lead
    }


def test_a_progress_notice_is_read_as_a_task_plan():
    assert looks_like_task_plan(PROGRESS)


def test_progress_blocks_survive_normalisation():
    # the unit lines end without a full stop: the reader must not run them into 推进情况：
    report = govnlp.parse_report(PROGRESS, slogans=False, indicators="none")
    assert units(report.tasks)["4"] == (["县城管局"], ["县公安局交警大队"])
    assert units(report.tasks)["1"] == (["县卫健局"], ["县住建局", "县财政局"])


# ---- legends and odd corners ---------------------------------------------------------
def test_a_legend_that_the_first_unit_leads():
    text = ("说明：责任单位排在第一位的为牵头单位，其余为配合单位。\n"
            + "".join(f"{i}.任务{i}完成年度目标。（责任单位：县发改局、县财政局、县统计局）\n" for i in range(1, 6)))
    assert units(tasks_of(text))["3"] == (["县发改局"], ["县财政局", "县统计局"])
    without = text.split("\n", 1)[1]
    assert units(tasks_of(without))["3"] == (["县发改局", "县财政局", "县统计局"], [])


def test_a_field_after_the_units_is_not_a_unit():
    text = "".join(f"{i}.任务{i}。（责任领导：王敏，主办单位：县商务局，协办单位：县税务局，完成时限：2024年12月底）\n"
                   for i in range(1, 6))
    assert units(tasks_of(text))["2"] == (["县商务局"], ["县税务局"])


def test_a_bracketed_unit_line_near_the_end_is_not_a_site_footer():
    items = "".join(f"{i}.推进第{i}项重点工程建设，确保年内完工投用。\n（责任领导：李华，主办单位：县住建局，协办单位：各乡镇）\n"
                    for i in range(1, 7))
    report = govnlp.parse_report("青石县2024年重点任务分工方案\n" + items, slogans=False, indicators="none")
    assert [t.number for t in report.tasks] == [str(i) for i in range(1, 7)]
    assert units(report.tasks)["6"] == (["县住建局"], ["各乡镇"])


def test_jointly_is_not_the_county_huitong():
    text = "".join(f"{i}.任务{i}。（会同县教育局牵头，会同县财政局配合）\n" for i in range(1, 6))
    assert units(tasks_of(text))["1"] == (["会同县教育局"], ["会同县财政局"])


# ---- counts of the plan's own items ------------------------------------------------
def test_counts_of_the_plans_own_items_are_not_data():
    head = ("青石县2024年重点任务分工方案（共6项）\n"
            "6项任务中，已完成2项，序时推进3项，滞后1项。\n")
    items = "".join(f"{i}.新建农村公路{10 + i}公里。（牵头单位：县交通局）\n" for i in range(1, 7))
    report = govnlp.parse_report(head + items, slogans=False)
    values = sorted(i.value for i in report.indicators if i.value is not None)
    assert values == [11, 12, 13, 14, 15, 16]  # the 公里 of each task, none of the counts in 项


def test_role_words_in_brackets_without_a_unit_stay_in_the_task():
    text = "".join(f"{i}.深化校地合作（产学研协同），办好乡村文化节（群众参与）。（县科技局牵头，县文旅局协同）\n"
                   for i in range(1, 6))
    task = tasks_of(text)[0]
    assert (task.lead, task.support) == (["县科技局"], ["县文旅局"])
    assert task.text == "深化校地合作（产学研协同），办好乡村文化节（群众参与）。"


def test_a_leader_line_is_neither_unit_nor_task_text():
    text = "".join(f"（{i}）推进第{i}项工程建设。\n责任领导：张三；牵头单位：县发改局；配合单位：县财政局\n"
                   for i in range(1, 6))
    task = tasks_of(text)[2]
    assert (task.number, task.lead, task.support) == ("3", ["县发改局"], ["县财政局"])
    assert task.text == "推进第3项工程建设。"


def test_a_bracket_broken_over_two_lines():
    text = "".join(f"（{i}）推进第{i}项工程建设，确保年内完工。\n【责任领导：张三（副县长）；牵头单位：县发改局；\n"
                   f"责任单位：县财政局、县统计局】\n" for i in range(1, 6))
    for report_tasks in (tasks_of(text), govnlp.parse_report(text, slogans=False, indicators="none").tasks):
        assert units(report_tasks)["5"] == (["县发改局"], ["县财政局", "县统计局"])
        assert report_tasks[4].text == "推进第5项工程建设，确保年内完工。"


def test_other_lead_marks_and_legends():
    marks = "".join(f"{i}.任务{i}。（责任单位：县教育局、县财政局（主责）、县人社局）\n" for i in range(1, 6))
    assert units(tasks_of(marks))["1"] == (["县财政局"], ["县教育局", "县人社局"])
    legend = "注：首个单位为牵头单位。\n" + "".join(f"{i}.任务{i}。（责任单位：县教育局、县财政局）\n" for i in range(1, 6))
    assert units(tasks_of(legend))["1"] == (["县教育局"], ["县财政局"])


# ---- tasks grouped by lead department; 无 and 同上 under numbered items ---------------------
GROUPED = """二、各牵头部门任务落实情况
（一）县交通局牵头的任务（共2项）
3.新改建农村公路60公里。（配合单位：县财政局）
落实情况：已完成。
7.建成客运综合枢纽。（与县住建局共同牵头）
落实情况：基本完成。
（二）县商务局、县供销社共同牵头的任务（共2项）
2.举办农产品展销会5场。（配合单位：各乡镇）
落实情况：已完成。
9.建设乡镇快递服务站20个。（本项由县邮政分公司与县商务局共同牵头；配合单位：县交通局）
落实情况：未完成。
（三）其他部门牵头的任务（共1项）
5.整治河道12公里。（配合单位：各乡镇）
落实情况：已完成。
"""


def test_a_group_heading_names_the_lead_of_its_tasks():
    assert units(tasks_of(GROUPED, doc_type="other")) == {
        "3": (["县交通局"], ["县财政局"]),
        "7": (["县住建局", "县交通局"], []),                    # 与X共同牵头: X and the group's lead
        "2": (["县商务局", "县供销社"], ["各乡镇"]),
        "9": (["县邮政分公司", "县商务局"], ["县交通局"]),      # its own leads replace the group's
        "5": ([], ["各乡镇"]),                                 # 其他部门 names no unit
    }


def test_none_and_ditto_under_numbered_items():
    text = ("1.任务一。\n牵头单位：县发改局\n参与单位：县财政局、县统计局\n"
            "2.任务二。\n牵头单位：县农业农村局\n参与单位：同上\n"
            "3.任务三。\n牵头单位：县国资办\n参与单位：无\n"
            "4.任务四。\n牵头单位：县林业局\n参与单位：县自然资源局\n"
            "5.任务五。\n牵头单位：县水利局\n参与单位：县应急局\n")
    got = units(tasks_of(text))
    assert got["2"] == (["县农业农村局"], ["县财政局", "县统计局"])
    assert got["3"] == (["县国资办"], [])


# ---- a Word table pasted with tabs, cells placed by their tab position ----------------------
PASTED_TABLE = (
    "青河区2025年重点工作任务清单\n"
    "序号\t工作任务\t目标\t牵头\t配合\t完成\n"
    "\t\t\t单位\t单位\t时限\n"
    "一、做强工业\n"
    "1\n"
    "\t扩建新材料产业园，引进配套企业\t园区产值增长15%\t区工信局\t区统计局 区税务局\t12月底\n"
    "2\n"
    "盘活闲置厂房，推进标准地出让，\n"
    "\t提高亩均效益\t盘活厂房800亩\t区自然资源和规划\n"
    "        分局\t区工信局、各街道\t11月底\n"
    "3\n"
    "\t建设区级数据中心\t上线应用场景10个\t区数据局（牵头）\n"
    "\t\t\t区政务服务中心\t区直有关部门\t全年\n"
    "二、办好民生实事\n"
    "4\n"
    "\t新建社区养老服务站\t新建服务站12个\t区民政局\t\t10月底\n"
    "5\n"
    "\t改造背街小巷，完善雨污管网\t改造小巷30条\t区住建局\t区城管局，\n"
    "— 2 —\n"
    "序号\t工作任务\t目标\t牵头单位\t配合单位\t完成时限\n"
    "\t\t\t\t区城投公司\t12月底\n"
    "6\n"
    "\t开展就业技能培训\t培训3000人次\t区人社局\t各街道\t全年\n"
    "\n"
    "各单位要按月报送进展，配合单位栏为空的任务由牵头单位独立承担，因故调整目标须书面报区政府同意，区政府督查室按季通报落实情况。\n"
)


def test_a_table_pasted_with_tabs_is_read_by_tab_position():
    tasks = govnlp.parse_report(PASTED_TABLE, slogans=False).tasks
    assert units(tasks) == {
        "1": (["区工信局"], ["区统计局", "区税务局"]),
        "2": (["区自然资源和规划分局"], ["区工信局", "各街道"]),      # a name wrapped mid-name
        "3": (["区数据局", "区政务服务中心"], ["区直有关部门"]),       # a lead cell wrapped by tabs
        "4": (["区民政局"], []),                                      # an empty 配合 cell
        "5": (["区住建局"], ["区城管局", "区城投公司"]),               # goes on after a page break
        "6": (["区人社局"], ["各街道"]),
    }
    second = tasks[1]
    assert second.text.startswith("盘活闲置厂房，推进标准地出让，提高亩均效益")
    assert all("12月底" not in t.text and "全年" not in t.text for t in tasks)


# ---- blocks: unit lines above the task, wrapped, or after a page number --------------------
BLOCKS = """一、稳住经济大盘
1.培育外贸新业态，跨境电商交易额突破20亿元。
牵头单位：市商务局；配合单位：江北海关及市邮政管理局
2.新增规上工业企业60家。
牵头单位：市工信局；配合单位：市统计局，各县（市、
区）政府
（二）提升城市品质
【牵头单位：市住建局；配合单位：市财政局】
1.改造老旧小区40个。
【牵头单位：市园林局；配合单位：各街道办事处】
2.新建口袋公园15个。
3.新建停车泊位5000个。
— 4 —
牵头单位：市交通运输局；配合单位：市公安局交警支队
"""


def test_unit_lines_above_wrapped_or_after_a_page_number():
    tasks = govnlp.parse_report(BLOCKS, slogans=False).tasks
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("1", ["市商务局"], ["江北海关", "市邮政管理局"]),          # 及 after 海关
        ("2", ["市工信局"], ["市统计局", "各县（市、区）政府"]),    # a unit line wrapped inside a name
        ("1", ["市住建局"], ["市财政局"]),                          # 【…】 above the task it belongs to
        ("2", ["市园林局"], ["各街道办事处"]),
        ("3", ["市交通运输局"], ["市公安局交警支队"]),              # past the page number
    ]
    assert tasks[2].text == "改造老旧小区40个。"


def test_units_first_then_the_task_on_the_next_line():
    text = ("二、重点任务\n（一）市水务局牵头，市农业农村局、各区政府配合：\n加固病险水库12座，完成河道清淤40公里。\n"
            "（二）市教育局负责：\n新增公办学位5000个。\n（三）新建体育公园3个。\n责任单位：市体育局\n"
            "（四）新增养老床位800张。\n责任单位：市民政局\n（五）新建充电桩2000个。\n责任单位：市发改委\n")
    tasks = tasks_of(text)
    assert units(tasks)["一"] == (["市水务局"], ["市农业农村局", "各区政府"])
    assert tasks[0].text == "加固病险水库12座，完成河道清淤40公里。"
    assert units(tasks)["二"] == (["市教育局"], [])


def test_a_marked_run_before_a_comma_leads_and_the_rest_support():
    # the writers' reading: 责任单位：A、B（牵头），C、D -> A and B lead; A（牵头）、B、C -> A alone
    text = ("1.新建污水管网30公里。\n责任单位：县住建局、县水务局（牵头），县财政局、各乡镇\n"
            "2.新建农贸市场2个。\n责任单位：县商务局（牵头）、县市场监管局、各乡镇\n"
            "3.完成造林1万亩。\n责任单位：县林业局（牵头），县自然资源局\n"
            "4.新增就业岗位2000个。\n责任单位：县人社局\n5.新建公厕20座。\n责任单位：县城管局\n")
    assert units(tasks_of(text)) == {
        "1": (["县住建局", "县水务局"], ["县财政局", "各乡镇"]),
        "2": (["县商务局"], ["县市场监管局", "各乡镇"]),
        "3": (["县林业局"], ["县自然资源局"]),
        "4": (["县人社局"], []),
        "5": (["县城管局"], []),
    }


def test_spaces_between_units_that_normalisation_drops_still_separate_them():
    text = ("1.新增高新技术企业30家。\n牵头部门：县科技局  责任部门：县财政局 县统计局 各乡镇（街道）\n"
            "2.新建5G基站200个。\n责任单位：县工信局 县发改委\n"
            "3.新改建农村公路60公里。\n牵头单位：县交通运输局；配合单位：各乡镇（街道）\n"
            "4.新增城镇就业3000人。\n牵头单位：县人社局；配合单位：县财政局\n"
            "5.新建幼儿园3所。\n牵头单位：县教育局；配合单位：县住建局\n")
    report = govnlp.parse_report(text, slogans=False)
    assert "县财政局县统计局" in report.text  # the normaliser joins Chinese words across a space
    assert units(report.tasks)["1"] == (["县科技局"], ["县财政局", "县统计局", "各乡镇（街道）"])
    assert units(report.tasks)["2"] == (["县工信局", "县发改委"], [])


# ---- a table flattened one cell per line: names wrapped and one name per line ---------------
CELL_LINES = """序号
工作任务
2025年
目标
牵头
单位
配合
单位
1
推进纺织服装产业集群建设，培
育龙头企业
规上工业增加值增长7%
县工业和信息
化局
县统计局
2
优化营商环境，推行企业开办一
网通办
新增经营主体5000户
县行政审批服务局
县大数据中心
县市场监管局、县直有关部门
3
建设县城污水处理厂三期
污水处理率达到97%
县住建局
县生态环境分局、各乡镇
"""


def test_cell_per_line_names_wrapped_mid_name_and_one_name_per_line():
    assert units(tasks_of(CELL_LINES)) == {
        "1": (["县工业和信息化局"], ["县统计局"]),                    # 县工业和信息 / 化局
        "2": (["县行政审批服务局", "县大数据中心"], ["县市场监管局", "县直有关部门"]),  # one lead per line
        "3": (["县住建局"], ["县生态环境分局", "各乡镇"]),
    }


# ---- a cell-per-line table cut by a page break --------------------------------------
_HEADER = "序号\n重点\n工作\n牵头\n单位\n配合\n单位\n年度\n目标\n"
PAGE_BREAK_TABLE = ("枣林县2025年重点工作任务分解表\n" + _HEADER + """一、产业发展
1
建设智能家电产业园，引进配套企业
县工信局
县商务局
新增配套企业8家
2
实施茶叶品牌提升行动
县农业农村局
各乡镇
茶叶产值增长9%
3
推进县城燃气管网改造
县住建局
县燃气公司
改造管网12公里
4
建设乡镇综合文化站，完善
— 2 —
""" + _HEADER + """基层公共文化服务设施
县文旅局
各乡镇、县财政局
新建文化站6个
二、民生保障
5
新增城镇就业岗位
县人社局
县就业服务中心
新增就业3200人
6
改造农村公路危桥
县交通运输局
各乡镇
改造危桥15座
7
提升县人民医院急救能力
县卫健局
县医保局、县财政局
急救响应时间缩短到12分钟
""")


def test_a_page_number_and_a_repeated_header_inside_a_row_do_not_end_the_table():
    report = govnlp.parse_report(PAGE_BREAK_TABLE)
    got = units(report.tasks)
    assert [t.number for t in report.tasks] == ["1", "2", "3", "4", "5", "6", "7"]
    assert got["4"] == (["县文旅局"], ["各乡镇", "县财政局"])   # the row cut by the page break
    assert got["5"] == (["县人社局"], ["县就业服务中心"])
    assert got["7"] == (["县卫健局"], ["县医保局", "县财政局"])
    assert "序号" not in next(t.text for t in report.tasks if t.number == "4")


def test_a_repeated_header_between_rows_is_passed_over_but_one_before_row_1_opens_a_table():
    rows = "".join(f"{n}\n完成第{n}项重点工程建设\n县发改局\n县财政局\n年底前完工\n" for n in range(1, 4))
    more = "".join(f"{n}\n推进第{n}个示范村建设\n县农业农村局\n各乡镇\n建成示范村\n" for n in range(4, 7))
    again = "".join(f"{n}\n开展第{n}轮安全检查\n县应急局\n县消防大队\n检查全覆盖\n" for n in range(1, 4))
    got = tasks_of(_HEADER + rows + "第2页\n" + _HEADER + more + _HEADER + again)
    assert [t.number for t in got] == ["1", "2", "3", "4", "5", "6", "1", "2", "3"]
    assert units(got[3:4]) == {"4": (["县农业农村局"], ["各乡镇"])}
    assert units(got[6:7]) == {"1": (["县应急局"], ["县消防大队"])}


def test_items_numbered_afresh_under_groups_after_a_target_table_are_tasks_too():
    table = "序号\n指标\n目标\n牵头\n单位\n" + "".join(
        f"{n}\n{name}\n增长{n + 4}%\n{unit}\n" for n, name, unit in [
            (1, "地区生产总值", "县发改局"), (2, "工业增加值", "县工信局"), (3, "固定资产投资", "县发改局"),
            (4, "社会消费品零售总额", "县商务局"), (5, "一般公共预算收入", "县财政局")])
    groups = """二、重点工作
（一）做强主导产业
1.建设竹木加工产业园，新引进竹木企业6家。
责任单位：县林业局（牵头），县工信局
2.推进农产品冷链仓储建设，新建冷库3座。
牵头单位：县农业农村局；配合单位：县商务局
（二）改善城乡面貌
1.改造县城背街小巷21条。
责任单位：县住建局
2.新建乡镇污水处理站4座。
牵头单位：县水利局；配合单位：各乡镇
3.完成农村改厕1800户。
责任单位：县农业农村局（牵头），县卫健局
"""
    got = tasks_of(table + groups)
    assert [t.number for t in got] == ["1", "2", "3", "4", "5", "1", "2", "1", "2", "3"]
    assert (got[4].lead, got[5].lead, got[5].support) == (["县财政局"], ["县林业局"], ["县工信局"])
    assert (got[8].lead, got[8].support) == (["县水利局"], ["各乡镇"])


def test_a_long_unit_name_cut_just_after_its_bureau_stays_one_name():
    from govnlp.tasks import fit_cell_lines
    columns = ["序号", "指标", "2025年目标", "牵头单位", "配合单位"]
    assert fit_cell_lines(columns, ["细颗粒物平均浓度", "28微克/立方米", "沙河市生态环境局枣", "林分局", "县住建局"]) == [
        "细颗粒物平均浓度", "28微克/立方米", "沙河市生态环境局枣林分局", "县住建局"]
    assert fit_cell_lines(columns[:4], ["优良天数比例", "90%以上", "市生态环境局沙", "河分局"]) == [
        "优良天数比例", "90%以上", "市生态环境局沙河分局"]


def test_a_support_cell_of_two_names_joined_by_ji_wrapped_mid_name():
    from govnlp.tasks import fit_cell_lines
    columns = ["序号", "重点工作任务", "目标", "牵头单位", "配合单位"]
    assert fit_cell_lines(columns, ["扩大普惠小微贷款投放", "新增贷款80亿元", "市金融办",
                                    "人行沙河市中心支行及沙河银保", "监分局"]) == [
        "扩大普惠小微贷款投放", "新增贷款80亿元", "市金融办", "人行沙河市中心支行及沙河银保监分局"]


def test_a_support_cell_whose_first_name_wraps_before_more_names():
    from govnlp.tasks import fit_cell_lines
    columns = ["序号", "重点工作任务", "目标", "牵头单位", "配合单位"]
    assert fit_cell_lines(columns, ["拓宽城乡居民增收渠道", "农村居民收入增长8%", "市统计局",
                                    "市人力资源社会", "保障局、市财政局"]) == [
        "拓宽城乡居民增收渠道", "农村居民收入增长8%", "市统计局", "市人力资源社会保障局、市财政局"]


def test_a_ditto_lead_cell_is_a_unit_cell_not_the_tail_of_the_task():
    from govnlp.tasks import fit_cell_lines
    columns = ["序号", "工作任务", "牵头单位", "配合单位", "年度目标"]
    assert fit_cell_lines(columns, ["提高城乡低保标准", "同上", "区财政局", "月人均提高30元"]) == [
        "提高城乡低保标准", "同上", "区财政局", "月人均提高30元"]


def test_a_bracketed_unit_line_after_a_wrapped_unit_line_opens_the_item_below():
    got = units(govnlp.parse_report("""1.新建城区公办幼儿园3所。
牵头单位：县教育局；配合单位：县财政局
2.开展农贸市场提质改造，改造市场6个。
责任单位：县商务局（牵头），县市场监管局、
县城管局
【牵头单位：县卫健局；配合单位：县医保局】
3.建成县域医共体信息平台。
4.新增城市绿地12公顷。
牵头单位：县林业局；配合单位：县住建局
5.改造老旧供水管网20公里。
牵头单位：县水利局；配合单位：县自来水公司
""").tasks)
    assert got["2"] == (["县商务局"], ["县市场监管局", "县城管局"])
    assert got["3"] == (["县卫健局"], ["县医保局"])


def test_a_page_number_inside_an_item_cut_at_a_comma_does_not_end_it():
    text = """（1）新建城区停车场4处，
— 5 —
新增停车泊位1200个。
责任单位：县城管局（牵头），县公安局
（2）改造农村供水管网60公里。
牵头单位：县水利局；配合单位：各乡镇
（3）建设县级物流分拨中心。
牵头单位：县商务局；配合单位：县邮政公司
（4）新增城镇就业2800人。
牵头单位：县人社局；配合单位：县财政局
（5）创建省级卫生乡镇2个。
牵头单位：县卫健局；配合单位：各乡镇
"""
    got = govnlp.parse_report(text).tasks
    assert units(got)["1"] == (["县城管局"], ["县公安局"])
    assert units(got)["2"] == (["县水利局"], ["各乡镇"])
    assert "新增停车泊位1200个" in got[0].text
