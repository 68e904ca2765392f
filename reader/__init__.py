"""Terminal news reader with citation-aware summaries."""

__version__ = "0.1.0"
