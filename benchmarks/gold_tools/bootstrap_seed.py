"""Draft an annotated source for a seed: the raw text with candidate markup to be checked by hand.

    python benchmarks/gold_tools/bootstrap_seed.py seeds/003_2765e964e35d9ca5.txt seed-003 dev > benchmarks/gold_src/seed_003.txt

Sections and tasks come from the govnlp pipeline as it was then (mapped back to raw offsets),
quantities from a deliberately simple regex. The draft is never used as gold unreviewed: every
line is read and corrected in the source file, which then is the gold.
"""
from __future__ import annotations

import re
import sys

UNITS = ("亿美元 万美元 美元 万亿元 亿元 千万元 百万元 万元 元 万人次 人次 万余人 万人 人 名 万户 户 家 个 项 件 条 所 座 套 场 批 台 辆 "
         "次 万亩 亩 公顷 万平方米 平方米 平方公里 平方千米 公里 千米 米 立方米 万吨 吨 万千瓦 千瓦时 千瓦 标准箱 岁 天 张 栋 间 处 "
         "支 期 篇 位 例 起 只 头 株 棵 公斤 千克 部 本 册 种 款 斤 盏 根 块 辆 艘 架 宗 单 对 组 队 门 所 区 村 镇 园 校 "
         "微克/立方米 ‰").split()
UNITS = sorted(set(UNITS), key=len, reverse=True)
UNIT_RE = "|".join(re.escape(u) for u in UNITS)
NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN = r"[一二两三四五六七八九十百千零]+(?:[万亿]+[一二两三四五六七八九十百千零]*)*"
VALUE_RE = re.compile(
    rf"(?<![\dA-Za-z.第])(?:{NUM}\s?(?:[十百千万亿]+)?(?:余|多)?(?:[万亿])?(?:%|％|{UNIT_RE})"
    rf"|{CN}[余多]?[万亿]+(?:{UNIT_RE}))")
CHANGE_RE = re.compile(
    rf"(?:增长|下降|增加|减少|提高|提升|上升|降低|回落|收窄|上涨|下滑|增長|減少|提升|降低|增加)(?:了)?\s?"
    rf"(?:-?{NUM}\s?(?:%|％|个百分点|個百分點|倍)|{NUM}\s?(?:[万亿])?(?:{UNIT_RE}))")
STOP_LEFT = "，。；：、\n（）()！？|“”,;:"
STRIP_PREFIX = ("全区", "全市", "全省", "全县", "全国", "我区", "我市", "本区", "辖区", "全年", "上半年", "今年",
                "累计", "其中", "实现", "完成", "同比", "共", "全區", "全年", "區")
STRIP_SUFFIX = ("实现", "完成", "达到", "达", "为", "突破", "累计", "共", "约", "近", "超", "超过", "总计",
                "增长", "同比", "实現", "達到", "達", "完成", "分别", "分別", "至", "到", "增至", "提高到", "提升至", "稳定在",
                "保持在", "控制在", "降至", "降到", "占")


def guess_name(text: str, start: int) -> tuple[int, int] | None:
    i = start
    while i > 0 and text[i - 1] not in STOP_LEFT and start - i < 24:
        i -= 1
    a, b = i, start
    changed = True
    while changed and a < b:
        changed = False
        for p in STRIP_PREFIX:
            if text.startswith(p, a) and a + len(p) < b:
                a += len(p)
                changed = True
        for s in STRIP_SUFFIX:
            if text[a:b].endswith(s) and b - len(s) > a:
                b -= len(s)
                changed = True
    if b - a < 2 or re.fullmatch(r"[\d.年月日上下半\s]+", text[a:b]):
        return None
    return a, b


