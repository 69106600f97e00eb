"""Outline: the heading hierarchy of a report, its 注释 glossary and footnote markers.

Heading styles are a table (govnlp/data/headings.tsv). Levels follow the order in which styles
first appear (a style already open closes everything below it; a new style opens a child), with
number-sequence checks so that a stray "3." inside a paragraph does not start a section. Lines
set aside as boilerplate never become headings. A table of contents that repeats the headings
before the body is recognised and set aside. News summaries without numbered headings get
their outline from bare short lines; 一是…二是… enumerations become child sections. A list of
the report's parts (报告分为三部分：一、…；二、…) and the cells of a flattened table are not
headings. Every step is linear: line look-ups by binary search, section ends from one stack pass,
siblings clipped so they never overlap.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .normalize import iter_lines, table_spans
from .report import Boilerplate, Footnote, GlossaryEntry, Report, Section

CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
TITLE_MAX = 60
# conventional rank of heading styles, most major first (GB/T 9704 order, then report habits)
STYLE_RANK = {"standalone": 0, "bare_top": 0, "fangmian": 1, "cn_dun": 2, "bare_mid": 2, "cn_paren": 3,
              "bare_leaf": 3, "ar_dot": 4, "ar_paren": 5, "circled": 6, "dash": 7, "shi": 8}


def cn_number(s: str) -> Optional[int]:
    """一 -> 1, 十二 -> 12, 二十三 -> 23, ① -> 1, '7' -> 7."""
    if not s:
        return None
    if s in CIRCLED:
        return CIRCLED.index(s) + 1
    if s.isdecimal():
        return int(s)
    if "十" in s:
        a, _, b = s.partition("十")
        tens = CN_DIGITS.get(a, 1) if a else 1
        ones = CN_DIGITS.get(b, 0) if b else 0
        return tens * 10 + ones
    return CN_DIGITS.get(s)


@lru_cache(maxsize=1)
def heading_styles() -> list[tuple[str, re.Pattern]]:
    text = resources.files("govnlp.data").joinpath("headings.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            style, pattern = line.split("\t", 1)
            rows.append((style, re.compile(pattern)))
    return rows


@lru_cache(maxsize=1)
def standalone_patterns() -> list[re.Pattern]:
    text = resources.files("govnlp.data").joinpath("standalone_headings.tsv").read_text("utf-8")
    return [re.compile(l) for l in text.splitlines() if l.strip() and not l.startswith("#")]


GLOSSARY_TITLE = re.compile(r"^(《?[^《》]{0,20}》?)?(注释|名词解释|附：?名词解释|注解|释义|附注)[：:]?$")
GLOSSARY_ENTRY = re.compile(r"^(?:\[(?P<n1>\d{1,3})\]|【(?P<n3>\d{1,3})】|(?P<n2>\d{1,3})[.．、])\s*(?P<term>[^：:]{1,40}?)[：:]\s*(?P<def>.+)$")
CLOSING_START = re.compile(r"^(各位代表|同志们|主任、各位副主任|各位委员)[^。]{0,40}[，！,]")
CLOSING_CUE = re.compile(r"让我们|以上报告|请予审议|请予评议|敬请|奋力谱写|而努力奋斗|而不懈奋斗")


@dataclass
class _Head:
    style: str
    num: Optional[int]
    marker: Optional[str]
    title: str
    start: int          # heading start (line start, or inline position)
    body_start: int     # where its text after the title begins
    line_end: int
    level: int = 0
    inline: bool = False


def _title_of(rest: str) -> tuple[str, int]:
    """Heading title from the text after a marker, and its length in ``rest``."""
    rest_s = rest.rstrip()
    if len(rest_s) <= TITLE_MAX and not re.search(r"[。！？；]", rest_s[:-1]):
        return rest_s.rstrip("。：:；;，,"), len(rest_s)
    m = re.search(r"[。！？；：]", rest_s)
    if m and m.start() <= TITLE_MAX:
        return rest_s[:m.start()], m.end()
    m = re.search(r"[，,]", rest_s)
    if m and m.start() <= TITLE_MAX:
        return rest_s[:m.start()], m.start()
    return rest_s[:TITLE_MAX], min(len(rest_s), TITLE_MAX)


def _content_lines(report: Report) -> list[tuple[int, int, str]]:
    """Non-empty lines not set aside as boilerplate; chrome ending a line ([编辑]) is cut off."""
    out = []
    spans = report.boilerplate
    starts = [b.start for b in spans]
    for s, e, line in iter_lines(report.text):
        st = s + (len(line) - len(line.lstrip()))
        if not line.strip() or report.is_boilerplate(st):
            continue
        k = bisect.bisect_left(starts, st)
        if k < len(spans) and spans[k].start < e and spans[k].end >= s + len(line.rstrip()):
            cut = spans[k].start - s
            line, e = line[:cut].rstrip(), s + len(line[:cut].rstrip())
        out.append((s, e, line))
    return out


def _candidates(lines: list[tuple[int, int, str]]) -> list[_Head]:
    heads: list[_Head] = []
    for s, e, line in lines:
        text = line.strip()
        lead = len(line) - len(line.lstrip())
        if any(p.match(text) for p in standalone_patterns()) and len(text) <= 30:
            style = "glossary" if GLOSSARY_TITLE.match(text) else "standalone"
            heads.append(_Head(style, None, None, text.rstrip("：:"), s + lead, e, e))
            continue
        if GLOSSARY_TITLE.match(text):
            heads.append(_Head("glossary", None, None, text.rstrip("：:"), s + lead, e, e))
            continue
        # one stray character before a （N） marker (scrape debris such as "角（二）")
        probe, shift = text, 0
        if re.match(r"^[^\s（(]\s?[（(][一二三四五六七八九十]{1,3}[)）]", text):
            shift = text.index("（") if "（" in text[:3] else text.index("(")
            probe = text[shift:]
        for style, pattern in heading_styles():
            m = pattern.match(probe)
            if not m:
                continue
            if style in ("ar_dot", "ar_paren") and re.match(r"\d{1,3}[.．、]\s*\d", probe):
                break
            rest = m.group("rest")
            title, used = _title_of(rest)
            if style == "dash":
                title = re.split(r"[。！；：]", rest, 1)[0]
            if not title.strip():
                break
            num = cn_number(m.groupdict().get("num") or "")
            marker_start = s + lead + shift
            body = marker_start + m.start("rest") + used
            heads.append(_Head(style, num, m.group("marker"), title.strip(), marker_start, body, e))
            break
    return heads


def _drop_toc(heads: list[_Head], text: str) -> tuple[list[_Head], list[Boilerplate]]:
    """Headings listed twice where the first copies have no body between them: a table of contents."""
    toc: list[Boilerplate] = []
    seen_later = {}
    for i, h in enumerate(heads):
        seen_later.setdefault((h.style, h.num, h.title), []).append(i)
    drop = set()
    for key, idxs in seen_later.items():
        if len(idxs) < 2 or key[0] in ("dash", "shi"):
            continue
        first = heads[idxs[0]]
        nxt = heads[idxs[0] + 1] if idxs[0] + 1 < len(heads) else None
        gap = text[first.line_end:nxt.start].strip() if nxt else "x" * 100
        if len(gap) < 5:
            drop.add(idxs[0])
    if drop:
        for i in sorted(drop):
            h = heads[i]
            toc.append(Boilerplate(h.start, h.line_end, "toc"))
    return [h for i, h in enumerate(heads) if i not in drop], toc


def _bare_headings(lines: list[tuple[int, int, str]], taken: list[_Head]) -> list[_Head]:
    """Headings of news summaries: groups of short unpunctuated lines before a paragraph.

    In a group the last line is the lowest heading (its paragraph follows), the two lines
    before it a paired higher heading, a year line (回顾2022, 谋划2023) the top; extra lines
    after a year line are its subtitle. Short lines before the first year line are preamble.
    """
    def is_short(t: str) -> bool:
        return (2 <= len(t) <= 26 and not re.search(r"[。！？；]$|[：:]$", t) and not re.search(r"[。；]", t)
                and not re.match(r"[■●▲◆★□○◇►▶]", t))

    top = re.compile(r"^(回顾|谋划|展望|奋进|聚力)\s*20\d\d$|^20\d\d年?(回顾|展望|工作回顾|工作安排)$")
    first_top = next((s for s, e, l in lines if top.match(l.strip())), None)
    line_starts = [s for s, _, _ in lines]
    taken_lines = set()
    for h in taken:
        k = bisect.bisect_right(line_starts, h.start) - 1
        if k >= 0 and lines[k][0] <= h.start < lines[k][1]:
            taken_lines.add(lines[k][0])
    heads: list[_Head] = []
    group: list[tuple[int, int, str]] = []
    for s, e, line in lines + [(-1, -1, "")]:
        t = line.strip()
        if s in taken_lines:
            if group:
                _group_heads(group, top, heads)
            group = []
            continue
        if s >= 0 and is_short(t):
            if first_top is None or s >= first_top:
                group.append((s, e, t))
            continue
        if group and s >= 0:  # a paragraph closes the group
            _group_heads(group, top, heads)
        group = []
    return heads


def _group_heads(group: list[tuple[int, int, str]], top: re.Pattern, heads: list[_Head]) -> None:
    top_head = None
    rest: list[tuple[int, int, str]] = []
    for g in group:
        if top.match(g[2]):
            top_head = _Head("bare_top", None, None, g[2], g[0], g[1], g[1])
            heads.append(top_head)
            rest = []
        else:
            rest.append(g)
    if not rest:
        return
    leaf, before = rest[-1], rest[:-1]
    mid, extra = before[-2:], before[:-2]
    if extra:
        if top_head is not None:
            top_head.title += " " + "".join(g[2] for g in extra)
            top_head.line_end = top_head.body_start = extra[-1][1]
        else:
            heads.append(_Head("bare_mid", None, None, "".join(g[2] for g in extra), extra[0][0], extra[-1][1], extra[-1][1]))
    if mid:
        heads.append(_Head("bare_mid", None, None, "".join(g[2] for g in mid), mid[0][0], mid[-1][1], mid[-1][1]))
    heads.append(_Head("bare_leaf", None, None, leaf[2], leaf[0], leaf[1], leaf[1]))


def _assign_levels(heads: list[_Head]) -> list[_Head]:
    """Style-stack levels with number-sequence checks; returns the accepted headings."""
    stack: list[tuple[str, Optional[int]]] = []  # (style, last number)
    accepted: list[_Head] = []
    last_seen: dict[str, int] = {}
    for h in heads:
        if h.style == "glossary":
            stack = [("glossary", None)]
            h.level = 1
            accepted.append(h)
            continue
        if stack and stack[0][0] == "glossary":
            continue  # entries inside a glossary are not headings
        styles = [st for st, _ in stack]
        if h.style in styles:
            k = styles.index(h.style)
            last = stack[k][1]
            if h.num is not None and last is not None and not (0 < h.num - last <= 3 or h.num == 1):
                continue  # out of sequence: a number inside text, not a heading
            if h.num == 1 and last is not None and last >= 1 and k == 0 and h.style != "standalone":
                pass
            stack = stack[:k] + [(h.style, h.num)]
            h.level = k + 1
        else:
            if h.num is not None and h.num > 3 and h.num != last_seen.get(h.style, -9) + 1:
                continue  # a new style must start near 1, or continue its numbering (task plans)
            # a more major style closes the minor ones opened before it (一、 -> —— -> （一） nests （一） under 一、)
            rank = STYLE_RANK.get(h.style, 9)
            while stack and STYLE_RANK.get(stack[-1][0], 9) >= rank:
                stack.pop()
            stack = stack + [(h.style, h.num)]
            h.level = len(stack)
        if h.num is not None:
            last_seen[h.style] = h.num
        accepted.append(h)
    return accepted


def _inline_enumerations(report: Report, lines: list[tuple[int, int, str]], heads: list[_Head]) -> list[_Head]:
    """一是…二是… inside a paragraph: child sections of the heading holding the paragraph.

    A paragraph that opens with 一是 holds the whole enumeration: its line-initial 一是 is one of
    the inline siblings (dropped from ``heads`` here), so siblings never overlap.
    """
    out: list[_Head] = []
    pat = re.compile(r"(?:(?<=[。；：！？])|^)([一二三四五六七八九十]{1,2})是(?=[^，。、的]{2})")
    shi_lines = {h.start: h for h in heads if h.style == "shi"}
    starts_taken = {h.start for h in heads if h.style != "shi"}
    dropped: set[int] = set()
    for s, e, line in lines:
        found = [(m.start(), cn_number(m.group(1)), m) for m in pat.finditer(line)]
        seq = []
        for pos, num, m in found:
            if num == len(seq) + 1:
                seq.append((pos, num, m))
        if len(seq) < 2:
            continue
        if s + seq[0][0] in shi_lines:
            dropped.add(s + seq[0][0])
        for k, (pos, num, m) in enumerate(seq):
            abs_start = s + pos
            if abs_start in starts_taken:
                continue
            rest = line[m.end():]
            sentence = re.split(r"(?<=[。；])", rest, 1)[0]
            title, used = _title_of(sentence)
            end = s + seq[k + 1][0] if k + 1 < len(seq) else e
            out.append(_Head("shi_inline", num, m.group(0), title.strip(), abs_start,
                             s + m.end() + used, end, inline=True))
    if dropped:
        heads[:] = [h for h in heads if not (h.style == "shi" and h.start in dropped)]
    return out


def _parse_glossary(report: Report, start: int, end: int) -> list[GlossaryEntry]:
    entries = []
    for s, e, line in iter_lines(report.text[start:end]):
        m = GLOSSARY_ENTRY.match(line.strip())
        if not m:
            if entries and line.strip() and not GLOSSARY_TITLE.match(line.strip()):
                entries[-1].definition += line.strip()
                entries[-1].end = start + e
            continue
        num = m.group("n1") or m.group("n2") or m.group("n3")
        lead = len(line) - len(line.lstrip())
        entries.append(GlossaryEntry(num, m.group("term").strip(), m.group("def").strip(), start + s + lead, start + e))
    return entries


def _term_forms(term: str) -> list[str]:
    forms = {term, term.replace("“", "").replace("”", "")}
    for q in re.findall(r"“[^”]+”", term):
        forms.add(q)
        forms.add(q.strip("“”"))
    return sorted((f for f in forms if len(f) >= 2), key=len, reverse=True)


def _find_footnotes(report: Report, body_end: int) -> list[Footnote]:
    """Markers glued to terms: “五型”政府14建设, 普惠性幼儿园9覆盖率, X[3]."""
    text = report.text
    notes: list[Footnote] = []
    taken: set[int] = set()
    # every number in the body, read once and indexed by its digits (no rescan per entry)
    by_digits: dict[str, list[re.Match]] = {}
    for m in re.finditer(r"(?<!\d)(?:\[(\d{1,3})\]|(\d{1,3}))(?![\d.%])", text[:body_end]):
        by_digits.setdefault(m.group(1) or m.group(2), []).append(m)
    for k, entry in enumerate(report.glossary):
        num = entry.number
        for m in by_digits.get(num, ()):
            s = m.start()
            if s in taken or report.is_boilerplate(s):
                continue
            before = text[max(0, s - 40):s]
            hit = None
            for form in _term_forms(entry.term):
                for cut in range(len(form), 1, -1):
                    if before.endswith(form[:cut]):
                        hit = form[:cut]
                        break
                if hit:
                    break
            if hit is None and m.group().startswith("[") and before.endswith("”"):
                hit = re.search(r"“[^“”]{1,20}”$", before).group() if re.search(r"“[^“”]{1,20}”$", before) else None
            if hit is None:
                continue
            if len(hit) < 3 and not hit.endswith("”"):
                continue
            taken.add(s)
            notes.append(Footnote(num, m.start(), m.end(), entry.term, k))
    # [n] markers with no glossary entry are still footnotes, not numbers
    by_number = {e.number: k for k, e in enumerate(report.glossary)}
    for m in re.finditer(r"\[(\d{1,3})\]", text[:body_end]):
        if m.start() not in taken:
            k = by_number.get(m.group(1))
            notes.append(Footnote(m.group(1), m.start(), m.end(),
                                  report.glossary[k].term if k is not None else None, k))
    notes.sort(key=lambda f: f.start)
    return notes


def add_outline(report: Report) -> Report:
    """Fill ``report.sections``, ``report.glossary`` and ``report.footnotes``."""
    text = report.text
    lines = _content_lines(report)
    heads = _drop_listed_parts(_candidates(_outside_tables(lines, text)), lines)
    heads, toc = _drop_toc(heads, text)
    if toc:
        report.boilerplate = sorted(report.boilerplate + toc, key=lambda b: b.start)
    marked = [h for h in heads if h.style not in ("dash", "shi", "glossary", "standalone")]
    if len(marked) < 3:
        bare = _bare_headings(_outside_tables(lines, text), heads)
        heads = sorted(heads + bare, key=lambda h: h.start)
    heads = _assign_levels(heads)
    heads += _inline_enumerations(report, lines, heads)
    heads.sort(key=lambda h: (h.start, h.inline))

    content_end = _content_end(report, lines)
    sections: list[Section] = []
    first_start = heads[0].start if heads else content_end
    pre = [l for l in lines if l[1] <= first_start]
    if pre and (any(len(l[2].strip()) >= 8 and re.search(r"[，。：]", l[2]) for l in pre[1:])
                or (len(pre) > 1 and table_spans(text))):  # a title over a flattened table
        start = _bylines_before(report, pre[0][0])
        title = text[start:start + TITLE_MAX].split("\n")[0].strip()
        sections.append(Section(0, None, 1, None, title, start, first_start, body_start=start))

    closing = _closing_start(lines, heads)
    stack: list[Section] = []
    block: Optional[Section] = sections[0] if sections else None  # the latest non-inline section
    for h in heads:
        level = h.level
        if h.inline:
            level = (block.level + 1) if block else 1
        while stack and stack[-1].level >= level:
            stack.pop()
        parent_id = stack[-1].id if stack else None
        sec = Section(len(sections), parent_id, level, h.marker, h.title, h.start, h.line_end, body_start=h.body_start)
        if h.inline:
            sec.end = h.line_end
        sections.append(sec)
        if not h.inline:
            stack.append(sec)
            block = sec
    if closing is not None:
        sections.append(Section(len(sections), None, 1, None, text[closing:closing + 200].split("，")[0][:TITLE_MAX],
                                closing, content_end, body_start=closing))
    _set_ends(sections, content_end, closing)
    report.sections = sections

    gl = next((s for s in sections if GLOSSARY_TITLE.match(s.title) or s.title in ("注释", "名词解释")), None)
    if gl is not None:
        report.glossary = _parse_glossary(report, gl.body_start or gl.start, gl.end)
    report.footnotes = _find_footnotes(report, gl.start if gl is not None else content_end)
    return report


def _outside_tables(lines: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """Lines not inside a table flattened one cell per line (its cells are not headings)."""
    spans = table_spans(text)
    if not spans:
        return lines
    starts = [a for a, _ in spans]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]
    return [l for l in lines if not inside(l[0])]


def _bylines_before(report: Report, start: int) -> int:
    """Move a preamble's start back over the byline lines (delivery date, speaker) just before it."""
    spans = report.boilerplate
    k = bisect.bisect_right([b.start for b in spans], start) - 1
    while k >= 0 and spans[k].reason == "byline" and not report.text[spans[k].end:start].strip():
        start = spans[k].start
        k -= 1
    return start


