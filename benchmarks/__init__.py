"""Benchmarks of the pipeline stages, with the seeded corpus they share."""
