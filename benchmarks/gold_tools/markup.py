"""Edit annotated sources: drop spans by tag, e.g. the numbered items a draft took for sections.

    python benchmarks/gold_tools/markup.py benchmarks/gold_src/seed_004.txt drop '^S2\\.'
"""
from __future__ import annotations

import re
import sys

OPEN, CLOSE = "⟦", "⟧"


def pairs(src: str) -> list[tuple[int, int, int, str]]:
    """(open_start, open_end, close_pos, tag) for every span of the source."""
    out, stack = [], []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == OPEN:
            j = i + 1
            while src[j] not in " " + OPEN + CLOSE:
                j += 1
            tag = src[i + 1:j]
            if src[j] == " ":
                j += 1
            stack.append((i, j, tag))
            i = j
            continue
        if ch == CLOSE:
            a, b, tag = stack.pop()
            out.append((a, b, i, tag))
        i += 1
    return out


def drop(src: str, pattern: str) -> str:
    rx = re.compile(pattern)
    cuts = []
    for a, b, c, tag in pairs(src):
        if rx.search(tag):
            cuts.append((a, b))
            cuts.append((c, c + 1))
    for a, b in sorted(cuts, reverse=True):
        src = src[:a] + src[b:]
    return src


if __name__ == "__main__":
    path, cmd, pattern = sys.argv[1:4]
    text = open(path, encoding="utf-8").read()
    if cmd == "drop":
        text = drop(text, pattern)
    open(path, "w", encoding="utf-8").write(text)
