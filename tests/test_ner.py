"""Indicator NER: labels, character alignment on WordPiece vocabularies, a tiny model end to end."""
from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from govnlp.ner import (LABELS, has_number, load_model, number_sentences, spans_to_tags,  # noqa: E402
                        tags_to_spans)
from govnlp.ner.model import NerModel, align_labels, model_view  # noqa: E402
from govnlp.train.ner import (DataArguments, FitArguments, ModelArguments, fit,  # noqa: E402
                              gold_examples, tokenize_examples)
from govnlp.train.vocab import build_vocab, encode_chars, gb2312_hanzi, make_tokenizer  # noqa: E402

SENTENCE = "全年地区生产总值达到1234.5亿元，增长8.5%，居全省第二。"


def _spans(sentence: str) -> list[tuple[str, int, int]]:
    def at(role, surface):
        i = sentence.index(surface)
        return (role, i, i + len(surface))
    return [at("NAME", "地区生产总值"), at("VALUE", "1234.5亿元"), at("CHANGE", "增长8.5%"),
            at("RANK", "居全省第二")]


def _doc(text: str, spans) -> dict:
    keys = {"NAME": "name", "VALUE": "value", "CHANGE": "change"}
    ind = {"name": "", "spans": {keys[r]: [s, e] for r, s, e in spans if r in keys}, "rank": None}
    rank = [text[s:e] for r, s, e in spans if r == "RANK"]
    if rank:
        ind["rank"] = {"scope": "全省", "position": 2, "text": rank[0]}
    return {"id": "t", "text": text, "gold": {"annotated": ["indicators"], "indicators": [ind]}}


def test_tags_round_trip_and_label_set():
    tags = spans_to_tags(len(SENTENCE), _spans(SENTENCE))
    assert tags[2:4] == ["B-NAME", "I-NAME"]
    assert tags_to_spans(tags) == sorted(_spans(SENTENCE), key=lambda s: s[1])
    assert {"B-NAME", "I-VALUE", "B-CHANGE", "I-RANK", "O"} <= set(LABELS)


def test_number_gate_reads_digits_and_chinese_numerals():
    assert has_number("粮食产量增长5%")
    assert has_number("新增就业三万人")
    assert has_number("排名全省第一")
    assert not has_number("进一步深化改革，统一思想")
    assert [s for s, _ in number_sentences("统一思想。收入增长8%。")] == [5]
    text = "统一思想。收入增长8%。支出下降3%。排名全省第一。"
    asked = []
    kept = number_sentences(text, keep=lambda s, e: asked.append(s) or s != 12)
    assert kept == [(s, e) for s, e in number_sentences(text) if s != 12] and asked == [0, 5, 12, 19]


def test_vocab_holds_gb2312_and_specials():
    hanzi = gb2312_hanzi()
    assert len(hanzi) == 6763 and hanzi[0] == "啊"
    vocab = build_vocab(["镕基𪚥"])
    assert vocab[:5] == ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    assert "镕" in vocab and "%" in vocab and "，" in vocab and "A" in vocab


