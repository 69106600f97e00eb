"""Loading a token-classification folder offline and predicting role spans on sentences."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import Errors, ModelNotFoundError
from .labels import tags_to_spans

_WIDE_TO_ASCII = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
BACKENDS = ("auto", "torch", "transformers")
TRAIN_COMMAND = "govnlp train ner --base models/bert-zh-small --out models/ner"


def model_view(text: str) -> str:
    """The text as the model sees it: full-width ASCII folded to ASCII (same length)."""
    return text.translate(_WIDE_TO_ASCII)


def align_labels(word_ids: list[Optional[int]], char_labels: list[int]) -> list[int]:
    """Token labels from character labels: the first token of a character gets its label,
    later sub-tokens and special tokens get -100 (ignored by the loss)."""
    out: list[int] = []
    prev: Optional[int] = None
    for w in word_ids:
        if w is None or w == prev or w >= len(char_labels):
            out.append(-100)
        else:
            out.append(char_labels[w])
        prev = w
    return out


#: the share of padding a batch of windows may carry before it is closed early
MAX_PADDING = 0.1


def _batches(pieces: list[tuple[int, int, int]], batch_size: int) -> list[list[tuple[int, int, int]]]:
    """Consecutive runs of length-sorted ``(text, start, end)`` windows, at most ``batch_size``
    long, each padded (to its longest window) by at most MAX_PADDING of its tokens.

    >>> [len(b) for b in _batches([(0, 0, n) for n in (5, 5, 6, 20, 21, 22, 90)], 4)]
    [3, 3, 1]
    """
    out: list = []
    batch: list = []
    real = 0
    for p in pieces:
        n = p[2] - p[1] + 2  # with [CLS] and [SEP]
        if batch and (len(batch) >= batch_size or n * (len(batch) + 1) > (1 + MAX_PADDING) * (real + n)):
            out.append(batch)
            batch, real = [], 0
        batch.append(p)
        real += n
    if batch:
        out.append(batch)
    return out


@dataclass
class RoleSpan:
    """A predicted role span, offsets relative to the text given to ``predict``."""

    role: str
    start: int
    end: int
    score: float


class NerModel:
    """A fine-tuned character-level token classifier (ours or from any BERT-style base)."""

    def __init__(self, model, tokenizer, path: str = "", max_chars: int = 126, stride: int = 96,
                 threads: Optional[int] = None):
        self.model = model.eval()
        # torch threads while predicting: 1 by default. On a busy 2-core machine two threads
        # stall each other (measured 12.5k chars/s with 1 thread, 1.5k with 2); the caller's
        # setting is restored afterwards. $GOVNLP_TORCH_THREADS overrides.
        import os
        self.threads = threads or int(os.environ.get("GOVNLP_TORCH_THREADS", "1"))
        self.tokenizer = tokenizer
        self.path = path
        self.max_chars = max_chars
        self.stride = stride
        self.id2label = {int(k): v for k, v in model.config.id2label.items()}
        self._piece_cache: dict[str, list[int]] = {}
        self._single: dict[str, int] = {}  # characters that are exactly one token

    def _pieces(self, ch: str) -> list[int]:
        """Token ids of one character as a word (cached; exact for any WordPiece tokenizer,
        since with ``is_split_into_words`` every word is tokenised on its own)."""
        ids = self._piece_cache.get(ch)
        if ids is None:
            ids = self.tokenizer(ch, add_special_tokens=False)["input_ids"] if not ch.isspace() else []
            self._piece_cache[ch] = ids
            if len(ids) == 1:
                self._single[ch] = ids[0]
        return ids

    def _encode(self, texts: list[str]):
        """Token id rows and, per row, the token positions and character indices (int64
        arrays) of the first token of every character that has one."""
        import numpy as np

        tok = self.tokenizer
        rows, firsts = [], []
        pieces, single = self._pieces, self._single
        for text in texts:
            view = model_view(text)
            got = list(map(single.get, view))
            if None not in got:  # the usual case: one token per character
                rows.append([tok.cls_token_id, *got, tok.sep_token_id])
                firsts.append((np.arange(1, len(view) + 1), np.arange(len(view))))
                continue
            ids, pos, idx = [tok.cls_token_id], [], []
            for i, ch in enumerate(view):
                p = pieces(ch)
                if p:
                    pos.append(len(ids))
                    idx.append(i)
                    ids.extend(p)
            ids.append(tok.sep_token_id)
            rows.append(ids)
            firsts.append((np.asarray(pos, dtype=np.int64), np.asarray(idx, dtype=np.int64)))
        return rows, firsts

    def _tensors(self, rows: list[list[int]]):
        import numpy as np
        import torch

        width = max(len(r) for r in rows)
        ids = np.full((len(rows), width), self.tokenizer.pad_token_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for r, row in enumerate(rows):
            ids[r, : len(row)] = row
            mask[r, : len(row)] = 1
        return torch.from_numpy(ids), torch.from_numpy(mask)

    def encode(self, texts: list[str]):
        """Padded input ids, attention mask and per-row word ids (character index per token),
        the same as ``tokenizer(list(text), is_split_into_words=True)`` but much faster."""
        rows, firsts = self._encode(texts)
        word_ids = []
        for ids, (positions, chars) in zip(rows, firsts):
            wids: list[Optional[int]] = [None] * len(ids)
            first = list(zip(positions.tolist(), chars.tolist()))
            for k, (pos, i) in enumerate(first):
                nxt = first[k + 1][0] if k + 1 < len(first) else len(ids) - 1
                wids[pos:nxt] = [i] * (nxt - pos)
            word_ids.append(wids)
        input_ids, mask = self._tensors(rows)
        return input_ids, mask, word_ids

    def _windows(self, n: int) -> list[tuple[int, int]]:
        if n <= self.max_chars:
            return [(0, n)]
        wins, start = [], 0
        while True:
            end = min(n, start + self.max_chars)
            wins.append((start, end))
            if end == n:
                return wins
            start += self.stride

    def char_log_probs(self, texts: list[str], batch_size: int = 32):
        """Per text, the log-probabilities ``(n_chars_with_a_token, n_labels)`` and the boolean
        mask of the characters that have a token.

        Texts are cut into windows (long ones overlap, each character taking the distribution
        of the window where it is most central), windows are sorted by length and run through
        the model at most ``batch_size`` at a time, a batch closing early rather than padding
        more than :data:`MAX_PADDING` of its tokens (:func:`_batches`).
        """
        import numpy as np
        import torch

        k = len(self.id2label)
        pieces = []  # (text index, window start, window end)
        for ti, text in enumerate(texts):
            pieces.extend((ti, s, e) for s, e in self._windows(len(text)))
        pieces.sort(key=lambda p: p[2] - p[1])
        dists = [np.zeros((len(t), k), dtype=np.float32) for t in texts]
        best = [np.full(len(t), -1, dtype=np.int64) for t in texts]
        for chunk in _batches(pieces, batch_size):
            rows, firsts = self._encode([texts[ti][s:e] for ti, s, e in chunk])
            input_ids, mask = self._tensors(rows)
            with torch.inference_mode():
                log_probs = self.model(input_ids=input_ids, attention_mask=mask).logits.log_softmax(-1).numpy()
            for row, (ti, s, e) in enumerate(chunk):
                tok, w = firsts[row]
                if not len(w):
                    continue
                if len(texts[ti]) > self.max_chars:
                    centrality = np.minimum(w, e - s - 1 - w)
                    take = centrality > best[ti][s + w]
                    tok, w, centrality = tok[take], w[take], centrality[take]
                else:
                    centrality = np.zeros(len(w), dtype=np.int64)
                best[ti][s + w] = centrality
                dists[ti][s + w] = log_probs[row, tok]
        seen = [b >= 0 for b in best]
        return [d[m] for d, m in zip(dists, seen)], seen

    def _decode(self, texts: list[str], batch_size: int):
        """Per text: label indices and their probabilities per character (Viterbi, batched)."""
        import numpy as np

        from .labels import viterbi_batch

        labels = [self.id2label[i] for i in range(len(self.id2label))]
        lps, seen = self.char_log_probs(texts, batch_size)
        paths = viterbi_batch(lps, labels)
        inside = {i: labels.index("I-" + lab[2:]) for i, lab in enumerate(labels)
                  if lab != "O" and "I-" + lab[2:] in labels}
        out = []
        for text, lp, path, m in zip(texts, lps, paths, seen):
            idx = np.zeros(len(text), dtype=np.int64)
            prob = np.ones(len(text), dtype=np.float64)
            idx[m] = path
            prob[m] = np.exp(lp[np.arange(len(path)), path]) if len(path) else []
            for i in np.flatnonzero(~m):  # a character without a token continues the tag before it
                idx[i] = inside.get(int(idx[i - 1]), 0) if i > 0 else 0
            out.append((idx, prob))
        return labels, out

    def predict_tags(self, texts: list[str], batch_size: int = 32) -> list[tuple[list[str], list[float]]]:
        """IOB2 tags and their probabilities per character.

        Long texts are read in overlapping windows, each character taking the distribution of
        the window where it is most central; the tag sequence is then decoded with Viterbi under
        strict IOB2 constraints (no I-X after O or after another role). Characters without a
        token (whitespace) continue the tag before them.
        """
        with self._threads():
            labels, decoded = self._decode(texts, batch_size)
        return [([labels[i] for i in idx.tolist()], prob.tolist()) for idx, prob in decoded]

    def predict(self, texts: list[str], batch_size: int = 32) -> list[list[RoleSpan]]:
        """Role spans per text (strict IOB2 decoding; score = mean character probability)."""
        with self._threads():
            labels, decoded = self._decode(texts, batch_size)
        result = []
        for (idx, prob), text in zip(decoded, texts):
            spans = []
            if idx.any():
                tags = [labels[i] for i in idx.tolist()]
                for role, s, e in tags_to_spans(tags):
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    if e > s:
                        spans.append(RoleSpan(role, s, e, float(prob[s:e].mean())))
            result.append(spans)
        return result

    def _threads(self):
        """A context that sets torch's thread count to ``self.threads`` and restores it."""
        from contextlib import contextmanager

        import torch

        @contextmanager
        def scope():
            before = torch.get_num_threads()
            if before != self.threads:
                torch.set_num_threads(self.threads)
            try:
                yield
            finally:
                if torch.get_num_threads() != before:
                    torch.set_num_threads(before)
        return scope()

    def save(self, path: str | Path) -> None:
        """Write model and tokenizer as a Hugging Face folder (config records the govnlp version)."""
        try:
            from .. import __version__ as version
        except ImportError:
            version = None
        self.model.config.govnlp_version = version
        self.model.config.govnlp_task = "indicator-ner"
        self.model.save_pretrained(str(path))
        self.tokenizer.save_pretrained(str(path))


