"""Apply the name rule for work verbs (docs/annotation.md 2.3) to annotated sources.

A verb that makes or changes the counted thing belongs to a count's name when it stands right
before it (改造老旧小区36个 -> 改造老旧小区); a verb that carries out or reports work does not
(开展招聘活动66场 -> 招聘活动, when three characters or more remain); money never keeps a verb,
a beneficiary or a time or scope word in front (发放创业担保贷款2.3亿元 -> 创业担保贷款; 为企业减负 ->
减负; 年度投资 -> 投资), with the linker's own exceptions (到位资金, 减免). The verbs are the ``making``, ``action`` and ``manner``
words of govnlp/data/name_verbs.tsv. This script moves such verbs into or out of the ``⟦n…⟧``
span of a non-money indicator whose name has no ``name=`` override, and prints only how many
spans it changed per file, so it can be run over held-out sources without showing their text.

    python benchmarks/gold_tools/conform_names.py benchmarks/gold_src/*.txt            # dry run
    python benchmarks/gold_tools/conform_names.py --apply benchmarks/gold_src/*.txt
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import build_gold  # noqa: E402
from build_gold import CLOSE, OPEN, parse_source  # noqa: E402

from govnlp.indicators.linker import money_name  # noqa: E402
from govnlp.indicators.vocabulary import name_words  # noqa: E402

MONEY_UNITS = {"元", "美元", "欧元", "港元", "日元"}
#: Time and scope words in front of a money name (annotation.md 2.3).
MONEY_FRONT = re.compile(r"全年|当年|年度(?!预算|目标|计划|任务)|各类|各项")


def conform(path: Path) -> tuple[str, int]:
    """The source with work verbs moved into count names, and how many were moved."""
    raw = path.read_text(encoding="utf-8")
    doc = parse_source(path)
    text = doc["text"]
    simple = build_gold._t2s(text)
    overridden = set(re.findall(r"^@@i (\S+) .*\bname=", raw, flags=re.M))
    verbs = sorted(name_words("making"), key=len, reverse=True)
    starts = {}  # text offset of a count name's start -> its indicator is not money
    names = [ind["spans"]["name"] for ind in doc["gold"].get("indicators", []) if ind["spans"].get("name")]
    for ind in doc["gold"].get("indicators", []):
        span = ind["spans"].get("name")
        if span and ind.get("unit") not in MONEY_UNITS and ind.get("value") is not None:
            starts.setdefault(span[0], True)
        elif span:
            starts[span[0]] = False

    def count_names():
        """(markup index, text offset, end of the ⟦n… token) of every count name with no override."""
        for idx, offset, tag in doc["_openings"]:
            if tag.startswith("n") and starts.get(offset) \
                    and not any(i in overridden for i in tag[1:].split(";")[0].split(",")):
                yield idx, offset, raw.index(" ", idx) + 1

    edits = []
    for idx, offset, token_end in count_names():
        verb = next((v for v in verbs if simple[max(0, offset - len(v)):offset] == v), None)
        if verb is None or raw[idx - len(verb):idx] != text[offset - len(verb):offset]:
            continue  # not a plain verb right before the span in the markup (another tag between)
        if any(a < offset and b > offset - len(verb) for a, b in names):
            continue  # the verb is inside another name already (a nested span: 新认定⟦跨国公司⟧)
        edits.append((idx - len(verb), idx, token_end))
    # the other way: a verb that carries out or reports work opens a count's name (开展招聘活动66场)
    actions = sorted(name_words("action"), key=len, reverse=True)
    manners = sorted(name_words("manner"), key=len, reverse=True)
    drops = []
    for idx, offset, token_end in count_names():
        end = next((b for a, b in names if a == offset), None)
        k = 0
        manner = next((m for m in manners if simple.startswith(m, offset)), "")
        verb = next((v for v in actions if simple.startswith(v, offset + len(manner))), None)
        if verb is None or end is None:
            continue
        k = len(manner) + len(verb)
        scope = re.match(r"各类|各项|各种", simple[offset + k:end])
        if scope:
            k += scope.end()
        if end - (offset + k) < 3 or OPEN in raw[token_end:token_end + k] or CLOSE in raw[token_end:token_end + k]:
            continue  # the rule keeps a verb when fewer than three characters would remain
        drops.append((idx, token_end, k))
    # money keeps no verb, beneficiary, time or scope word in front (为企业减负 -> 减负, 年度投资 -> 投资)
    for ind in doc["gold"].get("indicators", []):
        span = ind["spans"].get("name")
        if not span or ind.get("unit") not in MONEY_UNITS:
            continue
        name = simple[span[0]:span[1]]
        cut = 0
        for _ in range(3):
            m = MONEY_FRONT.match(name, cut)
            step = m.end() if m else cut + money_name(name[cut:])
            if step == cut or len(name) - step < 2:
                break
            cut = step
        if not cut:
            continue
        for idx, offset, tag in doc["_openings"]:
            if tag.startswith("n") and offset == span[0] and not any(i in overridden for i in tag[1:].split(";")[0].split(",")):
                token_end = raw.index(" ", idx) + 1
                if OPEN not in raw[token_end:token_end + cut] and CLOSE not in raw[token_end:token_end + cut] \
                        and not any(d[0] == idx for d in drops):
                    drops.append((idx, token_end, cut))
                break
    # a name written as an override (@@i N name=…): the same rules for money, on the name's text
    money_names = {ind["name"] for ind in doc["gold"].get("indicators", []) if ind.get("unit") in MONEY_UNITS}
    renamed = 0

    def rename(m: re.Match) -> str:
        nonlocal renamed
        name = m.group(2)
        if name not in money_names:
            return m.group(0)
        cut = 0
        for _ in range(3):
            f = MONEY_FRONT.match(build_gold._t2s(name), cut)
            step = f.end() if f else cut + money_name(build_gold._t2s(name)[cut:])
            if step == cut or len(name) - step < 2:
                break
            cut = step
        if not cut:
            return m.group(0)
        renamed += 1
        return m.group(1) + name[cut:] + m.group(3)
    # 总量/总数 after a count's name is no part of it (市场主体总量 -> 市场主体)
    tails = []
    for idx, offset, _ in count_names():
        end = next((b for a, b in names if a == offset), None)
        if end is None or end - offset < 4 or simple[end - 2:end] not in ("总量", "总数") \
                or simple[offset:end] == "经济总量":
            continue
        depth, j = 0, raw.index(" ", idx) + 1
        while j < len(raw):
            if raw[j] == OPEN:
                depth += 1
            elif raw[j] == CLOSE:
                if depth == 0:
                    break
                depth -= 1
            j += 1
        if raw[j - 2:j] == text[end - 2:end]:
            tails.append(j)
    for vstart, idx, token_end in sorted(edits, reverse=True):
        verb = raw[vstart:idx]
        raw = raw[:vstart] + raw[idx:token_end] + verb + raw[token_end:]
    for idx, token_end, k in sorted(drops, reverse=True):
        if any(e[1] == idx for e in edits):
            continue
        raw = raw[:idx] + raw[token_end:token_end + k] + raw[idx:token_end] + raw[token_end + k:]
    for j in sorted(tails, reverse=True):
        if any(idx < j < token_end + k for idx, token_end, k in drops) or any(a < j < c for a, _, c in edits):
            continue
        raw = raw[:j - 2] + CLOSE + raw[j - 2:j] + raw[j + 1:]
    raw = re.sub(r"^(@@i \S+ .*?\bname=)(\S+)(.*)$", rename, raw, flags=re.M)  # after the index-based edits
    return raw, len(edits) + len(drops) + renamed + len(tails)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--apply", action="store_true", help="write the files (default: count only)")
    args = ap.parse_args(argv)
    total = 0
    for f in args.files:
        try:
            new, n = conform(f)
        except build_gold.SourceError as e:
            print(f"{f.name}: not parsed ({e.__class__.__name__})")
            continue
        total += n
        if n:
            print(f"{f.name}: {n} name span(s) changed")
            if args.apply:
                f.write_text(new, encoding="utf-8")
    print(f"{total} in all" + ("" if args.apply else " (dry run)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