def test_alignment_on_cjk_wordpiece_vocab_with_unknown_chars():
    # a bert-base-chinese style vocabulary: lower-cased, ## pieces, no 鑫 and no 亿
    pieces = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "g", "d", "p", "增", "长", "5", ".",
              "%", "##5", "鑫", "全", "年"]
    pieces.remove("鑫")
    tok = transformers.BertTokenizerFast(vocab={t: i for i, t in enumerate(pieces)}, do_lower_case=True)
    chars = "GDP增长5.5亿%"
    tags = ["B-NAME", "I-NAME", "I-NAME", "B-CHANGE", "I-CHANGE", "I-CHANGE", "I-CHANGE",
            "I-CHANGE", "I-CHANGE", "I-CHANGE"]
    row = tokenize_examples(tok, [{"chars": chars, "tags": tags}])[0]
    tokens = tok.convert_ids_to_tokens(row["input_ids"])
    assert tokens[0] == "[CLS]" and tokens[-1] == "[SEP]"
    assert tokens[9] == "[UNK]"            # 亿 is unknown but keeps its label
    ids = [LABELS.index(t) for t in tags]
    assert row["labels"] == [-100, *ids, -100]
    # the serving fast path encodes exactly as the tokenizer does
    model = NerModel(transformers.BertForTokenClassification(transformers.BertConfig(
        vocab_size=len(pieces), hidden_size=8, num_hidden_layers=1, num_attention_heads=1,
        intermediate_size=8, num_labels=len(LABELS))), tok)
    ids, _, word_ids = model.encode([chars + " 全年"])
    enc = tok([list(chars + " 全年")], is_split_into_words=True)
    assert ids[0].tolist() == enc["input_ids"][0] and word_ids[0] == enc.word_ids(0)
    # a character split into two sub-tokens: only the first one carries the label
    assert align_labels([None, 0, 1, 1, 2, None], [3, 4, 5]) == [-100, 3, 4, -100, 5, -100]


def test_whitespace_has_no_token_and_is_skipped():
    tok = make_tokenizer(build_vocab([]))
    enc = encode_chars(tok, ["增长 5%"])
    assert enc.word_ids(0) == [None, 0, 1, 3, 4, None]


def test_tiny_model_trains_predicts_and_round_trips(tmp_path):
    texts = [SENTENCE, "一般公共预算收入完成56.7亿元，增长10.2%。", "粮食产量下降3%，居全市第一。"]
    tok = make_tokenizer(build_vocab(texts), tmp_path / "base")
    config = transformers.BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=1,
                                     num_attention_heads=2, intermediate_size=64,
                                     max_position_embeddings=160)
    torch.manual_seed(0)
    transformers.BertForMaskedLM(config).save_pretrained(tmp_path / "base")
    examples = gold_examples([_doc(SENTENCE, _spans(SENTENCE))]) * 8
    assert examples[0]["tags"][2] == "B-NAME" and examples[0]["chars"] == model_view(SENTENCE)
    out = tmp_path / "ner"
    log = fit(ModelArguments(base=str(tmp_path / "base"), out=str(out)), DataArguments(no_silver=True),
              FitArguments(max_steps=25, batch_size=8, lr=5e-3, warmup_steps=0, epochs=1),
              train_examples=examples, dev_examples=examples[:1])
    assert log["steps"] == 25 and log["labels"] == LABELS
    assert log["dev"]["f1"] > 0.5          # it fits the one sentence it saw
    model = load_model(out)
    again = load_model(out)
    probe = [SENTENCE, "财政收入增长7%。" * 30]     # the second one needs several windows
    first = model.predict_tags(probe)
    assert first == again.predict_tags(probe)
    assert len(first[1][0]) == len(probe[1])
    spans = model.predict([SENTENCE])[0]
    assert {s.role for s in spans} <= {"NAME", "VALUE", "CHANGE", "RANK"}


def test_missing_folder_raises_coded_error(tmp_path):
    from govnlp.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match="E007"):
        load_model(tmp_path / "nothing")


# ---- serving: linking roles into indicators and merging with the rules ----------------------
from govnlp.indicators.hybrid import draft_to_indicator, extract_with_model, link_roles, merge  # noqa: E402
from govnlp.ner.model import RoleSpan  # noqa: E402
from govnlp.report import Indicator, Report  # noqa: E402

TWO = "全年地区生产总值达到1234.5亿元，增长8.5%，居全省第二。粮食产量下降3%。"


def _role(role: str, surface: str, score: float = 0.9) -> RoleSpan:
    i = TWO.index(surface)
    return RoleSpan(role, i, i + len(surface), score)


