"""Slogan stage (placeholder until the slogans helper lands)."""
from typing import Optional

from ..report import Report, Slogan


def find_slogans(report: Report, lexicon: Optional[str] = None) -> list[Slogan]:
    return []
