"""govnlp: structured data from Chinese government work reports (政府工作报告).

>>> import govnlp
>>> from pathlib import Path
>>> report = govnlp.parse_report(Path("seeds/003_2765e964e35d9ca5.txt"))   # doctest: +SKIP
>>> report.meta.region, [s.title for s in report.sections if s.level == 1]   # doctest: +SKIP
"""
from .errors import GovnlpError, ModelNotFoundError, ReadError
from .report import (FUNCTIONS, TOPICS, Change, Footnote, GlossaryEntry, Indicator, Meta, Rank,
                     Report, Section, Slogan, Task)

__version__ = "0.1.0"


def parse_report(source=None, **kwargs) -> Report:
    """Parse one report (a str of text, bytes, or a file as pathlib.Path or ``path=``) into a
    :class:`Report`. See govnlp.pipeline.parse_report."""
    from .pipeline import parse_report as _parse
    return _parse(source, **kwargs)


def parse_reports(sources, **kwargs):
    """Parse many reports, yielding Reports in order (see govnlp.pipeline.parse_reports)."""
    from .pipeline import parse_reports as _parse_many
    return _parse_many(sources, **kwargs)


def compare(reports, **kwargs):
    """Targets against actuals per region, year and canonical indicator, as a DataFrame
    (see govnlp.targets.compare)."""
    from .targets import compare as _compare
    return _compare(reports, **kwargs)


__all__ = [
    "parse_report", "parse_reports", "compare", "Report", "Meta", "Section", "Indicator", "Change", "Rank",
    "Slogan", "Task", "GlossaryEntry", "Footnote", "FUNCTIONS", "TOPICS", "GovnlpError",
    "ReadError", "ModelNotFoundError", "__version__",
]
