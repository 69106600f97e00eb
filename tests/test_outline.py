"""The outline of each seed, and of heading styles the seeds do not show."""
from pathlib import Path

import pytest

import govnlp
from govnlp.outline import cn_number


def titles(report, level):
    return [(s.marker or "") + s.title for s in report.sections if s.level == level]


def children(report, title):
    parent = next(s for s in report.sections if s.title == title)
    return [(s.marker or "") + s.title for s in report.sections if s.parent == parent.id]


def assert_nested(report):
    by_id = {s.id: s for s in report.sections}
    for s in report.sections:
        assert s.start < s.end <= len(report.text)
        if s.parent is not None:
            p = by_id[s.parent]
            assert p.start <= s.start and s.end <= p.end and s.level == p.level + 1


def test_seed_000_half_year_report(parsed_seeds):
    r = parsed_seeds["000"]
    assert titles(r, 1)[1:3] == ["上半年主要工作情况", "下半年主要工作安排"]
    assert children(r, "上半年主要工作情况") == [
        "一、疫情防控稳中向好", "二、经济质效稳步提升", "三、发展动能加速壮大", "四、城乡环境提质升级",
        "五、民生福祉显著改善", "六、自身建设不断提升"]
    assert children(r, "下半年主要工作安排")[0] == "一、坚持统筹兼顾，不断提升防控能力强化基础建设"
    assert len(children(r, "下半年主要工作安排")) == 6
    assert r.sections[-1].title.startswith("主任、各位副主任")  # the closing paragraph
    assert_nested(r)


def test_seed_001_traditional_half_year_report(parsed_seeds):
    r = parsed_seeds["001"]
    top = titles(r, 1)
    assert "第一方面：关于上半年经济社会发展情况" in top and "第二方面：关于下半年工作的主要打算" in top
    first = children(r, "关于上半年经济社会发展情况")
    assert first[:3] == ["一是长三角G60科创走廊策源地红利不断释放", "二是科创驱动“中国制造”迈向“中国创造”加速突破",
                         "三是产城融合高质量发展全面布局"]
    assert [t[:3] for t in first[3:]] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    second = children(r, "关于下半年工作的主要打算")
    assert "（二）抓牢实体经济稳增长" in second and "（五）著力保障和改善民生" in second
    assert_nested(r)


def test_seed_002_news_summary_gets_an_outline_from_bare_lines(parsed_seeds):
    r = parsed_seeds["002"]
    assert [t for t in titles(r, 1) if t.startswith(("回顾", "谋划"))] == ["回顾2022", "谋划2023"]
    review = children(r, "回顾2022")
    assert "突出稳字当头、稳中求进更大力度稳增长促发展" in review
    assert children(r, "突出稳字当头、稳中求进更大力度稳增长促发展") == [
        "千方百计稳住市场主体", "多措并举稳固工业经济", "全力以赴稳定内外需求"]
    assert not any(s.title == "图片" for s in r.sections)
    assert_nested(r)


def test_seed_003_with_lead_paragraphs_and_a_glossary(parsed_seeds):
    r = parsed_seeds["003"]
    assert [t for t in titles(r, 1)][1:] == ["一、2019年主要工作回顾", "二、2020年主要工作", "《政府工作报告》注释"]
    assert children(r, "2019年主要工作回顾")[:4] == ["——综合实力喜得新提升", "——转型升级喜获新成绩",
                                                    "——宜居生活喜绘新图景", "（一）紧盯产业培植，经济动力愈发强劲"]
    assert len([t for t in children(r, "2020年主要工作") if t.startswith("（")]) == 6
    assert children(r, "紧盯产业培植，经济动力愈发强劲")[0] == "——集聚效应初步显现"
    assert len(r.glossary) == 30 and r.glossary[13].term == "“五型”政府建设"
    assert_nested(r)


def test_seed_003_footnote_markers_are_linked_to_their_glossary_entries(parsed_seeds):
    r = parsed_seeds["003"]
    by_text = {r.text[f.start - 6:f.end]: f for f in r.footnotes}
    five = next(f for f in r.footnotes if f.number == "14")
    assert r.text[five.start - 6:five.end + 2] == "“五型”政府14建设"
    assert five.term == "“五型”政府建设"
    assert any(k.endswith("老城区1") for k in by_text)
    assert any(k.endswith("幼儿园9") for k in by_text)
    assert all(f.start < next(s for s in r.sections if "注释" in s.title).start for f in r.footnotes)


