"""Normalisation: the only stage that changes text. Keeps a map back to raw offsets.

Steps, in order: line ends and invisible characters; pinyin glosses (區(qū) -> 區); mojibake runs
(set aside and reported, heading markers recovered where a one-byte shift repairs them);
traditional -> simplified (OpenCC t2s); full-width digits/letters -> ASCII (NFKC on those only);
ASCII punctuation inside Chinese -> Chinese punctuation; stray spaces; broken lines re-joined.
Then page chrome is *recognised* (not removed): boilerplate spans are listed on the Report.
"""
from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Optional

from .errors import Warnings
from .report import Boilerplate

CJK = "\u4e00-\u9fff\u3400-\u4dbf"
CN_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』％"
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLOSS = re.compile(
    rf"[a-z]?\((?=[a-zü{_TONE}]*[{_TONE}])[a-zü{_TONE}]{{1,7}}\)|(?<![a-zA-Z])(?=[a-zü]*[{_TONE}])[a-zü{_TONE}]{{1,7}}\)")
DANGLING = ("的", "和", "与", "及", "在", "对", "为", "把", "将", "向", "从", "以", "并", "等")
TITLE_ENDINGS = ("报告", "通知", "方案", "意见", "决定", "规划", "办法", "纲要", "计划", "要点", "清单", "分工",
                 "通报", "分解表", "任务表", "完成情况", "落实情况", "进展情况", "推进情况")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号$|^\d{4}年\d{1,2}月\d{1,2}日$")
TERMINAL = "。！？；：”’）…】」』!?;:"
HEADING_START = re.compile(
    r"^\s*\S?\s?[（(][一二三四五六七八九十]+[)）]|^\s*(第[一二三四五六七八九十]+[方面部分章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|"
    r"\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳]|——|[■●▲◆★□○◇]|(一|二|三|四|五|六|七|八|九|十)是)")


