"""Finding slogan mentions: quoted and unquoted numbered forms, known abbreviations, digit codes.

Shapes (examples are ours unless from the research notes):

- known surfaces from the lexicon or the report's own definitions, quoted or not (六稳, 放管服);
  a joined form 六稳六保 gives one mention per part;
- a quoted numbered form: “三减两增”, “新四类人员”, “两条底线”; an incomplete quoted stem takes
  the head noun after it: “五型”政府 -> 五型政府;
- unquoted: a numeral + 大 + a head noun (四大发展战略, 十大提升行动), or two or more numeral groups
  (三去一降一补, 一核两副三带四区);
- unquoted, the items written before the count: ``A、B、C三重压力`` / ``A、B和C三大任务`` (N大/N重
  + a short stem right after a list of exactly N items);
- digit codes “3+5+X”, “12345” (kept only when something defines them: guideline 4.1).

Not reported: counts (三所幼儿园, 两个项目, 一个百分点), counts of ordinary things even when
listed (四个老城区, 两大主导产业, 三大类), ordinals (第三产业), period, meeting, holiday and festival
names (十三五, 两会, 五一, “五五购物节”) and idioms; see govnlp/data/counted_nouns.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from .items import INCOMPLETE, NUMERAL_CHARS, cn_number, split_enumeration

NUM = NUMERAL_CHARS
CLASSIFIERS = "个大场项新"  # numeral + one of these + stem + head noun, unquoted: 四新行动, 四场主攻仗
MODIFIERS = "新|老|前|后|大|小|总|首"  # may stand before the numeral: “新四类人员”
_NOT_BEFORE = set(NUM + "第几多0123456789.")


@dataclass
class Mention:
    """A slogan mention: ``text`` is the slogan without quotes; ``[start, end)`` covers it."""

    text: str
    start: int
    end: int
    kind: str            # "known" | "numbered" | "code" | "counted" (kept only when defined)
    quoted: bool = False


@lru_cache(maxsize=1)
def tables() -> tuple[frozenset, frozenset, frozenset, tuple]:
    """(measure words, non-slogan surfaces, idioms, head nouns) from the bundled TSV files."""
    data = resources.files("govnlp.data")
    measure, not_slogan, idiom = set(), set(), set()
    for line in data.joinpath("counted_nouns.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t")[:2]
        {"measure": measure, "not_slogan": not_slogan, "idiom": idiom}.get(kind, set()).add(word)
    heads = []
    for line in data.joinpath("slogan_heads.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            heads.append(line.split("\t")[0])
    heads.sort(key=len, reverse=True)
    return frozenset(measure), frozenset(not_slogan), frozenset(idiom), tuple(heads)


@lru_cache(maxsize=1)
def count_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(thing nouns, sort words) from counted_nouns.tsv: 四个老城区 and 三大类 are counts."""
    things, sorts = [], []
    for line in resources.files("govnlp.data").joinpath("counted_nouns.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t")[:2]
        {"thing": things, "sort": sorts}.get(kind, []).append(word)
    return tuple(things), tuple(sorts)


_LEAD_COUNT = re.compile(f"^(?:{MODIFIERS})?[{NUMERAL_CHARS}]+([个大项]?)")


def counts_things(surface: str) -> bool:
    """Whether a numeral-led surface counts ordinary things or kinds: 四个老城区, 两大主导产业,
    三大产业集群, 三大类 (counted_nouns.tsv, kinds ``thing`` and ``sort``; a sort word only after
    个/大: 四类重点人群 is a slogan)."""
    m = _LEAD_COUNT.match(surface)
    if not m or len(re.findall(f"[{NUMERAL_CHARS}]+", surface)) != 1:
        return False  # 三去一降一补: several numeral groups are a formula
    rest = surface[m.end():]
    things, sorts = count_words()
    return bool(rest) and (rest.endswith(things) or (m.group(1) in ("个", "大") and rest.startswith(sorts)))


_MARKER = re.compile(r"(?<=[\u4e00-\u9fff])(?:\[\d{1,3}\]|【\d{1,3}】|\d{1,2})$")
_COUNT_QUOTED = re.compile(f"([{NUMERAL_CHARS}]{{1,3}}[个项大条])“([^“”\\n]{{2,10}})”")
_QUOTED = re.compile(r"“([^“”\n]{1,24})”")
_CODE = re.compile(r"^(?:\d+|[A-Za-z])(?:\s*[+＋]\s*(?:\d+|[A-Za-z]))+$|^\d{3,6}$|^\d{2}[\u4e00-\u9fff]{1,4}$")
_CODE_UNQUOTED = re.compile(r"(?<![\w.+])\d+(?:[+＋](?:\d+|[XNxn]))+(?![\w+%])")
_PERIOD = re.compile(f"^十?[{NUM}]五$")
_DURATION = re.compile(f"^[{NUM}]+(?:个)?(?:年|月|日|天|周|季度|小时)$")
_FESTIVAL = re.compile(f"^(?:双)?[{NUM}]{{1,3}}[\u4e00-\u9fff]{{0,4}}节$")  # 五五购物节, 双十一狂欢节
_MULTI = re.compile(f"(?:[{NUM}双](?!是)[^{NUM}\\W\\d_A-Za-z]{{1,2}}){{2,5}}")


