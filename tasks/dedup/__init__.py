"""Deduplication: exact and near-duplicate copies grouped into stable story clusters, every copy kept."""