@dataclass
class Normalized:
    """Normalised text, its map to raw offsets (len(text)+1 entries) and what was found."""

    text: str
    raw_map: list[int]
    boilerplate: list[Boilerplate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Buffer:
    """Text as parallel lists of characters and raw offsets; edits keep the map."""

    def __init__(self, raw: str):
        self.chars = list(raw)
        self.idx = list(range(len(raw)))
        self.raw_len = len(raw)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def sub(self, pattern: re.Pattern, repl: Callable[[re.Match], Optional[str]],
            deleted: Optional[list[tuple[int, int]]] = None) -> int:
        """Replace each match by repl(m) (None = keep); new chars map to the match's raw start.

        With ``deleted``, the raw span of each match replaced by nothing is appended to it.
        """
        text = self.text
        out_c, out_i, last, n = [], [], 0, 0
        for m in pattern.finditer(text):
            r = repl(m)
            if r is None:
                continue
            if deleted is not None and not r and m.end() > m.start():
                deleted.append((self.idx[m.start()], self.idx[m.end() - 1] + 1))
            out_c += self.chars[last:m.start()]
            out_i += self.idx[last:m.start()]
            if r:
                if len(r) == m.end() - m.start():
                    out_i += self.idx[m.start():m.end()]
                else:
                    anchor = self.idx[m.start()] if m.start() < len(self.idx) else self.raw_len
                    out_i += [anchor] * len(r)
                out_c += list(r)
            last, n = m.end(), n + 1
        out_c += self.chars[last:]
        out_i += self.idx[last:]
        self.chars, self.idx = out_c, out_i
        return n

    def map_chars(self, fn: Callable[[str], str]) -> int:
        """Apply a one-char-to-one-char mapping (``fn`` must return a single character)."""
        n = 0
        for i, c in enumerate(self.chars):
            d = fn(c)
            if d != c:
                self.chars[i] = d
                n += 1
        return n

    def replace_text(self, new: str) -> None:
        """Swap in a converted text of possibly different length, aligning with difflib."""
        old = self.text
        if len(new) == len(old):
            self.chars = list(new)
            return
        new_idx: list[int] = []
        sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                new_idx += self.idx[i1:i2]
            else:
                anchor = self.idx[i1] if i1 < len(self.idx) else self.raw_len
                new_idx += [anchor] * (j2 - j1)
        self.chars, self.idx = list(new), new_idx


# ---------------------------------------------------------------- tables
@lru_cache(maxsize=1)
def _boilerplate_table() -> list[tuple[str, bool, re.Pattern]]:
    rows = []
    text = resources.files("govnlp.data").joinpath("boilerplate.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        reason, pattern = line.split("\t", 1)
        reason, _, scope = reason.partition(":")
        rows.append((reason, scope == "inline", re.compile(pattern, flags=re.I)))
    return rows


@lru_cache(maxsize=1)
def boilerplate_patterns() -> list[tuple[str, re.Pattern]]:
    """(reason, pattern) rows of govnlp/data/boilerplate.tsv that classify whole lines."""
    return [(r, p) for r, inline, p in _boilerplate_table() if not inline]


@lru_cache(maxsize=1)
def inline_boilerplate_patterns() -> list[tuple[str, re.Pattern]]:
    """(reason, pattern) rows marked ``reason:inline``: chrome found inside a line (（下转07版）)."""
    return [(r, p) for r, inline, p in _boilerplate_table() if inline]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1 << 16)
def _gb_zone(c: str) -> int:
    """0 = ASCII/common/punctuation, 1 = GB2312 level-1 hanzi, 2 = level-2 hanzi,
    3 = a symbol no report uses (bopomofo, box drawing, kana, Greek, Cyrillic, private use),
    4 = a hanzi outside GB2312 (after t2s conversion)."""
    if ord(c) < 0x80:
        return 0
    if _STRONG_ODD.match(c):
        return 3
    try:
        b = c.encode("gb2312")
    except UnicodeEncodeError:
        if not "\u4e00" <= c <= "\u9fff" or _is_traditional_char(c):
            return 0  # 門, 區: a traditional form, not a decoding error
        return 4
    hi = b[0]
    if 0xB0 <= hi <= 0xD7:
        return 1
    if 0xD8 <= hi <= 0xF7:
        return 2
    return 0


@lru_cache(maxsize=8192)
def _is_traditional_char(c: str) -> bool:
    """True for a traditional form that OpenCC maps to a GB2312 simplified character."""
    d = _t2s().convert(c)
    if d == c:
        return False
    try:
        d.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


_STRONG_ODD = re.compile(r"[\u3105-\u312f\u2500-\u257f\u3040-\u30ff\u0370-\u03ff\u0400-\u04ff\ue000-\uf8ff]")


# a GB2312 byte string with no level-2 hanzi: ASCII bytes, or pairs whose lead byte is a symbol
# row or level 1 (0xA1-0xD7); read pair by pair from the start, so the pairs stay aligned
_GB_COMMON = re.compile(rb"(?:[\x00-\x7f]|[\xa1-\xd7\xf8-\xfe][\xa1-\xfe])*")


def _only_common(line: str) -> bool:
    """True when no character of ``line`` can be unusual (zone >= 2 in :func:`_gb_zone`): the fast
    path of :func:`find_mojibake` for the ordinary lines that make up almost every report."""
    if line.isascii():
        return True
    if _STRONG_ODD.search(line):
        return False
    try:
        return _GB_COMMON.fullmatch(line.encode("gb2312")) is not None
    except UnicodeEncodeError:
        return False


def find_mojibake(line: str) -> list[tuple[int, int]]:
    """Runs of a line that look like text decoded with the wrong codec (or shifted by a byte).

    A run is a cluster of unusual characters (symbols no report uses, hanzi outside GB2312 or
    from its rare level 2). The verdict needs evidence: a symbol no report uses (bopomofo, box
    drawing, kana …) next to another unusual character, two such symbols, a ? before a hanzi
    outside GB2312, or at least three hanzi outside GB2312 that are neither traditional forms nor
    spread thinly (a name such as 李珺玥 has two, 澳門 is traditional). A run is extended to the end
    of its clause when that is near, and to the line start when only a character or two precede
    it. Overlapping runs are merged, so each character is set aside at most once.
    """
    if _only_common(line):
        return []
    zones = [_gb_zone(c) for c in line]
    odd = [i for i, z in enumerate(zones) if z >= 2]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(odd):
        j = i
        while j + 1 < len(odd) and odd[j + 1] - odd[j] <= 4:
            j += 1
        s, e = odd[i], odd[j] + 1
        members = [zones[k] for k in odd[i:j + 1]]
        strong = sum(z == 3 for z in members)
        outside = sum(z == 4 for z in members)
        lone_q = len(members) == 1 and members[0] == 4 and s > 0 and line[s - 1] in "?？"
        dense_outside = outside >= 3 and len(members) >= 0.6 * (e - s)
        if (strong >= 1 and len(members) >= 2) or strong >= 2 or lone_q or dense_outside:
            if s <= 2:
                s = 0
            m = re.search(r"[。，；]", line[e:e + 9])
            if m:
                e = e + m.end()
            if runs and s <= runs[-1][1]:
                runs[-1] = (runs[-1][0], max(e, runs[-1][1]))
            else:
                runs.append((s, e))
        i = j + 1
    return runs


def _repair_marker(seg: str) -> Optional[str]:
    """A heading marker hidden in a one-byte-shifted GBK run, e.g. '。ㄒ唬┰' -> '（一）'."""
    try:
        data = seg.encode("gb18030")
    except UnicodeEncodeError:
        return None
    for cut in (1, 0):
        fixed = data[cut:].decode("gb18030", errors="replace")
        m = re.match(r"[（(]([一二三四五六七八九十]{1,3})[)）]", fixed)
        if m:
            return f"（{m.group(1)}）"
    return None


# ---------------------------------------------------------------- steps
@lru_cache(maxsize=1 << 16)
def _fullwidth(c: str) -> str:
    o = ord(c)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return unicodedata.normalize("NFKC", c)
    if c in "％．＋－／＝＜＞＆＃＠～":
        return unicodedata.normalize("NFKC", c)
    if c in "\u3000\xa0\u2002\u2003\u2009":
        return " "
    return c


_CJK_CHAR = f"[{CJK}{CN_PUNCT}]"
_ASCII_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def _chinese_punct(buf: _Buffer) -> int:
    n = 0
    # , ; : ? ! next to Chinese (keeps 1,024.6 and 09:56)
    n += buf.sub(re.compile(rf"(?<={_CJK_CHAR})[,;:?!]|[,;:?!](?={_CJK_CHAR})|(?<=[%”])[,;:](?=\s*\S)|(?<=[%”] )[,;:](?=\d)"),
                 lambda m: _ASCII_PUNCT[m.group()])
    # a parenthesis pair holding Chinese
    n += buf.sub(re.compile(rf"\(([^()\n]*[{CJK}][^()\n]*)\)"), lambda m: "（" + m.group(1) + "）")
    # half a pair: "(一" ... "）"
    n += buf.sub(re.compile(rf"\((?=[一二三四五六七八九十{CJK}])"), lambda m: "（")
    n += buf.sub(re.compile(rf"(?<=[{CJK}])\)"), lambda m: "）")
    return n


_SPACE_CJK = re.compile(
    rf"(?<=[{CJK}{CN_PUNCT}])[ \t]+|[ \t]+(?=[{CJK}{CN_PUNCT}])|(?<=\d)[ \t]+(?=[%])|^[ \t]+|[ \t]+$",
    flags=re.M)


#: A space between digit groups (5 071.2亿元, 12 345人: the thousands spacing of print, GB/T 15835).
_GROUP_SPACE = re.compile(r"(?<=\d)[ \u00a0\u2009\u202f](?=\d{3}(?!\d))")


_NUMBER_SPACE = re.compile(rf"[{CJK}] \d|\d [%{CJK}]")


def _space_in_figure(m: re.Match) -> bool:
    """A single space between a word and its figure (增长 3.0%) or a figure and its unit (3.0 %),
    in a line whose other spaces are kept; not after a row number at the start of a cell."""
    text, i = m.string, m.start()
    if not _NUMBER_SPACE.fullmatch(text, max(i - 1, 0), m.end() + 1):
        return False
    if not text[i - 1].isdigit():
        return True
    k = i - 1
    while k > 0 and (text[k - 1].isdigit() or text[k - 1] in ".．"):
        k -= 1
    return k > 0 and bool(re.match(rf"[{CJK}]", text[k - 1]))


def _group_space(m: re.Match) -> Optional[str]:
    """"" when the space separates thousands groups (1-3 digits before it, not the decimals of
    a number), else None: the space is kept."""
    text, i = m.string, m.start()
    k = i
    while k > 0 and text[k - 1].isdigit():
        k -= 1
    run = i - k
    if k > 0 and text[k - 1] in ".．":
        return None
    return "" if run <= 3 else None


def _navigation_line_spans(text: str) -> list[tuple[int, int]]:
    """Lines that are menus (many short space-separated words) or table rows with tab-separated
    cells: their spaces and tabs are kept."""
    spans = []
    lines = list(iter_lines(text))
    spaced = _spaced_table_lines([l for _, _, l in lines])
    for k, (s, e, line) in enumerate(lines):
        tokens = line.split()
        if (len(tokens) >= 4 and all(len(t) <= 8 for t in tokens) and not re.search(r"[。，；]", line)) \
                or _is_cell_row(line) or k in spaced or _wrapped_cell_row(lines, k):
            spans.append((s, e))
    return spans


_SPACED_HEADER = re.compile(r"^\s*(?:序号|编号)(?:[ \t]+\S{1,12}){2,}\s*$")


def _spaced_table_lines(lines: list[str]) -> set[int]:
    """Indices of a table written with single spaces between cells: its header (序号 工作任务 牵头单位 …)
    and the lines after it up to the end of the numbered rows (their spaces are kept, no re-joining)."""
    out: set[int] = set()
    k = 0
    while k < len(lines):
        if not (_SPACED_HEADER.match(lines[k]) and re.search(r"牵头|责任|配合|协办|主办", lines[k])):
            k += 1
            continue
        out.add(k)
        expect, j, last = 1, k + 1, k
        while j < len(lines) and j - last <= 4:
            m = re.match(r"\s*(\d{1,3})\s+\S", lines[j])
            if m and int(m.group(1)) == expect:
                out.update(range(last + 1, j + 1))
                expect, last = expect + 1, j
            elif not lines[j].strip() or len(lines[j].strip()) > 40:
                break
            j += 1
        k = last + 1
    return out


_CELL_ROW = re.compile(r"^\s*\S+(?: \S+)*(?:(?:\t| {2,})\S+(?: \S+)*){2,}\s*$")  # a cell may hold single spaces (A局 B局)


def _is_cell_row(line: str) -> bool:
    """A row of a Word table pasted as text: three or more cells split by tabs or runs of spaces."""
    if "\t" not in line and "  " not in line:
        return False  # no gap that could split cells (most lines: skip the pattern)
    return line.count("\t") >= 2 or bool(_CELL_ROW.match(line))


def _numbered_cell_rows(lines: list[str]) -> set[int]:
    """A table written one row per line (cells split by tabs or runs of spaces) under a header
    that opens with 序号: the header and the rows that open with their number; and a table
    split by single spaces (序号 工作任务 牵头单位 …, :func:`_spaced_table_lines`)."""
    out: set[int] = _spaced_table_lines(lines)
    head = False
    for k, line in enumerate(lines):
        if _is_cell_row(line) and re.match(r"\s*(?:序号|编号)[\t ]", line):
            head = True
            out.add(k)
        elif head and _is_cell_row(line) and re.match(r"\s*\d{1,3}[.、．]?(?:\t| {2,})", line):
            out.add(k)
        elif line.strip():
            head = head and bool(_HEADING_ROW.match(line))  # a group row (（一）产业发展) goes on
    return out


_HEADING_ROW = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．])\S{0,30}\s*$")


