"""The benchmark scorer on hand-made cases, so that a scorer bug cannot flatter us.

Each test builds a gold document and a predicted Report by hand (or from the bundled sample) and
checks the exact figures of docs/annotation.md section 7.
"""
from __future__ import annotations

import copy
import json

import pytest

from govnlp.benchmark.baselines import regex_pipeline
from govnlp.benchmark.cli import main
from govnlp.benchmark.dataset import (GoldDoc, as_dataset, available_splits, check_doc, lint_corpus,
                                      lint_doc, load_split)
from govnlp.benchmark.scorer import (Alignment, bootstrap_ci, explain_document, expansions_equal,
                                     metrics, names_match, norm, score_document, score_pipeline)
from govnlp.report import Indicator, Meta, Rank, Report, Section, Slogan, Task


# ---- helpers -----------------------------------------------------------------------------------
def report_from_gold(doc: GoldDoc, text: str | None = None, shift: int = 0) -> Report:
    """A 'perfect' prediction: the gold records as a Report (offsets moved by ``shift``)."""
    g = copy.deepcopy(doc.gold)
    sections = [Section(id=i, parent=None, level=s["level"], marker=s["marker"], title=s["title"],
                        start=s["start"] + shift, end=s["end"] + shift, function=s["function"],
                        topic=s["topic"]) for i, s in enumerate(g.get("sections", []))]
    indicators = []
    for d in g.get("indicators", []):
        d["spans"] = {k: None if v is None else [v[0] + shift, v[1] + shift] for k, v in d["spans"].items()}
        indicators.append(Indicator.from_dict(d))
    slogans = [Slogan(text=s["text"], start=s["start"] + shift, end=s["end"] + shift,
                      expansion=s["expansion"]) for s in g.get("slogans", [])]
    tasks = [Task(number=t["number"], text="", lead=list(t["lead"]), support=list(t["support"]))
             for t in g.get("tasks", [])]
    return Report(text=doc.text if text is None else text, meta=Meta.from_dict(g.get("meta", {})),
                  sections=sections, indicators=indicators, slogans=slogans, tasks=tasks)


def figures(doc: GoldDoc, report: Report) -> dict:
    return metrics(score_document(doc, report))


@pytest.fixture
def sample() -> GoldDoc:
    return load_split("sample")[0]


TEXT = "全市地区生产总值500亿元，增长6%。城镇新增就业1万人。\n一、工作回顾\n正文。\n二、今年目标\n增长6%左右。"


def gdp_doc(**gold) -> GoldDoc:
    """A tiny gold document over TEXT with the layers given."""
    return GoldDoc(id="t", text=TEXT, gold={"annotated": list(gold), **gold})


def span_of(sub: str, start: int = 0) -> list[int]:
    i = TEXT.index(sub, start)
    return [i, i + len(sub)]


def gdp(**over) -> dict:
    d = {"name": "地区生产总值", "value": 5e10, "low": None, "high": None, "unit": "元",
         "qualifier": None, "change": {"value": 6.0, "unit": "%", "basis": "yoy", "text": "增长6%"},
         "rank": None, "kind": "actual", "period": "2022",
         "spans": {"name": span_of("地区生产总值"), "value": span_of("500亿元"), "change": span_of("增长6%")}}
    d.update(over)
    return d


# ---- the sample gold file -------------------------------------------------------------------
def test_sample_is_well_formed(sample):
    assert check_doc(sample) == []
    assert set(sample.layers) == {"meta", "sections", "indicators", "slogans", "tasks"}


def test_holdout_split_is_loaded_on_its_own_and_in_all():
    from govnlp.benchmark.cli import _parser
    from govnlp.benchmark.dataset import SPLITS

    assert SPLITS == ("train", "dev", "test", "holdout", "realistic")
    holdout = load_split("holdout")
    assert all(d.split == "holdout" for d in holdout)
    every = load_split("all")
    assert {d.id for d in holdout} <= {d.id for d in every}
    assert len(every) == sum(len(load_split(s)) for s in SPLITS)
    assert len({d.id for d in every}) == len(every)  # a document lives in one split only
    assert _parser().parse_args(["--split", "holdout"]).split == "holdout"


@pytest.mark.parametrize("split", available_splits())
def test_every_bundled_gold_line_is_well_formed(split):
    problems = {d.id: check_doc(d) for d in load_split(split)}
    assert {k: v for k, v in problems.items() if v} == {}


