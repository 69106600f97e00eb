"""Pre-annotation: govnlp's indicators as editable drafts for Label Studio or doccano, and back.

    govnlp annotate reports/*.txt --out tasks.json --format label-studio   # 1. drafts
    ... correct them in the annotation tool, export its JSON ...
    govnlp annotate --import export.json --out mine.jsonl                   # 2. gold
    govnlp bench --lint --gold mine.jsonl                                    # 3. check
    govnlp train ner --base models/ner --out my-ner --data mine.jsonl        # 4. fine-tune

Every offset is into the **raw** text (the file as read), as in the benchmark format
(docs/annotation.md), so the imported file is a gold file the scorer and trainer read directly.

An indicator is drawn as regions with the labels NAME, VALUE, CHANGE and RANK joined by relations
to its anchor (the VALUE, else the CHANGE, else the RANK region). The anchor carries the reading:
``kind`` (choices), ``period`` (text) and ``reading`` (text: ``name=…; value=…; unit=…; low=…;
high=…; qualifier=…; change=… %; rank=全市 2``). On import the reading is kept where the span it
describes is unchanged; a span the annotator drew or moved is read again from its surface by the
number grammar, so a corrected span needs no typing. Formats: ``label-studio`` (tasks with
``predictions``; the labelling config is written beside them as ``*.label_config.xml``),
``doccano`` (JSONL with entities and relations; readings under ``govnlp``), ``jsonl`` (the
benchmark format itself).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable, Optional

from .errors import Errors, GovnlpError

FORMATS = ("label-studio", "doccano", "jsonl")
ROLES = ("NAME", "VALUE", "CHANGE", "RANK")
LABEL_CONFIG = """<View>
  <Labels name="role" toName="text">
    <Label value="NAME" background="#8fbcd4"/>
    <Label value="VALUE" background="#f4b183"/>
    <Label value="CHANGE" background="#a9d18e"/>
    <Label value="RANK" background="#c9a0dc"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Relations><Relation value="of"/></Relations>
  <Choices name="kind" toName="text" perRegion="true" choice="single">
    <Choice value="actual"/><Choice value="target"/><Choice value="forecast"/>
  </Choices>
  <TextArea name="period" toName="text" perRegion="true" maxSubmissions="1" placeholder="2023, 2023H1, 2021-2025"/>
  <TextArea name="reading" toName="text" perRegion="true" maxSubmissions="1"
            placeholder="name=…; value=…; unit=…; qualifier=…; change=… %"/>
</View>
"""
_NEGATIVE = re.compile(r"下降|减少|降低|回落|收窄|下滑|降幅|缩小|减")


# ---- drafts ------------------------------------------------------------------------------------
def draft_documents(paths: Iterable[str | Path], **parse_options) -> list[dict]:
    """Benchmark-format documents whose indicators are govnlp's output, in raw-text offsets."""
    from .pipeline import parse_report

    docs = []
    for path in paths:
        path = Path(path)
        report = parse_report(path, **parse_options)
        raw = report.raw_text if report.raw_text is not None else report.text
        indicators = []
        for ind in report.indicators:
            d = ind.to_dict()
            d["spans"] = {k: (list(report.raw_offsets(*v)) if v else None) for k, v in d["spans"].items()}
            d.pop("sentence", None), d.pop("section", None), d.pop("source", None)
            indicators.append(d)
        docs.append({"id": path.stem, "text": raw,
                     "gold": {"annotated": ["indicators"], "meta": report.meta.to_dict(), "indicators": indicators},
                     "meta_info": {"source": f"govnlp annotate draft of {path.name}", "notes": "to be corrected"}})
    return docs


