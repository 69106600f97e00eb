"""A fuzz campaign: many hostile inputs through parse_report, counting crashes, hangs and
broken invariants (not part of the test suite; tests/test_robustness.py is the small CI version).

    python benchmarks/fuzz.py --seed 1 --count 2000 --out /tmp/fuzz1
    python benchmarks/fuzz.py --seed 1 --only 17 --show     # re-run (and print) input 17

Input ``i`` of seed ``s`` is made by ``random.Random(f"{s}:{i}")`` from tests/fuzz_inputs.py,
so any input is regenerated alone with ``--only i``. Each input is parsed in a worker process
with a time limit; a crash is any exception other than GovnlpError, a hang is a parse over
``--slow`` seconds (10) of an input under 100k characters, a violation is a breach found by
govnlp.invariants (offsets, nesting, round trips, schema, JSON) or two parses that differ.
The summary is printed as JSON; with ``--out`` every failing input is saved there with its
traceback or violations.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import fuzz_inputs  # noqa: E402  (tests/fuzz_inputs.py)

#: share of inputs of each kind in a campaign
MIX = {"unicode": 14, "bytes": 12, "mutated": 26, "html": 14, "pdf": 8, "docx": 10, "encoding": 12, "adversarial": 4}


def make_input(seed: int, i: int):
    rnd = random.Random(f"{seed}:{i}")
    kind = rnd.choices(sorted(MIX), weights=[MIX[k] for k in sorted(MIX)])[0]
    if kind == "adversarial":
        return kind, fuzz_inputs.adversarial(rnd)
    return fuzz_inputs.generate(rnd, kind)


def _size(source) -> int:
    return len(source)


def check_one(source, indicators: str, determinism: bool) -> dict:
    """Parse ``source`` and check it; runs inside the worker."""
    from govnlp.errors import GovnlpError
    from govnlp.invariants import violations
    from govnlp.pipeline import parse_report

    t0 = time.perf_counter()
    try:
        report = parse_report(source, indicators=indicators)
    except GovnlpError as exc:
        return {"status": "error", "code": str(exc)[:6], "seconds": time.perf_counter() - t0}
    except BaseException as exc:  # noqa: BLE001 - what we are hunting
        return {"status": "crash", "error": f"{type(exc).__name__}: {str(exc)[:300]}",
                "traceback": traceback.format_exc()[-4000:], "seconds": time.perf_counter() - t0}
    seconds = time.perf_counter() - t0
    try:
        bad = violations(report)
        if determinism and parse_report(source, indicators=indicators).to_dict() != report.to_dict():
            bad.append("two parses of the same input differ")
    except BaseException as exc:  # noqa: BLE001
        return {"status": "crash", "error": f"while checking: {type(exc).__name__}: {str(exc)[:300]}",
                "traceback": traceback.format_exc()[-4000:], "seconds": seconds}
    return {"status": "violation" if bad else "ok", "violations": bad[:10], "seconds": seconds,
            "chars": len(report.text), "n_indicators": len(report.indicators), "n_sections": len(report.sections)}


def _worker(conn) -> None:
    import logging

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damaged PDFs are expected here
    while True:
        job = conn.recv()
        if job is None:
            return
        conn.send(check_one(*job))


class Worker:
    """One child process; replaced after a timeout."""

    def __init__(self):
        ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child,), daemon=True)
        self.proc.start()

    def run(self, job, timeout: float):
        self.conn.send(job)
        if self.conn.poll(timeout):
            return self.conn.recv()
        self.proc.kill()
        self.proc.join()
        return None

    def close(self):
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(5)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=2000)
    p.add_argument("--start", type=int, default=0, help="first input index")
    p.add_argument("--only", type=int, nargs="*", help="run just these input indices")
    p.add_argument("--slow", type=float, default=10.0, help="seconds over which a parse of <100k chars is a hang")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds after which the worker is killed")
    p.add_argument("--hybrid-every", type=int, default=25, help="every N-th input uses indicators='hybrid' (0: never)")
    p.add_argument("--determinism-every", type=int, default=5, help="every N-th input is parsed twice")
    p.add_argument("--out", type=Path, help="folder for failing inputs and the summary")
    p.add_argument("--show", action="store_true", help="print each result")
    args = p.parse_args(argv)

    indices = args.only if args.only else range(args.start, args.start + args.count)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    # warm the worker once (imports, lexicons, the section model) before timing anything
    import govnlp.pipeline  # noqa: F401
    worker = Worker()
    worker.run(("一、总体要求\n全县地区生产总值增长5%。", "rules", False), 600)
    counts: Counter = Counter()
    by_kind: dict = {}
    failures = []
    slowest = (0.0, None)
    t_start = time.perf_counter()
    for i in indices:
        kind, source = make_input(args.seed, i)
        indicators = "hybrid" if args.hybrid_every and i % args.hybrid_every == 0 else "rules"
        determinism = bool(args.determinism_every) and i % args.determinism_every == 0
        result = worker.run((source, indicators, determinism), args.timeout)
        if result is None:
            worker = Worker()
            result = {"status": "hang", "seconds": args.timeout, "error": f"killed after {args.timeout} s"}
        elif result["status"] in ("ok", "violation", "error") and result["seconds"] > args.slow and _size(source) < 100_000:
            result = dict(result, status="hang", error=f"{result['seconds']:.1f} s for {_size(source)} characters/bytes")
        status = result["status"]
        counts[status] += 1
        by_kind.setdefault(kind, Counter())[status] += 1
        if result["seconds"] > slowest[0]:
            slowest = (result["seconds"], i)
        if args.show:
            print(i, kind, indicators, json.dumps({k: v for k, v in result.items() if k != "traceback"},
                                                  ensure_ascii=False)[:400], flush=True)
        if status in ("crash", "hang", "violation"):
            failures.append({"index": i, "kind": kind, "indicators": indicators, "size": _size(source),
                             **{k: v for k, v in result.items() if k != "traceback"}})
            if args.out:
                ext = "txt" if isinstance(source, str) else "bin"
                data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
                (args.out / f"{i:05d}_{kind}_{status}.{ext}").write_bytes(data)
                (args.out / f"{i:05d}_{kind}_{status}.json").write_text(
                    json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    worker.close()
    summary = {
        "seed": args.seed, "inputs": sum(counts.values()), "ok": counts["ok"],
        "govnlp_errors": counts["error"], "crashes": counts["crash"], "hangs": counts["hang"],
        "violations": counts["violation"], "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
        "slowest": {"seconds": round(slowest[0], 2), "index": slowest[1]},
        "wall_seconds": round(time.perf_counter() - t_start, 1),
        "failures": failures[:50],
    }
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    print(text)
    if args.out:
        (args.out / "summary.json").write_text(text, "utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
