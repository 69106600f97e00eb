"""Task-plan stage: the numbered items of a task-decomposition plan with their units.

A task-decomposition plan (任务分解/分工方案) repeats the report's promises as numbered items,
each naming who leads and who helps::

    2.重视…硅巷建设…。(区科技局、高新区管委会主办，区相关部门、街道、板块协办)
    5.…（牵头单位：区发改委；配合单位：区财政局、区统计局）
    牵头单位：区发改委；责任单位：区财政局          <- on its own line after the item
    区园林局牵头，区城管局、各街道配合。            <- a bare sentence of units and role words
    …新增限上企业300家，由区商务局负责。            <- units after the task's last comma
    1 | 推进…建设 | 区发改委 | 区财政局、区住建局      <- a table flattened into lines
    （3）…。【责任领导：张三；牵头单位：A；责任单位：B】  <- 【…】 or […] brackets, also on their own line
    【12】目标任务：… / 牵头：A；配合：B / 推进情况：…  <- a progress notice's numbered blocks

``extract_tasks`` returns one :class:`~govnlp.report.Task` per item: ``number`` as written,
``text`` the task without its number and unit clause, ``lead``/``support`` the units in the
order written, ``indicators`` the indices of ``report.indicators`` whose value (or change)
lies inside the item, ``start``/``end`` the whole item (number to the end of its unit clause
and continuation lines). Lead: 主办/牵头/负责/牵头单位; 责任单位 are support beside a named lead
(牵头单位：X；责任单位：Y), else the one marked （牵头） leads and the rest support, else all of
them lead (责任单位：A、B -> lead [A, B]). Support: 协办/配合/参与/协助. An item ends at the next
item, a heading, page chrome (not a page number inside a line cut at a comma), or a plain
line after a line that closed the item (ends with 。 or with its unit clause): continuation
lines follow lines ending in ；.
Items may be numbered 1. / （1） / （一）: the numbering that names the most units wins, so
"（一）…\n责任单位：…" blocks are read by their （一） items. A table flattened one cell per line
(序号 / 工作任务 / 目标 / 牵头单位 / 配合单位 / 完成时限, then 1, its cells, 2, …) gives one item per
row; its lines are fitted to the columns (unit lists in unit columns, dates in 时限 columns, a
wrapped cell joined, a missing cell left empty). Progress tables (序号 / 重点任务 / 责任单位 /
完成情况) are read the same way; a Word table pasted with tabs or runs of spaces gives one row per
line, with wrapped cells joined and a row number that lost its gap (3实施…) accepted in sequence.
A header cell wrapped over two lines (工作/任务) is one column, and a unit name wrapped mid-name
(市经济和信息化/局) one unit. In a table a 同上 cell stands for the units of the row above, and a
row without a unit cell lies under a cell merged with the row above: it takes those units too.
Units may be split by spaces (区住建局 区城管局); a remark after one (按职责分工负责) is dropped. A plan
numbered 1. 2. whose last part is numbered （一）（二） gives both. A progress report's items
carry field lines (年度目标：…, 完成情况：…, 存在问题：…) before their unit line, and items
numbered on after a table (10.…) join its rows; a progress notice's 【N】 blocks keep their
numbers (grouped by status, so they jump). Role marks inside one 责任单位 list or cell: 主责：A；
协同：B (labels), A▲ or A（第一牵头） (A leads, the rest support), A会同B、C (A leads); a legend saying
the first unit leads (排在第一位的为牵头单位) splits unmarked lists. Labels that name persons or
other fields (责任领导：…, 完成时限：…) are never units, and a 领导/责任人 column holds persons.
Tasks grouped by lead department (（一）市发改委牵头的任务（共4项）) take the heading's units as
lead unless they name their own (（与X共同牵头） adds X to them); 参与单位：无 is no unit, and 同上
under a numbered item stands for the units of the item above.
A unit line above a numbered item belongs to it when nothing is open above it or the item
above has named its units (【牵头单位：A；配合单位：B】 / 1.…, or a progress block's 牵头单位：X
line before 4.…; a bracketed line naming lead and support opens the item below even right after
the unit line of the item above); "（五）A牵头，B配合：" with the task on the next line opens its item; page
numbers between an item and its unit line are passed over; a unit line wrapped onto the next
line (…各乡镇 / （街道）, …秀水街道办 / 事处) keeps its tail. In 责任单位：A、B（牵头），C the run
that ends with the mark before a comma leads (A, B) and the rest support (the plans' writers'
reading; A（牵头）、B、C: A alone leads). Spaces between unit names that normalisation dropped
(区统计局 区税务局 -> 区统计局区税务局) are read back from the raw input. A Word table pasted
with tabs whose rows wrap is read by tab position (:func:`_grid_table_items`); in a table flattened
one cell per line a unit cell of several lines is one name wrapped mid-name (县工业和信息/化局)
or one name per line (a line opened by 市/区/县/省/各 after a complete name). A page number and
the header repeated after it (its cells wrapped as before) never end such a table, even inside a
row's cell: the rows go on. Numbered items after a target table that name their units (1.… again
under each （一）… group) are tasks too.
Counts of the plan's own items (共31项, 25项任务中…) are not data (:func:`item_count_spans`).
Documents that are not task plans give [].
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Optional

from .report import Report, Task

# Roles: a role word after the units (区科技局主办) or a label before them (牵头单位：区科技局).
_LEAD_WORDS = ("牵头单位", "牵头部门", "主办单位", "主责单位", "主责部门", "责任主体", "负责单位", "负责部门",
               "主办", "牵头", "负责", "主责")
_SUPPORT_WORDS = ("配合单位", "协办单位", "参与单位", "协助单位", "协同单位", "配合部门", "协办部门", "参与部门",
                  "协同部门", "协办", "配合", "参与", "协助", "协同")
_SHARED_WORDS = ("责任单位", "责任部门", "实施单位", "落实单位")  # lead, or support beside a lead
_ROLE = "|".join(sorted(_LEAD_WORDS + _SUPPORT_WORDS + _SHARED_WORDS, key=len, reverse=True))
_HAS_ROLE = re.compile(_ROLE)
_LABELLED = re.compile(r"(%s)\s*[:：]\s*" % _ROLE)
# the parts of a unit clause: at ；, at a comma before another role, before a role label (also
# right after a unit name: 主办：A局协办：B局, the space between them lost)
_PARTS = re.compile(r"[；;|｜]|[，,](?=[^，,；;]*(?:%s))|\s+(?=(?:%s)\s*[:：])"
                    r"|(?<=[局委办部室厅处站所院队会司团组府道镇乡心行社馆])(?=(?:%s)\s*[:：])" % (_ROLE, _ROLE, _ROLE))

_ITEM = re.compile(r"^[ \t　]*(\d{1,3})[ \t]*[.、．](?!\d)[ \t]*")
_SUBITEM = re.compile(r"^[ \t　]*(?:[（(]\d{1,2}[）)]|[①-⑳]|[a-z][.)）])")  # (1) ① a) inside an item
_ITEM_PAREN = re.compile(r"^[ \t　]*[（(](\d{1,3})[）)][ \t]*")
_ITEM_CN = re.compile(r"^[ \t　]*[（(]([一二三四五六七八九十百]{1,4})[）)][ \t]*")  # （一）… then 责任单位：…
_ITEM_BOX = re.compile(r"^[ \t　]*[【\[［](\d{1,3})[】\]］][ \t]*")  # 【12】目标任务：… (a progress report's blocks)
_HEADING = re.compile(r"^[ \t　]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]"
                      r"|第[一二三四五六七八九十]+[部分章节])")
# a labelled field of a progress item (年度目标：… / 完成情况：… / 存在问题：…): the item goes on
# (1—9月完成情况：…); a label of at most ten characters, two of them Chinese
_FIELD = re.compile(r"^[ \t　]*(?=[^:：\n]{0,9}[\u4e00-\u9fff][^:：\n]{0,9}[\u4e00-\u9fff])[\u4e00-\u9fff0-9—\-～~]{2,10}\s*[:：]")
_END = re.compile(r"^[ \t　]*(?:推荐访问|相关阅读|相关推荐|相关链接|上一篇|下一篇|责任编辑|【打印】|打印本页|关闭窗口|"
                  r"扫一扫|分享到|附件[:：]|附表)")
_TABLE_SEP = re.compile(r"\s*[|｜\t]\s*|\s{2,}")
_UNIT_SPLIT = re.compile(r"[、，,/；;](?![^（(]*[）)])")  # not inside brackets: 各县（市、区）政府
# 和/及 between two whole unit names (县财政局和县税务局), not inside one (县住房和城乡建设局)
_AND_SPLIT = re.compile(r"(?<=[局委办部室厅处站所院队会司团组政府道镇乡心行社馆门关联])[和及与](?=[区县市省各相]|[^和及与]{2,}"
                        r"(?:局|委|办|部|室|中心|公司|管委会|街道|镇|乡|政府)$)")
# a lead mark after a unit: 区发改委（牵头）, 市住建局（第一牵头）, 区商务委▲ (a legend line says ▲ leads)
_LEAD_MARK = re.compile(r"\s*(?:[（(]\s*(?:第一)?(?:牵头|主责|主办)(?:单位)?\s*[）)]|牵头|[▲★]+)$")
# "A会同B、C": A leads, B and C support; only right after a unit name (so 会同县 opening a
# name, the county, is kept whole)
_JOINTLY = re.compile(r"(?<=[局委办部室厅处站所院队会司团组府道镇乡心行社馆街区])会同")

MIN_ITEMS = 5
MIN_SHARE = 0.5


@dataclass
class _Item:
    number: str
    start: int
    end: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # (offset, line text)
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    text: str = ""
    unmarked: bool = False  # its lead came from a 责任单位 list with no role marked in it
    with_group: bool = False  # （与X共同牵头）: X leads together with the lead its group heading names


def _plan_items(report: Report) -> list[_Item]:
    """The plan's items, read once per report text (the indicator stage asks first, for the
    counts of items that are no data; the task stage then completes them)."""
    cached = report.__dict__.get("_plan_items")
    if cached is not None and cached[0] is report.text:
        return cached[1]
    items = _with_items_after(_table_items(report), report)
    report.__dict__["_plan_items"] = (report.text, items)
    return items


def extract_tasks(report: Report) -> list[Task]:
    """The items of a task-decomposition plan, or [] for any other document."""
    if report.meta.doc_type != "task_plan" and not looks_like_task_plan(report.text):
        return []
    items = _plan_items(report)
    if _FIRST_LEADS.search(report.text):
        _first_unit_leads(items)
    _leads_from_group_headings(report, items)
    _dittos_from_item_above(items)
    tasks = []
    anchored = sorted(((span[0], i) for i, ind in enumerate(report.indicators)
                       for span in [ind.spans.get("value") or ind.spans.get("change")] if span is not None))
    starts = [a for a, _ in anchored]
    for it in items:
        lo, hi = bisect.bisect_left(starts, it.start), bisect.bisect_right(starts, it.end)
        inside = sorted(i for _, i in anchored[lo:hi] if _inside(report.indicators[i], it.start, it.end))
        tasks.append(Task(number=it.number, text=it.text, lead=it.lead, support=it.support,
                          indicators=inside, start=it.start, end=it.end))
    return tasks


# a legend: the first unit of a 责任单位 list leads (排在第一位的为牵头单位, 第一个单位为牵头单位)
_FIRST_LEADS = re.compile(r"(?:排在|排名|列|位列)?第一(?:位|个|家)?(?:的)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)?"
                          r"|(?:(?:排|列)(?:在)?首位的?|首个)(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)")


# a group heading naming the lead of every task under it: （一）市发改委牵头的任务（共4项）
_GROUP_LEAD = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．])\s*"
                         r"([^，。；：:]{2,60}?)(?:共同)?(?:牵头|负责|主办|主责)(?:落实|承担|推进)?的(?:重点)?(?:工作)?(?:任务|事项)")
_GENERIC_UNIT = re.compile(r"^(?:其他|其余|有关|相关|各有关|各相关)")


def _leads_from_group_headings(report: Report, items: list[_Item]) -> None:
    """Tasks grouped by lead department: the units a group heading names (（一）市发改委牵头的任务)
    lead each task under it that names no lead of its own, and join the one written （与X共同牵头）."""
    heads: list[tuple[int, list[str]]] = []
    for off, line in _lines(report):
        if not _HEADING.match(line):
            continue
        m = _GROUP_LEAD.match(line)
        names = _split_units(m.group(1)) if m else []
        if not names or not all(_looks_like_units(n) and not _GENERIC_UNIT.match(n) for n in names):
            names = []
        heads.append((off, names))
    if not any(names for _, names in heads):
        return
    for it in items:
        names = next((n for off, n in reversed(heads) if off < it.start), [])
        if not names:
            continue
        if not it.lead:
            it.lead = list(names)
        elif it.with_group:
            it.lead += [n for n in names if n not in it.lead]


def _dittos_from_item_above(items: list[_Item]) -> None:
    """参与单位：同上 under a numbered item: the units of that role in the item above (a table's
    同上 cells are resolved with its rows, :func:`_units_from_row_above`)."""
    for prev, it in zip(items, items[1:]):
        if it.lead and all(_DITTO.fullmatch(u) for u in it.lead):
            it.lead = list(prev.lead)
            if not it.support:
                it.support = list(prev.support)
        if it.support and all(_DITTO.fullmatch(u) for u in it.support):
            it.support = list(prev.support)


def _first_unit_leads(items: list[_Item]) -> None:
    """Under a legend saying the first unit leads: 责任单位：A、B、C -> lead [A], support [B, C]."""
    for it in items:
        if it.unmarked and len(it.lead) > 1 and not it.support:
            it.lead, it.support = it.lead[:1], it.lead[1:]


_ITEM_COUNT = re.compile(r"(?<![\d.])(\d{1,3})\s*项(?!目)")
_ITEM_WORDS = re.compile(r"任务|事项|方案")


def item_count_spans(report: Report) -> list[tuple[int, int]]:
    """Numbers that count a plan's own items, never data: 分工方案（共31项）, 25项任务中，已完成8项…,
    按序时进度推进的任务（13项）.

    A count in 项 outside every item, no larger than the number of items, in a clause that names
    the plan's 任务/事项/方案 (or written 共N项). Documents that are not task plans give [].
    """
    text = report.text
    if report.meta.doc_type != "task_plan" and not looks_like_task_plan(text):
        return []
    items = _plan_items(report)
    if len(items) < MIN_ITEMS:
        return []
    out = []
    for m in _ITEM_COUNT.finditer(text):
        if int(m.group(1)) > len(items) or any(it.start <= m.start() < it.end for it in items):
            continue
        start = max(text.rfind(c, max(0, m.start() - 80), m.start()) for c in "。；\n") + 1
        ends = [i for i in (text.find(c, m.end(), m.end() + 80) for c in "。；\n") if i >= 0]
        clause = text[start:min(ends) if ends else m.end() + 80]
        if _ITEM_WORDS.search(clause) or text[max(0, m.start() - 1):m.start()] == "共":
            out.append((m.start(), m.end()))
    return out


def _with_items_after(table: list[_Item], report: Report) -> list[_Item]:
    """The rows of a table, and the numbered items after it that go on with its numbering.

    A progress report may list its first tasks in a table (rows 1-9) and the rest as items
    (10.…, 11.…) after it; a plan may put its targets in a table and its tasks after it in
    numbered items of their own (1.… again under each （一）… group) that name their units
    (``MIN_ITEMS`` or more, at least half with units); without a table, the numbered items alone.
    """
    items = _items(report)
    if not table:
        return items
    after = [it for it in items if it.start >= table[-1].end]
    if after and after[0].number.isdigit() and table[-1].number.isdigit() \
            and int(after[0].number) == int(table[-1].number) + 1:
        return table + after
    if _names_units(after):
        return table + after
    return table


@lru_cache(maxsize=4)  # meta and the tasks stage both ask about the same text
def looks_like_task_plan(text: str) -> bool:
    """True when at least half of ``MIN_ITEMS`` or more numbered items name their units."""
    report = Report(text=text)
    items = _items(report)
    if _names_units(items):
        return True
    # a table's rows (a progress report's 序号/重点任务/责任单位 table), and the items after it
    return _names_units(_with_items_after(_table_items(report), report))


def _names_units(items: list[_Item]) -> bool:
    with_units = sum(bool(it.lead or it.support) for it in items)
    return len(items) >= MIN_ITEMS and with_units >= MIN_SHARE * len(items)


# ---- spaces the normaliser dropped ------------------------------------------------
_GAPS: dict = {}  # the last report's dropped spaces: {"key": (id, text), "gaps": set}


def _gaps(report: Report) -> frozenset:
    """Offsets of ``report.text`` before which the raw input had spaces that normalisation
    dropped (区统计局 区税务局 -> 区统计局区税务局): they separate unit names in a unit list."""
    key = (id(report), report.text)
    if _GAPS.get("key") == key:
        return _GAPS["gaps"]
    gaps = set()
    raw, rmap = report.raw_text, report.raw_map
    if raw is not None and len(rmap) == len(report.text) + 1:
        for i in range(1, len(report.text)):
            a, b = rmap[i - 1] + 1, rmap[i]
            if b > a and not raw[a:b].strip() and "\n" not in raw[a:b] \
                    and not report.text[i - 1].isspace() and not report.text[i].isspace():
                gaps.add(i)
    _GAPS["key"], _GAPS["gaps"] = key, frozenset(gaps)
    return _GAPS["gaps"]


def _spaced(gaps: frozenset, off: int, line: str) -> str:
    """``line`` (at text offset ``off``) with the spaces the normaliser dropped put back."""
    if not gaps:
        return line
    cuts = [k for k in range(1, len(line)) if off + k in gaps]
    if not cuts:
        return line
    return "".join(line[a:b] + " " for a, b in zip([0] + cuts, cuts)) + line[cuts[-1]:]


# ---- numbered items -------------------------------------------------------------
def _lines(report: Report):
    for m in re.finditer(r"[^\n]*\n?", report.text):
        if not m.group():
            break
        line = m.group().rstrip("\n")
        yield m.start(), line


def _items(report: Report) -> list[_Item]:
    """Group lines into numbered items (1. / （1） / （一）); headings and page chrome end an item.

    The numbering that names the most units wins (then the one with the most items), so a plan
    written as "（一）…\n责任单位：…" blocks is read by its （一） items, not its 1. sub-points.
    """
    best: list[_Item] = []
    best_key = (-1, -1)
    numberings = []
    for pattern in (_ITEM, _ITEM_PAREN, _ITEM_CN, _ITEM_BOX):
        items = _group(report, pattern)
        for it in items:
            _finish(it, _gaps(report))
        numberings.append(items)
        key = (sum(bool(it.lead or it.support) for it in items), len(items))
        if key > best_key:
            best, best_key = items, key
    return _with_other_numberings(best, numberings)


def _with_other_numberings(best: list[_Item], numberings: list[list[_Item]]) -> list[_Item]:
    """The winning numbering's items, and the items of another numbering that name units where
    it has none: a plan whose last part is numbered （一）（二） instead of 1. 2. Such an item
    must lie outside every item of the winner (a （一） heading above 1. items overlaps them)."""
    if not best:
        return best
    extra = [it for items in numberings if items is not best for it in items
             if (it.lead or it.support) and not any(it.start < b.end and b.start < it.end for b in best)]
    if not extra:
        return best
    return sorted(best + extra, key=lambda it: it.start)


def _group(report: Report, pattern: re.Pattern) -> list[_Item]:
    """The items of one numbering, each with its lines.

    A unit line right before an item goes to that item (a plan that writes its units above
    each task) when nothing is open above it, or when the item above has named its units
    already and its last line is no unit line (牵头单位：A / 配合单位：B stay together);
    page chrome between an item and its unit line is passed over; a unit line wrapped onto the
    next line (…各乡镇 / （街道）) keeps its tail.
    """
    items: list[_Item] = []
    current: Optional[_Item] = None
    lines = list(_lines(report))
    # the next non-empty line after each line, found once (a slice per line was quadratic)
    following = [""] * len(lines)
    upcoming = ""
    for k in range(len(lines) - 1, -1, -1):
        following[k] = upcoming
        if lines[k][1].strip():
            upcoming = lines[k][1]
    pending: Optional[tuple[int, str]] = None  # a unit line waiting for the item below it
    for k, (off, line) in enumerate(lines):
        nxt = following[k]
        if report.boilerplate and report.is_boilerplate(off + len(line) - len(line.lstrip())) and line.strip():
            # a page break inside an item (its last line cut at a comma) or before its unit line
            if current is None or not (_is_unit_line(nxt) or current.lines[-1][1].rstrip().endswith(("，", "、", ","))):
                current = None
            continue
        m = pattern.match(line)
        if m:
            current = _Item(number=m.group(1), start=off + len(line) - len(line.lstrip()), end=off + len(line.rstrip()))
            if pending is not None:
                current.start = pending[0] + len(pending[1]) - len(pending[1].lstrip())
                current.lines.append(pending)
                pending = None
            current.lines.append((off + m.end(), line[m.end():]))
            items.append(current)
            continue
        pending = None
        if _HEADING.match(line) or _END.match(line):
            current = None
            continue
        if line.strip() and _labelled_line(line) and pattern.match(nxt) \
                and (current is None or (any(_is_unit_line(ln) for _, ln in current.lines)
                                         and (not _is_unit_line(current.lines[-1][1]) or _whole_clause(line)))):
            pending, current = (off, line), None  # 【牵头单位：A；配合单位：B】 above 2.…
            continue
        if current is not None and line.strip():
            last = current.lines[-1][1]
            if (_closed(last) and not _is_unit_line(line) and not _FIELD.match(line)
                    and not (pattern is _ITEM and _SUBITEM.match(line))
                    and not (len(current.lines) == 1 and _is_unit_line(last))  # （五）A牵头，B配合： then the task
                    and not (_labelled_line(last) and _continues_units(last, line))):
                current = None  # a closing paragraph or signature after the last item
                continue
            current.lines.append((off, line))
            current.end = off + len(line.rstrip())
    return items


def _whole_clause(line: str) -> bool:
    """A bracketed unit line naming both lead and support (【牵头单位：A；配合单位：B】): it opens the
    item below even after a unit line, being no second half of that one."""
    s = line.strip()
    labels = {m.group(1) for m in _LABELLED.finditer(s)}
    return s[:1] in "【[［" and s[-1:] in "】]］" and any(l in _LEAD_WORDS for l in labels) \
        and any(l in _SUPPORT_WORDS for l in labels)


def _continues_units(unit_line: str, line: str) -> bool:
    """Whether ``line`` is the rest of a unit line wrapped over two lines: …、广 / 丰区政府,
    …，各乡镇 / （街道）, …秀水街道办 / 事处 (never a signature under a complete list)."""
    s, prev = line.strip().rstrip("。；;】］]"), unit_line.rstrip()
    if not s or len(s) > 40 or "。" in s or _FIELD.match(s) or _LABELLED.match(s) \
            or prev.endswith(("。", "】", "］", "]")):
        return False
    tail = re.split(r"[、，,；;：:\s]", prev)[-1]
    if not (prev.endswith(("、", "，", ",")) or s.startswith(("（", "(")) or not _looks_like_units(tail)
            or len(s) <= 3):
        return False
    return _looks_like_units(s) or _looks_like_units(tail + s)


def _is_unit_line(line: str) -> bool:
    """牵头单位：X… or a bare (X牵头，Y配合) standing on its own line."""
    s = line.strip()
    if _labelled_line(s):
        return True
    clause, rest = _unit_clause(s)
    return clause is not None and not rest.strip()


def _labelled_line(line: str) -> bool:
    """A line of role labels: 牵头单位：X；…, also after a person's label (责任领导：张三；牵头单位：X)
    or as one half of a bracket broken over two lines (【责任领导：…；牵头单位：X； / 责任单位：Y】)."""
    s = line.strip().lstrip("【［[")
    return bool(_LABELLED.match(s) or _LABEL_AFTER_PERSON.match(s))


_LABEL_AFTER_PERSON = re.compile(r"[\u4e00-\u9fff]{0,4}(?:领导|责任人|联系人)\s*[:：][^；;，,:：]*[；;，,]\s*(?:%s)\s*[:：]" % _ROLE)


def _closed(line: str) -> bool:
    """An item line that ends a sentence or names its units; only unit lines may follow it.

    Continuation lines follow a line ending in ；/， (seed 004: "…12大应用场景…；" then "完善…").
    """
    s = line.rstrip()
    if s.endswith(("。", "！", "!")):
        return True
    return _unit_clause(s)[0] is not None or bool(_LABELLED.match(s.strip()))


def _finish(it: _Item, gaps: frozenset = frozenset()) -> None:
    """Split an item's lines into its task text and its units (read with the spaces between
    unit names that normalisation dropped put back, :func:`_spaced`)."""
    body: list[str] = []
    units = ""  # a unit line, with the line that continues it (…各乡镇 / （街道）)
    for off, line in it.lines:
        spaced = _spaced(gaps, off, line).strip()
        line = line.strip()
        if units and _continues_units(units, line):
            units += _join_unit_lines([units, spaced])[len(units):]
            continue
        if units:
            _read_units(units.lstrip("【［[").rstrip("】］]"), it)
            units = ""
        if _labelled_line(line):  # 牵头单位：X；责任单位：Y on its own line
            units = spaced
            continue
        clause, rest = _unit_clause(line)
        if clause is not None:
            _read_units(_unit_clause(spaced)[0] or clause, it)
            line = rest
        body.append(_PERSON_FIELD.sub("", line))
    if units:
        _read_units(units.lstrip("【［[").rstrip("】］]"), it)
    it.text = "".join(body).strip()


# a field naming persons at the end of a line (…。责任领导：张三；): not part of the task text
_PERSON_FIELD = re.compile(r"[\u4e00-\u9fff]{0,4}(?:领导|责任人|联系人)\s*[:：][^。：:]*$")


def _unit_clause(line: str) -> tuple[Optional[str], str]:
    """The last bracketed group naming roles, and the line without it.

    Brackets are （…）, 【…】 or […]: …。【责任领导：…；牵头单位：X；责任单位：Y】 at the end of
    the item or on a line of its own.
    """
    s = line.rstrip(" 。.;；：:")
    close = max(s.rfind(c) for c in _OPENERS)
    if close < 0 or close < len(s) - 2:
        # 牵头单位：X at the end of the line without brackets
        m = _LABELLED.search(s)
        if m and m.start() > 0 and s[m.start() - 1] in "。；;，, \t":
            return s[m.start():], s[: m.start()].rstrip("，, \t")
        # a bare sentence of units and role words: …完成年度目标。区发改局牵头，区财政局配合。
        cut = max(s.rfind("。"), s.rfind("."), s.rfind("！")) + 1
        if _is_bare_clause(s[cut:]):
            return s[cut:], s[:cut]
        # …新增限上企业300家，由区商务局负责 / …，区林业局牵头，区财政局配合: the units end the
        # sentence after a comma (the longest such tail, opened by 由 or by the leading units)
        for m in re.finditer(r"[，,]", s[cut:]):
            tail = s[cut + m.end():]
            if (tail.startswith("由") or re.match(r"[^，,]*(?:牵头|负责|主办)(?:[，,]|$)", tail)) \
                    and _is_bare_clause(tail):
                return tail, s[:cut + m.start()] + "。"  # the task keeps its full stop
        return None, line
    closers = "".join(c for c, o in _OPENERS.items() if o == _OPENERS[s[close]])
    depth, i = 0, close
    while i >= 0:
        ch = s[i]
        if ch in closers:
            depth += 1
        elif ch in _OPENERS[s[close]]:
            depth -= 1
            if depth == 0:
                break
        i -= 1
    if i < 0:
        return None, line
    inner = s[i + 1: close]
    if not _HAS_ROLE.search(inner) or not _names_a_unit(inner):
        return None, line  # （产学研协同）, （群众参与）: role words, but no unit
    return inner, (s[:i] + s[close + 1:]).rstrip()


_OPENERS = {"）": "（(", ")": "（(", "】": "【", "]": "[［", "］": "[［"}  # closing bracket -> its openers


def _names_a_unit(clause: str) -> bool:
    """Whether a bracketed clause with role words names at least one unit (a labelled one, or a
    name that looks like a unit: 区科技局主办, 牵头单位：X)."""
    if _LABELLED.search(clause):
        return True
    probe = _Item("", 0, 0)
    _read_units(clause, probe)
    return any(_looks_like_units(u) for u in probe.lead + probe.support)


def _is_bare_clause(s: str) -> bool:
    """'区发改局牵头，区财政局、各街道配合': every part is a unit list followed by its role word."""
    parts = [p.strip(" 。.，,") for p in _PARTS.split(s) if p.strip(" 。.，,")]
    if not parts:
        return False
    for part in parts:
        m = re.search(r"(%s)$" % _ROLE, part)
        if not m or not _looks_like_units(part[: m.start()]):
            return False
    return True


def _read_units(clause: str, it: _Item) -> None:
    """Read 'A、B主办，C协办' / '牵头单位：A；配合单位：B' / '责任单位：A（牵头）、B' into roles."""
    parts: list[list[str]] = []  # [role, units]
    for part in _PARTS.split(clause):
        part = part.strip(" 。.，,")
        if not part:
            continue
        m = _LABELLED.match(part)
        if m:
            parts.append([m.group(1), part[m.end():]])
            continue
        if _OTHER_LABEL.match(part):
            parts.append(["", ""])  # 责任领导：张三（副市长）: persons, neither lead nor support
            continue
        m = re.search(r"(%s)$" % _ROLE, part)
        if m:
            parts.append([m.group(1), part[: m.start()]])
        elif parts and _looks_like_units(part):
            parts[-1][1] += "、" + part  # 责任单位:A;B -> B is named under the label before it
    for role, units in parts:
        if not role:
            continue
        joint = _JOINTLY.search(units)
        if joint and role not in _SUPPORT_WORDS:  # A会同B、C负责: A leads, B and C support
            it.lead += [_LEAD_MARK.sub("", n) for n in _split_units(units[:joint.start()])]
            it.support += [_LEAD_MARK.sub("", n) for n in _split_units(units[joint.end():])]
            continue
        names = _split_units(units)
        if role in _LEAD_WORDS and units.lstrip().startswith("与"):
            it.with_group = True
        if role in _LEAD_WORDS or role in _SUPPORT_WORDS:
            names = [n if _LEAD_MARK.fullmatch(n) else _LEAD_MARK.sub("", n) for n in names]
        if role in _LEAD_WORDS:
            it.lead += names
        elif role in _SUPPORT_WORDS:
            it.support += names
        else:  # 责任单位: support beside a named lead; else the one marked （牵头） leads, else all lead
            run = _marked_run(units)
            marked = [_LEAD_MARK.sub("", n) for n in run or names if run or _LEAD_MARK.search(n)]
            names = [_LEAD_MARK.sub("", n) for n in names]
            if it.lead:
                it.support += names
            elif marked:
                it.lead += marked
                it.support += [n for n in names if n not in marked]
            else:
                it.lead += names
                it.unmarked = True


_COMMA = re.compile(r"[，,；;](?![^（(]*[）)])")


def _marked_run(units: str) -> list[str]:
    """责任单位：A、B（牵头），C、D: the run of units before a comma whose last unit carries the
    lead mark leads as a whole (writers' reading), the units after the comma support. [] when
    no run ends with a mark before a comma (A（牵头）、B、C: the marked unit alone leads)."""
    runs = [r for r in _COMMA.split(units) if r.strip()]
    for k, run in enumerate(runs[:-1]):
        names = _split_units(run)
        if names and _LEAD_MARK.search(names[-1]):
            return [n for r in runs[:k + 1] for n in _split_units(r)]
    return []


# a label that names no role (责任领导：, 联系人：, 完成时限：): what follows is not a unit
_OTHER_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]")


def _split_units(units: str) -> list[str]:
    out = []
    for u in (piece for part in _UNIT_SPLIT.split(units) for piece in _AND_SPLIT.split(part)):
        if _OTHER_LABEL.match(u.strip()):
            break  # …，完成时限：2022年12月底: a field after the units ends them
        u = u.strip(" 　。.：:】］]")
        u = re.sub(r"^(?:(?:本项|该项|此项)?由|等|与)", "", u)
        u = re.sub(r"(?:等|共同)$", "", u)
        u = _REMARK.sub("", u)
        if _NO_UNIT.fullmatch(u):
            continue  # 参与单位：无
        pieces = u.split()
        if len(pieces) > 1 and all(_looks_like_units(p) for p in pieces):
            out += pieces  # 区住建局 区城管局: a table cell with its units split by spaces
        elif u:
            out.append(u)
    return out


_NO_UNIT = re.compile(r"无|暂无|/|[—\-－]+")  # an empty unit cell written out
# a remark after a unit name: 区交通局（按职责分工负责）, 各镇（分别负责）
_REMARK = re.compile(r"[（(][^（）()牵]*(?:职责|分工|分别|各自)[^（）()]*[）)]$")


# ---- tables flattened into lines -----------------------------------------------
_HEAD_NUMBER = re.compile(r"^(?:序号|编号|序)$")
_HEAD_TASK = re.compile(r"任务|工作|内容|事项|目标|举措|措施")
_HEAD_NOT_UNIT = re.compile(r"领导|时限|时间|进度|备注|分管|联系人|责任人")


def _table_items(report: Report) -> list[_Item]:
    """Rows of a table flattened into lines: cells split by | or tabs, or one cell per line;
    a Word table pasted with tabs whose rows wrap by position (:func:`_grid_table_items`)
    when it names the units of more rows."""
    rows = _row_table_items(report)
    grid = _grid_table_items(report)
    if _with_units(grid) > _with_units(rows):
        rows = grid
    return _units_from_row_above(rows or _cell_table_items(report))


def _with_units(items: list[_Item]) -> tuple[int, int]:
    return sum(bool(it.lead or it.support) for it in items), len(items)


_PAGE_NUMBER = re.compile(r"\s*[—\-－–]*\s*\d{1,3}\s*[—\-－–]+\s*|\s*第\s*\d{1,3}\s*页.*")


def _grid_table_items(report: Report) -> list[_Item]:
    """A Word table pasted with tabs, each cell at its column's tab position.

    The header may wrap (序号⇥任务内容⇥目标⇥牵头⇥配合 / ⇥⇥⇥单位⇥单位: one column per tab
    position); a row opens with its number, alone on its line or before a tab, and every line
    after it adds to the cells at its tab positions (⇥⇥⇥区市场监管局⇥区直有关部门: the 牵头 and
    配合 cells), so wrapped cells are joined; a line without a leading tab goes on in the cell
    the line above ended in (a name wrapped mid-name: 区自然资源和规划 / 分局). Group rows, page
    numbers and a header repeated after a page break are passed over; a long line without a tab
    (a closing paragraph) ends the table.
    """
    gaps = _gaps(report)
    lines = list(_lines(report))
    columns: Optional[list[str]] = None
    rows: list[dict] = []
    row: Optional[dict] = None
    k = 0
    while k < len(lines):
        off, line = lines[k]
        k += 1
        pieces = line.strip().split("\t")
        if "\t" in line and len(pieces) >= 3 and _HEAD_NUMBER.match(pieces[0].strip()):
            head = [c.strip() for c in pieces]
            if k < len(lines) and "\t" in lines[k][1]:  # a header wrapped over two lines
                tail = lines[k][1].split("\t")
                if all(not c.strip() or (len(c.strip()) <= 4 and not re.search(r"\d", c)) for c in tail) \
                        and any(c.strip() for c in tail):
                    head = [h + (tail[c].strip() if c < len(tail) else "") for c, h in enumerate(head)]
                    k += 1
            if any(_is_unit_column(c) for c in head):
                if columns is None or not rows:
                    columns = head
                continue
        if columns is None or not line.strip():
            continue
        number = re.match(r"\s*(\d{1,3})[.、．]?\s*(?:\t|$)", line)  # a row number may pass for a page number
        expect = {int(rows[-1]["number"]) + 1} if rows else {1}
        if not (number and int(number.group(1)) in expect) and (_PAGE_NUMBER.fullmatch(line) or (
                "\t" not in line  # a line of cells is never chrome, whatever it looks like
                and report.boilerplate and report.is_boilerplate(off + len(line) - len(line.lstrip())))):
            continue
        if number and int(number.group(1)) in expect:
            row = {"number": number.group(1), "start": off + len(line) - len(line.lstrip()),
                   "end": off + len(line.rstrip()), "cells": [[] for _ in columns], "spaced": [[] for _ in columns],
                   "col": 0}
            rows.append(row)
            rest = line[number.end():]
            if rest.strip():
                _grid_add(row, "\t" + rest, "\t" + _spaced(gaps, off + number.end(), rest))
            continue
        if _HEADING.match(line):
            row = None  # a group row
            continue
        if _END.match(line) or ("\t" not in line and len(line.strip()) > 60):
            if rows:
                break
            columns = None
            continue
        if row is not None:
            _grid_add(row, line, _spaced(gaps, off, line))
            row["end"] = off + len(line.rstrip())
    items = []
    for r in rows:
        it = _Item(number=r["number"], start=r["start"], end=r["end"])
        cells = [r["number"]] + [_join_unit_lines(sp) if _is_unit_column(name) else "".join(tx)
                                 for name, tx, sp in zip(columns[1:], r["cells"][1:], r["spaced"][1:])]
        _read_row(it, columns, cells)
        items.append(it)
    return items


def _grid_add(row: dict, line: str, spaced: str) -> None:
    """Add one line of a pasted table to the cells of ``row`` at its tab positions."""
    pieces, spaced_pieces = line.split("\t"), spaced.split("\t")
    if len(pieces) != len(spaced_pieces):
        spaced_pieces = pieces
    first = 0 if line.startswith("\t") else max(row["col"], 1)  # no leading tab: the cell goes on
    for c, (piece, sp) in enumerate(zip(pieces, spaced_pieces), start=first):
        if c == 0 or c >= len(row["cells"]) or not piece.strip():
            continue
        row["cells"][c].append(piece.strip())
        row["spaced"][c].append(sp.strip())
        row["col"] = c


_DITTO = re.compile(r"同上|同前|同\s*\d{1,3}")


def _units_from_row_above(items: list[_Item]) -> list[_Item]:
    """Units a row takes from the row above: a 同上 cell, or none at all under a merged cell.

    同上 in the one units column (责任单位) stands for all the units above, lead and support;
    in a 牵头 or 配合 column for that column's. A row that names no unit, in a table whose
    rows name them, lies under a unit cell merged with the row above and printed once there.
    """
    if sum(bool(it.lead or it.support) for it in items) < MIN_SHARE * len(items):
        return items
    prev: Optional[_Item] = None
    for it in items:
        if prev is not None:
            lead_ditto = bool(it.lead) and all(_DITTO.fullmatch(u) for u in it.lead)
            support_ditto = bool(it.support) and all(_DITTO.fullmatch(u) for u in it.support)
            if lead_ditto and not it.support:
                it.lead, it.support = list(prev.lead), list(prev.support)
            else:
                if lead_ditto:
                    it.lead = list(prev.lead)
                if support_ditto:
                    it.support = list(prev.support)
            if not it.lead and not it.support:
                it.lead, it.support = list(prev.lead), list(prev.support)
        prev = it
    return items


def _row_table_items(report: Report) -> list[_Item]:
    """Rows of a flattened table whose header names 序号 and unit columns (牵头单位 | 配合单位).

    Cells are split at | or tabs, or at single spaces when the header is written that way
    (序号 工作任务 牵头单位 配合单位). A row starts with its number; short lines after it (a cell
    wrapped over lines) belong to it. A row with more or fewer cells than columns is fitted as in
    cell-per-line tables.
    """
    columns: Optional[list[str]] = None
    spaced = False
    rows: list[list] = []  # [start, end, joined text] per row, [None, spaced, columns] per header
    for off, line in _lines(report):
        cells = _cells(line, spaced=False)
        if len(cells) < 3:
            cells = _cells(line, spaced=True)
        if len(cells) >= 3 and _HEAD_NUMBER.match(cells[0]) and any(_is_unit_column(c) for c in cells):
            columns, spaced = cells, len(_cells(line, spaced=False)) < 3
            rows.append([None, spaced, columns])  # a header row: its columns and how cells are split
            continue
        if columns is None:
            continue
        cells = _cells(line, spaced)
        glued = re.match(r"\s*(\d{1,3})[ \t]?(?=[^\d\s.．、%])", line)  # 3实施… / 3 实施…: the cell gap lost
        shift = 0
        if glued and (len(cells) < 2 or not _ROW_NO.fullmatch(cells[0])) \
                and int(glued.group(1)) in _next_row_numbers(rows):
            fixed = line[:glued.end(1)] + "\t" + line[glued.end():]
            line, shift = fixed, len(fixed) - len(line)
            cells = _cells(line, spaced)
        if cells and _ROW_NO.fullmatch(cells[0]) and len(cells) >= 2:
            rows.append([off + len(line) - len(line.lstrip()), off + len(line.rstrip()) - shift, line.strip()])
        elif not line.strip() or _HEADING.match(line) or re.fullmatch(r"[\s|｜:：\-—=+]+", line):
            continue  # blank, a group row, or a rule under the header (|---|---|)
        elif _END.match(line) or len(line.strip()) > 60 or rows[-1][0] is None:
            columns = None
        else:  # a wrapped cell
            rows[-1][1] = off + len(line.rstrip())
            rows[-1][2] += _joiner(rows[-1][2], line.strip(), columns, spaced) + line.strip()
    items: list[_Item] = []
    for start, end, text in rows:
        if start is None:
            spaced, columns = end, text
            continue
        cells = _cells(text, spaced)
        if len(cells) < 3:
            continue
        it = _Item(number=cells[0].rstrip(".、．"), start=start, end=end)
        _read_row(it, columns, [cells[0]] + _fit_cells(columns, cells[1:]))
        items.append(it)
    return items


def _joiner(row: str, rest: str, columns: list[str], spaced: bool) -> str:
    """How a wrapped line joins its row: "" inside a cell (市统/计局, a name cut at the line end),
    a cell gap when the row broke between cells; the one that gives the header's number of cells."""
    if spaced:
        return ""
    return min(("", "\t"), key=lambda j: abs(len(_cells(row + j + rest, False)) - len(columns)))


_ROW_NO = re.compile(r"\d{1,3}[.、．]?")  # the number cell of a row: 3 or 3.


def _next_row_numbers(rows: list[list]) -> set[int]:
    """The numbers the next row may have: the last row's number plus one, or 1 after a header."""
    numbers = {1} if rows and rows[-1][0] is None else set()
    last = next((r for r in reversed(rows) if r[0] is not None), None)
    if last is not None:
        numbers.add(int(re.match(r"\d+", last[2]).group()) + 1)
    return numbers


def _cells(line: str, spaced: bool) -> list[str]:
    """The cells of a table row: split at | or tabs (or two spaces), or at any space when ``spaced``."""
    parts = line.split() if spaced else _TABLE_SEP.split(line.strip())
    return [c for c in parts if c]


def _cell_table_items(report: Report) -> list[_Item]:
    """A table flattened one cell per line: a header 序号 / 重点任务 / 牵头单位 / 配合单位 on
    consecutive lines, then rows, each opened by its number on a line of its own (1, 2, 3 …).

    A row holds the lines up to the next number in sequence (group rows 一、… and a page break
    with the header repeated in between are passed over); its lines are laid on the columns by
    :func:`_fit_lines`, so a cell wrapped over lines is joined and a missing cell (an empty
    配合单位) leaves its column empty. The last row ends before a line longer than any cell line.
    """
    lines = [(off, ln) for off, ln in _lines(report) if ln.strip()
             and not (report.boilerplate and report.is_boilerplate(off + len(ln) - len(ln.lstrip()))
                      and _row_number(ln) is None)]
    gaps = _gaps(report)
    items: list[_Item] = []
    last = 0  # the last row number read: a table cut by a page break repeats its header and goes on
    i = 0
    while i < len(lines):
        if not _HEAD_NUMBER.match(lines[i][1].strip()):
            i += 1
            continue
        k = 1
        while (i + k < len(lines) and len(lines[i + k][1].strip()) <= 12
               and _row_number(lines[i + k][1]) is None and not _HEADING.match(lines[i + k][1])):
            k += 1
        columns = _join_header_lines([ln.strip() for _, ln in lines[i:i + k]])
        if len(columns) < 3 or not any(_is_unit_column(c) for c in columns):
            i += 1
            continue
        lines = lines[:i + k] + _without_page_breaks(lines[i + k:], "".join(ln.strip() for _, ln in lines[i:i + k]))
        i += k
        i = _skip_group_rows(lines, i, last + 1)
        expect = last + 1 if i < len(lines) and _row_number(lines[i][1]) == last + 1 else 1
        widest = 0  # the longest cell line so far: a longer line after the last row is prose
        while i < len(lines) and _row_number(lines[i][1]) == expect:
            j = i + 1
            while j < len(lines) and j - i <= 3 * len(columns) and _row_number(lines[j][1]) != expect + 1 \
                    and not _HEADING.match(lines[j][1]) and not _END.match(lines[j][1]) \
                    and not _HEAD_NUMBER.match(lines[j][1].strip()):
                j += 1
            nxt = _skip_group_rows(lines, j, expect + 1)
            if nxt >= len(lines) or (_row_number(lines[nxt][1]) != expect + 1
                                     and not _HEAD_NUMBER.match(lines[nxt][1].strip())):
                # the last row: it ends before a line longer than any cell line (a closing paragraph)
                cap = widest + 4 if widest else 40
                j = next((m for m in range(i + 1, j) if len(lines[m][1].strip()) > cap), j)
                j = min(j, i + 1 + 3 * (len(columns) - 1))
            row = lines[i:j]
            cell_lines = [ln.strip() for _, ln in row[1:]]
            cells = _fit_lines(columns, cell_lines, last=nxt >= len(lines) or _row_number(lines[nxt][1]) != expect + 1,
                               unit_lines=[_spaced(gaps, off, ln).strip() for off, ln in row[1:]])
            row = row[:1 + len(cell_lines)]
            widest = max([widest] + [len(ln.strip()) for _, ln in row[1:]])
            it = _Item(number=str(expect), start=row[0][0] + len(row[0][1]) - len(row[0][1].lstrip()),
                       end=row[-1][0] + len(row[-1][1].rstrip()))
            _read_row(it, columns, [str(expect)] + cells)
            items.append(it)
            last, expect = expect, expect + 1
            i = _skip_group_rows(lines, j, expect)
    return items


def _without_page_breaks(lines: list[tuple[int, str]], header: str) -> list[tuple[int, str]]:
    """The lines of a cell-per-line table without its page breaks: a page number line (— 3 —,
    第3页) and the header repeated after it (``header``, its cells joined, however its lines
    wrap) are dropped wherever they fall, between rows or inside a row's cell, so the rows go on.
    A repeated header followed by row 1 opens a new table and is kept."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i][1].strip()
        if _row_number(line) is None and _PAGE_NUMBER.fullmatch(line):
            i += 1
            continue
        if _HEAD_NUMBER.match(line):
            joined, j = "", i
            while j < len(lines) and len(joined) < len(header):
                joined += lines[j][1].strip()
                j += 1
            if joined == header and not (j < len(lines) and _row_number(lines[j][1]) == 1):
                i = j
                continue
        out.append(lines[i])
        i += 1
    return out


_HEAD_YEAR = re.compile(r"(?:19|20)\d\d年度?")  # 2024年 / 目标: one header cell
_HEAD_TAIL = re.compile(r"^(?:单位|部门|任务|内容|事项|时限|时间|措施|情况|领导)$")


def _join_header_lines(cells: list[str]) -> list[str]:
    """Header cells of a cell-per-line table, a cell wrapped over two lines joined (工作/任务 -> 工作任务).

    A line that is only a column noun (单位, 任务, 时限 …) right after a line of at most two
    characters other than 序号 is the second half of that cell.
    """
    out: list[str] = []
    for c in cells:
        if out and len(out) > 1 and (len(out[-1]) <= 2 and _HEAD_TAIL.match(c) or _HEAD_YEAR.fullmatch(out[-1])):
            out[-1] += c
        else:
            out.append(c)
    return out


def _skip_group_rows(lines: list[tuple[int, str]], i: int, expect: int) -> int:
    """Past group rows (一、经济发展) between table rows, when row ``expect`` follows them."""
    j = i
    while j < len(lines) and _HEADING.match(lines[j][1]) and len(lines[j][1].strip()) <= 40:
        j += 1
    return j if j > i and j < len(lines) and _row_number(lines[j][1]) == expect else i


def _row_number(line: str) -> Optional[int]:
    """The number of a table row standing alone on its line (3, 3. or 3、), else None."""
    m = re.fullmatch(r"\s*(\d{1,3})[.、．]?\s*", line)
    return int(m.group(1)) if m else None


_UNIT_NAME = re.compile(r"(?:局|委|办|部|部门|室|中心|公司|管委会|政府|街道|镇|乡|苏木|院|队|会|厅|处|站|所|行|团|馆|社|单位"
                        r"|海关|残联|妇联|工商联|科协)"
                        r"(?:[（(](?:第一)?(?:牵头|主责|主办)[）)]|[▲★]+)?(?:等)?$")


_UNIT_NOTE = re.compile(r"[（(][^（）()]{1,6}[）)]$")  # 各镇（街道）, 区发改局（牵头）


def _looks_like_units(cell: str) -> bool:
    # names split at 、，/ and at 和/及 between two whole names (人行某市中心支行及某银保监分局)
    parts = [q for p in _UNIT_SPLIT.split(cell) for q in _AND_SPLIT.split(p) if q.strip()]
    return bool(parts) and len(cell) <= 80 and all(
        len(p.strip()) <= 16 and not re.search(r"\d", p)
        and (_UNIT_NAME.search(p.strip()) or _UNIT_NAME.search(_UNIT_NOTE.sub("", p.strip())))
        for p in parts)


_DATE_COLUMN = re.compile(r"时限|时间|期限|节点")
_DATE_CELL = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|初|中旬|上旬|下旬|末)?(?:前|内)?"
                        r"|长期(?:坚持|推进)?|持续(?:推进|实施)|年内|年底前?|全年|.{0,4}季度(?:末|底)?前?")


def _column_kind(name: str) -> str:
    if _is_unit_column(name):
        return "support" if _HAS_ROLE.search(name).group() in _SUPPORT_WORDS else "units"
    if _DATE_COLUMN.search(name):
        return "date"
    return "aside" if _HEAD_NOT_UNIT.search(name) else "text"  # 责任领导, 备注: short cells of their own


def _cell_score(kind: str, lines: list[str], first: bool) -> float:
    """How well some lines read as one cell of a column of ``kind`` (higher is better)."""
    if not lines:  # the task text is never empty; a lead cell rarely, a support cell often
        return -10.0 if first else -2.0 if kind == "units" else -1.0
    text = "".join(lines)
    score = 0.0
    if text[0] in "、，,。；;）)":
        score -= 3  # a cell never starts with punctuation: a wrapped line of the cell before
    if text[-1] in "，、；：,;:和与及":
        score -= 1  # nor ends with a comma: its next line is the rest of it
    # a cell wraps at its column width: every line but the last is about as long as the longest
    # (in a unit cell the last line may go on with more names: 保障局、市农业农村局)
    tail = re.split(r"[、，,]", lines[-1])[0]
    if not (kind in ("units", "support") and len(lines) > 1 and _NAME_OPEN.match(lines[0])
            and not _NAME_OPEN.match(tail)):
        tail = lines[-1]
    widest = max([len(ln) for ln in lines[:-1]] + [len(tail)])
    score -= sum(1 for ln in lines[:-1] if len(ln) < widest - 2 or len(ln) < len(tail))
    if kind in ("units", "support"):
        text = _join_unit_lines(lines)
        if _DITTO.fullmatch(text):  # 同上: the units of the row above
            return score + 1
        if not _looks_like_units(text):
            return score - 5 * len(lines)
        # a unit name is short: a long one is the tail of the task text run into the cell;
        # a bare suffix (局, 中心) or a two-character tail (化局, 大队) is the end of a name
        # wrapped from the line before; 市直有关部门 is rarely a lead
        names = [u.strip() for u in _UNIT_SPLIT.split(_UNIT_NOTE.sub("", text))]
        long = 16 if len(lines) > 1 else 12  # a name wrapped over lines is long by nature
        return (score + 1 - sum(len(u) > long for u in names) - 3 * sum(bool(_UNIT_NAME.fullmatch(u)) for u in names)
                - sum(len(u) <= 2 and not u.startswith(("各", "本")) for u in names)
                # 品冷链物流中心 / 区农业农村局: the first line is the tail of the task text
                - (len(lines) > 1 and not _NAME_OPEN.match(lines[0]) and text.startswith(lines[0] + "、"))
                - (0.5 * sum(bool(_GENERIC_UNIT.match(u) or "有关" in u) for u in names) if kind == "units" else 0))
    if kind == "date":
        return score + (1 if _DATE_CELL.fullmatch(text) else -5 * len(lines))
    if _looks_like_units(text) or _DATE_CELL.fullmatch(text):
        score -= 2
    elif _looks_like_units(lines[-1]) or _looks_like_units(re.sub(r"[、，,][^、，,]{0,3}$", "", lines[-1])) \
            or (len(lines) > 1 and _NAME_HEAD.fullmatch(lines[-1])) or _CUT_NAME.fullmatch(lines[-1]):
        score -= 1  # the units of the next cell (区发改局（牵头）、区 | 统计局, 县工业和信息 | 化局) run into the text
    if kind == "text" and not first and len(text) <= 3 and not _SHORT_CELL.fullmatch(text):
        score -= 1  # a lone tail (元, 10%) is the end of the cell before, wrapped onto its own line
    # a line that could end the text or open a cell stays text, and one that could end the task
    # or open the next text cell (目标) stays in the task, the longer column
    return score + (0.3 if first else 0.2) * len(lines)


# the head of a unit name wrapped before its end: 县工业和信息 (化局 on the next line)
_NAME_HEAD = re.compile(r"[市区县省][\u4e00-\u9fff]{2,14}")
# a unit name cut a character or two after its 局/委 (宜宾市生态环境局叙 / 州区分局): the head of a long name
_CUT_NAME = re.compile(r"[\u4e00-\u9fff]{0,4}[市区县省][\u4e00-\u9fff]{1,12}[局委][\u4e00-\u9fff]{1,2}")
# a line of a unit cell that opens a new name: 市市场监管局 under 市营商环境建设办公室
_NAME_OPEN = re.compile(r"[市区县省各]")


def _join_unit_lines(lines: list[str]) -> str:
    """The lines of one unit cell as one list: a name wrapped mid-name is joined (县工业和信息 +
    化局), a line that opens a name after a line that ends one is a unit of its own (市营商环境建设
    办公室 / 市市场监管局 -> 市营商环境建设办公室、市市场监管局)."""
    out = ""
    for ln in lines:
        if out and _UNIT_NAME.search(out) and _NAME_OPEN.match(ln) and _looks_like_units(ln) \
                and not out.endswith(("、", "，", ",", "；")):
            out += "、"
        out += ln
    return out


_SHORT_CELL = re.compile(r"无|暂无|/|—+|-+|[已未]?完成|达标|滞后|正常")  # short cells that stand alone


def _fit_lines(columns: list[str], lines: list[str], last: bool = False,
               unit_lines: Optional[list[str]] = None) -> list[str]:
    """Lay the lines of one row of a cell-per-line table on ``columns[1:]``.

    Each column takes zero or more consecutive lines (a wrapped cell spans several, an empty
    cell none); the layout with the best :func:`_cell_score` wins: unit lists in unit columns,
    dates in 时限 columns, wrapped lines as long as the line before them. In the ``last`` row
    of a table, lines that fit no column (a signature after the table) may be left over: then
    ``lines`` loses them, so the caller sees how many were used. Unit cells are read from
    ``unit_lines`` when given (the same lines with the spaces normalisation dropped put back)
    and joined by :func:`_join_unit_lines`.
    """
    kinds = [_column_kind(c) for c in columns[1:]]
    first_text = next((c for c, k in enumerate(kinds) if k == "text"), -1)
    n, width = len(lines), len(kinds)
    best = {(0, 0): (0.0, [])}
    for c in range(width):
        nxt: dict = {}
        for (_, i), (score, cut) in best.items():
            for j in range(i, n + 1):
                if c == width - 1 and j != n and not last:
                    continue
                s = score + _cell_score(kinds[c], lines[i:j], c == first_text)
                if c == width - 1:
                    s -= 0.5 * (n - j)  # lines left over after the last row
                if (c + 1, j) not in nxt or s > nxt[(c + 1, j)][0]:
                    nxt[(c + 1, j)] = (s, cut + [(i, j)])
        best = nxt
    _, cuts = max((v for (c, _), v in best.items() if c == width), key=lambda v: v[0])
    del lines[cuts[-1][1]:]
    return [_join_unit_lines((unit_lines or lines)[i:j]) if k in ("units", "support") else "".join(lines[i:j])
            for k, (i, j) in zip(kinds, cuts)]


def fit_cell_lines(columns: list[str], lines: list[str], last: bool = False) -> list[str]:
    """The cells of one row of a table flattened one cell per line (:func:`_fit_lines`)."""
    return _fit_lines(columns, list(lines), last)


def _fit_cells(columns: list[str], cells: list[str]) -> list[str]:
    """The cells of one row laid out on ``columns[1:]`` when lines and columns differ in number."""
    width = len(columns) - 1
    if len(cells) == width:
        return cells
    unit_cols = [c for c, name in enumerate(columns[1:]) if _is_unit_column(name)]
    text_cols = [c for c in range(width) if c not in unit_cols]
    n_units = 0
    while n_units < min(len(unit_cols), len(cells)) and _looks_like_units(cells[len(cells) - 1 - n_units]):
        n_units += 1
    units, texts = cells[len(cells) - n_units:], cells[:len(cells) - n_units]
    while len(texts) > len(text_cols) and text_cols:
        # a cell wrapped over two lines: join after a line cut at a comma, else into the task
        # text (the first and longest column)
        cut = next((k for k in range(len(texts) - 1) if texts[k].endswith(("，", "、", "；", "：", ",", "和", "与", "及"))), 0)
        texts = texts[:cut] + [texts[cut] + texts[cut + 1]] + texts[cut + 2:]
    out = [""] * width
    for c, t in zip(text_cols, texts):
        out[c] = t
    for c, u in zip(unit_cols, units):
        out[c] = u
    return out


def _read_row(it: _Item, columns: list[str], cells: list[str]) -> None:
    texts = []
    for name, cell in zip(columns[1:], cells[1:]):
        if _is_unit_column(name):
            # a cell that labels its own units (主责：A；协同：B) is read as written
            _read_units(cell if _LABELLED.match(cell.strip()) else _HAS_ROLE.search(name).group() + "：" + cell, it)
        elif _HEAD_NOT_UNIT.search(name):
            continue
        elif _HEAD_TASK.search(name) or not texts:
            texts.append(cell)
    it.text = "；".join(t for t in texts if t)


def _is_unit_column(name: str) -> bool:
    return bool(_HAS_ROLE.search(name)) and not _HEAD_NOT_UNIT.search(name)


def _inside(ind, start: int, end: int) -> bool:
    span = ind.spans.get("value") or ind.spans.get("change")
    if span is None:
        return False
    return start <= span[0] and span[1] <= end
