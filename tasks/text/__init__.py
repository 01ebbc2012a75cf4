"""Text fingerprints shared by cleaning and deduplication: folding, and the content hash of a body."""
