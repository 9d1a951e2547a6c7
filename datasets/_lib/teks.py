"""Text noise shared by the generators that write what people type (not a dataset itself)."""

from __future__ import annotations

import numpy as np


def typo_word(rng: np.random.Generator, words: list[str], idx: list[int]) -> None:
    """Give one of ``words[idx]`` a swapped, dropped or doubled letter, in place (fixed draw order)."""
    i = idx[int(rng.integers(len(idx)))]
    w = words[i]
    j = int(rng.integers(1, len(w) - 2))
    kind = int(rng.integers(3))
    if kind == 0:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif kind == 1:
        w = w[:j] + w[j + 1:]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
