"""Flattened indicator tables: a header line with a 单位 column, then one row per indicator.

    附表：2022年主要经济社会发展指标完成情况
    指标名称 单位 绝对值 比上年增长（%）
    地区生产总值 亿元 2003.4 6.2
    城镇调查失业率 % 4.1 —

Each row becomes one :class:`~govnlp.indicators.linker.Draft` (name, value in the base unit,
change in %), with the kind taken from the caption (目标/预期/计划 -> target).

Task and progress tables (序号 / 重点任务 / 责任单位 / 进展情况 / 完成比例), their cells split by tabs
or runs of two or more spaces, are read by :func:`table_cells`: each cell is a text of its own
(a name never runs over a cell gap, and the row number and the unit cell are never part of a
name), and the column says the kind of its figures: the task or target column holds targets,
the progress column actuals (unless a cue such as 预计 says otherwise), and a lone percentage
under 完成比例 is named by its header.

Three more layouts of these tables are read: one cell per line (序号 / 工作 / 任务 / 2024年 / 目标
…, header cells split over lines, page numbers and a repeated header inside the table), a Word
table pasted with one tab per column (cells placed by their tabs, rows wrapped onto the next
line), and, in any of them, figures cut by a cell's line wrap (增 / 长6.5%, 16 / 0个): those are
read from a :class:`JoinedText` whose offsets map back to the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..numbers import MAGNITUDES, units
from ..report import Change
from . import vocabulary
from .linker import Draft

CELL = re.compile(r"[^\s|｜\t]+")
HEADER_NAME = re.compile(r"^(?:指标名称|指标|项目|名称|主要指标)$")
HEADER_UNIT = re.compile(r"^(?:单位|计量单位)$")
HEADER_CHANGE = re.compile(r"增长|增速|增幅|增减|比上年|同比|±")
HEADER_VALUE = re.compile(r"绝对值|总量|数值|完成|实绩|目标|预期|计划|预计|规模|金额|值|数")
TARGET_CAPTION = re.compile(r"目标|预期|计划")
EMPTY = {"—", "-", "--", "——", "/", "…", "－"}


def _number(tok: str) -> Optional[float]:
    tok = tok.replace(",", "").replace("－", "-").replace("—", "-") if tok not in EMPTY else ""
    try:
        return float(tok)
    except ValueError:
        return None


def unit_scale(text: str) -> Optional[tuple[float, Optional[str]]]:
    """(factor, base unit) of a unit cell: 亿元 -> (1e8, "元"), % -> (1, "%"), 万人 -> (1e4, "人")."""
    if text in ("%", "％"):
        return 1.0, "%"
    if text == "‰":
        return 1.0, "‰"
    factor = 1.0
    for mag in sorted(MAGNITUDES, key=len, reverse=True):
        if text.startswith(mag) and text[len(mag):] in units():
            factor, text = MAGNITUDES[mag], text[len(mag):]
            break
    u = units().get(text)
    if u is None:
        return None
    return factor * u.factor, u.base


def find_tables(text: str) -> list[tuple[int, int, list[Draft], str]]:
    """Every table as (start, end, drafts, caption)."""
    out = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(lines):
        s, e = lines[i]
        cells = [(m.group(0), m.start(), m.end()) for m in CELL.finditer(text, s, e)]
        roles = _roles([c[0] for c in cells])
        if roles is None:
            i += 1
            continue
        caption = ""
        if i > 0:
            ps, pe = lines[i - 1]
            caption = text[ps:pe]
        drafts: list[Draft] = []
        j = i + 1
        while j < len(lines):
            rs, re_ = lines[j]
            row = [(m.group(0), m.start(), m.end()) for m in CELL.finditer(text, rs, re_)]
            d = _row(row, roles, text)
            if d is None:
                break
            drafts.append(d)
            j += 1
        if drafts:
            out.append((s, lines[j - 1][1], drafts, caption))
            i = j
        else:
            i += 1
    return out


def _roles(header: list[str]) -> Optional[dict[str, int]]:
    if len(header) < 3:
        return None
    roles: dict[str, int] = {}
    for k, h in enumerate(header):
        if "name" not in roles and HEADER_NAME.match(h):
            roles["name"] = k
        elif "unit" not in roles and HEADER_UNIT.match(h):
            roles["unit"] = k
        elif "change" not in roles and HEADER_CHANGE.search(h):
            roles["change"] = k
        elif "value" not in roles and HEADER_VALUE.search(h):
            roles["value"] = k
    if "unit" not in roles or ("value" not in roles and "change" not in roles):
        return None
    roles.setdefault("name", 0)
    roles["n"] = len(header)
    return roles


_NUM_CELL = r"-?\d[\d,]*(?:\.\d+)?|—|-|－|/"


@lru_cache(maxsize=1)
def _glued() -> re.Pattern:
    unit_alt = "|".join(re.escape(u) for u in sorted(units(), key=len, reverse=True))
    mag_alt = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
    return re.compile(rf"(?P<name>[^\d\s%]+?)\s*(?P<unit>(?:{mag_alt})?(?:{unit_alt})|%|‰)\s*"
                      rf"(?P<a>{_NUM_CELL})(?:\s+(?P<b>{_NUM_CELL}))?\s*$")


def _unglue(text: str, row: list[tuple[str, int, int]], roles: dict[str, int]) -> Optional[list]:
    """规模以上工业增加值亿元672.1 9.7 (spaces lost in normalisation) -> the four cells."""
    order = sorted((k for k in ("name", "unit", "value", "change") if k in roles), key=roles.get)
    if not row or order[:2] != ["name", "unit"] or roles["n"] != len(order):
        return None
    s, e = row[0][1], row[-1][2]
    m = _glued().match(text, s, e)
    if m is None:
        return None
    cells = [(m.group(g), m.start(g), m.end(g)) for g in ("name", "unit", "a", "b") if m.group(g) is not None]
    return cells if len(cells) == roles["n"] else None


def _row(row: list[tuple[str, int, int]], roles: dict[str, int], text: str = "") -> Optional[Draft]:
    if len(row) != roles["n"]:
        row = _unglue(text, row, roles) if text else None
        if row is None:
            return None
    name, ns, ne = row[roles["name"]]
    scale = unit_scale(row[roles["unit"]][0])
    if scale is None and row[roles["unit"]][0] not in EMPTY:
        return None
    factor, base = scale if scale else (1.0, None)
    d = Draft(name=name, name_span=(ns, ne), canonical=vocabulary.canonical_id(name))
    if "value" in roles:
        tok, vs, ve = row[roles["value"]]
        v = _number(tok)
        if v is None and tok not in EMPTY:
            return None
        if v is not None:
            d.value = float(f"{v * factor:.12g}")
            d.unit = base
            d.value_span = (vs, ve)
            d.anchor = vs
    if "change" in roles:
        tok, cs, ce = row[roles["change"]]
        c = _number(tok)
        if c is None and tok not in EMPTY:
            return None
        if c is not None:
            d.change = Change(value=c, unit="%", basis="yoy", text=tok)
            d.change_span = (cs, ce)
            d.anchor = d.anchor or cs
    return d


# ---- task and progress tables ---------------------------------------------------------
@dataclass
class Cell:
    """One cell of a task or progress table: its span, its column and the column's role."""

    start: int
    end: int
    role: str  # number | units | task | progress | ratio | other
    column: str
    header: tuple[int, int]  # the span of the column's name in the header row


