"""Silver training data: the rules applied to text, kept only where they look complete.

A sentence becomes a silver example when the rules found at least one indicator in it, every
indicator they found there has a clean name (in the indicator vocabulary, or short, ending like
an indicator and free of clause words) and a value or change, and every Arabic number in the
sentence is explained: it lies inside
a predicted span or is part of a date (2019年, 3月, 12日) or an ordinal list marker.
Sentences where the rules left a number unexplained are dropped, since the model would otherwise
learn to miss exactly what the rules miss.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

from govnlp.ner.labels import spans_to_tags
from govnlp.ner.model import model_view
from govnlp.indicators.vocabulary import plausible_name as clean_name
from govnlp.ner.sentences import has_number, split_sentences

_NUMBER_RUN = re.compile(r"\d+(?:[.,]\d+)*")
_DATE_AFTER = re.compile(r"^(?:年|月|日|号|届|次会议|时)")
_MAX_CHARS = 126


def indicator_spans(indicators, text: str) -> list[tuple[str, int, int]]:
    """Role spans (NAME/VALUE/CHANGE/RANK) of Indicator records over ``text``."""
    out: list[tuple[str, int, int]] = []
    for ind in indicators:
        spans = ind.spans if hasattr(ind, "spans") else ind.get("spans") or {}
        anchor = None
        for key, role in (("name", "NAME"), ("value", "VALUE"), ("change", "CHANGE")):
            sp = (spans or {}).get(key)
            if sp and 0 <= sp[0] < sp[1] <= len(text):
                out.append((role, int(sp[0]), int(sp[1])))
                anchor = anchor or sp
        rank = ind.rank if hasattr(ind, "rank") else ind.get("rank")
        rank_text = (getattr(rank, "text", None) if rank is not None and not isinstance(rank, dict)
                     else (rank or {}).get("text"))
        if rank_text and anchor:
            lo = max(0, anchor[0] - 80)
            pos = text.find(rank_text, lo, anchor[1] + 80)
            if pos >= 0:
                out.append(("RANK", pos, pos + len(rank_text)))
    # longer spans first so that a nested duplicate never hides the outer one
    out.sort(key=lambda s: (s[1], -(s[2] - s[1])))
    return out


def chunks(start: int, end: int, max_chars: int = _MAX_CHARS, stride: int = 96) -> list[tuple[int, int]]:
    """Windows over ``[start, end)`` of at most ``max_chars`` characters."""
    if end - start <= max_chars:
        return [(start, end)]
    out, s = [], start
    while True:
        e = min(end, s + max_chars)
        out.append((s, e))
        if e == end:
            return out
        s += stride


def sentence_examples(text: str, spans: list[tuple[str, int, int]], source: str,
                      keep_empty: bool = True) -> list[dict]:
    """One example per number-bearing sentence (windows for long ones): chars and IOB2 tags."""
    tags = spans_to_tags(len(text), spans)
    out = []
    for s, e in split_sentences(text):
        if not has_number(text[s:e]) and all(t == "O" for t in tags[s:e]):
            continue
        if not keep_empty and all(t == "O" for t in tags[s:e]):
            continue
        for a, b in chunks(s, e):
            window = list(tags[a:b])
            if window and window[0].startswith("I-"):
                window[0] = "B-" + window[0][2:]
            out.append({"chars": model_view(text[a:b]), "tags": window, "source": source})
    return out


def explained(sentence: str, tags: list[str]) -> bool:
    """Every Arabic number is inside a span, a date or a list marker."""
    for m in _NUMBER_RUN.finditer(sentence):
        if all(t != "O" for t in tags[m.start(): m.end()]):
            continue
        after = sentence[m.end(): m.end() + 4]
        if _DATE_AFTER.match(after) or (m.start() == 0 and after[:1] in ".、)"):
            continue
        return False
    return True


def confident_examples(text: str, indicators) -> list[dict]:
    """Silver examples from rule output, filtered as described in the module docstring.

    A sentence is kept only when every rule indicator in it has a clean name (:func:`clean_name`)
    and a value or change span, and every number in it is explained.
    """
    def ok(i) -> bool:
        return bool(i.spans.get("name") and (i.spans.get("value") or i.spans.get("change"))
                    and clean_name(i.name, i.canonical))

    good = [i for i in indicators if ok(i)]
    bad_at = [a for i in indicators if not ok(i)
              for a in [(i.spans or {}).get("value") or (i.spans or {}).get("change")] if a]
    spans = indicator_spans(good, text)
    tags = spans_to_tags(len(text), spans)
    out = []
    for s, e in split_sentences(text):
        sent_tags = tags[s:e]
        if not any(t.startswith("B-NAME") for t in sent_tags):
            continue
        if any(s <= a[0] < e for a in bad_at):
            continue
        if not explained(text[s:e], sent_tags):
            continue
        for a, b in chunks(s, e):
            window = list(tags[a:b])
            if window and window[0].startswith("I-"):
                window[0] = "B-" + window[0][2:]
            out.append({"chars": model_view(text[a:b]), "tags": window, "source": "silver"})
    return out


def rules_report(text: str):
    """Run the pipeline with rules-only indicators on ``text``."""
    from govnlp.pipeline import parse_text

    return parse_text(text, indicators="rules", slogans=False)


def silver_from_texts(texts: Iterable[str], source: str = "silver-report") -> list[dict]:
    """Silver examples from whole report texts (rules run on the normalised text)."""
    out = []
    for text in texts:
        report = rules_report(text)
        for ex in confident_examples(report.text, report.indicators):
            ex["source"] = source
            out.append(ex)
    return out


def people_daily_number_sentences(limit: Optional[int] = None) -> Iterator[str]:
    """Number-bearing sentences of the 1998-01 People's Daily corpus (tags stripped)."""
    from govnlp.train.pretrain import people_daily_lines

    n = 0
    for line in people_daily_lines():
        for s, e in split_sentences(line):
            sent = line[s:e]
            if 8 <= len(sent) <= 200 and re.search(r"\d", sent) and re.search(r"[%％万亿元吨人]", sent):
                yield sent
                n += 1
                if limit is not None and n >= limit:
                    return


def silver_from_people_daily(limit: int = 4000, per_doc: int = 200) -> list[dict]:
    """Silver examples from People's Daily sentences, run through the rules in pseudo-documents."""
    sents = list(people_daily_number_sentences(limit))
    docs = ["\n".join(sents[i: i + per_doc]) for i in range(0, len(sents), per_doc)]
    return silver_from_texts(docs, source="silver-pd")