_LIST_INTRO = re.compile(r"(分为|分成|包括|包含|由以下|如下|以下)[^。]{0,12}[：:]$|(部分|方面)[^。]{0,6}[：:]$")
# the marker of the next item after item ``cn``/``n`` of each heading style
_NEXT_MARKER = {"fangmian": "第{cn}(?:方面|部分|篇|章)", "cn_dun": "{cn}[、．.]", "cn_paren": "[（(]{cn}[)）]",
                "ar_dot": "(?<!\\d){n}[、．.](?!\\d)", "ar_paren": "[（(]{n}[)）]"}
_CN_NUMS = "一二三四五六七八九十"


def _drop_listed_parts(heads: list[_Head], lines: list[tuple[int, int, str]]) -> list[_Head]:
    """Numbered lines that list a report's parts are not headings.

    A news summary writes "报告分为三部分：" and then the parts, either on one line
    (一、回顾；二、目标；三、任务。) or one short line each, with no text between them. Such a
    line (or run of lines) is an enumeration; the real headings come later.
    """
    starts = [s for s, _, _ in lines]
    drop: set[int] = set()
    for i, h in enumerate(heads):
        pat = _NEXT_MARKER.get(h.style)
        if pat is None or h.num is None or h.num >= 10:
            continue
        k = bisect.bisect_right(starts, h.start) - 1
        line = lines[k][2][h.start - lines[k][0]:]
        nxt = pat.format(cn=_CN_NUMS[h.num], n=h.num + 1)
        if re.search(r"[；;，,。]\s*" + nxt, line):
            drop.add(i)  # the whole list on one line
            continue
        if h.num != 1 or k == 0 or not _LIST_INTRO.search(lines[k - 1][2].strip()):
            continue
        run, j = [i], i + 1
        while j < len(heads) and heads[j].style == h.style and heads[j].num == len(run) + 1 \
                and k + len(run) < len(lines) and lines[k + len(run)][0] <= heads[j].start < lines[k + len(run)][1]:
            run.append(j)
            j += 1
        if len(run) >= 2 and all(len(lines[k + r][2].strip()) <= 40 for r in range(len(run))):
            drop.update(run)
    return [h for i, h in enumerate(heads) if i not in drop]