def _wrapped_cell_row(lines: list, k: int) -> bool:
    """The rest of a cell row wrapped onto the next line (…新增规 / 上工业企业87家  43.5%): its gaps stay."""
    return k > 0 and _is_cell_row(lines[k - 1][2]) and bool(re.search(r"\S(?:\t| {2,})\S", lines[k][2]))


def is_table_row(line: str) -> bool:
    """A row of a table flattened into one line, its cells split by tabs, runs of spaces or | (two or more)."""
    return _is_cell_row(line) or line.count("|") + line.count("｜") >= 2


def _inside(pos: int, spans: list[tuple[int, int]], starts: Optional[list[int]] = None) -> bool:
    """``pos`` lies in one of the sorted, non-overlapping ``spans`` (binary search)."""
    if starts is None:
        starts = [s for s, _ in spans]
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


# a task plan's unit line (责任单位：A、B): it ends its item, the next line is never its rest
_UNIT_LINE = re.compile(r"^[（(【\[]?(?:牵头|责任|配合|协办|主办|参与|负责|主责|协同)(?:单位|部门)?\s*[:：]")
# a line that opens a block of its own: a boxed item number (【12】…) or a field label of a
# progress item (推进情况：…, 存在问题：…, 责任领导：…); the line before it is never cut there
_BLOCK_START = re.compile(r"^\s*(?:[【\[［]\d{1,3}[】\]］]|[\u4e00-\u9fff]{0,6}"
                          r"(?:情况|目标|任务|问题|要求|打算|措施|进展|进度|领导|时限|成效)\s*[:：])")