def _model_output() -> list:
    report = Report(text=TWO)
    spans = [_role("NAME", "地区生产总值"), _role("VALUE", "1234.5亿元"), _role("CHANGE", "增长8.5%"),
             _role("RANK", "居全省第二"), _role("NAME", "粮食产量", 0.5), _role("CHANGE", "下降3%", 0.5)]
    drafts = link_roles(spans, (0, len(TWO)))
    return [(draft_to_indicator(report, d), sum(d.scores) / len(d.scores)) for d in drafts]


def test_roles_are_linked_and_values_read_by_the_number_grammar():
    (gdp, s1), (grain, s2) = _model_output()
    assert (gdp.name, gdp.value, gdp.unit, gdp.change.value, gdp.rank.position) == \
        ("地区生产总值", 123450000000.0, "元", 8.5, 2)
    assert (grain.name, grain.value, grain.change.value, grain.change.unit) == ("粮食产量", None, -3.0, "%")
    assert gdp.source == "model" and s1 > s2


def test_hybrid_merge_keeps_rules_fills_names_and_adds_confident_model_finds():
    scored = _model_output()
    rule = Indicator(name="", value=123450000000.0, unit="元", spans={"name": None, "value": [10, 18], "change": None})
    merged = merge([rule], scored, min_score=0.75)
    assert [(i.name, i.source) for i in merged] == [("地区生产总值", "both")]   # 粮食产量 scored 0.5: left out
    merged = merge([Indicator(name="", value=1.0, spans={"value": [10, 18]})], scored, min_score=0.4)
    assert [i.source for i in merged] == ["both", "model"]


def test_extract_with_model_needs_the_model_folder(tmp_path):
    from govnlp.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError):
        extract_with_model(Report(text=TWO), [], "hybrid", model=tmp_path / "absent")


def test_viterbi_never_starts_a_span_with_inside():
    import math

    from govnlp.ner.labels import viterbi

    def row(**p):
        return [math.log(p.get(lab.replace("-", "_"), 0.01)) for lab in LABELS]
    # the raw argmax would read O, I-NAME, I-NAME: invalid IOB2
    path = viterbi([row(O=0.9), row(I_NAME=0.6, B_NAME=0.3), row(I_NAME=0.9)], LABELS)
    assert [LABELS[i] for i in path] == ["O", "B-NAME", "I-NAME"]


def test_value_spans_snap_to_the_quantity_the_grammar_reads():
    from govnlp.indicators.hybrid import snap_to_quantities

    text = "地区生产总值215.6亿元，增长5.2%。"
    spans = [RoleSpan("VALUE", 7, 13, 0.6), RoleSpan("VALUE", 6, 7, 0.3),   # 15.6亿元 and 2
             RoleSpan("CHANGE", 14, 17, 0.7), RoleSpan("CHANGE", 17, 18, 0.5)]  # 增长5 and .
    snapped = snap_to_quantities(text, spans, (0, len(text)))
    assert [(s.role, text[s.start:s.end]) for s in snapped] == [("VALUE", "215.6亿元"), ("CHANGE", "增长5.2%")]


def test_model_name_replaces_a_rule_name_that_ran_through_a_verb():
    from govnlp.indicators.hybrid import MergePolicy

    policy = MergePolicy(name_rule="suffix")  # the default is "fill": the rules make this cut now
    clause = Indicator(name="科技企业争取上级资金")
    assert not MergePolicy().takes_model_name(clause, "上级资金", 0.8)
    assert policy.takes_model_name(clause, "上级资金", 0.8)
    assert not policy.takes_model_name(clause, "上级资金", 0.5)          # not sure enough
    assert not policy.takes_model_name(Indicator(name="贫困人员医保报销待遇"), "销待遇", 0.9)  # no verb cut off
    assert not policy.takes_model_name(Indicator(name="地区生产总值", canonical="gdp"), "生产总值", 0.99)
    assert policy.takes_model_name(Indicator(name=""), "粮食产量", 0.1)  # the rules found no name


