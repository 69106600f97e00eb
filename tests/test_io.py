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


# ---- paths only when asked ----------------------------------------------------------------------
def test_a_str_is_always_text_never_a_file_name(tmp_path):
    import govnlp

    r = govnlp.parse_report("/etc/passwd", indicators="none")
    assert r.text == "/etc/passwd"
    existing = tmp_path / "report.txt"
    existing.write_text(SAMPLE, "utf-8")
    r = govnlp.parse_report(str(existing), indicators="none")
    assert r.text == str(existing) and any(w.startswith("[W011]") for w in r.warnings)
    assert govnlp.parse_report(path=str(existing), indicators="none").text.startswith("各位代表")
    assert govnlp.parse_report(existing, indicators="none").text.startswith("各位代表")


def test_a_source_and_a_path_together_are_refused(tmp_path):
    with pytest.raises(ReadError, match="E014"):
        read_source("正文", path=tmp_path / "x.txt")


def test_sentences_are_not_mistaken_for_file_names():
    from govnlp.io import looks_like_file_name

    assert looks_like_file_name("reports/2020年政府工作报告.pdf")
    assert not looks_like_file_name("全县地区生产总值增长5.2%。")
    assert not looks_like_file_name("增长5.2%，详见附表.docx。")


def test_special_files_are_refused_without_reading(tmp_path):
    import os
    import time

    with pytest.raises(ReadError, match="E009"):
        read_source(tmp_path)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        t0 = time.perf_counter()
        with pytest.raises(ReadError, match="E009"):
            read_source(tmp_path / "fifo")  # no writer: a blocking open would hang here
        assert time.perf_counter() - t0 < 2


# ---- clean input at the door --------------------------------------------------------------------
@pytest.mark.parametrize("text", ["溫濱鯑咗\uda5d", "增长5%\udc00", "\udbff", "\ud83d\ude00增长"])
def test_lone_surrogates_become_replacement_characters_with_a_warning(text):
    import govnlp

    r = govnlp.parse_report(text, indicators="rules")
    assert "\ufffd" in r.text and any(w.startswith("[W010]") for w in r.warnings)
    r.to_json().encode("utf-8")
    doc = read_source(text)
    assert len(doc.text) == len(text), "one for one, so offsets keep their meaning"


def test_inputs_beyond_the_limits_are_refused_quickly(monkeypatch):
    import dataclasses
    import time

    import govnlp
    from govnlp import io as gio
    from govnlp.errors import InputTooLargeError

    t0 = time.perf_counter()
    with pytest.raises(InputTooLargeError, match="E008"):
        govnlp.parse_report("增" * (gio.LIMITS.max_chars + 1))
    with pytest.raises(InputTooLargeError, match="E008"):
        govnlp.parse_report(("增长5%。" * 1000).encode("utf-8"), max_chars=1000)
    assert time.perf_counter() - t0 < 5
    monkeypatch.setattr(gio, "LIMITS", dataclasses.replace(gio.LIMITS, max_bytes=100))
    with pytest.raises(InputTooLargeError, match="max_bytes"):
        read_source(b"x" * 101)


# ---- DOCX, HTML and PDF without super-linear work -------------------------------------------------
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(xml: str) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_docx_paragraphs_tabs_breaks_and_entities():
    body = ('<w:p><w:r><w:t>一、总体&amp;要求</w:t></w:r></w:p>'
            '<w:p><w:r><w:t xml:space="preserve">增长</w:t><w:tab/><w:t>5%</w:t><w:br/><w:t>续行</w:t></w:r></w:p>'
            '<w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    data = _docx(f'<?xml version="1.0"?><w:document {W_NS}><w:body>{body}</w:body></w:document>')
    assert read_source(data).text == "一、总体&要求\n增长\t5%\n续行\n\n表格"


def test_a_damaged_docx_is_a_clear_error_and_fast():
    import time

    t0 = time.perf_counter()
    with pytest.raises(ReadError, match="E001"):
        read_source(_docx(f"<w:document {W_NS}><w:body>" + "<w:p>" * 20000))
    with pytest.raises(ReadError, match="E001"):
        read_source(b"PK\x03\x04" + b"\x00" * 100)
    assert time.perf_counter() - t0 < 2


def test_a_docx_that_unpacks_beyond_the_limit_is_refused(monkeypatch):
    import dataclasses

    from govnlp import io as gio
    from govnlp.errors import InputTooLargeError

    monkeypatch.setattr(gio, "LIMITS", dataclasses.replace(gio.LIMITS, max_docx_xml_bytes=50_000))
    xml = f"<w:document {W_NS}><w:body>" + "<w:p><w:r><w:t>增长</w:t></w:r></w:p>" * 5000 + "</w:body></w:document>"
    data = _docx(xml)
    assert len(data) < 5_000  # a small file that unpacks to far more
    with pytest.raises(InputTooLargeError, match="max_docx_xml_bytes"):
        read_source(data)


def test_ten_thousand_html_paragraphs_are_fast_and_linear():
    import time

    from govnlp.io import html_to_text

    def seconds(n: int) -> float:
        page = "<html><body>" + "".join(f"<p>第{i}段：全县地区生产总值增长5%。</p>" for i in range(n)) + "</body></html>"
        t0 = time.perf_counter()
        text = html_to_text(page)
        assert text.count("\n\n") == n - 1
        return time.perf_counter() - t0

    small, large = min(seconds(1000) for _ in range(3)), min(seconds(10000) for _ in range(2))
    assert large < 2.0
    assert large <= 15 * max(small, 0.005)  # 10x the paragraphs, at most 15x the time


def test_deeply_nested_html_does_not_overflow():
    from govnlp.io import html_to_text

    assert "正文" in html_to_text("<html><body>" + "<div>" * 200 + "<p>正文</p>" + "</div>" * 200)
    html_to_text("<div>" * 100000 + "深" + "</div>" * 100000)  # no RecursionError


def _pdf_repeating_one_page(n: int) -> bytes:
    """A hand-written PDF whose page tree lists the same page ``n`` times."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * n) + b"] /Count %d >>" % n,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>"]
    stream = b"BT /F1 12 Tf 20 100 Td (page) Tj ET"
    objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_a_pdf_listing_one_page_twenty_thousand_times_is_refused_quickly():
    import time

    from govnlp.errors import InputTooLargeError

    assert read_source(_pdf_repeating_one_page(3)).text == "page\npage\npage"
    t0 = time.perf_counter()
    with pytest.raises(InputTooLargeError, match="PDF pages"):
        read_source(_pdf_repeating_one_page(20000))
    assert time.perf_counter() - t0 < 5


@pytest.mark.parametrize("path, code", [("a\x00b.txt", "E001"), (5, "E005"), (b"/no/such/file.txt", "E001"),
                                        ("x" * 5000, "E001")])
def test_odd_path_values_are_coded_errors(path, code):
    with pytest.raises(ReadError, match=code):
        read_source(path=path)