def test_perfect_prediction_scores_one(sample):
    f = figures(sample, report_from_gold(sample))
    for key in ("section_f1", "function_acc", "topic_acc", "quantity_f1", "linked_f1", "change_acc",
                "qualifier_acc", "kind_acc", "period_acc", "rank_acc", "slogan_f1", "slogan_acc",
                "meta_acc"):
        assert f[key] == 1.0, key
    assert f["slogan_invented"] == 0
    assert f["task_unit_f1"] is None  # not a task plan: nothing to find and nothing found
    spurious = report_from_gold(sample)
    spurious.tasks = [Task("1", "", ["区政府办"], [])]
    assert figures(sample, spurious)["task_unit_f1"] == 0.0


def test_empty_prediction_scores_zero(sample):
    f = figures(sample, Report(text=sample.text))
    assert f["section_f1"] == f["quantity_f1"] == f["linked_f1"] == f["slogan_f1"] == 0.0
    assert f["quantity_recall"] == 0.0
    assert f["change_acc"] is None and f["function_acc"] is None  # nothing matched to judge
    assert f["meta_acc"] == 0.0


def test_only_annotated_layers_are_scored(sample):
    doc = GoldDoc(sample.id, sample.text, dict(sample.gold, annotated=["indicators"]))
    f = figures(doc, Report(text=sample.text))
    assert f["quantity_f1"] == 0.0
    assert f["section_f1"] is None and f["slogan_f1"] is None and f["meta_acc"] is None


# ---- indicators -------------------------------------------------------------------------------
def test_off_by_one_spans_still_match(sample):
    f = figures(sample, report_from_gold(sample, shift=1))
    assert f["quantity_f1"] == 1.0 and f["section_f1"] == 1.0 and f["slogan_f1"] == 1.0


def test_same_value_at_another_place_does_not_match():
    doc = gdp_doc(indicators=[gdp()])
    far = span_of("增长6%左右")
    pred = Indicator.from_dict(gdp(spans={"name": None, "value": far, "change": None}))
    f = figures(doc, Report(text=TEXT, indicators=[pred]))
    assert f["quantity_f1"] == 0.0


def test_wrong_unit_or_value_does_not_match():
    doc = gdp_doc(indicators=[gdp()])
    assert figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(gdp(unit="美元"))]))["quantity_f1"] == 0.0
    assert figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(gdp(value=5e9))]))["quantity_f1"] == 0.0
    # within the relative tolerance of 1e-6 it matches
    assert figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(gdp(value=5e10 * (1 + 1e-8)))]))["quantity_f1"] == 1.0


def test_wrong_change_sign_costs_change_accuracy():
    doc = gdp_doc(indicators=[gdp()])
    wrong = gdp(change={"value": -6.0, "unit": "%", "basis": "yoy", "text": "增长6%"})
    f = figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(wrong)]))
    assert f["quantity_f1"] == 1.0 and f["change_acc"] == 0.0
    # a change-only record with the wrong sign is not even the same quantity
    only_change = gdp(value=None, spans={"name": None, "value": None, "change": span_of("增长6%")})
    doc2 = gdp_doc(indicators=[only_change])
    wrong2 = dict(only_change, change={"value": -6.0, "unit": "%", "basis": None, "text": ""})
    assert figures(doc2, Report(text=TEXT, indicators=[Indicator.from_dict(wrong2)]))["quantity_f1"] == 0.0
    # a change in percentage points is not a change in percent
    pp = dict(only_change, change={"value": 6.0, "unit": "pp", "basis": None, "text": ""})
    assert figures(doc2, Report(text=TEXT, indicators=[Indicator.from_dict(pp)]))["quantity_f1"] == 0.0


def test_level_without_its_change_is_found_but_change_is_wrong():
    doc = gdp_doc(indicators=[gdp()])
    f = figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(gdp(change=None))]))
    assert f["quantity_f1"] == 1.0 and f["change_acc"] == 0.0


