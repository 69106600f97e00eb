"""spaCy integration: our own pkuseg segmenter and the govnlp component as span groups."""
import pytest

spacy = pytest.importorskip("spacy")
pytest.importorskip("spacy_pkuseg")

import govnlp.spacy as gs  # noqa: E402
from govnlp.train import segmenter  # noqa: E402

TEXT = "各位代表：\n一、2019年主要工作回顾\n全区實現地区生产总值366.51亿元，增长6.5%。"


@pytest.fixture(scope="module")
def tiny_segmenter(tmp_path_factory):
    out = tmp_path_factory.mktemp("pkuseg")
    assert segmenter.main(["--out", str(out), "--limit", "400", "--iterations", "1"]) == 0
    return out


def test_the_corpus_is_read_through_the_installed_package():
    first = next(segmenter.corpus_sentences())
    assert first[:3] == ["迈向", "充满", "希望"]


def test_component_puts_sections_and_indicators_into_span_groups(tiny_segmenter):
    nlp = gs.load(str(tiny_segmenter))
    doc = nlp(TEXT)
    report = doc._.govnlp
    assert report.text.startswith("各位代表")
    sections = doc.spans["govnlp_sections"]
    assert any(s.text.startswith("一、2019年主要工作回顾") for s in sections)
    values = [s.text for s in doc.spans["govnlp_indicators"]]
    assert "366.51亿元" in values  # offsets mapped back onto the traditional-script Doc


def test_pipeline_with_our_segmenter_saves_and_reloads_identically(tiny_segmenter, tmp_path):
    nlp = gs.load(str(tiny_segmenter))
    before = [t.text for t in nlp(TEXT)]
    nlp.to_disk(tmp_path / "nlp")
    again = spacy.load(tmp_path / "nlp")
    assert [t.text for t in again(TEXT)] == before


def test_a_missing_segmenter_is_a_clear_error(tmp_path):
    from govnlp.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match="E007"):
        gs.load(str(tmp_path / "nothing"))