def reading_of(ind: dict) -> str:
    """The ``reading`` text of an indicator (see the module docstring)."""
    parts = [f"name={ind.get('name') or ''}"]
    for key in ("value", "low", "high"):
        if ind.get(key) is not None:
            parts.append(f"{key}={_num(ind[key])}")
    parts.append(f"unit={ind.get('unit') or ''}")
    if ind.get("qualifier"):
        parts.append(f"qualifier={ind['qualifier']}")
    ch = ind.get("change")
    if ch:
        parts.append(f"change={_num(ch['value'])} {ch['unit']}")
        if ch.get("basis"):
            parts.append(f"basis={ch['basis']}")
    rank = ind.get("rank")
    if rank:
        parts.append(f"rank={rank['scope']} {rank['position']}")
    return "; ".join(parts)


def _num(x: float) -> str:
    return repr(float(x)).removesuffix(".0") if float(x) == int(float(x)) and abs(x) < 1e15 else repr(float(x))


def parse_reading(text: str) -> dict:
    """Inverse of :func:`reading_of` (unknown keys are ignored; bad numbers raise GovnlpError)."""
    out: dict[str, Any] = {}
    for part in text.split(";"):
        if "=" not in part:
            continue
        key, value = (x.strip() for x in part.split("=", 1))
        try:
            if key in ("value", "low", "high"):
                out[key] = float(value) if value else None
            elif key == "change" and value:
                num, _, unit = value.partition(" ")
                out["change"] = {"value": float(num), "unit": unit.strip() or "%"}
            elif key == "rank" and value:
                scope, _, pos = value.rpartition(" ")
                out["rank"] = {"scope": scope, "position": int(pos)}
            elif key in ("name", "unit", "qualifier", "basis"):
                out[key] = value or None
        except ValueError as exc:
            raise GovnlpError(Errors.E030.format(path="<reading>", reason=f"{key}={value!r} in {text!r} is not a number")) from exc
    return out


def _anchor_role(spans: dict) -> Optional[str]:
    return next((r for r in ("value", "change", "rank", "name") if spans.get(r)), None)


def _regions(doc: dict) -> list[tuple[int, dict, dict]]:
    """(indicator number, {role: [s, e]}, indicator) for the indicators that have a span."""
    out = []
    for k, ind in enumerate((doc.get("gold") or {}).get("indicators", [])):
        spans = {r: v for r, v in (ind.get("spans") or {}).items() if v}
        if ind.get("rank") and ind["rank"].get("span"):
            spans["rank"] = ind["rank"]["span"]
        if spans:
            out.append((k, spans, ind))
    return out


def to_label_studio(docs: list[dict], model_version: str = "govnlp") -> list[dict]:
    """Label Studio tasks with the indicators as ``predictions`` (pre-annotations)."""
    tasks = []
    for n, doc in enumerate(docs):
        text = doc["text"]
        result: list[dict] = []
        for k, spans, ind in _regions(doc):
            anchor = _anchor_role(spans)
            for role, (s, e) in spans.items():
                rid = f"i{k}-{role}"
                value = {"start": s, "end": e, "text": text[s:e]}
                result.append({"id": rid, "from_name": "role", "to_name": "text", "type": "labels",
                               "value": {**value, "labels": [role.upper()]}})
                if role == anchor:
                    result.append({"id": rid, "from_name": "kind", "to_name": "text", "type": "choices",
                                   "value": {**value, "choices": [ind.get("kind") or "actual"]}})
                    result.append({"id": rid, "from_name": "period", "to_name": "text", "type": "textarea",
                                   "value": {"start": s, "end": e, "text": [ind.get("period") or ""]}})
                    result.append({"id": rid, "from_name": "reading", "to_name": "text", "type": "textarea",
                                   "value": {"start": s, "end": e, "text": [reading_of(ind)]},
                                   "meta": {"surfaces": {r: text[a:b] for r, (a, b) in spans.items()},
                                            "reading": reading_of(ind)}})
                else:
                    result.append({"from_id": rid, "to_id": f"i{k}-{anchor}", "type": "relation",
                                   "direction": "right", "labels": ["of"]})
        tasks.append({"id": n + 1, "data": {"text": text, "doc_id": doc["id"],
                                            "meta": (doc.get("gold") or {}).get("meta") or {}},
                      "predictions": [{"model_version": model_version, "result": result}]})
    return tasks


