"""Indicator NER: a character-level BERT token classifier for indicator roles.

``load_model(path)`` gives a :class:`NerModel` (a BERT token classifier runs on plain torch,
govnlp.ner.bert, without importing transformers; ``backend="transformers"`` for any other
architecture); ``NerModel.predict(texts)`` returns :class:`RoleSpan` lists, the texts batched
by length and decoded with a batched Viterbi. Only number-bearing sentences need to be run
(:func:`number_sentences`). Labels are IOB2 over :data:`ROLES`.
"""
from .labels import LABELS, ROLES, spans_to_tags, tags_to_spans
from .model import NerModel, RoleSpan, load_model
from .sentences import has_number, number_sentences, split_sentences

__all__ = ["LABELS", "ROLES", "NerModel", "RoleSpan", "load_model", "has_number",
           "number_sentences", "split_sentences", "spans_to_tags", "tags_to_spans"]
