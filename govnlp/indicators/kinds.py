"""Kind (actual / target / forecast) and period ("2019", "2020H1", "2016-2020") of an indicator.

The kind comes from cue words before the number in its sentence (预计 -> forecast; 力争/确保/
目标/预期/计划 -> target), from a lead-in line such as "主要预期目标是：", and otherwise from the
section it sits in (function "targets"/"tasks", or a heading with 目标/安排/打算). The period
comes from time words (上半年, 一季度, 2019年, 近五年, 十三五) and, failing those, from the
report's years: actuals belong to the year reviewed, targets to the year planned.

Scope (docs/annotation.md 2.9): 预计/初步预计 at the head of a sentence, or after a short lead
clause (综合研判，预计…), covers the whole sentence across ；; a target cue covers its own
；-clause only; 符合预期/好于预期/塌目标/比目标低 is no cue; an unstated period follows the part
of the report (review part: the year reviewed; plan part: the year planned). A full stop typed
as ASCII "." after a word ends a sentence here too (PDF copies).

Periods: a time word speaks for its own ；-clause, else the time word opening the sentence does;
the nearest time word wins (1-6月 -> M1-6, 6月当月/1月份 -> M6/M1, 前5个月 -> M1-5, 全年 -> the
year; 6月末 and 较一季度 are none); in a half-year report a sentence-opening time word (1-6月，…)
speaks for the next sentences of its paragraph that name none. A half-year report reviews YH1; its 下半年 figures are
targets of YH2, and so are the targets of a list under a 下半年 lead-in (下半年重点抓好以下工作：);
other unstated targets belong to the year; a lead-in line naming 下半年 reaches the items of its
list when they are sections of their own (:func:`list_lead`). 今后五年 runs from the plan year.

Interim reports (a 前三季度/1-9月 progress notice, named in the title: :func:`interim_period`)
review the year's first months: their unstated actuals are YM1-9 (a half-year report's YH1).
Labelled blocks (目标任务：… / 推进情况：…) read as labelled: the later label of a sentence or
its paragraph decides between target and actual (:func:`label_leaning`); in a news summary the
question above an answer (问：今年有哪些新承诺？ / 答：…) leans it (:func:`question_leaning`).
A basis (在去年…的基础上，今年…) is neither an actual cue nor the period.
Every look-back is bounded (:func:`context_before`), so the cost per number does not grow with
the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..report import Report, Section

PROGRESS = re.compile(r"(?:完成|占|达到)(?:了)?(?:年度|全年|年)?(?:投资)?(?:目标|计划|任务|预算|进度)(?:任务)?(?:的)?\s*$")
FORECAST_CUE = re.compile(r"预计|预估|有望")
#: 预计 at the head of a sentence, after at most a short lead clause (综合研判，初步预估，): it
#: covers every clause up to the sentence's 。 (annotation 2.9).
FORECAST_HEAD = re.compile(
    r"^[\s—\-–■●▲◆★·•]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?:"
    r"(?![^，,]*(?:年|季度|月))[^，,。；：:\d]{2,12}[，,](?:初步)?(?:预计|预估)|"  # 综合研判，预计…
    r"(?:从|据)?(?:报告|我们|我[市省区县])?(?:全年|今年|上半年|全年全[市省区县]|(?:19|20)\d\d年(?:全年)?|经(?:初步)?测算，?)?"
    r"(?:全[市省区县])?(?:初步)?(?:预计|预估))")
#: How far back from a number cue words and time words are looked for (and the sentence head kept).
LOOK_BACK = 240
HEAD = 30
#: A full stop typed as ASCII "." after a word, a unit or a closing mark (never a decimal point,
#: which follows a digit); looked for in the last STOP_WINDOW characters before a number.
ASCII_STOP = re.compile(r"(?<=[\u4e00-\u9fff%％）)”\"’])\.(?![.．])")
STOP_WINDOW = 1000
#: How many lines ending on "，"/"；" a sentence is followed back over (PDF line breaks).
BROKEN_LINES = 3
TARGET_CUE = re.compile(
    r"力争|确保|争取|努力|力求|预期目标|主要目标|发展目标|目标|预期|计划|拟|"
    r"(?<![主重需必只想纲摘概])要(?=[实确力达完突增控新建保持推开提降压筹培引])|(?<![即])将(?=[实达完突增新建控力保]|继续|进一步|加快|持续|着力|全力|大力)|控制在|"
    r"(?<![已])(?:完成|实现)(?=年度|全年)|到(?:19|20)\d\d年|(?:19|20)\d\d年(?:底前|前)")
#: A basis the sentence builds on (在去年建成28个园区的基础上，今年新建…): its past is no cue.
BASIS_PHRASE = re.compile(r"在[^，。；]{0,30}基础上")
ACTUAL_CUE = re.compile(r"同比|过去|去年|(?<![比较])上年|已经|已|累计完成|完成了|实现了|达到了|以来")
#: Cue words that only look like targets: 超额完成年度投资计划, 超预期, 确定的目标任务.
NOT_TARGET = re.compile(
    r"(?:超额)?(?:完成|实现|达到|超过)(?:了)?(?:年度|全年|年)?(?:投资|既定|预期)?(?:目标|计划|任务)(?:任务)?|"
    r"超预期|预期之外|确定的目标任务|目标任务|零[\u4e00-\u9fff]{1,3}目标|计划单列|列入[^，。；]{0,12}计划|"
    r"争取(?=[^，。；]{0,8}(?:资金|补助|补贴|债券|专项|项目|支持|政策|额度|指标))|争取到|"
    r"争取(?=\s*(?:中央|上级|国家|省级?)[^，。；]{0,8}投资)|在确保[^，。；]{0,12}(?:前提下|基础上)|计划总投资|"
    r"按照?计划|计划(?:的)?执行|执行计划|目标考核|目标责任|目标管理|(?:好于|超出|符合|高于|低于)预期|目标导向|计划生育|"
    r"稳预期|稳定预期|市场预期|预期管理|预期寿命|拟上市|拟挂牌|(?:经过|通过|共同|不懈)努力|确保了|力争了|"
    r"(?:好于|超出|超过|符合|高于|低于|达到|不及|弱于|优于|快于|慢于|落后于?|塌|距离?)(?:全年|年初|年度|预期)?(?:预期|目标)|"
    r"比(?:全年|年初|年度)?(?:预期|目标|计划)")
#: Labels of a progress notice's blocks: what follows 推进情况： is done, what follows 目标任务： is
#: planned (the later label of a sentence or its paragraph speaks).
PROGRESS_LABEL = re.compile(r"(?:推进|进展|完成|落实|执行|实施|办理|工作)情况[:：]|(?:工作|目前|当前)?进展[:：]|进度[:：]")
TASK_LABEL = re.compile(r"(?:目标|工作|重点|主要|年度)?任务[:：]|(?:年度|全年|工作|主要)?目标[:：]|计划[:：]|督办要求[:：]")
#: A question and its answer in a news summary (问：…？ / 答：…): the question's words lean the answer.
QUESTION = re.compile(r"\s*(?:问|记者|Q)\s*[:：]")  # used with .match (anchored at its start)
ANSWER = re.compile(r"\s*(?:答|A)\s*[:：]")
QUESTION_TARGET = re.compile(r"今年|明年|目标|任务|承诺|打算|安排|计划|部署|怎么干|如何干|将")
QUESTION_REVIEW = re.compile(r"过去|去年|上年|成绩|回顾|成效|取得|交出|完成得?怎么样")
TARGET_TITLE = re.compile(r"目标|安排|打算|计划|任务|思路|重点工作|工作建议|的建议|预期|今后|展望")
REVIEW_TITLE = re.compile(r"回顾|情况|成绩|成效|总结|过去|工作进展|发展成就|主要工作回顾|取得")
YEAR = re.compile(r"(?<![比较与同自从])((?:19|20)\d\d)年")
#: A heading line over a target block, colon or not: 建议全年经济社会发展预期目标, 主要预期目标.
TARGET_HEADING = re.compile(r"预期目标|主要目标|发展目标|目标任务|主要指标")
LEAD_IN = re.compile(r"(?:主要)?(?:预期)?目标(?:是|为|任务是)?[:：]|主要(?:预期)?指标[:：]|发展目标[:：]|目标任务[:：]")

PERIOD_WORDS = [
    (re.compile(r"上半年"), "H1"),
    (re.compile(r"下半年"), "H2"),
    (re.compile(r"(?:第)?一季度"), "Q1"),
    (re.compile(r"(?:第)?二季度"), "Q2"),
    (re.compile(r"前三季度"), "M1-9"),
    (re.compile(r"(?<!前)(?:第)?三季度"), "Q3"),
    (re.compile(r"(?:第)?四季度"), "Q4"),
]
MONTH_RANGE = re.compile(r"(?<!\d)(\d{1,2})\s*(?:月份?)?\s*[-—–至到~～]\s*(\d{1,2})\s*月")
#: One month named as the period: 6月当月, 1月份, 5月， (not 6月底前, 3月以来, 1-6月份, 6月1日).
SINGLE_MONTH = re.compile(r"(?<![\d\-—–至到~～.])(1[0-2]|[1-9])\s*月(?:(?:份|当月)(?!以来|起|至|到|底|末|中|[上中下]旬|[\-—–~～\d])|(?=[，,]))")
#: The first months of the year: 前5个月 / 前五个月 -> M1-5 (前三个月 Q1, 前六个月 H1).
FIRST_MONTHS = re.compile(r"前([2-9]|1[01]|[两三四五六七八九十]|十一)个月")
#: A period named as the basis of a comparison (较一季度回落, 比上半年): not the period.
BASE_PERIOD = re.compile(r"[较比](?:去年|上年)?(?:同期)?(?:第?[一二三四]季度|前三季度|[上下]半年|\d{1,2}月(?:份|末|底)?|年初)")
#: A time word opening a sentence (1-6月，上半年，6月末，): it speaks for the paragraph's next
#: sentences that name no time of their own.
OPENING_TIME = re.compile(
    r"(?:^|[。！？\n.])\s*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]\s*)?(?:今年|(?:19|20)\d\d年)?"
    r"(\d{1,2}\s*(?:月份?)?\s*[-—–至到~～]\s*\d{1,2}\s*月(?:份)?|[上下]半年|前三季度|第?[一二三四]季度|\d{1,2}月(?:份|末|底)?)"
    r"(?:以来)?[，,]")
PLAN_PERIODS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                "十四五": (2021, 2025), "十五五": (2026, 2030)}
SPAN_YEARS = re.compile(r"(?:(?:近|过去|这)([一二三四五六七八九十两\d])年|([一二三四五六七八九十两\d])年来|"
                        r"的([两三四五六七八九十])年(?=[。，；！]))(?!来?(?:最|新高|新低|首次|之最))")
#: A span ahead of the plan year: 今后五年 / 未来五年 -> the plan year and the four after it.
FORWARD_SPAN = re.compile(r"(?:今后|未来|此后)([两三四五六七八九十\d])年")
#: The year of a starting value right before it (由2015年的, 从2020年末的): that year is its period.
START_VALUE = re.compile(r"[由从]((?:19|20)\d\d)年(?:末|底)?的\s*$")
#: A base year (由2015年的, 比2019年): it names where a change starts, not the period.
BASE_YEAR = re.compile(r"[由比较从自与同](?:19|20)\d\d年?")
#: Time words of a sentence: when a sentence has none, the paragraph before it decides.
TIME_WORDS = re.compile(r"(?:19|20)\d\d|今年|去年|上年|全年|当年|年内|半年|季度|\d{1,2}\s*(?:月份?)?\s*[-—–至到~～]\s*\d{1,2}\s*月|"
                        r"十[一二三四五]五|[一二三四五六七八九十两\d]年")
EXPLICIT_YEAR = re.compile(r"((?:19|20)\d\d)(?:年|—|-)(?:((?:19|20)\d\d)年)?")
_CN = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_CN["两"] = 2


@dataclass
class YearContext:
    """The years a report talks about: the year it reviews and the year it plans for."""

    review_year: Optional[int]
    plan_year: Optional[int]
    half_year: bool = False
    task_plan: bool = False
    #: the part of the year an interim report reviews ("H1" for a half-year report, "M1-9" for a
    #: 前三季度 progress notice): its actuals without a time word belong to it
    interim: Optional[str] = None

    def __post_init__(self) -> None:
        if self.half_year and self.interim is None:
            self.interim = "H1"


def year_context(report: Report) -> YearContext:
    """Review and plan years from headings ("2019年主要工作回顾"), the date and ``meta.year``."""
    meta = report.meta
    half = meta.doc_type == "half_year_report" or bool(re.search(r"上半年.{0,12}(?:工作|情况)", report.text[:400]))
    task_plan = meta.doc_type == "task_plan" or bool(re.search(r"任务分解|分解落实|分工方案", report.text[:200]))
    delivered = None
    if meta.date:
        try:
            delivered = int(meta.date[:4])
        except ValueError:
            delivered = None
    if delivered is None:
        m = re.search(r"((?:19|20)\d\d)年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", report.text[:600])
        if m:
            delivered = int(m.group(1))
    review = plan = None
    for s in report.sections:
        m = re.search(r"((?:19|20)\d\d)(?!\d)", s.title)
        if not m or "远景" in s.title or s.level > 2:
            continue
        y = int(m.group(1))
        if delivered and abs(y - delivered) > 1:
            continue
        if review is None and (s.function == "review" or REVIEW_TITLE.search(s.title)):
            review = y
        elif plan is None and (s.function in ("targets", "tasks") or TARGET_TITLE.search(s.title)):
            plan = y
    interim = None if half or meta.doc_type == "work_report" else interim_period(report.text[:400])
    notice = None if half or meta.doc_type == "work_report" else PROGRESS_TITLE.search(report.text[:600])
    if notice:  # a notice on how one year's tasks are carried out reviews and plans that year
        year = int(notice.group(1))
        return YearContext(year, year, False, task_plan, interim)
    if half or interim:
        year = review or plan or delivered or meta.year
        return YearContext(year, year, half, task_plan, interim)
    # headings first, then the delivery date (a report reviews the year before it is given),
    # then meta.year (the report's own year, the one it plans for: docs/annotation.md section 6)
    if review is None and plan is not None:
        review = plan - 1
    if plan is None and review is not None:
        plan = review + 1
    if review is None and delivered:
        review, plan = delivered - 1, delivered
    if review is None and meta.year:
        review, plan = meta.year - 1, meta.year
    return YearContext(review, plan, False, task_plan)


#: A title naming the months an interim report reviews: 重点任务前三季度推进情况的通报, 1-9月工作情况.
INTERIM_TITLE = re.compile(
    r"(前三季度|第?一季度|1\s*[-—–至~～]\s*(?:[2-9]|1[01])\s*月份?|前(?:[2-9]|1[01]|[两三四五六七八九十]|十一)个月)"
    r"[^。；\n]{0,12}(?:工作|情况|进展|进度)")


#: The title of a notice on how a year's tasks are carried out (关于2022年市《政府工作报告》重点任务
#: 落实情况的通报): its figures belong to that year, whenever it is published.
PROGRESS_TITLE = re.compile(
    r"((?:19|20)\d\d)年[^。；\n]{0,30}?(?:重点(?:工作)?任务|政府工作报告|目标任务|民生实事)[^。；\n]{0,20}?"
    r"(?:落实|推进|进展|完成|执行)情况")


def interim_period(head: str) -> Optional[str]:
    """The period suffix ("M1-9", "Q1") an interim report's title names, else None."""
    m = INTERIM_TITLE.search(head)
    return time_word(m.group(1)) if m else None


