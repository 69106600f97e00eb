"""Pre-annotation: drafts out to Label Studio / doccano, corrected files back as gold."""
import json

import pytest

from govnlp import annotate
from govnlp.benchmark.dataset import GoldDoc, check_doc, load_split

SAMPLE = [d.to_dict() for d in load_split("train")[:4]]


def _key(ind: dict) -> tuple:
    ch, rank, spans = ind.get("change"), ind.get("rank"), ind.get("spans") or {}
    return (ind["name"], ind["value"], ind["low"], ind["high"], ind["unit"] or "", ind["qualifier"],
            ch and (ch["value"], ch["unit"]), ind["kind"], ind["period"],
            tuple(tuple(spans[k]) if spans.get(k) else None for k in ("name", "value", "change")),
            rank and (rank["scope"], rank["position"]))


def _drawn(doc: dict) -> list[tuple]:
    return sorted((_key(i) for i in doc["gold"]["indicators"] if any((i.get("spans") or {}).values())), key=str)


@pytest.mark.parametrize("fmt", annotate.FORMATS)
def test_the_round_trip_reproduces_the_gold(tmp_path, fmt):
    out = tmp_path / "tasks.json"
    annotate.export(SAMPLE, out, fmt)
    back = annotate.import_file(out)
    assert [d["id"] for d in back] == [d["id"] for d in SAMPLE]
    for gold, again in zip(SAMPLE, back):
        assert _drawn(again) == _drawn(gold)
        assert check_doc(GoldDoc(again["id"], again["text"], again["gold"])) == []
    if fmt == "label-studio":
        assert (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8").startswith("<View>")


TEXT = "全市地区生产总值完成366.5亿元，增长6.5%；粮食产量下降2.1%。"


def _task(result: list[dict]) -> list[dict]:
    return [{"id": 1, "data": {"text": TEXT, "doc_id": "mine-1"}, "annotations": [{"result": result}]}]


def _region(rid: str, label: str, surface: str) -> dict:
    s = TEXT.index(surface)
    return {"id": rid, "from_name": "role", "to_name": "text", "type": "labels",
            "value": {"start": s, "end": s + len(surface), "text": surface, "labels": [label]}}


def test_a_region_drawn_by_hand_is_read_from_its_surface():
    result = [_region("a", "NAME", "地区生产总值"), _region("b", "VALUE", "366.5亿元"), _region("c", "CHANGE", "增长6.5%"),
              {"from_id": "a", "to_id": "b", "type": "relation"}, {"from_id": "c", "to_id": "b", "type": "relation"},
              _region("d", "NAME", "粮食产量"), _region("e", "CHANGE", "下降2.1%"),
              {"from_id": "d", "to_id": "e", "type": "relation"},
              {"id": "e", "from_name": "kind", "type": "choices", "value": {"choices": ["target"]}}]
    doc = annotate.from_label_studio(_task(result))[0]
    got = [(i["name"], i["value"], i["unit"], i["change"]["value"], i["kind"]) for i in doc["gold"]["indicators"]]
    assert got == [("地区生产总值", 36650000000.0, "元", 6.5, "actual"), ("粮食产量", None, None, -2.1, "target")]


def test_a_moved_span_is_read_again_but_an_untouched_reading_is_kept():
    draft = annotate.to_label_studio([{"id": "x", "text": TEXT, "gold": {"indicators": [
        {"name": "地区生产总值", "value": 36600000000.0, "low": None, "high": None, "unit": "元", "qualifier": None,
         "change": {"value": 6.5, "unit": "%"}, "rank": None, "kind": "actual", "period": "2023",
         "spans": {"name": [2, 8], "value": [10, 16], "change": [18, 24]}}]}}])
    result = draft[0]["predictions"][0]["result"]
    task = [{"id": 1, "data": draft[0]["data"], "annotations": [{"result": result}]}]
    kept = annotate.from_label_studio(task)[0]["gold"]["indicators"][0]
    assert kept["value"] == 36600000000.0 and kept["period"] == "2023"   # the reading, as the annotator left it
    for r in result:                         # the annotator fixes the value span to cover 366.5亿元
        if r.get("id") == "i0-value":
            r["value"].update(start=TEXT.index("366.5"), end=TEXT.index("366.5") + 7)
    fixed = annotate.from_label_studio(task)[0]
    assert fixed["gold"]["indicators"][0]["value"] == 36650000000.0
    assert "read again" in fixed["meta_info"]["notes"]


def test_bad_files_give_a_coded_error(tmp_path):
    from govnlp.errors import GovnlpError

    bad = tmp_path / "export.json"
    bad.write_text("[{\"data\": {}}]", encoding="utf-8")
    with pytest.raises(GovnlpError, match="E030"):
        annotate.import_file(bad)
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(GovnlpError, match="E030"):
        annotate.import_file(bad)


def test_cli_drafts_from_the_pipeline_and_imports_gold_that_lints_clean(tmp_path):
    from pathlib import Path

    from govnlp.benchmark.cli import main as bench
    from govnlp.cli import main

    report = tmp_path / "county_2023.txt"
    report.write_text("示例县2023年政府工作报告\n一、2022年工作回顾\n全县地区生产总值完成231.4亿元，增长5.2%；"
                      "新增城镇就业4200人。\n", encoding="utf-8")
    tasks, gold = tmp_path / "tasks.json", tmp_path / "gold.jsonl"
    assert main(["annotate", str(report), "--out", str(tasks), "--indicators", "rules"]) == 0
    drafted = json.loads(tasks.read_text(encoding="utf-8"))
    labels = [r["value"]["labels"][0] for r in drafted[0]["predictions"][0]["result"] if r["type"] == "labels"]
    assert labels.count("VALUE") == 2 and "CHANGE" in labels
    assert main(["annotate", "--import", str(tasks), "--out", str(gold)]) == 0
    docs = [json.loads(l) for l in gold.read_text(encoding="utf-8").splitlines()]
    assert docs[0]["text"] == report.read_text(encoding="utf-8")
    assert {i["value"] for i in docs[0]["gold"]["indicators"]} == {23140000000.0, 4200.0}
    assert bench(["--lint", "--gold", str(gold)]) == 0
    assert main(["annotate", str(Path(tmp_path / "missing.txt")), "--out", str(tasks)]) == 1


def test_a_reading_the_annotator_typed_wins_over_a_moved_span():
    draft = annotate.to_label_studio([{"id": "x", "text": TEXT, "gold": {"indicators": [
        {"name": "地区生产总值", "value": 36650000000.0, "low": None, "high": None, "unit": "元", "qualifier": None,
         "change": None, "rank": None, "kind": "actual", "period": "2023",
         "spans": {"name": [2, 8], "value": [8, 17], "change": None}}]}}])
    result = draft[0]["predictions"][0]["result"]
    for r in result:                          # the span loses 完成, and the annotator types a qualifier
        if r.get("id") == "i0-value":
            r["value"].update(start=10, end=17)
            if r["from_name"] == "reading":
                r["value"]["text"] = [r["value"]["text"][0] + "; qualifier=at_least"]
    ind = annotate.from_label_studio([{"id": 1, "data": draft[0]["data"], "annotations": [{"result": result}]}])
    got = ind[0]["gold"]["indicators"][0]
    assert (got["value"], got["qualifier"], got["spans"]["value"]) == (36650000000.0, "at_least", [10, 17])