_GAP = re.compile(r"\t+| {2,}|\s*[|｜]\s*")
_CELL_TEXT = re.compile(r"[^\s|｜]+(?: [^\s|｜]+)*")  # a cell may hold single spaces (区发改局 区财政局)
_ROW_NUMBER = re.compile(r"\d{1,3}[.、．]?")
_GROUP_ROW = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．])[^\t]{0,30}$")
_PAGE_MARK = re.compile(r"^[\s—\-–－]*(?:第\s*)?\d{1,3}(?:\s*页)?[\s—\-–－]*$|^[\s|｜:：\-—=+]+$")  # or a rule |---|
_COLUMN_ROLES = (
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    ("ratio", re.compile(r"比例|比率|完成率|进度$|百分比")),
    ("units", re.compile(r"责任|牵头|配合|主办|协办|实施单位|部门")),  # not 单位 alone: a unit of measure
    ("progress", re.compile(r"进展|进度|完成情况|推进情况|执行情况|落实情况|实际|实绩|完成$|完成值|截至")),
    ("task", re.compile(r"任务|目标|内容|事项|指标|工作|举措|项目")),
)


def _column_role(name: str) -> str:
    return next((role for role, pattern in _COLUMN_ROLES if pattern.search(name)), "other")


def _line_cells(text: str, s: int, e: int) -> list[list[int]]:
    return [[m.start(), m.end()] for m in _CELL_TEXT.finditer(text, s, e)
            if not _GAP.fullmatch(text, m.start(), m.end())]