def _ancestors(report: Report, section: Optional[Section]) -> list[Section]:
    out, s = [], section
    while s is not None and len(out) < 12:
        out.append(s)
        s = report.sections[s.parent] if s.parent is not None and 0 <= s.parent < len(report.sections) else None
    return out


#: how much of a heading and of the text before a number the kind and period rules read
TITLE_WINDOW = 200
PERIOD_WINDOW = 2000


def section_leaning(report: Report, section: Optional[Section], ctx: Optional[YearContext] = None,
                    titles_only: bool = False) -> Optional[str]:
    """"target" or "actual" as suggested by the section and its ancestors, else None.

    Headings' own words decide first, nearest first (a year in it, 回顾 vs 安排/目标); only when
    no heading says either do the function labels decide (targets/tasks vs review/problems).
    """
    chain = _ancestors(report, section)
    for s in chain:
        # a heading is at most a line; a longer "title" is an outline artefact: read its start only
        title = NOT_TARGET.sub("", (s.title or "")[:TITLE_WINDOW])
        if s.function == "preamble" or "报告" in title:
            continue  # the document's own title (2021年政府工作报告) says nothing about the kind
        m = re.search(r"((?:19|20)\d\d)年", title)
        if m and ctx is not None and not ctx.interim and ctx.plan_year and "远景" not in title:
            y = int(m.group(1))
            if y < ctx.plan_year and not TARGET_TITLE.search(title.replace("工作回顾", "")):
                return "actual"
            if y >= ctx.plan_year and not REVIEW_TITLE.search(title):
                return "target"
        if REVIEW_TITLE.search(title) and not TARGET_TITLE.search(title):
            return "actual"
        if TARGET_TITLE.search(title) and not REVIEW_TITLE.search(title):
            return "target"
    if titles_only:
        return None
    for s in chain:
        if s.function in ("targets", "tasks"):
            return "target"
        if s.function in ("review", "problems"):
            return "actual"
    if any(s.function == "self_building" for s in chain):
        return "target"
    return None


