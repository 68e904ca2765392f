"""Named sources: who an article quotes or cites, each mention linked to its place.

`extract_sources(article)` is the one public call: cues.py lists the cue words,
mentions.py finds the words naming a source, extract.py pairs cues with sources and
content, linking.py merges mentions into sources; attribution.py holds what those two
share (the attribution record, a sentence's tokens, reading a descriptor).
"""

from __future__ import annotations

from summaries.sources.extract import extract_sources

__all__ = ["extract_sources"]