def _has_gap(text: str, s: int, e: int) -> bool:
    return bool(_GAP.search(text, s, e)) and len(_line_cells(text, s, e)) >= 2


def table_cells(text: str) -> list[Cell]:
    """The cells of every task or progress table flattened one row per line (cells split by
    tabs or runs of spaces), under a header such as 序号  重点任务  责任单位  进展情况  完成比例.

    A row opens with its number; a line wrapped out of it (a unit name or a figure cut at the
    line end) joins it, inside the cut cell or as the next cells, whichever gives the header's
    number of cells. Group rows (（一）稳增长), page numbers and a repeated header are passed over.
    A table whose header is split by single spaces (序号 工作任务 牵头单位 配合单位) has its rows
    split at every space; a row with more words than columns has a space inside its task text.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out: list[Cell] = []
    i = 0
    while i < len(lines):
        header = _header(text, *lines[i])
        if header is None:
            i += 1
            continue
        spaced = not _GAP.search(text, *lines[i])
        split = _word_cells if spaced else _line_cells
        if _tab_layout(text, lines, i):
            cells, i = _tab_table(text, lines, i)
            out += cells
            continue
        i += 1
        row: list[list[int]] = []
        while i < len(lines):
            s, e = lines[i]
            cells = split(text, s, e)
            line = text[s:e]
            if cells and _ROW_NUMBER.fullmatch(text, *cells[0]) and len(cells) >= 2:
                out += _fit_row(text, row, header, spaced)
                row = cells
            elif _header(text, s, e) is not None:
                break  # a page break with the header repeated: a table of its own from here
            elif _GROUP_ROW.match(line) or _PAGE_MARK.match(line):
                out += _fit_row(text, row, header, spaced)
                row = []
            elif row and (_has_gap(text, s, e) or (len(line.strip()) <= 30 and len(row) < len(header))):
                glued = row[:-1] + [[row[-1][0], cells[0][1]]] + cells[1:]
                row = min((glued, row + cells), key=lambda r: abs(len(r) - len(header)))
            else:
                break
            i += 1
        out += _fit_row(text, row, header, spaced)
    return out or _cell_per_line(text, lines)


def _tab_pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The tab-separated pieces of a line, empty ones included (each tab ends a column)."""
    out, a = [], s
    for m in re.finditer(r"\t", text[s:e]):
        out.append((a, s + m.start()))
        a = s + m.end()
    out.append((a, e))
    return out


def _is_header_tail_line(text: str, s: int, e: int) -> bool:
    """→→→单位→单位→时限: the second line of a tab-separated header whose cells wrapped."""
    words = [text[a:b].strip() for a, b in _tab_pieces(text, s, e)]
    return "\t" in text[s:e] and not words[0] and any(words) and all(
        not w or (len(w) <= 4 and _HEADER_TAIL.search(w)) for w in words)