def test_precision_and_recall_count_extra_and_missing():
    jobs = {"name": "城镇新增就业", "value": 10000.0, "low": None, "high": None, "unit": "人",
            "qualifier": None, "change": None, "rank": None, "kind": "actual", "period": "2022",
            "spans": {"name": span_of("城镇新增就业"), "value": span_of("1万人"), "change": None}}
    doc = gdp_doc(indicators=[gdp(), jobs])
    extra = Indicator(name="正文", value=2.0, unit="个", spans={"name": None, "value": [40, 41], "change": None})
    f = figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(gdp()), extra, extra]))
    assert f["quantity_precision"] == pytest.approx(1 / 3)
    assert f["quantity_recall"] == pytest.approx(1 / 2)
    assert f["quantity_f1"] == pytest.approx(0.4)


def test_one_prediction_cannot_match_two_gold_records():
    twice = [gdp(), gdp()]
    doc = gdp_doc(indicators=twice)
    f = figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(gdp())]))
    assert f["quantity_recall"] == 0.5 and f["quantity_precision"] == 1.0


def test_linked_needs_the_name_and_attributes_are_compared():
    doc = gdp_doc(indicators=[gdp(qualifier="approx", kind="target",
                                  rank={"scope": "全市", "position": 2, "text": "居全市第二"})])
    pred = Indicator.from_dict(gdp(name="财政总收入", qualifier=None, kind="actual", period="2021"))
    pred.rank = Rank("全市", 3)
    f = figures(doc, Report(text=TEXT, indicators=[pred]))
    assert f["quantity_f1"] == 1.0 and f["linked_f1"] == 0.0
    assert f["qualifier_acc"] == f["kind_acc"] == f["period_acc"] == f["rank_acc"] == 0.0
    pred.name = "全市地区生产总值"   # a leading scope word is forgiven by both name rules
    assert figures(doc, Report(text=TEXT, indicators=[pred]))["linked_f1"] == 1.0


def test_strict_names_are_the_headline_and_containment_only_counts_as_lenient():
    doc = gdp_doc(indicators=[gdp(name="地区生产总值")])
    pred = Indicator.from_dict(gdp(name="全市实现地区生产总值"))
    f = figures(doc, Report(text=TEXT, indicators=[pred]))
    assert f["linked_f1"] == 0.0 and f["linked_lenient_f1"] == 1.0


def test_target_f1_needs_the_kind():
    doc = gdp_doc(indicators=[gdp(kind="target"), gdp(value=None, kind="actual",
                                                      spans={"name": None, "value": None, "change": span_of("增长6%左右")})])
    pred = [Indicator.from_dict(gdp(kind="target")),
            Indicator.from_dict(gdp(value=None, kind="target",
                                    spans={"name": None, "value": None, "change": span_of("增长6%左右")}))]
    f = figures(doc, Report(text=TEXT, indicators=pred))
    assert f["quantity_f1"] == 1.0
    assert (f["target_precision"], f["target_recall"]) == (0.5, 1.0)


def test_ranges_match_only_ranges():
    rng = {"name": "地区生产总值", "value": None, "low": 6.0, "high": 6.5, "unit": "%", "qualifier": None,
           "change": None, "rank": None, "kind": "target", "period": None,
           "spans": {"name": None, "value": span_of("6%左右"), "change": None}}
    doc = gdp_doc(indicators=[rng])
    assert figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(rng)]))["quantity_f1"] == 1.0
    point = dict(rng, value=6.0, low=None, high=None)
    assert figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(point)]))["quantity_f1"] == 0.0
    open_end = dict(rng, high=None)
    assert figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(open_end)]))["quantity_f1"] == 0.0
    half = dict(rng, high=7.0)
    assert figures(doc, Report(text=TEXT, indicators=[Indicator.from_dict(half)]))["quantity_f1"] == 0.0


@pytest.mark.parametrize("gold,pred,ok", [
    ("地区生产总值", "地区生产总值", True),
    ("规模以上工业增加值", "工业增加值", True),        # contained, more than half as long
    ("一般公共预算收入", "收入", False),                 # too short a part
    ("全市地区生产总值", "地区生产总值", True),          # scope word dropped
    ("“五型”政府14建设", "五型政府建设", True),          # quotes and footnote digits dropped
    ("財政總收入", "财政总收入", True),                  # traditional script
    ("", "", True), ("", "收入", False),
])
def test_name_matching(gold, pred, ok):
    assert names_match(gold, pred) is ok


# ---- sections -------------------------------------------------------------------------------
def _sec(level, title, start_sub, end_sub=None, function="review", topic="general"):
    s = TEXT.index(start_sub)
    e = TEXT.index(end_sub) if end_sub else len(TEXT)
    return {"level": level, "marker": None, "title": title, "start": s, "end": e,
            "function": function, "topic": topic}


