"""Sentence splitting and the "does it hold a number" test that gates the model."""
from __future__ import annotations

import re
from typing import Callable, Optional

_SENT_END = re.compile(r"[。！？；!?;\n]+")
_NUMBER = re.compile(
    r"[0-9０-９]"
    r"|[零〇一二两三四五六七八九十百千万亿]{2,}"
    r"|第[一二三四五六七八九十]"
    r"|[一二两三四五六七八九十半][个万亿倍成项家所条座批户人元吨亩]"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` sentence ranges; the end punctuation stays in the sentence."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = end
    s, e = start, len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
    return out


_RANK = re.compile(r"第[一二三四五六七八九十\d]")


def has_number(sentence: str) -> bool:
    """True when the sentence holds a quantity: an Arabic digit or a Chinese numeral that the
    number grammar (govnlp.numbers) reads as a quantity, or a rank such as 第二.

    Years, dates and codes alone (2019年, 5G) do not count, so the model skips such sentences.
    """
    if _NUMBER.search(sentence) is None:
        return False
    if _RANK.search(sentence):
        return True
    try:
        from ..numbers import find_quantities
    except ImportError:  # the grammar is optional here: fall back to the character test
        return True
    return bool(find_quantities(sentence))


def number_sentences(text: str, keep: Optional[Callable[[int, int], bool]] = None) -> list[tuple[int, int]]:
    """Ranges of the sentences of ``text`` that hold a number (the only ones the model reads).

    ``keep(start, end)``, when given, is asked first: a sentence it turns down is not run
    through the number grammar at all (the result is the same as filtering afterwards).

    >>> number_sentences("统一思想。收入增长8%。支出下降3%。", keep=lambda s, e: s > 5)
    [(12, 19)]
    """
    return [(s, e) for s, e in split_sentences(text)
            if (keep is None or keep(s, e)) and has_number(text[s:e])]
