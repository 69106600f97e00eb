"""Metadata stage: title, issuing region, level, year, date and document type.

Clues are read from the head of the report (the first ``HEAD_CHARS`` characters) and from the
stretches normalisation set aside as boilerplate (metadata tables such as
``发布机构: | 青云谱区人民政府``, footers, breadcrumbs). Places are resolved against the
GB/T 2260 table of :mod:`govnlp.regions`.

Rules, in the order they are tried:

region
    the most specific place named as the issuer: a metadata field (发布机构/来源/发文机关…),
    ``X人民政府`` (a standalone line, 我代表X人民政府, X人民政府区长), the delivery line
    (在X第N届人民代表大会), the title (X政府工作报告). A county under a city also named wins over
    the city. An anonymised issuer (xx区, ××县, 某市) gives region null but still sets the level.
    The State Council (国务院总理, 全国人民代表大会) gives level national and region
    "中华人民共和国" with no province or code. Footer lines (版权所有/主办单位) are used only
    when nothing else names the issuer. An unnamed 区政府 whose plan names two or more local
    branches of vertically managed agencies after one place (鼓楼公安分局, 鼓楼消防大队) is that
    place.
level
    from the region (区/县/县级市/旗 are county), else from the issuer word (区政府 -> county).
date
    the delivery date (——2020年5月22日在…会议上) first, then a date standing alone on a line
    (2020730, 2020年7月30日), then a publication date (发布日期/生成日期/发布时间).
year
    the report's own year (docs/annotation.md §6), the year it is titled with and plans for:
    * half-year reports: that year (2020年上半年 -> 2020), else the date's year;
    * work reports and their summaries: the plan year. A 2020 report delivered in January
      2020 reviews 2019 and plans 2020: year 2020. Read from the title year
      (2020年政府工作报告), else a plan year in the head (2020年主要预期目标, 谋划2023), else the
      reviewed year + 1 (2019年工作回顾, 回顾2022), else the delivery date
      (January-June: that year; July-December: the next year);
    * task plans and other documents: the year they plan for, written in the title
      (寿县2021年…任务分解方案 -> 2021), else a 20XX年 target year in the head, else the date's year.
doc_type
    task_plan (任务分解/分工方案/责任清单 in the title, or most numbered items carry
    (X主办, Y协办) unit clauses), summary (速读/解读/图解/一图读懂… in the title or head; 要点/摘要
    only when the text does not speak as the report itself: 政府工作报告（摘要） that addresses
    各位代表 is an official abridged report, a work_report),
    half_year_report (上半年/半年 with 报告/情况), work_report (政府工作报告, 向大会报告工作,
    delivered 在…人民代表大会…会议上), else other. A progress report on a report's tasks
    (…上半年完成情况, …落实情况的督查通报) is typed by its title first: half_year_report when it
    covers a half year, else other, never task_plan. A title year may lack 年 (直通2023), and a
    place leading the title (阿荣旗关于…的报告) names the issuer when nothing better does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from typing import Optional

from . import regions
from .report import Meta, Report

HEAD_CHARS = 1500
NATIONAL_REGION = "中华人民共和国"

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "Ｏ": "0", "O": "0"}
_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九Ｏ]{4})(?=\s*年)")
_CN_MONTH_DAY = re.compile(r"(\d{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                           r"(?:\s*([一二三四五六七八九十]{1,3})\s*日)?")

_ANON = re.compile(r"[xX×＊*]{1,4}|某")
_ISSUER_WORD = {"区": "county", "县": "county", "旗": "county", "市": "city", "州": "city",
                "盟": "city", "省": "province", "自治区": "province"}

# Metadata fields of government web pages that name the issuer.
_FIELD_ISSUER = re.compile(
    r"(?:发布机构|发文机关|发文单位|发布单位|制发机关)\s*[:：]?\s*[|｜]?\s*([^\s|｜:：，。,]{2,40})")
# A source field (来源: 宿迁市人民政府) names the issuer less surely: a repost names the site.
_FIELD_SOURCE = re.compile(r"(?:信息来源|文章来源|来\s*源)\s*[:：]?\s*[|｜]?\s*([^\s|｜:：，。,]{2,40})")
# Footer fields: only used when nothing better names the issuer.
_FIELD_FOOTER = re.compile(
    r"(?:版权所有|主办单位|主办|承办单位|承办)\s*[:：]?\s*[|｜]?\s*([^\s|｜:：，。,]{2,40})")
_ORG = re.compile(r"人民政府|政府|人大常委会|人民代表大会|办公[室厅]|委员会|常委会|统计局|网站|门户|党委|[局委办]$")
# X人民政府 names the issuer when it stands at the head of a line (a signature line, a title, or
# "X人民政府区长 Y") or after 我代表; not inside a sentence (获江西省人民政府表彰).
_GOV = re.compile(r"(?:^[ \t　]*(?:——)?|(?:我|现在我|受)?代表)"
                  r"([^\s，。、；;:：!！?？“”\"'（）()|｜]{1,24}?)[ \t]*人民政府"
                  r"(?=[ \t]*(?:$|[区县市省州]长|主席|关于|办公|工作报告|主要|[，,、]|向))", re.M)
_CONGRESS = re.compile(r"([^\s，。、；;]{2,30}?)\s*第[一二三四五六七八九十\d]+\s*届\s*人民代表大会")
# The State Council as issuer: its premier signing (a line of its own), the delivery line at the
# National People's Congress, or a title naming it; a local report that mentions a visit by
# 国务院总理 inside a sentence is not national.
_NATIONAL = re.compile(r"^\s*国务院总理\s*[\u4e00-\u9fff·]{0,5}\s*$|"
                       r"在第?[一二三四五六七八九十\d]+届全国人(?:民代表)?大[^\n]{0,12}会议上|"
                       r"我代表国务院|全国政协委员|"
                       r"国务院政府工作报告|^\s*(?:\d{4}年)?政府工作报告\s*[—-]*\s*国务院|^\s*国务院\s*$", re.M)
# Local branches of vertically managed agencies, named after their place: 鼓楼公安分局.
_BRANCH = re.compile(r"(?:^|(?<=[（(、，,；;：:\s]))([\u4e00-\u9fff]{2,4}?)"
                     r"(公安分局|消防救援大队|消防大队|生态环境局|生态环境分局|交警大队|税务局|市场监管分局|"
                     r"自然资源和规划分局|规划分局|供电公司|人民法院|人民检察院)")
_TITLE_ISSUER = re.compile(r"(.{2,24}?)(?:人民)?政府(?:工作报告|主要工作|工作)")
_TITLE_PLACE = re.compile(r"^(?:关于)?(?:印发)?([\u4e00-\u9fff]{2,20}?)(?=关于|\d{4}\s*年|人民政府|政府|上半年|第[一二三四]季度)")
_LEVEL_WORD = re.compile(r"(?:^|年|度|半年|我代表|代表)\s*(区|县|市|省|自治区|州|旗)\s*(?:人民)?政府")

_DELIVERY = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在[^\n]{0,60}?(?:会议|大会)")
_DATE_LINE = re.compile(r"^\s*[（(]?\s*(\d{4})\s*(?:[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?|(\d{3,4}))"
                        r"\s*[）)]?\s*$", re.M)
# a bare timestamp line of a web page: 2023-01-18 10:30:00
_STAMP = re.compile(r"^\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s*$", re.M)
_PUB_DATE = re.compile(r"(?:发布日期|发布时间|生成日期|成文日期|发文日期|印发日期|更新时间|日期|时间)"
                       r"\s*[:：]?\s*[|｜]?\s*"
                       r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")

_TITLE_WORDS = re.compile(r"报告|方案|纲要|计划|要点|解读|速读|意见|通知|公报|总结|清单|分解|图解|读懂|安排|通报|完成情况|落实情况|进展情况")
_TITLE_BAD = re.compile(r"^(?:——|-|发布|来源|索引号|生成日期|首页|当前位置|推荐|相关|上一篇|下一篇|扫一扫|分享)|"
                        r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|"
                        r"第[一二三四五六七八九十]{1,3}(?:部分|方面|章))|"  # a numbered heading is no title
                        r"请予审议|向大会|我代表|各位代表|下面是|供大家参考|[，,。；;]")

# Progress reports on a report's tasks (…上半年完成情况, 督查通报): half-year reports when they
# cover a half year, else other documents; never task plans, though they repeat the tasks.
_PROGRESS_TITLE = re.compile(r"(?:完成|落实|进展|推进|执行|办理)情况|督查通报|督查情况|督办通报|进度")
_TASK_TITLE = re.compile(r"任务分解|分解落实|分工方案|责任分工|任务分工|分解方案|任务清单|责任清单|重点工作分解|"
                         r"目标任务分解|分解表|任务书")
# News summaries and explainers of a report (速读, 解读, 一图读懂 …).
_SUMMARY = re.compile(r"速读|解读|图解|读懂|一图|划重点|速览|看点|热词|全文来了|关键词|亮点|一文看|新闻发布会|"
                      r"三分钟|数说|图说|快读|精读|秒懂")
# 要点/摘要 are summaries unless the text speaks as the report itself (各位代表, delivery line):
# an official abridged text (政府工作报告（摘要）) is still the government's own report.
_DIGEST = re.compile(r"要点|摘要|节选|摘编")
_OWN_VOICE = re.compile(r"各位代表|各位委员|我代表|人民代表大会[^\n]{0,20}会议上")
_HALF = re.compile(r"上半年|半年工作|年中工作")
_WORK = re.compile(r"政府工作报告|工作报告")
_WORK_HEAD = re.compile(r"报告(?:政府)?工作|向大会作报告|向大会报告|人民代表大会[^\n]{0,20}会议上")

_PLAN_YEAR = re.compile(r"(\d{4})\s*年\s*(?:是[^\n，。]{0,20}|的)?(?:主要|总体|经济社会发展的主要|发展的主要)?"
                        r"(?:预期)?(?:目标|工作安排|工作打算|重点工作|目标任务)|谋划\s*(\d{4})|展望\s*(\d{4})")
_REVIEW_YEAR = re.compile(r"(\d{4})\s*年\s*(?:主要)?(?:工作)?(?:回顾|总结)|回顾\s*(\d{4})")
_HALF_YEAR = re.compile(r"(\d{4})\s*年\s*上半年")
_ANY_YEAR = re.compile(r"(\d{4})\s*年")
# a year written without 年 in a title: 直通2023, 2023两会, 回顾2022 (not inside a longer number)
_BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.%])")
# a delivery or signature line with no day: ——2023年1月在…会议上 / 2021年1月
_YEAR_MONTH = re.compile(r"^\s*(?:——|—)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*在[^\n]{0,60}?(?:会议|大会)|\s*$)", re.M)


def extract_meta(report: Report) -> Meta:
    """Fill :class:`~govnlp.report.Meta` from the head and the boilerplate of ``report``."""
    head = _cn_years(report.text[:HEAD_CHARS])
    extras = [_cn_years(report.text[b.start:b.end][:400]) for b in report.boilerplate
              if b.start >= HEAD_CHARS]
    context = head + "\n" + "\n".join(extras)

    title = _title(head)
    doc_type = _doc_type(title, head, report)
    issuer = _issuer(title, head, extras, context, report.text)
    when = _find_date(head, context)
    year = _year(doc_type, title, head, when)

    meta = Meta(title=title, doc_type=doc_type, date=when, year=year)
    if issuer.national:
        meta.region, meta.level = NATIONAL_REGION, "national"
    elif issuer.division is not None:
        d = issuer.division
        meta.region, meta.level, meta.admin_code = d.full_name, d.level, d.code
        meta.province = d.province.name
    else:
        meta.region = issuer.name
        meta.level = issuer.level
    return meta


# ---- title ----------------------------------------------------------------
def _title(head: str) -> Optional[str]:
    """The most title-like of the first lines: short, with a document word, best with a year."""
    best, best_score = None, 0
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()][:25]
    for i, raw in enumerate(lines):
        line = _clean_title(raw)
        if not (4 <= len(line) <= 60) or _TITLE_BAD.search(line) or not _TITLE_WORDS.search(line):
            continue
        if line.count("|") + line.count("｜") > 1 or line.count(" ") > 3:
            continue
        score = 3 + (3 if "政府工作报告" in line else 0) + (2 if re.search(r"\d{4}\s*年", line) else 0)
        score -= i * 0.1  # earlier lines are likelier
        if re.match(r"^\d{4}", line) is None and re.match(r"^年", line):  # 年上半年…: year lost
            score -= 2
        if best is None or score > best_score:
            best, best_score = line, score
    return best


def _clean_title(line: str) -> str:
    line = re.sub(r"^\d{1,2}\s+(?=\d{4})", "", line)  # a stray page number: "0 2020 年…"
    # a document number glued after the title: …的通知宿政发〔2021〕12号
    line = re.sub(r"(?<=[知案告见定法划点])[\u4e00-\u9fff]{1,5}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号$",
                  "", line)
    # a navigation bar glued before the title: 首页人大概览…文献资料关于…的报告
    m = re.search(r"关于[^\s，。；]{2,60}?(?:报告|方案|意见|通知|计划|安排|总结)$", line)
    if m and m.start() > 0 and not re.search(r"(?:政府|办公[室厅]|委员会|常委会|[局厅委办])$", line[: m.start()]) \
            and not (m.start() <= 12 and regions.resolve_tail(line[: m.start()]) is not None):  # 阿荣旗关于…的报告
        line = line[m.start():]
    line = re.sub(r"(?<=[\d\u4e00-\u9fff])\s+(?=[\d\u4e00-\u9fff])", "", line)
    return line.strip(" 　:：")


def _cn_years(s: str) -> str:
    """二〇二〇年一月十二日 -> 2020年1月12日 (only whole dates and four-digit years)."""
    s = _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS[c] for c in m.group(1)), s)
    return _CN_MONTH_DAY.sub(_month_day, s)


def _cn_small(n: str) -> int:
    """一 .. 三十一 as an int."""
    if "十" not in n:
        return int(_CN_DIGITS[n])
    tens, _, ones = n.partition("十")
    return (int(_CN_DIGITS[tens]) if tens else 1) * 10 + (int(_CN_DIGITS[ones]) if ones else 0)


def _month_day(m: re.Match) -> str:
    out = f"{m.group(1)}年{_cn_small(m.group(2))}月"
    return out + (f"{_cn_small(m.group(3))}日" if m.group(3) else "")


# ---- doc type -------------------------------------------------------------
def _doc_type(title: Optional[str], head: str, report: Report) -> str:
    t = title or ""
    first = head[:300]
    if _PROGRESS_TITLE.search(t) and not re.search(r"(?:方案|计划|清单|分解表|任务表)$", t):
        return "half_year_report" if _HALF.search(t) else "other"
    if _TASK_TITLE.search(t) or _TASK_TITLE.search(first):
        return "task_plan"
    from .tasks import looks_like_task_plan  # local import: tasks runs after meta
    if looks_like_task_plan(report.text):
        return "task_plan"
    if _SUMMARY.search(t) or re.search(r"(?:政府)?工作报告(?:解读|速读)", head):
        return "summary"
    if (_DIGEST.search(t) or re.search(r"工作报告(?:要点|摘要)", head)) and not _OWN_VOICE.search(head):
        return "summary"
    if _HALF.search(t) and re.search(r"报告|情况|总结", t):
        return "half_year_report"
    if re.search(r"上半年[^\n]{0,10}工作情况[^\n]{0,6}下半年|上半年主要工作情况", head):
        return "half_year_report"
    if re.match(r"\s*(?:19|20)\d\d\s*年\s*上半年", head) and "下半年" in report.text[:20000]:
        return "half_year_report"  # a headless passage that opens on the first half and turns to the second
    if _WORK.search(t) or _WORK_HEAD.search(head):
        return "work_report"
    return "other"


# ---- issuer ---------------------------------------------------------------
@dataclass
class _Issuer:
    division: Optional[regions.Division] = None
    name: Optional[str] = None  # an unresolved but plain name (鼓楼区 with no context)
    level: Optional[str] = None
    national: bool = False


def _place_before_org(s: str) -> str:
    m = _ORG.search(s)
    return s[: m.start()] if m else s


def _issuer(title: Optional[str], head: str, extras: list[str], context: str, full: str) -> _Issuer:
    if _NATIONAL.search(head):
        return _Issuer(national=True, level="national")
    found: list[tuple[int, regions.Division]] = []  # (priority, division)
    anon_level: Optional[str] = None
    unresolved: Optional[str] = None

    def consider(raw: str, priority: int) -> None:
        nonlocal anon_level, unresolved
        raw = raw.strip()
        if not raw:
            return
        if _ANON.search(raw):
            anon_level = anon_level or _level_of_word(raw)
            return
        d = regions.resolve_tail(raw, context)
        if d is not None:
            found.append((priority, d))
        elif unresolved is None:
            # a known but ambiguous name (鼓楼区 without its city)
            tail = _ambiguous_tail(raw)
            if tail:
                unresolved = tail

    for m in _FIELD_ISSUER.finditer(head):
        consider(_place_before_org(m.group(1)), 0)
    for m in _FIELD_SOURCE.finditer(head):
        consider(_place_before_org(m.group(1)), 1)
    for m in _GOV.finditer(head):
        consider(m.group(1), 1)
    for m in _CONGRESS.finditer(head):
        consider(m.group(1), 1)
    if title:
        m = _TITLE_ISSUER.search(title)
        if m:
            consider(re.sub(r"\d{4}\s*年度?$", "", m.group(1)), 2)
        m = _TITLE_PLACE.search(title)
        if m:  # a progress report names its place only in the title: 阿荣旗关于2023年上半年…
            consider(m.group(1), 2)
    if not found and anon_level is None:  # an anonymised issuer is not replaced by a site footer
        for extra in extras:
            for m in [*_FIELD_ISSUER.finditer(extra), *_FIELD_SOURCE.finditer(extra)]:
                consider(_place_before_org(m.group(1)), 3)
            for m in _FIELD_FOOTER.finditer(extra):
                consider(_place_before_org(m.group(1)), 4)
        for m in _FIELD_FOOTER.finditer(head):
            consider(_place_before_org(m.group(1)), 4)

    if found:
        return _Issuer(division=_most_specific(found))
    level = anon_level or _level_from_words(title or "", head)
    if anon_level is None and unresolved is None and level in ("county", "city"):
        d = _place_from_agencies(full, level)
        if d is not None:
            return _Issuer(division=d)
    if unresolved:
        cands = regions.candidates(unresolved)
        level = cands[0].level if cands else level
    return _Issuer(name=unresolved, level=level)


def _place_from_agencies(text: str, level: str) -> Optional[regions.Division]:
    """The place of an unnamed 区政府/市政府 read from its local branch agencies.

    Branches of vertically managed agencies carry the place name (鼓楼公安分局, 鼓楼消防大队,
    鼓楼生态环境局). When at least two different such agencies name the same place and no other
    place is named that way, that place is the issuer (its city disambiguated by the whole text).
    """
    seen: dict[str, set[str]] = {}
    for m in _BRANCH.finditer(text):
        seen.setdefault(m.group(1), set()).add(m.group(2))
    strong = [stem for stem, kinds in seen.items() if len(kinds) >= 2]
    if len(strong) != 1:
        return None
    cands = [d for d in regions.lookup(strong[0], text) if d.level == level]
    if not cands:
        return None
    scores = [regions.context_score(d, text) for d in cands]
    best = [d for d, sc in zip(cands, scores) if sc == max(scores)]
    return best[0] if len(best) == 1 else None


def _most_specific(found: list[tuple[int, regions.Division]]) -> regions.Division:
    """The best-ranked issuer, replaced by a more specific one lying inside it."""
    found.sort(key=lambda pd: pd[0])
    best = found[0][1]
    for _, d in found[1:]:
        if d.code != best.code and _inside(d, best):
            best = d
    return best


def _inside(inner: regions.Division, outer: regions.Division) -> bool:
    rank = regions.LEVELS.index
    if rank(inner.level) <= rank(outer.level):
        return False
    prefix = outer.code[:2] if outer.level == "province" else outer.code[:4]
    return inner.code.startswith(prefix)


def _ambiguous_tail(raw: str) -> Optional[str]:
    for length in range(min(len(raw), 12), 2, -1):
        piece = raw[-length:]
        if len(regions.candidates(piece, short=False)) > 1:
            return piece
    return None


def _level_of_word(raw: str) -> Optional[str]:
    raw = raw.rstrip()
    for word, level in sorted(_ISSUER_WORD.items(), key=lambda kv: -len(kv[0])):
        if raw.endswith(word):
            return level
    return None


def _level_from_words(title: str, head: str) -> Optional[str]:
    for s in (title, head):
        m = _LEVEL_WORD.search(s)
        if m:
            return _ISSUER_WORD.get(m.group(1))
    return None


# ---- date -----------------------------------------------------------------
def _iso(y: str, m: str, d: str) -> Optional[str]:
    try:
        value = _date(int(y), int(m), int(d))
    except ValueError:
        return None
    return value.isoformat() if 1949 <= value.year <= 2100 else None


def _compact(y: str, rest: str) -> Optional[str]:
    """2020730 -> 2020-07-30; 20200730 -> 2020-07-30; ambiguous 2020111 -> None."""
    if len(rest) == 4:
        return _iso(y, rest[:2], rest[2:])
    options = {x for x in (_iso(y, rest[:1], rest[1:]), _iso(y, rest[:2], rest[2:])) if x}
    return options.pop() if len(options) == 1 else None


def _find_date(head: str, context: str) -> Optional[str]:
    m = _DELIVERY.search(head)
    if m and (iso := _iso(*m.groups())):
        return iso
    for m in _DATE_LINE.finditer(head):
        y, mo, d, rest = m.groups()
        iso = _compact(y, rest) if rest else _iso(y, mo, d)
        if iso:
            return iso
    for pattern in (_PUB_DATE, _STAMP):
        for m in pattern.finditer(context):
            if iso := _iso(*m.groups()):
                return iso
    return None


# ---- year -----------------------------------------------------------------
def _first_year(pattern: re.Pattern, s: str, shift: int = 0) -> Optional[int]:
    for m in pattern.finditer(s):
        for g in m.groups():
            if g and 1949 <= int(g) <= 2100:
                return int(g) + shift
    return None


def _delivery_month(head: str, when: Optional[str]) -> Optional[tuple[int, int]]:
    if when:
        return int(when[:4]), int(when[5:7])
    m = _YEAR_MONTH.search(head)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _year(doc_type: str, title: Optional[str], head: str, when: Optional[str]) -> Optional[int]:
    delivered = _delivery_month(head, when)
    title_year = (_first_year(_ANY_YEAR, title) or _first_year(_BARE_YEAR, title)) if title else None
    if doc_type == "half_year_report":
        return (_first_year(_HALF_YEAR, title or "") or _first_year(_HALF_YEAR, head) or title_year
                or (delivered[0] if delivered else None))
    if doc_type in ("work_report", "summary"):
        # the report's own year = the year it plans for: 2021年政府工作报告 / 谋划2021 /
        # 2020年工作回顾 (+1) / delivered in early 2021 -> 2021
        if title_year:
            return title_year
        planned = _first_year(_PLAN_YEAR, head)
        if planned:
            return planned
        reviewed = _first_year(_REVIEW_YEAR, head)
        if reviewed:
            return reviewed + 1
        if delivered:
            return delivered[0] if delivered[1] <= 6 else delivered[0] + 1
        return None
    return title_year or _first_year(_PLAN_YEAR, head) or (delivered[0] if delivered else None)
