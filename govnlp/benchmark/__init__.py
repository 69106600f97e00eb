"""The bundled benchmark: gold documents, the scorer and ``govnlp bench``.

>>> from govnlp.benchmark import load_split, score_pipeline
>>> import govnlp
>>> result = score_pipeline(govnlp.parse_report, load_split("dev"))   # doctest: +SKIP
>>> result["linked_f1"]                                               # doctest: +SKIP

The guideline and the matching rules are docs/annotation.md; the file format is data/FORMAT.md.
"""
from .dataset import GoldDoc, as_dataset, available_splits, check_doc, load_split
from .scorer import Alignment, score_document, score_pipeline

__all__ = ["GoldDoc", "load_split", "as_dataset", "available_splits", "check_doc",
           "score_pipeline", "score_document", "Alignment"]
