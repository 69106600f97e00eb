"""Normalisation is the only place text changes; every change keeps a map back to the raw input."""
import pytest

from govnlp.normalize import deleted_spans, find_mojibake, normalize


def test_traditional_script_with_pinyin_glosses_becomes_clean_simplified():
    raw = "全區(qū)經(jīng)濟社會發(fā)展取得非同尋常的成果。"
    n = normalize(raw)
    assert n.text == "全区经济社会发展取得非同寻常的成果。"
    assert any("W006" in w for w in n.warnings) and any("W005" in w for w in n.warnings)


def test_offsets_map_back_to_the_raw_text():
    raw = "實現(xiàn)地方財政收入 145.5\n億元，增長 0.5%。"
    n = normalize(raw)
    assert n.text == "实现地方财政收入145.5亿元，增长0.5%。"
    i = n.text.index("145.5")
    assert raw[n.raw_map[i]:n.raw_map[i + 5 - 1] + 1] == "145.5"
    j = n.text.index("亿元")
    assert raw[n.raw_map[j]] == "億"
    assert len(n.raw_map) == len(n.text) + 1


def test_fullwidth_digits_become_ascii_but_chinese_punctuation_stays():
    n = normalize("增长６．５％，达到１２３亿元；（一）全面推进。")
    assert n.text == "增长6.5%，达到123亿元；（一）全面推进。"



def test_print_spacing_of_thousands_groups_is_closed_and_the_map_still_points_back():
    raw = "收入3 208.5亿元，常住人口12 406 300人，2023 年，项目 1 100 个，小数 0.125 376"
    n = normalize(raw)
    assert n.text == "收入3208.5亿元，常住人口12406300人，2023年，项目1100个，小数0.125 376"
    i = n.text.index("12406300")
    assert raw[n.raw_map[i]:n.raw_map[i + 8]] == "12 406 300"


def test_a_data_line_laid_out_with_runs_of_spaces_keeps_its_columns_but_not_spaces_inside_figures():
    n = normalize("▲ 固定资产投资     同比增长 3.0%\n▲ 外贸进出口总值 3 513亿元 居全省第二")
    assert "同比增长3.0%" in n.text and "3513亿元" in n.text

def test_ascii_punctuation_inside_chinese_becomes_chinese_but_numbers_keep_theirs():
    n = normalize("现在,我代表区政府报告:收入1,024.6亿元,时间09:56。(一)主要工作")
    assert n.text == "现在，我代表区政府报告：收入1,024.6亿元，时间09:56。（一）主要工作"


def test_broken_lines_are_rejoined_but_headings_stay_on_their_own_line():
    raw = ("（一）坚持人民至上，疫情防控取得阶段性成果\n"
           "硬核防控守阵地。在区委的坚强领导下，广大党员干部\n群众和医务工作者共同构筑起铜墙铁壁。\n"
           "（二）立足新发展格局")
    lines = normalize(raw).text.split("\n")
    assert lines == ["（一）坚持人民至上，疫情防控取得阶段性成果",
                     "硬核防控守阵地。在区委的坚强领导下，广大党员干部群众和医务工作者共同构筑起铜墙铁壁。",
                     "（二）立足新发展格局"]


def test_page_chrome_is_set_aside_not_deleted():
    raw = ("首页 人大概览 人大会议 监督工作 决议决定\n发布日期:2020-08-06 09:56 字号:【 保护色:\n"
           "一、主要工作回顾\n全区经济平稳增长。\n图片\n分享到\n版权所有:某某区人民政府\n苏ICP备17008776号")
    n = normalize(raw)
    reasons = {n.text[b.start:b.end]: b.reason for b in n.boilerplate}
    assert "全区经济平稳增长。" in n.text and "版权所有：某某区人民政府" in n.text
    assert reasons["图片"] == "image" and reasons["首页 人大概览 人大会议 监督工作 决议决定"] == "navigation"
    assert "一、主要工作回顾" not in reasons and "全区经济平稳增长。" not in reasons
    assert any("W002" in w for w in n.warnings)


def test_mojibake_is_detected_reported_and_a_heading_marker_recovered():
    raw = "主要抓好以下工作：\n。ㄒ唬┰谛掳展格局中开辟新空间。牢牢把握机遇。\n（二）抓牢实体经济稳增长。"
    n = normalize(raw)
    assert "ㄒ" not in n.text
    assert n.text.split("\n")[1].startswith("（一）")
    assert any("W001" in w and "ㄒ" in w for w in n.warnings)


