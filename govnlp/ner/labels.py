"""The label set: character-level IOB2 tags over four indicator roles.

NAME    the indicator's surface name (地区生产总值, 一般公共预算收入)
VALUE   the level with its unit and qualifier words (44.88亿元, 8%左右, 1.35万人)
CHANGE  the change with its verb (增长8.5%, 下降0.3个百分点, 翻一番)
RANK    a ranking phrase (居全市第二, 全省第一)
"""
from __future__ import annotations

ROLES = ("NAME", "VALUE", "CHANGE", "RANK")
LABELS = ["O"] + [f"{p}-{r}" for r in ROLES for p in ("B", "I")]
LABEL2ID = {label: i for i, label in enumerate(LABELS)}


def spans_to_tags(length: int, spans: list[tuple[str, int, int]]) -> list[str]:
    """IOB2 tags for ``length`` characters from ``(role, start, end)`` spans; earlier spans win."""
    tags = ["O"] * length
    for role, start, end in spans:
        start, end = max(0, start), min(length, end)
        if start >= end or any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = f"B-{role}"
        for i in range(start + 1, end):
            tags[i] = f"I-{role}"
    return tags


def tags_to_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """Spans ``(role, start, end)`` of an IOB2 tag list; a stray I- starts a new span."""
    spans: list[tuple[str, int, int]] = []
    role, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, r = tag.partition("-")
        if role is not None and (prefix != "I" or r != role):
            spans.append((role, start, i))
            role = None
        if prefix == "B" or (prefix == "I" and role is None):
            role, start = r, i
    return spans


def allowed_transitions(labels: list[str]) -> list[list[bool]]:
    """``allowed[i][j]``: tag ``labels[j]`` may follow ``labels[i]`` under strict IOB2."""
    def ok(a: str, b: str) -> bool:
        if not b.startswith("I-"):
            return True
        return a != "O" and a[2:] == b[2:]
    return [[ok(a, b) for b in labels] for a in labels]


def viterbi(log_probs, labels: list[str]) -> list[int]:
    """The best label sequence that is valid IOB2 (no I-X after O or after another role).

    ``log_probs`` is a (length, n_labels) array of per-character log-probabilities.
    """
    import numpy as np

    lp = np.asarray(log_probs, dtype=np.float64)
    n, k = lp.shape
    if n == 0:
        return []
    trans = np.where(np.array(allowed_transitions(labels)), 0.0, -np.inf)
    start = np.array([0.0 if not lab.startswith("I-") else -np.inf for lab in labels])
    score = start + lp[0]
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + lp[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def viterbi_batch(log_probs: list, labels: list[str], group: int = 64) -> list:
    """:func:`viterbi` for many sequences at once: the same paths, one numpy step per position
    for a whole group of sequences of similar length instead of one per sequence.

    ``log_probs`` is a list of (length_i, n_labels) arrays; returns a list of int64 arrays.
    """
    import numpy as np

    k = len(labels)
    trans = np.where(np.array(allowed_transitions(labels)), 0.0, -np.inf)
    start = np.array([0.0 if not lab.startswith("I-") else -np.inf for lab in labels])
    order = sorted(range(len(log_probs)), key=lambda i: len(log_probs[i]))
    out: list = [np.zeros(0, dtype=np.int64)] * len(log_probs)
    for g in range(0, len(order), group):
        ids = [i for i in order[g: g + group] if len(log_probs[i])]
        if not ids:
            continue
        lengths = np.array([len(log_probs[i]) for i in ids])
        b, n = len(ids), int(lengths.max())
        x = np.zeros((b, n, k), dtype=np.float64)
        for r, i in enumerate(ids):
            x[r, : lengths[r]] = log_probs[i]
        score = start + x[:, 0]
        back = np.broadcast_to(np.arange(k), (b, n, k)).copy()  # padding: stay on the same tag
        for t in range(1, n):
            a = int(np.searchsorted(lengths, t, side="right"))  # rows still running (sorted by length)
            cand = score[a:, :, None] + trans                     # (rows, from, to)
            back[a:, t] = cand.argmax(1)
            score[a:] = cand.max(1) + x[a:, t]
        path = np.zeros((b, n), dtype=np.int64)
        path[:, n - 1] = score.argmax(1)
        rows = np.arange(b)
        for t in range(n - 1, 0, -1):
            path[:, t - 1] = back[rows, t, path[:, t]]
        for r, i in enumerate(ids):
            out[i] = path[r, : lengths[r]]
    return out