def to_doccano(docs: list[dict]) -> list[dict]:
    """doccano sequence-labelling-with-relations lines; readings under the key ``govnlp``."""
    lines = []
    for doc in docs:
        text = doc["text"]
        entities, relations, readings = [], [], {}
        for k, spans, ind in _regions(doc):
            anchor = _anchor_role(spans)
            ids = {}
            for role, (s, e) in spans.items():
                ids[role] = len(entities) + 1
                entities.append({"id": ids[role], "start_offset": s, "end_offset": e, "label": role.upper()})
            for role, eid in ids.items():
                if role != anchor:
                    relations.append({"id": len(relations) + 1, "from_id": eid, "to_id": ids[anchor], "type": "of"})
            readings[str(ids[anchor])] = {"kind": ind.get("kind") or "actual", "period": ind.get("period"),
                                          "reading": reading_of(ind), "drafted": reading_of(ind),
                                          "surfaces": {r: text[a:b] for r, (a, b) in spans.items()}}
        lines.append({"id": doc["id"], "text": text, "entities": entities, "relations": relations,
                      "govnlp": {"meta": (doc.get("gold") or {}).get("meta") or {}, "readings": readings}})
    return lines


# ---- back to gold --------------------------------------------------------------------------------
def _read_surfaces(text: str, spans: dict, base: dict, roles: Iterable[str] = ("value", "change")) -> dict:
    """Value/change/qualifier read from the span surfaces (for spans drawn or moved by hand)."""
    from .numbers import find_quantities

    out = dict(base)
    roles = set(roles)
    if "value" in roles and not spans.get("value"):
        for key in ("value", "low", "high", "qualifier"):
            out.pop(key, None)
    if "change" in roles and not spans.get("change"):
        out.pop("change", None)
    if spans.get("value") and "value" in roles:
        s, e = spans["value"]
        q = next(iter(find_quantities(text[s:e])), None)
        if q is not None:
            out.update(value=q.value, low=q.low, high=q.high, unit=q.unit or "", qualifier=q.qualifier)
    if spans.get("change") and "change" in roles:
        s, e = spans["change"]
        surface = text[s:e]
        q = next(iter(find_quantities(surface)), None)
        if q is not None and q.value is not None:
            value, unit = q.value, q.unit or "%"
            if unit == "倍":
                value, unit = value * 100, "%"
            if _NEGATIVE.search(surface[: q.num_start]):
                value = -abs(value)
            out["change"] = {"value": value, "unit": unit}
    return out


def _indicator(text: str, spans: dict, kind: Optional[str], period: Optional[str], reading: Optional[str],
               surfaces: Optional[dict], notes: list[str], drafted: Optional[str] = None) -> dict:
    current = {r: text[a:b] for r, (a, b) in spans.items()}
    base = parse_reading(reading) if reading else {}
    changed = {r for r in set(current) | set(surfaces or {}) if (surfaces or {}).get(r) != current.get(r)}
    typed = drafted is not None and reading is not None and reading.strip() != drafted.strip()
    if not reading:
        base = _read_surfaces(text, spans, base)
    elif typed:
        pass  # the annotator edited the reading: what they typed wins, moved spans or not
    elif surfaces is not None and changed:
        base = _read_surfaces(text, spans, base, roles=changed)
        if "name" in changed:
            base["name"] = current.get("name", "")
        notes.append(f"{', '.join(sorted(changed))} span(s) changed: read again from the text {current}")
    name = base.get("name")
    if name is None:
        name = current.get("name", "")
    ch = base.get("change")
    change = None if not ch else {"value": ch["value"], "unit": ch["unit"], "basis": base.get("basis"),
                                  "text": current.get("change", "")}
    rank = base.get("rank")
    if rank is not None:
        rank = {**rank, "text": current.get("rank", "")}
    return {"name": name, "value": base.get("value"), "low": base.get("low"), "high": base.get("high"),
            "unit": base.get("unit"), "qualifier": base.get("qualifier"), "change": change, "rank": rank,
            "kind": kind or "actual", "period": period or None,
            "spans": {r: spans.get(r) for r in ("name", "value", "change")}}


