"""Hostile inputs for the robustness tests and benchmarks/fuzz.py, one generator per category.

Each generator takes a ``random.Random`` and returns ``(kind, source)`` where ``source`` is what
``parse_report`` is given (a str or bytes). The same seed gives the same inputs. The sentences
below are our own; seed reports are only used as material to mutate.
"""
from __future__ import annotations

import io
import random
import zipfile
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# our own report-like sentences, in the shapes the stages look for
SENTENCES = (
    "一、过去一年工作回顾", "（一）经济运行稳中向好。", "1.产业转型升级加快。", "（1）新建标准厂房12万平方米。",
    "① 城乡居民收入分别增长6.1%和7.3%。", "——坚持创新驱动。", "第一方面：稳住经济大盘。",
    "一是加快发展。二是深化改革。三是保障民生。", "全县地区生产总值完成182.6亿元，增长5.2%。",
    "一般公共预算收入8.3亿元，下降2.1%，居全市第三。", "预计全年粮食产量稳定在30万吨以上。",
    "力争城镇新增就业1.2万人以上，城镇调查失业率控制在5.5%左右。", "全面落实“六稳”“六保”任务。",
    "深化“放管服”改革，推进“最多跑一次”。", "实施“十四五”规划和“十二五计划”收尾项目。",
    "注释", "1.六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。",
    "各位代表：现在，我代表县人民政府向大会报告工作，请予审议。", "二、2024年主要任务",
    "牵头单位：县发展改革局；配合单位：县财政局、县统计局", "首页 > 政务公开 > 规划计划", "- 3 -",
    "打印本页 关闭窗口", "澳門特別行政區", "市长王小明作报告", "增长1.5%，", "ㄒㄓ村道路提ㄒㄓ级。",
    "區(qū)", "１２３．５亿元", "2020年上半年", "同比增长10个百分点", "每万人口拥有执业医师2.3人",
)

_RANGES = (
    (0x20, 0x7E), (0x4E00, 0x9FFF), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0x3100, 0x312F),
    (0x2500, 0x257F), (0x3040, 0x30FF), (0x0370, 0x03FF), (0xD800, 0xDFFF), (0x0000, 0x001F),
    (0x007F, 0x009F), (0xE000, 0xF8FF), (0x1F300, 0x1FAFF), (0x20000, 0x2A6DF), (0x0300, 0x036F),
    (0x0590, 0x06FF), (0x200B, 0x200F), (0xFFF0, 0xFFFF), (0x2460, 0x24FF), (0x0030, 0x0039),
)
_MARKERS = ("一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "①", "——", "第一方面：", "一是", "二是",
            "\n", "\n\n", "。", "，", "%", "亿元", "万人", "增长", "下降", "个百分点", "以上", "左右",
            "“", "”", "、", "：", "分别", "预计", "力争", "注释", "<p>", "</p>", "&nbsp;", "\u3000", "\t")