def test_seed_004_task_plan_items_are_second_level_sections(parsed_seeds):
    r = parsed_seeds["004"]
    assert [t[:2] for t in titles(r, 1)] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]  # a title alone is no preamble
    items = [s for s in r.sections if s.level == 2]
    assert [s.marker for s in items] == [f"{i}." for i in range(1, 73)]
    assert_nested(r)


def test_other_heading_styles_nest_in_the_conventional_order():
    text = ("各位代表：\n现在，我代表市人民政府作报告。\n一、过去一年工作回顾\n过去一年，全市经济平稳。\n"
            "（一）产业发展\n产业加快升级。\n1. 工业\n工业增长。\n（1）制造业\n制造业增长。\n①汽车\n汽车产量增长。\n"
            "②电子\n电子产量增长。\n（2）建筑业\n建筑业平稳。\n2. 服务业\n服务业增长。\n（二）改革开放\n改革深化。\n"
            "二、今年主要工作\n今年要做好以下工作。\n")
    r = govnlp.parse_report(text, indicators="none", slogans=False)
    got = [(s.level, (s.marker or "") + s.title) for s in r.sections]
    assert got[1:] == [(1, "一、过去一年工作回顾"), (2, "（一）产业发展"), (3, "1.工业"), (4, "（1）制造业"),
                       (5, "①汽车"), (5, "②电子"), (4, "（2）建筑业"), (3, "2.服务业"), (2, "（二）改革开放"),
                       (1, "二、今年主要工作")]
    assert_nested(r)


def test_a_table_of_contents_does_not_create_empty_sections():
    text = ("政府工作报告\n目录\n一、2023年工作回顾\n二、2024年工作安排\n三、加强政府自身建设\n"
            "一、2023年工作回顾\n过去一年，我们稳住了经济大盘。\n二、2024年工作安排\n今年要抓好六项工作。\n"
            "三、加强政府自身建设\n我们要建设人民满意的政府。\n")
    r = govnlp.parse_report(text, indicators="none", slogans=False)
    heads = [s for s in r.sections if s.marker]
    assert [s.marker + s.title for s in heads] == ["一、2023年工作回顾", "二、2024年工作安排", "三、加强政府自身建设"]
    assert all(len(r.text[s.start:s.end]) > len(s.title) + 5 for s in heads)
    assert any(b.reason == "toc" for b in r.boilerplate)


def test_numbers_inside_text_do_not_open_sections():
    text = "一、主要工作\n全年新增就业1.2万人。\n3.5%的增速高于全国。\n二、今年安排\n确保增长6%。"
    r = govnlp.parse_report(text, indicators="none", slogans=False)
    assert [s.title for s in r.sections if s.marker] == ["主要工作", "今年安排"]


def test_chinese_ordinals():
    assert [cn_number(x) for x in ["一", "十", "十二", "二十", "二十三", "③", "7"]] == [1, 10, 12, 20, 23, 3, 7]


def test_an_unseen_provincial_report_in_the_usual_national_layout():
    r = govnlp.parse_report(Path("tests/data/reports/province_2024.txt"), indicators="none", slogans=False)
    assert titles(r, 1) == ["政府工作报告", "一、2023年工作回顾", "二、2024年工作总体要求和主要目标",
                            "三、2024年重点工作", "四、加强政府自身建设", "各位代表！新征程催人奋进"]
    assert children(r, "2024年重点工作") == ["（一）聚焦扩大内需，推动经济持续回升", "（二）聚焦科技创新，加快培育新质生产力"]
    assert children(r, "聚焦科技创新，加快培育新质生产力") == ["1.强化企业创新主体地位", "2.加快科技成果转化"]
    assert_nested(r)


