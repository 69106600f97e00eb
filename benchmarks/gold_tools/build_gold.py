"""Build govnlp/benchmark/data/{train,dev,test,holdout}.jsonl from the annotated sources.

Sources live in benchmarks/gold_src/*.txt: the document text with inline markup, so offsets are
computed, never typed. Run from the repository root:

    python benchmarks/gold_tools/build_gold.py            # build + validate
    python benchmarks/gold_tools/build_gold.py --review f03 # print every reading of one doc

Markup (see benchmarks/gold_tools/README.md for the full description):
  lines starting with @@ are directives and are not part of the text;
  ⟦TAG content⟧ marks a span (nestable); the brackets and the tag are removed.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).parent))
from quantity import parse_change, parse_rank, parse_value  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "benchmarks" / "gold_src"
OUT = ROOT / "govnlp" / "benchmark" / "data"

FUNCTIONS = ("preamble", "review", "problems", "guidance", "targets", "tasks", "self_building",
             "closing", "glossary", "boilerplate", "other")
TOPICS = ("economy", "industry", "innovation", "reform_opening", "urban_rural", "ecology",
          "livelihood", "governance_safety", "epidemic", "government", "general")
KINDS = {"a": "actual", "t": "target", "f": "forecast", "actual": "actual", "target": "target",
         "forecast": "forecast"}
QUALS = ("approx", "at_least", "more_than", "at_most", "less_than", "nearly")
META_KEYS = ("title", "region", "province", "admin_code", "level", "year", "doc_type", "date")
OPEN, CLOSE = "⟦", "⟧"
# the splits (govnlp.benchmark.dataset.SPLITS); holdout = written after the rules were fixed
SPLITS = ("train", "dev", "test", "holdout", "realistic")


class SourceError(Exception):
    pass


def _num(x: str) -> Optional[float]:
    return None if x in ("null", "None", "") else float(x)


def parse_source(path: Path) -> dict:
    """Render one annotated source into {id, split, text, gold}."""
    raw = path.read_text(encoding="utf-8")
    doc_id = path.stem
    split = None
    meta: dict = {k: None for k in META_KEYS}
    meta["doc_type"] = "work_report"
    out: list[str] = []
    pos = 0
    stack: list[tuple[str, int]] = []
    spans: list[tuple[str, int, int]] = []  # (tag, start, end)
    directives: list[tuple[int, str]] = []  # (text position, directive)
    text_from: Optional[str] = None
    lines = raw.split("\n")
    body_lines = []
    line_starts = []  # where each line starts in the markup (for _openings)
    at = 0
    for line in lines:
        line_starts.append(at)
        at += len(line) + 1
        if line.startswith("@@"):
            body_lines.append(("dir", line[2:]))
        else:
            body_lines.append(("text", line))
    # drop one trailing empty line produced by the final newline
    if body_lines and body_lines[-1] == ("text", ""):
        body_lines.pop()
    openings: list[tuple[int, int, str]] = []  # (markup index of ⟦, text offset, tag)
    first_text = True
    for (kind, line), line_at in zip(body_lines, line_starts):
        if kind == "dir":
            directives.append((pos, line))
            continue
        if not first_text:
            out.append("\n")
            pos += 1
        first_text = False
        i = 0
        while i < len(line):
            ch = line[i]
            if ch == OPEN:
                j = i + 1
                while j < len(line) and line[j] not in " " + OPEN + CLOSE:
                    j += 1
                tag = line[i + 1:j]
                if j < len(line) and line[j] == " ":
                    j += 1
                stack.append((tag, pos))
                openings.append((line_at + i, pos, tag))
                i = j
                continue
            if ch == CLOSE:
                if not stack:
                    raise SourceError(f"{path.name}: unbalanced {CLOSE} near {line[max(0, i-20):i]!r}")
                tag, start = stack.pop()
                spans.append((tag, start, pos))
                i += 1
                continue
            out.append(ch)
            pos += 1
            i += 1
    if stack:
        raise SourceError(f"{path.name}: unclosed tags {stack}")
    text = "".join(out)
    # a simplified shadow of the text (same length) for reading numbers, cue words and qualifiers
    ptext = _t2s(text)

    # ---- directives -------------------------------------------------------
    info: dict = {}
    annotated = ["meta", "sections", "indicators", "slogans", "tasks"]
    ind_attrs: dict[str, dict] = {}
    slogan_exp: dict[str, dict] = {}
    kind_ranges: list[tuple[int, str]] = []
    period_ranges: list[tuple[int, str]] = []
    basis_ranges: list[tuple[int, Optional[str]]] = []
    ends: list[tuple[int, int]] = []
    task_units: dict[str, dict[str, list[str]]] = {}
    default_kind, default_period = "actual", None
    for at, d in directives:
        head, _, rest = d.partition(" ")
        rest = rest.strip()
        if head == "id":
            doc_id = rest
        elif head == "split":
            split = rest
        elif head.startswith("info."):
            key = head[5:]
            info[key] = [x.strip() for x in rest.split(";") if x.strip()] if key == "features" else rest
        elif head == "annotated":
            annotated = rest.split()
        elif head == "text_from":
            text_from = rest
        elif head.startswith("meta."):
            key = head[5:]
            if key not in META_KEYS:
                raise SourceError(f"{path.name}: unknown meta key {key}")
            val = None if rest in ("null", "") else rest
            if key == "year" and val is not None:
                val = int(val)
            meta[key] = val
        elif head == "default":
            for kv in rest.split():
                k, v = kv.split("=", 1)
                if k == "kind":
                    default_kind = KINDS[v]
                elif k == "period":
                    default_period = v
        elif head == "k":
            kind_ranges.append((at, KINDS[rest]))
        elif head == "p":
            period_ranges.append((at, None if rest == "null" else rest))
        elif head == "b":
            basis_ranges.append((at, None if rest in ("null", "auto") else rest))
        elif head == "i":
            iid, *kvs = rest.split()
            attrs = ind_attrs.setdefault(iid, {})
            for kv in kvs:
                k, v = kv.split("=", 1)
                attrs[k] = v
        elif head == "slogan":
            stext, _, exp = rest.partition("=")
            stext = stext.strip()
            exp = exp.strip()
            entry = slogan_exp.setdefault(stext, {})
            entry["expansion"] = None if exp in ("null", "") else [e.strip() for e in exp.split(";") if e.strip()]
        elif head == "slogandef":
            stext, _, definition = rest.partition("=")
            slogan_exp.setdefault(stext.strip(), {})["definition"] = definition.strip() or None
        elif head == "sloganprov":
            stext, _, prov = rest.partition("=")
            slogan_exp.setdefault(stext.strip(), {})["provenance"] = prov.strip() or None
        elif head == "end":
            ends.append((at, int(rest) if rest else 1))
        elif head == "units":  # units of a task given by a 同上 or merged cell: @@units 7 lead=A、B support=C
            tnum, *kvs = rest.split()
            for kv in kvs:
                role, _, names = kv.partition("=")
                if role not in ("lead", "support"):
                    raise SourceError(f"{path.name}: @@units role must be lead or support: {d!r}")
                task_units.setdefault(tnum, {"lead": [], "support": []})[role].extend(names.split("、"))
        elif head == "#" or head == "":
            pass  # comment
        else:
            raise SourceError(f"{path.name}: unknown directive {d!r}")

    def at_pos(ranges, p, default):
        cur = default
        for a, v in ranges:
            if a <= p:
                cur = v
        return cur

    # ---- sections -----------------------------------------------------------
    sec_spans = sorted([s for s in spans if s[0].startswith("S")], key=lambda s: s[1])
    marker_spans = [s for s in spans if s[0] == "m"]
    sections = []
    for tag, start, end in sec_spans:
        parts = tag[1:].split(".")
        if len(parts) != 3:
            raise SourceError(f"{path.name}: section tag {tag!r} must be S<level>.<function>.<topic>")
        level, fn, tp = int(parts[0]), parts[1], parts[2]
        if fn not in FUNCTIONS or tp not in TOPICS:
            raise SourceError(f"{path.name}: bad labels in {tag!r}")
        marker = None
        mstart = None
        for _, ms, me in marker_spans:
            if start <= ms and me <= end:
                marker, mstart = text[ms:me], me
                break
        title = text[(mstart if mstart is not None else start):end].strip()
        sections.append({"id": len(sections), "parent": None, "level": level, "marker": marker,
                         "title": title, "start": start, "end": None, "function": fn, "topic": tp,
                         "_head_end": end})
    # ends: next section with level <= own, or an @@end directive, or the end of the text
    for i, s in enumerate(sections):
        end = len(text)
        for t in sections[i + 1:]:
            if t["level"] <= s["level"]:
                end = t["start"]
                break
        for a, lvl in ends:
            if s["start"] < a < end and s["level"] >= lvl:
                end = a
        # a section ends before the newline that separates it from what follows
        while end > s["start"] and text[end - 1] == "\n":
            end -= 1
        s["end"] = end
        # parent: nearest earlier section with a smaller level that still contains it
        for t in reversed(sections[:i]):
            if t["level"] < s["level"] and t["start"] <= s["start"] < t["end"]:
                s["parent"] = t["id"]
                break
    for s in sections:
        s.pop("_head_end")

    def innermost(p: int) -> Optional[int]:
        best = None
        for s in sections:
            if s["start"] <= p < s["end"] and (best is None or s["level"] >= sections[best]["level"]):
                best = s["id"]
        return best

    def sentence(p: int) -> list[int]:
        s = p
        while s > 0 and text[s - 1] not in "。！？!?\n":
            s -= 1
        e = p
        while e < len(text) and text[e] not in "。！？!?\n":
            e += 1
        if e < len(text) and text[e] in "。！？!?":
            e += 1
        return [s, e]

    # ---- indicators -------------------------------------------------------
    roles: dict[str, dict[str, tuple[int, int]]] = {}
    order: list[str] = []
    for tag, start, end in sorted(spans, key=lambda s: (s[1], -s[2])):
        if not tag or tag[0] not in "nvcr" or len(tag) < 2:
            continue
        role = tag[0]
        idpart, *kvs = tag[1:].split(";")
        for iid in idpart.split(","):
            r = roles.setdefault(iid, {})
            if role in r:
                raise SourceError(f"{path.name}: indicator {iid} has two {role} spans")
            r[role] = (start, end)
            if role != "n" and iid not in order:
                order.append(iid)
            for kv in kvs:
                k, v = kv.split("=", 1)
                ind_attrs.setdefault(iid, {})[k] = v
    for iid, r in roles.items():
        if "v" not in r and "c" not in r:
            raise SourceError(f"{path.name}: indicator {iid} has a name but no value/change")
    unknown = set(ind_attrs) - set(roles)
    if unknown:
        raise SourceError(f"{path.name}: attributes for unknown indicators {sorted(unknown)}")

    indicators = []
    for iid in order:
        r = roles[iid]
        a = ind_attrs.get(iid, {})
        anchor = (r.get("v") or r.get("c"))[0]
        ind = {"name": "", "canonical": a.get("canon"), "value": None, "low": None, "high": None,
               "unit": None, "qualifier": None, "change": None, "rank": None,
               "kind": at_pos(kind_ranges, anchor, default_kind),
               "period": at_pos(period_ranges, anchor, default_period),
               "section": innermost(anchor), "sentence": sentence(anchor),
               "spans": {"name": None, "value": None, "change": None},
               "_id": iid}
        if "n" in r:
            ind["name"] = text[r["n"][0]:r["n"][1]]
            ind["spans"]["name"] = list(r["n"])
        qual = None
        if "v" in r:
            r["v"] = extend_value_span(ptext, r["v"])
            surf = ptext[r["v"][0]:r["v"][1]]
            pv = parse_value(re.sub(r"\s", "", unicodedata.normalize("NFKC", surf)))
            ind.update(value=pv["value"], low=pv["low"], high=pv["high"], unit=pv["unit"])
            qual = pv["qualifier"]
            ind["spans"]["value"] = list(r["v"])
        if "c" in r:
            surf = text[r["c"][0]:r["c"][1]]
            psurf = ptext[r["c"][0]:r["c"][1]]
            pc = parse_change(re.sub(r"\s", "", unicodedata.normalize("NFKC", psurf)))
            basis = a.get("b")
            if basis is None:
                basis = at_pos(basis_ranges, anchor, "auto")
                if basis == "auto":
                    ctx = ptext[max(0, r["c"][0] - 6):r["c"][1]]
                    if "同比" in ctx or "比上年" in ctx or "比去年" in ctx or "比上年同期" in ctx:
                        basis = "yoy"
                    elif "年均" in ctx:
                        basis = "annual_avg"
                    elif "环比" in ctx:
                        basis = "prev_period"
                    elif pc.get("unit") in ("%", "pp") or pc.get("unit"):
                        basis = "yoy"
                    else:
                        basis = None
            if basis == "null":
                basis = None
            if pc.get("low") is not None and "v" not in r:
                # a growth range with no level: the range is the indicator's own low/high
                ind.update(low=pc["low"], high=pc["high"], unit="%" if pc["unit"] == "%" else pc["unit"])
                ind["change"] = None
                ind["_range_change"] = True
                # guideline 2.4: a growth range is a level range; its span is the value span
                ind["spans"]["value"] = list(r["c"])
            else:
                ind["change"] = {"value": pc["value"], "unit": pc["unit"], "basis": basis, "text": surf}
            qual = qual or pc.get("qualifier")
            if not ind.get("_range_change"):
                ind["spans"]["change"] = list(r["c"])
        if "r" in r:
            ind["rank"] = parse_rank(ptext[r["r"][0]:r["r"][1]])
            ind["rank"]["text"] = text[r["r"][0]:r["r"][1]]
        if qual is None:
            qual = context_qualifier(ptext, r.get("v") or r.get("c"))
        ind["qualifier"] = qual
        # explicit overrides
        for k, v in a.items():
            if k == "k":
                ind["kind"] = KINDS[v]
            elif k == "p":
                ind["period"] = None if v == "null" else v
            elif k == "q":
                ind["qualifier"] = None if v == "null" else v
            elif k == "u":
                ind["unit"] = None if v == "null" else v
            elif k == "v":
                ind["value"] = _num(v)
            elif k == "lo":
                ind["low"] = _num(v)
            elif k == "hi":
                ind["high"] = _num(v)
            elif k == "cv":
                ind["change"]["value"] = float(v)
            elif k == "cu":
                ind["change"]["unit"] = v
            elif k == "b":
                if ind["change"] is not None:
                    ind["change"]["basis"] = None if v == "null" else v
            elif k == "name":
                ind["name"] = v
            elif k == "rs":
                ind["rank"]["scope"] = v
            elif k in ("canon",):
                pass
            else:
                raise SourceError(f"{path.name}: unknown indicator attribute {k}={v} ({iid})")
        if ind["qualifier"] not in (None,) + QUALS:
            raise SourceError(f"{path.name}: bad qualifier {ind['qualifier']}")
        indicators.append(ind)
    for ind in indicators:
        for k in ("value", "low", "high"):
            ind[k] = _round(ind[k])
        if ind["change"]:
            ind["change"]["value"] = _round(ind["change"]["value"])
    indicators.sort(key=lambda d: ((d["spans"]["value"] or d["spans"]["change"])[0]))
    for ind in indicators:
        ind.pop("_id")
        ind.pop("_range_change", None)

    # ---- slogans ------------------------------------------------------------
    slogans = []
    for tag, start, end in sorted(spans, key=lambda s: s[1]):
        if tag != "g" and not tag.startswith("g;"):
            continue
        stext = text[start:end]
        info = slogan_exp.get(stext, {})
        exp = info.get("expansion")
        slogans.append({"text": stext, "start": start, "end": end, "expansion": exp,
                        "definition": info.get("definition"),
                        "provenance": info.get("provenance", "lexicon" if exp else None)})
    missing = set(slogan_exp) - {s["text"] for s in slogans}
    if missing:
        raise SourceError(f"{path.name}: slogan expansions given for unmarked slogans {missing}")

    # ---- tasks ------------------------------------------------------------
    tasks = []
    for tag, start, end in sorted(spans, key=lambda s: s[1]):
        if not tag.startswith("T"):
            continue
        number = tag[1:]
        lead = [text[s:e] for t, s, e in sorted(spans, key=lambda x: x[1]) if t == "L" and start <= s and e <= end]
        sup = [text[s:e] for t, s, e in sorted(spans, key=lambda x: x[1]) if t == "U" and start <= s and e <= end]
        inds = [k for k, ind in enumerate(indicators)
                if start <= (ind["spans"]["value"] or ind["spans"]["change"])[0] < end]
        lead += task_units.get(number, {}).get("lead", [])
        sup += task_units.get(number, {}).get("support", [])
        tasks.append({"number": number, "text": text[start:end], "lead": lead, "support": sup,
                      "indicators": inds, "start": start, "end": end})

    for t, s, e in spans:
        if t and t[0] not in "SmnvcrgTLUx":
            raise SourceError(f"{path.name}: unknown tag {t!r}")
    if split not in SPLITS:
        raise SourceError(f"{path.name}: @@split must be one of {'/'.join(SPLITS)}")
    gold = {"meta": meta, "sections": sections, "indicators": indicators, "slogans": slogans,
            "tasks": tasks}
    # layers that are not complete are not written at all (drafts stay in the source only)
    gold = {"annotated": annotated, **{k: v for k, v in gold.items() if k in annotated}}
    return {"id": doc_id, "split": split, "text": text, "gold": gold, "meta_info": info, "_spans": spans,
            "_text_from": text_from, "_task_units": task_units, "_openings": openings}


AFTER_Q = (("左右", "approx"), ("上下", "approx"), ("以上", "at_least"), ("以内", "at_most"),
           ("以下", "at_most"), ("之内", "at_most"))
BEFORE_Q = (("控制在", "at_most"), ("不超过", "at_most"), ("不高于", "at_most"), ("不低于", "at_least"),
            ("不少于", "at_least"), ("超过", "at_least"), ("突破", "at_least"), ("大约", "approx"),
            ("约", "approx"), ("接近", "nearly"), ("近", "nearly"), ("超", "at_least"),
            ("低于", "less_than"), ("逾", "at_least"))


def _bound_word(text: str, i: int, w: str) -> bool:
    """True when the one-character cue at ``i`` is the end of another word (签约, 最近, 赶超)."""
    if len(w) > 1 or i == 0:
        return False
    return text[i - 1] in {"约": "签制节公合预简契条婚", "近": "最附将邻靠亲", "超": "赶高"}.get(w, "")


def context_qualifier(text: str, span) -> Optional[str]:
    """Qualifier words right after (左右, 以上) or right before (约, 超过, 控制在) a quantity."""
    a, b = span
    after = text[b:b + 2]
    for w, q in AFTER_Q:
        if after.startswith(w):
            return q
    before = text[max(0, a - 3):a]
    for w, q in BEFORE_Q:
        if before.endswith(w) and not _bound_word(text, a - len(w), w):
            return q
    return None


SPAN_AFTER = ("左右", "以上", "以内", "以下", "上下", "之内")
SPAN_BEFORE = ("大约", "将近", "接近", "超过", "不到", "不足", "约", "近", "超")


def extend_value_span(text: str, span) -> tuple[int, int]:
    """Guideline 2.3: the value span includes attached qualifier words (约1.2万人, 45万人以上)."""
    a, b = span
    for w in SPAN_AFTER:
        if text.startswith(w, b):
            b += len(w)
            break
    for w in SPAN_BEFORE:
        if text[max(0, a - len(w)):a] == w and not _bound_word(text, a - len(w), w):
            a -= len(w)
            break
    return (a, b)


def _round(x):
    return None if x is None else float(f"{x:.12g}")


def validate(doc: dict) -> list[str]:
    """Every span slices to its stated surface; every label is legal."""
    problems = []
    text, g = doc["text"], {"sections": [], "indicators": [], "slogans": [], "tasks": [], **doc["gold"]}
    n = len(text)
    for s in g["sections"]:
        if not (0 <= s["start"] < s["end"] <= n):
            problems.append(f"section {s['id']} range {s['start']}-{s['end']}")
        head = text[s["start"]:s["end"]]
        if s["marker"] and not head.startswith(s["marker"]):
            problems.append(f"section {s['id']} does not start with its marker {s['marker']!r}")
        if s["title"] and s["title"] not in head[:len(s["title"]) + 12 + len(s["marker"] or "")]:
            problems.append(f"section {s['id']} title {s['title']!r} not at its start")
    for k, ind in enumerate(g["indicators"]):
        for role, sp in ind["spans"].items():
            if sp is not None and not (0 <= sp[0] < sp[1] <= n):
                problems.append(f"indicator {k} {role} span {sp}")
        if ind["spans"]["name"] is not None:
            a, b = ind["spans"]["name"]
            if text[a:b] != ind["name"] and ind["name"][-1:] not in text[a:b]:  # 分别: rebuilt names
                problems.append(f"indicator {k} name {ind['name']!r} != {text[a:b]!r}")
        if ind["change"] is not None:
            a, b = ind["spans"]["change"]
            if text[a:b] != ind["change"]["text"]:
                problems.append(f"indicator {k} change text mismatch")
            if ind["change"]["value"] is None:
                problems.append(f"indicator {k} change without value: {ind['change']['text']!r}")
        if ind["value"] is None and ind["low"] is None and ind["change"] is None:
            problems.append(f"indicator {k} has no quantity: {text[ind['sentence'][0]:ind['sentence'][1]][:40]!r}")
        if ind["spans"]["value"] and ind["value"] is None and ind["low"] is None:
            problems.append(f"indicator {k} value unreadable: {text[slice(*ind['spans']['value'])]!r}")
        if ind["kind"] not in ("actual", "target", "forecast"):
            problems.append(f"indicator {k} kind {ind['kind']}")
    for s in g["slogans"]:
        if text[s["start"]:s["end"]] != s["text"]:
            problems.append(f"slogan {s['text']} offsets")
    for t in g["tasks"]:
        if text[t["start"]:t["end"]] != t["text"]:
            problems.append(f"task {t['number']} offsets")
        given = doc.get("_task_units", {}).get(t["number"], {})  # 同上 / merged cell: elsewhere in the text
        for u in t["lead"] + t["support"]:
            if u not in t["text"] and not (u in given.get("lead", []) + given.get("support", []) and u in text):
                problems.append(f"task {t['number']} unit {u} not in its text")
    return problems


def review(doc: dict) -> None:
    text, g = doc["text"], {"sections": [], "indicators": [], "slogans": [], "tasks": [], **doc["gold"]}
    print(f"== {doc['id']} ({doc['split']}) {len(text)} chars  meta={g['meta']}")
    for s in g["sections"]:
        print(f"  S{s['id']} L{s['level']} p={s['parent']} {s['marker']!r} {s['title'][:30]!r} "
              f"[{s['start']},{s['end']}) {s['function']}/{s['topic']}")
    for k, ind in enumerate(g["indicators"]):
        vs = ind["spans"]["value"]
        v = text[vs[0]:vs[1]] if vs else ""
        ch = ind["change"]
        print(f"  I{k} {ind['name'][:16]!r:20} {v!r:14} -> v={ind['value']} lo={ind['low']} hi={ind['high']} "
              f"u={ind['unit']} q={ind['qualifier']} "
              f"ch={(ch['text'], ch['value'], ch['unit'], ch['basis']) if ch else None} "
              f"r={(ind['rank']['scope'], ind['rank']['position']) if ind['rank'] else None} "
              f"{ind['kind']} {ind['period']} s{ind['section']}")
    for s in g["slogans"]:
        print(f"  G {s['text']} {s['start']} exp={s['expansion']} prov={s['provenance']}")
    for t in g["tasks"]:
        print(f"  T{t['number']} lead={t['lead']} sup={t['support']} inds={t['indicators']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--review", nargs="*", help="print the readings of these doc ids (prefix match)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    docs = []
    bad = 0
    for path in sorted(SRC.glob("*.txt")):
        try:
            doc = parse_source(path)
        except SourceError as e:
            print("ERROR", e)
            bad += 1
            continue
        if doc["_text_from"]:
            sys.path.insert(0, str(ROOT))
            expected = _raw_text(ROOT / doc["_text_from"])
            if expected != doc["text"]:
                import difflib
                a, b = expected, doc["text"]
                sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
                for op in sm.get_opcodes()[:8]:
                    if op[0] != "equal":
                        print("  diff", op, repr(a[op[1]:op[2]][:40]), repr(b[op[3]:op[4]][:40]))
                print(f"WARNING {doc['id']}: text differs from the normalised text of {doc['_text_from']}")
        problems = validate(doc)
        for p in problems:
            print(f"INVALID {doc['id']}: {p}")
        bad += bool(problems)
        docs.append(doc)
        if args.review is not None and any(doc["id"].startswith(r) for r in args.review or [doc["id"]]):
            review(doc)
    if bad:
        print(f"{bad} document(s) with errors; nothing written")
        return 1
    counts = {}
    if not args.no_write:
        OUT.mkdir(parents=True, exist_ok=True)
        for split in SPLITS:
            with open(OUT / f"{split}.jsonl", "w", encoding="utf-8") as f:
                for d in docs:
                    if d["split"] == split:
                        f.write(json.dumps({"id": d["id"], "text": d["text"], "gold": d["gold"],
                                            "meta_info": d["meta_info"]},
                                           ensure_ascii=False) + "\n")
                        counts[split] = counts.get(split, 0) + 1
    for d in docs:
        g = d["gold"]
        print(f"{d['id']:28} {d['split']:5} chars={len(d['text']):6} sec={len(g.get('sections', [])):3} "
              f"ind={len(g.get('indicators', [])):4} slo={len(g.get('slogans', [])):3} "
              f"tasks={len(g.get('tasks', [])):3} annotated={','.join(g['annotated'])}")
    print("written:", counts)
    return 0


def _t2s(text: str) -> str:
    from opencc import OpenCC
    out = OpenCC("t2s").convert(text)
    if len(out) != len(text):  # phrase conversions changed the length: convert char by char
        cc = OpenCC("t2s")
        out = "".join(cc.convert(ch) for ch in text)
    return out


def _raw_text(path: Path) -> str:
    """The seed file decoded to str, unchanged (what a user passes to parse_report)."""
    from govnlp.io import read_source
    try:
        return read_source(path=path).text
    except Exception:  # the reader is not there yet
        return path.read_bytes().decode("utf-8")


def _normalised_text(path: Path) -> str:
    import govnlp
    return govnlp.parse_report(path=path, indicators="none", slogans=False).text


if __name__ == "__main__":
    raise SystemExit(main())
