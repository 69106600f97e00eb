"""Task-plan stage (placeholder until the tasks helper lands)."""
from .report import Report, Task


def extract_tasks(report: Report) -> list[Task]:
    return []