def heading_text(report: Report, section: Optional[Section]) -> str:
    """The titles of a section and its ancestors, outermost first (for period words)."""
    return "；".join(s.title or "" for s in reversed(_ancestors(report, section)))


def context_before(text: str, sentence_start: int, pos: int) -> str:
    """The text of a sentence before ``pos``, bounded: the whole prefix when it is short, else the
    sentence head, a "；" (a cue in the head reaches no further) and the last :data:`LOOK_BACK`
    characters, so the cost per number does not grow with the sentence.

    A full stop written as an ASCII "." after a word (PDF and portal copies: …为历史罕见.分产业看)
    ends a sentence too: the text is then the earlier sentences (bounded the same way), a "。"
    and the number's own sentence; :func:`own_sentence` splits them again. A line that ends on
    "，" or "；" (a PDF line break inside a sentence) is read with the line after it."""
    sentence_start = _broken_line_start(text, sentence_start)
    stops = [m.start() for m in ASCII_STOP.finditer(text, max(sentence_start, pos - STOP_WINDOW), pos)]
    if stops:
        cut = stops[-1]
        return _bounded(text, sentence_start, cut) + "。" + _bounded(text, cut + 1, pos)
    return _bounded(text, sentence_start, pos)


def _broken_line_start(text: str, start: int) -> int:
    """Where the sentence starting at ``start`` really starts when the line before it ends on
    "，"/"；" (at most :data:`BROKEN_LINES` lines and :data:`LOOK_BACK` characters back)."""
    for _ in range(BROKEN_LINES):
        if start < 2 or text[start - 1] != "\n" or text[start - 2] not in "，,；;":
            break
        prev = max(text.rfind(c, max(0, start - 2 - LOOK_BACK), start - 2) for c in "\n。！？")
        if prev < 0 and start - 2 - LOOK_BACK > 0:
            break  # no sentence end within reach: keep the line as it is
        start = prev + 1
    return start


