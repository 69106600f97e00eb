"""The section classifier: what each section does (function) and what it is about (topic)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govnlp.errors import ModelNotFoundError
from govnlp.report import FUNCTIONS, TOPICS, Meta, Report, Section
from govnlp.sections import (keyword_hint, label_sections, load_model, marker_style, rule_labels)

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "govnlp" / "data" / "report.schema.json"


def outlined(path: Path) -> Report:
    """read -> normalize -> outline -> meta, as the pipeline does before labelling sections."""
    from govnlp.io import read_source
    from govnlp.meta import extract_meta
    from govnlp.normalize import normalize
    from govnlp.outline import add_outline

    norm = normalize(read_source(Path(path)).text)
    report = Report(text=norm.text, raw_map=norm.raw_map, boilerplate=norm.boilerplate)
    add_outline(report)
    report.meta = extract_meta(report)
    return report


def hand_built() -> Report:
    """A small report with its outline written by hand (offsets computed, not guessed)."""
    parts = [
        (1, "一、", "2022年工作回顾", "全区经济稳中有进，地区生产总值增长6%。"),
        (2, "（一）", "产业结构持续优化", "先进制造业集群加快成形。"),
        (2, "（二）", "生态环境明显改善", "空气优良天数比例达到90%。"),
        (1, "二、", "存在的困难和问题", "发展不平衡的问题依然突出。"),
        (1, "三、", "2023年重点工作", "今年着力抓好以下工作。"),
        (2, "（一）", "全力推进乡村振兴", "建设美丽宜居村庄。"),
        (2, "（二）", "全面加强政府自身建设", "坚持依法行政，建设廉洁政府。"),
        (1, None, "注释", "1.六稳：稳就业、稳金融。"),
    ]
    text, sections, stack = "", [], []
    for level, marker, title, body in parts:
        start = len(text)
        text += (marker or "") + title + "\n"
        body_start = len(text)
        text += body + "\n"
        while stack and stack[-1].level >= level:
            stack.pop()
        s = Section(len(sections), stack[-1].id if stack else None, level, marker, title, start, 0,
                    body_start=body_start)
        sections.append(s)
        stack.append(s)
    for i, s in enumerate(sections):  # a section ends where the next one of its level or higher starts
        s.end = next((t.start for t in sections[i + 1:] if t.level <= s.level), len(text))
    return Report(text=text, meta=Meta(doc_type="work_report"), sections=sections)


@pytest.fixture(scope="module")
def seeds():
    return {k: outlined(p) for k, p in (("000", next(ROOT.glob("seeds/000_*.txt"))),
                                         ("003", next(ROOT.glob("seeds/003_*.txt"))))}


def top(report: Report) -> dict[str, Section]:
    return {s.title: s for s in report.sections if s.parent is None}


# ---- keyword hints and rules ---------------------------------------------------------------
@pytest.mark.parametrize("title, field, label", [
    ("2019年主要工作回顾", "function", "review"),
    ("上半年主要工作情况", "function", "review"),
    ("下半年主要工作安排", "function", "tasks"),
    ("2021年主要预期目标", "function", "targets"),
    ("存在的困难和问题", "function", "problems"),
    ("2020年工作的总体要求", "function", "guidance"),
    ("加强政府自身建设", "function", "self_building"),
    ("《政府工作报告》注释", "function", "glossary"),
    ("2023年主要目标和重点工作", "function", "tasks"),   # a mixed part: the larger share
    ("抓实抓细强化疫情防控", "topic", "epidemic"),
    ("完善创新生态，打造转型升级新引擎", "topic", "innovation"),  # the earlier keyword wins a tie
    ("坚持生态优先不动摇", "topic", "ecology"),
])
def test_keyword_hints(title, field, label):
    assert keyword_hint(title, field)[0] == label


def test_marker_styles():
    assert [marker_style(m) for m in ("一、", "（三）", "——", "2.", None)] == \
        ["cn_dun", "cn_paren", "dash", "ar_dot", "none"]


def test_rules_let_children_inherit_unless_they_clearly_differ():
    report = hand_built()
    labels = {s.title: lab for s, lab in zip(report.sections, rule_labels(report))}
    assert labels["产业结构持续优化"][:2] == ("review", "industry")
    assert labels["生态环境明显改善"][:2] == ("review", "ecology")
    assert labels["全力推进乡村振兴"][:2] == ("tasks", "urban_rural")
    assert labels["全面加强政府自身建设"][:2] == ("self_building", "government")
    assert labels["注释"][:2] == ("glossary", "general")
    assert labels["存在的困难和问题"][0] == "problems"


def test_missing_model_falls_back_to_rules_with_a_warning(tmp_path):
    report = hand_built()
    with pytest.raises(ModelNotFoundError):
        load_model(tmp_path / "nothing-here")
    label_sections(report, model=str(tmp_path / "nothing-here"))
    assert any(w.startswith("[W009]") for w in report.warnings)
    assert [s.function for s in report.sections if s.parent is None] == \
        ["review", "problems", "tasks", "glossary"]


# ---- the shipped model on the seeds ---------------------------------------------------------
def test_shipped_model_loads_offline():
    model = load_model()
    meta = model.meta
    assert set(meta["function_labels"]) <= set(FUNCTIONS) and set(meta["topic_labels"]) <= set(TOPICS)
    assert meta["training_data"]["sha256"] and meta["sklearn_version"]


def test_shipped_model_is_scored_by_numpy_without_scikit_learn():
    """Labelling loads scorer.json/.npz; scikit-learn, scipy and skops stay unimported."""
    import subprocess
    import sys

    code = ("import sys, pathlib, govnlp\n"
            "from govnlp.sections import load_model\n"
            "m = load_model()\n"
            "r = govnlp.parse_report(pathlib.Path(sys.argv[1]), indicators='none', slogans=False)\n"
            "assert r.sections and all(s.function for s in r.sections)\n"
            "print(type(m).__name__, sorted(x for x in ('sklearn', 'scipy', 'skops') if x in sys.modules))\n")
    seed = next(ROOT.glob("seeds/003_*.txt"))
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["ExportedSectionModel", "[]"]


def test_numpy_export_agrees_with_the_scikit_learn_model(seeds):
    """Same probabilities (to float rounding) and labels as the skops model on every seed."""
    import numpy as np

    from govnlp.sections import (ExportedSectionModel, _load_skops, _Outline, _parent_rule,
                                 model_dir, rule_details, section_features)

    folder = str(model_dir().resolve())
    exported, fitted = load_model(), _load_skops(folder)
    assert isinstance(exported, ExportedSectionModel)
    assert exported.function_classes == fitted.function_classes
    assert exported.topic_classes == fitted.topic_classes
    n = 0
    for path in sorted(ROOT.glob("seeds/*.txt")):
        report = outlined(path)
        rules, outline = rule_details(report), _Outline.of(report)
        rows = [section_features(report, s, *_parent_rule(rules, s), rule=rules[s.id].as_tuple(),
                                 outline=outline) for s in report.sections]
        for a, b in zip(exported.predict_proba(rows), fitted.predict_proba(rows)):
            assert np.allclose(a, b, rtol=0, atol=1e-9)
            assert (a.argmax(1) == b.argmax(1)).all()
        labelled = []
        for m in (exported, fitted):
            r = outlined(path)
            m.label(r)
            labelled.append([(s.function, s.topic, s.confidence) for s in r.sections])
        assert labelled[0] == labelled[1]
        n += len(rows)
    assert n > 100


def test_a_stale_export_is_not_used(tmp_path):
    """An export made from another model.skops is ignored (the skops model is loaded)."""
    import shutil

    from govnlp.sections import ExportedSectionModel, SectionModel, _load_cached, model_dir

    folder = tmp_path / "m"
    shutil.copytree(model_dir(), folder)
    assert isinstance(_load_cached(str(folder)), ExportedSectionModel)
    spec = json.loads((folder / "scorer.json").read_text("utf-8"))
    spec["source_sha256"] = "0" * 64
    (folder / "scorer.json").write_text(json.dumps(spec), "utf-8")
    _load_cached.cache_clear()
    model = _load_cached(str(folder))
    assert type(model) is SectionModel


def test_char_ngrams_match_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from govnlp.section_scorer import char_ngrams

    for text in ("推进  乡村振兴 ABC", "一", "", "GDP增长6%"):
        analyzer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3)).build_analyzer()
        assert char_ngrams(text, 1, 3) == analyzer(text)


def test_seed_003_top_level(seeds):
    report = seeds["003"]
    label_sections(report)
    assert not any(w.startswith("[W009]") for w in report.warnings)
    parts = top(report)
    assert parts["2019年主要工作回顾"].function == "review"
    assert parts["2020年主要工作"].function == "tasks"
    assert parts["《政府工作报告》注释"].function == "glossary"
    assert report.sections[0].function == "preamble"  # the delivery line and 各位代表 lead-in
    assert {s.topic for s in parts.values()} == {"general"}


def test_seed_003_children(seeds):
    report = seeds["003"]
    label_sections(report)
    by_title = {s.title: s for s in report.sections}
    assert (by_title["紧盯改革开放，发展环境持续优化"].function,
            by_title["紧盯改革开放，发展环境持续优化"].topic) == ("review", "reform_opening")
    assert by_title["抓实抓细强化疫情防控"].topic == "epidemic"
    plan = top(report)["2020年主要工作"]
    for s in report.sections:
        if s.parent == plan.id:
            assert s.function in ("tasks", "self_building"), s.title


def test_seed_000_half_year_report(seeds):
    report = seeds["000"]
    label_sections(report)
    parts = top(report)
    assert parts["上半年主要工作情况"].function == "review"
    assert parts["下半年主要工作安排"].function == "tasks"
    assert report.sections[0].function == "preamble"
    assert report.sections[-1].function == "closing"
    first_half = [s for s in report.sections if s.parent == parts["上半年主要工作情况"].id]
    assert [s.topic for s in first_half][:2] == ["epidemic", "economy"]


def test_every_section_is_labelled_and_fits_the_schema(seeds):
    jsonschema = pytest.importorskip("jsonschema")
    report = seeds["003"]
    label_sections(report)
    for s in report.sections:
        assert s.function in FUNCTIONS and s.topic in TOPICS and 0.0 <= s.confidence <= 1.0
    if SCHEMA.is_file():
        jsonschema.validate(report.to_dict(), json.loads(SCHEMA.read_text("utf-8")))


def test_labelling_twice_gives_the_same_labels(seeds):
    # speed is measured by `govnlp bench --speed` (docs/benchmark.md), not asserted here
    report = seeds["003"]
    label_sections(report)
    first = [(s.function, s.topic) for s in report.sections]
    label_sections(report)
    assert [(s.function, s.topic) for s in report.sections] == first


# ---- training, saving, loading --------------------------------------------------------------
def gold_line(doc_id: str, report: Report, functions: list[str], topics: list[str]) -> str:
    sections = [{"level": s.level, "marker": s.marker, "title": s.title, "start": s.start, "end": s.end,
                 "function": f, "topic": t} for s, f, t in zip(report.sections, functions, topics)]
    return json.dumps({"id": doc_id, "text": report.text,
                       "gold": {"annotated": ["sections"], "sections": sections}}, ensure_ascii=False)


def tiny_gold(tmp_path: Path) -> Path:
    a = hand_built()
    fa = ["review", "review", "review", "problems", "tasks", "tasks", "self_building", "glossary"]
    ta = ["general", "industry", "ecology", "general", "general", "urban_rural", "government", "general"]
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line("tiny-a", a, fa, ta) + "\n", "utf-8")
    return path


def test_train_save_load_round_trip(tmp_path):
    from govnlp.train.sections import SectionTrainArgs, build_data, fit_model

    args = SectionTrainArgs(out=str(tmp_path / "m"), gold=[str(tiny_gold(tmp_path))], dev=[],
                            seeds=[str(next(ROOT.glob("seeds/000_*.txt")))])
    docs, _, _ = build_data(args)
    assert [d.id for d in docs if d.gold] == ["tiny-a"]
    model = fit_model(docs, "lr", c=4.0, weak_weight=0.5)
    model.save(tmp_path / "m")
    loaded = load_model(tmp_path / "m")

    def labels(m):
        report = hand_built()
        m.label(report)
        return [(s.function, s.topic, s.confidence) for s in report.sections]

    assert labels(loaded) == labels(model)
    assert labels(loaded)[0][0] == "review"
    assert (tmp_path / "m" / "scorer.npz").is_file() and type(loaded).__name__ == "ExportedSectionModel"


def test_train_command_writes_model_and_meta(tmp_path):
    from govnlp.train.sections import main

    gold = tiny_gold(tmp_path)
    dev = ROOT / "govnlp" / "benchmark" / "data" / "sample.jsonl"  # 4 gold sections
    out = tmp_path / "sections"
    assert main(["--out", str(out), "--gold", str(gold), "--dev", str(dev), "--seeds",
                 "--candidates", "lr/hybrid", "rules", "--cv-folds", "0"]) == 0
    meta = json.loads((out / "meta.json").read_text("utf-8"))
    assert meta["selected_as"] == "lr/hybrid" and meta["scores"]["rules"]["dev"]["n"] == 4
    assert (out / "model.skops").is_file()


def test_export_only_writes_the_scorer_of_an_existing_model(tmp_path):
    import shutil

    from govnlp.sections import ExportedSectionModel, _load_cached, model_dir
    from govnlp.train.sections import main

    for name in ("model.skops", "meta.json"):
        shutil.copy(model_dir() / name, tmp_path / name)
    assert main(["--out", str(tmp_path), "--export-only"]) == 0
    assert (tmp_path / "scorer.json").is_file() and (tmp_path / "scorer.npz").is_file()
    assert isinstance(_load_cached(str(tmp_path.resolve())), ExportedSectionModel)


def test_ngram_counts_of_many_texts_match_scikit_learn():
    """All texts counted in one pass give CountVectorizer's counts, text by text."""
    from sklearn.feature_extraction.text import CountVectorizer

    from govnlp.section_scorer import _ngram_counts

    texts = ["推进  乡村振兴 ABC", "一", "", "GDP增长6%", "ab\nab  AB", "振兴乡村"]
    cv = CountVectorizer(analyzer="char", ngram_range=(1, 3)).fit(texts + ["振兴", "c a"])
    want = cv.transform(texts).tocoo()
    rows, cols, counts = _ngram_counts(texts, cv.vocabulary_, (1, 3))
    assert sorted(zip(rows.tolist(), cols.tolist(), counts.tolist())) == \
        sorted(zip(want.row.tolist(), want.col.tolist(), want.data.tolist()))