@lru_cache(maxsize=1)
def seed_texts() -> tuple[str, ...]:
    """The bundled seed reports (material to mutate) plus our own sentences as one text."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append("\n".join(SENTENCES))
    return tuple(texts)


def random_unicode(rnd: random.Random, max_len: int = 1500) -> str:
    """Characters from ranges a report never has and ranges it always has, mixed."""
    n = rnd.randrange(0, max_len)
    weights = [rnd.random() for _ in _RANGES]
    ranges = rnd.choices(_RANGES, weights=weights, k=n)
    return "".join(chr(rnd.randint(a, b)) for a, b in ranges)


def random_bytes(rnd: random.Random, max_len: int = 3000) -> bytes:
    """Random bytes, sometimes behind a PDF, ZIP, BOM or HTML header."""
    body = bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(0, max_len)))
    head = rnd.choice([b"", b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
                       b"<html><body>", "一、总体要求\n".encode("gb18030")])
    return head + body


def mutate(rnd: random.Random, text: str, n: int | None = None) -> str:
    """``text`` with a few random edits: cut, repeat, shuffle, insert markers or junk."""
    for _ in range(n if n is not None else rnd.randint(1, 6)):
        if not text:
            text = rnd.choice(SENTENCES)
        i = rnd.randrange(len(text) + 1)
        j = min(len(text), i + rnd.randrange(0, 400))
        op = rnd.randrange(8)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:j] + text[i:j] * rnd.randint(1, 5) + text[j:]
        elif op == 2:
            text = text[:i] + rnd.choice(_MARKERS) * rnd.randint(1, 3) + text[i:]
        elif op == 3:
            text = text[:i] + random_unicode(rnd, 40) + text[i:]
        elif op == 4:
            text = text[:i] + rnd.choice(SENTENCES) + text[i:]
        elif op == 5:
            parts = text.split("\n")
            rnd.shuffle(parts)
            text = "\n".join(parts)
        elif op == 6:
            text = text[i:j] or text
        else:
            text = text[:i] + str(rnd.choice([0, 1, 9.5, 1e6, 12345678901234567890, -3])) + rnd.choice(
                ["%", "亿元", "万", "个百分点", "倍", ""]) + text[i:]
    return text


def seed_slice(rnd: random.Random, max_len: int = 3000) -> str:
    text = rnd.choice(seed_texts())
    i = rnd.randrange(len(text))
    return text[i:i + rnd.randrange(1, max_len)]


def mutated_seed(rnd: random.Random) -> str:
    return mutate(rnd, seed_slice(rnd))


def html_page(rnd: random.Random) -> str:
    """A page of paragraphs in random, sometimes broken, markup."""
    lines = seed_slice(rnd, 1500).split("\n") + [rnd.choice(SENTENCES) for _ in range(rnd.randint(0, 5))]
    tags = ["p", "div", "span", "li", "td", "h2", "b", "font", "section", "br"]
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府工作报告</title>"
           "<style>p{color:red}</style><script>var a='<p>不要读</p>';</script></head><body>"]
    for line in lines:
        tag = rnd.choice(tags)
        piece = f"<{tag}>{line}</{tag}>" if rnd.random() < 0.8 else f"<{tag}>{line}"
        if rnd.random() < 0.1:
            piece = "<!-- 注释 -->" + piece + "&amp;&lt;&#12345;&bogus;"
        if rnd.random() < 0.1:
            piece = "<table><tr><td>" + line + "</td><td>12.5</td></tr></table>"
        if rnd.random() < 0.05:
            piece = "<div>" * rnd.randint(1, 400) + line
        out.append(piece)
    if rnd.random() < 0.5:
        out.append("</body></html>")
    html = "".join(out)
    return mutate(rnd, html, rnd.randint(0, 2))


def docx_bytes(rnd: random.Random) -> bytes:
    """A .docx (a zip with word/document.xml) of paragraphs, sometimes damaged."""
    paras = seed_slice(rnd, 1500).split("\n")
    esc = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in paras]
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in esc)
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{body}</w:body></w:document>")
    damage = rnd.randrange(6) if rnd.random() < 0.5 else 0
    if damage == 1:
        xml = xml[: rnd.randrange(len(xml))]
    elif damage == 2:
        xml = xml.replace("</w:p>", "", rnd.randint(1, 50))
    elif damage == 3:
        xml = "<!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'>]>" + xml.replace("<w:t ", "<w:t>&a;</w:t><w:t ", 20)
    name = "word/document.xml" if damage != 4 else "word/other.xml"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, xml)
    data = buf.getvalue()
    if damage == 5:
        k = rnd.randrange(len(data))
        data = data[:k] + bytes([rnd.getrandbits(8)]) + data[k + 1:]
    return data


def pdf_bytes(rnd: random.Random) -> bytes:
    """A PDF made with reportlab (CJK font), sometimes with a damaged byte."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    lines = [ln[:40] for ln in seed_slice(rnd, 1200).split("\n") if ln.strip()] or ["政府工作报告"]
    for page in range(rnd.randint(1, 3)):
        c.setFont("STSong-Light", 11)
        for k, line in enumerate(lines[page * 30:(page + 1) * 30]):
            c.drawString(40, 800 - 22 * k, line)
        c.drawString(280, 30, f"- {page + 1} -")
        c.showPage()
    c.save()
    data = buf.getvalue()
    if rnd.random() < 0.3:
        for _ in range(rnd.randint(1, 5)):
            k = rnd.randrange(len(data))
            data = data[:k] + bytes([rnd.getrandbits(8)]) + data[k + 1:]
    return data


def odd_encoding(rnd: random.Random) -> bytes:
    """Report text in gb18030, big5, UTF-16 (with or without BOM), sometimes cut mid-character
    or with two encodings glued together."""
    text = mutated_seed(rnd) if rnd.random() < 0.5 else seed_slice(rnd)
    enc = rnd.choice(["gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "big5hkscs"])
    data = text.encode(enc, errors="replace")
    r = rnd.random()
    if r < 0.2:
        data = data[: rnd.randrange(len(data) + 1)]
    elif r < 0.35:
        data = data + rnd.choice(SENTENCES).encode(rnd.choice(["utf-8", "gb18030", "big5"]), errors="replace")
    elif r < 0.45 and len(data) > 1:
        data = data[1:]
    return data


GENERATORS = {
    "unicode": random_unicode,
    "bytes": random_bytes,
    "mutated": mutated_seed,
    "html": html_page,
    "pdf": pdf_bytes,
    "docx": docx_bytes,
    "encoding": odd_encoding,
}


def generate(rnd: random.Random, kind: str | None = None):
    """One input: ``(kind, source)``."""
    kind = kind or rnd.choice(sorted(GENERATORS))
    return kind, GENERATORS[kind](rnd)


_ADVERSARIAL = ("增长1.5%，", "一、标题\n", "（一）标题\n", "1.标题\n", "一是加快发展。", "首页 | 新闻 | 政务 | ",
                "<p>段落文字。</p>", "“六稳”“六保”", "ㄒㄓ", "區(qū)", "。", "\n", "1", "分别增长1%、2%和3%，",
                "注释\n1.六稳：稳就业。\n", "预计", "第一方面：", "——", "(", "（", "“")


def adversarial(rnd: random.Random, min_len: int = 10_000, max_len: int = 100_000) -> str:
    """One pattern repeated to 10k-100k characters (finds work that grows faster than the input)."""
    unit = "".join(rnd.choice(_ADVERSARIAL) for _ in range(rnd.randint(1, 3)))
    n = rnd.randint(min_len, max_len)
    return (unit * (n // len(unit) + 1))[:n]