SHIPPED = __import__("pathlib").Path(__file__).resolve().parents[1] / "models" / "ner"


@pytest.mark.skipif(not (SHIPPED / "config.json").is_file(), reason="models/ner not built")
def test_shipped_model_reads_a_plain_sentence_in_every_mode():
    from govnlp.pipeline import parse_text

    spans = load_model(SHIPPED).predict(["粮食总产量达到50.3万吨。"])[0]
    assert [(s.role, s.start, s.end) for s in spans] == [("NAME", 0, 5), ("VALUE", 7, 13)]
    text = "全县实现地区生产总值215.6亿元，增长5.2%。"
    # hybrid: the rules named every figure, so the model is not run there (issue 13)
    for mode, source in (("model", "model"), ("hybrid", "rules")):
        (ind,) = parse_text(text, indicators=mode, ner_model=str(SHIPPED)).indicators
        assert (ind.name, ind.value, ind.change.value, ind.source) == ("地区生产总值", 21560000000.0, 5.2, source)


def test_a_bert_base_chinese_style_checkpoint_works_as_base(tmp_path):
    # the bert-base-chinese layout: vocab.txt (lower-cased WordPiece, ## pieces, characters
    # missing) and a tokenizer_config.json naming BertTokenizer; no tokenizer.json
    pieces = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "##0", "0", "1", "2", "3", "4", "5", "8",
              ".", "%", "亿", "元", "增", "长", "地", "区", "生", "产", "总", "值", "年", "全"]
    base = tmp_path / "base"
    base.mkdir()
    (base / "vocab.txt").write_text("\n".join(pieces) + "\n", encoding="utf-8")
    (base / "tokenizer_config.json").write_text('{"tokenizer_class": "BertTokenizer", "do_lower_case": true}')
    config = transformers.BertConfig(vocab_size=len(pieces), hidden_size=16, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=32)
    transformers.BertModel(config).save_pretrained(base)
    examples = gold_examples([_doc(SENTENCE, _spans(SENTENCE))]) * 4
    fit(ModelArguments(base=str(base), out=str(tmp_path / "ner"), keep_layers=1),
        DataArguments(no_silver=True), FitArguments(max_steps=3, batch_size=4, warmup_steps=0),
        train_examples=examples)
    model = load_model(tmp_path / "ner")
    assert model.model.config.num_hidden_layers == 1
    (tags, scores), = model.predict_tags([SENTENCE])
    assert len(tags) == len(SENTENCE) and all(t in LABELS for t in tags)


# ---- 分别 lists and the synthetic corpus --------------------------------------------------
LIST = "规上工业增加值、固定资产投资分别增长8.7%、11.2%。城镇居民收入46109元、农村居民收入20897元，分别增长4.8%和6.3%。"


def _list_spans() -> list:
    def at(role, surface, start=0):
        i = LIST.index(surface, start)
        return RoleSpan(role, i, i + len(surface), 0.9)
    return [at("NAME", "规上工业增加值"), at("NAME", "固定资产投资"), at("CHANGE", "增长8.7%"),
            at("CHANGE", "11.2%"), at("NAME", "城镇居民收入"), at("VALUE", "46109元"),
            at("NAME", "农村居民收入"), at("VALUE", "20897元"), at("CHANGE", "增长4.8%"),
            at("CHANGE", "6.3%")]


def test_a_fenbie_list_pairs_the_kth_name_with_the_kth_figure():
    from govnlp.ner.sentences import split_sentences

    report = Report(text=LIST)
    got = []
    for s, e in split_sentences(LIST):
        spans = [sp for sp in _list_spans() if s <= sp.start < e]
        for d in link_roles(spans, (s, e), LIST):
            ind = draft_to_indicator(report, d)
            got.append((ind.name, ind.value, ind.change.value, d.distributive))
    assert got == [("规上工业增加值", None, 8.7, True), ("固定资产投资", None, 11.2, True),
                   ("城镇居民收入", 46109.0, 4.8, True), ("农村居民收入", 20897.0, 6.3, True)]