@pytest.mark.parametrize("line", ["全区实现地区生产总值366.51亿元，增长6.5%。", "泗泾镇、佘山镇和泖港镇协同发展。",
                                  "PM2.5平均浓度为37微克/立方米。"])
def test_ordinary_text_and_rare_place_names_are_not_mojibake(line):
    assert find_mojibake(line) == []


def test_seed_001_comes_out_simplified_without_artefacts_and_with_a_mojibake_warning(parsed_seeds):
    r = parsed_seeds["001"]
    assert "(qū)" not in r.text and "區" not in r.text and "發" not in r.text
    assert "全区经济社会发展情况" in r.text
    assert any(w.startswith("[W001]") for w in r.warnings)


# ---- real pages: chrome lines are boilerplate, listed with their reason ----------------------
@pytest.mark.parametrize("line, reason", [
    ("县长 张建国", "byline"),
    ("旗长 巴特尔", "byline"),
    ("某某市人民政府市长 李珺玥", "byline"),
    ("——2023年1月8日在某某县第十八届人民代表大会第三次会议上", "byline"),
    ("——2023年1月在某某市第十五届人民代表大会第二次会议上", "byline"),
    ("——在某某区第九届人民代表大会第四次会议上", "byline"),
    ("（二〇二三年一月八日在某某县第十八届人民代表大会第三次会议上）", "byline"),
    ("本报记者 周明 陈思", "byline"),
    ("图为新建成的市民服务中心。记者 刘洋 摄", "caption"),
    ("语音播报", "widget"),
    ("主办单位：某某县人民政府办公室", "footer"),
    ("网站标识码：3600000099", "footer"),
    ("赣ICP备05001234号-1", "footer"),
    ("版权所有：某某县人民政府", "footer"),
    ("专题专栏", "navigation"),
    ("相关阅读：一图读懂政府工作报告", "navigation"),
    ("国内统一刊号：CN 36-0099 邮发代号：43-18", "masthead"),
    ("第05版：要闻", "masthead"),
    ("责任编辑 王小明", "masthead"),
    ("2023年1月12日 星期四", "masthead"),
    ("上接05版", "continuation"),
    ("（下转07版）", "continuation"),
    ("[编辑]", "navigation"),
    ("目录", "navigation"),
    ("出自维基文库，自由的图书馆", "navigation"),
    ("索引号：11360700MB1234567X/2023-00012", "table"),
    ("发文单位：某某县人民政府", "table"),
    ("成文日期：2023-02-10", "table"),
])
def test_page_chrome_of_real_pages_is_boilerplate(line, reason):
    raw = f"各位代表：\n现在，我代表县人民政府向大会报告工作。\n{line}\n过去一年，全县经济稳中有进。"
    n = normalize(raw)
    found = {n.text[b.start:b.end]: b.reason for b in n.boilerplate}
    assert len(found) == 1 and list(found.values()) == [reason]
    assert "过去一年，全县经济稳中有进。" in n.text


def test_a_continuation_note_at_the_end_of_a_paragraph_is_set_aside_alone():
    n = normalize("全县经济运行稳中有进，各项事业取得新进展。（下转04版）\n二、今年工作安排")
    [b] = n.boilerplate
    assert (n.text[b.start:b.end], b.reason) == ("（下转04版）", "continuation")


def test_report_sentences_about_the_mayor_are_not_bylines():
    n = normalize("市长热线办理群众诉求1.2万件，办结率98%。\n县长张建国同志作政府工作报告，会议审议通过。")
    assert n.boilerplate == []


def test_row_numbers_of_a_flattened_table_are_not_page_numbers():
    raw = ("序号\n工作任务\n牵头单位\n1\n推进老旧小区改造，完成改造小区15个\n县住建局\n"
           "2\n新建高标准农田2.5万亩\n县农业农村局\n3\n开展城乡环境综合整治\n县城管局")
    n = normalize(raw)
    assert n.text == raw  # cells stay one per line
    assert [b for b in n.boilerplate if b.reason == "pagenum"] == []


def test_a_lone_number_between_paragraphs_is_still_a_page_number():
    n = normalize("全县经济运行稳中有进。\n12\n各项事业取得新进展。")
    assert [(n.text[b.start:b.end], b.reason) for b in n.boilerplate] == [("12", "pagenum")]


def test_a_title_split_over_two_lines_stays_one_title():
    n = normalize("2023年某某市人民政府\n工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。")
    assert n.text.split("\n")[0] == "2023年某某市人民政府工作报告"


