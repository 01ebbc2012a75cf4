"""Connected components of a graph given as edge arrays: union-find with vectorized hooking and path halving."""

from __future__ import annotations

import numpy as np


def connected_components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Label of each of the n nodes: the smallest node index of its component."""
    parent = np.arange(n, dtype=np.int64)
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    while True:
        root_left, root_right = _roots(parent, left), _roots(parent, right)
        differ = root_left != root_right
        if not differ.any():
            return _roots(parent, np.arange(n, dtype=np.int64))
        low = np.minimum(root_left[differ], root_right[differ])
        high = np.maximum(root_left[differ], root_right[differ])
        np.minimum.at(parent, high, low)
        left, right = left[differ], right[differ]


def _roots(parent: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    while True:
        up = parent[nodes]
        if np.array_equal(up, nodes):
            return nodes
        parent[nodes] = parent[up]
        nodes = up
