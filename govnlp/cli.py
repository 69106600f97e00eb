"""Command line: ``govnlp parse|slogans|bench|train ...``.

Each sub-command lives in the module that owns it; this file only dispatches.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional

from .errors import GovnlpError


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of the ``govnlp`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "parse": "parse a report (json, tree, text, indicators or html)",
        "slogans": "list the slogans of a report and what they stand for",
        "bench": "score pipelines on the bundled benchmark",
        "compare": "targets against actuals per region, year and indicator (a CSV panel)",
        "annotate": "pre-annotations for Label Studio / doccano, and corrected files back as gold",
        "train": "train models: pretrain | ner | sections | segmenter",
    }
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: govnlp COMMAND [...]\n\ncommands:")
        for name, help_ in commands.items():
            print(f"  {name:8s} {help_}")
        return 0
    if argv[0] in ("-V", "--version"):
        from . import __version__

        print(__version__)
        return 0
    cmd, rest = argv[0], argv[1:]
    try:
        if cmd == "parse":
            from .parse_cli import main as parse_main

            return parse_main(rest)
        if cmd == "slogans":
            from .slogans.cli import main as slogans_main

            return slogans_main(rest)
        if cmd == "bench":
            from .benchmark.cli import main as bench_main

            return bench_main(rest)
        if cmd == "train":
            return _train(rest)
        if cmd == "compare":
            from .targets import main as compare_main

            return compare_main(rest)
        if cmd == "annotate":
            from .annotate import main as annotate_main

            return annotate_main(rest)
    except GovnlpError as exc:
        print(f"govnlp: {exc}", file=sys.stderr)
        return 1
    print(f"govnlp: unknown command {cmd!r}; try `govnlp --help`", file=sys.stderr)
    return 2


def _train(argv: list[str]) -> int:
    targets = {"pretrain": "govnlp.train.pretrain", "ner": "govnlp.train.ner", "sections": "govnlp.train.sections",
               "segmenter": "govnlp.train.segmenter"}
    if not argv or argv[0] not in targets:
        print("usage: govnlp train {pretrain|ner|sections|segmenter} [--help]", file=sys.stderr)
        return 2
    problem = _shipped_model_guard(argv[1:])
    if problem:
        print(f"govnlp train {argv[0]}: {problem}", file=sys.stderr)
        return 2
    import importlib

    module = importlib.import_module(targets[argv[0]])
    return module.main([a for a in argv[1:] if a != "--overwrite-shipped"])


#: the models that ship with govnlp; training never writes over them unless asked
SHIPPED_MODELS = Path(__file__).resolve().parent.parent / "models"


def _shipped_model_guard(argv: list[str]) -> Optional[str]:
    """Why this training command may not run: ``--out`` missing (every trainer's default is a
    shipped model folder) or pointing into models/ without ``--overwrite-shipped``."""
    if any(a in ("-h", "--help") for a in argv):
        return None
    out = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--out"), None)
    out = out or next((a.split("=", 1)[1] for a in argv if a.startswith("--out=")), None)
    if out is None:
        return "--out DIR is required (the default would overwrite a model shipped in models/)"
    target = Path(out).resolve()
    if (target == SHIPPED_MODELS or SHIPPED_MODELS in target.parents) and "--overwrite-shipped" not in argv:
        return (f"--out {out} is a shipped model folder; write elsewhere, or add --overwrite-shipped "
                "to replace it on purpose (maintainers rebuilding the bundled models)")
    return None


if __name__ == "__main__":
    sys.exit(main())
