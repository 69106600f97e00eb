"""Find sentences of held-out benchmark documents quoted in code, tests, templates or lexicons.

A figure measured on a document whose sentences also sit in a rule, a test fixture, a synthetic
template or a lexicon is not a measure of unseen text. This check lists every such quote:

    python -m govnlp.benchmark.leaks            # exit 1 when a held-out sentence is quoted

Held-out splits are dev, test, holdout and realistic (train documents may be quoted: they are
what rules and models are fitted on). A "sentence" is a stretch between 。！？；, line breaks and
their half-width forms, compared without whitespace and quotes. Everyday wording is not a quote:
a sentence counts when it has at least ``MIN_CHARS`` characters and a figure in digits, or at
least ``MIN_PROSE_CHARS`` characters (names such as 城镇和农村居民人均可支配收入 and short stock
phrases such as 地区生产总值增长6.5% do not count), and delivery lines (——2024年3月5日在…会议上),
which state a fact every copy of a report repeats, are left out.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .dataset import HELD_OUT

MIN_CHARS = 14
MIN_PROSE_CHARS = 24
#: formulas every copy of a report repeats: not evidence that a document was quoted
FORMULAS = (re.compile(r"^——?\d{4}年\d{1,2}月\d{1,2}日在.{4,40}会议上$"),
            re.compile(r"^现在,?我代表.{1,16}人民政府,?向大会(?:报告工作|作工作报告)"))
#: where quotes would leak into what the pipeline or its tests know (relative to the repository root)
SEARCHED = ("govnlp", "tests", "notebooks", "benchmarks/gold_tools")
#: the gold itself, and files that document how the gold was made
NOT_SEARCHED = ("govnlp/benchmark/data",)
SUFFIXES = (".py", ".tsv", ".jsonl", ".json", ".txt", ".md", ".ipynb", ".yaml", ".yml", ".csv", ".html")

_SPLIT = re.compile(r"[。！？；!?;\n]")
_DROP = re.compile(r"[\s“”‘’\"'「」『』《》〈〉()（）\[\]【】]")


def _key(s: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", s))


@dataclass(frozen=True)
class Leak:
    """A held-out sentence found in a searched file."""

    doc_id: str
    split: str
    sentence: str
    path: str


def sentences(text: str, min_chars: int = MIN_CHARS) -> Iterator[str]:
    """The comparable sentences of a text (keys without whitespace and quotes)."""
    for piece in _SPLIT.split(text):
        key = _key(piece).strip("，,、：:")
        if not re.search(r"[\u4e00-\u9fff]", key) or any(f.search(key) for f in FORMULAS):
            continue
        has_figure = re.search(r"\d", key) is not None
        if (len(key) >= min_chars and has_figure) or len(key) >= max(min_chars, MIN_PROSE_CHARS):
            yield key


def searched_files(root: Path, paths: Iterable[str] = SEARCHED) -> Iterator[Path]:
    """Files under ``paths`` that could carry a quote (code, tests, data files, notebooks)."""
    skip = [root / p for p in NOT_SEARCHED]
    for top in paths:
        base = root / top
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for f in files:
            if f.is_file() and f.suffix in SUFFIXES and not any(s in f.parents for s in skip):
                yield f


def find_leaks(root: Path, splits: Iterable[str] = HELD_OUT, paths: Iterable[str] = SEARCHED,
               min_chars: int = MIN_CHARS) -> list[Leak]:
    """Every (held-out sentence, file) pair where the file quotes the sentence."""
    from .dataset import load_split  # noqa: PLC0415 (loads the gold lazily)

    corpus = {str(f.relative_to(root)): _key(f.read_text(encoding="utf-8", errors="replace"))
              for f in searched_files(root, paths)}
    leaks = []
    for split in splits:
        for doc in load_split(split):
            for sent in dict.fromkeys(sentences(doc.text, min_chars)):
                for path, text in corpus.items():
                    if sent in text:
                        leaks.append(Leak(doc.id, split, sent, path))
    return leaks


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m govnlp.benchmark.leaks", description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2]), help="repository root")
    ap.add_argument("--min-chars", type=int, default=MIN_CHARS)
    args = ap.parse_args(argv)
    leaks = find_leaks(Path(args.root), min_chars=args.min_chars)
    for leak in leaks:
        print(f"{leak.split}/{leak.doc_id}\t{leak.path}\t{leak.sentence}")
    print(f"{len(leaks)} held-out sentence(s) quoted in code, tests, templates or lexicons")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