def test_one_name_with_fenbie_keeps_the_name_for_every_change():
    text = "城乡居民人均可支配收入分别增长8%和9%。"
    spans = [RoleSpan("NAME", 0, 11, 0.9), RoleSpan("CHANGE", 13, 16, 0.9), RoleSpan("CHANGE", 17, 19, 0.9)]
    drafts = link_roles(spans, (0, len(text)), text)
    assert [(d.name, d.change, d.distributive) for d in drafts] == [((0, 11), (13, 16), False),
                                                                    ((0, 11), (17, 19), False)]


def test_a_model_list_replaces_rule_records_that_paired_the_wrong_figures():
    from govnlp.indicators.hybrid import ModelOutput

    report = Report(text=LIST)
    end = LIST.index("。") + 1
    spans = [sp for sp in _list_spans() if sp.start < end]
    drafts = link_roles(spans, (0, end), LIST)
    scored = [(draft_to_indicator(report, d), 0.9) for d in drafts]
    output = ModelOutput(scored, spans, [(0, end)], distributive={0, 1})
    i, j = LIST.index("8.7%"), LIST.index("11.2%")
    wrong = [Indicator(name="固定资产投资", change=None, spans={"name": [8, 14], "change": [i - 2, i + 4]}),
             Indicator(name="固定资产投资", value=11.2, unit="%", spans={"name": [8, 14], "value": [j, j + 5]})]
    merged = merge(wrong, scored, output=output)
    assert [(m.name, m.change.value, m.source) for m in merged] == [("规上工业增加值", 8.7, "both"),
                                                                    ("固定资产投资", 11.2, "both")]


def test_synthetic_sentences_carry_exact_role_spans():
    from govnlp.train.synthetic import generate

    examples = generate(200, seed=1)
    assert len(examples) == 200 and examples == generate(200, seed=1)     # reproducible
    roles = set()
    for ex in examples:
        assert len(ex["chars"]) == len(ex["tags"]) and ex["source"] == "synthetic"
        for role, a, b in tags_to_spans(ex["tags"]):
            roles.add(role)
            piece = ex["chars"][a:b]
            if role in ("VALUE", "CHANGE"):
                assert any(c.isdigit() for c in piece) or piece[0] in "一二三四五六七八九十翻" or "十" in piece
            if role == "NAME":
                assert not piece[0].isdigit() or piece.startswith("5G")
    assert roles == {"NAME", "VALUE", "CHANGE", "RANK"}
    assert any("分别" in ex["chars"] for ex in examples)


def test_plausible_names_gate_what_the_model_may_add():
    from govnlp.indicators.vocabulary import plausible_name

    assert plausible_name("地区生产总值", "gdp")
    assert plausible_name("数字经济核心产业增加值")           # unknown, but ends like an indicator
    assert not plausible_name("料") and not plausible_name("欠薪")
    assert not plausible_name("为1100余名农民工追讨工资")     # a clause, not a name


def test_pretraining_writes_a_loadable_hugging_face_folder(tmp_path):
    from govnlp.train.pretrain import ModelArguments as Size, PretrainArguments, run

    corpus = tmp_path / "report.txt"
    corpus.write_text("全年地区生产总值增长8.5%。\n一般公共预算收入完成56.7亿元。\n" * 20, encoding="utf-8")
    log = run(Size(layers=1, hidden=16, heads=2, intermediate=32, max_positions=160),
              PretrainArguments(out=str(tmp_path / "base"), texts=[str(corpus)], no_people_daily=True,
                                batch_size=4, max_steps=50, stop_after=3, warmup_steps=1, log_every=1,
                                save_every=100, max_lines=40))
    assert log["steps"] == 3 and len(log["history"]) == 3          # stopped early, schedule kept
    for name in ("config.json", "model.safetensors", "tokenizer.json", "training_log.json"):
        assert (tmp_path / "base" / name).is_file()
    tok = transformers.AutoTokenizer.from_pretrained(tmp_path / "base", local_files_only=True)
    assert tok.convert_ids_to_tokens(tok(list("增长"), is_split_into_words=True)["input_ids"]) == \
        ["[CLS]", "增", "长", "[SEP]"]


