"""Reading: any common Chinese encoding, paths, bytes, HTML; clear errors for what cannot be read."""
from pathlib import Path

import pytest

from govnlp.errors import ReadError
from govnlp.io import decode_bytes, read_source

SAMPLE = "各位代表：现在，我代表区人民政府向大会报告工作。全区实现地区生产总值366.51亿元，增长6.5%。"
TRAD = "各位代表：現在，我代表區人民政府向大會報告工作。全區實現地區生產總值366.51億元，增長6.5%。"


@pytest.mark.parametrize("encoding,text", [
    ("utf-8", SAMPLE), ("utf-8-sig", SAMPLE), ("gb18030", SAMPLE), ("gbk", SAMPLE),
    ("gb2312", SAMPLE), ("big5", TRAD), ("utf-16", SAMPLE), ("utf-16-le", SAMPLE),
])
def test_every_common_encoding_decodes_exactly(encoding, text):
    assert decode_bytes(text.encode(encoding)).text == text


def test_a_path_and_its_bytes_read_the_same(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes(SAMPLE.encode("gb18030"))
    assert read_source(p).text == SAMPLE
    assert read_source(path=str(p)).text == SAMPLE
    assert read_source(p.read_bytes()).text == SAMPLE


def test_html_is_turned_into_lines_of_visible_text():
    html = "<html><head><style>p{}</style><script>var x=1;</script></head><body><div>首页 新闻</div>" \
           "<p>一、主要工作回顾</p><p>全区实现地区生产总值366.51亿元。</p><img src='a.png'></body></html>"
    text = read_source(html.encode("utf-8")).text
    assert "var x" not in text and "一、主要工作回顾\n" in text and "图片" in text


def test_missing_file_raises_a_clear_error():
    with pytest.raises(ReadError, match="E001"):
        read_source(Path("no/such/report.txt"))
    with pytest.raises(ReadError, match="E001"):
        read_source(path="no/such/report.txt")


def test_empty_input_raises():
    with pytest.raises(ReadError, match="E003"):
        read_source(b"   \n ")


def test_binary_garbage_is_refused_not_parsed():
    import random

    rnd = random.Random(0)
    data = bytes(rnd.randrange(256) for _ in range(3000))
    with pytest.raises(ReadError, match="E002"):
        decode_bytes(data)


def test_wrong_type_is_refused():
    with pytest.raises(ReadError, match="E005"):
        read_source(12345)


def test_a_pdf_is_read_page_numbers_set_aside_and_wrapped_lines_joined(tmp_path):
    reportlab = pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    import govnlp

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "report.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    lines = ["政府工作报告", "一、2023年工作回顾", "全县地区生产总值完成182.6亿元，增长5.2%，规模以上工业增加值", "增长8%。", "- 2 -"]
    for k, line in enumerate(lines):
        c.drawString(50, 800 - 20 * k, line)
    c.showPage()
    c.save()
    r = govnlp.parse_report(path, indicators="none", slogans=False)
    assert "规模以上工业增加值增长8%。" in r.text
    assert [b.reason for b in r.boilerplate] == ["pagenum"]
    assert [s.title for s in r.sections if s.marker] == ["2023年工作回顾"]


def test_a_broken_pdf_is_a_clear_error():
    with pytest.raises(ReadError, match="E004"):
        read_source(b"%PDF-1.4 this is not really a pdf")
