"""The work of the newsdesk pipeline: readers, cleaners, deduplication, enrichment, quality gate and warehouse."""