def test_two_fenbie_runs_fill_the_same_names():
    text = "城镇和农村居民人均可支配收入分别达到62187元和33874元，分别增长4.5%和6.6%。"

    def at(role, surface):
        i = text.index(surface)
        return RoleSpan(role, i, i + len(surface), 0.9)
    spans = [RoleSpan("NAME", 0, 2, 0.9), RoleSpan("NAME", 3, 14, 0.9), at("VALUE", "62187元"),
             at("VALUE", "33874元"), at("CHANGE", "增长4.5%"), at("CHANGE", "6.6%")]
    report = Report(text=text)
    got = [(i.name, i.value, i.change.value) for d in link_roles(spans, (0, len(text)), text)
           for i in [draft_to_indicator(report, d)]]
    assert got == [("城镇", 62187.0, 4.5), ("农村居民人均可支配收入", 33874.0, 6.6)]


def test_a_duration_aside_is_not_an_indicator_value():
    text = "地方财政收入145.5亿元，增长0.5%，连续54个月保持正增长。"
    i = text.index("54个月")
    spans = [RoleSpan("NAME", 0, 6, 0.9), RoleSpan("VALUE", i, i + 4, 0.9)]
    (draft,) = link_roles(spans, (0, len(text)), text)
    assert draft_to_indicator(Report(text=text), draft) is None


def test_fine_tuning_mixes_the_bundled_data_and_always_has_a_dev_set(tmp_path):
    import json

    from govnlp.train.ner import collect_data

    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps(_doc(SENTENCE, _spans(SENTENCE)), ensure_ascii=False) + "\n", encoding="utf-8")
    train, dev, counts = collect_data(DataArguments(data=[str(mine)], no_silver=True))
    assert counts["gold_files"] == ["benchmark:train", str(mine)] and counts["dev_files"] == ["benchmark:dev"]
    assert counts["gold_docs"] > 1 and dev
    alone, dev_alone, counts = collect_data(DataArguments(data=[str(mine)], no_silver=True, no_bundled=True))
    assert counts["gold_docs"] == 1 and len(dev_alone) == len(dev)


def test_a_worse_fine_tune_is_reported_loudly(capsys):
    from govnlp.train.ner import is_worse, report_dev_change

    before, after = {"model": "models/ner", "f1": 0.67}, {"f1": 0.13}
    assert is_worse(before, after) and not is_worse(before, {"f1": 0.668}) and not is_worse({}, after)
    report_dev_change(before, after, "my-ner")
    out, err = capsys.readouterr()
    assert "before 0.670 (models/ner) -> after 0.130" in out and "WORSE" in err


def test_training_never_overwrites_a_shipped_model_by_default(capsys):
    from govnlp.cli import main

    assert main(["train", "sections"]) == 2
    assert "--out DIR is required" in capsys.readouterr().err
    assert main(["train", "ner", "--base", "models/bert-zh-small", "--out", "models/ner"]) == 2
    assert "--overwrite-shipped" in capsys.readouterr().err


# ---- serving without transformers ---------------------------------------------------------
OWN_SENTENCES = [
    "全市实现地区生产总值3456.7亿元，比上年增长6.1%，增速居全省第三。",
    "城乡居民人均可支配收入分别达到45210元和21876元，分别增长5.3%、7.0%。",
    "新增城镇就业1.2万人，城镇登记失业率控制在4.5%以内。",
    "粮食总产量稳定在60万吨以上。",
    "今年主要预期目标是：一般公共预算收入增长5%左右，固定资产投资增长8%。" * 3,  # several windows
    "税收 收入 完成 12.5 亿元",  # spaces: characters without a token
]


