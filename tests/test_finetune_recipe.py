"""The three passages of the fine-tuning recipe (benchmarks/finetune/): well-formed gold, and
written for the recipe rather than quoted from a held-out benchmark document."""
import json
from pathlib import Path

import pytest

from govnlp.benchmark.dataset import HELD_OUT, GoldDoc, check_doc, load_split
from govnlp.benchmark.leaks import sentences

FOLDER = Path(__file__).resolve().parents[1] / "benchmarks" / "finetune"
GOLD = FOLDER / "three_passages.jsonl"


def _docs() -> list[GoldDoc]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [GoldDoc.from_dict(json.loads(line)) for line in lines if line.strip()]


def test_three_passages_lint_clean():
    docs = _docs()
    assert len(docs) == 3
    for doc in docs:
        assert check_doc(doc) == [], doc.id
        assert doc.layers == ["indicators"]
        assert len(doc.gold["indicators"]) >= 10, doc.id


def test_gold_texts_are_the_stored_passages():
    for doc in _docs():
        passage = (FOLDER / f"{doc.id}.txt").read_text(encoding="utf-8")
        assert doc.text == passage
        assert 300 <= len(passage) <= 800


def test_a_fen_bie_list_is_split_with_reconstructed_names():
    doc = next(d for d in _docs() if d.id == "ft02_city_half_year")
    deposits = [i for i in doc.gold["indicators"] if i["name"].startswith("金融机构本外币")]
    assert [i["name"] for i in deposits] == ["金融机构本外币存款余额", "金融机构本外币贷款余额"]
    assert [i["change"]["value"] for i in deposits] == [19600000000.0, 17300000000.0]
    s, e = deposits[1]["spans"]["name"]
    assert doc.text[s:e] == "金融机构本外币存、贷款余额"


@pytest.mark.parametrize("split", HELD_OUT)
def test_passages_quote_no_held_out_document(split):
    held_out = {key for doc in load_split(split) for key in sentences(doc.text)}
    quoted = [key for doc in _docs() for key in sentences(doc.text) if key in held_out]
    assert quoted == []