def _bounded(text: str, start: int, pos: int) -> str:
    if pos - start <= LOOK_BACK + HEAD:
        return text[start:pos]
    return text[start:start + HEAD] + "；" + text[pos - LOOK_BACK:pos]


def own_sentence(before: str) -> tuple[str, str]:
    """(earlier sentences, the number's own sentence) of a :func:`context_before` text."""
    cut = before.rfind("。")
    return (before[:cut], before[cut + 1:]) if cut >= 0 else ("", before)


def part_of(report: Report, section: Optional[Section]) -> Optional[str]:
    """"review" or "plan": the part of the report a section belongs to, from its function labels
    (nearest labelled ancestor first), else None."""
    for s in _ancestors(report, section):
        if s.function in ("review", "problems"):
            return "review"
        if s.function in ("targets", "tasks", "guidance", "self_building"):
            return "plan"
    return None


def block_leaning(block: str, ctx: YearContext) -> Optional[str]:
    """"actual"/"target" from a block heading that is not a section (【上半年成绩单】,
    【下半年任务书】, a short line "2023年这样干" above a run of figures), else None."""
    if not block:
        return None
    title = NOT_TARGET.sub("", block)
    m = re.search(r"((?:19|20)\d\d)年", title)
    if m and ctx.plan_year and not ctx.interim:
        y = int(m.group(1))
        if y >= ctx.plan_year and not REVIEW_TITLE.search(title):
            return "target"
        if y < ctx.plan_year and not TARGET_TITLE.search(title):
            return "actual"
    review, target = REVIEW_TITLE.search(title) or "成绩单" in title, TARGET_TITLE.search(title) or "任务书" in title
    if review and not target:
        return "actual"
    if target and not review:
        return "target"
    return None