def test_sections_extra_missing_and_wrong_level():
    gold = [_sec(1, "工作回顾", "一、", "二、"), _sec(1, "今年目标", "二、", None, "targets")]
    doc = gdp_doc(sections=gold)

    def pred(*secs):
        return Report(text=TEXT, sections=[Section(id=i, parent=None, **s) for i, s in enumerate(secs)])

    assert figures(doc, pred(*gold))["section_f1"] == 1.0
    f = figures(doc, pred(gold[0]))                                    # one missing
    assert (f["section_precision"], f["section_recall"]) == (1.0, 0.5)
    f = figures(doc, pred(*gold, _sec(2, "正文", "正文", "二、")))        # one extra
    assert (f["section_precision"], f["section_recall"]) == (pytest.approx(2 / 3), 1.0)
    f = figures(doc, pred(dict(gold[0], level=2), gold[1]))           # wrong level
    assert f["section_recall"] == 0.5
    f = figures(doc, pred(dict(gold[0], function="tasks", topic="economy"), gold[1]))
    assert f["section_f1"] == 1.0 and f["function_acc"] == 0.5 and f["topic_acc"] == 0.5
    # a wrong end is forgiven only when the title is right
    long_end = dict(gold[0], end=len(TEXT))
    assert figures(doc, pred(long_end, gold[1]))["section_recall"] == 1.0
    assert figures(doc, pred(dict(long_end, title="别的"), gold[1]))["section_recall"] == 0.5
    # a start 10 characters off is another section
    assert figures(doc, pred(dict(gold[0], start=gold[0]["start"] + 10), gold[1]))["section_recall"] == 0.5


# ---- slogans --------------------------------------------------------------------------------
def test_invented_slogan_expansion_is_counted(sample):
    gold = copy.deepcopy(sample.gold)
    gold["slogans"][2]["expansion"] = None          # say the gold does not settle 放管服
    doc = GoldDoc(sample.id, sample.text, gold)
    pred = report_from_gold(sample)                  # gives the standard three items
    f = figures(doc, pred)
    assert f["slogan_f1"] == 1.0
    assert f["slogan_acc"] == pytest.approx(2 / 3) and f["slogan_invented"] == 1
    pred.slogans[0].expansion = ["稳就业", "稳金融"]     # a different list is invented too
    f = figures(doc, pred)
    assert f["slogan_invented"] == 2 and f["slogan_acc"] == pytest.approx(1 / 3)
    pred.slogans[0].expansion = None                # saying "unknown" is not inventing
    assert figures(doc, pred)["slogan_invented"] == 1


def test_expansion_comparison():
    assert expansions_equal(["稳就业", "稳金融"], ["稳金融", "稳就业"])
    assert expansions_equal(["碳达峰", "碳中和"], ["2030年前碳达峰", "2060年前碳中和"])
    assert not expansions_equal(["稳就业", "稳金融"], ["稳就业"])
    assert not expansions_equal(["稳就业", "稳金融"], ["稳就业", "稳就业"])
    assert expansions_equal(None, None) and not expansions_equal(None, [])


# ---- tasks ----------------------------------------------------------------------------------
def test_task_units():
    doc = gdp_doc(tasks=[{"number": "1", "lead": ["区科技局", "高新区管委会"], "support": ["各街道"]},
                         {"number": "2", "lead": ["区发改委"], "support": []}])
    pred = [Task("1", "", ["区科技局"], ["各街道", "高新区管委会"]), Task("3", "", ["区发改委"], [])]
    f = figures(doc, Report(text=TEXT, tasks=pred))
    # triples: gold 4, pred 4, shared 2 (1/lead/区科技局, 1/support/各街道)
    assert f["task_unit_precision"] == 0.5 and f["task_unit_recall"] == 0.5
    assert f["task_f1"] == 0.5



