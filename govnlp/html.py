"""An HTML view of a Report: the text with sections, indicators and slogans marked up.

A projection of the Report (nothing is re-parsed); open the file in a browser.
"""
from __future__ import annotations

import html as _html

from .report import Report

_STYLE = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:62em;margin:2em auto;line-height:1.7}
.ind{background:#fff3b0;border-bottom:2px solid #e0a800}.ind.target{background:#d7f0ff;border-color:#1c7ed6}
.ind.forecast{background:#e9ddff;border-color:#7048e8}.name{background:#e6f7e6}.slogan{border-bottom:2px dotted #c92a2a}
.boiler{color:#aaa;text-decoration:line-through}.head{font-weight:bold;color:#1864ab}
.toc li{list-style:none}.lab{font-size:.75em;color:#868e96;margin-left:.5em}
pre.meta{background:#f8f9fa;padding:.5em}
"""


def to_html(report: Report, title: str | None = None) -> str:
    """A standalone HTML page showing the report and what govnlp found in it."""
    text = report.text
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}

    def mark(s: int, e: int, tag: str) -> None:
        if 0 <= s < e <= len(text):
            opens.setdefault(s, []).append(tag)
            closes.setdefault(e, []).insert(0, "</span>")

    for b in report.boilerplate:
        mark(b.start, b.end, f'<span class="boiler" title="{b.reason}">')
    for sec in report.sections:
        end = sec.body_start if sec.body_start and sec.body_start > sec.start else min(sec.end, sec.start + len(sec.title))
        mark(sec.start, end, f'<span class="head" title="{sec.function}/{sec.topic} {sec.confidence:.2f}">')
    for k, ind in enumerate(report.indicators):
        tip = _html.escape(f"#{k} {ind.canonical or ''} value={ind.value} unit={ind.unit} kind={ind.kind} period={ind.period}")
        if ind.spans.get("name"):
            mark(*ind.spans["name"], '<span class="name">')
        span = ind.spans.get("value") or ind.spans.get("change")
        if span:
            mark(span[0], span[1], f'<span class="ind {ind.kind}" title="{tip}">')
    for sl in report.slogans:
        tip = _html.escape("、".join(sl.expansion) if sl.expansion else "(unknown)")
        mark(sl.start, sl.end, f'<span class="slogan" title="{tip}">')

    out = []
    for i, ch in enumerate(text):
        out.extend(closes.get(i, []))
        out.extend(opens.get(i, []))
        out.append("<br>\n" if ch == "\n" else _html.escape(ch))
    out.extend(closes.get(len(text), []))
    toc = "".join(
        f'<li style="margin-left:{(s.level - 1) * 1.5}em">{_html.escape((s.marker or "") + s.title)}'
        f'<span class="lab">{s.function}/{s.topic}</span></li>' for s in report.sections)
    meta = _html.escape(str(report.meta.to_dict()))
    warn = "".join(f"<li>{_html.escape(w[:400])}</li>" for w in report.warnings)
    head = _html.escape(title or report.meta.title or "govnlp report")
    return (f"<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>{head}</title><style>{_STYLE}</style>"
            f"<h1>{head}</h1><pre class='meta'>{meta}</pre><ul>{warn}</ul><h2>Outline</h2><ul class='toc'>{toc}</ul>"
            f"<h2>Text</h2><div>{''.join(out)}</div></html>")