def _numeral_start(s: str) -> bool:
    return bool(s) and (s[0] in NUM or s[0] == "双")


def _is_count(s: str, measure: frozenset) -> bool:
    """三所幼儿园, 两个项目, 一个百分点: a numeral followed by a measure word."""
    m = re.match(f"^[{NUM}]+个?(.*)$", s)
    return bool(m) and any(m.group(1).startswith(w) for w in measure)


@lru_cache(maxsize=1)
def _stop_regex() -> re.Pattern:
    _, not_slogan, idiom, _ = tables()
    return re.compile("|".join(re.escape(w) for w in sorted(idiom | not_slogan, key=len, reverse=True)))


def numbered_shape(s: str, allow_counts: bool = False) -> bool:
    """Whether quoted content ``s`` looks like a numbered slogan (“三减两增”, “新四类人员”).

    ``allow_counts``: also a numeral + measure word (“三张清单”), which is a slogan only when the
    report spells out its items right after it (resolve keeps such mentions only then)."""
    measure, not_slogan, idiom, heads = tables()
    if not s or len(s) > 14 or s in not_slogan or s in idiom:
        return False
    if s.startswith("第") or _PERIOD.match(s) or _DURATION.match(s) or _FESTIVAL.match(s):
        return False
    if re.search(r"[，,。；;：:!！?？%0-9]", s):
        return False  # a clause, or a quantity (“两个100%”)
    lead = re.match(f"^(?:{MODIFIERS})?([{NUM}]+|双)", s)
    if not lead or "、" in s:
        return False
    groups = re.findall(f"[{NUM}]+|双", s)
    core = s[lead.start(1):]
    if set(groups) == {"一"} and not re.match("^一(个|大)", core) and (len(groups) < 2 or len(core) < 5):
        return False  # 一站式, 一次不跑, “一路一策”: not numbered
    if not allow_counts and _is_count(core, measure) and len(groups) < 2 and not core.endswith(("零", "率")):
        return False
    return True


class _Occupied:
    """Characters already covered by a mention or a skipped range (O(1) marking, fast queries)."""

    def __init__(self, n: int):
        self.flags = bytearray(n + 1)

    def append(self, span: tuple[int, int]) -> None:
        a, b = max(0, span[0]), min(len(self.flags) - 1, span[1])
        if b > a:
            self.flags[a:b] = b"\x01" * (b - a)

    def hits(self, s: int, e: int) -> bool:
        return e > s and self.flags.find(1, s, e) != -1


def _known_regex(keys: Iterable[str]) -> re.Pattern | None:
    keys = sorted({k for k in keys if k}, key=len, reverse=True)
    if not keys:
        return None
    return re.compile("|".join(re.escape(k) for k in keys))


def _split_joined(content: str, known: set[str]) -> list[tuple[str, int]] | None:
    """六稳六保 -> [(六稳, 0), (六保, 2)] when the content is a run of known surfaces."""
    out, i = [], 0
    while i < len(content):
        for L in range(min(12, len(content) - i), 1, -1):
            if content[i:i + L] in known:
                out.append((content[i:i + L], i))
                i += L
                break
        else:
            return None
    return out if len(out) >= 2 else None


def _head_after(text: str, pos: int, known: set[str], stem: str) -> int:
    """End offset of the head noun after an incomplete quoted stem (“五型”政府), or ``pos``."""
    _, _, _, heads = tables()
    window = text[pos:pos + 8]
    for L in range(len(window), 0, -1):
        if stem + window[:L] in known:
            return pos + L
    for L in range(1, 7):
        piece = window[:L]
        if re.search(r"[^\u4e00-\u9fff]", piece):
            break
        if any(piece.endswith(h) for h in heads):
            return pos + L
    return pos