def test_a_gbk_html_repost_keeps_its_chrome_out_of_the_sections():
    r = govnlp.parse_report(Path("tests/data/reports/repost_county.gbk.html"), indicators="none", slogans=False)
    assert titles(r, 1)[1:3] == ["一、2022年工作回顾", "二、2023年主要工作"]
    body = r.text[r.sections[1].start:r.sections[-1].end]
    assert "分享到" not in body and "ICP" not in body and "_hmt" not in r.text
    reasons = {b.reason for b in r.boilerplate}
    assert {"navigation", "publish", "footer"} <= reasons
    assert "版权" not in r.sections[-1].title


def test_bracketed_footnotes_link_to_a_names_glossary_by_number():
    r = govnlp.parse_report(Path("tests/data/reports/county_2024_gb18030.txt"), indicators="none", slogans=False)
    assert [s.title for s in r.sections if s.level == 1][1:] == ["过去一年工作回顾", "2024年工作安排", "名词解释"]
    assert [(g.number, g.term) for g in r.glossary] == [("1", "固定资产投资")]
    (note,) = r.footnotes
    assert r.text[note.start:note.end] == "[1]" and note.entry == 0 and note.term == "固定资产投资"


def outline_of(text: str):
    return govnlp.parse_report(text, indicators="none", slogans=False)


def test_inline_enumerations_opening_a_paragraph_are_siblings_that_do_not_overlap():
    r = outline_of("一是加快发展。二是深化改革。")
    assert [(s.title, s.start, s.end, s.parent) for s in r.sections] == [
        ("加快发展", 0, 7, None), ("深化改革", 7, 14, None)]


def test_inline_enumerations_inside_a_section_are_its_children():
    r = outline_of("（一）推进改革\n一是加快发展。二是深化改革。三是扩大开放。")
    assert [(s.title, s.start, s.end) for s in r.sections if s.parent == 0] == [
        ("加快发展", 8, 15), ("深化改革", 15, 22), ("扩大开放", 22, 29)]


def test_an_epaper_summary_keeps_its_chrome_and_its_list_of_parts_out_of_the_outline():
    r = govnlp.parse_report(Path("tests/data/reports/epaper_summary_2023.txt"), indicators="none", slogans=False)
    assert titles(r, 1) == ["一图读懂2023年赣州市政府工作报告", "一、2022年工作回顾", "二、2023年主要目标",
                            "三、2023年重点工作"]
    assert children(r, "2023年重点工作") == ["一是扩大有效投资", "二是培育新兴产业", "三是办好民生实事"]
    reasons = {r.text[b.start:b.end]: b.reason for b in r.boilerplate}
    assert {reasons[k] for k in ("赣南日报", "第03版：要闻", "语音播报", "（下转04版）", "上接03版")} == {
        "masthead", "widget", "continuation"}
    assert reasons["图为会议现场。记者刘洋摄"] == "caption"
    assert "王珺玥" in r.text


def test_a_list_of_parts_on_one_line_is_not_a_heading():
    r = outline_of("报告分为三部分：\n一、过去一年工作回顾；二、今年目标；三、重点工作。\n"
                   "一、过去一年工作回顾\n全市经济稳中有进，质量效益持续提升。\n二、今年目标\n地区生产总值增长6%左右。")
    assert titles(r, 1)[-2:] == ["一、过去一年工作回顾", "二、今年目标"]
    assert r.sections[-2].start == r.text.index("一、过去一年工作回顾\n全市")


def test_the_preamble_starts_at_its_delivery_line_and_bylines_are_no_sections():
    text = ("政府工作报告\n——2023年1月8日在某某县第十八届人民代表大会第三次会议上\n县长 张建国\n各位代表：\n"
            "现在，我代表县人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n全县经济稳中有进。")
    r = outline_of(text)
    assert [s.title for s in r.sections] == ["政府工作报告", "过去一年工作回顾"]
    assert {b.reason for b in r.boilerplate} == {"byline"}


def test_sibling_sections_never_overlap_on_a_real_page_layout():
    r = govnlp.parse_report(Path("tests/data/reports/epaper_summary_2023.txt"), indicators="none", slogans=False)
    by_parent = {}
    for s in r.sections:
        by_parent.setdefault(s.parent, []).append(s)
    for group in by_parent.values():
        for a, b in zip(group, group[1:]):
            assert a.end <= b.start


