"""The HTML view: a page a person reads, checked in a real headless browser when one is installed."""
import re
import shutil
import subprocess

import pytest

from govnlp.html import to_html
from govnlp.pipeline import parse_text

TEXT = ("示例区2023年政府工作报告\n各位代表：现在，我代表区人民政府向大会报告工作。\n一、2022年工作回顾\n"
        "全区地区生产总值366.51亿元，增长6.5%；城镇调查失业率下降0.3个百分点。深化“放管服”改革，"
        "“五型”政府1建设成效明显。\n二、2023年主要预期目标\n地区生产总值增长6%左右。\n"
        "注释：\n1.“五型”政府：忠诚型、创新型、担当型、服务型、过硬型政府。\n")


@pytest.fixture(scope="module")
def page() -> str:
    return to_html(parse_text(TEXT, indicators="rules"))


def test_the_page_has_meta_legend_outline_and_an_indicator_table(page):
    assert "<th>year 年份</th><td>2023</td>" in page and "<th>document type 类型</th><td>work_report</td>" in page
    for part in ("Legend 图例", "Outline 目录", "Indicators 指标", "Text 正文"):
        assert part in page
    assert "366.51亿元" in page and "增长6.5%" in page and "下降0.3个百分点" in page
    assert "36651000000.0" not in page                                     # no raw floats for people


def test_outline_and_indicator_rows_link_into_the_text(page):
    for target in re.findall(r'href="#((?:sec|ind)-\d+)"', page):
        assert f'id="{target}"' in page
    assert re.search(r'href="#sec-\d+"', page) and re.search(r'href="#ind-\d+"', page)


def test_footnote_markers_are_markers_linked_to_the_glossary(page):
    assert re.search(r'<a class="fn" href="#gl-0"[^>]*>1</a>', page)
    assert 'id="gl-0"' in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does)")
def test_the_page_renders_in_headless_chromium(page, tmp_path):
    html = tmp_path / "report.html"
    html.write_text(page, encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", html.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert "Indicators 指标" in dom and "366.51亿元" in dom                  # the browser built the page
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1000,1400", f"--screenshot={shot}", html.as_uri()],
                   capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000        # a real, non-blank picture