def test_labelling_costs_grow_linearly_with_the_number_of_headings():
    """Issue 12: 10x the headings may cost at most 15x (a ratio in one run, not a time limit)."""
    import gc
    import time

    from govnlp.pipeline import parse_text

    def cost(n: int) -> float:
        report = parse_text("".join(f"一、推动工业经济发展{i}\n（一）加快科技创新\n" for i in range(n)),
                            indicators="none", slogans=False)
        best = float("inf")
        for _ in range(2):
            gc.disable()
            t0 = time.process_time()
            label_sections(report)
            best = min(best, time.process_time() - t0)
            gc.enable()
        return best

    cost(50)
    ratios = []
    for _ in range(3):  # a shared CPU can stall one measurement: the best of three runs counts
        small, large = cost(400), cost(4000)
        ratios.append(large / max(small, 0.02))
        if ratios[-1] <= 15:
            break
    assert min(ratios) <= 15, ratios


def test_a_passage_without_headings_is_one_preamble_and_its_figures_keep_their_own_cues():
    """One section read from the first line mixes review and plan: no review/targets label, so the
    kind of each figure comes from its own words (实现…同比 vs 力争)."""
    from govnlp import parse_report
    r = parse_report("2023年上半年，全区经济稳中有进，实现地区生产总值412.6亿元，同比增长6.1%。\n"
                     "下半年，我们将力争全年固定资产投资增长9%。\n")
    assert [s.function for s in r.sections] == ["preamble"]
    assert [(i.name, i.kind) for i in r.indicators] == [("地区生产总值", "actual"), ("固定资产投资", "target")]