def load_model(path: str | Path, threads: Optional[int] = None, backend: Optional[str] = None) -> NerModel:
    """Load a model folder offline; raise ModelNotFoundError (E007) if absent or damaged.

    ``threads``: torch threads used while predicting (default 1, see :class:`NerModel`).
    ``backend``: "torch" runs a BERT token classifier with plain torch (govnlp.ner.bert: no
    transformers import, same tags), "transformers" loads it with transformers, "auto" (the
    default; $GOVNLP_NER_BACKEND changes it) takes "torch" when the folder allows it.
    """
    p = Path(path)
    if not (p / "config.json").is_file():
        raise ModelNotFoundError(Errors.E007.format(path=str(p), reason="no config.json",
                                                    command=TRAIN_COMMAND))
    if not any((p / f).is_file() for f in WEIGHT_FILES):
        raise ModelNotFoundError(Errors.E007.format(path=str(p), reason="no model weights",
                                                    command=TRAIN_COMMAND))
    backend = backend or os.environ.get("GOVNLP_NER_BACKEND") or "auto"
    if backend not in BACKENDS:
        raise ValueError(f"NER backend {backend!r}: choose from {BACKENDS}")
    try:
        from .bert import CharTokenizer, TorchBert, supports

        why = supports(p)
        if backend == "transformers" or (backend == "auto" and why is not None):
            return _load_transformers(p, threads)
        if why is not None:
            raise ModelNotFoundError(Errors.E007.format(path=str(p), reason=f"not a plain BERT folder: {why}",
                                                        command=TRAIN_COMMAND))
        return NerModel(TorchBert.from_folder(p), CharTokenizer(p), path=str(p), threads=threads)
    except ModelNotFoundError:
        raise
    except Exception as exc:  # damaged config/weights/tokenizer (SafetensorError, OSError, ValueError ...)
        raise ModelNotFoundError(Errors.E007.format(path=str(p), reason=f"{type(exc).__name__}: {str(exc)[:200]}",
                                                    command=TRAIN_COMMAND)) from exc


def _load_transformers(p: Path, threads: Optional[int]) -> NerModel:
    """The folder loaded with transformers (any token-classification architecture)."""
    from transformers import AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    shown = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # a library call should not draw a "Loading weights" bar
    try:
        tok = AutoTokenizer.from_pretrained(str(p), local_files_only=True)
        model = AutoModelForTokenClassification.from_pretrained(str(p), local_files_only=True)
        return NerModel(model, tok, path=str(p), threads=threads)
    finally:
        if shown:
            hf_logging.enable_progress_bar()