def _cost(fn, text: str, repeat: int) -> float:
    """Best wall time of ``repeat`` runs, garbage collection paused (it scales with live objects)."""
    import gc
    import time

    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn(text)
            best = min(best, time.perf_counter() - t0)
    finally:
        gc.enable()
    return best


def _text_layer(text: str) -> None:
    from govnlp.meta import extract_meta
    from govnlp.normalize import normalize
    from govnlp.outline import add_outline
    from govnlp.report import Report
    from govnlp.tasks import extract_tasks

    n = normalize(text)
    r = Report(text=n.text, raw_map=n.raw_map, boilerplate=n.boilerplate)
    add_outline(r)
    r.meta = extract_meta(r)
    extract_tasks(r)


@pytest.mark.parametrize("line", ["{cn}、标题{i}", "首页 新闻 政务 公开 服务 {i}", "一是加快发展{i}。二是深化改革。",
                                  "{n}.推进建设{i}。（区发改委牵头，区财政局配合）"])
def test_the_text_layer_is_linear(line):
    """10x the lines cost at most 15x the time (normalise, outline, meta, tasks)."""
    def doc(k):
        return "\n".join(line.format(cn="一二三四五六七八九"[i % 9], n=i % 90 + 1, i=i) for i in range(k))
    _text_layer(doc(100))  # warm the pattern caches
    ratios = []
    for _ in range(3):  # other processes share the CPU: one quiet attempt of three is enough
        small, large = _cost(_text_layer, doc(600), 4), _cost(_text_layer, doc(6000), 2)
        ratios.append(large / small)
        if ratios[-1] <= 15:
            break
    assert min(ratios) <= 15, ratios


def test_encyclopedia_furniture_and_link_lists_stay_out_of_the_outline():
    text = ("2023年某某省政府工作报告\n出自维基文库\n跳转到导航\n目录\n各位代表：\n"
            "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾[编辑]\n全省经济稳中有进。\n"
            "二、今年工作安排[编辑]\n今年要着力扩大内需。\n相关阅读：\n一图读懂省政府工作报告\n省政府工作报告全文\n")
    r = outline_of(text)
    assert titles(r, 1) == ["2023年某某省政府工作报告", "一、过去一年工作回顾", "二、今年工作安排"]
    assert r.sections[-1].end == r.text.index("今年要着力扩大内需。") + len("今年要着力扩大内需。")
    nav = [r.text[b.start:b.end] for b in r.boilerplate if b.reason == "navigation"]
    assert nav == ["出自维基文库", "跳转到导航", "目录", "[编辑]", "[编辑]", "相关阅读：", "一图读懂省政府工作报告",
                   "省政府工作报告全文"]


def test_a_list_of_parts_one_per_line_is_not_a_run_of_headings():
    r = outline_of("报告共分三个部分：\n第一部分：过去一年工作回顾；\n第二部分：今年目标任务；\n第三部分：政府自身建设。\n"
                   "第一部分：过去一年工作回顾\n全市经济稳中有进，质量效益持续提升。\n第二部分：今年目标任务\n"
                   "地区生产总值增长6%左右。\n第三部分：政府自身建设\n坚持依法行政。")
    heads = [s for s in r.sections if s.marker]
    assert [s.title for s in heads] == ["过去一年工作回顾", "今年目标任务", "政府自身建设"]
    assert heads[0].start == r.text.index("第一部分：过去一年工作回顾\n全市")


def test_a_decimal_after_a_comma_does_not_make_a_heading_a_list():
    r = outline_of("1.新建高标准农田，4.5万亩以上。\n2.完成造林，3.2万亩。\n3.新增就业，4.5万人。\n4.推进改革。")
    assert [s.marker for s in r.sections] == ["1.", "2.", "3.", "4."]


def test_an_inline_list_after_a_line_start_item_is_not_nested_inside_it():
    """Fuzz seed 10 #327: children used to be clipped below their own start ([5, 4))."""
    from govnlp.invariants import violations

    r = govnlp.parse_report("一是加快\n一是加展。二是深化", indicators="none")
    assert [(s.level, s.start, s.end) for s in r.sections] == [(1, 0, 4), (1, 5, 10), (1, 10, 14)]
    assert violations(r) == []
