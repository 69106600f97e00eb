"""The section classifier scored with numpy alone: no scikit-learn, scipy or skops at run time.

At train time (and once for an older model folder) the fitted scikit-learn pieces are exported:

- ``scorer.json``: for each feature block its kind (character n-gram TF-IDF or a feature
  dict), settings, weight and vocabulary in column order; for each classifier its classes and
  how scores become probabilities (softmax or, with two classes, the logistic);
- ``scorer.npz``: the idf vectors and the classifiers' coefficients and intercepts (float64).

:class:`LinearScorer` rebuilds the same feature rows (same n-grams, sublinear tf, idf, l2 norm,
block weights) and the same probabilities as ``ColumnTransformer`` + ``LogisticRegression``.

>>> s = LinearScorer.from_parts(blocks=[{"name": "head", "kind": "tfidf", "column": "head",
...     "ngram_range": [1, 1], "lowercase": True, "sublinear_tf": True, "norm": "l2", "weight": 1.0,
...     "vocabulary": ["a", "b"]}], idf={"head": [1.0, 1.0]},
...     classifiers={"function": {"kind": "softmax", "classes": ["x", "y"],
...                               "coef": [[1.0, 0.0], [0.0, 1.0]], "intercept": [0.0, 0.0]}})
>>> [round(float(p), 3) for p in s.predict_proba([{"head": "aab"}])["function"][0]]
[0.587, 0.413]
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path
from typing import Optional, Sequence

SCORER_JSON = "scorer.json"
SCORER_NPZ = "scorer.npz"
FORMAT = 1
_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's char analyzer folds runs of whitespace


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of a file (ties an export to the model.skops it came from)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def char_ngrams(text: str, lo: int, hi: int, lowercase: bool = True) -> list[str]:
    """The character n-grams scikit-learn's ``analyzer="char"`` produces, in its order.

    >>> char_ngrams("ab c", 1, 2)
    ['a', 'b', ' ', 'c', 'ab', 'b ', ' c']
    """
    if lowercase:
        text = text.lower()
    text = _WHITE_SPACES.sub(" ", text)
    out = list(text) if lo == 1 else []
    for n in range(max(lo, 2), min(hi, len(text)) + 1):
        out.extend(map("".join, zip(*(text[k:] for k in range(n)))))
    return out


def _ngram_counts(texts: Sequence[str], vocab: dict, ngram_range, lowercase: bool = True):
    """``(rows, columns, counts)`` of the vocabulary n-grams of each text (as int64 arrays).

    All texts are scanned as one string, joined by a character no vocabulary term holds, so
    the n-grams that cross a join are never counted; each n-gram goes to the text it starts in.
    """
    import numpy as np
    from itertools import repeat
    from operator import add

    lo, hi = ngram_range
    texts = [_WHITE_SPACES.sub(" ", t.lower() if lowercase else t) for t in texts]
    sep = "\x00"
    while any(sep in term for term in vocab):  # pragma: no cover - a vocabulary holding NUL
        sep = chr(ord(sep) + 1)
    joined = sep.join(texts)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    ids, pos = [], []
    grams = list(joined)
    for n in range(1, hi + 1):
        if n > 1:
            grams = list(map(add, grams[:-1], joined[n - 1:]))
        if n >= lo:
            found = np.fromiter(map(vocab.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))
            hit = np.flatnonzero(found >= 0)
            ids.append(found[hit])
            pos.append(hit)
    ids_all, pos_all = np.concatenate(ids), np.concatenate(pos)
    rows = np.searchsorted(starts, pos_all, side="right") - 1
    size = max(len(vocab), 1)
    keys, counts = np.unique(rows * size + ids_all, return_counts=True)
    return keys // size, keys % size, counts


class LinearScorer:
    """Feature blocks + linear classifiers, scored with numpy (see module docstring)."""

    def __init__(self, spec: dict, arrays: dict):
        import numpy as np

        self.spec = spec
        self.blocks = []
        offset = 0
        for b in spec["blocks"]:
            vocab = {term: i for i, term in enumerate(b["vocabulary"])}
            idf = np.asarray(arrays[f"idf/{b['name']}"], dtype=np.float64) if b["kind"] == "tfidf" else None
            self.blocks.append((b, vocab, idf, offset))
            offset += len(vocab)
        self.n_features = offset
        self.classifiers = {}
        for name, c in spec["classifiers"].items():
            coef = np.asarray(arrays[f"coef/{name}"], dtype=np.float64)
            intercept = np.asarray(arrays[f"intercept/{name}"], dtype=np.float64)
            if coef.shape[1] != self.n_features:
                raise ValueError(f"scorer: {name} has {coef.shape[1]} weights for {self.n_features} features")
            self.classifiers[name] = (c["kind"], list(c["classes"]), np.ascontiguousarray(coef.T), intercept)

    @classmethod
    def from_parts(cls, blocks: list[dict], idf: dict, classifiers: dict) -> "LinearScorer":
        """Build a scorer from plain lists (tests, hand-made models)."""
        arrays = {f"idf/{k}": v for k, v in idf.items()}
        spec_cls = {}
        for name, c in classifiers.items():
            arrays[f"coef/{name}"], arrays[f"intercept/{name}"] = c["coef"], c["intercept"]
            spec_cls[name] = {"kind": c["kind"], "classes": c["classes"]}
        return cls({"format": FORMAT, "blocks": blocks, "classifiers": spec_cls}, arrays)

    def classes(self, name: str) -> list[str]:
        """The class labels of classifier ``name`` in column order."""
        return self.classifiers[name][1]

    def _entries(self, rows: Sequence[dict]):
        """The non-zero cells ``(row, column, value)`` of the feature matrix of ``rows``, the
        same values as the scikit-learn ColumnTransformer gives (numpy arrays)."""
        import numpy as np

        rr: list = []
        cc: list = []
        vv: list = []
        for b, vocab, idf, offset in self.blocks:
            w = float(b.get("weight", 1.0))
            get = vocab.get
            r_idx, c_idx, raw = [], [], []
            if b["kind"] == "dict":
                for r, row in enumerate(rows):
                    for k, v in row[b["column"]].items():  # a string value is a "key=value" feature
                        key, v = (f"{k}={v}", 1.0) if isinstance(v, str) else (k, float(v))
                        j = get(key)
                        if j is not None:
                            r_idx.append(r)
                            c_idx.append(j)
                            raw.append(v)
                vals = np.asarray(raw, dtype=np.float64)
            else:
                r_idx, c_idx, raw = _ngram_counts([row[b["column"]] for row in rows], vocab,
                                                  b["ngram_range"], b.get("lowercase", True))
                tf = np.asarray(raw, dtype=np.float64)
                if b.get("sublinear_tf"):
                    tf = np.log(tf) + 1.0
                cols = np.asarray(c_idx, dtype=np.int64)
                vals = tf * idf[cols] if idf is not None else tf
                if b.get("norm") == "l2" and len(vals):
                    rows_arr = np.asarray(r_idx, dtype=np.int64)
                    norms = np.sqrt(np.bincount(rows_arr, vals * vals, minlength=len(rows)))
                    vals = vals / norms[rows_arr]
            rr.append(np.asarray(r_idx, dtype=np.int64))
            cc.append(np.asarray(c_idx, dtype=np.int64) + offset)
            vv.append(vals * w)
        return np.concatenate(rr), np.concatenate(cc), np.concatenate(vv)

    def decision(self, rows: Sequence[dict]) -> dict:
        """Raw scores per classifier: ``{name: (n_rows, n_classes) array}``."""
        import numpy as np

        # sparse rows times the weights, summed per row with reduceat: no BLAS call, whose
        # thread pool costs more than this tiny product on a busy machine
        r, c, v = self._entries(rows)
        order = np.argsort(r, kind="stable")
        r, c, v = r[order], c[order], v[order]
        starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]]) if len(r) else np.zeros(0, dtype=np.int64)
        out = {}
        for name, (_, _, weights, intercept) in self.classifiers.items():
            scores = np.tile(intercept, (len(rows), 1))
            if len(r):
                scores[r[starts]] += np.add.reduceat(v[:, None] * weights[c], starts, axis=0)
            out[name] = scores
        return out

    def predict_proba(self, rows: Sequence[dict]) -> dict:
        """Class probabilities per classifier: ``{name: (n_rows, n_classes) array}``."""
        import numpy as np

        out = {}
        for name, scores in self.decision(rows).items():
            kind = self.classifiers[name][0]
            if kind == "softmax":
                z = np.exp(scores - scores.max(axis=1, keepdims=True))
                out[name] = z / z.sum(axis=1, keepdims=True)
            elif kind == "logistic":  # two classes, one weight row
                p = 1.0 / (1.0 + np.exp(-scores[:, 0]))
                out[name] = np.stack([1.0 - p, p], axis=1)
            else:
                raise ValueError(f"scorer: unknown classifier kind {kind!r}")
        return out

    # ---- files ---------------------------------------------------------------------------------
    def save(self, folder: str | Path, source_sha256: Optional[str] = None) -> None:
        """Write ``scorer.json`` and ``scorer.npz`` into ``folder``."""
        import numpy as np

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {}
        for b, _, idf, _ in self.blocks:
            if idf is not None:
                arrays[f"idf/{b['name']}"] = idf
        for name, (_, _, weights, intercept) in self.classifiers.items():
            arrays[f"coef/{name}"] = weights.T
            arrays[f"intercept/{name}"] = intercept
        spec = dict(self.spec, format=FORMAT, source_sha256=source_sha256)
        with open(folder / SCORER_NPZ, "wb") as f:
            np.savez_compressed(f, **{k.replace("/", "__"): v for k, v in arrays.items()})
        (folder / SCORER_JSON).write_text(json.dumps(spec, ensure_ascii=False) + "\n", "utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> "LinearScorer":
        """Read a scorer written by :meth:`save` (ValueError when it is not one)."""
        import numpy as np

        folder = Path(folder)
        spec = json.loads((folder / SCORER_JSON).read_text("utf-8"))
        if spec.get("format") != FORMAT:
            raise ValueError(f"scorer.json format {spec.get('format')!r}, expected {FORMAT}")
        with np.load(folder / SCORER_NPZ, allow_pickle=False) as z:
            arrays = {k.replace("__", "/"): z[k] for k in z.files}
        return cls(spec, arrays)


def export_pipeline(features, classifiers: dict) -> LinearScorer:
    """A :class:`LinearScorer` equal to a fitted ColumnTransformer (TfidfVectorizer with
    ``analyzer="char"`` and DictVectorizer blocks) and linear classifiers (``{name: clf}``,
    LogisticRegression). Raises ValueError for anything it cannot reproduce exactly."""
    import numpy as np

    weights = features.transformer_weights or {}
    blocks, arrays = [], {}
    for name, t, column in features.transformers_:
        if t == "drop" or name == "remainder":
            continue
        kind = type(t).__name__
        w = float(weights.get(name, 1.0) if weights.get(name) is not None else 1.0)
        if kind == "TfidfVectorizer":
            p = t.get_params()
            unsupported = {k: p[k] for k in ("analyzer", "binary", "strip_accents", "preprocessor",
                                            "tokenizer", "stop_words") if p[k] not in (None, False, "char")}
            if unsupported or p["norm"] not in ("l2", None) or not callable(getattr(t, "build_analyzer", None)):
                raise ValueError(f"scorer: TF-IDF block {name!r} has unsupported settings {unsupported}")
            vocab = [None] * len(t.vocabulary_)
            for term, j in t.vocabulary_.items():
                vocab[j] = term
            blocks.append({"name": name, "kind": "tfidf", "column": column,
                           "ngram_range": list(p["ngram_range"]), "lowercase": bool(p["lowercase"]),
                           "sublinear_tf": bool(p["sublinear_tf"]), "norm": p["norm"], "weight": w,
                           "vocabulary": vocab})
            arrays[f"idf/{name}"] = np.asarray(t.idf_ if p["use_idf"] else np.ones(len(vocab)), dtype=np.float64)
        elif kind == "DictVectorizer":
            blocks.append({"name": name, "kind": "dict", "column": column, "weight": w,
                           "vocabulary": [str(f) for f in t.feature_names_]})
        else:
            raise ValueError(f"scorer: cannot export feature block {name!r} ({kind})")
    spec_cls = {}
    for cname, clf in classifiers.items():
        if type(clf).__name__ != "LogisticRegression":
            raise ValueError(f"scorer: cannot export classifier {type(clf).__name__}")
        n_classes = len(clf.classes_)
        spec_cls[cname] = {"kind": "logistic" if n_classes == 2 else "softmax",
                           "classes": [str(c) for c in clf.classes_]}
        arrays[f"coef/{cname}"] = np.asarray(clf.coef_, dtype=np.float64)
        arrays[f"intercept/{cname}"] = np.asarray(clf.intercept_, dtype=np.float64)
    return LinearScorer({"format": FORMAT, "blocks": blocks, "classifiers": spec_cls}, arrays)


__all__ = ["LinearScorer", "export_pipeline", "char_ngrams", "file_sha256", "SCORER_JSON", "SCORER_NPZ"]
