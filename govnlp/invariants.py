"""What every Report keeps, whatever the input: checks used by the fuzz tests and benchmarks/fuzz.py.

:func:`violations` returns human-readable breaches of the contract (an empty list when the
Report is sound): offsets inside the text, sections nested without overlapping siblings, a
lossless ``to_dict``/``from_dict`` and JSON round trip, the JSON Schema, UTF-8-encodable JSON
without NaN/Infinity, and an offset map of the right length.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .report import Report


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(resources.files("govnlp.data").joinpath("report.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _spans(report: Report) -> Iterator[tuple[str, int, int]]:
    """Every ``(what, start, end)`` range a Report holds."""
    for s in report.sections:
        yield f"section {s.id}", s.start, s.end
        if s.body_start is not None:
            yield f"section {s.id} body_start", s.start, s.body_start
    for k, ind in enumerate(report.indicators):
        yield f"indicator {k} sentence", ind.sentence[0], ind.sentence[1]
        for role, span in ind.spans.items():
            if span is not None:
                yield f"indicator {k} {role}", span[0], span[1]
    for k, s in enumerate(report.slogans):
        yield f"slogan {k}", s.start, s.end
    for k, t in enumerate(report.tasks):
        yield f"task {k}", t.start, t.end
    for k, b in enumerate(report.boilerplate):
        yield f"boilerplate {k}", b.start, b.end
    for k, g in enumerate(report.glossary):
        yield f"glossary {k}", g.start, g.end
    for k, f in enumerate(report.footnotes):
        yield f"footnote {k}", f.start, f.end


def offset_violations(report: Report) -> list[str]:
    """Ranges that are reversed or fall outside ``report.text``."""
    n = len(report.text)
    return [f"{what} [{s}, {e}) outside 0..{n}" for what, s, e in _spans(report)
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n)]


def nesting_violations(report: Report) -> list[str]:
    """Sections out of pre-order, outside their parent, or overlapping a sibling."""
    out = []
    secs = report.sections
    children: dict = {}
    for i, s in enumerate(secs):
        if s.id != i:
            out.append(f"section at position {i} has id {s.id}")
            continue
        if s.parent is not None:
            if not (0 <= s.parent < i):
                out.append(f"section {i} has parent {s.parent} (not an earlier section)")
                continue
            p = secs[s.parent]
            if not (p.start <= s.start and s.end <= p.end):
                out.append(f"section {i} [{s.start}, {s.end}) is outside its parent {p.id} [{p.start}, {p.end})")
            if s.level <= p.level:
                out.append(f"section {i} has level {s.level}, not below its parent's {p.level}")
        children.setdefault(s.parent, []).append(s)
    for parent, kids in children.items():
        kids = sorted(kids, key=lambda x: (x.start, x.end))
        for a, b in zip(kids, kids[1:]):
            if b.start < a.end:
                out.append(f"sibling sections {a.id} [{a.start}, {a.end}) and {b.id} [{b.start}, {b.end}) overlap")
    return out


def serialisation_violations(report: Report) -> list[str]:
    """Round trips, schema and JSON problems."""
    out = []
    d = report.to_dict()
    errors = sorted(_validator().iter_errors(d), key=lambda e: list(e.path))
    out.extend(f"schema: {'/'.join(map(str, e.path))}: {e.message[:200]}" for e in errors[:5])
    try:
        js = report.to_json()
        js.encode("utf-8")
    except (ValueError, UnicodeError) as exc:
        out.append(f"to_json: {type(exc).__name__}: {exc}"[:300])
        return out
    if Report.from_dict(d).to_dict() != d:
        out.append("to_dict/from_dict round trip changes the dict")
    if Report.from_json(js).to_dict() != json.loads(js):
        out.append("to_json/from_json round trip changes the dict")
    if report.raw_map and len(report.raw_map) != len(report.text) + 1:
        out.append(f"raw_map has {len(report.raw_map)} entries for {len(report.text)} characters")
    elif report.raw_map and report.raw_text is not None:
        hi = len(report.raw_text)
        if any(not (0 <= r <= hi) for r in report.raw_map):
            out.append("raw_map points outside the raw text")
    return out


def violations(report: Report) -> list[str]:
    """Every breach of the Report contract found in ``report`` (empty when it is sound)."""
    return offset_violations(report) + nesting_violations(report) + serialisation_violations(report)