def paragraph_before(text: str, start: int) -> str:
    """The text of the line (paragraph) holding offset ``start`` up to it, at most 400 characters."""
    return text[max(text.rfind("\n", max(0, start - 400), start) + 1, start - 400, 0):start]


def label_leaning(text: str) -> Optional[str]:
    """"actual" after a progress label (推进情况：), "target" after a task label (目标任务：),
    whichever comes last in ``text``; else None."""
    progress = [m.end() for m in PROGRESS_LABEL.finditer(text)]
    if not progress:
        return None
    task = [m.end() for m in TASK_LABEL.finditer(text)]
    return "actual" if not task or progress[-1] > task[-1] else "target"


def question_leaning(text: str, start: int) -> Optional[str]:
    """"target"/"actual" as the question above an answer (问：今年有哪些新承诺？ / 答：…) leans,
    else None: the sentence at ``start`` must be in a line opening on 答：, right under a 问： line."""
    line_start = text.rfind("\n", max(0, start - 600), start) + 1
    if not ANSWER.match(text, line_start) or line_start < 2:
        return None
    q_start = text.rfind("\n", max(0, line_start - 200), line_start - 1) + 1
    question = text[q_start:line_start - 1]
    if not QUESTION.match(question):
        return None
    question = NOT_TARGET.sub("", question)
    target, review = QUESTION_TARGET.search(question), QUESTION_REVIEW.search(question)
    if target and not review:
        return "target"
    if review and not target:
        return "actual"
    return None


