"""Cleaning: decoded input text -> cleaned Articles with offset maps and removal records."""

from reader.cleaning.pipeline import clean

__all__ = ["clean"]