def _content_end(report: Report, lines: list[tuple[int, int, str]]) -> int:
    return lines[-1][1] if lines else len(report.text)


def _closing_start(lines: list[tuple[int, int, str]], heads: list[_Head]) -> Optional[int]:
    """The final exhortation paragraph (各位代表…让我们…) after the last heading."""
    last_head = max((h.start for h in heads), default=-1)
    for s, e, line in reversed(lines[-4:]):
        if s <= last_head:
            break
        t = line.strip()
        if CLOSING_START.match(t) and CLOSING_CUE.search(t):
            return s
    return None


def _set_ends(sections: list[Section], content_end: int, closing: Optional[int]) -> None:
    """A section ends where the next section of the same or a higher level starts.

    One pass with a stack of open sections (sections come in start order, the closing last);
    then children are clipped to their parent and each sibling to the next one, so siblings
    never overlap.
    """
    limit_all = closing if closing is not None else content_end
    open_: list[Section] = []
    for s in sections:
        if _is_inline(s) and s.end > s.start:
            continue  # inline enumerations already carry their end
        while open_ and open_[-1].level >= s.level and open_[-1].start < s.start:
            t = open_.pop()
            t.end = max(min(_limit(t, closing, content_end, limit_all), s.start), t.body_start or t.start)
        open_.append(s)
    for t in open_:
        t.end = max(_limit(t, closing, content_end, limit_all), t.body_start or t.start)
    by_id = {s.id: s for s in sections}
    last_child: dict[Optional[int], Section] = {}
    moved: set[int] = set()
    for s in sections:
        # an item that starts after its parent ended (an inline 一是 list after a line-start 一是
        # item) belongs to the nearest ancestor that still holds it; its subtree follows it
        parent = by_id.get(s.parent) if s.parent is not None else None
        while parent is not None and not parent.start <= s.start < max(parent.end, parent.start + 1):
            parent = by_id.get(parent.parent) if parent.parent is not None else None
        if (parent.id if parent else None) != s.parent or s.parent in moved:
            s.parent = parent.id if parent else None
            s.level = parent.level + 1 if parent else 1
            moved.add(s.id)
        if s.parent is not None:
            s.end = min(s.end, by_id[s.parent].end)
        prev = last_child.get(s.parent)
        if prev is not None and prev.end > s.start >= prev.start:
            prev.end = max(s.start, prev.start)
        last_child[s.parent] = s


def _limit(s: Section, closing: Optional[int], content_end: int, limit_all: int) -> int:
    return limit_all if (closing is None or s.start < closing) else content_end


def _is_inline(s: Section) -> bool:
    return bool(s.marker and re.fullmatch(r"[一二三四五六七八九十]{1,2}是", s.marker))


def format_tree(report: Report, width: int = 60) -> str:
    """The outline as indented text: one line per section with marker, title and labels."""
    rows = []
    for s in report.sections:
        label = f"[{s.function}/{s.topic}]" if s.function != "other" or s.topic != "general" else ""
        rows.append(f"{'  ' * (s.level - 1)}{s.marker or ''}{s.title[:width]}  {label}({s.start}-{s.end})")
    return "\n".join(rows)
