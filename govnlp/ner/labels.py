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