def _join_broken_lines(buf: _Buffer) -> int:
    """Re-join hard line breaks inside sentences (PDF/scrape wrapping)."""
    lines = buf.text.split("\n")
    lengths = [len(l) for l in lines]
    long_lines = sorted(lengths, reverse=True)
    typical = long_lines[len(long_lines) // 4] if long_lines else 0
    joins: set[int] = set()  # positions of '\n' to delete
    _, tables = _table_rows(lines)
    in_table = {k for a, b in tables for k in range(a, b + 1)} | _spaced_table_lines(lines)
    head_lines = 0  # report lines seen so far: a title cut in two is among the first few
    pos = 0
    for k, line in enumerate(lines[:-1]):
        nxt = lines[k + 1]
        pos += len(line)
        s = line.rstrip()
        if k in in_table:  # cells of a flattened table stay one per line
            pos += 1
            continue
        if head_lines < 4 and s.strip() and not _is_chrome(s.strip()):
            head_lines += 1
        if s and nxt.strip() and not s.endswith(tuple(TERMINAL)) and not HEADING_START.match(nxt) \
                and not _BLOCK_START.match(nxt) \
                and not is_table_row(s) and not is_table_row(nxt) \
                and not _is_chrome(nxt.strip()) and not _is_chrome(s) and not s.endswith(TITLE_ENDINGS) \
                and not DOC_NUMBER.match(nxt.strip()) \
                and not (_UNIT_LINE.match(s.strip()) and not s.endswith(("、", "，", ","))):
            prose = bool(re.search(r"[。，；、]", s[:-1]))
            wrapped = (len(s) >= 25 or (len(s) >= 10 and prose)) and not HEADING_START.match(s) or (
                len(s) >= 25 and len(s) >= 0.8 * typical) or s.endswith(DANGLING)
            date_line = s.lstrip().startswith("——") and nxt.strip().endswith(("会议上", "会议上的报告"))
            cut_number = bool(re.search(r"\d[\d.]*$", s)) and bool(re.match(r"[万亿千百%个元家人]", nxt.strip()))
            title_cut = (head_lines < 4 and _TITLE_HALF.match(s.strip()) is not None
                         and _TITLE_TAIL.match(nxt.strip()) is not None)
            if wrapped or date_line or cut_number or title_cut:
                joins.add(pos)
        if not nxt.strip() and s.endswith(DANGLING) and k + 2 < len(lines) and lines[k + 2].strip() \
                and len(s) <= 40 and not _is_chrome(lines[k + 2].strip()):
            joins.add(pos)
            joins.add(pos + 1)
        pos += 1
    if not joins:
        return 0
    chars, idx = [], []
    for i, (c, r) in enumerate(zip(buf.chars, buf.idx)):
        if i in joins:
            continue
        chars.append(c)
        idx.append(r)
    buf.chars, buf.idx = chars, idx
    return len(joins)


# A title cut in two at the top of a page: "2023年某某市人民政府" / "工作报告".
_TITLE_HALF = re.compile(rf"^[{CJK}\d“”《》（）()]{{4,30}}$")
_TITLE_TAIL = re.compile(rf"^[{CJK}\d“”《》（）()]{{0,16}}(?:{'|'.join(TITLE_ENDINGS)})(?:[（(][{CJK}]{{2,4}}[）)])?$")


# a task plan's unit clause in brackets on a line of its own: （责任领导：张三，主办单位：A局）, 【牵头单位：…】
_TASK_UNITS = re.compile(r"^[（(【\[［][^（(【\[［]{0,40}?(?:牵头|主办|协办|配合|责任)(?:单位|部门)\s*[:：]")


def _is_chrome(line: str) -> bool:
    return classify_line(line) is not None


def classify_line(line: str) -> Optional[str]:
    """The boilerplate reason of one stripped line, or None for report text."""
    s = line.strip()
    if not s or _TASK_UNITS.match(s):
        return None  # （责任领导：…，主办单位：市民政局）: a task's units, not a site footer's 主办单位
    if len(s) <= 120:
        for reason, pattern in boilerplate_patterns():
            if pattern.search(s):
                return reason
    tokens = s.split()
    if len(tokens) >= 4 and all(len(t) <= 8 for t in tokens) and not re.search(r"[。，；]", s) \
            and not re.search(r"序号.*(?:牵头|责任|任务)|(?:牵头|责任)单位", s):  # a task table's header
        return "navigation"
    if "|" in s and s.count("|") >= 3 and len(s) < 200:
        cells = [c.strip() for c in s.split("|") if c.strip()]
        if all(len(c) <= 8 for c in cells) and not re.search(r"牵头|责任|任务|单位|序号|指标", s):
            return "table"  # a menu of short links; a table row with text or a task header is report text
    return None


def _find_boilerplate(text: str) -> list[Boilerplate]:
    spans: list[Boilerplate] = []
    inline = inline_boilerplate_patterns()
    lines = list(iter_lines(text))
    table_rows, _ = _table_rows([l for _, _, l in lines])
    numbered_rows = _numbered_cell_rows([l for _, _, l in lines])
    label_only, list_left = False, 0
    for k, (pos, end, line) in enumerate(lines):
        if not line.strip():
            continue
        reason = classify_line(line)
        if reason == "navigation" and k in numbered_rows:
            reason = None  # 序号  指标  目标  完成 and its numbered rows: short cells, not a menu
        if reason == "pagenum" and k in table_rows:
            reason = None  # a 序号 cell of a flattened table, not a page number
        if reason is None and label_only and 0 < len(line.strip()) <= 40:
            reason = "table"  # the value of a metadata label written on the line above (索引号 / 0001…)
        label_only = reason == "table" and _METADATA_LABEL.fullmatch(line.strip()) is not None
        if reason is None and list_left > 0 and 0 < len(line.strip()) <= 40 and not re.search(r"[。；]", line):
            reason = "navigation"  # an entry of a 相关阅读 / 专题专栏 list
            list_left -= 1
        else:
            list_left = 15 if reason == "navigation" and _LINK_LIST.fullmatch(line.strip()) else 0
        if reason:
            s = pos + (len(line) - len(line.lstrip()))
            spans.append(Boilerplate(s, pos + len(line.rstrip()), reason))
            continue
        for why, pattern in inline:
            for m in pattern.finditer(line):
                spans.append(Boilerplate(pos + m.start(), pos + m.end(), why))
    # a footer: once a footer line appears in the last fifth, short lines after it are chrome too
    n = len(text)
    footer = [b for b in spans if b.reason == "footer" and b.start > 0.8 * n]
    if footer:
        first = footer[0].start
        pos = first
        covered = {b.start for b in spans}
        for line in text[first:].split("\n"):
            st = pos + (len(line) - len(line.lstrip()))
            en = pos + len(line.rstrip())
            if en > st and not any(c in covered for c in range(pos, en)) and len(line.strip()) <= 60:
                spans.append(Boilerplate(st, en, "footer"))
            pos += len(line) + 1
    spans.sort(key=lambda b: b.start)
    return spans


# The header of a list of links: the short lines after it are links too.
_LINK_LIST = re.compile(r"(相关阅读|相关文章|相关链接|相关新闻|推荐阅读|延伸阅读|专题专栏|热点专题|热门文章|热点文章阅读|"
                        r"猜你喜欢|往期回顾|精彩推荐)\s*[:：]?")
_METADATA_LABEL = re.compile(r"(索\s*引\s*号|主题分类|体裁分类|发布机构|发文单位|发布单位|所属机构|文件编号|成文日期|成文时间|"
                             r"发文日期|发布日期|生成日期|发文机关|发文字号|文\s*号|有效性)\s*[:：]?")
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})[.、．]?\s*$")
_TABLE_HEADER = re.compile(r"^\s*(序号|编号|序)\s*$")


