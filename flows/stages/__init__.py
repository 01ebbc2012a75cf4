"""One Prefect task per pipeline stage: read the previous stage's staged tables, do the work, stage the output."""
