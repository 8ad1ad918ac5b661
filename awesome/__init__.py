"""awesome: keep a curated Markdown list of papers correct, canonical and alive."""

from __future__ import annotations

__version__ = "0.1.0"
