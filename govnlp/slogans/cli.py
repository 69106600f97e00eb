"""``govnlp slogans FILE [--json] [--lexicon PATH]``: list a report's slogans and their expansions."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Optional


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govnlp slogans",
                                description="List the numbered slogans and abbreviations of a report.")
    p.add_argument("file", help="report file (.txt/.html/.pdf) or '-' for standard input")
    p.add_argument("--json", action="store_true", help="print JSON Lines, one slogan per line")
    p.add_argument("--lexicon", metavar="PATH", help="extra slogan lexicon (JSONL, same format as the bundled one)")
    return p


def main(argv: Optional[list[str]] = None) -> int:
    """Run the command; returns the exit status."""
    args = build_parser().parse_args(argv)
    from ..pipeline import parse_report, parse_text

    if args.file == "-":
        report = parse_text(sys.stdin.read(), indicators="none", lexicon=args.lexicon)
    else:
        report = parse_report(path=args.file, indicators="none", lexicon=args.lexicon)
    for s in report.slogans:
        if args.json:
            print(json.dumps(s.to_dict(), ensure_ascii=False))
            continue
        exp = "、".join(s.expansion) if s.expansion else "—"
        where = f" [{s.provenance}{', ' + s.scope if s.scope else ''}]" if s.provenance else ""
        alt = f" (+{s.alternatives} other reading{'s' if s.alternatives != 1 else ''})" if s.alternatives else ""
        print(f"{s.start}-{s.end}\t{s.text}\t{exp}{where}{alt}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
