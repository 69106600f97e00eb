"""Indicator NER: a character-level BERT token classifier for indicator roles.

``load_model(path)`` gives a :class:`NerModel`; ``NerModel.predict(texts)`` returns
:class:`RoleSpan` lists. Only number-bearing sentences need to be run
(:func:`number_sentences`). Labels are IOB2 over :data:`ROLES`.
"""
from .labels import LABELS, ROLES, spans_to_tags, tags_to_spans
from .model import NerModel, RoleSpan, load_model
from .sentences import has_number, number_sentences, split_sentences

__all__ = ["LABELS", "ROLES", "NerModel", "RoleSpan", "load_model", "has_number",
           "number_sentences", "split_sentences", "spans_to_tags", "tags_to_spans"]