def test_task_numbers_that_restart_under_each_part_are_paired_by_place():
    """（一） under 一、 and （一） under 二、 are two tasks; each is scored against its own units."""
    text = "一、发展\n（一）稳增长。牵头单位：市发改委\n二、民生\n（一）稳就业。牵头单位：市人社局\n"
    first, second = text.index("（一）稳增长"), text.index("（一）稳就业")
    gold = {"annotated": ["tasks"], "tasks": [
        {"number": "（一）", "text": "", "lead": ["市发改委"], "support": [], "start": first, "end": first + 17},
        {"number": "（一）", "text": "", "lead": ["市人社局"], "support": [], "start": second, "end": second + 17}]}
    doc = GoldDoc("restart", text, gold)
    both = [Task("（一）", "", ["市人社局"], [], start=second, end=second + 17),
            Task("（一）", "", ["市发改委"], [], start=first, end=first + 17)]
    f = figures(doc, Report(text=text, tasks=both))
    assert f["task_f1"] == 1.0 and f["task_unit_f1"] == 1.0
    # only the first part found: one task and one unit of two (a number-keyed set said 1.0 and 0.67)
    f = figures(doc, Report(text=text, tasks=both[1:]))
    assert f["task_recall"] == 0.5 and f["task_unit_recall"] == 0.5 and f["task_unit_precision"] == 1.0
    # units swapped between the two parts are wrong, not right by coincidence of number
    swapped = [Task("（一）", "", ["市人社局"], [], start=first, end=first + 17),
               Task("（一）", "", ["市发改委"], [], start=second, end=second + 17)]
    assert figures(doc, Report(text=text, tasks=swapped))["task_unit_f1"] == 0.0

# ---- alignment ------------------------------------------------------------------------------
def test_alignment_of_normalised_text(sample):
    """The pipeline's text lost page chrome and spaces and changed script; offsets still land."""
    chrome = "首页 > 政务公开 > 報告\n"
    gold_text = chrome + sample.text
    gold = copy.deepcopy(sample.gold)
    n = len(chrome)
    for s in gold["sections"] + gold["slogans"]:
        s["start"] += n
        s["end"] += n
    for ind in gold["indicators"]:
        ind["spans"] = {k: None if v is None else [v[0] + n, v[1] + n] for k, v in ind["spans"].items()}
    doc = GoldDoc("aligned", gold_text, gold)
    assert check_doc(doc) == []
    # the prediction is the sample itself (chrome dropped): its offsets are the sample's
    f = figures(doc, report_from_gold(sample))
    assert f["quantity_f1"] == f["section_f1"] == f["slogan_f1"] == 1.0


def test_alignment_maps_spans_through_script_and_spacing():
    gold_text = "總收入 48.7 億元，增長 6.6%。"
    pred_text = "总收入48.7亿元,增长6.6%。"
    a = Alignment(gold_text, pred_text=pred_text)
    assert a.method == "difflib"
    s = pred_text.index("48.7亿元")
    g0, g1 = a.span(s, s + len("48.7亿元"))
    assert gold_text[g0:g1] == "48.7 億元"
    s = pred_text.index("增长6.6%")
    g0, g1 = a.span(s, s + 6)
    assert gold_text[g0:g1] == "增長 6.6%"


def test_alignment_uses_raw_map_when_given():
    gold_text = "ab  cd"
    report = Report(text="abcd", raw_map=[0, 1, 4, 5, 6], raw_text=gold_text)
    a = Alignment(gold_text, report)
    assert a.method == "raw_map" and a.span(2, 4) == (4, 6) and a.span(0, 3) == (0, 5)
    assert Alignment("abc", pred_text="abc").span(1, 2) == (1, 2)


# ---- running pipelines --------------------------------------------------------------------------
def test_a_crashing_pipeline_is_reported_and_scored_empty(sample):
    def crash(text):
        raise RuntimeError("boom")
    r = score_pipeline(crash, [sample])
    assert r["errors"] == [{"id": "sample-001", "error": "RuntimeError: boom"}]
    assert r["quantity_f1"] == 0.0 and r["n_docs"] == 1
    r = score_pipeline(lambda text: "not a report", [sample])
    assert "TypeError" in r["errors"][0]["error"]
    r = score_pipeline(lambda text: Report(text=text, warnings=["[W008] no model; rules only"]), [sample])
    assert r["warnings"] == {"W008": "[W008] no model; rules only"}


def test_regex_baseline_on_the_sample(sample):
    r = score_pipeline(regex_pipeline, [sample], layers=["indicators"])
    # it reads Arabic digits only: 七千余万元 and the 分别 item 6.3% are missed or wrong
    assert 0.0 < r["quantity_recall"] < 1.0
    assert r["section_f1"] is None and r["chars_per_s"] > 0