def _components(ids: list[str], edges: list[tuple[str, str]]) -> list[list[str]]:
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _group(text: str, regions: dict[str, tuple[str, list[int]]], edges: list[tuple[str, str]],
           attrs: dict[str, dict], notes: list[str]) -> list[dict]:
    """Indicators from labelled regions (id -> (role, span)), relations and per-region readings."""
    out = []
    for comp in _components(list(regions), edges):
        spans: dict[str, list[int]] = {}
        attr: dict = {}
        for rid in comp:
            role, span = regions[rid]
            if role in spans:
                notes.append(f"two {role.upper()} regions joined into one indicator at {span}; kept the first")
                continue
            spans[role] = span
            attr = attr or attrs.get(rid, {})
        if not ({"value", "change", "rank"} & set(spans)) and "rank=" not in (attr.get("reading") or ""):
            notes.append(f"a NAME region with no number at {spans.get('name')} was skipped")
            continue
        out.append(_indicator(text, spans, attr.get("kind"), attr.get("period"), attr.get("reading"),
                              attr.get("surfaces"), notes, attr.get("drafted")))
    out.sort(key=lambda d: tuple(d["spans"].get(_anchor_role(d["spans"]) or "name") or [0, 0]))
    return out


def from_label_studio(tasks: list[dict]) -> list[dict]:
    """Gold documents from a Label Studio JSON export (the newest annotation of each task, else
    its prediction)."""
    docs = []
    for task in tasks:
        data = task.get("data") or {}
        text = data.get("text")
        if text is None:
            raise GovnlpError(Errors.E030.format(path="<label-studio>", reason=f"task {task.get('id')} has no data.text"))
        annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        source = annotations[-1] if annotations else (task.get("predictions") or [{}])[0]
        notes = [] if annotations else ["not reviewed: imported from the pre-annotation"]
        regions, attrs, edges = {}, {}, []
        for r in source.get("result") or []:
            if r.get("type") == "relation":
                edges.append((r["from_id"], r["to_id"]))
                continue
            v = r.get("value") or {}
            rid = r.get("id")
            if r.get("type") == "labels" and v.get("labels"):
                regions[rid] = (v["labels"][0].lower(), [int(v["start"]), int(v["end"])])
            elif r.get("from_name") == "kind" and v.get("choices"):
                attrs.setdefault(rid, {})["kind"] = v["choices"][0]
            elif r.get("from_name") in ("period", "reading") and v.get("text"):
                attrs.setdefault(rid, {})[r["from_name"]] = v["text"][0] if isinstance(v["text"], list) else v["text"]
                if r.get("from_name") == "reading" and (r.get("meta") or {}).get("surfaces") is not None:
                    attrs[rid]["surfaces"] = r["meta"]["surfaces"]
                    attrs[rid]["drafted"] = r["meta"].get("reading")
        docs.append(_gold_doc(data.get("doc_id") or f"task-{task.get('id')}", text, data.get("meta") or {},
                              _group(text, regions, edges, attrs, notes), notes, "label-studio"))
    return docs


def from_doccano(lines: list[dict]) -> list[dict]:
    """Gold documents from doccano JSONL (entities + relations; readings under ``govnlp``)."""
    docs = []
    for n, line in enumerate(lines):
        text = line["text"]
        extra = line.get("govnlp") or {}
        readings = extra.get("readings") or {}
        regions = {str(e["id"]): (e["label"].lower(), [int(e["start_offset"]), int(e["end_offset"])])
                   for e in line.get("entities") or []}
        edges = [(str(r["from_id"]), str(r["to_id"])) for r in line.get("relations") or []]
        notes: list[str] = []
        docs.append(_gold_doc(str(line.get("id", f"doc-{n + 1}")), text, extra.get("meta") or {},
                              _group(text, regions, edges, readings, notes), notes, "doccano"))
    return docs


