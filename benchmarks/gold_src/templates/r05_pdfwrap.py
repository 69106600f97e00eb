"""Make r05 look like a PDF copy: hard-wrap its text lines and add page numbers.

The annotated source is written with one paragraph per line
(templates/r05_halfyear_wujiang_2024.unwrapped.txt); this script breaks every body line
after WIDTH visible characters (markup does not count) the way a PDF-to-text copy does,
keeping numbers whole and never starting a line with closing punctuation or a space, and
inserts a page number line ("— 3 —") after every LINES lines where no span is open.
Heading lines (S1 tags, short S2 headings) and the lines before FIRST are left alone.

    python benchmarks/gold_src/templates/r05_pdfwrap.py \
        benchmarks/gold_src/templates/r05_halfyear_wujiang_2024.unwrapped.txt \
        benchmarks/gold_src/r05_halfyear_wujiang_2024.txt 36 24 一、
"""
import re
import sys

HEADER = re.compile(r"⟦[A-Za-z0-9.,;=_\-]+ ")
NO_LINE_START = set(" ，。；：、）,.;:)%”’!?！？")
NUMBER = set("0123456789. ")


def visible(line: str) -> list[tuple[int, str]]:
    """(raw index, char) of the characters of a markup line that are part of the text."""
    out, i = [], 0
    while i < len(line):
        m = HEADER.match(line, i)
        if m:
            i = m.end()
            continue
        if line[i] != "⟧":
            out.append((i, line[i]))
        i += 1
    return out


def cut_points(vis: list[tuple[int, str]], width: int) -> list[int]:
    """Indexes into `vis` before which a line break goes."""
    cuts: list[int] = []
    k = width
    while k < len(vis):
        j = k
        floor = (cuts[-1] if cuts else 0) + 5
        while j > floor:
            c, prev = vis[j][1], vis[j - 1][1]
            if c in NO_LINE_START or (c in NUMBER and prev in NUMBER) or (c.isdigit() and prev in "+-"):
                j -= 1
                continue
            break
        cuts.append(j)
        k = j + width
    return cuts


def wrap(lines: list[str], width: int, per_page: int, first: str) -> list[str]:
    """The wrapped lines with page number lines inserted."""
    res: list[str] = []
    started, depth, count, page = False, 0, 0, 1

    def emit(line: str) -> None:
        nonlocal depth, count, page
        res.append(line)
        if line.startswith("@@"):
            return
        depth += line.count("⟦") - line.count("⟧")
        count += 1
        if started and count >= per_page and depth == 0:
            res.append(f"— {page} —")
            page += 1
            count = 0

    for line in lines:
        if not started and first in line and "⟦S" in line:
            started = True
        vis = visible(line)
        is_heading = "⟦S1" in line or (line.startswith("⟦S2") and line.index("⟧") < 60 and len(vis) < width + 5)
        if line.startswith("@@") or not started or is_heading or len(vis) <= width:
            emit(line)
            continue
        start = 0
        for j in cut_points(vis, width):
            p = vis[j - 1][0] + 1
            while p < len(line) and line[p] == "⟧":
                p += 1
            emit(line[start:p])
            start = p
        emit(line[start:])
    return res


if __name__ == "__main__":
    src, out, w, per, first = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    text = open(src, encoding="utf-8").read().split("\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(wrap(text, w, per, first)))
