"""Metadata stage (placeholder until the meta helper lands)."""
from .report import Meta, Report


def extract_meta(report: Report) -> Meta:
    return Meta()
