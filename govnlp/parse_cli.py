"""``govnlp parse DIR|FILES``: print reports, or write a corpus run to JSON Lines, CSV or Parquet.

Every argument is a path (a folder is searched for report files, ``-`` reads stdin). A missing
or unreadable file does not stop the run: it is reported at the end, and only then does the
command exit non-zero.

Printing (no ``--out``): ``--format json`` prints one report as JSON and several as JSON Lines
(one record per line, ``{"source": path, ...report}``); ``--format indicators`` prints CSV.

Writing (``--out FILE``): ``.jsonl`` gets one record per report (a failed file gets
``{"source", "error": {"code", "type", "message"}}``); ``.csv`` / ``.parquet`` get one row per
indicator (or per section, slogan or task with ``--table``). Runs are resumable: sources already
in the output (JSON Lines: their records; tables: ``FILE.done``) are skipped, failed ones are
tried again.

    govnlp parse reports/ --out reports.jsonl --jobs -1
    govnlp parse a.txt b.pdf --format indicators > indicators.csv
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")
OUT_SUFFIXES = (".jsonl", ".csv", ".parquet")


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``govnlp parse``."""
    from .export import TABLES

    p = argparse.ArgumentParser(prog="govnlp parse", description=__doc__.split("\n\n")[0].replace("``", ""),
                                epilog="Writing --out is resumable; see docs/corpus.md.")
    p.add_argument("files", nargs="+", help="report files (.txt, .html, .pdf, .docx), folders of them, or - for stdin")
    p.add_argument("--format", choices=["json", "tree", "text", "indicators", "html"], default="json",
                   help="what to print when there is no --out (json: one report as JSON, several as JSON Lines; "
                        "indicators: CSV)")
    p.add_argument("--out", default=None,
                   help="write to FILE instead: .jsonl (one record per report), .csv or .parquet (one row per "
                        "indicator, see --table); resumable")
    p.add_argument("--table", choices=TABLES, default="indicators", help="rows of a .csv/.parquet --out")
    p.add_argument("--indicators", choices=["rules", "model", "hybrid", "none"], default="default",
                   help="how indicators are found (default: $GOVNLP_INDICATORS or the library default, rules; "
                        "hybrid adds the NER model; see docs/benchmark.md)")
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (-1: every core)")
    p.add_argument("--encoding", default=None, help="force an input encoding instead of detecting it")
    p.add_argument("--lexicon", default=None, help="an extra slogan lexicon (JSONL)")
    p.add_argument("--indent", type=int, default=1, help="indentation of a single JSON report")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on long runs")
    return p