@pytest.mark.skipif(not (SHIPPED / "config.json").is_file(), reason="models/ner not built")
def test_plain_torch_bert_gives_the_transformers_tags():
    from govnlp.ner.bert import TorchBert

    plain = load_model(SHIPPED)
    reference = load_model(SHIPPED, backend="transformers")
    assert isinstance(plain.model, TorchBert) and not isinstance(reference.model, TorchBert)
    ids, mask, _ = plain.encode(OWN_SENTENCES)
    with torch.inference_mode():
        a = plain.model(input_ids=ids, attention_mask=mask).logits
        b = reference.model(input_ids=ids, attention_mask=mask).logits
    assert (a[mask.bool()] - b[mask.bool()]).abs().max().item() < 1e-3
    tags_a, tags_b = plain.predict_tags(OWN_SENTENCES), reference.predict_tags(OWN_SENTENCES)
    assert [t for t, _ in tags_a] == [t for t, _ in tags_b]
    for (_, pa), (_, pb) in zip(tags_a, tags_b):
        assert max(abs(x - y) for x, y in zip(pa, pb)) < 1e-3
    assert [[(s.role, s.start, s.end) for s in spans] for spans in plain.predict(OWN_SENTENCES)] == \
        [[(s.role, s.start, s.end) for s in spans] for spans in reference.predict(OWN_SENTENCES)]


@pytest.mark.skipif(not (SHIPPED / "config.json").is_file(), reason="models/ner not built")
def test_batch_size_does_not_change_the_tags():
    model = load_model(SHIPPED)
    one, many = model.predict_tags(OWN_SENTENCES, batch_size=1), model.predict_tags(OWN_SENTENCES, batch_size=64)
    assert [t for t, _ in one] == [t for t, _ in many]  # padding moves probabilities by float noise only
    assert all(abs(x - y) < 1e-4 for (_, a), (_, b) in zip(one, many) for x, y in zip(a, b))


def test_batched_viterbi_equals_the_one_sequence_viterbi():
    import numpy as np

    from govnlp.ner.labels import viterbi, viterbi_batch

    rng = np.random.default_rng(7)
    seqs = [np.log(rng.dirichlet(np.ones(len(LABELS)), size=n)) for n in (1, 5, 0, 17, 3, 40, 2)]
    paths = viterbi_batch(seqs, LABELS, group=3)
    assert [p.tolist() for p in paths] == [viterbi(s, LABELS) for s in seqs]


def test_a_folder_without_tokenizer_json_loads_with_transformers(tmp_path):
    from govnlp.ner.bert import supports

    for name in ("config.json", "model.safetensors"):
        (tmp_path / name).write_bytes((SHIPPED / name).read_bytes())
    assert supports(tmp_path) == "no tokenizer.json"
    assert supports(SHIPPED) is None


@pytest.mark.skipif(not (SHIPPED / "config.json").is_file(), reason="models/ner not built")
def test_empty_and_blank_texts_give_no_spans():
    model = load_model(SHIPPED)
    assert model.predict([]) == []
    assert model.predict(["", "   "]) == [[], []]
    assert model.predict_tags(["  "]) == [(["O", "O"], [1.0, 1.0])]


@pytest.mark.skipif(not (SHIPPED / "config.json").is_file(), reason="models/ner not built")
def test_a_plain_torch_model_saves_a_folder_both_backends_load(tmp_path):
    model = load_model(SHIPPED)
    model.save(tmp_path / "copy")
    want = [t for t, _ in model.predict_tags(OWN_SENTENCES[:3])]
    for backend in ("torch", "transformers"):
        again = load_model(tmp_path / "copy", backend=backend)
        assert [t for t, _ in again.predict_tags(OWN_SENTENCES[:3])] == want
