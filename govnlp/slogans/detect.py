"""Finding slogan mentions: quoted and unquoted numbered forms, known abbreviations, digit codes.

Shapes (examples are ours unless from the research notes):

- known surfaces from the lexicon or the report's own definitions, quoted or not (六稳, 放管服);
  a joined form 六稳六保 gives one mention per part;
- a quoted numbered form: “三减两增”, “新四类人员”, “两条底线”; an incomplete quoted stem takes
  the head noun after it: “五型”政府 -> 五型政府;
- unquoted: a numeral + 大 + a head noun (四大发展战略, 十大提升行动), or two or more numeral groups
  (三去一降一补, 一核两副三带四区);
- digit codes “3+5+X”, “12345” (kept only when something defines them: guideline 4.1).

Not reported: counts (三所幼儿园, 两个项目, 一个百分点), ordinals (第三产业), period, meeting and
holiday names (十三五, 两会, 五一) and idioms; see govnlp/data/counted_nouns.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from .items import NUMERAL_CHARS, strip_quotes

NUM = NUMERAL_CHARS
_NOT_BEFORE = set(NUM + "第几多0123456789.")


@dataclass
class Mention:
    """A slogan mention: ``text`` is the slogan without quotes; ``[start, end)`` covers it."""

    text: str
    start: int
    end: int
    kind: str            # "known" | "numbered" | "code"
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
        {"measure": measure, "not_slogan": not_slogan, "idiom": idiom}[kind].add(word)
    heads = []
    for line in data.joinpath("slogan_heads.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            heads.append(line.split("\t")[0])
    heads.sort(key=len, reverse=True)
    return frozenset(measure), frozenset(not_slogan), frozenset(idiom), tuple(heads)


_QUOTED = re.compile(r"“([^“”\n]{1,24})”")
_CODE = re.compile(r"^(?:\d+|[A-Za-z])(?:\s*[+＋]\s*(?:\d+|[A-Za-z]))+$|^\d{3,6}$|^\d{2}[\u4e00-\u9fff]{1,4}$")
_CODE_UNQUOTED = re.compile(r"(?<![\w.+])\d+(?:[+＋](?:\d+|[XNxn]))+(?![\w+%])")
_PERIOD = re.compile(f"^十?[{NUM}]五$")
_DURATION = re.compile(f"^[{NUM}]+(?:个)?(?:年|月|日|天|周|季度|小时)$")
_MULTI = re.compile(f"(?:[{NUM}双][^{NUM}\\s\\d，,。、；;：:“”（）()！!？?·—\\-]{{1,2}}){{2,5}}")


def _numeral_start(s: str) -> bool:
    return bool(s) and (s[0] in NUM or s[0] == "双")


def _is_count(s: str, measure: frozenset) -> bool:
    """三所幼儿园, 两个项目, 一个百分点: a numeral followed by a measure word."""
    m = re.match(f"^[{NUM}]+(个)?(.*)$", s)
    if not m:
        return False
    rest = m.group(2)
    if any(rest.startswith(w) for w in measure):
        return True
    return False


def numbered_shape(s: str, quoted: bool) -> bool:
    """Whether ``s`` (without quotes) looks like a numbered slogan."""
    measure, not_slogan, idiom, _ = tables()
    if not s or len(s) > 14 or s in not_slogan or s in idiom:
        return False
    if s.startswith("第") or _PERIOD.match(s) or _DURATION.match(s):
        return False
    if re.search(r"[，,。；;：:!！?？]", s):
        return False
    lead = re.match(f"^.{{0,2}}?([{NUM}]+|双)", s)
    if not lead:
        return False
    groups = re.findall(f"[{NUM}]+|双", s)
    core = s[lead.start(1):]
    if lead.group(1) == "一" and len(groups) < 2 and not re.match(f"^一(个|大)", core):
        return False  # 一站式, 一卡通, 一次不跑: not numbered
    if not quoted:
        return False
    if _is_count(core, measure) and len(groups) < 2 and not core.endswith(("零", "率")):
        return False
    return True


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


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
    """All slogan mentions in ``text`` outside the ``skip`` ranges."""
    measure, not_slogan, idiom, heads = tables()
    out: list[Mention] = []
    taken: list[tuple[int, int]] = list(skip)

    def add(m: Mention) -> None:
        if not _overlaps(taken, m.start, m.end):
            out.append(m)
            taken.append((m.start, m.end))

    # 1. quoted forms
    for q in _QUOTED.finditer(text):
        content, cs = q.group(1), q.start(1)
        if _overlaps(skip, cs, q.end(1)):
            continue
        parts = [(content, 0)]
        if "、" in content:
            pieces, off = [], 0
            for p in content.split("、"):
                pieces.append((p, off))
                off += len(p) + 1
            if all(p in known or numbered_shape(p, True) for p, _ in pieces):
                parts = pieces
        for part, off in parts:
            s = cs + off
            if part in not_slogan:
                continue
            if part in known:
                end = s + len(part)
                head_end = _head_after(text, q.end(), known, part) if INCOMPLETE.match(part) else q.end()
                if head_end > q.end():
                    add(Mention(part + text[q.end():head_end], s, head_end, "known", True))
                else:
                    add(Mention(part, s, end, "known", True))
                continue
            joined = _split_joined(part, known)
            if joined:
                for name, o in joined:
                    add(Mention(name, s + o, s + o + len(name), "known", True))
                continue
            if _CODE.match(part):
                add(Mention(part, s, s + len(part), "code", True))
                continue
            if INCOMPLETE.match(part):
                head_end = _head_after(text, q.end(), known, part)
                if head_end > q.end():
                    name = part + text[q.end():head_end]
                    add(Mention(name, s, head_end, "known" if name in known else "numbered", True))
                    continue
            if numbered_shape(part, True) or (part.startswith("双") and 2 <= len(part) <= 5):
                add(Mention(part, s, s + len(part), "numbered", True))

    # 2. known surfaces anywhere (joined forms fall out of the left-to-right scan)
    rx = _known_regex(k for k in known if k not in quoted_only)
    if rx is not None:
        for m in rx.finditer(text):
            s, e = m.span()
            if s > 0 and text[s - 1] in _NOT_BEFORE and _numeral_start(m.group()):
                continue
            add(Mention(m.group(), s, e, "known", False))

    # 3. unquoted shapes: N大 + head, several numeral groups, digit codes
    head_alt = "|".join(re.escape(h) for h in heads)
    for m in re.finditer(f"([{NUM}]+)大([\u4e00-\u9fff]{{0,4}}?)(?:{head_alt})", text):
        s, e = m.span()
        if s > 0 and text[s - 1] in _NOT_BEFORE:
            continue
        if m.group(0) in not_slogan:
            continue
        add(Mention(m.group(0), s, e, "numbered", False))
    for m in _MULTI.finditer(text):
        s, e = m.span()
        form = m.group(0)
        if (s > 0 and text[s - 1] in _NOT_BEFORE) or form in idiom or form in not_slogan:
            continue
        groups = re.findall(f"[{NUM}双]", form)
        if set(groups) == {"一"} or len(form) < 4:
            continue
        stems = re.split(f"[{NUM}双]", form)[1:]
        if any(st[:1] in measure or st in measure for st in stems):
            continue
        if any(form.startswith(i) or i in form for i in idiom):
            continue
        add(Mention(form, s, e, "numbered", False))
    for m in _CODE_UNQUOTED.finditer(text):
        add(Mention(m.group(0), m.start(), m.end(), "code", False))

    out.sort(key=lambda m: m.start)
    return out


INCOMPLETE = re.compile(f"^[{NUM}]+[大型个项类化条张]?$")