def _gold_doc(doc_id: str, text: str, meta: dict, indicators: list[dict], notes: list[str], fmt: str) -> dict:
    gold: dict = {"annotated": ["indicators"], "indicators": indicators}
    if meta:
        gold["meta"] = meta
    return {"id": doc_id, "text": text, "gold": gold,
            "meta_info": {"source": f"govnlp annotate --import ({fmt})", "notes": "; ".join(notes)}}


# ---- files ------------------------------------------------------------------------------------------
def export(docs: list[dict], out: str | Path, fmt: str) -> list[Path]:
    """Write ``docs`` (benchmark format) for an annotation tool; returns the files written."""
    out = Path(out)
    if fmt not in FORMATS:
        raise GovnlpError(Errors.E006.format(name="format", value=fmt, choices=FORMATS))
    if fmt == "label-studio":
        out.write_text(json.dumps(to_label_studio(docs), ensure_ascii=False, indent=1), encoding="utf-8")
        config = out.with_suffix(".label_config.xml")
        config.write_text(LABEL_CONFIG, encoding="utf-8")
        return [out, config]
    lines = to_doccano(docs) if fmt == "doccano" else docs
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), encoding="utf-8")
    return [out]


def import_file(path: str | Path, fmt: Optional[str] = None) -> list[dict]:
    """Gold documents (benchmark format) from an annotation tool's export; the format is guessed
    from the content when not given."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
        stripped = raw.lstrip()
        if fmt is None:
            if stripped.startswith("["):
                fmt = "label-studio"
            else:
                first = json.loads(stripped.splitlines()[0]) if stripped else {}
                fmt = "doccano" if "entities" in first else "jsonl"
        if fmt == "label-studio":
            return from_label_studio(json.loads(raw))
        lines = [json.loads(l) for l in raw.splitlines() if l.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GovnlpError(Errors.E030.format(path=str(path), reason=f"not readable as {fmt or 'JSON'} ({exc})")) from exc
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise GovnlpError(Errors.E030.format(path=str(path), reason=f"unexpected structure ({type(exc).__name__}: {exc})")) from exc
    try:
        return from_doccano(lines) if fmt == "doccano" else lines
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise GovnlpError(Errors.E030.format(path=str(path), reason=f"unexpected structure ({type(exc).__name__}: {exc})")) from exc


def main(argv: Optional[list[str]] = None) -> int:
    """``govnlp annotate``: export pre-annotations, or import corrected ones as gold."""
    import argparse
    import sys

    ap = argparse.ArgumentParser(prog="govnlp annotate", description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="report files to pre-annotate")
    ap.add_argument("--out", required=True, help="tasks file to write (or the gold JSONL with --import)")
    ap.add_argument("--format", choices=FORMATS, default="label-studio")
    ap.add_argument("--import", dest="import_", metavar="EXPORT",
                    help="read a corrected export (format guessed) and write benchmark-format gold to --out")
    ap.add_argument("--indicators", choices=["rules", "model", "hybrid"], default="default")
    args = ap.parse_args(argv)
    if args.import_:
        docs = import_file(args.import_)
        Path(args.out).write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        n = sum(len(d["gold"]["indicators"]) for d in docs)
        print(f"{len(docs)} documents, {n} indicators -> {args.out}; check with: govnlp bench --lint --gold {args.out}",
              file=sys.stderr)
        return 0
    missing = [f for f in args.files if not Path(f).is_file()]
    if not args.files or missing:
        print(f"govnlp annotate: no such file: {', '.join(missing) or '(none given)'}", file=sys.stderr)
        return 1
    docs = draft_documents(args.files, indicators=args.indicators)
    written = export(docs, args.out, args.format)
    print(f"{len(docs)} documents -> {', '.join(map(str, written))}", file=sys.stderr)
    return 0


__all__ = ["FORMATS", "draft_documents", "to_label_studio", "to_doccano", "from_label_studio", "from_doccano",
           "export", "import_file", "reading_of", "parse_reading"]