def _tab_layout(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A header split by tabs over a table whose rows the gap reader cannot take: the header
    goes on on the next line (→→→单位→单位→时限), a row goes on on a line that keeps its empty
    cells (→→增长25%→县发改委) or a row number stands alone on its line."""
    if "\t" not in text[lines[i][0]:lines[i][1]] or i + 1 >= len(lines):
        return False
    k = i + 1
    if _is_header_tail_line(text, *lines[k]):
        return True
    if any(re.match(r"\t[^\n]*\t", text[a:b]) for a, b in lines[k:k + 60]):
        return True  # →→增长25%→县发改委: a row gone on at its columns, the empty ones kept
    while k < len(lines) and k - i <= 3 and _GROUP_ROW.match(text[lines[k][0]:lines[k][1]]):
        k += 1
    return k < len(lines) and bool(re.fullmatch(r"\s*\d{1,3}[.、．]?\s*", text[lines[k][0]:lines[k][1]]))


def _tab_table(text: str, lines: list[tuple[int, int]], i: int) -> tuple[list[Cell], int]:
    """A table pasted from Word with one tab per column: a row opens with its number (alone on
    its line or before the first tab); a line that opens with a tab lays its pieces on the
    columns from the first, one that opens with text goes on with the last column of the line
    above (a cell wrapped onto the next line). The header may go on on a second line; group
    rows, page numbers and a header repeated after a page break are passed over, the row goes on
    after them. Returns the cells and the index of the first line after the table."""
    names = [[text[a:b].strip(), a, b] for a, b in _tab_pieces(text, *lines[i])]
    i += 1
    if _is_header_tail_line(text, *lines[i]):
        for k, (a, b) in enumerate(_tab_pieces(text, *lines[i])):
            if k < len(names) and text[a:b].strip():
                names[k][0] += text[a:b].strip()
                names[k][2] = b
        i += 1
    columns = [(n, _column_role(n), (a, b)) for n, a, b in names]
    out: list[Cell] = []
    row: list[list] = []  # [column, start, end] pieces of the open row
    last = 0

    def close() -> None:
        merged: list[list] = []
        for col, a, b in row:  # a column's pieces with nothing between them are one cell
            if merged and merged[-1][0] == col and not text[merged[-1][2]:a].strip():
                merged[-1][2] = b
            elif text[a:b].strip():
                merged.append([col, a, b])
        for col, a, b in sorted(merged, key=lambda m: m[1]):
            a += len(text[a:b]) - len(text[a:b].lstrip())
            b -= len(text[a:b]) - len(text[a:b].rstrip())
            name, role, span = columns[min(col, len(columns) - 1)]
            out.append(Cell(a, b, role, name, span))
        row.clear()

    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        number = re.match(r"\s*(\d{1,3})[.、．]?\s*(?=\t|$)", line)
        if number:
            close()
            row.append([0, s + number.start(1), s + number.end(1)])
            pieces, first = _tab_pieces(text, s + number.end(), e)[1:], 1
        elif _header(text, s, e) is not None or _is_header_tail_line(text, s, e) or _PAGE_MARK.match(line):
            i += 1
            continue
        elif _GROUP_ROW.match(line):
            close()
            i += 1
            continue
        elif not row:
            break
        else:
            pieces = _tab_pieces(text, s, e)
            first = 0 if line.startswith("\t") or not line.strip() else last
            if "\t" not in line and len(line.strip()) > 40:
                break  # a paragraph after the table
        for k, (a, b) in enumerate(pieces):
            row.append([first + k, a, b])
        last = max(first + len(pieces) - 1, 1)  # text after a number alone on its line opens column 1
        i += 1
    close()
    return out, i


def _cell_per_line(text: str, lines: list[tuple[int, int]]) -> list[Cell]:
    """A table flattened one cell per line: 序号 / 重点任务 / 责任单位 / 进展情况 on lines of their
    own, then each row opened by its number alone on a line (1, 2, …). A row's lines are laid on
    the columns as the task stage lays them (:func:`govnlp.tasks.fit_cell_lines`), so a wrapped
    cell spans its lines and a missing cell leaves its column out."""
    from ..tasks import fit_cell_lines

    out: list[Cell] = []
    i = 0
    while i < len(lines):
        if not re.fullmatch(r"\s*(?:序号|编号)\s*", text[lines[i][0]:lines[i][1]]):
            i += 1
            continue
        k = i + 1
        while k < len(lines) and k - i <= 10 and _HEADER_CELL.fullmatch(text[lines[k][0]:lines[k][1]]):
            k += 1
        spans: list[list[int]] = []
        for a, b in lines[i + 1:k]:  # a header cell wrapped over two lines (牵头/单位, 2024年/目标) is one column
            head = text[spans[-1][0]:spans[-1][1]].strip() if spans else ""
            if spans and (len(head) <= 2 or _HEADER_YEAR.fullmatch(head)) and _HEADER_TAIL.fullmatch(text[a:b].strip()):
                spans[-1][1] = b
            else:
                spans.append([a, b])
        names = [re.sub(r"\s+", "", text[a:b]) for a, b in spans]
        header = [(n, _column_role(n), (a, b)) for n, (a, b) in zip(names, spans)]
        roles = [r for _, r, _ in header]
        if len(header) < 3 or "task" not in roles or not ("progress" in roles or "units" in roles):
            i += 1
            continue
        header = [("序号", "number", lines[i])] + header
        width = k - i

        def next_row(m: int, number: int) -> int:
            """Past group rows (一、经济发展), page numbers and a repeated header to row ``number``."""
            n = m
            while n < len(lines):
                line = text[lines[n][0]:lines[n][1]]
                if line.strip() == str(number):
                    break
                if _GROUP_ROW.match(line) or _PAGE_MARK.match(line):
                    n += 1
                elif re.fullmatch(r"\s*(?:序号|编号)\s*", line):
                    n += width
                else:
                    break
            return n if n < len(lines) and text[lines[n][0]:lines[n][1]].strip() == str(number) else m

        expect, i = 1, next_row(k, 1)
        while i < len(lines) and text[lines[i][0]:lines[i][1]].strip() == str(expect):
            j = i + 1
            while j < len(lines) and j - i < 3 * len(header) and next_row(j, expect + 1) == j \
                    and text[lines[j][0]:lines[j][1]].strip() != str(expect + 1):
                j += 1
            last = j >= len(lines) or text[lines[next_row(j, expect + 1)][0]:lines[next_row(j, expect + 1)][1]] \
                .strip() != str(expect + 1)
            if last:  # the last row: lines wrapped in its cells, up to a note or signature under the table
                j = min(j, i + 2 * len(header))
                j = next((m for m in range(i + 1, j) if _AFTER_TABLE.search(text[lines[m][0]:lines[m][1]].strip())), j)
            groups: list[list[int]] = []  # the row's lines, page numbers left out (— 2 —) and a
            for m in range(i + 1, j):      # figure cut by the wrap (2 / 50家) kept on one line
                line = text[lines[m][0]:lines[m][1]].strip()
                if _PAGE_MARK.match(line):
                    continue
                if groups and _cuts_figure(text[lines[groups[-1][-1]][0]:lines[groups[-1][-1]][1]].strip()[-12:],
                                           line[:12]):
                    groups[-1].append(m)
                else:
                    groups.append([m])
            body = ["".join(text[lines[m][0]:lines[m][1]].strip() for m in g) for g in groups]
            cells = fit_cell_lines([c for c, _, _ in header], body, last=last)
            spans, m = [], 0
            for cell in cells:  # each cell is some consecutive lines joined
                start, got = m, ""
                while m < len(groups) and len(got) < len(cell):
                    got += body[m]
                    m += 1
                spans.append((lines[groups[start][0]][0], lines[groups[m - 1][-1]][1]) if m > start else None)
            out.append(Cell(*lines[i], "number", "序号", header[0][2]))
            out += [Cell(a, b, role, name, hs) for sp, (name, role, hs) in zip(spans, header[1:])
                    if sp is not None for a, b in [sp]]
            expect, i = expect + 1, next_row(j, expect + 1)
    return out


_AFTER_TABLE = re.compile(r"^.{61,}$|^(?:注|备注|说明|附件)\s*\d?[：:]|印发$|^(?:19|20)\d\d年\d{1,2}月\d{1,2}日$")
_HEADER_TAIL = re.compile(r"单位|部门|任务|内容|事项|时限|时间|措施|情况|领导|目标|比例")
_HEADER_CELL = re.compile(r"\s*(?:(?:19|20)\d\d年度?[\u4e00-\u9fff（）()/]{0,8}|[\u4e00-\u9fff（）()/]{2,10})\s*")  # 重点任务, 责任单位, 2024年目标
_HEADER_YEAR = re.compile(r"(?:19|20)\d\d年度?")  # a year cut from its header cell (2024年 / 目标)


def _word_cells(text: str, s: int, e: int) -> list[list[int]]:
    return [[m.start(), m.end()] for m in _WORD.finditer(text, s, e)]


_WORD = re.compile(r"[^\s|｜]+")


def _header(text: str, s: int, e: int) -> Optional[list[tuple[str, str, tuple[int, int]]]]:
    """(name, role, span) of each column when the line is the header of a task or progress table:
    cells split by tabs or runs of spaces, or by single spaces between short names after 序号."""
    if _GAP.search(text, s, e):
        cells = _line_cells(text, s, e)
    elif re.match(r"\s*(?:序号|编号)\s", text[s:e]):
        cells = _word_cells(text, s, e)
        if any(b - a > 8 for a, b in cells):
            return None
    else:
        return None
    if len(cells) < 3:
        return None
    columns = [(text[a:b], _column_role(text[a:b]), (a, b)) for a, b in cells]
    roles = [r for _, r, _ in columns]
    if roles[0] != "number" or not ("task" in roles and ("progress" in roles or "units" in roles)):
        return None
    return columns


def _fit_row(text: str, row: list[list[int]], header: list, spaced: bool = False) -> list[Cell]:
    """The cells of one row on the header's columns; a row short of cells lost the ones that
    could be missing (a unit cell merged with the row above, then the last columns). In a
    table split by single spaces the words over the number of columns belong to the task text."""
    if not row:
        return []
    columns = list(header)
    task = next((k for k, c in enumerate(columns) if c[1] == "task"), 1)
    if spaced and len(row) > len(columns) and task < len(columns):
        extra = len(row) - len(columns)
        row = row[:task] + [[row[task][0], row[task + extra][1]]] + row[task + extra + 1:]
    if len(row) < len(columns):
        from ..tasks import _looks_like_units

        if not any(_looks_like_units(text[a:b]) or text[a:b] in ("同上", "同前") for a, b in row[1:]):
            columns = [c for c in columns if c[1] != "units"] + [c for c in columns if c[1] == "units"]
    if len(row) > len(columns):  # more cells than columns: the extra ones join the last
        row = row[:len(columns) - 1] + [[row[len(columns) - 1][0], row[-1][1]]]
    return [Cell(a, b, role, name, span) for (a, b), (name, role, span) in zip(row, columns)]


_FIGURE_VERB = re.compile(r"(?:增长|下降|提高|降低|增加|减少|突破|达到|超过|压减|压降|提升|上升|回落|缩小|扩大|"
                          r"稳定在|控制在|保持在|不低于|不少于|不超过)$")


@dataclass
class JoinedText:
    """A text with the line breaks that cut a figure inside a table cell taken out (增 / 长6.5%,
    16 / 0个, 6500万人 / 次), and the way back: ``starts[k]`` is the original offset of
    character ``k`` (one more entry for the end)."""

    text: str
    starts: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]`` (line breaks inside it included)."""
        return self.starts[start], (self.starts[end - 1] + 1 if end > start else self.starts[start])

    def from_original(self, pos: int) -> int:
        """The offset in ``text`` of original offset ``pos`` (a removed break: the next character)."""
        import bisect

        return bisect.bisect_left(self.starts, pos, 0, len(self.starts) - 1)

    def cells(self, cells: list[Cell]) -> list[Cell]:
        """``cells`` in the coordinates of ``text``."""
        f = self.from_original
        return [Cell(f(c.start), f(c.end), c.role, c.column, (f(c.header[0]), f(c.header[1]))) for c in cells]


def _cuts_figure(before: str, after: str) -> bool:
    """Whether a line break between ``before`` and ``after`` (the cell's text on either side) cuts
    a figure: a quantity runs over it (16 / 0个, 1.2万 / 个, 6.5% / 以上), or a change verb cut
    or ending there goes on with its number (增 / 长6.5%, 下降 / 8%, 突 / 破300亿元)."""
    from ..numbers import find_quantities

    if not before or not after or re.match(r"\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]", after):
        return False  # a line that opens with an item number (2.推进…) starts an item of its own
    joined = before + after
    cut = len(before)
    if any(q.start < cut < q.end for q in find_quantities(joined)):
        return True
    head = re.match(r"\D{0,2}(?=\d)", after)
    if head is None:
        return False
    m = _FIGURE_VERB.search(joined[:cut + head.end()])
    return m is not None and m.start() < cut


def join_wrapped_figures(text: str, cells: list[Cell]) -> Optional[JoinedText]:
    """``text`` with every line break inside a table cell that cuts a figure removed (with the
    spaces around it), page numbers inside a cell (— 2 —) and the tabs or spaces that indent a
    cell's wrapped line taken out, or None when there is none of these."""
    drops: list[tuple[int, int]] = []
    for c in cells:
        if c.role in ("number", "units"):
            continue
        kept = [(c.start + m.start(), c.start + m.end()) for m in re.finditer(r"[^\n]+", text[c.start:c.end])]
        kept = kept[:1] + [(a, b) for a, b in kept[1:] if not _PAGE_MARK.match(text[a:b])]  # — 2 — in a row
        for (pa, pb), (na, nb) in zip(kept, kept[1:]):
            before, after = text[pa:pb].rstrip(), text[na:nb].lstrip()
            if _cuts_figure(before[-12:], after[:12]):
                drops.append((pa + len(before), nb - len(after)))
            else:
                if text.count("\n", pb, na) > 1:  # a page number between the lines: one break is left
                    drops.append((pb, text.rindex("\n", pb, na)))
                if nb - na > len(after):  # the tabs that put a wrapped line under its column
                    drops.append((na, nb - len(after)))
    if not drops:
        return None
    parts, starts, pos = [], [], 0
    for a, b in drops:
        parts.append(text[pos:a])
        starts.extend(range(pos, a))
        pos = b
    parts.append(text[pos:])
    starts.extend(range(pos, len(text) + 1))
    return JoinedText("".join(parts), starts)


def cell_at(cells: list[Cell], pos: int) -> Optional[Cell]:
    """The cell that holds offset ``pos`` (cells are sorted and do not overlap)."""
    import bisect

    k = bisect.bisect_right([c.start for c in cells], pos) - 1
    return cells[k] if k >= 0 and pos < cells[k].end else None


def split_at_cells(spans: list[tuple[int, int]], cells: list[Cell], text: str) -> list[tuple[int, int]]:
    """Sentence spans with the table cells cut out as texts of their own: a sentence never runs
    from one cell into the next, and a cell wrapped over a line break (新增规 / 上工业企业87家)
    is split at its full stops only."""
    if not cells:
        return spans
    out = []
    k = 0
    for s, e in spans:
        pos = s
        while k < len(cells) and cells[k].end <= pos:
            k += 1
        j = k
        while j < len(cells) and cells[j].start < e:
            if cells[j].start > pos:
                out.append((pos, cells[j].start))
            pos = max(pos, cells[j].end)
            j += 1
        if pos < e:
            out.append((pos, e))
    for c in cells:
        a = c.start
        for m in re.finditer(r"[。！？!?]", text[c.start:c.end]):
            out.append((a, c.start + m.end()))
            a = c.start + m.end()
        if a < c.end:
            out.append((a, c.end))
    return sorted(o for o in out if text[o[0]:o[1]].strip())


_BARE_FIGURE = re.compile(r"[约近逾超]?\d[\d,]*(?:\.\d+)?\s*[%％‰]?")


def named_by_header(cell: Cell, text: str) -> bool:
    """A lone figure under a 完成比例 (completion ratio) column: the header is its name."""
    return cell.role == "ratio" and bool(_BARE_FIGURE.fullmatch(text[cell.start:cell.end].strip()))


def name_cell_drafts(drafts: list["Draft"], cell: Cell, cells: list[Cell], text: str,
                     earlier: list["Draft"]) -> None:
    """Names of the drafts of one cell: a completion ratio takes its header; a name cut by the
    line wrap of its cell gets its head back (:func:`rejoin_wrapped_name`); figures of a progress
    cell left without a name take, in order, the names of as many figures of the row's task cell
    (城乡居民人均可支配收入分别增长5.5%和7% | … | 分别增长5.2%和7.4%)."""
    if named_by_header(cell, text):  # 完成比例 | 43.5%
        for d in drafts:
            d.name, d.name_span, d.canonical = cell.column, cell.header, None
        return
    for d in drafts:
        rejoin_wrapped_name(d, cell, text)
    nameless = [d for d in drafts if not d.name]
    if cell.role != "progress" or not nameless:
        return
    k = cells.index(cell)
    while k > 0 and cells[k].role != "number":
        k -= 1
    task = next((c for c in cells[k + 1:cells.index(cell)] if c.role == "task"), None)
    named = [d for d in earlier if task is not None and d.name and d.name_span
             and task.start <= d.name_span[0] < task.end]
    if len(named) == len(nameless):
        for d, source in zip(nameless, named):
            d.name, d.name_span, d.canonical = source.name, source.name_span, source.canonical


def rejoin_wrapped_name(d: "Draft", cell: Cell, text: str) -> None:
    """A name cut by the line wrap of its cell (…新增规 / 上工业企业87家) gets its head back: the
    words before the line break, after the cell's last punctuation mark; a figure opening a
    line of its cell without a name (新增普惠小微贷款 / 50亿元, 新能源产业产值 / 增长25%) takes
    those words as its name."""
    if d.name_span is None:
        start = text.rfind("\n", cell.start, d.anchor) + 1
        if start <= cell.start or not _FIGURE_WORDS.fullmatch(text[start:d.anchor]):  # 增长25%
            return
        a = b = start
    else:
        a, b = d.name_span
    if a - 1 <= cell.start or text[a - 1] != "\n":
        return
    head = re.search(r"[^，。；：、,;:\s]+$", text[cell.start:a - 1])
    if head is None or len(head.group()) > 12 or re.search(r"\d", head.group()):
        return
    start = cell.start + head.start()
    if b == a:
        b = a - 1  # the whole name is on the line above
    d.name, d.name_span = text[start:b].replace("\n", ""), (start, b)
    d.canonical = vocabulary.canonical_id(d.name)


def cell_context(cell: Optional[Cell]) -> str:
    """Words the column adds before a cell's text: its header (上半年完成, 2024年目标), and for a
    task column 全年 first: its targets are the whole year's, even in a half-year report. The
    cell's own time words (到2025年) still come nearer the number."""
    if cell is None or cell.role in ("number", "units"):
        return ""
    return ("全年，" if cell.role == "task" else "") + cell.column + "："


_FIGURE_WORDS = re.compile(r"(?:增长|下降|提高|降低|增加|减少|回落|上升|以上|以内|以下|左右|约|近|逾|超|达到?|为|[\s,，])*")


def row_name(cells: list[Cell], cell: Cell, text: str, quantities: list,
             earlier: Optional[list["Draft"]] = None) -> Optional["Draft"]:
    """The name of a row for a cell whose figures are named elsewhere in the row: a cell that
    holds only a figure (指标 | 年度目标 | 上半年完成: 固定资产投资  800亿元  421.6亿元) takes the
    row's first text cell without a figure; a progress cell that opens on its figure (前三季度增长
    6.4%，…) under a task cell that named one indicator (地区生产总值增长7%) takes that name.
    ``earlier`` are the drafts of the cells read before; None when the row names nothing."""
    k = cells.index(cell)
    while k > 0 and cells[k].role != "number":
        k -= 1
    row = [c for c in cells[k + 1:cells.index(cell)] if c.role != "number"]
    rest, pos = [], cell.start
    for q in quantities:
        rest.append(text[pos:q.start])
        pos = max(pos, q.end)
    rest.append(text[pos:cell.end])
    if quantities and _FIGURE_WORDS.fullmatch("".join(rest)):
        for c in row:
            name = text[c.start:c.end]
            if c.role in ("task", "other") and not re.search(r"\d", name) and len(name) <= 20:
                return Draft(name=name, name_span=(c.start, c.end), canonical=vocabulary.canonical_id(name))
    if cell.role == "progress" and earlier:
        task = next((c for c in row if c.role == "task"), None)
        named = [d for d in earlier if task is not None and d.name and d.name_span
                 and task.start <= d.name_span[0] < task.end]
        if len(named) == 1:
            d = named[0]
            return Draft(name=d.name, name_span=d.name_span, canonical=d.canonical)
    return None


def cell_kind(cell: Cell, before: str) -> Optional[str]:
    """The kind a table column gives the figures in its cell: targets in the task (or target)
    column, actuals in the progress column unless its own words forecast or promise (预计, 力争).
    None leaves the kind to the ordinary rules."""
    from . import kinds

    if cell.role == "task":
        return "target"
    if cell.role in ("progress", "ratio"):
        local = kinds.NOT_TARGET.sub("", re.split(r"[；;]", before)[-1])  # 预计 speaks for its ；-clause,
        if kinds.FORECAST_CUE.search(local):                               # a target word for its ，-clause
            return "forecast"                                              # (年度目标800亿元，完成421亿元)
        return "target" if re.search(r"力争|确保|争取|计划|目标|下半年", re.split(r"[，,]", local)[-1]) else "actual"
    return None


__all__ = ["find_tables", "unit_scale", "table_cells", "join_wrapped_figures", "JoinedText", "split_at_cells", "cell_at", "cell_kind", "cell_context",
           "rejoin_wrapped_name", "row_name", "name_cell_drafts",
           "named_by_header", "Cell"]
