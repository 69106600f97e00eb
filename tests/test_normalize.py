"""Normalisation is the only place text changes; every change keeps a map back to the raw input."""
import pytest

from govnlp.normalize import find_mojibake, normalize


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