def test_cli_json_has_every_figure(capsys, sample, tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(sample.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["--json", "--pipeline", "regex", "--gold", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    figs = out["splits"]["mine"]["regex"]
    for key in ("section_f1", "function_acc", "topic_acc", "quantity_f1", "quantity_precision",
                "quantity_recall", "linked_f1", "change_acc", "qualifier_acc", "kind_acc",
                "slogan_acc", "slogan_invented", "task_unit_f1", "chars_per_s", "counts"):
        assert key in figs
    assert main(["--pipeline", "regex", "--split", "all"]) == 0
    table = capsys.readouterr().out
    assert "quantity F1" in table and "split: dev" in table


def test_cli_compares_with_an_earlier_run(capsys, sample, tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(sample.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    old = {"splits": {"mine": {"regex": {"quantity_f1": 0.5}}}}
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    assert main(["--pipeline", "regex", "--gold", str(path), "--compare", str(tmp_path / "old.json")]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("quantity F1"))
    now = score_pipeline(regex_pipeline, [sample], layers=["indicators"])["quantity_f1"]
    assert f"({now - 0.5:+.3f})" in line


def test_as_dataset(sample):
    ds = as_dataset("sample")
    assert ds.num_rows == 1 and json.loads(ds[0]["gold"])["indicators"][0]["unit"] == "元"
    assert norm(" “六稳” ") == "六稳"


def test_meta_region_may_omit_the_province(sample):
    doc = GoldDoc("m", TEXT, {"annotated": ["meta"], "meta": {"region": "江西省上饶市婺源县", "year": 2019}})
    f = figures(doc, Report(text=TEXT, meta=Meta(region="上饶市婺源县", year=2019)))
    assert f["meta_acc"] == 1.0
    f = figures(doc, Report(text=TEXT, meta=Meta(region="婺源县", year=2020)))
    assert f["meta_acc"] == 0.0


def test_explain_lists_what_was_missed_extra_and_wrong():
    doc = gdp_doc(indicators=[gdp()], sections=[_sec(1, "工作回顾", "一、", "二、")])
    pred = Indicator.from_dict(gdp(name="财政收入", qualifier="approx"))
    extra = Indicator(name="正文", value=2.0, unit="个", spans={"name": None, "value": [40, 41], "change": None})
    out = explain_document(doc, Report(text=TEXT, indicators=[pred, extra]))
    assert out["indicators"]["missed"] == [] and len(out["indicators"]["extra"]) == 1
    assert "name '地区生产总值' vs '财政收入'" in out["indicators"]["wrong"][0]
    assert "qualifier None vs approx" in out["indicators"]["wrong"][0]
    assert out["sections"]["missed"] == ["L1 '工作回顾' [%d, %d)" % (TEXT.index("一、"), TEXT.index("二、"))]


def test_lint_flags_qualifier_and_sign_slips():
    text = "收入2200余万元，下降3%。"
    ind = {"name": "收入", "value": 2.2e7, "low": None, "high": None, "unit": "元", "qualifier": None,
           "change": {"value": 3.0, "unit": "%", "basis": None, "text": "下降3%"}, "rank": None,
           "kind": "actual", "period": None,
           "spans": {"name": [0, 2], "value": [2, 9], "change": [10, 14]}}
    doc = GoldDoc("l", text, {"annotated": ["indicators"], "indicators": [ind]})
    hints = lint_doc(doc)
    assert len(hints) == 2 and "'余'" in hints[0] and "positive" in hints[1]
    ind.update(qualifier="more_than", change=dict(ind["change"], value=-3.0))
    assert lint_doc(doc) == []


def test_per_document_figures(sample):
    r = score_pipeline(regex_pipeline, [sample], layers=["indicators"], per_doc=True)
    assert r["documents"]["sample-001"]["quantity_f1"] == r["quantity_f1"]


def test_lint_corpus_finds_a_heading_left_out():
    text = "一、回顾\n——经济平稳。增长5%。\n——2023年1月在大会上\n二、计划\n"
    gold = {"annotated": ["sections"], "sections": [
        {"level": 1, "marker": "一、", "title": "回顾", "start": 0, "end": 31, "function": "review", "topic": "general"},
        {"level": 1, "marker": "二、", "title": "计划", "start": 31, "end": 37, "function": "tasks", "topic": "general"}]}
    hints = lint_corpus([GoldDoc("h", text, gold)])["h"]
    assert len(hints) == 1 and "'——经济平稳。增长5%。'" in hints[0]


def test_lint_corpus_finds_a_slogan_left_out(sample, capsys):
    other = GoldDoc("o", "推进“放管服”改革。", {"annotated": ["slogans"], "slogans": []})
    hints = lint_corpus([sample, other])
    assert list(hints) == ["o"] and "'放管服' at 3" in hints["o"][0]
    from importlib import resources
    path = resources.files("govnlp.benchmark").joinpath("data", "sample.jsonl")
    assert main(["--lint", "--gold", str(path)]) == 0
    assert "0 problem(s)" in capsys.readouterr().out


def test_the_govnlp_pipeline_is_scored_without_errors(sample):
    from govnlp.benchmark.cli import govnlp_pipeline

    r = score_pipeline(govnlp_pipeline("rules"), [sample])
    assert r["errors"] == [] and r["n_docs"] == 1
    assert all(r[k] is not None for k in ("section_f1", "quantity_f1", "linked_f1", "slogan_f1", "meta_acc"))
    assert r["counts"]["quantity_gold"] == 7


def test_bootstrap_intervals():
    from collections import Counter

    good = Counter(docs_indicators=1, quantity_tp=9, quantity_fp=1, quantity_fn=0, quantity_gold=9, quantity_pred=10)
    bad = Counter(docs_indicators=1, quantity_tp=1, quantity_fp=9, quantity_fn=9, quantity_gold=10, quantity_pred=10)
    same = bootstrap_ci([good] * 5, n=50)
    assert same["quantity_f1"][0] == same["quantity_f1"][1] == round(metrics(good)["quantity_f1"], 4)
    mixed = bootstrap_ci([good, bad] * 3, n=200)
    lo, hi = mixed["quantity_f1"]
    assert lo < metrics(good + bad)["quantity_f1"] < hi
    assert mixed["section_f1"] is None   # no section gold at all


def test_norm_drops_pinyin_glosses_left_in_gold_surfaces():
    from govnlp.benchmark.scorer import norm

    assert norm("六穩(wěn)") == norm("六稳") == "六稳"


def test_no_held_out_sentence_is_quoted_in_code_tests_or_lexicons():
    from pathlib import Path

    from govnlp.benchmark.leaks import find_leaks

    leaks = find_leaks(Path(__file__).resolve().parents[1])
    assert not leaks, "\n".join(f"{x.doc_id} in {x.path}: {x.sentence}" for x in leaks[:10])


def test_leak_check_finds_a_quoted_sentence(tmp_path, monkeypatch):
    from govnlp.benchmark import leaks
    from govnlp.benchmark.dataset import GoldDoc

    doc = GoldDoc(id="doc-x", text="标题\n全年新建改造城市道路23条，新增停车泊位4000个。", split="test")
    monkeypatch.setattr("govnlp.benchmark.dataset.load_split", lambda split: [doc] if split == "test" else [])
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text('S = "全年新建改造城市道路 23条，新增停车泊位4000个"\n', encoding="utf-8")
    found = leaks.find_leaks(tmp_path, splits=["test"], paths=["tests"])
    assert [(x.doc_id, x.path) for x in found] == [("doc-x", "tests/test_x.py")]
    assert list(leaks.sentences("短句。")) == []


def test_names_and_formulas_are_everyday_wording_not_quotes():
    from govnlp.benchmark.leaks import sentences

    text = "城镇和农村居民人均可支配收入\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n全区新增市场主体1.2万户。"
    assert list(sentences(text)) == []   # a name, a delivery line, a sentence shorter than 14 characters


def test_the_seeds_view_gathers_the_five_real_reports_from_their_splits():
    seeds = load_split("seeds")
    assert [d.id for d in seeds] == [f"seed-00{k}" for k in range(5)]
    from govnlp.benchmark.dataset import SPLITS

    assert {d.split for d in seeds} <= set(SPLITS)


def test_modes_run_govnlp_once_per_indicator_mode_side_by_side(capsys):
    from importlib import resources

    from govnlp.benchmark.cli import main

    sample = resources.files("govnlp.benchmark").joinpath("data", "sample.jsonl")
    assert main(["--gold", str(sample), "--pipeline", "govnlp", "--modes", "rules,model", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result["splits"]["sample"]) == ["govnlp:rules", "govnlp:model"]
    assert main(["--split", "dev", "--modes", "rules,fast"]) == 2
