"""Character vocabulary and tokenizer for our small Chinese BERT.

The vocabulary is character-level: special tokens, printable ASCII, common Chinese and
full-width punctuation, every one of the 6763 GB2312 hanzi (enumerated from Python's
``gb2312`` codec) and every further character seen in the training corpora.
Text is always fed to the tokenizer as ``list(text)`` with ``is_split_into_words=True``,
so one character is one word; see :func:`encode_chars`.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path
from typing import Iterable

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

# Chinese and other wide punctuation that survives NFKC normalisation.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～￥〔〕※→←↑↓●○■□▲△★☆①②③④⑤⑥⑦⑧⑨⑩％‰℃°×÷±≤≥≈"


def gb2312_hanzi() -> list[str]:
    """The 6763 GB2312 hanzi (rows 0xB0-0xF7), in code order."""
    chars: list[str] = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def gb2312_symbols() -> list[str]:
    """Punctuation and symbols of GB2312 rows 0xA1-0xA9 (full-width forms included)."""
    out: list[str] = []
    for hi in range(0xA1, 0xAA):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if not ch.isspace():
                out.append(ch)
    return out


def build_vocab(texts: Iterable[str], min_count: int = 1) -> list[str]:
    """Specials, ASCII, punctuation, GB2312 and corpus characters (seen >= ``min_count`` times)."""
    vocab: list[str] = []
    seen: set[str] = set()

    def add(tok: str) -> None:
        if tok not in seen and not (len(tok) == 1 and tok.isspace()):
            seen.add(tok)
            vocab.append(tok)

    for tok in SPECIAL_TOKENS:
        add(tok)
    for code in range(0x21, 0x7F):
        add(chr(code))
    for ch in CJK_PUNCT + "".join(gb2312_symbols()):
        add(ch)
        for form in unicodedata.normalize("NFKC", ch):
            add(form)
    for ch in gb2312_hanzi():
        add(ch)
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(text)
    for ch, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= min_count and unicodedata.category(ch)[0] not in "CZ":
            add(ch)
    return vocab


def make_tokenizer(vocab: list[str], out_dir: str | Path | None = None):
    """A ``BertTokenizerFast`` over ``vocab`` (cased, no accent stripping); saved if ``out_dir``."""
    from transformers import BertTokenizerFast

    tok = BertTokenizerFast(
        vocab={t: i for i, t in enumerate(vocab)}, do_lower_case=False, strip_accents=False,
        tokenize_chinese_chars=True, model_max_length=512,
    )
    if out_dir is not None:
        tok.save_pretrained(str(out_dir))
    return tok


def encode_chars(tokenizer, texts: list[str], max_length: int = 128, **kwargs):
    """Tokenise each text character by character; ``word_ids`` map tokens back to characters.

    Whitespace characters yield no token (the BERT pre-tokenizer drops them); callers treat a
    character without a token as label "O".
    """
    return tokenizer([list(t) for t in texts], is_split_into_words=True, truncation=True,
                     max_length=max_length, **kwargs)
