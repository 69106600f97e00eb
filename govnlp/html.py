"""An HTML view of a Report: meta, legend, outline, indicator table and the marked-up text.

A projection of the Report (nothing is re-parsed); one standalone page, no scripts, no network.
Outline entries and indicator rows link into the text; numbers are written as a report writes
them (366.51亿元, 增长6.5%), footnote markers are shown as superscript markers linked to their
glossary entry, and text set aside as page chrome is shown struck through.
"""
from __future__ import annotations

import html as _html
from typing import Optional

from .readable import readable, readable_change, readable_range
from .report import Indicator, Report

_STYLE = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:64em;
margin:1.5em auto;padding:0 1em;line-height:1.75;color:#212529}
h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:1px solid #dee2e6;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #dee2e6;padding:.15em .5em;text-align:left;vertical-align:top}
th{background:#f1f3f5}td.num{text-align:right;white-space:nowrap}
.ind{border-bottom:2px solid;padding:0 1px}.actual{background:#fff3b0;border-color:#e0a800}
.target{background:#d7f0ff;border-color:#1c7ed6}.forecast{background:#e9ddff;border-color:#7048e8}
.name{background:#e6f7e6}.slogan{border-bottom:2px dotted #c92a2a}
.boiler{color:#adb5bd;text-decoration:line-through}.head{font-weight:bold;color:#1864ab}
.fn{font-size:.7em;vertical-align:super;color:#c92a2a;text-decoration:none}
.legend span{display:inline-block;margin:0 .8em .3em 0;padding:0 .3em}
.toc{padding-left:0}.toc li{list-style:none}.lab{font-size:.75em;color:#868e96;margin-left:.5em}
.text{white-space:pre-wrap}.warn{color:#c92a2a;font-size:.9em}
:target{outline:2px solid #f76707}
"""
_META_ROWS = [("title", "title 标题"), ("region", "region 地区"), ("province", "province 省份"),
              ("admin_code", "GB/T 2260 code"), ("level", "level 级别"), ("year", "year 年份"),
              ("doc_type", "document type 类型"), ("date", "date 日期")]


def _e(x: object) -> str:
    return _html.escape("" if x is None else str(x))


def quantity_text(ind: Indicator) -> str:
    """The level of an indicator as a reader writes it, with its qualifier word."""
    level = readable_range(ind.low, ind.high, ind.unit) or readable(ind.value, ind.unit)
    words = {"approx": "约", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<", "nearly": "近"}
    return f"{words[ind.qualifier]}{level}" if level and ind.qualifier in words else level


def change_text(ind: Indicator) -> str:
    """The change of an indicator as a verb phrase (增长6.5%), or "" (with the qualifier when the
    indicator has no level: 约增长6%)."""
    if ind.change is None:
        return ""
    text = readable_change(ind.change.value, ind.change.unit)
    no_level = ind.value is None and ind.low is None
    words = {"approx": "约", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<", "nearly": "近"}
    return f"{words[ind.qualifier]}{text}" if no_level and ind.qualifier in words else text


def _tooltip(k: int, ind: Indicator) -> str:
    parts = [f"#{k}", ind.name or "(no name)", ind.canonical or "", quantity_text(ind), change_text(ind),
             ind.kind, ind.period or ""]
    if ind.rank:
        parts.append(f"rank {ind.rank.scope} {ind.rank.position}")
    return " · ".join(p for p in parts if p)


def to_html(report: Report, title: Optional[str] = None) -> str:
    """A standalone HTML page showing the report and what govnlp found in it."""
    text = report.text
    opens: dict[int, list[tuple[int, str]]] = {}
    closes: dict[int, list[str]] = {}
    points: dict[int, list[str]] = {}

    def mark(s: int, e: int, tag: str, close: str = "</span>") -> None:
        if 0 <= s < e <= len(text):
            opens.setdefault(s, []).append((e, tag))
            closes.setdefault(e, []).insert(0, close)

    for b in report.boilerplate:
        mark(b.start, b.end, f'<span class="boiler" title="page chrome: {_e(b.reason)}">')
    for sec in report.sections:
        points.setdefault(sec.start, []).append(f'<a id="sec-{sec.id}"></a>')
        end = sec.body_start if sec.body_start and sec.body_start > sec.start else min(sec.end, sec.start + len(sec.title))
        mark(sec.start, end, f'<span class="head" title="{_e(sec.function)} / {_e(sec.topic)}">')
    for k, ind in enumerate(report.indicators):
        if ind.spans.get("name"):
            mark(*ind.spans["name"], '<span class="name">')
        span = ind.spans.get("value") or ind.spans.get("change")
        if span:
            mark(span[0], span[1], f'<span class="ind {_e(ind.kind)}" id="ind-{k}" title="{_e(_tooltip(k, ind))}">')
        if ind.spans.get("value") and ind.spans.get("change"):
            mark(*ind.spans["change"], f'<span class="ind {_e(ind.kind)}" title="{_e(_tooltip(k, ind))}">')
    for sl in report.slogans:
        tip = "、".join(sl.expansion) if sl.expansion else "expansion unknown"
        mark(sl.start, sl.end, f'<span class="slogan" title="{_e(sl.text)}: {_e(tip)}">')
    for fn in report.footnotes:
        target = f"#gl-{fn.entry}" if fn.entry is not None else "#glossary"
        mark(fn.start, fn.end, f'<a class="fn" href="{target}" title="footnote {_e(fn.number)}: {_e(fn.term or "")}">',
             "</a>")

    out = []
    for i, ch in enumerate(text):
        out.extend(closes.get(i, []))
        out.extend(points.get(i, []))
        out.extend(tag for _, tag in sorted(opens.get(i, []), key=lambda x: -x[0]))  # outer spans first
        out.append(_html.escape(ch))
    out.extend(closes.get(len(text), []))

    head = _e(title or report.meta.title or "govnlp report")
    meta = report.meta.to_dict()
    meta_rows = "".join(f"<tr><th>{label}</th><td>{_e(meta.get(key))}</td></tr>" for key, label in _META_ROWS)
    counts = (f"{len(report.sections)} sections · {len(report.indicators)} indicators · "
              f"{len(report.slogans)} slogans · {len(report.tasks)} tasks · {len(text):,} characters")
    legend = ('<div class="legend"><span class="ind actual">actual 实际</span><span class="ind target">target 目标</span>'
              '<span class="ind forecast">forecast 预计</span><span class="name">indicator name 指标名</span>'
              '<span class="slogan">slogan 提法</span><span class="head">heading 标题</span>'
              '<span class="boiler">page chrome 页面杂项</span><span><a class="fn">1</a> footnote marker 注释标号</span></div>')
    toc = "".join(
        f'<li style="margin-left:{(s.level - 1) * 1.5}em"><a href="#sec-{s.id}">{_e((s.marker or "") + s.title)}</a>'
        f'<span class="lab">{_e(s.function)} / {_e(s.topic)}</span></li>' for s in report.sections)
    titles = {s.id: s.title for s in report.sections}
    rows = "".join(
        f'<tr><td><a href="#ind-{k}">{k}</a></td><td>{_e(ind.name)}</td><td>{_e(ind.canonical)}</td>'
        f'<td class="num">{_e(quantity_text(ind))}</td><td class="num">{_e(change_text(ind))}</td>'
        f'<td>{_e(f"{ind.rank.scope}第{ind.rank.position}" if ind.rank else "")}</td>'
        f'<td class="{_e(ind.kind)}">{_e(ind.kind)}</td><td>{_e(ind.period)}</td>'
        f'<td>{_e(titles.get(ind.section, ""))[:24]}</td></tr>'
        for k, ind in enumerate(report.indicators))
    table = ("<table><tr><th>#</th><th>name 名称</th><th>canonical</th><th>value 数值</th><th>change 变化</th>"
             f"<th>rank 排名</th><th>kind 类别</th><th>period 时期</th><th>section 所在部分</th></tr>{rows}</table>")
    seen: dict[tuple, list] = {}
    for s in report.slogans:  # one row per slogan and reading, with its number of mentions
        seen.setdefault((s.text, tuple(s.expansion or ()), s.provenance), []).append(s)
    slogans = "".join(f"<tr><td>{_e(t)}</td><td class='num'>{len(v)}</td><td>{_e('、'.join(x) if x else '—')}</td>"
                      f"<td>{_e(p)}</td></tr>" for (t, x, p), v in seen.items())
    glossary = "".join(f'<li id="gl-{k}"><b>{_e(g.number)}. {_e(g.term)}</b> {_e(g.definition[:300])}</li>'
                       for k, g in enumerate(report.glossary))
    tasks = "".join(f"<tr><td>{_e(t.number)}</td><td>{_e('、'.join(t.lead))}</td><td>{_e('、'.join(t.support))}</td></tr>"
                    for t in report.tasks)
    warn = "".join(f"<li>{_e(w[:400])}</li>" for w in report.warnings)
    parts = [f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>{head}</title>"
             f"<style>{_STYLE}</style></head><body><h1>{head}</h1><p>{counts}</p><table>{meta_rows}</table>",
             f"<h2>Legend 图例</h2>{legend}"]
    if warn:
        parts.append(f"<h2>Warnings 提示</h2><ul class='warn'>{warn}</ul>")
    parts.append(f"<h2>Outline 目录</h2><ul class='toc'>{toc}</ul>")
    parts.append(f"<h2>Indicators 指标</h2>{table}")
    if slogans:
        parts.append(f"<h2>Slogans 提法</h2><table><tr><th>slogan</th><th>mentions 次数</th><th>stands for 含义</th><th>from 来源</th></tr>"
                     f"{slogans}</table>")
    if tasks:
        parts.append(f"<h2>Tasks 任务</h2><table><tr><th>no.</th><th>lead 牵头</th><th>support 配合</th></tr>{tasks}</table>")
    if glossary:
        parts.append(f"<h2 id='glossary'>Glossary 注释</h2><ul>{glossary}</ul>")
    parts.append(f"<h2>Text 正文</h2><div class='text'>{''.join(out)}</div></body></html>")
    return "".join(parts)
