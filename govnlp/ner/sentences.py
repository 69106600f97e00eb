"""Sentence splitting and the "does it hold a number" test that gates the model."""
from __future__ import annotations

import re

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


def has_number(sentence: str) -> bool:
    """True when the sentence holds an Arabic digit or a Chinese numeral used as a quantity."""
    return _NUMBER.search(sentence) is not None


def number_sentences(text: str) -> list[tuple[int, int]]:
    """Ranges of the sentences of ``text`` that hold a number (the only ones the model reads)."""
    return [(s, e) for s, e in split_sentences(text) if has_number(text[s:e])]