def main(path: str, doc_id: str, split: str) -> None:
    sys.path.insert(0, ".")
    import govnlp
    from govnlp.io import read_source

    raw = read_source(path=path).text
    sys.path.insert(0, "benchmarks/gold_tools")
    from build_gold import _t2s
    ptext = _t2s(raw)  # simplified shadow of the same length: the regexes read this one
    rep = govnlp.parse_report(path=path, indicators="none", slogans=False)
    inserts: list[tuple[int, int, str]] = []  # (pos, order, string)

    def add(a: int, b: int, tag: str, order: int = 0) -> None:
        if b <= a:
            return
        # events at one position: closes first (inner before outer), then opens (outer first)
        inserts.append((a, (1, -b, order), "⟦" + tag + " "))
        inserts.append((b, (0, -a, -order), "⟧"))

    # sections: heading = marker + title, in raw coordinates
    for s in rep.sections:
        head_end_norm = rep.text.find(s.title, s.start) + len(s.title) if s.title else s.start + len(s.marker or "")
        a, _ = rep.raw_offsets(s.start, s.start + 1)
        _, b = rep.raw_offsets(head_end_norm - 1, head_end_norm)
        add(a, b, f"S{s.level}.{s.function}.{s.topic}", order=0)
        if s.marker:
            ma, mb = rep.raw_offsets(s.start, s.start + len(s.marker))
            add(ma, mb, "m", order=1)
    # tasks: whole item; lead/support units are left to the reviewer, drafted as directives
    for t in rep.tasks:
        a, b = rep.raw_offsets(t.start, t.end)
        add(a, b, f"T{t.number}", order=2)
        for u in t.lead:
            k = raw.find(u, a, b)
            if k >= 0:
                add(k, k + len(u), "L", order=3)
        for u in t.support:
            k = raw.find(u, a, b)
            if k >= 0:
                add(k, k + len(u), "U", order=3)
    # quantities
    n = 0
    taken = []
    for m in CHANGE_RE.finditer(ptext):
        taken.append((m.start(), m.end(), "c"))
    for m in VALUE_RE.finditer(ptext):
        if any(a < m.end() and m.start() < b for a, b, _ in taken):
            continue
        after = ptext[m.end():m.end() + 1]
        if after in "年月日号届":
            continue
        taken.append((m.start(), m.end(), "v"))
    taken.sort()
    last_v = None  # (id, clause_end)
    for a, b, kind in taken:
        clause_start = max(ptext.rfind(ch, 0, a) for ch in "。；\n")
        if kind == "c" and last_v and last_v[1] > clause_start and last_v[2] == "v":
            iid = last_v[0]
            last_v = (iid, b, "c")
        else:
            n += 1
            iid = str(n)
            nm = guess_name(ptext, a)
            if nm:
                add(nm[0], nm[1], f"n{iid}", order=4)
            last_v = (iid, b, kind)
        add(a, b, f"{kind}{iid}", order=4)

    # drop spans that cross an earlier-added one (sections/tasks first, then quantities, names)
    pairs = [(inserts[i], inserts[i + 1]) for i in range(0, len(inserts), 2)]
    kept = []
    for o, c in pairs:
        a, b = o[0], c[0]
        if any((x < a < y < b) or (a < x < b < y) for (x, y) in ((k[0][0], k[1][0]) for k in kept)):
            continue
        kept.append((o, c))
    inserts = [e for pair in kept for e in pair]
    inserts.sort(key=lambda x: (x[0], x[1]))
    out = []
    prev = 0
    for pos, _, s in inserts:
        out.append(raw[prev:pos])
        out.append(s)
        prev = pos
    out.append(raw[prev:])
    body = "".join(out)
    head = [f"@@id {doc_id}", f"@@split {split}", f"@@text_from {path}",
            f"@@info.source seed {path.split('/')[-1]}",
            "@@annotated meta sections indicators slogans tasks"]
    head += [f"@@meta.{k} {v if v is not None else 'null'}" for k, v in rep.meta.to_dict().items()]
    print("\n".join(head))
    # keep directive lines out of the text: the body never starts a line with @@
    print(body)


if __name__ == "__main__":
    main(*sys.argv[1:4])