def kind_of(report: Report, ctx: YearContext, sentence: str, before: str, section: Optional[Section],
            preceding: str = "", block: str = "", start: Optional[int] = None) -> str:
    """The kind of a number whose sentence is ``sentence``; ``before`` is the sentence up to the number.

    ``preceding`` is the text just before the sentence (for lead-ins such as "主要预期目标是：");
    ``block`` the nearest block heading above it that is not a section (:func:`block_leaning`);
    ``start`` the sentence's offset in ``report.text`` (its paragraph: labels such as 推进情况：,
    the question above an answer).
    """
    paragraph = paragraph_before(report.text, start) if start is not None else ""
    before = own_sentence(before)[1]
    # a cue speaks for its own ；-clause; a lead-in before a colon speaks for the whole list
    local = re.split(r"[；;]", before)[-1]
    colon = max(before.rfind("："), before.rfind(":"))
    lead = before[:colon] if colon >= 0 else ""
    if PROGRESS.search(before):
        return "actual"  # 完成年度目标的114%: progress made, not a target
    local = BASIS_PHRASE.sub("", NOT_TARGET.sub("", local))
    lead = NOT_TARGET.sub("", lead)
    if FORECAST_CUE.search(local):
        return "forecast"
    if TARGET_CUE.search(local):
        return "target"
    labelled = label_leaning(paragraph + "\n" + before)
    if labelled is not None:
        return labelled  # 目标任务：…\n推进情况：1-9月新增企业63家: a progress block's figures are done
    if lead and (TARGET_CUE.search(lead) or LEAD_IN.search(before[:colon + 1])):
        return "target"
    if FORECAST_HEAD.match(before):
        return "forecast"  # 预计全年…；…；…。: the head word covers every ；-clause
    if ctx.half_year and re.search(r"下半年(?!以来)", clause_scope(before)) and not ACTUAL_CUE.search(local):
        return "target"  # a half-year report reviews H1: what it says of 下半年 is planned
    if LEAD_IN.search(preceding) or TARGET_HEADING.search(NOT_TARGET.sub("", preceding)):
        return "target"
    asked = question_leaning(report.text, start) if start is not None else None
    if asked is not None and not (asked == "target" and ACTUAL_CUE.search(local)):
        return asked  # 问：民生方面有哪些新承诺？\n答：今年将继续新增学位3万个
    if block and section_leaning(report, section, ctx, titles_only=True) is None:
        leaning = block_leaning(block, ctx)  # 【上半年成绩单】 above sections whose titles say neither
        if leaning is not None:
            return leaning
    if ctx.task_plan and not ACTUAL_CUE.search(local):
        return "target"
    leaning = section_leaning(report, section, ctx)
    past_year = any(ctx.plan_year and int(y) < ctx.plan_year for y in YEAR.findall(BASIS_PHRASE.sub("", before)))
    if leaning == "target" and not ACTUAL_CUE.search(local) and not past_year:
        return "target"
    return "actual"


def list_lead(report: Report, section: Optional[Section]) -> str:
    """The lead-in line of the list a section is an item of: the last line of its parent's text
    before the first item when it ends on a colon (…重点抓好以下五个方面工作：), else ""."""
    if section is None or section.parent is None or not 0 <= section.parent < len(report.sections):
        return ""
    parent = report.sections[section.parent]
    first = min((s.start for s in report.sections if s.parent == parent.id), default=section.start)
    body = parent.body_start if parent.body_start is not None else parent.start
    intro = report.text[max(body, first - 1000):first].rstrip()
    line = intro[intro.rfind("\n") + 1:].strip()
    return line if line.endswith(("：", ":")) else ""


BULLETS = "●■▲◆★□○·•▪"
#: How many lines a bullet list's lead-in is looked for above a number.
BULLET_LINES = 30


def bullet_lead(text: str, start: int) -> str:
    """The lead-in line of the ●/■ list holding offset ``start``, else "": walking up over its
    bullets and their broken lines (a line whose line above ends on ，/；), the first line ending
    on a colon (下半年重点抓好以下几方面工作：); any other line ends the list."""
    line_start = text.rfind("\n", max(0, start - 2000), start) + 1
    seen = False
    for _ in range(BULLET_LINES):
        if line_start < 2:
            return ""
        first = text[line_start:line_start + 3].lstrip()[:1]
        if first and first in BULLETS:
            seen = True
        elif text[line_start - 2] not in "，,；;":
            return ""  # neither a bullet nor a broken line: no list here
        prev_start = text.rfind("\n", max(0, line_start - 2000), line_start - 1) + 1
        prev = text[prev_start:line_start - 1].strip()
        if prev.endswith(("：", ":")):
            return prev if seen else ""
        line_start = prev_start
    return ""


