"""Prefect flows of newsdesk: the pipeline, its stages wired together, the CLI and the deployment."""

import os

# Telemetry off before Prefect is imported anywhere: runs and tests never leave loopback.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# The temporary API can take over 20 s to start on a busy 2-core machine; the default gives up sooner.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
