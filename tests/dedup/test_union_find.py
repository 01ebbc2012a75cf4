import numpy as np

from tasks.dedup.union_find import connected_components


def test_components_are_labelled_by_their_smallest_node():
    labels = connected_components(7, np.array([5, 1, 3, 6]), np.array([1, 2, 4, 4]))
    assert labels.tolist() == [0, 1, 1, 3, 3, 1, 3]


def test_long_chain_in_reverse_order():
    n = 1000
    labels = connected_components(n, np.arange(n - 1, 0, -1), np.arange(n - 2, -1, -1))
    assert (labels == 0).all()


def test_no_edges():
    assert connected_components(3, np.array([], int), np.array([], int)).tolist() == [0, 1, 2]
