"""Turn a sequential annotation spec into an annotated source (for messy seeds).

    python benchmarks/gold_tools/spec_to_source.py benchmarks/gold_src/specs/seed_001.spec > benchmarks/gold_src/seed_001.txt

The raw text is never retyped: every record names surfaces that are looked up in the raw text
in document order (a cursor moves forward), and the markup of build_gold.py is inserted at the
offsets found. Spec lines:

    @@...                          header directive (copied to the top of the source)
    #...                           comment
    RAW seeds/001_x.txt            the raw document
    S 2.review.economy | 一是 | 長三角G60 科創(chuàng)走廊策源地紅利不斷釋放
                                   a heading: marker (may be empty) and title, found from the cursor
    I name | value | change | attrs      an indicator; value or change required; name searched
                                   backwards from the anchor (prefix ">" = after it); attrs:
                                   k=t p=2020 q=… u=… cu=… name=… rank=<surface> rs=<scope>
    G surface                      a slogan mention (expansions: @@slogan directives)
    K t|a|f / P 2020 / B yoy       kind / period / basis default from the next record on
    SKIP surface                   move the cursor past this surface
    END surface                    all sections end before this surface (page footer)
    ENDL level surface             sections of this level and deeper end before this surface
                                   (the paragraph end of an inline 一是…二是… enumeration)
In surfaces, "⏎" stands for a line break and "␣" for a space.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _surf(s: str) -> str:
    return s.strip().replace("⏎", "\n").replace("␣", " ")


class SpecError(Exception):
    pass


def convert(spec_path: str) -> str:
    lines = Path(spec_path).read_text(encoding="utf-8").split("\n")
    header: list[str] = []
    raw = None
    for ln in lines:
        if ln.startswith("RAW "):
            from govnlp.io import read_source
            rel = ln[4:].strip()
            raw = read_source(path=ROOT / rel).text
            header.append(f"@@text_from {rel}")
    if raw is None:
        raise SpecError("no RAW line")
    spans: list[tuple[int, int, str, int]] = []  # start, end, tag, priority (lower = outer)
    line_directives: list[tuple[int, str]] = []
    cursor = 0
    n = 0

    def find(surface: str, start: int, limit: int | None = None) -> int:
        i = raw.find(surface, start)
        if i < 0 or (limit is not None and i > limit):
            ctx = raw[start:start + 80].replace("\n", "⏎")
            raise SpecError(f"not found after {start}: {surface!r}; text there: {ctx!r}")
        return i

    for lineno, ln in enumerate(lines, 1):
        if not ln.strip() or ln.startswith("#") or ln.startswith("RAW "):
            continue
        try:
            if ln.startswith("@@"):
                header.append(ln)
                continue
            kind, _, rest = ln.partition(" ")
            if kind == "S":
                lab, marker, title = [x for x in rest.split("|")]
                marker, title = _surf(marker), _surf(title)
                a = find(marker + title if marker else title, cursor)
                spans.append((a, a + len(marker) + len(title), "S" + lab.strip(), 0))
                if marker:
                    spans.append((a, a + len(marker), "m", 1))
                cursor = a + len(marker)
            elif kind == "I":
                parts = [p for p in rest.split("|")]
                while len(parts) < 4:
                    parts.append("")
                name, value, change, attrs = (_surf(parts[0]), _surf(parts[1]), _surf(parts[2]), parts[3].strip())
                n += 1
                iid = str(n)
                kv = dict(x.split("=", 1) for x in attrs.split()) if attrs else {}
                tagattrs = "".join(f";{k}={v}" for k, v in kv.items() if k not in ("rank", "rs", "name"))
                if value:
                    a = find(value, cursor)
                    spans.append((a, a + len(value), f"v{iid}{tagattrs}", 3))
                    anchor, anchor_end = a, a + len(value)
                if change:
                    c = find(change, anchor_end if value else cursor, (anchor_end + 60) if value else None)
                    spans.append((c, c + len(change), f"c{iid}" + ("" if value else tagattrs), 3))
                    if not value:
                        anchor, anchor_end = c, c + len(change)
                    else:
                        anchor_end = max(anchor_end, c + len(change))
                if not value and not change:
                    raise SpecError("indicator without value or change")
                if name:
                    if name.startswith(">"):
                        nm = name[1:].strip()
                        k = find(nm, anchor, anchor + 80)
                    else:
                        k = raw.rfind(name, max(0, anchor - 120), anchor)
                        if k < 0:
                            raise SpecError(f"name {name!r} not found before {raw[max(0, anchor - 40):anchor]!r}")
                        nm = name
                    spans.append((k, k + len(nm), f"n{iid}", 2))
                if "rank" in kv:
                    rs = _surf(kv["rank"])
                    k = find(rs, max(0, anchor - 40), anchor_end + 60)
                    spans.append((k, k + len(rs), f"r{iid}" + (f";rs={kv['rs']}" if "rs" in kv else ""), 3))
                    anchor_end = max(anchor_end, k + len(rs))
                if "name" in kv:
                    header.append(f"@@i {iid} name={kv['name']}")
                cursor = anchor_end
            elif kind == "G":
                s = _surf(rest)
                a = find(s, cursor)
                spans.append((a, a + len(s), "g", 4))
                cursor = a + len(s)
            elif kind in ("K", "P", "B"):
                line_directives.append((cursor, f"@@{kind.lower()} {rest.strip()}"))
            elif kind == "SKIP":
                s = _surf(rest)
                cursor = find(s, cursor) + len(s)
            elif kind == "ENDL":
                lvl, _, surf = rest.partition(" ")
                s = _surf(surf)
                a = find(s, cursor)
                line_directives.append((a, f"@@end {int(lvl)}"))
                cursor = a
            elif kind == "END":
                s = _surf(rest)
                a = find(s, cursor)
                line_directives.append((a, "@@end"))
                cursor = a
            else:
                raise SpecError(f"unknown record {kind!r}")
        except SpecError as e:
            raise SpecError(f"{spec_path}:{lineno}: {e}") from None

    # directives go on their own line before the line holding their position
    events: list[tuple[int, tuple, str]] = []
    for a, b, tag, pri in spans:
        events.append((a, (1, -b, pri), "⟦" + tag + " "))
        events.append((b, (0, -a, -pri), "⟧"))
    for pos, d in line_directives:
        ls = raw.rfind("\n", 0, pos) + 1
        events.append((ls, (-1, 0, 0), d + "\n"))
    events.sort(key=lambda e: (e[0], e[1]))
    out, prev = [], 0
    for pos, _, s in events:
        out.append(raw[prev:pos])
        out.append(s)
        prev = pos
    out.append(raw[prev:])
    return "\n".join(header) + "\n" + "".join(out)


if __name__ == "__main__":
    try:
        sys.stdout.write(convert(sys.argv[1]))
    except SpecError as e:
        sys.exit(str(e))