def expand(args: list[str]) -> tuple[list, list[tuple[str, str]]]:
    """Sources from the arguments (folders searched recursively, sorted) and the problems found
    on the way, ``(argument, message)``."""
    from .errors import Errors

    sources: list = []
    problems: list[tuple[str, str]] = []
    for a in args:
        if a == "-":
            sources.append(sys.stdin.buffer.read())
            continue
        p = Path(a)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES)
            if not found:
                problems.append((a, f"no report files ({', '.join(REPORT_SUFFIXES)}) in this folder"))
            sources.extend(found)
        elif p.exists():
            sources.append(p)
        else:
            problems.append((a, Errors.E001.format(source=a, reason="no such file")))
    return sources, problems


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of ``govnlp parse``; 0 when every source was parsed, 1 otherwise."""
    args = parser().parse_args(argv)
    sources, problems = expand(args.files)
    kwargs = {"encoding": args.encoding, "indicators": args.indicators, "lexicon": args.lexicon}
    progress = False if args.no_progress else None
    if args.out:
        suffix = Path(args.out).suffix.lower()
        if suffix not in OUT_SUFFIXES:
            print(f"govnlp: --out {args.out!r}: use a .jsonl, .csv or .parquet file", file=sys.stderr)
            return 2
        failures = write_corpus(sources, Path(args.out), args.table, args.jobs, progress, kwargs)
    else:
        try:
            failures = print_reports(sources, args, progress, kwargs)
        except BrokenPipeError:  # the reader went away (| head): stop quietly
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    problems.extend(failures)
    if problems:
        print(f"govnlp: {len(problems)} source(s) could not be parsed:", file=sys.stderr)
        for name, message in problems:
            print(f"  {name}: {message}", file=sys.stderr)
        return 1
    return 0


def _run(sources: list, jobs: int, progress, kwargs: dict):
    from .corpus import parse_corpus

    return parse_corpus(sources, n_jobs=jobs, errors="warn", progress=progress, **kwargs)


def print_reports(sources: list, args, progress, kwargs: dict) -> list[tuple[str, str]]:
    """Print every report in ``args.format``; returns the failures."""
    from .corpus import FailedReport, record

    failures = []
    many = len(sources) > 1
    header = True
    for name, report in _run(sources, args.jobs, progress if many else False, kwargs):
        if isinstance(report, FailedReport):
            failures.append((name, report.error["message"]))
            continue
        if args.format == "json":
            if many:
                print(json.dumps(record(name, report), ensure_ascii=False))
            else:
                print(report.to_json(indent=args.indent))
        elif args.format == "tree":
            from .outline import format_tree

            print(f"# {name}: {report.meta.region or '?'} {report.meta.year or ''} {report.meta.doc_type}")
            print(format_tree(report))
            for w in report.warnings:
                print(f"! {w[:300]}")
        elif args.format == "text":
            print(report.text)
        elif args.format == "indicators":
            from .export import table

            table([report], "indicators", sources=[name]).to_csv(sys.stdout, header=header, index=False)
            header = False
        elif args.format == "html":
            from .html import to_html

            print(to_html(report))
        sys.stdout.flush()
    return failures


# ---- writing a corpus run ---------------------------------------------------------------------
def done_sources(out: Path, kind: str) -> set[str]:
    """Sources already written to ``out`` (records without an error, or ``out.done`` lines)."""
    done: set[str] = set()
    if kind == "jsonl":
        if out.is_file():
            with open(out, encoding="utf-8") as f:
                for line in f:
                    try:
                        rec = json.loads(line)
                    except ValueError:  # a line cut by an interrupted run
                        continue
                    if isinstance(rec, dict) and "error" not in rec and rec.get("source"):
                        done.add(rec["source"])
        return done
    marker = _done_file(out)
    if marker.is_file() and out.is_file():
        done.update(line for line in marker.read_text("utf-8").splitlines() if line)
    return done


def _done_file(out: Path) -> Path:
    return out.with_name(out.name + ".done")


def write_corpus(sources: list, out: Path, table_kind: str, jobs: int, progress,
                 kwargs: dict) -> list[tuple[str, str]]:
    """Parse the sources not yet in ``out`` and add them to it; returns the failures."""
    from .corpus import FailedReport, record, source_name

    kind = out.suffix.lower().lstrip(".")
    done = done_sources(out, kind)
    todo = [s for i, s in enumerate(sources) if source_name(s, i) not in done]
    skipped = len(sources) - len(todo)
    if skipped:
        print(f"govnlp: {skipped} source(s) already in {out}, {len(todo)} to parse", file=sys.stderr)
    if not todo:
        return []
    out.parent.mkdir(parents=True, exist_ok=True)
    failures = []
    if kind == "jsonl":
        with open(out, "a", encoding="utf-8") as f:
            for name, report in _run(todo, jobs, progress, kwargs):
                if isinstance(report, FailedReport):
                    failures.append((name, report.error["message"]))
                f.write(json.dumps(record(name, report), ensure_ascii=False) + "\n")
                f.flush()
        return failures
    from .export import table, write_table

    if not out.is_file():
        _done_file(out).unlink(missing_ok=True)
    frames, names = [], []
    pending = 0
    batch = 200 if kind == "csv" else 10 ** 9  # CSV is appended as it goes; Parquet written once

    def flush() -> None:
        nonlocal frames, names
        if names:
            import pandas as pd

            rows = [f for f in frames if len(f)]
            write_table(pd.concat(rows, ignore_index=True) if rows else frames[0], out, append=True)
            with open(_done_file(out), "a", encoding="utf-8") as d:
                d.write("".join(n + "\n" for n in names))
        frames, names = [], []

    for name, report in _run(todo, jobs, progress, kwargs):
        if isinstance(report, FailedReport):
            failures.append((name, report.error["message"]))
            continue
        frames.append(table([report], table_kind, sources=[name]))
        names.append(name)
        pending += 1
        if pending % batch == 0:
            flush()
    flush()
    return failures


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