# ---- mojibake needs evidence; nothing is lost without being listed --------------------------
def test_overlapping_mojibake_runs_are_merged_and_the_rest_is_kept():
    n = normalize("ㄒㄓ村道路提ㄒㄓ级。全面完成任务。")
    assert n.text == "全面完成任务。"
    assert deleted_spans(n.warnings) == [(0, 10)]


@pytest.mark.parametrize("line", ["市长李珺玥作政府工作报告。", "深化与澳門特別行政區在金融领域的合作。",
                                  "王喆、刘昇、陈堃三位同志获表彰。"])
def test_rare_name_characters_and_traditional_place_names_are_not_mojibake(line):
    assert find_mojibake(line) == []


def test_traditional_place_name_inside_a_simplified_report_is_kept():
    body = "全区上下团结一心，经济运行稳中有进，各项社会事业取得新进展。" * 12
    n = normalize(body + "深化与澳門特別行政區在金融领域的合作。")
    assert not any(w.startswith("[W001]") for w in n.warnings)
    assert "特別行政區" in n.text or "特别行政区" in n.text


def test_utf8_read_as_gbk_is_still_mojibake():
    assert find_mojibake("鍙戝睍鏀归潻濮斿憳浼氬伐浣滄姤鍛") == [(0, 15)]


def test_every_input_character_is_kept_or_listed():
    raw = ("首页 新闻 政务 公开\n年上半年區(qū)政府工作報告\u200b\n——2023年7月15日在某某区人大常委会会议上\n"
           "ㄒㄓ村道路提ㄒㄓ级。全面完成任务。\x07\n地区生产总值增长 5.5 %，发(fā)展势头良好。\n"
           "。ㄒ唬┰谛掳展格局中开辟新空间。\n版权所有：某某区人民政府")
    n = normalize(raw)
    kept = set(n.raw_map[:-1])
    listed = {i for s, e in deleted_spans(n.warnings) for i in range(s, e)}
    lost = [(i, c) for i, c in enumerate(raw) if not c.isspace() and i not in kept and i not in listed]
    assert lost == []
    assert all(raw[s:e].strip() for s, e in deleted_spans(n.warnings))


def test_a_metadata_block_with_labels_and_values_on_separate_lines_is_boilerplate():
    n = normalize("索引号\n000014349/2023-00012\n发文单位\n某某县人民政府\n成文日期\n2023-02-10\n"
                  "某某县人民政府县长\n各位代表：\n现在，我代表县人民政府向大会报告工作。")
    assert [n.text[b.start:b.end] for b in n.boilerplate if b.reason == "table"] == [
        "索引号", "000014349/2023-00012", "发文单位", "某某县人民政府", "成文日期", "2023-02-10"]
    assert [n.text[b.start:b.end] for b in n.boilerplate if b.reason == "byline"] == ["某某县人民政府县长"]


def _shifted_heading_with_a_lost_byte(tail: str) -> str:
    """（三）+tail as GBK, shifted by one byte and missing the second byte of 三, decoded again."""
    data = b"\xa1" + "（".encode("gbk") + b"\xc8" + "）".encode("gbk")[1:] + tail.encode("gbk")
    return data.decode("gbk", errors="replace")


def test_a_heading_marker_whose_number_was_lost_is_inferred_from_its_neighbours():
    raw = ("（二）扩大有效投资。全年完成投资增长8%。\n" + _shifted_heading_with_a_lost_byte("提升城市品质。") +
           "\n新建口袋公园10个。\n（四）增进民生福祉。新增城镇就业5000人。")
    n = normalize(raw)
    assert [l[:3] for l in n.text.split("\n")] == ["（二）", "（三）", "新建口", "（四）"]
    assert any("（三） inferred" in w for w in n.warnings)


def test_no_marker_is_inferred_without_a_gap_of_one_between_neighbours():
    raw = ("（二）扩大有效投资。\n" + _shifted_heading_with_a_lost_byte("提升城市品质。") + "\n（三）增进民生福祉。")
    assert normalize(raw).text == "（二）扩大有效投资。\n\n（三）增进民生福祉。"


def test_a_row_of_a_pipe_table_is_text_but_a_menu_of_links_is_chrome():
    from govnlp.normalize import classify_line
    assert classify_line("首页 | 新闻中心 | 政务公开 | 办事服务") == "navigation"
    assert classify_line("本站首页 | 机构概况 | 信息公开 | 互动交流 | 联系我们") in ("navigation", "table")
    assert classify_line("3 | 新建城市书房6个，改造农贸市场4个 | 区商务委 | 12月底") is None
    assert classify_line("序号 | 重点任务 | 责任单位 | 完成时限") is None
