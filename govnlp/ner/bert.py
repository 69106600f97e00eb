"""A plain torch BERT token classifier: the saved Hugging Face folder run without transformers.

Importing transformers' BERT pulls in torch.distributed, torch._dynamo and much more (about
3 s of CPU in a fresh process); this module needs only ``torch``, ``safetensors`` and the
``tokenizers`` library. It reads the same ``config.json``, ``model.safetensors`` and
``tokenizer.json`` and computes the same logits as ``BertForTokenClassification`` in eval mode
(post-LayerNorm encoder, exact GELU, absolute positions, padding masked out of attention).

:func:`supports` says whether a folder can be run this way; anything else (another
architecture, a checkpoint without ``tokenizer.json``) is loaded with transformers.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from types import SimpleNamespace
from typing import Optional

WEIGHTS = "model.safetensors"
TOKENIZER = "tokenizer.json"


def supports(folder: str | Path) -> Optional[str]:
    """None when ``folder`` can be run by :class:`TorchBert`, else why not."""
    f = Path(folder)
    for name in ("config.json", WEIGHTS, TOKENIZER):
        if not (f / name).is_file():
            return f"no {name}"
    try:
        cfg = json.loads((f / "config.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        return f"config.json: {exc}"
    if cfg.get("model_type") != "bert":
        return f"model_type {cfg.get('model_type')!r}"
    if "BertForTokenClassification" not in (cfg.get("architectures") or []):
        return f"architectures {cfg.get('architectures')!r}"
    if cfg.get("hidden_act", "gelu") != "gelu":
        return f"hidden_act {cfg.get('hidden_act')!r}"
    if cfg.get("position_embedding_type", "absolute") != "absolute":
        return f"position_embedding_type {cfg.get('position_embedding_type')!r}"
    return None


class CharTokenizer:
    """The few things NerModel asks of a tokenizer, from ``tokenizer.json`` (tokenizers library)."""

    def __init__(self, folder: str | Path):
        from tokenizers import Tokenizer

        f = Path(folder)
        self.folder = f
        self.backend = Tokenizer.from_file(str(f / TOKENIZER))
        cfg_file = f / "tokenizer_config.json"
        cfg = json.loads(cfg_file.read_text("utf-8")) if cfg_file.is_file() else {}

        def special(key: str, default: str) -> int:
            token = cfg.get(key, default)
            token = token.get("content", default) if isinstance(token, dict) else token
            i = self.backend.token_to_id(token)
            if i is None:
                raise ValueError(f"{TOKENIZER}: no {key} {token!r}")
            return i

        self.cls_token_id = special("cls_token", "[CLS]")
        self.sep_token_id = special("sep_token", "[SEP]")
        self.pad_token_id = special("pad_token", "[PAD]")
        self.vocab_size = self.backend.get_vocab_size()

    def __call__(self, text: str, add_special_tokens: bool = True) -> dict:
        """``{"input_ids": [...]}`` as a Hugging Face tokenizer returns it."""
        return {"input_ids": self.backend.encode(text, add_special_tokens=add_special_tokens).ids}

    def save_pretrained(self, path: str | Path) -> None:
        """Copy the tokenizer files into ``path``."""
        import shutil

        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        for name in (TOKENIZER, "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
            if (self.folder / name).is_file() and (self.folder / name).resolve() != (out / name).resolve():
                shutil.copyfile(self.folder / name, out / name)


class TorchBert:
    """BertForTokenClassification's forward pass on plain torch tensors (inference only)."""

    def __init__(self, config: dict, weights: dict, folder: str = ""):
        import torch

        self.config = SimpleNamespace(**config)
        self.config.id2label = {int(k): v for k, v in config["id2label"].items()}
        self.folder = folder
        self.raw = weights  # the state dict as saved, for save_pretrained
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        w = {k.removeprefix("bert."): v.float() for k, v in weights.items()}
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            qkv_w = torch.cat([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")])
            qkv_b = torch.cat([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append(SimpleNamespace(
                qkv=(qkv_w, qkv_b),
                attn_out=(w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"]),
                attn_norm=(w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                inter=(w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]),
                out=(w[p + "output.dense.weight"], w[p + "output.dense.bias"]),
                out_norm=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])))
        self.classifier = (w["classifier.weight"], w["classifier.bias"])

    @classmethod
    def from_folder(cls, folder: str | Path) -> "TorchBert":
        """Load ``config.json`` and ``model.safetensors`` of a Hugging Face folder."""
        from safetensors.torch import load_file

        f = Path(folder)
        config = json.loads((f / "config.json").read_text("utf-8"))
        return cls(config, load_file(str(f / WEIGHTS)), folder=str(f))

    def eval(self) -> "TorchBert":
        return self  # inference only: there is no dropout to switch off

    def __call__(self, input_ids, attention_mask=None):
        """Token logits ``(batch, length, n_labels)`` as ``.logits``."""
        import torch
        import torch.nn.functional as F

        b, n = input_ids.shape
        d = self.word.shape[1]
        hd = d // self.heads
        x = self.word[input_ids] + self.position[:n] + self.token_type
        x = F.layer_norm(x, (d,), *self.emb_norm, eps=self.eps)
        mask = None  # True where a query may attend: padding is left out
        if attention_mask is not None and not bool(attention_mask.all()):
            mask = (attention_mask[:, None, None, :] != 0)
        scale = 1.0 / math.sqrt(hd)
        for layer in self.layers:
            q, k, v = F.linear(x, *layer.qkv).view(b, n, 3, self.heads, hd).permute(2, 0, 3, 1, 4)
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=scale)
            ctx = ctx.transpose(1, 2).reshape(b, n, d)
            x = F.layer_norm(F.linear(ctx, *layer.attn_out) + x, (d,), *layer.attn_norm, eps=self.eps)
            h = F.gelu(F.linear(x, *layer.inter))
            x = F.layer_norm(F.linear(h, *layer.out) + x, (d,), *layer.out_norm, eps=self.eps)
        return SimpleNamespace(logits=F.linear(x, *self.classifier))

    def save_pretrained(self, path: str | Path) -> None:
        """Write ``config.json`` and ``model.safetensors`` (the weights as they were loaded)."""
        from safetensors.torch import save_file

        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        cfg = dict(vars(self.config))
        cfg["id2label"] = {str(k): v for k, v in self.config.id2label.items()}
        (out / "config.json").write_text(json.dumps(cfg, ensure_ascii=False, indent=2) + "\n", "utf-8")
        save_file({k: v.contiguous() for k, v in self.raw.items()}, str(out / WEIGHTS),
                  metadata={"format": "pt"})


__all__ = ["TorchBert", "CharTokenizer", "supports"]
