"""Loading a token-classification folder offline and predicting role spans on sentences."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import Errors, ModelNotFoundError
from .labels import tags_to_spans

_WIDE_TO_ASCII = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
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

    def _pieces(self, ch: str) -> list[int]:
        """Token ids of one character as a word (cached; exact for any WordPiece tokenizer,
        since with ``is_split_into_words`` every word is tokenised on its own)."""
        ids = self._piece_cache.get(ch)
        if ids is None:
            ids = self.tokenizer(ch, add_special_tokens=False)["input_ids"] if not ch.isspace() else []
            self._piece_cache[ch] = ids
        return ids

    def encode(self, texts: list[str]):
        """Padded input ids, attention mask and per-row word ids (character index per token),
        the same as ``tokenizer(list(text), is_split_into_words=True)`` but much faster."""
        import torch

        tok = self.tokenizer
        rows, word_ids = [], []
        for text in texts:
            ids, wids = [tok.cls_token_id], [None]
            for i, ch in enumerate(model_view(text)):
                for piece in self._pieces(ch):
                    ids.append(piece)
                    wids.append(i)
            ids.append(tok.sep_token_id)
            wids.append(None)
            rows.append(ids)
            word_ids.append(wids)
        width = max(len(r) for r in rows)
        input_ids = torch.full((len(rows), width), tok.pad_token_id, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for r, ids in enumerate(rows):
            input_ids[r, : len(ids)] = torch.tensor(ids)
            mask[r, : len(ids)] = 1
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

    def predict_tags(self, texts: list[str], batch_size: int = 32) -> list[tuple[list[str], list[float]]]:
        """IOB2 tags and their probabilities per character.

        Long texts are read in overlapping windows, each character taking the distribution of
        the window where it is most central; the tag sequence is then decoded with Viterbi under
        strict IOB2 constraints (no I-X after O or after another role). Characters without a
        token (whitespace) continue the tag before them.
        """
        import numpy as np
        import torch

        from .labels import viterbi

        labels = [self.id2label[i] for i in range(len(self.id2label))]
        pieces = []  # (text index, window start, window end)
        for ti, text in enumerate(texts):
            pieces.extend((ti, s, e) for s, e in self._windows(len(text)))
        pieces.sort(key=lambda p: p[2] - p[1])
        dists = [np.zeros((len(t), len(labels)), dtype=np.float32) for t in texts]
        best = [np.full(len(t), -1, dtype=np.int64) for t in texts]
        for b in range(0, len(pieces), batch_size):
            chunk = pieces[b: b + batch_size]
            input_ids, mask, word_ids = self.encode([texts[ti][s:e] for ti, s, e in chunk])
            with torch.inference_mode():
                log_probs = self.model(input_ids=input_ids, attention_mask=mask).logits.log_softmax(-1).numpy()
            for row, (ti, s, e) in enumerate(chunk):
                prev = None
                long_text = len(texts[ti]) > self.max_chars
                for tok, w in enumerate(word_ids[row]):
                    if w is None or w == prev:
                        prev = w
                        continue
                    prev = w
                    centrality = min(w, e - s - 1 - w) if long_text else 0
                    i = s + w
                    if centrality > best[ti][i]:
                        best[ti][i] = centrality
                        dists[ti][i] = log_probs[row, tok]
        out = []
        for ti in range(len(texts)):
            seen = best[ti] >= 0
            lp = dists[ti][seen]
            path = viterbi(lp, labels) if len(lp) else []
            tags, scores, k = [], [], 0
            for i in range(len(texts[ti])):
                if seen[i]:
                    tag, p = labels[path[k]], float(np.exp(lp[k, path[k]]))
                    k += 1
                else:
                    tag = "I-" + tags[-1][2:] if tags and tags[-1] != "O" else "O"
                    p = 1.0
                tags.append(tag)
                scores.append(p)
            out.append((tags, scores))
        return out

    def predict(self, texts: list[str], batch_size: int = 32) -> list[list[RoleSpan]]:
        """Role spans per text (strict IOB2 decoding; score = mean character probability)."""
        import torch

        before = torch.get_num_threads()
        torch.set_num_threads(self.threads)
        try:
            tagged = self.predict_tags(texts, batch_size)
        finally:
            torch.set_num_threads(before)
        result = []
        for (tags, scores), text in zip(tagged, texts):
            spans = []
            for role, s, e in tags_to_spans(tags):
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    spans.append(RoleSpan(role, s, e, sum(scores[s:e]) / (e - s)))
            result.append(spans)
        return result

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


def load_model(path: str | Path, threads: Optional[int] = None) -> NerModel:
    """Load a model folder offline (``local_files_only``); raise ModelNotFoundError if absent.

    ``threads``: torch threads used while predicting (default 1, see :class:`NerModel`).
    """
    p = Path(path)
    if not (p / "config.json").is_file():
        raise ModelNotFoundError(Errors.E007.format(path=str(p), reason="no config.json",
                                                    command=TRAIN_COMMAND))
    if not any((p / f).is_file() for f in WEIGHT_FILES):
        raise ModelNotFoundError(Errors.E007.format(path=str(p), reason="no model weights",
                                                    command=TRAIN_COMMAND))
    from transformers import AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    shown = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # a library call should not draw a "Loading weights" bar
    try:
        tok = AutoTokenizer.from_pretrained(str(p), local_files_only=True)
        model = AutoModelForTokenClassification.from_pretrained(str(p), local_files_only=True)
        ner = NerModel(model, tok, path=str(p), threads=threads)
    except Exception as exc:  # damaged config/weights/tokenizer (SafetensorError, OSError, ValueError ...)
        raise ModelNotFoundError(Errors.E007.format(path=str(p), reason=f"{type(exc).__name__}: {str(exc)[:200]}",
                                                    command=TRAIN_COMMAND)) from exc
    finally:
        if shown:
            hf_logging.enable_progress_bar()
    return ner