def find_mentions(text: str, known: set[str], quoted_only: set[str],
                  skip: list[tuple[int, int]]) -> list[Mention]:
    """All slogan mentions in ``text`` outside the ``skip`` ranges, in text order.

    ``known`` are surfaces of the lexicon and of the report's own definitions; those in
    ``quoted_only`` are only taken inside quotation marks. Earlier passes win overlaps:
    quoted forms, then known surfaces, then unquoted shapes.
    """
    taken = _Occupied(len(text))
    for span in skip:
        taken.append(span)
    out: list[Mention] = []

    def add(m: Mention) -> None:
        if not taken.hits(m.start, m.end):
            out.append(m)
            taken.append((m.start, m.end))

    _quoted_mentions(text, known, taken, add)
    rx = _known_regex(k for k in known if k not in quoted_only)
    if rx is not None:  # joined forms (六稳六保) fall out of the left-to-right scan
        for m in rx.finditer(text):
            s, e = m.span()
            if not (s > 0 and text[s - 1] in _NOT_BEFORE and _numeral_start(m.group())):
                add(Mention(m.group(), s, e, "known", False))
    for m in _stop_regex().finditer(text):  # no unquoted shape inside an idiom or a name
        taken.append(m.span())
    _shape_mentions(text, add)
    out.sort(key=lambda m: m.start)
    return out


def _quoted_mentions(text: str, known: set[str], taken: _Occupied, add) -> None:
    """Quoted forms; a count written before the quote belongs to it (六个“坚持不动摇”)."""
    measure, not_slogan, _, _ = tables()
    for m in _COUNT_QUOTED.finditer(text):
        s = m.start()
        stem = m.group(2)
        if (s > 0 and text[s - 1] in _NOT_BEFORE) or taken.hits(s, m.end(2)):
            continue
        if not _numeral_start(stem) and not _is_count(m.group(1) + stem, measure):
            add(Mention(m.group(1) + stem, s, m.end(2), "numbered", True))
    for q in _QUOTED.finditer(text):
        content, cs = q.group(1), q.start(1)
        marker = _MARKER.search(content)
        if marker and marker.start() > 0:
            content = content[:marker.start()]  # “五个率先[1]”, “三个做优做强1”: a footnote marker
        if taken.hits(cs, cs + len(content)):
            continue
        parts = [(content, 0)]
        if "、" in content:
            pieces, off = [], 0
            for p in content.split("、"):
                pieces.append((p, off))
                off += len(p) + 1
            if all(p in known for p, _ in pieces):
                parts = pieces  # “六稳、六保”: one mention per known part
            elif all(numbered_shape(p) for p, _ in pieces):
                add(Mention(content, cs, cs + len(content), "numbered", True))  # “一个目标、三大举措”
                continue
        for part, off in parts:
            if part not in not_slogan:
                _quoted_part(text, part, cs + off, q.end(), known, add)


def _quoted_part(text: str, part: str, s: int, close: int, known: set[str], add) -> None:
    """One quoted surface starting at ``s``; ``close`` is the offset after its closing quote."""
    if INCOMPLETE.match(part):  # “五型”政府: the stem takes the head noun after the quote
        head_end = _head_after(text, close, known, part)
        if head_end > close:
            name = part + text[close:head_end]
            add(Mention(name, s, head_end, "known" if name in known else "numbered", True))
            return
    if part in known:
        add(Mention(part, s, s + len(part), "known", True))
        return
    joined = _split_joined(part, known)
    if joined:
        for name, o in joined:
            add(Mention(name, s + o, s + o + len(name), "known", True))
    elif _CODE.match(part):
        add(Mention(part, s, s + len(part), "code", True))
    elif numbered_shape(part):
        add(Mention(part, s, s + len(part), "numbered", True))
    elif numbered_shape(part, allow_counts=True) and not counts_things(part):
        add(Mention(part, s, s + len(part), "counted", True))  # “三张清单”（A、B、C）