def period_of(ctx: YearContext, before: str, kind: str, heading: str = "",
              part: Optional[str] = None, paragraph: str = "", preceding: str = "",
              report: Optional[Report] = None, section: Optional[Section] = None,
              start: Optional[int] = None) -> Optional[str]:
    """The period of a number from the time words in ``before`` (its sentence up to the number).

    ``heading`` (the titles above the sentence) is used when the sentence names no time:
    numbers under "过去五年工作回顾" or "“十四五”时期主要目标" belong to those five years.
    ``part`` ("review"/"plan", :func:`part_of`) decides an unstated year of an annual report:
    the review part reviews the year before, the plan part plans the report's year; without it
    the kind decides (actual/forecast: reviewed year, target: planned year).
    ``paragraph`` (the text of the paragraph before the sentence) speaks for a sentence without
    time words: after "…极不平凡的五年。" the next sentences review those five years, until a
    sentence names a year of its own; in a half-year report likewise a time word opening a
    sentence (1-6月，…; an annual report's 一季度，… speaks for its own sentence only).
    ``preceding`` is the lead-in line above a list (:func:`kind_of`): in a half-year report a
    lead naming 下半年 (下半年重点抓好以下工作：) makes its targets without a time word YH2; with
    ``report`` and ``section`` the lead-in line of a list whose items are sections
    (:func:`list_lead`) counts too, and with ``start`` (the sentence's offset) that of a ●/■ list
    whose items run over several lines (:func:`bullet_lead`).

    Time words speak for their own ；-clause; a clause without one takes the time word that opens
    the sentence (下半年…，力争全年…；新开工项目30个 -> H2), never one from a clause between.
    """
    earlier, before = own_sentence(before)
    paragraph = paragraph + earlier
    start_value = START_VALUE.search(before[-20:])
    if start_value:
        return start_value.group(1)  # 从2016年的3125亿元增加到…: the starting value is that year's
    # bounded look-back (linear time on hostile input): the time words that matter are near
    before, heading, paragraph = before[-PERIOD_WINDOW:], heading[-PERIOD_WINDOW:], paragraph[-PERIOD_WINDOW:]
    # 完成全年目标的62%, 高于年度目标: the whole year named as a target's scope, not as the period
    before = clause_scope(re.sub(r"(?:全年|年度|年初)(?:目标|计划|任务|预算)", "", before))
    if paragraph and kind != "target" and not TIME_WORDS.search(BASE_YEAR.sub("", before)):
        spans = list(SPAN_YEARS.finditer(paragraph))
        years = list(EXPLICIT_YEAR.finditer(BASE_YEAR.sub(lambda m: "#" * len(m.group(0)), paragraph)))
        if spans and (not years or spans[-1].start() > years[-1].start()):
            before = spans[-1].group(0) + "，" + before
    for name, (a, b) in PLAN_PERIODS.items():
        if name in before[-40:]:
            return f"{a}-{b}"
    if not EXPLICIT_YEAR.search(BASE_YEAR.sub("", before)) and not SPAN_YEARS.search(before) and heading \
            and not EXPLICIT_YEAR.search(heading):  # 由2017年的…增加到 under 过去五年: a base is no period
        for name, (a, b) in PLAN_PERIODS.items():
            if name in heading:
                return f"{a}-{b}"
        m = SPAN_YEARS.search(heading)
        if m:
            before = heading + "；" + before
    fwd = list(FORWARD_SPAN.finditer(before))
    if fwd and ctx.plan_year and not EXPLICIT_YEAR.search(before, fwd[-1].end()):
        n = fwd[-1].group(1)
        n = int(n) if n.isdigit() else _CN.get(n, 0)
        if 1 < n <= 10:
            return f"{ctx.plan_year}-{ctx.plan_year + n - 1}"  # 今后五年，… (no year named after it)
    m = SPAN_YEARS.search(before)
    if ctx.interim:
        base = ctx.plan_year
    elif part is not None and not (part == "review" and kind == "target"):
        base = ctx.review_year if part == "review" else ctx.plan_year
    else:
        base = ctx.review_year if kind in ("actual", "forecast") else ctx.plan_year
    if m and ctx.review_year:
        n = m.group(1) or m.group(2) or m.group(3)
        n = int(n) if n.isdigit() else _CN.get(n, 0)
        if 1 < n <= 10:
            end = ctx.review_year
            return f"{end - n + 1}-{end}"
    year = None
    years = [y for y in EXPLICIT_YEAR.finditer(before)
             if before[max(0, y.start() - 1):y.start()] not in ("比", "较", "与", "同", "自", "从", "由")]
    if years:
        last = years[-1]
        if last.group(2):
            return f"{last.group(1)}-{last.group(2)}"
        year = int(last.group(1))
        for name, (a, b) in PLAN_PERIODS.items():
            if year == b and (name in heading or name in before) and (
                    kind == "target" or before[max(0, last.start() - 1):last.start()] == "到"):
                return f"{a}-{b}"  # 到2025年 under a "十四五" heading: the plan period
    elif re.search(r"去年|上年|上一年", BASIS_PHRASE.sub("", before)) and not re.search(r"比上年|比去年|较上年|较去年", before):
        year = (ctx.plan_year - 1) if ctx.plan_year else None
    elif re.search(r"今年|本年", before[-30:]) and (kind != "actual" or ctx.interim):
        year = ctx.plan_year
    if year is None:
        year = base
    word = time_word(before)
    if word is None and ctx.interim and not years and not re.search(r"全年|今年|本年|年内|去年|上年", BASIS.sub("", before)):
        word = paragraph_time(paragraph + "\n" + before)  # 1-6月，…。…: an opening time word speaks on
    if word is not None:
        return (f"{year}{word}" if year else None)
    if ctx.interim and not re.search(r"全年|今年|本年|年内", before):
        if kind == "actual" and year == base:
            return f"{year}{ctx.interim}" if year else None
        lead = re.split(r"[。.！？]", preceding)[-1]
        if kind == "target" and not years and "下半年" not in lead and report is not None:
            lead = list_lead(report, section)
            if "下半年" not in lead and start is not None:
                lead = bullet_lead(report.text, start)
        if kind == "target" and not years and "下半年" in lead:
            return f"{year}H2" if year else None  # ●… under 下半年重点抓好以下工作：
    return str(year) if year else None