def _table_rows(lines: list[str]) -> tuple[set[int], list[tuple[int, int]]]:
    """Row-number lines of tables flattened one cell per line, and each table's line range.

    After a 序号 header line, bare numbers that count up 1, 2, 3 … a few lines apart are row
    numbers (page numbers are many lines apart and follow no such header). Returns the line
    indices of the row numbers and, per table, (header index, index of the last cell line).
    """
    rows: set[int] = set()
    regions: list[tuple[int, int]] = []
    header, expect, last_k, run, last_no = None, 1, -1, [], 0

    def close() -> None:
        if header is not None and len(run) >= 2:
            rows.update(run)
            width = run[-1] - run[-2]
            regions.append((header, min(len(lines) - 1, run[-1] + width)))

    for k, line in enumerate(lines):
        if _TABLE_HEADER.match(line):
            close()
            header, expect, last_k, run = k, 1, k, []
            continue
        if header is None:
            continue
        m = _ROW_NUMBER.match(line)
        if m and not run and int(m.group(1)) == last_no + 1:
            expect = last_no + 1  # the header repeated after a page break; the rows go on
        # after a header repeated mid-table the rest of the cut row (and the header's wrapped
        # cells) lie between it and the next row number
        gap = 30 if not run and last_no else 15
        if m and int(m.group(1)) == expect and k - last_k <= gap:
            run.append(k)
            expect, last_k, last_no = expect + 1, k, expect
        elif k - last_k > gap:
            close()
            header, run = None, []
    close()
    return rows, regions


