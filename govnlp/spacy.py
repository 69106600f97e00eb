"""spaCy integration: a ``govnlp`` pipeline component and a Chinese pipeline with our segmenter.

The component is a projection of the Report onto a Doc: it runs :func:`govnlp.pipeline.parse_text`
on ``doc.text`` and puts sections, indicators and slogans into ``doc.spans`` (offsets mapped
back from the normalised text to the Doc's own characters), with the Report in ``doc._.govnlp``.

>>> import govnlp.spacy as gs                                   # doctest: +SKIP
>>> nlp = gs.load()                                             # doctest: +SKIP
>>> doc = nlp("全区实现地区生产总值366.51亿元，增长6.5%。")           # doctest: +SKIP
>>> [(s.text, s.label_) for s in doc.spans["govnlp_indicators"]] # doctest: +SKIP
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import Errors, ModelNotFoundError

SPAN_KEYS = ("govnlp_sections", "govnlp_indicators", "govnlp_slogans")
DEFAULT_SEGMENTER = Path(__file__).resolve().parent.parent / "models" / "pkuseg"


def _register_extensions() -> None:
    if not Doc.has_extension("govnlp"):
        Doc.set_extension("govnlp", default=None)
    if not Span.has_extension("govnlp"):
        Span.set_extension("govnlp", default=None)


class GovnlpComponent:
    """Adds govnlp's sections, indicators and slogans to a Doc as span groups."""

    def __init__(self, nlp: Language, name: str, indicators: str, slogans: bool):
        self.name = name
        self.indicators = indicators
        self.slogans = slogans
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import parse_text

        report = parse_text(doc.text, indicators=self.indicators, slogans=self.slogans)
        doc._.govnlp = report
        groups = {key: [] for key in SPAN_KEYS}

        def add(key: str, start: int, end: int, label: str, record) -> None:
            s, e = report.raw_offsets(start, end)
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None:
                span._.govnlp = record
                groups[key].append(span)

        for sec in report.sections:
            add("govnlp_sections", sec.start, sec.end, sec.function, sec)
        for ind in report.indicators:
            span = ind.spans.get("value") or ind.spans.get("change")
            if span:
                add("govnlp_indicators", span[0], span[1], ind.canonical or ind.name or "indicator", ind)
        for sl in report.slogans:
            add("govnlp_slogans", sl.start, sl.end, "slogan", sl)
        for key, spans in groups.items():
            doc.spans[key] = spans
        return doc


@Language.factory("govnlp", assigns=["doc.spans", "doc._.govnlp"],
                  default_config={"indicators": "default", "slogans": True})
def make_govnlp(nlp: Language, name: str, indicators: str, slogans: bool) -> GovnlpComponent:
    """Thin factory: builds the component from its config."""
    return GovnlpComponent(nlp, name, indicators, slogans)


def load(segmenter: Optional[str] = None, indicators: str = "default") -> Language:
    """A blank Chinese pipeline segmented by our pkuseg model, with the govnlp component added.

    ``segmenter``: a folder made by ``govnlp train segmenter`` (default: models/pkuseg), or
    ``"char"`` for spaCy's character segmentation.
    """
    import spacy

    if segmenter == "char":
        nlp = spacy.blank("zh")
    else:
        path = Path(segmenter) if segmenter else DEFAULT_SEGMENTER
        if not (path / "features.msgpack").exists():
            raise ModelNotFoundError(Errors.E007.format(path=str(path), reason="no features.msgpack",
                                                        command="govnlp train segmenter"))
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        user_dict = path / "user_dict.txt"
        nlp.tokenizer.initialize(pkuseg_model=str(path),
                                 pkuseg_user_dict=str(user_dict) if user_dict.exists() else None)
    nlp.add_pipe("govnlp", config={"indicators": indicators})
    return nlp