def _shape_mentions(text: str, add) -> None:
    """Unquoted shapes: N个一 before a head, N大/个/场/项/新 + head, several numeral groups, codes."""
    measure, not_slogan, idiom, heads = tables()
    head_alt = "|".join(re.escape(h) for h in heads)
    for m in re.finditer(f"([{NUM}]+)个一批?(?=要求|{head_alt})", text):
        s, e = m.span()  # 四个一要求 -> 四个一
        if not (s > 0 and text[s - 1] in _NOT_BEFORE):
            add(Mention(m.group(0), s, e, "numbered", False))
    counted = re.compile(f"(?!一[{CLASSIFIERS}])([{NUM}]+)([{CLASSIFIERS}])([\u4e00-\u9fff]{{0,4}}?)(?:{head_alt})")
    for m in counted.finditer(text):
        s, e = m.span()  # 四大发展战略, 十大提升行动, 四新行动, 四个主题年, 四场主攻仗, 三项机制
        if s > 0 and text[s - 1] in _NOT_BEFORE:
            continue
        if m.group(0) in not_slogan or (m.group(3) and any(m.group(3).startswith(w) for w in measure)):
            continue
        if counts_things(m.group(0)):
            continue  # 两大主导产业, 三大类产业: a count of ordinary things
        add(Mention(m.group(0), s, e, "numbered", False))
    _listed_count_mentions(text, add)
    for m in _MULTI.finditer(text):
        s, e = m.span()  # 三去一降一补, 一核两副三带四区
        form = m.group(0)
        if (s > 0 and text[s - 1] in _NOT_BEFORE) or len(form) < 4:
            continue
        if set(re.findall(f"[{NUM}双]", form)) == {"一"} or any(i in form for i in idiom):
            continue
        stems = re.split(f"[{NUM}双]", form)[1:]
        if any(st[:1] in measure or st in measure for st in stems):
            continue
        add(Mention(form, s, e, "numbered", False))
    for m in _CODE_UNQUOTED.finditer(text):
        add(Mention(m.group(0), m.start(), m.end(), "code", False))


# after N大/N重 and its stem: words that end the stem (三重压力仍然较大 -> 三重压力)
STEM_STOPS = (
    "仍然", "仍旧", "仍", "依然", "依旧", "还", "更加", "更", "日益", "日趋", "愈发", "越来越", "不断", "持续",
    "明显", "显著", "突出", "进一步", "交织", "叠加", "并存", "凸显", "相互", "亟", "较", "很", "极", "尤为",
    "十分", "比较", "较为", "正在", "逐步", "基本", "总体", "面临", "取得", "实现", "得到", "获得", "得以", "成为",
    "带来", "制约", "影响", "加大", "增大", "深刻", "加快", "集聚", "增长", "达到", "突破", "有", "是", "为",
    "的", "和", "与", "及", "等", "在", "中", "上", "下", "之", "也", "都", "均", "已", "将", "正", "对",
    "让", "使", "向", "齐", "同", "共",
)
_LISTED_COUNT = re.compile(f"([{NUM}]+)([大重])(?=[\u4e00-\u9fff])")
_CLAUSE_START = re.compile(r"[，,。；;：:！!？?\n（(）)“”]")


def _stem_end(text: str, pos: int) -> int:
    """End of the stem after N大/N重 at ``pos``: a head noun within 6 characters, else 2, 4 or 3
    characters (tried in that order) before a stop word or punctuation; ``pos`` when none fits."""
    _, _, _, heads = tables()
    window = text[pos:pos + 6]
    for L in range(1, len(window) + 1):
        if re.search(r"[^\u4e00-\u9fff]", window[L - 1]):
            break
        if any(window[:L].endswith(h) for h in heads):
            return pos + L
    for L in (2, 4, 3):  # most such stems have 2 or 4 characters: 压力, 主攻方向
        if pos + L > len(text) or re.search(r"[^\u4e00-\u9fff]", text[pos:pos + L]):
            continue
        nxt = text[pos + L:pos + L + 2]
        if not nxt or re.match(r"[^\u4e00-\u9fff]", nxt) or nxt.startswith(STEM_STOPS):
            return pos + L
    return pos


def _listed_count_mentions(text: str, add) -> None:
    """N大/N重 + stem right after a list of exactly N items: 需求收缩、供给冲击、预期转弱三重压力,
    稳增长、促改革和防风险三大任务. The list's count must agree; counts of things are left out."""
    measure, not_slogan, _, _ = tables()
    for m in _LISTED_COUNT.finditer(text):
        s = m.start()
        if s > 0 and text[s - 1] in _NOT_BEFORE:
            continue
        n = cn_number(m.group(1))
        if not n or n < 2 or n > 12:
            continue
        e = _stem_end(text, m.end())
        stem = text[m.end():e]
        form = text[s:e]
        if len(stem) < 1 or form in not_slogan or any(stem.startswith(w) for w in measure):
            continue
        if any(counts_things(text[s:m.end() + L]) for L in range(1, 7)):
            continue  # 两大主导产业产值: a count of industries, however the stem ends
        starts = [c.end() for c in _CLAUSE_START.finditer(text, max(0, s - 120), s)]
        clause = text[starts[-1] if starts else max(0, s - 120):s]
        if "、" not in clause and not re.search("[和及与]", clause):
            continue
        items = split_enumeration(clause, n)
        if not items:
            continue
        lengths = [len(it) for it in items]
        if max(lengths) > 12 or max(lengths) > 3 * min(lengths) + 2:
            continue
        add(Mention(form, s, e, "numbered", False))
