"""Indicator stage (placeholder until the indicators helper lands)."""
from typing import Optional

from ..report import Indicator, Report


def extract_indicators(report: Report, mode: str = "rules", model: Optional[str] = None) -> list[Indicator]:
    return []