#: What may follow the start of a time word and still belong to it (2023|年, 今年|一季度).
TIME_TAIL = re.compile(r"(?:年(?:底|末|初)?)?(?:全年)?(?:第?[一二三四]季度|前三季度|[上下]半年|"
                       r"\d{1,2}\s*(?:月份?)?\s*[-—–至到~～]\s*\d{1,2}\s*月(?:份)?|\d{1,2}月(?:份|当月)?)?")
#: Bases of a comparison (比上年, 较去年同期, 比2019年): no time word of the clause.
BASIS = re.compile(r"[比较与同从自由](?:去年|上年|(?:19|20)\d\d年?)(?:同期|底|末)?")


def clause_scope(before: str) -> str:
    """``before`` cut to what speaks for the number's time: its own ；-clause when that names a
    time, else the time word opening the sentence (up to its end; within :data:`OPENING` characters
    and before any figure) and the clause. A time word inside the head clause (…，其中一季度…)
    opens nothing."""
    clauses = re.split(r"[；;]", before)
    if len(clauses) == 1:
        return before
    local, head = clauses[-1], clauses[0]
    if _time_at(local) is not None:
        return before
    first = _time_at(head)
    if first is None or first[0] > OPENING or re.search(r"\d", head[:first[0]]):
        return local
    more = TIME_TAIL.match(head, first[1])  # 今年|一季度, 2023|年: the whole opening time word
    return head[:more.end()] + "，" + local


#: How far into a sentence its opening time word may start (综合研判，预计今年一季度…).
OPENING = 16


def _time_at(text: str) -> Optional[tuple[int, int]]:
    """(start, end) of the first time word of ``text`` (bases of comparisons aside), else None."""
    masked = BASIS.sub(lambda m: "#" * len(m.group(0)), text)
    found = [m.span() for m in (TIME_WORDS.search(masked), SINGLE_MONTH.search(masked),
                                FORWARD_SPAN.search(masked), FIRST_MONTHS.search(masked)) if m]
    return min(found) if found else None


def time_word(text: str) -> Optional[str]:
    """The period suffix ("H1", "Q1", "M1-6", "M6"; "" for 全年) of the time word nearest the end
    of ``text``, else None. A basis (较一季度, 比上半年) is no time word; 6月末/6月底 is none either
    (a stock at a month's end belongs to the period the part reports)."""
    text = BASE_PERIOD.sub(lambda m: "#" * len(m.group(0)), text)
    best, at = None, -1
    for m in MONTH_RANGE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if 1 <= a < b <= 12 and m.start() > at:
            # 1-6月 stays a month range (2.9: YM1-6); 上半年 is H1
            best, at = "" if (a, b) == (1, 12) else {(1, 3): "Q1", (7, 12): "H2"}.get((a, b), f"M{a}-{b}"), m.start()
    for m in SINGLE_MONTH.finditer(text):
        if m.start() > at:
            best, at = f"M{int(m.group(1))}", m.start()
    for m in FIRST_MONTHS.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else _CN.get(m.group(1), 0)
        if 1 < n <= 11 and m.start() > at:
            best, at = {3: "Q1", 6: "H1"}.get(n, f"M1-{n}"), m.start()
    for pattern, suffix in PERIOD_WORDS:
        for m in pattern.finditer(text):
            if m.start() > at:
                best, at = suffix, m.start()
    whole = text.rfind("全年")
    if whole > at:
        best = ""
    return best


def paragraph_time(paragraph: str) -> Optional[str]:
    """The period suffix of the last time word opening a sentence of ``paragraph`` (1-6月，…), else
    None; an opening 6月末 ends the reach of the one before."""
    last = None
    for last in OPENING_TIME.finditer(paragraph):
        pass
    return time_word(last.group(0)) if last else None  # with its 以来: 5月份以来 is no month


__all__ = ["YearContext", "year_context", "kind_of", "period_of", "section_leaning", "context_before", "own_sentence", "part_of"]