def table_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of tables flattened one cell per line (from the 序号 header to the last cell).

    Their short cells are neither headings nor page numbers; ``govnlp.tasks`` reads them as rows.
    """
    lines = list(iter_lines(text))
    _, regions = _table_rows([l for _, _, l in lines])
    return [(lines[a][0], lines[b][1]) for a, b in regions]


def normalize(raw: str) -> Normalized:
    """Normalise decoded report text; see the module docstring for the steps."""
    buf = _Buffer(raw)
    warnings: list[str] = []

    buf.sub(re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]"), lambda m: "\n")
    gone: list[tuple[int, int]] = []
    n_ctrl = buf.sub(re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b-\u200f\ufeff\u00ad]+"), lambda m: "", gone)
    if n_ctrl:
        warnings.append(Warnings.W007.format(n=sum(e - s for s, e in gone)) + " " + _where(gone))
    n_bad = buf.text.count("\ufffd")
    if n_bad:
        warnings.append(Warnings.W004.format(n=n_bad))

    gone = []
    n_pinyin = buf.sub(PINYIN_GLOSS, lambda m: "", gone)
    if n_pinyin:
        warnings.append(Warnings.W006.format(n=n_pinyin) + " " + _where(gone))

    text = buf.text
    if _is_traditional(text):
        buf.replace_text(_t2s().convert(text))
        warnings.append(Warnings.W005)

    _set_aside_mojibake(buf, warnings)

    buf.map_chars(_fullwidth)
    _chinese_punct(buf)
    nav_lines = _navigation_line_spans(buf.text)
    nav_starts = [a for a, _ in nav_lines]
    # menus and table rows keep their spaces, but not a single one inside a figure (增长 3.0 %)
    buf.sub(_SPACE_CJK, lambda m: "" if not _inside(m.start(), nav_lines, nav_starts)
            or _space_in_figure(m) else None)
    buf.sub(_GROUP_SPACE, _group_space)
    lines = list(iter_lines(buf.text))
    tab_rows = [(a, b) for k, (a, b, line) in enumerate(lines) if _is_cell_row(line) or _wrapped_cell_row(lines, k)]
    tab_starts = [a for a, _ in tab_rows]
    buf.sub(re.compile(r"[ \t]{2,}"), lambda m: None if _inside(m.start(), tab_rows, tab_starts) else " ")
    buf.sub(re.compile(r"\n{3,}"), lambda m: "\n\n")
    _join_broken_lines(buf)
    buf.sub(re.compile(r"^\n+|\n+$"), lambda m: "")

    text = buf.text
    boiler = _find_boilerplate(text)
    if boiler:
        sample = "; ".join(text[b.start:b.end][:30] for b in boiler[:4])
        warnings.append(Warnings.W002.format(n=len(boiler), sample=sample))
    raw_map = buf.idx + [buf.raw_len]
    return Normalized(text, raw_map, boiler, warnings)


def _is_traditional(text: str) -> bool:
    """True when converting to simplified changes a noticeable share of the Chinese characters."""
    sample = "".join(re.findall(f"[{CJK}]", text[:20000]))
    if len(sample) < 4:
        return False
    converted = _t2s().convert(sample)
    changed = sum(a != b for a, b in zip(sample, converted))
    return changed >= 2 and changed / len(sample) > 0.02


_CN_TEN = "一二三四五六七八九十"
_LINE_MARKER = re.compile(r"(?m)^[ \t]*[（(]([一二三四五六七八九十])[)）]")


def _opens_bracket(seg: str) -> bool:
    """A one-byte-shifted GBK run that starts with an opening bracket (its number byte was lost)."""
    try:
        data = seg.encode("gb18030")
    except UnicodeEncodeError:
        return False
    return any(data[cut:].decode("gb18030", errors="replace")[:1] in "（(" for cut in (1, 0))


def _set_aside_mojibake(buf: _Buffer, warnings: list[str]) -> None:
    """Remove mojibake runs, listing each in W001; recover the heading markers they hide.

    A marker is recovered when a shifted decoding shows it whole (。ㄒ唬┰ -> （一）), or inferred
    when the decoding shows only its opening bracket and the headings on either side number
    around exactly one gap: （二） … [（ + lost byte] … （四） -> （三）.
    """
    text = buf.text
    runs: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        for s, e in find_mojibake(line):
            runs.append((pos + s, pos + e, line[s:e]))
        pos += len(line) + 1
    if not runs:
        return
    markers = [(m.start(), _CN_TEN.index(m.group(1)) + 1) for m in _LINE_MARKER.finditer(text)]
    found: dict[int, tuple[str, str]] = {}  # run start -> (marker, how)
    for s, e, seg in runs:
        if s == 0 or text[s - 1] == "\n":
            marker = _repair_marker(seg)
            if marker:
                found[s] = (marker, "recovered")
                if len(marker) == 3 and marker[1] in _CN_TEN:
                    markers.append((s, _CN_TEN.index(marker[1]) + 1))
    markers.sort()
    starts = [m for m, _ in markers]
    for s, e, seg in runs:
        if s in found or not (s == 0 or text[s - 1] == "\n") or not _opens_bracket(seg):
            continue
        k = bisect.bisect_left(starts, s)
        if 0 < k < len(markers) and markers[k][1] - markers[k - 1][1] == 2 and markers[k - 1][1] < 10:
            found[s] = (f"（{_CN_TEN[markers[k - 1][1]]}）", "inferred from its neighbours")
    samples = []
    for s, e, seg in reversed(runs):
        marker, how = found.get(s, ("", ""))
        anchor, raw_end = buf.idx[s], buf.idx[e - 1] + 1
        buf.chars[s:e] = list(marker)
        buf.idx[s:e] = [anchor] * len(marker)
        samples.append(f"{seg!r} at raw [{anchor}, {raw_end})" + (f" (heading marker {marker} {how})" if marker else ""))
    warnings.append(Warnings.W001.format(n=len(runs), sample="; ".join(reversed(samples))))


_RAW_SPAN = re.compile(r"raw \[(\d+), (\d+)\)")


def _where(spans: list[tuple[int, int]]) -> str:
    """Deleted raw spans as the warnings list them: 'raw [3, 7), raw [12, 13)' (adjacent ones merged)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return "At " + ", ".join(f"raw [{s}, {e})" for s, e in merged) + "."


def deleted_spans(warnings: Iterable[str]) -> list[tuple[int, int]]:
    """The raw ``[start, end)`` spans that normalisation removed, read back from the warnings.

    Together with the characters kept in ``Report.text`` (``raw_map``) they account for every
    non-space character of the input: nothing is lost without being listed.
    """
    return [(int(a), int(b)) for w in warnings for a, b in _RAW_SPAN.findall(w)]


def iter_lines(text: str) -> Iterable[tuple[int, int, str]]:
    """(start, end, line) for each line of ``text`` (end excludes the newline)."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1
