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

    def __init__(self, model, tokenizer, path: str = "", max_chars: int = 126, stride: int = 96):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.path = path
        self.max_chars = max_chars
        self.stride = stride
        self.id2label = {int(k): v for k, v in model.config.id2label.items()}

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
        """IOB2 tags and their probabilities per character; long texts are read in overlapping
        windows, each character taking the prediction of the window where it is most central."""
        import torch

        pieces = []  # (text index, window start, window end)
        for ti, text in enumerate(texts):
            pieces.extend((ti, s, e) for s, e in self._windows(len(text)))
        pieces.sort(key=lambda p: p[2] - p[1])
        best: list[list[tuple[float, int, float]]] = [[(-1.0, 0, 0.0)] * len(t) for t in texts]
        for b in range(0, len(pieces), batch_size):
            chunk = pieces[b: b + batch_size]
            enc = self.tokenizer([list(model_view(texts[ti][s:e])) for ti, s, e in chunk],
                                 is_split_into_words=True, truncation=True,
                                 max_length=self.max_chars + 2, padding=True, return_tensors="pt")
            with torch.inference_mode():
                probs = self.model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"],
                                   **({"token_type_ids": enc["token_type_ids"]} if "token_type_ids" in enc else {})
                                   ).logits.softmax(-1)
            conf, pred = probs.max(-1)
            for row, (ti, s, e) in enumerate(chunk):
                prev = None
                for tok, w in enumerate(enc.word_ids(row)):
                    if w is None or w == prev:
                        prev = w
                        continue
                    prev = w
                    centrality = min(w, e - s - 1 - w) if len(best[ti]) > self.max_chars else 0
                    i = s + w
                    if centrality > best[ti][i][0]:
                        best[ti][i] = (centrality, int(pred[row, tok]), float(conf[row, tok]))
        out = []
        for ti, text in enumerate(texts):
            tags, scores = [], []
            for i, (c, label, p) in enumerate(best[ti]):
                tag = self.id2label[label] if c >= 0 else "O"
                # a character without a token (whitespace) continues an open span
                if c < 0 and tags and tags[-1] != "O":
                    tag = "I-" + tags[-1][2:]
                tags.append(tag)
                scores.append(p)
            out.append((tags, scores))
        return out

    def predict(self, texts: list[str], batch_size: int = 32) -> list[list[RoleSpan]]:
        """Role spans per text (strict IOB2 decoding; score = mean character probability)."""
        result = []
        for (tags, scores), text in zip(self.predict_tags(texts, batch_size), texts):
            spans = []
            for role, s, e in tags_to_spans(tags):
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    spans.append(RoleSpan(role, s, e, sum(scores[s:e]) / (e - s)))
            result.append(spans)
        return result

    def save(self, path: str | Path) -> None:
        """Write model and tokenizer as a Hugging Face folder."""
        self.model.save_pretrained(str(path))
        self.tokenizer.save_pretrained(str(path))


def load_model(path: str | Path, threads: Optional[int] = None) -> NerModel:
    """Load a model folder offline (``local_files_only``); raise ModelNotFoundError if absent."""
    p = Path(path)
    if not (p / "config.json").is_file():
        raise ModelNotFoundError(Errors.E007.format(path=str(p), reason="no config.json",
                                                    command=TRAIN_COMMAND))
    if not any((p / f).is_file() for f in WEIGHT_FILES):
        raise ModelNotFoundError(Errors.E007.format(path=str(p), reason="no model weights",
                                                    command=TRAIN_COMMAND))
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    if threads is not None:
        torch.set_num_threads(threads)
    tok = AutoTokenizer.from_pretrained(str(p), local_files_only=True)
    model = AutoModelForTokenClassification.from_pretrained(str(p), local_files_only=True)
    return NerModel(model, tok, path=str(p))
